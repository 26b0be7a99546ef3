// Where everything in the cluster drawing goes, decided in one pure step (no DOM; sizes of
// text come in measured). Things are placed in order of importance, each only where it
// overlaps nothing placed before it (web/layout/boxes.js): the servers with their marks, each
// server's text, the corner captions, the chosen value, then the messages, oldest first.
// A message with no room for its whole text shows less of it (its body, then a bare dot);
// one with no room even for a dot is folded with the ones behind it into a "+N" pill. So
// nothing overlaps, by construction, for any number of servers and messages.
//
// Placement is stable: `memory` (kept by the caller from one step to the next) holds where
// each thing was, and a thing goes back there while that is still free, so stepping moves
// only what the step changed.
import { positionsOnCircle, round2 } from '../geometry.js';
import { CLEAR, OUTSIDE, boxAt, Occupancy } from './boxes.js';

export const PILL_HEIGHT = 18;
/** A bare pill: a round dot in its kind's colour, with its arrowhead. */
export const BARE_WIDTH = PILL_HEIGHT;
/** Pills ride this far to the right of their link, so A->B and B->A keep apart. */
export const LANE_OFFSET = 7;
/** Room beside a server's circle for its marks (chosen, group, ∩), and above and below it for its halo. */
export const SERVER_PAD = 12;
const HALO = 6;
/** Height of a line of a server's text. */
export const LINE = 16;
const ARROW = 7;
/** A pill may ride on its lane, or one pill's height to either side of it when that is taken. */
const SIDES = [0, PILL_HEIGHT + 3, -PILL_HEIGHT - 3];
/** Search step along a link, in drawing units. */
const STEP = 5;
/** Space kept between the drawing's edge and corner captions. */
const EDGE = 4;

/** The two drawings: wide, each server's text beside it; narrow, the ring alone. */
export const VIEWS = {
  wide: { width: 840, height: 460, nodeRadius: 30, textRoom: 190 },
  narrow: { width: 440, height: 400, nodeRadius: 30, textRoom: 0 },
};

/**
 * Servers evenly spaced on a circle, S1 at the top and then clockwise; one server in the
 * middle. The circle is as large as the drawing allows, keeping `textRoom` beside the
 * outermost servers for their text; the polygon is centred on its own height (an odd
 * polygon's flat bottom is nearer its centre than its top vertex).
 */
export function ringLayout(count, view) {
  let bottom = 1;
  let widest = 0;
  for (let k = 0; k < count; k += 1) {
    const angle = (2 * Math.PI * k) / count;
    bottom = Math.min(bottom, Math.cos(angle));
    widest = Math.max(widest, Math.abs(Math.sin(angle)));
  }
  const radiusFor = (half) => {
    const tall = (view.height - 2 * (half + EDGE)) / (1 - bottom);
    const wide = widest ? (view.width / 2 - half - EDGE - view.textRoom) / widest : Infinity;
    return count === 1 ? 0 : Math.min(tall, wide);
  };
  let nodeRadius = view.nodeRadius;
  let radius = radiusFor(nodeRadius + SERVER_PAD);
  // Neighbours' boxes must not overlap: on a crowded ring (nine servers on a small drawing)
  // the servers get smaller rather than closer.
  const step = (2 * Math.PI) / count;
  let apart = Infinity;
  for (let k = 0; k < count && count > 1; k += 1) {
    const a = k * step;
    apart = Math.min(apart, radius * Math.max(Math.abs(Math.sin(a + step) - Math.sin(a)), Math.abs(Math.cos(a + step) - Math.cos(a))));
  }
  if (apart < 2 * (nodeRadius + SERVER_PAD) + CLEAR) {
    nodeRadius = Math.floor((apart - CLEAR) / 2 - SERVER_PAD);
    radius = radiusFor(nodeRadius + SERVER_PAD);
  }
  const cx = view.width / 2;
  const cy = round2(view.height / 2 + (radius * (1 + bottom)) / 2);
  return { cx, cy, radius, nodeRadius, positions: positionsOnCircle(count, { cx, cy, radius }) };
}

