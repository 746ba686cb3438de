// The registry of every screen and state the app has, for the per-screen
// checks of specs/screens.spec.js (axe, touch targets, display modes,
// reflow) and for the screenshot tool (tools/screenshots.spec.js).
//
// Each entry names the router path it belongs to (`route`, as written in
// src/app.rs, with "*" for the not-found fallback), its `state` ('clean',
// 'error', or 'dialog': a panel open over the screen) and a `setup` that
// leaves the page showing it. Setups reach a point of the meeting from a
// staged state (meeting.js reviewAt(): driven through the UI once in a run,
// then restored from storage), then do the last steps through the UI.
// Add a screen here when you add it to the app: screens.spec.js fails on any
// route of src/app.rs that no entry covers.
//
// screen(name, route, state, ...steps) (screens-device.js) makes an entry
// whose setup runs the steps in turn, each a function of the page:
// review(stage, rest) and part(...) open a staged review somewhere,
// showing(h1) waits for a heading, and so on.
import { expect, press, heading, radio, checkbox, showErrors, isoDate, startingWith, escapeRegExp } from './fixture.js';
import { candidates, messagePattern, said } from './speaking.js';
import { addPerson, changePerson, libraryCriterion, ownCriterionField, TIME_OFF, EVENING_CALLS } from './getting-ready.js';
import {
  reviewAt, changeOneRatingInStorage, clockInDoubt, openCriterion, rate, markNotDiscussed, addResource, addArrangement, addMatter, openCheck, signUntil,
  signEveryone, turnBanner, RATINGS, SITTING, COVER_QUESTION, ARRANGEMENT, PHONE_NOW, SAFEGUARDING,
} from './meeting.js';
import { forgetDeviceKey } from './features.js';
import {
  DEVICE_SCREENS, screen, review, showing, pressButton, alerting, erring, openPartHere, PART_ROUTES, visit, offering,
} from './screens-device.js';

/** Choose the option of `select` whose English is `english`, whichever of its translations the page has. */
async function chooseOption(select, english) {
  const labels = (await select.locator('option').allTextContents()).map((t) => t.trim());
  const label = candidates(select.page(), english).find((c) => labels.includes(c)) ?? english;
  await select.selectOption({ label });
}

/** The buttons `verb` ("Change", "Close") of the agreed criteria, each "<verb> “<criterion>”". */
const criterionButtons = (page, verb) => page.getByRole('button', { name: new RegExp(`^\uFEFF?${escapeRegExp(said(page, verb))}\uFEFF? “`) });

/** Step: one rating of the open review changed in the device's storage (as by someone with the tablet's storage), then a reload. */
async function editedInStorage(page) {
  await changeOneRatingInStorage(page, page.url().split('/review/')[1].split('/')[0]);
  await expect(heading(page, 'Carer review')).toBeVisible();
}

/** Step: one person's page of "Help to take part", in the family's review. */
const supportOf = (name) => async (page) => {
  await reviewAt(page, 'family', 'taking-part');
  await press(page.getByRole('link', { name: `Change what helps ${name} take part`, exact: true }));
  await expect(heading(page, `What helps ${name} take part`)).toBeVisible();
};

/**
 * Step: a part's screen, opened from the task list as a worker would, in a
 * review whose getting ready is done (or, `complete`, every part).
 */
const part = (name, { complete = false } = {}) => async (page) => {
  await reviewAt(page, complete ? 'review proper' : 'getting ready');
  await openPartHere(page, name);
};

/** An entry on a part's screen (`steps` after opening it). */
const onPart = (name, state, partName, ...steps) => screen(name, `/review/:id/${PART_ROUTES[partName]}`, state, part(partName), ...steps);

/** Step: one criterion of "How it is going", in a review whose getting ready is done. */
const criterion = (wording = TIME_OFF) => async (page) => {
  await part('How it is going')(page);
  await openCriterion(page, wording);
};

/** Step: in a complete review, sign in turn until it is `name`'s turn; their form shows. */
const turnOf = (name) => async (page) => {
  await reviewAt(page, 'review proper');
  await signUntil(page, name);
};

/** Step: "Sign off the review" of a complete review, at the first turn. */
const firstTurn = async (page) => {
  await reviewAt(page, 'review proper');
  await openCheck(page);
  await press(page.getByRole('link', { name: 'Continue to sign off' }));
};

/** Step: say yes to "Does Ayesha Khan use any services or support?". */
const usesServices = (page) => press(radio(page, 'Does Ayesha Khan use any services or support?', 'Yes'));
/** Step: say yes to the question of "Support while the carer has time for themselves". */
const needsCover = (page) => press(radio(page, COVER_QUESTION, 'Yes'));
/** Step: say yes to "Does anything need someone else's help?". */
const needsHelp = (page) => press(radio(page, "Does anything need someone else's help?", 'Yes'));

