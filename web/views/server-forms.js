// The servers panel's two forms, "Propose a value" and "Partition the network": their
// choices follow the number of servers, the language and the partition on screen. Part of
// web/page-extras.js: a read-only embed hides the forms and never fetches this.
import { suggestedValue } from '../commands.js';
import { h } from '../dom.js';
import { serverLabel } from '../format.js';

/** The partition form's groups, as the drawing letters them. */
export const GROUPS = ['A', 'B', 'C'];

/** Puts `server`'s suggested value in the proposal form, remembered as a suggestion. */
export function suggestValue(doc, server) {
  const value = doc.getElementById('propose-value');
  value.value = suggestedValue(server);
  value.dataset.suggested = value.value;
}

export class ServerForms {
  constructor(doc) {
    this.doc = doc;
    this.shown = null;
    this.partitionShown = undefined;
  }

  /** Redraws the forms when the number of servers or the language changed; shows the partition. */
  render(snapshot, t) {
    const count = snapshot.nodes.length;
    const shown = `${count}|${t.language}`;
    if (shown !== this.shown) {
      this.shown = shown;
      this.renderChoices(count, t);
    }
    this.syncPartition(snapshot.partition);
  }

  renderChoices(count, t) {
    const doc = this.doc;
    const servers = doc.getElementById('propose-server');
    const previous = servers.value;
    servers.replaceChildren(...Array.from({ length: count }, (_, i) => h(doc, 'option', { value: i + 1, text: serverLabel(i + 1) })));
    servers.value = previous && Number(previous) <= count ? previous : '1';
    if (!doc.getElementById('propose-value').value) suggestValue(doc, Number(servers.value));
    const groups = doc.getElementById('partition-groups');
    const half = Math.max(1, Math.floor(count / 2));
    const chosen = new Map([...groups.querySelectorAll('select')].map((s) => [s.dataset.server, s.value]));
    groups.replaceChildren(...Array.from({ length: count }, (_, i) => {
      const id = String(i + 1);
      const select = h(doc, 'select', { 'data-server': id, id: `group-${id}` },
        ...GROUPS.map((group) => h(doc, 'option', { value: group, text: t('actions.group', { group }) })));
      select.value = chosen.get(id) ?? (i < half ? 'A' : 'B');
      return h(doc, 'label', { class: 'group-choice', for: `group-${id}` }, h(doc, 'span', { text: serverLabel(i + 1) }), select);
    }));
  }

  /** When the partition changes, the form shows it, with the drawing's group letters. */
  syncPartition(partition) {
    const key = JSON.stringify(partition);
    if (key === this.partitionShown) return;
    this.partitionShown = key;
    if (!partition) return;
    partition.forEach((group, index) => {
      for (const id of group) {
        const select = this.doc.getElementById(`group-${id}`);
        if (select) select.value = GROUPS[Math.min(index, GROUPS.length - 1)];
      }
    });
  }
}
