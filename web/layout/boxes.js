// Axis-aligned boxes and the free space between them: the one rule every label and pill of
// the cluster drawing is placed by. A box is taken only where it overlaps nothing taken
// before it and lies inside the drawing, so no two placed things can overlap, whatever the
// input; what finds no room is left out (and said so) rather than drawn on top.

/** Room kept clear around every box, in drawing units (measured text is not exact). */
export const CLEAR = 3;

/** The box of width x height centred on (x, y): {x0, y0, x1, y1}. */
export function boxAt(x, y, width, height) {
  return { x0: x - width / 2, y0: y - height / 2, x1: x + width / 2, y1: y + height / 2 };
}

/** Do two boxes overlap (touching edges do not)? */
export function overlaps(a, b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** The side of the grid's square cells, in drawing units (about a pill's width). */
const CELL = 48;
/** What blockerOf() answers for a box outside the drawing. */
export const OUTSIDE = Object.freeze({ outside: true });

/** What a drawing has taken so far. */
export class Occupancy {
  constructor(width, height) {
    this.width = width;
    this.height = height;
    /** Every box taken, each with the `item` it was taken for. */
    this.boxes = [];
    /** The same boxes by grid cell (row * columns + column -> boxes touching it, CLEAR
     *  included, or undefined), so a fit asks only the boxes near it: a busy step tries
     *  thousands of spots. (An array, not a Map: the lookup is most of a fit's cost.) A
     *  coordinate off the drawing counts in the cell at its edge. */
    this.columns = cellOf(width) + 1;
    this.lastRow = cellOf(height);
    this.cells = new Array(this.columns * (this.lastRow + 1));
  }

  /** Is `box` inside the drawing and at least CLEAR away from every box taken? */
  fits(box) {
    return this.blockerOf(box) === null;
  }

  /**
   * Why `box` does not fit: the taken box it comes within CLEAR of, or OUTSIDE when it is
   * not inside the drawing; null when it fits.
   */
  blockerOf(box) {
    // Written so that a box with a NaN in it does not fit either.
    if (!(box.x0 >= 0 && box.y0 >= 0 && box.x1 <= this.width && box.y1 <= this.height)) return OUTSIDE;
    // Candidates come in runs along a line, and what blocked one often blocks the next:
    // asked first, it spares most of the lookups.
    if (this.blocker && near(box, this.blocker)) return this.blocker;
    // Each taken box is filed under every cell its CLEAR-padded box touches, so any box
    // within CLEAR of this one is filed under a cell this box touches. (Plain loops and no
    // closure: a busy step asks this thousands of times, and what it allocates is collected
    // within the action.)
    const columnEnd = cellOf(box.x1);
    const rowEnd = cellOf(box.y1);
    for (let column = cellOf(box.x0); column <= columnEnd; column += 1) {
      for (let row = cellOf(box.y0); row <= rowEnd; row += 1) {
        const list = this.cells[row * this.columns + column];
        if (list === undefined) continue;
        for (let index = 0; index < list.length; index += 1) {
          const other = list[index];
          if (near(box, other)) {
            this.blocker = other;
            return other;
          }
        }
      }
    }
    return null;
  }

  /** Takes `box` for `item` whether or not it fits (the servers, placed first, always do). */
  add(box, item) {
    box.item = item;
    this.boxes.push(box);
    this.file(box);
    return box;
  }

  /** Takes the first box of `candidates` (any iterable) that fits; null when none does. */
  take(candidates, item) {
    for (const box of candidates) if (this.fits(box)) return this.add(box, item);
    return null;
  }

  /** Gives back the boxes whose item passes `test` (a pill folded into "+N", an old overlay). */
  release(test) {
    const kept = [];
    for (const box of this.boxes) {
      if (!test(box.item)) kept.push(box);
      else this.eachCell(box, (key) => {
        const list = this.cells[key];
        list.splice(list.indexOf(box), 1);
      });
    }
    this.boxes = kept;
    this.blocker = null;
  }

  /** Files `box` under the cells it touches. */
  file(box) {
    this.eachCell(box, (key) => {
      const list = this.cells[key];
      if (list) list.push(box);
      else this.cells[key] = [box];
    });
  }

  /** Calls `visit` with the key of every cell `box`, CLEAR-padded, touches. */
  eachCell(box, visit) {
    const columnEnd = Math.min(cellOf(box.x1 + CLEAR), this.columns - 1);
    const rowEnd = Math.min(cellOf(box.y1 + CLEAR), this.lastRow);
    for (let column = Math.min(cellOf(box.x0 - CLEAR), this.columns - 1); column <= columnEnd; column += 1) {
      for (let row = Math.min(cellOf(box.y0 - CLEAR), this.lastRow); row <= rowEnd; row += 1) visit(row * this.columns + column);
    }
  }
}

/** Does `other` come within CLEAR of `box`? */
function near(box, other) {
  return box.x0 - CLEAR < other.x1 && other.x0 < box.x1 + CLEAR && box.y0 - CLEAR < other.y1 && other.y0 < box.y1 + CLEAR;
}

/** The grid cell a coordinate falls in (boxes outside the drawing are clamped to its edge). */
const cellOf = (value) => Math.floor(Math.max(0, value) / CELL);
