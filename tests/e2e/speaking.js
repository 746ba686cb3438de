// Driving the app in Welsh or Urdu with the drivers written in English
// (issue 30: a whole meeting walked in each language). `speak(page, tag)`
// makes every locator of that page that names something by the app's
// English words (a role's name, a label, a text, a filter's text, or a
// pattern of them) look for the same message in `tag`, and `expect` (fixture.js) compare a text with
// it: the message of the catalogue (public/lang/<tag>.json) whose English is
// those words, its {slots} filled with what the English had there (each
// translated in turn where it is itself a message: "Ayesha Khan, carer" is
// "{name}, {role}" with "carer" in Welsh). Words that are no message (names,
// what was typed) stay as they are. A page nobody made speak is untouched.
import { messagesIn, wordsIn } from './words.js';

const SPEAKING = new WeakMap();
const TAGS = new WeakMap();
// Pages whose drivers check each screen they act on (fixture.js press).
const CHECKING = new WeakSet();

/** The language `page` was made to speak, if any. */
export function speaksIn(page) {
  return page ? TAGS.get(page) : undefined;
}

/** The words of the language `page` speaks (English for a page nobody made speak): words.js wordsIn. */
export function wordsOf(page) {
  return wordsIn(speaksIn(page) ?? 'en-GB');
}

/** Whether each screen `page`'s drivers act on is to be checked first (a walk's pages). */
export function checksEachScreen(page) {
  return Boolean(page) && CHECKING.has(page);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The translator of `tag`: English words to the candidates in `tag`, or null. */
function translator(tag) {
  const messages = messagesIn(tag);
  const exact = new Map();
  const templates = [];
  // Templates with too little of their own to be told apart ("{name}'s"):
  // only for what fills another's slot.
  const minors = [];
  const add = (english, values) => {
    if (!english.includes('{')) {
      if (!exact.has(english)) exact.set(english, new Set());
      values.forEach((v) => exact.get(english).add(v));
      return;
    }
    const slots = [];
    const literal = english.replace(/\{(\w+)\}/g, '').trim();
    // Too little of its own to tell it apart ("{name}"), unless it joins
    // two slots ("{name}, {role}": tried last).
    const joins = (english.match(/\{\w+\}/g) || []).length >= 2 && literal !== '' && !/\p{L}/u.test(literal);
    if (literal === '') return;
    const minor = literal.replace(/[\s,.:;()]/g, '').length < 3 && !joins;
    const source = english.split(/(\{\w+\})/).map((part) => {
      const slot = /^\{(\w+)\}$/.exec(part);
      if (slot) { slots.push(slot[1]); return '(.+?)'; }
      return escapeRegExp(part);
    }).join('');
    (minor ? minors : templates).push({ re: new RegExp(`^${source}$`), slots, values, weight: literal.length, english });
  };
  for (const [key, value] of Object.entries(messages)) {
    const english = key.replace(/^\[[^\]]*\] /, '');
    if (typeof value === 'string') add(english, [value]);
    // A message with plural forms ("{n} criterion has…|{n} criteria have…"):
    // each English form may be any of the language's forms (Welsh has six).
    else english.split('|').forEach((form) => add(form, Object.values(value)));
  }
  templates.sort((a, b) => b.weight - a.weight);
  const whole = (words, list = templates) => {
    const hit = exact.get(words);
    if (hit) return [...hit];
    // Every template that matches, each slot filled with each of its own
    // translations: the same English may be two messages of different words
    // ("Minutes for: {name}", "Minutes for: {what}"), or split more than one
    // way ("{part}: {about}"); the page has one of them.
    const found = new Set();
    for (const { re, slots, values } of list) {
      const m = re.exec(words);
      if (!m) continue;
      const fills = slots.map((_, at) => (whole(m[at + 1], [...templates, ...minors]) ?? [m[at + 1]]).slice(0, 4));
      for (const value of values) {
        let made = [value];
        slots.forEach((name, at) => {
          made = made.flatMap((v) => fills[at].map((fill) => v.split(`{${name}}`).join(fill))).slice(0, 16);
        });
        made.forEach((v) => found.add(v));
      }
      if (found.size >= 32) break;
    }
    if (found.size) return [...found];
    return null;
  };
  // Or messages side by side (a button's "Change" and its hidden "details
  // of Joan Khan"): the first that is one message, then the rest.
  const pieces = (words, depth) => {
    const found = whole(words);
    if (found || depth > 3) return found;
    for (let at = words.indexOf(' '); at > 0; at = words.indexOf(' ', at + 1)) {
      const first = exact.get(words.slice(0, at));
      if (!first) continue;
      const rest = pieces(words.slice(at + 1), depth + 1);
      if (rest) return [`${[...first][0]} ${rest[0]}`];
    }
    return null;
  };
  // Or part of one message, or of several (looked for as a part of a
  // text): what contains it, whole.
  const within = (words) => {
    if (words.length < 8) return null;
    const found = new Set();
    for (const [english, values] of exact) if (english.includes(words)) values.forEach((v) => found.add(v));
    for (const { english, values } of templates) {
      if (english.includes(words)) values.forEach((value) => found.add(value.split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0]));
    }
    return found.size ? [...found] : null;
  };
  // A part of a text is looked for as part of a message first: a template
  // would take it for its slots.
  return (words, whole = true) => (whole ? pieces(words, 0) : within(words) ?? pieces(words, 0));
}

