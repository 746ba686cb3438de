// A private turn (issue 23, point 1): the carer, or the person cared for with
// their advocate, answers on their own. While it is on, the page holds only
// their own questions: no one else's answer is in the DOM at all (not hidden:
// never made), also after Back, at a typed address for every route of the
// app, and after a reload. What they write is kept from the other one's copy
// unless they choose otherwise, and handing the tablet back takes a
// deliberate tap and a neutral screen first. Its length and slot are planned
// in "How we will review" (P17).
import {
  test, expect, press, heading, radio, reviewAt, openPart, expectNoAxeViolations, setDevicePin, visitUnlocked, DEVICE_PIN,
} from '../helpers.js';
import { routesOfApp } from '../routes.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 20_000 });

const STORED = (id) => `review-together/review/${id}`;
const TURN_KEY = 'review-together/private-turn';

/** The review as stored on the device. */
const storedReview = (page, id) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data, STORED(id));

/**
 * Every answer of the review that is not `who`'s own words: what others said
 * about each criterion, the services and what was said of them, gaps, cover,
 * matters for someone else, actions and the outcome's words.
 */
function othersAnswers(review, who) {
  const texts = [];
  const ownBy = (saidBy) => saidBy?.kind === 'participant' && saidBy.id === who;
  for (const cr of Object.values(review.criterionReviews ?? {})) {
    for (const note of cr.evidence ?? []) if (!ownBy(note.saidBy)) texts.push(note.text);
    if (cr.notDiscussed) texts.push(cr.notDiscussed);
  }
  for (const r of review.resources ?? []) {
    texts.push(r.name);
    for (const list of ['benefits', 'difficulties', 'changes']) for (const p of r[list] ?? []) texts.push(p.text);
  }
  const walk = (value) => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(review.gaps);
  walk(review.cover);
  walk(review.escalations);
  walk(review.actions);
  const o = review.outcome ?? {};
  texts.push(o.rationale, o.carerView, o.individualView, o.otherViews);
  // Words long enough to be answers (not ids, keys like "yes" or dates).
  return [...new Set(texts.filter((t) => typeof t === 'string' && t.trim().length > 12 && /\s/.test(t.trim())))];
}

/** What of `answers` the page's DOM holds, hidden or not. */
const inTheDom = (page, answers) => page.evaluate((answers) => {
  const html = document.documentElement.outerHTML.replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"');
  return answers.filter((a) => html.includes(a.trim()));
}, answers);

/** Start a private turn for the choice `who` from the task list. */
async function startTurn(page, id, who, open = (path) => page.goto(path)) {
  await open(`/review/${id}`);
  await press(page.getByRole('link', { name: 'Give someone time on their own' }));
  await expect(heading(page, 'Time on their own')).toBeVisible();
  await press(page.getByRole('radio', { name: who }));
  await press(page.getByRole('button', { name: 'Give them the tablet' }));
}

