// Entry point of the page: load the wasm core, build the store, the views and the controls,
// and keep them in step. Any failure on the way is shown on the page; it never stays blank.
import { h, prefersReducedMotion, setText } from './dom.js';
import { describeFocus, restoreFocus } from './focus.js';
import { addTexts, applyStatic, detectLanguage, isLoaded, loadLanguage, otherLanguage, translator } from './i18n.js';
import { Player } from './player.js';
import { embedModule, prepareShare } from './share/index.js';
import { codeFromHash, embedOptions } from './share/link.js';
import { Store } from './state.js';
import { nextSpeed } from './timeline.js';
import { AidsState } from './aids/state.js';
import { loadDialogStyles, loadModule, loadStylesheet, whenNear } from './lazy.js';
import { installShortcuts } from './controls/keyboard.js';
import { PlaybackBar } from './controls/playback.js';
import { QuorumAid } from './controls/quorum.js';
import { presetTitle } from './controls/presets.js';
import { hasStory, loadStory } from './stories.js';
import { ClusterView } from './views/cluster.js';
import { narration } from './views/narrator.js';
import { problemText, wordProblem } from './problems.js';
import { outcomeSentence, renderObserver } from './views/observer.js';

/** How near the screen a panel below the first one starts fetching its code. */
const NEAR_SCREEN = '300px 0px';
/**
 * The same for the space-time diagram, nearer: it starts just below the first screen (at
 * 1280 x 800, some 300 px below it in English and 210 px in Chinese), and its code (6 kB)
 * is no part of opening the page.
 */
const SPACETIME_NEAR = '100px 0px';

/** The first page people see: the happy path, ready to play. */
const FIRST_PRESET = 'paxos-basic';
/** How long the views below the first screen wait for a first frame that may not come. */
const OPENING_FALLBACK_MS = 100;
const KINDS = ['prepare', 'promise', 'accept', 'accepted', 'nack', 'reject'];

/** The page is laid out and painted from now on (style.css keeps it hidden until then). */
function reveal(document) {
  document.documentElement.dataset.drawn = 'true';
}

/** Says on the status line that the simulator cannot go on: it did not start, or `text`. */
function showFatal(status, error, text = null) {
  reveal(status.ownerDocument);
  status.classList.add('error');
  status.setAttribute('role', 'alert');
  const reason = error instanceof Error ? error.message : String(error);
  status.textContent = text ??
    `The simulator could not start: ${reason}. ` +
    'Reload the page; if this keeps happening, try a current browser with WebAssembly enabled.';
}

class App {
  /**
   * options.readOnly: no interventions or reset (embeds); options.embedded: no menus;
   * options.extras: web/page-extras.js, null in a read-only embed; options.view: an embed's
   * view (null on the page); options.spacetime: the space-time diagram's module when it is
   * already here (an embed of the diagram alone, whose first screen it is).
   */
  constructor(window, store, { readOnly = false, embedded = false, extras = null, view = null, spacetime = null } = {}) {
    this.window = window;
    this.readOnly = readOnly;
    this.embedded = embedded;
    this.doc = window.document;
    this.store = store;
    const $ = (id) => this.doc.getElementById(id);
    this.$ = $;
    /** A language asked for whose texts are still on their way, or null. */
    this.wantedLanguage = null;
    const select = (selection) => this.select(selection);
    const seek = (step) => this.seekTo(step);
    this.cluster = new ClusterView($('cluster'), { onSelect: select, onResize: () => this.render({}) });
    for (const id of ['story-previous', 'story-next']) $(id).addEventListener('click', () => this.loadPreset($(id).dataset.preset));
    $('spacetime-labels').addEventListener('change', () => store.setCompact(!$('spacetime-labels').checked));
    /** The space-time diagram's view, once its code is here (see `watchSpacetime`), else null. */
    this.spacetime = null;
    this.watchSpacetime({ onSelect: select, onSeek: seek }, spacetime);
    // An embed of the diagram alone hides the cluster: it is not drawn at all, and the
    // diagram, its first screen, is drawn with the first frame.
    this.diagramOnly = view === 'spacetime';
    /** The event list's view, once its code is here (see `watchEvents`), else null. */
    this.events = null;
    this.watchEvents({ onSeek: seek, onSelect: select });
    this.player = new Player(store, {
      window,
      onMotion: (motion) => this.drawMotion(motion),
      onStop: (why) => {
        const step = store.step;
        this.say((t) => t(`narrate.stop.${why}`, { step }));
      },
      onRefused: (error) => this.refused('step', error),
    });
    this.playback = new PlaybackBar(this.doc, readOnly, {
      reset: () => this.reset(),
      undo: () => this.undo(),
      redo: () => this.redo(),
      start: () => this.seekTo(0),
      back: () => this.stepBack(),
      play: () => this.player.toggle(),
      forward: () => this.stepForward(),
      end: () => this.toEnd(),
      seek,
      speed: (speed) => store.setSpeed(speed),
    });
    /** The settings panel, made the first time it is opened (its code is fetched then). */
    this.settings = null;
    store.subscribe((change) => this.render(change));
    this.wire();
    // The quorum overlay is drawn from the start; compare mode, the model checker, the
    // challenge and export/import load when first needed.
    const aidsState = new AidsState();
    this.quorum = new QuorumAid(this, aidsState);
    /** What a read-only embed has not (web/page-extras.js): the aids' loader, the gallery,
     *  the selection and in-flight panels, the servers' forms. */
    this.extras = extras;
    this.serverForms = extras ? new extras.ServerForms(this.doc) : null;
    extras?.wirePage(this);
    this.aids = extras ? new extras.DeferredAids(this, aidsState) : null;
  }

