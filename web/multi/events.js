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

/** A slot's chosen record ({slot, entry, quorum, step}) as a chosen value's: its proposal
 *  is the entry, and its `label` the slot and command ("#1 set x 1"), as the core's lines
 *  name a chosen slot. */
function shapeSlotChosen({ slot, entry, ...rest }) {
  return { ...rest, proposal: entry, label: `#${slot} ${entry.value}` };
}

/**
 * A Multi-Paxos violation as the page's lines and observer take a single value's: a slot's
 * agreement, stability and validity are those properties of the slot's command. Log
 * consistency (two servers applied different commands in one slot) has its own words
 * (web/multi/texts-*.js), its servers and commands as plain parameters.
 */
export function shapeViolation(violation) {
  switch (violation.property) {
    case 'slotagreement':
      return { ...violation, property: 'agreement', slot: `#${violation.first.slot}`, first: shapeSlotChosen(violation.first), second: shapeSlotChosen(violation.second) };
    case 'slotstability':
      return { ...violation, property: 'stability', chosen: shapeSlotChosen(violation.chosen) };
    case 'slotvalidity':
      return { ...violation, property: 'validity', chosen: shapeSlotChosen(violation.chosen) };
    case 'logconsistency': {
      const [[firstServer, firstOp], [secondServer, secondOp]] = [violation.first, violation.second];
      const slot = `#${violation.slot}`;
      return {
        property: 'logconsistency', step: violation.step, slot,
        firstServer: `S${firstServer}`, firstOp, secondServer: `S${secondServer}`, secondOp,
        // Read by the generic line's parameters (a value and the step it was chosen at).
        chosen: { proposal: { ballot: null, value: slot }, step: violation.step },
      };
    }
    default:
      return violation;
  }
}

/** One event as the page's lines take it. */
export function shapeEvent(event) {
  if (event.type === 'note') return { ...event, note: shapeNote(event.note) };
  if (event.type === 'violation') return { ...event, violation: shapeViolation(event.violation) };
  return event;
}

/**
 * How a server's stage reads (web/format.js `phaseDescription`, which the cluster and the
 * servers table use): a Multi-Paxos server runs for leader (`preparing`, its number in
 * `ballot`) or leads (`leading`, with the next slot it fills); the other stages read as in
 * the single-decree protocols.
 */
function describeServer(node) {
  if (node.stage === 'preparing') return { role: 'node.role.proposer', key: 'phase.campaigning', params: { ballot: node.ballot } };
  if (node.stage === 'leading') return { role: 'node.role.leader', key: 'phase.leading', params: { ballot: node.ballot, next: node.log?.next ?? '–' } };
  return undefined;
}

/** A snapshot with its servers described and its verdict's violations shaped (the cluster,
 *  the servers table and the observer read them). */
export function shapeSnapshot(snapshot) {
  if (!snapshot?.nodes) return snapshot;
  const nodes = snapshot.nodes.map((node) => {
    const description = describeServer(node);
    return description ? { ...node, description } : node;
  });
  const violations = snapshot.verdict?.violations ?? [];
  return { ...snapshot, nodes, verdict: { ...snapshot.verdict, violations: violations.map((v) => labelled(shapeViolation(v))) } };
}

/** A shaped violation for the observer's sentences, which name a chosen value by its
 *  proposal's value: there, a slot's command is named by its label ("#1 set x 1"). */
function labelled(violation) {
  const relabel = (chosen) => chosen && { ...chosen, proposal: { ...chosen.proposal, value: chosen.label ?? chosen.proposal.value } };
  return { ...violation, first: relabel(violation.first), second: relabel(violation.second), chosen: relabel(violation.chosen) };
}

/** A core result carrying events (`events()`' list, or a delta's `{events}`), shaped. */
export function shapeEvents(result) {
  if (Array.isArray(result)) return result.map(shapeEvent);
  if (result && Array.isArray(result.events)) return { ...result, events: result.events.map(shapeEvent) };
  return result;
}
