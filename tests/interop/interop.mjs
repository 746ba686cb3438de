// Interoperability with code we did not write. Run from this folder after
// scripts/setup.sh (npm packages here, Python peers in a virtualenv):
//   node interop.mjs
// It builds the CLI (cargo), signs the format 2 fixture with it, and checks
// the file with every peer of peers.mjs (npm jose, canonicalize, ajv; Python
// joserfc at its default header checks, rfc8785, jsonschema); then signs the
// fixture with jose and checks that our CLI verifies it, and checks the FHIR
// R4 Bundle the CLI makes of it with npm fhir (FHIR.js). Format 1's frozen
// files still pass their schema, and jose reads them; joserfc's default
// header checks refuse format 1's private header parameters, which is why
// format 2 has none.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jose from 'jose';
import canonicalize from 'canonicalize';
import fhirjs from 'fhir';
import { ROOT as root, TYP, checkWithPeers, publicJwk, python, schemaValidator } from './peers.mjs';

const here = join(root, 'tests', 'interop');
const out = join(here, 'out');
const fixtures = join(root, 'tests', 'fixtures');
const fixturePath = join(fixtures, 'summary-unsigned-v2.json');

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

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync('cargo', ['build', '-q', '-p', 'review-summary'], { cwd: root, stdio: 'inherit' });
// Where cargo put it: scripts/test keeps builds in CARGO_TARGET_DIR, outside the clone.
const cli = join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'debug', 'review-summary');

// Our side: a new key, the fixture signed with it.
const keyPath = join(out, 'device.jwk');
const publicText = execFileSync(cli, ['keygen', '--out', keyPath], { encoding: 'utf8' });
const publicKey = publicJwk(publicText);
const publicPath = join(out, 'device.pub.jwk');
writeFileSync(publicPath, publicText);
const signedPath = join(out, 'signed.json');
execFileSync(cli, ['sign', '--key', keyPath, fixturePath, '--out', signedPath,
  '--signed-at', '2026-11-24T12:05:00+00:00']);
const signedText = readFileSync(signedPath, 'utf8');
const signedDoc = JSON.parse(signedText);

await check('every peer finds our format 2 file valid, each canonicalising it itself', async () => {
  const found = await checkWithPeers(signedPath, publicKey);
  assert.ok(found.canonical, 'npm canonicalize writes the same bytes');
  assert.ok(found.jose, found.joseError);
  assert.ok(found.ajv, JSON.stringify(found.ajvErrors));
  assert.ok(found.python.valid, JSON.stringify(found.python));
});

await check('the format 2 header holds registered parameters only (RFC 7515 §4.1)', () => {
  const [h] = signedDoc.signature.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  assert.deepEqual(Object.keys(header).sort(), ['alg', 'jwk', 'kid', 'typ']);
  assert.equal(header.alg, 'Ed25519');
  assert.equal(header.typ, TYP);
  assert.equal(canonicalize(header), Buffer.from(h, 'base64url').toString('utf8'), 'header in JCS form');
  assert.equal(signedDoc.signedAt, '2026-11-24T12:05:00+00:00', 'the signing time is in the document');
});

await check('jose refuses the file once one letter is changed', async () => {
  const { signature, ...unsigned } = signedDoc;
  const [h, , s] = signature.split('.');
  const key = await jose.importJWK(publicKey, 'Ed25519');
  const changed = canonicalize({ ...unsigned, organisation: `${unsigned.organisation}.` });
  await assert.rejects(jose.compactVerify(`${h}.${Buffer.from(changed).toString('base64url')}.${s}`, key, { algorithms: ['Ed25519'] }));
  const tampered = join(out, 'tampered.json');
  writeFileSync(tampered, canonicalize({ ...signedDoc, organisation: 'Someone Else' }));
  const found = await checkWithPeers(tampered, publicKey);
  assert.equal(found.jose, false);
  assert.equal(found.python.signature, false, 'joserfc refuses it too');
});

await check('the kid is the RFC 7638 thumbprint jose computes', async () => {
  const header = JSON.parse(Buffer.from(signedDoc.signature.split('.')[0], 'base64url').toString('utf8'));
  const thumbprint = await jose.calculateJwkThumbprint(header.jwk, 'sha256');
  assert.equal(header.kid, thumbprint);
  assert.equal(JSON.parse(publicText).kid, thumbprint, 'keygen prints the same fingerprint');
});