  get t() {
    return translator(this.store.ui.language);
  }

  // --- actions ---

  select(selection) {
    const current = this.store.ui.selection;
    const same = current && selection && current.type === selection.type && current.id === selection.id;
    this.store.select(same ? null : selection);
  }

  seekTo(step) {
    this.player.pause();
    this.store.seek(step);
  }

  stepBack() {
    this.player.pause();
    this.store.back();
  }

  stepForward() {
    this.player.pause();
    try {
      if (!this.store.forward()) {
        const key = this.store.snapshot().network === 'manual' ? 'narrate.stop.manual-end' : 'narrate.stop.end';
        this.say((t) => t(key));
      }
    } catch (error) {
      // The core refused the step (a limit of the run): nothing changed.
      this.refused('step', error);
    }
  }

  /** Shows why the core refused `command`; the run is as it was. */
  refused(command, error) {
    this.store.setProblem((t) => t('problem.refused', { command, reason: problemText(error, t) }));
  }

  reset() {
    if (this.readOnly) return;
    this.player.pause();
    this.store.reset();
  }

  /** Puts back the run as it was before the last intervention (the core keeps it). */
  undo() {
    if (this.readOnly) return;
    this.player.pause();
    this.store.undo();
  }

  redo() {
    if (this.readOnly) return;
    this.player.pause();
    this.store.redo();
  }

  /**
   * To the end of the run; already there, on to where the run stops by itself when it goes
   * on (the automatic network after an intervention): the core's `run` takes it there.
   */
  toEnd() {
    const store = this.store;
    if (store.step < store.steps || this.readOnly || !store.goesOn) this.seekTo(store.steps);
    else this.act('run');
  }

  /** One intervention at the viewed step; a refusal is shown and changes nothing. */
  act(command) {
    if (this.readOnly) return false;
    this.player.pause();
    try {
      this.store.intervene(command);
      return true;
    } catch (error) {
      this.refused(command, error);
      return false;
    }
  }

  actOnSelection(action) {
    if (this.readOnly) return;
    const selection = this.store.ui.selection;
    if (selection?.type !== 'message') {
      this.store.setProblem((t) => t('problem.selectMessage'));
      return;
    }
    this.act(`${action} #${selection.id}`);
  }

  loadPreset(id) {
    if (this.embedded) return;
    this.player.pause();
    try {
      this.store.loadPreset(id);
    } catch {
      // Not one of the page's module's presets: Multi-Paxos' (web/multi/multi.js).
      return this.multi('loadPreset', id);
    }
    this.$('presets-dialog').close();
    this.$('play').focus();
  }

  applySettings(script, keep) {
    this.player.pause();
    try {
      const presetId = keep ? this.store.origin.presetId : null;
      this.store.load(script, { presetId, modified: presetId !== null });
      return null;
    } catch (error) {
      // Perhaps a Multi-Paxos scenario, which the page's module does not run: a promise.
      return this.store.multi ? problemText(error, this.t) : this.multi('applySettings', script, keep);
    }
  }

