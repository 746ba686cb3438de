// Issue 26: the person and the reason on record, and choices that fit both
// the carer's and the individual's lives, reaching the signed summary; an
// interpreter whose name is not known. (That no screen people read in the
// room shows a code of the standard is a step of every screen in
// screens.spec.js.)
import {
  test, expect, press, heading, radio, reviewAt, openReviewPage, changePerson, signEveryone, signUntil, tabletChoice, showEveryPart,
} from '../helpers.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });

const MATTERS = 'Joan lives with dementia; she is at her best in the morning and likes to be called Mrs Khan.';
const WHY_NOW = 'Joan came home from hospital in October and Ayesha has started a new job.';

test('why now, ages, what matters, the job title and the new kinds of service, cover and route reach the summary', async ({ page }) => {
  test.setTimeout(240_000);
  const id = await reviewAt(page, 'review proper');

  await test.step('Joan: her age and what matters about her; Ayesha: her age', async () => {
    await openReviewPage(page, id, 'who');
    await changePerson(page, 'Joan Khan');
    // Something that is not an age is not kept, and stops Continue with its message.
    await page.getByLabel('Age (optional)').fill('1x');
    await press(page.getByRole('button', { name: 'Continue', exact: true }));
    await expect(page.getByRole('link', { name: 'Enter an age in whole years, from 0 to 120' })).toBeVisible();
    await expect(heading(page, 'Person being cared for details')).toBeVisible();
    await page.getByLabel('Age (optional)').fill('84');
    await expect(page.getByRole('link', { name: 'Enter an age in whole years, from 0 to 120' })).toHaveCount(0);
    await page.getByLabel('What matters about them (optional)').fill(MATTERS);
    // Not asked of someone whose role has no need of it.
    await expect(page.getByLabel('Job title (optional)')).toHaveCount(0);
    await press(page.getByRole('button', { name: 'Continue', exact: true }));
    await changePerson(page, 'Ayesha Khan');
    await page.getByLabel('Age (optional)').fill('17');
    await press(page.getByRole('button', { name: 'Continue', exact: true }));
    // Their cards on "Who is here" say it too; the worker's says her job title.
    await expect(page.getByRole('listitem').filter({ hasText: 'Ayesha Khan' }).getByText('Aged 17', { exact: true })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Joan Khan' }).getByText('Aged 84', { exact: true })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Sam Patel' }).getByText('Carers support worker', { exact: true })).toBeVisible();
  });

  await test.step('why now, in words', async () => {
    await openReviewPage(page, id, 'process');
    await page.getByLabel('What has changed since the last review, or why is it happening now? (optional)').fill(WHY_NOW);
  });

  await test.step("a service for Joan, youth work as cover, and an escalation to education", async () => {
    await openReviewPage(page, id, 'services');
    await press(page.getByRole('button', { name: /^Change / }).first());
    await press(radio(page, 'What kind of service or support is it?', 'A service for the person cared for somewhere else, such as a day centre or club'));
    await openReviewPage(page, id, 'cover');
    await press(page.getByRole('button', { name: 'Change Arrangement 1: A short stay away from home (respite)' }));
    await press(radio(page, 'What support will Joan Khan have?', 'Youth work or a youth club'));
    await openReviewPage(page, id, 'escalations');
    await press(page.getByRole('button', { name: 'Change Matter 2: Occupational therapy (OT)' }));
    await press(radio(page, 'Where does it need to go?', 'School, college or the education service'));
  });

  await test.step('the check page says each of them', async () => {
    await openReviewPage(page, id, 'check');
    await showEveryPart(page);
    await expect(page.getByText(`Joan Khan, aged 84. In the room. What matters about them: ${MATTERS}`)).toBeVisible();
    await expect(page.getByText(/^Sam Patel, Carers support worker, /)).toBeVisible();
    await expect(page.getByText(WHY_NOW)).toBeVisible();
  });

  await test.step('the signed summary holds them', async () => {
    await signEveryone(page);
    await expect(heading(page, 'Sign off the review')).toBeVisible();
    await expect(page.getByText('The review is signed off')).toBeVisible();
    const summary = JSON.parse(await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.text, `review-together/summary/${id}`));
    const person = (n) => summary.participants.find((p) => p.name === n);
    expect(person('Joan Khan')).toMatchObject({ age: 84, whatMatters: MATTERS });
    expect(person('Ayesha Khan').age).toBe(17);
    expect(person('Sam Patel').jobTitle).toBe('Carers support worker');
    expect(summary.process.whyNow).toBe(WHY_NOW);
    expect(summary.services.resources[0].kind).toBe('person-service-elsewhere');
    expect(summary.cover.arrangements[0].kind).toBe('youth-work');
    expect(summary.escalations.matters[1].route).toBe('education');
  });
});

