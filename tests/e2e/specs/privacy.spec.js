// Privacy on a shared tablet (#8): the device PIN locks everything the app
// keeps (sealed with ChaCha20-Poly1305 under a key from PBKDF2), wrong PINs bring a
// growing wait that survives a reload, the app locks itself after five
// minutes without use, and "Remove all data" wipes the device. Time is
// Playwright's fake clock, never a wall-clock wait.
import { test, expect, press, heading, startReviewWithFamily, familyReview, storageOf } from '../helpers.js';
import { browserKeyOf, everythingStored, keyScreenFingerprint } from '../keys.js';
import { openSealed, pinKey } from '../features.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 20_000 });

const PIN = '482913';
const LOCKED = 'Review Together is locked';
const PLAIN_KEYS = [
  'review-together/pin', 'review-together/pin-attempts', 'review-together/auto-lock', 'review-together/display',
  // The public part of the signing key (the key itself is in IndexedDB, wrapped).
  'review-together/signing-key-public',
];

async function setPin(page, pin = PIN) {
  await page.goto('/settings/pin');
  await expect(heading(page, 'Device PIN')).toBeVisible();
  await page.getByLabel('New PIN (at least 6 numbers)').fill(pin);
  await page.getByLabel('Enter the PIN again').fill(pin);
  await press(page.getByRole('button', { name: 'Set the PIN' }));
  await expect(page.getByText(/^The PIN is set\./)).toBeVisible({ timeout: 30_000 });
}

/** Type a PIN and unlock; waits until the app has tried it (the field is
 * cleared and usable again, or the lock screen has gone). */
async function unlock(page, pin = PIN) {
  const field = page.getByLabel('Device PIN');
  await field.fill(pin);
  await press(page.getByRole('button', { name: 'Unlock' }));
  await expect(async () => {
    if (await field.count() === 0) return;
    await expect(field).toHaveValue('');
    await expect(field).toBeEnabled();
  }).toPass({ timeout: 20_000 });
}

/** Nothing personal anywhere on the page. */
async function expectNothingPersonal(page) {
  const text = await page.locator('body').innerText();
  for (const word of ['Ayesha', 'Joan', 'Khan', 'Sam Patel', 'Northshire']) expect(text).not.toContain(word);
  expect(await page.title()).not.toMatch(/Ayesha|Joan/);
}

test('a PIN seals everything stored; wrong PINs wait longer each time, across reloads', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install();
  const id = await startReviewWithFamily(page);
  await setPin(page);

  // Every stored value is sealed; no name is readable in storage.
  const stored = await storageOf(page);
  const sealed = Object.entries(stored).filter(([k]) => !PLAIN_KEYS.includes(k));
  expect(sealed.length).toBeGreaterThanOrEqual(3);
  for (const [key, value] of sealed) expect(value, key).toMatch(/^rt-sealed-v2:/);
  // Each opens with the PIN outside the app (Node's own ChaCha20-Poly1305),
  // for its own key only: the review is there, whole.
  const key = pinKey(PIN, stored);
  for (const [k, value] of sealed) expect(JSON.parse(openSealed(key, k, value)).kind, k).toBeTruthy();
  const reviewKey = `review-together/review/${id}`;
  expect(JSON.parse(openSealed(key, reviewKey, stored[reviewKey])).data.participants.map((p) => p.name)).toContain('Ayesha Khan');
  expect(() => openSealed(key, 'review-together/settings', stored[reviewKey])).toThrow();
  expect(Object.keys(JSON.parse(stored['review-together/signing-key-public']).jwk).sort()).toEqual(['crv', 'kty', 'x']);
  expect(JSON.stringify(stored)).not.toMatch(/Ayesha|Joan|Northshire|Sam Patel/);
  const record = JSON.parse(stored['review-together/pin']);
  expect(record).toMatchObject({ version: 1, iterations: 600000 });
  expect(record.salt.length).toBeGreaterThanOrEqual(21);

  // A reload (or a new visitor) meets the lock screen on any address.
  await page.goto(`/review/${id}/who`);
  await expect(heading(page, LOCKED)).toBeVisible();
  await expectNothingPersonal(page);

  // Wrong PINs: three free tries, then a wait that a reload does not reset.
  await unlock(page, '111111');
  await expect(page.getByRole('alert')).toHaveText(/That PIN is not right\. Check it and try again\./);
  await unlock(page, '222222');
  await expect(page.getByRole('alert')).toHaveText(/Check it and try again/);
  await unlock(page, '333333');
  await expect(page.getByRole('alert')).toHaveText(/you can try again in 30 seconds\./);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  await page.reload();
  await expect(heading(page, LOCKED)).toBeVisible();
  // The wait goes on from where it was (a loaded machine may take a few
  // seconds to reload), never back to no wait.
  await expect(page.getByText(/^You can try again in ([1-9]|[12]\d|30) seconds?\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  await page.clock.fastForward('00:31');
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeEnabled();
  // The fourth wrong PIN doubles the wait.
  await unlock(page, '444444');
  await expect(page.getByRole('alert')).toHaveText(/you can try again in 1 minute\./);
  await page.clock.fastForward('01:01');

  // The right PIN opens the same screen with everything there.
  await unlock(page, PIN);
  await expect(heading(page, 'Who is here')).toBeVisible();
  await expect(page.getByText('Ayesha Khan').first()).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('review-together/pin-attempts'))).toBeNull();
});

