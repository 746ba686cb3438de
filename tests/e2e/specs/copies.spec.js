// The copies people take away, to read (issue 22, P23): each recipient's
// copy as a page in plain words and in easy read, printed on A4 and saved
// as a page of its own. Nothing the summary keeps from a reader reaches any
// of them (the page on screen, the saved page, the printed PDF), and
// everything their signed copy holds does; the document id and fingerprint
// are at the foot of every printed page. The PDFs are drawn as PNG with
// MuPDF (wasm) into the test's output, to be looked at.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mupdf from 'mupdf';
import {
  continueTo, test, expect, press, heading, reviewAt, openReviewPage, openTaskList, signEveryone, expectNoAxeViolations,
  reviewKeepingSomethingFromEach, downloadLocked, recoveryCodeOf, openLockedBackup, openPart, SITTING,
} from '../helpers.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 20_000 });

/** Visibilities a copy for `kind` may hold. */
const MAY_HOLD = {
  carer: ['everyone', 'not-individual', 'not-providers'],
  individual: ['everyone', 'not-carer', 'not-providers'],
};

/**
 * Every text an item of the summary holds, with the item's visibility: the
 * words people said or wrote (notes, points, gaps, risks, matters, actions,
 * the outcome's reasons and views, words said at signing).
 */
function itemTexts(summary) {
  const out = [];
  const add = (text, visibility) => { if (text && visibility) out.push({ text, visibility }); };
  for (const c of summary.criteria) for (const e of c.evidence) add(e.text, e.visibility);
  for (const r of summary.services.resources) {
    for (const p of [...r.benefits, ...r.difficulties, ...r.changes]) add(p.text, p.visibility);
  }
  for (const g of summary.services.gaps) add(g.what, g.visibility);
  for (const a of summary.cover.arrangements) for (const r of a.risks) { add(r.risk, r.visibility); add(r.management, r.visibility); }
  for (const m of summary.escalations.matters) { add(m.matter, m.visibility); add(m.whyBeyondScope, m.visibility); }
  for (const a of summary.actions) add(a.what, a.visibility);
  const o = summary.outcome;
  for (const k of ['rationale', 'carerView', 'individualView', 'otherViews']) add(o[k], o[`${k}Visibility`]);
  for (const s of summary.signOffs) add(s.decision.comment ?? s.decision.reason, s.decision.visibility);
  return out;
}

/** The places in `text` where what `kind` may not see shows, or what it may is missing. */
function wrongIn(text, texts, kind, where) {
  const flat = text.replace(/\s+/g, ' ');
  return texts
    .filter(({ text: t, visibility }) => flat.includes(t.replace(/\s+/g, ' ')) !== MAY_HOLD[kind].includes(visibility))
    .map(({ text: t, visibility }) => `${where}: “${t}” (${visibility}) ${MAY_HOLD[kind].includes(visibility) ? 'is missing' : 'is there'}`);
}

/** Every page of a PDF drawn as PNG (MuPDF), and its text. */
function drawPdf(bytes, dir, stem) {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  const pages = [];
  for (let i = 0; i < doc.countPages(); i += 1) {
    const page = doc.loadPage(i);
    const [x0, y0, x1, y1] = page.getBounds();
    const png = page.toPixmap(mupdf.Matrix.scale(1, 1), mupdf.ColorSpace.DeviceRGB, false, true).asPNG();
    const path = join(dir, `${stem}-page${i + 1}.png`);
    writeFileSync(path, png);
    pages.push({ width: x1 - x0, height: y1 - y0, text: page.toStructuredText('preserve-whitespace').asText(), path });
  }
  return pages;
}

