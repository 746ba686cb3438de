// Playwright config of the screenshot tool (screenshots.spec.js beside it):
// the test config, with only that spec. Run it on demand, never in the tests:
//   SCREENSHOTS=/tmp/shots npx playwright test -c tools/screenshots.config.js
// or: node tools/screenshots.mjs [out-dir]
import { fileURLToPath } from 'node:url';
import config, { FULL_CHROMIUM } from '../playwright.config.js';

export default {
  ...config,
  testDir: '.',
  testMatch: 'screenshots.spec.js',
  outputDir: '../test-results/screenshots',
  globalTeardown: fileURLToPath(new URL('../teardown.js', import.meta.url)),
  // The full browser, as a tablet runs it (the tests use its headless shell).
  use: { ...config.use, launchOptions: { ...config.use.launchOptions, executablePath: FULL_CHROMIUM } },
  reporter: [['list']],
};
