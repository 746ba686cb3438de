// Helpers of the app's features beside the meeting itself: the Display
// panel, passing the tablet, the header's save status and the banners of
// drafts, the device PIN, the records teams' summary CLI.
import { createDecipheriv, hkdfSync, pbkdf2Sync } from 'node:crypto';
import { expect, press, heading, radio, checkbox, escapeRegExp, startingWith } from './fixture.js';
import { turnBanner } from './meeting.js';

// --- Display settings (the header's "Display" panel) ----------------------

/** The Display panel (a modal dialog). */
export function displayPanel(page) {
  return page.getByRole('dialog', { name: 'Display' });
}

/** Open the Display panel from the header, if it is not open already. */
export async function openDisplay(page) {
  const panel = displayPanel(page);
  if (await panel.isVisible()) return panel;
  await press(page.getByRole('banner').getByRole('button', { name: 'Display', exact: true }));
  await expect(panel).toBeVisible();
  return panel;
}

/**
 * Choose display settings through the real panel:
 * { textSize: 'Standard' | 'Large' | 'Largest', highContrast, easyRead, lessMovement }
 * (what is not given is left as it is). Leaves the panel as it found it.
 */
export async function setDisplay(page, { textSize, highContrast, easyRead, lessMovement, readAloud } = {}) {
  const wasOpen = await displayPanel(page).isVisible();
  const panel = await openDisplay(page);
  if (textSize) await radio(panel, 'Text size', textSize).check();
  if (highContrast !== undefined) {
    await radio(panel, 'Colours', highContrast ? 'High contrast: white and yellow on black' : 'Standard colours').check();
  }
  const tick = async (name, on) => {
    if (on === undefined) return;
    const box = checkbox(panel, 'More help', name);
    if (on) await box.check();
    else await box.uncheck();
  };
  await tick('Easy read: short sentences and pictures', easyRead);
  await tick('Read aloud beside each question', readAloud);
  await tick('Less movement on the screen', lessMovement);
  if (!wasOpen) {
    await press(panel.getByRole('button', { name: 'Close', exact: true }));
    await expect(panel).toBeHidden();
  }
}

// --- Joint use: passing the tablet (src/components/turn.rs) -------------------

/** The tile for `name` on "Who will use the tablet next?". */
export function tabletChoice(page, name) {
  return page.getByRole('link', { name: new RegExp(`^${escapeRegExp(name)} `) });
}

/**
 * Pass the tablet to `name` from the banner of the screen showing, as the
 * table would: choose them, then they confirm. Ends back on the same screen
 * (its h1 given), with the banner naming them.
 */
export async function passTablet(page, name, screenHeading) {
  await press(page.getByRole('link', { name: 'Pass the tablet', exact: true }));
  await expect(heading(page, 'Who will use the tablet next?')).toBeVisible();
  await press(tabletChoice(page, name));
  await expect(heading(page, `Pass the tablet to ${name}`)).toBeVisible();
  await press(page.getByRole('button', { name: `I am ${name} — continue`, exact: true }));
  await expect(heading(page, screenHeading)).toBeFocused();
  await expect(turnBanner(page)).toContainText(`Now: ${name}`);
}

// --- Drafts that are never lost (issue 8) -----------------------------------

/**
 * The save status ("Saving…", "Saved on this device", "Not saved: …"): in
 * the sticky bar at the top of an open review, in the header elsewhere. It
 * is not a live region itself: saveAnnouncer() says when saving fails or
 * works again.
 */
export function saveStatus(page) {
  return page.locator('#save-status');
}

/** The polite live region that says only when saving starts to fail or works again. */
export function saveAnnouncer(page) {
  return page.locator('#save-announcer');
}

/** The banner of a tab that only reads a review another tab is changing. */
export function readOnlyBanner(page) {
  return page.getByRole('region', { name: 'Read only in this tab' });
}

/** The warning shown while the review's latest changes are not stored. */
export function notSavedBanner(page) {
  return page.getByRole('region', { name: 'Not saved on this device' });
}

// --- Privacy and the signed summary -------------------------------------------

/** The PIN the registry's screens and the privacy specs set. */
export const DEVICE_PIN = '482913';

/** Set the device PIN through the PIN page (no review needed). */
export async function setDevicePin(page, pin = DEVICE_PIN) {
  await page.goto('settings/pin');
  await page.getByLabel('New PIN (at least 6 numbers)').fill(pin);
  await page.getByLabel('Enter the PIN again').fill(pin);
  await press(page.getByRole('button', { name: 'Set the PIN' }));
  await expect(page.getByText(startingWith('The PIN is set.'))).toBeVisible({ timeout: 30_000 });
}

