// The cluster drawing's layout (web/layout/cluster.js): nothing overlaps, whatever comes in
// (checked on random scenes from a fixed seed), every message is drawn or counted in a "+N",
// servers sit regularly, and things stay where they were from one step to the next.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Occupancy, boxAt, overlaps } from '../../web/layout/boxes.js';
import { BARE_WIDTH, LANE_OFFSET, LINE, SERVER_PAD, VIEWS, findOnLane, laneOf, lanePoint, layoutCluster, pillShape, ringLayout } from '../../web/layout/cluster.js';

/** A small seeded PRNG (mulberry32): the same scenes on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = 20240614;

function assertNoOverlap(placed, view, context) {
  const boxes = placed.occupancy.boxes;
  for (const box of boxes) {
    assert.ok(box.x0 >= 0 && box.y0 >= 0 && box.x1 <= view.width && box.y1 <= view.height, `${context}: ${JSON.stringify(box)} leaves the drawing`);
  }
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      assert.ok(!overlaps(boxes[i], boxes[j]), `${context}: ${JSON.stringify(boxes[i])} overlaps ${JSON.stringify(boxes[j])}`);
    }
  }
}

/** A random scene of `count` servers and `flying` messages, as the view would describe it. */
function randomScene(next, view, count, flying, { manual = next() < 0.6 } = {}) {
  const pick = (k) => 1 + Math.floor(next() * k);
  const pills = [];
  for (let id = 0; id < flying && count > 1; id += 1) {
    const from = pick(count);
    let to = pick(count - 1);
    if (to >= from) to += 1;
    const width = 40 + Math.floor(next() * 100);
    pills.push({ key: `m${id}`, from, to, width, shortWidth: width - Math.floor(next() * 40), fraction: manual ? null : next() });
  }
  return {
    view,
    ring: ringLayout(count, view),
    labels: view.textRoom ? Array.from({ length: count }, () => ({ width: 60 + Math.floor(next() * 120), height: (2 + Math.floor(next() * 4)) * LINE })) : null,
    corners: [{ key: 'verdict', width: 110, height: 22 }, ...(next() < 0.3 ? [{ key: 'partition', width: 300, height: 20 }] : [])],
    centre: next() < 0.5 ? { width: 80 + Math.floor(next() * 140), height: 62 } : null,
    cuts: [],
    pills,
    unshown: () => ({ width: 160, height: 20 }),
  };
}

/** How many of the scene's messages the layout drew, folded into "+N", or could not show. */
function accounted(placed) {
  return placed.pills.size + placed.overflow.reduce((sum, more) => sum + more.count, 0) + placed.hidden;
}

test('servers sit evenly on one circle inside the drawing, one server in the middle', () => {
  for (const view of [VIEWS.wide, VIEWS.narrow]) {
    for (let count = 1; count <= 9; count += 1) {
      const ring = ringLayout(count, view);
      const half = ring.nodeRadius + SERVER_PAD;
      for (const p of ring.positions) {
        assert.ok(p.x - half >= 0 && p.y - half >= 0 && p.x + half <= view.width && p.y + half <= view.height, `${count}: ${JSON.stringify(p)}`);
      }
      if (count === 1) {
        assert.deepEqual(ring.positions[0], { x: ring.cx, y: ring.cy });
        continue;
      }
      const gaps = ring.positions.map((p, i) => {
        const q = ring.positions[(i + 1) % count];
        return Math.hypot(p.x - q.x, p.y - q.y);
      });
      for (const gap of gaps) assert.ok(Math.abs(gap - gaps[0]) < 0.05, `${count} servers: neighbours ${gaps.join(', ')} apart`);
      assert.ok(gaps[0] >= 2 * half, `${count} servers: room for each server's marks`);
      assert.equal(ring.positions[0].x, ring.cx, 'S1 at the top');
    }
  }
});

