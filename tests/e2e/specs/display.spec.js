// Display settings (issue #7): the header's Display panel, what each setting
// does to the page, that the choices stay on the device, read-aloud with a
// stubbed speechSynthesis. (Every registered screen in each display mode is
// checked in screens.spec.js.)
import {
  test, expect, expectNoAxeViolations, smallTargets, press, radio, checkbox,
  displayPanel, openDisplay, setDisplay, completeGettingReady, openPart, openCriterion,
  TIME_OFF, ROLES_CLEAR, EVENING_CALLS,
} from '../helpers.js';

test.use({ viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });

const DISPLAY_KEY = 'review-together/display';
const htmlClasses = (page) => page.evaluate(() => [...document.documentElement.classList].sort());
const bodyStyle = (page) => page.evaluate(() => {
  const s = getComputedStyle(document.body);
  return { fontSize: s.fontSize, background: s.backgroundColor, colour: s.color };
});
const displayButton = (page) => page.getByRole('banner').getByRole('button', { name: 'Display', exact: true });

test('display settings change the page, stay on the device after a reload, and can be undone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await htmlClasses(page)).toEqual([]);
  expect(await bodyStyle(page)).toMatchObject({ fontSize: '19px', background: 'rgb(255, 255, 255)' });

  const panel = await openDisplay(page);
  await expect(radio(panel, 'Text size', 'Standard')).toBeChecked();
  await radio(panel, 'Text size', 'Largest').check();
  await expect.poll(() => bodyStyle(page)).toMatchObject({ fontSize: '26px' });
  await radio(panel, 'Colours', 'High contrast: white and yellow on black').check();
  await expect.poll(() => bodyStyle(page)).toMatchObject({ background: 'rgb(0, 0, 0)', colour: 'rgb(255, 255, 255)' });
  await checkbox(panel, 'More help', 'Easy read: short sentences and pictures').check();
  await checkbox(panel, 'More help', 'Less movement on the screen').check();
  expect(await htmlClasses(page)).toEqual(
    ['app-easy-read', 'app-reduce-motion', 'app-text-largest', 'app-theme-high-contrast'],
  );
  await press(panel.getByRole('button', { name: 'Close', exact: true }));
  await expect(panel).toBeHidden();
  await expect(displayButton(page), 'focus goes back to the button that opened the panel').toBeFocused();

  // Kept in the draft envelope, under the display key.
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DISPLAY_KEY));
  expect(stored).toEqual({
    version: 1, kind: 'display',
    data: { textSize: 'largest', highContrast: true, easyRead: true, reduceMotion: true, readAloud: false, language: 'en-GB' },
  });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await htmlClasses(page)).toEqual(
    ['app-easy-read', 'app-reduce-motion', 'app-text-largest', 'app-theme-high-contrast'],
  );
  expect(await bodyStyle(page)).toMatchObject({ fontSize: '26px', background: 'rgb(0, 0, 0)' });
  const again = await openDisplay(page);
  await expect(radio(again, 'Text size', 'Largest')).toBeChecked();
  await expect(radio(again, 'Colours', 'High contrast: white and yellow on black')).toBeChecked();
  await expect(checkbox(again, 'More help', 'Easy read: short sentences and pictures')).toBeChecked();

  await press(again.getByRole('button', { name: 'Go back to the standard display' }));
  expect(await htmlClasses(page)).toEqual([]);
  await expect(radio(again, 'Text size', 'Standard')).toBeChecked();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await bodyStyle(page)).toMatchObject({ fontSize: '19px', background: 'rgb(255, 255, 255)' });
});

