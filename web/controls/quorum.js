// The quorum overlay: drawn on the cluster and explained in its panel at every change. Its
// code, texts and styles (web/controls/quorum-view.js, web/aids/quorum.css), and the aids'
// wasm module that makes the core's pictures of the run, load the first time the run on
// screen has a quorum to show, a proposal in phase 2 or a value chosen (the core's snapshot
// says so): opening the page on a fresh run does not pay for them. Until then, and while
// they arrive, the panel says that nothing has reached phase 2.
import { addTexts } from '../i18n.js';
import { loadModule, loadStylesheet } from '../lazy.js';
import { renderNoQuorum } from '../views/quorum-panel.js';

export class QuorumAid {
  /**
   * @param app the page's App (store, cluster view, t, $)
   * @param state the aids' shared AidsState (its `quorum` part is this aid's)
   * @param load () => the aid's module (`{renderQuorum, TEXTS}`); a call after a failure retries
   */
  constructor(app, state, load = () => Promise.all([loadModule(app.doc, 'web/controls/quorum-view.js'), loadStylesheet(app.doc, 'web/aids/quorum.css')]).then(([module]) => module)) {
    this.app = app;
    this.state = state;
    this.load = load;
    /** The loaded module, or null. */
    this.view = null;
    this.loading = null;
    const $ = app.$;
    $('quorum-show').addEventListener('change', () => state.patch('quorum', { shown: $('quorum-show').checked }));
    $('quorum-pick').addEventListener('change', () => state.patch('quorum', { pick: $('quorum-pick').value || null }));
    state.subscribe((part) => {
      if (part === 'quorum') this.render();
    });
  }

  render(t = this.app.t) {
    const { app, state } = this;
    // `data-quorum-state`: "drawn" once the panel shows the viewed step, "loading" while the
    // aid's module is on its way (tests wait for the drawing to settle).
    const panel = app.$('quorum-panel');
    if (this.view) {
      this.view.renderQuorum(app, state, t);
      panel.dataset.quorumState = 'drawn';
      return;
    }
    const snapshot = app.store.snapshot();
    if (snapshot.quorum_facts === 0 && snapshot.chosen.length === 0) {
      renderNoQuorum(panel, app.cluster.svg, state.quorum.shown, t);
      panel.dataset.quorumState = 'drawn';
      return;
    }
    panel.dataset.quorumState = 'loading';
    // After a failed load, the next try waits for another step or run (not the redraw that
    // shows the failure itself).
    const moment = `${app.store.runVersion}:${snapshot.step}`;
    if (this.loading || this.failedAt === moment) return;
    this.loading = this.load().then((module) => {
      addTexts(module.TEXTS);
      this.view = module;
      this.render();
    }, (error) => {
      this.loading = null;
      this.failedAt = moment;
      panel.dataset.quorumState = 'drawn';
      app.store.setProblem((t) => t('problem.quorum.load', { reason: error.message }));
    });
  }
}
