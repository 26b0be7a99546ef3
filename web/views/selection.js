// What is selected (a server or a message, picked in any view) and what you can do with it.
// A message in flight can be delivered, dropped or duplicated; one that is not in flight at
// this step offers a jump to where its life begins or ends. A server can propose, crash,
// restart or time out.
import { h } from '../dom.js';
import { linkText, proposalText, serverLabel, stateText } from '../format.js';
import { MESSAGE_ACTIONS } from './inflight.js';

export function renderSelection(box, store, t) {
  const doc = box.ownerDocument;
  const selection = store.ui.selection;
  const snapshot = store.snapshot();
  if (!selection) {
    box.replaceChildren(h(doc, 'p', { class: 'hint', text: t('selection.none') }));
    return;
  }
  if (selection.type === 'node') {
    const node = snapshot.nodes.find((n) => n.id === selection.id);
    if (!node) {
      box.replaceChildren(h(doc, 'p', { class: 'hint', text: t('selection.none') }));
      return;
    }
    const label = serverLabel(node.id);
    box.replaceChildren(
      h(doc, 'p', { class: 'selection-title' }, h(doc, 'strong', { text: label }), ` ${stateText(node, t)}`),
      h(doc, 'p', { class: 'selection-facts', text: [
        // The core gives a promise only in protocols that have promises.
        !snapshot.two_phases ? null : t('node.promised', { ballot: node.promised ?? '–' }),
        t('node.accepted', { proposal: proposalText(node.accepted) }),
        node.learned ? t('node.learned', { value: node.learned }) : null,
      ].filter(Boolean).join(' · ') }),
      h(doc, 'div', { class: 'selection-actions' },
        h(doc, 'button', { type: 'button', class: 'action', 'data-propose-for': node.id, text: t('action.proposeFrom', { server: label }) }),
        h(doc, 'button', { type: 'button', class: 'action', 'data-command': `${node.up ? 'crash' : 'restart'} ${label}`, text: t(node.up ? 'action.crash' : 'action.restart') }),
        // Only a server with a pending timer can be made to time out (the core refuses others).
        node.timer_pending ? h(doc, 'button', { type: 'button', class: 'action', 'data-command': `timeout ${label}`, text: t('action.timeout') }) : null),
    );
    return;
  }
  const flying = snapshot.in_flight.find((m) => m.id === selection.id);
  const life = store.trace.messages.get(selection.id);
  if (flying) {
    box.replaceChildren(
      h(doc, 'p', { class: 'selection-title' }, h(doc, 'span', { class: `kind-chip kind-${flying.kind}`, 'aria-hidden': 'true' }),
        h(doc, 'strong', { text: `#${flying.id} ${flying.text}` }), ` ${linkText(flying.from, flying.to)}`),
      h(doc, 'p', { class: 'selection-facts', text: t('selection.inFlight', { step: flying.sent_step }) }),
      h(doc, 'div', { class: 'selection-actions' }, ...MESSAGE_ACTIONS.map((action) => h(doc, 'button', {
        type: 'button', class: `action action-${action}`, 'data-command': `${action} #${flying.id}`, text: t(`action.${action}`),
      }))),
    );
    return;
  }
  if (!life) {
    box.replaceChildren(h(doc, 'p', { class: 'hint', text: t('selection.gone', { id: selection.id }) }));
    return;
  }
  const viewed = snapshot.step;
  let fact;
  let jump;
  if (life.sentStep > viewed) {
    fact = t('selection.notYetSent', { step: life.sentStep });
    jump = life.sentStep;
  } else if (life.end === 'deliver') {
    fact = t('selection.delivered', { step: life.endStep });
    jump = life.endStep;
  } else if (life.end === 'drop') {
    fact = t('selection.dropped', { step: life.endStep, why: t(`ev.drop.${life.dropCause}`) });
    jump = life.endStep;
  } else {
    fact = t('selection.gone', { id: life.id });
  }
  box.replaceChildren(
    h(doc, 'p', { class: 'selection-title' }, h(doc, 'span', { class: `kind-chip kind-${life.kind}`, 'aria-hidden': 'true' }),
      h(doc, 'strong', { text: `#${life.id} ${life.text}` }), ` ${linkText(life.from, life.to)}`),
    h(doc, 'p', { class: 'selection-facts', text: fact }),
    // (No way to a step already on screen: a message just delivered or dropped there.)
    jump === undefined || jump === viewed ? null : h(doc, 'div', { class: 'selection-actions' },
      h(doc, 'button', { type: 'button', class: 'action', 'data-seek': jump, text: t('selection.goTo', { step: jump }) })),
  );
}
