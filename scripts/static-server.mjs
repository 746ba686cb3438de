// A small static server for a built app (dist/), as a static host serves it:
// scripts/serve runs it for people, the end-to-end tests and scripts/bench
// run it for themselves. Listens on loopback only.
//
// - The build is served at the root, or in each folder MOUNTS names (e.g.
//   "/test/,/live/": one build in two folders, as a team testing a new
//   version beside the live one would host it).
// - An address inside the app that is not a file (`/test/review/…`) is
//   redirected to its folder with the address after `#` (`/test/#/test/
//   review/…`), which the app puts back: the build names its files relative
//   to index.html, so index.html itself must be opened from its folder. This
//   is the rule docs/deploy.md asks of a host.
// - Every response has an ETag (a "not modified" answers a repeat request);
//   files whose names carry their content's hash may be cached for a year.
// - Where the build wrote a compressed copy beside a file (scripts/compress.mjs)
//   and the browser accepts it, the copy is sent: Brotli first, then gzip,
//   with Content-Encoding and `Vary: Accept-Encoding`; otherwise the file as
//   it is. This is what nginx's brotli_static/gzip_static do.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// DIST lets a second build (e.g. in /tmp) be served without touching dist/.
const root = resolve(process.env.DIST || fileURLToPath(new URL('../dist/', import.meta.url)));
const port = Number(process.env.PORT || 4180);
// The folders the build is served in, each with a "/" at both ends.
const mounts = (process.env.MOUNTS || '/').split(',').map((m) => `/${m.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/'));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};
// The copies the build writes, in the order they are preferred. ENCODINGS
// (e.g. "gzip") limits them, as a host without Brotli would: scripts/bench
// measures a first visit both ways.
const encodings = [
  ['br', '.br'],
  ['gzip', '.gz'],
].filter(([name]) => !process.env.ENCODINGS || process.env.ENCODINGS.split(',').includes(name));
// LOG_REQUESTS=1: one JSON line per response ({ path, encoding, bytes }), for
// scripts/bench to count every byte a first visit moves, the service
// worker's own fetches included.
const logRequests = process.env.LOG_REQUESTS === '1';

// Started by a test (tests/e2e/server.js): stop when the test's process
// does, even when it is killed (a test that runs out of time), so no
// server is left holding its port for the next run.
if (process.env.EXIT_WITH_PARENT === '1') {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('close', () => process.exit(0));
  process.stdin.resume();
}

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' blob:; "
  + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Sent with every response, as docs/deploy.md asks of a host: index.html's
// policy, plus what only a header can say (no other site may frame the app).
const SECURITY = {
  'Content-Security-Policy': POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The encodings an Accept-Encoding header allows (those with q > 0). */
function accepted(header = '') {
  const allowed = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) allowed.add(name);
  }
  return allowed;
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function fileFor(urlPath) {
  let path;
  try {
    path = normalize(join(root, decodeURIComponent(urlPath)));
  } catch {
    return null; // a malformed %-escape
  }
  if (path !== root && !path.startsWith(root + sep)) return null;
  return (await isFile(path)) ? path : null;
}

/** The longest mount the path is in, if any. */
function mountOf(urlPath) {
  return mounts.filter((m) => urlPath.startsWith(m)).sort((a, b) => b.length - a.length)[0];
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const urlPath = url.pathname;
  const mount = mountOf(urlPath);
  const redirect = (location) => {
    res.writeHead(302, { Location: location, 'Cache-Control': 'no-cache', ...SECURITY });
    res.end();
    if (logRequests) console.log(JSON.stringify({ path: urlPath, encoding: 'redirect', bytes: 0 }));
  };
  if (!mount) {
    // The folder's name without its "/": into the folder.
    if (mounts.includes(`${urlPath}/`)) return redirect(`${urlPath}/${url.search}`);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY });
    return res.end('Not found: the app is served in ' + mounts.join(' and '));
  }
  const rest = urlPath.slice(mount.length - 1);
  let path = await fileFor(rest);
  if (!path) {
    if (rest !== '/') return redirect(`${mount}#${urlPath}${url.search}`);
    path = join(root, 'index.html');
  }
  const headers = {
    'Content-Type': types[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    ...SECURITY,
  };
  const allowed = accepted(req.headers['accept-encoding']);
  let sent = path;
  for (const [name, suffix] of encodings) {
    if (allowed.has(name) && (await isFile(path + suffix))) {
      sent = path + suffix;
      headers['Content-Encoding'] = name;
      break;
    }
  }
  // Trunk's content-hashed names never change content: cache them for good.
  // Everything else is checked each time, cheaply, by its ETag.
  if (/-[0-9a-f]{8,16}(?:_bg)?\.[a-z]+$/.test(path)) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  try {
    const body = await readFile(sent);
    headers.ETag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(headers.ETag)) {
      res.writeHead(304, { ETag: headers.ETag, 'Cache-Control': headers['Cache-Control'], Vary: headers.Vary });
      res.end();
      if (logRequests) console.log(JSON.stringify({ path: urlPath, encoding: 'not modified', bytes: 0 }));
      return;
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    if (logRequests) {
      const encoding = headers['Content-Encoding'] ?? 'identity';
      console.log(JSON.stringify({ path: urlPath, encoding, bytes: body.length }));
    }
  } catch {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('dist/ is missing: build the app first (trunk build --release --offline)');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at ${mounts.map((m) => `http://127.0.0.1:${port}${m}`).join(' and ')}`));
