// The checker panel's and the challenge's pure parts: the job for the scenario on screen,
// how a result reads (honestly: a search cut short by its bounds is "no violation found
// within the bound", never "holds"), counting moves, and the "Can you break it?"
// challenges, each a small configuration whose script and checker job describe the same
// thing, so the reader's moves and the checker's shortest counterexample are comparable.
import { jobForScenario } from '../checker/plan.js';
import { splitScript } from '../script.js';

/** Bounds of one check in the page: enough for the reference configurations (the largest,
 *  Basic Paxos with loss and one duplicate, has 781,237 states and grows the worker's wasm
 *  memory to about 540 MiB). The memory bound counts every byte the search holds, heap parts of
 *  states included, and holds to within a few percent of the worker's wasm memory
 *  (docs/BENCHMARKS.md), so a larger job stops there instead of taking gigabytes. */
export const STATES_MAX = 2_000_000;
export const BYTES_MAX = 768 * 1024 * 1024;

export const DEFAULT_OPTIONS = Object.freeze({
  nodes: 3, proposers: 2, attempts: 1, drops: false, duplicates: 0, crashes: 0, timeouts: false, amnesia: false, symmetry: true,
});

/** The panel's options for a scenario: the defaults, with the scenario's amnesia (and a crash, without which amnesia cannot show). */
export function optionsForScenario(settings) {
  return { ...DEFAULT_OPTIONS, amnesia: Boolean(settings.amnesia), crashes: settings.amnesia ? 1 : 0, nacks: settings.nacks !== false };
}

/** The job for the scenario on screen and the panel's options: `{job, notes}`. */
export function checkJob(snapshot, options) {
  const { job, notes } = jobForScenario(snapshot, options);
  return { job: { ...job, symmetry: Boolean(options.symmetry) }, notes };
}

/** The moves of a script: its command lines (proposals included, as the checker counts them). */
export function scriptMoves(script) {
  return splitScript(script ?? '').commands;
}

/** How many commands it took to reach `step` (each step is made by one command). */
export function movesToStep(stepCommands, step) {
  if (step <= 0) return 0;
  const command = stepCommands[Math.min(step, stepCommands.length) - 1];
  return command === undefined ? 0 : command + 1;
}

/**
 * How a summary reads: `{kind, moves}`. `kind` is holds, violated, stuck, bounded (the
 * bounds cut the search short) or cancelled; only `holds` claims that nothing can break it.
 */
export function verdictOf(summary, { cancelled = false } = {}) {
  const moves = summary.counterexample ? scriptMoves(summary.counterexample) : [];
  if (summary.verdict === 'violated' || summary.verdict === 'stuck') return { kind: summary.verdict, moves };
  if (summary.verdict === 'holds' && !cancelled) return { kind: 'holds', moves };
  return { kind: cancelled ? 'cancelled' : 'bounded', moves };
}

/** Progress as the panel shows it: whole numbers, a rate, megabytes. */
export function progressFigures(progress, seconds) {
  return {
    states: progress.distinct_states,
    rate: seconds > 0 ? Math.round(progress.distinct_states / seconds) : 0,
    depth: progress.depth,
    megabytes: Math.round((progress.memory_bytes ?? 0) / (1024 * 1024)),
  };
}

/** A number with thousands separators in the page's language. */
export function formatCount(value, language) {
  return Number(value).toLocaleString(language === 'zh-CN' ? 'zh-CN' : 'en');
}

/**
 * The challenges: a protocol and configuration to break by hand. `faults` are what the
 * checker may also do (the reader can do them from the page too); the two proposals are
 * made at the start, and they count as moves on both sides.
 */
export const CHALLENGES = Object.freeze([
  { id: 'one-phase', protocol: 'one-phase-highest', nodes: 3, q1: 2, q2: 2, amnesia: false, faults: {} },
  { id: 'flexible', protocol: 'basic-paxos', nodes: 4, q1: 2, q2: 2, amnesia: false, faults: {} },
  { id: 'amnesia', protocol: 'basic-paxos', nodes: 3, q1: 2, q2: 2, amnesia: true, faults: { crashes: 1 } },
  { id: 'paxos', protocol: 'basic-paxos', nodes: 3, q1: 2, q2: 2, amnesia: false, faults: { drops: true, duplicates: 1 } },
]);

export function findChallenge(id) {
  return CHALLENGES.find((challenge) => challenge.id === id) ?? null;
}

/** The scenario a challenge starts from: the manual network, S1 proposing X and S2 Y. */
export function challengeScript(challenge) {
  return [
    `title Can you break it? (${challenge.id})`,
    `protocol ${challenge.protocol}`,
    `nodes ${challenge.nodes}`,
    `quorum ${challenge.q1} ${challenge.q2}`,
    'network manual',
    'nacks on',
    'retry off',
    'attempts 1',
    `amnesia ${challenge.amnesia ? 'on' : 'off'}`,
    'propose S1 X',
    'propose S2 Y',
    '',
  ].join('\n');
}

/** The checker job for exactly the challenge's configuration. */
export function challengeJob(challenge) {
  return {
    model: 'sim',
    protocol: challenge.protocol,
    nodes: challenge.nodes,
    quorum_phase1: challenge.q1,
    quorum_phase2: challenge.q2,
    proposers: 2,
    attempts: 1,
    timeouts: false,
    drops: Boolean(challenge.faults.drops),
    duplicates: challenge.faults.duplicates ?? 0,
    crashes: challenge.faults.crashes ?? 0,
    amnesia: challenge.amnesia,
    nacks: true,
    in_flight_max: 12,
    symmetry: true,
  };
}

/**
 * Where a challenge stands: `{moves, broken, brokenAt}` from the run's first violation
 * (trace marks) and the commands behind each step. Going back before the violation
 * un-breaks it, as in the run itself.
 */
export function challengeState(trace, stepCommands, step) {
  const violation = trace.marks.find((mark) => mark.type === 'violation' && mark.step <= step);
  return {
    moves: movesToStep(stepCommands, step),
    broken: Boolean(violation),
    brokenAt: violation ? movesToStep(stepCommands, violation.step) : null,
    property: violation?.violation.property ?? null,
  };
}
