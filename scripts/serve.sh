#!/usr/bin/env bash
# Serves a directory on 127.0.0.1 with the `serve` package (correct application/wasm type).
# Usage: scripts/serve.sh DIR PORT. Loopback only: this is a development server.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$1
port=$2
echo "Paxos Playground: http://127.0.0.1:${port}/"
# -n: do not touch the clipboard; -L: no per-request log; no port switching, so the URL
# printed above is the one in use (a busy port is an error, not a surprise elsewhere).
NO_UPDATE_CHECK=1 exec node_modules/.bin/serve "$dir" -l "tcp://127.0.0.1:${port}" \
  -n -L --no-port-switching
