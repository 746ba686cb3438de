// Backups and retention (#8): a review downloaded as a backup opens again on
// another device (a second browser context), locked with the device's
// recovery code (issue 18), never with the PIN alone; a backup of a review already here can replace it or be kept as
// a copy; other files are refused with the reason. Signed-off reviews leave
// the device after the chosen number of days, with a notice.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  test, expect, press, heading, familyReview, openTaskList, openReviewPage, lockedReview, setDevicePin, reviewAt, storageOf, changeOneRating, changeOneRatingInStorage,
  downloadLocked, recoveryCodeOf, openLockedBackup,
} from '../helpers.js';
import { browserKeyOf } from '../keys.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 20_000 });

const BACKUP_NAME = /^review-together-backup-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/;

/** On the review's task list (opened by address unless already there), download a backup. */
async function downloadBackup(page, id, dir, { there = false } = {}) {
  if (!there) await openTaskList(page, id);
  const dl = await downloadLocked(page, page.getByRole('button', { name: 'Download a backup of this review' }));
  expect(dl.suggestedFilename()).toMatch(BACKUP_NAME);
  const path = test.info().outputPath(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

/** Choose `path` on "Open a backup"; with `code`, type it when the backup asks for its recovery code. */
async function openBackup(page, path, code) {
  await page.goto('/open-backup');
  await expect(heading(page, 'Open a backup')).toBeVisible();
  await page.getByLabel('Backup file').setInputFiles(path);
  if (code) {
    await page.getByLabel('Recovery code').fill(code);
    await press(page.getByRole('button', { name: 'Open the backup' }));
  }
}

/**
 * The backup at `path` opened outside the app with the recovery code of
 * `page`'s device, and written out plain, as someone with the file and the
 * code (or an earlier build's plain backup) could: `{ format, version, createdAt, draft, signedFiles }`.
 */
function plainCopy(path, page) {
  const text = readFileSync(path, 'utf8');
  const { format, version, createdAt } = JSON.parse(text);
  return { format, version, createdAt, ...openLockedBackup(text, recoveryCodeOf(page)) };
}

test('a backup opens on another device as it was', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = await familyReview(page);
  const path = await downloadBackup(page, id, 'plain');
  expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 'review-together/backup', version: 2 });
  const code = recoveryCodeOf(page);

  const other = await browser.newContext({ hasTouch: true, viewport: { width: 1024, height: 768 } });
  const tablet = await other.newPage();
  await openBackup(tablet, path, code);
  await expect(heading(tablet, 'Carer review')).toBeVisible();
  await expect(tablet.getByText('Review with Ayesha Khan.')).toBeVisible();
  expect(tablet.url()).toContain(`/review/${id}`);
  await other.close();

  // On the same device, the review is already here: replace it, or keep both.
  await openBackup(page, path, code);
  await expect(page.getByText('This review is already on this device.')).toBeVisible();
  await press(page.getByRole('button', { name: 'Keep both' }));
  await expect(heading(page, 'Carer review')).toBeVisible();
  expect(page.url()).not.toContain(id);
  await page.goto('/');
  await expect(page.getByRole('row', { name: /Ayesha Khan/ })).toHaveCount(2);
});

const summariesIn = (stored) => Object.entries(stored).filter(([k]) => k.startsWith('review-together/summary/'));

