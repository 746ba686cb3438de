// The acceptance walk of part 3 (check and sign off, P23; lock and amend) on
// a touch tablet, from a finished review: check your answers with a "Change"
// link for every part; everyone signs (typed name, through an advocate, taps,
// a drawn mark), the worker last; the review locks; it is amended into a new
// version that is signed again; the device keeps both versions.
import {
  test, expect, press, heading, radio, agreement, openReviewPage, openPart, openTaskList, completeReview, openCheck, showEveryPart, signEveryone, turnBanner,
  reviewAt, signUntil, signTurn, storageOf, clockInDoubt, SIGNING,
  GETTING_READY, REVIEW_PROPER, TIME_OFF, SUPPORT_GROUP, SAFEGUARDING, OUTCOME,
} from '../helpers.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });


/** One "Change ..." link of the check page, by the thing it changes. */
function change(page, what) {
  return page.getByRole('link', { name: `Change ${what}`, exact: true });
}

const LOCKED = 'This review is signed off and locked.';

test('check, sign off by everyone (worker last), lock, amend and sign the new version', async ({ page }) => {
  test.setTimeout(300_000);
  let id;
  let newId;

  await test.step('a finished review: check your answers lists every part with Change links', async () => {
    id = await completeReview(page);
    await openCheck(page);
    // Nothing is left to finish, so nothing is listed first.
    await expect(page.getByRole('heading', { name: 'Finish these first' })).toHaveCount(0);
    for (const part of [...GETTING_READY, ...REVIEW_PROPER]) {
      await expect(page.getByRole('heading', { level: 2, name: part, exact: true })).toBeVisible();
    }
    // The standard's codes are the worker's: folded away at the foot, each with what it asks.
    const about = page.locator('details').filter({ has: page.getByText('About this review (for the worker)') });
    await expect(about.getByText('P19', { exact: true })).toBeHidden();
    await press(about.getByText('About this review (for the worker)'));
    for (const code of ['P17', 'P18', 'P19', 'P20', 'P21', 'P22', 'P23']) await expect(about.getByText(code, { exact: true })).toBeVisible();
    for (const what of [
      'details of Ayesha Khan', 'details of Tom Khan', 'what helps Joan Khan take part', 'why (how we will review)',
      `criterion ${TIME_OFF}`, 'readiness', `ratings for ${TIME_OFF}`, `service ${SUPPORT_GROUP.name}`,
      'cover arrangement', 'matter 1', 'action 1', 'outcome', 'next review date',
    ]) {
      await expect(change(page, what).first(), what).toBeVisible();
    }
    // Every row of every part has its Change link.
    const rows = page.getByRole('main').getByRole('term');
    const links = page.getByRole('main').getByRole('link', { name: /^Change / });
    expect(await links.count()).toBe(await rows.count());
  });

  await test.step('a Change link goes back to its part, and back again to checking', async () => {
    await press(change(page, `ratings for ${TIME_OFF}`));
    await expect(heading(page, TIME_OFF)).toBeVisible();
    await openTaskList(page, id);
    await openCheck(page);
  });

  await test.step('everyone signs in turn, the advocate and interpreter confirm, the worker last: typed name, through the advocate, a drawn mark, a tap', async () => {
    const order = await signEveryone(page);
    expect(order.at(-1), 'the worker signs last').toBe('Sam Patel');
    expect([...order].sort()).toEqual(['Ayesha Khan', 'Farah Ali', 'Grace Obi', 'Joan Khan', 'Sam Patel', 'Tom Khan']);
    await expect(page.getByRole('definition').filter({ hasText: 'Agrees, by typing their name' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Agrees (through pictures, symbols or objects of reference, seen by Sam Patel, worker), by tapping' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Agrees, with a drawn mark' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Confirms the interpreting was accurate' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Confirms the views they gave were the person’s own' })).toBeVisible();
    expect(order.indexOf('Grace Obi')).toBeGreaterThan(order.indexOf('Tom Khan'));
  });

  await test.step('the review is locked: a banner says so and its answers are read-only', async () => {
    await expect(page.getByRole('status').filter({ hasText: 'The review is signed off' })).toContainText('It is locked: nobody can change it now.');
    await expect(turnBanner(page)).toHaveCount(0);
    await openTaskList(page, id);
    await expect(page.getByRole('region', { name: 'Signed off' })).toContainText(LOCKED);
    await press(page.getByRole('link', { name: 'Actions and outcome', exact: true }));
    await expect(heading(page, 'Actions and outcome')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add an action' })).toHaveCount(0);
    await press(page.getByRole('button', { name: 'Continue' }));
    await expect(heading(page, 'The outcome')).toBeVisible();
    await expect(page.getByLabel('Why is this the outcome?')).not.toBeEditable();
    await page.reload();
    await expect(page.getByLabel('Why is this the outcome?')).toHaveValue(OUTCOME.rationale);
  });

  await test.step('amend: a reason and what changes make a new version', async () => {
    await press(page.getByRole('region', { name: 'Signed off' }).getByRole('link', { name: 'Amend it' }));
    await expect(heading(page, 'Amend this review')).toBeVisible();
    await page.getByLabel('Why does the review need amending?').fill('The respite week moved from June to July');
    await page.getByLabel('What will change?').fill('The cover arrangement dates');
    await press(page.getByRole('button', { name: 'Make a new version' }));
    await expect(heading(page, 'Carer review')).toBeVisible();
    newId = page.url().match(/\/review\/([^/]+)/)[1];
    expect(newId).not.toBe(id);
    // The new version is open for changes, with everything carried over.
    await expect(page.getByRole('region', { name: 'Signed off' })).toHaveCount(0);
    await press(page.getByRole('link', { name: 'Support while the carer has time for themselves', exact: true }));
    await press(page.getByRole('button', { name: 'Change Arrangement 1: A short stay away from home (respite)' }));
    await page.getByLabel('When, and how often?').fill('One week in July, once a year');
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  });

  await test.step('the new version is signed again and locks', async () => {
    await openTaskList(page, newId);
    await openCheck(page);
    await expect(page.getByRole('definition').filter({ hasText: 'One week in July, once a year' })).toBeVisible();
    const order = await signEveryone(page);
    expect(order.at(-1)).toBe('Sam Patel');
    await expect(page.getByRole('status').filter({ hasText: 'The review is signed off' })).toBeVisible();
    await openTaskList(page, newId);
    await expect(page.getByRole('region', { name: 'Signed off' })).toContainText(LOCKED);
  });

  await test.step('the device keeps both versions, each signed off', async () => {
    await page.goto('/');
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
    const rows = page.getByRole('row', { name: /Ayesha Khan/ });
    await expect(rows).toHaveCount(2);
    for (const row of await rows.all()) await expect(row).toContainText('Signed off');
    // The earlier version still opens, still locked, with its own answer.
    await openTaskList(page, id);
    await expect(page.getByRole('region', { name: 'Signed off' })).toContainText(LOCKED);
    await openCheck(page);
    await expect(page.getByRole('definition').filter({ hasText: 'One week in June, once a year' })).toBeVisible();
  });
});

// Issue 5: "A signed-off review cannot be edited." The save is refused, but
// the screens still take typing and show the refused text as if it had been
// kept, until a reload. A locked review's fields should not be editable.
test('a locked review does not let anyone type into its fields', async ({ page }) => {
  test.setTimeout(300_000);
  const id = await completeReview(page);
  await openCheck(page);
  await signEveryone(page);
  await openReviewPage(page, id, 'outcome/decision');
  await expect(page.getByLabel('Why is this the outcome?')).not.toBeEditable();
  await expect(radio(page, 'What did the review decide?', 'No change: the plan stays as it is')).toBeDisabled();
});

// Issue 25, point 3: locked means locked. On every screen of a signed-off
// review (the task list, each part, and each page a "View" link opens), no
// control offers to change an answer, and every enabled button does
// something: it goes somewhere, changes what is shown, or downloads.
test('a locked review offers no control that does nothing', async ({ page }) => {
  test.setTimeout(300_000);
  const id = await reviewAt(page, 'signed off');
  const base = `/review/${id}`;
  const screens = new Set(['', 'who', 'taking-part', 'process', 'criteria', 'ready', 'rate', 'services', 'cover', 'escalations', 'outcome', 'check', 'sign'].map((p) => `${base}/${p}`));
  const open = async (path) => {
    await page.goto(path);
    await expect(page.locator('h1').first()).toBeVisible();
    await expect(page.getByText(LOCKED)).toBeVisible();
  };
  // The pages "View" links open (a person's details, a criterion's ratings).
  for (const path of [...screens]) {
    await open(path);
    for (const href of await page.locator('main a').filter({ hasText: /^View\b/ }).evaluateAll((links) => links.map((a) => new URL(a.href).pathname))) {
      screens.add(href);
    }
  }
  expect(screens.size, 'the View links were followed').toBeGreaterThan(13);
  const editing = /^(Add|Remove|Clear|Change\b|Rate\b|Use the suggested|Mark as not discussed|It was discussed after all)/;
  let pressed = 0;
  for (const path of screens) {
    await open(path);
    const controls = page.locator('main').getByRole('button').or(page.locator('main').getByRole('link'));
    const names = await controls.evaluateAll((all) => all.map((c) => c.textContent.trim()));
    expect.soft(names.filter((n) => editing.test(n)), `${path}: controls that would change an answer`).toEqual([]);
    const buttons = page.locator('main button:not([disabled])');
    const count = await buttons.count();
    for (let i = 0; i < count; i += 1) {
      await open(path);
      const button = buttons.nth(i);
      const name = (await button.textContent()).trim();
      await page.evaluate(() => {
        window.__changes = 0;
        new MutationObserver((m) => { window.__changes += m.length; })
          .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      const download = page.waitForEvent('download', { timeout: 5_000 }).then(() => true, () => false);
      await button.click();
      const changed = page.waitForFunction((from) => window.__changes > 0 || location.pathname !== from, path, { timeout: 5_000 })
        .then(() => true, () => false);
      expect.soft(await changed || await download, `${path}: "${name}" does something`).toBe(true);
      pressed += 1;
    }
  }
  expect(pressed, 'some buttons were pressed').toBeGreaterThan(5);
});

// Issue 25, point 2: once someone has signed, the answers they signed do not
// change behind their backs. The pages show them read-only, and say who
// signed; a change waits until their signatures are cleared on purpose,
// after a question that names them. Keeping them changes nothing.
test('after a signature, an answer changes only once the signatures are cleared on purpose, naming whose', async ({ page }) => {
  test.setTimeout(300_000);
  const id = await reviewAt(page, 'review proper');
  await signUntil(page, 'Tom Khan');
  await openPart(page, id, 'Actions and outcome');
  const why = page.getByLabel('Why is this the outcome?');
  const banner = page.getByRole('region', { name: 'Signed so far' });
  await expect(banner).toContainText('Joan Khan and Ayesha Khan signed this review.');
  await expect(page.getByRole('button', { name: 'Add an action' })).toHaveCount(0);
  await openReviewPage(page, id, 'outcome/decision');
  await expect(banner).toContainText('Joan Khan and Ayesha Khan signed this review.');
  await expect(why).not.toBeEditable();

  await test.step('asked first, naming whose signatures go; keeping them changes nothing', async () => {
    await press(banner.getByRole('button', { name: 'Change an answer' }));
    const question = banner.getByRole('heading', { name: 'Clear the signatures of Joan Khan and Ayesha Khan? They will need to sign again once the change is made.' });
    await expect(question).toBeFocused();
    await press(banner.getByRole('button', { name: 'No, keep them' }));
    await expect(question).toHaveCount(0);
    await expect(banner.getByRole('button', { name: 'Change an answer' })).toBeFocused();
    await expect(why).not.toBeEditable();
    await page.goto(`/review/${id}/sign`);
    await expect(turnBanner(page)).toContainText('Tom Khan');
  });

  await test.step('cleared on purpose: the answer can change, and everyone signs again', async () => {
    await openReviewPage(page, id, 'outcome/decision');
    await press(banner.getByRole('button', { name: 'Change an answer' }));
    await press(banner.getByRole('button', { name: 'Yes, clear the signatures' }));
    await expect(page.getByRole('status').filter({ hasText: 'The signatures were cleared.' })).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(why).toBeEditable();
    await why.fill('The sitting service needs to change, and a week of respite is added');
    // Signing starts again from the first to sign.
    await page.goto(`/review/${id}/sign`);
    await expect(turnBanner(page)).toContainText('Joan Khan');
  });
});

// Issue 17: the signing time goes into the signed summary for good, so a
// clock that is clearly wrong is questioned before the worker's signature
// signs with it; nothing is signed or locked until the worker answers.
test('a clock set before the review began is questioned before the worker signs', async ({ page }) => {
  test.setTimeout(180_000);
  const id = await reviewAt(page, 'review proper');
  await signUntil(page, 'Sam Patel');
  const summaries = async () => Object.keys(await storageOf(page)).filter((k) => k.startsWith('review-together/summary/'));

  const question = await clockInDoubt(page);
  await expect(question).toContainText('The tablet’s clock says 1 January 2020');
  await expect(question).toContainText(/which is before (someone signed this review|this review was last changed) \(\d+ \w+ 2026/);
  await expect(question).toContainText('Nothing has been signed yet.');
  await expect(page.getByRole('heading', { name: 'Check the clock' })).toBeFocused();
  // Nothing changed: the worker's turn is still open, nothing signed, nothing locked.
  await expect(turnBanner(page)).toContainText('Now: Sam Patel');
  expect(await summaries()).toEqual([]);

  // The worker knows better: the review is signed at the time the clock gives.
  await press(page.getByRole('button', { name: 'The clock is right: sign now' }));
  await expect(page.getByRole('status').filter({ hasText: 'The review is signed off' })).toBeVisible();
  const stored = await storageOf(page);
  const summary = JSON.parse(JSON.parse(stored[`review-together/summary/${id}`]).data.text);
  expect(summary.signedAt).toMatch(/^2020-01-01T/);
});

test('someone who does not agree points at what they do not agree with; the summary keeps each point beside its item', async ({ page }) => {
  test.setTimeout(180_000);
  const id = await reviewAt(page, 'review proper');
  await signUntil(page, 'Tom Khan');
  await press(radio(page, 'Does Tom Khan agree with the review?', 'No, I do not agree'));
  const add = page.getByLabel('Add something they do not agree with');
  // The rows of the check page, as Tom is shown them, part by part.
  const respite = 'A short stay away from home (respite)';
  await add.selectOption({ label: `Support while the carer has time for themselves: ${respite}` });
  const why = page.getByLabel(`Why do they not agree with “${respite}”?`);
  await expect(why).toBeFocused();
  await add.selectOption({ label: 'Actions and outcome: Action 1' });
  await press(radio(page, 'How will they sign?', 'Tap the button below'));
  // Each point says why, or nothing is signed; the reason may stay empty.
  await press(page.getByRole('button', { name: 'Sign as Tom Khan', exact: true }));
  await expect(page.getByRole('alert').getByRole('link', { name: `Enter why they do not agree with “${respite}”` })).toBeVisible();
  await why.fill('Mum will not settle anywhere for a week');
  await page.getByLabel('Why do they not agree with “Action 1”?').fill('Sam should phone, not write');
  await press(page.getByRole('button', { name: 'Sign as Tom Khan', exact: true }));
  await expect(page.getByRole('definition').filter({ hasText: `Does not agree: not with “${respite}”: Mum will not settle anywhere for a week; not with “Action 1”: Sam should phone, not write` })).toBeVisible();

  // The others sign; the worker's signature locks it and signs the summary.
  for (;;) {
    const banner = turnBanner(page);
    if (!(await banner.isVisible())) break;
    const text = (await banner.textContent()).replace(/^Now:\s*/, '');
    const name = Object.keys(SIGNING).find((n) => text.startsWith(n));
    await signTurn(page, name, SIGNING[name]);
  }
  await expect(page.getByText('The review is signed off')).toBeVisible();
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.text, `review-together/summary/${id}`);
  const summary = JSON.parse(stored);
  const tom = summary.participants.find((p) => p.name === 'Tom Khan');
  const { decision } = summary.signOffs.find((s) => s.participant === tom.id);
  expect(decision.kind).toBe('disagrees');
  expect(decision.reason).toBe('');
  expect(decision.points).toEqual([
    { part: 'cover', about: respite, said: expect.stringContaining('Willow House'), why: 'Mum will not settle anywhere for a week' },
    { part: 'outcome', about: 'Action 1', said: expect.stringContaining('Sam Patel'), item: summary.actions[0].id, why: 'Sam should phone, not write' },
  ]);
  // The carer's readable copy says it too, beside what it is about.
  await page.goto(`/review/${id}/copy/carer`);
  await expect(page.getByText(`Does not agree with “${respite}”`)).toBeVisible();
});

test('an agreement through pictures, seen by the worker, is recorded as such everywhere agreement is asked', async ({ page }) => {
  test.setTimeout(180_000);
  const id = await reviewAt(page, 'review proper');
  const PICTURES = 'Through pictures, symbols or objects of reference';
  const agreesThroughPictures = async () => {
    await press(radio(page, 'How did Joan Khan show they agree?', PICTURES));
    // Her witness question comes after her way (on "Keeping things
    // private", after Ayesha's too).
    await page.getByLabel('Who saw them agree? (optional)').last().selectOption({ label: 'Sam Patel, worker' });
  };
  // How the review runs (P17).
  await openReviewPage(page, id, 'process/sharing');
  await press(agreement(page, 'Who agrees to review this way?', 'Joan Khan, the person cared for'));
  await agreesThroughPictures();
  // The arrangement made for her (P21).
  await openReviewPage(page, id, 'cover');
  await press(page.getByRole('button', { name: 'Change Arrangement 1: A short stay away from home (respite)' }));
  await agreesThroughPictures();
  // The check page says it of both.
  await openReviewPage(page, id, 'check');
  await showEveryPart(page);
  await expect(page.getByText('Joan Khan (through pictures, symbols or objects of reference, seen by Sam Patel, worker)')).toBeVisible();
  await expect(page.getByText('Agreed, through pictures, symbols or objects of reference, seen by Sam Patel, worker')).toBeVisible();
  // The review itself (P23): SIGNING has Joan agree the same way.
  expect(SIGNING['Joan Khan'].agreed).toEqual({ way: PICTURES, witness: 'Sam Patel, worker' });
  await signEveryone(page);
  await expect(page.getByText('The review is signed off')).toBeVisible();
  const summary = JSON.parse(await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.text, `review-together/summary/${id}`));
  const named = (n) => summary.participants.find((p) => p.name === n).id;
  const seen = { way: 'pictures', witness: named('Sam Patel') };
  expect(summary.process.agreedHow.find((a) => a.participant === named('Joan Khan')).how).toEqual(seen);
  expect(summary.cover.arrangements[0].agreement).toEqual({ status: 'agreed', how: seen });
  expect(summary.signOffs.find((s) => s.participant === named('Joan Khan')).how).toEqual(seen);
});
