#!/usr/bin/env bash
# `npm start`: set up what is missing, build the release wasm, serve the playground.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
exec node scripts/serve.mjs . "${PORT:-8080}"
