// The signed summary (P23) between the app and the records teams' CLI: a
// summary downloaded in the browser verifies with `review-summary verify`,
// every download gives the same bytes, and only the team's key list makes a
// file valid: the device's public key, added with the fingerprint read off
// its screen, makes the CLI trust it; the app's "Check a summary file" warns
// about an unknown signer until the team's list is imported, and again once
// the key is revoked; changed, reformatted or foreign files are refused with
// the reason in plain words. The FHIR download is the Bundle the CLI makes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, expect, press, heading, lockedReview, openTaskList, setDevicePin, visitUnlocked, SUMMARY_CLI as CLI,
} from '../helpers.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'summary-unsigned-v2.json');
const PEERS = join(ROOT, 'tests', 'interop', 'peers.mjs');
const FILE_NAME = /^review-summary-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/;

test.beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`the CLI is not built at ${CLI}: run cargo build -p review-summary (scripts/test does)`);
});

/** Run the CLI; its exit status and output. */
function cli(...args) {
  const r = spawnSync(CLI, args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `review-summary verify --json`, parsed. */
function verifyJson(...args) {
  const r = cli('verify', '--json', ...args);
  return { status: r.status, report: JSON.parse(r.stdout) };
}

/** Press a button that saves a file; the download's name and bytes. */
async function download(page, button, dir) {
  const [dl] = await Promise.all([page.waitForEvent('download'), press(button)]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path, bytes: readFileSync(path) };
}

/** Choose a file in "Check a summary file" and wait for the result heading. */
async function check(page, path) {
  await visitUnlocked(page, '/check-summary');
  await expect(heading(page, 'Check a summary file')).toBeVisible();
  await page.getByLabel('Summary file').setInputFiles(path);
  const result = page.getByRole('heading', { level: 2 });
  await expect(result).toBeFocused();
  return result;
}

test('a signed-off review downloads one signed summary that the CLI verifies and trusts', async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'summary-e2e-'));
  const id = await lockedReview(page);

  // The worker's sign-off signed it: it is ready on the sign-off screen.
  const button = page.getByRole('button', { name: 'Download summary' });
  const first = await download(page, button, dir);
  expect(first.name).toMatch(FILE_NAME);
  await expect(page.getByRole('status').filter({ hasText: `The summary was saved as ${first.name}.` })).toBeVisible();

  // The same bytes from the task list, and after a reload.
  await openTaskList(page, id);
  const again = await download(page, page.getByRole('button', { name: 'Download summary' }), join(dir));
  expect(again.bytes.equals(first.bytes)).toBe(true);
  await page.reload();
  await expect(heading(page, 'Carer review')).toBeVisible();
  const afterReload = await download(page, page.getByRole('button', { name: 'Download summary' }), dir);
  expect(afterReload.bytes.equals(first.bytes)).toBe(true);

  // The records teams' CLI without the team's list: intact, but no signer
  // was checked, so it is never reported valid.
  const unchecked = verifyJson(first.path);
  expect(unchecked.status).toBe(3);
  expect(unchecked.report.files[0].verdict).toBe('untrusted_signer');
  expect(unchecked.report.files[0].errors.map((e) => e.code)).toEqual(['signer_not_checked']);
  const summary = JSON.parse(first.bytes.toString('utf8'));
  expect(unchecked.report.files[0].documentId).toBe(summary.documentId);
  expect(first.name).toContain(summary.documentId.slice(0, 8));
  expect(summary.reviewId).toBe(id);
  // The advocate and the interpreter confirmed what they were here for;
  // they did not sign as parties.
  const named = (n) => summary.participants.find((p) => p.name === n).id;
  expect(summary.confirmations.map((c) => [c.participant, c.confirms, c.confirmed])).toEqual([
    [named('Grace Obi'), 'own-view-carried', true], [named('Farah Ali'), 'accurate-interpretation', true],
  ]);
  expect(summary.signOffs.map((s) => s.participant)).not.toContain(named('Farah Ali'));
  // Agreement in each person's own way, wherever it was asked: Ayesha's to
  // the process through her interpreter, Joan's to the respite week through
  // her advocate, and to the review through pictures, the worker seeing it.
  expect(summary.process.agreedHow).toEqual([
    { participant: named('Ayesha Khan'), how: { way: 'interpreter', through: named('Farah Ali') } },
  ]);
  expect(summary.cover.arrangements[0].agreement).toEqual({ status: 'agreed', how: { way: 'advocate', through: named('Grace Obi') } });
  expect(summary.signOffs.find((s) => s.participant === named('Joan Khan')).how)
    .toEqual({ way: 'pictures', witness: named('Sam Patel') });
  // Every rating given, the worker's own professional view among them, last.
  const worker = summary.participants.find((p) => p.role === 'worker');
  expect(summary.criteria.map((c) => c.ratings.map((r) => r.participant).at(-1)))
    .toEqual(summary.criteria.map((c) => (c.notDiscussed ? undefined : worker.id)));

  // The key screen shows the fingerprint and gives the public key; the team
  // adds it with the fingerprint as read off the screen, spaces and all.
  await page.goto('/settings/key');
  await expect(heading(page, 'This device’s signing key')).toBeVisible();
  const shown = await page.locator('#key-fingerprint').textContent();
  const fingerprint = shown.replace(/\s+/g, '');
  expect(fingerprint).toBe(unchecked.report.files[0].kid);
  const publicKey = await download(page, page.getByRole('button', { name: 'Download the public key' }), dir);
  expect(publicKey.name).toBe(`review-together-public-key-${fingerprint.slice(0, 8)}.json`);
  const jwk = JSON.parse(publicKey.bytes.toString('utf8'));
  expect(jwk).not.toHaveProperty('d');
  const trusted = join(dir, 'team.keys');
  expect(cli('keys', 'add', '--keys', trusted, '--name', 'Sam’s tablet', '--fingerprint', shown, publicKey.path).status).toBe(0);
  const { status, report } = verifyJson('--trusted-keys', trusted, first.path);
  expect(report.files[0].errors).toEqual([]);
  expect(status).toBe(0);
  expect(report).toMatchObject({ valid: 1, invalid: 0, verdict: 'valid' });

  // The same summary for a FHIR record system (issue 29): the app's Bundle
  // is the one the CLI makes of the file, and carries it byte for byte.
  await openTaskList(page, id);
  const fhir = await download(page, page.getByRole('button', { name: 'Download for a FHIR record system' }), dir);
  expect(fhir.name).toBe(first.name.replace(/\.json$/, '.fhir.json'));
  await expect(page.getByRole('status').filter({ hasText: `saved as ${fhir.name}.` })).toBeVisible();
  const bundle = JSON.parse(fhir.bytes.toString('utf8'));
  const made = cli('fhir', '--trusted-keys', trusted, first.path);
  expect(made.status, made.stderr).toBe(0);
  expect(bundle).toEqual(JSON.parse(made.stdout));
  const carried = bundle.entry.find((e) => e.resource.resourceType === 'DocumentReference').resource.content[0].attachment.data;
  expect(Buffer.from(carried, 'base64').equals(first.bytes)).toBe(true);

  // Format 2, and code we did not write agrees: npm jose and canonicalize,
  // ajv with the published schema, Python joserfc at its default header
  // checks with rfc8785 and jsonschema, each canonicalising the file itself.
  expect(summary.formatVersion).toBe('2');
  expect(summary.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
  const peers = spawnSync('node', [PEERS, publicKey.path, first.path], { encoding: 'utf8' });
  const found = JSON.parse(peers.stdout.trim());
  expect(found, peers.stderr).toMatchObject({ valid: true, canonical: true, jose: true, ajv: true, python: { valid: true } });
  expect(Object.keys(found.header).sort()).toEqual(['alg', 'jwk', 'kid', 'typ']);
  expect(peers.status).toBe(0);

  // A team that registered only another device's key does not trust it; nor
  // does one that revoked this device's key.
  const otherKey = join(dir, 'other.jwk');
  const otherPublic = join(dir, 'other-public.jwk');
  writeFileSync(otherPublic, cli('keygen', '--out', otherKey).stdout);
  const others = join(dir, 'others.keys');
  const otherKid = JSON.parse(readFileSync(otherPublic, 'utf8')).kid;
  expect(cli('keys', 'add', '--keys', others, '--name', 'Other tablet', '--fingerprint', otherKid, otherPublic).status).toBe(0);
  const untrusted = verifyJson('--trusted-keys', others, first.path);
  expect(untrusted.status).toBe(3);
  expect(untrusted.report.files[0].errors.map((e) => e.code)).toEqual(['untrusted_key']);
  expect(cli('keys', 'revoke', '--keys', trusted, fingerprint).status).toBe(0);
  const revoked = verifyJson('--trusted-keys', trusted, first.path);
  expect(revoked.status).toBe(3);
  expect(revoked.report.files[0].errors.map((e) => e.code)).toEqual(['revoked_key']);

  // The app checks its own file and knows it is this device's.
  // Without a team list on the device it cannot say more than that.
  const result = await check(page, first.path);
  await expect(result).toHaveText('Signed, but the signer could not be checked');
  await expect(page.getByText(`${shown} (this device)`)).toBeVisible();
  // With a team list holding this device's key on the device, valid.
  const listed = join(dir, 'listed.keys');
  expect(cli('keys', 'add', '--keys', listed, '--name', 'Sam’s tablet', '--fingerprint', shown, publicKey.path).status).toBe(0);
  await page.goto('/settings/team-keys');
  await page.getByLabel('Team key list file').setInputFiles(listed);
  await press(page.getByRole('button', { name: 'Use this list' }));
  await expect(page.getByText('The team key list is now on this device.')).toBeVisible();
  await expect(await check(page, first.path)).toHaveText('The summary is valid');
});

