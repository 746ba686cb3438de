// Every screen and state in the registry (screens.js SCREENS), set up once and
// then checked every way, each check a step that names it:
//   axe-core (WCAG 2.0/2.1/2.2 A and AA, plus enhanced contrast) and 48 px
//   touch targets, on a 1024×768 tablet;
//   easy read, high contrast and the largest text, each with axe;
//   all three together, with no sideways scrolling at 320×640 (portrait) and
//   640×320 (a landscape phone);
//   on the meeting's screens, in easy read: every question with its short
//   words, a symbol and Read aloud, and every answer with its symbol.
// A last test keeps the registry honest: every route of the router must have
// an entry. (The Display panel itself is driven in display.spec.js.)
import { readdirSync } from 'node:fs';
import { test, expect, expectNoAxeViolations, smallTargets } from '../fixture.js';
import { SCREENS, SET_UP_IN_EACH_LANGUAGE } from '../screens.js';
import { uncatalogued } from '../pseudo.js';
import { routesOfApp } from '../routes.js';
import { englishLeft, speak } from '../speaking.js';

// Issue 30: every state again in Welsh and in Urdu, axe clean, right to left
// for Urdu, and none of our English messages left on screen. (The
// pseudo-locale test in languages.spec.js shows every word comes from the
// catalogue; the catalogue test that every message is in both files.)
const DISPLAY_KEY = 'review-together/display';
const LANGUAGES = ['cy', 'ur'].map((tag) => ({
  tag, dir: tag === 'ur' ? 'rtl' : 'ltr', name: tag === 'ur' ? 'Urdu' : 'Welsh',
}));

/** The shape of the screen, words aside: what a reload must bring back. */
function shapeOf(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const open = document.querySelector('dialog[open]');
    const parts = [...(open && !main.contains(open) ? [open] : []), ...main.querySelectorAll(
      'input, select, textarea, details, dialog, button, a[href], h1, h2, h3, [role=alert], [role=status]',
    )];
    return parts.filter((el) => el.checkVisibility()).map((el) => {
      const tag = el.tagName.toLowerCase();
      const value = ['input', 'select', 'textarea'].includes(tag) ? el.value : '';
      return [tag, el.type || '', el.checked ? 'checked' : '', el.open ? 'open' : '', value, el.getAttribute('href') || ''].join(' ');
    });
  });
}

/**
 * Reload the screen of `screen` into the language `tag`, with the display
 * settings its set-up left (`kept`), at 1024×768; it must be the same state.
 */
async function reloadIn(page, screen, kept, tag, dir) {
  await page.setViewportSize({ width: 1024, height: 768 });
  const at = new URL(page.url()).pathname;
  await page.evaluate(([key, stored, tag]) => {
    const envelope = stored ? JSON.parse(stored) : { version: 1, kind: 'display', data: {} };
    envelope.data = { ...envelope.data, language: tag };
    localStorage.setItem(key, JSON.stringify(envelope));
  }, [DISPLAY_KEY, kept.display, tag]);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', tag);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
  await expect(page.locator('main, [role=main]').first()).toBeVisible();
  expect(new URL(page.url()).pathname, 'the same screen').toBe(at);
  await expect.poll(() => shapeOf(page), {
    message: `${label(screen)}: a reload does not keep this state; name it in SET_UP_IN_EACH_LANGUAGE (screens.js)`,
  }).toEqual(kept.shape);
}

// Our symbols: one meaning each (review_core::easy::Sym, whose tests match
// it to this folder).
const SYMBOL_FILES = readdirSync(new URL('../../../public/symbols/', import.meta.url)).filter((f) => f.endsWith('.svg'));

test.use({ viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });

const label = (s) => `${s.name} (${s.state})`;

