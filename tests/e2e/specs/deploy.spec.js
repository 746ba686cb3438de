// Issue 20, point 2, "deploy anywhere": one build works in any folder of a
// host, and two folders on one origin are two deployments that share
// nothing. The build's index.html names its files relative to itself; an
// address inside the app is redirected to its folder with the address after
// '#' (scripts/static-server.mjs as docs/deploy.md asks of a host, and the
// service worker offline), and the app puts it back
// (src/browser/deployment.rs); storage keys, the key database, locks and the
// service worker's caches are named after the folder.
import {
  test, expect, heading, press, driveGettingReady, driveReviewProper, openTaskList, openReviewPage,
  openCheck, signEveryone, untilServiceWorkerControls, watchProblems,
} from '../helpers.js';
import { startServer } from '../server.js';

const basePort = Number(process.env.E2E_PORT || 4180);
const TABLET = { hasTouch: true, viewport: { width: 1024, height: 768 } };

test('served in a folder, the app does a whole meeting with no network, and stays in its folder', async ({ browser }) => {
  test.setTimeout(300_000);
  const server = await startServer(basePort + 33, { mounts: ['/sub/path/'] });
  const context = await browser.newContext({ ...TABLET, baseURL: `${server.url}sub/path/`, actionTimeout: 15_000 });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const outside = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && !url.pathname.startsWith('/sub/path/')) outside.push(r.url());
  });
  try {
    await test.step('one visit installs the app in its folder', async () => {
      await page.goto('./');
      await expect(heading(page, 'Reviews on this device')).toBeVisible();
      await untilServiceWorkerControls(page);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(new URL(scope).pathname).toBe('/sub/path/');
    });

    await context.setOffline(true);
    let id;
    await test.step('getting ready, the review proper and signing off, with no network', async () => {
      id = await driveGettingReady(page);
      expect(new URL(page.url()).pathname).toMatch(/^\/sub\/path\/review\//);
      await openReviewPage(page, id, 'who');
      // A reload of an address inside the app: the worker sends it to the
      // folder, and the app puts the address back.
      await page.reload();
      await expect(heading(page, 'Who is here')).toBeVisible();
      expect(new URL(page.url()).pathname).toBe(`/sub/path/review/${id}/who`);
      await openTaskList(page, id);
      await driveReviewProper(page, id);
      await openCheck(page);
      await signEveryone(page);
      await expect(page.getByRole('status').filter({ hasText: 'The review is signed off' })).toBeVisible();
    });

    await test.step('the header\'s links stay in the folder', async () => {
      await press(page.getByRole('link', { name: 'Device settings' }));
      await expect(heading(page, 'Device settings')).toBeVisible();
      expect(new URL(page.url()).pathname).toBe('/sub/path/settings');
      await press(page.getByRole('link', { name: 'Review Together' }));
      await expect(heading(page, 'Reviews on this device')).toBeVisible();
      expect(new URL(page.url()).pathname).toBe('/sub/path/');
    });

    await test.step('everything it keeps is named after its folder', async () => {
      const kept = await page.evaluate(async () => ({
        keys: Object.keys(localStorage),
        databases: (await indexedDB.databases()).map((d) => d.name),
        caches: await caches.keys(),
      }));
      expect(kept.keys.length).toBeGreaterThan(3);
      for (const key of kept.keys) expect(key).toMatch(/^review-together@%2Fsub%2Fpath%2F\//);
      expect(kept.databases).toEqual(['review-together@%2Fsub%2Fpath%2F']);
      expect(kept.caches).toEqual([expect.stringMatching(/^review-together@\/sub\/path\/ [0-9a-f]{16}$/)]);
    });
    expect(outside, 'requests outside the folder').toEqual([]);
    expect(problems, 'console or page errors').toEqual([]);
  } finally {
    await context.close();
    await server.stop();
  }
});

/** On the device settings of the deployment at `folder`, say who uses it. */
async function setUp(page, folder, name) {
  await page.goto(`${folder}settings`);
  await page.getByLabel('Organisation').fill('Northshire Council');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your job title').fill('Carers support worker');
  await press(page.getByRole('button', { name: 'Save settings' }));
  await expect(heading(page, 'Reviews on this device')).toBeVisible();
}