test('a file the CLI signs verifies in the app; changed, reformatted and foreign files are refused', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'summary-e2e-'));
  const key = join(dir, 'team.jwk');
  const signed = join(dir, 'signed.json');
  execFileSync(CLI, ['keygen', '--out', key]);
  execFileSync(CLI, ['sign', '--key', key, FIXTURE, '--out', signed, '--signed-at', '2026-11-24T12:05:00+00:00']);
  const text = readFileSync(signed, 'utf8');
  const doc = JSON.parse(text);

  let result = await check(page, signed);
  await expect(result).toHaveText('Signed, but the signer could not be checked');
  await expect(page.getByText(/this device has no team key list, so it cannot say whose key signed it/)).toBeVisible();
  await expect(page.getByText(doc.documentId, { exact: true })).toBeVisible();
  // What the file is about, so the person checking can ask about it.
  await expect(page.getByRole('definition').filter({ hasText: doc.carer.name })).toHaveCount(1);

  const refused = async (name, contents, code) => {
    const path = join(dir, name);
    writeFileSync(path, contents);
    result = await check(page, path);
    await expect(result).toHaveText('Do not rely on this file');
    await expect(page.getByText(`${name} is not a valid signed summary.`)).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: `(code: ${code})` })).toHaveCount(1);
  };
  // One word changed after signing.
  await refused('changed.json', text.replace(doc.organisation, `${doc.organisation}x`), 'bad_signature');
  // The same JSON, pretty-printed: not the bytes that were signed.
  await refused('pretty.json', JSON.stringify(doc, null, 2), 'not_canonical');
  await refused('notes.json', 'These are my notes, not a summary.', 'not_json');
  await refused('other.json', '{"hello":"world"}', 'not_a_summary');
});

