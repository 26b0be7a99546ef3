// The quorum aid's drawing and words, loaded the first time a run has a quorum to show (a
// proposal in phase 2, or a value chosen): until then the panel says that nothing has reached
// phase 2 (web/controls/quorum.js), and opening the page does not pay for this module, its
// analysis of the run (web/aids/quorum.js) or its texts.
import { quorumPicture } from '../aids/quorum.js';
import { drawQuorumOverlay, renderQuorumPanel } from '../views/quorum.js';
import en from '../aids/quorum-texts-en.js';
import zhCN from '../aids/quorum-texts-zh-CN.js';

export const TEXTS = { en, 'zh-CN': zhCN };

/** panel element -> {panel, overlay}: the keys of what is drawn now. */
const drawn = new WeakMap();

/**
 * Draws the panel and the overlay for the viewed step of `app`'s run. The picture is worked
 * out at every change, but the panel and the overlay are redrawn only when what they show
 * changed (most steps of a long run leave the latest proposal's facts as they were).
 */
export function renderQuorum(app, state, t) {
  const store = app.store;
  // The page's snapshot carries only the count of phase-2 facts; the aid asks for the facts.
  const snapshot = { ...store.snapshot(), quorums: store.quorums() };
  const picture = quorumPicture(snapshot, store.trace, state.quorum.pick);
  const panel = app.$('quorum-panel');
  const svg = app.cluster.svg;
  const layout = app.cluster.layout;
  const shown = drawn.get(panel) ?? {};
  // The choices by their keys (the list of proposals is redrawn when those change).
  const facts = JSON.stringify([picture && { ...picture, choices: picture.choices.map((c) => c.key) }, state.quorum, t.language]);
  if (shown.panel !== facts) renderQuorumPanel(panel, picture, state, t);
  // The overlay again when its facts, the drawing's layout or the drawing itself changed (a
  // cluster drawn anew has lost it).
  const overlay = `${facts}|${JSON.stringify(layout)}`;
  if (shown.overlay !== overlay || !svg.querySelector(':scope > .quorum-overlay')) {
    drawQuorumOverlay(svg, layout, picture, state.quorum.shown, t);
  }
  drawn.set(panel, { panel: facts, overlay });
}
