import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Player } from '../../web/player.js';
import { mergeChanges, Store } from '../../web/state.js';
import { loadCore } from './core.mjs';

const core = await loadCore();
const BUSY = readFileSync(new URL('../../bench/scenarios/busy-9x200.txt', import.meta.url), 'utf8');

function storeAt(script, step) {
  const store = new Store(core, { language: 'en', presets: core.presets() });
  store.load(script);
  store.seek(step);
  const changes = [];
  store.subscribe((change) => changes.push(change));
  return { store, changes };
}

test('merged store changes redraw every part either asked for, with the first reason but an extension', () => {
  assert.deepEqual(mergeChanges({ step: true, reason: 'seek' }, { run: true, reason: 'extend' }), { step: true, run: true, reason: 'seek' });
  assert.deepEqual(mergeChanges({ run: true, reason: 'extend' }, { step: true, reason: 'seek' }), { run: true, step: true, reason: 'seek' });
  assert.deepEqual(mergeChanges({}, { ui: true, reason: 'playing' }), { ui: true, reason: 'playing' });
  assert.deepEqual(mergeChanges({ ui: true, reason: 'select' }, { ui: false, reason: 'speed' }), { ui: true, reason: 'select' });
});

test('a batch tells the views once, after it, of all it changed', () => {
  const { store, changes } = storeAt(BUSY, 0);
  const end = store.steps;
  store.seek(end);
  assert.equal(changes.length, 1);
  changes.length = 0;
  // At the end of the run: the view moves on a step, and the run is extended by the next.
  store.batch(() => {
    store.seek(end - 1);
    store.peekNext();
    assert.equal(changes.length, 0, 'nothing told while the batch runs');
  });
  assert.deepEqual(changes, [{ step: true, reason: 'seek' }]);
  changes.length = 0;
  store.seek(end);
  changes.length = 0;
  const next = store.batch(() => {
    assert.equal(store.batch(() => 'inner'), 'inner', 'a batch inside a batch is part of it');
    store.forward();
    return store.peekNext();
  });
  assert.ok(next);
  assert.equal(changes.length, 1);
  assert.deepEqual(changes[0], { run: true, step: true, reason: 'forward' });
  // A batch that changed nothing tells nothing.
  changes.length = 0;
  store.batch(() => {});
  assert.deepEqual(changes, []);
});

test('playing at the end of a run redraws once per step, not once for the step and once for the extension', () => {
  const { store, changes } = storeAt(BUSY, 0);
  store.seek(store.steps);
  changes.length = 0;
  const frames = [];
  const window = { requestAnimationFrame: (callback) => frames.push(callback), cancelAnimationFrame: () => {} };
  const motions = [];
  const player = new Player(store, { window, onMotion: (motion) => motions.push(motion), onStop: () => {} });
  const from = store.step;
  player.play();
  changes.length = 0;
  // Frames a second apart at the highest speed: several steps each.
  store.ui.speed = 8;
  let time = 0;
  for (let frame = 0; frame < 40 && frames.length > 0; frame += 1) {
    frames.shift()(time);
    time += 1000;
  }
  const steps = store.step - from;
  assert.ok(steps > 10, `played ${steps} steps`);
  const seeks = changes.filter((change) => change.reason === 'seek');
  assert.equal(seeks.length, steps, 'one redraw per step');
  assert.ok(seeks.every((change) => change.step && change.run), 'each redraw also covers the extended run');
  assert.equal(changes.filter((change) => change.reason === 'extend').length, 0);
  assert.ok(motions.length > 0);
  player.pause();
});

test('a refused intervention leaves the core usable: the step after it and the run are as before', () => {
  // Was: the refusal left the core's view pointing at the refused command, and the next
  // step trapped ("recursive use of an object" in the page afterwards).
  const pg = new core.Playground('propose S1 X\nrun\n');
  const script = pg.script();
  pg.seek(3);
  assert.throws(() => pg.intervene('timeout S2'), /S2 has no pending timer/);
  // A step inside the run changes no step of it: the delta starts after its end.
  assert.deepEqual(pg.stepForward(), { fork: pg.steps() + 1, steps: pg.steps(), replaced: 0, events: [] });
  assert.equal(pg.step(), 4);
  assert.equal(pg.script(), script);
  pg.seek(3);
  assert.throws(() => pg.intervene('restart S1'), /S1 is already up/);
  pg.intervene('crash S2');
  const replay = new core.Playground(pg.script());
  assert.deepEqual(replay.events(0, replay.steps()), pg.events(0, pg.steps()));
  pg.free();
  replay.free();
});

test('a step into a limit of the run is refused with the limit and the step, and changes nothing', () => {
  const flood = 'nodes 9\nnetwork auto\ndelay 1000..1000\nretry on\ntimeout 1\nattempts 64\n'
    + [...'ABCDEFGHI'].map((value, i) => `propose S${i + 1} ${value}\n`).join('');
  const pg = new core.Playground(`${flood}step 503\n`);
  const steps = pg.steps();
  assert.throws(() => pg.stepForward(), /^Error: step 513: more than 4096 messages would be in flight \(the limit\)$/);
  assert.equal(pg.steps(), steps);
  assert.throws(() => new core.Playground(`${flood}run\n`), /line 16, column 1: step 513: more than 4096 messages/);
  pg.free();
});

