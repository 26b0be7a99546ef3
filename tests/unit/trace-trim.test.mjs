// trimTrace against the real core: cutting a trace at any step leaves exactly the trace of
// the events before it, and a delta (intervene, step, undo, redo) applied to the page's
// trace gives the trace of the whole new event log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendEvents, buildTrace, trimTrace } from '../../web/trace.js';
import { loadCore } from './core.mjs';

const core = await loadCore();

function allEvents(pg) {
  return pg.events(1, pg.steps());
}

/** The trace as comparable plain data (messages in id order). */
function plain(trace) {
  return {
    lastStep: trace.lastStep,
    steps: [...trace.steps.entries()].sort((a, b) => a[0] - b[0]),
    messages: [...trace.messages.entries()].sort((a, b) => a[0] - b[0]),
    marks: trace.marks,
    downtimes: trace.downtimes,
    partitions: trace.partitions,
  };
}

test('a trimmed trace is the trace of the events before the cut, at every step of every preset', () => {
  let cuts = 0;
  for (const preset of core.presets()) {
    const pg = new core.Playground(preset.script);
    const events = allEvents(pg);
    for (let cut = 0; cut <= pg.steps() + 1; cut += 1) {
      const trimmed = trimTrace(buildTrace(events), cut);
      assert.deepEqual(plain(trimmed), plain(buildTrace(events.filter((e) => e.step < cut))), `${preset.id} cut at ${cut}`);
      cuts += 1;
    }
    pg.free();
  }
  assert.ok(cuts > 100);
});

test('the trimmed trace keeps the lives, downtimes and partitions that a cut reopens', () => {
  const pg = new core.Playground('nodes 3\nnetwork manual\npropose S1 X\ndeliver #1\ncrash S3\npartition S1 | S2 S3\nrestart S3\nheal\n');
  const events = allEvents(pg);
  const full = buildTrace(events);
  assert.equal(full.messages.get(1).end, 'deliver');
  assert.ok(full.downtimes[0].to !== null && full.partitions[0].to !== null);
  const trimmed = trimTrace(buildTrace(events), 5);
  assert.equal(trimmed.messages.get(1).end, 'deliver', 'delivered at step 2, before the cut');
  assert.equal(trimmed.downtimes[0].to, null, 'the restart was cut away');
  assert.equal(trimmed.partitions[0].to, null, 'the heal was cut away');
  const earlier = trimTrace(buildTrace(events), 2);
  assert.equal(earlier.messages.get(1).end, null, 'in flight again');
  assert.equal(earlier.lastStep, 1);
  pg.free();
});

test('deltas of interventions, steps, undo and redo keep the page\'s trace equal to the whole log\'s', () => {
  for (const id of ['seed-3', 'paxos-basic', 'crash-phase2', 'partition-heal']) {
    const preset = core.presets().find((p) => p.id === id);
    const pg = new core.Playground(preset.script);
    const trace = buildTrace(allEvents(pg));
    const apply = (delta) => {
      assert.ok(delta, 'a delta');
      assert.equal(delta.steps, pg.steps());
      appendEvents(trimTrace(trace, delta.fork), delta.events);
      assert.deepEqual(plain(trace), plain(buildTrace(allEvents(pg))), `${id} after ${JSON.stringify({ fork: delta.fork })}`);
    };
    const steps = pg.steps();
    pg.seek(Math.floor(steps / 2));
    const delta = pg.intervene('crash S2');
    assert.equal(delta.fork, Math.floor(steps / 2) + 1);
    assert.equal(delta.replaced, steps - Math.floor(steps / 2));
    apply(delta);
    assert.ok(pg.canUndo() && !pg.canRedo());
    for (let i = 0; i < 3; i += 1) {
      const step = pg.stepForward();
      if (step) apply(step);
    }
    apply(pg.undo());
    assert.equal(pg.step(), Math.floor(steps / 2));
    assert.equal(pg.steps(), steps);
    apply(pg.redo());
    apply(pg.undo());
    pg.seek(1);
    apply(pg.intervene('crash S1'));
    assert.ok(!pg.canRedo());
    assert.equal(pg.redo(), undefined);
    pg.free();
  }
});
