import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easeInOut, positionsOnCircle, spacetimeScale } from '../../web/geometry.js';

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
  assert.throws(() => spacetimeScale({ lanes: 0, steps: 3 }), /lanes must be a positive integer/);
});

test('easeInOut starts and ends in place and is symmetric', () => {
  assert.equal(easeInOut(0), 0);
  assert.equal(easeInOut(1), 1);
  assert.equal(easeInOut(0.5), 0.5);
  assert.ok(Math.abs(easeInOut(0.25) + easeInOut(0.75) - 1) < 1e-12);
  assert.equal(easeInOut(-3), 0);
  assert.equal(easeInOut(3), 1);
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
