// Wiring of the understanding aids below the cluster: compare mode, the model checker
// panel, the "Can you break it?" challenge, and export/import. This module is loaded on
// first use (web/controls/deferred.js), not when the page opens; the quorum overlay, which
// is on screen from the start, is web/controls/quorum.js. The app calls `render` after
// drawing its own views; the aids' own state changes redraw only their panel. Checks run in
// the checker's Web Worker, never on the page's thread.
import { startCheck } from '../checker/client.js';
import { prefersReducedMotion } from '../dom.js';
import { applyStatic } from '../i18n.js';
import { loadAidsModule } from '../aids/module.js';
import { buildTrace } from '../trace.js';
import { idleCheck } from '../aids/state.js';
import { defaultOtherProtocol, firstViolation } from '../aids/compare.js';
import {
  challengeJob, challengeScript, challengeState, checkPreview, findChallenge, verdictOf,
} from '../aids/checker.js';
import { renderChallengePanel, renderCheckerPanel, wonSentence } from '../views/checker.js';
import { CompareView } from '../views/compare.js';
import { ExportPanel } from './export.js';
import { AIDS_MARKUP } from '../aids/markup.js';
import en from '../aids/texts-en.js';
import zhCN from '../aids/texts-zh-CN.js';
import protocolsEn from './protocol-texts-en.js';
import protocolsZhCN from './protocol-texts-zh-CN.js';

/** The aids' own texts and the protocols' names: the page's language files do not carry them
 *  (the loader adds them). */
export const TEXTS = { en: { ...en, ...protocolsEn }, 'zh-CN': { ...zhCN, ...protocolsZhCN } };

const NUMBER_OPTIONS = ['nodes', 'proposers', 'attempts', 'duplicates', 'crashes'];
const FLAG_OPTIONS = ['drops', 'timeouts', 'amnesia', 'symmetry'];

export class Aids {
  /**
   * @param app the page's App: its store, player, cluster view and status line
   * @param state the AidsState the page keeps (the quorum aid shares it)
   * @param aidsModule the core's aids wasm module, loaded (web/aids/module.js): the checker's
   *   plans and bounds, compare mode
   */
  constructor(app, state, aidsModule) {
    this.app = app;
    this.store = app.store;
    this.doc = app.doc;
    this.wasm = app.store.wasm;
    this.state = state;
    this.aidsModule = aidsModule;
    this.challengePick = 'one-phase';
    this.handles = { check: null, challenge: null };
    /** The scenario the panels last followed (`store.origin`, a new object for each). */
    this.originSeen = app.store.origin;
    const $ = (id) => this.doc.getElementById(id);
    this.$ = $;
    this.fillPanels();
    this.compareView = new CompareView(this.doc);
    this.exportPanel = new ExportPanel(this.doc, {
      store: this.store, aids: this.state, navigator: app.window.navigator, onImport: (script) => this.importScript(script),
    });
    this.state.subscribe((part) => this.renderPart(part));
    this.wire();
  }

  get t() {
    return this.app.t;
  }

  /** Puts each panel's controls after its heading, in place of what the shell shows while
   *  they load (index.html has only the shells); translated, as the texts came first. */
  fillPanels() {
    for (const [id, markup] of Object.entries(AIDS_MARKUP)) {
      const panel = this.$(id);
      if (!panel.querySelector('.aids-waiting')) continue;
      const heading = panel.querySelector('h2');
      panel.replaceChildren(heading);
      heading.insertAdjacentHTML('afterend', markup);
      applyStatic(panel, this.t);
    }
  }

