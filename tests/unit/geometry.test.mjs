import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clusterLayout, easeInOut, labelAnchor, messageLane, messagePosition, messageTrack, parkedFraction, positionsOnCircle,
  spacetimeScale, stackLines, trackPoint,
} from '../../web/geometry.js';

const distance = (a, b) => Math.hypot(a.x - b.x, a.y - b.y);

test('the first node is at the top, the second to its right (clockwise)', () => {
  const [first, second] = positionsOnCircle(5, { cx: 100, cy: 100, radius: 50 });
  assert.deepEqual(first, { x: 100, y: 50 });
  assert.ok(second.x > 100 && second.y < 100, `second node at ${JSON.stringify(second)}`);
});

test('five nodes lie on the circle, evenly spaced', () => {
  const centre = { x: 0, y: 0 };
  const positions = positionsOnCircle(5, { cx: 0, cy: 0, radius: 10 });
  assert.equal(positions.length, 5);
  for (const point of positions) assert.ok(Math.abs(distance(point, centre) - 10) < 0.01);
  // The chord between neighbours of a regular pentagon is 2 r sin(36 degrees).
  const chord = 2 * 10 * Math.sin(Math.PI / 5);
  positions.forEach((point, index) => {
    const next = positions[(index + 1) % positions.length];
    assert.ok(Math.abs(distance(point, next) - chord) < 0.02, `chord ${index}`);
  });
});

test('coordinates are rounded without negative zero', () => {
  const positions = positionsOnCircle(4, { cx: 0, cy: 0, radius: 1 });
  assert.deepEqual(positions, [{ x: 0, y: -1 }, { x: 1, y: 0 }, { x: 0, y: 1 }, { x: -1, y: 0 }]);
  for (const { x, y } of positions) assert.ok(!Object.is(x, -0) && !Object.is(y, -0));
});

test('bad input is rejected with a message, not turned into NaN', () => {
  const circle = { cx: 0, cy: 0, radius: 1 };
  assert.throws(() => positionsOnCircle(0, circle), /count must be a positive integer, got 0/);
  assert.throws(() => positionsOnCircle(2.5, circle), RangeError);
  assert.throws(() => positionsOnCircle(3, { ...circle, radius: -1 }), /radius must not be negative/);
  assert.throws(() => positionsOnCircle(3, { ...circle, cx: Number.NaN }), /cx must be a finite number/);
  assert.throws(() => clusterLayout(5, { width: 0, height: 10 }), /drawing size must be positive/);
  assert.throws(() => messagePosition({ x: 0, y: 0 }, { x: 1, y: 1 }, Number.NaN), /fraction must be a finite number/);
  assert.throws(() => parkedFraction(-1), /non-negative integer/);
  assert.throws(() => spacetimeScale({ lanes: 0, steps: 3 }), /lanes must be a positive integer/);
});

test('a cluster layout is centred and its nodes fit inside the drawing without overlap', () => {
  for (const size of [{ width: 400, height: 400 }, { width: 640, height: 360 }, { width: 840, height: 560, ringShare: 0.66, nodeShare: 0.115 }]) {
    for (let count = 1; count <= 9; count += 1) {
      const layout = clusterLayout(count, size);
      assert.equal(layout.positions.length, count);
      assert.deepEqual([layout.cx, layout.cy], [size.width / 2, size.height / 2]);
      assert.ok(layout.nodeRadius > 0);
      for (const { x, y } of layout.positions) {
        assert.ok(x - layout.nodeRadius >= 0 && x + layout.nodeRadius <= size.width, `x ${count}`);
        assert.ok(y - layout.nodeRadius >= 0 && y + layout.nodeRadius <= size.height, `y ${count}`);
      }
      for (let i = 0; i < count; i += 1) {
        for (let j = i + 1; j < count; j += 1) {
          const gap = distance(layout.positions[i], layout.positions[j]) - 2 * layout.nodeRadius;
          assert.ok(gap > 0, `nodes ${i} and ${j} of ${count} overlap`);
        }
      }
    }
  }
});

test('messagePosition goes from sender to receiver, trimmed at the node circles', () => {
  const from = { x: 0, y: 0 };
  const to = { x: 100, y: 0 };
  assert.deepEqual(messagePosition(from, to, 0), { x: 0, y: 0 });
  assert.deepEqual(messagePosition(from, to, 1), { x: 100, y: 0 });
  assert.deepEqual(messagePosition(from, to, 0.5), { x: 50, y: 0 });
  assert.deepEqual(messagePosition(from, to, 0, { trim: 10 }), { x: 10, y: 0 });
  assert.deepEqual(messagePosition(from, to, 1, { trim: 10 }), { x: 90, y: 0 });
  // Fractions outside 0..1 stay on the trip.
  assert.deepEqual(messagePosition(from, to, 2, { trim: 10 }), { x: 90, y: 0 });
  assert.deepEqual(messagePosition(from, to, -1), { x: 0, y: 0 });
  // Sender and receiver in one place (a server to itself): the message stays there.
  assert.deepEqual(messagePosition(from, from, 0.5), { x: 0, y: 0 });
});

test('the two directions of a link travel on separate lanes', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 100, y: 0 };
  const there = messagePosition(a, b, 0.5, { offset: 7 });
  const back = messagePosition(b, a, 0.5, { offset: 7 });
  // Moving right in y-down coordinates, "right-hand" is +y; moving left it is -y.
  assert.deepEqual(there, { x: 50, y: 7 });
  assert.deepEqual(back, { x: 50, y: -7 });
  const lane = messageLane(a, b, { trim: 10, offset: 7 });
  assert.deepEqual(lane, { x1: 10, y1: 7, x2: 90, y2: 7 });
});

