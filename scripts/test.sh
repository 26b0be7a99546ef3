#!/usr/bin/env bash
# `npm test`: set-up and build, then every test layer. Each layer prints its runner's own
# summary; a layer fails if its runner fails OR if it ran no test at all, so a test
# directory that silently stops being picked up cannot pass as green.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
bash scripts/build.sh   # web/pkg for the dev page, dist/ for the sub-path test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
failed_layers=()
total_passed=0
total_failed=0

# Sums "N passed"/"N failed" from cargo's "test result:" lines, or node's "pass N"/"fail N".
count() { # count FILE passed|failed
  local file=$1 kind=$2
  case $kind in
    passed) { grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed' "$file" | grep -Eo '[0-9]+' || true
              grep -Ea '^(# |ℹ )pass [0-9]+$' "$file" | grep -Eo '[0-9]+' || true; } ;;
    failed) { grep -Eo '[0-9]+ failed;' "$file" | grep -Eo '[0-9]+' || true
              grep -Ea '^(# |ℹ )fail [0-9]+$' "$file" | grep -Eo '[0-9]+' || true; } ;;
  esac | awk '{ sum += $1 } END { print sum + 0 }'
}

layer() { # layer NAME COMMAND...
  local name=$1 log="$logs/$1.log" status=0
  shift
  printf '\n=== %s: %s\n' "$name" "$*"
  "$@" 2>&1 | tee "$log" || status=$?
  local passed failed
  passed=$(count "$log" passed)
  failed=$(count "$log" failed)
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  if [[ $status -ne 0 ]]; then
    failed_layers+=("$name (exit $status)")
  elif [[ $passed -eq 0 ]]; then
    failed_layers+=("$name (ran no test)")
  fi
  printf '=== %s: %s passed, %s failed, exit %s\n' "$name" "$passed" "$failed" "$status"
}

# The rust layer comes first: besides the Rust tests, it writes target/determinism-corpus.json
# (crates/paxos-fuzz/tests/corpus.rs), which the js and e2e layers' determinism tests run in
# the shipped wasm module (they fail, saying so, if it is missing).
layer rust cargo test --workspace
# wasm-bindgen-test in headless Chromium through chromedriver.
CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)} \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
WASM_BINDGEN_TEST_WEBDRIVER_JSON=$PWD/tests/webdriver.json \
  layer wasm cargo test -p paxos-wasm -p paxos-check-wasm --target wasm32-unknown-unknown
layer js node --test tests/unit/*.test.mjs
# Transfer-size budgets on the dist/ just built (size-limit; limits in package.json).
layer size node --test tests/size/*.test.mjs
layer e2e node --test tests/e2e/*.test.mjs

printf '\n'
if [[ ${#failed_layers[@]} -gt 0 ]]; then
  printf 'FAILED layers: %s\n' "${failed_layers[*]}"
fi
# One closing line for the whole run, in the plain "N passed, N failed" form.
printf 'tests: %s passed, %s failed\n' "$total_passed" "$total_failed"
[[ ${#failed_layers[@]} -eq 0 ]]
