// Multi-Paxos' views on the page, installed when its module arrives (web/multi/multi.js):
// the log grid under the cluster, the observer's facts per slot, the card's outcome for a
// changed run, and the styles for a log (web/multi/multi.css). They follow the store as the
// page's views do, drawing after them (the store tells listeners in the order they came),
// and step aside for a run without logs: none of this is in the page's opening.
import { h } from '../dom.js';
import { loadStylesheet } from '../lazy.js';
import { isLogSnapshot } from '../layout/log-grid.js';
import { renderLogGrid } from './log-grid.js';
import { logOutcomeSentence, renderLogObserver } from './observer.js';
import { installRequestForm, renderLogServers, renderRequestForm } from './servers.js';

/**
 * The message-types key under the cluster (the page's `#legend`, which the page rebuilds with
 * its own kinds when the language changes): with a run with logs it also lists Multi-Paxos'
 * Decide, in its colour (web/multi/multi.css); without, it does not.
 */
export function renderDecideLegend(legend, t, isLog) {
  let item = legend.querySelector('.legend-item.kind-decide');
  if (!isLog) {
    item?.remove();
    return;
  }
  const doc = legend.ownerDocument;
  if (!item) {
    item = h(doc, 'li', { class: 'legend-item kind-decide' },
      h(doc, 'span', { class: 'kind-chip kind-decide', 'aria-hidden': 'true' }), h(doc, 'span', { class: 'legend-text' }));
    legend.append(item);
  }
  item.querySelector('.legend-text').textContent = t('kind.decide');
}

/** The grid's panel, made once, right after the cluster's (under it on a narrow screen). */
function makePanel(doc) {
  const panel = h(doc, 'section', { id: 'log-grid', class: 'panel panel-log-grid', 'aria-labelledby': 'log-grid-heading', hidden: '' },
    h(doc, 'h2', { id: 'log-grid-heading' }),
    h(doc, 'p', { class: 'panel-hint log-hint' }),
    h(doc, 'div', { class: 'log-scroll', tabindex: '0', role: 'region' }, h(doc, 'table', { class: 'log-table' })),
    h(doc, 'p', { class: 'log-key' }),
    h(doc, 'p', { class: 'log-cost', 'aria-live': 'off' }));
  doc.querySelector('.panel-cluster').after(panel);
  return panel;
}

export class LogViews {
  constructor(app) {
    this.app = app;
    this.doc = app.doc;
    this.panel = makePanel(this.doc);
    this.styles = loadStylesheet(this.doc, 'web/multi/multi.css').catch((error) => {
      app.store.setProblem((t) => t('log.problem.styles', { reason: error.message }));
    });
    installRequestForm(app);
    app.store.subscribe((change) => this.render(change));
    // The quorum panel redraws on its own controls too (web/controls/quorum.js): after it.
    app.quorum.state.subscribe((part) => {
      if (part === 'quorum' && app.store.pg) this.renderQuorum(isLogSnapshot(app.store.snapshot()));
    });
  }

  render(change = {}) {
    const { app, panel } = this;
    const store = app.store;
    if (!store.pg) return;
    const t = app.t;
    const snapshot = store.snapshot();
    const isLog = isLogSnapshot(snapshot);
    panel.hidden = !isLog;
    this.doc.querySelector('.layout').classList.toggle('log-run', isLog);
    app.$('cluster').classList.toggle('log-run', isLog);
    renderLogObserver(app.$('observer'), snapshot, t, isLog);
    renderDecideLegend(app.$('legend'), t, isLog);
    renderLogServers(this.doc, store, t, isLog);
    renderRequestForm(this.doc, t, isLog);
    this.renderQuorum(isLog);
    if (!isLog) return;
    panel.querySelector('h2').textContent = t('log.heading');
    panel.querySelector('.log-hint').textContent = t('log.hint');
    panel.querySelector('.log-key').textContent = t('log.key');
    panel.querySelector('.log-scroll').setAttribute('aria-label', t('log.scroll'));
    renderLogGrid(panel, store, t);
    // The page words a changed run's outcome with one chosen value; a log has several.
    if ((change.run || change.language) && !store.isPresetRun()) {
      const sentence = logOutcomeSentence(t, store.outcome());
      if (sentence) app.$('scenario-outcome').textContent = sentence;
    }
  }

  /**
   * The quorum panel for a run with logs. Its pictures are of one decree: the core makes none
   * for a log, whose every slot has quorums of its own, so the panel said "No proposal has
   * reached phase 2 and nothing is chosen yet" beside chosen slots. It says where a log's
   * quorums are shown instead (the observer names the quorum of each chosen slot), and its
   * controls, which would pick and draw a single decree's, wait for a run without logs.
   */
  renderQuorum(isLog) {
    const $ = this.app.$;
    $('quorum-show').disabled = isLog;
    if (!isLog) return;
    $('quorum-pick').disabled = true;
    $('quorum-facts').replaceChildren(h(this.doc, 'li', { class: 'q-fact q-none', text: this.app.t('log.quorum') }));
    for (const layer of this.app.cluster.svg.querySelectorAll('.quorum-overlay')) layer.remove();
  }
}