  /**
   * Calls `name` of web/multi/multi.js (Multi-Paxos on the page: its module, presets and
   * texts), fetched the first time, with this app and `args`: a promise of its result.
   */
  multi(name, ...args) {
    return loadModule(this.doc, 'web/multi/multi.js').then((multi) => multi[name](this, ...args));
  }

  /**
   * Switches the page's language once its texts are here: at once when they are loaded,
   * else when they arrive; if they cannot be fetched, the page stays as it is and says why.
   * Only the latest request counts: a switch pressed twice while the first language is still
   * on its way ends where two presses should, whatever order the files arrive in.
   */
  setLanguage(language, options) {
    this.wantedLanguage = language;
    const apply = () => {
      if (this.wantedLanguage !== language) return;
      this.wantedLanguage = null;
      this.store.setLanguage(language, options);
    };
    if (isLoaded(language)) {
      apply();
      return;
    }
    loadLanguage(language).then(apply, (error) => {
      if (this.wantedLanguage !== language) return;
      this.wantedLanguage = null;
      this.store.setProblem((t) => t('problem.language', { reason: error.message }));
    });
  }

  /** The switch: the other language than the one on screen, or than the one on its way. */
  toggleLanguage() {
    this.setLanguage(otherLanguage(this.wantedLanguage ?? this.store.ui.language));
  }

  /**
   * Puts `told` on the status line: a function of the texts (`t`) giving the sentence, kept
   * so that a change of language words it again.
   */
  say(told) {
    this.told = told;
    const text = told(this.t);
    if (text) this.$('status').textContent = text;
  }

  // --- wiring ---

  wire() {
    const doc = this.doc;
    const $ = this.$;
    doc.addEventListener('click', (event) => {
      const target = event.target.closest?.('[data-command],[data-select-message],[data-select-node],[data-seek],[data-propose-for],[data-load-preset]');
      if (!target) return;
      const data = target.dataset;
      if (data.command) this.act(data.command);
      else if (data.selectMessage) this.select({ type: 'message', id: Number(data.selectMessage) });
      else if (data.selectNode) this.select({ type: 'node', id: Number(data.selectNode) });
      else if (data.seek) this.seekTo(Number(data.seek));
      else if (data.loadPreset) this.loadPreset(data.loadPreset);
      else if (data.proposeFor) this.extras?.proposeFor(this, Number(data.proposeFor));
    });
    $('open-help').addEventListener('click', () => this.openHelp());
    $('language').addEventListener('click', () => this.toggleLanguage());
    // A pointer on the switch or focus on it: the other language's texts start loading, so
    // that the click usually finds them here.
    const warmOther = () => loadLanguage(otherLanguage(this.wantedLanguage ?? this.store.ui.language)).catch(() => {});
    $('language').addEventListener('pointerenter', warmOther);
    $('language').addEventListener('focus', warmOther);
    $('problem-close').addEventListener('click', () => this.store.setProblem(null));
    $('status-undo').addEventListener('click', () => {
      this.undo();
      // The button hides itself; Redo (enabled now) takes the focus.
      $('redo').focus();
    });
    installShortcuts(doc, {
      toggle: () => this.player.toggle(),
      forward: () => this.stepForward(),
      back: () => this.stepBack(),
      start: () => this.seekTo(0),
      end: () => this.toEnd(),
      undo: () => this.undo(),
      redo: () => this.redo(),
      faster: () => this.store.setSpeed(nextSpeed(this.store.ui.speed, 1)),
      slower: () => this.store.setSpeed(nextSpeed(this.store.ui.speed, -1)),
      deliver: () => this.actOnSelection('deliver'),
      drop: () => this.actOnSelection('drop'),
      duplicate: () => this.actOnSelection('duplicate'),
      unselect: () => this.store.select(null),
      reset: () => this.reset(),
      presets: () => this.openPresets(),
      settings: () => this.openSettings(),
      language: () => this.toggleLanguage(),
      help: () => this.openHelp(),
    });
    // Layout depends on the width (compact cluster drawing, diagram column width): redraw
    // once the resizing settles, not on every resize event.
    let resizeTimer = null;
    this.window.addEventListener('resize', () => {
      this.window.clearTimeout(resizeTimer);
      resizeTimer = this.window.setTimeout(() => this.render({ resize: true }), 150);
    });
    const motionQuery = this.window.matchMedia?.('(prefers-reduced-motion: reduce)');
    motionQuery?.addEventListener?.('change', () => this.drawMotion(null));
  }

