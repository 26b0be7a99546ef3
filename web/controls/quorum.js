// The quorum overlay: drawn on the cluster and explained in its panel at every change. It is
// the one aid on screen when the page opens, so it is part of the page; the other aids load
// on first use (web/controls/deferred.js).
import { quorumPicture } from '../aids/quorum.js';
import { drawQuorumOverlay, renderQuorumPanel } from '../views/quorum.js';

export class QuorumAid {
  /**
   * @param app the page's App (store, cluster view, t, $)
   * @param state the aids' shared AidsState (its `quorum` part is this aid's)
   */
  constructor(app, state) {
    this.app = app;
    this.state = state;
    const $ = app.$;
    $('quorum-show').addEventListener('change', () => state.patch('quorum', { shown: $('quorum-show').checked }));
    $('quorum-pick').addEventListener('change', () => state.patch('quorum', { pick: $('quorum-pick').value || null }));
    state.subscribe((part) => {
      if (part === 'quorum') this.render();
    });
  }

  render(t = this.app.t) {
    const { app, state } = this;
    const picture = quorumPicture(app.store.snapshot(), app.store.trace, state.quorum.pick);
    renderQuorumPanel(app.$('quorum-panel'), picture, state, t);
    drawQuorumOverlay(app.cluster.svg, app.cluster.layout, picture, state.quorum.shown, t);
  }
}
