// Shared helpers for the end-to-end specs. Locate by role and label only.
import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';

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
  // Once per page: a spec may run axe several times on one page (display modes).
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
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

// ---------------------------------------------------------------------------
// Getting-ready building blocks. Each one drives the UI the way a worker would
// (press() taps in a touch context), so setups exercise the real screens.

/** The error summary (GOV.UK pattern: an alert titled "There is a problem"). */
export function errorSummary(page) {
  return page.getByRole('alert').filter({ hasText: 'There is a problem' });
}

/** The h1 of the screen. */
export function heading(page, name) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** Open a page of a review by its address, e.g. openReviewPage(page, id, 'who'). */
export async function openReviewPage(page, id, rest = '') {
  await page.goto(rest ? `/review/${id}/${rest}` : `/review/${id}`);
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
  const name = new RegExp(`^${who.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( agrees)?$`);
  return scope.getByRole('group', { name: question, exact: true }).getByRole('checkbox', { name });
}

/** Tap Continue and wait for the next screen's heading. */
export async function continueTo(page, nextHeading) {
  await press(page.getByRole('button', { name: 'Continue', exact: true }));
  await expect(heading(page, nextHeading)).toBeVisible();
}

/**
 * On a person's details page, fill in what is given:
 * { name, relationship, attendance } (attendance is the radio's label).
 */
export async function fillPersonDetails(page, { name, relationship, attendance }) {
  if (name !== undefined) await page.getByLabel('Name', { exact: true }).fill(name);
  if (relationship !== undefined) {
    await page.getByLabel('Relationship to the person being cared for').fill(relationship);
  }
  if (attendance !== undefined) await press(radio(page, 'How are they taking part today?', attendance));
}

/** On "Who is here": press an "Add ..." button, fill the details, continue back. */
export async function addPerson(page, button, details) {
  await press(page.getByRole('button', { name: button, exact: true }));
  await expect(heading(page, /details$/)).toBeVisible();
  await fillPersonDetails(page, details);
  await continueTo(page, 'Who is here');
}

/** On "Who is here": open someone's card by the name it shows. */
export async function changePerson(page, shownName) {
  await press(page.getByRole('link', { name: `Change details of ${shownName}`, exact: true }));
  await expect(heading(page, /details$/)).toBeVisible();
}

export const AYESHA = { name: 'Ayesha Khan', relationship: 'Daughter', attendance: 'In the room' };
export const JOAN = { name: 'Joan Khan', attendance: 'In the room' };

/**
 * Device set up, a review started, the carer (Ayesha) and the person cared for
 * (Joan) in the room: "Who is here" is done. Leaves the page on "Who is here".
 */
export async function startReviewWithFamily(page) {
  await setUpDevice(page);
  const id = await startReview(page);
  await addPerson(page, 'Add a carer', AYESHA);
  await changePerson(page, 'Name not given yet');
  await fillPersonDetails(page, JOAN);
  await continueTo(page, 'Who is here');
  return id;
}

/**
 * On "Help to take part", open one person's page and fill in what is given:
 * { language, interpreter: { kind, language } | false, advocate, methods: [labels], detail }.
 * Continues back to "Help to take part".
 */
export async function fillSupport(page, name, support) {
  await press(page.getByRole('link', { name: `Change what helps ${name} take part`, exact: true }));
  await expect(heading(page, `What helps ${name} take part`)).toBeVisible();
  if (support.language !== undefined) await page.getByLabel('Preferred language').fill(support.language);
  if (support.interpreter) {
    await press(radio(page, 'Do they need an interpreter?', 'Yes'));
    await press(radio(page, 'What kind of interpreter?', support.interpreter.kind));
    if (support.interpreter.language !== undefined) {
      await page.getByLabel('Language to interpret').fill(support.interpreter.language);
    }
  }
  if (support.advocate) await press(radio(page, 'Do they have an advocate?', support.advocate));
  for (const method of support.methods ?? []) {
    await press(checkbox(page, 'How do they like to communicate?', method));
  }
  if (support.detail !== undefined) await page.getByLabel('Details of how they communicate').fill(support.detail);
  await continueTo(page, 'Help to take part');
}

export const JOAN_SUPPORT = {
  language: 'English',
  advocate: 'Independent advocate (Care Act)',
  methods: ['Symbols', 'Pictures or photos'],
  detail: 'Uses her symbol book for yes, no and stop',
};
export const AYESHA_SUPPORT = {
  language: 'Urdu',
  interpreter: { kind: 'Spoken language interpreter', language: 'Urdu' },
};

/** startReviewWithFamily, then Joan's and Ayesha's support: leaves four needs to check. */
export async function startReviewWithNeeds(page) {
  const id = await startReviewWithFamily(page);
  await openReviewPage(page, id, 'taking-part');
  await fillSupport(page, 'Joan Khan', JOAN_SUPPORT);
  await fillSupport(page, 'Ayesha Khan', AYESHA_SUPPORT);
  return id;
}

/**
 * Make every group of our criteria library visible on "What we will look at".
 * The groups may be folded away (a summary "<title> (N to choose from)"):
 * unfold each one whose checkboxes are hidden.
 */
export async function unfoldLibrary(page) {
  const folds = page.getByText(/ \(\d+ to choose from\)$/);
  for (let i = 0; i < (await folds.count()); i += 1) {
    const fold = folds.nth(i);
    const title = (await fold.textContent()).replace(/ \(\d+ to choose from\)$/, '').trim();
    const group = page.getByRole('group', { name: title, exact: true });
    if (!(await group.isVisible())) {
      await press(fold);
      await expect(group).toBeVisible();
    }
  }
}

/** A criterion of our library, by its wording (its group unfolded if need be). */
export async function libraryCriterion(page, wording) {
  await unfoldLibrary(page);
  return page.getByRole('checkbox', { name: wording, exact: true });
}

/** A chosen criterion's card on "What we will look at", by its wording. */
export function chosenCriterion(page, wording) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: wording, exact: true }) });
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

// ---------------------------------------------------------------------------
// Every screen and state the app has, for the accessibility checks. Each entry
// names the router path it belongs to (`route`, as written in src/app.rs, with
// "*" for the not-found fallback) and a `setup` that leaves the page showing it.
// Add a screen here when you add it to the app: accessibility.spec.js fails on
// any route of src/app.rs that no entry covers.

const FUTURE_REVIEW = JSON.stringify({ version: 99, kind: 'review', data: { id: 'future-1' } });

async function storeUnreadableReview(page) {
  await page.goto('/');
  await page.evaluate((v) => localStorage.setItem('review-together/review/future-1', v), FUTURE_REVIEW);
}

async function onTakingPartOf(page, name) {
  const id = await startReviewWithFamily(page);
  await openReviewPage(page, id, 'taking-part');
  await press(page.getByRole('link', { name: `Change what helps ${name} take part`, exact: true }));
  await expect(heading(page, `What helps ${name} take part`)).toBeVisible();
}

async function showErrors(page) {
  await press(page.getByRole('button', { name: 'Continue', exact: true }));
  await expect(errorSummary(page)).toBeVisible();
}

