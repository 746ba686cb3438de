// Drafts that are never lost (issue 8): every change is stored within 300 ms
// (and at once when the page goes away), the header says whether it is, one
// tab changes a review at a time, a write that missed another tab's write is
// refused, a full device keeps the review in memory with downloads, and what
// cannot be read is kept aside untouched. Each test checks what the person at
// the tablet sees and that nothing was lost.
import { readFileSync, writeFileSync } from 'node:fs';
import { browserKeyOf, keyScreenFingerprint } from '../keys.js';
import {
  test, expect, press, heading, startReviewWithFamily, familyReview, changePerson, openReviewPage, completeReview,
  signUntil, signTurn, saveStatus, storedReview, fillStorage, emptyStorageFiller, readOnlyBanner,
  notSavedBanner, storageOf, setDevicePin, downloadLocked, recoveryCodeOf, openLockedBackup,
} from '../helpers.js';

test.use({ viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });

const NAME = { exact: true };
const RELATIONSHIP = 'Relationship to the person being cared for';
/** A fixed start for the fake clock; pauseAt() jumps ahead of it once the setup is done. */
const START = new Date('2026-11-25T09:00:00Z');
const PAUSE = new Date('2026-11-25T10:00:00Z');

/** The review's data as stored (the envelope's `data`), and its revision. */
async function stored(page, id) {
  const raw = await storedReview(page, id);
  const envelope = JSON.parse(raw);
  return { review: envelope.data, revision: envelope.revision ?? 0, raw };
}

function carer(review) {
  return review.participants.find((p) => p.role === 'carer');
}

/** The text of a download, and its suggested name. */
async function downloaded(page, button) {
  const file = await downloadLocked(page, button);
  const text = readFileSync(await file.path(), 'utf8');
  // A backup is locked with the device's recovery code: `opened()` is what it holds.
  return { name: file.suggestedFilename(), text, opened: () => openLockedBackup(text, recoveryCodeOf(page)) };
}

/** Console errors and uncaught errors of a page that is not the fixture's own. */
function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

test('a change is in memory at once and stored within 300 ms, and the header says so', async ({ page }) => {
  await page.clock.install({ time: START });
  const id = await startReviewWithFamily(page);
  await changePerson(page, 'Ayesha Khan');
  await page.clock.pauseAt(PAUSE);
  const status = saveStatus(page);

  await page.getByLabel(RELATIONSHIP).fill('Granddaughter');
  await expect(status).toHaveText('Saving…');
  await page.clock.runFor(299);
  expect(carer((await stored(page, id)).review).relationship, 'not yet stored at 299 ms').toBe('Daughter');
  await expect(status).toHaveText('Saving…');
  await page.clock.runFor(1);
  await expect(status).toHaveText('Saved on this device');
  expect(carer((await stored(page, id)).review).relationship).toBe('Granddaughter');

  // Later changes ride the first one's timer: none waits longer than 300 ms.
  const before = (await stored(page, id)).revision;
  await page.getByLabel(RELATIONSHIP).fill('Daughter, lives');
  await page.clock.runFor(200);
  await page.getByLabel(RELATIONSHIP).fill('Daughter, lives next door');
  await expect(status).toHaveText('Saving…');
  await page.clock.runFor(100);
  await expect(status).toHaveText('Saved on this device');
  const after = await stored(page, id);
  expect(carer(after.review).relationship).toBe('Daughter, lives next door');
  expect(after.revision, 'one write for both changes').toBe(before + 1);
});

