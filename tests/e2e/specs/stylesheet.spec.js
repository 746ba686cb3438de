// The app's CSS is many files in style/ but one stylesheet on the wire: the
// Trunk pre-build hook (scripts/bundle-css.mjs) joins the files style/app.css
// imports, in its order. The class names themselves are checked natively
// (crates/review-core/tests/styles.rs).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, heading } from '../helpers.js';
import { bundle } from '../../../scripts/bundle-css.mjs';

test('the app loads one stylesheet, holding every file of style/ in order', async ({ page }) => {
  const stylesheets = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'stylesheet') stylesheets.push(new URL(r.url()).pathname);
  });
  await page.goto('/');
  await expect(heading(page, 'Reviews on this device')).toBeVisible();
  expect(stylesheets).toHaveLength(1);
  const sheet = await page.evaluate(() => {
    const sheets = [...document.styleSheets];
    const rules = sheets.flatMap((s) => [...s.cssRules]);
    return { count: sheets.length, first: rules[0]?.cssText, text: rules.map((r) => r.cssText).join('\n') };
  });
  expect(sheet.count).toBe(1);
  // The layer order comes first; the first file's tokens and the last file's utilities are in it.
  expect(sheet.first).toMatch(/^@layer app-tokens, app-base, app-layout, app-components, app-utilities, app-focus;/);
  expect(sheet.text).toContain('--app-colour-focus');
  expect(sheet.text).toContain('.app-visually-hidden');
});

test('the bundle hook: files in the order style/app.css lists them; anything else refused', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bundle-css-'));
  try {
    await mkdir(join(dir, 'components'));
    await writeFile(join(dir, 'a.css'), '.a { color: red; }\n');
    await writeFile(join(dir, 'components', 'b.css'), '.b { color: blue; }\n');
    const entry = join(dir, 'app.css');
    await writeFile(entry, '/* order */\n@layer x, y;\n\n@import "components/b.css";\n@import "a.css";\n');
    expect(await bundle(entry)).toBe(
      '/* order */\n@layer x, y;\n\n'
      + '/* ---- style/components/b.css ---- */\n.b { color: blue; }\n\n'
      + '/* ---- style/a.css ---- */\n.a { color: red; }\n',
    );

    await writeFile(entry, '@import url("a.css") layer(x);\n');
    await expect(bundle(entry)).rejects.toThrow(/only plain @import/);
    await writeFile(join(dir, 'a.css'), '@import "components/b.css";\n');
    await writeFile(entry, '@import "a.css";\n');
    await expect(bundle(entry)).rejects.toThrow(/imports another file/);
    await writeFile(entry, '@import "missing.css";\n');
    await expect(bundle(entry)).rejects.toThrow(/ENOENT/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
