// Checks one summary file with code we did not write, each peer making its
// own canonical bytes from the parsed document (never handed ours):
//   - npm canonicalize (RFC 8785): the file is exactly the canonical form;
//   - npm jose: the detached JWS over canonicalize(document without
//     signature) verifies with the key the caller trusts (never the file's);
//   - ajv (JSON Schema 2020-12, strict, ajv-formats) with the schema of the
//     file's format;
//   - Python joserfc at its default header checks (algorithms=["Ed25519"]),
//     rfc8785 and jsonschema (tests/interop/peer.py).
//
// As a program, for the end-to-end tests (a file the app downloaded):
//   node peers.mjs KEY.jwk FILE...
// prints one JSON line of findings and exits 0 only when every peer agrees
// the file is valid.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as jose from 'jose';
import canonicalize from 'canonicalize';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const TYP = 'review-together-summary+jws';
const SCHEMAS = join(ROOT, 'public', 'schema');

/** The Python in the virtualenv scripts/setup.sh made. */
export function python() {
  const venv = process.env.REVIEW_TOGETHER_PY
    || join(process.env.XDG_CACHE_HOME || join(process.env.HOME, '.cache'), 'review-together', 'py');
  return join(venv, 'bin', 'python');
}

const validators = new Map();
/** ajv's validator for a format's published schema (strict mode). */
export function schemaValidator(version) {
  if (!validators.has(version)) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(SCHEMAS, `summary-v${version}.json`), 'utf8'));
    validators.set(version, ajv.compile(schema));
  }
  return validators.get(version);
}

/** The public JWK in a key file (a JWK, or the first key of a JWK Set). */
export function publicJwk(text) {
  const value = JSON.parse(text);
  const key = value.keys ? value.keys[0] : value;
  return { kty: key.kty, crv: key.crv, x: key.x };
}

/** Every peer's finding on one file, with the trusted public JWK. */
export async function checkWithPeers(file, jwk) {
  const text = readFileSync(file, 'utf8');
  const doc = JSON.parse(text);
  const { signature, ...unsigned } = doc;
  const found = { file, canonical: canonicalize(doc) === text };
  try {
    const [h, empty, s] = signature.split('.');
    if (empty !== '') throw new Error('not a detached JWS');
    const payload = Buffer.from(canonicalize(unsigned)).toString('base64url');
    const key = await jose.importJWK(jwk, 'Ed25519');
    const { protectedHeader } = await jose.compactVerify(`${h}.${payload}.${s}`, key, { algorithms: ['Ed25519'] });
    found.header = protectedHeader;
    found.jose = protectedHeader.typ === TYP
      && protectedHeader.kid === await jose.calculateJwkThumbprint(jwk, 'sha256');
  } catch (e) {
    found.jose = false;
    found.joseError = String(e);
  }
  const validate = schemaValidator(doc.formatVersion);
  found.ajv = validate(doc);
  if (!found.ajv) found.ajvErrors = validate.errors;
  const run = spawnSync(python(), [join(here, 'peer.py'), '--key', '-', file], {
    input: JSON.stringify(jwk), encoding: 'utf8',
  });
  try {
    found.python = JSON.parse(run.stdout.trim().split('\n')[0]);
  } catch {
    found.python = { valid: false, errors: [run.stderr || 'peer.py printed nothing'] };
  }
  found.valid = found.canonical && found.jose && found.ajv && found.python.valid;
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [keyFile, ...files] = process.argv.slice(2);
  const jwk = publicJwk(readFileSync(keyFile, 'utf8'));
  let ok = files.length > 0;
  for (const file of files) {
    const found = await checkWithPeers(file, jwk);
    console.log(JSON.stringify(found));
    ok &&= found.valid;
  }
  process.exit(ok ? 0 : 1);
}