export const SCREENS = [
  {
    name: 'home, no reviews', route: '/', state: 'clean',
    setup: async (page) => {
      await page.goto('/');
      await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
    },
  },
  {
    name: 'home, with reviews', route: '/', state: 'clean',
    setup: async (page) => {
      await startReviewWithFamily(page);
      await page.goto('/');
      await expect(page.getByRole('row', { name: /Ayesha Khan/ })).toBeVisible();
    },
  },
  {
    name: 'home, with a saved review it cannot read', route: '/', state: 'error',
    setup: async (page) => {
      await storeUnreadableReview(page);
      await page.reload();
      await expect(page.getByRole('region', { name: 'Some saved reviews could not be opened' })).toBeVisible();
    },
  },
  {
    name: 'home, with settings it cannot read', route: '/', state: 'error',
    setup: async (page) => {
      await page.goto('/');
      await page.evaluate(() => localStorage.setItem('review-together/settings', '{"version": 1, "kind": "sett'));
      await page.reload();
      await expect(page.getByRole('alert').filter({ hasText: "This device's saved settings could not be read" })).toBeVisible();
    },
  },
  {
    name: 'device settings', route: '/settings', state: 'clean',
    setup: async (page) => {
      await page.goto('/settings');
      await expect(heading(page, 'Device settings')).toBeVisible();
    },
  },
  {
    name: 'device settings, nothing filled in', route: '/settings', state: 'error',
    setup: async (page) => {
      await page.goto('/settings');
      await press(page.getByRole('button', { name: 'Save settings' }));
      await expect(errorSummary(page)).toBeVisible();
    },
  },
  {
    name: 'page not found', route: '*', state: 'clean',
    setup: async (page) => {
      await page.goto('/no/such/page');
      await expect(heading(page, 'Page not found')).toBeVisible();
    },
  },
  {
    name: 'review not found', route: '/review/:id', state: 'error',
    setup: async (page) => {
      await page.goto('/review/no-such-review');
      await expect(heading(page, 'Review not found')).toBeVisible();
    },
  },
  {
    name: 'review cannot be opened', route: '/review/:id', state: 'error',
    setup: async (page) => {
      await storeUnreadableReview(page);
      await page.goto('/review/future-1/who');
      await expect(heading(page, 'This review cannot be opened')).toBeVisible();
    },
  },
  {
    name: 'task list', route: '/review/:id', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id);
      await expect(heading(page, 'Carer review')).toBeVisible();
    },
  },
  {
    name: 'who is here, new review', route: '/review/:id/who', state: 'clean',
    setup: async (page) => {
      await setUpDevice(page);
      await startReview(page);
    },
  },
  {
    name: 'who is here, everyone added', route: '/review/:id/who', state: 'clean',
    setup: async (page) => {
      await startReviewWithFamily(page);
      await addPerson(page, 'Add an interpreter', { name: 'Farah Ali', attendance: 'Joining remotely (phone or video)' });
    },
  },
  {
    name: 'who is here', route: '/review/:id/who', state: 'error',
    setup: async (page) => {
      await setUpDevice(page);
      await startReview(page);
      await showErrors(page);
    },
  },
  {
    name: 'person details', route: '/review/:id/who/:pid', state: 'clean',
    setup: async (page) => {
      await setUpDevice(page);
      await startReview(page);
      await press(page.getByRole('button', { name: 'Add a carer' }));
      await expect(heading(page, 'Carer details')).toBeVisible();
    },
  },
  {
    name: 'person details', route: '/review/:id/who/:pid', state: 'error',
    setup: async (page) => {
      await setUpDevice(page);
      await startReview(page);
      await press(page.getByRole('button', { name: 'Add a carer' }));
      await showErrors(page);
    },
  },
  {
    name: 'person details, asking to confirm removal', route: '/review/:id/who/:pid', state: 'clean',
    setup: async (page) => {
      await startReviewWithFamily(page);
      await changePerson(page, 'Ayesha Khan');
      await press(page.getByRole('button', { name: 'Remove this person' }));
      await expect(page.getByRole('button', { name: 'Yes, remove them' })).toBeVisible();
    },
  },
  {
    name: 'person details, the person cared for cannot be removed', route: '/review/:id/who/:pid', state: 'error',
    setup: async (page) => {
      await startReviewWithFamily(page);
      await changePerson(page, 'Joan Khan');
      await press(page.getByRole('button', { name: 'Remove this person' }));
      await press(page.getByRole('button', { name: 'Yes, remove them' }));
      await expect(page.getByRole('alert').filter({ hasText: 'always part of the review' })).toBeVisible();
    },
  },
  {
    name: 'person details, person not in the review', route: '/review/:id/who/:pid', state: 'error',
    setup: async (page) => {
      await setUpDevice(page);
      const id = await startReview(page);
      await openReviewPage(page, id, 'who/nobody');
      await expect(heading(page, 'This person is not in the review')).toBeVisible();
    },
  },
  {
    name: 'help to take part', route: '/review/:id/taking-part', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithNeeds(page);
      await openReviewPage(page, id, 'taking-part');
    },
  },
  {
    name: 'help to take part', route: '/review/:id/taking-part', state: 'error',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'taking-part');
      await showErrors(page);
    },
  },
  {
    name: 'person support', route: '/review/:id/taking-part/:pid', state: 'clean',
    setup: async (page) => onTakingPartOf(page, 'Ayesha Khan'),
  },
  {
    name: 'person support', route: '/review/:id/taking-part/:pid', state: 'error',
    setup: async (page) => {
      await onTakingPartOf(page, 'Ayesha Khan');
      await press(radio(page, 'Do they need an interpreter?', 'Yes'));
      await press(checkbox(page, 'How do they like to communicate?', 'Communication aid or device'));
      await showErrors(page);
    },
  },
  {
    name: 'person support, interpreter and communication questions open', route: '/review/:id/taking-part/:pid', state: 'clean',
    setup: async (page) => {
      await onTakingPartOf(page, 'Ayesha Khan');
      await press(radio(page, 'Do they need an interpreter?', 'Yes'));
      await press(radio(page, 'What kind of interpreter?', 'Spoken language interpreter'));
      await press(checkbox(page, 'How do they like to communicate?', 'Symbols'));
      await expect(page.getByLabel('Language to interpret')).toBeVisible();
      await expect(page.getByLabel('Details of how they communicate')).toBeVisible();
    },
  },
  {
    name: 'person support, person not in the review', route: '/review/:id/taking-part/:pid', state: 'error',
    setup: async (page) => {
      await setUpDevice(page);
      const id = await startReview(page);
      await openReviewPage(page, id, 'taking-part/nobody');
      await expect(heading(page, 'This person is not in the review')).toBeVisible();
    },
  },
  {
    name: 'how we will review', route: '/review/:id/process', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'process');
    },
  },
  {
    name: 'how we will review', route: '/review/:id/process', state: 'error',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'process');
      await showErrors(page);
    },
  },
  {
    name: 'how we will review, time boxes open', route: '/review/:id/process', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'process');
      await press(page.getByText('Set a time for each part (optional)'));
      await expect(page.getByLabel('Minutes for: Things that need someone else\'s help')).toBeVisible();
    },
  },
  {
    name: 'how we will review, a time box that is not a number', route: '/review/:id/process', state: 'error',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'process');
      await press(page.getByText('Set a time for each part (optional)'));
      await page.getByLabel('Minutes for: Things that need someone else\'s help').fill('ten');
      await expect(page.getByText('Enter the minutes as a whole number from 1 to 240')).toBeVisible();
    },
  },
  {
    name: 'how we will review, with a sharing restriction', route: '/review/:id/process', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'process');
      await press(page.getByRole('button', { name: 'Add something that must not be shared' }));
      await page.getByLabel('What must not be shared').fill("Ayesha's own health worries");
      await page.getByLabel('Who it must not be shared with').fill("Joan's day centre");
    },
  },
  {
    name: 'what we will look at', route: '/review/:id/criteria', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'criteria');
    },
  },
  {
    name: 'what we will look at', route: '/review/:id/criteria', state: 'error',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'criteria');
      await showErrors(page);
    },
  },
  {
    name: 'what we will look at, with chosen criteria', route: '/review/:id/criteria', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'criteria');
      await press(await libraryCriterion(page, 'The carer is getting enough sleep and rest.'));
      await page.getByLabel('What else should the review look at?').fill('The evening calls from the care agency come on time.');
      await press(page.getByRole('button', { name: 'Add this to the review' }));
      await expect(page.getByRole('heading', { level: 3 })).toHaveCount(2);
    },
  },
  {
    name: 'ready to start, nobody needs anything', route: '/review/:id/ready', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'ready');
      await expect(page.getByText('Nobody has said they need anything set up.', { exact: false })).toBeVisible();
    },
  },
  {
    name: 'ready to start, with needs', route: '/review/:id/ready', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithNeeds(page);
      await openReviewPage(page, id, 'ready');
    },
  },
  {
    name: 'ready to start', route: '/review/:id/ready', state: 'error',
    setup: async (page) => {
      const id = await startReviewWithNeeds(page);
      await openReviewPage(page, id, 'ready');
      await showErrors(page);
    },
  },
  {
    name: 'ready to start, a need not met', route: '/review/:id/ready', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithNeeds(page);
      await openReviewPage(page, id, 'ready');
      await press(radio(page, /^Is everything ready for .*: symbols/, 'No, it is not'));
      await expect(page.getByLabel('What did you do about it?')).toBeVisible();
    },
  },
  {
    name: 'delete this review?', route: '/review/:id/delete', state: 'clean',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await openReviewPage(page, id, 'delete');
      await expect(heading(page, 'Delete this review?')).toBeVisible();
    },
  },
];

// ---------------------------------------------------------------------------
// A whole meeting, for the specs of parts 2 and 3 and their screens.
//
// Each stage is driven once through the UI per worker process (the way a
// worker would, by touch in a touch context); what it leaves in the device's
// storage is then kept, and later tests start from a copy of it. So a spec
// that needs a finished getting-ready or a finished review gets one quickly,
// and always one the app itself made.

