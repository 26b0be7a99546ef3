import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextChunkStates, formatRate } from '../../web/checker/plan.js';
import { loadAids } from './core.mjs';

const aids = await loadAids();
const options = (script, changes = {}) => ({ ...aids.checkOptions(script), ...changes });
const jobForScenario = (script, changes) => aids.planForScenario(script, options(script, changes));

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

// The plan is the core's (crates/paxos/src/check/plan.rs has the exhaustive tests); these
// check that the aids' module hands it over whole.
test('the checked copy of a 5-node majority scenario is a 3-node majority one', () => {
  const { job, notes, states_max: statesMax, bytes_max: bytesMax } = jobForScenario('protocol one-phase-highest\n');
  assert.deepEqual(
    [job.protocol, job.nodes, job.quorum_phase1, job.quorum_phase2, job.proposers, job.in_flight_max],
    ['one-phase-highest', 3, 2, 2, 2, 12],
  );
  assert.deepEqual(notes, [{ kind: 'nodes', nodes: 3 }]);
  assert.deepEqual([statesMax, bytesMax], [2_000_000, 64 * 1024 * 1024]);
  assert.deepEqual(aids.checkBounds(), { states_max: statesMax, bytes_max: bytesMax });
});

test('scaling down keeps unsafe flexible quorums unsafe and safe ones safe', () => {
  const unsafe = jobForScenario('nodes 5\nquorum 2 3\n').job;
  assert.ok(unsafe.quorum_phase1 + unsafe.quorum_phase2 <= unsafe.nodes, JSON.stringify(unsafe));
  const safe = jobForScenario('nodes 5\nquorum 4 2\n').job;
  assert.ok(safe.quorum_phase1 + safe.quorum_phase2 > safe.nodes, JSON.stringify(safe));
  assert.deepEqual(jobForScenario('nodes 5\nquorum 2 3\n').notes, [{ kind: 'nodes', nodes: 3 }, { kind: 'quorums', q1: 1, q2: 2 }]);
});

test('never more servers than the checker takes, options pass through, nacks are the scenario\'s', () => {
  const { job } = jobForScenario('nodes 9\nnacks off\n', { nodes: 9, proposers: 3, drops: true, crashes: 1, amnesia: true });
  assert.equal(job.nodes, 5);
  assert.deepEqual([job.proposers, job.drops, job.crashes, job.amnesia, job.nacks], [3, true, 1, true, false]);
  assert.deepEqual(aids.checkOptions('amnesia on\n'), {
    nodes: 3, proposers: 2, attempts: 1, drops: false, duplicates: 0, crashes: 1, timeouts: false, amnesia: true, symmetry: true,
  });
  assert.throws(() => aids.planForScenario('nodes 3\n', { nodes: 3 }), /check options/);
});