/** Import a team key list on /settings/team-keys (with the PIN, if given). */
async function importList(page, path, pin) {
  await visitUnlocked(page, '/settings/team-keys', pin);
  await expect(heading(page, 'Team key list')).toBeVisible();
  await page.getByLabel('Team key list file').setInputFiles(path);
  await expect(page.getByRole('button', { name: 'Use this list' })).toBeVisible();
  if (pin) await page.getByLabel('Device PIN').fill(pin);
  await press(page.getByRole('button', { name: 'Use this list' }));
  await expect(page.getByText('The team key list is now on this device.')).toBeVisible({ timeout: 30_000 });
}

test('the checker trusts a signer only once the team key list holds its key, and not after it is revoked', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'summary-e2e-'));
  const key = join(dir, 'tablet.jwk');
  const publicKey = join(dir, 'tablet-public.jwk');
  const signed = join(dir, 'signed.json');
  writeFileSync(publicKey, execFileSync(CLI, ['keygen', '--out', key]));
  execFileSync(CLI, ['sign', '--key', key, FIXTURE, '--out', signed, '--signed-at', '2026-11-24T12:05:00+00:00']);
  const kid = JSON.parse(readFileSync(publicKey, 'utf8')).kid;
  const list = join(dir, 'team.keys');
  execFileSync(CLI, ['keys', 'add', '--keys', list, '--name', 'Records test tablet', '--fingerprint', kid, '--at', '2026-11-01T09:00:00+00:00', publicKey]);

  // Self-signed, no list on the device: a warning, never the success panel.
  await check(page, signed);
  await expect(page.getByRole('heading', { level: 2, name: 'Signed, but the signer could not be checked', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'The summary is valid', exact: true })).toHaveCount(0);

  // A list that is wrong anywhere is refused whole, and nothing changes.
  const broken = join(dir, 'broken.keys');
  writeFileSync(broken, readFileSync(list, 'utf8').replace('"revoked":false', '"revoked":"false"'));
  await page.goto('/settings/team-keys');
  await page.getByLabel('Team key list file').setInputFiles(broken);
  await expect(page.getByRole('alert')).toContainText('cannot be used as a team key list');
  await expect(page.getByRole('alert')).toContainText('"revoked" must be true or false');
  await expect(page.getByText('This device has no team key list yet.')).toBeVisible();

  // The team's list holding the key: valid, with the device's name. The PIN is asked first.
  await setDevicePin(page);
  await visitUnlocked(page, '/settings/team-keys');
  await page.getByLabel('Team key list file').setInputFiles(list);
  await press(page.getByRole('button', { name: 'Use this list' }));
  await expect(page.getByRole('alert')).toContainText('Enter the device PIN to use this list');
  await page.getByLabel('Device PIN').fill('000000');
  await press(page.getByRole('button', { name: 'Use this list' }));
  await expect(page.getByRole('alert')).toContainText('That PIN is not right. Check it and try again. The list was not taken.');
  await importList(page, list, '482913');
  await expect(page.getByText('Records test tablet', { exact: true })).toBeVisible();
  await check(page, signed);
  await expect(page.getByRole('heading', { level: 2, name: 'The summary is valid', exact: true })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Records test tablet' })).toHaveCount(1);
  await expect(page.getByText(/Files are checked against your team’s key list \(1 device,/)).toBeVisible();

  // Revoked in the list: the warning again.
  execFileSync(CLI, ['keys', 'revoke', '--keys', list, kid, '--at', '2026-12-01T08:00:00+00:00']);
  await importList(page, list, '482913');
  await check(page, signed);
  await expect(page.getByRole('heading', { level: 2, name: 'Signed with a revoked key', exact: true })).toBeVisible();
  await expect(page.getByText(/The key of Records test tablet was revoked on 1 December 2026/)).toBeVisible();
});

