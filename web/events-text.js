// The core's event records worded in the reader's language. Pure: an event (as
// `Playground.events` gives it) and a translator in, one line out. The English texts are
// written so that this reproduces the core's canonical line exactly (the page module does
// not send it; tests/unit/events-text.test.mjs checks every event of every preset against
// the aids' module's `eventLines`). Notation stays
// as the core writes it in every language: server names (S3), proposal numbers (13),
// proposals ((13,Z)), server sets ({S1,S2}) and message texts (the core's `message_text`,
// "Prepare 13"), so the page never writes protocol notation of its own.
import { proposalText, serverLabel, serverSetText } from './format.js';

/** "S1->S3": a link as the core writes it. */
function link(event) {
  return `${serverLabel(event.from)}->${serverLabel(event.to)}`;
}

/** "S1 S2 | S3 S4 S5": a partition's groups as scripts write them. */
function groupsText(groups) {
  return groups.map((group) => group.map(serverLabel).join(' ')).join(' | ');
}

/** A chosen value's facts: "X at step 3: (11,X) accepted by {S1,S2,S3}". */
function chosenText(t, chosen) {
  return t('ev.chosenFacts', {
    value: chosen.proposal.value, step: chosen.step, proposal: proposalText(chosen.proposal), quorum: serverSetText(chosen.quorum),
  });
}

function violationText(t, violation) {
  switch (violation.property) {
    case 'agreement': {
      const { first, second } = violation;
      let text = t('ev.violation.agreement', {
        step: second.step, first: first.proposal.value, second: second.proposal.value,
        firstChosen: chosenText(t, first), secondChosen: chosenText(t, second),
      });
      const promises = violation.second_promises;
      if (promises) {
        const meet = promises.filter((id) => first.quorum.includes(id));
        const params = {
          promises: serverSetText(promises), ballot: second.proposal.ballot, quorum: serverSetText(first.quorum),
          meet: serverSetText(meet), value: first.proposal.value,
        };
        text += t(meet.length === 0 ? 'ev.violation.missed' : 'ev.violation.met', params);
      }
      return text;
    }
    case 'validity':
      return t('ev.violation.validity', { step: violation.chosen.step, value: violation.chosen.proposal.value });
    case 'stability':
      return t('ev.violation.stability', {
        step: violation.step, value: violation.chosen.proposal.value, chosenStep: violation.chosen.step,
        quorum: serverSetText(violation.chosen.quorum), holders: serverSetText(violation.holders),
      });
    default:
      return String(violation.property);
  }
}

function noteText(t, event) {
  const node = serverLabel(event.node);
  const note = event.note;
  const p = (proposal) => proposalText(proposal);
  switch (note.note) {
    case 'promised':
      if (note.previous === '-') return t('ev.note.promised', { node, ballot: note.ballot });
      if (note.previous === note.ballot) return t('ev.note.promisedAgain', { node, ballot: note.ballot });
      return t('ev.note.promisedOver', { node, ballot: note.ballot, previous: note.previous });
    case 'accepted':
      return note.replaced
        ? t('ev.note.acceptedReplacing', { node, proposal: p(note.proposal), old: p(note.replaced) })
        : t('ev.note.accepted', { node, proposal: p(note.proposal) });
    case 'refused':
      return t('ev.note.refused', { node, message: event.message_text });
    case 'phase-two': {
      const params = { node, promises: serverSetText(note.promises), proposal: p(note.proposal) };
      if (!note.adopted) return t('ev.note.phaseTwoOwn', params);
      const [from, adopted] = note.adopted;
      return t('ev.note.phaseTwoAdopted', { ...params, from: serverLabel(from), adopted: p(adopted) });
    }
    case 'preempted':
      return t('ev.note.preempted', { node, ballot: note.ballot, by: note.by });
    case 'defeated':
      return t('ev.note.defeated', { node, proposal: p(note.proposal), refusals: serverSetText(note.refusals) });
    case 'timed-out':
      return t('ev.note.timedOut', { node, ballot: note.ballot });
    case 'attempt':
      return t('ev.note.attempt', { node, attempt: note.attempt, proposal: p(note.proposal) });
    case 'backing-off':
      return t('ev.note.backingOff', { node, ticks: note.ticks_max });
    case 'gave-up':
      return t('ev.note.gaveUp', { node, value: note.value });
    case 'learned':
      return t('ev.note.learned', { node, value: note.proposal.value, proposal: p(note.proposal), quorum: serverSetText(note.quorum) });
    case 'forgot':
      return note.accepted
        ? t('ev.note.forgotBoth', { node, promised: note.promised, accepted: p(note.accepted) })
        : t('ev.note.forgot', { node, promised: note.promised });
    default:
      return `${node} ${note.note}`;
  }
}

/** One event's line in the language of `t`. */
export function eventText(event, t) {
  const node = event.node === undefined ? undefined : serverLabel(event.node);
  const message = event.message_text;
  switch (event.type) {
    case 'propose':
      return t('ev.propose', { node, value: event.value });
    case 'send': {
      let text = t('ev.send', { id: event.id, link: link(event), message });
      if (event.due_tick !== null && event.due_tick !== undefined) text += t('ev.send.due', { tick: event.due_tick });
      if (event.copy_of !== null && event.copy_of !== undefined) text += t('ev.send.copy', { original: event.copy_of });
      return text;
    }
    case 'deliver':
      return t('ev.deliver', { id: event.id, link: link(event), message });
    case 'local':
      return t('ev.local', { link: `${node}->${node}`, message });
    case 'drop':
      return t('ev.drop', { id: event.id, link: link(event), message, why: t(`ev.drop.${event.cause}`) });
    case 'duplicate':
      return t('ev.duplicate', { id: event.id, copy: event.copy });
    case 'crash':
      return t('ev.crash', { node });
    case 'restart':
      return t('ev.restart', { node });
    case 'partition':
      return t('ev.partition', { groups: groupsText(event.groups) });
    case 'heal':
      return t('ev.heal');
    case 'timer':
      return t(event.timer.timer === 'retry' ? 'ev.timer.retry' : 'ev.timer.timeout', { node });
    case 'note':
      return noteText(t, event);
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
      return t('ev.livelock', { count: event.preemptions, ladder: event.ladder.join(' < ') });
    default:
      return String(event.type);
  }
}