/** Go to `path`; a device with a PIN opens locked after a load, so unlock it. */
export async function visitUnlocked(page, path, pin = DEVICE_PIN) {
  await page.goto(path);
  const locked = heading(page, 'Review Together is locked');
  await expect(page.locator('h1').first()).toBeVisible();
  if (await locked.count()) {
    await page.getByLabel('Device PIN').fill(pin);
    await press(page.getByRole('button', { name: 'Unlock' }));
    await expect(locked).toHaveCount(0, { timeout: 30_000 });
  }
}

/** The records teams' CLI (built by scripts/test before the browser tests). */
export const SUMMARY_CLI = process.env.REVIEW_SUMMARY_BIN
  || `${process.env.CARGO_TARGET_DIR || new URL('../../target', import.meta.url).pathname}/debug/review-summary`;


// --- Recovery code (what locks backups) ---------------------------------------

/**
 * Press `button`, which downloads a file locked with the device's recovery
 * code. On a device with no code yet the code is shown first: it is read
 * (and kept on the browser context, as the worker keeps it on paper) and
 * "I have written it down: download" pressed. Returns the download.
 */
export async function downloadLocked(page, button) {
  const download = page.waitForEvent('download');
  await press(button);
  const shown = page.locator('#recovery-code');
  const first = await Promise.race([
    download.then(() => 'download'),
    shown.waitFor({ timeout: 30_000 }).then(() => 'code', () => 'download'),
  ]);
  if (first === 'code') {
    page.context().recoveryCode = (await shown.textContent()).trim();
    await press(page.getByRole('button', { name: 'I have written it down: download' }));
    await expect(shown).toHaveCount(0);
  }
  return download;
}

/** The recovery code the device of `page` showed (see downloadLocked). */
export function recoveryCodeOf(page) {
  const code = page.context().recoveryCode;
  if (!code) throw new Error('this device has shown no recovery code');
  return code;
}

/**
 * Open a backup locked with a recovery code outside the app (Node's own
 * crypto: PBKDF2-SHA256 and AES-256-GCM), as docs/formats.md describes it:
 * the code works through the slot's salt and count, opens the slot's file
 * key, which opens `sealed.data`. Returns `{ draft, signedFiles }`.
 */
export function openLockedBackup(text, code) {
  const file = JSON.parse(text);
  const slot = file.keySlots.find((s) => s.kind === 'recovery-code');
  const secret = code.replace(/[\s-]/g, '').toUpperCase();
  const codeKey = pbkdf2Sync(secret, Buffer.from(slot.salt, 'base64url'), slot.iterations, 32, 'sha256');
  const fileKey = Buffer.from(openSealed(codeKey, 'review-together/backup/2/key-slot', slot.key), 'base64url');
  return JSON.parse(openSealed(fileKey, 'review-together/backup/2/recovery-code', file.sealed.data));
}

/**
 * Open a value the app sealed for `place` under `key`, with Node's own
 * ciphers (docs/formats.md): `rt-sealed-v1:<nonce>.<ciphertext and tag>` is
 * AES-256-GCM under the key; `rt-sealed-v2:` (the device's stored values)
 * ChaCha20-Poly1305 under HKDF-SHA256 of it.
 */
export function openSealed(key, place, sealed) {
  const [, form, rest] = sealed.match(/^rt-sealed-(v1|v2):(.*)$/s);
  const [nonce, data] = rest.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = form === 'v1'
    ? createDecipheriv('aes-256-gcm', key, nonce)
    : createDecipheriv('chacha20-poly1305', Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'review-together/device-storage-seal', 32)), nonce, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(place), { plaintextLength: data.length - 16 });
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/** The key the device's PIN works out to (PBKDF2-SHA256 with its record's salt and count). */
export function pinKey(pin, stored) {
  const record = JSON.parse(stored['review-together/pin']);
  return pbkdf2Sync(pin, Buffer.from(record.salt, 'base64url'), record.iterations, 32, 'sha256');
}

// --- Service workers and further pages --------------------------------------

/** Wait until a service worker controls the page (it claims the page that registered it). */
export async function untilServiceWorkerControls(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
}

/**
 * The test fixture watches only its own page: give a further page the same
 * watch (console errors, page errors) and return what it saw.
 */
export function watchProblems(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

/**
 * Step: the device's signing key gone since the sign-off (whether or not
 * this run's staged review was signed in this browser), then a reload.
 */
export async function forgetDeviceKey(page) {
  const back = page.url();
  // From a file of the app's origin that is not the app, so nothing holds
  // the key database open while it is deleted.
  await page.goto('/favicon.svg');
  await page.evaluate(() => new Promise((done, fail) => {
    localStorage.removeItem('review-together/signing-key-public');
    const del = indexedDB.deleteDatabase('review-together');
    del.onsuccess = done;
    del.onerror = () => fail(del.error);
    del.onblocked = () => fail(new Error('the key database is still open'));
  }));
  await page.goto(back);
}
