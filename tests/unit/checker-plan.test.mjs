import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextChunkStates, formatRate, jobForScenario, CHECK_NODES_MAX } from '../../web/checker/plan.js';

const snapshot = (nodes, q1, q2, protocol = 'basic-paxos') => ({
  protocol,
  quorum_phase1: q1,
  quorum_phase2: q2,
  nodes: Array.from({ length: nodes }, (_, i) => ({ id: i + 1 })),
});

test('chunks grow when fast, shrink when slow, and stay bounded', () => {
  assert.equal(nextChunkStates(1000, 5), 2000);
  assert.equal(nextChunkStates(1000, 50), 1000);
  assert.equal(nextChunkStates(1000, 500), 500);
  assert.equal(nextChunkStates(64, 1000), 64);
  assert.equal(nextChunkStates(1 << 20, 1), 1 << 20);
});

test('rates are whole states per second', () => {
  assert.equal(formatRate(123456, 2, 'en'), '61,728');
  assert.equal(formatRate(10, 0, 'en'), '0');
});

test('the checked copy of a 5-node majority scenario is a 3-node majority one', () => {
  const { job, notes } = jobForScenario(snapshot(5, 3, 3, 'one-phase-highest'));
  assert.deepEqual(
    [job.model, job.protocol, job.nodes, job.quorum_phase1, job.quorum_phase2, job.proposers],
    ['sim', 'one-phase-highest', 3, 2, 2, 2],
  );
  assert.deepEqual(notes, [{ key: 'check.note.nodes', nodes: 3 }]);
});

test('scaling down keeps unsafe flexible quorums unsafe and safe ones safe', () => {
  const unsafe = jobForScenario(snapshot(5, 2, 3)).job;
  assert.ok(unsafe.quorum_phase1 + unsafe.quorum_phase2 <= unsafe.nodes, JSON.stringify(unsafe));
  const safe = jobForScenario(snapshot(5, 4, 2)).job;
  assert.ok(safe.quorum_phase1 + safe.quorum_phase2 > safe.nodes, JSON.stringify(safe));
});

test('never more servers than the checker takes, and options pass through', () => {
  const { job } = jobForScenario(snapshot(9, 5, 5), { nodes: 9, proposers: 3, drops: true, crashes: 1, amnesia: true });
  assert.equal(job.nodes, CHECK_NODES_MAX);
  assert.deepEqual([job.proposers, job.drops, job.crashes, job.amnesia, job.nacks], [3, true, 1, true, true]);
});
