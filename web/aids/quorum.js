// The quorum overlay's facts and geometry, as pure functions of the snapshot and the trace.
//
// Paxos is safe because quorums meet: the promise quorum of a later proposal shares at
// least one acceptor with the accept quorum of any value chosen before it, and that
// acceptor reports the earlier value in its Promise, so the later proposer must propose it
// again. For a proposal, `quorumPicture` gathers the sets that argument talks about (its
// promise quorum, its accept quorum, the earlier value's accept quorum, where they meet)
// and what the acceptors in the meeting point actually reported. When quorums are too small
// (flexible quorums with Q1 + Q2 <= N) the meeting point is empty: the missing intersection.
// One-phase protocols have no promise quorum at all; there the picture is the two chosen
// values' quorums, whose common acceptors simply overwrote the first value.
import { round2 } from '../geometry.js';

const NO_BALLOT = '-';

const sameProposal = (a, b) => Boolean(a && b) && a.ballot === b.ballot && a.value === b.value;

/** The server that owns a proposal number: 13 is counter 1 on S3 (null without a number). */
export function ballotServer(ballot) {
  if (ballot === NO_BALLOT || ballot === null || ballot === undefined) return null;
  const number = Number(ballot);
  return Number.isInteger(number) && number > 0 ? number % 10 : null;
}

const intersect = (a, b) => a.filter((id) => b.includes(id));

/**
 * What the overlay can show at the viewed step: every proposal that reached phase 2 (its
 * promise quorum is known), or in the one-phase protocols every chosen value, latest last. Keys are stable across steps, so a pick survives stepping.
 */
export function quorumChoices(snapshot) {
  const choices = snapshot.quorums.map((fact) => ({
    key: `p:${fact.proposal.ballot}:${fact.proposal.value}`,
    kind: 'phase2',
    proposal: fact.proposal,
    proposer: fact.proposer,
    step: fact.step,
    fact,
  }));
  // Basic Paxos has a phase 1 behind every chosen value (its fact may have aged out of the
  // latest 64); only the one-phase protocols offer chosen values on their own.
  const onePhase = snapshot.protocol !== 'basic-paxos';
  for (const chosen of onePhase ? snapshot.chosen : []) {
    if (choices.some((choice) => sameProposal(choice.proposal, chosen.proposal))) continue;
    choices.push({
      key: `c:${chosen.step}:${chosen.proposal.value}`,
      kind: 'chosen',
      proposal: chosen.proposal,
      proposer: ballotServer(chosen.proposal.ballot),
      step: chosen.step,
      chosen,
    });
  }
  return choices.sort((a, b) => a.step - b.step);
}

/** The acceptors that accepted `proposal` at or before `step`, from the trace's notes. */
export function acceptedBy(trace, proposal, step) {
  const ids = new Set();
  for (const event of trace.accepts) {
    if (event.step > step) break;
    if (sameProposal(event.note.proposal, proposal)) ids.add(event.node);
  }
  return [...ids].sort((a, b) => a - b);
}

/** The step at which `node` first accepted `proposal`, or null. */
function acceptStep(trace, node, proposal) {
  const event = trace.accepts.find((e) => e.node === node && sameProposal(e.note.proposal, proposal));
  return event ? event.step : null;
}

/**
 * What `acceptor` reported to `proposer` in its Promise for `ballot` (sent at or before
 * `step`): {accepted: proposal or null}, or null when no such Promise was sent.
 */
export function promiseReport(trace, acceptor, proposer, ballot, step) {
  let found = null;
  for (const event of promisesFor(trace, ballot)) {
    if (event.step > step) break;
    const message = event.message;
    if (message.ballot !== ballot) continue;
    const fromAcceptor = (event.type === 'send' && event.from === acceptor && event.to === proposer)
      || (event.type === 'local' && event.node === acceptor && acceptor === proposer);
    if (fromAcceptor) found = { accepted: message.accepted ?? null };
  }
  return found;
}

/** trace.promises -> {length, last, byBallot: Map(ballot -> its events, in order)}. */
const promiseIndex = new WeakMap();

/**
 * The trace's Promises for `ballot`, in order. Indexed once per version of the list (a delta
 * cuts it and appends new events, so its length and last event tell a changed list apart).
 */
