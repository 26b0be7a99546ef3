// The quorum overlay: the core's pictures as the quorum aid receives them from the aids'
// module (a QuorumMirror of the page's run, web/aids/quorum-mirror.js), and the geometry the
// page lays them out with. The analysis itself is tested in Rust against the same presets
// (crates/paxos/tests/quorum_pictures.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTrace } from '../../web/trace.js';
import { VIEWS, ringLayout } from '../../web/layout/cluster.js';
import { legPath, overlayShapes, RING_GAPS } from '../../web/aids/quorum.js';
import { quorumPictureOf } from '../../web/aids/quorum-mirror.js';
import { loadAids, loadCore } from './core.mjs';

const core = await loadCore();
const aids = await loadAids();

/** A preset's run in the page's module, viewed at `step` (the end when omitted), as a store. */
function run(id, step) {
  const preset = core.presets().find((p) => p.id === id);
  const pg = new core.Playground(preset.script);
  pg.seek(step ?? pg.steps());
  return { pg, runVersion: 1, get step() { return pg.step(); }, script: () => pg.script() };
}

test('crash during phase 2: the core\'s picture, as the quorum aid reads it', () => {
  const store = run('crash-phase2');
  const cache = {};
  const picture = quorumPictureOf(aids, store, null, cache);
  assert.deepEqual(picture.choices.map((c) => c.key), ['p:11:X', 'p:15:X']);
  assert.equal(picture.key, 'p:15:X');
  assert.equal(picture.proposer, 5);
  assert.deepEqual(picture.promises, [2, 3, 5]);
  assert.deepEqual(picture.accepts, [2, 3, 5]);
  assert.equal(picture.chosen.step, 17);
  assert.deepEqual(picture.adopted, { from: 2, proposal: { ballot: '11', value: 'X' } });
  assert.deepEqual(picture.earlier, { proposal: { ballot: '11', value: 'X' }, proposer: 1, accepts: [1, 2], chosenStep: null });
  assert.deepEqual(picture.intersection, [2]);
  assert.deepEqual(picture.reports, [{ id: 2, accepted: { ballot: '11', value: 'X' }, kind: 'carried' }]);
  assert.deepEqual(picture.legs, [
    { from: 1, to: 2, kind: 'accept', text: 'Accept 11 X' },
    { from: 2, to: 5, kind: 'promise', text: 'Promise 15 (11,X)' },
  ]);
  // The legs' texts are the very messages of the run.
  const trace = buildTrace(store.pg.events(1, store.pg.steps()));
  const texts = [...trace.messages.values()].map((life) => life.text);
  for (const leg of picture.legs) assert.ok(texts.includes(leg.text), leg.text);
  // A pick by key; an unknown key is the latest. The mirror is kept while the run is the same.
  const mirror = cache.mirror;
  assert.deepEqual([quorumPictureOf(aids, store, 'p:11:X', cache).earlier, quorumPictureOf(aids, store, 'nope', cache).key], [null, 'p:15:X']);
  assert.equal(cache.mirror, mirror);
  // The mirror follows the page's step; before the pick exists the latest is shown.
  store.pg.seek(14);
  assert.equal(quorumPictureOf(aids, store, 'p:15:X', cache).key, 'p:11:X');
  store.pg.seek(2);
  assert.equal(quorumPictureOf(aids, store, null, cache), null);
  // Another run (a new version) makes a new mirror; a script serves when the link does not.
  const other = run('flexible-unsafe');
  other.runVersion = 2;
  assert.equal(quorumPictureOf(aids, other, null, cache).missing, true);
  assert.notEqual(cache.mirror, mirror);
  const scripted = run('crash-phase2');
  scripted.pg = { link: () => 'not a link' };
  Object.defineProperty(scripted, 'step', { value: 17 });
  scripted.script = () => store.pg.script();
  scripted.runVersion = 3;
  assert.equal(quorumPictureOf(aids, scripted, null, cache).key, 'p:15:X');
  cache.mirror.free();
});

test('the mirror in the aids module: the page\'s run from its link, sought to any step', () => {
  const { pg } = run('crash-phase2');
  const mirror = aids.QuorumMirror.fromLink(pg.link(undefined, 0, 0));
  assert.equal(mirror.steps(), pg.steps());
  assert.equal(mirror.picture(pg.steps()).key, 'p:15:X');
  assert.equal(mirror.picture(0), null);
  assert.equal(mirror.picture(pg.steps(), 'p:11:X').key, 'p:11:X');
  assert.throws(() => aids.QuorumMirror.fromLink('!'));
  assert.throws(() => aids.QuorumMirror.fromScript('nonsense command'), /scenario script/);
  mirror.free();
});

