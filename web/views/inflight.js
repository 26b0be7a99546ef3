// Messages in flight at the viewed step, each with Deliver, Drop and Duplicate buttons:
// the keyboard and touch path to choosing what the network does next.
//
// A message's row does not change while it flies, so rows are kept from one render to the
// next (a step while playing adds and removes a few of some hundred): only the selection
// is brought up to date on a kept row.
import { h, reconcile } from '../dom.js';
import { linkText } from '../format.js';

export const MESSAGE_ACTIONS = ['deliver', 'drop', 'duplicate'];

/** list element -> {language, rows: Map(message id -> {message, item, pick})} */
const kept = new WeakMap();

export function renderInFlight(list, store, t) {
  const doc = list.ownerDocument;
  const snapshot = store.snapshot();
  const selection = store.ui.selection;
  if (snapshot.in_flight.length === 0) {
    if (kept.get(list)?.empty === t.language) return;
    kept.set(list, { empty: t.language, language: null, rows: new Map() });
    list.replaceChildren(h(doc, 'li', { class: 'empty', text: t('inflight.empty') }));
    return;
  }
  let cache = kept.get(list);
  if (!cache || cache.language !== t.language) {
    cache = { language: t.language, rows: new Map() };
    kept.set(list, cache);
  }
  // Nothing to do for the same snapshot (the store keeps it while the step and the run stay)
  // with the same message selected.
  const selected = selection?.type === 'message' ? selection.id : null;
  if (cache.snapshot === snapshot && cache.selected === selected) return;
  Object.assign(cache, { snapshot, selected });
  const rows = new Map();
  for (const message of snapshot.in_flight) {
    const selected = selection?.type === 'message' && selection.id === message.id;
    let row = cache.rows.get(message.id);
    if (!row || !sameMessage(row.message, message)) row = inFlightRow(doc, message, t);
    if (row.selected !== selected) {
      row.selected = selected;
      row.item.classList.toggle('selected', selected);
      row.pick.setAttribute('aria-pressed', selected ? 'true' : 'false');
    }
    rows.set(message.id, row);
  }
  cache.rows = rows;
  reconcile(list, [...rows.values()].map((row) => row.item));
}

/** Same id, same message: ids are reused only by another run (a fork, a new scenario). */
function sameMessage(a, b) {
  return a.id === b.id && a.kind === b.kind && a.from === b.from && a.to === b.to && a.text === b.text &&
    a.due_tick === b.due_tick && a.copy_of === b.copy_of;
}

function inFlightRow(doc, message, t) {
  const details = [];
  if (message.due_tick !== null) details.push(t('inflight.due', { tick: message.due_tick }));
  if (message.copy_of !== null) details.push(t('inflight.copyOf', { id: message.copy_of }));
  const pick = h(doc, 'button', {
    type: 'button', class: 'inflight-pick', 'data-select-message': message.id, 'aria-pressed': 'false',
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
  const item = h(doc, 'li', { class: ['inflight-row', `kind-${message.kind}`] }, pick, actions);
  return { message, item, pick, selected: false };
}
