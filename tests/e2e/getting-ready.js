// Drivers of getting ready (part 1), the way a worker would do it (press()
// taps in a touch context): setting up the device, starting a review, who is
// here, help to take part, how we will review, what we will look at, ready
// to start; with the people and answers of the acceptance walks.
import { expect, press, heading, radio, checkbox, agreement, continueTo, openReviewPage } from './fixture.js';
import { messagePattern } from './speaking.js';

// --- The device and part 1: getting ready -----------------------------------

/** Tell the device who is using it (the first-run settings). */
export async function setUpDevice(page) {
  // Relative to the test's base URL: the app may be served in a folder.
  await page.goto('settings');
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
  await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
  await fillPersonDetails(page, details);
  await continueTo(page, 'Who is here');
}

/** On "Who is here": open someone's card by the name it shows. */
export async function changePerson(page, shownName) {
  await press(page.getByRole('link', { name: `Change details of ${shownName}`, exact: true }));
  await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
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
  if (support.interpreter === false) await press(radio(page, 'Do they need an interpreter?', 'No'));
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
  const pattern = messagePattern(page, '{title} ({count} to choose from)');
  const folds = page.getByText(pattern);
  for (let i = 0; i < (await folds.count()); i += 1) {
    const fold = folds.nth(i);
    const title = pattern.exec(await fold.textContent())[1].replace(/\uFEFF/g, '').trim();
    const group = page.getByRole('group', { name: title, exact: true });
    if (!(await group.isVisible())) {
      await press(fold);
      await expect(group).toBeVisible();
    }
  }
}

/**
 * The field for a criterion of our own on "What we will look at", its fold
 * "Add your own" opened if need be (issue 26: a short page).
 */
export async function ownCriterionField(page) {
  const field = page.getByLabel('What else should the review look at?');
  if (!(await field.isVisible())) {
    await press(page.getByText('Add your own', { exact: true }));
    await expect(field).toBeVisible();
  }
  return field;
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

/**
 * A chosen criterion's card, opened if it is folded: one that everyone it
 * needs agreed to is folded to one line when the page opens (issue 26).
 */
export async function openChosenCriterion(page, wording) {
  const card = chosenCriterion(page, wording);
  const toggle = card.getByRole('button', { name: /^(Change|View|Close) “/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await press(toggle);
  return card;
}

// --- A whole meeting ---------------------------------------------------------

export const TIME_OFF = 'The carer gets regular time off from caring and can rely on it happening.';
export const ROLES_CLEAR = 'It is clear who does what: the worker, the carer, family and other services.';
export const EVENING_CALLS = 'The evening calls from the care agency come on time.';
export const CRITERIA = [TIME_OFF, ROLES_CLEAR, EVENING_CALLS];
export const TOM = { name: 'Tom Khan', relationship: 'Son', attendance: 'In the room' };
export const GRACE = { name: 'Grace Obi', relationship: 'Independent advocate', attendance: 'In the room' };
export const FARAH = { name: 'Farah Ali', attendance: 'Joining remotely (phone or video)' };

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
  const id = await startReviewWithFamily(page);
  await addPerson(page, 'Add an advocate', GRACE);
  await addPerson(page, 'Add an interpreter', FARAH);
  await addPerson(page, 'Add a family member or friend', TOM);
  await continueTo(page, 'Help to take part');

  await fillSupport(page, 'Joan Khan', { ...JOAN_SUPPORT, interpreter: false });
  await fillSupport(page, 'Ayesha Khan', AYESHA_SUPPORT);
  await continueTo(page, 'How we will review');

  await agreeHowWeReview(page);

  await press(await libraryCriterion(page, TIME_OFF));
  await press(await libraryCriterion(page, ROLES_CLEAR));
  await (await ownCriterionField(page)).fill(EVENING_CALLS);
  await press(page.getByRole('button', { name: 'Add this to the review' }));
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(CRITERIA, { useInnerText: true });
  await press(radio(chosenCriterion(page, TIME_OFF), 'How will people rate it?', '5 steps: from very poor to very good'));
  await agreeEachCriterionAndStart(page);
  return id;
}

/**
 * On "What we will look at": Ayesha agrees to each of the criteria; then
 * everything is ready. Ends on the task list, getting ready done.
 */
export async function agreeEachCriterionAndStart(page) {
  for (const wording of CRITERIA) {
    await press(agreement(chosenCriterion(page, wording), 'Who agrees to look at this?', 'Ayesha Khan, carer'));
  }
  await continueTo(page, 'Ready to start');
  await allReady(page);
  await continueTo(page, 'Carer review');
  await expectStatuses(page, Object.fromEntries(GETTING_READY.map((p) => [p, 'Done'])));
}

/**
 * "How we will review" as the acceptance walks answer it: a yearly, full
 * review, the carer's time on their own, copies for the carer and the person
 * cared for, everyone may see what is said, Ayesha agrees through the
 * interpreter. Ends on "What we will look at".
 */
export async function agreeHowWeReview(page) {
  await press(radio(page, 'Why is this review happening?', 'Yearly review'));
  await press(radio(page, 'How deep will the review go?', 'Full review: go through everything in detail'));
  await press(radio(page, 'Would the carer like time with the worker on their own?', 'Yes'));
  await continueTo(page, 'Keeping things private');
  await press(checkbox(page, 'Who gets a copy of the summary?', 'The carer'));
  await press(checkbox(page, 'Who gets a copy of the summary?', 'The person cared for'));
  await press(radio(page, 'Who may see what is said, unless you choose otherwise for an item?', 'Everyone'));
  await page.getByLabel('Anything more about copies (optional)').fill('Ayesha, Joan and the carers team records');
  await press(agreement(page, 'Who agrees to review this way?', 'Ayesha Khan, carer'));
  await press(radio(page, 'How did Ayesha Khan show they agree?', 'Spoken through the interpreter'));
  // The advocate and the interpreter help others take part: they are not
  // asked to agree as themselves.
  const agreeing = page.getByRole('group', { name: 'Who agrees to review this way?' });
  await expect(agreeing.getByRole('checkbox', { name: /^Ayesha Khan/ })).toBeChecked();
  await expect(agreeing.getByRole('checkbox', { name: /Grace Obi|Farah Ali/ })).toHaveCount(0);
  await continueTo(page, 'What we will look at');
}

/** On "Ready to start": everything is in place. */
export async function allReady(page) {
  for (const check of await page.getByRole('group', { name: messagePattern(page, 'Is everything ready for {who}: {label}?') }).all()) {
    await press(check.getByRole('radio', { name: 'Yes, it is in place', exact: true }));
  }
  await expect(page.getByRole('status').filter({ hasText: 'The review can start.' })).toBeVisible();
}
