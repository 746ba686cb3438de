// Issue 20, point 5, "hand a tablet on": one screen shows each review still
// on the tablet and whether its summary has left the app, makes a final
// locked backup of each, shows the signing key's fingerprint for the records
// team to retire, and removes everything this deployment keeps; another
// deployment on the same origin is untouched.
import { readFile } from 'node:fs/promises';
import {
  test, expect, heading, press, downloadLocked, recoveryCodeOf, openLockedBackup, untilServiceWorkerControls,
  watchProblems,
} from '../helpers.js';
import { startServer } from '../server.js';

const basePort = Number(process.env.E2E_PORT || 4180);

/** In the deployment at `folder`: the device set up, a review started; returns its id. */
async function startedIn(page, folder, name) {
  await page.goto(folder);
  await untilServiceWorkerControls(page);
  await page.goto(`${folder}settings`);
  await page.getByLabel('Organisation').fill('Northshire Council');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your job title').fill('Carers support worker');
  await press(page.getByRole('button', { name: 'Save settings' }));
  await press(page.getByRole('button', { name: 'Start a new review' }));
  await expect(heading(page, 'Who is here')).toBeVisible();
  return page.url().match(/\/review\/([^/]+)\//)[1];
}

/** The deployment's signing key's fingerprint, made now if it has none yet. */
async function keyOf(page, folder) {
  await page.goto(`${folder}settings/key`);
  const shown = page.locator('#key-fingerprint');
  const make = page.getByRole('button', { name: 'Make the signing key now' });
  await expect(shown.or(make)).toBeVisible();
  // Starting a review makes the key in the background, so the button may
  // show for a moment and go by itself once the screen has looked at the
  // browser's key store: pressed if it is still there, not waited for.
  if (await make.count()) await Promise.race([press(make).catch(() => {}), shown.waitFor()]);
  return (await shown.textContent()).trim();
}

test('handing a tablet on: the reviews, a final backup, the key to retire, then nothing of this deployment left and the other untouched', async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await startServer(basePort + 37, { mounts: ['/test/', '/live/'] });
  const context = await browser.newContext({ baseURL: server.url, hasTouch: true, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchProblems(page);
  try {
    const testId = await startedIn(page, 'test/', 'Sam Patel');
    const testKey = await keyOf(page, 'test/');
    const liveId = await startedIn(page, 'live/', 'Jo Live');
    const liveKey = await keyOf(page, 'live/');

    await page.goto('live/settings');
    await press(page.getByRole('link', { name: 'Hand this tablet on' }));
    await expect(heading(page, 'Hand this tablet on')).toBeVisible();

    await test.step('each review still here, and where it stands', async () => {
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Review with Carer not named yet' }) });
      await expect(card).toHaveCount(1);
      await expect(card.getByText('Not finished', { exact: true })).toBeVisible();
      await expect(card).toContainText('Not signed off, so no summary has been made. Only a backup keeps it.');
    });

    await test.step('a final backup, locked with the recovery code, holds the review', async () => {
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Review with Carer not named yet' }) });
      const download = await downloadLocked(page, card.getByRole('button', { name: 'Download a backup of this review' }));
      const text = await readFile(await (await download).path(), 'utf8');
      expect(JSON.parse(text).draft, 'nothing readable without the code').toBeUndefined();
      const { draft } = openLockedBackup(text, recoveryCodeOf(page));
      expect(draft.data.id).toBe(liveId);
      await expect(card.getByText(/The backup was saved as review-together-backup-/)).toBeVisible();
    });

    await test.step('the signing key\'s fingerprint, for the records team to retire', async () => {
      await expect(page.locator('#hand-on-fingerprint')).toHaveText(liveKey);
    });

    await test.step('nothing is removed until the worker says everything has left', async () => {
      await press(page.getByRole('button', { name: 'Remove everything from this tablet' }));
      await expect(page.getByText('Say that everything on this tablet has reached your records team or is in a backup').first()).toBeVisible();
      await press(page.getByLabel('Everything on this tablet has reached our records team, or is in a backup'));
      await press(page.getByRole('button', { name: 'Remove everything from this tablet' }));
      await expect(heading(page, 'Reviews on this device')).toBeVisible();
      expect(new URL(page.url()).pathname).toBe('/live/');
    });

    await test.step('none of /live/\'s data or keys remain; /test/\'s are as they were', async () => {
      const keys = await page.evaluate(() => Object.keys(localStorage));
      expect(keys.filter((k) => k.includes('%2Flive%2F'))).toEqual([]);
      expect(keys).toContain(`review-together@%2Ftest%2F/review/${testId}`);
      await page.goto('live/settings/key');
      await expect(page.getByText('This device has no signing key yet.')).toBeVisible();
      expect(await keyOf(page, 'test/')).toBe(testKey);
      await page.goto('test/');
      await expect(page.getByRole('rowheader', { name: 'Carer not named yet' })).toHaveCount(1);
    });
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await server.stop();
  }
});