test('the panel works by keyboard alone and Escape gives focus back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await displayButton(page).focus();
  await page.keyboard.press('Enter');
  const panel = displayPanel(page);
  await expect(panel).toBeVisible();
  // Focus starts on the panel's title, so its top is in view and read first.
  await expect(panel.getByRole('heading', { name: 'Display' })).toBeFocused();
  // The language comes first, for someone who does not read this one.
  await page.keyboard.press('Tab');
  await expect(radio(panel, 'Language', 'English')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(radio(panel, 'Text size', 'Standard')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(radio(panel, 'Text size', 'Large')).toBeChecked();
  expect(await htmlClasses(page)).toEqual(['app-text-large']);
  await page.keyboard.press('Tab');
  await expect(radio(panel, 'Colours', 'Standard colours')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  expect(await htmlClasses(page)).toEqual(['app-text-large', 'app-theme-high-contrast']);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(checkbox(panel, 'More help', 'Easy read: short sentences and pictures')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(displayButton(page)).toBeFocused();
  expect(await htmlClasses(page)).toEqual(['app-easy-read', 'app-text-large', 'app-theme-high-contrast']);
});

test('the panel fits a 320 px screen with the largest text, and its controls are 48×48', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 568 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await setDisplay(page, { textSize: 'Largest', highContrast: true, easyRead: true });
  const panel = await openDisplay(page);
  const overflow = await panel.evaluate((d) => ({
    panel: d.scrollWidth - d.clientWidth,
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  expect(overflow).toEqual({ panel: 0, page: 0 });
  expect(await smallTargets(page, 48)).toEqual([]);
  await expectNoAxeViolations(page, 'the Display panel at 320 px, largest text, high contrast');
});

test('stored display settings that cannot be read give the standard display, and are kept aside', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((k) => localStorage.setItem(k, '{"version": 7, "kind": "display", "data": {"textSize": "vast"}}'), DISPLAY_KEY);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await htmlClasses(page)).toEqual([]);
  await setDisplay(page, { textSize: 'Large' });
  const stored = await page.evaluate((k) => [localStorage.getItem(k), localStorage.getItem('review-together/kept-aside/display')], DISPLAY_KEY);
  expect(JSON.parse(stored[0]).data.textSize).toBe('large');
  expect(stored[1]).toBe('{"version": 7, "kind": "display", "data": {"textSize": "vast"}}');
});

test('easy read puts a symbol and a short sentence beside each criterion', async ({ page }) => {
  const id = await completeGettingReady(page);
  await setDisplay(page, { easyRead: true });
  await openPart(page, id, 'How it is going');
  await expect(page.getByText('We look at each thing in turn. Everyone says how it is going for them.')).toBeVisible();
  const card = (wording) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: wording, exact: true }) });
  await expect(card(TIME_OFF).getByText('You get breaks from caring.', { exact: true })).toBeVisible();
  await expect(card(ROLES_CLEAR).getByText('You know who does each job.', { exact: true })).toBeVisible();
  // Each symbol is our own file, loaded, decorative (the words are beside it).
  // The words show first; the pictures load after them, so wait for them.
  const symbols = () => page.locator('main img').evaluateAll((imgs) => imgs.map((i) => ({
    file: new URL(i.src).pathname, alt: i.getAttribute('alt'), loaded: i.complete && i.naturalWidth > 0,
  })));
  await expect.poll(symbols).toEqual([
    { file: '/symbols/break.svg', alt: '', loaded: true },
    { file: '/symbols/people.svg', alt: '', loaded: true },
    { file: '/symbols/note.svg', alt: '', loaded: true },
  ]);

  await openCriterion(page, TIME_OFF);
  await expect(page.getByText('You get breaks from caring.', { exact: true })).toBeVisible();
  await expect(page.getByText('Everyone has a turn. Tap the face that shows what you think.')).toBeVisible();
  await expect(page.locator('main img[src="/symbols/break.svg"]')).toBeVisible();

  // Off again: the standard wording, no symbols.
  await setDisplay(page, { easyRead: false });
  await expect(page.getByText('Each person in turn taps the face that matches what they think.')).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
});

// ---------------------------------------------------------------------------
// Read aloud, with the browser's speech synthesis stubbed: headless Chromium
// has no voices. The stub patches the real SpeechSynthesis so the app calls it
// exactly as it would a real one, and records what would be said.

async function stubSpeech(page, voices) {
  await page.addInitScript((initial) => {
    window.__voices = initial;
    window.__spoken = [];
    const proto = window.SpeechSynthesis.prototype;
    proto.getVoices = () => window.__voices.map((v) => ({ default: true, localService: true, voiceURI: v.name, ...v }));
    proto.speak = (u) => {
      window.__spoken.push({ text: u.text, lang: u.lang });
      // What a real voice would say as it goes: which word it is at, then the end.
      window.__boundary = (event) => u.onboundary?.(event);
      window.__end = () => u.onend?.({});
    };
    proto.cancel = () => {};
  }, voices);
}

const ENGLISH_VOICE = [{ name: 'Test voice (English, UK)', lang: 'en-GB' }];
const readAloud = (page) => page.getByRole('button', { name: 'Read aloud', exact: true });

test('read aloud says the criterion, the question and every choice, in en-GB', async ({ page }) => {
  await stubSpeech(page, ENGLISH_VOICE);
  const id = await completeGettingReady(page);
  await openPart(page, id, 'How it is going');
  await openCriterion(page, TIME_OFF);
  await press(readAloud(page));
  let spoken = await page.evaluate(() => window.__spoken);
  expect(spoken).toEqual([{
    text: 'The carer gets regular time off from caring and can rely on it happening. How is this going? The choices are: Very good. Good. Okay. Poor. Very poor.',
    lang: 'en-GB',
  }]);

  // In easy read it says the short sentence.
  await setDisplay(page, { easyRead: true });
  await press(readAloud(page));
  spoken = await page.evaluate(() => window.__spoken);
  expect(spoken[1]).toEqual({
    text: 'You get breaks from caring. How is this going? The choices are: Very good. Good. Okay. Poor. Very poor.',
    lang: 'en-GB',
  });

  // A three-point criterion says its own three choices.
  await openPart(page, id, 'How it is going');
  await openCriterion(page, ROLES_CLEAR);
  await press(readAloud(page));
  spoken = await page.evaluate(() => window.__spoken);
  expect(spoken.at(-1)).toEqual({ lang: 'en-GB', text: 'You know who does each job. How is this going? The choices are: Going well. Unsure. Not going well.' });
  // The button is a proper target and passes axe.
  expect(await smallTargets(page, 48)).toEqual([]);
  await expectNoAxeViolations(page, 'a criterion with Read aloud shown');
});

