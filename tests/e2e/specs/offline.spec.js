// Issue 8, "works with no network": after one visit a service worker holds
// every file of the build, so the app opens at any address and a whole review
// can be done with the network off; the precache list written at build time
// (scripts/precache.mjs, a Trunk post-build hook) matches the build; and a
// whole review asks nothing of any other host and breaks no CSP rule.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, expect, heading, setUpDevice, startReview, openTaskList, driveGettingReady, driveReviewProper,
  openCheck, signEveryone, expectStatuses, GETTING_READY, untilServiceWorkerControls, watchProblems,
  expectNoAxeViolations,
} from '../helpers.js';
import { isCopy } from '../../../scripts/compress.mjs';
import { NOT_PRECACHED, writePrecache } from '../../../scripts/precache.mjs';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });

// The directory the test server serves (as scripts/static-server.mjs chooses it).
const DIST = resolve(process.env.DIST || fileURLToPath(new URL('../../../dist/', import.meta.url)));
const LIST = 'precache.json';
const SIGNED_OFF = 'The review is signed off';

/** Every file under `dir`, relative, with "/" separators, sorted. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * Collect every Content-Security-Policy violation the page's documents see,
 * across navigations: a listener installed before any script of the page
 * runs hands each one to the test at once.
 */
async function collectCspViolations(page) {
  const violations = [];
  await page.exposeFunction('reportCspViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI}`);
    });
  });
  return violations;
}

/** Check the review, everyone signs, and it is signed off. Starts on the task list. */
async function signOff(page) {
  await openCheck(page);
  await signEveryone(page);
  await expect(page.getByRole('status').filter({ hasText: SIGNED_OFF })).toBeVisible();
}

