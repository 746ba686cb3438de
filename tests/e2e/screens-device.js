// The registry's screens of the device and of the features around the
// meeting itself: home, settings and addresses that lead nowhere; the signed
// summary and the signing key; the Display panel; passing the tablet; drafts
// in two tabs and a full storage; the device PIN; backups. screens.js puts
// them first in SCREENS; see there what an entry is. Also the builders of
// entries that both files use: screen() and its common steps.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, press, heading, errorSummary, alertSaying } from './fixture.js';
import { fillStorage } from './state.js';
import { withoutEd25519 } from './keys.js';
import { changePerson, TIME_OFF } from './getting-ready.js';
import { reach, reviewAt, openCriterion, turnBanner } from './meeting.js';
import {
  openDisplay, setDisplay, tabletChoice, readOnlyBanner, notSavedBanner, setDevicePin, visitUnlocked,
  SUMMARY_CLI, downloadLocked, recoveryCodeOf,
} from './features.js';

/** An entry of the registry whose setup runs `steps` (functions of the page) in turn. */
export function screen(name, route, state, ...steps) {
  return {
    name, route, state,
    setup: async (page) => {
      for (const step of steps) await step(page);
    },
  };
}

/** Step: go to `path`. */
export const visit = (path) => async (page) => { await page.goto(path); };

/** Step: the review of stage `stageName` (meeting.js reviewAt), opened at `rest` of its address. */
export const review = (stageName, rest = '') => (page) => reviewAt(page, stageName, rest);

/** Step: the screen's h1 says `name`. */
export const showing = (name) => (page) => expect(heading(page, name)).toBeVisible();

/** Step: the button named `name` shows. */
export const offering = (name) => (page) => expect(page.getByRole('button', { name })).toBeVisible();

/** Step: text saying `text` shows. */
export const saying = (text) => (page) => expect(page.getByText(text).first()).toBeVisible();

/** Step: press a button, by its name. */
export const pressButton = (name, exact = false) => (page) => press(page.getByRole('button', { name, exact }));

/** Step: an alert that says `text` shows. */
export const alerting = (text) => (page) => expect(alertSaying(page, text)).toBeVisible();

/** The address of each part of the review proper, after /review/:id/. */
export const PART_ROUTES = {
  'How it is going': 'rate',
  'Services and support': 'services',
  'Support while the carer has time for themselves': 'cover',
  "Things that need someone else's help": 'escalations',
  'Actions and outcome': 'outcome',
};

/** On the task list, open a part by its link (meeting.js openPart, from where the page is). */
export async function openPartHere(page, name) {
  await press(page.getByRole('link', { name, exact: true }));
  await expect(heading(page, name)).toBeVisible();
}

/** Step: the error summary shows. */
export const erring = (page) => expect(errorSummary(page)).toBeVisible();

const FUTURE_REVIEW = JSON.stringify({ version: 99, kind: 'review', data: { id: 'future-1' } });

/** Step: a saved review this version cannot read. */
async function storeUnreadableReview(page) {
  await page.goto('/');
  await page.evaluate((v) => localStorage.setItem('review-together/review/future-1', v), FUTURE_REVIEW);
}

/** The fixture signed by a fresh CLI key in `dir` (as `name`), and a team key list holding that key. */
function signedWithList(dir, name = 'summary.json') {
  const fixture = new URL('../fixtures/summary-unsigned-v2.json', import.meta.url).pathname;
  const publicKey = `${dir}/public.jwk`;
  writeFileSync(publicKey, execFileSync(SUMMARY_CLI, ['keygen', '--out', `${dir}/key.jwk`]));
  execFileSync(SUMMARY_CLI, ['sign', '--key', `${dir}/key.jwk`, fixture, '--out', `${dir}/${name}`]);
  const list = `${dir}/team.keys`;
  const { kid } = JSON.parse(readFileSync(publicKey, 'utf8'));
  execFileSync(SUMMARY_CLI, ['keys', 'add', '--keys', list, '--name', 'Sam Patel’s tablet', '--fingerprint', kid, publicKey]);
  return { path: `${dir}/${name}`, list };
}

