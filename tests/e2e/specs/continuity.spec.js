// From one review to the next (issue 27): a whole meeting run twice, the
// second started from the first's signed summary on this device (checked
// first), with last time's ratings beside this time's, last time's actions
// and escalations followed up, and the new summary naming the first by its
// document id and the SHA-256 of its file. And last summaries refused: one
// signed by a key this device does not hold, a changed file, a file whose
// signer the team's key list does not know.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test, expect, press, heading, radio, continueTo, isoDate, errorSummary, openReviewPage } from '../fixture.js';
import {
  changePerson, fillPersonDetails, agreeHowWeReview, agreeEachCriterionAndStart, openPart, openTaskList,
  expectStatuses, TIME_OFF, ROLES_CLEAR, EVENING_CALLS, CRITERIA, GETTING_READY, REVIEW_PROPER,
} from '../getting-ready.js';
import {
  reviewAt, reach, openCheck, signEveryone, followOn, downloadSummary, openCriterion, rate, markNotDiscussed,
  fillOutcome, ACTIONS, SAFEGUARDING, OT_REFERRAL, NOT_DISCUSSED,
} from '../meeting.js';
import { forgetDeviceKey } from '../features.js';

const lastTime = (page, who) => page.getByRole('group', { name: `${who}'s rating` }).locator('.app-last-time');

/** What this time's ratings are, and what each says beside it. */
const SECOND = {
  [TIME_OFF]: {
    'Ayesha Khan': ['Okay', 'Last time: Poor. Better than last time', 'Through the interpreter, Farah Ali'],
    'Joan Khan': ['Good', 'Last time: Good. The same as last time', 'Through their advocate, Grace Obi'],
    'Tom Khan': ['Poor', 'Last time: Okay. Worse than last time'],
    'Sam Patel': ['Okay', 'Last time: Okay. The same as last time'],
  },
  [ROLES_CLEAR]: {
    'Ayesha Khan': ['Unsure', 'Last time: Not going well. Better than last time', 'Directly, in their own words'],
    'Joan Khan': ['Going well', 'Last time: Going well. The same as last time', 'Using symbols'],
    'Tom Khan': ['Unsure', 'Last time: Unsure. The same as last time'],
    'Sam Patel': ['Unsure', 'Last time: Not going well. Better than last time'],
  },
};

