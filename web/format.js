// Pure formatting of the core's data for the page. The core gives the canonical text of
// every message (in flight, and `message_text` beside each event's); these helpers cover
// the structured parts (proposals, server sets) in exactly the same notation as the seed:
// proposal number 13 = counter 1 on server 3, proposal (13,Z), "-" = no number.

const NO_BALLOT = '-';

/** "S3" for server 3. */
export function serverLabel(id) {
  return `S${id}`;
}

/** "{S1,S2,S3}", as the core writes server sets. */
export function serverSetText(ids) {
  return `{${[...ids].map(serverLabel).join(',')}}`;
}

/** "(13,Z)", or "(Z)" in the one-phase protocols that have no numbers; "–" for none. */
export function proposalText(proposal) {
  if (!proposal) return '–';
  return proposal.ballot === NO_BALLOT ? `(${proposal.value})` : `(${proposal.ballot},${proposal.value})`;
}

/** "prepare" for {type: "Prepare"}: the kind the page colours and shapes by. */
export function messageKind(message) {
  return String(message.type).toLowerCase();
}

/** "11 < 15 < 21": a ladder of proposal numbers, as the livelock finding shows it. */
export function ladderText(ladder) {
  return ladder.join(' < ');
}

/** "S1->S3" written with an arrow for people: "S1 → S3". */
export function linkText(from, to) {
  return `${serverLabel(from)} → ${serverLabel(to)}`;
}

/** A one-line description of an in-flight message for lists: "#12 S1 → S3 Accept 11 X". */
export function inFlightText(message) {
  return `#${message.id} ${linkText(message.from, message.to)} ${message.text}`;
}

/**
 * What a server is doing, as i18n keys and parameters (format stays language-free): its
 * role (`node.role.*`) and, when it is proposing, its stage (`phase.*`, else null). The
 * stage is the core's, in the protocol's own terms (the one-phase protocols are
 * "proposing", never "phase 2").
 */
export function phaseDescription(node) {
  // A protocol whose servers' states are not these (Multi-Paxos) brings its own description.
  if (node.description) return node.description;
  const { phase } = node;
  const proposer = (key, params = {}) => ({ role: 'node.role.proposer', key, params });
  switch (node.stage) {
    case 'down':
      return { role: 'node.role.down', key: null, params: {} };
    case 'preparing':
      return proposer('phase.preparing', { ballot: phase.ballot, count: phase.promises.length });
    case 'accepting':
      return proposer('phase.accepting', { proposal: proposalText(phase.proposal), count: phase.accepts.length });
    case 'proposing':
      return proposer('phase.proposing', { proposal: proposalText(phase.proposal), count: phase.accepts.length });
    case 'backing-off':
      return proposer('phase.backingOff');
    case 'done':
      return proposer('phase.done', { proposal: proposalText(phase.proposal) });
    case 'gave-up':
      return proposer('phase.gaveUp');
    default:
      return { role: 'node.role.acceptor', key: null, params: {} };
  }
}

/** "proposer: phase 1: 15, 1 promised" in one line, for tables and labels. */
export function stateText(node, t) {
  const description = phaseDescription(node);
  const role = t(description.role);
  return description.key ? t('node.state', { role, phase: t(description.key, description.params) }) : role;
}

/** Is this server currently running a proposal (shown as a proposer)? */
export function isProposing(node) {
  return ['preparing', 'accepting', 'proposing', 'backing-off'].includes(node.stage);
}