// Issue 18, point 4: the count of wrong PINs and the wait are kept in the
// PIN record itself and counted in time a lock screen is open, and one try
// runs at a time across tabs.
test('the wait after wrong PINs holds: removing the counter, moving the clock or trying from two tabs does not skip it', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.clock.install();
  await familyReview(page);
  await setPin(page);
  await page.reload();
  await expect(heading(page, LOCKED)).toBeVisible();
  const record = async () => JSON.parse(await page.evaluate(() => localStorage.getItem('review-together/pin')));
  const waiting = (p) => expect(p.getByText(/^You can try again in ([2-9]\d|30) seconds\.$/)).toBeVisible();

  // Two wrong PINs here; then the third and fourth at once from two tabs:
  // one try at a time, so the second finds the wait the first one began.
  await unlock(page, '111111');
  await unlock(page, '222222');
  const other = await context.newPage();
  await other.goto('/');
  await expect(heading(other, LOCKED)).toBeVisible();
  await page.getByLabel('Device PIN').fill('333333');
  await other.getByLabel('Device PIN').fill('444444');
  // Both forms are sent at once, straight from each page (a tap would wait
  // for a button the other tab's wait may already have disabled).
  await Promise.all([page, other].map((p) => p.evaluate(() => document.getElementById('unlock-pin').form.requestSubmit())));
  const alerts = [page.getByRole('alert'), other.getByRole('alert')];
  await expect(async () => {
    const said = (await Promise.all(alerts.map((a) => a.textContent()))).sort();
    expect(said[0]).toMatch(/^Error: Please wait \d+ seconds before trying again\.$/);
    expect(said[1]).toMatch(/^Error: That PIN is not right\. To keep the reviews safe, you can try again in 30 seconds\.$/);
  }).toPass({ timeout: 20_000 });
  expect(await record()).toMatchObject({ failures: 3 });
  await other.close();

  // Removing the counter an earlier build kept beside the record changes nothing.
  await page.evaluate(() => localStorage.removeItem('review-together/pin-attempts'));
  await page.reload();
  await waiting(page);
  expect((await record()).failures).toBe(3);

  // Moving the clock a day on does not end the wait: it counts the time the
  // lock screen is open.
  await page.clock.setSystemTime(Date.now() + 24 * 3600 * 1000);
  await page.reload();
  await waiting(page);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  // Half a minute with the screen open ends it.
  await page.clock.runFor('00:31');
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeEnabled();
  await unlock(page, PIN);
  await expect(heading(page, LOCKED)).toHaveCount(0);
  expect(await record()).not.toHaveProperty('failures');
});

