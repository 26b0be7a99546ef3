// The run as the diagrams need it, built from the core's event log: each message's life
// (sent at one step, delivered or dropped at a later one), what each step did, and the
// moments worth marking (proposals, crashes, partitions, chosen values, violations).
// Pure data in, plain data out; extended step by step as the run grows.
import { messageKind } from './format.js';

const MARKED = new Set(['propose', 'crash', 'restart', 'partition', 'heal', 'timer', 'chosen', 'violation', 'stuck', 'livelock']);

/** An empty trace; `appendEvents` fills it. */
export function emptyTrace() {
  return {
    lastStep: 0,
    /** step -> {step, tick, cause (event or null), events: []} */
    steps: new Map(),
    /** message id -> life of the message */
    messages: new Map(),
    /** marked moments, in step order */
    marks: [],
    /** [{node, from, to|null}]: when each server was down */
    downtimes: [],
    /** [{from, to|null, groups}] */
    partitions: [],
  };
}

function stepEntry(trace, event) {
  let entry = trace.steps.get(event.step);
  if (!entry) {
    entry = { step: event.step, tick: event.tick, cause: null, events: [] };
    trace.steps.set(event.step, entry);
  }
  return entry;
}

function sendLife(event) {
  return {
    id: event.id,
    from: event.from,
    to: event.to,
    kind: messageKind(event.message),
    text: event.message_text,
    sentStep: event.step,
    sentTick: event.tick,
    dueTick: event.due_tick ?? null,
    copyOf: event.copy_of ?? null,
    endStep: null,
    end: null,
    dropCause: null,
  };
}

function endLife(trace, event, end) {
  const life = trace.messages.get(event.id);
  if (!life) return;
  life.endStep = event.step;
  life.end = end;
  if (end === 'drop') life.dropCause = event.cause;
}

function closeOpen(list, step, match = () => true) {
  for (const entry of list) if (entry.to === null && match(entry)) entry.to = step;
}

function record(trace, event) {
  switch (event.type) {
    case 'send':
      trace.messages.set(event.id, sendLife(event));
      break;
    case 'deliver':
      endLife(trace, event, 'deliver');
      break;
    case 'drop':
      endLife(trace, event, 'drop');
      break;
    case 'duplicate': {
      // A copy made by hand has no send event of its own: it is born here.
      const original = trace.messages.get(event.id);
      if (original) {
        trace.messages.set(event.copy, {
          ...original, id: event.copy, copyOf: event.id, sentStep: event.step, sentTick: event.tick,
          endStep: null, end: null, dropCause: null,
        });
      }
      break;
    }
    case 'crash':
      trace.downtimes.push({ node: event.node, from: event.step, to: null });
      break;
    case 'restart':
      closeOpen(trace.downtimes, event.step, (d) => d.node === event.node);
      break;
    case 'partition':
      closeOpen(trace.partitions, event.step);
      trace.partitions.push({ from: event.step, to: null, groups: event.groups });
      break;
    case 'heal':
      closeOpen(trace.partitions, event.step);
      break;
    default:
      break;
  }
  if (MARKED.has(event.type)) trace.marks.push(event);
}

/**
 * Adds the events of the steps after `trace.lastStep` (in order, as `pg.events` returns
 * them) to `trace`, in place; returns it.
 */
export function appendEvents(trace, events) {
  for (const event of events) {
    if (event.step <= 0) continue;
    const entry = stepEntry(trace, event);
    entry.events.push(event);
    if (event.is_cause && !entry.cause) entry.cause = event;
    record(trace, event);
    trace.lastStep = Math.max(trace.lastStep, event.step);
  }
  return trace;
}

/**
 * Forgets, in place, everything the steps from `fromStep` on added to `trace`: their entries,
 * the messages they sent (a copy made by hand included), the ends they gave to earlier
 * messages, their marks, and the downtimes and partitions they began or ended. What is left
 * is what `buildTrace` of the events before `fromStep` gives; `appendEvents` then adds a new
 * future (a run's delta). Returns `trace`.
 */
export function trimTrace(trace, fromStep) {
  if (fromStep > trace.lastStep) return trace;
  // Only the cut steps' own events are read: the cost is that of what is cut away.
  for (let step = Math.max(1, fromStep); step <= trace.lastStep; step += 1) {
    for (const event of trace.steps.get(step)?.events ?? []) {
      if (event.type === 'send') trace.messages.delete(event.id);
      else if (event.type === 'duplicate') trace.messages.delete(event.copy);
      else if (event.type === 'deliver' || event.type === 'drop') {
        const life = trace.messages.get(event.id);
        if (life && life.endStep !== null && life.endStep >= fromStep) {
          life.endStep = null;
          life.end = null;
          life.dropCause = null;
        }
      }
    }
    trace.steps.delete(step);
  }
  let kept = trace.marks.length;
  while (kept > 0 && trace.marks[kept - 1].step >= fromStep) kept -= 1;
  trace.marks.length = kept;
  for (const list of [trace.downtimes, trace.partitions]) {
    let kept = 0;
    for (const entry of list) {
      if (entry.from >= fromStep) continue;
      if (entry.to !== null && entry.to >= fromStep) entry.to = null;
      list[kept] = entry;
      kept += 1;
    }
    list.length = kept;
  }
  let last = Math.min(trace.lastStep, fromStep - 1);
  while (last > 0 && !trace.steps.has(last)) last -= 1;
  trace.lastStep = Math.max(0, last);
  return trace;
}

/** A trace of the whole of `events`. */
export function buildTrace(events) {
  return appendEvents(emptyTrace(), events);
}

/** The tick at which `step` happened (0 before anything). */
export function tickOf(trace, step) {
  for (let s = step; s > 0; s -= 1) {
    const entry = trace.steps.get(s);
    if (entry) return entry.tick;
  }
  return 0;
}

/** Messages whose life overlaps `step` as the diagram shows it: sent at or before it. */
export function messagesUpTo(trace, step) {
  return [...trace.messages.values()].filter((life) => life.sentStep <= step);
}

/** Each message id mentioned by the events of `step` (for selecting from the event list). */
export function messageIdOf(event) {
  return event.type === 'send' || event.type === 'deliver' || event.type === 'drop' ? event.id : null;
}
