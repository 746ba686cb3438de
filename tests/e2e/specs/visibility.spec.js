// Who may see what (issue 21, P23): a visibility on every item, chosen on
// the item itself; the summary holds each with its visibility and speaker;
// and nobody signs what they were not shown. The check page at each
// sign-off is held against the signed summary itself (every text in it),
// not against a list written here. Each recipient's copy (issue 22) holds
// exactly the texts of the signed summary its reader may see, and verifies
// beside it with the records teams' CLI.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  test, expect, press, heading, reviewAt, openReviewPage, openCheck, signTurn, turnBanner, SIGNING,
  signEveryone, expectNoAxeViolations, SUMMARY_CLI, reviewKeepingSomethingFromEach,
} from '../helpers.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 20_000 });

const VISIBILITIES = ['everyone', 'not-individual', 'not-carer', 'not-providers', 'worker-and-records'];

/** The review's stored data. */
async function stored(page, id) {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data, `review-together/review/${id}`);
}

/** The signed summary the device keeps for review `id`. */
async function signedSummary(page, id) {
  const kept = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data, `review-together/summary/${id}`);
  return JSON.parse(kept.text);
}

/** Every screen with items on it, each card opened so its items show. */
async function itemScreens(page, id) {
  const data = await stored(page, id);
  return [...data.criteria.map((c) => `rate/${c.id}`), 'services', 'cover', 'escalations', 'outcome', 'outcome/decision', 'outcome/views'];
}

/** The "Change …" buttons that open a card (one card is open at a time). */
function cardToggles(page) {
  return page.locator('main button[aria-expanded]').filter({ hasText: /^Change / });
}

/** The object anywhere in `v` whose `id` is `id`. */
function objectWithId(v, id) {
  if (Array.isArray(v)) return v.map((c) => objectWithId(c, id)).find(Boolean);
  if (v && typeof v === 'object') {
    if (v.id === id) return v;
    return Object.values(v).map((c) => objectWithId(c, id)).find(Boolean);
  }
  return undefined;
}

/** Where the summary records the visibility of item `key`. */
function recordedVisibility(summary, key) {
  const [first, second] = key.split('/');
  if (first === 'outcome') {
    const member = `${second.replace(/-(.)/g, (_, c) => c.toUpperCase())}Visibility`;
    return summary.outcome[member];
  }
  if (second === 'needs-met') return objectWithId(summary, first).needsMetVisibility;
  return objectWithId(summary, key)?.visibility;
}

