import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PACE, SPEEDS, advance, flightFraction, nextSpeed, segmentSeconds, tickAt } from '../../web/timeline.js';

test('a segment lasts as many ticks as pass, or a fixed time for a step that takes none', () => {
  assert.equal(segmentSeconds({ tickFrom: 2, tickTo: 5, travels: false }, 1), 3 * PACE.secondsPerTick);
  assert.equal(segmentSeconds({ tickFrom: 0, tickTo: 0, travels: true }, 1), PACE.secondsPerManualStep);
  assert.equal(segmentSeconds({ tickFrom: 4, tickTo: 4, travels: false }, 1), PACE.secondsPerInstantStep);
  assert.equal(segmentSeconds({ tickFrom: 0, tickTo: 0, travels: true }, 2), PACE.secondsPerManualStep / 2);
  assert.throws(() => segmentSeconds({ tickFrom: 0, tickTo: 1 }, 0), /speed must be positive/);
});

test('simulated time runs from one step tick to the next', () => {
  assert.equal(tickAt({ tickFrom: 2, tickTo: 6 }, 0), 2);
  assert.equal(tickAt({ tickFrom: 2, tickTo: 6 }, 0.5), 4);
  assert.equal(tickAt({ tickFrom: 2, tickTo: 6 }, 7), 6);
});

test('a timed message flies from its sent tick to its due tick; a manual one has no fraction', () => {
  const message = { sent_tick: 2, due_tick: 6 };
  assert.equal(flightFraction(message, 2), 0);
  assert.equal(flightFraction(message, 4), 0.5);
  assert.equal(flightFraction(message, 9), 1);
  assert.equal(flightFraction(message, 0), 0);
  assert.equal(flightFraction({ sent_tick: 3, due_tick: 3 }, 3), 1);
  assert.equal(flightFraction({ sent_tick: 0, due_tick: null }, 5), null);
});

test('the clock carries time past a segment end into the next segment', () => {
  assert.deepEqual(advance(0, 0.5, 2), { progress: 0.25, leftover: 0 });
  assert.deepEqual(advance(0.25, 0.5, 2), { progress: 0.5, leftover: 0 });
  assert.deepEqual(advance(0.5, 1.5, 2), { progress: 1, leftover: 0.5 });
  assert.deepEqual(advance(0, 1, 0), { progress: 1, leftover: 1 });
  assert.deepEqual(advance(0, -1, 2), { progress: 0, leftover: 0 });
});

test('speed steps up and down a fixed ladder and stops at its ends', () => {
  assert.equal(nextSpeed(1, 1), 2);
  assert.equal(nextSpeed(1, -1), 0.5);
  assert.equal(nextSpeed(SPEEDS.at(-1), 1), SPEEDS.at(-1));
  assert.equal(nextSpeed(SPEEDS[0], -1), SPEEDS[0]);
  assert.equal(nextSpeed(3, 1), 2, 'an unknown speed restarts from 1x');
});
