// Copies the fonts the app ships into the build (issue 30): Noto Nastaliq
// Urdu's Arabic-script subset, regular and bold, from its npm package
// (@fontsource/noto-nastaliq-urdu, installed by scripts/setup.sh into
// tests/e2e/node_modules like the build's other tools), with its licence.
// Run by the Trunk post-build hook (post-build.mjs) before the precache list
// is written, so the service worker keeps them for offline use.
// style/languages.css names these files.
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const PACKAGE = join(ROOT, 'tests/e2e/node_modules/@fontsource/noto-nastaliq-urdu');
export const FONTS = [
  'noto-nastaliq-urdu-arabic-400-normal.woff2',
  'noto-nastaliq-urdu-arabic-700-normal.woff2',
];

/** Copies the fonts into `dir`/fonts; returns the names copied. */
export async function copyFonts(dir) {
  if (!existsSync(PACKAGE)) {
    throw new Error(`${PACKAGE} is missing: run scripts/setup.sh (it installs the npm packages the build uses)`);
  }
  await mkdir(join(dir, 'fonts'), { recursive: true });
  for (const name of FONTS) {
    await copyFile(join(PACKAGE, 'files', name), join(dir, 'fonts', name));
  }
  await copyFile(join(PACKAGE, 'LICENSE'), join(dir, 'fonts', 'noto-nastaliq-urdu-LICENSE.txt'));
  return FONTS;
}
