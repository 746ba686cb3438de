// Screenshots of a criterion being rated, in the standard look, easy read and
// high contrast, at tablet sizes both ways round, plus the Display panel:
//   node tools/display-screenshots.mjs [out-dir]   (default: /tmp/shots-display)
// Needs a built app: DIST=/path/to/dist (default ../../dist). Serves it on 127.0.0.1:4191.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  startReviewWithFamily, openReviewPage, libraryCriterion, press, openCriterion, ratingTile, setDisplay,
  openDisplay, TIME_OFF, ROLES_CLEAR,
} from '../helpers.js';

const out = process.argv[2] ?? '/tmp/shots-display';
mkdirSync(out, { recursive: true });
const port = 4191;
const base = `http://127.0.0.1:${port}`;
const server = spawn('node', [fileURLToPath(new URL('../../../scripts/static-server.mjs', import.meta.url))], {
  env: { ...process.env, PORT: String(port) },
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function shoot(size) {
  const context = await browser.newContext({ viewport: size, baseURL: base, hasTouch: true });
  const page = await context.newPage();
  // One English voice, so "Read aloud" shows as it would on a tablet.
  await page.addInitScript(() => {
    window.SpeechSynthesis.prototype.getVoices = () => [{ name: 'English (UK)', lang: 'en-GB', default: true }];
  });
  const tag = `${size.width}x${size.height}`;
  const shot = async (name) => {
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${name}-${tag}.png`, fullPage: true });
  };
  const id = await startReviewWithFamily(page);
  await openReviewPage(page, id, 'criteria');
  await press(await libraryCriterion(page, TIME_OFF));
  await press(await libraryCriterion(page, ROLES_CLEAR));
  await openReviewPage(page, id, 'rate');
  await openCriterion(page, ROLES_CLEAR);
  await press(ratingTile(page, 'Ayesha Khan', 'Unsure'));
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('rate-normal');
  await setDisplay(page, { easyRead: true });
  await shot('rate-easy-read');
  await setDisplay(page, { easyRead: false, highContrast: true });
  await shot('rate-high-contrast');
  await openReviewPage(page, id, 'rate');
  await setDisplay(page, { easyRead: true, highContrast: false });
  await shot('rate-overview-easy-read');
  await openCriterion(page, ROLES_CLEAR);
  await setDisplay(page, { easyRead: true, highContrast: true, textSize: 'Largest' });
  await shot('rate-all-on-largest');
  // Windows' forced colours (contrast themes) on top of easy read.
  await setDisplay(page, { highContrast: false, textSize: 'Standard' });
  await page.emulateMedia({ forcedColors: 'active' });
  await shot('rate-forced-colours-easy-read');
  await page.emulateMedia({ forcedColors: 'none' });
  await setDisplay(page, { easyRead: false });
  await openDisplay(page);
  await page.waitForTimeout(400); // the panel's opening animation
  await page.screenshot({ path: `${out}/display-panel-${tag}.png` });
  await setDisplay(page, { highContrast: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/display-panel-high-contrast-${tag}.png` });
  await context.close();
}

try {
  await shoot({ width: 1024, height: 768 });
  await shoot({ width: 768, height: 1024 });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  server.kill();
}
