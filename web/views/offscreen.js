// A view far below the first screen is not drawn while nobody can see it: a step, a seek or
// an intervention draws the cluster and what is near the screen, and a view far from it is
// only marked out of date (aria-busy) and drawn when it comes near (or gets the focus, or
// something needs it now: `flush`). Used by the event list with its Rules panel, the page's
// last panel (on the 10,000-step run they cost a sixth of an action's script), and by the
// space-time diagram (an embed that shows it has it on its first screen: drawn at once there).

/** Margin around the screen within which a view counts as near (and is drawn at once). */
const NEAR = '400px 0px';

export class Offscreen {
  /**
   * @param element the view's box (observed; aria-busy while out of date)
   * @param draw () => draws the view as its data stands now
   * @param name the view's name in the timing it leaves (`offscreen-draw:<name>`)
   */
  constructor(element, draw, name) {
    this.element = element;
    this.draw = draw;
    this.measureName = `offscreen-draw:${name}`;
    // Near until the observer says otherwise (it reports once as soon as it observes).
    this.near = true;
    this.pending = false;
    const Observer = element.ownerDocument.defaultView?.IntersectionObserver;
    if (Observer) {
      new Observer((entries) => {
        this.near = entries[entries.length - 1].isIntersecting;
        if (this.near) this.flush();
      }, { rootMargin: NEAR }).observe(element);
    }
    element.addEventListener('focusin', () => this.flush());
  }

  /** Draws now if near the screen; else marks the view out of date. */
  request() {
    this.pending = true;
    if (this.near) this.flush();
    else this.element.setAttribute('aria-busy', 'true');
  }

  /** Draws what is out of date, now. */
  flush() {
    if (!this.pending) return;
    this.pending = false;
    this.element.removeAttribute('aria-busy');
    // Timed for the bench (bench/browser.mjs: what coming into view costs on the long run);
    // only the latest is kept, so the page's timeline does not grow with every action.
    const start = performance.now();
    this.draw();
    performance.clearMeasures(this.measureName);
    performance.measure(this.measureName, { start });
  }
}
