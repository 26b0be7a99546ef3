// The quorum overlay's facts and geometry, checked against runs of the real core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTrace } from '../../web/trace.js';
import { clusterLayout } from '../../web/geometry.js';
import {
  acceptedBy, ballotServer, legPath, overlayShapes, promiseReport, quorumChoices, quorumPicture, RING_GAPS, travelLegs,
} from '../../web/aids/quorum.js';
import { loadCore } from './core.mjs';

const core = await loadCore();

/** The snapshot at `step` (the end when omitted) and the whole run's trace of a preset. */
function run(id, step) {
  const preset = core.presets().find((p) => p.id === id);
  const pg = new core.Playground(preset.script);
  pg.seek(step ?? pg.steps());
  // The page snapshot counts the phase-2 facts (quorum_facts); the aid asks for them.
  return { snapshot: { ...pg.snapshot(), quorums: pg.quorums() }, trace: buildTrace(pg.events(1, pg.steps())), pg };
}

test('proposal numbers name their server: 13 is S3, 15 is S5, none without a number', () => {
  assert.equal(ballotServer('13'), 3);
  assert.equal(ballotServer('15'), 5);
  assert.equal(ballotServer('21'), 1);
  assert.equal(ballotServer('-'), null);
  assert.equal(ballotServer(null), null);
});

test('crash during phase 2: S5 adopts (11,X) from S2, where its promise quorum meets S1 and S2', () => {
  const { snapshot, trace } = run('crash-phase2');
  const choices = quorumChoices(snapshot);
  assert.deepEqual(choices.map((c) => c.key), ['p:11:X', 'p:15:X']);
  const picture = quorumPicture(snapshot, trace, null);
  assert.equal(picture.key, 'p:15:X');
  assert.equal(picture.proposer, 5);
  assert.deepEqual(picture.promises, [2, 3, 5]);
  assert.deepEqual(picture.accepts, [2, 3, 5]);
  assert.equal(picture.chosen.step, 17);
  assert.deepEqual(picture.adopted, { from: 2, proposal: { ballot: '11', value: 'X' } });
  assert.deepEqual(picture.earlier, { proposal: { ballot: '11', value: 'X' }, proposer: 1, accepts: [1, 2], chosenStep: null });
  assert.deepEqual(picture.intersection, [2]);
  assert.equal(picture.missing, false);
  assert.deepEqual(picture.reports, [{ id: 2, accepted: { ballot: '11', value: 'X' }, kind: 'carried' }]);
  assert.deepEqual(travelLegs(picture), [
    { from: 1, to: 2, kind: 'accept', text: 'Accept 11 X' },
    { from: 2, to: 5, kind: 'promise', text: 'Promise 15 (11,X)' },
  ]);
  // The legs' texts are the very messages of the run.
  const texts = [...trace.messages.values()].map((life) => life.text);
  for (const leg of travelLegs(picture)) assert.ok(texts.includes(leg.text), leg.text);
  // The first proposal had no earlier value: S1 proposed its own.
  const first = quorumPicture(snapshot, trace, 'p:11:X');
  assert.deepEqual([first.promises, first.earlier, first.intersection], [[1, 2, 3], null, null]);
});

test('unsafe flexible quorums: the promise quorum {S4,S5} misses the quorum that chose X', () => {
  const { snapshot, trace } = run('flexible-unsafe');
  const picture = quorumPicture(snapshot, trace, null);
  assert.equal(picture.key, 'p:15:Y');
  assert.deepEqual(picture.promises, [4, 5]);
  assert.deepEqual(picture.earlier.accepts, [1, 2, 3]);
  assert.equal(picture.earlier.chosenStep, 5);
  assert.deepEqual(picture.intersection, []);
  assert.equal(picture.missing, true);
  assert.deepEqual(picture.sizes, { n: 5, q1: 2, q2: 3, safe: false });
  const shapes = overlayShapes(picture, clusterLayout(5, { width: 840, height: 610, ringShare: 0.6, nodeShare: 0.105 }));
  assert.ok(shapes.gap, 'a gap between the quorums that should have met');
  assert.deepEqual(shapes.gap.between, [[4, 5], [1, 2, 3]]);
  assert.deepEqual([shapes.gap.x, shapes.gap.y], [12, 596]);
  assert.equal(shapes.rings.filter((r) => r.kind === 'meet').length, 0);
});

test('amnesia: the quorums meet at S2, which restarted and reported nothing', () => {
  const { snapshot, trace } = run('amnesia');
  const picture = quorumPicture(snapshot, trace, null);
  assert.deepEqual(picture.promises, [2, 3]);
  assert.deepEqual(picture.intersection, [2]);
  assert.deepEqual(picture.reports, [{ id: 2, accepted: null, kind: 'forgot' }]);
  assert.deepEqual(travelLegs(picture), []);
  assert.deepEqual(promiseReport(trace, 2, 3, '13', snapshot.step), { accepted: null });
});

test('one phase (seed §3): no promise quorum; Y’s quorum shares S3 and S4 with Z’s', () => {
  const { snapshot, trace } = run('seed-3');
  const choices = quorumChoices(snapshot);
  assert.deepEqual(choices.map((c) => c.kind), ['chosen', 'chosen']);
  const picture = quorumPicture(snapshot, trace, null);
  assert.equal(picture.proposal.value, 'Y');
  assert.equal(picture.promises, null);
  assert.deepEqual(picture.accepts, [3, 4, 5]);
  assert.deepEqual(picture.earlier.accepts, [2, 3, 4]);
  assert.deepEqual(picture.intersection, [3, 4]);
  // Before anything is chosen there is nothing to show.
  const start = run('seed-3', 0);
  assert.equal(quorumPicture(start.snapshot, start.trace, null), null);
});

test('Basic Paxos offers only proposals with a phase 1, even in a long run', () => {
  const { snapshot } = run('livelock');
  const choices = quorumChoices(snapshot);
  assert.ok(choices.length > 1);
  assert.ok(choices.every((c) => c.kind === 'phase2' && c.fact.promises.length >= 3));
});

test('a pick survives stepping, and falls back to the latest proposal where it does not exist yet', () => {
  const { snapshot, trace } = run('seed-5', 16);
  assert.equal(quorumPicture(snapshot, trace, 'p:11:X').key, 'p:11:X');
  const early = run('seed-5', 6);
  assert.equal(quorumPicture(early.snapshot, early.trace, 'p:15:X').key, 'p:11:X');
  // Who accepted (11,X) by step 16: S1 (its own) and S2; S3 refused it.
  assert.deepEqual(acceptedBy(trace, { ballot: '11', value: 'X' }, 16), [1, 2]);
});

test('overlay geometry: a ring per set member, legs that curve and stop short of the servers', () => {
  const layout = { positions: [{ x: 100, y: 0 }, { x: 200, y: 100 }, { x: 100, y: 200 }], nodeRadius: 20 };
  const picture = {
    promises: [1, 2], accepts: [2, 3], earlier: { accepts: [1, 3], proposal: { ballot: '11', value: 'X' } }, intersection: [1],
    adopted: { from: 1, proposal: { ballot: '13', value: 'X' } }, proposer: 2, proposal: { ballot: '22', value: 'X' }, missing: false,
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