test('each recipient’s copy reads, prints on A4 and saves as a page holding only what they may see', async ({ page }) => {
  test.setTimeout(300_000);
  const out = test.info().outputPath('copies');
  mkdirSync(out, { recursive: true });
  const id = await reviewKeepingSomethingFromEach(page);
  await signEveryone(page);
  const summary = JSON.parse(await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.text, `review-together/summary/${id}`));
  const copies = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data, `review-together/copies/${id}`);
  const texts = itemTexts(summary);
  expect(texts.filter((t) => !MAY_HOLD.carer.includes(t.visibility)).length).toBeGreaterThan(0);
  expect(texts.filter((t) => !MAY_HOLD.individual.includes(t.visibility)).length).toBeGreaterThan(0);

  const wrong = [];
  for (const [kind, whose] of [['carer', 'The carer’s copy'], ['individual', 'The copy for the person cared for']]) {
    const file = copies.find((c) => c.recipient.kind === kind);
    const fingerprint = createHash('sha256').update(file.text).digest('base64url').slice(0, 12).match(/.{4}/g).join(' ');
    await openReviewPage(page, id, 'sign');
    await press(page.getByRole('link', { name: `Read, print or give ${whose.toLowerCase()}` }));
    await expect(heading(page, whose)).toBeVisible();
    for (const style of ['Plain words', 'Easy read']) {
      await press(page.getByRole('button', { name: style }));
      await expect(page.getByRole('button', { name: style })).toHaveAttribute('aria-pressed', 'true');
      const copy = page.locator('.app-readable');
      await expect(copy).toHaveClass(style === 'Easy read' ? /app-readable--easy/ : /^app-readable$/);
      wrong.push(...wrongIn(await copy.innerText(), texts, kind, `${kind}, ${style}, on screen`));
      // What happens next, and the file it was made from.
      await expect(copy).toContainText('What happens next');
      await expect(copy).toContainText(`document ${file.documentId} · fingerprint ${fingerprint}`);
      await expectNoAxeViolations(page, `${whose}, ${style}`);

      // As printed (the print stylesheet), axe finds nothing either.
      await page.emulateMedia({ media: 'print' });
      await expectNoAxeViolations(page, `${whose}, ${style}, as printed`);
      await page.emulateMedia({ media: null });

      // Printed: A4, only the copy, the id and fingerprint on every page.
      const stem = `${kind}-${style === 'Easy read' ? 'easy-read' : 'plain'}`;
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(out, `${stem}.pdf`), pdf);
      const pages = drawPdf(pdf, out, stem);
      expect(pages.length, stem).toBeGreaterThan(1);
      for (const p of pages) {
        // A4: 210 × 297 mm, 595.3 × 841.9 points (Chromium rounds to its pixels).
        expect(Math.abs(p.width - 595.3), p.path).toBeLessThan(2);
        expect(Math.abs(p.height - 841.9), p.path).toBeLessThan(2);
        expect(p.text.replace(/\s+/g, ' '), p.path).toContain(`fingerprint ${fingerprint}`);
        expect(p.text, p.path).not.toContain('Save as a page');
      }
      wrong.push(...wrongIn(pages.map((p) => p.text).join(' '), texts, kind, `${kind}, ${style}, printed`));

      // Saved as a page of its own.
      const [dl] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Save as a page' }))]);
      const saved = join(out, dl.suggestedFilename());
      await dl.saveAs(saved);
      expect(dl.suggestedFilename()).toBe(file.fileName.replace(/\.json$/, style === 'Easy read' ? '-easy-read.html' : '.html'));
      const html = readFileSync(saved, 'utf8');
      expect(html).toMatch(/^<!DOCTYPE html>/);
      wrong.push(...wrongIn(html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), texts, kind, `${kind}, ${style}, saved page`));
    }
  }
  expect(wrong).toEqual([]);
});

test('a saved page stands alone: it opens with no network and reads the same', async ({ page, context }) => {
  test.setTimeout(180_000);
  const id = await reviewAt(page, 'signed off');
  await openReviewPage(page, id, 'sign');
  await press(page.getByRole('link', { name: 'Read, print or give the carer’s copy' }));
  const onScreen = await page.locator('.app-readable').innerText();
  const [dl] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Save as a page' }))]);
  const saved = test.info().outputPath('carer.html');
  await dl.saveAs(saved);
  await context.setOffline(true);
  const alone = await context.newPage();
  const requests = [];
  alone.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await alone.goto(`file://${saved}`);
  await expect(alone.locator('h1')).toContainText('Carer review: ');
  expect((await alone.locator('.app-readable').innerText()).replace(/\s+/g, ' ')).toBe(onScreen.replace(/\s+/g, ' '));
  expect(requests).toEqual([]);
  await expectNoAxeViolations(alone, 'a saved copy, opened on its own');
  await context.setOffline(false);
});