const WHO = '/review/:id/who/:pid';
const SUPPORT = '/review/:id/taking-part/:pid';
const PROCESS = '/review/:id/process';
const SHARING = '/review/:id/process/sharing';
const OUTCOME = '/review/:id/outcome/decision';
const VIEWS = '/review/:id/outcome/views';
const CRITERIA = '/review/:id/criteria';
const READY = '/review/:id/ready';
const CRITERION = '/review/:id/rate/:cid';
const SIGN = '/review/:id/sign';
const REFLECTION = '/review/:id/reflection';
/**
 * Steps: a review signed off in this browser, by this device's key (a staged
 * signed-off review is restored without the key that signed it), on its
 * reflection page.
 */
const signedHere = [review('review proper'), (page) => openCheck(page), (page) => signEveryone(page),
  (page) => page.goto(page.url().replace(/\/[a-z]+$/, '/reflection')), showing('Looking back on the review')];
/** One person's answer to "How was this review for you?" on the reflection page. */
const feeling = (page, who, answer) => page.getByRole('group', { name: `How was this review for ${who}?` }).getByLabel(answer);
const TIME_BOX = 'Minutes for: Things that need someone else\'s help';

// A clean state is checked in each language (Welsh, Urdu and the
// pseudo-locale) after a reload into it (specs/screens.spec.js), where a
// reload brings the same state back: the same fields with the same values and
// choices, the same folds and panels open, the same headings, buttons, links,
// alerts and status messages (screens.spec.js shapeOf, compared before and after). These
// clean states a reload does not bring back whole (a file chosen, a fold or
// a question opened and not stored, a message shown once) are set up again in
// each language instead, as every error and dialog state is; a state
// left out of this list that a reload changes fails.
export const SET_UP_IN_EACH_LANGUAGE = new Set([
  'a backup about to download, its recovery code shown once',
  'actions and outcome, an action removed with Undo offered',
  'check a summary file, signer not checked',
  'check a summary file, valid from a listed device',
  "check the review, a signer's own copy during their turn",
  'check the review, complete',
  'check the review, parts unfinished',
  'cover, an arrangement agreed through her advocate',
  'cover, an arrangement not agreed to',
  'device PIN set, locking choices',
  'home, a new version ready',
  "how we will review, the carer's time on their own planned",
  'how we will review, time boxes open',
  'keeping things private, copies for a service and someone else',
  'keeping things private, with a sharing restriction',
  'locked, forgotten PIN',
  'open a backup, already on this device',
  'open a backup, asking for its recovery code',
  'open a backup, locked with a PIN',
  'person details',
  'person details, asking to confirm removal',
  'person details, the person cared for with her age and what matters',
  "person details, the team's references and the NHS number",
  'person support, interpreter and communication questions open',
  'person support, their own language chosen',
  'rate one criterion, different views and a note',
  'rate one criterion, not discussed',
  'rating a criterion, last time’s ratings beside it',
  'ready to start, a need not met',
  'recovery code, a new one shown',
  'services and support, a card open with a gap',
  'sign off, agreeing through pictures with a witness',
  'sign off, not agreeing with two points of the review',
  'sign off, the advocate confirms what she was here for',
  'sign off, the draw pad open',
  'sign off, the first turn',
  "sign off, the worker's turn",
  'signing key, locked with the PIN',
  'start from the last review, what comes forward',
  'task list, just opened from a backup',
  'team configuration, a file read, PIN asked',
  'team configuration, imported',
  'team key list, a list read, PIN asked',
  'team key list, imported',
  'the carer’s copy, marked as given',
  "things that need someone else's help, urgent safeguarding",
  "time on their own, the carer's own questions",
  'what we will look at, an agreed criterion opened',
  'what we will look at, nothing in our list has those words',
  'what we will look at, searching our list',
  'what we will look at, with chosen criteria',
  'who is here, an interpreter whose name is not known',
  'who is here, everyone added',
]);

