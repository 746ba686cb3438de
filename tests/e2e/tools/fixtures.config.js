// Playwright config of the fixture tool (fixtures.spec.js beside it): the
// test config, with only that spec. Run on demand, with the build whose
// drafts are to be frozen, before the format changes (docs/formats.md,
// "Changing what a draft holds"):
//   FIXTURES=../fixtures/drafts-vN npx playwright test -c tools/fixtures.config.js
import { fileURLToPath } from 'node:url';
import config from '../playwright.config.js';

export default {
  ...config,
  testDir: '.',
  testMatch: 'fixtures.spec.js',
  outputDir: '../test-results/fixtures',
  globalTeardown: fileURLToPath(new URL('../teardown.js', import.meta.url)),
  reporter: [['list']],
};
