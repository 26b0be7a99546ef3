// The share dialog: a link to the moment on screen, with a copy button, and the HTML that
// embeds it in another page (an iframe, and optionally the script that sizes it).
import { h } from '../dom.js';
import { applyStatic } from '../i18n.js';
import { SHARE_FORM } from './share-form.js';
import en from './share-texts-en.js';
import zhCN from './share-texts-zh-CN.js';

/** The dialog's own texts: the page's language files do not carry them (the page adds them). */
export const TEXTS = { en, 'zh-CN': zhCN };
import { copyText } from '../share/clipboard.js';
import { THEMES, VIEWS, embedSnippet, embedUrl, pageBase, shareUrl } from '../share/link.js';

export class ShareDialog {
  /**
   * @param {HTMLDialogElement} dialog
   * @param {{window: Window, code: (options: {view: number, step?: number}) => string,
   *          step: () => number, title: () => string}} source
   */
  constructor(dialog, { window, code, step, title }) {
    this.dialog = dialog;
    this.window = window;
    this.doc = dialog.ownerDocument;
    // index.html has the dialog empty: its content comes with this module.
    if (!dialog.querySelector('section')) dialog.innerHTML = SHARE_FORM;
    this.source = { code, step, title };
    const $ = (id) => this.doc.getElementById(id);
    this.fields = {
      link: $('share-link'), linkLength: $('share-link-length'), linkStatus: $('share-link-status'),
      hint: $('share-link-hint'), view: $('embed-view'), interactive: $('embed-interactive'),
      autoplay: $('embed-autoplay'), atStep: $('embed-step'), autosize: $('embed-autosize'), theme: $('embed-theme'),
      code: $('embed-code'), embedStatus: $('share-embed-status'),
    };
    this.t = (key) => key;
    const f = this.fields;
    for (const input of [f.view, f.theme, f.interactive, f.autoplay, f.atStep, f.autosize]) {
      input.addEventListener('change', () => this.renderEmbed());
    }
    $('copy-link').addEventListener('click', () => this.copy(f.link, f.linkStatus));
    $('copy-embed').addEventListener('click', () => this.copy(f.code, f.embedStatus));
  }

  translate(t) {
    this.t = t;
    applyStatic(this.dialog, t);
    const view = this.fields.view;
    const chosen = view.value || '0';
    view.replaceChildren(...VIEWS.map((name, index) => h(this.doc, 'option', { value: index, text: t(`share.view.${name}`) })));
    view.value = chosen;
    const theme = this.fields.theme;
    const themeChosen = theme.value;
    theme.replaceChildren(...['', ...THEMES].map((name) => h(this.doc, 'option', { value: name, text: t(`share.theme.${name || 'system'}`) })));
    theme.value = themeChosen;
    if (this.dialog.open) this.render();
  }

  open() {
    this.fields.linkStatus.textContent = '';
    this.fields.embedStatus.textContent = '';
    this.render();
    this.dialog.showModal();
    this.doc.getElementById('copy-link').focus();
  }

  render() {
    const f = this.fields;
    const url = shareUrl(this.window.location.href, this.source.code({ view: 0 }));
    f.link.value = url;
    f.linkLength.textContent = this.t('share.length', { count: url.length });
    f.hint.textContent = this.t('share.linkHint', { step: this.source.step() });
    this.renderEmbed();
  }

  renderEmbed() {
    const f = this.fields;
    const view = Number(f.view.value) || 0;
    const code = this.source.code({ view, step: f.atStep.checked ? this.source.step() : 0 });
    const href = this.window.location.href;
    f.code.value = embedSnippet({
      src: embedUrl(href, code, { interactive: f.interactive.checked, autoplay: f.autoplay.checked, theme: f.theme.value || null }),
      title: this.t('share.frameTitle', { title: this.source.title() }),
      view: VIEWS[view],
      autosize: f.autosize.checked,
      scriptSrc: new URL('web/embed/autosize.js', pageBase(href)).href,
    });
  }

  async copy(field, status) {
    status.textContent = '';
    const result = await copyText(this.window, field.value, field);
    status.textContent = this.t(result === 'copied' ? 'share.copied' : 'share.selected');
  }
}
