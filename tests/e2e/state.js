// What the app keeps on the device (localStorage), and staged states.
//
// A stage is a state of the device reached through the real UI (a review
// with its family, a finished getting ready, a signed-off review, ...).
// The first test of a run that needs it drives it, the way a worker would;
// what it leaves in storage is kept in a file shared by all the run's
// workers (in E2E_STAGES, a new folder for each run, named by
// playwright.config.js), and every later test starts from a copy of it. So a check that needs a finished
// meeting gets one in a moment, and always one the app itself made. The
// walks (part1-walk, part2-walk, part3-signoff, keyboard) still click
// through their screens themselves: stages only bring other tests to a state.
import {
  existsSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { allowTime } from './fixture.js';

/** Everything the app keeps on the device. */
export async function storageOf(page) {
  return page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('review-together/')).map((k) => [k, localStorage.getItem(k)]),
  ));
}

/**
 * Put back what storageOf() took, on a device that had nothing else, from the
 * page at `at` (the home screen; stages use a static file of the app's
 * origin, so the app itself starts only at the next page.goto()).
 */
export async function restoreStorage(page, stored, at = '/') {
  await page.goto(at);
  await page.evaluate((s) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v);
    // The signing key the browser kept (IndexedDB, never exported) cannot
    // be carried to another browser context, so neither is the plain copy
    // of its public part: the device has no key until it makes one.
    localStorage.removeItem('review-together/signing-key-public');
  }, stored);
}

/** The stored text of a review, exactly as the device keeps it (null when there is none). */
export async function storedReview(page, id) {
  return page.evaluate((key) => localStorage.getItem(key), `review-together/review/${id}`);
}

/**
 * Fill this origin's localStorage until the browser throws QuotaExceededError
 * for even one more character (big pieces first, then ever smaller ones).
 * Returns how many filler items it took; emptyStorageFiller() removes them.
 */
export async function fillStorage(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      const piece = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler/${n}`, piece);
          n += 1;
        } catch (e) {
          if (e.name !== 'QuotaExceededError') throw e;
          break;
        }
      }
    }
    return n;
  });
}

/** Remove what fillStorage() put in. */
export async function emptyStorageFiller(page) {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler/')) localStorage.removeItem(key);
  });
}

// ---------------------------------------------------------------------------
// Stages.

const stages = {};
const shared = process.env.E2E_STAGES;
const fileOf = (name) => join(shared, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
const pause = (ms) => new Promise((r) => { setTimeout(r, ms); });

/**
 * A stage another worker of this run has kept. While another is driving it,
 * wait for it (given up to `ms` more time); if that one fails, null: drive it here.
 */
async function keptByAnother(name, ms) {
  if (!shared) return null;
  mkdirSync(shared, { recursive: true });
  const file = fileOf(name);
  const kept = () => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
  if (kept()) return kept();
  try {
    closeSync(openSync(`${file}.lock`, 'wx'));
    return null; // this worker drives it
  } catch {}
  allowTime(ms);
  // Wait while the other worker drives it (its lock is there); if it fails, it removes the lock.
  for (let waited = 0; waited < ms && !kept() && existsSync(`${file}.lock`); waited += 250) await pause(250);
  return kept();
}

function giveUp(name) {
  if (shared) rmSync(`${fileOf(name)}.lock`, { force: true });
}

function keepForOthers(name, kept) {
  if (!shared) return;
  const file = fileOf(name);
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(kept));
  renameSync(`${file}.${process.pid}`, file);
}

/**
 * A stage holds no language: the display settings keep the rest, so a stage
 * first driven by a test in another language (specs/languages.spec.js)
 * brings every later test to it in English.
 */
function withoutLanguage(stored) {
  const key = 'review-together/display';
  if (!stored[key]) return stored;
  try {
    const display = JSON.parse(stored[key]);
    if (display?.data && 'language' in display.data) delete display.data.language;
    return { ...stored, [key]: JSON.stringify(display) };
  } catch {
    return stored;
  }
}

/**
 * The state `name`, as `drive(page)` leaves it (it returns the review's id,
 * or null). The first time in a run, `drive` runs here through the UI
 * (given `ms` more time) and leaves the page where it ends; after that the
 * device's storage is restored and the page is left on a static file: go on
 * with page.goto(). Returns the id.
 */
export async function stage(page, name, drive, ms) {
  stages[name] ??= await keptByAnother(name, ms);
  if (!stages[name]) {
    allowTime(ms);
    let kept;
    try {
      const id = await drive(page);
      kept = { id, stored: withoutLanguage(await storageOf(page)) };
    } finally {
      // A drive that failed lets the next test that needs it drive it at once.
      if (!kept) giveUp(name);
    }
    stages[name] = kept;
    keepForOthers(name, kept);
    return kept.id;
  }
  await restoreStorage(page, stages[name].stored, '/favicon.svg');
  return stages[name].id;
}
