// Drivers of the review proper (part 2) and of signing off (part 3), the way
// a worker would do it (press() taps in a touch context), with the answers of
// the acceptance walks; and the staged states built from these and from
// getting-ready.js (state.js), which bring a test to a point of the meeting
// in a moment.
import { readFileSync } from 'node:fs';
import {
  test, expect, press, heading, radio, continueTo, openReviewPage, isoDate, escapeRegExp,
} from './fixture.js';
import { stage } from './state.js';
import { messagePattern, said, wordsOf } from './speaking.js';
import {
  setUpDevice, startReview, startReviewWithFamily, startReviewWithNeeds, driveGettingReady, openTaskList, openPart,
  expectStatuses, TIME_OFF, ROLES_CLEAR, EVENING_CALLS, GETTING_READY, REVIEW_PROPER,
} from './getting-ready.js';

// --- Part 2 building blocks (each leaves the page on its part) -------------

/** The rating tile `point` in `who`'s own rating of the criterion on screen. */
export function ratingTile(page, who, point) {
  return radio(page, `${who}'s rating`, point);
}

/** On the ratings overview, open one criterion. */
export async function openCriterion(page, wording) {
  // (The marks of the pseudo-locale, U+FEFF, may stand around the words.)
  const [rate, words] = [said(page, 'Rate'), said(page, wording)].map(escapeRegExp);
  await press(page.getByRole('link', { name: new RegExp(`^[\\uFEFF\\s]*${rate}[\\uFEFF\\s]+“[\\uFEFF\\s]*${words}[\\uFEFF\\s]*”[\\uFEFF\\s]*$`) }));
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
    'Sam Patel': ['Okay'],
  },
  [ROLES_CLEAR]: {
    'Ayesha Khan': ['Not going well', 'Directly, in their own words'],
    'Joan Khan': ['Going well', 'Using symbols'],
    'Tom Khan': ['Unsure'],
    'Sam Patel': ['Not going well'],
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
  // The app moves focus to the new risk (in the next frame): wait for it, so
  // the move cannot land in the middle of the next field's typing.
  await expect(page.getByLabel('What is the risk?')).toBeFocused();
  await page.getByLabel('What is the risk?').fill(a.risk);
  await page.getByLabel('How will it be managed?').fill(a.management);
  await press(radio(page, 'Did Joan Khan agree to this?', 'No, they did not agree'));
  await expect(page.getByText('has not agreed, so this arrangement should not go ahead as it is.', { exact: false })).toBeVisible();
  await page.getByLabel('What happens next?').fill(a.next);
  if (stopAt === 'not agreed') return;
  await press(radio(page, 'Did Joan Khan agree to this?', 'Yes, they agreed'));
  await press(radio(page, 'How did Joan Khan show they agree?', 'Through their advocate'));
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
  urgency: 'Now, before leaving', owner: /^Sam Patel[,،] /, due: 0,
  consent: 'It will be shared without consent because of a risk of harm',
  consentReason: 'Joan may be at risk of harm tonight', status: 'Referred',
};
export const OT_REFERRAL = {
  matter: 'Ayesha struggles to help Joan in and out of the bath',
  why: 'It needs an occupational therapy assessment', route: 'Occupational therapy (OT)',
  toWhom: 'Northshire OT duty desk', urgency: 'Routine', owner: /^Sam Patel[,،] /, due: 28,
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
  { what: 'Ask the agency for the same sitter each week', owner: /^Sam Patel[,،] /, due: 14, criterion: ROLES_CLEAR },
  { what: 'Book the tea visit at Willow House', owner: /^Grace Obi[,،] /, due: 7, criterion: TIME_OFF },
];
export const OUTCOME = {
  decision: 'Change the plan',
  rationale: 'The sitting service needs to change and a week of respite is added',
  carer: 'Ayesha is relieved about the break but worried about the bruises',
  individual: 'Joan will go to Willow House if she likes it after the visit',
  through: 'Through their advocate, Grace Obi',
  others: 'Tom thinks the respite week should be two weeks; Ayesha does not',
};

/** On "Actions and outcome": add an action and fill it (its card opens alone). */
export async function addAction(page, a) {
  await press(page.getByRole('button', { name: 'Add an action', exact: true }));
  await page.getByLabel('What will be done?').fill(a.what);
  await press(page.getByRole('group', { name: 'Who will do it?', exact: true }).getByRole('radio', { name: a.owner }));
  await page.getByLabel('When will it be done by?').fill(isoDate(a.due));
  await page.getByLabel('Which of the things you looked at does it answer? (optional)').selectOption({ label: said(page, a.criterion) });
}