  // The menus, the forms and the downloads are the full page's (web/controls/page-actions.js,
  // in page-extras): a read-only embed has none of them. "Keys and help" stays here: its
  // key (?) works in every embed too.
  openPresets() {
    this.extras?.openPresets(this);
  }

  openSettings() {
    this.extras?.openSettings(this);
  }

  /** Opens "Keys and help" (its module is fetched on the first press). */
  openHelp() {
    Promise.all([loadModule(this.doc, 'web/controls/help.js'), loadDialogStyles(this.doc)]).then(([help]) => {
      if (!this.help) addTexts(help.TEXTS);
      this.help = help;
      help.renderHelp(this.$('help-dialog'), this.t);
      this.$('help-dialog').showModal();
    }, (error) => this.store.setProblem((t) => t('problem.help', { reason: error.message })));
  }

  /**
   * The space-time diagram is below the first screen (at 1280 x 800 it starts some 1,000 px
   * down): its code (web/views/spacetime.js, with its layout) is fetched when it comes
   * within 100 px of the screen or is focused, not when the page opens. An embed that shows
   * it (its views `all` and `spacetime`) has it on its first screen and fetches it at once;
   * one that hides it never does. `data-ready` on the drawing says it is drawn.
   * @returns the function that loads it now (a promise, resolved once it is drawn)
   */
  watchSpacetime(handlers, module) {
    const svg = this.$('spacetime');
    const scroller = this.$('spacetime-scroll');
    const create = ({ SpacetimeView }) => {
      this.spacetime ??= new SpacetimeView(svg, { scroller, lanes: this.$('spacetime-lanes'), ...handlers });
    };
    this.loadSpacetime = this.watchNear(scroller, SPACETIME_NEAR, 'problem.spacetime',
      () => loadModule(this.doc, 'web/views/spacetime.js'), (loaded) => {
        create(loaded);
        // While the page opens, the views below the first screen wait for it (`opened`).
        if (!this.opening) this.spacetime.render(this.store, this.t);
        return svg;
      });
    // Already here (the diagram is an embed's first screen): the first render draws it, in
    // the same task as this.
    if (module) {
      create(module);
      svg.dataset.ready = 'true';
    }
  }

  /**
   * The event list is the page's last panel: its code (web/views/events.js) and styles (events.css) are fetched when
   * the list comes within 300 px of the screen or is focused, not when the page opens (an
   * embed, which hides the list, never fetches it; at 1280 x 800 the list starts some 1,400
   * px down, 1,100 px in Chinese: tests/e2e/dist.test.mjs checks that opening does not fetch
   * it). `data-ready` says it is drawn.
   */
  watchEvents(handlers) {
    const list = this.$('events');
    this.watchNear(list, NEAR_SCREEN, 'problem.events',
      () => Promise.all([loadModule(this.doc, 'web/views/events.js'), loadStylesheet(this.doc, 'web/views/events.css')]),
      ([{ EventsView }]) => {
        this.events = new EventsView(list, handlers);
        this.events.render(this.store, this.t);
        return list;
      });
  }

  /**
   * A view below the first screen, fetched (`fetch()`) when `target` comes within `margin`
   * of the screen or is focused (web/lazy.js `whenNear`), then made by `make(module)`, which
   * returns the element to mark ready (`data-ready`). A failed fetch is said (the text
   * `problem`) and the next approach, focus or call tries again.
   * @returns the function that loads it now (a promise, resolved once it is made)
   */
  watchNear(target, margin, problem, fetch, make) {
    let loading = null;
    const load = () => {
      loading ??= fetch().then((module) => {
        stop();
        make(module).dataset.ready = 'true';
      }, (error) => {
        loading = null;
        this.store.setProblem((t) => t(problem, { reason: error.message }));
        throw error;
      });
      return loading;
    };
    const stop = whenNear(this.window, target, margin, () => load().catch(() => {}));
    return load;
  }

