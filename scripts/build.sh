#!/usr/bin/env bash
# `npm run build`: a static dist/ that works from any host and any sub-path, because every
# URL in it is relative. The wasm is shrunk with wasm-opt from the npm `binaryen` package
# (Debian's binaryen 108 writes modules that fail to load).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
# The fonts pictures embed (web/fonts/, generated; copied below with the rest of web/).
node scripts/fonts.mjs

rm -rf dist
mkdir -p dist/web/pkg
cp index.html story.html dist/
# Everything in web/ except the generated pkg/, which gets only the files the page loads.
find web -mindepth 1 -maxdepth 1 ! -name pkg -exec cp -r {} dist/web/ \;
cp web/pkg/presets.json web/pkg/presets-multi.json dist/web/pkg/
# paxos_wasm_multi is the page's binding with Multi-Paxos, fetched when a Multi-Paxos
# scenario is opened (web/multi/multi.js): optimised as the page's module is.
for crate in paxos_wasm paxos_wasm_multi paxos_check_wasm; do
  cp "web/pkg/$crate.js" dist/web/pkg/
  # No --enable-* flags: wasm-opt reads the features rustc used from the module's
  # target_features section, so they cannot drift from the compiler's defaults.
  # --converge repeats -Oz until it stops shrinking; the two metadata sections are not
  # needed to run (measured: 72.7 -> 72.2 KB gzip for the page module, docs/BENCHMARKS.md).
  # --low-memory-unused lets wasm-opt fold pointer arithmetic into load/store offsets: it
  # holds because rustc links the stack first, growing down from 1 MB, so addresses below
  # 1024 are touched only by a stack within 1 KB of overflowing (which then traps, as an
  # overflow would a little later). --gufa (whole-module flow analysis) then -Oz again
  # removes what it proves constant. Measured on the page module: 47,766 -> 47,320 B gzip;
  # the checker module 96,329 -> 95,718 B.
  # The aids' module is built for speed (scripts/build-wasm.sh), so it is optimised for
  # speed here too: -O3 instead of the size passes.
  if [[ $crate == paxos_check_wasm ]]; then passes=(-O3); else passes=(-Oz --gufa -Oz --converge); fi
  node_modules/.bin/wasm-opt "${passes[@]}" --low-memory-unused --strip-producers --strip-target-features \
    "web/pkg/${crate}_bg.wasm" -o "dist/web/pkg/${crate}_bg.wasm"
  wasm_bytes=$(wc -c < "dist/web/pkg/${crate}_bg.wasm")
  gzip_bytes=$(gzip -9 -c "dist/web/pkg/${crate}_bg.wasm" | wc -c)
  echo "build: dist/web/pkg/${crate}_bg.wasm ${wasm_bytes} bytes (${gzip_bytes} gzipped)"
done
# The page's modules become one minified file (esbuild): one request instead of about fifty,
# and better compression. What the page loads later with a computed import() stays out of
# it: each language's texts (web/i18n/*.js, minified below) and the modules web/lazy.js
# fetches on first need, each bundled on its own where its source is (the few small pure
# modules one shares with the page are copied into it, which costs nothing when the page
# opens). The worker is bundled the same way; the wasm-bindgen glue stays separate (it finds
# its .wasm next to itself). Every bundle sits where its entry file was, so its relative
# URLs still resolve.
LAZY_MODULES=(web/controls/aids.js web/controls/share.js web/controls/settings.js web/controls/quorum-view.js web/embed/embed.js web/controls/download.js web/controls/help.js web/views/events.js web/views/spacetime.js web/page-extras.js web/multi/multi.js)
node_modules/.bin/esbuild web/app.js --bundle --minify --format=esm --outfile=dist/web/app.js \
  '--external:./pkg/*' --allow-overwrite --log-level=warning
for module in "${LAZY_MODULES[@]}"; do
  node_modules/.bin/esbuild "$module" --bundle --minify --format=esm --outfile="dist/$module" \
    --allow-overwrite --log-level=warning
