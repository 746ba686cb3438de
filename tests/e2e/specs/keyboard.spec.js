// A whole meeting by keyboard alone (issue 7): device set-up, every part of
// getting ready and of the review, the tablet passed to the carer and back,
// and everyone's sign-off (the worker last), until the review locks. Every
// control is reached with Tab or Shift+Tab and used with Enter, Space, the
// arrow keys of a radio group, or typing: no clicks, taps or fill(). The spec
// also proves that each new screen puts focus on its h1, that whatever has
// focus shows the yellow focus indicator, and that no pointer event ever
// happened.
import {
  test, expect, heading, turnBanner, tabletChoice, isoDate, reviewAt, signUntil, TIME_OFF, EVENING_CALLS, COVER_QUESTION,
} from '../helpers.js';

test.use({ viewport: { width: 1024, height: 768 }, locale: 'en-GB', actionTimeout: 15_000 });

// The focus colour of style/tokens.css (--app-colour-focus, #ffdd00).
const FOCUS_YELLOW = 'rgb(255, 221, 0)';

/** What has focus now, and whether the yellow focus indicator is drawn for it. */
async function focusIndicator(page) {
  return page.evaluate((yellow) => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: false, what: 'nothing (focus is on the page itself)' };
    // A radio or checkbox is drawn by its label (and its row): the real input is invisible.
    const drawnBy = ['radio', 'checkbox'].includes(el.type)
      ? [...el.labels].flatMap((l) => [l, [l, '::before']]).concat([el.parentElement])
      : [el];
    const shows = ([node, pseudo]) => {
      const s = getComputedStyle(node, pseudo);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineColor : '';
      return [outline, s.boxShadow, s.backgroundColor, s.borderTopColor].some((v) => v.includes(yellow));
    };
    const name = (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.id || '')
      .replace(/\s+/g, ' ').trim().slice(0, 70);
    return {
      ok: el.matches(':focus-visible') && drawnBy.map((d) => (Array.isArray(d) ? d : [d])).some(shows),
      what: `${el.tagName.toLowerCase()}${el.type ? `[${el.type}]` : ''} "${name}"`,
    };
  }, FOCUS_YELLOW);
}

async function expectFocusVisible(page) {
  const f = await focusIndicator(page);
  expect(f.ok, `a visible focus indicator on ${f.what}`).toBe(true);
}

/**
 * Press Tab (or Shift+Tab, when the target comes before what has focus)
 * until one of `target`'s elements has focus; fail after `max` presses.
 */
