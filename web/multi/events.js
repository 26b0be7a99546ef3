// Multi-Paxos' event records shaped for the page's event lines (web/events-text.js), which
// take a record's fields as template parameters by their shape: a server id is written S3, a
// proposal `{ballot, value}` (13,Z). The Multi-Paxos module's records nest some facts, and
// name a slot `from` (which the lines would write as a server); this moves fields, and
// never decides or writes anything itself: every value is the core's.

/** A note's facts as its line's parameters (a copy; `note` is left as it was). */
function shapeNote(note) {
  const shaped = { ...note };
  if (note.note === 'campaign' || note.note === 'leading' || note.note === 'skipped-phase-one') {
    // A slot, not a server.
    shaped.first = note.from;
    delete shaped.from;
  }
  if (note.entry) Object.assign(shaped, { ballot: note.entry.ballot, op: note.entry.value });
  if (note.reported) shaped.op = note.reported.value;
  // Who reported: a server, written as one.
  if (note.note === 'reproposed' || note.note === 'ignored') shaped.from = note.by;
  // The line's variant, where the core words one note two ways.
  if (note.note === 'slot-accepted' && note.replaced) shaped.note = 'slot-accepted.replacing';
  if (note.note === 'slot-learned' && !note.quorum) shaped.note = 'slot-learned.told';
  if (note.note === 'applied' && note.key) shaped.note = note.read === null ? 'applied.unset' : 'applied.read';
  return shaped;
}

/** One event as the page's lines take it. */
export function shapeEvent(event) {
  return event.type === 'note' ? { ...event, note: shapeNote(event.note) } : event;
}

/** A core result carrying events (`events()`' list, or a delta's `{events}`), shaped. */
export function shapeEvents(result) {
  if (Array.isArray(result)) return result.map(shapeEvent);
  if (result && Array.isArray(result.events)) return { ...result, events: result.events.map(shapeEvent) };
  return result;
}
