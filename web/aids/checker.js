// The checker panel's and the challenge's pure parts: the job for the scenario on screen,
// how a result reads (honestly: a search cut short by its bounds is "no violation found
// within the bound", never "holds"), counting moves, and the "Can you break it?"
// challenges, each a small configuration whose script and checker job describe the same
// thing, so the reader's moves and the checker's shortest counterexample are comparable.

/**
 * The panel's preview of the check of the scenario on screen, from the core's plan
 * (`planForScenario` of the aids' wasm module: the job scaled down to what the checker
 * explores, notes saying what was scaled, and the search's bound): `{job, notes, statesMax}`,
 * each note with its text's key.
 */
export function checkPreview(aidsModule, script, options) {
  const { job, notes, states_max: statesMax } = aidsModule.planForScenario(script, options);
  return { job, notes: notes.map((note) => ({ ...note, key: `check.note.${note.kind}` })), statesMax };
}

/** How many commands it took to reach `step` (each step is made by one command). */
export function movesToStep(stepCommands, step) {
  if (step <= 0) return 0;
  const command = stepCommands[Math.min(step, stepCommands.length) - 1];
  return command === undefined ? 0 : command + 1;
}

/**
 * How a summary reads: `{kind, moves}` (the moves of its counterexample, from the core). `kind` is holds, violated, stuck, bounded (the
 * bounds cut the search short) or cancelled; only `holds` claims that nothing can break it.
 */
export function verdictOf(summary, { cancelled = false } = {}) {
  const moves = summary.moves ?? [];
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
    megabytes: megabytes(progress.memory_bytes),
  };
}

/** Bytes as the panel says them: whole megabytes (MiB). */
export const megabytes = (bytes) => Math.round((bytes ?? 0) / (1024 * 1024));

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

/** The checker job for exactly the challenge's configuration (the core's plan for its
 *  script, at its own size, with the faults the challenge allows). */
export function challengeJob(aidsModule, challenge) {
  const options = {
    nodes: challenge.nodes, proposers: 2, attempts: 1, timeouts: false, drops: Boolean(challenge.faults.drops),
    duplicates: challenge.faults.duplicates ?? 0, crashes: challenge.faults.crashes ?? 0, amnesia: challenge.amnesia, symmetry: true,
  };
  return aidsModule.planForScenario(challengeScript(challenge), options).job;
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
