// The benchmark of issue 19, driven by scripts/bench (which builds the
// release, makes the large review and prints the table): each test measures
// one thing in a fresh browser context and adds its figures to BENCH_OUT.
// Figures are printed, never asserted: machines are noisy.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, press } from '../fixture.js';
import { setDevicePin, visitUnlocked, DEVICE_PIN } from '../features.js';
import { reviewAt, signUntil } from '../meeting.js';
import { startServer } from '../server.js';

const OUT = process.env.BENCH_OUT ?? fileURLToPath(new URL('../.results/bench.json', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS || 5);
const LARGE = process.env.BENCH_LARGE;
const basePort = Number(process.env.E2E_PORT || 4180);

function record(name, figures) {
  const all = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : {};
  all[name] = figures;
  writeFileSync(OUT, JSON.stringify(all, null, 2));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};
const round = (x) => (x === null ? null : Math.round(x * 10) / 10);

async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

// Every byte a first visit moves until the service worker has installed
// (its precache fetches included), Brotli and gzip.
test('first visit: bytes until the service worker is installed', async ({ browser }) => {
  const figures = {};
  for (const [i, encodings] of [['br', 'br,gzip'], ['gzip', 'gzip']].entries()) {
    const server = await startServer(basePort + 11 + i, { encodings: encodings[1] });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        if (registration.active?.state !== 'activated') {
          await new Promise((r) => registration.active.addEventListener('statechange', r));
        }
      });
      await page.waitForTimeout(300);
      await context.close();
      const files = {};
      for (const { path, encoding, bytes } of server.log) {
        files[path] ??= { requests: 0, bytes: 0, encoding };
        files[path].requests += 1;
        files[path].bytes += bytes;
      }
      figures[encodings[0]] = {
        total: server.log.reduce((s, l) => s + l.bytes, 0),
        requests: server.log.length,
        files,
      };
    } finally {
      await server.stop();
    }
  }
  record('firstVisit', figures);
});

// From navigation start to the first enabled button the app has drawn, in a
// fresh context (nothing cached), at 1× and 4× CPU.
test('time to the first enabled control', async ({ browser, baseURL }) => {
  const figures = {};
  for (const rate of [1, 4]) {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        const found = () => document.querySelector('main button:not([disabled]), main a[href]');
        new MutationObserver((_, observer) => {
          if (found()) {
            window.__firstControl = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true, attributes: true });
      });
      await throttle(page, rate);
      await page.goto(baseURL);
      await page.waitForFunction(() => window.__firstControl !== undefined, null, { timeout: 60_000 });
      times.push(await page.evaluate(() => window.__firstControl));
      await context.close();
    }
    figures[`${rate}x`] = { median: round(median(times)), runs: times.map(round) };
  }
  record('firstControl', figures);
});

/**
 * Hooks put into the page before the app starts: the time of each keystroke
 * to the next paint, the handler's own time, the autosave task (the 300 ms
 * debounce timer's callback), every write of the review, and the wasm memory.
 */
function measuringHooks() {
  const m = { inputs: [], handlers: [], saves: [], writes: [], domChanges: [] };
  window.__bench = m;
  // What a keystroke changes in the page: every DOM change (nodes, attributes,
  // text) from the keystroke to after the next paint. The typed text itself
  // is the field's value, not a DOM change, so this counts what the app
  // redraws: ideally only what shows that field (and the save status).
  let changes = 0;
  new MutationObserver((records) => { changes += records.length; })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // The keystroke: from the input event's time stamp to after the next paint
  // (a message posted from the next animation frame runs after it).
  let start = 0;
  window.addEventListener('input', (e) => {
    start = performance.now();
    changes = 0;
    const at = e.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        m.inputs.push(performance.now() - at);
        m.domChanges.push(changes);
      };
      channel.port2.postMessage(null);
    });
  }, true);
  // The app's handler runs between the capture and bubble phases at window.
  window.addEventListener('input', () => m.handlers.push(performance.now() - start), false);
  const setTimeout = window.setTimeout.bind(window);
  window.setTimeout = (callback, delay, ...rest) => {
    if (delay !== 300 || typeof callback !== 'function') return setTimeout(callback, delay, ...rest);
    return setTimeout(() => {
      const t = performance.now();
      try { callback(...rest); } finally { m.saves.push(performance.now() - t); }
    }, delay);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key.startsWith('review-together/review/')) m.writes.push({ at: performance.now(), bytes: value.length });
    return setItem.call(this, key, value);
  };
  // The main module's memory: the modules that load on demand import it
  // rather than export their own.
  const keep = (result) => {
    const memory = (result.instance ?? result).exports?.memory;
    if (memory) m.memory = memory;
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original(...args).then(keep);
  }
}

