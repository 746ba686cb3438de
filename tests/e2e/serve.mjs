// A tiny static server for the built app (dist/), for the end-to-end tests.
// Unknown paths get index.html, as the deep links of a single-page app need.
// Listens on loopback only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// DIST lets a second build (e.g. in /tmp) be served without touching dist/.
const root = resolve(process.env.DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url)));
const port = Number(process.env.PORT || 4180);
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

async function fileFor(urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return null;
  try {
    if ((await stat(path)).isFile()) return path;
  } catch {}
  return null;
}

createServer(async (req, res) => {
  const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
  const path = (await fileFor(urlPath)) ?? join(root, 'index.html');
  try {
    const body = await readFile(path);
    res.writeHead(200, {
      'Content-Type': types[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  } catch {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('dist/ is missing: build the app first (trunk build --release)');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