export const SCREENS = [
  ...DEVICE_SCREENS,

  // --- The review's own pages ------------------------------------------------------------
  screen('task list', '/review/:id', 'clean', review('family'), showing('Carer review')),
  screen('task list, signed off and changed in storage since', '/review/:id', 'error', review('signed off'),
    editedInStorage, (page) => expect(page.getByText(/has changed since it was signed off/)).toBeVisible()),
  screen('delete this review?', '/review/:id/delete', 'clean', review('family', 'delete'), showing('Delete this review?')),

  // --- Part 1: who is here ---------------------------------------------------------------
  screen('who is here, new review', '/review/:id/who', 'clean', review('new review', 'who'), showing('Who is here')),
  screen('who is here, everyone added', '/review/:id/who', 'clean', review('family', 'who'),
    (page) => addPerson(page, 'Add an interpreter', { name: 'Farah Ali', attendance: 'Joining remotely (phone or video)' })),
  screen('who is here', '/review/:id/who', 'error', review('new review', 'who'), showErrors),
  screen('person details', WHO, 'clean', review('new review', 'who'), pressButton('Add a carer'), showing('Carer details')),
  screen('person details', WHO, 'error', review('new review', 'who'), pressButton('Add a carer'), showErrors),
  screen('person details, asking to confirm removal', WHO, 'clean', review('family', 'who'),
    (page) => changePerson(page, 'Ayesha Khan'), pressButton('Remove this person'),
    (page) => expect(page.getByRole('button', { name: 'Yes, remove them' })).toBeVisible()),
  screen('person details, the person cared for cannot be removed', WHO, 'error', review('family', 'who'),
    (page) => changePerson(page, 'Joan Khan'), pressButton('Remove this person'), pressButton('Yes, remove them'),
    alerting('always part of the review')),
  screen('person details, the person cared for with her age and what matters', WHO, 'clean', review('family', 'who'),
    (page) => changePerson(page, 'Joan Khan'),
    (page) => page.getByLabel('Age (optional)').fill('84'),
    (page) => page.getByLabel('What matters about them (optional)').fill('Joan lives with dementia; mornings are her best time.')),
  screen('person details, an age that is not one', WHO, 'error', review('family', 'who'),
    (page) => changePerson(page, 'Ayesha Khan'), (page) => page.getByLabel('Age (optional)').fill('seventeen'), showErrors),
  screen('who is here, an interpreter whose name is not known', '/review/:id/who', 'clean', review('family', 'who'),
    (page) => addPerson(page, 'Add an interpreter', { attendance: 'Joining remotely (phone or video)' }),
    showing('Who is here')),
  screen('person details, person not in the review', WHO, 'error',
    review('new review', 'who/nobody'), showing('This person is not in the review')),

  // --- Part 1: help to take part -----------------------------------------------------------
  screen('help to take part', '/review/:id/taking-part', 'clean', review('needs', 'taking-part')),
  screen('help to take part', '/review/:id/taking-part', 'error', review('family', 'taking-part'), showErrors),
  screen('person support', SUPPORT, 'clean', supportOf('Ayesha Khan')),
  screen('person support', SUPPORT, 'error', supportOf('Ayesha Khan'),
    (page) => press(radio(page, 'Do they need an interpreter?', 'Yes')),
    (page) => press(checkbox(page, 'How do they like to communicate?', 'Communication aid or device')),
    showErrors),
  screen('person support, interpreter and communication questions open', SUPPORT, 'clean', supportOf('Ayesha Khan'),
    async (page) => {
      await press(radio(page, 'Do they need an interpreter?', 'Yes'));
      await press(radio(page, 'What kind of interpreter?', 'Spoken language interpreter'));
      await press(checkbox(page, 'How do they like to communicate?', 'Symbols'));
      await expect(page.getByLabel('Language to interpret')).toBeVisible();
      await expect(page.getByLabel('Details of how they communicate')).toBeVisible();
    }),
  screen('person support, their own language chosen', SUPPORT, 'clean', supportOf('Ayesha Khan'),
    (page) => press(page.getByText('The tablet and their copy in their language', { exact: true })),
    (page) => press(radio(page, 'The tablet and their copy: which language?', 'اردو')),
    (page) => expect(radio(page, 'The tablet and their copy: which language?', 'اردو')).toBeChecked()),
  screen('person support, person not in the review', SUPPORT, 'error',
    review('new review', 'taking-part/nobody'), showing('This person is not in the review')),

  // --- Part 1: how we will review, what we will look at, ready to start -------------------
  screen('how we will review', PROCESS, 'clean', review('family', 'process')),
  screen('how we will review', PROCESS, 'error', review('family', 'process'), showErrors),
  screen('how we will review, time boxes open', PROCESS, 'clean', review('family', 'process'),
    (page) => press(page.getByText('Set a time for each part (optional)')),
    (page) => expect(page.getByLabel(TIME_BOX)).toBeVisible()),
  screen('how we will review, a time box that is not a number', PROCESS, 'error', review('family', 'process'),
    (page) => press(page.getByText('Set a time for each part (optional)')),
    (page) => page.getByLabel(TIME_BOX).fill('ten'), pressButton('Continue', true),
    (page) => expect(page.getByText('as a whole number from 1 to').first()).toBeVisible()),
  screen("how we will review, the carer's time on their own planned", PROCESS, 'clean', review('family', 'process'),
    (page) => press(radio(page, 'Would the carer like time with the worker on their own?', 'Yes')),
    (page) => page.getByLabel('How long will it be?').selectOption('15'),
    (page) => press(radio(page, 'When in the review will it be?', 'After how it is going'))),
  screen('keeping things private', SHARING, 'clean', review('family', 'process/sharing')),
  screen('keeping things private', SHARING, 'error', review('family', 'process/sharing'), showErrors),
  screen('keeping things private, with a sharing restriction', SHARING, 'clean', review('family', 'process/sharing'),
    pressButton('Add something that must not be shared'),
    (page) => page.getByLabel('What must not be shared').fill("Ayesha's own health worries"),
    (page) => page.getByLabel('Who it must not be shared with').fill("Joan's day centre")),
  screen('keeping things private, copies for a service and someone else', SHARING, 'clean', review('family', 'process/sharing'),
    (page) => press(checkbox(page, 'Who gets a copy of the summary?', 'The carer')),
    pressButton('Add a service that gets a copy'),
    (page) => page.getByLabel('Name of the service that gets a copy').fill('Northshire Day Centre'),
    pressButton('Add someone else who gets a copy'),
    (page) => press(radio(page, 'Who may see what is said, unless you choose otherwise for an item?', 'Not services or the GP'))),
  screen('what we will look at', CRITERIA, 'clean', review('family', 'criteria')),
  screen('what we will look at', CRITERIA, 'error', review('family', 'criteria'), showErrors),
  screen('what we will look at, agreed criteria folded to one line', CRITERIA, 'clean', review('getting ready', 'criteria'),
    (page) => expect(criterionButtons(page, 'Change')).toHaveCount(3)),
  screen('what we will look at, an agreed criterion opened', CRITERIA, 'clean', review('getting ready', 'criteria'),
    (page) => press(criterionButtons(page, 'Change').first()),
    (page) => expect(criterionButtons(page, 'Close')).toHaveCount(1)),
  screen('what we will look at, searching our list', CRITERIA, 'clean', review('family', 'criteria'),
    (page) => page.getByLabel('Search our list').fill('money'),
    (page) => expect(page.getByRole('group', { name: '1 criterion has those words' })).toBeVisible()),
  screen('what we will look at, nothing in our list has those words', CRITERIA, 'clean', review('family', 'criteria'),
    (page) => page.getByLabel('Search our list').fill('zebra'),
    (page) => expect(page.getByText('Nothing in our list has those words.')).toBeVisible()),
  screen('what we will look at, with chosen criteria', CRITERIA, 'clean', review('family', 'criteria'),
    async (page) => press(await libraryCriterion(page, 'The carer is getting enough sleep and rest.')),
    async (page) => (await ownCriterionField(page)).fill(EVENING_CALLS),
    pressButton('Add this to the review'),
    (page) => expect(page.getByRole('heading', { level: 3 })).toHaveCount(2)),
  screen('ready to start, nobody needs anything', READY, 'clean', review('family', 'ready'),
    (page) => expect(page.getByText('Nobody has said they need anything set up.', { exact: false })).toBeVisible()),
  screen('ready to start, with needs', READY, 'clean', review('needs', 'ready')),
  screen('ready to start', READY, 'error', review('needs', 'ready'), showErrors),
  screen('ready to start, a need not met', READY, 'clean', review('needs', 'ready'),
    // Joan's need (symbols): the question found by its message in the screens' language.
    (page) => press(page.getByRole('group', { name: messagePattern(page, 'Is everything ready for {who}: {label}?') })
      .filter({ hasText: 'Joan Khan' }).first().getByRole('radio', { name: 'No, it is not', exact: true })),
    (page) => expect(page.getByLabel('What did you do about it?')).toBeVisible()),

  // --- Part 2: how it is going -------------------------------------------------------------
  onPart('how it is going, nothing rated yet', 'clean', 'How it is going'),
  onPart('how it is going', 'error', 'How it is going', showErrors),
  screen('how it is going, everything rated', '/review/:id/rate', 'clean', part('How it is going', { complete: true })),
  screen('rate one criterion', CRITERION, 'clean', criterion()),
  screen('rate one criterion, nobody rated', CRITERION, 'error', criterion(), pressButton('Next criterion'),
    erring),
  screen('rate one criterion, different views and a note', CRITERION, 'clean', criterion(),
    (page) => rate(page, RATINGS[TIME_OFF]), pressButton('Add a note'),
    (page) => page.getByLabel('What was said').fill('The agency sends someone new every week'),
    (page) => expect(page.getByText(startingWith('Different views:'))).toBeVisible()),
  screen('rate one criterion, a note with nothing in it', CRITERION, 'error', criterion(),
    (page) => rate(page, RATINGS[TIME_OFF]), pressButton('Add a note'), pressButton('Next criterion'),
    erring),
  screen('rate one criterion, not discussed', CRITERION, 'clean', criterion(EVENING_CALLS),
    (page) => markNotDiscussed(page, ''),
    (page) => expect(page.getByLabel('Why was it not discussed?')).toBeFocused()),
  screen('rate one criterion, not discussed without a reason', CRITERION, 'error', criterion(EVENING_CALLS),
    (page) => markNotDiscussed(page, ''), showErrors),
  screen('rate one criterion, not in the review', CRITERION, 'error',
    review('getting ready', 'rate/no-such-criterion'), showing('This is not in the review')),

  // --- Part 2: services, cover, things that need someone else's help, outcome ---------------
  onPart('services and support', 'clean', 'Services and support'),
  onPart('services and support', 'error', 'Services and support', showErrors),
  onPart('services and support, a card open with a gap', 'clean', 'Services and support', usesServices,
    (page) => addResource(page, SITTING), pressButton('Add a gap in support'),
    (page) => page.getByLabel('What is missing?').fill('No sitting service at weekends')),
  onPart('services and support, a card not finished', 'error', 'Services and support', usesServices,
    pressButton('Add a service or support', true),
    (page) => press(radio(page, 'What happens to it now?', 'Stop it')), showErrors),
  screen('services and support, cards closed', '/review/:id/services', 'clean',
    part('Services and support', { complete: true })),
  onPart('cover', 'clean', 'Support while the carer has time for themselves'),
  screen('cover, cards closed', '/review/:id/cover', 'clean',
    part('Support while the carer has time for themselves', { complete: true }),
    (page) => expect(page.locator('.app-card__line')).not.toHaveCount(0)),
  onPart('cover', 'error', 'Support while the carer has time for themselves', showErrors),
  onPart('cover, an arrangement not agreed to', 'clean', 'Support while the carer has time for themselves', needsCover,
    (page) => addArrangement(page, ARRANGEMENT, { stopAt: 'not agreed' })),
  onPart('cover, an arrangement agreed through her advocate', 'clean', 'Support while the carer has time for themselves', needsCover,
    (page) => addArrangement(page),
    (page) => expect(radio(page, 'How did Joan Khan show they agree?', 'Through their advocate')).toBeChecked()),
  screen('keeping things private, agreed through the interpreter', SHARING, 'clean', part('How we will review'),
    pressButton('Continue', true), showing('Keeping things private'),
    (page) => expect(radio(page, 'How did Ayesha Khan show they agree?', 'Spoken through the interpreter')).toBeChecked()),
  onPart('cover, not agreed and nothing said about what happens next', 'error',
    'Support while the carer has time for themselves', needsCover,
    pressButton('Add an arrangement', true), pressButton('Add a risk', true),
    (page) => press(radio(page, 'Did Joan Khan agree to this?', 'No, they did not agree')), showErrors),
  onPart("things that need someone else's help", 'clean', "Things that need someone else's help"),
  screen("things that need someone else's help, cards closed", '/review/:id/escalations', 'clean',
    part("Things that need someone else's help", { complete: true }),
    (page) => expect(page.locator('.app-card__line')).not.toHaveCount(0)),
  onPart("things that need someone else's help", 'error', "Things that need someone else's help", showErrors),
  onPart("things that need someone else's help, urgent safeguarding", 'clean', "Things that need someone else's help",
    needsHelp, (page) => addMatter(page, SAFEGUARDING), alerting(PHONE_NOW)),
  onPart("things that need someone else's help, a matter not finished", 'error', "Things that need someone else's help",
    needsHelp, pressButton("Add something that needs someone else's help", true),
    (page) => press(radio(page, 'Where does it need to go?', 'Somewhere else')),
    (page) => press(radio(page, 'Is there consent to share this?', 'It will be shared without consent because of a risk of harm')),
    showErrors),
  onPart('actions and outcome', 'clean', 'Actions and outcome'),
  onPart('actions and outcome', 'error', 'Actions and outcome', pressButton('Add an action', true), showErrors),
  screen('actions and outcome, filled in', '/review/:id/outcome', 'clean', part('Actions and outcome', { complete: true })),
  screen('the outcome', OUTCOME, 'clean', review('getting ready', 'outcome/decision')),
  screen('the outcome', OUTCOME, 'error', review('getting ready', 'outcome/decision'),
    (page) => page.getByLabel('Date of the next review').fill(isoDate(-1)), showErrors),
  screen('the outcome, filled in', OUTCOME, 'clean', part('Actions and outcome', { complete: true }),
    pressButton('Continue', true), showing('The outcome')),
  screen('what everyone thinks of the outcome', VIEWS, 'clean', review('getting ready', 'outcome/views')),
  screen('what everyone thinks of the outcome', VIEWS, 'error', review('getting ready', 'outcome/views'), showErrors),
  screen('what everyone thinks of the outcome, filled in', VIEWS, 'clean', review('review proper', 'outcome/views'),
    showing('What everyone thinks of it')),
  screen('actions and outcome, the meeting paused', '/review/:id/outcome', 'dialog', part('Actions and outcome', { complete: true }),
    pressButton('Pause the review'), showing('Paused')),
  screen('actions and outcome, an action removed with Undo offered', '/review/:id/outcome', 'clean',
    part('Actions and outcome', { complete: true }), pressButton('Remove action 1', true), pressButton('Yes, remove it'),
    (page) => expect(page.getByRole('button', { name: 'Undo: put back action 1' })).toBeVisible()),

  // --- Time on their own (issue 23): every address shows only the turn while it is on -----
  screen('time on their own, choosing who', '/review/:id/private', 'clean', review('review proper', 'private'), showing('Time on their own')),
  screen("time on their own, the carer's own questions", '/review/:id/private', 'clean', review('review proper', 'private'),
    pressButton('Give them the tablet'), showing('Your time on your own, Ayesha Khan'),
    (page) => press(page.getByRole('button', { name: /^Say something about this/ }).first()),
    (page) => page.getByLabel('What you want to say').fill('Some nights I do not sleep at all')),
  screen('time on their own, handing the tablet back', '/review/:id/private', 'clean', review('review proper', 'private'),
    pressButton('Give them the tablet'), pressButton('I have finished: hand the tablet back'), showing('Please pass the tablet back to Sam Patel')),

  // --- Part 3: checking, signing off, amending ---------------------------------------------
  screen('check the review, parts unfinished', '/review/:id/check', 'clean', review('getting ready'), openCheck,
    (page) => expect(page.getByRole('heading', { name: 'Finish these first' })).toBeVisible()),
  screen('check the review, every part folded before signing', '/review/:id/check', 'clean', review('review proper', 'check'),
    (page) => expect(page.getByRole('button', { name: 'Show every part' })).toBeVisible()),
  screen('check the review, complete', '/review/:id/check', 'clean', review('review proper'), openCheck,
    (page) => expect(page.getByRole('link', { name: 'Continue to sign off' })).toBeVisible()),
  screen('check the review, a service copy that would hold nothing of its own', '/review/:id/check', 'clean', review('review proper', 'process/sharing'),
    pressButton('Add a service that gets a copy'), (page) => page.getByLabel('Name of the service that gets a copy').last().fill('Crossroads Sitting'),
    (page) => expect(page.locator('.app-warning-text')).toContainText('The copy for Crossroads Sitting'),
    (page) => page.goto(page.url().replace(/\/process\/sharing$/, '/check')), showing('Check the review before signing'),
    (page) => expect(page.locator('.app-warning-text')).toContainText('The copy for Crossroads Sitting')),
  screen("check the review, a signer's own copy during their turn", '/review/:id/check', 'clean', firstTurn,
    (page) => press(page.getByRole('link', { name: /^Look at what .* is signing$/ })),
    (page) => expect(page.getByText(/copy of the summary will hold/)).toBeVisible()),
  screen('sign off, the first turn', SIGN, 'clean', firstTurn, (page) => expect(turnBanner(page)).toBeVisible()),
  screen('sign off, nothing chosen', SIGN, 'error', firstTurn,
    (page) => press(page.getByRole('button', { name: /^Sign as / })),
    alerting('Select whether they agree with the review')),
  screen('sign off, a typed name that does not match', SIGN, 'error', turnOf('Ayesha Khan'), async (page) => {
    await press(radio(page, 'Does Ayesha Khan agree with the review?', 'No, I do not agree'));
    await page.getByLabel('Why do they not agree?').fill('The respite week is too short');
    await press(radio(page, 'How will they sign?', 'Type their name'));
    await page.getByLabel('Type your name').fill('A. Khan');
    await press(page.getByRole('button', { name: 'Sign as Ayesha Khan' }));
  }, alerting('Type the name as it is in the review')),
  screen('sign off, agreeing through pictures with a witness', SIGN, 'clean', turnOf('Joan Khan'), async (page) => {
    await press(radio(page, 'Does Joan Khan agree with the review?', 'I agree, with a comment'));
    await press(radio(page, 'How did Joan Khan show they agree?', 'Through pictures, symbols or objects of reference'));
    await chooseOption(page.getByLabel('Who saw them agree? (optional)'), 'Sam Patel, worker');
  }),
  screen('sign off, the draw pad open', SIGN, 'clean', turnOf('Tom Khan'), async (page) => {
    await press(radio(page, 'Does Tom Khan agree with the review?', 'Yes, I agree'));
    await press(radio(page, 'How will they sign?', 'Draw a mark with a finger'));
    await expect(page.getByRole('img', { name: 'Draw your mark in the box' })).toBeVisible();
  }),
  screen('sign off, not agreeing with two points of the review', SIGN, 'clean', turnOf('Tom Khan'), async (page) => {
    await press(radio(page, 'Does Tom Khan agree with the review?', 'No, I do not agree'));
    const add = page.getByLabel('Add something they do not agree with');
    await chooseOption(add, 'Support while the carer has time for themselves: A short stay away from home (respite)');
    await page.getByLabel('Why do they not agree with “A short stay away from home (respite)”?').fill('Mum will not settle anywhere for a week');
    await chooseOption(add, 'Actions and outcome: Action 1');
  }),
  screen('sign off, a point not agreed with that says nothing of why', SIGN, 'error', turnOf('Tom Khan'), async (page) => {
    await press(radio(page, 'Does Tom Khan agree with the review?', 'No, I do not agree'));
    await chooseOption(page.getByLabel('Add something they do not agree with'), 'Actions and outcome: Action 1');
    await press(radio(page, 'How will they sign?', 'Tap the button below'));
    await press(page.getByRole('button', { name: 'Sign as Tom Khan' }));
  }, (page) => expect(page.getByRole('alert').filter({ hasText: /Enter why they do not agree with “.*”/ })
    .filter({ hasText: said(page, 'Action 1') })).toBeVisible()),
  screen('sign off, the advocate confirms what she was here for', SIGN, 'clean', turnOf('Grace Obi'),
    (page) => expect(page.getByText('The views I gave were Joan Khan’s own, as they gave them to me.')).toBeVisible()),
  screen('sign off, the interpreter cannot confirm and has not said what', SIGN, 'error', turnOf('Farah Ali'), async (page) => {
    await press(radio(page, 'Can Farah Ali confirm this?', 'No, I cannot confirm all of it'));
    await press(page.getByRole('button', { name: 'Record that Farah Ali cannot confirm it' }));
  }, alerting('Enter what they cannot confirm')),
  screen("sign off, the worker's turn", SIGN, 'clean', turnOf('Sam Patel'),
    (page) => expect(turnBanner(page)).toContainText('worker, signing last')),
  screen("sign off, the worker's turn with the clock in doubt", SIGN, 'error', turnOf('Sam Patel'), clockInDoubt),
  screen('sign off, signed and locked', SIGN, 'clean', review('signed off', 'sign'),
    (page) => expect(page.getByRole('status').filter({ hasText: 'The review is signed off' })).toBeVisible(),
    (page) => expect(page.getByRole('button', { name: 'Download the copy for the person cared for' })).toBeVisible()),
  screen('the carer’s copy to read, print or save', '/review/:id/copy/:recipient', 'clean', review('signed off', 'sign'),
    (page) => press(page.getByRole('link', { name: 'Read, print or give the carer’s copy' })), showing('The carer’s copy'),
    (page) => expect(page.locator('.app-readable').getByRole('heading', { level: 2 }).first()).toContainText('Carer review: ')),
  screen('the carer’s copy, how it was given not chosen', '/review/:id/copy/:recipient', 'error', review('signed off', 'copy/carer'),
    showing('The carer’s copy'), (page) => press(page.getByText('Mark it as given')), pressButton('Mark as given'),
    (page) => expect(page.getByText(/Choose how .* was given/)).toBeVisible()),
  screen('the carer’s copy, marked as given', '/review/:id/copy/:recipient', 'clean', review('signed off', 'copy/carer'),
    showing('The carer’s copy'), (page) => press(page.getByText('Mark it as given')),
    (page) => press(radio(page, /^\uFEFF?How was .* given\?\uFEFF?$/, 'Sent by post')), pressButton('Mark as given'),
    // "Sent by post on <date>" (in some languages the date comes first), not the answer's own label.
    (page) => expect(page.getByText(new RegExp(`${escapeRegExp(said(page, 'Sent by post'))}.*\\d|\\d.*${escapeRegExp(said(page, 'Sent by post'))}`)).first()).toBeVisible()),
  screen('the copy for the person cared for, in easy read', '/review/:id/copy/:recipient', 'clean', review('signed off', 'sign'),
    (page) => press(page.getByRole('link', { name: 'Read, print or give the copy for the person cared for' })),
    pressButton('Easy read'), (page) => expect(page.locator('.app-readable--easy')).toBeVisible()),
  screen('a copy this device does not keep', '/review/:id/copy/:recipient', 'error', review('signed off', 'copy/nobody'),
    showing('This copy is not here')),
  screen('looking back on the review', REFLECTION, 'clean', ...signedHere, (page) => press(feeling(page, 'Ayesha Khan', 'Some good, some not'))),
  screen('looking back on the review', REFLECTION, 'error', ...signedHere, pressButton('Sign the reflection'),
    (page) => expect(page.locator('.app-error-summary')).toBeFocused()),
  screen('looking back on the review, signed', REFLECTION, 'clean', ...signedHere,
    (page) => press(feeling(page, 'Ayesha Khan', 'It was good')), (page) => press(feeling(page, 'Joan Khan', 'They did not say')),
    (page) => page.getByLabel('What went well in this review?').fill('Time to talk'),
    (page) => page.getByLabel('What would you do differently next time?').fill('Nothing'),
    pressButton('Sign the reflection'), (page) => expect(page.getByRole('heading', { name: 'The reflection is signed' })).toBeVisible()),
  screen('looking back on a review another key signed', REFLECTION, 'error', review('signed off', 'reflection'),
    showing('Looking back on the review'), forgetDeviceKey, showing('Looking back on the review'), (page) => expect(page.getByText(/signing key did not sign this review’s summary/)).toBeVisible()),
  screen('a part after two people signed, answers read-only', '/review/:id/outcome', 'clean', turnOf('Tom Khan'),
    (page) => page.goto(page.url().replace(/\/sign$/, '/outcome')),
    (page) => expect(page.getByRole('region', { name: 'Signed so far' })).toBeVisible()),
  screen('a part after two people signed, asked before their signatures are cleared', '/review/:id/outcome', 'dialog',
    turnOf('Tom Khan'), (page) => page.goto(page.url().replace(/\/sign$/, '/outcome')),
    pressButton('Change an answer'), (page) => expect(page.getByRole('button', { name: 'Yes, clear the signatures' })).toBeVisible()),
  screen('a locked review shows its answers read-only', OUTCOME, 'clean',
    review('signed off'), (page) => openPartHere(page, 'Actions and outcome'),
    pressButton('Continue', true), showing('The outcome'),
    (page) => expect(page.getByText('This review is signed off and locked.')).toBeVisible(),
    (page) => expect(page.getByLabel('Why is this the outcome?')).not.toBeEditable()),
  screen('a locked review: services, nothing to add or remove', '/review/:id/services', 'clean',
    review('signed off', 'services'), showing('Services and support'),
    (page) => expect(page.getByRole('button', { name: /^View/ }).first()).toBeVisible(),
    (page) => expect(page.getByText('No gaps recorded.')).toBeVisible()),
  screen('a locked review: check the review, each answer to view', '/review/:id/check', 'clean',
    review('signed off', 'check'), (page) => expect(page.getByRole('link', { name: 'View details of Sam Patel' })).toBeVisible()),
  // From one review to the next (issue 27).
  screen('start from the last review, choosing it', '/follow-on', 'clean', review('signed off'), visit('/follow-on'),
    showing('Start from the last review'), offering('Check it and go on')),
  screen('start from the last review, one this device did not sign', '/follow-on', 'error', review('signed off'), forgetDeviceKey, visit('/follow-on'),
    pressButton('Check it and go on'), alerting('signed with a key this device does not hold')),
  screen('start from the last review, what comes forward', '/follow-on', 'clean', review('review proper'),
    (page) => openCheck(page), (page) => signEveryone(page), visit('/follow-on'), pressButton('Check it and go on'),
    (page) => expect(page.getByRole('region', { name: 'Checked' })).toBeVisible()),
  screen('actions, last time’s to follow up', '/review/:id/outcome', 'clean', review('followed on', 'outcome'),
    (page) => expect(page.getByRole('heading', { name: 'Last time’s actions' })).toBeVisible()),
  screen('actions, last time’s not followed up', '/review/:id/outcome', 'error', review('followed on', 'outcome'),
    pressButton('Continue', true), erring),
  screen("things that need someone else's help, last time’s still open", '/review/:id/escalations', 'clean',
    review('followed on', 'escalations'), (page) => expect(page.getByRole('heading', { name: 'Still open at the last review' })).toBeVisible()),
  screen('rating a criterion, last time’s ratings beside it', CRITERION, 'clean', review('followed on', 'rate'),
    // Only the worker is back in the room yet: their rating beside theirs.
    (page) => openCriterion(page, TIME_OFF), (page) => press(radio(page, "Sam Patel's rating", 'Poor')),
    (page) => expect(page.getByText('Last time: Okay. Worse than last time')).toBeVisible()),
  screen('amend this review', '/review/:id/amend', 'clean', review('signed off', 'amend'), showing('Amend this review')),
  screen('amend this review, no reason given', '/review/:id/amend', 'error', review('signed off', 'amend'),
    pressButton('Make a new version'), alerting('Enter why the review is being amended')),
];
