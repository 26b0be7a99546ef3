// The log grid's layout (web/layout/log-grid.js): rows and cells from the Multi-Paxos
// module's snapshots of real runs (its presets), and from hand-made snapshots for the edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLogSnapshot, logGrid, MAX_SLOTS, messagesPerChosen } from '../../web/layout/log-grid.js';
import { loadCore, loadMultiCore } from './core.mjs';

const multi = await loadMultiCore();
const core = await loadCore();

function snapshotAt(id, step) {
  const preset = multi.presets().find((p) => p.id === id);
  const pg = new multi.Playground(preset.script);
  pg.seek(step ?? pg.steps());
  const snapshot = pg.snapshot();
  const events = pg.events(1, pg.step());
  pg.free();
  return { snapshot, events };
}

const kinds = (row) => row.cells.map((c) => c.kind);

test('the recovery preset at its end: the re-proposed slot, the no-op hole, the chosen marks', () => {
  const { snapshot } = snapshotAt('multi-recovery');
  const grid = logGrid(snapshot);
  // S5 leads with its next command in slot 5: slots 1..5.
  assert.deepEqual(grid.slots, [1, 2, 3, 4, 5]);
  assert.deepEqual(grid.chosen.map((c) => c && c.entry.value), ['set x 1', 'no-op', 'set z 3', null, null]);
  const [s1, s2, s3, s4, s5] = grid.rows;
  // S1 restarted: its set y 2 in slot 2 is replaced by the no-op; slot 3 still holds its own 11.
  assert.deepEqual(kinds(s1), ['entry', 'noop', 'entry', 'empty', 'empty']);
  assert.deepEqual(s1.cells[2].entry, { ballot: '11', value: 'set z 3' });
  assert.deepEqual(s1.cells.map((c) => c.chosen), [true, true, true, false, false]);
  assert.equal(s1.applied, 3);
  assert.deepEqual(s1.register, [['x', '1'], ['z', '3']]);
  // S2 accepted only slot 1, and has not learnt it.
  assert.deepEqual(kinds(s2), ['entry', 'empty', 'empty', 'empty', 'empty']);
  assert.equal(s2.cells[0].learned, null);
  assert.deepEqual(s2.register, []);
  // S3 holds the re-proposed set z 3 under S5's 15.
  assert.deepEqual(s3.cells[2].entry, { ballot: '15', value: 'set z 3' });
  // S4 never got slot 1's Accept: a hole below its log's end.
  assert.equal(s4.cells[0].kind, 'hole');
  assert.equal(s4.cells[0].chosen, false);
  // S5, the leader, learnt slot 1 without accepting it; its own command waits in slot 4.
  assert.equal(s5.leading, true);
  assert.equal(s5.next, 5);
  assert.equal(s5.cells[0].kind, 'learned');
  assert.equal(s5.cells[0].learned, 'set x 1');
  assert.deepEqual(s5.cells[3].entry, { ballot: '15', value: 'set w 4' });
  assert.equal(s5.cells[3].chosen, false);
  assert.deepEqual(s5.cells.map((c) => c.applied), [true, true, true, false, false]);
  assert.equal(grid.rows.filter((r) => r.leading).length, 1);
});

test('before anything is accepted the grid is empty; a step later the cells fill from the core', () => {
  const { snapshot } = snapshotAt('multi-steady', 0);
  assert.deepEqual(logGrid(snapshot).slots, []);
  assert.equal(logGrid(snapshot).rows.length, snapshot.nodes.length);
  const end = logGrid(snapshotAt('multi-steady').snapshot);
  assert.deepEqual(end.chosen.filter(Boolean).map((c) => c.entry.value), ['set x 1', 'set y 2', 'get x']);
  for (const row of end.rows) assert.ok(row.cells.length === end.slots.length);
});

test('every Multi-Paxos preset at every step: cells agree with the core\'s snapshot', () => {
  for (const preset of multi.presets()) {
    const pg = new multi.Playground(preset.script);
    for (let step = 0; step <= pg.steps(); step += 1) {
      pg.seek(step);
      const snapshot = pg.snapshot();
      const grid = logGrid(snapshot);
      const chosen = new Map((snapshot.slots_chosen ?? []).map((c) => [c.slot, c]));
      grid.rows.forEach((row, i) => {
        const log = snapshot.nodes[i].log;
        for (const cell of row.cells) {
          const core = log.cells.find((c) => c.slot === cell.slot);
          assert.deepEqual(cell.entry, core?.accepted ?? null, `${preset.id} step ${step}`);
          assert.equal(cell.chosen, Boolean(core?.accepted && chosen.get(cell.slot)?.entry.value === core.accepted.value));
          assert.equal(cell.applied, cell.slot <= log.applied);
        }
      });
    }
    pg.free();
  }
});

test('at most 16 slots; a run without logs has no grid', () => {
  const cells = Array.from({ length: 20 }, (_, i) => ({ slot: i + 1, accepted: { ballot: '11', value: 'no-op' }, learned: null }));
  const snapshot = { nodes: [{ id: 1, up: true, log: { cells, applied: 0, register: [], pending: [], next: 21 } }], slots_chosen: [] };
  const grid = logGrid(snapshot);
  assert.equal(grid.slots.length, MAX_SLOTS);
  assert.equal(grid.rows[0].cells.length, MAX_SLOTS);
  assert.ok(grid.rows[0].cells.every((c) => c.kind === 'noop'));
  const basic = new core.Playground('protocol basic-paxos\nnodes 3\npropose S1 X\n');
  assert.equal(isLogSnapshot(basic.snapshot()), false);
  assert.deepEqual(logGrid(basic.snapshot()), { slots: [], chosen: [], rows: [] });
  basic.free();
});

test('messages per chosen command: network sends and copies over distinct chosen commands', () => {
  const { snapshot, events } = snapshotAt('multi-steady');
  const sends = events.filter((e) => e.type === 'send').length;
  const count = messagesPerChosen(events, snapshot.slots_chosen.length);
  assert.equal(count.sent, sends + events.filter((e) => e.type === 'duplicate').length);
  assert.equal(count.chosen, 3);
  assert.equal(count.perChosen, Math.round((count.sent / 3) * 10) / 10);
  assert.ok(events.some((e) => e.type === 'local'), 'a server\'s messages to itself are not counted');
  assert.deepEqual(messagesPerChosen([], 0), { sent: 0, chosen: 0, perChosen: null });
});
