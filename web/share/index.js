// Share links and embeds, wired into the page in two moves: prepareShare() reads the
// address once, before the store exists (the language a link names, embed mode's classes),
// and install() opens the link and wires the share dialog, the address sync and embed mode.
// The share dialog's code is fetched when it is first opened, embed mode's only in an embed
// (web/lazy.js): most visits use neither.
import { addTexts } from '../i18n.js';
import { loadDialogStyles, loadModule } from '../lazy.js';
import { h, prefersReducedMotion } from '../dom.js';
import { wordProblem } from '../problems.js';
import { SCRIPT_CHARS_MAX, VIEWS, codeFromHash, embedOptions, languageFromCode, shareUrl, viewName } from './link.js';
import { LinkSync, currentCode, openDecoded } from './links.js';

/** The share dialog's code (web/lazy.js), fetched on the first press of Share. */
const SHARE_DIALOG = 'web/controls/share.js';

/** How many of the parent's messages an embed keeps while it opens (the rest are refused). */
const EARLY_KEPT_MAX = 100;

/** () => the parent's messages that came while the page opened (then no more are kept). */
let early = () => [];

/**
 * Starts fetching embed mode's code when the address asks for an embed; else null. From
 * then the parent's messages are kept until embed mode listens: a command sent as the
 * frame loads is answered once the page is ready, not lost.
 */
export function embedModule(window) {
  if (!embedOptions(window.location.search).embed) return null;
  const kept = [];
  let refused = null;
  // Only the parent's: another window's (a sibling frame's) would take their places.
  const keep = (event) => {
    if (event.source !== window.parent || window.parent === window) return;
    if (kept.length < EARLY_KEPT_MAX) kept.push(event);
    else refused = { event, count: (refused?.count ?? 0) + 1 };
  };
  window.addEventListener('message', keep);
  early = () => {
    window.removeEventListener('message', keep);
    // Those past the limit get one answer, an error, after the ones kept.
    if (refused) {
      const { event, count } = refused;
      kept.push({ source: event.source, origin: event.origin, refused: count });
    }
    refused = null;
    return kept.splice(0);
  };
  return loadModule(window.document, 'web/embed/embed.js');
}

/**
 * @param {Window} window
 * @param {object} wasm the initialised page module (decodeLink)
 * @param {object|null} embed embed mode's module (`embedModule`, awaited), in an embed
 */
export function prepareShare(window, wasm, embed) {
  const options = embedOptions(window.location.search);
  if (options.theme) window.document.documentElement.dataset.theme = options.theme;
  const code = codeFromHash(window.location.hash);
  let decoded = null;
  let error = null;
  if (code !== null) {
    try {
      decoded = wasm.decodeLink(code);
    } catch (decodeError) {
      error = decodeError;
    }
  }
  // Without a link code, an embed's `view` and `lang` options stand in for the code's.
  const view = decoded ? viewName(decoded.view) : options.embed ? options.view ?? VIEWS[0] : VIEWS[0];
  if (options.embed) embed.applyEmbedMode(window.document, options, view);
  return {
    /** The language the link (or, in an embed without one, `lang=`) names, or null (then the browser's). */
    language: decoded ? languageFromCode(decoded.language) : code === null && options.embed ? options.language : null,
    /** Whether `install` opens a scenario of the address's (a link, an embed's preset): the
     *  page then loads no default before it (one that cannot be opened loads the default). */
    opensScenario: decoded !== null || (options.embed && code === null && options.preset !== null),
    /** Options for the App: what the page lets people do. */
    appOptions: { embedded: options.embed, readOnly: options.embed && !options.interactive, view: options.embed ? view : null },
    install: (app, defaultPreset) => install(app, { options, code, decoded, error, defaultPreset, embedModule: embed }),
  };
}

function install(app, { options, code, decoded, error, defaultPreset, embedModule: embedCode }) {
  const { store } = app;
  let embed = null;
  const sync = new LinkSync(app, { write: !options.embed, defaultPreset, onChange: () => embed?.update() });
  sync.written = code;
  if (decoded || error) sync.open(decoded, error);
  else if (options.embed && options.preset) openPreset(app, options.preset, defaultPreset);
  // Embed mode's module is bundled on its own: it is handed the page's helpers.
  const page = { h, addTexts, prefersReducedMotion, shareUrl, currentCode, openDecoded, scriptCharsMax: SCRIPT_CHARS_MAX, early };
  if (options.embed) embed = embedCode.installEmbed(app, options, page);
  else installShareButton(app);
  return sync;
}

/**
 * An embed's `preset=` option (when no link code came): that preset instead of the default;
 * an id neither the page nor Multi-Paxos' module knows opens the default and says so.
 */
function openPreset(app, id, defaultPreset) {
  const known = () => app.store.presets().some((preset) => preset.id === id);
  if (known()) {
    app.store.loadPreset(id);
    return;
  }
  if (!app.store.pg) app.store.loadPreset(defaultPreset);
  // (Said first, before what embed mode may have said meanwhile: options it left out.)
  const unknown = () => {
    const before = app.store.ui.problem;
    app.store.setProblem((t) => [t('embed.noPreset', { id }), wordProblem(before, t)].filter(Boolean).join(' '));
  };
  // Multi-Paxos' presets come with its module, which the page fetches to look there too.
  if (app.store.multi) unknown();
  else app.multi('useMulti').then(() => (known() ? app.store.loadPreset(id) : unknown()), unknown);
}

/** The Share button: the first press fetches the dialog's code, then every press opens it. */
function installShareButton(app) {
  const { store, window } = app;
  const button = app.$('open-share');
  let dialog = null;
  const create = ({ ShareDialog, TEXTS }) => {
    if (dialog) return dialog;
    addTexts(TEXTS);
    dialog = new ShareDialog(app.$('share-dialog'), {
      window,
      code: ({ view, step }) => currentCode(store, { view, step }),
      step: () => store.step,
      title: () => app.$('scenario-title').textContent,
    });
    dialog.translate(app.t);
    return dialog;
  };
  store.subscribe((change) => {
    if (!dialog) return;
    if (change.language) dialog.translate(app.t);
    else if (change.run || change.step) {
      if (dialog.dialog.open) dialog.render();
    }
  });
  button.addEventListener('click', () => {
    app.player.pause();
    Promise.all([loadModule(app.doc, SHARE_DIALOG), loadDialogStyles(app.doc)]).then(([module]) => {
      create(module).open();
    }, (loadError) => store.setProblem((t) => t('problem.share', { reason: loadError.message })));
  });
  // Warm: a pointer on the button starts the fetch, so the press usually finds it here.
  button.addEventListener('pointerenter', () => {
    loadModule(app.doc, SHARE_DIALOG).catch(() => {});
    loadDialogStyles(app.doc);
  });
  button.disabled = false;
}
