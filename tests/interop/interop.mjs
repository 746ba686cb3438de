// Interoperability with code we did not write. Run from this folder:
//   npm ci && npm test
// It builds the CLI (cargo), signs the fixture with it, and checks the file
// with npm jose (detached JWS, RFC 7638 thumbprint), npm canonicalize
// (RFC 8785) and ajv (JSON Schema 2020-12, strict); then signs the fixture
// with jose and checks that our CLI verifies it.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as jose from 'jose';
import canonicalize from 'canonicalize';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = join(here, 'out');
const fixturePath = join(root, 'tests', 'fixtures', 'summary-unsigned.json');
const schemaPath = join(root, 'public', 'schema', 'summary-v1.json');
const TYP = 'review-together-summary+jws';

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok      ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAILED  ${name}\n        ${e.stack ?? e}`);
  }
}

const b64url = (bytes) => Buffer.from(bytes).toString('base64url');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync('cargo', ['build', '-q', '-p', 'review-summary'], { cwd: root, stdio: 'inherit' });
// Where cargo put it: scripts/test keeps builds in CARGO_TARGET_DIR, outside the clone.
const cli = join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'debug', 'review-summary');

// Our side: a new key, the fixture signed with it.
const keyPath = join(out, 'device.jwk');
const publicJwk = JSON.parse(execFileSync(cli, ['keygen', '--out', keyPath], { encoding: 'utf8' }));
const signedPath = join(out, 'signed.json');
execFileSync(cli, ['sign', '--key', keyPath, fixturePath, '--out', signedPath,
  '--signed-at', '2026-11-24T12:05:00+00:00']);
const signedText = readFileSync(signedPath, 'utf8');
const signedDoc = JSON.parse(signedText);

await check('our file is byte for byte what npm canonicalize writes', () => {
  assert.equal(canonicalize(signedDoc), signedText);
});

await check('jose verifies our detached JWS over canonicalize(document without signature)', async () => {
  const { signature, ...unsigned } = signedDoc;
  const [h, empty, s] = signature.split('.');
  assert.equal(empty, '', 'detached: the payload part is empty');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  assert.equal(header.alg, 'Ed25519');
  assert.equal(header.typ, TYP);
  assert.equal(header.documentId, signedDoc.documentId);
  assert.equal(canonicalize(header), Buffer.from(h, 'base64url').toString('utf8'), 'header in JCS form');
  const key = await jose.importJWK(header.jwk, 'Ed25519');
  const payload = canonicalize(unsigned);
  const { protectedHeader } = await jose.compactVerify(`${h}.${b64url(payload)}.${s}`, key, {
    algorithms: ['Ed25519', 'EdDSA'],
  });
  assert.equal(protectedHeader.kid, header.kid);
  // One letter changed: jose refuses it too.
  const changed = canonicalize({ ...unsigned, organisation: `${unsigned.organisation}.` });
  await assert.rejects(jose.compactVerify(`${h}.${b64url(changed)}.${s}`, key, { algorithms: ['Ed25519'] }));
});

await check('the kid is the RFC 7638 thumbprint jose computes', async () => {
  const header = JSON.parse(Buffer.from(signedDoc.signature.split('.')[0], 'base64url').toString('utf8'));
  const thumbprint = await jose.calculateJwkThumbprint(header.jwk, 'sha256');
  assert.equal(header.kid, thumbprint);
  assert.equal(publicJwk.kid, thumbprint, 'keygen prints the same fingerprint');
});

await check('ajv (2020-12, strict, ajv-formats) compiles the shipped schema and accepts our files', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
  assert.ok(validate(fixture), JSON.stringify(validate.errors));
  assert.ok(validate(signedDoc), JSON.stringify(validate.errors));
  assert.ok(!validate({ ...fixture, nickname: 'x' }), 'closed objects');
  assert.ok(!validate({ ...fixture, version: 1.5 }), 'integers only');
  assert.ok(!validate({ ...fixture, team: null }), 'no null');
});

// Their side: jose signs, our CLI verifies (both algorithm names).
const { publicKey, privateKey } = await jose.generateKeyPair('Ed25519', { extractable: true });
const { kty, crv, x } = await jose.exportJWK(publicKey);
const joseJwk = { kty, crv, x };
const joseKid = await jose.calculateJwkThumbprint(joseJwk, 'sha256');
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
const joseFiles = [];
for (const alg of ['EdDSA', 'Ed25519']) {
  // jose writes the header in the order given (not JCS): verifiers take it as is.
  const header = { alg, typ: TYP, kid: joseKid, jwk: joseJwk, signedAt: '2026-11-24T12:06:00+00:00', documentId: fixture.documentId };
  const payload = new TextEncoder().encode(canonicalize(fixture));
  const jws = await new jose.CompactSign(payload).setProtectedHeader(header).sign(privateKey);
  const [h, , s] = jws.split('.');
  const path = join(out, `jose-${alg}.json`);
  writeFileSync(path, canonicalize({ ...fixture, signature: `${h}..${s}` }));
  joseFiles.push(path);
}
const jwksPath = join(out, 'trusted.jwks');
writeFileSync(jwksPath, JSON.stringify({ keys: [{ ...joseJwk, kid: joseKid }, publicJwk] }));

await check('our CLI verifies files jose signed, with "EdDSA" and with "Ed25519"', () => {
  const run = spawnSync(cli, ['verify', '--json', '--trusted-keys', jwksPath, ...joseFiles, signedPath], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.equal(report.valid, 3);
  for (const f of report.files.slice(0, 2)) assert.equal(f.kid, joseKid);
});

await check('our CLI refuses a jose-signed file once changed', () => {
  const tampered = join(out, 'jose-tampered.json');
  const doc = JSON.parse(readFileSync(joseFiles[0], 'utf8'));
  writeFileSync(tampered, canonicalize({ ...doc, organisation: 'Someone Else' }));
  const run = spawnSync(cli, ['verify', '--json', tampered], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.equal(JSON.parse(run.stdout).files[0].errors[0].code, 'bad_signature');
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
