// Throughput of `review-summary verify` and `export` beside a Node verifier
// built on jose + canonicalize + ajv doing the same checks, over a region's
// corpus (crates/review-summary/examples/region.rs: follow-ons, amendments).
// Prints a table of figures and asserts none. Run from this folder:
//   npm ci && npm run bench            (10,000 reviews; outside CI)
//   npm run bench:smoke                (100 reviews, debug build; a smoke run for CI)
//   node bench.mjs --reviews 10000 --doc   also writes the table into docs/performance.md
// The CLI is built in release with opt-level 3 (the workspace's release
// profile is tuned for the app's wasm size). Every figure is the best of
// three runs (warm: files in the page cache, Node's JIT warmed by the first).
// One core: RAYON_NUM_THREADS=1; all cores: every core the machine has.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jose from 'jose';
import canonicalize from 'canonicalize';
import { ROOT as root, TYP, schemaValidator } from './peers.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const reviews = Number(arg('--reviews', arg('--files', 10_000)));
const debug = process.argv.includes('--debug');
const out = join(root, 'tests', 'interop', 'out', 'bench');
const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
const profile = debug ? 'debug' : 'release';

// --debug (the CI smoke run) uses the debug build the tests already made:
// it proves the benchmark works; its figures are not the ones to quote.
const release = ['--release', '--config', 'profile.release.opt-level=3', '--config', 'profile.release.panic="unwind"'];
execFileSync('cargo', ['build', '-q', '-p', 'review-summary', '--bin', 'review-summary', '--example', 'region', ...(debug ? [] : release)],
  { cwd: root, stdio: 'inherit' });
const cli = join(targetDir, profile, 'review-summary');

rmSync(out, { recursive: true, force: true });
let started = performance.now();
execFileSync(join(targetDir, profile, 'examples', 'region'), ['--reviews', String(reviews), '--out', out], { stdio: 'ignore' });
const generated = (performance.now() - started) / 1000;
// The corpus's two bad files are for the records test: here every file is valid.
const dir = join(out, 'files');
for (const bad of ['tampered.json', 'stranger.json']) rmSync(join(dir, bad));
const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
const count = names.length;
const bytes = names.reduce((sum, n) => sum + readFileSync(join(dir, n)).length, 0);
const teamKeys = join(out, 'team.keys');

/** The best of three runs of `fn`, in seconds: the time `fn` says it took
 * (the CLI's run alone, not the checks of its output here), or else its own. */
async function best(fn) {
  let fastest = Infinity;
  for (let i = 0; i < 3; i += 1) {
    const t = performance.now();
    const took = await fn();
    fastest = Math.min(fastest, typeof took === 'number' ? took : (performance.now() - t) / 1000);
  }
  return fastest;
}

/** `review-summary ARGS` with `threads` cores (0: all), which must succeed:
 * its output, and the seconds it ran. */