  drawMotion(motion) {
    // Nothing loaded yet: a link opening (it pauses first) comes before any run.
    if (!this.store.pg) return;
    if (motion && prefersReducedMotion(this.window)) return;
    if (!this.diagramOnly) this.cluster.drawMotion(motion);
    if (motion) this.spacetime?.follow(motion.fromStep, motion.progress);
    else this.spacetime?.follow(this.store.step, 0);
  }

  // --- rendering ---

  render(change) {
    const focus = describeFocus(this.doc);
    this.renderViews(change);
    restoreFocus(this.doc, focus);
  }

  renderViews(change) {
    const store = this.store;
    const t = this.t;
    if (change.language) this.translate(t);
    // The title, story and scenario list change with the scenario loaded (or the language),
    // not with interventions or steps.
    const scenarioKey = [t.language, store.origin, store.origin.presetId];
    const scenarioChanged = scenarioKey.some((part, i) => part !== this.scenarioShown?.[i]);
    this.scenarioShown = scenarioKey;
    if (scenarioChanged) this.renderScenario(t);
    // How the run ends changes with every change to the run.
    if (scenarioChanged || change.run) this.renderOutcome(t);
    this.playback.render(store, t);
    if (!this.diagramOnly) this.cluster.render(store, t);
    if (!this.opening) this.renderBelowFold(t);
    else if (this.diagramOnly) this.spacetime?.render(store, t);
    renderObserver(this.$('observer'), store, t);
    this.extras?.renderInFlight(this.$('inflight'), store, t);
    this.extras?.renderSelection(this.$('selection'), store, t);
    this.quorum.render(t);
    this.aids?.render(change);
    this.renderProblem();
    const told = narration(change, store);
    if (told) {
      this.say(told);
      // "The rest of the run was replaced" (an intervention at an earlier step), "the run you
      // had was replaced" (a load): the Undo beside it takes that back.
      this.$('status-undo').hidden = !((change.reason === 'intervene' && change.replaced > 0) || (change.reason === 'load' && change.kept));
    } else if (change.language && this.told) {
      // The same sentence in the new language (after the views: some read their own text).
      this.say(this.told);
    }
    if (!store.canUndo) this.$('status-undo').hidden = true;
  }

  /**
   * The views below the first screen: the space-time diagram, the servers with their forms,
   * the events, and the gallery's list (in its dialog, closed until asked for).
   */
  renderBelowFold(t) {
    const store = this.store;
    this.spacetime?.render(store, t);
    this.events?.render(store, t);
    this.extras?.renderServers(this.$('servers'), store, t);
    this.serverForms?.render(store.snapshot(), t);
    const listKey = `${t.language}|${store.origin.presetId}`;
    if (this.extras && listKey !== this.presetListShown) {
      this.presetListShown = listKey;
      this.extras.renderPresetList(this.$('preset-list'), store.presets(), t, store.origin.presetId);
    }
  }

  translate(t) {
    const doc = this.doc;
    doc.documentElement.lang = t.language;
    applyStatic(doc, t);
    doc.title = t('app.title');
    const language = this.$('language');
    const other = otherLanguage(t.language);
    language.textContent = t('language.other');
    language.setAttribute('lang', other);
    language.setAttribute('title', t('language.switch'));
    this.playback.translate(t);
    this.settings?.translate(t);
    this.$('legend').replaceChildren(...KINDS.map((kind) => h(doc, 'li', { class: `legend-item kind-${kind}` },
      h(doc, 'span', { class: `kind-chip kind-${kind}`, 'aria-hidden': 'true' }), h(doc, 'span', { text: t(`kind.${kind}`) }))));
    if (this.help) this.help.renderHelp(this.$('help-dialog'), t);
  }

  renderScenario(t) {
    const { origin } = this.store;
    const preset = origin.presetId ? this.store.presets().find((p) => p.id === origin.presetId) : null;
    const scriptTitle = this.store.snapshot().title;
    let title = preset ? presetTitle(t, preset) : scriptTitle || t('scenario.custom');
    if (origin.modified) title = t('scenario.modified', { title });
    this.$('scenario-title').textContent = title;
    this.$('scenario-story').textContent = !preset ? t('scenario.customStory') : hasStory(preset.id) ? t(`preset.${preset.id}.story`) : '';
    // (An embed hides the story and the outcome: it does not fetch them.)
    if (preset && !hasStory(preset.id) && !this.embedded) this.awaitStory(preset.id);
    // The presets are listed in the seed's order (§1 to §5, then the livelock and its fixes,
    // then the rest): a preset's card leads to the ones before and after it.
    const presets = this.store.presets();
    const at = preset ? presets.indexOf(preset) : -1;
    for (const [id, neighbour, key] of [['story-previous', presets[at - 1], 'story.previous'], ['story-next', presets[at + 1], 'story.next']]) {
      const button = this.$(id);
      button.hidden = at < 0 || !neighbour;
      if (button.hidden) continue;
      // Short on the button (the card stays one line taller at most); the title in full as
      // its name and tooltip.
      button.textContent = t(`${key}Short`);
      const name = t(key, { title: presetTitle(t, neighbour) });
      button.setAttribute('aria-label', name);
      button.title = name;
      button.dataset.preset = neighbour.id;
    }
  }

