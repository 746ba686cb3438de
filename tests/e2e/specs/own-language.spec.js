// Each person's own language (issue 30, P18): chosen for them on "Help to
// take part", the screens follow it while they hold the tablet (and come
// back to the tablet's own when it is passed on or back), and their copy
// comes in it whatever the screens speak; the signed record stays English,
// with the language's code.
import { readFileSync } from 'node:fs';
import {
  test, expect, expectNoAxeViolations, heading, press, radio, continueTo, reviewAt, openReviewPage, openTaskList,
  tabletChoice, turnBanner, signTurn, openCheck, downloadSummary, wordsIn, english, SIGNING,
} from '../helpers.js';

// SCREENSHOTS=<folder> keeps a picture of each screen to look at (PORTRAIT=1: 768×1024).
const viewport = process.env.PORTRAIT ? { width: 768, height: 1024 } : { width: 1024, height: 768 };
test.use({ hasTouch: true, viewport, actionTimeout: 20_000 });

async function picture(page, name) {
  if (!process.env.SCREENSHOTS) return;
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/own-language-${name}-${viewport.width}x${viewport.height}.png`, fullPage: true });
}

const urdu = wordsIn('ur');
const html = (page) => page.locator('html');

/** On "Help to take part", the language of `name`'s screens and copy. */
async function chooseOwnLanguage(page, name, ownName) {
  await press(page.getByRole('link', { name: `Change what helps ${name} take part`, exact: true }));
  await expect(heading(page, `What helps ${name} take part`)).toBeVisible();
  await press(page.getByText('The tablet and their copy in their language', { exact: true }));
  await press(radio(page, 'The tablet and their copy: which language?', ownName));
  await picture(page, 'help-to-take-part');
  await continueTo(page, 'Help to take part');
}

/**
 * From the screen showing (in words `from`), the tablet to `name`, who
 * reads the hand-over in their own words (`to`) and confirms it is them.
 */
async function passTo(page, name, from, to) {
  await press(page.getByRole('link', { name: from('Pass the tablet'), exact: true }));
  await expect(heading(page, from('Who will use the tablet next?'))).toBeVisible();
  await press(tabletChoice(page, name));
  await expect(heading(page, to('Pass the tablet to {name}', { name }))).toBeVisible();
  await picture(page, `hand-over-${name.split(' ')[0]}`);
  await press(page.getByRole('button', { name: to('I am {name} — continue', { name }), exact: true }));
}

test('the screens follow whoever holds the tablet, in the language chosen for them', async ({ page }) => {
  const id = await reviewAt(page, 'review proper', 'taking-part');
  await expect(heading(page, 'Help to take part')).toBeVisible();
  await chooseOwnLanguage(page, 'Ayesha Khan', 'اردو');
  await expect(page.getByText('The tablet and their copy in Urdu')).toBeVisible();
  // The worker holds the tablet: its own language.
  await expect(html(page)).toHaveAttribute('lang', 'en-GB');

  await passTo(page, 'Ayesha Khan', english, urdu);
  await expect(html(page)).toHaveAttribute('lang', 'ur');
  await expect(html(page)).toHaveAttribute('dir', 'rtl');
  await expect(heading(page, urdu('Help to take part'))).toBeVisible();
  await expect(turnBanner(page, urdu)).toContainText(`${urdu('Now:')} Ayesha Khan`);
  // Not yet checked by a translator: said in Urdu as the screens change.
  await expect(page.getByText(urdu('These words in {language} have not yet been checked by a qualified translator. If anything is unclear, ask the worker to say it another way.', { language: 'اردو' }))).toBeVisible();
  await expectNoAxeViolations(page, 'Help to take part, Ayesha holding the tablet, in Urdu');
  await picture(page, 'ayesha-holding');
  // Still hers after a reload, on every screen of the review.
  await page.reload();
  await expect(heading(page, urdu('Help to take part'))).toBeVisible();
  await openReviewPage(page, id);
  await expect(html(page)).toHaveAttribute('lang', 'ur');
  await expect(heading(page, urdu('Carer review'))).toBeVisible();
  // The Display panel says the screens are hers, and still sets the tablet's own.
  await press(page.getByRole('button', { name: urdu('Display'), exact: true }));
  await expect(page.getByText(urdu('The screens are in {language} while the person holding the tablet has it, as chosen for them in “Help to take part”. This is the tablet’s own language, for when it is handed back.', { language: urdu('Urdu') }))).toBeVisible();
  await picture(page, 'display-panel');
  await page.keyboard.press('Escape');

  // To Joan, who has no language of her own: the tablet's.
  await passTo(page, 'Joan Khan', urdu, english);
  await expect(html(page)).toHaveAttribute('lang', 'en-GB');
  await expect(html(page)).toHaveAttribute('dir', 'ltr');
  await expect(heading(page, 'Carer review')).toBeVisible();
  await expect(turnBanner(page)).toContainText('Now: Joan Khan');
  // Outside the review, the tablet's own language, whoever holds it.
  await passTo(page, 'Ayesha Khan', english, urdu);
  await expect(html(page)).toHaveAttribute('lang', 'ur');
  await page.goto('./');
  await expect(heading(page, 'Reviews on this device')).toBeVisible();
  await expect(html(page)).toHaveAttribute('lang', 'en-GB');
  // Back in it, hers; and back to the worker, the tablet's.
  await openReviewPage(page, id);
  await expect(heading(page, urdu('Carer review'))).toBeVisible();
  await passTo(page, 'Sam Patel', urdu, english);
  await expect(heading(page, 'Carer review')).toBeVisible();
  await expect(html(page)).toHaveAttribute('lang', 'en-GB');
});

test("the carer's copy comes in her language; the signed record stays English, with its code", async ({ page }) => {
  const id = await reviewAt(page, 'review proper', 'taking-part');
  await chooseOwnLanguage(page, 'Ayesha Khan', 'اردو');
  await openTaskList(page, id);
  await openCheck(page);
  await press(page.getByRole('link', { name: 'Continue to sign off' }));
  // Each signs in turn: Ayesha's turn is in Urdu, everyone else's in English.
  const signed = [];
  while (signed.length < Object.keys(SIGNING).length) {
    const banner = page.getByRole('status').filter({ hasText: /^\uFEFF?(Now|اب):/ });
    await expect(banner).toBeVisible();
    const text = (await banner.textContent()).replace(/^(Now|اب):\s*/, '');
    const name = Object.keys(SIGNING).find((n) => text.startsWith(n));
    const tag = name === 'Ayesha Khan' ? 'ur' : 'en-GB';
    await expect(html(page)).toHaveAttribute('lang', tag);
    const t = tag === 'ur' ? urdu : english;
    await expect(heading(page, t('Sign off the review'))).toBeVisible();
    if (tag === 'ur') {
      await expectNoAxeViolations(page, 'signing off, Ayesha’s turn, in Urdu');
      await picture(page, 'signing');
    }
    await signTurn(page, name, SIGNING[name], t);
    signed.push(name);
  }
  expect([...signed].sort()).toEqual(Object.keys(SIGNING).sort());
  await openTaskList(page, id);
  await expect(page.getByText('This review is signed off and locked.')).toBeVisible();
  await expect(html(page)).toHaveAttribute('lang', 'en-GB');

  // The record: English words, her language as a code.
  const { text } = await downloadSummary(page);
  const summary = JSON.parse(text);
  expect(summary.language).toBe('en-GB');
  const byName = Object.fromEntries(summary.participants.map((p) => [p.name, p]));
  expect(byName['Ayesha Khan'].support.screenLanguage).toBe('ur');
  expect(byName['Joan Khan'].support.screenLanguage).toBeUndefined();

  // Her copy, in Urdu on English screens, mirrored; any other at a tap.
  await openReviewPage(page, id, 'copy/carer');
  await expect(heading(page, 'The carer’s copy')).toBeVisible();
  const copy = page.locator('article.app-readable');
  await expect(copy).toHaveAttribute('lang', 'ur');
  await expect(copy).toHaveAttribute('dir', 'rtl');
  await expect(copy.getByRole('heading', { level: 2 })).toHaveText(urdu('Carer review: {carer} and {individual}', { carer: 'Ayesha Khan', individual: 'Joan Khan' }));
  await expect(page.getByRole('button', { name: 'اردو' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page, 'the carer’s copy, in Urdu');
  await picture(page, 'carer-copy');
  // Saved as a page: in Urdu, right to left.
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    press(page.getByRole('button', { name: 'Save as a page' })),
  ]);
  const path = test.info().outputPath(saved.suggestedFilename());
  await saved.saveAs(path);
  expect(readFileSync(path, 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="ur" dir="rtl">/);
  await press(page.getByRole('button', { name: 'English' }));
  await expect(copy).toHaveAttribute('lang', 'en-GB');
  await expect(copy.getByRole('heading', { level: 2 })).toHaveText('Carer review: Ayesha Khan and Joan Khan');
  await press(page.getByRole('button', { name: 'Cymraeg' }));
  await expect(copy).toHaveAttribute('lang', 'cy');
  await expect(copy.getByRole('heading', { level: 2 })).toHaveText(wordsIn('cy')('Carer review: {carer} and {individual}', { carer: 'Ayesha Khan', individual: 'Joan Khan' }));

  // Joan chose none: her copy comes in the screens' language.
  await openReviewPage(page, id, 'copy/individual');
  await expect(page.locator('article.app-readable')).toHaveAttribute('lang', 'en-GB');
});