  wire() {
    const $ = this.$;
    $('compare-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.startCompare($('compare-protocol').value);
    });
    $('compare-stop').addEventListener('click', () => this.stopCompare());
    $('check-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.runCheck();
    });
    $('check-form').addEventListener('change', () => this.renderChecker());
    $('check-cancel').addEventListener('click', () => this.handles.check?.cancel());
    $('check-animate').addEventListener('click', () => this.animate(this.state.check.summary));
    $('challenge-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.startChallenge($('challenge-pick').value);
    });
    $('challenge-pick').addEventListener('change', () => {
      this.challengePick = $('challenge-pick').value;
      if (!this.state.challenge) this.renderChallenge();
    });
    $('challenge-giveup').addEventListener('click', () => this.giveUp());
    $('challenge-stop').addEventListener('click', () => this.stopChallenge());
  }

  // --- rendering ---

  /** Called by the app after it drew its views for a store change. */
  render(change) {
    if (change.run) this.runChanged(change);
    const t = this.t;
    this.renderCompare(t);
    if (change.run || change.language || change.reason === undefined) this.renderChecker(t);
    this.renderChallenge(t);
    this.exportPanel.render(t);
    this.renderScenario(t);
  }

  renderPart(part) {
    const t = this.t;
    if (part === 'quorum') return;
    if (part === 'compare') this.renderCompare(t);
    else if (part === 'check') this.renderChecker(t);
    else if (part === 'challenge') {
      this.renderChallenge(t);
      this.renderScenario(t);
    } else this.exportPanel.render(t);
  }

  renderCompare(t = this.t) {
    const compare = this.state.compare;
    // With no comparison on, the form shows only the other protocols, by name: drawn again
    // when the language or the run's protocol changes, not at every step (a comparison in
    // progress follows the viewed step).
    const protocol = this.store.snapshot().protocol;
    const shown = [compare, t.language, protocol];
    if (!compare && shown.every((part, index) => part === this.compareShown?.[index])) return;
    this.compareShown = shown;
    this.compareView.renderForm(this.store, compare, t, defaultOtherProtocol(protocol), this.aidsModule.protocols());
    this.compareView.render(this.store, compare, t);
  }

  renderChecker(t = this.t) {
    // Drawn again only when what it shows changed (the check's state is replaced, never
    // changed in place: AidsState.set and patch); not on every step.
    const shown = [this.state.check, this.preview(), t.language];
    if (shown.every((part, index) => part === this.checkerShown?.[index])) return;
    this.checkerShown = shown;
    renderCheckerPanel(this.doc, ...shown.slice(0, 2), t);
  }

  /**
   * The check the panel would start (the core's plan), made again only when the loaded
   * scenario or the options change: the plan reads the scenario's settings, and no step or
   * intervention changes them (a run's commands never do), so on a long run an action does not
   * write out and re-read its whole script (0.8 ms an action on the 10,000-step run).
   */
  preview() {
    const options = this.readOptions();
    // (Compared part by part: the same script is the same string, found equal at once; joined,
    // the long run's script was copied at every action.)
    const key = [this.store.origin.script, ...Object.values(options)];
    if (key.some((part, index) => part !== this.previewKey?.[index])) {
      this.previewShown = checkPreview(this.aidsModule, this.store.script(), options);
      this.previewKey = key;
    }
    return this.previewShown;
  }

  /** The challenge's standing in the run on screen (null when the run is not the challenge's). */
  standing() {
    const challenge = this.state.challenge;
    if (!challenge || this.store.origin.script !== challenge.script) return null;
    return challengeState(this.store.trace, this.store.pg.stepCommands(), this.store.step);
  }

  renderChallenge(t = this.t) {
    // Without a challenge on, the panel shows only the pick and its rules.
    const idle = this.state.challenge ? null : `${this.challengePick} ${t.language}`;
    if (idle !== null && idle === this.challengeShown) return;
    this.challengeShown = idle;
    renderChallengePanel(this.doc, this.challengePick, this.state.challenge, this.standing(), t);
  }

  /** The title and story of a scenario an aid loaded, in the page's language. */
  renderScenario(t) {
    const scenario = this.state.scenario;
    if (!scenario || scenario.script !== this.store.origin.script) return;
    const $ = this.$;
    if (scenario.kind === 'check') {
      $('scenario-title').textContent = t('check.scenarioTitle');
      $('scenario-story').textContent = t('check.scenarioStory', { moves: scenario.moves });
      $('scenario-outcome').textContent = '';
      return;
    }
    $('scenario-title').textContent = t('challenge.scenarioTitle', { name: t(`challenge.${scenario.id}.name`) });
    $('scenario-story').textContent = t(`challenge.${scenario.id}.rules`);
    const standing = this.standing();
    let outcome = '';
    if (standing) {
      const check = this.state.challenge.check;
      const verdict = check.status === 'done' ? verdictOf(check.summary, { cancelled: check.cancelled }) : null;
      outcome = standing.broken ? wonSentence(standing.brokenAt, verdict, t) : t('challenge.moves', { moves: standing.moves });
    }
    $('scenario-outcome').textContent = outcome;
  }

  /** The run changed: keep what still applies to it, let go of what does not. */
  runChanged(change) {
    const origin = this.store.origin.script;
    // Another scenario on screen: one loaded, or a run a load replaced that Undo or Redo
    // brings back (its own origin): what the panels found was of the scenario before.
    const scenarioChanged = change.reason === 'load' || this.store.origin !== this.originSeen;
    this.originSeen = this.store.origin;
    if (scenarioChanged) {
      if (this.state.scenario && this.state.scenario.script !== origin) this.state.scenario = null;
      const challenge = this.state.challenge;
      if (challenge && origin !== challenge.script && !(challenge.showing && origin === challenge.check.summary?.counterexample)) {
        this.handles.challenge?.terminate();
        this.handles.challenge = null;
        this.state.challenge = null;
      }
      // A check is of a configuration: loading another scenario makes its result stale,
      // except when the scenario loaded is the check's own counterexample.
      if (origin !== this.state.check.summary?.counterexample) {
        this.handles.check?.terminate();
        this.handles.check = null;
        this.state.check = idleCheck();
        this.resetOptions();
      }
      if (!this.importing) {
        this.state.imported = null;
        this.state.importProblem = null;
      }
    }
    const compare = this.state.compare;
    if (compare && compare.runVersion !== this.store.runVersion) {
      try {
        this.state.compare = this.comparison(compare.protocol);
        compare.right.free();
      } catch (error) {
        this.state.compare = null;
        compare.right.free();
        // Shown by the app's problem box, which is drawn after the aids.
        this.store.ui.problem = (t) => t('compare.failed', { reason: error.message });
      }
    }
  }

  // --- compare mode ---

  comparison(protocol) {
    const script = this.store.script();
    // Loaded by startCompare before the first comparison (see web/aids/module.js).
    const comparison = this.aidsModule.compare(script, protocol);
    const right = new this.wasm.Playground(comparison.script);
    const rightTrace = buildTrace(right.events(1, right.steps()));
    return {
      protocol,
      runVersion: this.store.runVersion,
      comparison,
      right,
      rightTrace,
      commands: comparison.left_commands,
      stepCommands: [...this.store.pg.stepCommands()],
      leftViolation: firstViolation(this.store.trace),
      rightViolation: firstViolation(rightTrace),
    };
  }

  async startCompare(protocol) {
    this.app.player.pause();
    const previous = this.state.compare;
    try {
      this.aidsModule ??= await loadAidsModule();
      this.state.set('compare', this.comparison(protocol));
      previous?.right.free();
      this.app.say((t) => t('compare.started', { protocol: t(`protocol.${protocol}.name`) }));
    } catch (error) {
      this.store.setProblem((t) => t('compare.failed', { reason: error.message }));
    }
  }

  stopCompare() {
    const previous = this.state.compare;
    this.state.set('compare', null);
    previous?.right.free();
    this.$('compare-start').focus();
  }

  // --- the model checker ---

  readOptions() {
    const form = this.$('check-form').elements;
    const options = {};
    for (const name of NUMBER_OPTIONS) options[name] = Number(form[name].value);
    for (const name of FLAG_OPTIONS) options[name] = form[name].checked;
    return options;
  }

  /** The core's starting options for the scenario on screen (once the aids' module is here). */
  resetOptions() {
    if (this.aidsModule) this.writeOptions(this.aidsModule.checkOptions(this.store.script()));
  }

  writeOptions(options) {
    const form = this.$('check-form').elements;
    for (const name of NUMBER_OPTIONS) form[name].value = String(options[name]);
    for (const name of FLAG_OPTIONS) form[name].checked = Boolean(options[name]);
  }

  /** Runs a check in the worker; `onDone` also gets the summary. Returns the handle. */
  check(job, report) {
    return startCheck(job, {
      onProgress: (progress, seconds) => report({ progress, seconds }),
      onDone: (summary, { cancelled, seconds }) => report({ status: 'done', summary, cancelled, seconds }),
      onError: (error) => report({ status: 'error', error: error.message }),
    });
  }

  runCheck() {
    this.handles.check?.terminate();
    const { job } = this.aidsModule.planForScenario(this.store.script(), this.readOptions());
    this.state.set('check', { ...idleCheck(), status: 'running', job });
    this.app.say((t) => t('check.started'));
    this.handles.check = this.check(job, (changes) => {
      if (changes.status === 'done') changes.finding = this.findingOf(changes.summary);
      this.state.patch('check', changes);
      if (changes.status) {
        this.handles.check = null;
        this.app.say(() => this.doc.getElementById('check-result').textContent);
      }
    });
  }

  /**
   * The core's record of the agreement violation a simulator check's counterexample ends in
   * (its values, quorums and steps), which the panel words in the page's language; null when
   * there is none (the check's own sentence is then English: a TLA model's, a bound).
   */
  findingOf(summary) {
    if (summary?.verdict !== 'violated' || !summary.counterexample) return null;
    try {
      const run = new this.store.wasm.Playground(summary.counterexample);
      const events = run.events(1, run.steps());
      run.free();
      return events.find((event) => event.type === 'violation' && event.violation.property === 'agreement') ?? null;
    } catch {
      return null;
    }
  }

  /** Loads a summary's counterexample as the scenario and plays it from the start. */
  animate(summary) {
    const script = summary?.counterexample;
    if (!script) return;
    const moves = summary.moves.length;
    this.app.player.pause();
    this.state.scenario = { script, kind: 'check', moves };
    this.store.load(script);
    this.app.player.play();
    this.app.say((t) => t('check.animating', { moves }));
    this.showRun();
  }

  /** Brings the cluster drawing into view (the run an aid just loaded). */
  showRun() {
    const behavior = prefersReducedMotion(this.app.window) ? 'auto' : 'smooth';
    this.$('scenario-title').scrollIntoView?.({ block: 'start', behavior });
  }

  // --- the challenge ---

  startChallenge(id) {
    const challenge = findChallenge(id);
    if (!challenge) return;
    this.handles.challenge?.terminate();
    const script = challengeScript(challenge);
    const job = challengeJob(this.aidsModule, challenge);
    this.challengePick = id;
    this.app.player.pause();
    this.state.scenario = { script, kind: 'challenge', id };
    this.state.challenge = { id, script, check: { ...idleCheck(), status: 'running', job }, showing: false, wantShow: false };
    this.store.load(script);
    // The two proposals are made: the reader starts with their messages in flight.
    this.store.seek(this.store.steps);
    const handle = this.check(job, (changes) => {
      const current = this.state.challenge;
      if (!current || this.handles.challenge !== handle) return;
      this.state.patch('challenge', { check: { ...current.check, ...changes } });
      if (changes.status) {
        this.handles.challenge = null;
        if (this.state.challenge.wantShow) this.showChallengeWay();
      }
    });
    this.handles.challenge = handle;
    this.app.say((t) => t('challenge.started', { name: t(`challenge.${id}.name`) }));
    this.showRun();
    this.doc.querySelector('#inflight [data-command]')?.focus({ preventScroll: true });
  }

  giveUp() {
    const challenge = this.state.challenge;
    if (!challenge) return;
    if (challenge.check.status === 'running') {
      this.state.patch('challenge', { wantShow: true });
      this.app.say((t) => t('challenge.checking'));
      return;
    }
    this.showChallengeWay();
  }

  showChallengeWay() {
    const challenge = this.state.challenge;
    const summary = challenge.check.summary;
    this.state.patch('challenge', { showing: true, wantShow: false });
    if (summary?.counterexample) this.animate(summary);
    else this.app.say(() => this.doc.getElementById('challenge-outcome').textContent);
  }

  stopChallenge() {
    this.handles.challenge?.terminate();
    this.handles.challenge = null;
    this.state.set('challenge', null);
    this.$('challenge-start').focus();
  }

  // --- import ---

  /** Loads an imported script (throws the core's refusal); a Multi-Paxos one, a promise. */
  importScript(script) {
    this.app.player.pause();
    try {
      this.loadImported(script);
    } catch (error) {
      // The page's module runs no Multi-Paxos: for a protocol it does not know, the module
      // that does is fetched and tries (its refusal is then the one shown).
      if (this.store.multi || error?.problem?.syntax !== 'unknown-protocol') throw error;
      return this.app.multi('useMulti').then(() => this.loadImported(script));
    }
    return undefined;
  }

  loadImported(script) {
    this.importing = true;
    try {
      this.store.load(script);
    } finally {
      this.importing = false;
    }
    const steps = this.store.steps;
    this.app.say((t) => t('import.done', { steps }));
  }
}
