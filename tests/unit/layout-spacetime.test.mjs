// The space-time diagram's layout step (web/layout/spacetime.js): labels never overlap one
// another, a mark or a lane's line, whatever arrows a run has (random runs, fixed seeds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARROW_LABEL_PX, Placer, arrowLabelPoints, boxAround, overlaps, packRows, textHeight, textWidth,
} from '../../web/layout/spacetime.js';

/** A small seeded generator (xorshift32): the same arrows on every run of the test. */
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 2 ** 32;
  };
}

const TEXTS = ['Prepare 11', 'Promise 15 (11,X)', 'Accept 23 Y', 'Accepted 11 X', 'Nack 15 > 11', 'Reject 9'];

test('text widths: monospace glyphs advance alike; CJK counts double', () => {
  assert.equal(textWidth('Accept 11 X', 10, { mono: true }), textWidth('Prepare 111', 10, { mono: true }));
  assert.ok(textWidth('确定 X', 12) > textWidth('ch X', 12));
  assert.ok(textWidth('MMMM', 12) >= 4 * 0.7 * 12);
});

test('a placed label touches no other label, mark or lane, for 1-9 lanes and up to 200 arrows', () => {
  for (let seed = 1; seed <= 60; seed += 1) {
    const next = random(seed);
    const lanes = 1 + Math.floor(next() * 9);
    const laneYs = Array.from({ length: lanes }, (_, i) => 60 + i * 44 + 22);
    const placer = new Placer();
    const marks = [];
    for (let i = 0; i < 20; i += 1) {
      const box = boxAround(16 + Math.floor(next() * 40) * 34, laneYs[Math.floor(next() * lanes)], 17, 17);
      placer.add(box, `m${i}`);
      marks.push(box);
    }
    const labels = [];
    const arrows = 1 + Math.floor(next() * 200);
    for (let id = 0; id < arrows; id += 1) {
      const sent = Math.floor(next() * 40);
      const from = Math.floor(next() * lanes);
      const to = Math.floor(next() * lanes);
      const line = { x1: 16 + sent * 34, y1: laneYs[from], x2: 16 + (sent + 1 + Math.floor(next() * 3)) * 34, y2: laneYs[to] };
      const text = TEXTS[id % TEXTS.length];
      const h = textHeight(ARROW_LABEL_PX);
      const box = placer.place(`l${id}`, arrowLabelPoints(line, laneYs, h), textWidth(text, ARROW_LABEL_PX, { mono: true }), h);
      if (box) labels.push(box);
    }
    if (arrows >= 20) assert.ok(labels.length > 0, `seed ${seed}: some labels placed`);
    for (let i = 0; i < labels.length; i += 1) {
      for (let j = i + 1; j < labels.length; j += 1) assert.ok(!overlaps(labels[i], labels[j]), `seed ${seed}: labels ${i} and ${j} overlap`);
      for (const mark of marks) assert.ok(!overlaps(labels[i], mark), `seed ${seed}: label ${i} covers a mark`);
      for (const y of laneYs) assert.ok(labels[i].y + labels[i].h <= y || labels[i].y >= y, `seed ${seed}: label ${i} crosses a lane`);
    }
  }
});

test('a label sits on its arrow, between lanes, nearest the middle first', () => {
  const laneYs = [82, 126, 170];
  const line = { x1: 100, y1: 82, x2: 200, y2: 170 };
  const [first] = arrowLabelPoints(line, laneYs, 13);
  // On the arrow: the point's x is where the arrow is at its y.
  const t = (first.y - line.y1) / (line.y2 - line.y1);
  assert.ok(Math.abs(first.x - (line.x1 + t * (line.x2 - line.x1))) < 1e-9);
  assert.ok([104, 148].includes(first.y), 'the middle of a gap');
  // Along one lane: just above it.
  const [above] = arrowLabelPoints({ x1: 10, y1: 82, x2: 44, y2: 82 }, laneYs, 13);
  assert.ok(above.y + 13 / 2 <= 82);
});

test('placements stay: removing an arrow frees its place, others keep theirs', () => {
  const placer = new Placer();
  const a = placer.place('l1', [{ x: 50, y: 50 }], 40, 12);
  assert.deepEqual(placer.place('l2', [{ x: 55, y: 50 }, { x: 150, y: 50 }], 40, 12), boxAround(150, 50, 40, 12));
  placer.remove('l1');
  assert.deepEqual(placer.place('l3', [{ x: 50, y: 50 }], 40, 12), a);
  assert.equal(placer.place('l4', [{ x: 52, y: 52 }], 40, 12), null);
});

test('findings pack into rows left to right, and what has no row is left out', () => {
  assert.deepEqual(packRows([{ x: 0, w: 50 }, { x: 10, w: 50 }, { x: 20, w: 50 }, { x: 60, w: 10 }], 2), [0, 1, null, 0]);
  // The rows of the first items do not depend on the ones after them (the run grows at its end).
  const items = [{ x: 0, w: 80 }, { x: 30, w: 20 }, { x: 90, w: 20 }];
  assert.deepEqual(packRows(items.slice(0, 2), 2), packRows(items, 2).slice(0, 2));
});
