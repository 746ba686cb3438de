// The test fixture every spec uses, and the small helpers of every screen:
// pressing a control, locating by role and label (headings, radios,
// checkboxes, the error summary), axe-core and the 48 px touch-target check.
// Locate by role and label only.
import { test as base, expect as plainExpect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checksEachScreen, englishLeft, speakingMatchers, speaksIn, spoken } from './speaking.js';

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
/** Playwright's expect; on a page made to speak Welsh or Urdu (speaking.js), texts compared in it. */
export const expect = new Proxy(plainExpect, {
  apply(target, thisArg, args) {
    return speakingMatchers(args[0], Reflect.apply(target, thisArg, args));
  },
});

/** Run axe-core on the page as it is now; fail on any violation. */
export async function expectNoAxeViolations(page, label) {
  // page.evaluate is not subject to the page's CSP; an injected <script> would be.
  // Once per page: a spec may run axe several times on one page (display modes).
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'color-contrast-enhanced': { enabled: true } },
      // Only violations are read: axe then skips describing every node that
      // passes (the slow tail of a run). Violations are found and listed in full.
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

const SCREENS_CHECKED = new Set();

/** How many screens a page made to speak `tag` was checked on (press, below). */
export function screensCheckedIn(tag) {
  return [...SCREENS_CHECKED].filter((s) => s.startsWith(`${tag} `)).length;
}

/** Press a control the way the current context does: a tap when it has touch. */
export async function press(locator) {
  // On a page made to speak another language (speaking.js), each screen
  // the drivers act on is checked with axe before they act.
  const page = locator.page();
  const tag = speaksIn(page);
  if (tag && checksEachScreen(page)) {
    const screen = await page.locator('h1').first().textContent({ timeout: 2_000 }).catch(() => null);
    if (screen && !SCREENS_CHECKED.has(`${tag} ${screen}`)) {
      SCREENS_CHECKED.add(`${tag} ${screen}`);
      await expectNoAxeViolations(page, `“${screen}” in ${tag}`);
      expect(await englishLeft(page, tag), `our English left on “${screen}” in ${tag}`).toEqual([]);
      // SCREENSHOTS=<folder>: a picture of each, to look at.
      if (process.env.SCREENSHOTS) {
        const n = String(screensCheckedIn(tag)).padStart(2, '0');
        await page.screenshot({ path: `${process.env.SCREENSHOTS}/walk-${tag}-${n}.png` });
      }
    }
  }
  const touch = await locator.page().evaluate(() => navigator.maxTouchPoints > 0);
  if (touch) await locator.tap();
  else await locator.click();
}

/** `text` with the characters a RegExp gives meaning to escaped. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A RegExp for text that starts with `text`. In the pseudo-locale
 * (specs/languages.spec.js) each message starts with a mark (U+FEFF) that a
 * RegExp's `^` would not skip, so one may come first.
 */
export function startingWith(text) {
  return new RegExp(`^\uFEFF?${escapeRegExp(text)}`);
}

/** The error summary (GOV.UK pattern: an alert titled "There is a problem"). */
export function errorSummary(page) {
  return page.getByRole('alert').filter({ hasText: 'There is a problem' });
}

/** An alert that says `text`. */
export function alertSaying(page, text) {
  return page.getByRole('alert').filter({ hasText: text });
}

