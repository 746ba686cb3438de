// The acceptance walk of part 2 (the review proper, P19–P23) on a touch
// tablet, continuing a finished getting-ready: three people rate two criteria
// differently and see the spread, a third criterion is not discussed; two
// services (keep, change); one cover arrangement Joan first does not agree
// to; an urgent safeguarding matter and a routine OT referral; two actions;
// an outcome. Then a reload, and everything is still there.
import {
  test, expect, press, heading, radio, continueTo, openPart, openTaskList, expectStatuses,
  completeGettingReady, openCriterion, rate, ratingTile, markNotDiscussed, addResource, addArrangement,
  addMatter, addAction, fillOutcome, isoDate, reviewAt, errorSummary,
  TIME_OFF, ROLES_CLEAR, EVENING_CALLS, RATINGS, NOT_DISCUSSED, SUPPORT_GROUP, SITTING, COVER_QUESTION,
  ARRANGEMENT, PHONE_NOW, SAFEGUARDING, OT_REFERRAL, ACTIONS, OUTCOME, GETTING_READY, REVIEW_PROPER,
} from '../helpers.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });

/** A card on a part-2 screen, by the title it shows (its heading). */
function card(page, title) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

async function expectSpread(page, words) {
  for (const w of words) await expect(page.getByText(w, { exact: false }).first()).toBeVisible();
}

async function expectRatings(page, wording, ratings) {
  for (const [who, [point, through]] of Object.entries(ratings)) {
    await expect(ratingTile(page, who, point), `${who} on ${wording}`).toBeChecked();
    if (through) await expect(radio(page, `How did ${who} give their view?`, through)).toBeChecked();
  }
}

