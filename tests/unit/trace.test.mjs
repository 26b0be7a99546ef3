import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendEvents, buildTrace, emptyTrace, messageIdOf, messagesUpTo, tickOf } from '../../web/trace.js';
import { loadCore } from './core.mjs';

const prepare = { type: 'Prepare', ballot: '11' };
const EVENTS = [
  { step: 1, tick: 0, type: 'propose', node: 1, value: 'X', is_cause: true, text: 'propose S1 X' },
  { step: 1, tick: 0, type: 'send', id: 1, from: 1, to: 2, message: prepare, message_text: 'Prepare 11', due_tick: 2, copy_of: null, is_cause: false, text: 'send #1' },
  { step: 1, tick: 0, type: 'send', id: 2, from: 1, to: 3, message: prepare, message_text: 'Prepare 11', due_tick: 3, copy_of: null, is_cause: false, text: 'send #2' },
  { step: 2, tick: 2, type: 'deliver', id: 1, from: 1, to: 2, message: prepare, is_cause: true, text: 'deliver #1' },
  { step: 3, tick: 2, type: 'duplicate', id: 2, copy: 3, is_cause: true, text: 'duplicate #2 as #3' },
  { step: 4, tick: 3, type: 'crash', node: 3, is_cause: true, text: 'crash S3' },
  { step: 5, tick: 3, type: 'drop', id: 2, from: 1, to: 3, message: prepare, cause: 'crashed', text: 'drop #2' },
  { step: 6, tick: 4, type: 'partition', groups: [[1, 2], [3]], is_cause: true, text: 'partition S1 S2 | S3' },
  { step: 7, tick: 5, type: 'restart', node: 3, is_cause: true, text: 'restart S3' },
  { step: 8, tick: 6, type: 'heal', is_cause: true, text: 'heal' },
];

test('a message lives from the step that sends it to the one that delivers or drops it', () => {
  const trace = buildTrace(EVENTS);
  assert.equal(trace.lastStep, 8);
  assert.deepEqual(trace.messages.get(1), {
    id: 1, from: 1, to: 2, kind: 'prepare', text: 'Prepare 11', sentStep: 1, sentTick: 0, dueTick: 2, copyOf: null,
    endStep: 2, end: 'deliver', dropCause: null,
  });
  const dropped = trace.messages.get(2);
  assert.equal(dropped.end, 'drop');
  assert.equal(dropped.endStep, 5);
  // The drop event's `cause` is the reason (a string), not the step's "main event" flag.
  assert.equal(dropped.dropCause, 'crashed');
});

test('a copy made by hand is born at the duplicate step, as a copy of its original', () => {
  const copy = buildTrace(EVENTS).messages.get(3);
  assert.equal(copy.copyOf, 2);
  assert.equal(copy.sentStep, 3);
  assert.equal(copy.end, null);
  assert.equal(copy.text, 'Prepare 11');
});

test('steps know their tick and cause; downtimes and partitions have their spans', () => {
  const trace = buildTrace(EVENTS);
  assert.equal(trace.steps.get(1).cause.type, 'propose');
  assert.equal(trace.steps.get(1).events.length, 3);
  assert.equal(tickOf(trace, 0), 0);
  assert.equal(tickOf(trace, 4), 3);
  assert.equal(tickOf(trace, 99), 6);
  assert.deepEqual(trace.downtimes, [{ node: 3, from: 4, to: 7 }]);
  assert.deepEqual(trace.partitions, [{ from: 6, to: 8, groups: [[1, 2], [3]] }]);
  assert.deepEqual(trace.marks.map((m) => m.type), ['propose', 'crash', 'partition', 'restart', 'heal']);
  assert.deepEqual(messagesUpTo(trace, 2).map((m) => m.id), [1, 2]);
  assert.equal(messageIdOf(EVENTS[3]), 1);
  assert.equal(messageIdOf(EVENTS[0]), null);
});

test('appending the later steps gives the same trace as building it at once', () => {
  const whole = buildTrace(EVENTS);
  const parts = appendEvents(emptyTrace(), EVENTS.filter((e) => e.step <= 4));
  appendEvents(parts, EVENTS.filter((e) => e.step > 4));
  assert.deepEqual(parts, whole);
});

test('on a real run every delivered message was sent before, and in-flight ones match the snapshot', async () => {
  const core = await loadCore();
  for (const preset of core.presets()) {
    const pg = new core.Playground(preset.script);
    const trace = buildTrace(pg.events(1, pg.steps()));
    assert.equal(trace.lastStep, pg.steps(), preset.id);
    for (const life of trace.messages.values()) {
      if (life.endStep !== null) assert.ok(life.endStep > life.sentStep, `${preset.id} #${life.id}`);
    }
    const middle = Math.floor(pg.steps() / 2);
    pg.seek(middle);
    const flying = pg.snapshot().in_flight.map((m) => m.id).sort((a, b) => a - b);
    const expected = [...trace.messages.values()]
      .filter((life) => life.sentStep <= middle && (life.endStep === null || life.endStep > middle))
      .map((life) => life.id).sort((a, b) => a - b);
    assert.deepEqual(flying, expected, `${preset.id} at step ${middle}`);
    pg.free();
  }
});
