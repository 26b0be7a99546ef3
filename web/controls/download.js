// "Download SVG" and "Download PNG": the cluster at the viewed step, and the space-time
// diagram (the whole run, or up to the viewed step), as pictures a blogger or a lecturer can
// paste into a post or a slide. Loaded on the first press (web/app.js), not with the page.
//
// A picture is the drawing on screen, made self-contained: every element carries the styles
// the page's stylesheet gave it (as presentation attributes in one `style` each), so it needs
// no stylesheet, runs no script and fetches nothing; its text is in the page's language, its
// colours in the page's theme. Its fonts travel inside it: the page draws with the reader's
// system fonts, which another machine may not have (nor, for Chinese, any font that has the
// characters), so a picture embeds Noto Sans and Noto Sans SC, only the files of them that
// draw its characters (web/controls/picture-fonts.js chooses them from web/fonts/, which
// scripts/fonts.mjs fills), as data: URLs, and names the system families after them. If the
// files cannot be fetched, the picture is saved with the family names only, and the page's
// status line says so. The same link gives the same picture, byte for byte: nothing in it
// depends on the time, the window's size or the mouse.
import { EMBEDDED_FAMILY, chooseFaces, codePointsOf, fontFaceCss } from './picture-fonts.js';

/** The style properties a picture keeps (what the drawings' stylesheet sets). */
const KEPT = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'paint-order', 'font-family', 'font-size', 'font-weight', 'font-style',
  'text-anchor', 'dominant-baseline', 'letter-spacing',
];
/**
 * Geometry the stylesheet gives a shape (a pill's height and corners, style.css), written into
 * the picture as attributes: geometry in CSS is SVG 2, which not every reader of SVG knows.
 */
const GEOMETRY = ['y', 'height', 'rx'];
const SVG_NS = 'http://www.w3.org/2000/svg';
/** What a picture leaves out: the veil and the cursor that follow the viewed step, hit
 *  areas, focus rings, and whatever the page hides. */
const LEFT_OUT = '.st-future, .st-cursor, .st-hit, .st-lane-hit, .ghost, .ghosts, [hidden]';

/**
 * The drawing `svg` as a standalone picture: a new <svg> element (not in the page) with the
 * computed styles inlined and `background` behind everything. `crop` ({width}) keeps only
 * the left part (the run up to a step).
 */
