// Compare mode's step mapping and findings, against the core's own comparisons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTrace } from '../../web/trace.js';
import {
  defaultOtherProtocol, diffLines, firstViolation, leftStepFor, mappingCounts, rightRange, rightStepFor, withoutIds,
} from '../../web/aids/compare.js';
import { loadAids, loadCore } from './core.mjs';

const core = await loadCore();
const aids = await loadAids();
const presetScript = (id) => core.presets().find((p) => p.id === id).script;

function compare(id, protocol) {
  const left = new core.Playground(presetScript(id));
  const comparison = aids.compare(left.script(), protocol);
  const right = new core.Playground(comparison.script);
  return {
    left, right, comparison, stepCommands: [...left.stepCommands()],
    leftTrace: buildTrace(left.events(1, left.steps())), rightTrace: buildTrace(right.events(1, right.steps())),
  };
}

test('the other protocol is Basic Paxos, or one phase when the run is Basic Paxos', () => {
  assert.equal(defaultOtherProtocol('one-phase-highest'), 'basic-paxos');
  assert.equal(defaultOtherProtocol('basic-paxos'), 'one-phase-highest');
});

test('seed §3 against Basic Paxos: they part at step 1, only the left run breaks', () => {
  const c = compare('seed-3', 'basic-paxos');
  assert.equal(c.comparison.mapping.length, c.comparison.left_commands.length);
  const lines = c.left.script().trimEnd().split('\n');
  assert.deepEqual(c.comparison.left_commands, lines.slice(lines.indexOf('attempts 3') + 1));
  assert.deepEqual(mappingCounts(c.comparison.mapping), { same: 3, mapped: 7, skipped: 0 });
  const { divergence } = c.comparison;
  assert.deepEqual([divergence.command, divergence.left_step, divergence.right_step], [0, 1, 1]);
  const diff = diffLines(divergence.left, divergence.right);
  assert.deepEqual(diff.left.filter((l) => l.differs).map((l) => l.text)[0], 'send S1->S2 Accept 11 X');
  assert.deepEqual(diff.right.filter((l) => l.differs).map((l) => l.text)[0], 'send S1->S2 Prepare 11');
  assert.deepEqual(diff.left.filter((l) => !l.differs).map((l) => l.text), ['propose S1 X', 'S1 attempt 1: (11,X)']);
  assert.deepEqual(firstViolation(c.leftTrace), { step: 8, property: 'stability' });
  assert.equal(firstViolation(c.rightTrace), null);
  // One step on the left is one step on the right, all the way.
  for (let step = 0; step <= c.left.steps(); step += 1) assert.equal(rightStepFor(c.comparison, c.stepCommands, step), step);
  assert.deepEqual(rightRange(c.comparison, c.stepCommands, 4), { from: 4, to: 4 });
});

test('seed §5 under one phase: skipped commands hold the right run still, and it breaks', () => {
  const c = compare('seed-5', 'one-phase-highest');
  const counts = mappingCounts(c.comparison.mapping);
  assert.equal(counts.skipped, 6);
  // Why a command was skipped comes with its facts, for the page to word (web/problems.js).
  const skipped = c.comparison.mapping.find((entry) => entry.kind === 'skipped');
  assert.equal(skipped.refusal.kind, 'no-such-message');
  assert.ok(skipped.reason.startsWith(`no message ${skipped.refusal.target} is in flight`), skipped.reason);
  const violation = firstViolation(c.rightTrace);
  assert.ok(violation, 'the one-phase run breaks');
  const left = leftStepFor(c.comparison, violation.step);
  assert.ok(rightStepFor(c.comparison, c.stepCommands, left) >= violation.step);
  assert.ok(rightStepFor(c.comparison, c.stepCommands, left - 1) < violation.step);
  // The right run never moves backwards as the left one moves on.
  let previous = 0;
  for (let step = 0; step <= c.left.steps(); step += 1) {
    const right = rightStepFor(c.comparison, c.stepCommands, step);
    assert.ok(right >= previous && right <= c.right.steps());
    const range = rightRange(c.comparison, c.stepCommands, step);
    assert.equal(range.to, right);
    assert.ok(range.from >= previous + 1 || range.from > range.to);
    previous = right;
  }
});

test('a command that makes many steps (`run`) is walked through step by step on both sides', () => {
  const c = compare('paxos-basic', 'one-phase-highest');
  assert.deepEqual([...c.comparison.left_steps], [1, 17]);
  const rightEnd = c.comparison.right_steps[1];
  assert.equal(rightStepFor(c.comparison, c.stepCommands, 1), 1);
  assert.equal(rightStepFor(c.comparison, c.stepCommands, 2), 2);
  assert.equal(rightStepFor(c.comparison, c.stepCommands, 16), Math.min(16, rightEnd));
  assert.equal(rightStepFor(c.comparison, c.stepCommands, 17), rightEnd);
  assert.equal(leftStepFor(c.comparison, 3), 3);
});

test('event lines are compared without message ids, a repeated line matching once per copy', () => {
  assert.equal(withoutIds('send #12 S1->S2 Prepare 11'), 'send S1->S2 Prepare 11');
  assert.equal(withoutIds('duplicate #4 as #5'), 'duplicate as');
  const diff = diffLines(['a #1', 'a #2', 'b'], ['a #7', 'c']);
  assert.deepEqual(diff.left.map((l) => l.differs), [false, true, true]);
  assert.deepEqual(diff.right.map((l) => l.differs), [false, true]);
});