// To keep this cheap the display modes are switched by clicking the panel's
// own inputs from the page (the same change handlers as a tap, without
// opening and closing the panel each time); display.spec.js drives the panel.
async function switchDisplay(page, wanted) {
  const classes = await page.evaluate(async (wanted) => {
    const panel = document.querySelector('dialog[aria-labelledby="display-title"]');
    const input = (text) => [...panel.querySelectorAll('input')]
      .find((i) => [...i.labels].some((l) => l.textContent.trim() === text));
    const choose = (text, on = true) => {
      const el = input(text);
      if (!el) throw new Error(`no "${text}" in the Display panel`);
      if (el.checked !== on) el.click();
    };
    if (wanted.textSize) choose(wanted.textSize);
    if (wanted.highContrast !== undefined) {
      choose(wanted.highContrast ? 'High contrast: white and yellow on black' : 'Standard colours');
    }
    if (wanted.easyRead !== undefined) choose('Easy read: short sentences and pictures', wanted.easyRead);
    // The app updates the page after the event: let it.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return [...document.documentElement.classList].sort();
  }, wanted);
  return classes;
}

const MODES = [
  ['easy read', { easyRead: true }, ['app-easy-read']],
  ['high contrast', { easyRead: false, highContrast: true }, ['app-theme-high-contrast']],
  ['largest text', { highContrast: false, textSize: 'Largest' }, ['app-text-largest']],
];
const SIZES = [{ width: 320, height: 640 }, { width: 640, height: 320 }];

/**
 * Issue 31: in easy read, every question on the screen (a fieldset's legend,
 * a text field's or list's label) shows its short words beside a symbol and
 * has Read aloud; every answer (radio, checkbox) shows a symbol beside its
 * words; every symbol is one of ours, loaded; the answers of one question
 * have different symbols (people aside: each is "a person", named beside it).
 */
async function easyReadProblems(page, symbolFiles) {
  return page.evaluate(async (symbolFiles) => {
    const main = document.querySelector('main');
    if (!main) return [];
    // The pictures load after the words: wait for them (a broken one is
    // reported below as not loaded).
    await Promise.all([...main.querySelectorAll('img')].map((img) => img.decode().catch(() => {})));
    const problems = [];
    const shown = (el) => el.checkVisibility();
    const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    const symbolOf = (img, where) => {
      const file = decodeURIComponent(new URL(img.src).pathname.split('/').pop());
      if (!symbolFiles.includes(file)) problems.push(`${where}: "${file}" is not one of our symbols`);
      else if (!img.complete || !img.naturalWidth) return 'loading';
      return file;
    };
    const fields = 'input:not([type=radio]):not([type=checkbox]):not([type=file]):not([type=hidden]), textarea, select';
    // A question asks for an answer: a fieldset of answers to pick (not one
    // that only groups other questions, like "Risk 1"), or a field.
    const ownChoices = (fieldset) => [...fieldset.querySelectorAll('input[type=radio], input[type=checkbox]')]
      .some((i) => i.closest('fieldset') === fieldset);
    const questions = [
      ...[...main.querySelectorAll('fieldset > legend')].filter((l) => ownChoices(l.parentElement)),
      ...[...main.querySelectorAll('label[for]')].filter((l) => document.getElementById(l.htmlFor)?.matches(fields)),
    ].filter(shown);
    for (const q of questions) {
      const words = q.querySelector('.app-easy .app-easy__words');
      const img = q.querySelector('.app-easy img.app-symbol');
      if (!words || !text(words) || !img) {
        problems.push(`question "${text(q)}" has no easy read with a symbol`);
        continue;
      }
      if (symbolOf(img, `question "${text(q)}"`) === 'loading') problems.push(`question "${text(q)}": its symbol has not loaded`);
      if (!q.parentElement.querySelector(':scope > .app-read-aloud button')) problems.push(`question "${text(q)}" has no Read aloud`);
    }
    for (const fieldset of main.querySelectorAll('fieldset')) {
      const seen = new Map();
      for (const input of fieldset.querySelectorAll('input[type=radio], input[type=checkbox]')) {
        if (input.closest('fieldset') !== fieldset) continue; // a question inside this one
        const label = input.labels?.[0];
        if (!label || !shown(label)) continue;
        const img = label.querySelector('img.app-symbol');
        const face = label.querySelector('svg.app-rating__symbol');
        if (!text(label)) problems.push(`an answer with no words in "${text(fieldset.querySelector('legend'))}"`);
        // A language named in itself ("Cymraeg", "اردو") is found by its
        // own words, which no picture stands for (a flag is a country).
        if (!img && !face && label.lang) continue;
        if (!img && !face) {
          problems.push(`answer "${text(label)}" has no symbol`);
          continue;
        }
        const file = img ? symbolOf(img, `answer "${text(label)}"`) : `face ${text(label)}`;
        if (file === 'loading') problems.push(`answer "${text(label)}": its symbol has not loaded`);
        if (file !== 'person.svg' && seen.has(file)) problems.push(`answers "${seen.get(file)}" and "${text(label)}" share ${file}`);
        seen.set(file, text(label));
      }
    }
    return problems;
  }, symbolFiles);
}