/** A file chosen on the screen at `path` (`label`: its file input's): `contents`, or the summary fixture signed by the CLI. */
async function chooseFile(page, path, label, name, contents) {
  const dir = mkdtempSync(`${tmpdir()}/screen-file-`);
  if (contents !== undefined) {
    writeFileSync(`${dir}/${name}`, contents);
  } else {
    signedWithList(dir, name);
  }
  await page.goto(path);
  await page.getByLabel(label).setInputFiles(`${dir}/${name}`);
}

/** Step: a file for the check screen: `contents`, or the fixture signed by the CLI. */
const summaryChosen = (contents) => async (page) => {
  await chooseFile(page, '/check-summary', 'Summary file', 'summary.json', contents);
  await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
};

/** Step: a team key list holding a fresh key chosen on its page (unlocking first if need be). */
async function teamListChosen(page, list = signedWithList(mkdtempSync(`${tmpdir()}/team-keys-`)).list) {
  await visitUnlocked(page, '/settings/team-keys');
  await page.getByLabel('Team key list file').setInputFiles(list);
  await expect(page.getByRole('button', { name: 'Use this list' })).toBeVisible();
}

/** Step: a team key list imported (on a device with no PIN); returns the signed file its key made. */
async function teamListImported(page) {
  const made = signedWithList(mkdtempSync(`${tmpdir()}/team-keys-`));
  await teamListChosen(page, made.list);
  await press(page.getByRole('button', { name: 'Use this list' }));
  await expect(page.getByText('The team key list is now on this device.')).toBeVisible();
  return made;
}

/** The documented example team configuration (docs/team.example.json), with `change` made to it; returns a file. */
function teamFile(change = () => {}) {
  const team = JSON.parse(readFileSync(new URL('../../docs/team.example.json', import.meta.url), 'utf8'));
  change(team);
  const path = `${mkdtempSync(`${tmpdir()}/team-config-`)}/team.json`;
  writeFileSync(path, JSON.stringify(team, null, 2));
  return path;
}

/** Step: a team configuration chosen on its page (unlocking first if need be). */
async function teamConfigChosen(page, path = teamFile()) {
  await visitUnlocked(page, '/settings/team');
  await page.getByLabel('Team configuration file').setInputFiles(path);
}

/** Steps: the example configuration (a required case reference) imported, and the carer's details opened. */
async function teamReferencesAsked(page) {
  const id = await reach(page, 'family');
  await teamConfigImported(page);
  await page.goto(`/review/${id}/who`);
  await changePerson(page, 'Ayesha Khan');
}

/** Step: the example team configuration imported (on a device with no PIN). */
async function teamConfigImported(page) {
  await teamConfigChosen(page);
  await press(page.getByRole('button', { name: 'Use this configuration' }));
  await expect(page.getByText('The team configuration is now in force on this device.')).toBeVisible();
}

/** Step: the check screen's result heading says `name`. */
const verdict = (name) => (page) => expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();

/** Step: `contents` chosen as a backup file on "Open a backup". */
const backupChosen = (contents) => (page) => chooseFile(page, '/open-backup', 'Backup file', 'backup.json', contents);

/** Step: a backup of the signed-off review downloaded, then chosen on "Open a backup" on the same device. */
async function ownBackupChosen(page) {
  await reviewAt(page, 'signed off');
  const dl = await downloadLocked(page, page.getByRole('button', { name: 'Download a backup of this review' }));
  await backupChosen(readFileSync(await dl.path(), 'utf8'))(page);
  await codeTyped(recoveryCodeOf(page))(page);
  await expect(page.getByText('This review is already on this device.')).toBeVisible();
}

/** Step: `code` typed as the backup's recovery code, and "Open the backup" pressed. */
const codeTyped = (code) => async (page) => {
  await page.getByLabel('Recovery code').fill(code);
  await press(page.getByRole('button', { name: 'Open the backup' }));
};

