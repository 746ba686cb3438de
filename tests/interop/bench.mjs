// Throughput of `review-summary verify` beside a small Node verifier built on
// jose + canonicalize, on the same generated summaries. Run from this folder:
//   npm ci && npm run bench            (10,000 files; outside CI)
//   npm run bench:smoke                (100 files, debug build; a smoke run for CI)
// The CLI is built in release with opt-level 3 (the workspace's release
// profile is tuned for the app's wasm size). The CLI checks more than the
// Node verifier does: the JSON Schema, duplicate names, the portable rules.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as jose from 'jose';
import canonicalize from 'canonicalize';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const count = Number(process.argv[process.argv.indexOf('--files') + 1]) || 10_000;
const dir = join(here, 'out', 'bench');
const TYP = 'review-together-summary+jws';

// --debug (the CI smoke run) uses the debug build the tests already made:
// it proves the benchmark works; its figures are not the ones to quote.
const debug = process.argv.includes('--debug');
execFileSync('cargo', debug
  ? ['build', '-q', '-p', 'review-summary']
  : ['build', '-q', '--release', '-p', 'review-summary',
    '--config', 'profile.release.opt-level=3', '--config', 'profile.release.panic="unwind"'],
{ cwd: root, stdio: 'inherit' });
const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
const cli = join(targetDir, debug ? 'debug' : 'release', 'review-summary');

// Generate: the fixture with a fresh document id and a varied line of text,
// signed with one jose key.
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const fixture = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'summary-unsigned-v2.json'), 'utf8'));
const { privateKey, publicKey } = await jose.generateKeyPair('Ed25519', { extractable: true });
const { kty, crv, x } = await jose.exportJWK(publicKey);
const jwk = { kty, crv, x };
const kid = await jose.calculateJwkThumbprint(jwk, 'sha256');
let started = performance.now();
for (let i = 0; i < count; i += 1) {
  const doc = { ...fixture, documentId: randomUUID(), reviewId: `review-${i}` };
  const header = { alg: 'Ed25519', typ: TYP, kid, jwk };
  const jws = await new jose.CompactSign(new TextEncoder().encode(canonicalize(doc)))
    .setProtectedHeader(header).sign(privateKey);
  const [h, , s] = jws.split('.');
  writeFileSync(join(dir, `${String(i).padStart(5, '0')}.json`), canonicalize({ ...doc, signature: `${h}..${s}` }));
}
const generated = (performance.now() - started) / 1000;

// Rust: one process over the directory.
started = performance.now();
// The team's key list holds the bench key (kept outside the directory checked).
const keyFile = join(dir, '..', 'bench-key.jwk');
const teamKeys = join(dir, '..', 'bench-team.keys');
writeFileSync(keyFile, JSON.stringify(jwk));
rmSync(teamKeys, { force: true });
const added = spawnSync(cli, ['keys', 'add', '--keys', teamKeys, '--name', 'Bench tablet', '--fingerprint', kid, keyFile], { encoding: 'utf8' });
assert.equal(added.status, 0, added.stderr);
const run = spawnSync(cli, ['verify', '--json', '--trusted-keys', teamKeys, dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
const rustSeconds = (performance.now() - started) / 1000;
const report = JSON.parse(run.stdout);
assert.equal(run.status, 0, run.stderr);
assert.equal(report.valid, count);

// Node: canonical bytes, thumbprint, signature.
started = performance.now();
let nodeValid = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
  const text = readFileSync(join(dir, name), 'utf8');
  const doc = JSON.parse(text);
  if (canonicalize(doc) !== text) continue;
  const { signature, ...unsigned } = doc;
  const [h, , s] = signature.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  if (header.kid !== await jose.calculateJwkThumbprint(header.jwk, 'sha256')) continue;
  const key = await jose.importJWK(header.jwk, 'Ed25519');
  const payload = Buffer.from(canonicalize(unsigned)).toString('base64url');
  try {
    await jose.compactVerify(`${h}.${payload}.${s}`, key, { algorithms: ['Ed25519', 'EdDSA'] });
    nodeValid += 1;
  } catch { /* invalid */ }
}
const nodeSeconds = (performance.now() - started) / 1000;
assert.equal(nodeValid, count);

const rate = (n, s) => `${Math.round(n / s).toLocaleString('en-GB')} files/s`;
console.log(`${count} summaries of ${readFileSync(join(dir, '00000.json')).length} bytes (generated in ${generated.toFixed(1)} s)`);
console.log(`review-summary verify (Rust, ${debug ? 'debug build' : 'release'}):  ${rustSeconds.toFixed(2)} s  ${rate(count, rustSeconds)}`);
console.log(`Node ${process.version} jose + canonicalize:  ${nodeSeconds.toFixed(2)} s  ${rate(count, nodeSeconds)}`);
console.log('1 passed, 0 failed');
