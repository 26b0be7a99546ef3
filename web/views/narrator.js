// What the status line says (a polite live region, so screen readers hear it): the step's
// main event when someone steps or jumps, only the observers' findings while playing (not a
// flood of every message), the result of an intervention, and why playing stopped. Every
// sentence is worded from the core's events in the page's language: after an intervention,
// what the step did (a delivery across a partition says it was dropped, and why).
import { eventText } from '../events-text.js';

const FINDINGS = new Set(['chosen', 'violation', 'stuck', 'livelock']);

export function findingsAt(trace, step) {
  return (trace.steps.get(step)?.events ?? []).filter((event) => FINDINGS.has(event.type));
}

/** The sentence for a store change, or null to leave the status line as it is. */
export function narration(change, store, t) {
  const step = store.step;
  const findings = findingsAt(store.trace, step).map((event) => eventText(event, t));
  const causeEvent = store.trace.steps.get(step)?.cause;
  const cause = causeEvent ? eventText(causeEvent, t) : null;
  switch (change.reason) {
    case 'load':
      return t('narrate.loaded', { steps: store.steps });
    case 'intervene': {
      // The core's account of what the command did: the event of the step it made, the
      // first new one ("deliver #4" may have become "drop #4 ... (link cut by the
      // partition)"); the page's own `run` and `step` (End, Forward) are named as given.
      const automatic = change.command === 'run' || change.command.startsWith('step');
      const made = automatic ? null : store.trace.steps.get(change.fork)?.cause;
      const replaced = change.replaced > 0 ? [t('narrate.replaced', { count: change.replaced })] : [];
      return [t('narrate.did', { text: made ? eventText(made, t) : change.command }), ...findings, ...replaced].join(' ');
    }
    case 'undo':
      return t('narrate.undone', { step, steps: store.steps });
    case 'redo':
      return t('narrate.redone', { step, steps: store.steps });
    case 'seek':
    case 'forward':
      if (store.ui.playing) return findings.length ? findings.join(' ') : null;
      if (step === 0) return t('narrate.atStart', { steps: store.steps });
      return [t('narrate.step', { step, steps: store.steps, text: cause ?? '' }), ...findings].join(' ');
    default:
      return null;
  }
}