// Issue 18, point 5: change the PIN, the current one first; the change is
// written down before anything is sealed again, so a page closed half way
// loses nothing, and either PIN finishes it.
test('change the PIN: the current one first, and a change cut short half way loses nothing', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.clock.install();
  const id = await familyReview(page);
  await setPin(page);
  const before = await storageOf(page);
  const NEW_PIN = '135790';
  const change = async (current) => {
    await page.getByLabel('Current PIN').fill(current);
    await page.getByLabel('New PIN (at least 6 numbers)').fill(NEW_PIN);
    await page.getByLabel('Enter the new PIN again').fill(NEW_PIN);
    await press(page.getByRole('button', { name: 'Change the PIN' }));
  };

  // A wrong current PIN changes nothing (and counts as a wrong PIN).
  await change('111111');
  await expect(page.getByRole('alert')).toHaveText('The current PIN is not right, so the PIN was not changed. Nothing has changed.');
  expect(JSON.parse((await storageOf(page))['review-together/pin']).salt).toBe(JSON.parse(before['review-together/pin']).salt);

  // The clock stops, so the change writes itself down, seals one value
  // again and waits; then the page is closed.
  await page.clock.pauseAt(Date.now() + 60_000);
  await change(PIN);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('review-together/pin-change'))).not.toBeNull();
  const half = await storageOf(page);
  const sealed = Object.keys(before).filter((k) => /^rt-sealed-v2:/.test(before[k]));
  expect(sealed.filter((k) => half[k] !== before[k]).length, 'sealed again so far').toBeGreaterThanOrEqual(1);
  expect(sealed.filter((k) => half[k] === before[k]).length, 'not yet sealed again').toBeGreaterThanOrEqual(1);
  expect(half['review-together/pin']).toBe(before['review-together/pin']);
  await page.close();
  await context.clock.resume();

  // The new PIN opens everything and finishes the change.
  const tablet = await context.newPage();
  await tablet.goto(`/review/${id}/who`);
  await expect(heading(tablet, LOCKED)).toBeVisible();
  await unlock(tablet, NEW_PIN);
  await expect(heading(tablet, 'Who is here')).toBeVisible();
  await expect(tablet.getByText('Ayesha Khan').first()).toBeVisible();
  await expect.poll(() => tablet.evaluate(() => localStorage.getItem('review-together/pin-change'))).toBeNull();
  const after = await storageOf(tablet);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  expect(JSON.parse(after['review-together/pin']).salt).not.toBe(JSON.parse(before['review-together/pin']).salt);

  // From now on only the new PIN opens it.
  await tablet.reload();
  await unlock(tablet, PIN);
  await expect(tablet.getByRole('alert')).toHaveText(/That PIN is not right/);
  await unlock(tablet, NEW_PIN);
  await expect(tablet.getByText('Ayesha Khan').first()).toBeVisible();
});

test('the app locks itself after five minutes without use and opens again where it was', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install();
  const id = await startReviewWithFamily(page);
  await setPin(page);
  // A new page load always starts locked: the key lives only in memory.
  await page.goto(`/review/${id}/process`);
  await expect(heading(page, LOCKED)).toBeVisible();
  await unlock(page, PIN);
  await expect(heading(page, 'How we will review')).toBeVisible();
  await page.clock.fastForward('04:00');
  await expect(heading(page, 'How we will review')).toBeVisible();
  await page.clock.fastForward('01:10');
  await expect(heading(page, LOCKED)).toBeVisible();
  await expectNothingPersonal(page);
  await expect(page.getByRole('link')).toHaveCount(0);
  await unlock(page, PIN);
  await expect(heading(page, 'How we will review')).toBeVisible();

  // Lock now, from the PIN page; and a shorter wait can be chosen.
  await page.goto('/settings/pin');
  await unlock(page, PIN);
  await press(page.getByRole('radio', { name: '2 minutes' }));
  await press(page.getByRole('button', { name: 'Lock now' }));
  await expect(heading(page, LOCKED)).toBeVisible();
  await unlock(page, PIN);
  await expect(heading(page, 'Device PIN')).toBeVisible();
  await page.clock.fastForward('02:10');
  await expect(heading(page, LOCKED)).toBeVisible();
});

test('a forgotten PIN: the only way on is removing all data, after a confirm', async ({ page }) => {
  test.setTimeout(120_000);
  await familyReview(page);
  await setPin(page);
  await page.reload();
  await press(page.getByRole('button', { name: 'I have forgotten the PIN' }));
  await expect(heading(page, 'Remove all data from this device')).toBeVisible();
  await expect(page.getByText('This removes the 1 review on this device')).toBeVisible();
  // Changing one's mind keeps everything.
  await press(page.getByRole('button', { name: 'Keep the data' }));
  await expect(heading(page, LOCKED)).toBeVisible();
  expect(Object.keys(await storageOf(page)).length).toBeGreaterThan(3);
  await press(page.getByRole('button', { name: 'I have forgotten the PIN' }));
  await press(page.getByRole('button', { name: 'Remove all data' }));
  await expect(heading(page, 'Reviews on this device')).toBeVisible();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  expect(await storageOf(page)).toEqual({});
  expect((await everythingStored(page)).records).toEqual([]);
});

test('remove all data from the settings, without a PIN', async ({ page }) => {
  await familyReview(page);
  await page.goto('/settings/key');
  await keyScreenFingerprint(page);
  expect(await browserKeyOf(page)).not.toBeNull();
  await page.goto('/settings');
  await press(page.getByRole('link', { name: 'Remove all data from this device' }));
  await expect(heading(page, 'Remove all data from this device')).toBeVisible();
  await press(page.getByRole('button', { name: 'Remove all data' }));
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  expect(await storageOf(page)).toEqual({});
  // The signing key the browser kept went with its database.
  expect((await everythingStored(page)).records).toEqual([]);
});