/** messagePosition worked out directly: `along` the trip from the sender, `offset` aside. */
function alongAndAside(from, to, fraction, { trim, offset }) {
  const length = distance(from, to);
  if (length === 0) return { x: from.x, y: from.y };
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  const along = trim + (length - 2 * trim) * Math.min(1, Math.max(0, fraction));
  return { x: from.x + ux * along - uy * offset, y: from.y + uy * along + ux * offset };
}

test('a message track worked out once places the message as messagePosition does', () => {
  const ring = clusterLayout(9, { width: 840, height: 610, ringShare: 0.6, nodeShare: 0.105 });
  const options = { trim: ring.nodeRadius, offset: 7 };
  for (const from of ring.positions) {
    for (const to of ring.positions) {
      const track = messageTrack(from, to, options);
      for (const fraction of [-0.5, 0, 0.013, 0.25, 0.5, 0.777, 1, 1.5]) {
        const expected = alongAndAside(from, to, fraction, options);
        const point = trackPoint(track, fraction);
        assert.deepEqual(messagePosition(from, to, fraction, options), point);
        // Both round to 1/100 of a unit; the two ways of summing may differ by one step.
        assert.ok(Math.abs(point.x - expected.x) <= 0.010001 && Math.abs(point.y - expected.y) <= 0.010001,
          `${JSON.stringify(point)} vs ${JSON.stringify(expected)}`);
      }
    }
  }
  const track = messageTrack({ x: 0, y: 0 }, { x: 100, y: 0 }, { trim: 10, offset: 7 });
  assert.deepEqual(track, { x: 10, y: 7, dx: 80, dy: 0 });
  assert.deepEqual(trackPoint(track, 0.5), { x: 50, y: 7 });
  assert.deepEqual(trackPoint(track, 2), { x: 90, y: 7 });
  assert.deepEqual(messageTrack({ x: 3, y: 4 }, { x: 3, y: 4 }, { offset: 7 }), { x: 3, y: 4, dx: 0, dy: 0 });
  assert.throws(() => trackPoint(track, Number.NaN), /fraction must be a finite number/);
});

test('waiting messages on one link are parked apart, then the slots repeat', () => {
  const slots = [0, 1, 2, 3, 4].map(parkedFraction);
  assert.deepEqual(slots, [0.5, 0.35, 0.65, 0.2, 0.8]);
  assert.equal(new Set(slots).size, 5);
  assert.equal(parkedFraction(5), 0.5);
  for (const fraction of slots) assert.ok(fraction > 0 && fraction < 1);
});

test('easeInOut starts and ends in place and is symmetric', () => {
  assert.equal(easeInOut(0), 0);
  assert.equal(easeInOut(1), 1);
  assert.equal(easeInOut(0.5), 0.5);
  assert.ok(Math.abs(easeInOut(0.25) + easeInOut(0.75) - 1) < 1e-12);
  assert.equal(easeInOut(-3), 0);
  assert.equal(easeInOut(3), 1);
});

test('node text goes outside the ring: above the top node, beside side nodes', () => {
  const centre = { x: 100, y: 100 };
  assert.deepEqual(labelAnchor({ x: 100, y: 20 }, centre, 10), { x: 100, y: 10, anchor: 'middle', stack: 'up' });
  assert.deepEqual(labelAnchor({ x: 100, y: 180 }, centre, 10), { x: 100, y: 190, anchor: 'middle', stack: 'down' });
  assert.deepEqual(labelAnchor({ x: 180, y: 90 }, centre, 10), { x: 190, y: 90, anchor: 'start', stack: 'centre' });
  assert.deepEqual(labelAnchor({ x: 20, y: 110 }, centre, 10), { x: 10, y: 110, anchor: 'end', stack: 'centre' });
});

test('stacked lines grow away from the node', () => {
  const up = stackLines({ x: 0, y: 100, anchor: 'middle', stack: 'up' }, 3, 10);
  assert.deepEqual(up, [80, 90, 100]);
  const down = stackLines({ x: 0, y: 100, anchor: 'middle', stack: 'down' }, 2, 10);
  assert.ok(down[0] > 100 && down[1] > down[0]);
  const centred = stackLines({ x: 0, y: 100, anchor: 'start', stack: 'centre' }, 3, 10);
  assert.equal(centred[1] - centred[0], 10);
  assert.ok(centred[0] < 100 && centred[2] > 100);
});

test('the space-time scale maps steps to columns and lanes to rows, and back', () => {
  const scale = spacetimeScale({ lanes: 5, steps: 10, left: 50, top: 20, laneHeight: 40, stepWidth: 30, right: 10 });
  assert.equal(scale.x(0), 50);
  assert.equal(scale.x(3), 140);
  assert.equal(scale.y(0), 40);
  assert.equal(scale.y(4), 200);
  assert.equal(scale.width, 50 + 300 + 10);
  assert.equal(scale.stepAt(140), 3);
  assert.equal(scale.stepAt(154), 3);
  assert.equal(scale.stepAt(156), 4);
  assert.equal(scale.stepAt(-100), 0);
  assert.equal(scale.stepAt(10_000), 10);
});
