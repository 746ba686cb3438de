// Page heights of every screen of the registry at 1024×768 (issue 26: "no
// part page taller than three screen heights"), as screens.spec.js measured
// them in its last run: read from its JSON report, printed tallest first.
// Heights are figures to compare before and after a change; the part pages'
// limit is asserted in screens.spec.js itself.
//   node tools/heights.mjs [report.json]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = process.argv[2] ?? fileURLToPath(new URL('../.results/report.json', import.meta.url));
const report = JSON.parse(readFileSync(file, 'utf8'));
const rows = [];
const walk = (suite) => {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      const of = (type) => (t.annotations ?? []).find((a) => a.type === type)?.description;
      const height = of('height at 1024×768');
      if (height) rows.push([Number(height), of('first control ends at') ?? '', spec.title.replace(/^screen: /, '')]);
    }
  }
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of report.suites) walk(suite);
if (!rows.length) {
  console.error(`No heights in ${file}: run specs/screens.spec.js first.`);
  process.exit(1);
}
rows.sort((a, b) => b[0] - a[0]);
const screens = (h) => (h / 768).toFixed(1);
// The first control's bottom edge shows whether the first screen (768 px)
// holds the first question.
console.log('height (px)  screens  first control ends at  screen');
for (const [h, first, name] of rows) {
  console.log(`${String(h).padStart(11)}  ${screens(h).padStart(7)}  ${String(first).padStart(21)}  ${name}`);
}