test('changes are stored at once when the page is hidden, closed, reloaded or left', async ({ page, context }) => {
  await page.clock.install({ time: START });
  const id = await startReviewWithFamily(page);
  await changePerson(page, 'Ayesha Khan');
  await page.clock.pauseAt(PAUSE);
  const relationship = async (p = page) => carer((await stored(p, id)).review).relationship;

  await test.step('the page is hidden (another app comes to the front)', async () => {
    await page.getByLabel(RELATIONSHIP).fill('Hidden');
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await relationship()).toBe('Hidden');
  });

  await test.step('the page reloads', async () => {
    await page.getByLabel(RELATIONSHIP).fill('Reloaded');
    await page.reload();
    await expect(page.getByLabel(RELATIONSHIP)).toHaveValue('Reloaded');
  });

  await test.step('another page of the review opens', async () => {
    await page.getByLabel(RELATIONSHIP).fill('Moved on');
    await press(page.getByRole('button', { name: 'Continue' }));
    await expect(heading(page, 'Who is here')).toBeVisible();
    expect(await relationship()).toBe('Moved on');
  });

  await test.step('the review is left for the list of reviews', async () => {
    await changePerson(page, 'Ayesha Khan');
    await page.getByLabel(RELATIONSHIP).fill('Left');
    await press(page.getByRole('link', { name: 'Review Together' }));
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
    expect(await relationship()).toBe('Left');
  });

  await test.step('the tab is closed', async () => {
    await openReviewPage(page, id, 'who');
    await changePerson(page, 'Ayesha Khan');
    await page.getByLabel(RELATIONSHIP).fill('Closed');
    const url = page.url();
    await page.close();
    const next = await context.newPage();
    await next.goto(url);
    await expect(next.getByLabel(RELATIONSHIP)).toHaveValue('Closed');
    expect(await relationship(next)).toBe('Closed');
  });
});

test('the device is asked once, quietly, to keep the app’s storage', async ({ page }) => {
  await page.addInitScript(() => {
    window.persistAsked = 0;
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => { window.persistAsked += 1; return persist(); };
  });
  await startReviewWithFamily(page);
  await changePerson(page, 'Ayesha Khan');
  for (const text of ['Granddaughter', 'Daughter and neighbour', 'Niece']) {
    await page.getByLabel(RELATIONSHIP).fill(text);
    await expect(saveStatus(page)).toHaveText('Saved on this device');
  }
  expect(await page.evaluate(() => window.persistAsked)).toBe(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

// ---- What cannot be read ---------------------------------------------------------

const UNREADABLE = [
  {
    what: 'a corrupted entry (cut off mid-write)',
    id: 'corrupted-1',
    raw: '{"version": 1, "kind": "review", "data": {"id": "corrupted-1", "participa',
    says: 'the saved data is damaged (it is not readable text data)',
  },
  {
    what: 'an entry from a newer version of the app',
    id: 'future-2',
    raw: JSON.stringify({ version: 10, kind: 'review', revision: 9, data: { id: 'future-2', somethingNew: [1, 2] } }),
    says: 'it was saved by a newer version of Review Together (format 10, newer than this version reads)',
  },
  {
    what: 'a foreign entry (not written by this app)',
    id: 'foreign-3',
    raw: JSON.stringify({ hello: 'world', items: [1, 2, 3] }),
    says: 'the saved data was not written by Review Together',
  },
];

for (const bad of UNREADABLE) {
  test(`${bad.what} is kept aside untouched, explained and downloadable, and nothing else is lost`, async ({ page }) => {
    const key = `review-together/review/${bad.id}`;
    const id = await familyReview(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, bad.raw]);

    // The list says so in plain words, and still lists the good review.
    await page.goto('/');
    const region = page.getByRole('region', { name: 'Some saved reviews could not be opened' });
    await expect(region).toContainText(bad.says);
    await expect(page.getByRole('row', { name: /Ayesha Khan/ })).toBeVisible();

    // Opened directly: explained, and offered exactly as it is.
    await page.goto(`/review/${bad.id}`);
    await expect(heading(page, 'This review cannot be opened')).toBeVisible();
    await expect(page.getByText(`This review cannot be opened because ${bad.says}.`)).toBeVisible();
    const file = await downloaded(page, page.getByRole('button', { name: 'Download the saved review as it is' }));
    expect(file.text).toBe(bad.raw);

    // Changing and saving the good review touches nothing of it.
    await openReviewPage(page, id, 'who');
    await changePerson(page, 'Ayesha Khan');
    await page.getByLabel(RELATIONSHIP).fill('Daughter, still saved');
    await expect(saveStatus(page)).toHaveText('Saved on this device');
    await page.reload();
    await expect(page.getByLabel(RELATIONSHIP)).toHaveValue('Daughter, still saved');
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(bad.raw);
  });
}

test('an unreadable list of reviews is kept aside and every review is still found', async ({ page }) => {
  const id = await familyReview(page);
  const broken = '{"version":1,"kind":"index","data":["';
  await page.evaluate((v) => localStorage.setItem('review-together/index', v), broken);
  await page.goto('/');
  await expect(page.getByRole('row', { name: /Ayesha Khan/ })).toBeVisible();
  await openReviewPage(page, id, 'who');
  await changePerson(page, 'Ayesha Khan');
  await page.getByLabel(RELATIONSHIP).fill('Granddaughter');
  await expect.poll(async () => carer((await stored(page, id)).review).relationship).toBe('Granddaughter');
  const after = await storageOf(page);
  expect(after['review-together/kept-aside/index']).toBe(broken);
  expect(JSON.parse(after['review-together/index']).data).toEqual([id]);
});

test('an open review whose stored copy became unreadable is kept aside before the next save', async ({ page }) => {
  const id = await startReviewWithFamily(page);
  await changePerson(page, 'Ayesha Khan');
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  const { revision } = await stored(page, id);
  const garbage = '{"version": 1, "kind": "review", "data": {"id": 7';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`review-together/review/${id}`, garbage]);
  await page.getByLabel(RELATIONSHIP).fill('Sister');
  await expect.poll(async () => (await storedReview(page, id)) !== garbage).toBe(true);
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  const after = await storageOf(page);
  expect(after[`review-together/kept-aside/review/${id}/${revision + 1}`]).toBe(garbage);
  expect(carer((await stored(page, id)).review).relationship).toBe('Sister');
});

