// Writes a Brotli (.br) and a gzip (.gz) copy beside every file of a build
// that compresses, so that a static host sends the smaller one the browser
// accepts (scripts/static-server.mjs here; nginx `gzip_static`/`brotli_static`,
// Apache MultiViews and most CDNs do the same). Run by scripts/post-build.mjs
// after the precache list is written, so the list and sw.js are compressed
// too and the list never names a compressed copy.
//
// The copies are deterministic: the same file gives the same bytes (gzip's
// header carries no time or name), so a rebuild that changes nothing changes
// no copy.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The kinds of file that compress; images (PNG) are compressed already. */
export const COMPRESSIBLE = ['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.webmanifest'];
/** Below this many bytes a copy saves less than its headers cost. */
export const SMALLEST = 1024;
/** The suffixes of the copies: what a precache list and a size report leave out. */
export const COPIES = ['.br', '.gz'];

export const isCopy = (path) => COPIES.some((suffix) => path.endsWith(suffix));

export function gzip(bytes) {
  return gzipSync(bytes, { level: 9 });
}

export function brotli(bytes, path = '') {
  const text = extname(path) !== '.wasm';
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/**
 * Writes `name.br` and `name.gz` beside every compressible file under `dir`
 * of at least SMALLEST bytes, where the copy is smaller than the file.
 * Returns one row per file: { path, raw, br, gz } (bytes; null where no copy).
 */
export async function compressBuild(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const rows = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    if (isCopy(full) || !COMPRESSIBLE.includes(extname(full))) continue;
    const bytes = await readFile(full);
    const row = { path: full.slice(dir.length + 1), raw: bytes.length, br: null, gz: null };
    if (bytes.length >= SMALLEST) {
      for (const [suffix, squeeze] of [['.br', (b) => brotli(b, full)], ['.gz', gzip]]) {
        const copy = squeeze(bytes);
        if (copy.length < bytes.length) {
          await writeFile(full + suffix, copy);
          row[suffix.slice(1)] = copy.length;
        }
      }
    }
    rows.push(row);
  }
  return rows.sort((a, b) => a.path.localeCompare(b.path));
}
