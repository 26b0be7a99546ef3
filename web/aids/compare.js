// Compare mode's step mapping and findings, as pure functions of the core's comparison
// (`compare(script, protocol)` in the page module: `{mapping, left_steps, right_steps,
// divergence}`), the left run's `stepCommands()` and the two traces.
//
// The two runs are stepped together by command: the left run's step s was made by command
// c = stepCommands[s - 1]; the right run is shown at the end of c's counterpart. A command
// that makes many steps (`run`, `step 10` in the automatic network) is walked through step
// by step on both sides, the right side never going past its counterpart's end.

/** The protocol to compare with by default: Basic Paxos, or one phase for Basic Paxos. */
export function defaultOtherProtocol(protocol) {
  return protocol === 'basic-paxos' ? 'one-phase-highest' : 'basic-paxos';
}

/** The right run's step to show beside the left run's step `leftStep`. */
export function rightStepFor(comparison, stepCommands, leftStep) {
  if (leftStep <= 0) return 0;
  const command = stepCommands[leftStep - 1];
  if (command === undefined) return comparison.right_steps.at(-1) ?? 0;
  const leftStart = command > 0 ? comparison.left_steps[command - 1] : 0;
  const rightStart = command > 0 ? comparison.right_steps[command - 1] : 0;
  const rightEnd = comparison.right_steps[command];
  if (leftStep >= comparison.left_steps[command]) return rightEnd;
  return Math.min(rightStart + (leftStep - leftStart), rightEnd);
}

/**
 * The left step at which the right run reaches its step `rightStep`: the end of the first
 * command whose counterpart gets there (stepping through a many-step command, the same
 * offset into it).
 */
export function leftStepFor(comparison, rightStep) {
  const { left_steps: left, right_steps: right } = comparison;
  for (let command = 0; command < right.length; command += 1) {
    if (right[command] < rightStep) continue;
    const leftStart = command > 0 ? left[command - 1] : 0;
    const rightStart = command > 0 ? right[command - 1] : 0;
    return Math.min(left[command], leftStart + Math.max(1, rightStep - rightStart));
  }
  return left.at(-1) ?? 0;
}

/**
 * The right run's steps whose events belong beside the left step: those after the right
 * step shown for the previous left step, up to the one shown now.
 */
export function rightRange(comparison, stepCommands, leftStep) {
  const to = rightStepFor(comparison, stepCommands, leftStep);
  const before = leftStep > 0 ? rightStepFor(comparison, stepCommands, leftStep - 1) : 0;
  return { from: Math.min(before + 1, to + 1), to };
}

/** The first violation in a trace: {step, property}, or null. */
export function firstViolation(trace) {
  const mark = trace.marks.find((m) => m.type === 'violation');
  return mark ? { step: mark.step, property: mark.violation.property } : null;
}

/** An event line without message ids (`send #12 S1->S2 ...` -> `send S1->S2 ...`), as the core compares them. */
export function withoutIds(text) {
  return text.split(' ').filter((word) => !/^#\d+$/.test(word)).join(' ');
}

/**
 * The two sides' event lines, each marked `differs` when the other side has no such line
 * (ids aside; a line repeated on one side matches as many times as the other side has it).
 */
export function diffLines(left, right) {
  const mark = (mine, theirs) => {
    const counts = new Map();
    for (const text of theirs) counts.set(withoutIds(text), (counts.get(withoutIds(text)) ?? 0) + 1);
    return mine.map((text) => {
      const key = withoutIds(text);
      const left = counts.get(key) ?? 0;
      if (left > 0) counts.set(key, left - 1);
      return { text, differs: left === 0 };
    });
  };
  return { left: mark(left, right), right: mark(right, left) };
}

/** How many commands ran as written, were mapped onto another message, were skipped. */
export function mappingCounts(mapping) {
  const counts = { same: 0, mapped: 0, skipped: 0 };
  for (const entry of mapping) counts[entry.kind] += 1;
  return counts;
}
