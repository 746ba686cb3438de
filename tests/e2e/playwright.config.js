import { defineConfig } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
// E2E_PORT lets two runs share the machine; CI uses the default.
const port = Number(process.env.E2E_PORT || 4180);
// Every test is independent (its own browser context and storage), so tests
// of one file run side by side. E2E_WORKERS: how many at once (default 4, the
// fastest of 2, 3 and 4 on a 2-core machine).
const workers = Number(process.env.E2E_WORKERS || 4);
/** The full browser, for what is measured or looked at rather than tested. */
export const FULL_CHROMIUM = '/usr/bin/chromium';

// Staged states (state.js) are kept in a new folder for all of this run's
// workers: the runner reads this config first and names it (state.js makes it
// when a stage is first kept); the workers inherit its environment (and read
// the config again: they keep it). teardown.js removes it.
if (!process.env.TEST_WORKER_INDEX) process.env.E2E_STAGES = join(tmpdir(), `review-together-stages-${randomUUID()}`);

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  fullyParallel: true,
  workers,
  // At most one retry: a test that needs more is a bug.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  globalTeardown: './teardown.js',
  reporter: [['list'], ['json', { outputFile: '.results/report.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1024, height: 768 },
    launchOptions: {
      // Debian's Chromium (Playwright's own browsers cannot be downloaded
      // here) in its headless-shell build (Debian's chromium-headless-shell,
      // the same version as /usr/bin/chromium): the same Blink and V8 without
      // the full browser around them, so the whole suite runs in about 60% of
      // the time (377 s against 592 s on 2 cores). The benchmark and the
      // screenshot tool use the full browser (FULL_CHROMIUM), as a tablet
      // would. E2E_CHROMIUM runs the tests in another build.
      executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium-headless-shell',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node ../../scripts/static-server.mjs`,
    cwd: here,
    // DIST: a build elsewhere (e.g. /tmp/dist-e2e); the server falls back to
    // dist/ when it is unset or empty.
    env: { PORT: String(port), ...(process.env.DIST ? { DIST: process.env.DIST } : {}) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