/**
 * Fill "The outcome" and "What everyone thinks of it", the second and third
 * pages of "Actions and outcome"; ends on the third.
 */
export async function fillOutcome(page, o = OUTCOME) {
  await press(radio(page, 'What did the review decide?', o.decision));
  await page.getByLabel('Why is this the outcome?').fill(o.rationale);
  // The suggested date goes into the record only when someone takes it.
  await press(page.getByRole('button', { name: messagePattern(page, 'Use the suggested date, {when}') }));
  await continueTo(page, 'What everyone thinks of it');
  await page.getByLabel('What does Ayesha Khan think of the outcome?').fill(o.carer);
  await page.getByLabel('What does Joan Khan think of the outcome?').fill(o.individual);
  await press(radio(page, 'How did Joan Khan give their view? (optional)', o.through));
  await page.getByLabel('Other views and any disagreements (optional)').fill(o.others);
}

/** P23's actions and outcome from the task list; ends on the task list. */
export async function doOutcome(page, id) {
  await openPart(page, id, 'Actions and outcome');
  for (const a of ACTIONS) await addAction(page, a);
  await continueTo(page, 'The outcome');
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


// --- Part 3: signing -------------------------------------------------------

/** The turn banner of the sign-off screen ("Now: <name>, <role>"). */
export function turnBanner(page, t = wordsOf(page)) {
  return page.getByRole('status').filter({ hasText: new RegExp(`^\uFEFF?${escapeRegExp(t('Now:'))}\uFEFF? `) });
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
 * { way: 'tap' | 'typed' | 'draw', says?, comment?, typed?, agreed?: { way, witness? } },
 * or, for an advocate or interpreter, { confirm: true } or { confirm: false, note }.
 */
export async function signTurn(page, name, how, t = wordsOf(page)) {
  await expect(turnBanner(page, t)).toContainText(`${t('Now:')} ${name}`);
  if ('confirm' in how) {
    await press(radio(page, t('Can {name} confirm this?', { name }), how.confirm ? t('Yes, I confirm it') : t('No, I cannot confirm all of it')));
    if (!how.confirm) await page.getByLabel(t('What can they not confirm, and why?')).fill(how.note);
    const button = how.confirm ? t('Confirm as {button_name}', { button_name: name }) : t('Record that {button_name} cannot confirm it', { button_name: name });
    await press(page.getByRole('button', { name: button, exact: true }));
    await expect(page.getByRole('term').filter({ hasText: name }).first()).toBeVisible();
    return;
  }
  const says = how.says ?? 'Yes, I agree';
  await press(radio(page, t('Does {name} agree with the review?', { name }), t(says)));
  if (says === 'I agree, with a comment') await page.getByLabel(t('Their comment')).fill(how.comment);
  if (says === 'No, I do not agree') await page.getByLabel(t('Why do they not agree?')).fill(how.comment);
  if (how.agreed) {
    await press(radio(page, t('How did {name} show they agree?', { name }), t(how.agreed.way)));
    if (how.agreed.witness) await page.getByLabel(t('Who saw them agree? (optional)')).selectOption({ label: said(page, how.agreed.witness) });
  }
  const way = { tap: 'Tap the button below', typed: 'Type their name', draw: 'Draw a mark with a finger' }[how.way];
  await press(radio(page, t('How will they sign?'), t(way)));
  if (how.way === 'typed') await page.getByLabel(t('Type your name')).fill(how.typed ?? name);
  if (how.way === 'draw') await drawMark(page);
  await press(page.getByRole('button', { name: t('Sign as {name}', { name }), exact: true }));
  await expect(page.getByRole('term').filter({ hasText: name }).first()).toBeVisible();
}

/** How each person signs in the walk of part 3 (the worker last). */
export const SIGNING = {
  'Ayesha Khan': { way: 'typed' },
  // Joan agrees as she does everywhere: through the pictures in her book,
  // the worker seeing it.
  'Joan Khan': { way: 'tap', agreed: { way: 'Through pictures, symbols or objects of reference', witness: 'Sam Patel, worker' } },
  // An advocate and an interpreter confirm what they were here for.
  'Grace Obi': { confirm: true },
  'Farah Ali': { confirm: true },
  'Tom Khan': { way: 'draw' },
  'Sam Patel': { way: 'tap' },
};

/** From "Check the review before signing", sign everyone off in turn order. Returns the order. */
export async function signEveryone(page, plan = SIGNING, t = wordsOf(page)) {
  await press(page.getByRole('link', { name: 'Continue to sign off' }));
  await expect(heading(page, 'Sign off the review')).toBeVisible();
  const order = [];
  for (;;) {
    const banner = turnBanner(page, t);
    if (!(await banner.isVisible())) break;
    const text = (await banner.textContent()).replace(/\uFEFF/g, '').replace(new RegExp(`^${escapeRegExp(t('Now:'))}\\s*`), '');
    const name = Object.keys(plan).find((n) => text.startsWith(n));
    if (!name) throw new Error(`no signing plan for "${text}"`);
    await signTurn(page, name, plan[name], t);
    order.push(name);
  }
  // Ended because everyone signed, not because the banner was not found.
  await expect(page.getByRole('status').filter({ hasText: 'The review is signed off' })).toBeVisible();
  return order;
}

/**
 * The staged review "review proper" with something kept from each reader
 * (the carer's view from the person cared for, the reasons from the carer,
 * the other views from everyone but the worker and the records), on the
 * check page, ready to sign. Returns the review's id.
 */
export async function reviewKeepingSomethingFromEach(page) {
  const id = await reviewAt(page, 'review proper');
  await openReviewPage(page, id, 'outcome/decision');
  await page.locator('#visibility-outcome-rationale').selectOption('not-carer');
  await openReviewPage(page, id, 'outcome/views');
  await page.locator('#visibility-outcome-carer-view').selectOption('not-individual');
  await page.locator('#visibility-outcome-other-views').selectOption('worker-and-records');
  await openReviewPage(page, id);
  await openCheck(page);
  return id;
}

/**
 * From the task list, open "Check the review before signing", every part
 * shown (before signing begins, the parts may be folded: issue 26).
 */
export async function openCheck(page) {
  await press(page.getByRole('link', { name: 'Check the review and sign it off' }));
  await expect(heading(page, 'Check the review before signing')).toBeVisible();
  await showEveryPart(page);
}

/** On the check page, "Show every part" if the parts are folded. */
export async function showEveryPart(page) {
  const all = page.locator('#check-show-all');
  if ((await all.count()) && (await all.textContent()).includes('Show every part')) await press(all);
}

/** Sign in turn (as SIGNING says) until it is `name`'s turn; leaves their form showing. */
export async function signUntil(page, name, plan = SIGNING) {
  const t = wordsOf(page);
  await openCheck(page);
  await press(page.getByRole('link', { name: 'Continue to sign off' }));
  await expect(heading(page, 'Sign off the review')).toBeVisible();
  for (;;) {
    const text = (await turnBanner(page, t).textContent()).replace(/\uFEFF/g, '').replace(new RegExp(`^${escapeRegExp(t('Now:'))}\\s*`), '');
    if (text.startsWith(name)) return;
    const next = Object.keys(plan).find((n) => text.startsWith(n));
    await signTurn(page, next, plan[next]);
  }
}
/**
 * On the worker's turn, with the tablet's clock then set to 1 January 2020
 * (before the review began), the worker taps "Sign as Sam Patel": the app
 * asks whether the clock is right. Returns the question (an alert region).
 */
export async function clockInDoubt(page) {
  await page.clock.install({ time: new Date('2020-01-01T09:00:00Z') });
  await page.reload();
  await expect(turnBanner(page)).toContainText('Now: Sam Patel');
  await press(radio(page, 'Does Sam Patel agree with the review?', 'Yes, I agree'));
  await press(radio(page, 'How will they sign?', 'Tap the button below'));
  await press(page.getByRole('button', { name: 'Sign as Sam Patel', exact: true }));
  const question = page.getByRole('alert').filter({ hasText: 'Is the tablet’s clock right?' });
  await expect(question).toBeVisible();
  return question;
}

/** From the task list, sign everyone off in turn (SIGNING): the review is locked. Returns its id. */
export async function lockedReview(page) {
  const id = await completeReview(page);
  await openCheck(page);
  await signEveryone(page);
  return id;
}

/**
 * One rating of a review's data changed, as in a text editor (someone
 * holding a backup, or the tablet's storage): to another point of the same
 * scale, in a criterion rated two ways.
 */
export function changeOneRating(data) {
  const changed = Object.values(data.criterionReviews).find((c) => new Set(c.ratings.map((r) => r.point)).size > 1);
  expect(changed, 'a criterion rated two ways in the staged review').toBeTruthy();
  const [first] = changed.ratings;
  first.point = changed.ratings.find((r) => r.point !== first.point).point;
}

/** One rating of review `id` changed in the device's storage (see changeOneRating), then a reload. */
export async function changeOneRatingInStorage(page, id) {
  const key = `review-together/review/${id}`;
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
  changeOneRating(stored.data);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(stored)]);
  await page.reload();
}