test("the carer's private turn holds only her own questions, after Back, at every address and after a reload; handing back shows a neutral screen first", async ({ page }) => {
  test.setTimeout(180_000);
  const id = await reviewAt(page, 'review proper');
  const review = await storedReview(page, id);
  const carer = review.participants.find((p) => p.role === 'carer');
  const others = othersAnswers(review, carer.id);
  expect(others.length, 'the review holds answers to look for').toBeGreaterThan(10);
  // Before the turn they are on the screens (so their absence later means something).
  await openPart(page, id, 'Services and support');
  expect((await inTheDom(page, others)).length).toBeGreaterThan(0);

  await startTurn(page, id, 'Ayesha Khan (carer)');
  await expect(heading(page, 'Your time on your own, Ayesha Khan')).toBeVisible();
  await expect(page.getByText(/your advocate/)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  expect(await inTheDom(page, others)).toEqual([]);
  await expectNoAxeViolations(page, 'the carer’s own questions');

  // She says something about the first criterion (in its easy read words
  // too); it is hers, and kept out of Joan's copy unless she chooses otherwise.
  const first = review.criteria[0];
  expect(first.easyRead).toBeTruthy();
  await expect(page.getByText(first.easyRead.trim())).toBeVisible();
  await press(page.getByRole('button', { name: 'Say something about this' }).first());
  const field = page.getByLabel('What you want to say');
  await expect(field).toBeFocused();
  await field.pressSequentially('Some nights I do not sleep at all');
  await expect(page.getByRole('combobox', { name: /Who may see/ }).first()).toHaveValue('not-individual');
  await expect.poll(async () => {
    const r = await storedReview(page, id);
    return r.criterionReviews[first.id].evidence.find((e) => e.text === 'Some nights I do not sleep at all');
  }).toMatchObject({ saidBy: { kind: 'participant', id: carer.id } });

  // Back, every address of the app, and a reload: still only her questions.
  const check = async (how) => {
    await expect(heading(page, 'Your time on your own, Ayesha Khan'), how).toBeVisible();
    expect(await inTheDom(page, others), how).toEqual([]);
    await expect(page.getByLabel('What you want to say'), how).toHaveValue('Some nights I do not sleep at all');
  };
  await page.goBack();
  await check('after Back');
  const params = { ':id': id, ':pid': carer.id, ':cid': first.id, ':recipient': 'carer' };
  for (const route of routesOfApp().filter((r) => r !== '*')) {
    const address = route.replace(/:[a-z]+/g, (p) => params[p]);
    await page.goto(address);
    await check(`typed ${address}`);
  }
  await page.goto('/a/page/that/does/not/exist');
  await check('a typed address the app does not have');
  await page.reload();
  await check('after a reload');

  // Handing back: a deliberate tap, then a screen that holds nothing she wrote.
  await press(page.getByRole('button', { name: 'I have finished: hand the tablet back' }));
  await expect(heading(page, 'Please pass the tablet back to Sam Patel')).toBeVisible();
  expect(await inTheDom(page, [...others, 'Some nights I do not sleep at all'])).toEqual([]);
  await expectNoAxeViolations(page, 'the hand-back screen');
  // A reload keeps the neutral screen.
  await page.reload();
  await expect(heading(page, 'Please pass the tablet back to Sam Patel')).toBeVisible();
  expect(await inTheDom(page, ['Some nights I do not sleep at all'])).toEqual([]);
  await press(page.getByRole('button', { name: 'I am Sam Patel: back to the review' }));
  await expect(heading(page, 'Carer review')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/review/${id}$`));
  expect(await page.evaluate((k) => localStorage.getItem(k), TURN_KEY)).toBeNull();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
  // What she said is in the review, marked as hers and out of Joan's copy.
  const after = await storedReview(page, id);
  const note = after.criterionReviews[first.id].evidence.find((e) => e.text === 'Some nights I do not sleep at all');
  expect(after.visibility[note.id]).toBe('not-individual');
});

test('the person cared for has a turn of her own: her words are kept from the carer; the plan made in P17 is shown; not finished after all goes back', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await reviewAt(page, 'review proper');
  await openPart(page, id, 'How we will review');
  await press(radio(page, 'Would the carer like time with the worker on their own?', 'Yes'));
  await page.getByLabel('How long will it be?').selectOption('15');
  await press(radio(page, 'When in the review will it be?', 'After support and services'));
  await page.goto(`/review/${id}`);
  await expect(page.getByText('Planned: 15 minutes, after support and services.')).toBeVisible();

  await startTurn(page, id, 'Joan Khan (the person cared for)');
  await expect(heading(page, 'Your time on your own, Joan Khan')).toBeVisible();
  // The carer's plan is hers, not Joan's; Joan's advocate stays with her.
  await expect(page.getByText(/^Planned:/)).toHaveCount(0);
  await expect(page.getByText('Grace Obi, your advocate, can stay with you and help you say what you want.')).toBeVisible();
  await press(page.getByRole('button', { name: 'Say something about this' }).first());
  await page.getByLabel('What you want to say').pressSequentially('I worry that Ayesha is tired');
  await expect(page.getByRole('combobox', { name: /Who may see/ }).first()).toHaveValue('not-carer');
  await press(page.getByRole('button', { name: 'I have finished: hand the tablet back' }));
  await press(page.getByRole('button', { name: 'Not finished: back to my own questions' }));
  await expect(page.getByLabel('What you want to say')).toHaveValue('I worry that Ayesha is tired');
  await press(page.getByRole('button', { name: 'I have finished: hand the tablet back' }));
  await press(page.getByRole('button', { name: 'I am Sam Patel: back to the review' }));
  await expect(heading(page, 'Carer review')).toBeVisible();
  // The tablet is the worker's again.
  await expect(page.getByText('Now:').first()).toBeVisible();
  const review = await storedReview(page, id);
  expect(review.process.privatePlan).toEqual({ minutes: 15, slot: 'after-services' });
});

test('on a tablet with a PIN, the turn survives the lock: the lock screen holds nothing of the review, and after the PIN only her questions come back', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await reviewAt(page, 'review proper');
  const review = await storedReview(page, id);
  const carer = review.participants.find((p) => p.role === 'carer');
  const others = othersAnswers(review, carer.id);
  await setDevicePin(page);
  await startTurn(page, id, 'Ayesha Khan (carer)', (path) => visitUnlocked(page, path));
  await expect(heading(page, 'Your time on your own, Ayesha Khan')).toBeVisible();
  // Reloaded (or locked): the PIN is asked, and nothing of the review is there.
  await page.reload();
  await expect(heading(page, 'Review Together is locked')).toBeVisible();
  expect(await inTheDom(page, [...others, 'Ayesha Khan'])).toEqual([]);
  await page.getByLabel('Device PIN').fill(DEVICE_PIN);
  await press(page.getByRole('button', { name: 'Unlock' }));
  await expect(heading(page, 'Your time on your own, Ayesha Khan')).toBeVisible();
  expect(await inTheDom(page, others)).toEqual([]);
  // The turn is kept sealed under the PIN, like everything else.
  const kept = await page.evaluate(() => localStorage.getItem('review-together/private-turn'));
  expect(kept).not.toContain(carer.id);
});
