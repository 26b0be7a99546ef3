// The aids below the cluster (compare, the model checker, the challenge, export/import) are
// code the page does not need to open: their module (web/controls/aids.js, see web/lazy.js),
// which brings their controls' markup and texts, and their styles (web/aids/aids.css) are
// fetched when one of their panels comes near the screen or is touched, whichever is first.
// Until then each panel is a shell in index.html: its heading and a line saying it is
// loading, so there is nothing in it to act on before the aids are here. A failed load says
// so in the panels, with a button that tries again.

import { h } from '../dom.js';
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
    /** Whether a load failed (then only the reader's explicit act tries again). */
    this.failed = false;
    const panels = PANELS.map((id) => app.$(id)).filter(Boolean);
    this.panels = panels;
    for (const panel of panels) {
      panel.addEventListener('focusin', () => this.start());
      // Not after a failure: a panel also slides under a still pointer when the layout moves.
      panel.addEventListener('pointerenter', () => this.failed || this.start());
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
    if (this.loading) return this.loading;
    this.sayWaiting('aids.loading');
    this.loading = this.load().then(({ Aids, TEXTS, aidsModule }) => {
      this.observer?.disconnect();
      addTexts(TEXTS);
      // The retry button, if it had the focus, is replaced: the focus goes to the controls.
      const focused = this.panels.find((panel) => panel.contains(this.app.doc.activeElement));
      this.aids = new Aids(this.app, this.state, aidsModule);
      // As if the run had just been loaded: the panels take in the scenario on screen.
      this.aids.render({ run: true, language: true, reason: 'load' });
      // For tests and styles: the panel's controls are here (index.html starts it "false").
      for (const panel of this.panels) panel.dataset.ready = 'true';
      focused?.querySelector('button, select, input, textarea')?.focus({ preventScroll: true });
    }).catch((error) => {
      // The retry button or the focus in a panel tries again (the network came back). Not
      // the observer nor the pointer: they also fire when the layout around the panels moves
      // (the event list arriving below them), which would retry behind the reader's back.
      this.observer?.disconnect();
      this.failed = true;
      this.loading = null;
      this.sayWaiting('aids.failed');
      this.app.store.setProblem((t) => t('problem.aids', { reason: error.message }));
    });
    return this.loading;
  }

  /** Sets the shells' line (loading, or failed with a button to try again). */
  sayWaiting(key) {
    const { doc, t } = this.app;
    for (const panel of this.panels) {
      const line = panel.querySelector('.aids-waiting');
      if (!line) continue;
      // Kept by the page's translation of its static markup (data-i18n) as the language changes.
      line.dataset.i18n = key;
      line.textContent = t(key);
      if (key === 'aids.failed' && !panel.querySelector('.aids-retry')) {
        line.after(h(doc, 'button', { type: 'button', class: 'aids-retry', 'data-i18n': 'aids.retry', text: t('aids.retry'), onclick: () => this.start() }));
      }
    }
  }

  /** Called by the app after it drew its views for a store change. */
  render(change) {
    this.aids?.render(change);
  }
}