await check('ajv (2020-12, strict) compiles both published schemas, each with its $id', () => {
  for (const [version, unsignedFile] of [['1', 'summary-unsigned-v1.json'], ['2', 'summary-unsigned-v2.json']]) {
    const validate = schemaValidator(version);
    const schema = JSON.parse(readFileSync(join(root, 'public', 'schema', `summary-v${version}.json`), 'utf8'));
    assert.equal(schema.$id, `urn:review-together:schema:summary-v${version}`);
    const fixture = JSON.parse(readFileSync(join(fixtures, unsignedFile), 'utf8'));
    assert.ok(validate(fixture), JSON.stringify(validate.errors));
    assert.ok(!validate({ ...fixture, nickname: 'x' }), 'closed objects');
    assert.ok(!validate({ ...fixture, version: 1.5 }), 'integers only');
    assert.ok(!validate({ ...fixture, team: null }), 'no null');
  }
  assert.ok(schemaValidator('2')(signedDoc), JSON.stringify(schemaValidator('2').errors));
});

await check('format 1 files the last build made: their schema and jose still accept them', async () => {
  const frozen = join(fixtures, 'signed-v1', 'app-exported.json');
  const found = await checkWithPeers(frozen, publicJwk(readFileSync(join(fixtures, 'signed-v1', 'app-device.jwks'), 'utf8')));
  assert.ok(found.canonical && found.jose && found.ajv, JSON.stringify(found));
  // joserfc's default checks refuse format 1's private header parameters:
  // the finding that format 2 answers.
  assert.equal(found.python.signature, false);
  assert.match(found.python.errors.join(' '), /Unsupported .*(signedAt|documentId).* in header/);
});

// Their side: jose signs format 2, our CLI verifies (both algorithm names).
const pair = await jose.generateKeyPair('Ed25519', { extractable: true });
const { kty, crv, x } = await jose.exportJWK(pair.publicKey);
const joseJwk = { kty, crv, x };
const joseKid = await jose.calculateJwkThumbprint(joseJwk, 'sha256');
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
const joseFiles = [];
for (const alg of ['EdDSA', 'Ed25519']) {
  // jose writes the header in the order given (not JCS): verifiers take it as is.
  const header = { typ: TYP, alg, kid: joseKid, jwk: joseJwk };
  const payload = new TextEncoder().encode(canonicalize(fixture));
  const jws = await new jose.CompactSign(payload).setProtectedHeader(header).sign(pair.privateKey);
  const [h, , s] = jws.split('.');
  const path = join(out, `jose-${alg}.json`);
  writeFileSync(path, canonicalize({ ...fixture, signature: `${h}..${s}` }));
  joseFiles.push(path);
}
// The team's key list, made as a records team makes it: `keys add` with
// the fingerprint read out for each tablet.
const jwksPath = join(out, 'team.keys');
for (const [name, jwk] of [['jose key', { ...joseJwk, kid: joseKid }], ['app key', JSON.parse(publicText)]]) {
  const keyFile = join(out, `${name.replace(' ', '-')}.jwk`);
  writeFileSync(keyFile, JSON.stringify(jwk));
  const added = spawnSync(cli, ['keys', 'add', '--keys', jwksPath, '--name', name, '--fingerprint', jwk.kid, keyFile], { encoding: 'utf8' });
  assert.equal(added.status, 0, added.stderr);
}