export const TIME_OFF = 'The carer gets regular time off from caring and can rely on it happening.';
export const ROLES_CLEAR = 'It is clear who does what: the worker, the carer, family and other services.';
export const EVENING_CALLS = 'The evening calls from the care agency come on time.';
export const CRITERIA = [TIME_OFF, ROLES_CLEAR, EVENING_CALLS];
export const TOM = { name: 'Tom Khan', relationship: 'Son', attendance: 'In the room' };
export const GRACE = { name: 'Grace Obi', relationship: 'Independent advocate', attendance: 'In the room' };
export const FARAH = { name: 'Farah Ali', attendance: 'Joining remotely (phone or video)' };

/** A date `days` from today as the date input takes it (YYYY-MM-DD, local time). */
export function isoDate(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Everything the app keeps on the device. */
export async function storageOf(page) {
  return page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('review-together/')).map((k) => [k, localStorage.getItem(k)]),
  ));
}

/** Put back what storageOf() took, on a device that had nothing else. */
export async function restoreStorage(page, stored) {
  await page.goto('/');
  await page.evaluate((s) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v);
  }, stored);
}

/** Give the running test room for a stage driven through the UI. */
function allowTime(ms) {
  const info = base.info();
  if (info.timeout) info.setTimeout(info.timeout + ms);
}

/** On the task list, each part's link is described by its status tag. */
export async function expectStatuses(page, statuses) {
  for (const [part, status] of Object.entries(statuses)) {
    await expect(page.getByRole('link', { name: part, exact: true }), part).toHaveAccessibleDescription(status);
  }
}

export async function openTaskList(page, id) {
  await openReviewPage(page, id);
  await expect(heading(page, 'Carer review')).toBeVisible();
}

export async function openPart(page, id, part) {
  await openTaskList(page, id);
  await press(page.getByRole('link', { name: part, exact: true }));
  await expect(heading(page, part)).toBeVisible();
}

export const GETTING_READY = ['Who is here', 'Help to take part', 'How we will review', 'What we will look at', 'Ready to start'];
export const REVIEW_PROPER = [
  'How it is going', 'Services and support', 'Support while the carer has time for themselves',
  "Things that need someone else's help", 'Actions and outcome',
];

/**
 * Part 1 (getting ready) as part1-walk.spec.js does it, plus Tom Khan, Joan's
 * son: a key person, who gives his own ratings.
 * Ends on the task list. Returns the review's id.
 */
export async function driveGettingReady(page) {
  await setUpDevice(page);
  const id = await startReview(page);
  await addPerson(page, 'Add a carer', AYESHA);
  await changePerson(page, 'Name not given yet');
  await fillPersonDetails(page, JOAN);
  await continueTo(page, 'Who is here');
  await addPerson(page, 'Add an advocate', GRACE);
  await addPerson(page, 'Add an interpreter', FARAH);
  await addPerson(page, 'Add a family member or friend', TOM);
  await continueTo(page, 'Help to take part');

  await press(page.getByRole('link', { name: 'Change what helps Joan Khan take part', exact: true }));
  await expect(heading(page, 'What helps Joan Khan take part')).toBeVisible();
  await page.getByLabel('Preferred language').fill(JOAN_SUPPORT.language);
  await press(radio(page, 'Do they need an interpreter?', 'No'));
  await press(radio(page, 'Do they have an advocate?', JOAN_SUPPORT.advocate));
  for (const method of JOAN_SUPPORT.methods) await press(checkbox(page, 'How do they like to communicate?', method));
  await page.getByLabel('Details of how they communicate').fill(JOAN_SUPPORT.detail);
  await continueTo(page, 'Help to take part');
  await fillSupport(page, 'Ayesha Khan', AYESHA_SUPPORT);
  await continueTo(page, 'How we will review');

  await press(radio(page, 'Why is this review happening?', 'Yearly review'));
  await press(radio(page, 'How deep will the review go?', 'Full review: go through everything in detail'));
  await press(radio(page, 'Would the carer like time with the worker on their own?', 'Yes'));
  await page.getByLabel('Who will receive the summary of this review?').fill('Ayesha, Joan and the carers team records');
  await press(agreement(page, 'Who agrees to review this way?', 'Ayesha Khan, carer'));
  await continueTo(page, 'What we will look at');

  await press(await libraryCriterion(page, TIME_OFF));
  await press(await libraryCriterion(page, ROLES_CLEAR));
  await page.getByLabel('What else should the review look at?').fill(EVENING_CALLS);
  await press(page.getByRole('button', { name: 'Add this to the review' }));
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(CRITERIA, { useInnerText: true });
  await press(radio(chosenCriterion(page, TIME_OFF), 'How will people rate it?', '5 steps: from very poor to very good'));
  for (const wording of CRITERIA) {
    await press(agreement(chosenCriterion(page, wording), 'Who agrees to look at this?', 'Ayesha Khan, carer'));
  }
  await continueTo(page, 'Ready to start');

  for (const check of await page.getByRole('group', { name: /^Is everything ready for / }).all()) {
    await press(check.getByRole('radio', { name: 'Yes, it is in place', exact: true }));
  }
  await expect(page.getByRole('status').filter({ hasText: 'The review can start.' })).toBeVisible();
  await continueTo(page, 'Carer review');
  await expectStatuses(page, Object.fromEntries(GETTING_READY.map((p) => [p, 'Done'])));
  return id;
}

const stages = {};

/** Keep what a stage left on the device, or start from what it left before. */
async function stage(page, name, drive, ms) {
  if (!stages[name]) {
    allowTime(ms);
    const id = await drive();
    stages[name] = { id, stored: await storageOf(page) };
    return id;
  }
  await restoreStorage(page, stages[name].stored);
  await openTaskList(page, stages[name].id);
  return stages[name].id;
}

/**
 * A review whose getting ready is done: the worker Sam Patel; Ayesha Khan
 * (carer, with a Urdu interpreter, Farah Ali, joining remotely); Joan Khan
 * (the person cared for, with her advocate Grace Obi); Tom Khan (key person).
 * Three criteria. Leaves the page on the task list; returns the review's id.
 */
export async function completeGettingReady(page) {
  return stage(page, 'getting ready', () => driveGettingReady(page), 120_000);
}

// --- Part 2 building blocks (each leaves the page on its part) -------------

/** The rating tile `point` in `who`'s own rating of the criterion on screen. */
export function ratingTile(page, who, point) {
  return radio(page, `${who}'s rating`, point);
}

