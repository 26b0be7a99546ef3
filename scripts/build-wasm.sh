#!/usr/bin/env bash
# Builds the release wasm module and its JS glue into web/pkg (generated, not committed).
# cargo rebuilds only what changed, so a second run takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

cargo build --quiet -p paxos-wasm --target wasm32-unknown-unknown --release
# --target web: a plain ES module with `init()`, loadable by <script type="module"> without
# a bundler; it finds the .wasm next to itself through import.meta.url (relative paths).
wasm-bindgen --target web --no-typescript --out-dir web/pkg \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/paxos_wasm.wasm"
echo "build-wasm: web/pkg/paxos_wasm_bg.wasm $(wc -c < web/pkg/paxos_wasm_bg.wasm) bytes"
