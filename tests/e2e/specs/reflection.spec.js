// The worker's reflection after sign-off (issue 23, revision criterion 10):
// how the review was for the carer and the person cared for (a face each),
// what went well and what to do differently. It is kept as it is written,
// signed once as an addendum that names the records copy, verifies beside
// that summary with the records teams' CLI and in the app's checker, goes
// with the review's backup, and is in nobody's copy. A summary changed in
// the device's storage since the sign-off is never added to.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  test, expect, press, heading, lockedReview, openTaskList, storageOf, downloadLocked, recoveryCodeOf, openLockedBackup,
  expectNoAxeViolations, SUMMARY_CLI as CLI,
} from '../helpers.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 20_000 });

const WENT_WELL = 'Ayesha said more about the evenings than last time';
const DIFFERENTLY = 'Book Farah for a longer slot';

/** Press a button that saves a file; its path and text. */
async function saved(page, button, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), press(button)]);
  const path = test.info().outputPath(name ?? dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

const face = (page, who, answer) => page.getByRole('group', { name: `How was this review for ${who}?` }).getByLabel(answer);

test('the reflection is kept as it is written, signed as an addendum that verifies beside its summary, and is in nobody’s copy', async ({ page, browser }) => {
  test.setTimeout(240_000);
  // Signed off here, by this device's key (a staged review is restored without it).
  const id = await lockedReview(page);
  await press(page.getByRole('link', { name: 'Write your reflection' }));
  await expect(heading(page, 'Looking back on the review')).toBeVisible();
  await expect(page.getByText('This is for the records only: it does not change the signed summary and is in nobody’s copy.')).toBeVisible();

  // Nothing answered: each question is named.
  await press(page.getByRole('button', { name: 'Sign the reflection' }));
  const summary = page.locator('.app-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Ask Ayesha Khan how the review was for them, or choose “They did not say”',
    'Ask Joan Khan how the review was for them, or choose “They did not say”',
    'Say what went well in this review',
    'Say what you would do differently next time, or write “Nothing”',
  ]);
  await expectNoAxeViolations(page, 'reflection with errors');

  // One tap each, and the worker's words: kept through a reload.
  await press(face(page, 'Ayesha Khan', 'Some good, some not'));
  await press(face(page, 'Joan Khan', 'It was good'));
  await page.getByLabel('What went well in this review?').fill(WENT_WELL);
  await page.reload();
  await expect(heading(page, 'Looking back on the review')).toBeVisible();
  await expect(face(page, 'Ayesha Khan', 'Some good, some not')).toBeChecked();
  await expect(face(page, 'Joan Khan', 'It was good')).toBeChecked();
  await expect(page.getByLabel('What went well in this review?')).toHaveValue(WENT_WELL);
  await page.getByLabel('What would you do differently next time?').fill(DIFFERENTLY);
  await expectNoAxeViolations(page, 'reflection answered');

  const before = await storageOf(page);
  await press(page.getByRole('button', { name: 'Sign the reflection' }));
  await expect(page.getByRole('heading', { name: 'The reflection is signed' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The reflection is signed' })).toBeFocused();
  const rows = page.locator('.app-summary-list__row');
  await expect(rows.filter({ hasText: 'How it was for Ayesha Khan' })).toContainText('Some good, some not');
  await expect(rows.filter({ hasText: 'How it was for Joan Khan' })).toContainText('It was good');
  await expectNoAxeViolations(page, 'reflection signed');
  const reflection = await saved(page, page.getByRole('button', { name: 'Download the reflection' }));
  expect(reflection.name).toMatch(/^review-summary-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-reflection\.json$/);
  const addendum = JSON.parse(reflection.text);
  expect(addendum).toMatchObject({
    format: 'review-together/addendum',
    formatVersion: '1',
    reviewId: id,
    reflection: { wentWell: WENT_WELL, doDifferently: DIFFERENTLY },
  });

  // Signed once: after a reload the page shows it, and signs nothing again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'The reflection is signed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign the reflection' })).toHaveCount(0);

  // The summary and every copy are exactly as signed, and hold none of it.
  const after = await storageOf(page);
  for (const key of [`review-together/summary/${id}`, `review-together/copies/${id}`]) {
    expect(after[key]).toBe(before[key]);
    expect(after[key]).not.toContain(WENT_WELL);
  }
  expect(after[`review-together/reflection/${id}`]).toBeUndefined();
  await openTaskList(page, id);
  await expect(page.getByRole('link', { name: 'See your reflection' })).toBeVisible();
  const records = await saved(page, page.getByRole('button', { name: 'Download summary' }));
  expect(addendum.addendumTo.id).toBe(JSON.parse(records.text).documentId);
  await press(page.getByRole('link', { name: 'Read, print or give the carer’s copy' }));
  await expect(page.locator('.app-readable')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(WENT_WELL);

  // The records teams' CLI: beside its summary it is checked against it.
  const r = spawnSync(CLI, ['verify', '--json', '--allow-unknown-signer', records.path, reflection.path], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout);
  expect(report.files.map((f) => f.verdict)).toEqual(['untrusted_signer', 'untrusted_signer']);
  expect(report.files[1].errors.map((e) => e.code)).toEqual(['signer_not_checked']);
  expect(r.status).toBe(0);
  const lines = spawnSync(CLI, ['verify', '--allow-unknown-signer', records.path, reflection.path], { encoding: 'utf8' }).stdout;
  expect(lines).toContain('checked beside it: for the records only.');

  // The app's checker says what it is.
  await page.goto('/check-summary');
  await page.getByLabel('Summary file').setInputFiles(reflection.path);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Signed, but the signer could not be checked');
  await expect(page.getByText(`It is for the records only: it adds to summary ${addendum.addendumTo.id}`)).toBeVisible();
  await expect(page.getByText(WENT_WELL)).toBeVisible();

  // The backup carries it, and another device opens it checked.
  await openTaskList(page, id);
  const dl = await downloadLocked(page, page.getByRole('button', { name: 'Download a backup of this review' }));
  const backupPath = test.info().outputPath('backup.json');
  await dl.saveAs(backupPath);
  const opened = openLockedBackup(readFileSync(backupPath, 'utf8'), recoveryCodeOf(page));
  expect(opened.signedFiles.map((f) => f.kind)).toEqual(['summary', 'recipient-copy', 'recipient-copy', 'addendum']);
  expect(opened.signedFiles[3].text).toBe(reflection.text);
  const other = await browser.newContext({ hasTouch: true, viewport: { width: 1024, height: 768 } });
  const tablet = await other.newPage();
  await tablet.goto('/open-backup');
  await tablet.getByLabel('Backup file').setInputFiles(backupPath);
  await tablet.getByLabel('Recovery code').fill(recoveryCodeOf(page));
  await press(tablet.getByRole('button', { name: 'Open the backup' }));
  await expect(tablet.getByRole('status').filter({ hasText: 'The backup was opened.' }))
    .toContainText('The worker’s reflection, signed after the sign-off, was checked against it too.');
  await press(tablet.getByRole('link', { name: 'See your reflection' }));
  const there = await saved(tablet, tablet.getByRole('button', { name: 'Download the reflection' }), 'there.json');
  expect(there.text).toBe(reflection.text);
  await other.close();
});

test('a summary changed in the device’s storage since the sign-off is never added to', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await lockedReview(page);
  await press(page.getByRole('link', { name: 'Write your reflection' }));
  await expect(heading(page, 'Looking back on the review')).toBeVisible();
  await press(face(page, 'Ayesha Khan', 'It was good'));
  await press(face(page, 'Joan Khan', 'They did not say'));
  await page.getByLabel('What went well in this review?').fill(WENT_WELL);
  await page.getByLabel('What would you do differently next time?').fill('Nothing');
  // Someone with the tablet's storage changes a name in the signed summary.
  const key = `review-together/summary/${id}`;
  await page.evaluate((k) => {
    const stored = JSON.parse(localStorage.getItem(k));
    stored.data.text = stored.data.text.replace('Ayesha Khan', 'Ayesha Kahn');
    localStorage.setItem(k, JSON.stringify(stored));
  }, key);
  await press(page.getByRole('button', { name: 'Sign the reflection' }));
  await expect(page.getByRole('alert')).toContainText('The reflection was not signed: the signed summary kept on this device does not check');
  expect((await storageOf(page))[`review-together/addendum/${id}`]).toBeUndefined();
  // What was written stays; opened again, the page says why it cannot add to it.
  expect(JSON.parse((await storageOf(page))[`review-together/reflection/${id}`]).data.wentWell).toBe(WENT_WELL);
  await page.reload();
  await expect(page.getByText('The signed summary kept on this device does not check')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign the reflection' })).toHaveCount(0);
});
