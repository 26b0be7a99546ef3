import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterLayout, positionsOnCircle } from '../../web/geometry.js';

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
});

test('a cluster layout is centred and its nodes fit inside the drawing without overlap', () => {
  for (const size of [{ width: 400, height: 400 }, { width: 640, height: 360 }]) {
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
