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