async function tabTo(page, target, { max = 60 } = {}) {
  await expect(target.first()).toBeAttached();
  // A disclosure's summary is found by its text, which sits in a span inside it.
  const focused = () => target.evaluateAll((els) => {
    const active = document.activeElement;
    return els.some((e) => e === active || (active.matches('summary') && active.contains(e)));
  });
  const backwards = await target.evaluateAll((els) => {
    const active = document.activeElement;
    if (!active || active === document.body) return false;
    // eslint-disable-next-line no-bitwise
    return Boolean(els[0].compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  const key = backwards ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; presses <= max; presses += 1) {
    if (await focused()) {
      await expectFocusVisible(page);
      return presses;
    }
    await page.keyboard.press(key);
  }
  const f = await focusIndicator(page);
  throw new Error(`${max} presses of ${key} did not reach ${target}; focus is on ${f.what}`);
}

/** Tab to a link or button and use it (Enter, or Space for a button). */
async function activate(page, target, key = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Tab to a text field and type into it. */
async function typeInto(page, field, text) {
  await tabTo(page, field);
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/** Tab into a radio group, move to `answer` with the arrow keys, and select it. */
async function choose(page, group, answer) {
  const radios = group.getByRole('radio');
  const target = group.getByRole('radio', { name: answer, exact: true });
  await tabTo(page, radios);
  const handle = await target.elementHandle();
  const [from, to] = await radios.evaluateAll((els, t) => [els.indexOf(document.activeElement), els.indexOf(t)], handle);
  expect(to, `"${answer}" is one of the choices`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < Math.abs(to - from); i += 1) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  // Tabbing into a group with nothing chosen focuses its first radio without choosing it.
  if (!(await target.isChecked())) await page.keyboard.press('Space');
  await expect(target).toBeFocused();
  await expect(target).toBeChecked();
  await expectFocusVisible(page);
}

/** Tab to a checkbox and tick it with Space. */
async function tick(page, box) {
  await tabTo(page, box);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

function group(scope, question) {
  return scope.getByRole('group', { name: question, exact: true });
}

/**
 * A new screen: its h1 has focus (the screen reader starts there), and while
 * the review is open exactly one "Now: ..." line says whose turn it is.
 */
async function expectScreen(page, title, { turn } = {}) {
  await expect(heading(page, title)).toBeFocused();
  if (turn) await expect(turnBanner(page)).toContainText(`Now: ${turn}`);
}

const SAM = 'Sam Patel, worker';

/** The next date after today whose day and month are the same number, as YYYY-MM-DD. */
function sameDayAndMonth() {
  for (let days = 1; ; days += 1) {
    const iso = isoDate(days);
    const [, m, d] = iso.split('-');
    if (m === d) return iso;
  }
}

/** From the screen showing, pass the tablet to `name` and come back to `title`. */
async function passTheTablet(page, name, title, role) {
  await activate(page, page.getByRole('link', { name: 'Pass the tablet', exact: true }));
  await expectScreen(page, 'Who will use the tablet next?');
  await activate(page, tabletChoice(page, name));
  await expectScreen(page, `Pass the tablet to ${name}`);
  await expect(page.getByRole('main').getByRole('group')).toHaveCount(0);
  await activate(page, page.getByRole('button', { name: `I am ${name} — continue`, exact: true }), 'Space');
  await expectScreen(page, title, { turn: `${name}, ${role}` });
}

test('a whole meeting by keyboard alone, from setting up the device to the locked review', async ({ page }) => {
  test.setTimeout(600_000);
  await page.addInitScript(() => {
    window.pointerUse = [];
    for (const type of ['pointerdown', 'mousedown', 'touchstart', 'contextmenu']) {
      window.addEventListener(type, (e) => window.pointerUse.push(`${type} on ${e.target?.tagName}`), true);
    }
  });
  const main = page.getByRole('main');
  const button = (name) => main.getByRole('button', { name, exact: true });
  const link = (name) => main.getByRole('link', { name, exact: true });

  await test.step('set up the device and start a review', async () => {
    await page.goto('/');
    await expectScreen(page, 'Reviews on this device');
    // Marks this page load: the meeting must never reload the page, so the
    // pointer watch above sees all of it.
    await page.evaluate(() => { window.sameLoad = true; });
    await activate(page, link('Set up this device'));
    await expectScreen(page, 'Device settings');
    await typeInto(page, page.getByLabel('Organisation'), 'Northshire Council');
    await typeInto(page, page.getByLabel('Team (optional)'), 'Carers Support');
    await typeInto(page, page.getByLabel('Your name'), 'Sam Patel');
    await typeInto(page, page.getByLabel('Your job title'), 'Carers support worker');
    await activate(page, button('Save settings'));
    await expectScreen(page, 'Reviews on this device');
    await activate(page, button('Start a new review'), 'Space');
    await expectScreen(page, 'Who is here', { turn: SAM });
  });

  await test.step('who is here: the carer and the person cared for, both in the room', async () => {
    await activate(page, button('Add a carer'));
    await expectScreen(page, 'Carer details', { turn: SAM });
    await typeInto(page, page.getByLabel('Name', { exact: true }), 'Ayesha Khan');
    await typeInto(page, page.getByLabel('Relationship to the person being cared for'), 'Daughter');
    await choose(page, group(page, 'How are they taking part today?'), 'In the room');
    await activate(page, button('Continue'));
    await expectScreen(page, 'Who is here', { turn: SAM });
    await activate(page, link('Change details of Name not given yet'));
    await expectScreen(page, 'Person being cared for details', { turn: SAM });
    await typeInto(page, page.getByLabel('Name', { exact: true }), 'Joan Khan');
    await choose(page, group(page, 'How are they taking part today?'), 'In the room');
    await activate(page, button('Continue'));
    await expectScreen(page, 'Who is here');
    await activate(page, button('Continue'));
    await expectScreen(page, 'Help to take part', { turn: SAM });
  });

  await test.step('help to take part: languages, and Joan uses symbols', async () => {
    await activate(page, link('Change what helps Joan Khan take part'));
    await expectScreen(page, 'What helps Joan Khan take part', { turn: SAM });
    await typeInto(page, page.getByLabel('Preferred language'), 'English');
    await choose(page, group(page, 'Do they need an interpreter?'), 'No');
    await tick(page, group(page, 'How do they like to communicate?').getByRole('checkbox', { name: 'Symbols', exact: true }));
    await activate(page, button('Continue'));
    await expectScreen(page, 'Help to take part');
    await activate(page, link('Change what helps Ayesha Khan take part'));
    await expectScreen(page, 'What helps Ayesha Khan take part');
    await typeInto(page, page.getByLabel('Preferred language'), 'English');
    await activate(page, button('Continue'));
    await expectScreen(page, 'Help to take part');
    await activate(page, button('Continue'));
    await expectScreen(page, 'How we will review', { turn: SAM });
  });

  await test.step('how we will review: the carer agrees with the tablet in her hands', async () => {
    await choose(page, group(page, 'Why is this review happening?'), 'Yearly review');
    await choose(page, group(page, 'How deep will the review go?'), 'Full review: go through everything in detail');
    await choose(page, group(page, 'Would the carer like time with the worker on their own?'), 'No');
    await activate(page, button('Continue'));
    await expectScreen(page, 'Keeping things private', { turn: SAM });
    await choose(page, group(page, 'Who may see what is said, unless you choose otherwise for an item?'), 'Everyone');
    await typeInto(page, page.getByLabel('Anything more about copies (optional)'), 'Ayesha and the carers team');
    await passTheTablet(page, 'Ayesha Khan', 'Keeping things private', 'carer');
    // Her answers are still there after the hand-over.
    await expect(group(page, 'Who may see what is said, unless you choose otherwise for an item?').getByRole('radio', { name: 'Everyone' })).toBeChecked();
    await tick(page, group(page, 'Who agrees to review this way?').getByRole('checkbox', { name: /^Ayesha Khan, carer/ }));
    await passTheTablet(page, 'Sam Patel', 'Keeping things private', 'worker');
    await activate(page, button('Continue'));
    await expectScreen(page, 'What we will look at', { turn: SAM });
  });

  await test.step('what we will look at: one from our list, one of our own, both agreed', async () => {
    await activate(page, main.getByText(/^The carer's own health and wellbeing \(\d+ to choose from\)$/));
    await tick(page, page.getByRole('checkbox', { name: TIME_OFF, exact: true }));
    await activate(page, main.getByText('Add your own', { exact: true }));
    await typeInto(page, page.getByLabel('What else should the review look at?'), EVENING_CALLS);
    await activate(page, button('Add this to the review'), 'Space');
    const card = (wording) => main.getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: wording, exact: true }) });
    for (const wording of [TIME_OFF, EVENING_CALLS]) {
      await tick(page, group(card(wording), 'Who agrees to look at this?').getByRole('checkbox', { name: /^Ayesha Khan, carer/ }));
    }
    await activate(page, button('Continue'));
    await expectScreen(page, 'Ready to start', { turn: SAM });
  });

  await test.step('ready to start: Joan\'s symbols are in place', async () => {
    await choose(page, main.getByRole('group', { name: /^Is everything ready for Joan Khan: symbols/ }), 'Yes, it is in place');
    await activate(page, button('Continue'));
    await expectScreen(page, 'Carer review', { turn: SAM });
  });

  await test.step('how it is going: two people and the worker rate one criterion; the other is not discussed', async () => {
    await activate(page, link('How it is going'));
    await expectScreen(page, 'How it is going', { turn: SAM });
    await activate(page, main.getByRole('link', { name: new RegExp(`^Rate “${TIME_OFF.replace(/[.]/g, '\\.')}”$`) }));
    // The rating screen asks each person in turn, and its own line says who.
    await expectScreen(page, TIME_OFF, { turn: 'Joan Khan' });
    await choose(page, group(page, "Joan Khan's rating"), 'Going well');
    await choose(page, group(page, 'How did Joan Khan give their view?'), 'Using symbols');
    await expect(turnBanner(page)).toContainText('Now: Ayesha Khan');
    await choose(page, group(page, "Ayesha Khan's rating"), 'Unsure');
    // The worker gives their own professional view last.
    await expect(turnBanner(page)).toContainText('Now: Sam Patel, worker');
    await choose(page, group(page, "Sam Patel's rating"), 'Unsure');
    await expect(page.getByRole('status').filter({ hasText: 'Everyone has given their rating.' })).toBeVisible();
    await activate(page, button('Next criterion'));
    await expectScreen(page, EVENING_CALLS);
    await activate(page, main.getByText('Not discussing this today?', { exact: true }));
    await activate(page, button('Mark as not discussed'), 'Space');
    // The app moves focus to the reason it asks for.
    await expect(page.getByLabel('Why was it not discussed?')).toBeFocused();
    await typeInto(page, page.getByLabel('Why was it not discussed?'), 'Not enough time today');
    await activate(page, button('Continue'));
    await expectScreen(page, 'How it is going', { turn: SAM });
    await activate(page, button('Continue'));
    await expectScreen(page, 'Services and support', { turn: SAM });
  });

  await test.step('services, cover and things that need someone else\'s help: nothing this time', async () => {
    await choose(page, group(page, 'Does Ayesha Khan use any services or support?'), 'No');
    await activate(page, button('Continue'));
    await expectScreen(page, 'Support while the carer has time for themselves', { turn: SAM });
    await choose(page, group(page, COVER_QUESTION), 'No');
    await activate(page, button('Continue'));
    await expectScreen(page, "Things that need someone else's help", { turn: SAM });
    await choose(page, group(page, "Does anything need someone else's help?"), 'No');
    await activate(page, button('Continue'));
    await expectScreen(page, 'Actions and outcome', { turn: SAM });
  });

  await test.step('actions and outcome: an action with a date and a criterion, and the outcome', async () => {
    await activate(page, button('Add an action'), 'Space');
    // The app moves focus to the new action's first question.
    await expect(page.getByLabel('What will be done?')).toBeFocused();
    await typeInto(page, page.getByLabel('What will be done?'), 'Ask the agency about the evening calls');
    await choose(page, group(page, 'Who will do it?'), 'Sam Patel, worker');
    // The browser's date field takes day, month and year one after another,
    // day first in British English but month first in US English (Debian's
    // Chromium ships only that). A date whose day and month are the same
    // number (the 12th of December, say) is typed the same way in both.
    const due = sameDayAndMonth();
    const [y, m] = due.split('-');
    const dueField = page.getByLabel('When will it be done by?');
    await tabTo(page, dueField);
    await page.keyboard.type(`${m}${m}${y}`);
    await expect(dueField).toHaveValue(due);
    await expect(dueField).toBeFocused();
    const answers = page.getByLabel('Which of the things you looked at does it answer? (optional)');
    await tabTo(page, answers);
    await page.keyboard.press('ArrowDown');
    await expect(answers.locator('option:checked')).toHaveText(TIME_OFF);
    await activate(page, button('Continue'));
    await expectScreen(page, 'The outcome', { turn: SAM });
    await choose(page, group(page, 'What did the review decide?'), 'No change: the plan stays as it is');
    await typeInto(page, page.getByLabel('Why is this the outcome?'), 'The support is working for both of them');
    await activate(page, page.getByRole('button', { name: /^Use the suggested date, / }));
    await activate(page, button('Continue'));
    await expectScreen(page, 'What everyone thinks of it', { turn: SAM });
    await typeInto(page, page.getByLabel('What does Ayesha Khan think of the outcome?'), 'She is happy with it');
    await typeInto(page, page.getByLabel('What does Joan Khan think of the outcome?'), 'She pointed to the thumbs-up');
    await activate(page, button('Continue'));
    await expectScreen(page, 'Carer review', { turn: SAM });
  });

  await test.step('check and sign off: Joan and Ayesha, then the worker, which locks the review', async () => {
    await activate(page, link('Check the review and sign it off'));
    await expectScreen(page, 'Check the review before signing', { turn: SAM });
    await activate(page, link('Continue to sign off'));
    await expectScreen(page, 'Sign off the review');
    const signers = [['Joan Khan', 'Tap the button below'], ['Ayesha Khan', 'Type their name'], ['Sam Patel', 'Tap the button below']];
    for (const [i, [name, way]] of signers.entries()) {
      await expect(turnBanner(page)).toContainText(`Now: ${name}`);
      await choose(page, group(page, `Does ${name} agree with the review?`), 'Yes, I agree');
      await choose(page, group(page, 'How will they sign?'), way);
      if (way === 'Type their name') await typeInto(page, page.getByLabel('Type your name'), name);
      await activate(page, button(`Sign as ${name}`));
      await expect(main.getByRole('term').filter({ hasText: name })).toBeVisible();
      // The signed form is gone: focus goes to whose turn it is now, or to
      // the news that the review is locked, not back to the top of the page.
      const next = signers[i + 1];
      if (next) {
        await expect(turnBanner(page)).toContainText(`Now: ${next[0]}`);
        await expect(turnBanner(page)).toBeFocused();
      } else {
        await expect(main.getByRole('heading', { level: 2, name: 'The review is signed off' })).toBeFocused();
      }
    }
    await expect(page.getByRole('status').filter({ hasText: 'The review is signed off' })).toBeVisible();
    // A locked review asks nothing of anyone: no "Now:" line, no passing the tablet.
    await expect(turnBanner(page)).toHaveCount(0);
    await activate(page, link('Back to checking the review'), 'Enter');
    await expectScreen(page, 'Check the review before signing');
    await expect(page.getByRole('region', { name: 'Signed off' })).toBeVisible();
    await expect(turnBanner(page)).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Pass the tablet' })).toHaveCount(0);
  });

  // Not one pointer event in the whole meeting, all of it in one page load.
  expect(await page.evaluate(() => window.sameLoad)).toBe(true);
  expect(await page.evaluate(() => window.pointerUse)).toEqual([]);
});

// Issue 25: the flows added for "nothing changes behind anyone's back", by
// keyboard alone once the review is reached: a removal undone, and the
// signatures cleared on purpose after the question that names them.
test('by keyboard: Undo after Remove, and signatures cleared only on purpose', async ({ page }) => {
  test.setTimeout(240_000);
  const id = await reviewAt(page, 'review proper');
  await signUntil(page, 'Tom Khan');
  await page.goto(`/review/${id}/outcome`);
  await expect(heading(page, 'Actions and outcome')).toBeVisible();
  await page.evaluate(() => {
    window.pointerUse = [];
    for (const type of ['pointerdown', 'mousedown', 'touchstart', 'contextmenu']) {
      window.addEventListener(type, (e) => window.pointerUse.push(`${type} on ${e.target?.tagName}`), true);
    }
  });

  // Signed so far: the question first, by keyboard; keeping them changes nothing.
  await activate(page, page.getByRole('button', { name: 'Change an answer' }));
  await expect(page.getByRole('heading', { name: /^Clear the signatures of / })).toBeFocused();
  await activate(page, page.getByRole('button', { name: 'No, keep them' }));
  await expect(page.getByRole('button', { name: 'Change an answer' })).toBeFocused();
  await expectFocusVisible(page);
  await activate(page, page.getByRole('button', { name: 'Change an answer' }));
  await activate(page, page.getByRole('button', { name: 'Yes, clear the signatures' }));
  await expect(page.getByText('The signatures were cleared.')).toBeVisible();
  // Focus goes to the notice (after the page is drawn again): waited for, so
  // that the Tab presses below start from it and are not overtaken by it.
  await expect(page.locator('#signatures-cleared')).toBeFocused();

  // Remove, then Undo, by keyboard: focus never falls to the page.
  await activate(page, page.getByRole('button', { name: 'Remove action 1' }));
  await activate(page, page.getByRole('button', { name: 'Yes, remove it' }));
  // Focus moves once the card is drawn again: waited for, not read at once.
  await expect.poll(() => page.evaluate(() => document.activeElement.tagName)).toBe('H3');
  await activate(page, page.getByRole('button', { name: 'Undo: put back action 1' }));
  await expect(page.getByText('Action 1 is back.')).toBeFocused();
  // Both actions, each folded to its one line.
  await expect(page.locator('.app-card__line')).toHaveCount(2);
  expect(await page.evaluate(() => window.pointerUse)).toEqual([]);
});