/** On the ratings overview, open one criterion. */
export async function openCriterion(page, wording) {
  await press(page.getByRole('link', { name: new RegExp(`^Rate\\s*: ${wording.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }));
  await expect(heading(page, wording)).toBeVisible();
}

/**
 * On one criterion: each rater's point, and for anyone asked, how their view
 * reached the meeting: { 'Ayesha Khan': ['Poor', 'Through the interpreter, Farah Ali'], ... }.
 */
export async function rate(page, ratings) {
  for (const [who, [point, through]] of Object.entries(ratings)) {
    await press(ratingTile(page, who, point));
    if (through) await press(radio(page, `How did ${who} give their view?`, through));
  }
}

/** On one criterion: say it was not discussed, and why. */
export async function markNotDiscussed(page, reason) {
  await press(page.getByText('Not discussing this today?', { exact: true }));
  await press(page.getByRole('button', { name: 'Mark as not discussed' }));
  await page.getByLabel('Why was it not discussed?').fill(reason);
}

export const RATINGS = {
  [TIME_OFF]: {
    'Ayesha Khan': ['Poor', 'Through the interpreter, Farah Ali'],
    'Joan Khan': ['Good', 'Through their advocate, Grace Obi'],
    'Tom Khan': ['Okay'],
  },
  [ROLES_CLEAR]: {
    'Ayesha Khan': ['Not going well', 'Directly, in their own words'],
    'Joan Khan': ['Going well', 'Using symbols'],
    'Tom Khan': ['Unsure'],
  },
};
export const NOT_DISCUSSED = 'There was not enough time; Ayesha will raise it with the agency first.';

/** P19 from the task list: two criteria rated differently, the third not discussed. */
export async function doRatings(page, id) {
  await openPart(page, id, 'How it is going');
  await openCriterion(page, TIME_OFF);
  await rate(page, RATINGS[TIME_OFF]);
  await press(page.getByRole('button', { name: 'Next criterion' }));
  await expect(heading(page, ROLES_CLEAR)).toBeVisible();
  await rate(page, RATINGS[ROLES_CLEAR]);
  await press(page.getByRole('button', { name: 'Next criterion' }));
  await expect(heading(page, EVENING_CALLS)).toBeVisible();
  await markNotDiscussed(page, NOT_DISCUSSED);
  await continueTo(page, 'How it is going');
}

export const SUPPORT_GROUP = {
  kind: 'A support group', name: 'Northshire Carers Café',
  benefits: 'Someone to talk to who understands; she sleeps better after it',
  needsMet: 'It met their needs fully', decision: 'Keep it as it is',
};
export const SITTING = {
  kind: 'A service for the carer at home', name: 'Evening sitting service',
  benefits: 'Two evenings a week off', difficulties: 'The sitter changes every week',
  needsMet: 'It met some of their needs', decision: 'Change it',
  changes: 'The same sitter each week, and Thursday instead of Monday',
};

/** On "Services and support": add one, fill its card (it opens on adding). */
export async function addResource(page, r) {
  await press(page.getByRole('button', { name: 'Add a service or support', exact: true }));
  await press(radio(page, 'What kind of service or support is it?', r.kind));
  await page.getByLabel('What is it called?').fill(r.name);
  await page.getByLabel("How has it helped Ayesha Khan's health and wellbeing?").fill(r.benefits);
  if (r.difficulties) await page.getByLabel('What has been difficult about it? (optional)').fill(r.difficulties);
  await press(radio(page, "How well did it meet Ayesha Khan's needs?", r.needsMet));
  await press(radio(page, 'What happens to it now?', r.decision));
  if (r.changes) await page.getByLabel('What needs to change?').fill(r.changes);
}

/** P20 from the task list: the café kept, the sitting service changed. */
export async function doServices(page, id) {
  await openPart(page, id, 'Services and support');
  await press(radio(page, 'Does Ayesha Khan use any services or support?', 'Yes'));
  await addResource(page, SUPPORT_GROUP);
  await addResource(page, SITTING);
  await continueTo(page, 'Support while the carer has time for themselves');
}

export const COVER_QUESTION = "Does Joan Khan's support need to change while the carer has time for themselves?";
export const ARRANGEMENT = {
  need: 'A break', kind: 'A short stay away from home (respite)', when: 'One week in June, once a year',
  provider: 'Willow House', funding: 'Arranged and paid for by the council',
  risk: 'Joan does not know the staff at Willow House',
  management: 'A tea visit with Grace first, and her symbol book goes with her',
  next: 'Grace visits Willow House with Joan next week; if she still says no, look at a sitting service at home',
};

/**
 * On "Support while the carer has time for themselves": one arrangement,
 * which Joan first does not agree to (and what happens next), then agrees to
 * through her advocate. `stopAt: 'not agreed'` leaves it not agreed.
 */
export async function addArrangement(page, a = ARRANGEMENT, { stopAt } = {}) {
  await press(page.getByRole('button', { name: 'Add an arrangement', exact: true }));
  await press(radio(page, 'What does Ayesha Khan need the time for?', a.need));
  await press(radio(page, 'What support will Joan Khan have?', a.kind));
  await page.getByLabel('When, and how often?').fill(a.when);
  await page.getByLabel('Who will provide it?').fill(a.provider);
  await press(radio(page, 'How will it be paid for?', a.funding));
  await press(page.getByRole('button', { name: 'Add a risk', exact: true }));
  await page.getByLabel('What is the risk?').fill(a.risk);
  await page.getByLabel('How will it be managed?').fill(a.management);
  await press(radio(page, 'Did Joan Khan agree to this?', 'No, they did not agree'));
  await expect(page.getByText('Joan Khan has not agreed, so this arrangement should not go ahead as it is.', { exact: false })).toBeVisible();
  await page.getByLabel('What happens next?').fill(a.next);
  if (stopAt === 'not agreed') return;
  await press(radio(page, 'Did Joan Khan agree to this?', 'Yes, through their advocate'));
}

/** P21 from the task list. */
export async function doCover(page, id) {
  await openPart(page, id, 'Support while the carer has time for themselves');
  await press(radio(page, COVER_QUESTION, 'Yes'));
  await addArrangement(page);
  await continueTo(page, "Things that need someone else's help");
}

export const PHONE_NOW = 'This app sends nothing. Phone the safeguarding team now.';
export const SAFEGUARDING = {
  matter: 'Joan has bruises on her arms and says a night carer grabs her',
  why: 'It needs a safeguarding enquiry', route: 'Safeguarding', toWhom: 'Northshire duty safeguarding team',
  urgency: 'Now, before leaving', owner: /^Sam Patel, /, due: 0,
  consent: 'It will be shared without consent because of a risk of harm',
  consentReason: 'Joan may be at risk of harm tonight', status: 'Referred',
};
export const OT_REFERRAL = {
  matter: 'Ayesha struggles to help Joan in and out of the bath',
  why: 'It needs an occupational therapy assessment', route: 'Occupational therapy (OT)',
  toWhom: 'Northshire OT duty desk', urgency: 'Routine', owner: /^Sam Patel, /, due: 28,
  consent: 'Yes', status: 'To do',
};

/** On "Things that need someone else's help": add one matter and fill its card. */
export async function addMatter(page, m) {
  await press(page.getByRole('button', { name: "Add something that needs someone else's help", exact: true }));
  await page.getByLabel('What is the matter?').fill(m.matter);
  await page.getByLabel('Why is it beyond your scope or expertise?').fill(m.why);
  await press(radio(page, 'Where does it need to go?', m.route));
  await page.getByLabel('Who will it go to?').fill(m.toWhom);
  await press(radio(page, 'How urgent is it?', m.urgency));
  await press(page.getByRole('group', { name: 'Who will take it forward?', exact: true }).getByRole('radio', { name: m.owner }));
  await page.getByLabel('Due by').fill(isoDate(m.due));
  await press(radio(page, 'Is there consent to share this?', m.consent));
  if (m.consentReason) {
    await page.getByLabel('What is the risk that means it is shared without consent?').fill(m.consentReason);
  }
  await press(radio(page, 'Where has it got to?', m.status));
}

/** P22 from the task list: the urgent safeguarding matter, then the OT referral. */
export async function doEscalations(page, id) {
  await openPart(page, id, "Things that need someone else's help");
  await press(radio(page, "Does anything need someone else's help?", 'Yes'));
  await addMatter(page, SAFEGUARDING);
  await addMatter(page, OT_REFERRAL);
  await continueTo(page, 'Actions and outcome');
}

export const ACTIONS = [
  { what: 'Ask the agency for the same sitter each week', owner: /^Sam Patel, /, due: 14, criterion: ROLES_CLEAR },
  { what: 'Book the tea visit at Willow House', owner: /^Grace Obi, /, due: 7, criterion: TIME_OFF },
];
export const OUTCOME = {
  decision: 'Change the plan',
  rationale: 'The sitting service needs to change and a week of respite is added',
  carer: 'Ayesha is relieved about the break but worried about the bruises',
  individual: 'Joan will go to Willow House if she likes it after the visit',
  through: 'Through their advocate, Grace Obi',
  others: 'Tom thinks the respite week should be two weeks; Ayesha does not',
};

/** On "Actions and outcome": add an action (the n-th, from 0) and fill it. */
export async function addAction(page, n, a) {
  await press(page.getByRole('button', { name: 'Add an action', exact: true }));
  await page.getByLabel('What will be done?').nth(n).fill(a.what);
  await press(page.getByRole('group', { name: 'Who will do it?', exact: true }).nth(n).getByRole('radio', { name: a.owner }));
  await page.getByLabel('When will it be done by?').nth(n).fill(isoDate(a.due));
  await page.getByLabel('Which of the things you looked at does it answer? (optional)').nth(n).selectOption({ label: a.criterion });
}

/** Fill the outcome part of "Actions and outcome". */
export async function fillOutcome(page, o = OUTCOME) {
  await press(radio(page, 'What did the review decide?', o.decision));
  await page.getByLabel('Why is this the outcome?').fill(o.rationale);
  await page.getByLabel('What does Ayesha Khan think of the outcome?').fill(o.carer);
  await page.getByLabel('What does Joan Khan think of the outcome?').fill(o.individual);
  await press(radio(page, 'How did Joan Khan give their view? (optional)', o.through));
  await page.getByLabel('Other views and any disagreements (optional)').fill(o.others);
}

/** P23's actions and outcome from the task list; ends on the task list. */
export async function doOutcome(page, id) {
  await openPart(page, id, 'Actions and outcome');
  for (const [n, a] of ACTIONS.entries()) await addAction(page, n, a);
  await fillOutcome(page);
  await continueTo(page, 'Carer review');
}

/** The whole review proper, on top of completeGettingReady(). */
export async function driveReviewProper(page, id) {
  await doRatings(page, id);
  await doServices(page, id);
  await doCover(page, id);
  await doEscalations(page, id);
  await doOutcome(page, id);
  await expectStatuses(page, Object.fromEntries([...GETTING_READY, ...REVIEW_PROPER].map((p) => [p, 'Done'])));
}

/** A review with every part done, ready to check and sign. Leaves the page on the task list. */
export async function completeReview(page) {
  return stage(page, 'review proper', async () => {
    const id = await completeGettingReady(page);
    await driveReviewProper(page, id);
    return id;
  }, 240_000);
}

// --- Part 3: signing -------------------------------------------------------

/** The turn banner of the sign-off screen ("Now: <name>, <role>"). */
export function turnBanner(page) {
  return page.getByRole('status').filter({ hasText: /^Now: / });
}

/** Draw a stroke on the mark pad with real touch events (CDP: Playwright's touchscreen only taps). */
export async function drawMark(page) {
  const pad = page.getByRole('img', { name: 'Draw your mark in the box' });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  const client = await page.context().newCDPSession(page);
  const at = (fx, fy) => [{ x: box.x + box.width * fx, y: box.y + box.height * fy, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.2, 0.6) });
  for (let i = 1; i <= 8; i += 1) {
    await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(0.2 + i * 0.07, 0.6 - Math.sin(i / 2) * 0.3) });
  }
  // The finger rests before it lifts. (Lifted while still moving, Chromium
  // takes the stroke for a fling and swallows the next tap: see the report.)
  await page.waitForTimeout(150);
  await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(0.76, 0.6 - Math.sin(4) * 0.3) });
  await page.waitForTimeout(150);
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await client.detach();
}

/**
 * Sign for the person whose turn it is. `how` is
 * { way: 'tap' | 'typed' | 'draw' | 'supporter', says?, comment?, typed?, supporter?, how? }.
 */
export async function signTurn(page, name, how) {
  await expect(turnBanner(page)).toContainText(`Now: ${name}`);
  const says = how.says ?? 'Yes, I agree';
  await press(radio(page, `Does ${name} agree with the review?`, says));
  if (says === 'I agree, with a comment') await page.getByLabel('Their comment').fill(how.comment);
  if (says === 'No, I do not agree') await page.getByLabel('Why do they not agree?').fill(how.comment);
  const way = {
    tap: 'Tap the button below', typed: 'Type their name', draw: 'Draw a mark with a finger',
    supporter: 'Through their advocate or interpreter',
  }[how.way];
  await press(radio(page, 'How will they sign?', way));
  if (how.way === 'typed') await page.getByLabel('Type your name').fill(how.typed ?? name);
  if (how.way === 'draw') await drawMark(page);
  if (how.way === 'supporter') {
    await press(radio(page, 'Who is helping them?', how.supporter));
    await page.getByLabel('How did they show what they think?').fill(how.how);
  }
  await press(page.getByRole('button', { name: `Sign as ${name}`, exact: true }));
  await expect(page.getByRole('term').filter({ hasText: name }).first()).toBeVisible();
}

/** How each person signs in the walk of part 3 (the worker last). */
export const SIGNING = {
  'Ayesha Khan': { way: 'typed' },
  'Joan Khan': { way: 'supporter', supporter: 'Grace Obi, advocate', how: 'Pointed to the thumbs-up symbol in her book' },
  'Grace Obi': { way: 'tap' },
  'Farah Ali': { way: 'tap', says: 'I agree, with a comment', comment: 'I interpreted for Ayesha throughout' },
  'Tom Khan': { way: 'draw' },
  'Sam Patel': { way: 'tap' },
};

/** From "Check the review before signing", sign everyone off in turn order. Returns the order. */
export async function signEveryone(page, plan = SIGNING) {
  await press(page.getByRole('link', { name: 'Continue to sign off' }));
  await expect(heading(page, 'Sign off the review')).toBeVisible();
  const order = [];
  for (;;) {
    const banner = turnBanner(page);
    if (!(await banner.isVisible())) break;
    const text = (await banner.textContent()).replace(/^Now:\s*/, '');
    const name = Object.keys(plan).find((n) => text.startsWith(n));
    if (!name) throw new Error(`no signing plan for "${text}"`);
    await signTurn(page, name, plan[name]);
    order.push(name);
  }
  return order;
}

/** From the task list, open "Check the review before signing". */
export async function openCheck(page) {
  await press(page.getByRole('link', { name: 'Check the review and sign it off' }));
  await expect(heading(page, 'Check the review before signing')).toBeVisible();
}

/** Sign in turn (as SIGNING says) until it is `name`'s turn; leaves their form showing. */
export async function signUntil(page, name, plan = SIGNING) {
  await openCheck(page);
  await press(page.getByRole('link', { name: 'Continue to sign off' }));
  await expect(heading(page, 'Sign off the review')).toBeVisible();
  for (;;) {
    const text = (await turnBanner(page).textContent()).replace(/^Now:\s*/, '');
    if (text.startsWith(name)) return;
    const next = Object.keys(plan).find((n) => text.startsWith(n));
    await signTurn(page, next, plan[next]);
  }
}

// --- Screens of parts 2 and 3, for the accessibility checks ----------------

async function onPart(page, part, { complete = false } = {}) {
  const id = complete ? await completeReview(page) : await completeGettingReady(page);
  await openPart(page, id, part);
  return id;
}

async function onCriterion(page, wording = TIME_OFF) {
  await onPart(page, 'How it is going');
  await openCriterion(page, wording);
}

async function onSignOff(page, name) {
  await completeReview(page);
  await signUntil(page, name);
}

export async function lockedReview(page) {
  const id = await completeReview(page);
  await openCheck(page);
  await signEveryone(page);
  return id;
}

SCREENS.push(
  {
    name: 'how it is going, nothing rated yet', route: '/review/:id/rate', state: 'clean',
    setup: async (page) => onPart(page, 'How it is going'),
  },
  {
    name: 'how it is going', route: '/review/:id/rate', state: 'error',
    setup: async (page) => {
      await onPart(page, 'How it is going');
      await showErrors(page);
    },
  },
  {
    name: 'how it is going, everything rated', route: '/review/:id/rate', state: 'clean',
    setup: async (page) => onPart(page, 'How it is going', { complete: true }),
  },
  {
    name: 'rate one criterion', route: '/review/:id/rate/:cid', state: 'clean',
    setup: async (page) => onCriterion(page),
  },
  {
    name: 'rate one criterion, nobody rated', route: '/review/:id/rate/:cid', state: 'error',
    setup: async (page) => {
      await onCriterion(page);
      await press(page.getByRole('button', { name: 'Next criterion' }));
      await expect(errorSummary(page)).toBeVisible();
    },
  },
  {
    name: 'rate one criterion, different views and a note', route: '/review/:id/rate/:cid', state: 'clean',
    setup: async (page) => {
      await onCriterion(page);
      await rate(page, RATINGS[TIME_OFF]);
      await press(page.getByRole('button', { name: 'Add a note' }));
      await page.getByLabel('What was said').fill('The agency sends someone new every week');
      await expect(page.getByText(/^Different views:/)).toBeVisible();
    },
  },
  {
    name: 'rate one criterion, a note with nothing in it', route: '/review/:id/rate/:cid', state: 'error',
    setup: async (page) => {
      await onCriterion(page);
      await rate(page, RATINGS[TIME_OFF]);
      await press(page.getByRole('button', { name: 'Add a note' }));
      await press(page.getByRole('button', { name: 'Next criterion' }));
      await expect(errorSummary(page)).toBeVisible();
    },
  },
  {
    name: 'rate one criterion, not discussed', route: '/review/:id/rate/:cid', state: 'clean',
    setup: async (page) => {
      await onCriterion(page, EVENING_CALLS);
      await markNotDiscussed(page, '');
      await expect(page.getByLabel('Why was it not discussed?')).toBeFocused();
    },
  },
  {
    name: 'rate one criterion, not discussed without a reason', route: '/review/:id/rate/:cid', state: 'error',
    setup: async (page) => {
      await onCriterion(page, EVENING_CALLS);
      await markNotDiscussed(page, '');
      await showErrors(page);
    },
  },
  {
    name: 'rate one criterion, not in the review', route: '/review/:id/rate/:cid', state: 'error',
    setup: async (page) => {
      const id = await completeGettingReady(page);
      await openReviewPage(page, id, 'rate/no-such-criterion');
      await expect(heading(page, 'This is not in the review')).toBeVisible();
    },
  },
  {
    name: 'services and support', route: '/review/:id/services', state: 'clean',
    setup: async (page) => onPart(page, 'Services and support'),
  },
  {
    name: 'services and support', route: '/review/:id/services', state: 'error',
    setup: async (page) => {
      await onPart(page, 'Services and support');
      await showErrors(page);
    },
  },
  {
    name: 'services and support, a card open with a gap', route: '/review/:id/services', state: 'clean',
    setup: async (page) => {
      await onPart(page, 'Services and support');
      await press(radio(page, 'Does Ayesha Khan use any services or support?', 'Yes'));
      await addResource(page, SITTING);
      await press(page.getByRole('button', { name: 'Add a gap in support' }));
      await page.getByLabel('What is missing?').fill('No sitting service at weekends');
    },
  },
  {
    name: 'services and support, a card not finished', route: '/review/:id/services', state: 'error',
    setup: async (page) => {
      await onPart(page, 'Services and support');
      await press(radio(page, 'Does Ayesha Khan use any services or support?', 'Yes'));
      await press(page.getByRole('button', { name: 'Add a service or support', exact: true }));
      await press(radio(page, 'What happens to it now?', 'Stop it'));
      await showErrors(page);
    },
  },
  {
    name: 'services and support, cards closed', route: '/review/:id/services', state: 'clean',
    setup: async (page) => onPart(page, 'Services and support', { complete: true }),
  },
  {
    name: 'cover', route: '/review/:id/cover', state: 'clean',
    setup: async (page) => onPart(page, 'Support while the carer has time for themselves'),
  },
  {
    name: 'cover', route: '/review/:id/cover', state: 'error',
    setup: async (page) => {
      await onPart(page, 'Support while the carer has time for themselves');
      await showErrors(page);
    },
  },
  {
    name: 'cover, an arrangement not agreed to', route: '/review/:id/cover', state: 'clean',
    setup: async (page) => {
      await onPart(page, 'Support while the carer has time for themselves');
      await press(radio(page, COVER_QUESTION, 'Yes'));
      await addArrangement(page, ARRANGEMENT, { stopAt: 'not agreed' });
    },
  },
  {
    name: 'cover, not agreed and nothing said about what happens next', route: '/review/:id/cover', state: 'error',
    setup: async (page) => {
      await onPart(page, 'Support while the carer has time for themselves');
      await press(radio(page, COVER_QUESTION, 'Yes'));
      await press(page.getByRole('button', { name: 'Add an arrangement', exact: true }));
      await press(page.getByRole('button', { name: 'Add a risk', exact: true }));
      await press(radio(page, 'Did Joan Khan agree to this?', 'No, they did not agree'));
      await showErrors(page);
    },
  },
  {
    name: "things that need someone else's help", route: '/review/:id/escalations', state: 'clean',
    setup: async (page) => onPart(page, "Things that need someone else's help"),
  },
  {
    name: "things that need someone else's help", route: '/review/:id/escalations', state: 'error',
    setup: async (page) => {
      await onPart(page, "Things that need someone else's help");
      await showErrors(page);
    },
  },
  {
    name: "things that need someone else's help, urgent safeguarding", route: '/review/:id/escalations', state: 'clean',
    setup: async (page) => {
      await onPart(page, "Things that need someone else's help");
      await press(radio(page, "Does anything need someone else's help?", 'Yes'));
      await addMatter(page, SAFEGUARDING);
      await expect(page.getByRole('alert').filter({ hasText: PHONE_NOW })).toBeVisible();
    },
  },
  {
    name: "things that need someone else's help, a matter not finished", route: '/review/:id/escalations', state: 'error',
    setup: async (page) => {
      await onPart(page, "Things that need someone else's help");
      await press(radio(page, "Does anything need someone else's help?", 'Yes'));
      await press(page.getByRole('button', { name: "Add something that needs someone else's help", exact: true }));
      await press(radio(page, 'Where does it need to go?', 'Somewhere else'));
      await press(radio(page, 'Is there consent to share this?', 'It will be shared without consent because of a risk of harm'));
      await showErrors(page);
    },
  },
  {
    name: 'actions and outcome', route: '/review/:id/outcome', state: 'clean',
    setup: async (page) => onPart(page, 'Actions and outcome'),
  },
  {
    name: 'actions and outcome', route: '/review/:id/outcome', state: 'error',
    setup: async (page) => {
      await onPart(page, 'Actions and outcome');
      await press(page.getByRole('button', { name: 'Add an action', exact: true }));
      await page.getByLabel('Date of the next review').fill(isoDate(-1));
      await showErrors(page);
    },
  },
  {
    name: 'actions and outcome, filled in', route: '/review/:id/outcome', state: 'clean',
    setup: async (page) => onPart(page, 'Actions and outcome', { complete: true }),
  },
  {
    name: 'check the review, parts unfinished', route: '/review/:id/check', state: 'clean',
    setup: async (page) => {
      await completeGettingReady(page);
      await openCheck(page);
      await expect(page.getByRole('heading', { name: 'Finish these first' })).toBeVisible();
    },
  },
  {
    name: 'check the review, complete', route: '/review/:id/check', state: 'clean',
    setup: async (page) => {
      await completeReview(page);
      await openCheck(page);
      await expect(page.getByRole('link', { name: 'Continue to sign off' })).toBeVisible();
    },
  },
  {
    name: 'sign off, the first turn', route: '/review/:id/sign', state: 'clean',
    setup: async (page) => {
      await completeReview(page);
      await openCheck(page);
      await press(page.getByRole('link', { name: 'Continue to sign off' }));
      await expect(turnBanner(page)).toBeVisible();
    },
  },
  {
    name: 'sign off, nothing chosen', route: '/review/:id/sign', state: 'error',
    setup: async (page) => {
      await completeReview(page);
      await openCheck(page);
      await press(page.getByRole('link', { name: 'Continue to sign off' }));
      await press(page.getByRole('button', { name: /^Sign as / }));
      await expect(page.getByRole('alert').filter({ hasText: 'Select whether they agree with the review' })).toBeVisible();
    },
  },
  {
    name: 'sign off, a typed name that does not match', route: '/review/:id/sign', state: 'error',
    setup: async (page) => {
      await onSignOff(page, 'Ayesha Khan');
      await press(radio(page, 'Does Ayesha Khan agree with the review?', 'No, I do not agree'));
      await page.getByLabel('Why do they not agree?').fill('The respite week is too short');
      await press(radio(page, 'How will they sign?', 'Type their name'));
      await page.getByLabel('Type your name').fill('A. Khan');
      await press(page.getByRole('button', { name: 'Sign as Ayesha Khan' }));
      await expect(page.getByRole('alert').filter({ hasText: 'Type the name as it is in the review' })).toBeVisible();
    },
  },
  {
    name: 'sign off, through an advocate', route: '/review/:id/sign', state: 'clean',
    setup: async (page) => {
      await onSignOff(page, 'Joan Khan');
      await press(radio(page, 'Does Joan Khan agree with the review?', 'I agree, with a comment'));
      await press(radio(page, 'How will they sign?', 'Through their advocate or interpreter'));
      await expect(page.getByLabel('How did they show what they think?')).toBeVisible();
    },
  },
  {
    name: 'sign off, the draw pad open', route: '/review/:id/sign', state: 'clean',
    setup: async (page) => {
      await onSignOff(page, 'Tom Khan');
      await press(radio(page, 'Does Tom Khan agree with the review?', 'Yes, I agree'));
      await press(radio(page, 'How will they sign?', 'Draw a mark with a finger'));
      await expect(page.getByRole('img', { name: 'Draw your mark in the box' })).toBeVisible();
    },
  },
  {
    name: "sign off, the worker's turn", route: '/review/:id/sign', state: 'clean',
    setup: async (page) => {
      await onSignOff(page, 'Sam Patel');
      await expect(turnBanner(page)).toContainText('worker, signing last');
    },
  },
  {
    name: 'sign off, signed and locked', route: '/review/:id/sign', state: 'clean',
    setup: async (page) => {
      await lockedReview(page);
      await expect(page.getByRole('status').filter({ hasText: 'The review is signed off' })).toBeVisible();
    },
  },
  {
    name: 'a locked review shows its answers read-only', route: '/review/:id/outcome', state: 'clean',
    setup: async (page) => {
      const id = await lockedReview(page);
      await openPart(page, id, 'Actions and outcome');
      await expect(page.getByText('This review is signed off and locked.')).toBeVisible();
      await expect(page.getByLabel('Why is this the outcome?')).not.toBeEditable();
    },
  },
  {
    name: 'amend this review', route: '/review/:id/amend', state: 'clean',
    setup: async (page) => {
      const id = await lockedReview(page);
      await openReviewPage(page, id, 'amend');
      await expect(heading(page, 'Amend this review')).toBeVisible();
    },
  },
  {
    name: 'amend this review, no reason given', route: '/review/:id/amend', state: 'error',
    setup: async (page) => {
      const id = await lockedReview(page);
      await openReviewPage(page, id, 'amend');
      await press(page.getByRole('button', { name: 'Make a new version' }));
      await expect(page.getByRole('alert').filter({ hasText: 'Enter why the review is being amended' })).toBeVisible();
    },
  },
);

// --- The signed summary's screens --------------------------------------------

/** The records teams' CLI (built by scripts/test before the browser tests). */
export const SUMMARY_CLI = process.env.REVIEW_SUMMARY_BIN
  || `${process.env.CARGO_TARGET_DIR || new URL('../../target', import.meta.url).pathname}/debug/review-summary`;

/** The fixture signed by a fresh CLI key in `dir`, and a team key list holding that key. */
function signedWithList(dir) {
  const path = `${dir}/summary.json`;
  const fixture = new URL('../fixtures/summary-unsigned-v2.json', import.meta.url).pathname;
  const publicKey = `${dir}/public.jwk`;
  writeFileSync(publicKey, execFileSync(SUMMARY_CLI, ['keygen', '--out', `${dir}/key.jwk`]));
  execFileSync(SUMMARY_CLI, ['sign', '--key', `${dir}/key.jwk`, fixture, '--out', path]);
  const list = `${dir}/team.keys`;
  const { kid } = JSON.parse(readFileSync(publicKey, 'utf8'));
  execFileSync(SUMMARY_CLI, ['keys', 'add', '--keys', list, '--name', 'Sam Patel’s tablet', '--fingerprint', kid, publicKey]);
  return { path, list };
}

/** Go to `path`; a device with a PIN opens locked after a load, so unlock it. */
export async function visitUnlocked(page, path, pin = SCREEN_PIN) {
  await page.goto(path);
  const locked = heading(page, 'Review Together is locked');
  const file = page.locator('h1').first();
  await expect(file).toBeVisible();
  if (await locked.count()) {
    await page.getByLabel('Device PIN').fill(pin);
    await press(page.getByRole('button', { name: 'Unlock' }));
    await expect(locked).toHaveCount(0, { timeout: 30_000 });
  }
}

/** Choose a team key list on its page; the list read, waiting to be used. */
async function chooseTeamList(page, list) {
  await visitUnlocked(page, '/settings/team-keys');
  await page.getByLabel('Team key list file').setInputFiles(list);
  await expect(page.getByRole('button', { name: 'Use this list' })).toBeVisible();
}

/** Import a team key list (on a device with no PIN). */
async function importTeamList(page, list) {
  await chooseTeamList(page, list);
  await press(page.getByRole('button', { name: 'Use this list' }));
  await expect(page.getByText('The team key list is now on this device.')).toBeVisible();
}

/** A file for the check screen: `contents`, or the fixture signed by the CLI
 * (with `trusted`, after importing a team key list that holds its key). */
async function chooseSummary(page, contents, { trusted = false } = {}) {
  const dir = mkdtempSync(`${tmpdir()}/summary-screen-`);
  let path = `${dir}/summary.json`;
  if (contents === undefined) {
    const made = signedWithList(dir);
    path = made.path;
    if (trusted) await importTeamList(page, made.list);
  } else {
    writeFileSync(path, contents);
  }
  await page.goto('/check-summary');
  await page.getByLabel('Summary file').setInputFiles(path);
  await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
}

SCREENS.push(
  {
    name: 'check a summary file', route: '/check-summary', state: 'clean',
    setup: async (page) => {
      await page.goto('/check-summary');
      await expect(heading(page, 'Check a summary file')).toBeVisible();
    },
  },
  {
    name: 'check a summary file, signer not checked', route: '/check-summary', state: 'clean',
    setup: async (page) => {
      await chooseSummary(page);
      await expect(page.getByRole('heading', { level: 2, name: 'Signed, but the signer could not be checked', exact: true })).toBeVisible();
    },
  },
  {
    name: 'check a summary file, valid from a listed device', route: '/check-summary', state: 'clean',
    setup: async (page) => {
      await chooseSummary(page, undefined, { trusted: true });
      await expect(page.getByRole('heading', { level: 2, name: 'The summary is valid', exact: true })).toBeVisible();
    },
  },
  {
    name: 'team key list, none yet', route: '/settings/team-keys', state: 'clean',
    setup: async (page) => {
      await page.goto('/settings/team-keys');
      await expect(page.getByText('This device has no team key list yet.')).toBeVisible();
    },
  },
  {
    name: 'team key list, a list read, PIN asked', route: '/settings/team-keys', state: 'clean',
    setup: async (page) => {
      await setDevicePin(page);
      await chooseTeamList(page, signedWithList(mkdtempSync(`${tmpdir()}/team-keys-`)).list);
      await expect(page.getByLabel('Device PIN')).toBeVisible();
    },
  },
  {
    name: 'team key list, a file that is not one', route: '/settings/team-keys', state: 'error',
    setup: async (page) => {
      const path = `${mkdtempSync(`${tmpdir()}/team-keys-`)}/team.keys`;
      writeFileSync(path, '{"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}]}');
      await page.goto('/settings/team-keys');
      await page.getByLabel('Team key list file').setInputFiles(path);
      await expect(page.getByRole('alert')).toContainText('cannot be used as a team key list');
    },
  },
  {
    name: 'team key list, imported', route: '/settings/team-keys', state: 'clean',
    setup: async (page) => {
      await importTeamList(page, signedWithList(mkdtempSync(`${tmpdir()}/team-keys-`)).list);
      await expect(page.getByText('Sam Patel’s tablet', { exact: true })).toBeVisible();
    },
  },
  {
    name: 'check a summary file, not a summary', route: '/check-summary', state: 'error',
    setup: async (page) => chooseSummary(page, '{"hello":"world"}'),
  },
  {
    name: 'signing key, none yet', route: '/settings/key', state: 'clean',
    setup: async (page) => {
      await page.goto('/settings/key');
      await expect(page.getByRole('button', { name: 'Make the signing key now' })).toBeVisible();
    },
  },
  {
    name: 'signing key', route: '/settings/key', state: 'clean',
    setup: async (page) => {
      await page.goto('/settings/key');
      await press(page.getByRole('button', { name: 'Make the signing key now' }));
      await expect(page.getByRole('button', { name: 'Download the public key' })).toBeVisible();
    },
  },
  {
    name: 'signing key, unreadable', route: '/settings/key', state: 'error',
    setup: async (page) => {
      await page.goto('/');
      await page.evaluate(() => localStorage.setItem('review-together/signing-key', 'not a key'));
      await page.goto('/settings/key');
      await expect(page.getByRole('button', { name: 'Make a new key' })).toBeVisible();
    },
  },
);

// --- Display settings (the header's "Display" panel) ----------------------

/** The Display panel (a modal dialog). */
export function displayPanel(page) {
  return page.getByRole('dialog', { name: 'Display' });
}

/** Open the Display panel from the header, if it is not open already. */
export async function openDisplay(page) {
  const panel = displayPanel(page);
  if (await panel.isVisible()) return panel;
  await press(page.getByRole('banner').getByRole('button', { name: 'Display', exact: true }));
  await expect(panel).toBeVisible();
  return panel;
}

/**
 * Choose display settings through the real panel:
 * { textSize: 'Standard' | 'Large' | 'Largest', highContrast, easyRead, lessMovement }
 * (what is not given is left as it is). Leaves the panel as it found it.
 */
export async function setDisplay(page, { textSize, highContrast, easyRead, lessMovement } = {}) {
  const wasOpen = await displayPanel(page).isVisible();
  const panel = await openDisplay(page);
  if (textSize) await radio(panel, 'Text size', textSize).check();
  if (highContrast !== undefined) {
    await radio(panel, 'Colours', highContrast ? 'High contrast: white and yellow on black' : 'Standard colours').check();
  }
  const tick = async (name, on) => {
    if (on === undefined) return;
    const box = checkbox(panel, 'More help', name);
    if (on) await box.check();
    else await box.uncheck();
  };
  await tick('Easy read: short sentences and pictures', easyRead);
  await tick('Less movement on the screen', lessMovement);
  if (!wasOpen) {
    await press(panel.getByRole('button', { name: 'Close', exact: true }));
    await expect(panel).toBeHidden();
  }
}

SCREENS.push(
  {
    name: 'display settings open', route: '/', state: 'dialog',
    setup: async (page) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await openDisplay(page);
    },
  },
  {
    name: 'display settings open over a criterion being rated, easy read on', route: '/review/:id/rate/:cid', state: 'dialog',
    setup: async (page) => {
      await onCriterion(page);
      await setDisplay(page, { easyRead: true });
      await openDisplay(page);
    },
  },
);

// --- Joint use: passing the tablet (src/components/turn.rs) -------------------

/** The tile for `name` on "Who will use the tablet next?". */
export function tabletChoice(page, name) {
  return page.getByRole('link', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) });
}

/**
 * Pass the tablet to `name` from the banner of the screen showing, as the
 * table would: choose them, then they confirm. Ends back on the same screen
 * (its h1 given), with the banner naming them.
 */
export async function passTablet(page, name, screenHeading) {
  await press(page.getByRole('link', { name: 'Pass the tablet', exact: true }));
  await expect(heading(page, 'Who will use the tablet next?')).toBeVisible();
  await press(tabletChoice(page, name));
  await expect(heading(page, `Pass the tablet to ${name}`)).toBeVisible();
  await press(page.getByRole('button', { name: `I am ${name} — continue`, exact: true }));
  await expect(heading(page, screenHeading)).toBeFocused();
  await expect(turnBanner(page)).toContainText(`Now: ${name}`);
}

/** startReviewWithFamily, then "How we will review" open: a screen with the banner. */
async function onProcessWithFamily(page) {
  const id = await startReviewWithFamily(page);
  await openReviewPage(page, id, 'process');
  await expect(turnBanner(page)).toHaveText('Now: Sam Patel, worker');
  return id;
}

SCREENS.push(
  {
    name: 'pass the tablet, choosing who takes it', route: '/review/:id/pass', state: 'clean',
    setup: async (page) => {
      await onProcessWithFamily(page);
      await press(page.getByRole('link', { name: 'Pass the tablet', exact: true }));
      await expect(heading(page, 'Who will use the tablet next?')).toBeVisible();
    },
  },
  {
    name: 'pass the tablet, the hand-over', route: '/review/:id/pass', state: 'clean',
    setup: async (page) => {
      await onProcessWithFamily(page);
      await press(page.getByRole('link', { name: 'Pass the tablet', exact: true }));
      await press(tabletChoice(page, 'Ayesha Khan'));
      await expect(heading(page, 'Pass the tablet to Ayesha Khan')).toBeVisible();
    },
  },
  {
    name: 'pass the tablet, to someone not in the room', route: '/review/:id/pass', state: 'error',
    setup: async (page) => {
      const id = await startReviewWithFamily(page);
      await page.goto(`/review/${id}/pass?from=process&to=nobody`);
      await expect(heading(page, 'This person cannot take the tablet')).toBeVisible();
    },
  },
);

// --- Drafts that are never lost (issue 8) -----------------------------------

/** The header's save status: a polite live region ("Saving…", "Saved on this device", "Not saved: …"). */
export function saveStatus(page) {
  return page.getByRole('banner').getByRole('status');
}

/** The stored text of a review, exactly as the device keeps it (null when there is none). */
export async function storedReview(page, id) {
  return page.evaluate((key) => localStorage.getItem(key), `review-together/review/${id}`);
}

/**
 * Fill this origin's localStorage until the browser throws QuotaExceededError
 * for even one more character (big pieces first, then ever smaller ones).
 * Returns how many filler items it took; emptyStorageFiller() removes them.
 */
export async function fillStorage(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      const piece = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler/${n}`, piece);
          n += 1;
        } catch (e) {
          if (e.name !== 'QuotaExceededError') throw e;
          break;
        }
      }
    }
    return n;
  });
}