/** The h1 of the screen. */
export function heading(page, name) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** Open a page of a review by its address, e.g. openReviewPage(page, id, 'who'). */
export async function openReviewPage(page, id, rest = '') {
  // Relative to the test's base URL: the app may be served in a folder.
  await page.goto(rest ? `review/${id}/${rest}` : `review/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** One radio in the fieldset whose legend is `question` (scope: a page or a locator). */
export function radio(scope, question, answer) {
  return scope.getByRole('group', { name: question, exact: true }).getByRole('radio', { name: answer, exact: true });
}

/** One checkbox in the fieldset whose legend is `question` (scope: a page or a locator). */
export function checkbox(scope, question, answer) {
  return scope.getByRole('group', { name: question, exact: true }).getByRole('checkbox', { name: answer, exact: true });
}

/**
 * One person's box in an agreement question ("Who agrees to ...?"), by how the
 * app names them (e.g. "Ayesha Khan, carer"); the label may add "agrees".
 */
export function agreement(scope, question, who) {
  // In the language the page speaks, if it was made to (speaking.js).
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  const [plain, agrees] = [spoken(page, who), spoken(page, `${who} agrees`)];
  const name = typeof plain === 'string' && typeof agrees === 'string'
    ? new RegExp(`^(?:${escapeRegExp(plain)}|${escapeRegExp(agrees)})$`)
    : new RegExp(`^${escapeRegExp(who)}( agrees)?$`);
  return scope.getByRole('group', { name: question, exact: true }).getByRole('checkbox', { name });
}

/** Tap Continue and wait for the next screen's heading. */
export async function continueTo(page, nextHeading) {
  await press(page.getByRole('button', { name: 'Continue', exact: true }));
  await expect(heading(page, nextHeading)).toBeVisible();
}

/** Tap Continue on a screen with something missing: the error summary shows. */
export async function showErrors(page) {
  await press(page.getByRole('button', { name: 'Continue', exact: true }));
  await expect(errorSummary(page)).toBeVisible();
}

/** A date `days` from today as the date input takes it (YYYY-MM-DD, local time). */
export function isoDate(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Give the running test room for a stage driven through the UI. */
export function allowTime(ms) {
  const info = base.info();
  if (info.timeout) info.setTimeout(info.timeout + ms);
}

// ---------------------------------------------------------------------------
// Touch targets.

/**
 * Every visible interactive element smaller than `min` CSS px either way.
 * Radios and checkboxes are measured as their whole row (the input and its
 * label together: the row is the tap target). Links inside running text (a
 * <p> with other text) are exempt, as WCAG 2.5.8 exempts inline targets.
 */
export async function smallTargets(page, min = 48) {
  return page.evaluate((min) => {
    const offenders = [];
    // A link may stretch its tap area over its row with an absolutely
    // positioned ::before/::after (the task list does): count that box too.
    const stretchedPseudo = (el) => {
      const boxes = [];
      for (const which of ['::before', '::after']) {
        const ps = getComputedStyle(el, which);
        if (ps.content === 'none' || ps.position !== 'absolute') continue;
        const inset = ['top', 'right', 'bottom', 'left'].map((k) => ps[k]);
        if (!inset.every((v) => /^-?[\d.]+px$/.test(v))) continue;
        const [t, r, b, l] = inset.map(parseFloat);
        const holder = el.offsetParent;
        if (!holder) continue;
        el.scrollIntoView({ block: 'center' });
        const hs = getComputedStyle(holder);
        const hr = holder.getBoundingClientRect();
        const box = {
          top: hr.top + parseFloat(hs.borderTopWidth) + t,
          left: hr.left + parseFloat(hs.borderLeftWidth) + l,
          bottom: hr.bottom - parseFloat(hs.borderBottomWidth) - b,
          right: hr.right - parseFloat(hs.borderRightWidth) - r,
        };
        // Only if a tap in its middle really reaches the link.
        const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
        if (hit && (hit === el || el.contains(hit))) boxes.push(box);
      }
      return boxes;
    };
    const text = (el) => (el.getAttribute('aria-label') || el.textContent || el.value || el.id || '')
      .replace(/\s+/g, ' ').trim().slice(0, 70);
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
      if (el.type === 'hidden') continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const parts = (el.type === 'radio' || el.type === 'checkbox') ? [el, ...el.labels] : [el];
      const rects = parts.map((p) => p.getBoundingClientRect()).concat(stretchedPseudo(el));
      const left = Math.min(...rects.map((r) => r.left));
      const right = Math.max(...rects.map((r) => r.right));
      const top = Math.min(...rects.map((r) => r.top));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      const [w, h] = [right - left, bottom - top];
      // Visually hidden until focused (the skip link), or folded away.
      if (w <= 1 || h <= 1) continue;
      if (el.tagName === 'A' && el.parentElement?.tagName === 'P'
        && el.parentElement.textContent.trim() !== el.textContent.trim()) continue;
      if (w < min - 0.01 || h < min - 0.01) {
        const kind = el.tagName.toLowerCase() + (el.tagName === 'INPUT' ? `[type=${el.type}]` : '');
        offenders.push(`${kind} "${text(el)}": ${Math.round(w * 10) / 10}×${Math.round(h * 10) / 10}`);
      }
    }
    return offenders;
  }, min);
}
