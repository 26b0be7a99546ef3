// The one place that holds the page's state: the wasm Playground (the run itself, owned by
// Rust), the trace built from its events, and the UI's own state (language, selection,
// speed, whether it is playing). Views read from here and re-render on change; controls
// call the methods here. Nothing else keeps state, so a share link can later be made from
// `origin`, the run's script, the step and the language alone.
import { appendEvents, buildTrace, emptyTrace, trimTrace } from './trace.js';

/** How many run changes `changedSince` remembers (views further behind redraw all). */
const CHANGES_KEPT = 64;
/** How many replaced runs Undo can bring back (each holds its whole run in the core). */
const RUNS_KEPT = 2;

export class Store {
  /** @param {object} wasm the initialised paxos_wasm module */
  constructor(wasm, { language, languageChosen = false, presets = [] }) {
    this.wasm = wasm;
    this.presetList = presets;
    this.pg = null;
    /** What "reset" goes back to: the script loaded, and the preset it came from. */
    this.origin = { script: '', presetId: null, modified: false };
    /** Preset id -> the script the core writes for its untouched run (see `isPresetRun`). */
    this.presetScripts = new Map();
    this.trace = emptyTrace();
    /** Bumped whenever the run's steps change (load, fork, extension). */
    this.runVersion = 0;
    /** Bumped when the trace is rebuilt rather than changed by a delta (views redraw all). */
    this.traceGeneration = 0;
    /**
     * The latest run changes, [{runVersion, fork, action}]: from `fork` on, the steps are new;
     * `action` is what made the change ({op: 'extend' | 'undo' | 'redo'} or {op: 'intervene',
     * step, command}), so a copy of the run elsewhere (the quorum aid's) can follow it.
     */
    this.changes = [];
    this.cached = null;
    /** The run's step count as loaded: a run that grew since was changed (see `changedRun`). */
    this.loadedSteps = 0;
    /**
     * Runs the person had changed that a load (Reset, a preset, settings, an import) replaced,
     * the latest last: Undo brings the latest back once the run on screen has nothing of its
     * own to undo, so no click or key loses work. `undoneRuns`: those Undo took off the
     * screen that way, for Redo; any new intervention or load drops them.
     */
    this.keptRuns = [];
    this.undoneRuns = [];
    this.ui = { language, selection: null, playing: false, speed: 1, problem: null, compact: false };
    /** Whether someone chose the language (a share link keeps only a chosen one). */
    this.ui.languageChosen = languageChosen;
    this.listeners = new Set();
    /** The change gathered while a batch runs (null: changes are told at once). */
    this.held = null;
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** change: {run?, step?, ui?, reason?} tells views what to redraw. */
  emit(change) {
    if (this.held) {
      this.held = mergeChanges(this.held, change);
      return;
    }
    for (const listener of this.listeners) listener(change, this);
  }

  /**
   * Runs `action`, telling the views once, after it, of all it changed (one redraw for a
   * played step that also extends the run, not two). Returns what `action` returns.
   */
  batch(action) {
    if (this.held) return action();
    this.held = {};
    let change;
    try {
      return action();
    } finally {
      change = this.held;
      this.held = null;
      if (change.reason !== undefined) this.emit(change);
    }
  }

  // --- the run ---

  /**
   * Replaces the run with the scenario `script`, viewed at step 0. Throws the core's Error
   * on a bad script, and then nothing changes.
   */
  load(script, { presetId = null, modified = false } = {}) {
    const pg = new this.wasm.Playground(script);
    pg.seek(0);
    // The run on screen is kept if the person changed it (a run as loaded can be loaded again).
    const kept = this.pg !== null && this.changedRun();
    if (kept) {
      this.keptRuns.push(this.runOnScreen());
      if (this.keptRuns.length > RUNS_KEPT) this.keptRuns.shift().pg.free();
    } else {
      this.pg?.free();
    }
    this.dropUndoneRuns();
    this.pg = pg;
    this.loadedSteps = pg.steps();
    this.origin = { script, presetId, modified };
    // A preset loaded as it is: its run's script is at hand (no second run to learn it).
    if (presetId && !modified && this.presets().find((p) => p.id === presetId)?.script === script) {
      this.presetScripts.set(presetId, pg.script());
    }
    this.ui.selection = null;
    this.ui.problem = null;
    this.rebuildTrace();
    this.emit({ run: true, step: true, ui: true, reason: 'load', kept });
  }

  /** Whether the run on screen is not as loaded: interventions (taken back or not), or more steps. */
  changedRun() {
    return this.pg.canUndo() || this.pg.canRedo() || this.pg.steps() !== this.loadedSteps;
  }

  runOnScreen() {
    return { pg: this.pg, origin: this.origin, loadedSteps: this.loadedSteps };
  }

  /** Puts the kept run `run` on screen (at the step it was viewed at), pushing the one there onto `stack`. */
  bringBack(run, stack, reason) {
    stack.push(this.runOnScreen());
    ({ pg: this.pg, origin: this.origin, loadedSteps: this.loadedSteps } = run);
    this.ui.selection = null;
    this.ui.problem = null;
    this.rebuildTrace();
    this.emit({ run: true, step: true, ui: true, reason });
  }

  dropUndoneRuns() {
    for (const run of this.undoneRuns) run.pg.free();
    this.undoneRuns = [];
  }

  loadPreset(id) {
    const preset = this.presets().find((p) => p.id === id);
    if (!preset) throw new Error(`no preset ${id}`);
    this.load(preset.script, { presetId: id });
  }

  /** Back to the scenario as loaded (undoing interventions), at step 0. */
  reset() {
    this.load(this.origin.script, { presetId: this.origin.presetId, modified: this.origin.modified });
  }

  /** `[{id, title, script}]`, fetched by the app before the store is made (web/pkg/presets.json). */
  presets() {
    return this.presetList;
  }

  rebuildTrace() {
    this.trace = buildTrace(this.pg.events(1, this.pg.steps()));
    this.traceGeneration += 1;
    this.runVersion += 1;
    this.changes = [];
    this.cached = null;
  }

  /**
   * Applies the core's delta `{fork, events}` to the trace: the steps from `fork` on are
   * dropped and the delta's events (those steps as they are now) added. Nothing is fetched.
   */
  applyDelta(delta, action) {
    trimTrace(this.trace, delta.fork);
    appendEvents(this.trace, delta.events);
    this.runVersion += 1;
    this.changes.push({ runVersion: this.runVersion, fork: delta.fork, action });
    if (this.changes.length > CHANGES_KEPT) this.changes.shift();
    this.cached = null;
  }

  /**
   * The first step that changed since the run's version `runVersion` (steps before it are
   * as they were then): Infinity if none did, null if that is not known (redraw all).
   */
  changedSince(runVersion) {
    const changes = this.changesSince(runVersion);
    if (changes === null) return null;
    let fork = Infinity;
    for (const change of changes) fork = Math.min(fork, change.fork);
    return fork;
  }

  /** The run changes made since the run's version `runVersion`, in order ([] if none), or
   *  null if they are not all remembered. */
  changesSince(runVersion) {
    if (runVersion === this.runVersion) return [];
    const first = this.changes.findIndex((change) => change.runVersion === runVersion + 1);
    return first < 0 ? null : this.changes.slice(first);
  }

  /** Whether Undo can take back the last intervention (the core keeps it) or bring back a replaced run. */
  get canUndo() {
    return this.pg.canUndo() || this.keptRuns.length > 0;
  }

  get canRedo() {
    return this.pg.canRedo() || this.undoneRuns.length > 0;
  }

  get step() {
    return this.pg.step();
  }

  get steps() {
    return this.pg.steps();
  }

  /** The snapshot of the viewed step (cached until the step or the run changes). */
  snapshot() {
    const step = this.pg.step();
    if (!this.cached || this.cached.step !== step || this.cached.runVersion !== this.runVersion) {
      this.cached = { step, runVersion: this.runVersion, snapshot: this.pg.snapshot() };
    }
    return this.cached.snapshot;
  }

  script() {
    return this.pg.script();
  }

  /**
   * Whether the run on screen is its preset's own run, command for command: not after an
   * intervention or a step past its end, nor when a link brings a changed copy of it. The
   * core writes both scripts, so equal runs give equal text.
   */
  isPresetRun() {
    const { presetId, modified } = this.origin;
    if (!presetId || modified) return false;
    if (!this.presetScripts.has(presetId)) {
      const preset = this.presets().find((p) => p.id === presetId);
      const pg = preset ? new this.wasm.Playground(preset.script) : null;
      this.presetScripts.set(presetId, pg?.script() ?? null);
      pg?.free();
    }
    return this.pg.script() === this.presetScripts.get(presetId);
  }

  /** How the whole run ends, from the core: {steps, verdict, chosen}. */
  outcome() {
    return this.pg.outcome();
  }

  seek(step) {
    const target = Math.max(0, Math.min(this.steps, Math.round(step)));
    if (target === this.step) return;
    this.pg.seek(target);
    this.emit({ step: true, reason: 'seek' });
  }

  back() {
    this.seek(this.step - 1);
  }

  /**
   * One step forward; at the end of the run the core extends it by one automatic step.
   * False when nothing is pending (then nothing changes).
   */
  forward() {
    if (this.step < this.steps) {
      this.seek(this.step + 1);
      return true;
    }
    const delta = this.pg.stepForward();
    if (!delta) return false;
    this.applyDelta(delta, { op: 'extend' });
    this.emit({ run: true, step: true, reason: 'forward' });
    return true;
  }

  /**
   * The trace entry of the step after the viewed one, extending the run by one automatic
   * step when the view is at its end (the view stays where it is). Null if nothing is
   * pending.
   */
  peekNext() {
    const step = this.step;
    if (step >= this.steps) {
      const delta = this.pg.stepForward();
      if (!delta) return null;
      this.pg.seek(step);
      this.applyDelta(delta, { op: 'extend' });
      this.emit({ run: true, reason: 'extend' });
    }
    return this.trace.steps.get(step + 1) ?? null;
  }

  /**
   * Carries out one command at the viewed step (the run forks there). Throws the core's
   * Error if the command is refused; then nothing changes.
   */
  intervene(command) {
    const step = this.step;
    const delta = this.pg.intervene(command);
    this.dropUndoneRuns();
    this.ui.problem = null;
    this.applyDelta(delta, { op: 'intervene', step, command });
    this.emit({ run: true, step: true, ui: true, reason: 'intervene', command, replaced: delta.replaced, fork: delta.fork, steps: delta.steps });
  }

  /**
   * Puts back the run as it was before the last intervention (the core keeps it), viewed
   * at the step where that intervention was made; with none left, the run a load replaced,
   * as it was viewed. False when there is nothing to undo.
   */
  undo() {
    if (!this.pg.canUndo()) {
      const run = this.keptRuns.pop();
      if (run) this.bringBack(run, this.undoneRuns, 'undo');
      return Boolean(run);
    }
    const delta = this.pg.undo();
    if (!delta) return false;
    this.ui.problem = null;
    this.applyDelta(delta, { op: 'undo' });
    this.emit({ run: true, step: true, ui: true, reason: 'undo' });
    return true;
  }

  /** Applies again the intervention `undo` took back, or puts back the run it replaced. False when there is none. */
  redo() {
    if (!this.pg.canRedo()) {
      const run = this.undoneRuns.pop();
      if (run) this.bringBack(run, this.keptRuns, 'redo');
      return Boolean(run);
    }
    const delta = this.pg.redo();
    if (!delta) return false;
    this.ui.problem = null;
    this.applyDelta(delta, { op: 'redo' });
    this.emit({ run: true, step: true, ui: true, reason: 'redo' });
    return true;
  }

  /** Whether the run would go on past its end (stepping forward there would extend it). */
  get goesOn() {
    return this.pg.goesOn();
  }

  // --- the page's own state ---

  select(selection) {
    this.ui.selection = selection;
    this.emit({ ui: true, reason: 'select' });
  }

  /** `chosen`: by the person (the switch, a link that names one), not from the browser. */
  setLanguage(language, { chosen = true } = {}) {
    this.ui.language = language;
    this.ui.languageChosen = chosen;
    this.emit({ ui: true, language: true, reason: 'language' });
  }

  /** Whether the space-time diagram leaves its arrows unlabelled (their tooltips stay). */
  setCompact(compact) {
    this.ui.compact = compact;
    this.emit({ ui: true, reason: 'compact' });
  }

  setSpeed(speed) {
    this.ui.speed = speed;
    this.emit({ ui: true, reason: 'speed' });
  }

  setPlaying(playing) {
    if (this.ui.playing === playing) return;
    this.ui.playing = playing;
    this.emit({ ui: true, reason: 'playing' });
  }

  /**
   * A problem to show on the page (a refused command, a bad setting); null clears it. Given
   * as a function of the page's texts (`t => string`), it is worded again after a language
   * switch instead of staying in the language it was said in (wordProblem).
   */
  setProblem(problem) {
    this.ui.problem = problem;
    this.emit({ ui: true, reason: 'problem' });
  }
}

/**
 * Two store changes as one: every part either redraws; the reason is the first one's,
 * except that extending the run ('extend', which the views only redraw for) gives way to
 * what comes after it.
 */
export function mergeChanges(first, second) {
  const merged = { ...first, ...second };
  for (const key of Object.keys(first)) {
    if (typeof first[key] === 'boolean') merged[key] = first[key] || Boolean(second[key]);
  }
  merged.reason = first.reason === undefined || first.reason === 'extend' ? second.reason : first.reason;
  return merged;
}
