// What the status line says (a polite live region, so screen readers hear it): the step's
// main event when someone steps or jumps, only the observers' findings while playing (not a
// flood of every message), the result of an intervention, and why playing stopped.
const FINDINGS = new Set(['chosen', 'violation', 'stuck', 'livelock']);

export function findingsAt(trace, step) {
  return (trace.steps.get(step)?.events ?? []).filter((event) => FINDINGS.has(event.type));
}

/** The sentence for a store change, or null to leave the status line as it is. */
export function narration(change, store, t) {
  const step = store.step;
  const findings = findingsAt(store.trace, step).map((event) => event.text);
  const cause = store.trace.steps.get(step)?.cause?.text;
  switch (change.reason) {
    case 'load':
      return t('narrate.loaded', { steps: store.steps });
    case 'intervene': {
      const replaced = change.replaced > 0 ? [t('narrate.replaced', { count: change.replaced })] : [];
      return [t('narrate.done', { command: change.command }), ...findings, ...replaced].join(' ');
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
