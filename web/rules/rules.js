// The rules by the numbers the core gives them (paxos::rules::Rule::number, 1-based, in
// Rule::ALL's order; crates/paxos/tests/rules.rs pins the order): each one's key in the
// Rules panel's texts, and how its refusals are worded.

/** Rule number -> text key. */
export const RULES = Object.freeze({
  1: 'prepare', 2: 'promise', 3: 'accept-request', 4: 'accept', 5: 'learn', 6: 'retry',
  7: 'one-phase-first', 8: 'one-phase-highest', 9: 'one-phase-adopt', 10: 'seed-accept',
  11: 'skip-phase-one', 12: 'no-repropose',
});

/**
 * Which sentence words a refusal under rule `number`: a promise to a higher number (1b, 2b),
 * the first proposal kept (one-phase-first, one-phase-adopt), or a held number not below the
 * request's (one-phase-highest, the seed's 2b).
 */
export function refusalKind(number) {
  if (number === 2 || number === 4) return 'promised';
  if (number === 7 || number === 9) return 'keeps';
  return 'higher';
}
