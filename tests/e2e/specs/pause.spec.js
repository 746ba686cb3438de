// Pause (issue 23, point 2): one button on every screen of an open review
// (screens.spec.js checks every screen of the registry has it) hides the
// meeting behind a calm screen and resumes in place: what was typed, where
// the page was scrolled and what had focus come back; nothing of the
// review is on the paused screen; and the automatic lock does not run out
// while paused (a fake clock moves the time on).
import {
  test, expect, press, heading, reviewAt, openPart, continueTo, expectNoAxeViolations, setDevicePin, visitUnlocked,
} from '../helpers.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 20_000 });

const PAUSE = { name: 'Pause the review' };

test('pausing hides the meeting behind a calm screen; resuming brings back the text, the scroll and the focus', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await reviewAt(page, 'review proper');
  await openPart(page, id, 'Actions and outcome');
  await continueTo(page, 'The outcome');
  await continueTo(page, 'What everyone thinks of it');
  const field = page.getByLabel('Other views and any disagreements (optional)');
  await field.scrollIntoViewIfNeeded();
  await field.fill('');
  await field.pressSequentially('Relieved, but worried about nights');
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(200);

  // The button sticks to the top of the window: tapped where it is, as a
  // finger would (a locator's tap scrolls its element into place first).
  const box = await page.getByRole('button', PAUSE).boundingBox();
  expect(box.y).toBeLessThan(100);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(heading(page, 'Paused')).toBeFocused();
  // Nothing of the review shows, and nothing of it can be reached.
  await expect(heading(page, 'What everyone thinks of it')).toBeHidden();
  await expect(field).toBeHidden();
  const shown = await page.locator('main').innerText();
  expect(shown).not.toContain('Ayesha');
  expect(shown).not.toContain('Relieved');
  await expectNoAxeViolations(page, 'the paused screen');

  await press(page.getByRole('button', { name: 'Go back to the review' }));
  await expect(heading(page, 'What everyone thinks of it')).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Relieved, but worried about nights');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await expectNoAxeViolations(page, 'the meeting after a pause');
  // What was typed was kept on the device too.
  await page.reload();
  await expect(page.getByLabel('Other views and any disagreements (optional)')).toHaveValue('Relieved, but worried about nights');
});

test('with a device PIN the lock does not run out while paused, counts again after, and can be locked from the paused screen', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  const id = await reviewAt(page, 'review proper');
  await setDevicePin(page);
  await visitUnlocked(page, `/review/${id}/outcome`);
  await expect(heading(page, 'Actions and outcome')).toBeVisible();
  await press(page.getByRole('button', PAUSE));
  await expect(heading(page, 'Paused')).toBeVisible();
  await page.clock.fastForward('20:00');
  await expect(heading(page, 'Paused')).toBeVisible();
  await press(page.getByRole('button', { name: 'Go back to the review' }));
  await expect(heading(page, 'Actions and outcome')).toBeVisible();
  // Counting again from the resume: five minutes without use lock it.
  await page.clock.fastForward('05:10');
  await expect(heading(page, 'Review Together is locked')).toBeVisible();

  await visitUnlocked(page, `/review/${id}/outcome`);
  await press(page.getByRole('button', PAUSE));
  await press(page.getByRole('button', { name: 'Lock the tablet' }));
  await expect(heading(page, 'Review Together is locked')).toBeVisible();
});