test('the two directions of a link ride on two lanes; a lane is measured back from its destination', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 100, y: 0 };
  // Moving right in y-down coordinates, "right-hand" is +y; moving left it is -y.
  assert.deepEqual(lanePoint(laneOf(a, b), 0), { x: 100, y: LANE_OFFSET });
  assert.deepEqual(lanePoint(laneOf(a, b), 30), { x: 70, y: LANE_OFFSET });
  assert.deepEqual(lanePoint(laneOf(b, a), 30), { x: 30, y: -LANE_OFFSET });
  assert.deepEqual(lanePoint(laneOf(a, b), 30, 10), { x: 70, y: LANE_OFFSET + 10 }, 'beside the lane, to its right');
  // The arrowhead points at the destination, from the pill's edge.
  const shape = pillShape(laneOf(a, b), 60);
  assert.deepEqual(shape.arrow[0], [37, 0]);
  assert.deepEqual([shape.x0, shape.x1, shape.y0, shape.y1], [-30, 37, -9, 9]);
});

test('each server\'s text finds room beside it, for 1 to 9 servers', () => {
  for (let count = 1; count <= 9; count += 1) {
    // Four lines as wide as "phase 2: (15,X), 2 accepted".
    const labels = Array.from({ length: count }, () => ({ width: 175, height: 4 * LINE }));
    const scene = { view: VIEWS.wide, ring: ringLayout(count, VIEWS.wide), labels };
    const placed = layoutCluster(scene, new Map());
    assert.ok(placed.labels.every(Boolean), `${count} servers: ${placed.labels.map((l) => l && [l.sx, l.sy])}`);
    assertNoOverlap(placed, VIEWS.wide, `${count} servers`);
  }
});

test('with one server the chosen value goes beside it, not on it', () => {
  for (const view of [VIEWS.wide, VIEWS.narrow]) {
    const ring = ringLayout(1, view);
    const placed = layoutCluster({ view, ring, labels: view.textRoom ? [{ width: 150, height: 80 }] : null, centre: { width: 120, height: 62 } }, new Map());
    assert.ok(placed.centre, 'the chosen value is drawn');
    assertNoOverlap(placed, view, 'one server');
  }
});

test('random scenes (1-9 servers, up to 200 messages): no two boxes overlap, every message is accounted for', () => {
  const next = random(SEED);
  for (let round = 0; round < 300; round += 1) {
    const view = next() < 0.5 ? VIEWS.wide : VIEWS.narrow;
    const count = 1 + Math.floor(next() * 9);
    const flying = Math.floor(next() ** 2 * 201);
    const scene = randomScene(next, view, count, flying);
    const placed = layoutCluster(scene, new Map());
    const context = `seed ${SEED} round ${round}: ${count} servers, ${flying} messages, ${view.width} wide`;
    assertNoOverlap(placed, view, context);
    assert.equal(accounted(placed), scene.pills.length, context);
  }
});

test('parked messages queue on their link in send order, each behind the one before', () => {
  const view = VIEWS.wide;
  const pills = [1, 2, 3].map((id) => ({ key: `m${id}`, from: 1, to: 3, width: 70, fraction: null }));
  const placed = layoutCluster({ view, ring: ringLayout(5, view), pills }, new Map());
  const s = pills.map((pill) => placed.pills.get(pill.key).s);
  assert.ok(s[0] < s[1] && s[1] < s[2], `distances from the destination ${s}`);
});

test('nine servers, four proposers, two messages a link: each drawn in the most legible form with room, then "+N", then counted', () => {
  const view = VIEWS.narrow;
  const pills = [1, 3, 5, 9].flatMap((from) => Array.from({ length: 9 }, (_, to) => to + 1).filter((to) => to !== from)
    .flatMap((to) => [0, 1].map((k) => ({ key: `${from}-${to}-${k}`, from, to, width: 90, shortWidth: 50, fraction: null }))));
  const placed = layoutCluster({ view, ring: ringLayout(9, view), pills, unshown: () => ({ width: 150, height: 20 }) }, new Map());
  const forms = new Set([...placed.pills.values()].map((pill) => pill.form));
  assert.deepEqual([...forms].sort(), ['bare', 'full', 'short'], 'whole texts, bodies and bare dots');
  assert.ok(placed.overflow.length > 0, `${placed.pills.size} drawn, ${placed.overflow.length} "+N"`);
  assert.equal(accounted(placed), pills.length);
  // Neighbours' links are too short for anything: what has no room at all is counted.
  assert.ok(placed.hidden > 0 && placed.unshown, `${placed.hidden} not drawn`);
  assertNoOverlap(placed, view, 'nine servers');
});

