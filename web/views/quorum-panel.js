// The quorum panel's parts the page draws before the quorum aid's module is loaded: its legend
// and the "nothing has reached phase 2" state, and the removal of the overlay. The aid itself
// (web/controls/quorum-view.js) draws everything else once a run has a quorum to show.
import { h } from '../dom.js';

const LEGEND = ['promise', 'accept', 'earlier', 'meet', 'travel'];

/** The overlay's key, redrawn only when the language changes. */
export function renderLegend(legend, t) {
  if (legend.dataset.language === t.language) return;
  const doc = legend.ownerDocument;
  legend.dataset.language = t.language;
  legend.replaceChildren(...LEGEND.map((kind) => h(doc, 'li', { class: 'legend-item' },
    h(doc, 'span', { class: `quorum-swatch q-${kind}`, 'aria-hidden': 'true' }), h(doc, 'span', { text: t(`quorum.legend.${kind}`) }))));
}

/** The panel when no proposal has reached phase 2 and nothing is chosen, and no overlay. */
export function renderNoQuorum(panel, svg, shown, t) {
  const doc = panel.ownerDocument;
  const $ = (id) => doc.getElementById(id);
  $('quorum-show').checked = shown;
  const pick = $('quorum-pick');
  if (pick.dataset.choices !== `${t.language}|`) {
    pick.dataset.choices = `${t.language}|`;
    pick.replaceChildren(h(doc, 'option', { value: '', text: t('quorum.latest') }));
  }
  pick.value = '';
  pick.disabled = true;
  $('quorum-facts').replaceChildren(h(doc, 'li', { class: 'q-fact q-none', text: t('quorum.none') }));
  renderLegend($('quorum-legend'), t);
  panel.dataset.missing = 'false';
  for (const layer of svg.querySelectorAll('.quorum-overlay')) layer.remove();
}
