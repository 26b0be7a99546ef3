// The pure part of embedding fonts in a downloaded picture (web/controls/picture-fonts.js):
// reading unicode-ranges, collecting the characters a picture draws, choosing the files that
// draw them, and the @font-face text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import {
  EMBEDDED_FAMILY, chooseFaces, codePointsOf, fontFaceCss, parseRanges, rangeText,
} from '../../web/controls/picture-fonts.js';

test('unicode-ranges: single points, spans and wildcards', () => {
  assert.deepEqual(parseRanges('U+0000-00FF, U+0131,u+4??'), [[0, 0xff], [0x131, 0x131], [0x400, 0x4ff]]);
  assert.deepEqual(parseRanges('U+1f1e9-1f1f5'), [[0x1f1e9, 0x1f1f5]]);
  assert.throws(() => parseRanges('U+zz'), /not a unicode-range/);
});

test('a picture\'s characters: each once, ascending, no white space', () => {
  assert.deepEqual(codePointsOf(['S1 ', 'S1\n确定 Z', '\t']), [...'1SZ定确'].map((c) => c.codePointAt(0)).sort((a, b) => a - b));
  // Outside the basic plane: one code point, not two halves.
  assert.deepEqual(codePointsOf(['😀']), [0x1f600]);
  assert.deepEqual(codePointsOf([]), []);
});

test('each character goes to the first file that covers it; files come in lookup order', () => {
  const faces = [
    { file: 'latin.woff2', unicodeRange: 'U+0000-00FF,U+2000-206F' },
    { file: 'greek.woff2', unicodeRange: 'U+0370-03FF' },
    { file: 'cjk-1.woff2', unicodeRange: 'U+2014,U+786E' },
    { file: 'cjk-2.woff2', unicodeRange: 'U+5B9A,U+786E' },
  ];
  const points = codePointsOf(['S1 — 确定']);
  const { chosen, uncovered } = chooseFaces(faces, points);
  assert.deepEqual(chosen, [
    { file: 'latin.woff2', points: [0x31, 0x53, 0x2014] },
    { file: 'cjk-1.woff2', points: [0x786e] },
    { file: 'cjk-2.woff2', points: [0x5b9a] },
  ]);
  assert.deepEqual(uncovered, []);
  assert.deepEqual(chooseFaces(faces, [0x2603]).uncovered, [0x2603], 'a snowman no file draws');
});

test('unicode-range text: runs joined, upper-case, four digits at least', () => {
  assert.equal(rangeText([0x41, 0x42, 0x43, 0x45, 0x786e, 0x1f600]), 'U+0041-0043,U+0045,U+786E,U+1F600');
  assert.equal(rangeText([]), '');
});

test('the stylesheet: one face per file, a data: source each, the same text every time', () => {
  const chosen = [{ file: 'a.woff2', points: [0x41, 0x42] }, { file: 'b.woff2', points: [0x786e] }];
  const sources = new Map([['a.woff2', 'data:font/woff2;base64,AAAA'], ['b.woff2', 'data:font/woff2;base64,BBBB']]);
  const css = fontFaceCss(chosen, sources);
  assert.equal(css.match(/@font-face/g).length, 2);
  assert.match(css, /SIL Open Font License/);
  assert.ok(css.includes(`font-family:"${EMBEDDED_FAMILY}"`));
  assert.match(css, /src:url\(data:font\/woff2;base64,AAAA\) format\("woff2"\);unicode-range:U\+0041-0042\}/);
  assert.match(css, /unicode-range:U\+786E\}/);
  assert.equal(fontFaceCss(chosen, sources), css);
});

// The manifest scripts/fonts.mjs writes (when it has been run: the build runs it).
const manifest = new URL('../../web/fonts/fonts.json', import.meta.url);
test('the shipped manifest: Latin from Noto Sans, the Chinese texts\' characters all covered', { skip: !existsSync(manifest) && 'web/fonts/ not built' }, async () => {
  const { faces } = JSON.parse(readFileSync(manifest, 'utf8'));
  for (const { file, unicodeRange } of faces) {
    assert.match(file, /^noto-sans(-sc)?-[\w-]+-wght-normal\.woff2$/);
    assert.ok(existsSync(new URL(file, manifest)), file);
    parseRanges(unicodeRange);
  }
  assert.equal(chooseFaces(faces, codePointsOf(['Paxos S1 chosen Z'])).chosen.map(({ file }) => file).join(), 'noto-sans-latin-wght-normal.woff2');
  const { default: zh } = await import('../../web/i18n/zh-CN.js');
  const { chosen, uncovered } = chooseFaces(faces, codePointsOf(Object.values(zh).filter((text) => typeof text === 'string')));
  assert.deepEqual(uncovered.filter((point) => /\p{Script=Han}/u.test(String.fromCodePoint(point))), []);
  assert.ok(chosen.some(({ file }) => file.startsWith('noto-sans-sc-')));
});
