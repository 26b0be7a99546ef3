#!/usr/bin/env bash
# `npm run bench`: set up and build like `npm test` does, then every measurement (native
# Rust, wasm in Node, Chromium) and one table. See docs/BENCHMARKS.md. Extra arguments go to
# bench/run.mjs (e.g. --reps 9).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
bash scripts/build.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
cargo build --quiet --release -p paxos-bench
exec node bench/run.mjs "$@"
