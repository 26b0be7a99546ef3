// The quorum panel's parts the page draws before the quorum aid's module is loaded: its
// legend, its proposal list, the "nothing has reached phase 2" state, and the removal of the
// overlay. The aid itself (web/controls/quorum-view.js) draws everything else once a run has
// a quorum to show, with the same proposal list and legend.
import { h } from '../dom.js';
import { proposalText, serverLabel } from '../format.js';

const LEGEND = ['promise', 'accept', 'earlier', 'meet', 'travel'];

/** Keeps the proposal list in step with the choices, rebuilding it only when they change. */
export function renderChoices(select, picture, pick, t) {
  const doc = select.ownerDocument;
  const choices = picture?.choices ?? [];
  const key = `${t.language}|${choices.map((c) => c.key).join(',')}`;
  if (select.dataset.choices !== key) {
    select.dataset.choices = key;
    select.replaceChildren(
      h(doc, 'option', { value: '', text: t('quorum.latest') }),
      ...choices.map((choice) => h(doc, 'option', {
        value: choice.key,
        text: choice.kind === 'phase2'
          ? t('quorum.optionPhase2', { proposal: proposalText(choice.proposal), server: serverLabel(choice.proposer), step: choice.step })
          : t('quorum.optionChosen', { value: choice.proposal.value, step: choice.step }),
      })),
    );
  }
  select.value = pick && choices.some((c) => c.key === pick) ? pick : '';
  select.disabled = choices.length === 0;
}

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
  panel.quorumKey = null;
  $('quorum-show').checked = shown;
  renderChoices($('quorum-pick'), null, null, t);
  $('quorum-facts').replaceChildren(h(doc, 'li', { class: 'q-fact q-none', text: t('quorum.none') }));
  renderLegend($('quorum-legend'), t);
  panel.dataset.missing = 'false';
  for (const layer of svg.querySelectorAll('.quorum-overlay')) layer.remove();
}
