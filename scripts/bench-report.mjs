// Prints the table of a scripts/bench run (its figures in BENCH_OUT, and the
// build in dist/), and with --doc writes it into docs/performance.md between
// the markers there, with the date and the machine.
//
//   node scripts/bench-report.mjs BENCH.json [--doc]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPRESSIBLE, brotli, gzip, isCopy } from './compress.mjs';
import { firstLoadFiles } from './size-budget.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const DIST = join(ROOT, 'dist');
const DOC = join(ROOT, 'docs', 'performance.md');
const [file, ...flags] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/bench-report.mjs BENCH.json [--doc]');
  process.exit(2);
}
const b = JSON.parse(readFileSync(file, 'utf8'));
const n = (v) => (v === null || v === undefined ? '–' : v.toLocaleString('en-GB'));
const ms = (v) => (v === null || v === undefined ? '–' : `${v.toLocaleString('en-GB')} ms`);
const mib = (v) => (v ? `${(v / 1048576).toFixed(1)} MiB` : '–');
const lines = [];
const table = (head, rows) => {
  lines.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  lines.push('');
};

// 1. Every file of the build.
const first = new Set(firstLoadFiles(DIST).map((f) => f.path));
const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath ?? e.path, e.name).slice(DIST.length + 1))
  .filter((p) => !isCopy(p))
  .sort();
const rows = files.map((p) => {
  const bytes = readFileSync(join(DIST, p));
  const squeeze = COMPRESSIBLE.includes(extname(p));
  return { p, raw: bytes.length, gz: squeeze ? gzip(bytes).length : null, br: squeeze ? brotli(bytes, p).length : null };
});
const big = rows.filter((r) => first.has(r.p) || r.raw >= 4096);
const rest = rows.filter((r) => !big.includes(r));
lines.push('### The build, file by file (bytes)', '');
table(['file', 'raw', 'gzip', 'Brotli'], [
  ...big.map((r) => [`${r.p}${first.has(r.p) ? ' (first load)' : ''}`, n(r.raw), n(r.gz), n(r.br)]),
  [`${rest.length} smaller files (symbols, schema, icons)`, n(rest.reduce((s, r) => s + r.raw, 0)),
    n(rest.reduce((s, r) => s + (r.gz ?? r.raw), 0)), n(rest.reduce((s, r) => s + (r.br ?? r.raw), 0))],
]);
const app = rows.filter((r) => first.has(r.p) && /\.(wasm|js|css)$/.test(r.p) && r.p !== 'boot.js');
lines.push(`First load (wasm + JS and its split loader + CSS): **${n(app.reduce((s, r) => s + r.gz, 0))} bytes gzip**, ${n(app.reduce((s, r) => s + r.br, 0))} Brotli, ${n(app.reduce((s, r) => s + r.raw, 0))} raw.`, '');

// 2. The first visit as the browser makes it.
if (b.firstVisit) {
  lines.push('### A first visit, until the service worker is installed', '');
  table(['served as', 'requests', 'bytes'], Object.entries(b.firstVisit).map(([enc, v]) => [enc === 'br' ? 'Brotli (and gzip)' : 'gzip only', n(v.requests), n(v.total)]));
}
// 3. Start-up.
if (b.firstControl) {
  lines.push(`### Time to the first enabled control (fresh context, median of ${b.firstControl['1x'].runs.length})`, '');
  table(['CPU', 'median', 'runs'], Object.entries(b.firstControl).map(([rate, v]) => [rate, ms(v.median), v.runs.map((x) => x.toLocaleString('en-GB')).join(', ')]));
}
// 4. Typing.
if (b.typing) {
  const t = b.typing;
  lines.push('### Typing into a note on the large review, 4× CPU (50 criteria × 5 people, 200 notes, 30 services)', '');
  const row = (label, f) => [label, f(t.withoutPin), f(t.withPin)];
  table(['', 'without a PIN', 'with a PIN'], [
    row('keystrokes measured', (x) => n(x.keystrokes)),
    row('keystroke → next paint, p50 / p95', (x) => `${ms(x.keystrokeToPaint.p50)} / ${ms(x.keystrokeToPaint.p95)}`),
    row('input handler, p50 / p95', (x) => `${ms(x.handler.p50)} / ${ms(x.handler.p95)}`),
    row('DOM changes per keystroke, p50 / most', (x) => (x.domChanges ? `${n(x.domChanges.p50)} / ${n(x.domChanges.max)}` : '–')),
    row('autosave task, p50 / p95', (x) => `${ms(x.autosave.p50)} / ${ms(x.autosave.p95)}`),
    row('writes of the review per second while typing', (x) => n(x.writesPerSecond)),
    row('stored review (characters)', (x) => n(x.storedBytes)),
    row('JS heap after loading', (x) => mib(x.afterLoading.jsHeap)),
    row('wasm memory after loading', (x) => mib(x.afterLoading.wasmMemory)),
  ]);
}
// 5. Signing.
if (b.signOff) {
  lines.push('### The worker’s signature to the signed summary stored', '');
  table(['median', 'runs'], [[ms(b.signOff.median), b.signOff.runs.map((x) => x.toLocaleString('en-GB')).join(', ')]]);
}

const text = lines.join('\n');
console.log(text);
if (flags.includes('--doc')) {
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Debian Chromium headless`;
  const stamp = `Measured on ${new Date().toISOString().slice(0, 10)}, ${machine}.`;
  const doc = readFileSync(DOC, 'utf8');
  const [head, , tail] = doc.split(/<!-- (?:begin|end) bench -->/);
  if (tail === undefined) throw new Error('docs/performance.md has no <!-- begin bench --> … <!-- end bench --> markers');
  writeFileSync(DOC, `${head}<!-- begin bench -->\n${stamp}\n\n${text}\n<!-- end bench -->${tail}`);
  console.log(`\nwritten into ${DOC}`);
}