test('after one visit, with the network off, deep links open and a whole review is done and signed off', async ({ page, context }) => {
  test.setTimeout(360_000);
  let id;

  await test.step('one visit with the network on installs the service worker', async () => {
    await page.goto('/');
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
    await untilServiceWorkerControls(page);
  });

  // From here on nothing may come from the network: every response the pages
  // get is the service worker's, and no request of a page fails.
  const notFromWorker = [];
  const failed = [];
  const reachedServer = [];
  const workerTriedNetwork = [];
  // The screens' modules that load on demand (src/on_demand.rs), each
  // fetched the first time one of its screens opens: from the worker too.
  const onDemand = new Set();
  context.on('response', (r) => {
    // Requests the worker itself makes must not get an answer either: the
    // network is off for it too.
    if (r.request().serviceWorker()) reachedServer.push(r.url());
    else if (!r.fromServiceWorker()) notFromWorker.push(r.url());
    else {
      const group = /\/split_([a-z_]+)-[0-9a-f]{16}\.wasm$/.exec(new URL(r.url()).pathname);
      if (group) onDemand.add(group[1]);
    }
  });
  context.on('requestfailed', (r) => {
    if (r.serviceWorker()) workerTriedNetwork.push(r.failure()?.errorText);
    // ERR_ABORTED is the page cancelling its own request (the next navigation
    // began while the icon was loading), not the network failing it.
    else if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()}: ${r.failure()?.errorText}`);
  });
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await test.step('getting ready, from setting up the device, with no network', async () => {
    id = await driveGettingReady(page);
  });

  await test.step('reloading a deep link opens it from the service worker', async () => {
    await page.goto(`/review/${id}/who`);
    await expect(heading(page, 'Who is here')).toBeVisible();
    const reloaded = await page.reload();
    expect(reloaded.fromServiceWorker()).toBe(true);
    await expect(heading(page, 'Who is here')).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Ayesha Khan' })).toBeVisible();
  });

  await test.step('a brand-new page opens another deep link', async () => {
    const second = await context.newPage();
    const problems = watchProblems(second);
    const response = await second.goto(`/review/${id}`);
    expect(response.fromServiceWorker()).toBe(true);
    await expect(heading(second, 'Carer review')).toBeVisible();
    await expectStatuses(second, Object.fromEntries(GETTING_READY.map((p) => [p, 'Done'])));
    // An address the app does not know still opens the app, which says so.
    await second.goto('/no/such/page');
    await expect(heading(second, 'Page not found')).toBeVisible();
    await second.close();
    expect(problems, 'console or page errors on the second page').toEqual([]);
  });

  await test.step('the review proper, then everyone signs it off, with no network', async () => {
    await openTaskList(page, id);
    await driveReviewProper(page, id);
    await signOff(page);
    // Still there after one more reload with no network.
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: SIGNED_OFF })).toBeVisible();
  });

  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect([...onDemand].sort(), 'the screens loaded on demand, with no network').toEqual(['device', 'getting_ready', 'meeting', 'review', 'sign_off', 'task_list']);
  expect(notFromWorker, 'responses that did not come from the service worker').toEqual([]);
  expect(failed, 'requests of a page that failed').toEqual([]);
  expect(reachedServer, 'requests of the service worker answered while offline').toEqual([]);
  // The worker answers every page from its cache: it never even tries the
  // network for one (issue 20: a reload keeps the build in use).
  expect(workerTriedNetwork, 'requests the service worker tried on the network').toEqual([]);
});

test('the precache list names every file of the build, each is served, and the worker caches exactly it', async ({ page, request }) => {
  const list = JSON.parse(await readFile(join(DIST, LIST), 'utf8'));
  // The compressed copies beside the files are how they travel, not files of
  // their own: the worker caches what the browser decoded.
  const everything = (await filesUnder(DIST)).filter((f) => f !== LIST && !isCopy(f));
  // The published schemas are for records teams: served, never precached.
  const files = everything.filter((f) => !NOT_PRECACHED.some((p) => f.startsWith(p)));
  expect(everything).toContain('schema/summary-v2.json');
  expect(everything).toContain('schema/summary-v1.json');

  await test.step('every file of the served build is listed, and nothing else', async () => {
    expect(list.version).toMatch(/^[0-9a-f]{16}$/);
    // Relative to the worker's folder: one build serves any folder (issue 20).
    expect([...list.files].sort()).toEqual(files.map((f) => `./${encodeURI(f)}`));
    // The version is stamped into the worker, so each build is a new worker.
    expect(await readFile(join(DIST, 'sw.js'), 'utf8')).toContain(`const VERSION = '${list.version}';`);
  });

  await test.step('every listed address is served, with the bytes of its file', async () => {
    for (const url of list.files) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      // The test server answers unknown paths with index.html: compare bytes.
      const file = await readFile(join(DIST, decodeURI(url.slice(2))));
      expect(Buffer.compare(await response.body(), file), `${url} is the file of the build`).toBe(0);
    }
  });

  await test.step('the worker caches exactly the list, and drops the cache of an older build', async () => {
    // A page of ours that does not start the app (so no worker yet) leaves an
    // older build's cache behind, as a device that used the last build has.
    await page.goto(`/${LIST}`);
    await page.evaluate(async () => {
      const old = await caches.open('review-together-0000000000000000');
      await old.put('/index.html', new Response('an older build'));
    });
    await page.goto('/');
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
    await untilServiceWorkerControls(page);
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const keys = names.length === 1 ? await (await caches.open(names[0])).keys() : [];
      return { names, paths: keys.map((r) => new URL(r.url).pathname) };
    });
    expect(cached.names).toEqual([`review-together@/ ${list.version}`]);
    expect(cached.paths.sort()).toEqual([...list.files].map((f) => f.slice(1)).sort());
  });
});

test('the web app manifest is linked, and the browser reads it without a complaint', async ({ page, request }) => {
  await page.goto('/');
  await expect(heading(page, 'Reviews on this device')).toBeVisible();
  // Chromium's own reading of the manifest, with any errors it found in it.
  const client = await page.context().newCDPSession(page);
  const { url, errors, data } = await client.send('Page.getAppManifest');
  await client.detach();
  expect(new URL(url).pathname).toBe('/manifest.webmanifest');
  expect(errors).toEqual([]);
  const manifest = JSON.parse(data);
  expect(manifest).toMatchObject({ name: 'Review Together', display: 'standalone' });
  // Named relative to the manifest (one build serves any folder): here, the root.
  for (const address of [manifest.id, manifest.start_url, manifest.scope]) expect(new URL(address, url).pathname).toBe('/');
  expect(manifest.short_name).toBeTruthy();
  // Its colours are the app's: the page background and the header.
  const tokens = await readFile(fileURLToPath(new URL('../../../style/tokens.css', import.meta.url)), 'utf8');
  const colour = (name) => tokens.match(new RegExp(`--app-colour-${name}:\\s*(#[0-9a-f]{6})`, 'i'))[1];
  expect(manifest.background_color).toBe(colour('background'));
  expect(manifest.theme_color).toBe(colour('header-background'));
  expect(manifest.icons.length).toBeGreaterThan(0);
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, url).href);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type'], icon.src).toContain(icon.type);
  }
});