test('"Read aloud beside each question" gives every question of the meeting its button in the standard display, saying its own words', async ({ page }) => {
  await stubSpeech(page, ENGLISH_VOICE);
  const id = await completeGettingReady(page);
  await openPart(page, id, 'How we will review');
  await expect(page.getByRole('button', { name: /^Read aloud: / })).toHaveCount(0);
  await setDisplay(page, { readAloud: true });
  expect(await htmlClasses(page)).toEqual([]);
  await press(page.getByRole('button', { name: 'Read aloud: How deep will the review go?', exact: true }));
  expect((await page.evaluate(() => window.__spoken)).at(-1)).toEqual({
    text: 'How deep will the review go? The choices are: Light touch: a short check that things are working. Full review: go through everything in detail.',
    lang: 'en-GB',
  });
  // No easy words or symbols for it: only the button.
  await expect(page.locator('main img.app-symbol')).toHaveCount(0);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('review-together/display')));
  expect(stored.data).toMatchObject({ readAloud: true, easyRead: false });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Read aloud: How deep will the review go?', exact: true })).toBeVisible();
  expect(await smallTargets(page, 48)).toEqual([]);
  await expectNoAxeViolations(page, 'How we will review with Read aloud beside each question');
});

test('with no voice for the page\'s language, Read aloud says so; the rating screen offers its own once a voice arrives', async ({ page }) => {
  await stubSpeech(page, [{ name: 'Voix de test', lang: 'fr-FR' }]);
  const id = await completeGettingReady(page);
  await openPart(page, id, 'How we will review');
  await setDisplay(page, { easyRead: true });
  // In easy read every question keeps its button; a tap says why nothing is read, politely.
  await press(page.getByRole('button', { name: 'Read aloud: Why is this review happening?', exact: true }));
  await expect(page.getByRole('status').filter({ hasText: 'This tablet has no English voice to read aloud.' })).toBeVisible();
  expect(await page.evaluate(() => window.__spoken)).toEqual([]);
  await expectNoAxeViolations(page, 'Read aloud with no English voice');
  // The rating screen's own Read aloud (for everyone, in any display) waits for a voice.
  await setDisplay(page, { easyRead: false });
  await openPart(page, id, 'How it is going');
  await openCriterion(page, EVENING_CALLS);
  await expect(page.getByRole('radio').first()).toBeVisible();
  await expect(readAloud(page)).toHaveCount(0);
  // Voices often load after the page: the app listens for voiceschanged.
  await page.evaluate((v) => {
    window.__voices = v;
    window.speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  }, ENGLISH_VOICE);
  await press(readAloud(page));
  expect((await page.evaluate(() => window.__spoken)).map((s) => s.lang)).toEqual(['en-GB']);
});

test('in easy read every question has Read aloud: it says the short words and the choices, and marks each word as it is read', async ({ page }) => {
  await stubSpeech(page, [{ name: 'Test voice (English, US)', lang: 'en-US' }, ...ENGLISH_VOICE]);
  const id = await completeGettingReady(page);
  await openPart(page, id, 'How we will review');
  // Not in the standard display: the questions keep to their words.
  await expect(page.getByRole('button', { name: /^Read aloud: / })).toHaveCount(0);
  await setDisplay(page, { easyRead: true });
  const button = page.getByRole('button', { name: 'Read aloud: Why is this review happening?', exact: true });
  await expect(button).toBeVisible();
  await press(button);
  const spoken = await page.evaluate(() => window.__spoken);
  expect(spoken).toEqual([{
    text: 'Why are we meeting? The choices are: The first review of the plan. The review we have every year. Someone asked for it. Something has changed.',
    lang: 'en-GB',
  }]);
  // The browser says which word it is at; the app marks that word on the screen.
  const at = spoken[0].text.indexOf('every year');
  await page.evaluate((at) => window.__boundary({ name: 'word', charIndex: at, charLength: 5 }), at);
  const marked = () => page.evaluate(() => {
    const h = CSS.highlights.get('read-aloud');
    return h ? [...h].map((r) => [r.toString(), r.startContainer.parentElement.id]) : [];
  });
  expect(await marked()).toEqual([['every', 'reason-annual-words']]);
  await page.evaluate(() => window.__boundary({ name: 'word', charIndex: 0, charLength: 3 }));
  expect(await marked()).toEqual([['Why', 'reason-question']]);
  await page.evaluate(() => window.__end());
  expect(await marked()).toEqual([]);
  // A text question says its own words.
  await press(page.getByRole('button', { name: /^Read aloud: What has changed since the last review/ }));
  expect((await page.evaluate(() => window.__spoken)).at(-1).text).toBe('What has changed?');
  // A list question says its choices as the list has them.
  await press(page.getByRole('button', { name: 'Read aloud: How long will it be?', exact: true }));
  expect((await page.evaluate(() => window.__spoken)).at(-1).text)
    .toMatch(/^How long\? The choices are: .*5 minutes\. 10 minutes\./);
  expect(await smallTargets(page, 48)).toEqual([]);
  await expectNoAxeViolations(page, 'How we will review, easy read, with Read aloud');
});