async function sidewaysScroll(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // Name the widest things, to say what to fix.
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent || '').trim().slice(0, 40)}"`);
    return `${root.scrollWidth} > ${root.clientWidth}: ${wide.join(' | ')}`;
  });
}

// Issue 25, point 5: one error pattern on every part of the meeting. Where
// someone asked to go on and answers are missing or wrong, an error summary
// at the top lists every problem, each a link to a field that exists and is
// itself marked with its message. The error screens of a review's pages that
// are not answers to put right are named here, with why.
const PART_PAGE = /^\/review\/:id\/(who|taking-part|process|criteria|ready|rate|services|cover|escalations|outcome|sign|amend)(\/|$)/;
const NOT_ANSWERS = {
  'person details, the person cared for cannot be removed': 'a refusal of Remove, said where Remove was pressed',
  'person details, person not in the review': 'no such person: nothing to put right',
  'person support, person not in the review': 'no such person: nothing to put right',
  'rate one criterion, not in the review': 'no such criterion: nothing to put right',
  'storage full: not saved, with the review to download': 'the device, not an answer',
  "sign off, the worker's turn with the clock in doubt": 'a question about the clock, not an answer',
};

// Issue 23, point 2: every screen of an open review has the Pause button.
// These review addresses open no review, so there is nothing to pause.
const NO_REVIEW_OPEN = {
  'review not found': 'no such review',
  'review cannot be opened': 'a review this version cannot read: only its download is offered',
};

// Issue 26, point 1: the people in the room read plain words. The standard's
// codes ("P17", "revision 7") are for the worker and the records, so no
// participant-facing screen shows them, in visible text or in an accessible
// name; each part keeps them in a folded "About this part" note for the
// worker. The screens treated as the worker's or the records team's own:
const WORKER_ONLY = {
  // None yet: every screen of the registry is read in the room.
};
const CODE = /\bP([1-9]|1[0-9]|2[0-3])\b|\brevision \d/i;

// Issue 26, point 2: short pages. At 1024×768 a part's page, its cards
// folded, is at most three screens tall, and its first question's control
// ends on the first screen. Held to it: each part's page as it opens, and
// with its lists filled in and folded. (A page with a card opened to be
// filled in is as long as that card; tools/heights.mjs prints every
// screen's height and where its first control ends.)
const SCREEN_HEIGHT = 768;
const SHORT_PAGES = [
  'who is here, everyone added', 'person details', 'help to take part', 'person support',
  'how we will review', 'keeping things private', 'what we will look at', 'ready to start, with needs',
  'how it is going, everything rated', 'services and support, cards closed', 'cover, cards closed',
  "things that need someone else's help, cards closed", 'actions and outcome, filled in',
  'the outcome, filled in', 'what everyone thinks of the outcome, filled in',
  'what we will look at, agreed criteria folded to one line', 'rate one criterion',
];
// Where the first question comes later than the first screen, on purpose:
const FIRST_QUESTION_LATER = {
  "things that need someone else's help, cards closed": 'an urgent safeguarding matter is said before anything else on its page',
  'what we will look at, agreed criteria folded to one line': 'what is already chosen comes first, each folded to one line with its Change button on the first screen; the search of our list follows',
};