test('where the tablet can share files, a copy goes through its share sheet: the signed file and its page', async ({ page }) => {
  test.setTimeout(180_000);
  // A share sheet, as a tablet's browser has it: what it was given is kept.
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File);
    navigator.share = async (data) => {
      if (window.__cancelNext) { window.__cancelNext = false; throw new DOMException('Share canceled', 'AbortError'); }
      window.__shared.push({ title: data.title, files: await Promise.all(data.files.map(async (f) => ({ name: f.name, type: f.type, text: await f.text() }))) });
    };
  });
  const id = await reviewAt(page, 'signed off');
  await openReviewPage(page, id, 'sign');
  await press(page.getByRole('link', { name: 'Read, print or give the carer’s copy' }));
  const file = (await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data, `review-together/copies/${id}`))
    .find((c) => c.recipient.kind === 'carer');
  await page.evaluate(() => { window.__cancelNext = true; });
  await press(page.getByRole('button', { name: 'Share' }));
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was shared.' })).toBeVisible();
  await press(page.getByRole('button', { name: 'Share' }));
  await expect(page.getByRole('status').filter({ hasText: 'The carer’s copy was shared from this tablet: the signed file and its page. It is marked as given' })).toBeVisible();
  // Shared through the sheet is logged as given that way.
  await expect(page.getByRole('region', { name: 'Given to them?' }).getByText(/^Shared from this tablet on \d+ \w+ \d{4} at \d\d:\d\d$/)).toBeVisible();
  const [shared] = await page.evaluate(() => window.__shared);
  expect(shared.title).toBe('The carer’s copy');
  expect(shared.files.map((f) => [f.name, f.type])).toEqual([
    [file.fileName, 'application/json'],
    [file.fileName.replace(/\.json$/, '.html'), 'text/html'],
  ]);
  expect(shared.files[0].text).toBe(file.text);
  expect(shared.files[1].text).toContain(`document ${file.documentId}`);
});

