// Never lost, by brute force: in one browser context, type into random fields
// of the review's screens, then reload the page, close it (a new page opens),
// or crash its renderer (CDP Page.crash, then a new page). Time is Playwright's
// fake clock, paused and moved on by hand, so "within 300 ms" is exact:
//   after a reload or a close, everything typed is there;
//   after a crash, everything typed before the last 300 ms of fake time is there
//   (what came later may or may not be).
//
// The test run does 40 cycles with a fixed seed: short, and the same every
// time. The long random run (about 4 minutes here) is for a benchmark or a
// search for bugs:
//   DRAFT_CYCLES=200 DRAFT_SEED=random npx playwright test specs/drafts-cycles.spec.js
// DRAFT_CYCLES: how many cycles (default 40). DRAFT_SEED: a number, or
// "random" for a new one each run (default 20261125). The seed is printed,
// and kept as an annotation of the test: DRAFT_SEED=<it> replays a run.
import { test, expect, startReviewWithFamily } from '../helpers.js';

const CYCLES = Number(process.env.DRAFT_CYCLES || 40);
const SEED = process.env.DRAFT_SEED === 'random'
  ? Math.floor(Math.random() * 2 ** 32) >>> 0
  : Number(process.env.DRAFT_SEED || 20261125) >>> 0;
const DEBOUNCE = 300;

/** mulberry32: a small seeded generator, good enough to pick cases. */
function generator(seed) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (n) => Math.floor(next() * n);
  return { int, pick: (items) => items[int(items.length)] };
}

const WORDS = [
  'tea', 'Tuesday', 'respite', 'sitter', 'Urdu', 'Ayesha', 'Joan', 'neighbour', 'daughter', 'GP', 'bus',
  'large print', 'quiet room', 'breaks', 'Willow House', 'café', 'Zoë', 'naïve', '9am', 'records team',
];

/** Every screen typed into, with its text fields (`key` names a field across the run). */
function screensOf(ids) {
  return [
    {
      path: `who/${ids.carer}`,
      fields: [
        { key: 'carer name', label: 'Name', exact: true },
        { key: 'carer relationship', label: 'Relationship to the person being cared for' },
      ],
    },
    { path: `who/${ids.individual}`, fields: [{ key: 'individual name', label: 'Name', exact: true }] },
    {
      path: `taking-part/${ids.carer}`,
      fields: [
        { key: 'carer language', label: 'Preferred language' },
        { key: 'carer adjustments', label: 'Other adjustments made (optional)' },
      ],
    },
    {
      path: `taking-part/${ids.individual}`,
      fields: [
        { key: 'individual language', label: 'Preferred language' },
        { key: 'individual adjustments', label: 'Other adjustments made (optional)' },
      ],
    },
    { path: 'process/sharing', fields: [{ key: 'recipients', label: 'Anything more about copies (optional)' }] },
  ];
}

test.use({ viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });

test(`${CYCLES} cycles of typing, then a reload, a close or a crash, lose nothing`, async ({ page, context }, info) => {
  console.log(`drafts-cycles: seed ${SEED} (DRAFT_SEED=${SEED} DRAFT_CYCLES=${CYCLES} to replay)`);
  info.annotations.push({ type: 'seed', description: String(SEED) });
  test.setTimeout(120_000 + CYCLES * 5_000);
  const rnd = generator(SEED);
  const problems = [];
  const watch = (p) => {
    p.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };

  // Set up through the app itself, with time running; then time stands still.
  await context.clock.install({ time: new Date('2026-11-25T09:00:00Z') });
  const id = await startReviewWithFamily(page);
  const pid = async (name) => (await page.getByRole('link', { name: `Change details of ${name}`, exact: true })
    .getAttribute('href')).split('/').pop();
  const ids = { carer: await pid('Ayesha Khan'), individual: await pid('Joan Khan') };
  const screens = screensOf(ids);
  await context.clock.pauseAt(new Date('2026-11-25T10:00:00Z'));
  let now = 0; // fake milliseconds since the pause

  // What each field should hold; known once it has been seen or typed.
  const expected = {};
  const field = (p, f) => p.getByLabel(f.label, { exact: !!f.exact });
  const ready = async (p, screen) => {
    await expect(field(p, screen.fields[0])).toBeEditable();
    for (const f of screen.fields) {
      if (expected[f.key] === undefined) expected[f.key] = await field(p, f).inputValue();
    }
  };
  const open = async (p, screen) => {
    await p.goto(`/review/${id}/${screen.path}`);
    await ready(p, screen);
  };
  // Another screen of the open review, as the router's back and forward do
  // it (no page load: the page loads only when a cycle reloads, closes or
  // crashes). By way of the task list, as a person would go: the pages of
  // one person read their id once, so they are never swapped in place.
  const move = async (p, screen) => {
    for (const path of [`/review/${id}`, `/review/${id}/${screen.path}`]) {
      await p.evaluate((to) => {
        window.history.pushState(null, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, path);
    }
    await ready(p, screen);
  };
  const check = async (p, screen, label) => {
    for (const f of screen.fields) {
      await expect(field(p, f), `${label}: ${f.key} (seed ${SEED})`).toHaveValue(expected[f.key], { timeout: 5_000 });
    }
  };

  let screen = rnd.pick(screens);
  await open(page, screen);
  const counts = { reload: 0, close: 0, crash: 0 };
  const started = Date.now();

  for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
    const label = `cycle ${cycle}`;
    if (rnd.int(2) === 0) {
      screen = rnd.pick(screens);
      await move(page, screen);
      await check(page, screen, `${label} (moved)`);
    }

    // Type 1–3 times, with fake time moving on between (sometimes past the debounce).
    const typed = [];
    for (let n = 1 + rnd.int(3); n > 0; n -= 1) {
      const f = rnd.pick(screen.fields);
      const words = Array.from({ length: 1 + rnd.int(4) }, () => rnd.pick(WORDS));
      const value = `${words.join(' ')} ${cycle}.${n}`;
      await field(page, f).fill(value);
      typed.push({ key: f.key, value, at: now });
      const wait = rnd.pick([0, 0, 50, 120, 299, 300, 301, 450]);
      if (wait) {
        await context.clock.runFor(wait);
        now += wait;
      }
    }
    const before = { ...expected };
    for (const t of typed) expected[t.key] = t.value;

    const action = rnd.pick(['reload', 'close', 'crash']);
    counts[action] += 1;
    if (action === 'reload') {
      await page.reload();
    } else {
      // A close or a crash: the tablet opens the same page again in a new tab.
      if (action === 'close') {
        await page.close();
      } else {
        const cdp = await context.newCDPSession(page);
        const crashed = page.waitForEvent('crash');
        // Page.crash never answers: the renderer is gone.
        cdp.send('Page.crash').catch(() => {});
        await crashed;
        await page.close();
      }
      page = await context.newPage();
      watch(page);
      await page.goto(`/review/${id}/${screen.path}`);
    }
    await expect(field(page, screen.fields[0])).toBeEditable();

    if (action === 'crash') {
      // Typed up to 300 ms before the crash: stored. Later: either.
      const settled = now - DEBOUNCE;
      for (const f of screen.fields) {
        const mine = typed.filter((t) => t.key === f.key);
        const sure = mine.filter((t) => t.at <= settled).at(-1)?.value ?? before[f.key];
        const maybe = mine.filter((t) => t.at > settled).map((t) => t.value);
        const actual = await field(page, f).inputValue();
        expect([sure, ...maybe], `${label} (crash): ${f.key} (seed ${SEED})`).toContain(actual);
        expected[f.key] = actual;
      }
    }
    await check(page, screen, `${label} (${action})`);
  }

  // Everything, everywhere, once more at the end.
  for (const s of screens) {
    await open(page, s);
    await check(page, s, 'at the end');
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`drafts-cycles: ${CYCLES} cycles (${counts.reload} reloads, ${counts.close} closes, ${counts.crash} crashes) in ${seconds} s, seed ${SEED}`);
  expect(problems).toEqual([]);
});