async function standardCodes(page) {
  return page.evaluate((source) => {
    const code = new RegExp(source, 'i');
    const found = [];
    const visible = (el) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    // Visible text, line by line (folded details are not rendered, so not read).
    // Also the small slips of joined-up text: ".," after a name, " :" before a colon.
    const slip = /\.,|\s:(\s|$)/;
    // A key's fingerprint (43 base64url characters in groups of four) is
    // random, and may hold "-P3" by chance: it is not words, so not read.
    const fingerprint = /(?:[A-Za-z0-9_-]{4} ){10}[A-Za-z0-9_-]{3}/g;
    for (const line of document.body.innerText.split('\n')) {
      if (code.test(line.replace(fingerprint, ''))) found.push(`text: "${line.trim().slice(0, 80)}"`);
      if (slip.test(line)) found.push(`slip: "${line.trim().slice(0, 80)}"`);
    }
    // Names given other than by visible text.
    for (const el of document.querySelectorAll('[aria-label], [title], img[alt], [aria-description]')) {
      if (!visible(el)) continue;
      for (const attr of ['aria-label', 'title', 'alt', 'aria-description']) {
        const value = el.getAttribute(attr);
        if (value && code.test(value)) found.push(`${attr}: "${value.slice(0, 80)}"`);
      }
    }
    // Links' and buttons' names as a screen reader reads them out.
    for (const el of document.querySelectorAll('a[href], button')) {
      if (!visible(el)) continue;
      const name = el.textContent.replace(/\s+/g, ' ').trim();
      if (slip.test(name)) found.push(`name: "${name.slice(0, 80)}"`);
    }
    return found;
  }, CODE.source);
}

async function errorPattern(page) {
  return page.evaluate(() => {
    const summary = [...document.querySelectorAll('.app-error-summary')].find((s) => s.offsetParent !== null);
    if (!summary) return ['no error summary'];
    const problems = [];
    const links = [...summary.querySelectorAll('a[href^="#"]')];
    if (!links.length) problems.push('the summary links to nothing');
    for (const link of links) {
      const id = decodeURIComponent(link.getAttribute('href').slice(1));
      const field = document.getElementById(id);
      if (!field) {
        problems.push(`"${link.textContent.trim()}" links to #${id}, which is not on the page`);
        continue;
      }
      // Its own message: in its form group, card or row, or (for a heading
      // over a list) straight under it.
      const group = field.closest('.app-form-group, .app-card, .app-summary-list__row');
      const message = group
        ? group.querySelector('.app-error-message')
        : field.nextElementSibling?.matches('.app-error-message') && field.nextElementSibling;
      if (!message) problems.push(`#${id} ("${link.textContent.trim()}") shows no message of its own`);
    }
    return problems;
  });
}

