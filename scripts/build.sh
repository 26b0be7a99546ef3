#!/usr/bin/env bash
# `npm run build`: a static dist/ that works from any host and any sub-path, because every
# URL in it is relative. The wasm is shrunk with wasm-opt from the npm `binaryen` package
# (Debian's binaryen 108 writes modules that fail to load).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh

rm -rf dist
mkdir -p dist/web/pkg
cp index.html dist/
# Everything in web/ except the generated pkg/, which gets only the files the page loads.
find web -mindepth 1 -maxdepth 1 ! -name pkg -exec cp -r {} dist/web/ \;
for crate in paxos_wasm paxos_check_wasm; do
  cp "web/pkg/$crate.js" dist/web/pkg/
  # No --enable-* flags: wasm-opt reads the features rustc used from the module's
  # target_features section, so they cannot drift from the compiler's defaults.
  # --converge repeats -Oz until it stops shrinking; the two metadata sections are not
  # needed to run (measured: 72.7 -> 72.2 KB gzip for the page module, docs/BENCHMARKS.md).
  node_modules/.bin/wasm-opt -Oz --converge --strip-producers --strip-target-features \
    "web/pkg/${crate}_bg.wasm" -o "dist/web/pkg/${crate}_bg.wasm"
  wasm_bytes=$(wc -c < "dist/web/pkg/${crate}_bg.wasm")
  gzip_bytes=$(gzip -9 -c "dist/web/pkg/${crate}_bg.wasm" | wc -c)
  echo "build: dist/web/pkg/${crate}_bg.wasm ${wasm_bytes} bytes (${gzip_bytes} gzipped)"
done
# Minify every module (the wasm-bindgen glue too) and the stylesheet in place (esbuild, one
# file at a time, no bundling): same files, same relative imports, a third of the bytes.
mapfile -t modules < <(find dist/web -name '*.js')
node_modules/.bin/esbuild "${modules[@]}" --minify --format=esm --outbase=dist/web --outdir=dist/web \
  --allow-overwrite --log-level=warning
node_modules/.bin/esbuild dist/web/style.css --minify --outfile=dist/web/style.css --allow-overwrite --log-level=warning
