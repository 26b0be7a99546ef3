// Which font files a picture needs, and the @font-face rules that embed them: the pure part
// of embedding fonts in a downloaded picture (web/controls/download.js fetches the files).
// Loaded with the picture downloads, not with the page.
//
// The fonts are split by unicode-range into many small files (web/fonts/fonts.json lists
// them, from scripts/fonts.mjs): a picture takes only the files that draw its characters,
// and each embedded face declares only the characters it is there for, so which file draws
// which character does not depend on the order a renderer tries faces in.

/** The family the embedded faces share; the picture names it first. */
export const EMBEDDED_FAMILY = 'Noto Sans embedded';

/** What the embedded fonts' licence asks to travel with them, as a CSS comment. */
const NOTICE = '/* Noto Sans and Noto Sans SC, by the Noto Project Authors: SIL Open Font License 1.1 */';

/** `U+0000-00FF,U+0131` as [[0, 0xff], [0x131, 0x131]]. */
export function parseRanges(text) {
  return text.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const match = /^U\+([0-9a-f?]+)(?:-([0-9a-f]+))?$/i.exec(part);
    if (!match) throw new Error(`not a unicode-range: ${part}`);
    // U+4?? (a wildcard range) is U+400-4FF.
    if (match[1].includes('?')) return [parseInt(match[1].replaceAll('?', '0'), 16), parseInt(match[1].replaceAll('?', 'f'), 16)];
    const first = parseInt(match[1], 16);
    return [first, match[2] === undefined ? first : parseInt(match[2], 16)];
  });
}

/** The code points `texts` use, once each, ascending; white space and control characters left out. */
export function codePointsOf(texts) {
  const points = new Set();
  for (const text of texts) {
    for (const character of text) {
      if (!/[\s\p{Cc}]/u.test(character)) points.add(character.codePointAt(0));
    }
  }
  return [...points].sort((a, b) => a - b);
}

function covers(ranges, point) {
  return ranges.some(([first, last]) => point >= first && point <= last);
}

/**
 * The faces (from fonts.json's `faces`, in lookup order) that draw `points`: each code point
 * goes to the first face whose range covers it. Returns the faces used, in lookup order, each
 * with the code points it draws (`points`), and the code points no face covers (`uncovered`).
 */
export function chooseFaces(faces, points) {
  const parsed = faces.map((face) => ({ face, ranges: parseRanges(face.unicodeRange), points: [] }));
  const uncovered = [];
  for (const point of points) {
    const owner = parsed.find(({ ranges }) => covers(ranges, point));
    if (owner) owner.points.push(point);
    else uncovered.push(point);
  }
  return {
    chosen: parsed.filter(({ points: mine }) => mine.length > 0).map(({ face, points: mine }) => ({ file: face.file, points: mine })),
    uncovered,
  };
}

const hex = (point) => point.toString(16).toUpperCase().padStart(4, '0');

/** Ascending code points as a unicode-range: runs become U+first-last. */
export function rangeText(points) {
  const parts = [];
  for (let i = 0; i < points.length; i++) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    parts.push(j === i ? `U+${hex(points[i])}` : `U+${hex(points[i])}-${hex(points[j])}`);
    i = j;
  }
  return parts.join(',');
}

/**
 * The stylesheet a picture carries: one @font-face per chosen face, its source the file as a
 * data: URL (`sources`: file name -> data URL), its range the characters it draws. The
 * same faces and sources always give the same text.
 */
export function fontFaceCss(chosen, sources) {
  const rules = chosen.map(({ file, points }) => [
    `@font-face{font-family:"${EMBEDDED_FAMILY}";font-style:normal;font-weight:100 900;`,
    `src:url(${sources.get(file)}) format("woff2");unicode-range:${rangeText(points)}}`,
  ].join(''));
  return [NOTICE, ...rules].join('\n');
}
