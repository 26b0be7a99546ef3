#!/usr/bin/env bash
# `npm start`: set up what is missing, build the release wasm and the pictures' fonts, serve
# the playground.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
node scripts/fonts.mjs   # the fonts a downloaded picture embeds (web/fonts/)
exec node scripts/serve.mjs . "${PORT:-8080}"