function promisesFor(trace, ballot) {
  const list = trace.promises;
  let index = promiseIndex.get(list);
  if (!index || index.length !== list.length || index.last !== list[list.length - 1]) {
    index = { length: list.length, last: list[list.length - 1], byBallot: new Map() };
    for (const event of list) {
      const events = index.byBallot.get(event.message.ballot);
      if (events) events.push(event);
      else index.byBallot.set(event.message.ballot, [event]);
    }
    promiseIndex.set(list, index);
  }
  return index.byBallot.get(ballot) ?? [];
}

/** Did `node` restart between `from` and `to` (steps)? */
function restartedBetween(trace, node, from, to) {
  return trace.marks.some((mark) => mark.type === 'restart' && mark.node === node && mark.step > from && mark.step <= to);
}

/**
 * The overlay's facts for the choice `key` (the latest choice when `key` is null or not
 * there at this step), or null when nothing has reached phase 2 or been chosen.
 */
export function quorumPicture(snapshot, trace, key) {
  const choices = quorumChoices(snapshot);
  if (choices.length === 0) return null;
  const choice = choices.find((c) => c.key === key) ?? choices[choices.length - 1];
  const n = snapshot.nodes.length;
  const sizes = {
    n, q1: snapshot.quorum_phase1, q2: snapshot.quorum_phase2,
    safe: snapshot.quorum_phase1 + snapshot.quorum_phase2 > n,
  };
  const chosen = snapshot.chosen.find((c) => sameProposal(c.proposal, choice.proposal)) ?? null;
  const accepts = chosen ? [...chosen.quorum] : acceptedBy(trace, choice.proposal, snapshot.step);
  const picture = {
    key: choice.key,
    kind: choice.kind,
    proposal: choice.proposal,
    proposer: choice.proposer,
    step: choice.step,
    promises: choice.fact ? [...choice.fact.promises] : null,
    accepts,
    chosen,
    earlier: null,
    intersection: null,
    reports: [],
    adopted: null,
    missing: false,
    sizes,
    choices,
  };
  if (choice.kind === 'phase2') addPhaseTwoHistory(picture, choice.fact, snapshot, trace);
  else addOnePhaseHistory(picture, snapshot);
  return picture;
}

function addPhaseTwoHistory(picture, fact, snapshot, trace) {
  if (fact.adopted) picture.adopted = { from: fact.adopted[0], proposal: fact.adopted[1] };
  if (fact.meets_chosen) {
    const [proposal, meet] = fact.meets_chosen;
    const record = snapshot.chosen.find((c) => sameProposal(c.proposal, proposal));
    picture.earlier = {
      proposal,
      proposer: ballotServer(proposal.ballot),
      accepts: record ? [...record.quorum] : acceptedBy(trace, proposal, fact.step),
      chosenStep: record?.step ?? null,
    };
    picture.intersection = [...meet];
  } else if (picture.adopted) {
    const proposal = picture.adopted.proposal;
    const accepts = acceptedBy(trace, proposal, fact.step);
    picture.earlier = { proposal, proposer: ballotServer(proposal.ballot), accepts, chosenStep: null };
    picture.intersection = intersect(picture.promises, accepts);
  }
  if (!picture.earlier) return;
  picture.missing = picture.intersection.length === 0;
  picture.reports = picture.intersection.map((id) => {
    const report = promiseReport(trace, id, fact.proposer, fact.proposal.ballot, fact.step);
    const accepted = report?.accepted ?? null;
    const acceptedAt = acceptStep(trace, id, picture.earlier.proposal);
    let kind = 'other';
    if (accepted && accepted.value === picture.earlier.proposal.value) kind = 'carried';
    else if (!accepted && acceptedAt !== null && restartedBetween(trace, id, acceptedAt, fact.step)) kind = 'forgot';
    else if (!accepted) kind = 'nothing';
    return { id, accepted, kind };
  });
}

function addOnePhaseHistory(picture, snapshot) {
  // The chosen value before this one (another value), if any: its quorum and this one's
  // share acceptors that simply replaced what they held.
  const before = snapshot.chosen.filter((c) => c.step < picture.step && c.proposal.value !== picture.proposal.value);
  const earlier = before[0];
  if (!earlier) return;
  picture.earlier = {
    proposal: earlier.proposal,
    proposer: ballotServer(earlier.proposal.ballot),
    accepts: [...earlier.quorum],
    chosenStep: earlier.step,
  };
  picture.intersection = intersect(picture.accepts, earlier.quorum);
  picture.missing = picture.intersection.length === 0;
}