  renderOutcome(t) {
    const { origin } = this.store;
    const preset = origin.presetId ? this.store.presets().find((p) => p.id === origin.presetId) : null;
    // The preset's own outcome only while the run on screen is the preset's; otherwise (any
    // intervention, a step past its end, a run of one's own) how this run ends, from the core.
    const presetRun = preset && this.store.isPresetRun();
    // (Written only when it changes: an unchanged text set again is laid out again.)
    setText(this.$('scenario-outcome'), !presetRun ? outcomeSentence(t, this.store.outcome())
      : hasStory(preset.id) ? t(`preset.${preset.id}.outcome`) : '');
  }

  /** Fetches a preset's story (web/stories.js) and draws the card again when it is here. */
  awaitStory(id) {
    loadStory(this.doc, id).then(() => {
      this.scenarioShown = null;
      this.render({});
    }, (error) => this.store.setProblem((t) => t('problem.story', { reason: error.message })));
  }

  renderProblem() {
    const problem = wordProblem(this.store.ui.problem, this.t);
    const box = this.$('problem');
    if (box.hidden !== !problem) box.hidden = !problem;
    setText(this.$('problem-text'), problem ?? '');
  }

  /**
   * The first render (of `presetId`, or of what is loaded next). While the page opens, the
   * views below the first screen are left for the frame after (`opened`): the first frame
   * then lays out and paints what is on screen (the cluster and the panels beside it), not
   * some four hundred more elements under it.
   */
  start(presetId) {
    this.opening = true;
    this.translate(this.t);
    // (null: a link or an embed's preset is opened next, and only that is loaded and drawn.)
    if (presetId !== null) this.store.loadPreset(presetId);
    for (const id of ['open-presets', 'open-settings']) this.$(id).disabled = false;
  }

  /**
   * Draws what `start` left for later, once the first frame is on screen: a task posted from
   * the next animation frame runs after that frame is drawn. A page that draws no frames (an
   * iframe scrolled out of sight gets none) has it done after a short wait instead.
   */
  opened() {
    const window = this.window;
    const finish = () => this.finishOpening();
    window.requestAnimationFrame(() => window.setTimeout(finish, 0));
    window.setTimeout(finish, OPENING_FALLBACK_MS);
  }

  /** Draws what the opening left for later, once (sooner when something needs it, e.g. the gallery). */
  finishOpening() {
    if (!this.opening) return;
    this.opening = false;
    const focus = describeFocus(this.doc);
    this.renderBelowFold(this.t);
    restoreFocus(this.doc, focus);
    // Every view is drawn now (tests wait for this; style.css lays the rest out from here).
    this.doc.documentElement.dataset.opened = 'true';
  }
}

/** How long the page stays hidden while it opens, at most (style.css hides it until drawn). */
const SHOW_ANYWAY_MS = 8000;