test('every visibility on every kind of item: chosen on the item, said to screen readers, and in the summary with its speaker', async ({ page }) => {
  test.setTimeout(300_000);
  const id = await reviewAt(page, 'review proper');
  const chosen = new Map();
  let n = 0;
  // Each control on the screen not chosen yet gets the next visibility.
  const chooseOnScreen = async () => {
    const controls = page.locator('main .app-visibility[data-item]');
    const count = await controls.count();
    for (let i = 0; i < count; i += 1) {
      const control = controls.nth(i);
      const key = await control.getAttribute('data-item');
      if (chosen.has(key)) continue;
      const value = VISIBILITIES[n % VISIBILITIES.length];
      n += 1;
      const select = control.getByRole('combobox', { name: 'Who may see this?' });
      await expect(select).toHaveValue('everyone');
      await select.selectOption(value);
      await expect(select).toHaveValue(value);
      // Said once, politely, in words; and shown with its icon and words.
      await expect(control.getByRole('status')).toContainText('Who may see');
      await expect(control.locator('svg.app-visibility__icon')).toHaveCount(1);
      chosen.set(key, value);
    }
  };
  // A note said by the carer and a gap, so that every kind of item is there.
  const [first] = (await stored(page, id)).criteria;
  await openReviewPage(page, id, `rate/${first.id}`);
  await press(page.getByRole('button', { name: 'Add a note' }));
  await page.getByLabel('What was said').fill('I have not had a whole day off since March');
  await press(page.getByRole('group', { name: 'Who said it?' }).getByRole('radio', { name: /^Ayesha Khan/ }));
  await openReviewPage(page, id, 'services');
  await press(page.getByRole('button', { name: 'Add a gap in support' }));
  await page.getByLabel('What is missing?').fill('No sitting service at weekends');
  await press(page.getByRole('group', { name: 'Who noticed it?' }).getByRole('radio', { name: /^Ayesha Khan/ }));
  // And whose the other views are.
  await openReviewPage(page, id, 'outcome/views');
  const by = page.getByRole('combobox', { name: 'Whose views are these?' });
  await expect(by).toHaveValue('not-recorded');
  await by.selectOption(await by.locator('option', { hasText: 'Tom Khan' }).first().getAttribute('value'));

  for (const path of await itemScreens(page, id)) {
    await openReviewPage(page, id, path);
    await chooseOnScreen();
    // Every other card, opened in turn (opening one closes the one open).
    const names = await cardToggles(page).allTextContents();
    for (const name of names) {
      await press(page.getByRole('button', { name: name.trim(), exact: true }));
      await expect.poll(async () => {
        const keys = await page.locator('main .app-visibility[data-item]').evaluateAll((all) => all.map((e) => e.dataset.item));
        return keys.some((k) => !chosen.has(k));
      }, `${name} shows its items`).toBe(true);
      await chooseOnScreen();
    }
    await expectNoAxeViolations(page, `${path} with visibility chosen`);
  }
  // Every kind of item: notes, benefits, difficulties, changes, how a service
  // met needs, gaps, risks, matters, actions, the outcome's reasons and views.
  expect(chosen.size).toBeGreaterThanOrEqual(16);
  for (const v of VISIBILITIES) expect([...chosen.values()]).toContain(v);

  // The choices survive a reload.
  await page.reload();
  await openReviewPage(page, id, 'outcome/decision');
  await expect(page.locator('#visibility-outcome-rationale')).toHaveValue(chosen.get('outcome/rationale'));

  await openReviewPage(page, id);
  await openCheck(page);
  await press(page.getByRole('link', { name: 'Continue to sign off' }));
  for (;;) {
    const banner = turnBanner(page);
    if (!(await banner.isVisible())) break;
    const text = (await banner.textContent()).replace(/^Now:\s*/, '');
    const name = Object.keys(SIGNING).find((who) => text.startsWith(who));
    if (SIGNING[name].says === 'I agree, with a comment') {
      // Words said as they sign get their own choice, the default to begin with.
      await press(page.getByRole('radio', { name: 'I agree, with a comment' }));
      await page.getByLabel('Their comment').fill(SIGNING[name].comment);
      const words = page.locator('#sign-off-words-visibility');
      await expect(words).toHaveValue('everyone');
      await words.selectOption('not-carer');
      await press(page.getByRole('radio', { name: 'Tap the button below' }));
      await press(page.getByRole('button', { name: `Sign as ${name}`, exact: true }));
      await expect(page.getByRole('term').filter({ hasText: name }).first()).toBeVisible();
      chosen.set(`sign-off/${name}`, 'not-carer');
    } else {
      await signTurn(page, name, SIGNING[name]);
    }
  }
  const summary = await signedSummary(page, id);
  const idOf = (name) => summary.participants.find((p) => p.name === name).id;
  for (const [key, value] of chosen) {
    if (key.startsWith('sign-off/')) {
      const signOff = summary.signOffs.find((s) => s.participant === idOf(key.slice(9)));
      expect(signOff.decision, key).toMatchObject({ kind: 'agrees-with-comment', visibility: value });
      continue;
    }
    expect(recordedVisibility(summary, key), key).toBe(value);
  }
  // Whose words: every note and point names who said it.
  const points = summary.services.resources.flatMap((r) => [...r.benefits, ...r.difficulties, ...r.changes]);
  const notes = summary.criteria.flatMap((c) => c.evidence);
  expect(notes).toHaveLength(1);
  expect(notes[0].saidBy).toMatchObject({ kind: 'participant' });
  expect(summary.services.gaps).toHaveLength(1);
  expect(points.length).toBeGreaterThan(3);
  for (const p of points) expect(p.saidBy, p.id).toBeTruthy();
  for (const e of notes) expect(e.saidBy, e.id).toBeTruthy();
  expect(summary.confidentiality.defaultVisibility).toBe('everyone');
  // Whose the other views are, chosen like every speaker.
  expect(summary.outcome.otherViewsSaidBy).toMatchObject({ kind: 'participant' });
});

// --- What each signer was shown, against the signed summary ---------------------