/** Step: a backup of another device's review chosen: it asks for its recovery code. */
async function lockedBackupChosen(page) {
  const elsewhere = await page.context().browser().newContext();
  const other = await elsewhere.newPage();
  await reviewAt(other, 'family');
  const dl = await downloadLocked(other, other.getByRole('button', { name: 'Download a backup of this review' }));
  const text = readFileSync(await dl.path(), 'utf8');
  await elsewhere.close();
  await backupChosen(text)(page);
  await expect(page.getByLabel('Recovery code')).toBeVisible();
}

/** Step: in the family's review, "How we will review" open: a screen with the banner. */
async function processWithBanner(page) {
  await reviewAt(page, 'family', 'process');
  await expect(turnBanner(page)).toHaveText('Now: Sam Patel, worker');
}

/** Step: press "Pass the tablet" in the banner. */
const passTheTablet = (page) => press(page.getByRole('link', { name: 'Pass the tablet', exact: true }));

/** Step: carer Ayesha's details page, in the family's review. */
async function ayeshaDetails(page) {
  await reviewAt(page, 'family', 'who');
  await changePerson(page, 'Ayesha Khan');
}

/** Step: a device with a PIN, reloaded: the lock screen. */
async function lockScreen(page) {
  await setDevicePin(page);
  await page.reload();
  await expect(heading(page, 'Review Together is locked')).toBeVisible();
}

