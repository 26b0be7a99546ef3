// The core's event records worded in the reader's language. Pure: an event (as
// `Playground.events` gives it) and a translator in, one line out. The English texts are
// written so that this reproduces the core's canonical line exactly (the page module does
// not send it; tests/unit/events-text.test.mjs checks every event of every preset against
// the aids' module's `eventLines`). Notation stays as the core writes it in every language:
// server names (S3), proposal numbers (13), proposals ((13,Z)), server sets ({S1,S2}) and
// message texts (the core's `message_text`, "Prepare 13"), so the page never writes
// protocol notation of its own.
//
// Each record's fields become the template's parameters by their shape, not by protocol
// meaning: a server id (node, from, to) is written S3, a list of server ids {S1,S2}, a
// proposal (13,Z); the template is `ev.<type>`, or `ev.note.<note>` for a server's note,
// with a variant suffix where the core words one record two ways.
import { proposalText, serverLabel, serverSetText } from './format.js';

const SERVERS = new Set(['node', 'from', 'to']);

/** A record's fields as template parameters, each written in the core's notation. */
function params(record) {
  const out = {};
  for (const [key, value] of Object.entries(record)) {
    if (SERVERS.has(key)) out[key] = serverLabel(value);
    else if (Array.isArray(value) && value.every(Number.isInteger)) out[key] = serverSetText(value);
    else if (value?.ballot !== undefined && value.value !== undefined) out[key] = proposalText(value);
    else out[key] = value;
  }
  return out;
}

/** A chosen value's facts: "X at step 3: (11,X) accepted by {S1,S2,S3}". */
function chosenText(t, chosen) {
  return t('ev.chosenFacts', { ...params(chosen), value: chosen.label ?? chosen.proposal.value });
}

function violationText(t, violation) {
  const p = { ...params(violation), ...violation.chosen && params(violation.chosen) };
  const { first, second, second_promises: promises } = violation;
  if (violation.property !== 'agreement') return t(`ev.violation.${violation.property}`, { ...p, value: violation.chosen.label ?? violation.chosen.proposal.value, chosenStep: violation.chosen.step, step: violation.step ?? violation.chosen.step });
  // A slot's agreement (Multi-Paxos: web/multi/events.js) names its slot.
  const text = t(violation.slot ? 'ev.violation.slotagreement' : 'ev.violation.agreement', {
    slot: violation.slot, step: second.step, first: first.proposal.value, second: second.proposal.value, firstChosen: chosenText(t, first), secondChosen: chosenText(t, second),
  });
  if (!promises) return text;
  const meet = promises.filter((id) => first.quorum.includes(id));
  return text + t(meet.length ? 'ev.violation.met' : 'ev.violation.missed', {
    promises: serverSetText(promises), ballot: second.proposal.ballot, quorum: serverSetText(first.quorum), meet: serverSetText(meet), value: first.proposal.value,
  });
}

/** Which of a note's wordings applies: '' for its plain one. */
function noteVariant(note) {
  switch (note.note) {
    case 'promised':
      return note.previous === '-' ? '' : note.previous === note.ballot ? '.again' : '.over';
    case 'accepted':
      return note.replaced ? '.replacing' : '';
    case 'phase-two':
      return note.adopted ? '.adopted' : '';
    case 'forgot':
      return note.accepted ? '.both' : '';
    default:
      return '';
  }
}

/** One event's line in the language of `t`. */
export function eventText(event, t) {
  const p = { ...params(event), message: event.message_text, link: `${serverLabel(event.from)}->${serverLabel(event.to)}` };
  switch (event.type) {
    case 'send':
      return t('ev.send', p) + (event.due_tick == null ? '' : t('ev.send.due', { tick: event.due_tick }))
        + (event.copy_of == null ? '' : t('ev.send.copy', { original: event.copy_of }));
    case 'local':
      return t('ev.local', { ...p, link: `${p.node}->${p.node}` });
    case 'drop':
      return t('ev.drop', { ...p, why: t(`ev.drop.${event.cause}`) });
    case 'partition':
      return t('ev.partition', { groups: event.groups.map((group) => group.map(serverLabel).join(' ')).join(' | ') });
    case 'timer':
      return t(`ev.timer.${event.timer.timer}`, p);
    case 'note': {
      const { note } = event;
      const q = { ...params(note), ...p, value: note.value ?? note.proposal?.value };
      if (note.adopted) Object.assign(q, { from: serverLabel(note.adopted[0]), adopted: proposalText(note.adopted[1]) });
      return t(`ev.note.${note.note}${noteVariant(note)}`, q);
    }
    case 'chosen':
      return t('ev.chosen', { facts: chosenText(t, event.chosen) });
    case 'violation':
      return t('ev.violation', { facts: violationText(t, event.violation) });
    case 'stuck': {
      const holders = event.holders.map(([value, ids]) => `${value} ${serverSetText(ids)}`);
      if (event.empty.length > 0) holders.push(t('ev.stuck.empty', { servers: serverSetText(event.empty) }));
      return t('ev.stuck', { holders: holders.join(', ') });
    }
    case 'livelock':
      return t('ev.livelock', { ...p, ladder: event.ladder.join(' < ') });
    default:
      return t(`ev.${event.type}`, p);
  }
}
