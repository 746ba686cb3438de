// Draws the app's PNG icons from their SVGs with headless Chromium, for the
// web app manifest (tablets that install the app want PNGs of 192 and 512
// pixels, and a "maskable" one whose picture keeps inside the circle a
// launcher may cut it to). Run it by hand after changing an SVG, and commit
// the PNGs; tests/e2e/specs/install.spec.js checks that they still match.
//
//   node scripts/icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const require = createRequire(join(ROOT, 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

/** Each icon: the SVG it is drawn from (under public/) and its size. */
export const ICONS = [
  { png: 'icons/icon-192.png', svg: 'favicon.svg', size: 192 },
  { png: 'icons/icon-512.png', svg: 'favicon.svg', size: 512 },
  { png: 'icons/maskable-512.png', svg: 'icons/maskable.svg', size: 512 },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    for (const { png, svg, size } of ICONS) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const data = readFileSync(join(ROOT, 'public', svg)).toString('base64');
      await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${data}">`);
      await page.locator('img').evaluate((img) => img.decode());
      writeFileSync(join(ROOT, 'public', png), await page.screenshot({ omitBackground: true }));
      console.log(`public/${png}: ${size}×${size} from public/${svg}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
