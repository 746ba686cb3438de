// The device's signing key as the browser keeps it (IndexedDB, WebCrypto),
// read the way an attacker with the page or the browser's storage would:
// everything the origin stores, a search of it for private key material, the
// wrapped key opened with the same parameters as the app, a key kept as text
// by an earlier version (to seed), and a browser without WebCrypto Ed25519.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { expect, heading, press } from './fixture.js';

/** Where earlier versions kept the key as text, and the plain copy of its public part. */
export const KEY_AS_TEXT = 'review-together/signing-key';
export const PUBLIC_COPY = 'review-together/signing-key-public';
export const KEPT_ASIDE_KEY = 'review-together/kept-aside/signing-key';
/** The HKDF label of the key that wraps the signing key under a PIN (review_core::vault). */
const WRAP_LABEL = 'review-together/signing-key-wrap';

/**
 * Every localStorage entry and every record of every IndexedDB database and
 * store of the origin, described so it crosses to Node: bytes as hex,
 * CryptoKeys by what they say of themselves.
 */
export async function everythingStored(page) {
  return page.evaluate(async () => {
    const hex = (v) => {
      const bytes = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    };
    const describe = (v) => {
      if (v instanceof CryptoKey) {
        return { cryptoKey: { type: v.type, extractable: v.extractable, algorithm: v.algorithm.name, usages: [...v.usages] } };
      }
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return { bytes: hex(v) };
      if (Array.isArray(v)) return v.map(describe);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, describe(x)]));
      return v;
    };
    const local = Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const records = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((ok, bad) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => bad(r.error);
      });
      for (const store of db.objectStoreNames) {
        const [keys, values] = await new Promise((ok, bad) => {
          const tx = db.transaction(store);
          const k = tx.objectStore(store).getAllKeys();
          const v = tx.objectStore(store).getAll();
          tx.oncomplete = () => ok([k.result, v.result]);
          tx.onerror = () => bad(tx.error);
        });
        keys.forEach((key, i) => records.push({ database: name, store, key, value: describe(values[i]) }));
      }
      db.close();
    }
    return { local, records };
  });
}

/** Every string and every byte string (hex) in a described value. */
function leaves(value, strings = [], bytes = []) {
  if (typeof value === 'string') strings.push(value);
  else if (value && typeof value === 'object') {
    if (typeof value.bytes === 'string' && Object.keys(value).length === 1) bytes.push(value.bytes);
    else for (const v of Object.values(value)) leaves(v, strings, bytes);
  }
  return { strings, bytes };
}

/** The fields the app's signing key record has, and nothing else. */
const RECORD_FIELDS = ['iv', 'publicKey', 'version', 'wrapped', 'wrappedWith'];

/**
 * Everything in `stored` (everythingStored) that holds or could hold a
 * private key: a JWK with a private member `d` in any value, a CryptoKey that
 * can be exported or is a private key, a signing key record with anything
 * but the wrapped key and public facts; and, given `d` (a key's private part
 * in base64url), that key in base64url, base64 or hex anywhere. [] when none.
 */
export function privateKeyMaterial(stored, { d } = {}) {
  const found = [];
  const seed = d ? Buffer.from(d, 'base64url') : null;
  const spellings = seed ? [d, seed.toString('base64'), seed.toString('base64').replace(/=+$/, ''), seed.toString('hex')] : [];
  const look = (where, strings, bytes) => {
    for (const s of strings) {
      if (/"d"\s*:/.test(s)) found.push(`${where}: a JWK with a private part "d"`);
      for (const spelling of spellings) if (s.includes(spelling)) found.push(`${where}: the old key's private part as text`);
    }
    if (seed) for (const b of bytes) if (b.includes(seed.toString('hex'))) found.push(`${where}: the old key's private bytes`);
  };
  for (const [key, value] of Object.entries(stored.local)) look(`localStorage ${key}`, [value], []);
  for (const r of stored.records) {
    const where = `IndexedDB ${r.database}/${r.store}/${r.key}`;
    const { strings, bytes } = leaves(r.value);
    look(where, [r.key, ...strings], bytes);
    const keys = [];
    const walk = (v) => {
      if (v && typeof v === 'object') {
        if (v.cryptoKey) keys.push(v.cryptoKey);
        else Object.values(v).forEach(walk);
      }
    };
    walk(r.value);
    for (const k of keys) {
      if (k.extractable) found.push(`${where}: a CryptoKey that can be exported (${k.type} ${k.algorithm})`);
      if (k.type === 'private') found.push(`${where}: a private CryptoKey`);
    }
    if (r.key === 'signing-key') {
      const fields = Object.keys(r.value).filter((f) => f !== 'pinSalt').sort();
      if (JSON.stringify(fields) !== JSON.stringify(RECORD_FIELDS)) found.push(`${where}: fields ${fields}`);
      // PKCS#8 of an Ed25519 key is 48 bytes; AES-GCM adds a 16-byte tag.
      if (r.value.wrapped?.bytes?.length !== 64 * 2) found.push(`${where}: "wrapped" is not 64 bytes of AES-GCM`);
      if (r.value.publicKey?.bytes?.length !== 32 * 2) found.push(`${where}: "publicKey" is not 32 bytes`);
    }
  }
  return found;
}

/**
 * Open the stored signing key the way the app does: the record and the
 * device's key from IndexedDB, or (wrapped under a PIN) the key HKDF gives
 * from the PIN's PBKDF2 key (`pin`; the salt and count of the PIN record,
 * or `salt` given); unwrapKey("pkcs8", …, extractable false, ["sign"]).
 * What the keys allow: can they be exported, does the key sign for its
 * public key. `opened: false` when the key does not open.
 */
