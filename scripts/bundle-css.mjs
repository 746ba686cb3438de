// Trunk pre-build hook (see Trunk.toml): joins the stylesheets into the one
// file the app ships, so the first load makes one stylesheet request however
// many files style/ holds. Trunk copies a `rel="css"` file as it is (it does
// not follow @import), hence this step.
//
// style/app.css lists the files in cascade order as plain `@import "path";`
// lines. Each such line is replaced by the file it names (paths relative to
// style/); every other line of app.css (comments, the @layer order) is kept
// as it is. The result goes to target/style/app.css, which index.html links;
// Trunk then hashes it like any stylesheet. It is written only when its
// text changes: under `trunk serve` an edit to a stylesheet gives one more
// build (Trunk sees the bundle change), which finds nothing new to write, so
// it stops there. (Trunk's [watch] ignore would need target/ to exist before
// the first build.)
// Deterministic and offline: the same files always give the same bytes.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ENTRY = join(ROOT, 'style', 'app.css');
export const OUTPUT = join(ROOT, 'target', 'style', 'app.css');

const IMPORT = /^@import\s+"([^"]+)"\s*;\s*$/;

/** The text of the bundle whose entry is `entry`. Throws on anything it does not understand. */
export async function bundle(entry = ENTRY) {
  const dir = dirname(entry);
  const lines = (await readFile(entry, 'utf8')).split('\n');
  const out = [];
  for (const line of lines) {
    const m = line.match(IMPORT);
    if (!m) {
      if (/^\s*@import\b/.test(line)) throw new Error(`${entry}: only plain @import "path"; lines are bundled: ${line}`);
      out.push(line);
      continue;
    }
    const text = await readFile(join(dir, m[1]), 'utf8');
    if (/^\s*@import\b/m.test(text)) throw new Error(`style/${m[1]} imports another file: list it in style/app.css instead`);
    out.push(`/* ---- style/${m[1]} ---- */`, text.trimEnd(), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Writes the bundle to `output` unless it already holds the same text; returns whether it wrote. */
export async function writeBundle(entry = ENTRY, output = OUTPUT) {
  const text = await bundle(entry);
  const old = await readFile(output, 'utf8').catch(() => null);
  if (old === text) return false;
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, text);
  return true;
}

// Run as the hook (or by hand: node scripts/bundle-css.mjs).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await writeBundle();
  } catch (e) {
    console.error(`bundle-css: ${e.message}`);
    process.exit(1);
  }
}
