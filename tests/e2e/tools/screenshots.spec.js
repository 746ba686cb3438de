// Screenshots of every screen and state of the registry (screens.js SCREENS),
// each set up by its own setup, on a touch tablet both ways round (1024×768
// and 768×1024), for people to look at. Not part of the tests: run it with
//   SCREENSHOTS=/tmp/shots npx playwright test -c tools/screenshots.config.js
// (or node tools/screenshots.mjs [out-dir]); DIST and E2E_PORT as for the tests;
// TILES=1 adds each page in screen-sized pieces; EASY_READ=1 takes each in
// easy read (files end in -easy-read); LANGUAGE=cy (or ur) takes each in that
// language, set after the English set-up and shown by a reload, so a state
// that a reload ends (an error shown, a panel open) is shown without it
// (files end in -cy).
// Files: NNN-<screen>-<state>-<width>x<height>.png, NNN its place in SCREENS.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from '../fixture.js';
import { SCREENS } from '../screens.js';

const out = process.env.SCREENSHOTS || fileURLToPath(new URL('../../../screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const SIZES = [{ width: 1024, height: 768 }, { width: 768, height: 1024 }];
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

test.use({ hasTouch: true, actionTimeout: 15_000 });

/** The screens in the language `tag`: the stored display settings say so, then a reload. */
async function inLanguage(page, tag) {
  await page.evaluate((tag) => {
    const key = 'review-together/display';
    let stored = null;
    try { stored = JSON.parse(localStorage.getItem(key)); } catch { stored = null; }
    const envelope = stored?.kind === 'display' ? stored : { version: 1, kind: 'display', data: {} };
    envelope.data = { ...envelope.data, language: tag };
    localStorage.setItem(key, JSON.stringify(envelope));
  }, tag);
  await page.reload();
  await page.locator(`html[lang="${tag}"]`).waitFor();
  await page.locator('h1').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/** Easy read on, by the Display panel's own checkbox, and its pictures loaded. */
async function easyRead(page) {
  await page.evaluate(async () => {
    const panel = document.querySelector('dialog[aria-labelledby="display-title"]');
    const box = [...panel.querySelectorAll('input')]
      .find((i) => [...i.labels].some((l) => l.textContent.trim() === 'Easy read: short sentences and pictures'));
    if (!box.checked) box.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
  });
}

for (const size of SIZES) {
  for (const [i, screen] of SCREENS.entries()) {
    const easy = process.env.EASY_READ ? '-easy-read' : '';
    const language = process.env.LANGUAGE ? `-${process.env.LANGUAGE}` : '';
    const file = `${String(i + 1).padStart(3, '0')}-${slug(screen.name)}-${screen.state}-${size.width}x${size.height}${easy}${language}.png`;
    test(`${size.width}×${size.height}: ${screen.name} (${screen.state})`, async ({ page }) => {
      await page.setViewportSize(size);
      await screen.setup(page);
      if (language) await inLanguage(page, process.env.LANGUAGE);
      if (easy) await easyRead(page);
      await page.screenshot({ path: `${out}/${file}`, fullPage: true, animations: 'disabled' });
      // TILES=1: the page also in screen-sized pieces, to look at at full size.
      if (process.env.TILES) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, n = 1; y < height; y += size.height, n += 1) {
          const clip = { x: 0, y, width: size.width, height: Math.min(size.height, height - y) };
          await page.screenshot({ path: `${out}/${file.replace(/\.png$/, `-tile${n}.png`)}`, fullPage: true, clip, animations: 'disabled' });
        }
      }
    });
  }
}
