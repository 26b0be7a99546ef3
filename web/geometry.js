// Pure geometry of the two drawings. No DOM and no state, so `node --test` can check it and
// every drawing decision is a function of its inputs. SVG coordinates: y grows down.

/** Rounds to 1/100 of a user unit: clean SVG attributes, and no -0 or 1e-15 noise. */
export function round2(value) {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

function requireFinite(name, value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

const clamp01 = (value) => Math.min(1, Math.max(0, value));

/**
 * Points evenly spaced on a circle, the first at the top (12 o'clock), then clockwise,
 * so S1 is always at the top and the order reads like a clock.
 * @returns {{x: number, y: number}[]}
 */
export function positionsOnCircle(count, { cx, cy, radius }) {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`count must be a positive integer, got ${String(count)}`);
  }
  requireFinite('cx', cx);
  requireFinite('cy', cy);
  requireFinite('radius', radius);
  if (radius < 0) throw new RangeError(`radius must not be negative, got ${radius}`);
  const positions = [];
  for (let index = 0; index < count; index += 1) {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
    positions.push({ x: round2(cx + radius * Math.cos(angle)), y: round2(cy + radius * Math.sin(angle)) });
  }
  return positions;
}

/**
 * Layout of `count` server nodes in a width x height drawing: the ring is centred, the
 * node circles never overlap each other and never cross the drawing's edge.
 * `ringShare` and `nodeShare` are the ring's and the nodes' radius as shares of the
 * half-size (what is left over is room for the nodes' text).
 * @returns {{cx: number, cy: number, ringRadius: number, nodeRadius: number,
 *            positions: {x: number, y: number}[]}}
 */
export function clusterLayout(count, { width, height, ringShare = 0.7, nodeShare = 0.2 }) {
  requireFinite('width', width);
  requireFinite('height', height);
  if (width <= 0 || height <= 0) {
    throw new RangeError(`drawing size must be positive, got ${width} x ${height}`);
  }
  const half = Math.min(width, height) / 2;
  const ringRadius = count === 1 ? 0 : half * ringShare;
  // Half the distance between neighbours, with a gap, bounds the node size on a crowded
  // ring; the rest of the margin keeps the outer edge of each node inside the drawing.
  const neighbourLimit = count === 1 ? Infinity : ringRadius * Math.sin(Math.PI / count) * 0.9;
  const nodeRadius = round2(Math.min(half * nodeShare, neighbourLimit));
  const cx = width / 2;
  const cy = height / 2;
  return {
    cx,
    cy,
    ringRadius,
    nodeRadius,
    positions: positionsOnCircle(count, { cx, cy, radius: ringRadius }),
  };
}

/**
 * Where a message is after `fraction` (0 = leaving, 1 = arriving) of its trip from `from` to
 * `to`, as in RaftScope's messagePosition. The trip starts and ends `trim` units outside the
 * centres (on the node circles, not inside them), and runs `offset` units to the right of
 * the line, so S1->S2 and S2->S1 travel on two lanes instead of on top of each other.
 * @returns {{x: number, y: number}}
 */
export function messagePosition(from, to, fraction, options) {
  return trackPoint(messageTrack(from, to, options), fraction);
}

/**
 * A message's trip from `from` to `to` (options as messagePosition) worked out once, so that
 * placing it at many fractions (once per animation frame) is two multiplications:
 * trackPoint(messageTrack(from, to, options), f) is messagePosition(from, to, f, options).
 * @returns {{x: number, y: number, dx: number, dy: number}} start point and whole way
 */
export function messageTrack(from, to, { trim = 0, offset = 0 } = {}) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return { x: from.x, y: from.y, dx: 0, dy: 0 };
  const ux = dx / length;
  const uy = dy / length;
  const usable = Math.max(0, length - 2 * trim);
  // The right-hand normal of (ux, uy) in y-down coordinates is (-uy, ux).
  return { x: from.x + ux * trim - uy * offset, y: from.y + uy * trim + ux * offset, dx: ux * usable, dy: uy * usable };
}