for (const screen of SCREENS) {
  test(`screen: ${label(screen)}`, async ({ page }) => {
    await test.step('set up', () => screen.setup(page));
    // What a reload into Welsh and Urdu must bring back (see below).
    const kept = screen.state === 'clean' && !SET_UP_IN_EACH_LANGUAGE.has(screen.name)
      ? { display: await page.evaluate((key) => localStorage.getItem(key), DISPLAY_KEY), shape: await shapeOf(page) }
      : null;
    if (screen.route.startsWith('/review/:id') && !NO_REVIEW_OPEN[screen.name]) {
      await test.step('the Pause button is on the screen', async () => {
        await expect(page.locator('#pause-the-review'), label(screen)).toHaveCount(1);
        await expect(page.locator('#pause-the-review')).toHaveText('Pause the review');
      });
    }
    if (screen.state === 'clean') {
      // Issue 26, point 2: how tall each screen is, printed by tools/heights.mjs.
      const { height, firstQuestion } = await page.evaluate(() => {
        const main = document.querySelector('main') ?? document.body;
        // The first question: its first control after the page's heading.
        const h1 = main.querySelector('h1');
        const control = [...main.querySelectorAll('input, select, textarea')]
          .find((el) => el.checkVisibility() && (!h1 || (h1.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)));
        const top = control ? control.getBoundingClientRect().bottom + window.scrollY : null;
        return { height: document.documentElement.scrollHeight, firstQuestion: top };
      });
      test.info().annotations.push({ type: 'height at 1024×768', description: String(height) });
      if (firstQuestion !== null) test.info().annotations.push({ type: 'first control ends at', description: String(Math.round(firstQuestion)) });
      if (SHORT_PAGES.includes(screen.name)) {
        await test.step('a short page: at most three screens tall, its first question on the first screen', () => {
          expect(height, `${label(screen)}: height`).toBeLessThanOrEqual(3 * SCREEN_HEIGHT);
          if (firstQuestion !== null && !FIRST_QUESTION_LATER[screen.name]) {
            expect(firstQuestion, `${label(screen)}: first control`).toBeLessThanOrEqual(SCREEN_HEIGHT);
          }
        });
      }
    }
    if (!WORKER_ONLY[screen.name]) {
      await test.step('plain words: no code of the standard on a screen people read in the room, and no slip like ".,"', async () => {
        expect(await standardCodes(page), label(screen)).toEqual([]);
      });
    }
    if (screen.state === 'error' && PART_PAGE.test(screen.route) && !NOT_ANSWERS[screen.name]) {
      await test.step('the error pattern: a summary of every problem, each linked to its marked field', async () => {
        expect(await errorPattern(page), label(screen)).toEqual([]);
      });
    }
    await test.step('axe', () => expectNoAxeViolations(page, label(screen)));
    await test.step('touch targets are at least 48×48', async () => {
      const offenders = await smallTargets(page, 48);
      if (offenders.length) console.log(`Small targets on ${label(screen)}:\n  ${offenders.join('\n  ')}`);
      expect(offenders, `targets smaller than 48×48 on ${label(screen)}`).toEqual([]);
    });
    for (const [mode, settings, classes] of MODES) {
      await test.step(`display mode: ${mode}, axe`, async () => {
        expect(await switchDisplay(page, settings), mode).toEqual(classes);
        await expectNoAxeViolations(page, `${label(screen)} in ${mode}`);
      });
    }
    await test.step('display modes together: easy read, high contrast, largest text', async () => {
      expect(await switchDisplay(page, { easyRead: true, highContrast: true }))
        .toEqual(['app-easy-read', 'app-text-largest', 'app-theme-high-contrast']);
    });
    if (screen.route.startsWith('/review/:id')) {
      await test.step('easy read: every question with its short words, a symbol and Read aloud; every answer with a symbol', async () => {
        expect(await easyReadProblems(page, SYMBOL_FILES), label(screen)).toEqual([]);
      });
    }
    for (const size of SIZES) {
      await test.step(`no sideways scrolling at ${size.width}×${size.height}, largest text`, async () => {
        await page.setViewportSize(size);
        expect(await sidewaysScroll(page), `${label(screen)} at ${size.width}×${size.height}, largest text`).toBeNull();
      });
    }
    if (kept) {
      for (const lang of LANGUAGES) {
        await test.step(`in ${lang.name}, after a reload: the same state, axe, ${lang.dir}, none of our English left`, async () => {
          await reloadIn(page, screen, kept, lang.tag, lang.dir);
          await expectNoAxeViolations(page, `${label(screen)} in ${lang.name}`);
          expect(await englishLeft(page, lang.tag), `${label(screen)} in ${lang.name}`).toEqual([]);
        });
      }
      // Last: the check turns the page's words into the pseudo-locale's longer ones.
      await test.step('in the pseudo-locale, after a reload: the same state, every word from the catalogue, nothing overflowing', async () => {
        await reloadIn(page, screen, kept, 'en-XA', 'ltr');
        await page.evaluate(() => document.fonts.ready);
        expect(await uncatalogued(page), `${label(screen)} in the pseudo-locale`).toEqual([]);
      });
    }
  });
}

