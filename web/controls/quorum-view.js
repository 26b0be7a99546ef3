// The quorum aid's drawing and words, loaded the first time a run has a quorum to show (a
// proposal in phase 2, or a value chosen): until then the panel says that nothing has reached
// phase 2 (web/controls/quorum.js), and opening the page does not pay for this module, its
// analysis of the run (web/aids/quorum.js) or its texts.
import { quorumPicture } from '../aids/quorum.js';
import { drawQuorumOverlay, renderQuorumPanel } from '../views/quorum.js';
import en from '../aids/quorum-texts-en.js';
import zhCN from '../aids/quorum-texts-zh-CN.js';

export const TEXTS = { en, 'zh-CN': zhCN };

/** Draws the panel and the overlay for the viewed step of `app`'s run. */
export function renderQuorum(app, state, t) {
  const picture = quorumPicture(app.store.snapshot(), app.store.trace, state.quorum.pick);
  renderQuorumPanel(app.$('quorum-panel'), picture, state, t);
  drawQuorumOverlay(app.cluster.svg, app.cluster.layout, picture, state.quorum.shown, t);
}
