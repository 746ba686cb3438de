// Where you are (issue 31, point 3): aria-current="page" only on a link to
// the page itself, never on a link to a page above it; the save status
// stays in view however far the page scrolls; and it is said aloud only
// when saving starts to fail or works again, not on every keystroke.
import { test, expect, press, openReviewPage } from '../fixture.js';
import { familyReview, reviewAt, openCriterion, ratingTile } from '../meeting.js';
import { changePerson, TIME_OFF } from '../getting-ready.js';
import { saveStatus, saveAnnouncer } from '../features.js';
import { fillStorage, emptyStorageFiller } from '../state.js';

const RELATIONSHIP = 'Relationship to the person being cared for';

/** Every element marked aria-current, with where it points. */
const current = (page) => page.evaluate(() => [...document.querySelectorAll('[aria-current]')]
  .map((el) => ({ value: el.getAttribute('aria-current'), href: el.getAttribute('href') })));

test('aria-current marks only a link to the page you are on, never one to a page above it', async ({ page }) => {
  const id = await reviewAt(page, 'review proper');
  for (const rest of ['', 'who', 'rate', 'outcome', 'check']) {
    await openReviewPage(page, id, rest);
    const here = new URL(page.url()).pathname;
    for (const mark of await current(page)) {
      expect(mark, `${rest || 'the task list'}: ${JSON.stringify(mark)}`).toEqual({ value: 'page', href: here });
    }
  }
  // The task list is a page above every part: on a part, nothing says it is current.
  await openReviewPage(page, id, 'who');
  await expect(page.getByRole('link', { name: 'Back to the review' }).first()).not.toHaveAttribute('aria-current', /.*/);
  await expect(page.getByRole('link', { name: 'Review Together' })).not.toHaveAttribute('aria-current', /.*/);
});

test('the save status stays in view at the foot of a long page', async ({ page }) => {
  const id = await reviewAt(page, 'review proper');
  await openReviewPage(page, id, 'rate');
  await openCriterion(page, TIME_OFF);
  await press(ratingTile(page, 'Sam Patel', 'Poor'));
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  // A page taller than the screen, scrolled to its foot.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(2 * 768);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.getByRole('button', { name: 'Next criterion' })).toBeInViewport();
  await expect(saveStatus(page)).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Pause the review' })).toBeInViewport();
});

test('the save status is said once when saving fails and once when it works again, not on every keystroke', async ({ page }) => {
  await familyReview(page);
  await changePerson(page, 'Ayesha Khan');
  const field = page.getByLabel(RELATIONSHIP);
  for (const typed of ['Daughter,', 'Daughter, lives', 'Daughter, lives next door']) {
    await field.fill(typed);
    await expect(saveStatus(page)).toHaveText('Saved on this device');
  }
  // Saving, saved, saving, saved: nothing said aloud.
  await expect(saveAnnouncer(page)).toHaveText('');
  const fillers = await fillStorage(page);
  expect(fillers).toBeGreaterThan(5);
  await field.fill('Daughter, and she lives next door');
  await expect(saveAnnouncer(page)).toHaveText("Not saved: this device's storage for the app is full");
  await expect(saveStatus(page)).toHaveText("Not saved: this device's storage for the app is full");
  await emptyStorageFiller(page);
  await field.fill('Daughter, and she lives next door to Joan');
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  await expect(saveAnnouncer(page)).toHaveText('Saved on this device again');
  // Typing on: said no more.
  await field.fill('Daughter, and she lives next door to Joan Khan');
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  await expect(saveAnnouncer(page)).toHaveText('Saved on this device again');
});
