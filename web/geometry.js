// Pure geometry of the cluster view. No DOM and no state, so `node --test` can check it
// and every drawing decision is a function of its inputs. SVG coordinates: y grows down.

/** Rounds to 1/100 of a user unit: clean SVG attributes, and no -0 or 1e-15 noise. */
function round2(value) {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

function requireFinite(name, value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

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
 * @returns {{cx: number, cy: number, ringRadius: number, nodeRadius: number,
 *            positions: {x: number, y: number}[]}}
 */
export function clusterLayout(count, { width, height }) {
  requireFinite('width', width);
  requireFinite('height', height);
  if (width <= 0 || height <= 0) {
    throw new RangeError(`drawing size must be positive, got ${width} x ${height}`);
  }
  const half = Math.min(width, height) / 2;
  const ringRadius = count === 1 ? 0 : half * 0.7;
  // Half the distance between neighbours, with a gap, bounds the node size on a crowded
  // ring; the rest of the margin keeps the outer edge of each node inside the drawing.
  const neighbourLimit = count === 1 ? Infinity : ringRadius * Math.sin(Math.PI / count) * 0.9;
  const nodeRadius = round2(Math.min(half * 0.2, neighbourLimit));
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