/** The large review (scripts/bench makes it with review-core's example) on the device. */
async function loadLarge(page) {
  const { key, stored, id } = JSON.parse(readFileSync(LARGE, 'utf8'));
  await page.goto('/favicon.svg');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, stored]);
  return id;
}

async function typing(page, id, { pin }) {
  await page.addInitScript(measuringHooks);
  await visitUnlocked(page, `/review/${id}/rate/criterion-0`, pin ? DEVICE_PIN : undefined);
  const note = page.locator('textarea').first();
  await expect(note).toBeVisible({ timeout: 60_000 });
  const loaded = await page.evaluate(() => ({
    jsHeap: performance.memory?.usedJSHeapSize ?? null,
    wasmMemory: window.__bench.memory?.buffer.byteLength ?? null,
  }));
  await throttle(page, 4);
  await note.click();
  await note.press('End');
  await page.evaluate(() => {
    const m = window.__bench;
    Object.assign(m, { inputs: [], handlers: [], saves: [], writes: [], domChanges: [], from: performance.now() });
  });
  // 60 keystrokes at about 8 a second, as a quick typist on a tablet.
  await note.pressSequentially(' and then the carer said a little more about the week.....', { delay: 120 });
  await page.waitForTimeout(1500);
  const m = await page.evaluate(() => {
    const b = window.__bench;
    return { inputs: b.inputs, handlers: b.handlers, saves: b.saves, writes: b.writes, domChanges: b.domChanges, from: b.from, to: performance.now() };
  });
  const typedFor = (m.writes.length ? Math.max(...m.writes.map((w) => w.at)) : m.to) - m.from;
  return {
    keystrokes: m.inputs.length,
    keystrokeToPaint: { p50: round(percentile(m.inputs, 50)), p95: round(percentile(m.inputs, 95)) },
    handler: { p50: round(percentile(m.handlers, 50)), p95: round(percentile(m.handlers, 95)) },
    domChanges: { p50: percentile(m.domChanges, 50), max: m.domChanges.length ? Math.max(...m.domChanges) : null },
    autosave: { p50: round(percentile(m.saves, 50)), p95: round(percentile(m.saves, 95)), runs: m.saves.length },
    writes: m.writes.length,
    writesPerSecond: round(m.writes.length / (typedFor / 1000)),
    storedBytes: m.writes.at(-1)?.bytes ?? null,
    afterLoading: loaded,
  };
}

// Typing into a note on the large review (50 criteria × 5 people, 200 notes,
// 30 services) at 4× CPU, without and with a device PIN.
test('typing on the large review', async ({ page }) => {
  test.skip(!LARGE, 'BENCH_LARGE names the large review (scripts/bench makes it)');
  const id = await loadLarge(page);
  const withoutPin = await typing(page, id, { pin: false });
  await setDevicePin(page);
  const withPin = await typing(page, id, { pin: true });
  record('typing', { withoutPin, withPin });
});

// From the worker's "Sign as" to the signed summary stored, on the tests'
// review ('review proper', reached through the real screens once).
test('sign-off to signed summary', async ({ page }) => {
  const times = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    await reviewAt(page, 'review proper');
    await signUntil(page, 'Sam Patel');
    await press(page.getByRole('radio', { name: 'Yes, I agree' }));
    await press(page.getByRole('radio', { name: 'Tap the button below' }));
    await page.evaluate(() => {
      window.__signed = new Promise((resolve) => {
        let start = 0;
        document.addEventListener('click', () => { start = performance.now(); }, true);
        new MutationObserver((_, observer) => {
          const status = [...document.querySelectorAll('[role=status]')].find((s) => s.textContent.includes('The review is signed off'));
          if (start && status) { observer.disconnect(); resolve(performance.now() - start); }
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    });
    await page.getByRole('button', { name: 'Sign as Sam Patel', exact: true }).click();
    times.push(await page.evaluate(() => window.__signed));
  }
  record('signOff', { median: round(median(times)), runs: times.map(round) });
});
