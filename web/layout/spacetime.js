// Where the space-time diagram's words go, decided before anything is drawn: a pure layout
// step, so that "no two labels overlap, no label sits on a lane or a mark" holds by
// construction rather than by luck, and can be unit-tested without a browser.
//
// - Every label is a box. A `Placer` holds the boxes placed so far (labels and obstacles:
//   the lanes' lines, proposals, crashes, chosen diamonds, drop crosses) in a coarse grid,
//   and places a new label at the first of its candidate points where its box touches
//   nothing; when none is free the label is left out (its arrow keeps its tooltip). A label
//   placed stays where it is while its arrow exists, so nothing jumps from step to step.
// - An arrow's candidates lie on the arrow itself, between two lanes (where it crosses the
//   middle of a gap between lanes, or a little above or below that): a label is attached to
//   its arrow and never straddles a lane's line.
// - The findings ("chosen Y", "⚠ agreement") have their own rows above the lanes, packed
//   left to right (`packRows`).
// Text widths are estimated, not measured (no layout read, the same everywhere): the arrow
// labels use a monospace face, whose glyphs all advance the same; other texts use a
// generous per-glyph estimate. The browser test (tests/e2e/overlaps.test.mjs) checks the
// estimates against the boxes the browser really draws.

/** The arrow labels' font size, px (a monospace face: see `.st-label` in style.css). */
export const ARROW_LABEL_PX = 10;
/** The findings' font size, px (bold, proportional). */
export const FINDING_PX = 12;
/** Space kept around every label box, px: wider sideways, so that two labels side by side
 *  do not read as one. */
const MARGIN_X = 4;
const MARGIN_Y = 1;

/**
 * A conservative width of `text` at `px`: a monospace glyph advances 0.6 em; a bold
 * proportional one at most ~0.7 em (capitals), a CJK glyph or symbol 1 em.
 */
export function textWidth(text, px, { mono = false } = {}) {
  let em = 0;
  for (const glyph of text) {
    const code = glyph.codePointAt(0);
    if (code >= 0x2000) em += 1.05;
    else if (mono) em += 0.62;
    else if (glyph === ' ') em += 0.3;
    else em += 0.72;
  }
  return Math.ceil(em * px) + 2;
}

/** The height of a line of text at `px`. */
export function textHeight(px) {
  return Math.ceil(px * 1.25);
}

/** Whether boxes `a` and `b` ({x, y, w, h}, x and y their top left) overlap. */
export function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The box of width `w` and height `h` centred on (`x`, `y`). */
export function boxAround(x, y, w, h) {
  return { x: x - w / 2, y: y - h / 2, w, h };
}

const CELL = 64;

/** The boxes placed so far, by owner, in a grid of CELL-px columns (for quick lookups). */
export class Placer {
  constructor() {
    /** column -> Set of entries {box, owner} */
    this.columns = new Map();
    /** owner -> [entries] */
    this.owned = new Map();
  }

  /** Whether `box` (with the margin) touches nothing placed. */
  fits(box) {
    const padded = { x: box.x - MARGIN_X, y: box.y - MARGIN_Y, w: box.w + 2 * MARGIN_X, h: box.h + 2 * MARGIN_Y };
    for (let column = Math.floor(padded.x / CELL); column <= Math.floor((padded.x + padded.w) / CELL); column += 1) {
      for (const entry of this.columns.get(column) ?? []) if (overlaps(padded, entry.box)) return false;
    }
    return true;
  }

  /** The owners of the boxes `box` overlaps (looked up in its grid columns, not all boxes). */
  ownersUnder(box) {
    const owners = new Set();
    for (let column = Math.floor(box.x / CELL); column <= Math.floor((box.x + box.w) / CELL); column += 1) {
      for (const entry of this.columns.get(column) ?? []) if (overlaps(entry.box, box)) owners.add(entry.owner);
    }
    return owners;
  }

  /** Adds `box` for `owner` (obstacles are added without asking whether they fit). */
  add(box, owner) {
    const entry = { box, owner };
    for (let column = Math.floor(box.x / CELL); column <= Math.floor((box.x + box.w) / CELL); column += 1) {
      let set = this.columns.get(column);
      if (!set) this.columns.set(column, set = new Set());
      set.add(entry);
    }
    const list = this.owned.get(owner);
    if (list) list.push(entry);
    else this.owned.set(owner, [entry]);
  }

  /** Removes every box of `owner` (its arrow or mark is gone or redrawn). */
  remove(owner) {
    for (const entry of this.owned.get(owner) ?? []) {
      const { box } = entry;
      for (let column = Math.floor(box.x / CELL); column <= Math.floor((box.x + box.w) / CELL); column += 1) {
        this.columns.get(column)?.delete(entry);
      }
    }
    this.owned.delete(owner);
  }

  /**
   * Places a `w`×`h` label for `owner` at the first of `points` ({x, y} centres) where it
   * fits; returns its box, or null (then nothing is added).
   */
  place(owner, points, w, h) {
    for (const point of points) {
      const box = boxAround(point.x, point.y, w, h);
      if (this.fits(box)) {
        this.add(box, owner);
        return box;
      }
    }
    return null;
  }
}

/**
 * Where an arrow's label may sit, best first: on the arrow, where it crosses the middle of a
 * gap between two lanes or a little above or below that (never on a lane's line), the gaps
 * nearest the arrow's middle first. An arrow along one lane (a message to itself) is
 * labelled just above it. `laneYs` are the lanes' ys, in order; `labelHeight` the label's.
 */
export function arrowLabelPoints({ x1, y1, x2, y2 }, laneYs, labelHeight) {
  const points = [];
  if (Math.abs(y2 - y1) < 1) {
    for (const t of [0.5, 0.3, 0.7]) points.push({ x: x1 + (x2 - x1) * t, y: y1 - labelHeight / 2 - 3 });
    return points;
  }
  const gaps = [];
  for (let lane = 0; lane + 1 < laneYs.length; lane += 1) {
    const middle = (laneYs[lane] + laneYs[lane + 1]) / 2;
    const room = (laneYs[lane + 1] - laneYs[lane]) / 2 - labelHeight / 2 - 2;
    for (const shift of room > 0 ? [0, -room * 0.6, room * 0.6] : [0]) {
      const y = middle + shift;
      const t = (y - y1) / (y2 - y1);
      if (t > 0.05 && t < 0.97) gaps.push({ x: x1 + (x2 - x1) * t, y, rank: Math.abs(t - 0.5) + (shift === 0 ? 0 : 1) });
    }
  }
  gaps.sort((a, b) => a.rank - b.rank);
  for (const { x, y } of gaps) points.push({ x, y });
  return points;
}

/**
 * Packs `items` ({x, w}, in order) into at most `rowsMax` rows, left to right: each goes in
 * the first row where it starts after the last one ends (plus `gap`). Returns each item's
 * row, or null where no row had room (that item's text is left out).
 */
export function packRows(items, rowsMax, gap = 6) {
  const ends = [];
  return items.map(({ x, w }) => {
    for (let row = 0; row < rowsMax; row += 1) {
      if (ends[row] === undefined || x >= ends[row] + gap) {
        ends[row] = x + w;
        return row;
      }
    }
    return null;
  });
}
