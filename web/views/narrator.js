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

/**
 * What to say for a store change, or null to leave the status line as it is: a function of
 * the texts (`t`), so that a change of language says the same in the new one. It reads the
 * run now and keeps only the core's records (events), which do not change.
 */
export function narration(change, store) {
  const step = store.step;
  const steps = store.steps;
  const findings = findingsAt(store.trace, step);
  const cause = store.trace.steps.get(step)?.cause ?? null;
  const all = (t, first) => [first, ...findings.map((event) => eventText(event, t))].join(' ');
  switch (change.reason) {
    case 'load':
      return (t) => [t('narrate.loaded', { steps }), ...(change.kept ? [t('narrate.keptRun')] : [])].join(' ');
    case 'intervene': {
      // The core's account of what the command did: the event of the step it made, the
      // first new one ("deliver #4" may have become "drop #4 ... (link cut by the
      // partition)"). The page's own `run` (End, past the end) is said as what it did.
      const made = change.command === 'run' ? null : store.trace.steps.get(change.fork)?.cause;
      return (t) => {
        const did = made ? t('narrate.did', { text: eventText(made, t) })
          : change.command === 'run' ? t('narrate.ranOn', { step, steps }) : t('narrate.did', { text: change.command });
        const replaced = change.replaced > 0 ? [t('narrate.replaced', { count: change.replaced })] : [];
        return [all(t, did), ...replaced].join(' ');
      };
    }
    case 'undo':
      return (t) => t('narrate.undone', { step, steps });
    case 'redo':
      return (t) => t('narrate.redone', { step, steps });
    case 'seek':
    case 'forward':
      if (store.ui.playing) return findings.length ? (t) => findings.map((event) => eventText(event, t)).join(' ') : null;
      return (t) => (step === 0 ? t('narrate.atStart', { steps }) : all(t, t('narrate.step', { step, steps, text: cause ? eventText(cause, t) : '' })));
    default:
      return null;
  }
}