test('a crowded link shows less of each text before it folds anything: whole, body, bare dot', () => {
  const view = VIEWS.narrow;
  const ring = ringLayout(5, view);
  // S2 -> S5: the level link across the top of the ring, so a pill's width lies along it.
  const lane = laneOf(ring.positions[1], ring.positions[4]);
  assert.equal(lane.uy, 0);
  const room = lane.length - 2 * ring.nodeRadius;
  const form = (count, width, shortWidth) => {
    const pills = Array.from({ length: count }, (_, id) => ({ key: `m${id}`, from: 2, to: 5, width, shortWidth, fraction: null }));
    const placed = layoutCluster({ view, ring, pills }, new Map());
    assert.equal(accounted(placed), count);
    assertNoOverlap(placed, view, `${count} of width ${width}`);
    return pills.map((pill) => placed.pills.get(pill.key)?.form ?? 'folded');
  };
  // One pill: its whole text. Too wide for the link: its body; too wide even so: a dot.
  assert.deepEqual(form(1, 80, 40), ['full']);
  assert.deepEqual(form(1, room + 20, 40), ['short']);
  assert.deepEqual(form(1, room + 20, room + 10), ['bare']);
  // The queue keeps send order: the oldest (nearest the destination) keeps its whole text,
  // those behind it, with less room, show less (a pill may also ride beside the lane: three
  // rows).
  const queue = form(3 * Math.floor(room / 80) + 3, 80, 40);
  assert.equal(queue[0], 'full');
  assert.ok(queue.includes('short'), queue.join(' '));
  const shape = pillShape(lane, BARE_WIDTH);
  assert.equal(shape.x1 - shape.x0 >= BARE_WIDTH, true, 'a dot keeps its arrowhead');
});

test('a full link folds what does not fit into one "+N" pill at its tail', () => {
  const view = VIEWS.narrow;
  const pills = Array.from({ length: 30 }, (_, id) => ({ key: `m${id}`, from: 1, to: 3, width: 120, fraction: null }));
  const placed = layoutCluster({ view, ring: ringLayout(5, view), pills }, new Map());
  assert.equal(placed.overflow.length, 1);
  assert.ok(placed.pills.size > 0 && placed.pills.size < 30);
  assert.equal(placed.pills.size + placed.overflow[0].count, 30);
  const tail = Math.max(...[...placed.pills.values()].map((p) => p.s));
  assert.ok(placed.overflow[0].s > tail, 'behind the last pill drawn');
  assertNoOverlap(placed, view, 'full link');
});

test('stable: from one step to the next, a message still in flight keeps its place (also when links are full)', () => {
  const next = random(SEED + 1);
  for (let run = 0; run < 40; run += 1) {
    const view = next() < 0.5 ? VIEWS.wide : VIEWS.narrow;
    const count = 3 + Math.floor(next() * 7);
    const scene = randomScene(next, view, count, 5 + Math.floor(next() * 60), { manual: true });
    const memory = new Map();
    let placed = layoutCluster(scene, memory);
    let fresh = 1000;
    for (let step = 0; step < 30; step += 1) {
      // A step delivers one message and sends one or two (at the end, in send order).
      const pills = scene.pills.filter((_, i) => i !== Math.floor(next() * scene.pills.length));
      for (let k = 0; k < 1 + Math.floor(next() * 2); k += 1) {
        const from = 1 + Math.floor(next() * count);
        const to = (from % count) + 1;
        pills.push({ key: `m${fresh += 1}`, from, to, width: 60 + Math.floor(next() * 60), fraction: null });
      }
      const before = placed;
      scene.pills = pills;
      placed = layoutCluster(scene, memory);
      for (const [key, spot] of placed.pills) {
        const was = before.pills.get(key);
        if (was) assert.deepEqual([spot.x, spot.y], [was.x, was.y], `run ${run} step ${step}: ${key} moved`);
      }
      assertNoOverlap(placed, view, `run ${run} step ${step}`);
    }
  }
});