/**
 * A pattern the drivers wrote for English words (`/^Sign as /`) made to find
 * the same messages in `tag`: each message of the catalogue whose English it
 * matches, in `tag`, its {slots} matching anything. Unchanged when it
 * matches no message (a name, what was typed).
 */
function patternIn(tag, re) {
  const found = new Set();
  for (const [key, value] of Object.entries(messagesIn(tag))) {
    // A message with plural forms: its English forms, "one|other", and each of its forms in `tag`.
    const english = key.replace(/^\[[^\]]*\] /, '');
    const forms = typeof value === 'string' ? [value] : Object.values(value);
    const matches = (typeof value === 'string' ? [english] : english.split('|')).some((form) => {
      re.lastIndex = 0;
      return re.test(form);
    });
    if (matches) forms.forEach((form) => found.add(form));
  }
  if (!found.size) return re;
  const any = [...found].map((value) => value.split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? '.+?' : escapeRegExp(part))).join(''));
  // Anchored at the start as the English was (after the marks the app may put there).
  const start = re.source.startsWith('^') ? '^\uFEFF?' : '';
  return new RegExp(`${start}(?:${any.join('|')})`, re.flags.replace(/[gy]/g, ''));
}

/** The words to look for instead of `words` on `page`, as a string or RegExp. */
export function spoken(page, words, { whole = true } = {}) {
  const tr = page && SPEAKING.get(page);
  if (tr && words instanceof RegExp) return patternIn(TAGS.get(page), words);
  if (!tr || typeof words !== 'string') return words;
  const found = tr(words, whole);
  if (!found) return words;
  if (found.length === 1) return found[0];
  const any = found.map(escapeRegExp).join('|');
  return new RegExp(whole ? `^(?:${any})$` : `(?:${any})`);
}

/** Every text `page` may show for the English `words` (just `words` on a page nobody made speak). */
export function candidates(page, words) {
  const tr = page && SPEAKING.get(page);
  return (tr && tr(words)) ?? [words];
}

/** The words to look for instead of `words` on `page`: one text (the first, if several). */
export function said(page, words) {
  return candidates(page, words)[0];
}

function pageOf(subject) {
  if (!subject || typeof subject !== 'object') return null;
  if (typeof subject.mainFrame === 'function') return subject;
  if (typeof subject.page === 'function') {
    try { return subject.page(); } catch { return null; }
  }
  return null;
}

let patched = false;

/**
 * Every locator of `page` now looks for the app's words in `tag` ('cy', 'ur').
 * `checkEachScreen`: each screen the drivers act on is checked (axe, none of
 * our English) before they act, as a walk does; a test that checks only the
 * screen it sets up says false.
 */