test('unsafe flexible quorums: the gap between the quorums that should have met', () => {
  const picture = quorumPictureOf(aids, run('flexible-unsafe'), null, {});
  assert.equal(picture.missing, true);
  assert.deepEqual(picture.sizes, { n: 5, q1: 2, q2: 3, safe: false });
  const shapes = overlayShapes(picture, ringLayout(5, VIEWS.wide));
  assert.ok(shapes.gap, 'a gap between the quorums that should have met');
  assert.deepEqual(shapes.gap.between, [[4, 5], [1, 2, 3]]);
  assert.equal(shapes.rings.filter((r) => r.kind === 'meet').length, 0);
});

test('amnesia and one phase: who forgot, and no promise quorum; nothing before a choice', () => {
  assert.deepEqual(quorumPictureOf(aids, run('amnesia'), null, {}).reports, [{ id: 2, accepted: null, kind: 'forgot' }]);
  const picture = quorumPictureOf(aids, run('seed-3'), null, {});
  assert.deepEqual([picture.kind, picture.promises, picture.intersection], ['chosen', null, [3, 4]]);
  assert.equal(quorumPictureOf(aids, run('seed-3', 0), null, {}), null);
});

test('overlay geometry: a ring per set member, legs that curve and stop short of the servers', () => {
  const layout = { positions: [{ x: 100, y: 0 }, { x: 200, y: 100 }, { x: 100, y: 200 }], nodeRadius: 20 };
  const picture = {
    promises: [1, 2], accepts: [2, 3], earlier: { accepts: [1, 3], proposal: { ballot: '11', value: 'X' } }, intersection: [1],
    adopted: { from: 1, proposal: { ballot: '13', value: 'X' } }, proposer: 2, proposal: { ballot: '22', value: 'X' }, missing: false,
    legs: [{ from: 3, to: 1, kind: 'accept', text: 'Accept 13 X' }, { from: 1, to: 2, kind: 'promise', text: 'Promise 22 (13,X)' }],
  };
  const shapes = overlayShapes(picture, layout);
  assert.deepEqual(shapes.rings.map((r) => `${r.kind}:${r.id}:${r.r}`), [
    'promise:1:27', 'promise:2:27', 'accept:2:33', 'accept:3:33', 'earlier:1:39', 'earlier:3:39', 'meet:1:46',
  ]);
  assert.equal(RING_GAPS.meet, 26);
  assert.deepEqual(shapes.legs.map((l) => [l.from, l.to, l.text]), [[3, 1, 'Accept 13 X'], [1, 2, 'Promise 22 (13,X)']]);
  assert.equal(shapes.gap, null);
  const leg = legPath({ x: 0, y: 0 }, { x: 100, y: 0 }, { trim: 10, bend: 0.2 });
  assert.equal(leg.d, 'M 10 0 Q 50 20 90 0');
  assert.deepEqual(leg.label, { x: 50, y: 10 });
  assert.equal(legPath({ x: 1, y: 1 }, { x: 1, y: 1 }), null);
  assert.deepEqual(overlayShapes(null, layout), { rings: [], legs: [], gap: null });
});

test('the mirror follows the page\'s run change by change, and is rebuilt only when it cannot', async () => {
  const { Store } = await import('../../web/state.js');
  const store = new Store(core, { language: 'en', presets: core.presets() });
  store.loadPreset('crash-phase2');
  const cache = {};
  quorumPictureOf(aids, store, null, cache);
  const mirror = cache.mirror;
  // What a mirror built afresh from the page's run says, at every step of it.
  const same = () => {
    const fresh = aids.QuorumMirror.fromLink(store.pg.link(undefined, 0, 0));
    const here = store.step;
    for (let step = 0; step <= store.steps; step += 1) {
      store.pg.seek(step);
      assert.deepEqual(quorumPictureOf(aids, store, null, cache), fresh.picture(step, undefined), `step ${step}`);
    }
    store.pg.seek(here);
    fresh.free();
  };
  store.seek(9);
  store.intervene('crash S2');
  same();
  store.seek(store.steps);
  while (store.goesOn && store.step < 40) store.forward();
  store.seek(5);
  store.intervene('propose S3 Y');
  same();
  assert.ok(store.undo());
  same();
  assert.ok(store.redo());
  same();
  // Followed, not rebuilt: still the first mirror.
  assert.equal(cache.mirror, mirror);
  // A load is not a change the mirror can follow: it is rebuilt.
  store.loadPreset('crash-phase2');
  quorumPictureOf(aids, store, null, cache);
  assert.notEqual(cache.mirror, mirror);
  cache.mirror.free();
});
