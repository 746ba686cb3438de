// The acceptance walk of part 1 (getting ready, P17–P18) on a touch tablet:
// every control tapped, every text typed, and the whole draft surviving two
// reloads, one half way through and one at the end.
import {
  test, expect, press, setUpDevice, startReview, heading, radio, checkbox, continueTo,
  fillPersonDetails, changePerson, openReviewPage, libraryCriterion, ownCriterionField, chosenCriterion, openChosenCriterion, agreement,
  expectStatuses, openTaskList, openPart, GETTING_READY as PARTS, TIME_OFF, ROLES_CLEAR, EVENING_CALLS, CRITERIA,
} from '../helpers.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 } });

const INTERPRETER_CHECK = /^Is everything ready for Ayesha Khan: an interpreter for Urdu/;
const ADVOCATE_CHECK = /^Is everything ready for Joan Khan: an independent advocate \(Care Act\)/;
const SYMBOLS_CHECK = /^Is everything ready for Joan Khan: symbols/;
const PICTURES_CHECK = /^Is everything ready for Joan Khan: pictures or photos/;

async function expectPersonDetails(page, shownName, { name, role, relationship, attendance }) {
  await changePerson(page, shownName);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(radio(page, 'Role in the review', role)).toBeChecked();
  if (relationship !== undefined) {
    await expect(page.getByLabel('Relationship to the person being cared for')).toHaveValue(relationship);
  }
  await expect(radio(page, 'How are they taking part today?', attendance)).toBeChecked();
  await press(page.getByRole('link', { name: 'Back to who is here' }));
  await expect(heading(page, 'Who is here')).toBeVisible();
}

async function expectWhoIsHere(page) {
  await expectPersonDetails(page, 'Ayesha Khan', {
    name: 'Ayesha Khan', role: 'Carer', relationship: 'Daughter', attendance: 'In the room',
  });
  await expectPersonDetails(page, 'Joan Khan', {
    name: 'Joan Khan', role: 'Person being cared for', attendance: 'In the room',
  });
  await expectPersonDetails(page, 'Grace Obi', {
    name: 'Grace Obi', role: 'Advocate', relationship: 'Independent advocate', attendance: 'In the room',
  });
  await expectPersonDetails(page, 'Farah Ali', {
    name: 'Farah Ali', role: 'Interpreter', attendance: 'Joining remotely (phone or video)',
  });
}

async function expectHelpToTakePart(page) {
  await expect(page.getByText('Prefers English. An independent advocate (Care Act). Symbols. Pictures or photos', { exact: true })).toBeVisible();
  await expect(page.getByText('Prefers Urdu. An interpreter for Urdu', { exact: true })).toBeVisible();

  await press(page.getByRole('link', { name: 'Change what helps Joan Khan take part' }));
  await expect(heading(page, 'What helps Joan Khan take part')).toBeVisible();
  await expect(page.getByLabel('Preferred language')).toHaveValue('English');
  await expect(radio(page, 'Do they need an interpreter?', 'No')).toBeChecked();
  await expect(radio(page, 'Do they have an advocate?', 'Independent advocate (Care Act)')).toBeChecked();
  await expect(checkbox(page, 'How do they like to communicate?', 'Symbols')).toBeChecked();
  await expect(checkbox(page, 'How do they like to communicate?', 'Pictures or photos')).toBeChecked();
  await expect(checkbox(page, 'How do they like to communicate?', 'Speaking and listening')).not.toBeChecked();
  await expect(page.getByLabel('Details of how they communicate')).toHaveValue('Uses her symbol book for yes, no and stop');
  await press(page.getByRole('link', { name: 'Back to help to take part' }));

  await press(page.getByRole('link', { name: 'Change what helps Ayesha Khan take part' }));
  await expect(heading(page, 'What helps Ayesha Khan take part')).toBeVisible();
  await expect(page.getByLabel('Preferred language')).toHaveValue('Urdu');
  await expect(radio(page, 'Do they need an interpreter?', 'Yes')).toBeChecked();
  await expect(radio(page, 'What kind of interpreter?', 'Spoken language interpreter')).toBeChecked();
  await expect(page.getByLabel('Language to interpret')).toHaveValue('Urdu');
  await expect(radio(page, 'Do they have an advocate?', 'No advocate')).toBeChecked();
  await press(page.getByRole('link', { name: 'Back to help to take part' }));
  await expect(heading(page, 'Help to take part')).toBeVisible();
}

