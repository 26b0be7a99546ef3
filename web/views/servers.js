// The servers as a table: the same facts as the cluster drawing, as text that reads well on
// a phone and in a screen reader, with each server's crash/restart button.
import { h, reconcile } from '../dom.js';
import { proposalText, serverLabel, stateText } from '../format.js';

/** tbody -> Map(server id -> {key, row}): a row is made anew only when what it shows changed. */
const shownRows = new WeakMap();

/**
 * Makes `tbody`'s rows one per server in `servers` (each with its `id`), in the store's
 * language and selection: a row is made anew (`makeRow(doc, server, selected, t)`) only when
 * what it shows changed, so a focused button in it stays focused while the run plays. Both
 * servers tables use it (this one, and Multi-Paxos' in web/multi/servers.js).
 */
export function keepRows(tbody, servers, store, t, makeRow) {
  const doc = tbody.ownerDocument;
  const selection = store.ui.selection;
  const previous = shownRows.get(tbody) ?? new Map();
  const rows = new Map();
  for (const server of servers) {
    const selected = selection?.type === 'node' && selection.id === server.id;
    const key = `${t.language}|${selected}|${JSON.stringify(server)}`;
    const kept = previous.get(server.id);
    rows.set(server.id, kept?.key === key ? kept : { key, row: makeRow(doc, server, selected, t) });
  }
  shownRows.set(tbody, rows);
  reconcile(tbody, [...rows.values()].map((shown) => shown.row));
}

export function renderServers(tbody, store, t) {
  keepRows(tbody, store.snapshot().nodes, store, t, serverRow);
}

function serverRow(doc, node, selected, t) {
  return h(doc, 'tr', { class: [node.up ? 'up' : 'down', selected ? 'selected' : ''], 'data-node-id': node.id },
    h(doc, 'th', { scope: 'row' }, h(doc, 'button', {
      type: 'button', class: 'server-pick', 'data-select-node': node.id, 'aria-pressed': selected ? 'true' : 'false', text: serverLabel(node.id),
    })),
    h(doc, 'td', { text: stateText(node, t) }),
    h(doc, 'td', { text: node.promised ?? '–' }),
    h(doc, 'td', { text: proposalText(node.accepted) }),
    h(doc, 'td', { class: 'learned-cell', text: node.learned ?? '–' }),
    h(doc, 'td', {}, h(doc, 'button', {
      type: 'button', class: 'action', 'data-command': `${node.up ? 'crash' : 'restart'} ${serverLabel(node.id)}`,
      'aria-label': t(node.up ? 'action.crashServer' : 'action.restartServer', { server: serverLabel(node.id) }),
      text: t(node.up ? 'action.crash' : 'action.restart'),
    })));
}
