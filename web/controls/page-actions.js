// What the full page's controls do beyond playing a run: the menus (the gallery and the
// settings), the servers panel's two forms, and picture downloads. Part of
// web/page-extras.js: an embed shows none of them (a read-only one never fetches this; an
// interactive one has the forms). Each function takes the page's App.
import { addTexts } from '../i18n.js';
import { partitionCommand, proposeCommand } from '../commands.js';
import { loadDialogStyles, loadModule } from '../lazy.js';
import { suggestValue } from '../views/server-forms.js';

/** Wires the menus' buttons, the two forms and the download buttons to `app`. */
export function wirePage(app) {
  const $ = app.$;
  $('open-presets').addEventListener('click', () => openPresets(app));
  $('open-settings').addEventListener('click', () => openSettings(app));
  // Another server suggests its own value, but only in place of a suggestion: a value
  // the person typed is theirs, and stays.
  $('propose-server').addEventListener('change', () => {
    const value = $('propose-value');
    if (value.value === '' || value.value === value.dataset.suggested) suggestValue(app.doc, Number($('propose-server').value));
  });
  $('propose-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const result = proposeCommand(Number($('propose-server').value), $('propose-value').value);
    if (result.error) app.store.setProblem((t) => t(result.error));
    else app.act(result.command);
  });
  $('partition-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const groups = {};
    for (const select of $('partition-groups').querySelectorAll('select')) groups[select.dataset.server] = select.value;
    const result = partitionCommand(groups);
    if (result.error) app.store.setProblem((t) => t(result.error));
    else app.act(result.command);
  });
  $('heal').addEventListener('click', () => app.act('heal'));
  for (const button of app.doc.querySelectorAll('[data-picture]')) {
    button.addEventListener('click', () => downloadPicture(app, button.dataset.picture, button.dataset.format));
  }
}

/** "Propose" beside a server (the servers table): the form, set to that server, takes the focus. */
export function proposeFor(app, server) {
  app.$('propose-server').value = String(server);
  suggestValue(app.doc, server);
  app.$('propose-value').focus();
  app.$('propose-value').select();
}

export function openPresets(app) {
  if (app.embedded) return;
  app.player.pause();
  app.finishOpening();
  loadDialogStyles(app.doc).then(() => {
    // (A second press while the styles were on their way finds it open.)
    if (!app.$('presets-dialog').open) app.$('presets-dialog').showModal();
    app.extras.fillPresetStories(app.$('preset-list'), app.store.presets(), app.t)
      .catch((error) => app.store.setProblem((t) => t('problem.story', { reason: error.message })));
    app.multi('gallery').catch(() => {});
    const current = app.$('preset-list').querySelector('.current button') ?? app.$('preset-list').querySelector('button');
    current?.focus();
  });
}

export function openSettings(app) {
  if (app.embedded) return;
  app.player.pause();
  // The panel's code and the core's aids module (its defaults and its checks of settings)
  // are fetched on the first press.
  Promise.all([loadModule(app.doc, 'web/controls/settings.js'), loadDialogStyles(app.doc)]).then(([{ loadSettingsPanel, TEXTS }]) => {
    addTexts(TEXTS);
    return loadSettingsPanel();
  }).then((SettingsPanel) => {
    app.settings ??= new SettingsPanel(app.$('settings-dialog'), { onApply: (script, keep) => app.applySettings(script, keep) });
    if (app.settings.t?.language !== app.store.ui.language) app.settings.translate(app.t);
    app.settings.open(app.store.pg);
  }, (error) => app.store.setProblem((t) => t('problem.settings.load', { reason: error.message })));
}

/** Downloads the cluster or the space-time diagram as a picture (its code loads on the first press). */
export function downloadPicture(app, which, format) {
  const { store } = app;
  const step = store.step;
  const title = `${app.$('scenario-title').textContent} — ${app.t('playback.position', { step, steps: store.steps })}`;
  // The diagram's code is here once its panel came near the screen (its buttons are in
  // it); a press before that waits for it.
  const spacetime = which === 'spacetime' ? app.loadSpacetime() : null;
  Promise.all([spacetime, loadModule(app.doc, 'web/controls/download.js')])
    .then(([, { downloadPicture: download }]) => {
      if (!spacetime) {
        app.cluster.forget();
        app.render({});
      } else {
        app.spacetime.flush();
      }
      const upTo = spacetime && app.$('spacetime-extent').value === 'step' ? app.spacetime.pictureEnd(step) : null;
      const name = ['paxos', store.origin.presetId ?? 'scenario', which === 'cluster' || upTo !== null ? `step-${step}` : 'run'].join('-');
      return download(app.doc, which, format, name, { title, upTo });
    })
    .catch((error) => store.setProblem((t) => t('problem.picture', { reason: error.message })));
}
