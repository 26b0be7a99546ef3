// The servers table for a Multi-Paxos run. The page's table (web/views/servers.js) shows a
// single decree: a promise, one accepted proposal, one learnt value. A log has none of those
// as one value, so for a run with logs this table takes its place in the same panel: each
// server's role, the number it promised, how far it has applied its log and its register.
// Every fact is the core's snapshot (`stage`, `promised`, `log.applied`, `log.register`);
// the role is only the name of the core's stage. The page's table stays in the panel, hidden,
// and comes back for a run without logs.
import { h } from '../dom.js';
import { suggestedValue } from '../commands.js';
import { serverLabel } from '../format.js';
import { keepRows } from '../views/servers.js';

/** The core's stage of a Multi-Paxos server -> the role's text key. */
const ROLE_KEYS = {
  leading: 'log.servers.role.leader',
  preparing: 'log.servers.role.candidate',
  idle: 'log.servers.role.follower',
  'backing-off': 'log.servers.role.backingOff',
  down: 'log.servers.role.down',
};

/** A register as the grid writes it: "x = 1, z = 3". */
export function registerText(t, register) {
  if (register.length === 0) return t('log.register.empty');
  return register.map(([key, value]) => `${key} = ${value}`).join(', ');
}

/**
 * One row per server, as data: the role's text key, the promised number ('–' for none), the
 * applied prefix (the core's count of slots applied) and the register. Pure.
 */
export function logServerRows(snapshot) {
  return snapshot.nodes.map((node) => ({
    id: node.id,
    up: node.up,
    role: ROLE_KEYS[node.stage] ?? null,
    stage: node.stage,
    promised: node.promised ?? null,
    applied: node.log?.applied ?? 0,
    register: node.log?.register ?? [],
  }));
}

/** A row's cells in the reader's language (what the table shows, in column order). */
export function logServerCells(t, row) {
  // A stage the table has no role for is shown as the core names it (none today).
  const role = row.role ? t(row.role) : row.stage;
  return {
    role,
    promised: row.promised ?? '–',
    applied: row.applied === 0 ? t('log.servers.appliedNone')
      : t(row.applied === 1 ? 'log.servers.appliedOne' : 'log.servers.appliedSlots', { last: row.applied }),
    register: registerText(t, row.register),
  };
}

const COLUMNS = ['server', 'role', 'promised', 'applied', 'register', 'actions'];

/** The table, made once, beside the page's own in the servers panel. */
function ensureTable(doc, pageTable) {
  let table = doc.getElementById('log-servers-table');
  if (table) return table;
  table = h(doc, 'table', { id: 'log-servers-table', class: 'servers log-servers', hidden: '' },
    h(doc, 'thead', {}, h(doc, 'tr', {}, ...COLUMNS.map((column) => h(doc, 'th', { scope: 'col', 'data-column': column })))),
    h(doc, 'tbody', { id: 'log-servers' }));
  pageTable.after(table);
  return table;
}

/**
 * Shows the Multi-Paxos table in place of the page's for a run with logs (`isLog`), drawn
 * from `store`'s snapshot at the viewed step; puts the page's table back otherwise.
 */
export function renderLogServers(doc, store, t, isLog) {
  const pageTable = doc.getElementById('servers')?.closest('table');
  if (!pageTable) return;
  const table = isLog ? ensureTable(doc, pageTable) : doc.getElementById('log-servers-table');
  pageTable.hidden = isLog;
  if (!table) return;
  table.hidden = !isLog;
  if (!isLog) return;
  for (const th of table.querySelectorAll('thead th')) th.textContent = t(`log.servers.${th.dataset.column}`);
  keepRows(table.querySelector('tbody'), logServerRows(store.snapshot()), store, t, rowElement);
}