async function expectHowWeReview(page) {
  await expect(radio(page, 'Why is this review happening?', 'Yearly review')).toBeChecked();
  await expect(radio(page, 'How deep will the review go?', 'Full review: go through everything in detail')).toBeChecked();
  for (const item of await page.getByRole('group', { name: 'What will the review cover?' }).getByRole('checkbox').all()) {
    await expect(item).toBeChecked();
  }
  await expect(radio(page, 'Would the carer like time with the worker on their own?', 'Yes')).toBeChecked();
  await continueTo(page, 'Keeping things private');
  await expect(checkbox(page, 'Who gets a copy of the summary?', 'The carer')).toBeChecked();
  await expect(checkbox(page, 'Who gets a copy of the summary?', 'Their GP')).not.toBeChecked();
  await expect(page.getByLabel('Name of the service that gets a copy')).toHaveValue('Northshire Day Centre');
  await expect(radio(page, 'Who may see what is said, unless you choose otherwise for an item?', 'Everyone')).toBeChecked();
  await expect(page.getByLabel('Anything more about copies (optional)')).toHaveValue('Ayesha, Joan and the carers team records');
  await expect(page.getByLabel('What must not be shared')).toHaveValue("Ayesha's own health worries");
  await expect(page.getByLabel('Who it must not be shared with')).toHaveValue("Joan's day centre");
  await expect(agreement(page, 'Who agrees to review this way?', 'Ayesha Khan, carer')).toBeChecked();
  await expect(agreement(page, 'Who agrees to review this way?', 'Joan Khan, the person cared for')).not.toBeChecked();
}

async function expectCriteria(page) {
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(CRITERIA, { useInnerText: true });
  await expect(await libraryCriterion(page, TIME_OFF)).toBeChecked();
  await expect(await libraryCriterion(page, ROLES_CLEAR)).toBeChecked();
  for (const wording of CRITERIA) {
    const scale = wording === TIME_OFF ? '5 steps: from very poor to very good' : '3 choices: going well, unsure, not going well';
    // Agreed to, so folded to one line when the page opens; Change shows it all.
    await expect(chosenCriterion(page, wording).getByText(`${scale}. Agreed by Ayesha Khan.`, { exact: true })).toBeVisible();
    await expect(radio(chosenCriterion(page, wording), 'How will people rate it?', scale)).toBeHidden();
    const card = await openChosenCriterion(page, wording);
    await expect(agreement(card, 'Who agrees to look at this?', 'Ayesha Khan, carer'), wording).toBeChecked();
    await expect(radio(card, 'How will people rate it?', scale), wording).toBeChecked();
  }
}

async function expectReadiness(page) {
  await expect(radio(page, INTERPRETER_CHECK, 'Yes, it is in place')).toBeChecked();
  await expect(radio(page, ADVOCATE_CHECK, 'Yes, it is in place')).toBeChecked();
  await expect(radio(page, SYMBOLS_CHECK, 'No, it is not')).toBeChecked();
  await expect(radio(page, PICTURES_CHECK, 'Yes, it is in place')).toBeChecked();
  await expect(page.getByLabel('What did you do about it?')).toHaveValue('Printed the symbols we had; the new set is ordered');
  await expect(page.getByLabel('Why can the review go on today without it?')).toHaveValue('Joan can use her own symbol book and pictures for the rest');
  await expect(page.getByRole('status').filter({ hasText: 'The review can start.' })).toBeVisible();
}

