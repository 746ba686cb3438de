// Shared helpers for the end-to-end specs. Locate by role and label only.
import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Every test fails if the page logs an error, throws, or breaks the
 * Content-Security-Policy, or asks for anything outside its own origin.
 */
export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(baseURL) && !url.startsWith('blob:') && !url.startsWith('data:')) {
        problems.push(`request off origin: ${url}`);
      }
    });
    await use(page);
    expect(problems, 'console errors, CSP violations or off-origin requests').toEqual([]);
  },
});
export { expect };

/** Run axe-core on the page as it is now; fail on any violation. */
export async function expectNoAxeViolations(page, label) {
  // page.evaluate is not subject to the page's CSP; an injected <script> would be.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'color-contrast-enhanced': { enabled: true } },
    });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** Press a control the way the current context does: a tap when it has touch. */
export async function press(locator) {
  const touch = await locator.page().evaluate(() => navigator.maxTouchPoints > 0);
  if (touch) await locator.tap();
  else await locator.click();
}

/** Tell the device who is using it (the first-run settings). */
export async function setUpDevice(page) {
  await page.goto('/settings');
  await page.getByLabel('Organisation').fill('Northshire Council');
  await page.getByLabel('Team (optional)').fill('Carers Support');
  await page.getByLabel('Your name').fill('Sam Patel');
  await page.getByLabel('Your job title').fill('Carers support worker');
  await press(page.getByRole('button', { name: 'Save settings' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews on this device' })).toBeVisible();
}

/** From the home screen, start a review and land on "Who is here". */
export async function startReview(page) {
  await press(page.getByRole('button', { name: 'Start a new review' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Who is here' })).toBeVisible();
  return page.url().match(/\/review\/([^/]+)\//)[1];
}