/** The point `fraction` (clamped to 0..1) of the way along a messageTrack. */
export function trackPoint(track, fraction) {
  requireFinite('fraction', fraction);
  const f = clamp01(fraction);
  return { x: round2(track.x + track.dx * f), y: round2(track.y + track.dy * f) };
}

/** The segment a message travels on (fractions 0 and 1 of messagePosition). */
export function messageLane(from, to, options) {
  const start = messagePosition(from, to, 0, options);
  const end = messagePosition(from, to, 1, options);
  return { x1: start.x, y1: start.y, x2: end.x, y2: end.y };
}

/**
 * Where the k-th waiting message on one directed link rests while the network is manual
 * (it moves only when someone delivers it): 0.5, 0.35, 0.65, 0.2, 0.8, then round again, so
 * several waiting messages on one link stay apart.
 */
export function parkedFraction(index) {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`index must be a non-negative integer, got ${String(index)}`);
  }
  const slot = index % 5;
  const side = slot % 2 === 1 ? -1 : 1;
  return round2(0.5 + side * Math.ceil(slot / 2) * 0.15);
}

/** Smooth start and stop for a trip: 0 -> 0, 1 -> 1, symmetric around 0.5. */
export function easeInOut(t) {
  const x = clamp01(t);
  return x < 0.5 ? 2 * x * x : 1 - 2 * (1 - x) * (1 - x);
}

/**
 * Where a node's text goes: outside the ring, away from the centre. Nodes near the top or
 * bottom get centred text above or below them; side nodes get text to their side.
 * @returns {{x: number, y: number, anchor: 'start'|'middle'|'end', stack: 'up'|'down'|'centre'}}
 */
export function labelAnchor(point, centre, gap) {
  const dx = point.x - centre.x;
  const dy = point.y - centre.y;
  if (Math.abs(dx) < Math.abs(dy) * 0.6 || (dx === 0 && dy === 0)) {
    const up = dy < 0;
    return { x: round2(point.x), y: round2(point.y + (up ? -gap : gap)), anchor: 'middle', stack: up ? 'up' : 'down' };
  }
  const right = dx > 0;
  return { x: round2(point.x + (right ? gap : -gap)), y: round2(point.y), anchor: right ? 'start' : 'end', stack: 'centre' };
}

/**
 * Baselines for `count` lines of text at an anchor from labelAnchor: growing upwards (the
 * last line nearest the node), downwards, or centred on the anchor.
 */
export function stackLines(anchor, count, lineHeight) {
  const ys = [];
  for (let index = 0; index < count; index += 1) {
    let y;
    if (anchor.stack === 'up') y = anchor.y - (count - 1 - index) * lineHeight;
    else if (anchor.stack === 'down') y = anchor.y + (index + 1) * lineHeight - lineHeight * 0.25;
    else y = anchor.y + (index - (count - 1) / 2) * lineHeight + lineHeight * 0.35;
    ys.push(round2(y));
  }
  return ys;
}

/**
 * Scales of the space-time diagram: one lane per server (y), one column per step (x).
 * Step 0 (the start) is the first column.
 */
export function spacetimeScale({ lanes, steps, left = 56, top = 28, laneHeight = 44, stepWidth = 34, right = 40 }) {
  if (!Number.isInteger(lanes) || lanes < 1) throw new RangeError(`lanes must be a positive integer, got ${lanes}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  const x = (step) => round2(left + step * stepWidth);
  const y = (lane) => round2(top + lane * laneHeight + laneHeight / 2);
  const stepAt = (px) => Math.min(steps, Math.max(0, Math.round((px - left) / stepWidth)));
  return {
    x,
    y,
    stepAt,
    width: round2(left + steps * stepWidth + right),
    height: round2(top + lanes * laneHeight + 12),
    left,
    top,
    laneHeight,
    stepWidth,
  };
}