/** Remove what fillStorage() put in. */
export async function emptyStorageFiller(page) {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler/')) localStorage.removeItem(key);
  });
}

/** The banner of a tab that only reads a review another tab is changing. */
export function readOnlyBanner(page) {
  return page.getByRole('region', { name: 'Read only in this tab' });
}

/** The warning shown while the review's latest changes are not stored. */
export function notSavedBanner(page) {
  return page.getByRole('region', { name: 'Not saved on this device' });
}

/** Carer Ayesha's details page, with the review open in a second tab (page) of the same context. */
async function ayeshaInTwoTabs(page) {
  await startReviewWithFamily(page);
  await changePerson(page, 'Ayesha Khan');
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(readOnlyBanner(other)).toBeVisible();
  return other;
}

SCREENS.push(
  {
    name: 'a review open for changes in another tab', route: '/review/:id/who/:pid', state: 'clean',
    setup: async (page) => {
      // The first tab keeps the review; `page` (the one checked) opens it second.
      const first = await page.context().newPage();
      await startReviewWithFamily(first);
      await changePerson(first, 'Ayesha Khan');
      await page.goto(first.url());
      await expect(readOnlyBanner(page)).toContainText('open in another tab or window');
    },
  },
  {
    name: 'a review taken over by another tab', route: '/review/:id/who/:pid', state: 'clean',
    setup: async (page) => {
      const other = await ayeshaInTwoTabs(page);
      await press(other.getByRole('button', { name: 'Edit here instead' }));
      await expect(readOnlyBanner(page)).toContainText('now being changed in another tab or window');
    },
  },
  {
    name: 'storage full: not saved, with the review to download', route: '/review/:id/who/:pid', state: 'error',
    setup: async (page) => {
      await startReviewWithFamily(page);
      await changePerson(page, 'Ayesha Khan');
      await fillStorage(page);
      await page.getByLabel('Relationship to the person being cared for').fill('Daughter, and she lives next door');
      await expect(notSavedBanner(page)).toBeVisible();
    },
  },
);

