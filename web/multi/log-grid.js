// The log grid's drawing: a table, servers down, slots across (web/layout/log-grid.js says
// what each cell holds), in a box of its own that scrolls sideways on a narrow screen, so the
// page never does. Under it, how many messages each chosen command has cost so far.
import { h } from '../dom.js';
import { proposalText, serverLabel, serverSetText } from '../format.js';
import { eventsUpTo, logGrid, messagesPerChosen } from '../layout/log-grid.js';
import { registerText } from './servers.js';

/** What a cell says, in words for a screen reader and as its tooltip. */
function cellTitle(t, row, cell) {
  const parts = [t('log.cell.slot', { server: serverLabel(row.id), slot: cell.slot })];
  if (cell.entry) parts.push(t('log.cell.accepted', { entry: proposalText(cell.entry) }));
  else parts.push(t(cell.kind === 'hole' ? 'log.cell.hole' : 'log.cell.empty'));
  if (cell.chosen) parts.push(t('log.cell.chosen'));
  if (cell.learned) parts.push(t('log.cell.learned', { op: cell.learned }));
  if (cell.applied) parts.push(t('log.cell.applied'));
  return parts.join('; ');
}

function cellElement(doc, t, row, cell) {
  const classes = ['log-cell', `log-${cell.kind}`];
  if (cell.chosen) classes.push('log-chosen');
  if (cell.learned) classes.push('log-learned');
  if (cell.applied) classes.push('log-applied');
  if (row.next === cell.slot) classes.push('log-next');
  const title = cellTitle(t, row, cell);
  const content = [];
  if (cell.entry) {
    content.push(h(doc, 'span', { class: 'log-ballot', text: cell.entry.ballot }));
    content.push(h(doc, 'span', { class: 'log-op', text: cell.entry.value }));
  } else if (cell.kind === 'learned') {
    content.push(h(doc, 'span', { class: 'log-op', text: cell.learned }));
  } else if (cell.kind === 'hole') {
    content.push(h(doc, 'span', { class: 'log-op', text: t('log.hole') }));
  }
  if (cell.chosen) content.push(h(doc, 'span', { class: 'log-mark', 'aria-hidden': 'true', text: '★' }));
  else if (cell.learned) content.push(h(doc, 'span', { class: 'log-mark', 'aria-hidden': 'true', text: '✓' }));
  return h(doc, 'td', { class: classes.join(' '), title, 'aria-label': title, 'data-slot': cell.slot, 'data-kind': cell.kind }, ...content);
}

function rowElement(doc, t, row) {
  const name = [serverLabel(row.id)];
  if (row.leading) name.push(h(doc, 'span', { class: 'log-role', text: t('log.leader') }));
  if (!row.up) name.push(h(doc, 'span', { class: 'log-role log-down', text: t('log.down') }));
  return h(doc, 'tr', { class: row.up ? 'log-row' : 'log-row down', 'data-server': row.id },
    h(doc, 'th', { scope: 'row', class: 'log-server' }, ...name),
    ...row.cells.map((cell) => cellElement(doc, t, row, cell)),
    h(doc, 'td', { class: 'log-applied-count', text: String(row.applied) }),
    h(doc, 'td', { class: 'log-register', text: registerText(t, row.register) }));
}

/** Draws the grid for the store's viewed step into `panel` (its table and its lines). */
export function renderLogGrid(panel, store, t) {
  const doc = panel.ownerDocument;
  const snapshot = store.snapshot();
  const grid = logGrid(snapshot);
  const head = h(doc, 'tr', {},
    h(doc, 'th', { scope: 'col', class: 'log-corner', text: t('log.server') }),
    ...grid.slots.map((slot, i) => {
      const chosen = grid.chosen[i];
      const title = chosen
        ? t('log.slot.chosen', { slot, op: chosen.entry.value, step: chosen.step, entry: proposalText(chosen.entry), quorum: serverSetText(chosen.quorum) })
        : t('log.slot.open', { slot });
      return h(doc, 'th', { scope: 'col', class: chosen ? 'log-slot chosen' : 'log-slot', title, 'data-slot': slot },
        `#${slot}`, chosen ? h(doc, 'span', { class: 'log-slot-op', text: chosen.entry.value }) : null);
    }),
    h(doc, 'th', { scope: 'col', class: 'log-applied-count', text: t('log.applied') }),
    h(doc, 'th', { scope: 'col', class: 'log-register', text: t('log.register') }));
  const table = panel.querySelector('.log-table');
  table.replaceChildren(h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...grid.rows.map((row) => rowElement(doc, t, row))));
  const cost = messagesPerChosen(eventsUpTo(store.trace, store.step), grid.chosen.filter(Boolean).length);
  const costLine = panel.querySelector('.log-cost');
  costLine.textContent = cost.perChosen === null
    ? t('log.cost.none', { sent: cost.sent })
    : t('log.cost', { sent: cost.sent, chosen: cost.chosen, per: cost.perChosen });
  costLine.dataset.perChosen = cost.perChosen ?? '';
}
