// Issue 20, point 4, "installable": PNG icons of 192 and 512 pixels and a
// maskable one, drawn from the SVGs they come from (scripts/icons.mjs), and
// a manifest Chromium finds installable; the start URL opens offline once the
// service worker is installed.
import { chromium } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, heading } from '../helpers.js';
import { ICONS } from '../../../scripts/icons.mjs';
import config from '../playwright.config.js';

const PUBLIC = fileURLToPath(new URL('../../../public/', import.meta.url));

// Each PNG is its SVG drawn at its size: both are drawn into canvases here and
// compared pixel by pixel. Edges may differ by a shade between Chromium
// builds (anti-aliasing); a changed picture differs by far more.
test('each PNG icon is its SVG drawn at its size', async ({ page }) => {
  // A blank page: the app's own pages allow no data: images (their policy).
  await page.goto('about:blank');
  for (const { png, svg, size } of ICONS) {
    const [pngData, svgData] = await Promise.all([readFile(join(PUBLIC, png)), readFile(join(PUBLIC, svg))]);
    const difference = await page.evaluate(async ({ pngUrl, svgUrl, size }) => {
      const pixels = async (url) => {
        const img = new Image(size, size);
        img.src = url;
        await img.decode();
        const canvas = new OffscreenCanvas(size, size);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0, size, size);
        return { natural: [img.naturalWidth, img.naturalHeight], data: ctx.getImageData(0, 0, size, size).data };
      };
      const [a, b] = [await pixels(pngUrl), await pixels(svgUrl)];
      let total = 0;
      let worst = 0;
      for (let i = 0; i < a.data.length; i++) {
        const d = Math.abs(a.data[i] - b.data[i]);
        total += d;
        worst = Math.max(worst, d);
      }
      return { natural: a.natural, mean: total / a.data.length, worst };
    }, {
      pngUrl: `data:image/png;base64,${pngData.toString('base64')}`,
      svgUrl: `data:image/svg+xml;base64,${svgData.toString('base64')}`,
      size,
    });
    expect(difference.natural, `${png} is ${size}×${size}`).toEqual([size, size]);
    expect(difference.mean, `${png} against ${svg}: mean difference per channel`).toBeLessThan(1);
  }
});

test('the manifest lists the PNG icons, a maskable one among them', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  const icons = manifest.icons.filter((i) => i.type === 'image/png');
  const listed = icons.map((i) => [i.src, i.sizes, i.purpose]);
  expect(listed).toEqual(ICONS.map(({ png, size }) => [
    png, `${size}x${size}`, png.includes('maskable') ? 'maskable' : 'any',
  ]));
  for (const icon of icons) {
    // Named relative to the manifest, so one build serves any folder.
    const response = await request.get(`/${icon.src}`);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type'], icon.src).toBe('image/png');
  }
});

test('Chromium finds the app installable, and its start URL opens offline', async ({ baseURL }) => {
  // Installability is judged in a profile that keeps what it stores, not in an
  // incognito-like context.
  const dir = await mkdtemp(join(tmpdir(), 'install-'));
  const context = await chromium.launchPersistentContext(dir, { ...config.use.launchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (registration.active.state !== 'activated') {
        await new Promise((r) => registration.active.addEventListener('statechange', r));
      }
    });
    const client = await context.newCDPSession(page);
    const { installabilityErrors } = await client.send('Page.getInstallabilityErrors');
    await client.detach();
    expect(installabilityErrors).toEqual([]);

    const { start_url: start } = await (await page.request.get('/manifest.webmanifest')).json();
    await context.setOffline(true);
    await page.goto(new URL(start, `${baseURL}/manifest.webmanifest`).href);
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});
