// Joint use of the one tablet (issue 7): whose turn it is shows on every
// screen of an open review ("Now: Sam Patel, worker"); "Pass the tablet"
// chooses who takes it next, and a hand-over screen hides the screen before
// until that person confirms, then brings the same screen back with its
// heading focused. Only people in the room can take it.
import {
  test, expect, press, heading, radio, openReviewPage, familyReview, addPerson, completeGettingReady,
  openPart, openCriterion, turnBanner, tabletChoice, passTablet, TIME_OFF,
} from '../helpers.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });

const SAM = 'Now: Sam Patel, worker';

test('the worker holds the tablet at first, and every screen of the review says so', async ({ page }) => {
  const id = await familyReview(page);
  for (const [rest, title] of [
    ['', 'Carer review'], ['who', 'Who is here'], ['taking-part', 'Help to take part'],
    ['process', 'How we will review'], ['process/sharing', 'Keeping things private'],
    ['criteria', 'What we will look at'], ['ready', 'Ready to start'], ['outcome/decision', 'The outcome'],
    ['outcome/views', 'What everyone thinks of it'],
    ['check', 'Check the review before signing'], ['delete', 'Delete this review?'],
  ]) {
    await openReviewPage(page, id, rest);
    await expect(heading(page, title)).toBeVisible();
    // Exactly one "Now:" line (turnBanner is strict), with a way to pass the tablet.
    await expect(turnBanner(page), title).toHaveText(SAM);
    await expect(page.getByRole('link', { name: 'Pass the tablet', exact: true }), title).toBeVisible();
  }
});

test('pass the tablet: choose, hand over with the screen hidden, and come back to it', async ({ page }) => {
  const id = await familyReview(page);
  await openReviewPage(page, id, 'process');
  await press(radio(page, 'Why is this review happening?', 'Yearly review'));

  await press(page.getByRole('link', { name: 'Pass the tablet', exact: true }));
  await expect(heading(page, 'Who will use the tablet next?')).toBeFocused();
  await expect(page.getByText('Sam Patel has the tablet now.', { exact: false })).toBeVisible();
  // Everyone in the room but the person holding it, each a large choice.
  await expect(tabletChoice(page, 'Ayesha Khan')).toHaveAccessibleName('Ayesha Khan Carer');
  await expect(tabletChoice(page, 'Joan Khan')).toBeVisible();
  await expect(tabletChoice(page, 'Sam Patel')).toHaveCount(0);
  const tiles = page.getByRole('main').getByRole('listitem').getByRole('link');
  await expect(tiles).toHaveCount(2);
  for (const tile of await tiles.all()) {
    const box = await tile.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(96);
    expect(box.width).toBeGreaterThanOrEqual(48);
  }

  await press(tabletChoice(page, 'Ayesha Khan'));
  await expect(heading(page, 'Pass the tablet to Ayesha Khan')).toBeFocused();
  await expect(page).toHaveTitle('Pass the tablet – Review Together');
  await expect(page.getByText('Sam Patel, please give the tablet to Ayesha Khan.')).toBeVisible();
  // Nothing of the screen before shows, nor the banner, until Ayesha says it is her.
  await expect(page.getByRole('group', { name: 'Why is this review happening?' })).toHaveCount(0);
  await expect(turnBanner(page)).toHaveCount(0);
  const confirm = page.getByRole('button', { name: 'I am Ayesha Khan — continue', exact: true });
  expect((await confirm.boundingBox()).height).toBeGreaterThanOrEqual(96);
  await press(confirm);

  await expect(heading(page, 'How we will review')).toBeFocused();
  expect(new URL(page.url()).pathname).toBe(`/review/${id}/process`);
  await expect(turnBanner(page)).toHaveText('Now: Ayesha Khan, carer');
  await expect(radio(page, 'Why is this review happening?', 'Yearly review')).toBeChecked();

  // The turn is kept with the review: a reload, another screen, the same holder.
  await page.reload();
  await expect(turnBanner(page)).toHaveText('Now: Ayesha Khan, carer');
  await openReviewPage(page, id, 'who');
  await expect(turnBanner(page)).toHaveText('Now: Ayesha Khan, carer');

  // Ayesha gives it to Joan, then it goes back to the worker.
  await passTablet(page, 'Joan Khan', 'Who is here');
  await expect(turnBanner(page)).toHaveText('Now: Joan Khan, the person cared for');
  await passTablet(page, 'Sam Patel', 'Who is here');
  await expect(turnBanner(page)).toHaveText(SAM);
});

test('changing your mind: someone else, or keep the tablet', async ({ page }) => {
  const id = await familyReview(page);
  await openReviewPage(page, id, 'criteria');
  await press(page.getByRole('link', { name: 'Pass the tablet', exact: true }));
  await press(tabletChoice(page, 'Joan Khan'));
  await press(page.getByRole('link', { name: 'Choose someone else', exact: true }));
  await expect(heading(page, 'Who will use the tablet next?')).toBeFocused();
  await press(page.getByRole('link', { name: 'Keep the tablet with Sam Patel', exact: true }));
  await expect(heading(page, 'What we will look at')).toBeFocused();
  await expect(turnBanner(page)).toHaveText(SAM);
});

test('only someone in the room can take the tablet', async ({ page }) => {
  const id = await familyReview(page);
  await addPerson(page, 'Add an interpreter', { name: 'Farah Ali', attendance: 'Joining remotely (phone or video)' });
  await press(page.getByRole('link', { name: 'Pass the tablet', exact: true }));
  await expect(tabletChoice(page, 'Farah Ali')).toHaveCount(0);
  await expect(page.getByText('Joining by phone or video, so not able to take the tablet: Farah Ali.')).toBeVisible();

  // An address naming someone who cannot take it (or no one) says so.
  const farah = await page.evaluate((reviewId) => {
    const stored = JSON.parse(localStorage.getItem(`review-together/review/${reviewId}`));
    return stored.data.participants.find((p) => p.name === 'Farah Ali').id;
  }, id);
  for (const to of [farah, 'nobody']) {
    await page.goto(`/review/${id}/pass?from=who&to=${to}`);
    await expect(heading(page, 'This person cannot take the tablet')).toBeVisible();
    await expect(page.getByRole('button', { name: /^I am / })).toHaveCount(0);
  }
  await press(page.getByRole('link', { name: 'Keep the tablet with Sam Patel', exact: true }));
  await expect(heading(page, 'Who is here')).toBeFocused();

  // A hand-over only ever returns to a screen of this review.
  await page.goto(`/review/${id}/pass?from=//example.com&to=${farah}`);
  await press(page.getByRole('link', { name: 'Keep the tablet with Sam Patel', exact: true }));
  await expect(heading(page, 'Carer review')).toBeVisible();
});

test('the rating screen keeps its own "Now:" line for the person being asked', async ({ page }) => {
  test.setTimeout(180_000);
  const id = await completeGettingReady(page);
  await openPart(page, id, 'How it is going');
  await expect(turnBanner(page)).toHaveText(SAM);
  await openCriterion(page, TIME_OFF);
  // One "Now:" line only: the rater asked now, not the holder of the tablet.
  await expect(turnBanner(page)).toContainText('Now: Joan Khan, the person cared for');
  await expect(page.getByRole('link', { name: 'Pass the tablet', exact: true })).toHaveCount(0);
});