/**
 * How the earlier value travelled into the new proposal, as message legs on the cluster:
 * the earlier proposer's Accept to the acceptor in the intersection, and that acceptor's
 * Promise (carrying the value) to the new proposer. Legs a server sends itself are left out.
 */
export function travelLegs(picture) {
  if (!picture?.adopted || picture.proposer === null) return [];
  const { from, proposal } = picture.adopted;
  const legs = [];
  const earlierProposer = ballotServer(proposal.ballot);
  if (earlierProposer !== null && earlierProposer !== from) {
    legs.push({ from: earlierProposer, to: from, kind: 'accept', text: `Accept ${proposal.ballot} ${proposal.value}` });
  }
  if (from !== picture.proposer) {
    legs.push({ from, to: picture.proposer, kind: 'promise', text: `Promise ${picture.proposal.ballot} (${proposal.ballot},${proposal.value})` });
  }
  return legs;
}

/** Ring radii around a node, one per set, from the inside out. */
export const RING_GAPS = { promise: 7, accept: 13, earlier: 19, meet: 26 };

const centroid = (points) => ({
  x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
  y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
});

/**
 * A curved leg from `a` to `b` (node centres), leaving and arriving `trim` units from the
 * centres and bowing `bend` of its length to the right, so it does not hide the straight
 * link the real message took. Returns the SVG path and the point for its label.
 */
export function legPath(a, b, { trim = 0, bend = 0.18 } = {}) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const ux = dx / length;
  const uy = dy / length;
  const start = { x: a.x + ux * trim, y: a.y + uy * trim };
  const end = { x: b.x - ux * trim, y: b.y - uy * trim };
  const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  const control = { x: mid.x - uy * length * bend, y: mid.y + ux * length * bend };
  // The label sits on the curve's midpoint (t = 1/2 of the quadratic Bézier).
  const label = { x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x, y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y };
  return {
    d: `M ${round2(start.x)} ${round2(start.y)} Q ${round2(control.x)} ${round2(control.y)} ${round2(end.x)} ${round2(end.y)}`,
    label: { x: round2(label.x), y: round2(label.y) },
  };
}

/**
 * Everything the overlay draws, in the cluster's coordinates: rings around the servers of
 * each set, the legs of the earlier value's journey, and for a missing intersection a
 * dashed gap between the two quorums that should have met.
 * @param picture from quorumPicture
 * @param layout the cluster's {positions, nodeRadius}
 */
export function overlayShapes(picture, layout) {
  if (!picture) return { rings: [], legs: [], gap: null };
  const at = (id) => layout.positions[id - 1];
  const rings = [];
  const ring = (ids, kind) => {
    for (const id of ids ?? []) {
      const p = at(id);
      if (p) rings.push({ id, kind, x: p.x, y: p.y, r: round2(layout.nodeRadius + RING_GAPS[kind]) });
    }
  };
  ring(picture.promises, 'promise');
  ring(picture.accepts, 'accept');
  ring(picture.earlier?.accepts, 'earlier');
  ring(picture.intersection, 'meet');
  const legs = travelLegs(picture).flatMap((leg) => {
    const path = at(leg.from) && at(leg.to) ? legPath(at(leg.from), at(leg.to), { trim: layout.nodeRadius + RING_GAPS.meet + 4 }) : null;
    return path ? [{ ...leg, ...path }] : [];
  });
  let gap = null;
  if (picture.missing && picture.earlier) {
    const mine = (picture.promises ?? picture.accepts).map(at).filter(Boolean);
    const theirs = picture.earlier.accepts.map(at).filter(Boolean);
    if (mine.length && theirs.length) {
      const a = centroid(mine);
      const b = centroid(theirs);
      // The caption goes in the drawing's lower left corner: the centre is crowded.
      gap = {
        x1: round2(a.x), y1: round2(a.y), x2: round2(b.x), y2: round2(b.y),
        x: 12, y: round2(2 * layout.cy - 14),
        between: [picture.promises ?? picture.accepts, picture.earlier.accepts],
      };
    }
  }
  return { rings, legs, gap };
}