/** Members that say how the file was made, not what anyone said or agreed. */
const ABOUT_THE_FILE = new Set(['format', 'formatVersion', 'documentId', 'reviewId', 'signedAt', 'createdAt',
  'finalisedAt', 'language', 'app', 'standard', 'signature', 'previous', 'continues', 'version', 'recipientCopies',
  'copyFor']);
const OUTCOME_TEXT = { rationale: 'rationaleVisibility', carerView: 'carerViewVisibility',
  individualView: 'individualViewVisibility', otherViews: 'otherViewsVisibility' };

/**
 * Every text the summary holds that someone wrote or chose in words, with
 * the visibility of the item it belongs to (undefined: everyone's). Codes,
 * ids and times are left out (the page shows their words, not them), as are
 * the signatures themselves (given after looking) and what is about the file.
 */
function textsOf(summary) {
  const found = [];
  const walk = (v, visibility, member) => {
    if (typeof v === 'string') {
      const code = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) || /^\d{4}-\d{2}-\d{2}/.test(v);
      if (!code && v.trim()) found.push({ text: v.trim(), visibility, member });
      return;
    }
    if (Array.isArray(v)) { v.forEach((c) => walk(c, visibility, member)); return; }
    if (!v || typeof v !== 'object') return;
    const own = v.visibility ?? visibility;
    for (const [k, c] of Object.entries(v)) {
      if (k === 'id' || k === 'saidBy' || k.endsWith('Visibility') || k === 'visibility') continue;
      // Which criteria of the standard a criterion from our list serves: the
      // records' (issue 26: no code of the standard on a screen people read).
      if (k === 'serves') continue;
      const itemVisibility = OUTCOME_TEXT[k] && v[OUTCOME_TEXT[k]] ? v[OUTCOME_TEXT[k]] : own;
      // What must not be shared names what it protects: the worker's only.
      if (k === 'restrictions') { walk(c, 'worker-and-records', k); continue; }
      walk(c, k === 'needsMet' ? (v.needsMetVisibility ?? own) : itemVisibility, k);
    }
  };
  for (const [k, v] of Object.entries(summary)) {
    if (!ABOUT_THE_FILE.has(k) && k !== 'signOffs') walk(v, undefined, k);
  }
  return found;
}

/** Whether a check page shown as `shown` may hold an item of `visibility`. */
function shows(shown, visibility) {
  if (!visibility || shown === 'everything') return true;
  const allowed = {
    'carer-copy': ['everyone', 'not-individual', 'not-providers'],
    'individual-copy': ['everyone', 'not-carer', 'not-providers'],
    'everyone-only': ['everyone'],
  };
  return allowed[shown].includes(visibility);
}

test('each person signs what they were shown: the check page at their sign-off holds every text of the signed summary their copy holds, and nothing else', async ({ page }) => {
  test.setTimeout(300_000);
  const id = await reviewKeepingSomethingFromEach(page);
  await press(page.getByRole('link', { name: 'Continue to sign off' }));
  await expect(heading(page, 'Sign off the review')).toBeVisible();
  const seen = {};
  for (;;) {
    const banner = turnBanner(page);
    if (!(await banner.isVisible())) break;
    const text = (await banner.textContent()).replace(/^Now:\s*/, '');
    const name = Object.keys(SIGNING).find((who) => text.startsWith(who));
    // What they are signing: the check page, as it is at their turn. (An
    // advocate or interpreter signs nothing: they confirm their help.)
    if (!('confirm' in SIGNING[name])) {
      await press(page.getByRole('link', { name: `Look at what ${name} is signing` }));
      await expect(heading(page, 'Check the review before signing')).toBeVisible();
      seen[name] = await page.locator('main').innerText();
      await press(page.getByRole('link', { name: 'Continue to sign off' }));
    }
    await signTurn(page, name, SIGNING[name]);
  }
  const summary = await signedSummary(page, id);
  const texts = textsOf(summary);
  expect(texts.length).toBeGreaterThan(40);
  const nameOf = (pid) => summary.participants.find((p) => p.id === pid).name;
  const missing = [];
  for (const signOff of summary.signOffs) {
    const name = nameOf(signOff.participant);
    const page = seen[Object.keys(seen).find((n) => name.startsWith(n))];
    expect(page, name).toBeTruthy();
    const flat = page.replace(/\s+/g, ' ');
    for (const { text, visibility, member } of texts) {
      const there = flat.includes(text.replace(/\s+/g, ' '));
      if (shows(signOff.shown, visibility) && !there) missing.push(`${name} (${signOff.shown}) was not shown ${member}: “${text}”`);
      if (!shows(signOff.shown, visibility) && there && visibility) missing.push(`${name} (${signOff.shown}) was shown ${member} (${visibility}): “${text}”`);
    }
  }
  expect(missing).toEqual([]);
  // The carer's view was her copy, and the worker's everything.
  expect(summary.signOffs.map((s) => s.shown)).toContain('carer-copy');
  expect(summary.signOffs.at(-1).shown).toBe('everything');
});

