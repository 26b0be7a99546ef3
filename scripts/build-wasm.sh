#!/usr/bin/env bash
# Builds the wasm modules and their JS glue into web/pkg (generated, not committed):
# paxos_wasm (the page's simulator), paxos_wasm_multi (the same binding with Multi-Paxos,
# loaded only when a Multi-Paxos scenario is opened) and paxos_check_wasm (the model
# checker, loaded only by its Web Worker, so the page does not pay for it). cargo rebuilds
# only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# The page's module: wasm-release = release with opt-level "z", the smallest code, for the
# page-size budget. The aids' module (the model checker's long searches): wasm-speed =
# opt-level 3, as it is not part of opening the page (see Cargo.toml).
cargo build --quiet -p paxos-wasm --target wasm32-unknown-unknown --profile wasm-release
cargo build --quiet -p paxos-check-wasm --target wasm32-unknown-unknown --profile wasm-speed
# The Multi-Paxos module: the page's binding with the `multi` feature, optimised the same
# way. Its own target directory, as the same crate with other features would otherwise
# overwrite the page's module at the same path.
MULTI_TARGET_DIR="${CARGO_TARGET_DIR:-target}/multi"
cargo build --quiet -p paxos-wasm --features multi --target wasm32-unknown-unknown --profile wasm-release \
  --target-dir "$MULTI_TARGET_DIR"
for built in "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/paxos_wasm" \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-speed/paxos_check_wasm" \
  "$MULTI_TARGET_DIR/wasm32-unknown-unknown/wasm-release/paxos_wasm:paxos_wasm_multi"; do
  # `path:name` writes the module under another name.
  crate=${built##*/}; crate=${crate#*:}
  # --target web: a plain ES module with `init()`, loadable without a bundler; it finds the
  # .wasm next to itself through import.meta.url (relative paths).
  wasm-bindgen --target web --no-typescript --out-dir web/pkg --out-name "$crate" "${built%%:*}.wasm"
  echo "build-wasm: web/pkg/${crate}_bg.wasm $(wc -c < "web/pkg/${crate}_bg.wasm") bytes"
done
# The presets' scripts, for the page to fetch: kept out of the page's wasm module (its size
# budget), written by the CLI from the same files the core's tests use.
# Their comment lines are notes for people reading the preset files (the page tells each
# story in its own texts, and the core ignores comments), so the page's copy leaves them out:
# 2.6 -> 1.2 kB gzip of what opening the page loads.
bare_presets() {
  node -e "
let text = ''; process.stdin.on('data', (chunk) => { text += chunk; }).on('end', () => {
  const bare = (script) => script.split('\\n').filter((line) => !line.trimStart().startsWith('#')).join('\\n');
  process.stdout.write(JSON.stringify(JSON.parse(text).map((preset) => ({ ...preset, script: bare(preset.script) }))));
});"
}
cargo run --quiet -p paxos-cli -- presets --json | bare_presets > web/pkg/presets.json
echo "build-wasm: web/pkg/presets.json $(wc -c < web/pkg/presets.json) bytes"
# Multi-Paxos' presets, fetched with its module (not when the page opens).
cargo run --quiet -p paxos-cli -- presets --json --multi | bare_presets > web/pkg/presets-multi.json
echo "build-wasm: web/pkg/presets-multi.json $(wc -c < web/pkg/presets-multi.json) bytes"
