// The page's address as a share link: opening the link it was given (at start, and when a
// new one is pasted into the same tab), keeping the address in step with the run, and a
// clear message, with a way back to a working scenario, for a link that cannot be opened.
//
// The address is rewritten with history.replaceState (never a new history entry) a moment
// after the run, the viewed step or a chosen language changes, and never while playing;
// so the address bar is always a link to what is on screen, and a reload keeps it. Nothing
// is written before the first change: a page opened without a link keeps its plain address.
import { problemText } from '../problems.js';
import { codeFromHash, languageCode, languageFromCode, linkProblemKind, pageBase, presetOf, viewName, withCode } from './link.js';

/** Waits this long after the last change before rewriting the address. */
const WRITE_DELAY_MS = 250;
const WRITE_REASONS = new Set(['load', 'seek', 'forward', 'intervene', 'undo', 'redo', 'language', 'playing']);

/** The link code for what is on screen: the run, the viewed step, a chosen language. */
export function currentCode(store, { view = 0, step = store.step } = {}) {
  return store.pg.link(step, view, languageCode(store.ui.language, store.ui.languageChosen));
}

/**
 * Loads a decoded link (`{script, step, view, language}` from the core's decodeLink) into
 * the page. Throws the core's Error if the script is refused; then nothing changes.
 */
export function openDecoded(app, decoded) {
  const store = app.store;
  app.player.pause();
  store.load(decoded.script, presetOf(decoded.script, store.presets(), store.wasm));
  store.seek(decoded.step ?? 0);
  const language = languageFromCode(decoded.language);
  if (language) app.setLanguage(language, { chosen: true });
  // An embed shows the panels of the view the link names (the full page shows them all).
  const root = app.doc.documentElement;
  if (root.classList.contains('embed') && decoded.view !== null && decoded.view !== undefined) {
    root.dataset.embedView = viewName(decoded.view);
  }
}

export class LinkSync {
  /**
   * @param {object} app the App (store, player, window, $)
   * @param {{write: boolean, defaultPreset: string, onChange?: () => void}} options
   *   write: keep the address bar in step (off in embeds: the frame's address is the host
   *   page's business); onChange: called after each settled change (the embed's link).
   */
  constructor(app, { write, defaultPreset, onChange }) {
    this.app = app;
    this.window = app.window;
    this.write = write;
    this.defaultPreset = defaultPreset;
    this.onChange = onChange ?? (() => {});
    this.timer = null;
    this.problem = null;
    const $ = app.$;
    this.box = $('link-problem');
    $('link-problem-default').addEventListener('click', () => this.openDefault());
    $('link-problem-close').addEventListener('click', () => this.showProblem(null));
    app.store.subscribe((change) => {
      if (change.language) this.renderProblem();
      if (WRITE_REASONS.has(change.reason)) this.schedule();
    });
    this.window.addEventListener('hashchange', () => this.followAddress());
  }

  /** Opens a decoded link, or shows why it cannot be opened (keeping the current run). */
  open(decoded, error) {
    try {
      if (error) throw error;
      openDecoded(this.app, decoded);
    } catch (openError) {
      // At opening nothing is loaded before the link (web/app.js): the default is, then.
      if (!this.app.store.pg) this.app.store.loadPreset(this.defaultPreset);
      // The page's module runs no Multi-Paxos: the module that does tries before saying no.
      if (this.app.store.multi) this.showProblem(openError);
      // (With the code that failed: the address may be rewritten while that module loads.)
      else this.app.multi('openLink', this, openError, this.written);
      return false;
    }
    this.showProblem(null);
    return true;
  }

  /**
   * A link pasted into this tab's address bar (or a link to this page followed), or Back to
   * the page's plain address, which opens the first scenario (nothing was written into it,
   * so it was the page as opened, untouched): that again, and the address stays plain.
   * Another fragment is an in-page anchor (the skip link's `#main`), left alone.
   */
  followAddress() {
    const hash = this.window.location.hash;
    const code = codeFromHash(hash);
    if (code === null && hash === '' && this.written !== null) {
      this.app.player.pause();
      this.app.store.loadPreset(this.defaultPreset);
      this.showProblem(null);
      // (The load asked for the address to be written: a plain page has none written.)
      this.window.clearTimeout(this.timer);
      this.timer = null;
      this.written = null;
      this.onChange();
      return;
    }
    if (code === null || code === this.written) return;
    let decoded = null;
    let error = null;
    try {
      decoded = this.app.store.wasm.decodeLink(code);
    } catch (decodeError) {
      error = decodeError;
    }
    this.written = code;
    this.open(decoded, error);
  }

  openDefault() {
    this.app.player.pause();
    this.app.store.loadPreset(this.defaultPreset);
    this.showProblem(null);
    if (this.write) this.replace(pageBase(this.window.location.href) + this.window.location.search);
    this.app.$('play').focus();
  }

  /** Shows why a link cannot be opened (`error`: what the core threw), or hides it (null). */
  showProblem(error) {
    this.problem = error;
    this.renderProblem();
  }

  renderProblem() {
    const t = this.app.t;
    this.box.hidden = this.problem === null;
    this.app.$('link-problem-text').textContent = this.problem === null ? ''
      : `${t(`linkProblem.${linkProblemKind(this.problem)}`)} ${linkProblemDetail(this.problem, t)}`.trimEnd();
  }

  schedule() {
    this.window.clearTimeout(this.timer);
    this.timer = this.window.setTimeout(() => this.flush(), WRITE_DELAY_MS);
  }

  /** Writes the address now (unless playing: it is written when playing stops). */
  flush() {
    this.window.clearTimeout(this.timer);
    this.timer = null;
    if (this.app.store.ui.playing) return;
    if (this.write) {
      const code = currentCode(this.app.store);
      this.written = code;
      this.replace(withCode(this.window.location.href, code));
    }
    this.onChange();
  }

  replace(url) {
    if (url !== this.window.location.href) this.window.history.replaceState(this.window.history.state, '', url);
  }
}

/**
 * What is wrong with a bad link, in the page's language: worded from the core's facts where
 * it gives them (a newer format, the length, a refused run); the decoder's own detail of
 * damage (which byte, which field) is the core's English, shown on the English page only.
 */
function linkProblemDetail(error, t) {
  const problem = error?.problem;
  switch (problem?.kind) {
    case 'script':
      return t('linkProblem.detail', { reason: problemText(error, t) });
    case 'newer':
      return t('linkProblem.newerDetail', { version: problem.version, max: problem.max });
    case 'too-long':
      return t('linkProblem.tooLongDetail', { chars: problem.chars, max: problem.max });
    default:
      return t.language === 'en' ? t('linkProblem.detail', { reason: error?.message ?? String(error) }) : '';
  }
}