test('the review proper by touch: ratings, services, cover, escalations, outcome; all kept after a reload', async ({ page }) => {
  test.setTimeout(300_000);
  let id;

  await test.step('getting ready is done; the review proper has not started', async () => {
    id = await completeGettingReady(page);
    await expectStatuses(page, Object.fromEntries(GETTING_READY.map((p) => [p, 'Done'])));
    await expectStatuses(page, Object.fromEntries(REVIEW_PROPER.map((p) => [p, 'Not started'])));
  });

  await test.step('How it is going: three people rate two criteria differently', async () => {
    await openPart(page, id, 'How it is going');
    for (const wording of [TIME_OFF, ROLES_CLEAR, EVENING_CALLS]) {
      await expect(card(page, wording).getByText('Not rated yet', { exact: true })).toBeVisible();
    }
    await openCriterion(page, TIME_OFF);
    // Whose turn it is, for the three raters and the worker, last (the
    // advocate and interpreter carry others' views and do not rate).
    await expect(page.getByRole('status').filter({ hasText: /^Now: / })).toBeVisible();
    await expect(page.getByRole('group', { name: /'s rating$/ })).toHaveCount(4);
    await expect(page.getByRole('group', { name: /'s rating$/ }).last()).toHaveAccessibleName("Sam Patel's rating");
    await expect(page.getByRole('group', { name: "Sam Patel's rating" })).toContainText('your own professional view');
    await expect(page.getByRole('group', { name: /^(Farah Ali|Grace Obi)'s rating$/ })).toHaveCount(0);
    await rate(page, RATINGS[TIME_OFF]);
    await expect(page.getByRole('status').filter({ hasText: 'Everyone has given their rating.' })).toBeVisible();
    await expectSpread(page, ['Different views:', 'Joan Khan – Good', 'Tom Khan – Okay', 'Sam Patel (worker) – Okay', 'Ayesha Khan – Poor']);
    // Whose view came through whom is shown with the spread.
    await expect(page.getByRole('definition').filter({ hasText: 'Joan Khan (through Grace Obi, advocate)' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Ayesha Khan (through Farah Ali, interpreter)' })).toBeVisible();

    await press(page.getByRole('button', { name: 'Next criterion' }));
    await expect(heading(page, ROLES_CLEAR)).toBeVisible();
    await rate(page, RATINGS[ROLES_CLEAR]);
    await expectSpread(page, ['Different views:', 'Joan Khan – Going well', 'Tom Khan – Unsure', 'Ayesha Khan – Not going well', 'Sam Patel (worker) – Not going well']);
    await expect(page.getByRole('definition').filter({ hasText: 'Joan Khan (using symbols)' })).toBeVisible();

    await press(page.getByRole('button', { name: 'Next criterion' }));
    await expect(heading(page, EVENING_CALLS)).toBeVisible();
    await markNotDiscussed(page, NOT_DISCUSSED);
    await expect(page.getByText('This was not discussed today, so nobody is asked for a rating.')).toBeVisible();
    await continueTo(page, 'How it is going');

    await expect(card(page, TIME_OFF).getByText('Rated by everyone', { exact: true })).toBeVisible();
    await expect(card(page, TIME_OFF)).toContainText('Different views: Joan Khan – Good; Tom Khan – Okay; Sam Patel (worker) – Okay; Ayesha Khan – Poor');
    await expect(card(page, ROLES_CLEAR)).toContainText('Different views: Joan Khan – Going well; Tom Khan – Unsure; Ayesha Khan – Not going well; Sam Patel (worker) – Not going well');
    await expect(card(page, EVENING_CALLS).getByText('Not discussed', { exact: true })).toBeVisible();
    await expect(card(page, EVENING_CALLS)).toContainText(`Why: ${NOT_DISCUSSED}`);
    await continueTo(page, 'Services and support');
  });

  await test.step('Services and support: one to keep, one to change', async () => {
    await press(radio(page, 'Does Ayesha Khan use any services or support?', 'Yes'));
    await addResource(page, SUPPORT_GROUP);
    await addResource(page, SITTING);
    // Adding the second closed the first: its card now sums it up.
    const cafe = card(page, SUPPORT_GROUP.name);
    await expect(cafe.getByText('Done', { exact: true })).toBeVisible();
    await expect(cafe.locator('.app-card__line').filter({ hasText: 'Keep it as it is' })).toBeVisible();
    await press(page.getByRole('button', { name: `Close ${SITTING.name}` }));
    await expect(card(page, SITTING.name).locator('.app-card__line').filter({ hasText: `Change it: ${SITTING.changes}` })).toBeVisible();
    await continueTo(page, 'Support while the carer has time for themselves');
  });

  await test.step('Cover: Joan first does not agree, and what happens next; then agrees', async () => {
    await press(radio(page, COVER_QUESTION, 'Yes'));
    await addArrangement(page, ARRANGEMENT, { stopAt: 'not agreed' });
    const title = 'Arrangement 1: A short stay away from home (respite)';
    await press(page.getByRole('button', { name: `Close ${title}` }));
    await expect(card(page, title).locator('.app-card__line').filter({ hasText: `No. Next: ${ARRANGEMENT.next}` })).toBeVisible();
    await press(page.getByRole('button', { name: `Change ${title}` }));
    await press(radio(page, 'Did Joan Khan agree to this?', 'Yes, they agreed'));
    // The way her own supports suggest is marked; she agreed through her advocate.
    await expect(page.getByRole('group', { name: 'How did Joan Khan show they agree?' })).toContainText('Suggested by what helps them take part');
    await press(radio(page, 'How did Joan Khan show they agree?', 'Through their advocate'));
    await press(page.getByRole('button', { name: `Close ${title}` }));
    await expect(card(page, title).locator('.app-card__line').filter({ hasText: 'Yes, through Grace Obi, advocate' })).toBeVisible();
    await press(page.getByRole('button', { name: `Change ${title}` }));
    await expect(page.getByLabel('What happens next?')).toHaveCount(0);
    await continueTo(page, "Things that need someone else's help");
  });

  await test.step('Escalations: urgent safeguarding (phone now) and a routine OT referral', async () => {
    await press(radio(page, "Does anything need someone else's help?", 'Yes'));
    await expect(page.getByText(PHONE_NOW)).toHaveCount(0);
    await addMatter(page, SAFEGUARDING);
    const urgent = page.getByRole('alert').filter({ hasText: 'Urgent safeguarding' });
    await expect(urgent).toBeVisible();
    await expect(urgent).toContainText(PHONE_NOW);
    await expect(urgent).toContainText(SAFEGUARDING.matter);
    await expect(urgent).toContainText(SAFEGUARDING.toWhom);
    await addMatter(page, OT_REFERRAL);
    // Only the safeguarding matter is urgent.
    await expect(urgent).not.toContainText(OT_REFERRAL.matter);
    await continueTo(page, 'Actions and outcome');
  });

  await test.step('Actions and outcome', async () => {
    await expect(page.getByText('No actions yet.')).toBeVisible();
    for (const a of ACTIONS) await addAction(page, a);
    await continueTo(page, 'The outcome');
    await fillOutcome(page);
    await continueTo(page, 'Carer review');
    await expectStatuses(page, Object.fromEntries([...GETTING_READY, ...REVIEW_PROPER].map((p) => [p, 'Done'])));
  });

  await test.step('reload: every part is Done and every answer is still there', async () => {
    await page.reload();
    await expect(heading(page, 'Carer review')).toBeVisible();
    await expectStatuses(page, Object.fromEntries([...GETTING_READY, ...REVIEW_PROPER].map((p) => [p, 'Done'])));
    const total = await page.getByRole('main').getByRole('listitem').count();
    await expect(page.getByText(`You have done ${total} of ${total} parts.`)).toBeVisible();

    await openPart(page, id, 'How it is going');
    await expect(card(page, TIME_OFF)).toContainText('Different views: Joan Khan – Good; Tom Khan – Okay; Sam Patel (worker) – Okay; Ayesha Khan – Poor');
    await openCriterion(page, TIME_OFF);
    await expectRatings(page, TIME_OFF, RATINGS[TIME_OFF]);
    await press(page.getByRole('button', { name: 'Next criterion' }));
    await expect(heading(page, ROLES_CLEAR)).toBeVisible();
    await expectRatings(page, ROLES_CLEAR, RATINGS[ROLES_CLEAR]);
    await press(page.getByRole('button', { name: 'Next criterion' }));
    await expect(heading(page, EVENING_CALLS)).toBeVisible();
    await expect(page.getByLabel('Why was it not discussed?')).toHaveValue(NOT_DISCUSSED);

    await openPart(page, id, 'Services and support');
    await expect(radio(page, 'Does Ayesha Khan use any services or support?', 'Yes')).toBeChecked();
    for (const r of [SUPPORT_GROUP, SITTING]) {
      await press(page.getByRole('button', { name: `Change ${r.name}` }));
      await expect(radio(page, 'What kind of service or support is it?', r.kind)).toBeChecked();
      await expect(page.getByLabel('What is it called?')).toHaveValue(r.name);
      await expect(page.getByLabel("How has it helped Ayesha Khan's health and wellbeing?")).toHaveValue(r.benefits);
      await expect(radio(page, "How well did it meet Ayesha Khan's needs?", r.needsMet)).toBeChecked();
      await expect(radio(page, 'What happens to it now?', r.decision)).toBeChecked();
      if (r.changes) await expect(page.getByLabel('What needs to change?')).toHaveValue(r.changes);
      await press(page.getByRole('button', { name: `Close ${r.name}` }));
    }

    await openPart(page, id, 'Support while the carer has time for themselves');
    await expect(radio(page, COVER_QUESTION, 'Yes')).toBeChecked();
    await press(page.getByRole('button', { name: 'Change Arrangement 1: A short stay away from home (respite)' }));
    await expect(radio(page, 'What does Ayesha Khan need the time for?', ARRANGEMENT.need)).toBeChecked();
    await expect(radio(page, 'What support will Joan Khan have?', ARRANGEMENT.kind)).toBeChecked();
    await expect(page.getByLabel('When, and how often?')).toHaveValue(ARRANGEMENT.when);
    await expect(page.getByLabel('Who will provide it?')).toHaveValue(ARRANGEMENT.provider);
    await expect(radio(page, 'How will it be paid for?', ARRANGEMENT.funding)).toBeChecked();
    await expect(page.getByLabel('What is the risk?')).toHaveValue(ARRANGEMENT.risk);
    await expect(page.getByLabel('How will it be managed?')).toHaveValue(ARRANGEMENT.management);
    await expect(radio(page, 'Did Joan Khan agree to this?', 'Yes, they agreed')).toBeChecked();
    await expect(radio(page, 'How did Joan Khan show they agree?', 'Through their advocate')).toBeChecked();

    await openPart(page, id, "Things that need someone else's help");
    await expect(page.getByRole('alert').filter({ hasText: 'Urgent safeguarding' })).toContainText(PHONE_NOW);
    for (const [n, m] of [SAFEGUARDING, OT_REFERRAL].entries()) {
      await press(page.getByRole('button', { name: `Change Matter ${n + 1}: ${m.route}` }));
      await expect(page.getByLabel('What is the matter?')).toHaveValue(m.matter);
      await expect(page.getByLabel('Why is it beyond your scope or expertise?')).toHaveValue(m.why);
      await expect(radio(page, 'Where does it need to go?', m.route)).toBeChecked();
      await expect(page.getByLabel('Who will it go to?')).toHaveValue(m.toWhom);
      await expect(radio(page, 'How urgent is it?', m.urgency)).toBeChecked();
      await expect(page.getByRole('group', { name: 'Who will take it forward?', exact: true }).getByRole('radio', { name: m.owner })).toBeChecked();
      await expect(page.getByLabel('Due by')).toHaveValue(isoDate(m.due));
      await expect(radio(page, 'Is there consent to share this?', m.consent)).toBeChecked();
      if (m.consentReason) {
        await expect(page.getByLabel('What is the risk that means it is shared without consent?')).toHaveValue(m.consentReason);
      }
      await expect(radio(page, 'Where has it got to?', m.status)).toBeChecked();
      await press(page.getByRole('button', { name: `Close Matter ${n + 1}: ${m.route}` }));
    }

    await openPart(page, id, 'Actions and outcome');
    // Finished actions are folded to one line each: opened one at a time.
    await expect(page.getByLabel('What will be done?')).toHaveCount(0);
    for (const [n, a] of ACTIONS.entries()) {
      await expect(page.locator('.app-card__line').nth(n)).toContainText(a.what);
      await press(page.getByRole('button', { name: `Change Action ${n + 1}` }));
      await expectAction(page, a);
      await press(page.getByRole('button', { name: `Close Action ${n + 1}` }));
    }
    await continueTo(page, 'The outcome');
    await expect(radio(page, 'What did the review decide?', OUTCOME.decision)).toBeChecked();
    await expect(page.getByLabel('Why is this the outcome?')).toHaveValue(OUTCOME.rationale);
    // A change to the plan brought the next review forward (6–8 weeks).
    await expect(page.getByText(/^Suggested: .* \(8 weeks after this review, because the plan is changing\)/)).toBeVisible();
    await expect(page.getByLabel('Date of the next review')).toHaveValue(isoDate(56));
    await continueTo(page, 'What everyone thinks of it');
    await expect(page.getByLabel('What does Ayesha Khan think of the outcome?')).toHaveValue(OUTCOME.carer);
    await expect(page.getByLabel('What does Joan Khan think of the outcome?')).toHaveValue(OUTCOME.individual);
    await expect(radio(page, 'How did Joan Khan give their view? (optional)', OUTCOME.through)).toBeChecked();
    await expect(page.getByLabel('Other views and any disagreements (optional)')).toHaveValue(OUTCOME.others);

    await openTaskList(page, id);
  });
});

/** The one open action card holds `a`'s answers. */
async function expectAction(page, a) {
  await expect(page.getByLabel('What will be done?')).toHaveValue(a.what);
  await expect(page.getByRole('group', { name: 'Who will do it?', exact: true }).getByRole('radio', { name: a.owner })).toBeChecked();
  await expect(page.getByLabel('When will it be done by?')).toHaveValue(isoDate(a.due));
  await expect(page.getByLabel('Which of the things you looked at does it answer? (optional)').locator('option:checked')).toHaveText(a.criterion);
}

// Issue 25, point 1: the next review date is suggested, with its reason, and
// goes into the record only when someone takes it. A change of decision
// moves the suggestion, never the date chosen.
test('the next review date is suggested, never set behind anyone\'s back', async ({ page }) => {
  const id = await reviewAt(page, 'review proper');
  await openPart(page, id, 'Actions and outcome');
  await continueTo(page, 'The outcome');
  const date = page.getByLabel('Date of the next review');
  const use = page.getByRole('button', { name: /^Use the suggested date, / });
  // Taken when the outcome was filled in: 8 weeks on, as the plan changes.
  await expect(date).toHaveValue(isoDate(56));
  await expect(use).toHaveCount(0);

  await press(radio(page, 'What did the review decide?', 'No change: the plan stays as it is'));
  await expect(page.getByText(/^Suggested: .* \(12 months after this review, as the plan is not changing\)/)).toBeVisible();
  await expect(date, 'the chosen date stays').toHaveValue(isoDate(56));
  await expect(use).toBeVisible();
  await press(use);
  const [y, m, d] = isoDate(0).split('-');
  await expect(date).toHaveValue(`${Number(y) + 1}-${m}-${d}`);
  await expect(use).toHaveCount(0);

  // No date at all: the part asks for one, naming the suggestion.
  await date.fill('');
  await press(page.getByRole('button', { name: 'Continue' }));
  await expect(errorSummary(page)).toContainText('Choose the date of the next review: use the suggested date,');
});

// Issue 25, point 4: every Remove can be undone. "Removed … Undo" is said
// and shown until the next change; Undo puts the item back with every field
// and in its place; focus goes to the next item or the list's heading.
test('Undo puts a removed action back with all its fields, in its place', async ({ page }) => {
  const id = await reviewAt(page, 'review proper');
  await openPart(page, id, 'Actions and outcome');
  // Finished actions are folded: each card's one line says what it is.
  const lines = page.locator('.app-card__line');
  const bar = page.getByRole('status').filter({ hasText: /^Removed / });
  const undo = page.getByRole('button', { name: 'Undo: put back action 1' });
  await expect(lines).toHaveCount(2);

  await press(page.getByRole('button', { name: 'Remove action 1' }));
  await press(page.getByRole('button', { name: 'Yes, remove it' }));
  await expect(lines).toHaveCount(1);
  await expect(bar).toHaveText(/^Removed action 1\./);
  // Focus is on the next item's heading (the action that was second), not the page.
  // (moved in the next frame: waited for, not read at once)
  await expect.poll(() => page.evaluate(() => [document.activeElement.tagName, document.activeElement.textContent.trim()]))
    .toEqual(['H3', 'Action 1']);
  await expect(lines.first()).toContainText(ACTIONS[1].what);

  await press(undo);
  await expect(page.getByText('Action 1 is back.')).toBeFocused();
  await expect(lines).toHaveCount(2);
  const [first] = ACTIONS;
  await expect(lines.first()).toContainText(first.what);
  await expect(lines.nth(1)).toContainText(ACTIONS[1].what);
  await press(page.getByRole('button', { name: 'Change Action 1' }));
  await expectAction(page, first);
  await press(page.getByRole('button', { name: 'Close Action 1' }));

  // Undo lasts until the next change, then it is gone (the change would be undone too).
  await press(page.getByRole('button', { name: 'Remove action 2' }));
  await press(page.getByRole('button', { name: 'Yes, remove it' }));
  await expect(bar).toHaveText(/^Removed action 2\./);
  await press(page.getByRole('button', { name: 'Add an action', exact: true }));
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  await expect(lines).toHaveCount(1);
});
