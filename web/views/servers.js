// The servers as a table: the same facts as the cluster drawing, as text that reads well on
// a phone and in a screen reader, with each server's crash/restart button.
import { h } from '../dom.js';
import { proposalText, serverLabel, stateText } from '../format.js';

export function renderServers(tbody, store, t) {
  const doc = tbody.ownerDocument;
  const snapshot = store.snapshot();
  const selection = store.ui.selection;
  tbody.replaceChildren(...snapshot.nodes.map((node) => {
    const selected = selection?.type === 'node' && selection.id === node.id;
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
  }));
}
