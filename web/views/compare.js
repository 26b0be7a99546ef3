// Compare mode: the run on screen (left) beside the same schedule under another protocol
// (right), both at the same point of the schedule, each as a small cluster drawing with its
// verdict and what its step did. Lines one side has and the other has not are marked; the
// first divergence and each side's first violation are summarised with a way to go there.
// The right run is read-only: the page's controls step the left run, the right one follows.
import { h } from '../dom.js';
import { eventText } from '../events-text.js';
import { refusalText } from '../problems.js';
import { diffLines, leftStepFor, mappingCounts, rightRange, rightStepFor } from '../aids/compare.js';
import { chosenCommands, eventsUpTo, messagesPerChosen } from '../layout/log-grid.js';
import { ClusterView } from './cluster.js';
import { headline } from './observer.js';

/** A drawing that only shows: no focus stops or buttons inside (the main views have them). */
function showOnly(svg, label) {
  for (const element of svg.querySelectorAll('[role], [tabindex], [aria-pressed], [aria-label]')) {
    for (const name of ['role', 'tabindex', 'aria-pressed', 'aria-label']) element.removeAttribute(name);
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
}

function stepEvents(trace, from, to) {
  const events = [];
  for (let step = from; step <= to; step += 1) events.push(...(trace.steps.get(step)?.events ?? []));
  return events;
}

/** An event's line with its message ids left out: what the two sides compare by. */
function withoutIdsText(event, t) {
  const copyOf = event.copy_of === null || event.copy_of === undefined ? event.copy_of : 0;
  return eventText({ ...event, id: 0, copy: 0, copy_of: copyOf }, t);
}

/**
 * The two sides' lines, marked where they differ, each worded in the reader's language.
 * Both sides are worded alike, so lines compare as they read (message ids aside).
 */
function comparedLines(left, right, t) {
  const diff = diffLines(left.map((event) => withoutIdsText(event, t)), right.map((event) => withoutIdsText(event, t)));
  const worded = (lines, events) => lines.map((line, index) => ({ ...line, text: eventText(events[index], t) }));
  return { left: worded(diff.left, left), right: worded(diff.right, right) };
}

export class CompareView {
  constructor(doc) {
    this.doc = doc;
    const $ = (id) => doc.getElementById(id);
    this.$ = $;
    const ignore = () => {};
    this.clusters = {
      left: new ClusterView($('compare-left').querySelector('svg'), { onSelect: ignore }),
      right: new ClusterView($('compare-right').querySelector('svg'), { onSelect: ignore }),
    };
  }

  /** The protocol list: every protocol but the one on screen. */
  /** `protocols`: the core's protocol names (the aids' module's `protocols()`). */
  renderForm(store, compare, t, suggested, protocols) {
    const select = this.$('compare-protocol');
    const current = store.snapshot().protocol;
    const key = `${t.language}|${current}`;
    if (select.dataset.key !== key) {
      select.dataset.key = key;
      const keep = select.value;
      select.replaceChildren(...protocols.filter((p) => p !== current)
        .map((p) => h(this.doc, 'option', { value: p, text: t(`protocol.${p}.name`) })));
      select.value = [...select.options].some((o) => o.value === keep) ? keep : suggested;
    }
    if (compare) select.value = compare.protocol;
    this.$('compare-stop').hidden = !compare;
    this.$('compare-start').textContent = t(compare ? 'compare.again' : 'compare.start');
  }

  render(store, compare, t) {
    const body = this.$('compare-body');
    const panel = this.$('compare-panel');
    body.hidden = !compare;
    panel.dataset.active = compare ? 'true' : 'false';
    if (!compare) return;
    const { comparison } = compare;
    const step = store.step;
    const stepCommands = compare.stepCommands;
    const rightStep = rightStepFor(comparison, stepCommands, step);
    const range = rightRange(comparison, stepCommands, step);
    compare.right.seek(rightStep);
    const rightSnapshot = compare.right.snapshot();
    const leftProtocol = store.snapshot().protocol;
    const command = step > 0 ? stepCommands[step - 1] : null;
    const diverging = comparison.divergence && command === comparison.divergence.command;
    const diff = comparedLines(stepEvents(store.trace, step, step), step > 0 ? stepEvents(compare.rightTrace, range.from, range.to) : [], t);

    this.renderSummary(store, compare, t);
    this.renderSide('left', {
      protocol: leftProtocol, step, steps: store.steps, snapshot: store.snapshot(), lines: diff.left, diverging,
      violationHere: compare.leftViolation?.step === step,
      drawing: store,
    }, t);
    const rightStore = { snapshot: () => rightSnapshot, trace: compare.rightTrace, ui: { selection: store.ui.selection?.type === 'node' ? store.ui.selection : null } };
    this.renderSide('right', {
      protocol: compare.protocol, step: rightStep, steps: compare.right.steps(), snapshot: rightSnapshot, lines: diff.right, diverging,
      violationHere: Boolean(compare.rightViolation) && compare.rightViolation.step >= range.from && compare.rightViolation.step <= range.to && step > 0,
      drawing: rightStore,
    }, t);
    this.renderMapping(compare, t);
  }

  renderSide(side, view, t) {
    const doc = this.doc;
    const box = this.$(`compare-${side}`);
    const outcome = headline(view.snapshot.verdict);
    box.dataset.outcome = outcome;
    box.dataset.step = String(view.step);
    box.classList.toggle('diverges', Boolean(view.diverging));
    box.querySelector('.compare-side-title').textContent = t(`protocol.${view.protocol}.name`);
    const marks = [];
    if (view.diverging) marks.push(h(doc, 'span', { class: 'compare-mark divergence', text: t('compare.divergesHere') }));
    if (view.violationHere) marks.push(h(doc, 'span', { class: 'compare-mark violation', text: t('compare.violationHere') }));
    box.querySelector('.compare-side-state').replaceChildren(
      h(doc, 'span', { class: 'compare-badge', text: t(`outcome.${outcome}`) }),
      ` ${t('compare.sideStep', { step: view.step, steps: view.steps })} `,
      ...marks,
    );
    // What each side's messages bought so far: the same measure for both protocols (messages
    // sent up to the step shown, commands the core's observer saw chosen by then).
    const cost = messagesPerChosen(eventsUpTo(view.drawing.trace, view.step), chosenCommands(view.snapshot));
    const costLine = box.querySelector('.compare-side-cost');
    costLine.textContent = cost.perChosen === null
      ? t('compare.cost.none', { sent: cost.sent })
      : t('compare.cost', { sent: cost.sent, chosen: cost.chosen, per: cost.perChosen });
    costLine.dataset.perChosen = cost.perChosen ?? '';
    const svg = box.querySelector('svg');
    this.clusters[side].render(view.drawing, t);
    showOnly(svg, t('compare.drawing', { protocol: t(`protocol.${view.protocol}.name`), step: view.step, outcome: t(`outcome.${outcome}`) }));
    const list = box.querySelector('.compare-events');
    list.replaceChildren(...(view.lines.length ? view.lines : [{ text: t('events.nothing'), differs: false }]).map((line) => h(doc, 'li', {
      class: line.differs ? 'compare-event differs' : 'compare-event',
    },
    line.differs ? h(doc, 'span', { class: 'compare-differs-mark', 'aria-hidden': 'true', text: '≠' }) : null,
    h(doc, 'span', { class: 'compare-event-text', text: line.text }),
    line.differs ? h(doc, 'span', { class: 'visually-hidden', text: ` (${t('compare.differs')})` }) : null)));
  }

  renderSummary(store, compare, t) {
    const doc = this.doc;
    const { comparison } = compare;
    const name = (protocol) => t(`protocol.${protocol}.name`);
    const goTo = (step) => h(doc, 'button', { type: 'button', class: 'compare-go', 'data-seek': step, text: t('compare.goTo', { step }) });
    const items = [];
    const divergence = comparison.divergence;
    if (divergence) {
      items.push(h(doc, 'li', { class: 'compare-divergence' },
        h(doc, 'span', { text: t('compare.divergence', {
          command: divergence.command + 1, left: divergence.left_step, right: divergence.right_step, protocol: name(compare.protocol),
        }) }), ' ', h(doc, 'code', { text: compare.commands[divergence.command] ?? '' }), ' ', goTo(divergence.left_step)));
    } else {
      items.push(h(doc, 'li', { class: 'compare-divergence none', text: t('compare.noDivergence') }));
    }
    const violation = (protocol, found, seekTo, side) => (found
      ? h(doc, 'li', { class: `compare-violation ${side}` },
        h(doc, 'span', { text: t(side === 'left' ? 'compare.violationLeft' : 'compare.violationRight', {
          protocol: name(protocol), step: found.step, property: t(`property.${found.property}`), here: seekTo,
        }) }), ' ', goTo(seekTo))
      : h(doc, 'li', { class: `compare-violation ${side} none`, text: t('compare.noViolation', { protocol: name(protocol) }) }));
    items.push(violation(store.snapshot().protocol, compare.leftViolation, compare.leftViolation?.step, 'left'));
    items.push(violation(compare.protocol, compare.rightViolation,
      compare.rightViolation ? leftStepFor(comparison, compare.rightViolation.step) : null, 'right'));
    items.push(h(doc, 'li', { class: 'compare-counts', text: t('compare.counts', mappingCounts(comparison.mapping)) }));
    this.$('compare-summary').replaceChildren(...items);
  }

  renderMapping(compare, t) {
    const doc = this.doc;
    const key = `${t.language}|${compare.runVersion}|${compare.protocol}`;
    const list = this.$('compare-mapping-list');
    if (list.dataset.key === key) return;
    list.dataset.key = key;
    list.replaceChildren(...compare.comparison.mapping.map((entry, index) => {
      const command = compare.commands[index] ?? '';
      const parts = [h(doc, 'code', { text: command })];
      if (entry.kind === 'same') parts.push(` ${t('compare.same')}`);
      else if (entry.kind === 'mapped') parts.push(` → `, h(doc, 'code', { text: entry.command }));
      else parts.push(` ${t('compare.skipped')} `, h(doc, 'span', { text: refusalText(entry.refusal, t) ?? entry.reason }));
      return h(doc, 'li', { class: `compare-map ${entry.kind}` }, ...parts);
    }));
  }
}