function run(threads, args) {
  const env = { ...process.env };
  if (threads) env.RAYON_NUM_THREADS = String(threads);
  else delete env.RAYON_NUM_THREADS;
  const t = performance.now();
  const done = spawnSync(cli, args, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const took = (performance.now() - t) / 1000;
  assert.equal(done.status, 0, done.stderr + done.stdout.slice(-2000));
  return [done.stdout, took];
}

const verify = (threads) => () => {
  const [stdout, took] = run(threads, ['verify', '--json', '--trusted-keys', teamKeys, dir]);
  assert.equal(JSON.parse(stdout).valid, count);
  return took;
};
let exports = 0;
const exporting = (threads, format) => () => {
  exports += 1;
  const into = join(out, `export-${exports}`);
  const [, took] = run(threads, ['export', '--format', format, '--out', into, '--trusted-keys', teamKeys, dir]);
  assert.equal(readFileSync(join(into, format === 'csv' ? 'files.csv' : 'files.ndjson'), 'utf8').trim().split('\n').length,
    count + (format === 'csv' ? 1 : 0));
  rmSync(into, { recursive: true });
  return took;
};

// The Node peer: the checks the CLI makes, in the same order, with the same
// key list. Bytes as UTF-8 text, JSON, canonical bytes (RFC 8785, which also
// refuses a name given twice: the canonical form would hold it once), the
// header (alg, typ, kid = the RFC 7638 thumbprint of jwk), the key the team's
// list holds under that kid, the Ed25519 signature, the JSON Schema of the
// file's format (ajv, strict) and the portable rules (no null, integers
// within 2^53, text in NFC); and the file's SHA-256, as the CLI takes it.
const list = JSON.parse(readFileSync(teamKeys, 'utf8')).keys;
const trusted = new Map();
for (const k of list) {
  if (!k.revoked) trusted.set(k.kid, await jose.importJWK({ kty: k.kty, crv: k.crv, x: k.x }, 'Ed25519'));
}
const decoder = new TextDecoder('utf-8', { fatal: true });
function portable(v) {
  if (v === null) return false;
  if (typeof v === 'number') return Number.isSafeInteger(v);
  if (typeof v === 'string') return v.normalize('NFC') === v;
  if (Array.isArray(v)) return v.every(portable);
  if (typeof v === 'object') return Object.entries(v).every(([k, x]) => k.normalize('NFC') === k && portable(x));
  return true;
}
async function nodeVerify(file) {
  const bytes = readFileSync(file);
  // The file's SHA-256, as the CLI takes it for the team's receipt log.
  createHash('sha256').update(bytes).digest('base64url');
  const text = decoder.decode(bytes);
  const doc = JSON.parse(text);
  if (canonicalize(doc) !== text) return false;
  const { signature, ...unsigned } = doc;
  const [h, empty, s] = signature.split('.');
  if (empty !== '') return false;
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  if (header.alg !== 'Ed25519' || header.typ !== TYP) return false;
  if (header.kid !== await jose.calculateJwkThumbprint(header.jwk, 'sha256')) return false;
  const key = trusted.get(header.kid);
  if (!key) return false;
  const payload = Buffer.from(canonicalize(unsigned)).toString('base64url');
  try {
    await jose.compactVerify(`${h}.${payload}.${s}`, key, { algorithms: ['Ed25519'] });
  } catch { return false; }
  return schemaValidator(doc.formatVersion)(doc) && portable(doc);
}
const node = async () => {
  let valid = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    if (await nodeVerify(join(dir, name))) valid += 1;
  }
  assert.equal(valid, count);
};

const cores = availableParallelism();
const rows = [
  ['verify', 'Rust `review-summary verify`', 1, await best(verify(1))],
  ['verify', 'Rust `review-summary verify`', cores, await best(verify(0))],
  ['verify', `Node ${process.version} jose + canonicalize + ajv`, 1, await best(node)],
  ['export NDJSON', 'Rust `review-summary export`', 1, await best(exporting(1, 'ndjson'))],
  ['export NDJSON', 'Rust `review-summary export`', cores, await best(exporting(0, 'ndjson'))],
  ['export CSV', 'Rust `review-summary export`', 1, await best(exporting(1, 'csv'))],
  ['export CSV', 'Rust `review-summary export`', cores, await best(exporting(0, 'csv'))],
];
const perSecond = (s) => Math.round(count / s);
const n = (x) => x.toLocaleString('en-GB');
const node1 = rows[2][3];
const table = [
  `${n(count)} files (${n(reviews)} reviews with their follow-ons and amendments; ${n(Math.round(bytes / count))} bytes each on average), ${debug ? 'debug build (smoke run: not figures to quote)' : 'release build'}, ${cores} cores; the best of three runs.`,
  '',
  '| task | tool | cores | seconds | files/s | × Node, one core |',
  '|---|---|---|---|---|---|',
  ...rows.map(([task, tool, c, s]) =>
    `| ${task} | ${tool} | ${c} | ${s.toFixed(2)} | ${n(perSecond(s))} | ${task === 'verify' ? (node1 / s).toFixed(1) : ''} |`),
  '',
  `Scaling from 1 to ${cores} cores: verify ${(rows[0][3] / rows[1][3]).toFixed(2)}×, export NDJSON ${(rows[3][3] / rows[4][3]).toFixed(2)}×, export CSV ${(rows[5][3] / rows[6][3]).toFixed(2)}×. Corpus generated and signed in ${generated.toFixed(1)} s.`,
].join('\n');
console.log(table);

if (process.argv.includes('--doc')) {
  const doc = join(root, 'docs', 'performance.md');
  const text = readFileSync(doc, 'utf8');
  const [begin, end] = ['<!-- begin records bench -->', '<!-- end records bench -->'];
  assert.ok(text.includes(begin) && text.includes(end), `${doc} has no ${begin} … ${end}`);
  writeFileSync(doc, `${text.slice(0, text.indexOf(begin) + begin.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
}
console.log('1 passed, 0 failed');
