#!/usr/bin/env bash
# `npm run fuzz`: builds the fuzzer (crates/paxos-fuzz) with the `fuzz` profile (release
# speed, panics unwind so each one is caught and reported) and runs every target, or those
# named; prints each distinct finding with its reproducing input and command, then one table.
# Arguments go to the fuzzer:
#   npm run fuzz -- --execs 1000000 --target script,link --jobs 2
#   npm run fuzz -- --target link --seed 13        (replay one execution)
# See docs/RELIABILITY.md. Needs only Rust (no npm packages, no browser).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]]; then
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi
command -v cargo >/dev/null || { echo "fuzz: cargo not found: install Rust with rustup (https://rustup.rs)" >&2; exit 1; }
cargo build --quiet --profile fuzz -p paxos-fuzz
# Bounded memory: every input is bounded by construction; this is the backstop (8 GiB of
# address space for the whole process, both worker threads).
ulimit -v $((8 * 1024 * 1024)) 2>/dev/null || true
exec target/fuzz/paxos-fuzz "$@"
