#!/usr/bin/env bash
# `npm run fuzz:coverage`: coverage-guided fuzzing (libFuzzer, through cargo-fuzz) of the
# two targets whose input is text, `script` and `link` (crates/paxos-fuzz/fuzz/), then one
# table like `npm run fuzz`'s. An extra to the seeded `npm run fuzz`, not a replacement; see
# docs/RELIABILITY.md for why. Installs cargo-fuzz from crates.io into target/fuzz-tools the
# first time (a few minutes). Needs a C++ compiler (libFuzzer is built from source).
# libFuzzer's instrumentation flags are nightly-only: RUSTC_BOOTSTRAP=1 lets stable Rust
# accept them, for this build only (its own target dir, target/libfuzzer).
#   npm run fuzz:coverage -- [RUNS per target, default 1000000] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]]; then
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi
command -v cargo >/dev/null || { echo "fuzz:coverage: cargo not found" >&2; exit 1; }
command -v c++ >/dev/null || { echo "fuzz:coverage: a C++ compiler is needed (apt-get install g++)" >&2; exit 1; }
root=$PWD
tools=$root/target/fuzz-tools
if [[ ! -x $tools/bin/cargo-fuzz ]]; then
  echo "fuzz:coverage: installing cargo-fuzz 0.13.2 into target/fuzz-tools (once)"
  cargo install --quiet cargo-fuzz --version 0.13.2 --root "$tools"
fi
export PATH="$tools/bin:$PATH"
runs=${1:-1000000}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(script link)
work=$root/target/libfuzzer-work
mkdir -p "$work"
cargo run --quiet -p paxos-fuzz -- seed-corpus "$work/seeds"
export RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$root/target/libfuzzer
rows=()
status=0
for target in "${targets[@]}"; do
  corpus=$work/corpus/$target
  artifacts=$work/artifacts/$target/
  mkdir -p "$corpus" "$artifacts"
  log=$work/$target.log
  echo "fuzz:coverage: $target, $runs runs (log: target/libfuzzer-work/$target.log)"
  set +e
  # -timeout=1: an input taking over 1 s is a hang; -rss_limit_mb bounds memory.
  (cd crates/paxos-fuzz && cargo fuzz run --fuzz-dir fuzz --sanitizer none "$target" -- \
    -runs="$runs" -timeout=1 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$corpus" "$work/seeds/$target") > "$log" 2>&1
  code=$?
  set -e
  execs=$(grep -Eo '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
  rate=$(grep -Eo '^stat::average_exec_per_sec: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
  found=$(find "$artifacts" -type f | wc -l)
  if [[ $code -ne 0 || $found -gt 0 ]]; then
    status=1
    for file in "$artifacts"*; do
      [[ -f $file ]] || continue
      echo "FINDING in $target: $(grep -Em1 "panicked at|ERROR: libFuzzer" "$log" || echo "exit $code")"
      echo "  input: ${file#"$root"/}"
      echo "  re-run: (cd crates/paxos-fuzz && RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=../../target/libfuzzer cargo fuzz run --fuzz-dir fuzz --sanitizer none $target ${file#"$root"/crates/paxos-fuzz/})"
    done
  fi
  rows+=("| $target | ${execs:-?} | ${rate:-?} | $found |")
done
printf '\n| target (coverage-guided) | executions | rate (exec/s) | findings |\n|---|---:|---:|---:|\n'
printf '%s\n' "${rows[@]}"
exit $status
