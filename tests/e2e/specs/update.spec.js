// Issue 20, point 3, "updates that wait for a safe moment": a new build
// installs in the background and waits. With a review open it does not take
// over, not even on a reload; the home screen offers it, and "Update now"
// applies it there, with the draft intact.
//
// Two builds on one origin: this build (dist/) and a copy of it made into a
// new build (another version in sw.js and precache.json, and a marker in
// index.html), served in turn by a static server of this test's own on one
// port.
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, heading, press, reviewAt, saveStatus } from '../helpers.js';
import { startServer } from '../server.js';

const DIST = resolve(process.env.DIST || fileURLToPath(new URL('../../../dist/', import.meta.url)));
const MARKER = '<meta name="review-together-build" content="the next build">';

/** A copy of this build made into the next one; returns its folder. */
async function nextBuild() {
  const dir = await mkdtemp(join(tmpdir(), 'next-build-'));
  await cp(DIST, dir, { recursive: true });
  const list = JSON.parse(await readFile(join(dir, 'precache.json'), 'utf8'));
  const next = [...list.version].reverse().join('');
  await writeFile(join(dir, 'precache.json'), JSON.stringify({ ...list, version: next }));
  const worker = await readFile(join(dir, 'sw.js'), 'utf8');
  expect(worker).toContain(`'${list.version}'`);
  await writeFile(join(dir, 'sw.js'), worker.replace(`'${list.version}'`, `'${next}'`));
  const index = await readFile(join(dir, 'index.html'), 'utf8');
  await writeFile(join(dir, 'index.html'), index.replace('<title>', `${MARKER}<title>`));
  // The compressed copies of what changed would be the old bytes: gone.
  for (const file of ['precache.json', 'sw.js', 'index.html']) {
    for (const copy of ['.br', '.gz']) await rm(join(dir, file + copy), { force: true });
  }
  return dir;
}

/** scripts/static-server.mjs serving `dist` on `port`; returns its stop(). */
const serve = async (dist, port) => (await startServer(port, { dist })).stop;

const runsTheNextBuild = (page) => page.evaluate(() => Boolean(document.querySelector('meta[name="review-together-build"]')));

test('a new build waits while a review is open, and is applied from the home screen with the draft intact', async ({ browser }) => {
  test.setTimeout(240_000);
  const port = Number(process.env.E2E_PORT || 4180) + 31;
  const next = await nextBuild();
  let stop = await serve(DIST, port);
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    // This build, its service worker in control, a review open with a change typed.
    const id = await reviewAt(page, 'family', 'process/sharing');
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    const recipients = page.getByLabel('Anything more about copies (optional)');
    await recipients.fill('Ayesha, Joan, and the Carers Support Team by post');
    await expect(saveStatus(page)).toHaveText('Saved on this device');
    expect(await runsTheNextBuild(page)).toBe(false);

    // The next build is published; the open app finds it, and it waits.
    await stop();
    stop = await serve(next, port);
    await page.evaluate(() => { window.sameDocument = true; });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting));
    expect(await page.evaluate(() => window.sameDocument)).toBe(true);
    expect(await runsTheNextBuild(page)).toBe(false);
    await expect(heading(page, 'Keeping things private')).toBeVisible();
    // Not even a reload of the review lets it take over.
    await page.reload();
    await expect(heading(page, 'Keeping things private')).toBeVisible();
    expect(await runsTheNextBuild(page)).toBe(false);
    // Nothing is offered inside a review.
    await expect(page.getByRole('button', { name: 'Update now' })).toHaveCount(0);

    // The home screen offers it; "Update now" applies it, and the page
    // reloads into the next build.
    await page.goto('/');
    const offer = page.getByRole('region', { name: 'Update' });
    await expect(offer).toContainText('A new version of Review Together is ready');
    await press(offer.getByRole('button', { name: 'Update now' }));
    await page.waitForFunction(() => Boolean(document.querySelector('meta[name="review-together-build"]')), null, { timeout: 30_000 });
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Update now' })).toHaveCount(0);

    // The draft made by the old build opens in the new one, as it was typed.
    await page.goto(`/review/${id}/process/sharing`);
    await expect(page.getByLabel('Anything more about copies (optional)'))
      .toHaveValue('Ayesha, Joan, and the Carers Support Team by post');
    expect(await runsTheNextBuild(page)).toBe(true);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await stop();
    await rm(next, { recursive: true, force: true });
  }
});

// Pages come from this build's cached copy, never the network first: a host
// that takes the request and never answers does not hold the app up. (No
// clock is involved: the worker does not wait for the network at all.)
test('once installed, the app opens at any address even when the host never answers', async ({ browser }) => {
  const port = Number(process.env.E2E_PORT || 4180) + 32;
  let stop = await serve(DIST, port);
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const page = await context.newPage();
  const held = [];
  const silent = createServer((request) => { held.push(request.url); });
  try {
    await page.goto('/');
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    await stop();
    stop = async () => {};
    await new Promise((listening) => silent.listen(port, '127.0.0.1', listening));
    await page.goto('/settings');
    await expect(heading(page, 'Device settings')).toBeVisible();
    await page.goto('/review/no-such-review');
    await expect(heading(page, 'Review not found')).toBeVisible();
    // Only the browser's own check for a new service worker and the app's
    // look for the team's configuration (in the background, which nothing
    // waits for: the pages above opened while it hung) went to the host.
    expect(held.filter((url) => !url.startsWith('/sw.js') && url !== '/team.json')).toEqual([]);
    expect(held).toContain('/team.json');
  } finally {
    await context.close();
    await stop();
    silent.closeAllConnections();
    await new Promise((closed) => silent.close(closed));
  }
});
