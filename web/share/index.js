// Share links and embeds, wired into the page in two moves: prepareShare() reads the
// address once, before the store exists (the language a link names, embed mode's classes),
// and install() opens the link and wires the share dialog, the address sync and embed mode.
// The share dialog's code is fetched when it is first opened, embed mode's only in an embed
// (web/lazy.js): most visits use neither.
import { addTexts } from '../i18n.js';
import { loadDialogStyles, loadModule } from '../lazy.js';
import { h, prefersReducedMotion } from '../dom.js';
import { SCRIPT_CHARS_MAX, VIEWS, codeFromHash, embedOptions, languageFromCode, shareUrl, viewName } from './link.js';
import { LinkSync, currentCode, openDecoded } from './links.js';

/** The share dialog's code (web/lazy.js), fetched on the first press of Share. */
const SHARE_DIALOG = 'web/controls/share.js';

/** Starts fetching embed mode's code when the address asks for an embed; else null. */
export function embedModule(window) {
  return embedOptions(window.location.search).embed ? loadModule(window.document, 'web/embed/embed.js') : null;
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
  const page = { h, addTexts, prefersReducedMotion, shareUrl, currentCode, openDecoded, scriptCharsMax: SCRIPT_CHARS_MAX };
  if (options.embed) embed = embedCode.installEmbed(app, options, page);
  else installShareButton(app);
  return sync;
}

/**
 * An embed's `preset=` option (when no link code came): that preset instead of the default;
 * an id the page does not know opens the default and says so.
 */
function openPreset(app, id, defaultPreset) {
  if (app.store.presets().some((preset) => preset.id === id)) {
    app.store.loadPreset(id);
    return;
  }
  if (!app.store.pg) app.store.loadPreset(defaultPreset);
  app.store.setProblem(app.t('embed.noPreset', { id }));
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
    }, (loadError) => store.setProblem(app.t('problem.share', { reason: loadError.message })));
  });
  // Warm: a pointer on the button starts the fetch, so the press usually finds it here.
  button.addEventListener('pointerenter', () => {
    loadModule(app.doc, SHARE_DIALOG).catch(() => {});
    loadDialogStyles(app.doc);
  });
  button.disabled = false;
}
