// Where a wasm module's bytes go: reads the module's own sections (no tool to
// install) and, from the function names in its `name` section, the size of
// every function body, grouped by the crate that wrote it.
//
// Reads the module cargo links, before wasm-bindgen and wasm-opt: that one
// still has its names (the shipped file has none), and its sizes rank the
// same way, though wasm-opt shrinks each of them.
//
//   node scripts/wasm-sizes.mjs [FILE.wasm] [--top N]
//
// Used by scripts/size-budget.mjs when a budget is exceeded, and by
// scripts/bench.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SECTION_NAMES = [
  'custom', 'type', 'import', 'function', 'table', 'memory', 'global',
  'export', 'start', 'element', 'code', 'data', 'data count',
];

/** A reader over a module's bytes: unsigned LEB128 and length-prefixed names. */
function reader(bytes) {
  let at = 0;
  const r = {
    get at() { return at; },
    set at(v) { at = v; },
    u32() {
      let result = 0, shift = 0, byte;
      do {
        byte = bytes[at++];
        result += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return result;
    },
    name() {
      const n = r.u32();
      const s = bytes.subarray(at, at + n).toString('utf8');
      at += n;
      return s;
    },
  };
  return r;
}

/**
 * Parses a module into its sections ({ id, name, size }) and its functions
 * ({ index, name, size }: body bytes, for the functions the module defines).
 */
export function parseWasm(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module (no \\0asm at its start)');
  const r = reader(bytes);
  r.at = 8;
  const sections = [];
  let imported = 0;
  const bodies = [];
  const names = new Map();
  while (r.at < bytes.length) {
    const id = bytes[r.at++];
    const size = r.u32();
    const start = r.at;
    const end = start + size;
    let name = SECTION_NAMES[id] ?? `unknown ${id}`;
    if (id === 0) {
      name = r.name();
      if (name === 'name') readNames(r, end, names);
    } else if (id === 2) {
      // Imports: functions among them take the first indexes.
      for (let n = r.u32(); n > 0; n--) {
        r.name(); r.name();
        const kind = bytes[r.at++];
        if (kind === 0) { r.u32(); imported++; }
        else if (kind === 1) { r.at++; skipLimits(r, bytes); }
        else if (kind === 2) skipLimits(r, bytes);
        else if (kind === 3) r.at += 2;
        else r.u32();
      }
    } else if (id === 10) {
      for (let n = r.u32(); n > 0; n--) {
        const bodySize = r.u32();
        bodies.push(bodySize);
        r.at += bodySize;
      }
    }
    sections.push({ id, name, size });
    r.at = end;
  }
  const functions = bodies.map((size, i) => {
    const index = imported + i;
    return { index, name: names.get(index) ?? `function[${index}]`, size };
  });
  return { sections, functions };
}

function skipLimits(r, bytes) {
  const flags = bytes[r.at++];
  r.u32();
  if (flags & 1) r.u32();
}

/** The function-names subsection (id 1) of a `name` section. */
function readNames(r, end, names) {
  while (r.at < end) {
    const sub = r.u32();
    const size = r.u32();
    const next = r.at + size;
    if (sub === 1) {
      for (let n = r.u32(); n > 0; n--) {
        const index = r.u32();
        names.set(index, r.name());
      }
    }
    r.at = next;
  }
}

/**
 * Demangles a Rust symbol (legacy `_ZN…E` form) into its path, without the
 * hash: `_ZN4core3fmt5write17h…E` → `core::fmt::write`. Other names as given.
 */
export function demangle(symbol) {
  if (!symbol.startsWith('_ZN')) return symbol;
  const parts = [];
  let at = 3;
  while (at < symbol.length && symbol[at] !== 'E') {
    let digits = '';
    while (/[0-9]/.test(symbol[at])) digits += symbol[at++];
    if (!digits) break;
    const n = Number(digits);
    parts.push(symbol.slice(at, at + n));
    at += n;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts
    .join('::')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\$BP\$/g, '*')
    .replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$u27\$/g, "'")
    .replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']').replace(/\$u3b\$/g, ';')
    .replace(/\$u2b\$/g, '+').replace(/\$u22\$/g, '"').replace(/\.\./g, '::');
}

/**
 * The crate a function belongs to: the first path segment of its name, or,
 * for a trait impl (`<T as Trait>::f`), of the type it is for.
 */
export function crateOf(name) {
  if (name.startsWith('_R')) return '(symbol not demangled)';
  const path = demangle(name).replace(/^_</, '<');
  const first = (p) => p.replace(/^<+/, '').replace(/^&(mut )?/, '').replace(/^dyn /, '').split(/::|[<> ,]/)[0];
  // `<T as Trait>::f` for a generic T (a single capital letter): the trait's crate.
  const impl = /^<([^ ]+) as ([^>]+)>/.exec(path);
  const crate = impl && /^[A-Z]$/.test(first(impl[1])) ? first(impl[2]) : first(path);
  return crate || '(unnamed)';
}

/** Sums function sizes by crate, largest first. */
export function byCrate(functions) {
  const totals = new Map();
  for (const f of functions) totals.set(crateOf(f.name), (totals.get(crateOf(f.name)) ?? 0) + f.size);
  return [...totals].map(([crate, size]) => ({ crate, size })).sort((a, b) => b.size - a.size);
}

const bytesText = (n) => n.toLocaleString('en-GB');

/** Prints sections, crates and the largest functions of the module at `path`. */
export function report(path, top = 20, print = console.log) {
  const { sections, functions } = parseWasm(readFileSync(path));
  const code = functions.reduce((sum, f) => sum + f.size, 0);
  print(`Where the bytes of ${path} go (before wasm-bindgen and wasm-opt):`);
  print('  sections: ' + sections
    .filter((s) => s.size >= 1024)
    .map((s) => `${s.name} ${bytesText(s.size)}`)
    .join(', '));
  print(`  function bodies by crate (of ${bytesText(code)} bytes of code):`);
  for (const { crate, size } of byCrate(functions).slice(0, top)) {
    print(`    ${bytesText(size).padStart(10)}  ${(100 * size / code).toFixed(1).padStart(5)}%  ${crate}`);
  }
  print(`  the ${top} largest functions:`);
  for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, top)) {
    print(`    ${bytesText(f.size).padStart(10)}  ${demangle(f.name).slice(0, 150)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 20;
  const target = process.env.CARGO_TARGET_DIR ?? 'target';
  const file = args[0] ?? `${target}/wasm32-unknown-unknown/release/review-together.wasm`;
  try {
    report(file, top);
  } catch (e) {
    console.error(`wasm-sizes.mjs: cannot read ${file}: ${e.message}`);
    process.exit(1);
  }
}