export const DEVICE_SCREENS = [
  // --- Home, settings, addresses that lead nowhere -----------------------------------------
  screen('home, no reviews', '/', 'clean', visit('/'),
    (page) => expect(page.getByText('There are no reviews on this device yet.')).toBeVisible()),
  screen('home, with reviews', '/', 'clean', (page) => reach(page, 'family'), visit('/'),
    (page) => expect(page.getByRole('row', { name: /Ayesha Khan/ })).toBeVisible()),
  screen('home, with copies still to give', '/', 'clean', (page) => reviewAt(page, 'signed off'), visit('/'),
    (page) => expect(page.getByRole('region', { name: 'Copies still to give' }).getByRole('listitem')).toHaveCount(2)),
  screen('home, with a saved review it cannot read', '/', 'error', storeUnreadableReview, (page) => page.reload(),
    (page) => expect(page.getByRole('region', { name: 'Some saved reviews could not be opened' })).toBeVisible()),
  screen('home, with settings it cannot read', '/', 'error', visit('/'),
    (page) => page.evaluate(() => localStorage.setItem('review-together/settings', '{"version": 1, "kind": "sett')),
    (page) => page.reload(), alerting("This device's saved settings could not be read")),
  // What public/boot.js does when a new build is waiting (the whole update is walked in update.spec.js).
  screen('home, a new version ready', '/', 'clean', visit('/'),
    (page) => page.evaluate(() => {
      window.reviewTogetherUpdate = { apply() {} };
      window.dispatchEvent(new Event('review-together:update-ready'));
    }),
    (page) => expect(page.getByRole('region', { name: 'Update' })).toContainText('A new version of Review Together is ready')),
  screen('device settings', '/settings', 'clean', visit('/settings'), showing('Device settings')),
  screen('device settings, nothing filled in', '/settings', 'error', visit('/settings'), pressButton('Save settings'), erring),
  screen('device settings, an ODS code that is not one', '/settings', 'error', visit('/settings'),
    (page) => page.getByLabel('ODS code (optional)').fill('8-HN'), pressButton('Save settings'), erring),
  screen('page not found', '*', 'clean', visit('/no/such/page'), showing('Page not found')),
  screen('review not found', '/review/:id', 'error', visit('/review/no-such-review'), showing('Review not found')),
  screen('review cannot be opened', '/review/:id', 'error', storeUnreadableReview, visit('/review/future-1/who'),
    showing('This review cannot be opened')),

  // --- The signed summary and the signing key -----------------------------------------------
  screen('check a summary file', '/check-summary', 'clean', visit('/check-summary'), showing('Check a summary file')),
  screen('check a summary file, signer not checked', '/check-summary', 'clean', summaryChosen(),
    verdict('Signed, but the signer could not be checked')),
  screen('check a summary file, valid from a listed device', '/check-summary', 'clean', async (page) => {
    const { path } = await teamListImported(page);
    await page.goto('/check-summary');
    await page.getByLabel('Summary file').setInputFiles(path);
  }, verdict('The summary is valid')),
  screen('check a summary file, not a summary', '/check-summary', 'error', summaryChosen('{"hello":"world"}')),
  screen('signing key, none yet', '/settings/key', 'clean', visit('/settings/key'), offering('Make the signing key now')),
  screen('signing key, kept by the browser, no PIN', '/settings/key', 'clean', visit('/settings/key'),
    pressButton('Make the signing key now'), offering('Download the public key'), saying('This device has no PIN')),
  screen('signing key, locked with the PIN', '/settings/key', 'clean', (page) => setDevicePin(page),
    (page) => visitUnlocked(page, '/settings/key'), pressButton('Make the signing key now'),
    saying('locked with the device PIN')),
  screen('signing key, browser without Ed25519', '/settings/key', 'clean', (page) => withoutEd25519(page),
    visit('/settings/key'), pressButton('Make the signing key now'),
    saying('This browser cannot keep a signing key out of the page’s reach')),
  screen('signing key, unreadable', '/settings/key', 'error', visit('/'),
    (page) => page.evaluate(() => localStorage.setItem('review-together/signing-key', 'not a key')),
    visit('/settings/key'), offering('Make a new key')),
  screen('team key list, none yet', '/settings/team-keys', 'clean', visit('/settings/team-keys'),
    (page) => expect(page.getByText('This device has no team key list yet.')).toBeVisible()),
  screen('team key list, a list read, PIN asked', '/settings/team-keys', 'clean', (page) => setDevicePin(page),
    (page) => teamListChosen(page), (page) => expect(page.getByLabel('Device PIN')).toBeVisible()),
  screen('team key list, a file that is not one', '/settings/team-keys', 'error', async (page) => {
    const path = `${mkdtempSync(`${tmpdir()}/team-keys-`)}/team.keys`;
    writeFileSync(path, '{"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}]}');
    await page.goto('/settings/team-keys');
    await page.getByLabel('Team key list file').setInputFiles(path);
  }, alerting('cannot be used as a team key list')),
  screen('team key list, imported', '/settings/team-keys', 'clean', (page) => teamListImported(page),
    (page) => expect(page.getByText('Sam Patel’s tablet', { exact: true })).toBeVisible()),

  screen('team configuration, none', '/settings/team', 'clean', visit('/settings/team'),
    saying('This device has no team configuration.')),
  screen('team configuration, a file read, PIN asked', '/settings/team', 'clean', (page) => setDevicePin(page),
    (page) => teamConfigChosen(page), (page) => expect(page.getByLabel('Device PIN')).toBeVisible()),
  screen('team configuration, a file that is not one', '/settings/team', 'error',
    (page) => teamConfigChosen(page, teamFile((t) => { t.complaints.web = 'http://example.org'; })),
    alerting('complaints.web')),
  screen('team configuration, imported', '/settings/team', 'clean', teamConfigImported,
    (page) => expect(page.getByRole('region', { name: 'Contacting Carers Support Team' })).toBeVisible()),
  screen('task list, with the team’s contacts', '/review/:id', 'clean', async (page) => {
    const id = await reach(page, 'new review');
    await teamConfigImported(page);
    await page.goto(`/review/${id}`);
  },
    (page) => expect(page.getByRole('region', { name: 'Contacting Carers Support Team' })).toBeVisible()),

  screen("person details, the team's references and the NHS number", '/review/:id/who/:pid', 'clean', teamReferencesAsked,
    (page) => page.getByLabel('Case reference', { exact: true }).fill('CR-004512'),
    (page) => page.getByLabel('NHS number (optional)').fill('401 023 2137'),
    (page) => page.getByLabel('Date of birth (optional)').fill('1974-05-14')),
  screen("person details, the team's references and the NHS number", '/review/:id/who/:pid', 'error', teamReferencesAsked,
    (page) => page.getByLabel('Case reference', { exact: true }).fill('CR-45'),
    (page) => page.getByLabel('NHS number (optional)').fill('401 023 2138'),
    pressButton('Continue', true), erring),

  screen('hand this tablet on, a review still here', '/settings/hand-on', 'clean', (page) => reach(page, 'new review'),
    visit('/settings/hand-on'), saying('Not signed off, so no summary has been made.')),
  screen('hand this tablet on, removing not yet confirmed', '/settings/hand-on', 'error', visit('/settings/hand-on'),
    pressButton('Remove everything from this tablet'),
    saying('Say that everything on this tablet has reached your records team or is in a backup')),

  // --- Display settings (the header's "Display" panel) ---------------------------------------
  screen('display settings open', '/', 'dialog', visit('/'),
    (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible(), openDisplay),
  screen('display settings open over a criterion being rated, easy read on', '/review/:id/rate/:cid', 'dialog',
    review('getting ready'), (page) => openPartHere(page, 'How it is going'), (page) => openCriterion(page, TIME_OFF),
    (page) => setDisplay(page, { easyRead: true }), openDisplay),

  // --- Joint use: passing the tablet (src/components/turn.rs) ---------------------------------
  screen('pass the tablet, choosing who takes it', '/review/:id/pass', 'clean', processWithBanner, passTheTablet,
    showing('Who will use the tablet next?')),
  screen('pass the tablet, the hand-over', '/review/:id/pass', 'clean', processWithBanner, passTheTablet,
    (page) => press(tabletChoice(page, 'Ayesha Khan')), showing('Pass the tablet to Ayesha Khan')),
  screen('pass the tablet, easy read offered to someone who uses symbols', '/review/:id/pass', 'clean',
    (page) => reviewAt(page, 'getting ready', 'process'), passTheTablet,
    (page) => press(tabletChoice(page, 'Joan Khan')), showing('Pass the tablet to Joan Khan'),
    (page) => expect(page.getByRole('group', { name: 'Easy read for Joan Khan?' })).toBeVisible()),
  screen('pass the tablet, to someone not in the room', '/review/:id/pass', 'error', async (page) => {
    const id = await reach(page, 'family');
    await page.goto(`/review/${id}/pass?from=process&to=nobody`);
  }, showing('This person cannot take the tablet')),

  // --- Drafts that are never lost (issue 8) ----------------------------------------------------
  screen('a review open for changes in another tab', '/review/:id/who/:pid', 'clean', async (page) => {
    // The first tab keeps the review; `page` (the one checked) opens it second.
    const first = await page.context().newPage();
    await ayeshaDetails(first);
    await page.goto(first.url());
    await expect(readOnlyBanner(page)).toContainText('open in another tab or window');
  }),
  screen('a review taken over by another tab', '/review/:id/who/:pid', 'clean', ayeshaDetails, async (page) => {
    const other = await page.context().newPage();
    await other.goto(page.url());
    await expect(readOnlyBanner(other)).toBeVisible();
    await press(other.getByRole('button', { name: 'Edit here instead' }));
    await expect(readOnlyBanner(page)).toContainText('now being changed in another tab or window');
  }),
  screen('storage full: not saved, with the review to download', '/review/:id/who/:pid', 'error', ayeshaDetails,
    fillStorage,
    (page) => page.getByLabel('Relationship to the person being cared for').fill('Daughter, and she lives next door'),
    (page) => expect(notSavedBanner(page)).toBeVisible()),

  // --- Privacy: the device PIN, the lock screen, removing all data ---------------------------
  screen('device PIN, none set', '/settings/pin', 'clean', visit('/settings/pin'), offering('Set the PIN')),
  screen('device PIN, two different PINs', '/settings/pin', 'error', visit('/settings/pin'),
    (page) => page.getByLabel('New PIN (at least 6 numbers)').fill('123456'),
    (page) => page.getByLabel('Enter the PIN again').fill('123465'),
    pressButton('Set the PIN'), erring),
  screen('device PIN set, locking choices', '/settings/pin', 'clean', (page) => setDevicePin(page)),
  screen('device PIN set, changing it with nothing entered', '/settings/pin', 'error', (page) => setDevicePin(page),
    pressButton('Change the PIN'), erring),
  screen('device PIN set, changing it with a wrong current PIN', '/settings/pin', 'error', (page) => setDevicePin(page),
    (page) => page.getByLabel('Current PIN').fill('000000'),
    (page) => page.getByLabel('New PIN (at least 6 numbers)').fill('135790'),
    (page) => page.getByLabel('Enter the new PIN again').fill('135790'),
    pressButton('Change the PIN'),
    (page) => expect(page.getByRole('alert')).toContainText('The current PIN is not right')),
  screen('remove all data', '/settings/remove-all', 'clean', visit('/settings/remove-all'), offering('Remove all data')),
  screen('locked with the device PIN', '/', 'clean', lockScreen),
  screen('locked, a wrong PIN', '/', 'error', lockScreen,
    (page) => page.getByLabel('Device PIN').fill('000000'), pressButton('Unlock'),
    (page) => expect(page.getByRole('alert')).toContainText('That PIN is not right')),
  screen('locked, forgotten PIN', '/', 'clean', lockScreen, pressButton('I have forgotten the PIN'),
    offering('Keep the data')),

  // --- Backups -----------------------------------------------------------------------------------
  screen('open a backup', '/open-backup', 'clean', visit('/open-backup'),
    (page) => expect(page.getByLabel('Backup file')).toBeVisible()),
  screen('open a backup, not a backup', '/open-backup', 'error', backupChosen('my notes'),
    (page) => expect(page.getByRole('alert')).toBeVisible()),
  screen('open a backup, already on this device', '/open-backup', 'clean', ownBackupChosen, offering('Keep both')),
  screen('task list, just opened from a backup', '/review/:id', 'clean', ownBackupChosen,
    pressButton('Replace the one on this device'),
    (page) => expect(page.getByRole('status').filter({ hasText: 'Its signed summary was checked' })).toBeVisible()),
  screen('open a backup, asking for its recovery code', '/open-backup', 'clean', lockedBackupChosen),
  screen('open a backup, a mistyped recovery code', '/open-backup', 'error', lockedBackupChosen,
    codeTyped('ABCDE-FGHJK-MNPQR-STVWX-YZ012'),
    (page) => expect(page.getByText(/That recovery code has a typing mistake/)).toBeVisible()),
  screen('a backup about to download, its recovery code shown once', '/review/:id', 'clean', review('family'),
    pressButton('Download a backup of this review'), (page) => expect(page.locator('#recovery-code')).toBeVisible()),
  screen('recovery code, none yet', '/settings/recovery-code', 'clean', visit('/settings/recovery-code'),
    offering('Make the recovery code')),
  screen('recovery code, a new one shown', '/settings/recovery-code', 'clean', visit('/settings/recovery-code'),
    pressButton('Make the recovery code'), (page) => expect(page.locator('#recovery-code')).toBeVisible()),
  screen('recovery code, in use', '/settings/recovery-code', 'clean', visit('/settings/recovery-code'),
    pressButton('Make the recovery code'), pressButton('I have written it down'), offering('Make a new recovery code')),
  screen('open a backup, locked with a PIN', '/open-backup', 'clean', backupChosen(JSON.stringify({
    format: 'review-together/backup', version: 1, createdAt: '2026-11-25T10:00:00+00:00',
    sealed: { salt: 'AAAAAAAAAAAAAAAAAAAAAA', iterations: 600000, data: 'rt-sealed-v1:AAAAAAAAAAAAAAAA.AAAA' },
  })), (page) => expect(page.getByLabel('PIN of the device the backup was made on')).toBeVisible()),
];
