// The device's signing key (issue 18, point 1), tried as an attacker with the
// page or the browser's storage would: after a meeting is signed off, with or
// without a PIN, no localStorage entry and no IndexedDB record holds private
// key material; the key is stored only wrapped, and opened the way the app
// opens it, it cannot be exported (nor can the device's own key). Setting and
// changing the PIN wrap it again and it goes on signing; a key the last build
// kept as text moves into the browser, keeps its fingerprint, and leaves no
// copy behind; a browser without WebCrypto Ed25519 keeps the sealed text key,
// and the key screen says so.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, expect, press, heading, completeReview, lockedReview, openCheck, openTaskList, reach, restoreStorage,
  setDevicePin, signEveryone, visitUnlocked, DEVICE_PIN, SUMMARY_CLI as CLI,
} from '../helpers.js';
import {
  everythingStored, privateKeyMaterial, openAsTheApp, SEALED_KEY, DEVICE_KEY, fingerprintOf, withoutEd25519,
  keyScreenFingerprint, KEY_AS_TEXT, KEPT_ASIDE_KEY, PUBLIC_COPY,
} from '../keys.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 20_000 });

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const dump = (name) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
/** The last build's storage of a signed-off review, with its key as text (plain, and sealed with DEVICE_PIN). */
const LAST_BUILD = dump('drafts-v1/storage-signed-off.json');
const LAST_BUILD_SEALED = dump('drafts-v1/storage-signed-off-sealed.json');
const lastKey = JSON.parse(LAST_BUILD.stored[KEY_AS_TEXT]).jwk;
const grouped = (fingerprint) => fingerprint.match(/.{1,4}/g).join(' ');

/** The summary the sign-off screen offers, downloaded: its text and `review-summary verify --json`'s report. */
async function summaryVerified(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Download summary' }))]);
  const path = test.info().outputPath(dl.suggestedFilename());
  await dl.saveAs(path);
  const r = spawnSync(CLI, ['verify', '--json', path], { encoding: 'utf8' });
  return { path, report: JSON.parse(r.stdout).files[0] };
}

/** Intact, signed by `fingerprint`: no list of trusted keys was given, so only the signer is unchecked. */
function expectSignedBy(report, fingerprint) {
  expect(report.errors.map((e) => e.code)).toEqual(['signer_not_checked']);
  expect(report.kid).toBe(fingerprint);
}

/** Nothing on the device that is, or could give, a private key. */
async function expectNoPrivateKey(page, seen = {}) {
  const stored = await everythingStored(page);
  expect(privateKeyMaterial(stored, seen)).toEqual([]);
  expect(stored.local[KEY_AS_TEXT]).toBeUndefined();
  expect(Object.keys(stored.local).filter((k) => k.startsWith(KEPT_ASIDE_KEY))).toEqual([]);
  return stored;
}

test('without a PIN, a signed-off meeting leaves no private key anywhere, and the key cannot be exported', async ({ page }) => {
  test.setTimeout(300_000);
  await lockedReview(page);
  const { report } = await summaryVerified(page);

  const stored = await expectNoPrivateKey(page);
  // One record of the key, wrapped, and the device's own key: nothing else.
  expect(stored.records.map((r) => `${r.database}/${r.store}/${r.key}`).sort())
    .toEqual(['review-together/keys/device-kek', 'review-together/keys/signing-key']);
  // The plain copy holds the public part only.
  const copy = JSON.parse(stored.local[PUBLIC_COPY]);
  expect(copy).toMatchObject({ kind: 'signing-key-public', version: 1, guard: 'browser' });
  expect(Object.keys(copy.jwk).sort()).toEqual(['crv', 'kty', 'x']);
  expectSignedBy(report, fingerprintOf(copy.jwk.x));

  expect(await openAsTheApp(page)).toMatchObject({ ...SEALED_KEY, device: DEVICE_KEY, wrappedWith: 'device' });

  await page.goto('/settings/key');
  expect(await keyScreenFingerprint(page)).toBe(grouped(report.kid));
  await expect(page.getByText('This browser keeps the private part of the key. No page can read or copy it, not even this app')).toBeVisible();
  await expect(page.getByText('This device has no PIN, so anyone who can use this tablet can still have summaries signed with its key.')).toBeVisible();
});

