// Share links and embeds, wired into the page in two moves: prepareShare() reads the
// address once, before the store exists (the language a link names, embed mode's classes),
// and install() opens the link and wires the share dialog, the address sync and embed mode.
import { ShareDialog } from '../controls/share.js';
import { applyEmbedMode, installEmbed } from '../embed/embed.js';
import { codeFromHash, embedOptions, languageFromCode, viewName } from './link.js';
import { LinkSync, currentCode } from './links.js';

/**
 * @param {Window} window
 * @param {object} wasm the initialised page module (decodeLink)
 */
export function prepareShare(window, wasm) {
  const options = embedOptions(window.location.search);
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
  if (options.embed) applyEmbedMode(window.document, options, viewName(decoded?.view ?? 0));
  return {
    /** The language the link names, or null (then the browser's). */
    language: decoded ? languageFromCode(decoded.language) : null,
    /** Options for the App: what the page lets people do. */
    appOptions: { embedded: options.embed, readOnly: options.embed && !options.interactive },
    install: (app, defaultPreset) => install(app, { options, code, decoded, error, defaultPreset }),
  };
}

function install(app, { options, code, decoded, error, defaultPreset }) {
  const { store, window } = app;
  let embed = null;
  const sync = new LinkSync(app, { write: !options.embed, defaultPreset, onChange: () => embed?.update() });
  sync.written = code;
  if (decoded || error) sync.open(decoded, error);
  if (options.embed) {
    embed = installEmbed(app, options);
  } else {
    const dialog = new ShareDialog(app.$('share-dialog'), {
      window,
      code: ({ view, step }) => currentCode(store, { view, step }),
      step: () => store.step,
      title: () => app.$('scenario-title').textContent,
    });
    dialog.translate(app.t);
    store.subscribe((change) => {
      if (change.language) dialog.translate(app.t);
      else if (change.run || change.step) {
        if (dialog.dialog.open) dialog.render();
      }
    });
    const button = app.$('open-share');
    button.addEventListener('click', () => {
      app.player.pause();
      dialog.open();
    });
    button.disabled = false;
  }
  return sync;
}