test('interventions, undo and redo change the trace by the core\'s delta, as a rebuild would', async () => {
  const { buildTrace } = await import('../../web/trace.js');
  const preset = core.presets().find((p) => p.id === 'paxos-basic');
  const { store, changes } = storeAt(preset.script, 6);
  const steps = store.steps;
  const rebuilt = () => buildTrace(store.pg.events(1, store.steps));
  const version = store.runVersion;
  const scriptBefore = store.script();
  const generation = store.traceGeneration;
  store.intervene('crash S2');
  assert.equal(changes.at(-1).reason, 'intervene');
  assert.equal(changes.at(-1).replaced, steps - 6);
  assert.deepEqual(store.trace, rebuilt());
  assert.equal(store.traceGeneration, generation, 'not rebuilt');
  assert.equal(store.changedSince(version), 7);
  assert.equal(store.changedSince(store.runVersion), Infinity);
  assert.equal(store.changedSince(-5), null);
  assert.ok(store.canUndo && !store.canRedo);
  const script = store.script();
  assert.equal(store.undo(), true);
  assert.equal(changes.at(-1).reason, 'undo');
  assert.equal(store.step, 6);
  assert.equal(store.steps, steps);
  assert.equal(store.script(), scriptBefore);
  assert.deepEqual(store.trace, rebuilt());
  assert.equal(store.redo(), true);
  assert.equal(store.script(), script);
  assert.deepEqual(store.trace, rebuilt());
  assert.equal(store.redo(), false, 'nothing more to redo');
  store.undo();
  assert.equal(store.undo(), false, 'nothing more to undo');
});

test('a load that replaces a run the person changed keeps it: Undo brings it back as it was viewed, Redo the new one', () => {
  const basic = core.presets().find((p) => p.id === 'paxos-basic');
  const seed5 = core.presets().find((p) => p.id === 'seed-5');
  const { store, changes } = storeAt(seed5.script, 4);
  store.origin = { script: seed5.script, presetId: 'seed-5', modified: false };
  store.intervene('crash S2');
  const changed = { script: store.script(), step: store.step, origin: store.origin };
  // Reset (a load of the same scenario): the changed run is kept, and the change says so.
  store.reset();
  assert.equal(changes.at(-1).reason, 'load');
  assert.equal(changes.at(-1).kept, true);
  assert.equal(store.step, 0);
  assert.ok(store.canUndo, 'Undo can bring the replaced run back');
  assert.ok(!store.canRedo);
  const fresh = store.script();
  assert.notEqual(fresh, changed.script);
  assert.equal(store.undo(), true);
  assert.equal(changes.at(-1).reason, 'undo');
  assert.equal(store.script(), changed.script);
  assert.equal(store.step, changed.step, 'viewed at the step it was viewed at');
  assert.equal(store.origin, changed.origin);
  assert.ok(store.canUndo, 'its own intervention can still be undone');
  assert.ok(store.canRedo, 'and the reset redone');
  assert.equal(store.redo(), true);
  assert.equal(store.script(), fresh);
  assert.equal(store.step, 0);
  // A run as loaded is not kept (loading it again gives it back): another load replaces it
  // and Undo still brings back the changed run, not the fresh one.
  store.loadPreset('paxos-basic');
  assert.equal(changes.at(-1).kept, false);
  assert.equal(store.script(), new core.Playground(basic.script).script());
  assert.equal(store.undo(), true);
  assert.equal(store.script(), changed.script);
  // The core's own undo comes first on a run that has one: the intervention, then nothing.
  assert.equal(store.undo(), true);
  assert.equal(changes.at(-1).reason, 'undo');
  assert.equal(store.script(), new core.Playground(seed5.script).script());
  assert.equal(store.undo(), false, 'nothing more to undo');
  assert.ok(!store.canUndo);
});

test('a new intervention drops the runs Undo took away; at most two replaced runs are kept', () => {
  const seed5 = core.presets().find((p) => p.id === 'seed-5');
  const { store } = storeAt(seed5.script, 3);
  const scripts = [];
  for (const server of ['S1', 'S2', 'S3']) {
    store.intervene(`crash ${server}`);
    scripts.push(store.script());
    store.load(seed5.script);
    store.seek(3);
  }
  // Three changed runs replaced: the two latest are kept, the oldest is dropped.
  assert.equal(store.undo(), true);
  assert.equal(store.script(), scripts[2]);
  store.undo(); // its crash
  assert.equal(store.undo(), true);
  assert.equal(store.script(), scripts[1]);
  store.undo(); // its crash
  assert.equal(store.canUndo, false, 'the first run is not kept');
  // Undo took runs off the screen; a new intervention here drops them.
  assert.ok(store.canRedo);
  store.intervene('crash S4');
  assert.equal(store.canRedo, false);
  assert.equal(store.redo(), false);
});
