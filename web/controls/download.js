// "Download SVG" and "Download PNG": the cluster at the viewed step, and the space-time
// diagram (the whole run, or up to the viewed step), as pictures a blogger or a lecturer can
// paste into a post or a slide. Loaded on the first press (web/app.js), not with the page.
//
// A picture is the drawing on screen, made self-contained: every element carries the styles
// the page's stylesheet gave it (as presentation attributes in one `style` each), so it needs
// no stylesheet, runs no script and fetches nothing; its text is in the page's language, its
// colours in the page's theme. Its fonts are named as families (the page ships no font files:
// it draws with the reader's system fonts), with generic fallbacks. The same link gives the
// same picture: nothing in it depends on the time, the window's size or the mouse.

/** The style properties a picture keeps (what the drawings' stylesheet sets). */
const KEPT = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'paint-order', 'font-family', 'font-size', 'font-weight', 'font-style',
  'text-anchor', 'dominant-baseline', 'letter-spacing',
];
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
    const declarations = KEPT.map((name) => [name, style.getPropertyValue(name)]).filter(([, value]) => value !== '' && value !== 'normal');
    element.removeAttribute('class');
    element.removeAttribute('tabindex');
    element.removeAttribute('focusable');
    for (const name of [...element.getAttributeNames()]) if (name.startsWith('data-') || name.startsWith('aria-') || name === 'role') element.removeAttribute(name);
    element.setAttribute('style', declarations.map(([name, value]) => `${name}:${value}`).join(';'));
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
 * The picture of `which` ('cluster' or 'spacetime') as SVG text. For the space-time diagram,
 * `upTo` is null (the whole run) or an x in the drawing where the picture ends.
 */
export function pictureText(doc, which, { title, upTo = null } = {}) {
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
  // A data: URL: the page's CSP allows images from data: (not from blob:).
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
 * @param options {title, upTo} as for `pictureText`
 */
export async function downloadPicture(doc, which, format, name, options) {
  const text = pictureText(doc, which, options);
  if (format === 'svg') save(doc, new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
  else save(doc, await pngOf(doc, text), `${name}.png`);
}