/**
 * The fingerprint of the deployment's signing key, or null where it has none
 * (`make`: then make it there, as a worker can).
 */
async function fingerprint(page, folder, { make = false } = {}) {
  await page.goto(`${folder}settings/key`);
  await expect(heading(page, 'This device’s signing key')).toBeVisible();
  const shown = page.locator('#key-fingerprint');
  const none = page.getByText('This device has no signing key yet.');
  await expect(shown.or(none)).toBeVisible();
  if (make && !(await shown.count())) await press(page.getByRole('button', { name: 'Make the signing key now' }));
  if (make) await expect(shown).toBeVisible();
  return (await shown.count()) ? shown.textContent() : null;
}

test('one build in two folders of one origin keeps two sets of caches, drafts and keys', async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await startServer(basePort + 34, { mounts: ['/test/', '/live/'] });
  // One browser context: one origin's storage, as one tablet has.
  const context = await browser.newContext({ ...TABLET, baseURL: server.url, actionTimeout: 15_000 });
  const page = await context.newPage();
  const problems = watchProblems(page);
  try {
    let testKey;
    await test.step('a review started in /test/, and its signing key', async () => {
      await page.goto('test/');
      await untilServiceWorkerControls(page);
      await setUp(page, 'test/', 'Sam Patel');
      await press(page.getByRole('button', { name: 'Start a new review' }));
      await expect(heading(page, 'Who is here')).toBeVisible();
      testKey = await fingerprint(page, 'test/', { make: true });
    });

    await test.step('/live/ has none of it: no settings, no review, no key', async () => {
      await page.goto('live/');
      await untilServiceWorkerControls(page);
      await expect(heading(page, 'Reviews on this device')).toBeVisible();
      await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
      expect(await fingerprint(page, 'live/')).toBeNull();
      await setUp(page, 'live/', 'Jo Live');
      await press(page.getByRole('button', { name: 'Start a new review' }));
      await expect(heading(page, 'Who is here')).toBeVisible();
      expect(await fingerprint(page, 'live/', { make: true })).not.toBe(testKey);
    });

    await test.step('each folder has its own caches, database and keys', async () => {
      const kept = await page.evaluate(async () => ({
        keys: Object.keys(localStorage),
        databases: (await indexedDB.databases()).map((d) => d.name).sort(),
        caches: (await caches.keys()).map((n) => n.split(' ')[0]).sort(),
      }));
      expect(kept.databases).toEqual(['review-together@%2Flive%2F', 'review-together@%2Ftest%2F']);
      expect(kept.caches).toEqual(['review-together@/live/', 'review-together@/test/']);
      const review = (folder) => kept.keys.filter((k) => k.startsWith(`review-together@%2F${folder}%2F/review/`));
      expect(review('test')).toHaveLength(1);
      expect(review('live')).toHaveLength(1);
      expect(kept.keys.filter((k) => k.startsWith('review-together/')), 'keys of a deployment at the root').toEqual([]);
    });

    await test.step('removing everything in /live/ leaves /test/ as it was', async () => {
      await page.goto('live/settings/remove-all');
      await press(page.getByRole('button', { name: 'Remove all data' }));
      await expect(heading(page, 'Reviews on this device')).toBeVisible();
      expect(new URL(page.url()).pathname).toBe('/live/');
      const left = await page.evaluate(async () => ({
        keys: Object.keys(localStorage),
        databases: (await indexedDB.databases()).map((d) => d.name),
      }));
      expect(left.keys.filter((k) => k.includes('%2Flive%2F'))).toEqual([]);
      expect(left.keys.filter((k) => k.startsWith('review-together@%2Ftest%2F/review/'))).toHaveLength(1);
      expect(left.databases).toContain('review-together@%2Ftest%2F');
      expect(await fingerprint(page, 'live/')).toBeNull();
      expect(await fingerprint(page, 'test/')).toBe(testKey);
      await page.goto('test/');
      await expect(page.getByRole('rowheader', { name: 'Carer not named yet' })).toHaveCount(1);
    });
    expect(problems, 'console or page errors').toEqual([]);
  } finally {
    await context.close();
    await server.stop();
  }
});
