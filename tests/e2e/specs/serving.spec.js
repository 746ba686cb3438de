// Issue 19, point 3, "serve compressed": the build writes a Brotli and a gzip
// copy beside every file that compresses (scripts/compress.mjs, run by the
// post-build hook), and the static server (scripts/static-server.mjs, what
// scripts/serve and these tests use) sends the copy the browser accepts.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect, heading } from '../helpers.js';
import { startServer } from '../server.js';
import { COMPRESSIBLE, SMALLEST, compressBuild, isCopy } from '../../../scripts/compress.mjs';

// The directory the test server serves (as scripts/static-server.mjs chooses it).
const DIST = resolve(process.env.DIST || fileURLToPath(new URL('../../../dist/', import.meta.url)));

async function exists(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Every file of the build (no copies), relative with "/" separators. */
async function builtFiles() {
  const entries = await readdir(DIST, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(DIST, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .filter((f) => !isCopy(f))
    .sort();
}

/** A GET with exactly the headers given (no decoding): status, headers, raw body. */
function rawGet(baseURL, path, headers) {
  return new Promise((done, fail) => {
    const req = httpRequest(new URL(path, baseURL), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('every file that compresses has a Brotli and a gzip copy that decode to it; nothing else has one', async () => {
  const files = await builtFiles();
  const compressed = files.filter((f) => COMPRESSIBLE.includes(extname(f)));
  // The files that matter most for a first load are among them.
  expect(compressed.some((f) => f.endsWith('.wasm'))).toBe(true);
  expect(compressed).toContain('index.html');
  let large = 0;
  for (const f of files) {
    const bytes = await readFile(join(DIST, f));
    const br = join(DIST, `${f}.br`);
    const gz = join(DIST, `${f}.gz`);
    if (!COMPRESSIBLE.includes(extname(f)) || bytes.length < SMALLEST) {
      expect(await exists(br), `${f} has no Brotli copy`).toBe(false);
      expect(await exists(gz), `${f} has no gzip copy`).toBe(false);
      continue;
    }
    large += 1;
    // Text and wasm of this size always shrink, so both copies are there.
    for (const [copy, decode] of [[br, brotliDecompressSync], [gz, gunzipSync]]) {
      expect(await exists(copy), `${copy} is written`).toBe(true);
      const packed = await readFile(copy);
      expect(packed.length, `${copy} is smaller than ${f}`).toBeLessThan(bytes.length);
      expect(Buffer.compare(decode(packed), bytes), `${copy} decodes to ${f}`).toBe(0);
    }
  }
  expect(large).toBeGreaterThan(3);
});

test('the server sends Brotli, gzip or the file itself, as the request accepts', async ({ baseURL }) => {
  const wasm = (await builtFiles()).find((f) => f.endsWith('_bg.wasm'));
  const cases = [
    ['gzip, deflate, br, zstd', 'br', `${wasm}.br`],
    ['gzip, deflate', 'gzip', `${wasm}.gz`],
    ['br;q=0, gzip', 'gzip', `${wasm}.gz`],
    ['br;q=0, gzip;q=0', undefined, wasm],
    ['identity', undefined, wasm],
    [undefined, undefined, wasm],
  ];
  for (const [accept, encoding, sent] of cases) {
    const headers = accept === undefined ? {} : { 'Accept-Encoding': accept };
    const response = await rawGet(baseURL, `/${wasm}`, headers);
    const label = `Accept-Encoding: ${accept ?? '(none)'}`;
    expect(response.status, label).toBe(200);
    expect(response.headers['content-encoding'], label).toBe(encoding);
    expect(response.headers['content-type'], label).toBe('application/wasm');
    expect(response.headers.vary, label).toBe('Accept-Encoding');
    const expected = await readFile(join(DIST, sent));
    expect(Number(response.headers['content-length']), label).toBe(expected.length);
    expect(Buffer.compare(response.body, expected), `${label}: the bytes of ${sent}`).toBe(0);
  }
  // The folder gets index.html, compressed the same way; an address inside
  // the app goes to the folder with the address after '#' (the app puts it
  // back: docs/deploy.md).
  const folder = await rawGet(baseURL, '/', { 'Accept-Encoding': 'br' });
  expect(folder.headers['content-encoding']).toBe('br');
  expect(brotliDecompressSync(folder.body).toString('utf8')).toBe(await readFile(join(DIST, 'index.html'), 'utf8'));
  const deep = await rawGet(baseURL, '/review/some-id/pass?from=who&to=p1', { 'Accept-Encoding': 'br' });
  expect(deep.status).toBe(302);
  expect(deep.headers.location).toBe('/#/review/some-id/pass?from=who&to=p1');
  // A path that leaves the build, raw or escaped, is never read.
  for (const path of ['/../Cargo.toml', '/%2e%2e/Cargo.toml', '/%E0%A4%A']) {
    const response = await rawGet(baseURL, path, {});
    expect(response.status, path).toBe(302);
    expect(response.body.length, path).toBe(0);
  }
});

test('the browser is sent Brotli for the app, and the app starts', async ({ page }) => {
  const encodings = new Map();
  page.on('response', async (r) => {
    const path = new URL(r.url()).pathname;
    if (/\.(wasm|js|css)$/.test(path)) encodings.set(path, (await r.allHeaders())['content-encoding']);
  });
  await page.goto('/');
  await expect(heading(page, 'Reviews on this device')).toBeVisible();
  const kinds = [...encodings.keys()].map((p) => extname(p));
  for (const kind of ['.wasm', '.js', '.css']) expect(kinds, `a ${kind} file was fetched`).toContain(kind);
  // Each comes as Brotli where the build has a copy (boot.js is too small for one).
  for (const [path, encoding] of encodings) {
    const copy = await exists(join(DIST, `${decodeURI(path.slice(1))}.br`));
    expect(encoding, path).toBe(copy ? 'br' : undefined);
  }
  expect([...encodings.values()].filter((e) => e === 'br').length).toBeGreaterThanOrEqual(3);
});

test('the server sends the headers docs/deploy.md asks a host for, with index.html\'s policy', async ({ baseURL }) => {
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  const meta = index.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const policy = `${meta}; frame-ancestors 'none'`;
  for (const path of ['/', '/review/some-id/who', '/sw.js', `/${(await builtFiles()).find((f) => f.endsWith('_bg.wasm'))}`]) {
    const { headers } = await rawGet(baseURL, path, { 'Accept-Encoding': 'br' });
    expect(headers['content-security-policy'], path).toBe(policy);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
  }
  // The page for deployers gives the same policy, word for word.
  const deploy = await readFile(fileURLToPath(new URL('../../../docs/deploy.md', import.meta.url)), 'utf8');
  expect(deploy).toContain(`Content-Security-Policy: ${policy}`);
  expect(deploy.split(policy).length - 1, 'the policy in the nginx example too').toBeGreaterThanOrEqual(4);
});

test('a repeat request is answered "not modified" by its ETag; content-hashed files may be kept a year', async ({ baseURL }) => {
  const files = await builtFiles();
  const wasm = files.find((f) => f.endsWith('_bg.wasm'));
  const css = files.find((f) => f.endsWith('.css'));
  for (const [path, hashed] of [[wasm, true], [css, true], ['index.html', false], ['boot.js', false], ['sw.js', false]]) {
    const first = await rawGet(baseURL, `/${path}`, { 'Accept-Encoding': 'br' });
    expect(first.status, path).toBe(200);
    expect(first.headers.etag, path).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(first.headers['cache-control'], path).toBe(hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    const again = await rawGet(baseURL, `/${path}`, { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.etag });
    expect(again.status, path).toBe(304);
    expect(again.body.length, path).toBe(0);
    // The Brotli copy and the gzip copy are different bytes: different tags.
    const gzip = await rawGet(baseURL, `/${path}`, { 'Accept-Encoding': 'gzip', 'If-None-Match': first.headers.etag });
    if (await exists(join(DIST, `${path}.br`))) {
      expect(gzip.status, `${path} as gzip`).toBe(200);
      expect(gzip.headers.etag, path).not.toBe(first.headers.etag);
    }
  }
});

test('a first visit downloads each content-hashed file once: the service worker keeps the page\'s copy', async ({ browser }) => {
  // A server of our own that logs every response (as scripts/bench counts them).
  const port = Number(process.env.E2E_PORT || 4180) + 21;
  const server = await startServer(port);
  const log = server.log;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await expect(heading(page, 'Reviews on this device')).toBeVisible();
    // Installed: its cache holds the whole build.
    const cached = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (registration.active.state !== 'activated') {
        await new Promise((r) => registration.active.addEventListener('statechange', r));
      }
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('review-together@/ ')));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    await context.close();
    const files = await builtFiles();
    const hashed = files.filter((f) => /-[0-9a-f]{8,16}(?:_bg)?\.[a-z]+$/.test(f));
    expect(hashed.length).toBeGreaterThanOrEqual(3);
    for (const f of hashed) {
      expect(cached, `${f} is in the offline copy`).toContain(`/${f}`);
      const sent = log.filter((l) => l.path === `/${f}` && l.bytes > 0);
      expect(sent.length, `${f} was sent ${sent.length} times`).toBe(1);
    }
  } finally {
    await server.stop();
  }
});

test('the compressed copies are the same bytes every build, and only where they pay', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'compress-'));
  try {
    const text = 'the carer and the worker agree how the review runs. '.repeat(100);
    await writeFile(join(dir, 'app.js'), text);
    await writeFile(join(dir, 'tiny.css'), 'a{}');
    await writeFile(join(dir, 'icon.png'), Buffer.alloc(4096, 7));
    const first = await compressBuild(dir);
    expect(first.map((r) => r.path)).toEqual(['app.js', 'tiny.css']);
    expect(first[0].br).toBeLessThan(first[0].raw);
    expect(first[0].gz).toBeLessThan(first[0].raw);
    expect(first[1]).toEqual({ path: 'tiny.css', raw: 3, br: null, gz: null });
    expect((await readdir(dir)).sort()).toEqual(['app.js', 'app.js.br', 'app.js.gz', 'icon.png', 'tiny.css']);
    const br = await readFile(join(dir, 'app.js.br'));
    const gz = await readFile(join(dir, 'app.js.gz'));
    // A second run over the same files (copies now beside them) writes the
    // same bytes and makes no copy of a copy.
    await compressBuild(dir);
    expect(Buffer.compare(await readFile(join(dir, 'app.js.br')), br)).toBe(0);
    expect(Buffer.compare(await readFile(join(dir, 'app.js.gz')), gz)).toBe(0);
    expect((await readdir(dir)).length).toBe(5);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