test('the precache hook: same files, same version; any change, a new version', async () => {
  // Runs scripts/precache.mjs on a tiny staging directory of its own.
  const dir = await mkdtemp(join(tmpdir(), 'precache-'));
  try {
    await writeFile(join(dir, 'index.html'), '<!DOCTYPE html>');
    await writeFile(join(dir, 'app.js'), 'one');
    const worker = "const VERSION = '__PRECACHE_VERSION__';";
    await writeFile(join(dir, 'sw.js'), worker);

    const first = await writePrecache(dir);
    expect(first.files).toEqual(['/app.js', '/index.html', '/sw.js']);
    expect(await readFile(join(dir, 'sw.js'), 'utf8')).toBe(`const VERSION = '${first.version}';`);
    expect(JSON.parse(await readFile(join(dir, LIST), 'utf8'))).toEqual(first);

    // Trunk stages every build afresh: the same sources give the same version.
    await writeFile(join(dir, 'sw.js'), worker);
    expect((await writePrecache(dir)).version).toBe(first.version);

    await writeFile(join(dir, 'sw.js'), worker);
    await writeFile(join(dir, 'app.js'), 'two');
    expect((await writePrecache(dir)).version).not.toBe(first.version);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a whole review asks nothing of another host and breaks no Content-Security-Policy rule', async ({ page, context, baseURL, browser }) => {
  test.setTimeout(360_000);
  const origin = new URL(baseURL).origin;
  // Every request of the pages and of the service worker.
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), byWorker: Boolean(r.serviceWorker()) }));
  const cspConsole = [];
  const noteCsp = (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspConsole.push(`${m.type()}: ${m.text()}`);
  };
  page.on('console', noteCsp);
  context.on('console', noteCsp); // the service worker's console too
  const violations = await collectCspViolations(page);

  await test.step('the violation listener does see a violation (on a page of its own)', async () => {
    const other = await browser.newContext({ baseURL });
    const probe = await other.newPage();
    const seen = await collectCspViolations(probe);
    await probe.goto('/');
    await expect(heading(probe, 'Reviews on this device')).toBeVisible();
    await probe.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    await other.close();
  });

  await test.step('set up, getting ready, the review proper and signing off, with the service worker', async () => {
    await page.goto('/');
    await untilServiceWorkerControls(page);
    const id = await driveGettingReady(page);
    await driveReviewProper(page, id);
    await signOff(page);
  });

  await test.step('every request stayed on this origin, the worker\'s included', async () => {
    const list = JSON.parse(await readFile(join(DIST, LIST), 'utf8'));
    const byWorker = new Set(requests.filter((r) => r.byWorker).map((r) => new URL(r.url).pathname));
    // The recording does see the worker: it fetched the list and every file on it.
    const listed = list.files.map((f) => new URL(f, origin + '/').pathname);
    expect([...listed, `/${LIST}`].filter((f) => !byWorker.has(f)), 'files the worker did not fetch').toEqual([]);
    const elsewhere = requests
      .map((r) => r.url)
      .filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin);
    expect(elsewhere, 'requests to another origin').toEqual([]);
  });

  expect(violations, 'Content-Security-Policy violations').toEqual([]);
  expect(cspConsole, 'console messages about the Content-Security-Policy').toEqual([]);
});