test('setting and then changing the PIN wraps the key again each time, and it goes on signing', async ({ page }) => {
  test.setTimeout(300_000);
  const id = await completeReview(page);
  await page.goto('/settings/key');
  const fingerprint = (await keyScreenFingerprint(page)).replace(/\s+/g, '');
  expect(await openAsTheApp(page)).toMatchObject({ ...SEALED_KEY, device: DEVICE_KEY, wrappedWith: 'device' });

  // A PIN set: the key is wrapped under a key only the PIN gives.
  await setDevicePin(page);
  const first = JSON.parse(await page.evaluate(() => localStorage.getItem('review-together/pin')));
  await expect.poll(async () => (await openAsTheApp(page, { pin: DEVICE_PIN })).wrappedWith).toBe('pin');
  expect(await openAsTheApp(page, { pin: DEVICE_PIN })).toMatchObject({ ...SEALED_KEY, device: DEVICE_KEY, pinSalt: first.salt });
  expect(await openAsTheApp(page, { pin: '000000' })).toMatchObject({ opened: false });

  // The PIN changed: wrapped under the new PIN's key, and the old PIN no longer opens it.
  const NEW_PIN = '135790';
  await visitUnlocked(page, '/settings/pin');
  await page.getByLabel('Current PIN').fill(DEVICE_PIN);
  await page.getByLabel('New PIN (at least 6 numbers)').fill(NEW_PIN);
  await page.getByLabel('Enter the new PIN again').fill(NEW_PIN);
  await press(page.getByRole('button', { name: 'Change the PIN' }));
  await expect(page.getByText(/^The PIN is changed\./)).toBeVisible({ timeout: 30_000 });
  const second = JSON.parse(await page.evaluate(() => localStorage.getItem('review-together/pin')));
  expect(second.salt).not.toBe(first.salt);
  expect(await openAsTheApp(page, { pin: NEW_PIN })).toMatchObject({ ...SEALED_KEY, pinSalt: second.salt });
  expect(await openAsTheApp(page, { pin: DEVICE_PIN, salt: first.salt })).toMatchObject({ opened: false });

  // A review signed off now is signed with the same key.
  await visitUnlocked(page, `/review/${id}`, NEW_PIN);
  await openCheck(page);
  await signEveryone(page);
  const { report } = await summaryVerified(page);
  expectSignedBy(report, fingerprint);
  const stored = await expectNoPrivateKey(page);
  expect(JSON.parse(stored.local[PUBLIC_COPY]).guard).toBe('browser-pin');

  await visitUnlocked(page, '/settings/key', NEW_PIN);
  expect(await keyScreenFingerprint(page)).toBe(grouped(fingerprint));
  await expect(page.getByText('This browser keeps the private part of the key, locked with the device PIN.')).toBeVisible();
  await expect(page.getByText('It can sign only while the app is unlocked with the PIN.')).toBeVisible();
});

test('a key the last build kept as text moves into the browser: same fingerprint, no copy left, files it signed still its own', async ({ page }) => {
  test.setTimeout(300_000);
  // A file the old key signed, made with the records teams' CLI.
  const keyFile = test.info().outputPath('last-build.jwk');
  writeFileSync(keyFile, JSON.stringify(lastKey));
  const signedBefore = test.info().outputPath('signed-before.json');
  spawnSync(CLI, ['sign', '--key', keyFile, join(FIXTURES, 'summary-unsigned-v2.json'), '--out', signedBefore, '--signed-at', '2026-11-24T12:05:00+00:00']);
  const fingerprint = fingerprintOf(lastKey.x);

  // A review ready to sign, on a device that keeps the key as the last build
  // did, with a readable copy kept aside too (and no key in the browser).
  const id = await reach(page, 'review proper');
  await page.goto('/favicon.svg');
  await page.evaluate(async ({ text, keys }) => {
    await new Promise((done) => {
      const r = indexedDB.deleteDatabase('review-together');
      r.onsuccess = done;
      r.onerror = done;
    });
    localStorage.removeItem(keys.copy);
    localStorage.setItem(keys.text, text);
    localStorage.setItem(keys.aside, text);
  }, { text: LAST_BUILD.stored[KEY_AS_TEXT], keys: { text: KEY_AS_TEXT, aside: KEPT_ASIDE_KEY, copy: PUBLIC_COPY } });

  // The first start moves it in and removes both copies.
  await openTaskList(page, id);
  await expect.poll(() => page.evaluate((k) => [localStorage.getItem(k.text), localStorage.getItem(k.aside)], { text: KEY_AS_TEXT, aside: KEPT_ASIDE_KEY }))
    .toEqual([null, null]);
  await page.goto('/settings/key');
  expect(await keyScreenFingerprint(page)).toBe(grouped(fingerprint));
  await expect(page.getByText('This browser keeps the private part of the key. No page can read or copy it, not even this app')).toBeVisible();

  // What the old key signed is still this device's.
  await page.goto('/check-summary');
  await page.getByLabel('Summary file').setInputFiles(signedBefore);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Signed, but the signer could not be checked');
  await expect(page.getByText(`${grouped(fingerprint)} (this device)`)).toBeVisible();

  // And it signs from the browser now, as the same key.
  await openTaskList(page, id);
  await openCheck(page);
  await signEveryone(page);
  const { report } = await summaryVerified(page);
  expectSignedBy(report, fingerprint);
  await expectNoPrivateKey(page, { d: lastKey.d });
  expect(await openAsTheApp(page)).toMatchObject({ ...SEALED_KEY, device: DEVICE_KEY, wrappedWith: 'device' });
});