export function speak(page, tag, { checkEachScreen = true } = {}) {
  SPEAKING.set(page, translator(tag));
  TAGS.set(page, tag);
  if (checkEachScreen) CHECKING.add(page);
  else CHECKING.delete(page);
  if (patched) return;
  patched = true;
  const protos = [Object.getPrototypeOf(page), Object.getPrototypeOf(page.locator('body'))];
  const wrap = (proto, method, change) => {
    const original = proto[method];
    if (typeof original !== 'function') return;
    proto[method] = function wrapped(...args) {
      return original.apply(this, change(pageOf(this), ...args));
    };
  };
  for (const proto of protos) {
    wrap(proto, 'getByRole', (p, role, options) => [role, options && options.name !== undefined
      ? { ...options, name: spoken(p, options.name, { whole: !!options.exact }) } : options]);
    for (const method of ['getByLabel', 'getByText', 'getByPlaceholder', 'getByTitle', 'getByAltText']) {
      wrap(proto, method, (p, text, options) => [spoken(p, text, { whole: !!options?.exact }), options]);
    }
  }
  const filterOf = (p, options) => {
    if (!options) return options;
    const out = { ...options };
    if (out.hasText !== undefined) out.hasText = spoken(p, out.hasText, { whole: false });
    if (out.hasNotText !== undefined) out.hasNotText = spoken(p, out.hasNotText, { whole: false });
    return out;
  };
  wrap(protos[1], 'filter', (p, options) => [filterOf(p, options)]);
  for (const proto of protos) wrap(proto, 'locator', (p, selector, options) => [selector, filterOf(p, options)]);
}

/** The matchers of `expect(subject)`, comparing texts in the language its page speaks. */
export function speakingMatchers(subject, matchers) {
  const page = pageOf(subject);
  if (!page || !SPEAKING.get(page)) return matchers;
  const text = (expected, whole) => (Array.isArray(expected)
    ? expected.map((e) => spoken(page, e, { whole }))
    : spoken(page, expected, { whole }));
  return new Proxy(matchers, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'not') return speakingMatchers(subject, value);
      if (prop === 'toHaveText') return (expected, options) => value.call(target, text(expected, true), options);
      if (prop === 'toContainText') return (expected, options) => value.call(target, text(expected, false), options);
      if (prop === 'toHaveAccessibleName' || prop === 'toHaveAccessibleDescription') {
        return (expected, options) => value.call(target, text(expected, true), options);
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A RegExp for the message `english` ("{title} ({count} to choose from)")
 * as `page` shows it (in its language, if it was made to speak one), each
 * {slot} a group, the page's U+FEFF marks allowed around it.
 */
export function messagePattern(page, english) {
  const tag = speaksIn(page);
  let template = english;
  if (tag) {
    const messages = messagesIn(tag);
    if (typeof messages[english] === 'string') template = messages[english];
  }
  const source = template.split(/(\{\w+\})/).map((part) => (/^\{\w+\}$/.test(part) ? '(.+?)' : escapeRegExp(part))).join('');
  return new RegExp(`^\uFEFF?${source}\uFEFF?$`);
}

const ENGLISH = new Map();

/**
 * Our English messages still on the page, for screens in `tag` ('cy',
 * 'ur'): each a message of two words or more whose translation differs,
 * without its context and with no {names} in it, compared whole with each
 * text run and accessible label (what a page marks translate="no" aside).
 */
export async function englishLeft(page, tag) {
  if (!ENGLISH.has(tag)) {
    const messages = messagesIn(tag);
    ENGLISH.set(tag, Object.entries(messages)
      .filter(([k, v]) => typeof v === 'string' && !k.includes('{') && !k.includes('|') && k.trim().includes(' ') && v !== k)
      .map(([k]) => k.replace(/^\[[^\]]*\] /, '')));
  }
  return page.evaluate((english) => {
    const set = new Set(english);
    const found = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, textarea, [translate="no"]') || !el.checkVisibility()) continue;
      const text = n.data.replace(/\s+/g, ' ').trim();
      if (set.has(text)) found.add(text);
    }
    for (const el of document.querySelectorAll('[aria-label]')) {
      if (set.has(el.getAttribute('aria-label').trim())) found.add(el.getAttribute('aria-label').trim());
    }
    return [...found];
  }, ENGLISH.get(tag));
}