test('a message comes back to where it waited when the step that delivered it is undone', () => {
  const view = VIEWS.wide;
  const ring = ringLayout(5, view);
  const pills = [[1, 3], [1, 3], [2, 4], [3, 1]].map(([from, to], id) => ({ key: `m${id}`, from, to, width: 80, fraction: null }));
  const memory = new Map();
  const first = layoutCluster({ view, ring, pills }, memory);
  layoutCluster({ view, ring, pills: pills.filter((p) => p.key !== 'm0') }, memory);
  const back = layoutCluster({ view, ring, pills }, memory);
  for (const pill of pills) assert.deepEqual(back.pills.get(pill.key), first.pills.get(pill.key), pill.key);
});

// The search along a lane jumps over the stretches a taken box blocks; it must take the very
// spot that trying s = start, start + 5, start - 5, ... (each on the lane, then beside it)
// one by one would take. Checked against that plain search on random crowded drawings.
test('a lane search takes the spot the one-by-one search takes', () => {
  const next = random(SEED + 1);
  const STEP = 5;
  const SIDES = [0, 21, -21];
  const plainSearch = (occupancy, lane, shape, [start, low, high]) => {
    for (let k = 0; start + k * STEP <= high || start - k * STEP >= low; k += 1) {
      for (const [s, ok] of [[start + k * STEP, start + k * STEP <= high], [start - k * STEP, k > 0 && start - k * STEP >= low]]) {
        if (!ok) continue;
        for (const side of SIDES) {
          const p = lanePoint(lane, s, side);
          const box = { x0: p.x + shape.x0, y0: p.y + shape.y0, x1: p.x + shape.x1, y1: p.y + shape.y1 };
          if (occupancy.fits(box)) return { s, side };
        }
      }
    }
    return null;
  };
  let found = 0;
  for (let trial = 0; trial < 500; trial += 1) {
    const occupancy = new Occupancy(800, 600);
    for (let i = 0; i < 200 * next(); i += 1) occupancy.add(boxAt(800 * next(), 600 * next(), 10 + 80 * next(), 10 + 40 * next()), { kind: 'test' });
    const a = { x: 50 + 700 * next(), y: 50 + 500 * next() };
    const b = next() < 0.2 ? { x: a.x, y: 50 + 500 * next() } : { x: 50 + 700 * next(), y: next() < 0.2 ? a.y : 50 + 500 * next() };
    const lane = laneOf(a, b);
    const shape = pillShape(lane, 20 + 100 * next());
    const low = 10 + 40 * next();
    const high = Math.max(low, lane.length - 10 - 40 * next());
    const start = low + (high - low) * next();
    const expected = plainSearch(occupancy, lane, shape, [start, low, high]);
    const spot = findOnLane(occupancy, lane, shape, [start, low, high], { kind: 'pill' });
    assert.deepEqual(spot && { s: spot.s, side: spot.side }, expected, `trial ${trial}`);
    if (spot) found += 1;
  }
  // Both outcomes were exercised.
  assert.ok(found > 50 && found < 490, `${found} of 500 found a spot`);
});

test('a wider pill\'s box holds a narrower one\'s on the same lane (the layout asks for a dot before a body on that ground)', () => {
  const next = random(SEED + 2);
  for (let round = 0; round < 500; round += 1) {
    const angle = next() * 2 * Math.PI;
    const lane = laneOf({ x: 0, y: 0 }, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
    const narrow = BARE_WIDTH + next() * 80;
    const wide = narrow + next() * 80;
    const [a, b] = [pillShape(lane, narrow), pillShape(lane, wide)];
    assert.ok(b.x0 <= a.x0 && b.y0 <= a.y0 && b.x1 >= a.x1 && b.y1 >= a.y1, `angle ${angle}: ${narrow} in ${wide}`);
  }
});