test('a signed-off review travels with its signed summary, and an edited one is never opened or signed here', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const id = await reviewAt(page, 'signed off');
  const path = await downloadBackup(page, id, 'signed', { there: true });
  const backup = plainCopy(path, page);
  const before = await storageOf(page);
  const [[summaryKey, kept]] = summariesIn(before);
  // The summary and each recipient's copy signed with it, byte for byte.
  const copies = JSON.parse(before[`review-together/copies/${id}`]).data;
  expect(copies.map((c) => c.recipient.kind)).toEqual(['carer', 'individual']);
  expect(backup.signedFiles).toEqual([
    { kind: 'summary', text: JSON.parse(kept).data.text },
    ...copies.map((c) => ({ kind: 'recipient-copy', text: c.text })),
  ]);

  // The device that signed it, by its fingerprint in groups of four (the
  // key screen's form): the summary's key id.
  const signedBy = JSON.parse(JSON.parse(kept).data.text).signature.split('.')[0];
  const fingerprint = JSON.parse(Buffer.from(signedBy, 'base64url').toString('utf8')).kid.match(/.{1,4}/g).join(' ');
  const deviceKey = await browserKeyOf(page);

  // On another device the review opens with its summary, byte for byte, and
  // says whose key signed it. A signed file of a kind this build does not
  // know (a later build's) is kept as it came and goes into the next backup.
  const later = { kind: 'interpreter-statement', text: '{"for":"records","note":"made by a later build"}' };
  const withLater = test.info().outputPath('signed', 'with-a-later-kind.json');
  writeFileSync(withLater, JSON.stringify({ ...backup, signedFiles: [...backup.signedFiles, later] }));
  const other = await browser.newContext({ hasTouch: true, viewport: { width: 1024, height: 768 } });
  const tablet = await other.newPage();
  await openBackup(tablet, withLater);
  await expect(heading(tablet, 'Carer review')).toBeVisible();
  const opened = tablet.getByRole('status').filter({ hasText: 'The backup was opened.' });
  await expect(opened).toContainText('Its signed summary was checked: it is unchanged since it was signed on ');
  await expect(opened).toContainText(`by the device whose key fingerprint is ${fingerprint}.`);
  await expect(opened).toContainText("Its 2 recipients' copies were checked against it too.");
  await expect(opened).toContainText('The backup also holds 1 signed file of a kind this version of the app does not know (“interpreter-statement”): it is kept with the review');
  const [dl] = await Promise.all([tablet.waitForEvent('download'), press(tablet.getByRole('button', { name: 'Download summary' }))]);
  const copy = test.info().outputPath('signed', 'summary-elsewhere.json');
  await dl.saveAs(copy);
  expect(readFileSync(copy, 'utf8')).toBe(JSON.parse(kept).data.text);
  const [carerCopy] = await Promise.all([tablet.waitForEvent('download'), press(tablet.getByRole('button', { name: 'Download the carer’s copy' }))]);
  const carerPath = test.info().outputPath('signed', 'carer-elsewhere.json');
  await carerCopy.saveAs(carerPath);
  expect(readFileSync(carerPath, 'utf8')).toBe(copies[0].text);
  await expect(tablet.getByText(/has changed since it was signed off/)).toHaveCount(0);
  const onward = plainCopy(await downloadBackup(tablet, id, 'onward', { there: true }), tablet);
  expect(onward.signedFiles).toEqual([...backup.signedFiles, later]);
  await other.close();

  // One rating changed in a text editor: the backup is refused, with where it differs.
  changeOneRating(backup.draft.data);
  const edited = test.info().outputPath('edited-backup.json');
  writeFileSync(edited, JSON.stringify(backup, null, 2));
  await openBackup(page, edited);
  await expect(page.getByRole('alert')).toContainText('The review in the backup is not what its signed summary records');
  await expect(page.getByRole('alert')).toContainText(/criteria \d+ › ratings \d+ › point/);

  // Without its summary, the edited review can be kept beside the original:
  // locked, with no summary to download; nothing is signed.
  delete backup.signedFiles;
  const stripped = test.info().outputPath('edited-no-summary.json');
  writeFileSync(stripped, JSON.stringify(backup, null, 2));
  await openBackup(page, stripped);
  await expect(page.getByText('This review is already on this device.')).toBeVisible();
  await press(page.getByRole('button', { name: 'Keep both' }));
  await expect(heading(page, 'Carer review')).toBeVisible();
  expect(page.url()).not.toContain(id);
  await expect(page.getByText(/^This review was not signed off on this device, so there is no signed summary of it here\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download summary' })).toHaveCount(0);

  // Replacing the original: the summary kept here stays as signed, and the
  // screen says the review no longer matches it.
  await openBackup(page, stripped);
  await press(page.getByRole('button', { name: 'Replace the one on this device' }));
  await expect(heading(page, 'Carer review')).toBeVisible();
  await expect(page.getByText(/The review kept on this device has changed since it was signed off: it no longer says what its signed summary says \(criteria \d+ › ratings \d+ › point/)).toBeVisible();

  const after = await storageOf(page);
  expect(summariesIn(after)).toEqual([[summaryKey, kept]]);
  // The device's own key is untouched by what a backup brings.
  expect(await browserKeyOf(page)).toBe(deviceKey);
  expect(after['review-together/signing-key-public']).toBe(before['review-together/signing-key-public']);
});

/** Every rating as "criterion participant point", sorted: of a signed summary, or of a review's stored data. */
const ratingsOfSummary = (summary) => summary.criteria.flatMap((c) => c.ratings.map((r) => `${c.id} ${r.participant} ${r.point}`)).sort();
const ratingsOfReview = (data) => Object.entries(data.criterionReviews).flatMap(([cid, c]) => c.ratings.map((r) => `${cid} ${r.participant} ${r.point}`)).sort();

// Every screen that offers the summary (the task list and the sign-off
// screen): what it offers says what the review it shows says, or the screen
// says where they differ.
test('no screen offers a summary that differs from the review it shows, unless it says so; an edit in storage is found on load', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await reviewAt(page, 'signed off');
  const offered = async (rest) => {
    await openReviewPage(page, id, rest);
    const [dl] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Download summary' }))]);
    const summary = JSON.parse(readFileSync(await dl.path(), 'utf8'));
    const review = JSON.parse((await storageOf(page))[`review-together/review/${id}`]).data;
    return { summary: ratingsOfSummary(summary), review: ratingsOfReview(review) };
  };
  const drift = page.getByText(/The review kept on this device has changed since it was signed off/);
  for (const rest of ['', 'sign']) {
    const { summary, review } = await offered(rest);
    expect(summary, `/${rest}`).toEqual(review);
    await expect(drift).toHaveCount(0);
  }
  await changeOneRatingInStorage(page, id);
  for (const rest of ['', 'sign']) {
    const { summary, review } = await offered(rest);
    expect(summary, `/${rest}`).not.toEqual(review);
    // Still locked; the signed version is what is offered, and the screen says they differ.
    await expect(drift, `/${rest}`).toBeVisible();
  }
});

// Issue 18, point 2: what leaves the device is locked with the recovery
// code, shown once; a file holds no slot the PIN opens.
test('with a device PIN the backup is locked with the recovery code, and opens elsewhere with the code only', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const id = await familyReview(page);
  await setDevicePin(page, '482913');
  await press(page.getByRole('link', { name: 'Review Together' }));
  await press(page.getByRole('link', { name: /^Open/ }).first());
  // In the app, not by address: a new page load would ask for the PIN.
  await expect(heading(page, 'Carer review')).toBeVisible();
  // The first download shows the code, once.
  await press(page.getByRole('button', { name: 'Download a backup of this review' }));
  const shown = page.locator('#recovery-code');
  await expect(page.getByRole('heading', { level: 2, name: 'Write down this recovery code' })).toBeFocused();
  const code = (await shown.textContent()).trim();
  expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/);
  const [dl] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'I have written it down: download' }))]);
  await expect(shown).toHaveCount(0);
  const path = test.info().outputPath('sealed', dl.suggestedFilename());
  await dl.saveAs(path);
  const text = readFileSync(path, 'utf8');
  expect(text).not.toMatch(/Ayesha|Joan|Khan/);
  expect(text).not.toContain(id);
  expect(text).not.toContain(code.replace(/-/g, ''));
  const file = JSON.parse(text);
  expect(Object.keys(file.sealed)).toEqual(['data']);
  expect(file.keySlots.map((s) => s.kind)).toEqual(['recovery-code']);
  // No slot opens with what the PIN gives (worked through the slot's salt
  // and count, or through the PIN record's).
  expect(() => openLockedBackup(text, '482913')).toThrow();
  expect(openLockedBackup(text, code).draft.data.id).toBe(id);
  // The second backup does not show the code again, and uses the same one.
  const again = await downloadLocked(page, page.getByRole('button', { name: 'Download a backup of this review' }));
  expect(openLockedBackup(readFileSync(await again.path(), 'utf8'), code).draft.data.id).toBe(id);

  const other = await browser.newContext({ hasTouch: true, viewport: { width: 1024, height: 768 } });
  const tablet = await other.newPage();
  // The PIN typed as the code is not a code; a wrong code does not open it.
  await openBackup(tablet, path, '482913');
  await expect(tablet.getByText('A recovery code has 25 letters and numbers in five groups of five; this has 6. Check each group.')).toBeVisible();
  // One character typed as its neighbour in the code's alphabet: always a
  // different code, and always caught by its check character. (Swapping the
  // first two, as this test once did, gives the right code when they are
  // the same, about one run in 32.)
  const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const plain = code.replace(/-/g, '');
  const wrong = ALPHABET[ALPHABET.indexOf(plain[0]) ^ 1] + plain.slice(1);
  expect(wrong).not.toBe(plain);
  await tablet.getByLabel('Recovery code').fill(wrong);
  await press(tablet.getByRole('button', { name: 'Open the backup' }));
  await expect(tablet.getByText(/That recovery code has a typing mistake/)).toBeVisible();
  // Typed in small letters with spaces, as someone might.
  await tablet.getByLabel('Recovery code').fill(code.toLowerCase().replace(/-/g, ' '));
  await press(tablet.getByRole('button', { name: 'Open the backup' }));
  await expect(tablet.getByText('Review with Ayesha Khan.')).toBeVisible();
  await other.close();
});

