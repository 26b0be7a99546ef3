// The core's refusals worded in the reader's language. The core throws a JS Error whose
// message is its English sentence and whose `problem` holds the facts (`{kind, ...}`, see
// crates/paxos-wasm/src/lib.rs); this picks the text by kind, never by reading the English.
// The English texts reproduce the core's messages (tests/unit/events-text.test.mjs).
import { serverLabel } from './format.js';
import { hasText } from './i18n.js';

/**
 * What is wrong with a script's text (`problem.syntax`, `problem.facts`: the core's kind and
 * named facts), worded in the language of `t`. The texts arrive with the aids (where scripts
 * are pasted: web/aids/texts-*.js); until then, the core's English sentence.
 */
export function syntaxText(problem, t) {
  const key = `syntax.${problem.syntax}`;
  if (!problem.syntax || !hasText(t.language, key)) return problem.message;
  const facts = { ...problem.facts };
  if (facts.what) facts.what = t(`syntax.what.${facts.what}`);
  return t(key, facts);
}

/** A refusal of the simulator (`Refusal` in crates/paxos/src/sim/world.rs). */
export function refusalText(refusal, t) {
  const node = refusal.node === null || refusal.node === undefined ? undefined : serverLabel(refusal.node);
  switch (refusal.kind) {
    case 'node-down':
    case 'already-down':
    case 'already-up':
    case 'no-pending-timer':
      return t(`refusal.${refusal.kind}`, { node });
    case 'no-such-message': {
      const listing = refusal.in_flight.length === 0
        ? t('refusal.nothingInFlight')
        : t('refusal.inFlight', { list: refusal.in_flight.join('; ') });
      return t('refusal.no-such-message', { target: refusal.target, listing });
    }
    case 'limit':
      return t(`refusal.limit.${refusal.limit}`, { step: refusal.step, max: refusal.max, node });
    default:
      return null;
  }
}

/**
 * Why the core refused, from an error it threw: its facts worded in the language of `t`,
 * or the error's own message when it carries none (an error from outside the core).
 */
export function problemText(error, t) {
  const problem = error?.problem;
  if (problem?.kind === 'script') {
    const reason = problem.refusal ? refusalText(problem.refusal, t) : syntaxText(problem, t);
    return t('refusal.script', { line: problem.line, column: problem.column, reason });
  }
  if (problem) return refusalText(problem, t) ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The words of a problem the page shows (web/state.js setProblem: words, or a function of
 * the texts, worded again after a language switch) in `t`'s language; null for none.
 */
export function wordProblem(problem, t) {
  return typeof problem === 'function' ? problem(t) : problem;
}