function standalone(svg, { background, crop = null, prefix = null }) {
  const doc = svg.ownerDocument;
  const view = doc.defaultView;
  // The page's families are named once, on the picture's root (every text inherits them).
  const pageFamily = view.getComputedStyle(doc.documentElement).fontFamily;
  // A step just taken may still be moving (web/views/cluster.js animates it): the picture is
  // of where things end, whenever the button is pressed.
  for (const animation of svg.getAnimations?.({ subtree: true }) ?? []) animation.finish();
  const copy = svg.cloneNode(true);
  // Styles are read from the drawing on screen, element by element, in document order (the
  // copy has the same elements in the same order).
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const drop = [];
  copies.forEach((element, index) => {
    const original = originals[index];
    if (original.matches?.(LEFT_OUT) || (original !== svg && view.getComputedStyle(original).display === 'none')) {
      drop.push(element);
      return;
    }
    const style = view.getComputedStyle(original);
    const declarations = KEPT.map((name) => [name, style.getPropertyValue(name)])
      .filter(([name, value]) => value !== '' && value !== 'normal' && !(name === 'font-family' && value === pageFamily));
    if (original.localName === 'rect') {
      for (const name of GEOMETRY) {
        const value = style.getPropertyValue(name);
        if (!element.hasAttribute(name) && value.endsWith('px')) element.setAttribute(name, value.slice(0, -2));
      }
    }
    element.removeAttribute('class');
    element.removeAttribute('tabindex');
    element.removeAttribute('focusable');
    for (const name of [...element.getAttributeNames()]) if (name.startsWith('data-') || name.startsWith('aria-') || name === 'role') element.removeAttribute(name);
    // Through the CSSOM, not a `style` attribute: the page's Content-Security-Policy
    // (style-src 'self') refuses inline style attributes, and reported each one as a
    // violation (61 for one cluster picture); the serialised picture is the same.
    element.removeAttribute('style');
    for (const [name, value] of declarations) element.style.setProperty(name, value);
  });
  for (const element of drop) element.remove();
  const [, , width, height] = (svg.getAttribute('viewBox') ?? `0 0 ${svg.clientWidth} ${svg.clientHeight}`).split(/\s+/).map(Number);
  const shownWidth = crop ? Math.min(width, crop.width) : width;
  const picture = doc.createElementNS(SVG_NS, 'svg');
  picture.setAttribute('xmlns', SVG_NS);
  const fullWidth = shownWidth + (prefix ? prefix.width : 0);
  picture.setAttribute('viewBox', `0 0 ${fullWidth} ${height}`);
  picture.setAttribute('width', String(fullWidth));
  picture.setAttribute('height', String(height));
  const back = doc.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of [['width', fullWidth], ['height', height], ['fill', background]]) back.setAttribute(name, String(value));
  picture.append(back);
  if (prefix) picture.append(prefix.group);
  const body = doc.createElementNS(SVG_NS, 'svg');
  for (const [name, value] of [['x', prefix ? prefix.width : 0], ['width', shownWidth], ['height', height], ['viewBox', `0 0 ${shownWidth} ${height}`]]) body.setAttribute(name, String(value));
  body.append(...copy.childNodes);
  picture.append(body);
  return picture;
}

/** The page's background colour (its theme's). */
function backgroundOf(doc) {
  return doc.defaultView.getComputedStyle(doc.documentElement).backgroundColor;
}

/** The lane names beside the space-time diagram, as a group to put at its left. */
function laneNames(lanes, background) {
  if (!lanes) return null;
  const picture = standalone(lanes, { background });
  const group = lanes.ownerDocument.createElementNS(SVG_NS, 'g');
  group.append(...picture.childNodes);
  return { group, width: Number(lanes.getAttribute('width')) || 44 };
}

/**
 * The picture of `which` ('cluster' or 'spacetime'), an <svg> element not in the page, its
 * fonts named but not yet embedded. For the space-time diagram, `upTo` is null (the whole
 * run) or an x in the drawing where the picture ends.
 */
function pictureOf(doc, which, { title, upTo = null } = {}) {
  const background = backgroundOf(doc);
  const svg = doc.getElementById(which);
  const picture = which === 'spacetime'
    ? standalone(svg, { background, crop: upTo === null ? null : { width: upTo }, prefix: laneNames(doc.getElementById('spacetime-lanes'), background) })
    : standalone(svg, { background });
  const heading = doc.createElementNS(SVG_NS, 'title');
  heading.textContent = title;
  picture.prepend(heading);
  picture.setAttribute('lang', doc.documentElement.lang);
  // The families the page draws with, then generic ones, on the root: every text inherits.
  picture.setAttribute('font-family', doc.defaultView.getComputedStyle(doc.documentElement).fontFamily);
  return picture;
}

/** Where the font files and their manifest are (web/fonts/, beside this module's folder). */
const FONTS = new URL('../fonts/', import.meta.url);
/** Fetches, kept for the next picture: file name -> Promise of its data: URL (or of the manifest). */
const fetched = new Map();

/** `file` from web/fonts/, once: the manifest as an object, a font file as a data: URL. */
function fetchFont(view, file) {
  if (!fetched.has(file)) {
    const promise = view.fetch(new URL(file, FONTS)).then((response) => {
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      if (file.endsWith('.json')) return response.json();
      return response.arrayBuffer().then((bytes) => new Promise((resolve, reject) => {
        const reader = new view.FileReader();
        reader.onload = () => resolve(reader.result);
        reader.onerror = () => reject(new Error(`${file} could not be read`));
        reader.readAsDataURL(new view.Blob([bytes], { type: 'font/woff2' }));
      }));
    });
    // A failed fetch is tried again by the next picture.
    promise.catch(() => fetched.delete(file));
    fetched.set(file, promise);
  }
  return fetched.get(file);
}