done
# The story page (story.html) is bundled the same way; its texts, one module per language
# fetched with a computed import(), stay beside it and are minified below.
node_modules/.bin/esbuild web/story/story.js --bundle --minify --format=esm --outfile=dist/web/story/story.js \
  --allow-overwrite --log-level=warning
node_modules/.bin/esbuild web/checker/worker.js --bundle --minify --format=esm --outfile=dist/web/checker/worker.js \
  '--external:../pkg/*' --allow-overwrite --log-level=warning
# What the bundles replace is not shipped: only entries, the glue, and the embed demo's files.
keep=(! -path 'dist/web/pkg/*' ! -path 'dist/web/i18n/*' ! -path dist/web/app.js ! -path dist/web/checker/worker.js
  ! -path dist/web/embed/demo.js ! -path dist/web/embed/autosize.js
  ! -path dist/web/story/story.js ! -path 'dist/web/story/texts-*.js')
for module in "${LAZY_MODULES[@]}"; do keep+=(! -path "dist/$module"); done
find dist/web -name '*.js' "${keep[@]}" -delete
find dist/web -type d -empty -delete
# The rest (glue, the embed demo's classic scripts, the stylesheet) is minified in place.
# The texts keep their Chinese as UTF-8 rather than \u escapes: 0.7 kB less gzip for the
# Chinese page. They are ES modules, which browsers always read as UTF-8 (as is embed mode's,
# which brings a text of its own).
for file in dist/web/pkg/*.js dist/web/i18n/*.js dist/web/i18n/stories/*.js dist/web/embed/*.js dist/web/story/texts-*.js; do
  charset=(); [[ $file == dist/web/i18n/* || $file == dist/web/story/* || $file == dist/web/embed/embed.js ]] && charset=(--charset=utf8)
  node_modules/.bin/esbuild "$file" --minify "${charset[@]}" --outfile="$file" --allow-overwrite --log-level=warning
done
# Then the code (not the texts, which are strings) goes once more through terser, whose
# compression and names gzip smaller than esbuild's alone: measured on this build, the
# English page's opening 0.77 kB less (app.js 24.95 -> 24.35 kB, page-extras.js 6.38 ->
# 6.15), the embed's 0.65 kB. Two passes: the second still finds a little; a third, nothing.
# (Safe transforms only; every e2e test runs on this output.)
for file in dist/web/app.js "${LAZY_MODULES[@]/#/dist/}" dist/web/story/story.js dist/web/checker/worker.js dist/web/pkg/*.js; do
  node_modules/.bin/terser "$file" --module --compress passes=2 --mangle --output "$file"
done
# The HTML loses its comments (notes for whoever edits it) and its indentation; it has no
# <pre>, and its <textarea>s start empty, so no text the page shows changes. Inside a
# <dialog>, a translated element (data-i18n) loses its English text too: a dialog opens
# only with script, which writes every such text from the language's file (i18n.js
# applyStatic), so the copy in the HTML was never shown (97 bytes gzip of every opening).
node -e "const fs = require('fs'); for (const f of ['dist/index.html', 'dist/story.html']) {
fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s+/g, '\n')
  .replace(/<dialog[\s\S]*?<\/dialog>/g, (dialog) => dialog.replace(/(data-i18n=\"[^\"]+\"[^>]*>)[^<]+</g, '\$1<'))); }"
# Every stylesheet but the embed demo's (below): the page's, and those its parts bring.
for sheet in $(find dist/web -name '*.css' ! -path dist/web/embed/demo.css); do
  node_modules/.bin/esbuild "$sheet" --minify --outfile="$sheet" --allow-overwrite --log-level=warning
done
node_modules/.bin/esbuild dist/web/embed/demo.css --minify --outfile=dist/web/embed/demo.css --allow-overwrite --log-level=warning