async function main(window) {
  const status = window.document.getElementById('status');
  const root = window.document.documentElement;
  root.dataset.opening = 'true';
  window.setTimeout(() => {
    if (!root.dataset.drawn) reveal(window.document);
  }, SHOW_ANYWAY_MS);
  let wasm;
  let presets;
  const navigator = window.navigator;
  const browserLanguage = detectLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
  // Everything the page needs to open is asked for at once: the presets (a static file
  // beside the module, not inside it: its size), the browser's language (a link may name
  // another, below), and the glue, which fetches the wasm. index.html preloads the glue, the
  // wasm and the presets, so their requests start while this script is still on its way.
  const presetsRequest = fetch(new URL('./pkg/presets.json', import.meta.url));
  presetsRequest.catch(() => {}); // awaited below; not an unhandled rejection if the glue fails first
  const languageRequest = loadLanguage(browserLanguage).catch(() => null);
  // In an embed, embed mode's code too (a failure to load it is shown like any other).
  const embedRequest = embedModule(window);
  embedRequest?.catch(() => {});
  const embedAsked = embedOptions(window.location.search);
  // The first preset's story, when the page opens on it (no link, not an embed, which hides
  // it): here before the first render, which then has the card whole (no second render).
  const storyRequest = embedRequest || codeFromHash(window.location.hash) !== null ? null : loadStory(window.document, FIRST_PRESET).catch(() => {});
  // The parts a read-only embed hides (web/page-extras.js): it never fetches them.
  const extrasRequest = embedRequest && !embedAsked.interactive ? null : loadModule(window.document, 'web/page-extras.js');
  extrasRequest?.catch(() => {});
  // An embed of the space-time diagram alone (`view=spacetime`, the story's figures): the
  // diagram is its first screen, so its code comes with the rest (and the cluster, hidden,
  // is not drawn). A link code naming that view gets it asked for below, a little later.
  const spacetimeRequest = embedRequest && embedAsked.view === 'spacetime' ? loadModule(window.document, 'web/views/spacetime.js') : null;
  spacetimeRequest?.catch(() => {});
  try {
    // A dynamic import, so that a missing or broken glue module is an error we can show,
    // not a module graph that silently never runs.
    wasm = await import('./pkg/paxos_wasm.js');
    const [, response] = await Promise.all([wasm.default(), presetsRequest, languageRequest, storyRequest]);
    // Stages of loading, for bench/load-timeline.mjs (a mark costs nothing measurable).
    performance.mark('playground-fetched');
    if (!response.ok) throw new Error(`the scenarios could not be loaded (HTTP ${response.status})`);
    presets = await response.json();
  } catch (error) {
    showFatal(status, error);
    return;
  }
  try {
    const share = prepareShare(window, wasm, await embedRequest);
    // The link's language if its texts load, else the browser's (if those loaded).
    const wanted = share.language ?? browserLanguage;
    const language = await loadLanguage(wanted).then(() => wanted, (error) => {
      if (isLoaded(browserLanguage)) return browserLanguage;
      throw new Error(`the page's texts could not be loaded (${error.message})`);
    });
    const store = new Store(wasm, { language, languageChosen: share.language !== null, presets });
    // (Should the diagram's code fail to load, it is asked for again as it nears the screen.)
    const spacetime = share.appOptions.view === 'spacetime'
      ? await (spacetimeRequest ?? loadModule(window.document, 'web/views/spacetime.js')).catch(() => null) : null;
    const app = new App(window, store, { ...share.appOptions, extras: await extrasRequest, spacetime });
    performance.mark('playground-built');
    window.document.getElementById('version').textContent = wasm.version();
    // Shown from the first render on (in this same task, so no frame shows less): what
    // the render reads from layout (an embed's diagram, its width) is then laid out.
    reveal(window.document);
    // A trap in the core (a panic: a bug, never bad input) leaves the run unusable: the
    // page says so, once, rather than going quiet (the core has no panic hook of its own).
    window.addEventListener('error', ({ error }) => {
      if (!(error instanceof WebAssembly.RuntimeError) || status.classList.contains('error')) return;
      app.player.pause();
      showFatal(status, error, app.t('problem.internal', { reason: error.message }));
    });
    // A link (or an embed's preset) is opened by `install`: the default is not loaded and
    // drawn first for nothing (unless the link cannot be opened: then it is).
    app.start(share.opensScenario ? null : FIRST_PRESET);
    share.install(app, FIRST_PRESET);
    // Ready, and at which step when a link or an embed opens the run past its start (kept
    // short: on a phone a longer line pushes the drawing below the first screen; what
    // happened there is on the drawing and the observer).
    const count = store.snapshot().nodes.length;
    const { step, steps } = store;
    app.say((t) => [t('narrate.ready', { count }), ...(step > 0 ? [t('playback.position', { step, steps })] : [])].join(' '));
    // The moment the page can be used: benchmarks (bench/browser.mjs) time load to here.
    performance.mark('playground-interactive');
    app.opened();
  } catch (error) {
    showFatal(status, error);
  }
}

main(window);
