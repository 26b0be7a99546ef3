#!/usr/bin/env bash
# Installs whatever a fresh clone is missing, and nothing that is already there, so that
# `npm start`, `npm test` and `npm run build` work on a new machine and stay fast on the
# second run. Usage: scripts/setup.sh [--browser]   (--browser: also Chromium + chromedriver)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# rustup installs cargo binaries here; a non-login shell (CI, npm) may not have it on PATH.
if [[ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]]; then
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs)."
command -v rustup >/dev/null || die "rustup not found: the wasm32 target is installed through rustup (https://rustup.rs)."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock,
# otherwise the generated JS glue and the module disagree.
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
[[ -n "$wasm_bindgen_version" ]] || die "no wasm-bindgen package in Cargo.lock"
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wasm_bindgen_version" ]]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (takes a few minutes, once)"
  # Not --locked: the CLI's own lock file for this release does not build on current Rust.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

# npm keeps a copy of the lock it installed from; a newer package-lock.json means re-install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

if [[ "${1:-}" == "--browser" ]]; then
  # Tests drive Debian's Chromium (no browser downloads are possible in CI).
  # CHROME_PATH and CHROMEDRIVER may point at another Chromium/Chrome and its driver.
  have_browser() { [[ -n "${CHROME_PATH:-}" ]] || command -v chromium >/dev/null; }
  have_driver() { [[ -n "${CHROMEDRIVER:-}" ]] || command -v chromedriver >/dev/null; }
  if ! have_browser || ! have_driver; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      say "installing chromium and chromium-driver with apt-get"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      die "tests need Chromium and chromedriver: install them (Debian/Ubuntu: sudo apt-get install chromium chromium-driver) or set CHROME_PATH and CHROMEDRIVER."
    fi
  fi
  # The Chinese UI is tested for layout (nothing wider than a phone's screen): without a CJK
  # font its text would be drawn as boxes of another width. Debian's minimal image has none.
  if command -v fc-list >/dev/null && [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      say "installing a CJK font (fonts-wqy-microhei) with apt-get"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null
    else
      say "warning: no CJK font found; the Chinese layout tests may not see what users see"
    fi
  fi
fi
say "ready"