test('a key the last build sealed with the PIN moves into the browser at unlock, locked with the PIN', async ({ page }) => {
  test.setTimeout(120_000);
  const { id, stored } = LAST_BUILD_SEALED;
  await restoreStorage(page, stored);
  await page.reload();
  await expect(heading(page, 'Review Together is locked')).toBeVisible();
  await page.getByLabel('Device PIN').fill(DEVICE_PIN);
  await press(page.getByRole('button', { name: 'Unlock' }));
  await expect(page.getByRole('row', { name: /Ayesha Khan/ })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), KEY_AS_TEXT)).toBeNull();
  expect(await openAsTheApp(page, { pin: DEVICE_PIN })).toMatchObject({ ...SEALED_KEY, wrappedWith: 'pin' });
  await expectNoPrivateKey(page, { d: lastKey.d });

  // The review it signed off still offers its summary, signed by the same key the screen shows.
  await visitUnlocked(page, `/review/${id}`);
  await expect(heading(page, 'Carer review')).toBeVisible();
  const { report } = await summaryVerified(page);
  expect(report.kid).toBe(fingerprintOf(lastKey.x));
  await visitUnlocked(page, '/settings/key');
  expect(await keyScreenFingerprint(page)).toBe(grouped(report.kid));
  await expect(page.getByText('This browser keeps the private part of the key, locked with the device PIN.')).toBeVisible();
});

test('a browser without WebCrypto Ed25519 keeps the key as text, sealed with a PIN, and says so; an up-to-date one moves it in', async ({ page, context }) => {
  test.setTimeout(300_000);
  await withoutEd25519(page);
  const id = await completeReview(page);
  await page.goto('/settings/key');
  const fingerprint = (await keyScreenFingerprint(page)).replace(/\s+/g, '');
  await expect(page.getByText('This browser cannot keep a signing key out of the page’s reach, so the private part of the key is kept in the app’s storage on this device.')).toBeVisible();
  await expect(page.getByText('This device has no PIN: anyone who can open this browser’s storage could copy the key.')).toBeVisible();
  expect(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY_AS_TEXT)).jwk.x).toBeTruthy();

  // It signs as the app always did.
  await openTaskList(page, id);
  await openCheck(page);
  await signEveryone(page);
  expectSignedBy((await summaryVerified(page)).report, fingerprint);

  // A PIN seals it; the screen says so.
  await setDevicePin(page);
  const sealed = await page.evaluate((k) => localStorage.getItem(k), KEY_AS_TEXT);
  expect(sealed).toMatch(/^rt-sealed-v2:/);
  await visitUnlocked(page, '/settings/key');
  await expect(page.getByText('This browser cannot keep a signing key out of the page’s reach, so the private part of the key is kept in the app’s storage on this device, locked with the device PIN.')).toBeVisible();
  expect(privateKeyMaterial(await everythingStored(page))).toEqual([]);
  await page.close();

  // The same device in a browser that has it: the key moves in at unlock.
  const later = await context.newPage();
  await visitUnlocked(later, '/settings/key');
  await expect.poll(() => later.evaluate((k) => localStorage.getItem(k), KEY_AS_TEXT)).toBeNull();
  await expect(later.getByText('This browser keeps the private part of the key, locked with the device PIN.')).toBeVisible();
  expect(await keyScreenFingerprint(later)).toBe(grouped(fingerprint));
  expect(await openAsTheApp(later, { pin: DEVICE_PIN })).toMatchObject({ ...SEALED_KEY, wrappedWith: 'pin' });
  await expectNoPrivateKey(later);
});
