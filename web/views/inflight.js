// Messages in flight at the viewed step, each with Deliver, Drop and Duplicate buttons:
// the keyboard and touch path to choosing what the network does next.
import { h } from '../dom.js';
import { linkText } from '../format.js';

export const MESSAGE_ACTIONS = ['deliver', 'drop', 'duplicate'];

export function renderInFlight(list, store, t) {
  const doc = list.ownerDocument;
  const snapshot = store.snapshot();
  const selection = store.ui.selection;
  if (snapshot.in_flight.length === 0) {
    list.replaceChildren(h(doc, 'li', { class: 'empty', text: t('inflight.empty') }));
    return;
  }
  list.replaceChildren(...snapshot.in_flight.map((message) => {
    const selected = selection?.type === 'message' && selection.id === message.id;
    const details = [];
    if (message.due_tick !== null) details.push(t('inflight.due', { tick: message.due_tick }));
    if (message.copy_of !== null) details.push(t('inflight.copyOf', { id: message.copy_of }));
    const pick = h(doc, 'button', {
      type: 'button', class: 'inflight-pick', 'data-select-message': message.id, 'aria-pressed': selected ? 'true' : 'false',
    },
    h(doc, 'span', { class: `kind-chip kind-${message.kind}`, 'aria-hidden': 'true' }),
    h(doc, 'span', { class: 'inflight-id', text: `#${message.id}` }),
    h(doc, 'span', { class: 'inflight-link', text: linkText(message.from, message.to) }),
    h(doc, 'span', { class: 'inflight-text', text: message.text }),
    details.length ? h(doc, 'span', { class: 'inflight-details', text: details.join(', ') }) : null);
    const actions = h(doc, 'span', { class: 'inflight-actions' }, ...MESSAGE_ACTIONS.map((action) => h(doc, 'button', {
      type: 'button', class: `action action-${action}`, 'data-command': `${action} #${message.id}`,
      'aria-label': t(`action.${action}Message`, { id: message.id }), text: t(`action.${action}`),
    })));
    return h(doc, 'li', { class: ['inflight-row', `kind-${message.kind}`, selected ? 'selected' : ''] }, pick, actions);
  }));
}