// --- Staged states (state.js) ----------------------------------------------------
// Each is driven through the UI once in a run, by the drivers above, and
// restored from storage after that. `ms`: the time driving it may take.

const STAGES = {
  'new review': {
    ms: 30_000,
    drive: async (page) => {
      await setUpDevice(page);
      return startReview(page);
    },
  },
  family: { ms: 60_000, drive: startReviewWithFamily },
  needs: { ms: 90_000, drive: startReviewWithNeeds },
  'getting ready': { ms: 120_000, drive: driveGettingReady },
  'review proper': {
    ms: 240_000,
    drive: async (page) => {
      const id = await reviewAt(page, 'getting ready');
      await driveReviewProper(page, id);
      return id;
    },
  },
  'signed off': {
    ms: 120_000,
    drive: async (page) => {
      const id = await reviewAt(page, 'review proper');
      await openCheck(page);
      await signEveryone(page);
      return id;
    },
  },
  // Signed off here (the device's key stays in this browser's IndexedDB,
  // which a stage does not carry), then a new review started from it with
  // everything brought forward: on "Who is here".
  'followed on': {
    ms: 240_000,
    drive: async (page) => {
      await reviewAt(page, 'review proper');
      await openCheck(page);
      await signEveryone(page);
      return followOn(page);
    },
  },
};