// --- The copies each recipient takes away ------------------------------------

/** What a copy for `kind` may hold, by visibility. */
const COPY_MAY_HOLD = {
  carer: ['everyone', 'not-individual', 'not-providers'],
  individual: ['everyone', 'not-carer', 'not-providers'],
};

/** Every string anywhere in `v`. */
function stringsOf(v, into = new Set()) {
  if (typeof v === 'string') into.add(v);
  else if (v && typeof v === 'object') Object.values(v).forEach((c) => stringsOf(c, into));
  return into;
}

/** Press a button that saves a file; the download's name, path and bytes. */
async function download(page, button, dir) {
  const [dl] = await Promise.all([page.waitForEvent('download'), press(button)]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path, bytes: readFileSync(path) };
}

test('each recipient’s copy holds only what they may see, is named by the summary by its hash, and verifies beside it', async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'copies-e2e-'));
  const id = await reviewKeepingSomethingFromEach(page);
  await signEveryone(page);

  // The sign-off screen offers the summary and a copy for each person.
  await expect(page.getByRole('heading', { name: 'Copies for each person', level: 2 })).toBeVisible();
  const records = await download(page, page.getByRole('button', { name: 'Download summary' }), dir);
  const copies = {
    carer: await download(page, page.getByRole('button', { name: 'Download the carer’s copy' }), dir),
    individual: await download(page, page.getByRole('button', { name: 'Download the copy for the person cared for' }), dir),
  };
  await expect(page.getByRole('status').filter({ hasText: `The copy for the person cared for was saved as ${copies.individual.name}.` })).toBeVisible();
  await expectNoAxeViolations(page, 'the signed summary and its copies');

  // Every file verifies with the records teams' CLI, the copies beside the
  // summary they were made from (checked against it: no copy_mismatch).
  const run = spawnSync(SUMMARY_CLI, ['verify', '--json', '--allow-unknown-signer', records.path, copies.carer.path, copies.individual.path], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout);
  expect(report.files.map((f) => f.errors.map((e) => e.code))).toEqual([['signer_not_checked'], ['signer_not_checked'], ['signer_not_checked']]);
  expect(run.status, run.stdout).toBe(0);

  const summary = JSON.parse(records.bytes.toString('utf8'));
  const texts = textsOf(summary).filter((t) => t.visibility);
  expect(texts.length).toBeGreaterThan(10);
  for (const [kind, file] of Object.entries(copies)) {
    const copy = JSON.parse(file.bytes.toString('utf8'));
    expect(file.name.startsWith(records.name.replace(/\.json$/, ''))).toBe(true);
    expect(copy.copyFor).toMatchObject({ recipient: { kind }, recordsCopy: summary.documentId });
    expect(copy.copyFor.keptBack).toBeGreaterThan(0);
    // The summary names it by its id and the SHA-256 of its bytes.
    const link = summary.recipientCopies.find((l) => l.documentId === copy.documentId);
    expect(link.sha256).toBe(createHash('sha256').update(file.bytes).digest('base64url'));
    const held = stringsOf(copy);
    const wrong = texts
      .filter(({ text, visibility }) => held.has(text) !== COPY_MAY_HOLD[kind].includes(visibility))
      .map(({ text, visibility, member }) => `${kind}: ${member} (${visibility}) “${text}” ${held.has(text) ? 'is in' : 'is missing from'} the copy`);
    expect(wrong).toEqual([]);
  }

  // The app's checker says whose copy it is, and checks it against the
  // summary this device keeps.
  await page.goto('/check-summary');
  await page.getByLabel('Summary file').setInputFiles(copies.carer.path);
  await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(page.locator('main')).toContainText(`This is the carer’s copy. It was made from summary ${summary.documentId}`);
  await expect(page.locator('main')).not.toContainText('is not the copy it names');
});
