// The quorum overlay's geometry: where the rings, the legs of the earlier value's journey
// and the missing intersection go on the cluster drawing. The facts themselves (who
// promised, who accepted, where the quorums meet, what was reported, the messages that
// carried the earlier value) are the core's picture (crates/paxos/src/observe/pictures.rs),
// computed in the aids' wasm module (web/aids/quorum-mirror.js); this module only places them.
import { round2 } from '../geometry.js';

/** Ring radii around a node, one per set, from the inside out. */
export const RING_GAPS = { promise: 7, accept: 13, earlier: 19, meet: 26 };

const centroid = (points) => ({
  x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
  y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
});

/**
 * A curved leg from `a` to `b` (node centres), leaving and arriving `trim` units from the
 * centres and bowing `bend` of its length to the right, so it does not hide the straight
 * link the real message took. Returns the SVG path and the point for its label.
 */
export function legPath(a, b, { trim = 0, bend = 0.18 } = {}) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const ux = dx / length;
  const uy = dy / length;
  const start = { x: a.x + ux * trim, y: a.y + uy * trim };
  const end = { x: b.x - ux * trim, y: b.y - uy * trim };
  const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  const control = { x: mid.x - uy * length * bend, y: mid.y + ux * length * bend };
  // The label sits on the curve's midpoint (t = 1/2 of the quadratic Bézier).
  const label = { x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x, y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y };
  return {
    d: `M ${round2(start.x)} ${round2(start.y)} Q ${round2(control.x)} ${round2(control.y)} ${round2(end.x)} ${round2(end.y)}`,
    label: { x: round2(label.x), y: round2(label.y) },
    // Other places for the label along the curve, nearest its middle first, for when
    // something else of the drawing is already at the middle.
    spots: [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74].map((t) => ({
      x: round2((1 - t) ** 2 * start.x + 2 * t * (1 - t) * control.x + t * t * end.x),
      y: round2((1 - t) ** 2 * start.y + 2 * t * (1 - t) * control.y + t * t * end.y),
    })),
  };
}

/**
 * Everything the overlay draws, in the cluster's coordinates: rings around the servers of
 * each set, the legs of the earlier value's journey, and for a missing intersection a
 * dashed gap between the two quorums that should have met.
 * @param picture the core's picture (web/aids/quorum-mirror.js)
 * @param layout the cluster's {positions, nodeRadius}
 */
export function overlayShapes(picture, layout) {
  if (!picture) return { rings: [], legs: [], gap: null };
  const at = (id) => layout.positions[id - 1];
  const rings = [];
  const ring = (ids, kind) => {
    for (const id of ids ?? []) {
      const p = at(id);
      if (p) rings.push({ id, kind, x: p.x, y: p.y, r: round2(layout.nodeRadius + RING_GAPS[kind]) });
    }
  };
  ring(picture.promises, 'promise');
  ring(picture.accepts, 'accept');
  ring(picture.earlier?.accepts, 'earlier');
  ring(picture.intersection, 'meet');
  const legs = (picture.legs ?? []).flatMap((leg) => {
    const path = at(leg.from) && at(leg.to) ? legPath(at(leg.from), at(leg.to), { trim: layout.nodeRadius + RING_GAPS.meet + 4 }) : null;
    return path ? [{ ...leg, ...path }] : [];
  });
  let gap = null;
  if (picture.missing && picture.earlier) {
    const mine = (picture.promises ?? picture.accepts).map(at).filter(Boolean);
    const theirs = picture.earlier.accepts.map(at).filter(Boolean);
    if (mine.length && theirs.length) {
      const a = centroid(mine);
      const b = centroid(theirs);
      // Its caption goes along the drawing's edge, where the cluster's layout finds room.
      gap = {
        x1: round2(a.x), y1: round2(a.y), x2: round2(b.x), y2: round2(b.y),
        between: [picture.promises ?? picture.accepts, picture.earlier.accepts],
      };
    }
  }
  return { rings, legs, gap };
}
