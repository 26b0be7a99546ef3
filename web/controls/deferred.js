// The aids below the cluster (compare, the model checker, the challenge, export/import) are
// code the page does not need to open: their module (web/controls/aids.js, see web/lazy.js)
// and styles (web/aids/aids.css) are fetched when one of their panels comes near the screen
// or is touched, whichever is first. Until they are here the panels show their static
// markup (translated like the rest of the page); a click, a submit or a change made in them
// before then is held and replayed once they are, so an early action is never lost.

import { addTexts } from '../i18n.js';
import { loadModule, loadStylesheet } from '../lazy.js';
import { loadAidsModule } from '../aids/module.js';

const PANELS = ['compare-panel', 'checker-panel', 'challenge-panel', 'export-panel'];
/** How far below the screen a panel starts the load, so it is ready when scrolled to. */
const NEAR_MARGIN = '600px 0px';

/** The aids' code, their styles and the core's aids module (the checker's plans, compare),
 *  together: the panels go live only once all three are here. */
async function loadAids(doc) {
  const [module, , aidsModule] = await Promise.all([
    loadModule(doc, 'web/controls/aids.js'), loadStylesheet(doc, 'web/aids/aids.css'), loadAidsModule(),
  ]);
  return { Aids: module.Aids, TEXTS: module.TEXTS, aidsModule };
}

export class DeferredAids {
  /**
   * @param app the page's App (store, window, $, t)
   * @param state the AidsState the page keeps
   * @param load () => the aids' module (`{Aids, TEXTS, aidsModule}`, the last the core's aids
   *   wasm module); a call after a failure tries again
   */
  constructor(app, state, load = () => loadAids(app.doc)) {
    this.app = app;
    this.state = state;
    this.load = load;
    /** The loaded Aids, or null. */
    this.aids = null;
    this.loading = null;
    /** Actions held until the module is ready, in the order they happened. */
    this.held = [];
    const panels = PANELS.map((id) => app.$(id)).filter(Boolean);
    this.panels = panels;
    for (const panel of panels) {
      // Capture phase: seen before anything inside the panel acts on the event.
      panel.addEventListener('click', (event) => this.holdClick(event), true);
      panel.addEventListener('submit', (event) => this.holdSubmit(event), true);
      panel.addEventListener('change', (event) => this.holdChange(event), true);
      panel.addEventListener('focusin', () => this.start());
      panel.addEventListener('pointerenter', () => this.start());
    }
    const Observer = app.window.IntersectionObserver;
    if (!Observer) {
      this.start();
      return;
    }
    this.observer = new Observer((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.start();
    }, { rootMargin: NEAR_MARGIN });
    for (const panel of panels) this.observer.observe(panel);
  }

  get ready() {
    return this.aids !== null;
  }

  /** Starts loading (once); resolves when the aids are ready. */
  start() {
    this.loading ??= this.load().then(({ Aids, TEXTS, aidsModule }) => {
      this.observer?.disconnect();
      addTexts(TEXTS);
      this.aids = new Aids(this.app, this.state, aidsModule);
      // As if the run had just been loaded: the panels take in the scenario on screen.
      this.aids.render({ run: true, language: true, reason: 'load' });
      // For tests and styles: the panel's markup is live now (index.html starts it "false").
      for (const panel of this.panels) panel.dataset.ready = 'true';
      for (const replay of this.held.splice(0)) replay();
    }).catch((error) => {
      // Another touch tries again (e.g. the network came back).
      this.loading = null;
      this.held = [];
      this.app.store.setProblem(this.app.t('problem.aids', { reason: error.message }));
    });
    return this.loading;
  }

  holdClick(event) {
    if (this.ready) return;
    const button = event.target.closest?.('button');
    if (!button || button.disabled) return;
    // A submit button's click would submit the form: held too, and replayed as a click.
    event.preventDefault();
    event.stopPropagation();
    this.hold(() => button.click());
  }

  holdSubmit(event) {
    if (this.ready) return;
    event.preventDefault();
    event.stopPropagation();
    const form = event.target;
    this.hold(() => form.requestSubmit());
  }

  holdChange(event) {
    if (this.ready) return;
    const target = event.target;
    // The aids' first render fills their forms for the scenario on screen; what the reader
    // chose before that is put back, then announced as the change it was.
    const { value, checked } = target;
    this.hold(() => {
      if (target.type === 'checkbox' || target.type === 'radio') target.checked = checked;
      else target.value = value;
      target.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  hold(replay) {
    this.held.push(replay);
    this.start();
  }

  /** Called by the app after it drew its views for a store change. */
  render(change) {
    this.aids?.render(change);
  }
}
