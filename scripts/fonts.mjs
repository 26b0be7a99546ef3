// Puts the fonts a downloaded picture embeds (web/controls/download.js) in web/fonts/, from
// the two npm packages that carry them: Noto Sans (Latin, Greek, Cyrillic, Vietnamese,
// Devanagari) and Noto Sans SC (Chinese), both variable in weight (one file draws every
// weight the drawings use, 400 to 800), both under the SIL Open Font License 1.1.
// `node scripts/fonts.mjs`; scripts/build.sh and scripts/start.sh run it.
//
// web/fonts/ is generated, not committed (about 5 MB of woff2). The page never loads it: a
// picture fetches only the files that cover the characters it draws, when it is downloaded.
// What is written:
//   - each subset's woff2 file, as the package names it;
//   - fonts.json: {faces: [{file, unicodeRange}]}, in the order a character is looked up
//     (the first face whose range covers it draws it);
//   - each package's licence, as OFL-<package>.txt.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'web/fonts');

/**
 * The packages, first looked up first. `skip`: subsets a package has that an earlier one
 * already covers (Noto Sans SC's own Latin, Cyrillic and Vietnamese).
 */
const PACKAGES = [
  { name: '@fontsource-variable/noto-sans', id: 'noto-sans', skip: [] },
  { name: '@fontsource-variable/noto-sans-sc', id: 'noto-sans-sc', skip: ['latin', 'latin-ext', 'cyrillic', 'vietnamese'] },
];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const faces = [];
for (const { name, id, skip } of PACKAGES) {
  const dir = join(ROOT, 'node_modules', name);
  // unicode.json lists the subsets in the order of the package's stylesheet, where a later
  // face wins a character over an earlier one: looked up first is listed last.
  const subsets = Object.entries(JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8'))).reverse();
  const files = new Set(readdirSync(join(dir, 'files')));
  for (const [key, unicodeRange] of subsets) {
    const subset = key.replace(/^\[(\d+)\]$/, '$1');
    if (skip.includes(subset)) continue;
    const file = `${id}-${subset}-wght-normal.woff2`;
    if (!files.has(file)) throw new Error(`fonts: ${name} has no ${file}`);
    copyFileSync(join(dir, 'files', file), join(OUT, file));
    faces.push({ file, unicodeRange });
  }
  copyFileSync(join(dir, 'LICENSE'), join(OUT, `OFL-${id}.txt`));
}
writeFileSync(join(OUT, 'fonts.json'), `${JSON.stringify({ faces }, null, 1)}\n`);
console.log(`fonts: ${faces.length} woff2 files in web/fonts/`);