test('the device has one signing key, made on request before the first summary', async ({ page }) => {
  await page.goto('/settings/key');
  await expect(page.getByText('This device has no signing key yet.')).toBeVisible();
  await press(page.getByRole('button', { name: 'Make the signing key now' }));
  const fingerprint = await page.locator('#key-fingerprint').textContent();
  expect(fingerprint.replace(/\s+/g, '')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await page.reload();
  await expect(page.locator('#key-fingerprint')).toHaveText(fingerprint);
});

test('an unreadable signing key is kept aside, never overwritten, and can be replaced', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('review-together/signing-key', '{"version":9,"kind":"signing-key"}'));
  await page.goto('/settings/key');
  await expect(page.getByRole('alert')).toContainText('The signing key kept on this device cannot be read');
  // No screen offers a key as text, readable or not.
  await expect(page.getByRole('button', { name: /Download the unreadable key/ })).toHaveCount(0);
  await press(page.getByRole('button', { name: 'Make a new key' }));
  await expect(page.locator('#key-fingerprint')).toBeVisible();
  const kept = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('review-together/kept-aside/signing-key/')));
  expect(kept.map(([, v]) => v)).toEqual(['{"version":9,"kind":"signing-key"}']);
  expect(await page.evaluate(() => localStorage.getItem('review-together/signing-key'))).toBeNull();
});