export async function openAsTheApp(page, { pin, salt } = {}) {
  return page.evaluate(async ({ pin, salt, label }) => {
    const db = await new Promise((ok, bad) => {
      const r = indexedDB.open('review-together');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => bad(r.error);
    });
    const get = (key) => new Promise((ok, bad) => {
      const q = db.transaction('keys').objectStore('keys').get(key);
      q.onsuccess = () => ok(q.result);
      q.onerror = () => bad(q.error);
    });
    const record = await get('signing-key');
    const deviceKey = await get('device-kek');
    db.close();
    const refused = async (p) => p.then(() => false, () => true);
    const subtle = crypto.subtle;
    const device = deviceKey && {
      type: deviceKey.type,
      extractable: deviceKey.extractable,
      usages: [...deviceKey.usages].sort(),
      exportRefused: await refused(subtle.exportKey('raw', deviceKey)),
    };
    let kek = deviceKey;
    if (record.wrappedWith === 'pin') {
      const fromB64 = (t) => Uint8Array.from(atob(t.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
      const pinRecord = JSON.parse(localStorage.getItem('review-together/pin'));
      const material = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
      const bits = await subtle.deriveBits(
        { name: 'PBKDF2', hash: 'SHA-256', salt: fromB64(salt ?? pinRecord.salt), iterations: pinRecord.iterations }, material, 256,
      );
      const base = await subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
      kek = await subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: new TextEncoder().encode(label) },
        base, { name: 'AES-GCM', length: 256 }, false, ['unwrapKey'],
      );
    }
    const facts = { wrappedWith: record.wrappedWith, pinSalt: record.pinSalt, device };
    let key;
    try {
      key = await subtle.unwrapKey('pkcs8', record.wrapped, kek, { name: 'AES-GCM', iv: record.iv }, 'Ed25519', false, ['sign']);
    } catch {
      return { ...facts, opened: false };
    }
    const publicKey = await subtle.importKey('raw', record.publicKey, 'Ed25519', true, ['verify']);
    const message = new TextEncoder().encode('header.payload');
    const signature = await subtle.sign('Ed25519', key, message);
    return {
      ...facts,
      opened: true,
      key: {
        type: key.type,
        extractable: key.extractable,
        usages: [...key.usages],
        pkcs8Refused: await refused(subtle.exportKey('pkcs8', key)),
        jwkRefused: await refused(subtle.exportKey('jwk', key)),
        signs: await subtle.verify('Ed25519', publicKey, signature, message),
      },
    };
  }, { pin, salt, label: WRAP_LABEL });
}

/** What openAsTheApp finds when the key opens: it cannot be exported, and it signs. */
export const SEALED_KEY = {
  opened: true,
  key: { type: 'private', extractable: false, usages: ['sign'], pkcs8Refused: true, jwkRefused: true, signs: true },
};
/** The device's own key, as openAsTheApp finds it (made only when a key was wrapped under it): it cannot be exported. */
export const DEVICE_KEY = { type: 'secret', extractable: false, usages: ['unwrapKey', 'wrapKey'], exportRefused: true };

/** The public key of the record the browser keeps (hex), or null when it keeps none. */
export async function browserKeyOf(page) {
  const { records } = await everythingStored(page);
  return records.find((r) => r.database === 'review-together' && r.key === 'signing-key')?.value.publicKey.bytes ?? null;
}

/** The RFC 7638 thumbprint of an Ed25519 public key `x` (base64url): the key's fingerprint. */
export function fingerprintOf(x) {
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

/**
 * A new key as an earlier version kept it: `text` (the stored envelope,
 * as `encode_stored_key` writes it), the private JWK (`jwk`, for the CLI),
 * its private part `d` and its fingerprint.
 */
export function keyAsText() {
  const { privateKey } = generateKeyPairSync('ed25519');
  const { crv, d, kty, x } = privateKey.export({ format: 'jwk' });
  const jwk = { crv, d, kty, x };
  return { text: JSON.stringify({ jwk, kind: 'signing-key', version: 1 }), jwk, d, fingerprint: fingerprintOf(x) };
}

/**
 * From now on this page's browser has no WebCrypto Ed25519: generateKey and
 * importKey reject Ed25519 with NotSupportedError, as a browser without it does.
 */
export async function withoutEd25519(page) {
  await page.addInitScript(() => {
    const subtle = crypto.subtle;
    const isEd25519 = (a) => a === 'Ed25519' || a?.name === 'Ed25519';
    const refuse = () => Promise.reject(new DOMException('Ed25519 is not supported', 'NotSupportedError'));
    for (const [method, at] of [['generateKey', 0], ['importKey', 2]]) {
      const real = subtle[method].bind(subtle);
      subtle[method] = (...args) => (isEd25519(args[at]) ? refuse() : real(...args));
    }
  });
}

/** On the key screen, the fingerprint as shown (in groups of four); made first when there is none yet. */
export async function keyScreenFingerprint(page) {
  await expect(heading(page, 'This device’s signing key')).toBeVisible();
  const fingerprint = page.locator('#key-fingerprint');
  const make = page.getByRole('button', { name: 'Make the signing key now' });
  await expect(fingerprint.or(make)).toBeVisible();
  if (await make.isVisible()) await press(make);
  await expect(fingerprint).toBeVisible();
  return (await fingerprint.textContent()).trim();
}