// A code from another device (its check character right) opens nothing,
// and the form asks again.
test('a backup asks again when the recovery code is another device\'s', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = await familyReview(page);
  const path = await downloadBackup(page, id, 'mine');
  const elsewhere = await browser.newContext();
  const tablet = await elsewhere.newPage();
  const theirs = await downloadBackup(tablet, await familyReview(tablet), 'theirs');
  expect(theirs).not.toBe(path);
  await openBackup(tablet, path, recoveryCodeOf(tablet));
  await expect(tablet.getByText('That recovery code does not open this backup: use the code of the device it was made on, made on the date shown.')).toBeVisible();
  await expect(tablet.getByText(/It was locked with the code made on /)).toBeVisible();
  await tablet.getByLabel('Recovery code').fill(recoveryCodeOf(page));
  await press(tablet.getByRole('button', { name: 'Open the backup' }));
  // Opened (the review-stage fixtures share their ids, so it may ask whether to replace it).
  await expect(heading(tablet, 'Carer review').or(tablet.getByText('This review is already on this device.'))).toBeVisible();
  await elsewhere.close();
});

test('files that are not backups are refused with the reason', async ({ page }) => {
  const write = (name, text) => {
    const path = test.info().outputPath(name);
    writeFileSync(path, text);
    return path;
  };
  await openBackup(page, write('notes.json', 'my notes'));
  await expect(page.getByRole('alert')).toHaveText('The file is not a Review Together backup.');
  await page.getByLabel('Backup file').setInputFiles(write('newer.json', '{"format":"review-together/backup","version":7,"createdAt":"x"}'));
  await expect(page.getByRole('alert')).toContainText('made by a newer version of Review Together (backup format 7)');
});

test('signed-off reviews leave the device after the chosen days, with notice', async ({ page }) => {
  test.setTimeout(300_000);
  await page.clock.install();
  const id = await lockedReview(page);
  await page.goto('/');
  const row = page.getByRole('row', { name: /Ayesha Khan/ });
  await expect(row).toContainText(/Leaves this device on \d+ \w+ \d{4}/);
  // Choose 7 days; 8 days on, the review has gone, and the home says why.
  await page.goto('/settings');
  await press(page.getByRole('radio', { name: '7 days' }));
  await page.clock.setSystemTime(Date.now() + 8 * 24 * 3600 * 1000);
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: '1 signed-off review was removed from this device' })).toBeVisible();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  const left = await page.evaluate((rid) => Object.keys(localStorage).filter((k) => k.includes(rid)), id);
  expect(left).toEqual([]);
});