test('a review a newer version saved while it was open here is not overwritten', async ({ page, browser }) => {
  const id = await familyReview(page);
  await changePerson(page, 'Ayesha Khan');
  const newer = JSON.stringify({ version: 10, kind: 'review', revision: 40, data: { id } });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`review-together/review/${id}`, newer]);
  await page.getByLabel(RELATIONSHIP).fill('Daughter, typed here');
  await expect(saveStatus(page)).toHaveText(
    'Not saved: a newer version of Review Together has saved this review since it was opened here',
  );
  await expect(notSavedBanner(page)).toContainText('Download it as a file so that nothing is lost.');
  const file = await downloaded(page, notSavedBanner(page).getByRole('button', { name: 'Download this review as a file' }));
  expect(carer(file.opened().draft.data).relationship).toBe('Daughter, typed here');
  expect(await storedReview(page, id)).toBe(newer);
  // The file is a backup: it opens on another device, as it was on screen.
  const path = test.info().outputPath(file.name);
  writeFileSync(path, file.text);
  const elsewhere = await browser.newContext();
  const tablet = await elsewhere.newPage();
  await tablet.goto('/open-backup');
  await tablet.getByLabel('Backup file').setInputFiles(path);
  await tablet.getByLabel('Recovery code').fill(recoveryCodeOf(page));
  await press(tablet.getByRole('button', { name: 'Open the backup' }));
  await expect(tablet.getByText('Review with Ayesha Khan.')).toBeVisible();
  await elsewhere.close();
});

// ---- Storage full -------------------------------------------------------------------