test('a whole getting-ready walk by touch is saved and survives reloads', async ({ page }) => {
  test.setTimeout(180_000);
  let id;

  await test.step('set up the device and start a review', async () => {
    await setUpDevice(page);
    id = await startReview(page);
  });

  await test.step('Who is here: the carer, the person cared for, an advocate and an interpreter', async () => {
    await press(page.getByRole('button', { name: 'Add a carer' }));
    await expect(heading(page, 'Carer details')).toBeVisible();
    await fillPersonDetails(page, { name: 'Ayesha Khan', relationship: 'Daughter', attendance: 'In the room' });
    await continueTo(page, 'Who is here');

    await changePerson(page, 'Name not given yet');
    await expect(heading(page, 'Person being cared for details')).toBeVisible();
    await fillPersonDetails(page, { name: 'Joan Khan', attendance: 'In the room' });
    await continueTo(page, 'Who is here');

    await press(page.getByRole('button', { name: 'Add an advocate' }));
    await expect(heading(page, 'Advocate details')).toBeVisible();
    await fillPersonDetails(page, { name: 'Grace Obi', relationship: 'Independent advocate', attendance: 'In the room' });
    await continueTo(page, 'Who is here');

    await press(page.getByRole('button', { name: 'Add an interpreter' }));
    await expect(heading(page, 'Interpreter details')).toBeVisible();
    await fillPersonDetails(page, { name: 'Farah Ali', attendance: 'Joining remotely (phone or video)' });
    await continueTo(page, 'Who is here');

    for (const name of ['Sam Patel', 'Ayesha Khan', 'Joan Khan', 'Grace Obi', 'Farah Ali']) {
      await expect(page.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
    }
    await continueTo(page, 'Help to take part');
  });

  await test.step('Help to take part: Joan and Ayesha', async () => {
    await press(page.getByRole('link', { name: 'Change what helps Joan Khan take part' }));
    await expect(heading(page, 'What helps Joan Khan take part')).toBeVisible();
    await page.getByLabel('Preferred language').fill('English');
    await press(radio(page, 'Do they need an interpreter?', 'No'));
    await press(radio(page, 'Do they have an advocate?', 'Independent advocate (Care Act)'));
    await press(checkbox(page, 'How do they like to communicate?', 'Symbols'));
    await press(checkbox(page, 'How do they like to communicate?', 'Pictures or photos'));
    await page.getByLabel('Details of how they communicate').fill('Uses her symbol book for yes, no and stop');
    await continueTo(page, 'Help to take part');

    await press(page.getByRole('link', { name: 'Change what helps Ayesha Khan take part' }));
    await expect(heading(page, 'What helps Ayesha Khan take part')).toBeVisible();
    await page.getByLabel('Preferred language').fill('Urdu');
    await press(radio(page, 'Do they need an interpreter?', 'Yes'));
    await press(radio(page, 'What kind of interpreter?', 'Spoken language interpreter'));
    await page.getByLabel('Language to interpret').fill('Urdu');
    await continueTo(page, 'Help to take part');

    await continueTo(page, 'How we will review');
  });

  await test.step('reload half way: people and their support are still there', async () => {
    await page.reload();
    await expect(heading(page, 'How we will review')).toBeVisible();
    await openTaskList(page, id);
    await expectStatuses(page, {
      'Who is here': 'Done',
      'Help to take part': 'Done',
      'How we will review': 'Not started',
      'What we will look at': 'Not started',
      'Ready to start': 'In progress',
    });
    await press(page.getByRole('link', { name: 'Who is here', exact: true }));
    await expectWhoIsHere(page);
    await openPart(page, id, 'Help to take part');
    await expectHelpToTakePart(page);
  });

  await test.step('How we will review', async () => {
    await openPart(page, id, 'How we will review');
    await press(radio(page, 'Why is this review happening?', 'Yearly review'));
    await press(radio(page, 'How deep will the review go?', 'Full review: go through everything in detail'));
    // Every agenda item stays in: they are all ticked to begin with.
    const agenda = page.getByRole('group', { name: 'What will the review cover?' }).getByRole('checkbox');
    await expect(agenda).toHaveCount(4);
    for (const item of await agenda.all()) await expect(item).toBeChecked();
    await press(radio(page, 'Would the carer like time with the worker on their own?', 'Yes'));
    await continueTo(page, 'Keeping things private');
    await press(checkbox(page, 'Who gets a copy of the summary?', 'The carer'));
    await press(page.getByRole('button', { name: 'Add a service that gets a copy' }));
    await expect(page.getByLabel('Name of the service that gets a copy')).toBeFocused();
    await page.getByLabel('Name of the service that gets a copy').fill('Northshire Day Centre');
    await press(radio(page, 'Who may see what is said, unless you choose otherwise for an item?', 'Everyone'));
    await page.getByLabel('Anything more about copies (optional)').fill('Ayesha, Joan and the carers team records');
    await press(page.getByRole('button', { name: 'Add something that must not be shared' }));
    await page.getByLabel('What must not be shared').fill("Ayesha's own health worries");
    await page.getByLabel('Who it must not be shared with').fill("Joan's day centre");
    await press(agreement(page, 'Who agrees to review this way?', 'Ayesha Khan, carer'));
    await continueTo(page, 'What we will look at');
  });

  await test.step('What we will look at: two from the list, one of our own, one on the 5-step scale', async () => {
    await press(await libraryCriterion(page, TIME_OFF));
    await press(await libraryCriterion(page, ROLES_CLEAR));
    await (await ownCriterionField(page)).fill(EVENING_CALLS);
    await press(page.getByRole('button', { name: 'Add this to the review' }));
    await expect(page.getByLabel('What else should the review look at?')).toHaveValue('');
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(CRITERIA, { useInnerText: true });

    // The scale first: changing it asks everyone to agree again.
    await press(radio(chosenCriterion(page, TIME_OFF), 'How will people rate it?', '5 steps: from very poor to very good'));
    for (const wording of CRITERIA) {
      await press(agreement(chosenCriterion(page, wording), 'Who agrees to look at this?', 'Ayesha Khan, carer'));
    }
    await continueTo(page, 'Ready to start');
  });

  await test.step('Ready to start: three needs met, symbols not met with a reason to go on', async () => {
    await expect(page.getByRole('status').filter({ hasText: 'Not ready yet' })).toBeVisible();
    await press(radio(page, INTERPRETER_CHECK, 'Yes, it is in place'));
    await press(radio(page, ADVOCATE_CHECK, 'Yes, it is in place'));
    await press(radio(page, SYMBOLS_CHECK, 'No, it is not'));
    await page.getByLabel('What did you do about it?').fill('Printed the symbols we had; the new set is ordered');
    await page.getByLabel('Why can the review go on today without it?').fill('Joan can use her own symbol book and pictures for the rest');
    await press(radio(page, PICTURES_CHECK, 'Yes, it is in place'));
    await expect(page.getByRole('status').filter({ hasText: 'The review can start.' })).toBeVisible();
    await continueTo(page, 'Carer review');
  });

  // Getting ready is 5 parts; the task list may list the later parts of the
  // meeting too, so the total is whatever it shows.
  let total;
  await test.step('the task list shows every getting-ready part done', async () => {
    await expectStatuses(page, Object.fromEntries(PARTS.map((p) => [p, 'Done'])));
    total = await page.getByRole('main').getByRole('listitem').count();
    expect(total).toBeGreaterThanOrEqual(PARTS.length);
    await expect(page.getByText(`You have done 5 of ${total} parts.`)).toBeVisible();
  });

  await test.step('reload at the end: everything is still there', async () => {
    await page.reload();
    await expect(heading(page, 'Carer review')).toBeVisible();
    await expectStatuses(page, Object.fromEntries(PARTS.map((p) => [p, 'Done'])));
    await expect(page.getByText('Review with Ayesha Khan.')).toBeVisible();

    await press(page.getByRole('link', { name: 'Who is here', exact: true }));
    await expectWhoIsHere(page);
    await openPart(page, id, 'Help to take part');
    await expectHelpToTakePart(page);
    await openPart(page, id, 'How we will review');
    await expectHowWeReview(page);
    await openPart(page, id, 'What we will look at');
    await expectCriteria(page);
    await openPart(page, id, 'Ready to start');
    await expectReadiness(page);

    await page.goto('/');
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
    const row = page.getByRole('row', { name: /Ayesha Khan/ });
    await expect(row.getByRole('rowheader')).toHaveText('Ayesha Khan');
    await expect(row).toContainText(`5 of ${total} parts done`);
    await expect(row).toContainText('Draft');
  });
});