test("an interpreter whose name is not known is added, and called the interpreter", async ({ page }) => {
  const id = await reviewAt(page, 'getting ready');
  await openReviewPage(page, id, 'who');
  await changePerson(page, 'Farah Ali');
  await expect(page.getByText('Optional for an interpreter')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('');
  await press(page.getByRole('button', { name: 'Continue', exact: true }));
  // Back on "Who is here" with nothing to put right.
  await expect(heading(page, 'Who is here')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Change details of the interpreter', exact: true })).toBeVisible();
  await press(page.getByRole('button', { name: 'Continue', exact: true }));
  await expect(heading(page, 'Help to take part')).toBeVisible();
});

test('easy read is offered when the turn of someone who uses symbols starts, and turned on from there', async ({ page }) => {
  const id = await reviewAt(page, 'review proper');
  await openReviewPage(page, id, 'rate');
  const offer = page.getByRole('group', { name: 'Easy read for Joan Khan?' });
  // Not for Ayesha, whose supports say nothing of symbols or pictures.
  await press(page.getByRole('link', { name: 'Pass the tablet', exact: true }));
  await press(tabletChoice(page, 'Ayesha Khan'));
  await expect(heading(page, 'Pass the tablet to Ayesha Khan')).toBeVisible();
  await expect(page.getByRole('group', { name: /^Easy read for/ })).toHaveCount(0);
  await press(page.getByRole('link', { name: 'Choose someone else' }));
  await press(tabletChoice(page, 'Joan Khan'));
  await expect(heading(page, 'Pass the tablet to Joan Khan')).toBeVisible();
  await expect(offer).toContainText('Joan Khan uses symbols or pictures.');
  await press(offer.getByRole('button', { name: 'Turn on easy read' }));
  await expect(page.getByRole('status').filter({ hasText: 'Easy read is on.' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.classList.contains('app-easy-read'))).toBe(true);
  await press(page.getByRole('button', { name: 'I am Joan Khan — continue', exact: true }));
  await expect(heading(page, 'How it is going')).toBeVisible();
});

test("easy read is offered at Joan's sign-off turn, and Not now leaves it off", async ({ page }) => {
  await reviewAt(page, 'review proper');
  await signUntil(page, 'Joan Khan');
  const offer = page.getByRole('group', { name: 'Easy read for Joan Khan?' });
  await expect(offer).toBeVisible();
  await press(offer.getByRole('button', { name: 'Not now' }));
  await expect(offer).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.classList.contains('app-easy-read'))).toBe(false);
});

test('our list of criteria is searched by a word, and a criterion found is added from there', async ({ page }) => {
  await reviewAt(page, 'family', 'criteria');
  const MONEY = 'The carer gets the money help they are entitled to and money worries are easing.';
  await page.getByLabel('Search our list').fill('MONEY worries');
  const found = page.getByRole('group', { name: '1 criterion has those words' });
  await expect(found.getByRole('checkbox')).toHaveCount(1);
  await press(found.getByRole('checkbox', { name: MONEY }));
  await expect(page.getByRole('heading', { level: 3, name: MONEY })).toBeVisible();
  await page.getByLabel('Search our list').fill('zebra');
  await expect(page.getByText('Nothing in our list has those words. Try another word, or use “Add your own” below.')).toBeVisible();
  // Cleared, the list is by group again, the criterion ticked in its group.
  await page.getByLabel('Search our list').fill('');
  await press(page.getByText('The carer\'s own health and wellbeing (', { exact: false }));
  await expect(page.getByRole('checkbox', { name: MONEY })).toBeChecked();
});

test('the check page is folded by part while it is looked over, and in full when someone signs what it shows', async ({ page }) => {
  await reviewAt(page, 'review proper', 'check');
  const rows = page.getByRole('link', { name: 'Change details of Joan Khan', exact: true });
  await expect(page.getByRole('button', { name: 'Show every part' })).toBeVisible();
  await expect(rows).toBeHidden();
  const who = page.getByRole('button', { name: 'Show Who is here', exact: true });
  await expect(who).toHaveAttribute('aria-expanded', 'false');
  await press(who);
  await expect(rows).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide Who is here', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await press(page.getByRole('button', { name: 'Show every part' }));
  await expect(page.getByRole('button', { name: 'Fold every part' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Hide / })).toHaveCount(10);
  // From the first turn to sign: every part shown, nothing offered to fold.
  await press(page.getByRole('link', { name: 'Continue to sign off' }));
  await press(page.getByRole('link', { name: /^Look at what .* is signing$/ }));
  await expect(heading(page, 'Check the review before signing')).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Show|Hide|Fold)/ })).toHaveCount(0);
  await expect(page.getByText(/^Sam Patel, Carers support worker, /)).toBeVisible();
});
