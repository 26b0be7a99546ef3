// Pure geometry of the two drawings. No DOM and no state, so `node --test` can check it and
// every drawing decision is a function of its inputs. SVG coordinates: y grows down. Where
// the cluster drawing's labels and pills go is web/layout/.

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

/** Smooth start and stop for a trip: 0 -> 0, 1 -> 1, symmetric around 0.5. */
export function easeInOut(t) {
  const x = clamp01(t);
  return x < 0.5 ? 2 * x * x : 1 - 2 * (1 - x) * (1 - x);
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
