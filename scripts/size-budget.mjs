// The size budget (issue 19, point 5): sizes are deterministic, so unlike
// times they can fail a test. Reads the release build in dist/, finds the
// files index.html loads before the app can be used (the wasm, its JS glue and
// the split loader it imports, the stylesheet, index.html and boot.js), and compares their gzip sizes
// with tests/size-budget.json. Over budget, it prints where the wasm's bytes
// go (scripts/wasm-sizes.mjs), so the change that grew it can be found.
//
// The budget is raised only with a reason, written in the file beside the new
// figure and in the commit that raises it.
//
//   node scripts/size-budget.mjs [DIST] [--json]
//
// Ends with "N passed, N failed" (one check per budget); exits 1 when over.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotli, gzip } from './compress.mjs';
import { report } from './wasm-sizes.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
export const BUDGET_FILE = join(ROOT, 'tests', 'size-budget.json');

/**
 * The files a first visit needs before the first control works, read from
 * the built index.html: [{ role, path }], paths relative to `dist`.
 */
export function firstLoadFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (re, what) => {
    const m = re.exec(html);
    if (!m) throw new Error(`index.html in ${dist} has no ${what}: is this a Trunk build of the app?`);
    // Relative to dist/, as index.html names them ("./app.css" or "/app.css").
    return m[1].replace(/^\.?\//, '');
  };
  const glue = attr(/data-js="([^"]+)"/, 'data-js');
  // The glue imports the loader of the modules that load on demand
  // (scripts/split.mjs): fetched at start, before the first control works.
  const loader = /from ['"]\.\/(split-loader-[0-9a-f]+\.js)['"]/.exec(readFileSync(join(dist, glue), 'utf8'));
  if (!loader) throw new Error(`the JS glue in ${dist} imports no split loader: was the build split (scripts/split.mjs)?`);
  return [
    { role: 'page', path: 'index.html' },
    { role: 'start-up script', path: attr(/<script[^>]*src="([^"]+)"[^>]*data-wasm/, 'start-up script') },
    { role: 'JS glue', path: glue },
    { role: 'split loader', path: loader[1] },
    { role: 'wasm', path: attr(/data-wasm="([^"]+)"/, 'data-wasm') },
    { role: 'stylesheet', path: attr(/<link rel="stylesheet" href="([^"]+)"/, 'stylesheet') },
  ];
}

/** Raw, gzip and Brotli bytes of each first-load file, made as the build makes them. */
export function measure(dist) {
  return firstLoadFiles(dist).map(({ role, path }) => {
    const bytes = readFileSync(join(dist, path));
    return { role, path, raw: bytes.length, gzip: gzip(bytes).length, brotli: brotli(bytes, path).length };
  });
}

const n = (v) => v.toLocaleString('en-GB');

/** The checks against a budget: [{ name, actual, budget, ok }]. */
export function check(rows, budget) {
  const wasm = rows.find((r) => r.role === 'wasm');
  const appFiles = rows.filter((r) => ['wasm', 'JS glue', 'split loader', 'stylesheet'].includes(r.role));
  const firstLoad = appFiles.reduce((sum, r) => sum + r.gzip, 0);
  return [
    { name: 'wasm, gzip', actual: wasm.gzip, budget: budget.wasm_gzip },
    { name: 'first load (wasm + JS + loader + CSS), gzip', actual: firstLoad, budget: budget.first_load_gzip },
  ].map((c) => ({ ...c, ok: c.actual <= c.budget }));
}

function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dist = args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`size-budget.mjs: no build in ${dist} (run trunk build --release --offline first)`);
    process.exit(1);
  }
  const budget = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));
  const rows = measure(dist);
  const checks = check(rows, budget);
  if (json) {
    console.log(JSON.stringify({ rows, checks }, null, 2));
  } else {
    console.log('First load of the release build (bytes):');
    console.log(`  ${'file'.padEnd(52)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'Brotli'.padStart(10)}`);
    for (const r of rows) {
      console.log(`  ${`${r.path} (${r.role})`.padEnd(52)} ${n(r.raw).padStart(10)} ${n(r.gzip).padStart(10)} ${n(r.brotli).padStart(10)}`);
    }
    const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
    console.log(`  ${'all of them'.padEnd(52)} ${n(sum('raw')).padStart(10)} ${n(sum('gzip')).padStart(10)} ${n(sum('brotli')).padStart(10)}`);
    for (const c of checks) {
      const headroom = c.budget - c.actual;
      console.log(`${c.ok ? 'ok  ' : 'OVER'} ${c.name}: ${n(c.actual)} of a budget of ${n(c.budget)} (${headroom >= 0 ? `${n(headroom)} to spare` : `${n(-headroom)} over`})`);
    }
  }
  const failed = checks.filter((c) => !c.ok).length;
  if (failed) {
    console.log(`\nOver the budget in tests/size-budget.json. Where the wasm's bytes go, to find what grew:`);
    const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
    const linked = join(target, 'wasm32-unknown-unknown', 'release', 'review-together.wasm');
    if (existsSync(linked)) report(linked, 20);
    else console.log(`  (no ${linked} to read names from)`);
  }
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