// Issue 18: with a device PIN, the rescue download is locked as a backup is,
// with the recovery code (made now: the full storage cannot keep it, so the
// screen says it locks this page's downloads only).
test('storage full on a device with a PIN: the review downloads locked, with nothing readable', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await familyReview(page);
  await setDevicePin(page);
  await press(page.getByRole('link', { name: 'Review Together' }));
  await press(page.getByRole('link', { name: /^Open/ }).first());
  await expect(heading(page, 'Carer review')).toBeVisible();
  await press(page.getByRole('link', { name: 'Who is here', exact: true }));
  await changePerson(page, 'Ayesha Khan');
  await fillStorage(page);
  await page.getByLabel(RELATIONSHIP).fill('Daughter, typed with the storage full');
  await expect(saveStatus(page)).toHaveText("Not saved: this device's storage for the app is full");
  await press(notSavedBanner(page).getByRole('button', { name: 'Download this review as a file' }));
  await expect(page.getByText(/^This device could not keep the code \(this device's storage for the app is full\): it locks downloads from this page until the page is closed\./)).toBeVisible();
  page.context().recoveryCode = (await page.locator('#recovery-code').textContent()).trim();
  const file = await downloaded(page, page.getByRole('button', { name: 'I have written it down: download' }));
  const backup = JSON.parse(file.text);
  expect(backup).toMatchObject({ format: 'review-together/backup', version: 2, keySlots: [{ kind: 'recovery-code', iterations: 100000 }] });
  expect(backup).not.toHaveProperty('draft');
  expect(file.text).not.toMatch(/Ayesha|Joan|Khan|Daughter/);
  expect(file.text).not.toContain(id);
  expect(carer(file.opened().draft.data).relationship).toBe('Daughter, typed with the storage full');
  // The code held for this page locks the next download too, without showing it again.
  const next = await downloaded(page, notSavedBanner(page).getByRole('button', { name: 'Download this review as a file' }));
  expect(next.opened().draft.data.id).toBe(id);
});

test('storage full: a clear warning, the review keeps working in memory, and can be downloaded', async ({ page }) => {
  const id = await familyReview(page);
  await changePerson(page, 'Ayesha Khan');
  const before = await storedReview(page, id);
  const fillers = await fillStorage(page);
  expect(fillers).toBeGreaterThan(5);

  await test.step('a change cannot be stored: the header and a warning say so in words', async () => {
    await page.getByLabel(RELATIONSHIP).fill('Daughter, and she lives next door');
    await expect(saveStatus(page)).toHaveText("Not saved: this device's storage for the app is full");
    const warning = notSavedBanner(page);
    await expect(warning).toContainText("Your latest changes could not be saved because this device's storage for the app is full.");
    await expect(warning).toContainText('To make room, delete reviews you no longer need from this device.');
    expect(await storedReview(page, id)).toBe(before);
  });

  await test.step('the review keeps working: more changes, other pages, the list and back', async () => {
    await page.getByLabel('Name', NAME).fill('Ayesha Begum Khan');
    await press(page.getByRole('button', { name: 'Continue' }));
    await expect(page.getByRole('heading', { level: 3, name: 'Ayesha Begum Khan' })).toBeVisible();
    await press(page.getByRole('link', { name: 'Review Together' }));
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
    await openReviewPageInApp(page);
    await changePerson(page, 'Ayesha Begum Khan');
    await expect(page.getByLabel(RELATIONSHIP)).toHaveValue('Daughter, and she lives next door');
    await expect(notSavedBanner(page)).toBeVisible();
  });

  await test.step('the review downloads as a backup, with every change, and opens with "Open a backup"', async () => {
    const file = await downloaded(page, notSavedBanner(page).getByRole('button', { name: 'Download this review as a file' }));
    expect(file.name).toMatch(/^review-together-backup-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/);
    const backup = file.opened();
    expect(JSON.parse(file.text)).toMatchObject({ format: 'review-together/backup', version: 2 });
    expect(backup).toMatchObject({ draft: { version: 9, kind: 'review' } });
    expect(carer(backup.draft.data)).toMatchObject({ name: 'Ayesha Begum Khan', relationship: 'Daughter, and she lives next door' });
    await expect(notSavedBanner(page).getByRole('status')).toHaveText(`The review was downloaded as ${file.name}. It opens with “Open a backup”, with the recovery code.`);
  });

  await test.step('once there is room, the next change stores everything', async () => {
    await emptyStorageFiller(page);
    await page.getByLabel(RELATIONSHIP).fill('Daughter, next door');
    await expect(saveStatus(page)).toHaveText('Saved on this device');
    await expect(notSavedBanner(page)).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel('Name', NAME)).toHaveValue('Ayesha Begum Khan');
    await expect(page.getByLabel(RELATIONSHIP)).toHaveValue('Daughter, next door');
  });
});

/** Open the (only) review from the list of reviews, without reloading the page. */
async function openReviewPageInApp(page) {
  await press(page.getByRole('link', { name: /^Open the review with / }));
  await expect(heading(page, 'Carer review')).toBeVisible();
  await press(page.getByRole('link', { name: 'Who is here', exact: true }));
  await expect(heading(page, 'Who is here')).toBeVisible();
}

test('storage full at sign-off: the signed summary and the draft can still be downloaded', async ({ page }) => {
  test.setTimeout(300_000);
  const id = await completeReview(page);
  // Starting the review made the device's signing key (the browser keeps
  // it, in IndexedDB, apart from the local storage the meeting fills), so
  // a storage that fills up during the meeting cannot stop the sign-off
  // from signing. A review staged in another browser context comes without
  // the key (it cannot be carried): the key screen makes it, as a worker
  // registering the device would.
  await page.goto('/settings/key');
  await keyScreenFingerprint(page);
  expect(await browserKeyOf(page)).not.toBeNull();
  await openReviewPage(page, id);
  await signUntil(page, 'Sam Patel');
  // Time stands still from here: a sign-off is stored at once, not 300 ms later.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  await fillStorage(page);
  await signTurn(page, 'Sam Patel', { way: 'tap' });
  await expect(saveStatus(page)).toHaveText("Not saved: this device's storage for the app is full");
  await expect(page.getByRole('status').filter({ hasText: 'The review is signed off' })).toBeVisible();

  await openTaskListInApp(page);
  const summary = await downloaded(page, page.getByRole('button', { name: 'Download summary' }));
  const signed = JSON.parse(summary.text);
  expect(signed.signature).toMatch(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);
  const draft = await downloaded(page, notSavedBanner(page).getByRole('button', { name: 'Download this review as a file' }));
  // A backup, with the summary signed at the sign-off: it opens elsewhere as it was.
  const rescued = draft.opened();
  expect(rescued.draft.data.state).toBe('signed-off');
  // With the recipients' copies signed with it, also offered while storage is full.
  expect(rescued.signedFiles.map((f) => f.kind)).toEqual(['summary', 'recipient-copy', 'recipient-copy']);
  expect(rescued.signedFiles[0].text).toBe(summary.text);
  const carer = await downloaded(page, page.getByRole('button', { name: 'Download the carer’s copy' }));
  expect(carer.text).toBe(rescued.signedFiles[1].text);
  // What is stored is the review before the worker signed; nothing newer was half-written.
  expect(JSON.parse(await storedReview(page, id)).data.state).not.toBe('signed-off');
});

/** From the sign-off page, back to the task list through its link (no reload). */
async function openTaskListInApp(page) {
  await press(page.getByRole('link', { name: /^Back to/ }).first());
  if (!(await heading(page, 'Carer review').isVisible())) {
    await press(page.getByRole('link', { name: /^Back to/ }).first());
  }
  await expect(heading(page, 'Carer review')).toBeVisible();
}

// ---- Two tabs ------------------------------------------------------------------------

test('a tab that reads while another changes the review changes it itself once that tab is closed', async ({ page, context }) => {
  const id = await familyReview(page);
  await changePerson(page, 'Ayesha Khan');
  const other = await context.newPage();
  const otherProblems = watch(other);
  await other.goto(page.url());
  await expect(readOnlyBanner(other)).toContainText('This review is open in another tab or window, where it can be changed.');
  await page.getByLabel(RELATIONSHIP).fill('Daughter, typed in the first tab');
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  await page.close();
  // No "Edit here instead" needed: the tab waiting in line is given the review.
  await expect(readOnlyBanner(other)).toHaveCount(0);
  await expect(other.getByLabel(RELATIONSHIP)).toBeEditable();
  await expect(other.getByLabel(RELATIONSHIP)).toHaveValue('Daughter, typed in the first tab');
  await other.getByLabel(RELATIONSHIP).fill('Daughter, now in the second tab');
  await expect(saveStatus(other)).toHaveText('Saved on this device');
  const { review } = await stored(other, id);
  expect(carer(review).relationship).toBe('Daughter, now in the second tab');
  expect(otherProblems).toEqual([]);
});

test('two tabs: one changes the review, the other reads it and can take over, and nothing is lost', async ({ page, context }) => {
  const id = await familyReview(page);
  await changePerson(page, 'Ayesha Khan');
  const other = await context.newPage();
  const otherProblems = watch(other);
  await other.goto(page.url());

  await test.step('the second tab only reads, and says why', async () => {
    await expect(readOnlyBanner(other)).toContainText('This review is open in another tab or window, where it can be changed.');
    await expect(other.getByLabel(RELATIONSHIP)).not.toBeEditable();
    await expect(other.getByRole('button', { name: 'Continue' })).toBeDisabled();
    await expect(readOnlyBanner(page)).toHaveCount(0);
  });

  await test.step('it follows what the first tab saves', async () => {
    await page.getByLabel(RELATIONSHIP).fill('Daughter-in-law');
    await expect(other.getByLabel(RELATIONSHIP)).toHaveValue('Daughter-in-law');
  });

  await test.step('"Edit here instead" moves the editing, with the first tab’s last change', async () => {
    await page.getByLabel(RELATIONSHIP).fill('Daughter, typed just before');
    await press(other.getByRole('button', { name: 'Edit here instead' }));
    await expect(readOnlyBanner(other)).toHaveCount(0);
    await expect(other.getByLabel(RELATIONSHIP)).toHaveValue('Daughter, typed just before');
    await expect(readOnlyBanner(page)).toContainText('This review is now being changed in another tab or window.');
    await expect(readOnlyBanner(page)).toContainText('What you typed here before then was saved on this device.');
    await expect(page.getByLabel(RELATIONSHIP)).not.toBeEditable();
  });

  await test.step('the second tab’s changes are stored and the first follows them', async () => {
    await other.getByLabel('Name', NAME).fill('Ayesha Begum Khan');
    await expect(saveStatus(other)).toHaveText('Saved on this device');
    await expect(page.getByLabel('Name', NAME)).toHaveValue('Ayesha Begum Khan');
  });

  await test.step('and back again', async () => {
    await press(page.getByRole('button', { name: 'Edit here instead' }));
    await expect(page.getByLabel(RELATIONSHIP)).toBeEditable();
    await page.getByLabel(RELATIONSHIP).fill('Daughter, back in the first tab');
    await expect(saveStatus(page)).toHaveText('Saved on this device');
    await expect(readOnlyBanner(other)).toBeVisible();
    await expect(other.getByLabel(RELATIONSHIP)).toHaveValue('Daughter, back in the first tab');
  });

  const { review } = await stored(page, id);
  expect(carer(review)).toMatchObject({ name: 'Ayesha Begum Khan', relationship: 'Daughter, back in the first tab' });
  expect(otherProblems).toEqual([]);
});

test('two tabs without Web Locks: a save that missed the other tab’s save is refused and kept', async ({ page, context }) => {
  // A browser without navigator.locks: the revision guard is all there is.
  await context.addInitScript(() => { delete Object.getPrototypeOf(navigator).locks; });
  await context.clock.install({ time: START });
  const id = await startReviewWithFamily(page);
  await changePerson(page, 'Ayesha Khan');
  const other = await context.newPage();
  const otherProblems = watch(other);
  await other.goto(page.url());
  await expect(other.getByLabel(RELATIONSHIP)).toBeEditable();
  await expect(readOnlyBanner(other)).toHaveCount(0);
  await context.clock.pauseAt(PAUSE);

  // Both type before either saves. The first tab's save lands first; once the
  // second tab's renderer sees it (localStorage reaches other tabs a moment
  // later, so the guard cannot tell writes in the same instant apart: the
  // Web Lock is the first guard), the second tab's save is refused.
  const { revision } = await stored(page, id);
  await page.getByLabel(RELATIONSHIP).fill('Typed in the first tab');
  await context.clock.runFor(100);
  await other.getByLabel(RELATIONSHIP).fill('Typed in the second tab');
  await context.clock.runFor(200);
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  await expect.poll(async () => (await stored(other, id)).revision).toBe(revision + 1);
  await context.clock.runFor(100);
  await expect(saveStatus(other)).toHaveText(
    'Not saved: this review was changed in another tab or window after it was opened here',
  );

  // The refused tab keeps its text on screen and offers it as a file.
  await expect(notSavedBanner(other)).toContainText('reload this page to see the saved version');
  await expect(other.getByLabel(RELATIONSHIP)).toHaveValue('Typed in the second tab');
  const file = await downloaded(other, notSavedBanner(other).getByRole('button', { name: 'Download this review as a file' }));
  expect(carer(file.opened().draft.data).relationship).toBe('Typed in the second tab');
  expect(carer((await stored(page, id)).review).relationship).toBe('Typed in the first tab');
  expect(otherProblems).toEqual([]);
});
