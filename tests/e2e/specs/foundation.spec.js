import { test, expect, press, setUpDevice, startReview } from '../helpers.js';

test('first visit shows no reviews and asks to set up the device', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews on this device' })).toBeVisible();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Set up this device' })).toBeVisible();
});

test('starting a review before set-up asks for the settings, then opens the review', async ({ page }) => {
  await page.goto('/');
  await press(page.getByRole('button', { name: 'Start a new review' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Device settings' })).toBeVisible();
  await press(page.getByRole('button', { name: 'Save and start the review' }));
  // Nothing filled in: the error summary takes focus and links to each field.
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter the name of your organisation' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await press(summary.getByRole('link', { name: 'Enter your name' }));
  await expect(page.getByLabel('Your name')).toBeFocused();
  await page.getByLabel('Organisation').fill('Northshire Council');
  await page.getByLabel('Your name').fill('Sam Patel');
  await page.getByLabel('Your job title').fill('Carers support worker');
  await press(page.getByRole('button', { name: 'Save and start the review' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Who is here' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // The worker comes from the device settings.
  await expect(page.getByRole('heading', { level: 3, name: 'Sam Patel' })).toBeVisible();
});

test('a draft is saved on every change and survives a reload', async ({ page }) => {
  await setUpDevice(page);
  await startReview(page);
  await press(page.getByRole('button', { name: 'Add a carer' }));
  await page.getByLabel('Name').fill('Ayesha Khan');
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Name')).toHaveValue('Ayesha Khan');
  await page.goto('/');
  await expect(page.getByRole('rowheader', { name: 'Ayesha Khan' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Ayesha Khan/ })).toContainText(/0 of \d+ parts done/);
});

test('deleting a review asks first and can be cancelled', async ({ page }) => {
  await setUpDevice(page);
  await startReview(page);
  await page.goto('/');
  await press(page.getByRole('link', { name: 'Delete the review with Carer not named yet' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Delete this review?' })).toBeVisible();
  await press(page.getByRole('link', { name: 'No, keep it' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Carer review' })).toBeVisible();
  await page.goto('/');
  await press(page.getByRole('link', { name: 'Delete the review with Carer not named yet' }));
  await press(page.getByRole('button', { name: 'Yes, delete this review' }));
  await expect(page.getByText('The review was deleted from this device.')).toBeVisible();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
});

test('a saved review this version cannot read is kept untouched and reported', async ({ page }) => {
  await page.goto('/');
  const future = JSON.stringify({ version: 99, kind: 'review', data: { id: 'x' } });
  await page.evaluate((v) => {
    localStorage.setItem('review-together/review/future-1', v);
    localStorage.setItem('review-together/review/broken-1', '{"version": 1, "kind": "rev');
  }, future);
  await page.reload();
  const banner = page.getByRole('region', { name: 'Some saved reviews could not be opened' });
  await expect(banner).toContainText('saved by a newer version of Review Together (format 99');
  await expect(banner).toContainText('not readable text data');
  // Opening it directly explains too, and offers the raw data.
  await page.goto('/review/future-1');
  await expect(page.getByRole('heading', { level: 1, name: 'This review cannot be opened' })).toBeVisible();
  const download = page.waitForEvent('download');
  await press(page.getByRole('button', { name: 'Download the saved review as it is' }));
  const file = await download;
  expect(file.suggestedFilename()).toBe('unreadable-review.json');
  // Nothing was overwritten.
  expect(await page.evaluate(() => localStorage.getItem('review-together/review/future-1'))).toBe(future);
});

test('unknown addresses show a page that leads home', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
