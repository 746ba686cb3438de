// A whole meeting in Welsh, and in Urdu (issue 30): the tablet set to the
// language from the start, the same drivers as the English walk (their
// words looked for in the language: speaking.js), axe on every screen they
// act on, and at the end the carer's copy in the language, none of our
// English left on the screens it passed.
import {
  test, expect, heading, setUpDevice, driveGettingReady, driveReviewProper, openCheck, signEveryone,
  openReviewPage, wordsIn, expectNoAxeViolations, screensCheckedIn, SIGNING,
} from '../helpers.js';
import { speak } from '../speaking.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 20_000 });

const DISPLAY_KEY = 'review-together/display';

for (const [tag, name] of [['cy', 'Welsh'], ['ur', 'Urdu']]) {
  test(`a whole meeting in ${name}: getting ready, the review, signing off and the carer's copy`, async ({ page }) => {
    test.setTimeout(480_000);
    await page.addInitScript(([key, tag]) => {
      if (!localStorage.getItem(key)) {
        localStorage.setItem(key, JSON.stringify({ version: 1, kind: 'display', data: { language: tag } }));
      }
    }, [DISPLAY_KEY, tag]);
    speak(page, tag);
    const t = wordsIn(tag);
    await setUpDevice(page);
    await expect(page.locator('html')).toHaveAttribute('lang', tag);
    const id = await driveGettingReady(page);
    await driveReviewProper(page, id);
    await openCheck(page);
    await signEveryone(page, SIGNING, t);
    await openReviewPage(page, id, 'copy/carer');
    const copy = page.locator('article.app-readable');
    await expect(copy).toHaveAttribute('lang', tag);
    await expect(copy.getByRole('heading', { level: 2 }))
      .toHaveText(t('Carer review: {carer} and {individual}', { carer: 'Ayesha Khan', individual: 'Joan Khan' }));
    await expect(heading(page, 'The carer’s copy')).toBeVisible();
    await expectNoAxeViolations(page, `the carer's copy in ${name}`);
    // Every screen the drivers acted on was checked (axe, none of our English).
    console.log(`${name}: ${screensCheckedIn(tag)} screens checked with axe, none of our English left`);
    expect(screensCheckedIn(tag)).toBeGreaterThanOrEqual(25);
  });
}
