// The Multi-Paxos log grid as data: one row per server, one column per slot (16 at most, the
// core's log size), each cell what that server's acceptor holds there and how it stands.
// Pure: the core's snapshot in, rows and cells out; web/multi/log-grid.js draws them. It
// decides nothing about the protocol: "chosen" is the core's (`slots_chosen`, Lamport's
// definition, observed), "learned" and "applied" are each server's own (`log`), and a hole is
// only a name for what the snapshot shows: a slot below the log's end with nothing accepted.

/** The core's log has 16 slots (protocol::multi); the grid never draws more. */
export const MAX_SLOTS = 16;

/** The command a no-op slot holds, as the core writes it. */
export const NO_OP = 'no-op';

/** Whether `snapshot` is a Multi-Paxos run's (its servers carry a log). */
export function isLogSnapshot(snapshot) {
  return snapshot.nodes.some((node) => node.log);
}

/** How many slots the grid shows: up to the highest one any server or the observer knows. */
function slotCount(snapshot) {
  let last = 0;
  for (const node of snapshot.nodes) {
    const log = node.log;
    if (!log) continue;
    last = Math.max(last, log.cells.length ? log.cells[log.cells.length - 1].slot : 0, log.applied);
    // A leader's next slot (where its next command goes) is shown, empty.
    if (log.next) last = Math.max(last, log.next);
  }
  for (const chosen of snapshot.slots_chosen ?? []) last = Math.max(last, chosen.slot);
  return Math.min(last, MAX_SLOTS);
}

/** slot -> the command the observer saw chosen there (the first, in a broken run). */
function chosenBySlot(snapshot) {
  const bySlot = new Map();
  for (const chosen of snapshot.slots_chosen ?? []) if (!bySlot.has(chosen.slot)) bySlot.set(chosen.slot, chosen);
  return bySlot;
}

/**
 * One cell: `kind` is 'entry' or 'noop' (what the acceptor holds), 'learned' (nothing
 * accepted, but the server learnt the slot's command: a Decide or a promise reported it),
 * 'hole' (neither, below the server's highest slot) or 'empty'; `chosen` when the entry holds the command the
 * observer saw chosen in that slot; `learned` when the server learnt the slot chosen (its
 * command); `applied` within the server's applied prefix.
 */
function cellOf(log, slot, chosen, logEnd) {
  const cell = log.cells.find((c) => c.slot === slot) ?? { slot, accepted: null, learned: null };
  const entry = cell.accepted;
  let kind = 'empty';
  if (entry) kind = entry.value === NO_OP ? 'noop' : 'entry';
  else if (cell.learned) kind = 'learned';
  else if (slot < logEnd) kind = 'hole';
  return {
    slot,
    kind,
    entry,
    chosen: Boolean(entry && chosen && chosen.entry.value === entry.value),
    learned: cell.learned,
    applied: slot <= log.applied,
  };
}

/**
 * The grid for `snapshot`: `{slots, chosen, rows}` where `slots` are the column numbers,
 * `chosen[i]` the observer's record for slot `slots[i]` (or null) and each row
 * `{id, up, leading, next, applied, register, pending, cells}`. Empty for a run without logs.
 */
export function logGrid(snapshot) {
  if (!isLogSnapshot(snapshot)) return { slots: [], chosen: [], rows: [] };
  const count = slotCount(snapshot);
  const slots = Array.from({ length: count }, (_, i) => i + 1);
  const chosen = chosenBySlot(snapshot);
  const rows = snapshot.nodes.map((node) => {
    const log = node.log ?? { cells: [], applied: 0, register: [], pending: [], next: null };
    // Where this server's log ends: its highest slot with anything in it.
    const logEnd = Math.max(0, ...log.cells.filter((c) => c.accepted || c.learned).map((c) => c.slot));
    return {
      id: node.id,
      up: node.up,
      leading: log.next !== null && log.next !== undefined,
      next: log.next ?? null,
      applied: log.applied,
      register: log.register,
      pending: log.pending,
      cells: slots.map((slot) => cellOf(log, slot, chosen.get(slot), logEnd)),
    };
  });
  return { slots, chosen: slots.map((slot) => chosen.get(slot) ?? null), rows };
}

/** The events of a run up to `step`, as the page's trace (web/trace.js) holds them. */
export function eventsUpTo(trace, step) {
  const events = [];
  for (const [at, entry] of trace.steps) if (at <= step) events.push(...entry.events);
  return events;
}

/**
 * How many commands the core's observer has seen chosen by the snapshot's step: the slots
 * with a chosen command in a log (`slots_chosen`), or, in a single-decree protocol, whose one
 * command is its value, the values chosen (`chosen`: more than one only in a broken run).
 */
export function chosenCommands(snapshot) {
  if (snapshot.slots_chosen?.length) return new Set(snapshot.slots_chosen.map((c) => c.slot)).size;
  return new Set((snapshot.chosen ?? []).map((c) => c.proposal.value)).size;
}

/**
 * Messages per chosen command up to the viewed step: every message sent over the network
 * (`send` and `duplicate` events; a server's message to itself is local, not sent) divided by
 * the commands seen chosen. `events` are the run's events up to the step. Null while nothing
 * is chosen.
 */
export function messagesPerChosen(events, chosenCount) {
  const sent = events.filter((event) => event.type === 'send' || event.type === 'duplicate').length;
  if (chosenCount === 0) return { sent, chosen: 0, perChosen: null };
  return { sent, chosen: chosenCount, perChosen: Math.round((sent / chosenCount) * 10) / 10 };
}
