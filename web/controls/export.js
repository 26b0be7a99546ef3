// Export and import. Each export button puts the core's text (the scenario script, a
// Mermaid sequence diagram, a ready Rust test) in a read-only text box and copies it; where
// the browser has no Clipboard API or refuses, the text is left selected in the box to copy
// by hand. Import runs a pasted script; a bad one is refused with the core's
// "line L, column C: ..." message, the caret is put there, and the current run is kept.
import { copyText, errorPosition, errorText, exportText, offsetAt } from '../aids/export.js';
import { loadAidsModule } from '../aids/module.js';

export class ExportPanel {
  /**
   * @param {Document} doc
   * @param {{store: object, aids: import('../aids/state.js').AidsState, navigator: Navigator,
   *          onImport: (script: string) => void|Promise}} options onImport throws (or
   *          rejects with) the core's Error
   */
  constructor(doc, { store, aids, navigator, onImport }) {
    this.doc = doc;
    this.store = store;
    this.aids = aids;
    this.navigator = navigator;
    this.onImport = onImport;
    const $ = (id) => doc.getElementById(id);
    this.$ = $;
    for (const button of $('export-panel').querySelectorAll('[data-export]')) {
      button.addEventListener('click', () => this.export(button.dataset.export));
    }
    $('import-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.import($('import-text').value);
    });
  }

  async export(kind) {
    const text = await exportText(this.store.pg, kind, loadAidsModule);
    const box = this.$('export-text');
    box.value = text;
    this.aids.set('exported', { kind, result: 'copying' });
    const result = await copyText(this.navigator.clipboard, text);
    this.aids.set('exported', { kind, result });
    if (result === 'fallback') {
      box.focus();
      box.select();
    }
  }

  async import(text) {
    const box = this.$('import-text');
    if (!text.trim()) {
      this.aids.set('importProblem', { key: 'import.empty' });
      box.focus();
      return;
    }
    try {
      await this.onImport(text);
      this.aids.set('importProblem', null);
      this.aids.set('imported', { steps: this.store.steps });
    } catch (error) {
      const position = errorPosition(error);
      this.aids.set('imported', null);
      this.aids.set('importProblem', { key: 'import.error', error, position });
      box.focus();
      if (position) {
        const start = offsetAt(text, position.line, position.column);
        const lineEnd = text.indexOf('\n', start);
        box.setSelectionRange(start, lineEnd === -1 ? text.length : lineEnd);
      }
    }
  }

  render(t) {
    // Drawn again only when what it shows changed (each part is replaced, never changed in
    // place: AidsState.set), not at every step.
    const shown = [this.aids.exported, this.aids.importProblem, this.aids.imported, t.language];
    if (shown.every((part, index) => part === this.shown?.[index])) return;
    this.shown = shown;
    const exported = this.aids.exported;
    const status = this.$('export-status');
    if (!exported || exported.result === 'copying') status.textContent = '';
    else status.textContent = t(exported.result === 'copied' ? 'export.copied' : 'export.fallback', { what: t(`export.what.${exported.kind}`) });
    this.$('export-panel').dataset.exported = exported ? `${exported.kind}:${exported.result}` : '';
    this.$('export-text-label').textContent = exported ? t('export.textLabel', { what: t(`export.what.${exported.kind}`) }) : t('export.textLabelNone');
    const problem = this.aids.importProblem;
    this.$('import-problem').textContent = problem ? t(problem.key, { reason: problem.error ? errorText(problem.error, t) : '' }) : '';
    const imported = this.aids.imported;
    this.$('import-done').textContent = imported ? t('import.done', { steps: imported.steps }) : '';
  }
}