test('where the browser has no service workers, the app opens and keeps a review as before', async ({ page, context }) => {
  const workerScripts = [];
  context.on('request', (r) => {
    if (new URL(r.url()).pathname === '/sw.js') workerScripts.push(r.url());
  });
  await page.addInitScript(() => {
    delete Navigator.prototype.serviceWorker;
  });
  await setUpDevice(page);
  expect(await page.evaluate(() => 'serviceWorker' in navigator)).toBe(false);
  const id = await startReview(page);
  await page.reload();
  await expect(heading(page, 'Who is here')).toBeVisible();
  await openTaskList(page, id);
  expect(workerScripts, 'the worker script was never asked for').toEqual([]);

  // With no worker to keep them, the app fetches every group of screens
  // (src/on_demand.rs) once it has started, so each still opens when the
  // network goes: reached here without a reload, as a tap on a link would.
  const groups = () => page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => /\/split_([a-z_]+)-[0-9a-f]{16}\.wasm$/.exec(new URL(e.name).pathname)?.[1])
    .filter(Boolean).sort());
  await expect.poll(groups).toEqual(['device', 'getting_ready', 'meeting', 'review', 'sign_off', 'task_list']);
  await context.setOffline(true);
  const go = (path) => page.evaluate((to) => {
    history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  for (const [path, title] of [
    ['/settings', 'Device settings'],
    [`/review/${id}/who`, 'Who is here'],
    [`/review/${id}/rate`, 'How it is going'],
    [`/review/${id}/check`, 'Check the review before signing'],
  ]) {
    await go(path);
    await expect(heading(page, title), path).toBeVisible();
  }
  await context.setOffline(false);
});

test('a screen whose module cannot be fetched says so, loses nothing, and opens once it can be', async ({ browser, baseURL }) => {
  // Its own page: the fixture's would fail on the console errors a failed
  // fetch logs, which are checked here instead.
  const context = await browser.newContext({ baseURL, hasTouch: true, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    delete Navigator.prototype.serviceWorker;
  });
  // The host stops answering for the review's frame and the meeting's modules.
  let refuse = true;
  let refuseFrame = true;
  await context.route(/\/split_meeting-[0-9a-f]{16}\.wasm$/, (route) => (refuse ? route.abort('connectionfailed') : route.continue()));
  await context.route(/\/split_review-[0-9a-f]{16}\.wasm$/, (route) => (refuseFrame ? route.abort('connectionfailed') : route.continue()));
  await setUpDevice(page);
  // Starting a review needs the frame's module: it says why it cannot, and
  // starts nothing.
  await page.getByRole('button', { name: 'Start a new review' }).click();
  await expect(page.getByRole('alert')).toHaveText('The review could not be started: the app could not fetch its screens. Check the connection, then try again.');
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'a review that could not be started');
  refuseFrame = false;
  const id = await startReview(page);
  await page.goto(`/review/${id}/rate`);
  await expect(heading(page, 'This screen could not be opened')).toBeVisible();
  await expect(page.getByText('Everything entered so far is saved on this device.')).toBeVisible();
  await expectNoAxeViolations(page, 'a screen that could not be opened');
  expect(errors.length, 'the failed fetch is logged').toBeGreaterThan(0);
  expect(errors.filter((e) => e.startsWith('page error')), 'the app itself did not fail').toEqual([]);
  refuse = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(heading(page, 'How it is going')).toBeVisible();
  await openTaskList(page, id);
  await context.close();
});