function rowElement(doc, row, selected, t) {
  const cells = logServerCells(t, row);
  const label = serverLabel(row.id);
  return h(doc, 'tr', { class: [row.up ? 'up' : 'down', selected ? 'selected' : ''], 'data-node-id': row.id },
    h(doc, 'th', { scope: 'row' }, h(doc, 'button', {
      type: 'button', class: 'server-pick', 'data-select-node': row.id, 'aria-pressed': selected ? 'true' : 'false', text: label,
    })),
    h(doc, 'td', { class: 'log-server-role', text: cells.role }),
    h(doc, 'td', { class: 'log-server-promised', text: cells.promised }),
    h(doc, 'td', { class: 'log-server-applied', text: cells.applied }),
    h(doc, 'td', { class: 'log-server-register', text: cells.register }),
    h(doc, 'td', {}, h(doc, 'button', {
      type: 'button', class: 'action', 'data-command': `${row.up ? 'crash' : 'restart'} ${label}`,
      'aria-label': t(row.up ? 'action.crashServer' : 'action.restartServer', { server: label }),
      text: t(row.up ? 'action.crash' : 'action.restart'),
    })));
}

/** The proposal form's texts (web/i18n: `data-i18n`) -> a log run's, for a client's command. */
const REQUEST_KEYS = { 'actions.propose': 'log.request.heading', 'actions.value': 'log.request.command', 'actions.proposeButton': 'log.request.button' };

/**
 * The servers panel's "Propose a value" form for a run with logs, whose servers take a client's
 * command, not a value: it sent `propose S1 X`, which the core refuses for a log, and took no
 * more than 8 letters (`set x 1` was refused as a bad value), so no command could be sent from
 * the page. For a log it sends `request S1 set x 1` (the core checks the command, as in a
 * script) and says so; without a log it is the page's form again. Wired once, by LogViews.
 */
export function installRequestForm(app) {
  const form = app.doc.getElementById('propose-form');
  if (!form) return;
  const server = () => Number(app.$('propose-server').value);
  // Before the page's own submit handler (web/controls/page-actions.js): a capturing listener
  // on the form runs first at its target, and for a log the page's never runs.
  form.addEventListener('submit', (event) => {
    if (!form.dataset.request) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    app.act(`request ${serverLabel(server())} ${app.$('propose-value').value.trim()}`);
  }, { capture: true });
  // The page suggests a value for a server (its menu, the selection's Propose): a command here.
  const suggest = () => suggestCommand(app.doc, form, server());
  app.$('propose-server').addEventListener('change', suggest);
  app.$('propose-value').addEventListener('focus', suggest);
}

/** Puts a command in place of the page's value suggestion (never in place of typed text). */
function suggestCommand(doc, form, server) {
  if (form.dataset.request) suggest(doc.getElementById('propose-value'), `set x ${server}`);
}

/** Puts `suggestion` in the field unless the person typed something of their own there. */
function suggest(value, suggestion) {
  if (value.value !== '' && value.value !== value.dataset.suggested) return;
  value.value = suggestion;
  value.dataset.suggested = suggestion;
}

/** Sets the form for a run with logs (`isLog`) or back for one without, in `t`'s language. */
export function renderRequestForm(doc, t, isLog) {
  const form = doc.getElementById('propose-form');
  if (!form || Boolean(form.dataset.request) === isLog && form.dataset.language === t.language) return;
  form.dataset.language = t.language;
  if (isLog) form.dataset.request = 'true';
  else delete form.dataset.request;
  // The keys swap, so the page's own translation (a language switch) writes these texts too.
  for (const [page, log] of Object.entries(REQUEST_KEYS)) {
    const element = form.querySelector(`[data-i18n="${isLog ? page : log}"], [data-i18n="${isLog ? log : page}"]`);
    element.dataset.i18n = isLog ? log : page;
    element.textContent = t(element.dataset.i18n);
  }
  const value = doc.getElementById('propose-value');
  // A command is longer than a value; the core says what is wrong with one.
  if (isLog) {
    value.removeAttribute('maxlength');
    value.removeAttribute('pattern');
    value.size = 12;
  } else {
    // (As index.html has it.)
    value.maxLength = 8;
    value.pattern = '[A-Za-z0-9_]{1,8}';
    value.size = 6;
  }
  // A suggestion of the other kind is replaced; what the person typed stays.
  const server = Number(doc.getElementById('propose-server').value) || 1;
  suggest(value, isLog ? `set x ${server}` : suggestedValue(server));
}