/**
 * Embeds in `picture` the font files that draw its text: a <style> of @font-face rules with
 * data: sources, and the embedded family named first. Rejects (leaving `picture` as it was)
 * if a file cannot be fetched.
 */
async function embedFonts(doc, picture) {
  const view = doc.defaultView;
  // What is drawn: the text elements' characters (not the <title>, which is not).
  const points = codePointsOf([...picture.querySelectorAll('text')].map((text) => text.textContent));
  const { faces } = await fetchFont(view, 'fonts.json');
  const { chosen } = chooseFaces(faces, points);
  const sources = new Map(await Promise.all(chosen.map(async ({ file }) => [file, await fetchFont(view, file)])));
  const style = doc.createElementNS(SVG_NS, 'style');
  style.textContent = `\n${fontFaceCss(chosen, sources)}\n`;
  picture.querySelector('title').after(style);
  picture.setAttribute('font-family', `"${EMBEDDED_FAMILY}", ${picture.getAttribute('font-family')}`);
}

/** What the status line says when a picture is saved without its fonts. */
const WITHOUT_FONTS = {
  en: 'The picture was downloaded without its fonts (they could not be fetched: {reason}): it names them, so it shows in whatever fonts the machine that opens it has.',
  'zh-CN': '图片已下载，但没有嵌入字体（字体文件无法获取：{reason}）：图片中只写了字体名称，打开它的电脑会用自己已有的字体显示。',
};

/**
 * The picture of `which` as SVG text, its fonts embedded; `withoutFonts(reason)` is called
 * instead if they cannot be (the text then names the families only).
 * @param options {title, upTo} as for `pictureOf`
 */
export async function pictureText(doc, which, options, withoutFonts = () => {}) {
  const picture = pictureOf(doc, which, options);
  await embedFonts(doc, picture).catch((error) => withoutFonts(error.message));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new doc.defaultView.XMLSerializer().serializeToString(picture)}\n`;
}

/** Saves `blob` as `name` (a link with `download`, pressed). */
function save(doc, blob, name) {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The SVG text drawn on a canvas at `scale` (2: crisp on slides), as a PNG blob. */
async function pngOf(doc, text, scale = 2) {
  const image = new doc.defaultView.Image();
  const loaded = new Promise((resolve, reject) => {
    image.onload = resolve;
    image.onerror = () => reject(new Error('the picture could not be drawn'));
  });
  // A data: URL: the page's CSP allows images from data: (not from blob:). The fonts inside
  // it are data: URLs too: Chromium has them loaded by the image's load event (measured:
  // drawing at once or a second later gives the same pixels), and tests/e2e/pictures.test.mjs
  // checks that the PNG differs from one drawn without them.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await loaded;
  const canvas = doc.createElement('canvas');
  canvas.width = Math.ceil(image.width * scale);
  canvas.height = Math.ceil(image.height * scale);
  const context = canvas.getContext('2d');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'));
}

/**
 * Downloads the picture of `which` in `format` ('svg' or 'png') as `name`.svg/.png.
 * @param options {title, upTo} as for `pictureOf`
 */
export async function downloadPicture(doc, which, format, name, options) {
  const text = await pictureText(doc, which, options, (reason) => {
    const template = WITHOUT_FONTS[doc.documentElement.lang] ?? WITHOUT_FONTS.en;
    doc.getElementById('status').textContent = template.replace('{reason}', reason);
  });
  if (format === 'svg') save(doc, new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
  else save(doc, await pngOf(doc, text), `${name}.png`);
}