// --- Privacy: the device PIN, the lock screen, removing all data --------------

const SCREEN_PIN = '482913';

/** Set the device PIN through the PIN page (no review needed). */
export async function setDevicePin(page, pin = SCREEN_PIN) {
  await page.goto('/settings/pin');
  await page.getByLabel('New PIN (at least 6 numbers)').fill(pin);
  await page.getByLabel('Enter the PIN again').fill(pin);
  await press(page.getByRole('button', { name: 'Set the PIN' }));
  await expect(page.getByText(/^The PIN is set\./)).toBeVisible({ timeout: 30_000 });
}

/** A device with a PIN, reloaded: the lock screen. */
async function lockScreen(page) {
  await setDevicePin(page);
  await page.reload();
  await expect(heading(page, 'Review Together is locked')).toBeVisible();
}

SCREENS.push(
  {
    name: 'device PIN, none set', route: '/settings/pin', state: 'clean',
    setup: async (page) => {
      await page.goto('/settings/pin');
      await expect(page.getByRole('button', { name: 'Set the PIN' })).toBeVisible();
    },
  },
  {
    name: 'device PIN, two different PINs', route: '/settings/pin', state: 'error',
    setup: async (page) => {
      await page.goto('/settings/pin');
      await page.getByLabel('New PIN (at least 6 numbers)').fill('123456');
      await page.getByLabel('Enter the PIN again').fill('123465');
      await press(page.getByRole('button', { name: 'Set the PIN' }));
      await expect(errorSummary(page)).toBeVisible();
    },
  },
  {
    name: 'device PIN set, locking choices', route: '/settings/pin', state: 'clean',
    setup: async (page) => setDevicePin(page),
  },
  {
    name: 'remove all data', route: '/settings/remove-all', state: 'clean',
    setup: async (page) => {
      await page.goto('/settings/remove-all');
      await expect(page.getByRole('button', { name: 'Remove all data' })).toBeVisible();
    },
  },
  {
    name: 'locked with the device PIN', route: '/', state: 'clean',
    setup: lockScreen,
  },
  {
    name: 'locked, a wrong PIN', route: '/', state: 'error',
    setup: async (page) => {
      await lockScreen(page);
      await page.getByLabel('Device PIN').fill('000000');
      await press(page.getByRole('button', { name: 'Unlock' }));
      await expect(page.getByRole('alert')).toContainText('That PIN is not right');
    },
  },
  {
    name: 'locked, forgotten PIN', route: '/', state: 'clean',
    setup: async (page) => {
      await lockScreen(page);
      await press(page.getByRole('button', { name: 'I have forgotten the PIN' }));
      await expect(page.getByRole('button', { name: 'Keep the data' })).toBeVisible();
    },
  },
);

