// Writes the service worker's precache list for the build that has just been
// assembled; scripts/post-build.mjs (a Trunk post-build hook) runs it after
// the final index.html is written to the staging directory and before the
// staging directory replaces dist/. It:
//   1. lists every file in the staging directory (except the list itself,
//      compressed copies, and what only records teams fetch, NOT_PRECACHED)
//      as a URL under the public URL;
//   2. hashes their paths and contents into a version;
//   3. writes both to precache.json, and stamps the version into sw.js, so
//      that every new build changes sw.js byte for byte: that is what makes
//      the browser install the new service worker, which then caches the new
//      build and deletes the old cache.
// The same files always give the same version, so a rebuild that changes
// nothing does not make every device download the app again.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isCopy } from './compress.mjs';

export const LIST = 'precache.json';
export const WORKER = 'sw.js';
// Written in public/sw.js where the version goes; the build replaces it.
export const PLACEHOLDER = '__PRECACHE_VERSION__';
// Served for records teams' tools, never needed by the app itself: not
// downloaded into every tablet's offline copy.
export const NOT_PRECACHED = ['schema/'];

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .filter((path) => path !== LIST && !isCopy(path))
    .sort();
}

/** Writes precache.json and stamps sw.js in `dir`; returns what it wrote. */
export async function writePrecache(dir, publicUrl = '/') {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const paths = await filesUnder(dir);
  if (!paths.includes(WORKER)) throw new Error(`${WORKER} is not in the build: is it copied by index.html?`);
  if (!paths.includes('index.html')) throw new Error('index.html is not in the build');

  // The version covers every file's name and bytes, sw.js as written in
  // public/ (before it is stamped), so it depends only on the sources.
  const hash = createHash('sha256');
  for (const path of paths) {
    const bytes = await readFile(join(dir, path));
    hash.update(`${path}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  const version = hash.digest('hex').slice(0, 16);

  const workerPath = join(dir, WORKER);
  const worker = await readFile(workerPath, 'utf8');
  if (!worker.includes(PLACEHOLDER)) throw new Error(`${WORKER} has no ${PLACEHOLDER} to stamp`);
  await writeFile(workerPath, worker.replaceAll(PLACEHOLDER, version));

  // encodeURI keeps "/" and escapes anything a URL cannot hold as it is.
  const files = paths
    .filter((path) => !NOT_PRECACHED.some((prefix) => path.startsWith(prefix)))
    .map((path) => encodeURI(`${base}${path}`));
  const list = { version, files };
  await writeFile(join(dir, LIST), `${JSON.stringify(list, null, 2)}\n`);
  return list;
}
