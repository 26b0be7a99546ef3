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

/** What a drawing has taken so far. */
export class Occupancy {
  constructor(width, height) {
    this.width = width;
    this.height = height;
    /** Every box taken, each with the `item` it was taken for. */
    this.boxes = [];
  }

  /** Is `box` inside the drawing and at least CLEAR away from every box taken? */
  fits(box) {
    // Written so that a box with a NaN in it does not fit either.
    if (!(box.x0 >= 0 && box.y0 >= 0 && box.x1 <= this.width && box.y1 <= this.height)) return false;
    const near = (other) => box.x0 - CLEAR < other.x1 && other.x0 < box.x1 + CLEAR && box.y0 - CLEAR < other.y1 && other.y0 < box.y1 + CLEAR;
    // Candidates come in runs along a line, and what blocked one often blocks the next:
    // asked first, it spares most of the scan.
    if (this.blocker && near(this.blocker)) return false;
    for (const other of this.boxes) {
      if (near(other)) {
        this.blocker = other;
        return false;
      }
    }
    return true;
  }

  /** Takes `box` for `item` whether or not it fits (the servers, placed first, always do). */
  add(box, item) {
    box.item = item;
    this.boxes.push(box);
    return box;
  }

  /** Takes the first box of `candidates` (any iterable) that fits; null when none does. */
  take(candidates, item) {
    for (const box of candidates) if (this.fits(box)) return this.add(box, item);
    return null;
  }

  /** Gives back the boxes whose item passes `test` (a pill folded into "+N", an old overlay). */
  release(test) {
    this.boxes = this.boxes.filter((box) => !test(box.item));
    this.blocker = null;
  }
}
