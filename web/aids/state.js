// The understanding aids' own state, beside the Store (which holds the run): the quorum
// overlay's choice, the comparison, the model check and the challenge, export results, and
// the title the page shows for a scenario an aid loaded. Plain data; `set` and `patch`
// notify listeners with the part that changed, so only that panel redraws (a check reports
// progress twenty times a second, and the rest of the page need not hear of it).

/** A check that has not run: what the checker panel and the challenge both start from. */
export function idleCheck() {
  return { status: 'idle', job: null, progress: null, seconds: 0, summary: null, cancelled: false, error: null };
}

export class AidsState {
  constructor() {
    /** shown: overlay drawn on the cluster; pick: a key of the quorum picture's choices, or null for the latest. */
    this.quorum = { shown: true, pick: null };
    /** null, or {protocol, runVersion, comparison, right (Playground), rightTrace, leftViolation, rightViolation}. */
    this.compare = null;
    this.check = idleCheck();
    /** null, or {id, script, check, wantShow}. */
    this.challenge = null;
    /** null, or {kind, text, result: 'copied'|'fallback'}. */
    this.exported = null;
    /** null, or {message, position}; `imported` counts the steps of the last import. */
    this.importProblem = null;
    this.imported = null;
    /**
     * A title and story for a scenario an aid loaded (a counterexample, a challenge), shown
     * while that very script is the run's origin: {script, kind, ...params}.
     */
    this.scenario = null;
    this.listeners = new Set();
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces `part` with `value` and tells the listeners. */
  set(part, value) {
    this[part] = value;
    this.notify(part);
  }

  /** Merges `changes` into the object `part` and tells the listeners. */
  patch(part, changes) {
    this[part] = { ...this[part], ...changes };
    this.notify(part);
  }

  notify(part) {
    for (const listener of this.listeners) listener(part, this);
  }
}