test('where the browser cannot share files, no Share button is offered', async ({ page }) => {
  const id = await reviewAt(page, 'signed off');
  await openReviewPage(page, id, 'sign');
  await press(page.getByRole('link', { name: 'Read, print or give the carer’s copy' }));
  await expect(page.getByRole('button', { name: 'Save as a page' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
});

test('copies still to give are listed on the home screen until marked given; the log is kept with the review and in its backup, never in a signed file', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const id = await reviewAt(page, 'signed off');
  const signedBefore = await page.evaluate((id) => [localStorage.getItem(`review-together/summary/${id}`), localStorage.getItem(`review-together/copies/${id}`)], id);
  await page.goto('/');
  const toGive = page.getByRole('region', { name: 'Copies still to give' });
  await expect(toGive.getByText('2 copies signed off on this device have not been marked as given.')).toBeVisible();
  await expect(toGive.getByRole('listitem')).toHaveText([/^The carer’s copy: the review with Ayesha Khan, signed off on \d+ \w+ \d{4}\. Read, print or give/, /^The copy for the person cared for: the review with Ayesha Khan/]);

  await press(toGive.getByRole('link', { name: 'Read, print or give the carer’s copy from the review with Ayesha Khan' }));
  await expect(heading(page, 'The carer’s copy')).toBeVisible();
  const given = page.getByRole('region', { name: 'Given to them?' });
  await expect(given.getByText('Not marked as given yet.')).toBeVisible();
  // Nothing chosen: said on the question, nothing logged.
  await press(given.getByText('Mark it as given'));
  await press(given.getByRole('button', { name: 'Mark as given' }));
  await expect(given.getByText('Choose how the carer’s copy was given')).toBeVisible();
  await press(given.getByRole('radio', { name: 'Printed and handed over' }));
  await press(given.getByRole('button', { name: 'Mark as given' }));
  await expect(given.getByRole('status')).toHaveText('The carer’s copy is marked as given: printed and handed over.');
  const mark = /^Printed and handed over on \d+ \w+ \d{4} at \d\d:\d\d$/;
  await expect(given.getByText(mark)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Given to them?' }).getByText(mark)).toBeVisible();

  // Stored with the review (version 4 on); the signed files are as they were signed.
  const stored = await page.evaluate((id) => ({
    review: JSON.parse(localStorage.getItem(`review-together/review/${id}`)),
    signed: [localStorage.getItem(`review-together/summary/${id}`), localStorage.getItem(`review-together/copies/${id}`)],
  }), id);
  expect(stored.review.version).toBe(9);
  const carerCopy = JSON.parse(stored.signed[1]).data.find((c) => c.recipient.kind === 'carer');
  expect(stored.review.data.copiesGiven).toEqual([expect.objectContaining({ recipient: 'carer', documentId: carerCopy.documentId, how: 'printed' })]);
  expect(stored.signed).toEqual(signedBefore);

  // The summary section says which copies were given.
  await openReviewPage(page, id, 'sign');
  await expect(page.getByRole('region', { name: 'Copies for each person' }).getByText(/^Given: printed and handed over on /)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Copies for each person' }).getByText('Not given yet.')).toBeVisible();
  await page.goto('/');
  await expect(toGive.getByText('1 copy signed off on this device has not been marked as given.')).toBeVisible();
  await expect(toGive.getByRole('listitem')).toHaveCount(1);
  await expect(toGive.getByRole('listitem')).toContainText('The copy for the person cared for');

  // The backup holds the log; opened on another tablet, the copy is still given.
  await openTaskList(page, id);
  const dl = await downloadLocked(page, page.getByRole('button', { name: 'Download a backup of this review' }));
  const path = test.info().outputPath(dl.suggestedFilename());
  await dl.saveAs(path);
  const { draft, signedFiles } = openLockedBackup(readFileSync(path, 'utf8'), recoveryCodeOf(page));
  const envelope = typeof draft === 'string' ? JSON.parse(draft) : draft;
  expect(envelope.data.copiesGiven).toHaveLength(1);
  for (const f of signedFiles) expect(f.text).not.toContain('copiesGiven');
  const other = await browser.newContext({ hasTouch: true, viewport: { width: 1024, height: 768 } });
  const tablet = await other.newPage();
  await tablet.goto('/open-backup');
  await tablet.getByLabel('Backup file').setInputFiles(path);
  await tablet.getByLabel('Recovery code').fill(recoveryCodeOf(page));
  await press(tablet.getByRole('button', { name: 'Open the backup' }));
  await expect(heading(tablet, 'Carer review')).toBeVisible();
  await tablet.goto('/');
  await expect(tablet.getByRole('region', { name: 'Copies still to give' }).getByRole('listitem')).toHaveCount(1);
  await other.close();

  // A mark made by mistake is taken back: the copy is to give again.
  await page.goto(`/review/${id}/copy/carer`);
  await press(page.getByRole('button', { name: /^Take back the mark “printed and handed over on / }));
  await expect(page.getByRole('region', { name: 'Given to them?' }).getByText('Not marked as given yet.')).toBeVisible();
  await page.goto('/');
  await expect(toGive.getByRole('listitem')).toHaveCount(2);
});

test('a service’s copy that would hold nothing of its own is said on “Keeping things private” and on the check page, until the names match', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await reviewAt(page, 'review proper');
  await openPart(page, id, 'How we will review');
  await continueTo(page, 'Keeping things private');
  await press(page.getByRole('button', { name: 'Add a service that gets a copy' }));
  const name = page.getByLabel('Name of the service that gets a copy').last();
  await name.fill('Crossroads Sitting');
  const warning = page.locator('.app-warning-text').filter({ hasText: 'Crossroads Sitting' });
  await expect(warning).toHaveText('The copy for Crossroads Sitting would hold nothing of its own: no service in this review is called “Crossroads Sitting”, and no action is theirs. A service’s copy holds the feedback on the service of the same name, and the actions it owns: check the names in Services and support and Actions and outcome.');
  await expect(warning.getByRole('link', { name: 'Services and support' })).toBeVisible();
  await page.goto(`/review/${id}/check`);
  await expect(page.locator('.app-warning-text').filter({ hasText: 'The copy for Crossroads Sitting would hold nothing of its own' })).toBeVisible();
  await expectNoAxeViolations(page, 'the check page with a service copy matching nothing');
  // The service's own name, written another way: its copy holds its feedback.
  await openPart(page, id, 'How we will review');
  await continueTo(page, 'Keeping things private');
  await page.getByLabel('Name of the service that gets a copy').last().fill(`  ${SITTING.name.toUpperCase()} `);
  await expect(page.locator('.app-warning-text').filter({ hasText: 'would hold nothing of' })).toHaveCount(0);
  await page.goto(`/review/${id}/check`);
  await expect(heading(page, 'Check the review before signing')).toBeVisible();
  await expect(page.locator('.app-warning-text').filter({ hasText: 'would hold nothing of' })).toHaveCount(0);
});
