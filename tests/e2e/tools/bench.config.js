// Playwright config of the benchmark (bench.spec.js beside it): the test
// config, one worker so that nothing else runs beside a measurement. Run by
// scripts/bench, never by the tests (its figures are printed, not asserted).
import { fileURLToPath } from 'node:url';
import config, { FULL_CHROMIUM } from '../playwright.config.js';

export default {
  ...config,
  testDir: '.',
  testMatch: 'bench.spec.js',
  outputDir: '../test-results/bench',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 600_000,
  globalTeardown: fileURLToPath(new URL('../teardown.js', import.meta.url)),
  // The full browser, as a tablet runs it (the tests use its headless shell).
  use: { ...config.use, launchOptions: { ...config.use.launchOptions, executablePath: FULL_CHROMIUM } },
  reporter: [['list']],
};