test('a whole meeting run twice: the second starts from the first’s signed summary, follows it up, and names it by its hash', async ({ page }) => {
  test.setTimeout(300_000);
  // The first meeting, signed off on this device.
  const first = await reviewAt(page, 'review proper');
  await openCheck(page);
  await signEveryone(page);
  await openTaskList(page, first);
  const firstFile = (await downloadSummary(page)).text;
  const firstSummary = JSON.parse(firstFile);

  // The second: services and cover left behind, everything else brought.
  const id = await followOn(page, { untick: ['Northshire Carers Café', 'Evening sitting service', 'A short stay away from home (respite): Willow House'] });
  expect(id).not.toBe(first);
  // Who is here: everyone is back, to say how they take part today.
  for (const [name, attendance] of [['Ayesha Khan', 'In the room'], ['Joan Khan', 'In the room'], ['Tom Khan', 'In the room'],
    ['Grace Obi', 'In the room'], ['Farah Ali', 'Joining remotely (phone or video)']]) {
    await changePerson(page, name);
    await fillPersonDetails(page, { attendance });
    await continueTo(page, 'Who is here');
  }
  await continueTo(page, 'Help to take part');
  // What helped them last time came with them.
  await expect(page.getByText('Urdu').first()).toBeVisible();
  await continueTo(page, 'How we will review');
  await agreeHowWeReview(page);
  // The criteria and their scales came too; each is agreed again (P17).
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(CRITERIA, { useInnerText: true });
  await agreeEachCriterionAndStart(page);

  // Each rating beside last time's.
  for (const wording of [TIME_OFF, ROLES_CLEAR]) {
    await openPart(page, id, 'How it is going');
    await openCriterion(page, wording);
    await expect(lastTime(page, 'Ayesha Khan')).toHaveText(SECOND[wording]['Ayesha Khan'][1].split('.')[0]);
    for (const [who, [point, words, through]] of Object.entries(SECOND[wording])) {
      await rate(page, { [who]: [point, through] });
      await expect(lastTime(page, who)).toHaveText(new RegExp(`${words.replace('.', '\\.')}$`));
    }
  }
  await openPart(page, id, 'How it is going');
  await openCriterion(page, EVENING_CALLS);
  // Not discussed last time: nothing beside it.
  await expect(page.locator('.app-last-time')).toHaveCount(0);
  await markNotDiscussed(page, NOT_DISCUSSED);
  await openPart(page, id, 'Services and support');
  await press(radio(page, 'Does Ayesha Khan use any services or support?', 'No'));
  await openPart(page, id, 'Support while the carer has time for themselves');
  await press(radio(page, "Does Joan Khan's support need to change while the carer has time for themselves?", 'No'));

  // Last time's escalations, asked about.
  await openPart(page, id, "Things that need someone else's help");
  await expect(page.getByRole('heading', { name: 'Still open at the last review' })).toBeVisible();
  await press(radio(page, SAFEGUARDING.matter, 'Resolved'));
  await press(radio(page, OT_REFERRAL.matter, 'Still open'));
  await press(radio(page, "Does anything need someone else's help?", 'No'));
  await continueTo(page, 'Actions and outcome');

  // Last time's actions, followed up: one done, one carried forward for a new date.
  await press(page.getByRole('button', { name: 'Continue' }));
  await expect(errorSummary(page)).toContainText(`Select what became of “${ACTIONS[0].what}”`);
  await press(radio(page, ACTIONS[0].what, 'Done'));
  await press(radio(page, ACTIONS[1].what, 'Carry it forward into this review'));
  await press(page.getByRole('button', { name: 'Change Action 1' }));
  await page.getByLabel('When will it be done by?').fill(isoDate(21));
  await continueTo(page, 'The outcome');
  await fillOutcome(page);
  await continueTo(page, 'Carer review');
  await expectStatuses(page, Object.fromEntries([...GETTING_READY, ...REVIEW_PROPER].map((p) => [p, 'Done'])));

  await openCheck(page);
  await signEveryone(page);
  await openTaskList(page, id);
  const second = JSON.parse((await downloadSummary(page)).text);
  // The link: the first summary by its id and the SHA-256 of its file.
  const sha256 = createHash('sha256').update(firstFile, 'utf8').digest('base64url');
  expect(second.continues).toEqual({ id: firstSummary.documentId, sha256 });
  expect(second.followUp.actions.map((a) => [a.what, a.answer])).toEqual([
    [ACTIONS[0].what, 'done'], [ACTIONS[1].what, 'carried-forward'],
  ]);
  const carried = second.actions.find((a) => a.id === second.followUp.actions[1].carriedAs);
  expect(carried.what).toBe(ACTIONS[1].what);
  expect(second.followUp.escalations.map((e) => e.answer)).toEqual(['resolved', 'still-open']);
  expect(second.services.resources).toEqual([]);
  // The carer's copy says what became of last time.
  await openReviewPage(page, id, 'sign');
  await press(page.getByRole('link', { name: 'Read, print or give the carer’s copy' }));
  await expect(heading(page, 'The carer’s copy')).toBeVisible();
  const since = page.getByRole('heading', { name: 'Since the last review' });
  await expect(since).toBeVisible();
  await expect(page.getByText(ACTIONS[0].what).first()).toBeVisible();
  await expect(page.getByText('Carried forward into this review')).toBeVisible();
  if (process.env.SCREENSHOTS) {
    await since.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/carers-copy-since-the-last-review-1024x768.png` });
  }
  // The first review is as it was.
  await openTaskList(page, first);
  await expect(page.getByText('This review is signed off and locked.')).toBeVisible();
});

/** The summary of the review a stage signed elsewhere: this device does not hold its key. */
test('a review signed with a key this device does not hold is refused, and says why', async ({ page }) => {
  await reach(page, 'signed off');
  // Whether or not this run's stage was signed in this browser.
  await page.goto('/');
  await forgetDeviceKey(page);
  await page.goto('/follow-on');
  await press(page.getByRole('button', { name: 'Check it and go on' }));
  await expect(page.getByRole('alert')).toContainText('signed with a key this device does not hold');
  await expect(page.getByRole('button', { name: 'Start the review with these' })).toHaveCount(0);
});

test('a summary file that was changed, or whose signer the team does not know, is refused, and says why', async ({ page }) => {
  const id = await reach(page, 'signed off');
  await page.goto('/');
  const text = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.text, `review-together/summary/${id}`);
  const dir = mkdtempSync(`${tmpdir()}/last-summary-`);
  const changed = `${dir}/changed.json`;
  writeFileSync(changed, text.replace('Ask the agency', 'Ask the agenci'));
  await page.goto('/follow-on');
  await page.getByLabel('Summary file').setInputFiles(changed);
  await expect(page.getByRole('alert')).toContainText('This is not a signed summary that can be trusted');
  // Intact, but no team key list on this device says whose key signed it.
  const intact = `${dir}/intact.json`;
  writeFileSync(intact, text);
  await page.getByLabel('Summary file').setInputFiles(intact);
  await expect(page.getByRole('alert')).toContainText('This device has no team key list');
  await expect(heading(page, 'Start from the last review')).toBeVisible();
});
