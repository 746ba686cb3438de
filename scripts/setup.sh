# Sourced by scripts/serve and scripts/test: installs what is missing, skips
# what is present, and sets PATH and CARGO_TARGET_DIR. Safe to run again.
# Only package registries are used (crates.io, Debian, npm).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
say() { printf '[setup] %s\n' "$*" >&2; }

# cargo/rustup from rustup's default place, when the shell has not got them yet.
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
  . "$HOME/.cargo/env"
fi
command -v cargo >/dev/null || { say "cargo is missing: install Rust with rustup first"; return 1; }
# What `cargo install` installs below (trunk, wasm-bindgen) is found even where
# cargo's bin folder is not on PATH (a CARGO_HOME of its own, a CI image).
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Compiled dependencies are kept outside the clone so that a fresh clone (CI)
# reuses them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/review-together/target}"
mkdir -p "$CARGO_TARGET_DIR"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked >&2
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
[ -n "$WASM_BINDGEN_VERSION" ] || { say "could not read the wasm-bindgen version from Cargo.lock"; return 1; }
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
   || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # Not --locked: its own lockfile pins a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force >&2
fi

# wasm-split-cli cuts the build into the modules that load on demand
# (scripts/split.mjs); the version the post-build hook checks.
WASM_SPLIT_VERSION="0.2.4"
if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked >&2
fi

# Debian's Chromium: the full browser (the wasm tests, the benchmark, the
# screenshots) and its headless shell, the same build without the browser
# around it, which runs the Playwright tests in about 60% of the time.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium-headless-shell ]; then
  say "installing Debian chromium, chromium-driver and chromium-headless-shell"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver chromium-headless-shell >&2
fi

# npm packages, each folder from its committed lockfile: Playwright, axe-core
# and binaryen (wasm-opt 132; Debian's binaryen 108 silently breaks the app)
# and the Urdu font the build ships (scripts/fonts.mjs)
# in tests/e2e; jose, canonicalize, ajv and fhir (FHIR.js) in tests/interop.
E2E="$ROOT/tests/e2e"
for dir in "$E2E" "$ROOT/tests/interop"; do
  [ -f "$dir/package-lock.json" ] || continue
  LOCK_HASH="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$dir/node_modules/.installed-from" 2>/dev/null)" != "$LOCK_HASH" ]; then
    say "installing npm packages in ${dir#$ROOT/} (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
    echo "$LOCK_HASH" > "$dir/node_modules/.installed-from"
  fi
done
export PATH="$E2E/node_modules/.bin:$PATH"

# Python packages for the interop peers (tests/interop/peer.py), in a
# virtualenv outside the clone, remade when requirements.txt changes.
PY_REQS="$ROOT/tests/interop/requirements.txt"
export REVIEW_TOGETHER_PY="${REVIEW_TOGETHER_PY:-${XDG_CACHE_HOME:-$HOME/.cache}/review-together/py}"
PY_HASH="$(sha256sum "$PY_REQS" | cut -d' ' -f1)"
if [ "$(cat "$REVIEW_TOGETHER_PY/.installed-from" 2>/dev/null)" != "$PY_HASH" ]; then
  say "installing the Python interop peers (pip, into $REVIEW_TOGETHER_PY)"
  rm -rf "$REVIEW_TOGETHER_PY"
  python3 -m venv "$REVIEW_TOGETHER_PY" >&2
  "$REVIEW_TOGETHER_PY/bin/pip" install -q --disable-pip-version-check --only-binary=:all: -r "$PY_REQS" >&2
  echo "$PY_HASH" > "$REVIEW_TOGETHER_PY/.installed-from"
fi

# Offline Trunk runs `cargo metadata`, which needs the crates of every
# platform: fetch them all (quick when already present).
(cd "$ROOT" && cargo fetch --locked -q >&2)

export CHROMEDRIVER=/usr/bin/chromedriver