// --- Backups ----------------------------------------------------------------

/** Choose `contents` as a backup file on "Open a backup". */
async function chooseBackup(page, contents) {
  const dir = mkdtempSync(`${tmpdir()}/backup-screen-`);
  writeFileSync(`${dir}/backup.json`, contents);
  await page.goto('/open-backup');
  await page.getByLabel('Backup file').setInputFiles(`${dir}/backup.json`);
}

SCREENS.push(
  {
    name: 'open a backup', route: '/open-backup', state: 'clean',
    setup: async (page) => {
      await page.goto('/open-backup');
      await expect(page.getByLabel('Backup file')).toBeVisible();
    },
  },
  {
    name: 'open a backup, not a backup', route: '/open-backup', state: 'error',
    setup: async (page) => {
      await chooseBackup(page, 'my notes');
      await expect(page.getByRole('alert')).toBeVisible();
    },
  },
  {
    name: 'open a backup, locked with a PIN', route: '/open-backup', state: 'clean',
    setup: async (page) => {
      await chooseBackup(page, JSON.stringify({
        format: 'review-together/backup', version: 1, createdAt: '2026-11-25T10:00:00+00:00',
        sealed: { salt: 'AAAAAAAAAAAAAAAAAAAAAA', iterations: 600000, data: 'rt-sealed-v1:AAAAAAAAAAAAAAAA.AAAA' },
      }));
      await expect(page.getByLabel('PIN of the device the backup was made on')).toBeVisible();
    },
  },
);