// Issue 30: each error and dialog state, and each clean state a reload does
// not keep, in Welsh and in Urdu. A reload would clear what the state shows
// (a message, an open panel), so the state is set up again with the tablet
// in that language from the start: its drivers'
// English words are looked for in the language (speaking.js), and the page
// they leave must be in it: axe clean, in its direction, none of our English.
// (The other clean states are checked in each language by a reload, above;
// the display modes and reflow of each state are checked in English.)
for (const screen of SCREENS.filter((s) => s.state !== 'clean' || SET_UP_IN_EACH_LANGUAGE.has(s.name))) {
  for (const lang of LANGUAGES) {
    test(`screen in ${lang.name}: ${label(screen)}`, async ({ page }) => {
      // Before every page the app starts on: the tablet set to the language
      // (the staged states put back the device's storage without it).
      await page.addInitScript(([key, tag]) => {
        let envelope = { version: 1, kind: 'display', data: {} };
        const stored = localStorage.getItem(key);
        if (stored !== null) {
          try {
            envelope = JSON.parse(stored);
          } catch {
            return; // the app's own handling of a damaged value is what a state may show
          }
          if (!envelope || envelope.kind !== 'display' || typeof envelope.data !== 'object') return;
        }
        if (envelope.data.language === tag) return;
        envelope.data = { ...envelope.data, language: tag };
        localStorage.setItem(key, JSON.stringify(envelope));
      }, [DISPLAY_KEY, lang.tag]);
      speak(page, lang.tag, { checkEachScreen: false });
      await test.step('set up, in the language', () => screen.setup(page));
      await test.step(`axe, ${lang.dir}, none of our English left`, async () => {
        await expect(page.locator('html')).toHaveAttribute('lang', lang.tag);
        await expect(page.locator('html')).toHaveAttribute('dir', lang.dir);
        await expectNoAxeViolations(page, `${label(screen)} in ${lang.name}`);
        expect(await englishLeft(page, lang.tag), `${label(screen)} in ${lang.name}`).toEqual([]);
      });
      // SCREENSHOTS=<folder>: a picture of each, to look at for mirroring and clipping.
      if (process.env.SCREENSHOTS) {
        await page.screenshot({ path: `${process.env.SCREENSHOTS}/${lang.tag}-${label(screen).replace(/[^\p{L}\p{N}]+/gu, '-')}.png` });
      }
    });
  }
}

test('every screen held to a short page is in the registry, in its clean state', () => {
  const clean = SCREENS.filter((s) => s.state === 'clean').map((s) => s.name);
  expect(SHORT_PAGES.filter((name) => !clean.includes(name))).toEqual([]);
});

test('every route of the app has a screen in the registry', () => {
  const routes = routesOfApp();
  // The parser must find the router, not silently find nothing.
  expect(routes).toContain('/');
  expect(routes.length).toBeGreaterThan(5);
  const covered = new Set(SCREENS.map((s) => s.route));
  const missing = routes.filter((r) => !covered.has(r));
  expect(missing, 'routes in src/app.rs with no entry in SCREENS (screens.js)').toEqual([]);
  // Each entry's route is one the router has (catches typos and removed routes).
  const unknown = [...covered].filter((r) => !routes.includes(r));
  expect(unknown, 'SCREENS entries whose route is not in src/app.rs').toEqual([]);
  // States are one of the words the reports use ('dialog': a panel open over the screen).
  for (const s of SCREENS) expect(['clean', 'error', 'dialog'], s.name).toContain(s.state);
  // The states set up in each language are clean states of the registry.
  const clean = SCREENS.filter((s) => s.state === 'clean').map((s) => s.name);
  for (const name of SET_UP_IN_EACH_LANGUAGE) expect(clean, 'SET_UP_IN_EACH_LANGUAGE names a clean state').toContain(name);
  // The worker-only screens are screens of the registry.
  for (const name of Object.keys(WORKER_ONLY)) expect(SCREENS.map((s) => s.name), 'WORKER_ONLY names a screen').toContain(name);
  // Each screen's test is named by its name and state: no two entries alike.
  expect(new Set(SCREENS.map(label)).size, 'two SCREENS entries with the same name and state').toBe(SCREENS.length);
});
