// The checker panel's and the challenge's pure parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTrace } from '../../web/trace.js';
import {
  CHALLENGES, challengeJob, challengeScript, challengeState, checkPreview, findChallenge, formatCount, movesToStep,
  progressFigures, verdictOf,
} from '../../web/aids/checker.js';
import { loadAids, loadCore } from './core.mjs';

const core = await loadCore();
const aids = await loadAids();

const COUNTEREXAMPLE = `title Shortest counterexample found by the model checker
protocol one-phase-highest
nodes 3
quorum 2 2
network manual
propose S1 X
propose S2 Y
deliver S1->S3 Accept 11 X
deliver S2->S1 Accept 12 Y
`;

test('a summary reads honestly: a search cut short is never "holds"', () => {
  const base = { distinct_states: 10, generated_states: 12, depth: 3, reason: '', counterexample: null, moves: [] };
  assert.deepEqual(verdictOf({ ...base, verdict: 'holds' }), { kind: 'holds', moves: [] });
  assert.deepEqual(verdictOf({ ...base, verdict: 'incomplete' }), { kind: 'bounded', moves: [] });
  assert.deepEqual(verdictOf({ ...base, verdict: 'incomplete' }, { cancelled: true }), { kind: 'cancelled', moves: [] });
  assert.deepEqual(verdictOf({ ...base, verdict: 'holds' }, { cancelled: true }), { kind: 'cancelled', moves: [] });
  const moves = ['propose S1 X', 'propose S2 Y', 'deliver S1->S3 Accept 11 X', 'deliver S2->S1 Accept 12 Y'];
  const violated = verdictOf({ ...base, verdict: 'violated', counterexample: COUNTEREXAMPLE, moves });
  assert.equal(violated.kind, 'violated');
  assert.deepEqual(violated.moves, ['propose S1 X', 'propose S2 Y', 'deliver S1->S3 Accept 11 X', 'deliver S2->S1 Accept 12 Y']);
  assert.equal(verdictOf({ ...base, verdict: 'stuck', counterexample: 'propose S1 X\n', moves: ['propose S1 X'] }).kind, 'stuck');
});

test('the job for the scenario on screen keeps amnesia, adds a crash for it, and can use symmetry', () => {
  const options = aids.checkOptions('amnesia on\n');
  assert.deepEqual([options.amnesia, options.crashes, options.symmetry], [true, 1, true]);
  assert.deepEqual([aids.checkOptions('').crashes], [0]);
  const script = 'protocol one-phase-highest\nnodes 5\n';
  const { job, notes, statesMax } = checkPreview(aids, script, aids.checkOptions(script));
  assert.deepEqual([job.protocol, job.nodes, job.quorum_phase1, job.proposers, job.symmetry], ['one-phase-highest', 3, 2, 2, true]);
  assert.deepEqual(notes, [{ kind: 'nodes', key: 'check.note.nodes', nodes: 3 }]);
  assert.equal(statesMax, 2_000_000);
});

test('a summary\'s moves are its counterexample\'s commands, from the core', () => {
  const check = new aids.ModelCheck(aids.planForScenario(COUNTEREXAMPLE, aids.checkOptions(COUNTEREXAMPLE)).job, 1e6, 1e9);
  while (!check.runFor(1 << 16).finished);
  const summary = check.summary();
  assert.equal(verdictOf(summary).kind, 'violated');
  assert.deepEqual(verdictOf(summary).moves, ['propose S1 X', 'propose S2 Y', 'deliver S1->S3 Accept 11 X', 'deliver S2->S1 Accept 12 Y']);
  check.free();
});

test('moves: commands, proposals included; each step is made by one command', () => {
  assert.equal(movesToStep([0, 1, 2, 3], 0), 0);
  assert.equal(movesToStep([0, 1, 2, 3], 3), 3);
  assert.equal(movesToStep([0, 1, 1, 1, 2], 4), 2);
  assert.equal(movesToStep([0], 9), 1);
});

test('progress figures and counts for people', () => {
  assert.deepEqual(progressFigures({ distinct_states: 5000, depth: 7, memory_bytes: 3 * 1024 * 1024 }, 2), { states: 5000, rate: 2500, depth: 7, megabytes: 3 });
  assert.equal(progressFigures({ distinct_states: 5, depth: 1 }, 0).rate, 0);
  assert.equal(formatCount(16957, 'en'), '16,957');
  assert.equal(formatCount(16957, 'zh-CN'), '16,957');
});

test('every challenge is a scenario the core runs, and a checker job of the same shape', () => {
  assert.deepEqual(CHALLENGES.map((c) => c.id), ['one-phase', 'flexible', 'amnesia', 'paxos']);
  assert.equal(findChallenge('nope'), null);
  for (const challenge of CHALLENGES) {
    const pg = new core.Playground(challengeScript(challenge));
    const snapshot = pg.snapshot();
    const job = challengeJob(aids, challenge);
    assert.equal(snapshot.network, 'manual', challenge.id);
    assert.equal(snapshot.protocol, job.protocol);
    assert.equal(snapshot.nodes.length, job.nodes);
    assert.deepEqual([snapshot.quorum_phase1, snapshot.quorum_phase2], [job.quorum_phase1, job.quorum_phase2]);
    assert.equal(pg.steps(), 2, 'two proposals made');
    assert.ok(snapshot.in_flight.length > 0, 'messages wait for the reader');
  }
});

test('a challenge is broken at the first violation, counted in the moves that led there', () => {
  // The checker's shortest one-phase counterexample, replayed: broken at move 4.
  const pg = new core.Playground(COUNTEREXAMPLE);
  const trace = buildTrace(pg.events(1, pg.steps()));
  const commands = [...pg.stepCommands()];
  assert.deepEqual(challengeState(trace, commands, 4), { moves: 4, broken: true, brokenAt: 4, property: 'agreement' });
  assert.deepEqual(challengeState(trace, commands, 2), { moves: 2, broken: false, brokenAt: null, property: null });
});
