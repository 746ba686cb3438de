// Cuts the build into the modules that load on demand (issue 19), run by the
// Trunk post-build hook (scripts/post-build.mjs) before the precache list is
// written, for `trunk build` and `trunk serve` alike: once the app has split
// points (src/on_demand.rs), every build must be split, because the unsplit
// module imports functions that only the split loader provides.
//
// In the staging directory Trunk has assembled, it replaces Trunk's wasm and
// JS glue (same names) with:
//   1. wasm-split-cli over cargo's own output (linked with --emit-relocs):
//      the main module, one module per group of screens, shared chunks, and
//      a loader (`__wasm_split.js`);
//   2. wasm-bindgen over the main module only (the one cargo pinned in
//      Cargo.lock), keeping the linker's exports the chunks import;
//   3. in a release build, wasm-opt -Oz (npm binaryen 132, never Debian's)
//      over every module, as Trunk would have done over the one;
//   4. content-hashed names for the loader and every chunk (the service
//      worker keeps hashed files as they are), rewritten where they are named.
// Every path stays relative, so the build still works in any folder.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
// The tools and the versions they must be (see scripts/setup.sh).
const WASM_SPLIT_VERSION = '0.2.4';
const WASM_OPT_VERSION = 'version 132';
const LOADER = '__wasm_split.js';

function run(tool, args) {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const said = `${error.stderr ?? ''}${error.stdout ?? ''}`.trim();
    throw new Error(`${tool} ${args.join(' ')} failed: ${said || error.message}`);
  }
}

/** The wasm-bindgen version Cargo.lock pins. */
async function lockedBindgen() {
  const lock = await readFile(join(ROOT, 'Cargo.lock'), 'utf8');
  const found = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!found) throw new Error('split.mjs: no wasm-bindgen in Cargo.lock');
  return found[1];
}

/** Checks each tool is the one the build must use, and says which is not. */
async function checkTools(release) {
  const bindgen = run('wasm-bindgen', ['--version']).trim();
  const wanted = `wasm-bindgen ${await lockedBindgen()}`;
  if (bindgen !== wanted) throw new Error(`split.mjs: ${bindgen} found, ${wanted} needed (run scripts/setup.sh)`);
  // wasm-split-cli has no --version: cargo's list of what it installed says.
  const installed = run('cargo', ['install', '--list']);
  if (!installed.includes(`wasm_split_cli_support v${WASM_SPLIT_VERSION}:`)) {
    throw new Error(`split.mjs: wasm-split-cli ${WASM_SPLIT_VERSION} is not installed (run scripts/setup.sh)`);
  }
  if (release) {
    const opt = run('wasm-opt', ['--version']).trim();
    if (!opt.includes(WASM_OPT_VERSION)) {
      throw new Error(`split.mjs: wasm-opt says "${opt}"; binaryen ${WASM_OPT_VERSION} from npm is needed, never Debian's`);
    }
  }
}

const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/**
 * Splits the build staged in `dir` (Trunk's profile `profile`) and returns
 * what it wrote: the main module's name, the loader's, and each chunk's.
 */
export async function splitBuild(dir, profile) {
  const release = profile === 'release';
  await checkTools(release);
  const staged = await readdir(dir);
  const wasmName = staged.find((f) => /^review-together-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!wasmName) throw new Error(`split.mjs: Trunk's wasm is not in ${dir}`);
  const stem = wasmName.slice(0, -'_bg.wasm'.length);
  const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
  const input = join(target, 'wasm32-unknown-unknown', profile, 'review-together.wasm');
  if (!existsSync(input)) throw new Error(`split.mjs: cargo's output ${input} is missing`);

  const work = await mkdtemp(join(tmpdir(), 'review-together-split-'));
  try {
    const cut = join(work, 'cut');
    run('wasm-split-cli', [input, cut, '--out-name', stem, '--target', 'web']);
    const bound = join(work, 'bound');
    run('wasm-bindgen', [
      '--target=web', '--no-typescript', '--keep-lld-exports', '--no-demangle',
      `--out-dir=${bound}`, `--out-name=${stem}`, join(cut, `${stem}.wasm`),
    ]);
    // As Trunk would have: -Oz in a release build, the module as it is otherwise.
    const optimise = async (from, to) => {
      if (release) run('wasm-opt', ['-Oz', `--output=${to}`, from]);
      else await copyFile(from, to);
    };

    // The chunks, each under a name that carries its content's hash.
    let loader = await readFile(join(cut, LOADER), 'utf8');
    const chunks = [];
    for (const name of (await readdir(cut)).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`).sort()) {
      const quoted = `"./${name}"`;
      if (!loader.includes(quoted)) continue; // an empty module the loader never fetches
      const out = join(work, name);
      await optimise(join(cut, name), out);
      const bytes = await readFile(out);
      const hashed = `${name.slice(0, -'.wasm'.length)}-${hashOf(bytes)}.wasm`;
      await writeFile(join(dir, hashed), bytes);
      loader = loader.replaceAll(quoted, `"./${hashed}"`);
      chunks.push(hashed);
    }
    const loaderName = `split-loader-${hashOf(loader)}.js`;
    await writeFile(join(dir, loaderName), loader);

    // The main module and its glue, under Trunk's names, the glue importing
    // the loader by its hashed name.
    await optimise(join(bound, `${stem}_bg.wasm`), join(dir, wasmName));
    // Only the import statements name the file; the imports object the
    // wasm is given keeps the module's own name, "./__wasm_split.js".
    const glue = await readFile(join(bound, `${stem}.js`), 'utf8');
    const importing = /^(import [^\n]* from )(['"])\.\/__wasm_split\.js\2/gm;
    if (!importing.test(glue)) {
      throw new Error(`split.mjs: the glue does not import ${LOADER}: has src/on_demand.rs any split point left?`);
    }
    await writeFile(join(dir, `${stem}.js`), glue.replace(importing, `$1$2./${loaderName}$2`));
    return { main: wasmName, loader: loaderName, chunks };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
