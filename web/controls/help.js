// The "Keys and help" dialog: its markup, its texts and its table of shortcuts come with this
// module, fetched on the first press of the Help button or the `?` key, not with the page.
import { h } from '../dom.js';
import { applyStatic } from '../i18n.js';
import { SHORTCUTS } from './keyboard.js';
import en from './help-texts-en.js';
import zhCN from './help-texts-zh-CN.js';

/** The dialog's own texts: the page's language files do not carry them (the app adds them). */
export const TEXTS = { en, 'zh-CN': zhCN };

const HELP = `<div class="dialog-head">
<h2 id="help-heading" data-i18n="help.heading"></h2>
<form method="dialog"><button type="submit" data-i18n="dialog.close"></button></form>
</div>
<p data-i18n="help.intro"></p>
<table class="shortcuts">
<thead><tr><th scope="col" data-i18n="help.keys"></th><th scope="col" data-i18n="help.does"></th></tr></thead>
<tbody id="shortcut-rows"></tbody>
</table>
<h3 data-i18n="help.readingHeading"></h3>
<p data-i18n="help.reading"></p>`;

/** Fills the (empty) help `dialog` if need be, and translates it with `t`. */
export function renderHelp(dialog, t) {
  const doc = dialog.ownerDocument;
  if (!dialog.querySelector('table')) dialog.innerHTML = HELP;
  applyStatic(dialog, t);
  doc.getElementById('shortcut-rows').replaceChildren(...SHORTCUTS.map((shortcut) => h(doc, 'tr', {},
    h(doc, 'td', {}, ...shortcut.keys.flatMap((key, index) => [index ? ' / ' : null, h(doc, 'kbd', { text: key })])),
    h(doc, 'td', { text: t(shortcut.label) }))));
}
