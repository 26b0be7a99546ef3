#!/usr/bin/env bash
# Builds the wasm modules and their JS glue into web/pkg (generated, not committed):
# paxos_wasm (the page's simulator) and paxos_check_wasm (the model checker, loaded only by
# its Web Worker, so the page does not pay for it). cargo rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# The page's module: wasm-release = release with opt-level "z", the smallest code, for the
# page-size budget. The aids' module (the model checker's long searches): wasm-speed =
# opt-level 3, as it is not part of opening the page (see Cargo.toml).
cargo build --quiet -p paxos-wasm --target wasm32-unknown-unknown --profile wasm-release
cargo build --quiet -p paxos-check-wasm --target wasm32-unknown-unknown --profile wasm-speed
for built in wasm-release/paxos_wasm wasm-speed/paxos_check_wasm; do
  crate=${built#*/}
  # --target web: a plain ES module with `init()`, loadable without a bundler; it finds the
  # .wasm next to itself through import.meta.url (relative paths).
  wasm-bindgen --target web --no-typescript --out-dir web/pkg \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$built.wasm"
  echo "build-wasm: web/pkg/${crate}_bg.wasm $(wc -c < "web/pkg/${crate}_bg.wasm") bytes"
done
# The presets' scripts, for the page to fetch: kept out of the page's wasm module (its size
# budget), written by the CLI from the same files the core's tests use.
# Their comment lines are notes for people reading the preset files (the page tells each
# story in its own texts, and the core ignores comments), so the page's copy leaves them out:
# 2.6 -> 1.2 kB gzip of what opening the page loads.
cargo run --quiet -p paxos-cli -- presets --json | node -e "
let text = ''; process.stdin.on('data', (chunk) => { text += chunk; }).on('end', () => {
  const bare = (script) => script.split('\\n').filter((line) => !line.trimStart().startsWith('#')).join('\\n');
  process.stdout.write(JSON.stringify(JSON.parse(text).map((preset) => ({ ...preset, script: bare(preset.script) }))));
});" > web/pkg/presets.json
echo "build-wasm: web/pkg/presets.json $(wc -c < web/pkg/presets.json) bytes"
