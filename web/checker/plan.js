// Pure helpers for the model-checker panel and its worker: chunk sizing, rates, and the job
// that checks the scenario on screen. No DOM, no wasm: tested with node --test.

/** Work per chunk so that one chunk takes about `targetMs`: doubles or halves, within bounds. */
export function nextChunkStates(previous, elapsedMs, targetMs = 50) {
  const min = 64;
  const max = 1 << 20;
  let next = previous;
  if (elapsedMs < targetMs / 2) next = previous * 2;
  else if (elapsedMs > targetMs * 2) next = Math.floor(previous / 2);
  return Math.min(max, Math.max(min, next));
}

/** Distinct states per second, as a short label: "12,345 states/s". */
export function formatRate(states, seconds, locale = 'en') {
  const rate = seconds > 0 ? Math.round(states / seconds) : 0;
  return `${rate.toLocaleString(locale)}`;
}

/** The checker handles at most this many servers; the checked copy is clamped to it. */
export const CHECK_NODES_MAX = 5;

/**
 * The simulator-model job for the scenario on screen: same protocol, quorum rule and options,
 * on a small cluster (the state space explodes beyond a few servers), with the fault budget
 * the panel chose. Returns `{job, notes}`; notes say what was scaled down and why.
 */
export function jobForScenario(snapshot, options = {}) {
  const notes = [];
  const nodes = Math.min(snapshot.nodes.length, options.nodes || 3, CHECK_NODES_MAX);
  if (nodes < snapshot.nodes.length) notes.push({ key: 'check.note.nodes', nodes });
  const majority = Math.floor(nodes / 2) + 1;
  const flexible = snapshot.quorum_phase1 !== snapshot.quorum_phase2
    || snapshot.quorum_phase1 !== Math.floor(snapshot.nodes.length / 2) + 1;
  // Keep an unsafe quorum choice unsafe (Q1 + Q2 <= N) when scaling down, and a safe one safe.
  let q1 = majority;
  let q2 = majority;
  if (flexible) {
    const unsafe = snapshot.quorum_phase1 + snapshot.quorum_phase2 <= snapshot.nodes.length;
    q2 = Math.min(nodes, Math.max(1, Math.round((snapshot.quorum_phase2 * nodes) / snapshot.nodes.length)));
    q1 = unsafe ? Math.max(1, nodes - q2) : nodes - q2 + 1;
    notes.push({ key: 'check.note.quorums', q1, q2 });
  }
  const job = {
    model: 'sim',
    protocol: snapshot.protocol,
    nodes,
    quorum_phase1: q1,
    quorum_phase2: q2,
    proposers: Math.min(options.proposers || 2, nodes),
    attempts: options.attempts || 1,
    timeouts: Boolean(options.timeouts),
    drops: Boolean(options.drops),
    duplicates: options.duplicates || 0,
    crashes: options.crashes || 0,
    amnesia: Boolean(options.amnesia),
    nacks: options.nacks !== false,
    in_flight_max: 12,
  };
  return { job, notes };
}