/** The lane from server point `a` to `b`, LANE_OFFSET to the right of the link. */
export function laneOf(a, b) {
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  // The right-hand normal of (ux, uy), y growing down, is (-uy, ux).
  return { ux, uy, length, x: b.x - uy * LANE_OFFSET, y: b.y + ux * LANE_OFFSET };
}

/** The point `s` units back along `lane` from its destination's centre, `side` units to its right. */
export function lanePoint(lane, s, side = 0) {
  return { x: round2(lane.x - lane.ux * s - lane.uy * side), y: round2(lane.y - lane.uy * s + lane.ux * side) };
}

/**
 * A pill of `width` on `lane`, relative to its centre: its arrowhead (three points, the tip
 * on the lane toward the destination, the base on the pill's edge) and the box around both.
 */
export function pillShape(lane, width) {
  const { ux, uy } = lane;
  const edge = Math.min(ux ? width / 2 / Math.abs(ux) : Infinity, uy ? PILL_HEIGHT / 2 / Math.abs(uy) : Infinity);
  const at = (along, side) => [round2(ux * along - uy * side), round2(uy * along + ux * side)];
  const arrow = [at(edge + ARROW, 0), at(edge, 4.5), at(edge, -4.5)];
  const xs = [width / 2, -width / 2, ...arrow.map((p) => p[0])];
  const ys = [PILL_HEIGHT / 2, -PILL_HEIGHT / 2, ...arrow.map((p) => p[1])];
  return { width, arrow, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/**
 * The lane from server `from` to `to` on `ring`, made once per ring and kept on it with the
 * pill shapes made on it (`laneShape`): a busy step asks for the same few hundred shapes at
 * every render, and making them anew was a good part of the garbage an action left.
 */
function ringLane(ring, from, to) {
  ring.lanes ??= new Map();
  const key = from * 16 + to;
  let lane = ring.lanes.get(key);
  if (!lane) {
    lane = Object.assign(laneOf(ring.positions[from - 1], ring.positions[to - 1]), { shapes: new Map() });
    ring.lanes.set(key, lane);
  }
  return lane;
}

/** Widths kept per lane (a long run measures many texts; past this the lane starts again). */
const SHAPES_PER_LANE_MAX = 256;

/** `pillShape(lane, width)`, kept on a lane made by `ringLane`. */
function laneShape(lane, width) {
  let shape = lane.shapes.get(width);
  if (!shape) {
    if (lane.shapes.size >= SHAPES_PER_LANE_MAX) lane.shapes.clear();
    shape = pillShape(lane, width);
    lane.shapes.set(width, shape);
  }
  return shape;
}

const shifted = (shape, point) => ({ x0: point.x + shape.x0, y0: point.y + shape.y0, x1: point.x + shape.x1, y1: point.y + shape.y1 });

/** The width of a "+N" pill's text, generously (digits and the plus are about 0.6em). */
export const overflowWidth = (count) => 14 + 7.5 * String(count).length;

/**
 * Lays out one step of the drawing.
 * @param {object} scene
 *   view: VIEWS.wide or VIEWS.narrow; ring: ringLayout's result for it;
 *   labels: per server (index id - 1) the size {width, height} of its text, or null;
 *   corners: [{key, width, height}], captions for the drawing's edges, most important first;
 *   centre: {width, height} of the chosen value's caption, or null;
 *   pills: [{key, from, to, width, shortWidth, fraction}] in send order; width: the pill's
 *     with its whole text, shortWidth: with its body only (optional); fraction: how far
 *     along its trip a flying message is (0..1), null for one parked on its link (manual);
 *   unshown: (count) => {width, height}, the size of the caption that counts the messages
 *     with no room on the drawing at all;
 *   ghost: {key, from, to, width} the message the step delivered or dropped, or null: it is
 *     given the place it waited in (if remembered), `free` when nothing covers it now.
 * @param {Map} memory where things were at the previous layouts; updated
 * @returns {{occupancy: Occupancy, labels: object[], corners: Map, centre: object|null,
 *   pills: Map, overflow: object[], ghost: object|null, hidden: number,
 *   unshown: object|null}} (each pill's `form`: 'full', 'short' or 'bare', most legible
 *   first, see `placePills`; `hidden`: how many messages have no room; `unshown` the box of
 *   the caption that says so)
 */
export function layoutCluster(scene, memory) {
  const { view, ring } = scene;
  const occupancy = new Occupancy(view.width, view.height);
  // A server's box: its circle and halo, and at the sides its marks (chosen, group, ∩).
  const half = { x: ring.nodeRadius + SERVER_PAD, y: ring.nodeRadius + HALO };
  ring.positions.forEach((p, index) => occupancy.add(boxAt(p.x, p.y, 2 * half.x, 2 * half.y), { kind: 'server', id: index + 1 }));

  const labels = (scene.labels ?? []).map((size, index) => occupancy.take(labelSpots(ring.positions[index], ring, half, size), { kind: 'label', id: index + 1 }));

  const corners = new Map();
  for (const corner of scene.corners ?? []) {
    const box = occupancy.take(edgeSpots(view, corner), { kind: 'corner', key: corner.key });
    if (box) corners.set(corner.key, box);
  }

  const centre = scene.centre ? occupancy.take(centreSpots(ring, scene.centre), { kind: 'centre' }) : null;

  const { pills, overflow, hidden } = placePills(scene.pills ?? [], ring, occupancy, memory);
  // Messages with no room on their link at all (a crowded ring) are counted along an edge.
  const unshown = hidden && scene.unshown ? occupancy.take(edgeSpots(view, scene.unshown(hidden)), { kind: 'corner', key: 'unshown' }) : null;

  // The message the step delivered or dropped, where it waited: drawn there only if free.
  let ghost = null;
  const was = scene.ghost && memory.get(scene.ghost.key);
  if (was) {
    const lane = laneOf(ring.positions[scene.ghost.from - 1], ring.positions[scene.ghost.to - 1]);
    const shape = pillShape(lane, scene.ghost.width);
    const point = lanePoint(lane, was.s, was.side);
    const free = Boolean(occupancy.take([shifted(shape, point)], { kind: 'ghost', key: scene.ghost.key }));
    ghost = { ...point, lane, shape, free };
  }
  return { occupancy, labels, corners, centre, pills, overflow, ghost, hidden, unshown };
}

/**
 * Where a server's text may go, best first: beside the server away from the middle of the
 * ring (text beside a server costs no height), then above or below it, then the other side;
 * each slid a little along its side when the straight spot is taken.
 */
function* labelSpots(p, ring, half, { width, height }) {
  const dx = p.x - ring.cx;
  const dy = p.y - ring.cy;
  const gap = CLEAR + 1;
  const out = dx < -1 ? -1 : 1;
  const sides = [[out, 0], [0, dy < 0 ? -1 : 1], [0, dy < 0 ? 1 : -1], [-out, 0]];
  // On a crowded ring the last resort is further in, past the neighbours' boxes.
  for (const push of [0, 0.5, 1]) {
    for (const [sx, sy] of sides) {
      for (const slide of [0, -1, 1, -2, 2]) {
        const x = sx ? p.x + sx * (half.x + gap + width / 2 + push * width) : p.x + (slide * width) / 4;
        const y = sy ? p.y + sy * (half.y + gap + height / 2 + push * height) : p.y + (slide * height) / 4;
        // Which side of the server it is on: sx 1 right, -1 left; sy -1 above, 1 below.
        yield Object.assign(boxAt(x, y, width, height), { sx, sy });
      }
    }
  }
}

/** Along the top edge, left to right, then along the bottom edge. */
export function* edgeSpots(view, { width, height }) {
  for (const y of [EDGE, view.height - EDGE - height]) {
    for (let x = EDGE; x + width + EDGE <= view.width; x += 8) yield { x0: x, y0: y, x1: x + width, y1: y + height };
  }
}

/** The middle of the ring, then further and further below and above it. */
function* centreSpots(ring, { width, height }) {
  for (let distance = 0; distance < 400; distance += 10) {
    yield boxAt(ring.cx, ring.cy + distance, width, height);
    yield boxAt(ring.cx, ring.cy - distance, width, height);
  }
}

/**
 * Where on `lane` a pill of `shape` fits, trying s = start, start + STEP, start - STEP,
 * start + 2 STEP, ... within [low, high] (from `low` itself: a queue, from its head
 * backwards), at each s on the lane and then beside it: {s, side, box} taken for `item`
 * (or only found, when `item` is null), or null.
 *
 * A busy step asks this for every message, and most lanes have little room left. So each
 * side of the lane is searched on its own, each way from `start`: when a taken box blocks
 * a spot, the stretch of that side it blocks that way (an open interval of s: the pill
 * moves in a straight line) is passed over without asking the occupancy about each spot in
 * it, and a search stops where it could no longer beat what another found. The spot taken
 * is the one the one-by-one search would take, and every spot taken is one the occupancy
 * said fits.
 */
export function findOnLane(occupancy, lane, shape, [start, low, high], item, sides = SIDES) {
  // The one-by-one order: an upward k (s = start + k STEP) ranks 2k - 1, a downward k
  // ranks 2k; at one s, the sides in their order.
  let best = null;
  for (let index = 0; index < sides.length; index += 1) {
    for (const way of WAYS) {
      const found = firstFree(occupancy, lane, shape, sides[index], start, way === 1 ? high : low, way, best === null ? Infinity : best.rank);
      if (found !== null) best = { rank: found.rank, s: found.s, side: sides[index] };
    }
  }
  if (best === null) return null;
  const { s, side } = best;
  const x = lane.x - lane.ux * s - lane.uy * side;
  const y = lane.y - lane.uy * s + lane.ux * side;
  const box = shifted(shape, { x, y });
  return { s, side, box: item === null ? box : occupancy.add(box, item) };
}

/** Up the lane (s growing), then down. */
const WAYS = [1, -1];

/**
 * The first spot free on one side of `lane` going one way (`way` 1: up to `end`; -1: down
 * to it) that ranks before `beat`: {s, rank}, or null. No arrays or closures are made per
 * spot: a busy step tries thousands.
 */
function firstFree(occupancy, lane, shape, side, start, end, way, beat) {
  const probe = PROBE;
  for (let k = way === 1 ? 0 : 1; ;) {
    const rank = way === 1 ? 2 * k - 1 : 2 * k;
    const s = start + way * k * STEP;
    if (rank >= beat || (way === 1 ? s > end : s < end)) return null;
    const x = lane.x - lane.ux * s - lane.uy * side;
    const y = lane.y - lane.uy * s + lane.ux * side;
    probe.x0 = x + shape.x0;
    probe.y0 = y + shape.y0;
    probe.x1 = x + shape.x1;
    probe.y1 = y + shape.y1;
    const blocker = occupancy.blockerOf(probe);
    if (blocker === null) return { s, rank };
    // (Only a span that holds this spot says anything about the next ones that way.)
    const jump = blocker !== OUTSIDE && spanInto(lane, shape, side, blocker, SPAN) && SPAN.from < s && s < SPAN.to
      ? Math.ceil((way === 1 ? SPAN.to - start : start - SPAN.from) / STEP) : 0;
    k = Math.max(k + 1, jump);
  }
}

/** The box findOnLane() asks about (one object, reused). */
const PROBE = { x0: 0.5, y0: 0.5, x1: 0.5, y1: 0.5 };

/** The span spanInto() found last (one object, reused). */
const SPAN = { from: 0.5, to: 0.5 };

/**
 * Writes into `span` ({from, to}) the values of s (an open interval) for which a pill of
 * `shape` at s on `lane`, `side` units to its right, comes within CLEAR of `box` (the
 * occupancy's own test, solved for s); false (and `span` unchanged) if for none. Each axis
 * gives an interval, as the pill's centre moves along the lane by (-ux, -uy) per unit of s;
 * the pill is blocked where both hold.
 */
function spanInto(lane, shape, side, box, span) {
  // On one axis the pill spans [at - u s + lo, at - u s + hi]; it is within CLEAR of
  // [b0, b1] where at - u s + lo - CLEAR < b1 and b0 < at - u s + hi + CLEAR, i.e. where
  // u s lies in (at + lo - CLEAR - b1, at + hi + CLEAR - b0).
  const xAt = lane.x - lane.uy * side;
  const yAt = lane.y + lane.ux * side;
  const xLow = xAt + shape.x0 - CLEAR - box.x1;
  const xHigh = xAt + shape.x1 + CLEAR - box.x0;
  const yLow = yAt + shape.y0 - CLEAR - box.y1;
  const yHigh = yAt + shape.y1 + CLEAR - box.y0;
  let from = -Infinity;
  let to = Infinity;
  if (lane.ux === 0) {
    if (!(xLow < 0 && 0 < xHigh)) return false;
  } else {
    from = Math.max(from, (lane.ux > 0 ? xLow : xHigh) / lane.ux);
    to = Math.min(to, (lane.ux > 0 ? xHigh : xLow) / lane.ux);
  }
  if (lane.uy === 0) {
    if (!(yLow < 0 && 0 < yHigh)) return false;
  } else {
    from = Math.max(from, (lane.uy > 0 ? yLow : yHigh) / lane.uy);
    to = Math.min(to, (lane.uy > 0 ? yHigh : yLow) / lane.uy);
  }
  if (!(from < to)) return false;
  span.from = from;
  span.to = to;
  return true;
}

/**
 * The messages. A parked message queues on its lane in send order (the oldest nearest its
 * destination); one that was drawn before goes back to its place while that is free, and
 * those are placed first, so a message placed anew (just sent, or out of a "+N") never
 * takes the place of one already on screen. A flying message goes to the free spot nearest
 * where its trip has taken it. Those that find no room fold, with the tail of their lane's
 * queue, into one "+N" pill at the tail.
 */
function placePills(list, ring, occupancy, memory) {
  const pills = new Map();
  const lanes = new Map();
  const trim = ring.nodeRadius;
  const entries = list.map((pill, order) => {
    const laneKey = `${pill.from}-${pill.to}`;
    let state = lanes.get(laneKey);
    if (!state) {
      // `full`: the narrowest pill that found no room (one as wide, or wider, will not either).
      state = { key: laneKey, lane: ringLane(ring, pill.from, pill.to), placed: [], folded: 0, full: Infinity };
      lanes.set(laneKey, state);
    }
    const shapes = {
      full: laneShape(state.lane, pill.width),
      short: pill.shortWidth < pill.width ? laneShape(state.lane, pill.shortWidth) : null,
      bare: laneShape(state.lane, BARE_WIDTH),
    };
    return { pill, order, state, shapes };
  });
  // The stretch of its lane a parked message may take: behind those sent before it, ahead
  // of those sent after it.
  const room = ({ state, order }) => {
    let low = trim;
    let high = state.lane.length - trim;
    for (const spot of state.placed) {
      if (spot.order < order) low = Math.max(low, spot.s + STEP);
      else high = Math.min(high, spot.s - STEP);
    }
    return [low, high];
  };
  const item = (entry) => ({ kind: 'pill', key: entry.pill.key });
  const place = (entry, range, sides, form) => {
    const spot = findOnLane(occupancy, entry.state.lane, entry.shapes[form], range, item(entry), sides);
    return spot !== null && keep(entry, spot, form);
  };
  const keep = (entry, spot, form) => {
    const { pill, state } = entry;
    const shape = entry.shapes[form];
    spot.order = entry.order;
    state.placed.push(spot);
    // (Written out: spreading lanePoint()'s result here cost a third of the whole layout.)
    const { x, y } = lanePoint(state.lane, spot.s, spot.side);
    pills.set(pill.key, { x, y, s: spot.s, side: spot.side, lane: state.lane, shape, form });
    if (pill.fraction === null) memory.set(pill.key, { s: spot.s, side: spot.side, form });
    return true;
  };
  for (const entry of entries) {
    const was = entry.pill.fraction === null ? memory.get(entry.pill.key) : undefined;
    const [low, high] = room(entry);
    // Its place before, if it is still in its stretch and free (on the side it was, in the
    // form it had: a pill does not change size while it waits).
    entry.done = was?.s >= low && was.s <= high && Boolean(entry.shapes[was.form])
      && place(entry, [was.s, was.s, was.s], [was.side], was.form);
  }
  // Each in its first form that has room: its whole text, else its body (ballot and value;
  // the kind is its colour), else a bare arrowed dot; the text it does not show is its
  // tooltip and accessible name. Only a pill with no room even for a dot folds into "+N".
  for (const entry of entries) {
    if (entry.done) continue;
    const { lane } = entry.state;
    const [low, high] = room(entry);
    const start = entry.pill.fraction === null ? low : trim + (1 - entry.pill.fraction) * (lane.length - 2 * trim);
    const range = entry.pill.fraction === null ? [low, low, high] : [start, trim, lane.length - trim];
    entry.done = placeInForms(entry, range);
    if (!entry.done) entry.state.folded += 1;
  }
  // The forms in order, but when the whole text has no room, first whether a dot has: each
  // form's box holds the smaller ones' (same centre, same lane), so where no dot fits no
  // form does, and most messages of a crowded step find that out once instead of twice.
  function placeInForms(entry, range) {
    const { state, shapes } = entry;
    const tried = (form, placed) => {
      if (!placed) state.full = Math.min(state.full, shapes[form].width);
      return placed;
    };
    const open = (form) => shapes[form] && shapes[form].width < state.full;
    if (open('full') && tried('full', place(entry, range, SIDES, 'full'))) return true;
    if (!open('bare')) return false;
    const dot = findOnLane(occupancy, state.lane, shapes.bare, range, null);
    if (!tried('bare', dot)) return false;
    if (open('short') && tried('short', place(entry, range, SIDES, 'short'))) return true;
    // (No short form taken: the dot's spot is still free.)
    dot.box = occupancy.add(dot.box, item(entry));
    return keep(entry, dot, 'bare');
  }

  const overflow = [];
  let hidden = 0;
  for (const state of lanes.values()) {
    let count = state.folded;
    state.placed.sort((a, b) => a.s - b.s);
    while (count > 0) {
      const tail = state.placed.pop();
      if (tail) {
        occupancy.release((taken) => taken === tail.box.item);
        pills.delete(tail.box.item.key);
        count += 1;
      }
      const shape = laneShape(state.lane, overflowWidth(count));
      const from = tail ? tail.s : trim;
      const spot = findOnLane(occupancy, state.lane, shape, [from, from, state.lane.length - trim], { kind: 'more', key: state.key });
      if (spot) {
        const { x, y } = lanePoint(state.lane, spot.s, spot.side);
        overflow.push({ key: state.key, count, x, y, s: spot.s, lane: state.lane, shape });
        break;
      }
      if (!tail) {
        hidden += count;
        break;
      }
    }
  }
  return { pills, overflow, hidden };
}