/**
 * From the home screen, start a review from the last review signed off on
 * this device (the newest, chosen first): checked, everything offered
 * brought forward except what `untick` names (checkbox labels). Ends on
 * "Who is here" of the new review; returns its id.
 */
export async function followOn(page, { untick = [] } = {}) {
  await page.goto('/');
  await press(page.getByRole('link', { name: 'Start from the last review' }));
  await expect(heading(page, 'Start from the last review')).toBeVisible();
  await press(page.getByRole('button', { name: 'Check it and go on' }));
  const checked = page.getByRole('region', { name: 'Checked' });
  await expect(checked).toContainText(/’s review of /);
  await expect(checked).toContainText('Ayesha Khan');
  for (const label of untick) await press(page.getByRole('checkbox', { name: label, exact: true }));
  await press(page.getByRole('button', { name: 'Start the review with these' }));
  await expect(heading(page, 'Who is here')).toBeVisible();
  return page.url().match(/\/review\/([^/]+)\//)[1];
}

/** setUpDevice() and startReview(), from their stage: on "Who is here"; returns the id. */
export const newReview = (page) => reviewAt(page, 'new review', 'who');
/** startReviewWithFamily(), from its stage: on "Who is here"; returns the id. */
export const familyReview = (page) => reviewAt(page, 'family', 'who');
/** startReviewWithNeeds(), from its stage: on "Help to take part"; returns the id. */
export const needsReview = (page) => reviewAt(page, 'needs', 'taking-part');

/** The stage `name` on the device, with nothing opened yet; returns the review's id. */
export async function reach(page, name) {
  const { drive, ms } = STAGES[name];
  return stage(page, name, drive, ms);
}

/**
 * The review of a stage, opened at `rest` of its address ('' for the task
 * list); returns its id. Stages: 'new review' (the device set up, a review
 * just started), 'family' (startReviewWithFamily), 'needs'
 * (startReviewWithNeeds), 'getting ready' (driveGettingReady), 'review
 * proper' (every part done) and 'signed off' (signed by everyone, locked).
 */
export async function reviewAt(page, name, rest = '') {
  const id = await reach(page, name);
  if (rest === '') await openTaskList(page, id);
  else await openReviewPage(page, id, rest);
  return id;
}

/**
 * A review whose getting ready is done: the worker Sam Patel; Ayesha Khan
 * (carer, with a Urdu interpreter, Farah Ali, joining remotely); Joan Khan
 * (the person cared for, with her advocate Grace Obi); Tom Khan (key person).
 * Three criteria. Leaves the page on the task list; returns the review's id.
 */
export async function completeGettingReady(page) {
  return reviewAt(page, 'getting ready');
}

/** A review with every part done, ready to check and sign. Leaves the page on the task list. */
export async function completeReview(page) {
  return reviewAt(page, 'review proper');
}

/** From the task list, "Download summary": the file's name, where the test kept it, and its text. */
export async function downloadSummary(page) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    press(page.getByRole('button', { name: 'Download summary' })),
  ]);
  const path = test.info().outputPath(dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}
