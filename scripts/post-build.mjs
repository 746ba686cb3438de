// Trunk post-build hook (see Trunk.toml), for `trunk build` and `trunk serve`
// alike: in the staging directory Trunk has just assembled, first cut the
// wasm into the modules that load on demand (split.mjs), copy the fonts the
// app ships (fonts.mjs), then list every
// file for the service worker and stamp its version (precache.mjs), then write
// the compressed copies a static host sends (compress.mjs). In that order, so
// that sw.js and the list are compressed as they are served and the list
// names no compressed copy.
import { compressBuild } from './compress.mjs';
import { copyFonts } from './fonts.mjs';
import { writePrecache } from './precache.mjs';
import { splitBuild } from './split.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build.mjs: TRUNK_STAGING_DIR is not set (run it from a Trunk post_build hook)');
  process.exit(1);
}
const split = await splitBuild(dir, process.env.TRUNK_PROFILE || 'debug');
console.log(`post-build.mjs: split into ${split.main}, ${split.loader} and ${split.chunks.length} modules on demand`);
const fonts = await copyFonts(dir);
console.log(`post-build.mjs: copied ${fonts.length} fonts`);
const { version, files } = await writePrecache(dir, process.env.TRUNK_PUBLIC_URL || '/');
console.log(`post-build.mjs: precache list of ${files.length} files, version ${version}`);
const rows = await compressBuild(dir);
const copies = rows.filter((r) => r.br !== null || r.gz !== null).length;
console.log(`post-build.mjs: Brotli and gzip copies of ${copies} files`);