await check('our CLI verifies files jose signed, with "EdDSA" and with "Ed25519"', () => {
  const run = spawnSync(cli, ['verify', '--json', '--trusted-keys', jwksPath, ...joseFiles, signedPath], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.equal(report.valid, 3);
  for (const f of report.files.slice(0, 2)) assert.equal(f.kid, joseKid);
});

await check('joserfc verifies the file jose signed with "Ed25519"', async () => {
  const found = await checkWithPeers(joseFiles[1], joseJwk);
  assert.ok(found.python.valid, JSON.stringify(found.python));
});

await check('our CLI refuses a jose-signed file once changed', () => {
  const tampered = join(out, 'jose-tampered.json');
  const doc = JSON.parse(readFileSync(joseFiles[0], 'utf8'));
  writeFileSync(tampered, canonicalize({ ...doc, organisation: 'Someone Else' }));
  const run = spawnSync(cli, ['verify', '--json', tampered], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.equal(JSON.parse(run.stdout).files[0].errors[0].code, 'bad_signature');
});

// FHIR R4 (issue 29): the Bundle of our records copy, checked by FHIR.js,
// which holds R4's structure definitions and value sets and works offline.
await check('FHIR.js (R4) finds the Bundle of our records copy valid, and every reference resolves in it', () => {
  const bundlePath = join(out, 'bundle.fhir.json');
  const made = spawnSync(cli, ['fhir', '--trusted-keys', jwksPath, '--out', bundlePath, signedPath], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
  const result = new fhirjs.Fhir().validate(bundle, { errorOnUnexpected: true });
  const errors = result.messages.filter((m) => m.severity === 'error');
  assert.deepEqual(errors, []);
  assert.ok(result.valid);
  // Warnings only where a binding prefers FHIR's codes and we give our own
  // (or FHIR.js does not hold the value set): never about structure.
  for (const w of result.messages.filter((m) => m.severity === 'warning')) {
    assert.match(w.message, /not found in value set/, JSON.stringify(w));
  }
  const kinds = bundle.entry.map((e) => e.resource.resourceType);
  for (const kind of ['Patient', 'RelatedPerson', 'Practitioner', 'Questionnaire', 'QuestionnaireResponse',
    'CarePlan', 'Task', 'Consent', 'DocumentReference', 'Provenance', 'Device', 'Organization']) {
    assert.ok(kinds.includes(kind), `${kind} in ${kinds}`);
  }
  const urls = new Set(bundle.entry.map((e) => e.fullUrl));
  assert.equal(urls.size, bundle.entry.length, 'each full URL once');
  const references = [];
  JSON.stringify(bundle, (key, value) => {
    if (key === 'reference' && typeof value === 'string') references.push(value);
    return value;
  });
  assert.ok(references.length > 20);
  for (const r of references) assert.ok(urls.has(r), `${r} resolves`);
  const questionnaire = bundle.entry.find((e) => e.resource.resourceType === 'Questionnaire').resource.url;
  for (const e of bundle.entry.filter((x) => x.resource.resourceType === 'QuestionnaireResponse')) {
    assert.equal(e.resource.questionnaire, questionnaire);
  }
  // The signed file rides in it byte for byte.
  const carried = bundle.entry.find((e) => e.resource.resourceType === 'DocumentReference').resource.content[0].attachment.data;
  assert.equal(Buffer.from(carried, 'base64').toString('utf8'), signedText);
});

await check('no Bundle is made of a changed file or of a signer the team does not trust', () => {
  const changed = join(out, 'changed.json');
  writeFileSync(changed, canonicalize({ ...signedDoc, organisation: 'Someone Else' }));
  const into = join(out, 'changed.fhir.json');
  const refused = spawnSync(cli, ['fhir', '--trusted-keys', jwksPath, '--out', into, changed], { encoding: 'utf8' });
  assert.equal(refused.status, 1, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /does not verify/);
  assert.throws(() => readFileSync(into));
  const strangerKey = join(out, 'stranger.jwk');
  execFileSync(cli, ['keygen', '--out', strangerKey], { stdio: 'pipe' });
  const strangers = join(out, 'stranger.json');
  execFileSync(cli, ['sign', '--key', strangerKey, fixturePath, '--out', strangers, '--signed-at', '2026-11-24T12:05:00+00:00'], { stdio: 'pipe' });
  const untrusted = spawnSync(cli, ['fhir', '--trusted-keys', jwksPath, strangers], { encoding: 'utf8' });
  assert.equal(untrusted.status, 3, untrusted.stdout + untrusted.stderr);
  assert.equal(untrusted.stdout, '');
});

await check('the Python peers are the pinned ones', () => {
  const run = spawnSync(python(), ['-c', 'import joserfc, rfc8785, jsonschema; print(joserfc.__version__)'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), '1.8.0');
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
