// Playwright config of the benchmark (bench.spec.js beside it): the test
// config, one worker so that nothing else runs beside a measurement. Run by
// scripts/bench, never by the tests (its figures are printed, not asserted).
import { fileURLToPath } from 'node:url';
import config from '../playwright.config.js';

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
  reporter: [['list']],
};
