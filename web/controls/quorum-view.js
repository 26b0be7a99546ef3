// The quorum aid's drawing and words, loaded the first time a run has a quorum to show (a
// proposal in phase 2, or a value chosen): until then the panel says that nothing has reached
// phase 2 (web/controls/quorum.js), and opening the page does not pay for this module, its
// texts, or the core's analysis of the run, which comes from the aids' wasm module (loaded
// with this module, which is ready once it is: web/aids/quorum-mirror.js).
import { loadAidsModule } from '../aids/module.js';
import { quorumPictureOf, sharedMirrorCache } from '../aids/quorum-mirror.js';
import { drawQuorumOverlay, renderQuorumPanel } from '../views/quorum.js';
import en from '../aids/quorum-texts-en.js';
import zhCN from '../aids/quorum-texts-zh-CN.js';

export const TEXTS = { en, 'zh-CN': zhCN };

const aids = await loadAidsModule();

/** Draws the panel and the overlay for the viewed step of `app`'s run. */
export function renderQuorum(app, state, t) {
  const picture = quorumPictureOf(aids, app.store, state.quorum.pick, sharedMirrorCache(app.store));
  renderQuorumPanel(app.$('quorum-panel'), picture, state, t);
  drawQuorumOverlay(app.cluster, picture, state.quorum.shown, t);
}
