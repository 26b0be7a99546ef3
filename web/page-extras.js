// What the full page and an interactive embed have and a read-only embed does not: the
// aids below the cluster (their loader), the scenario gallery, the menus and picture
// downloads, and the panels a read-only embed hides (the selection, the messages in
// flight, the servers table and its forms). The page
// fetches this module while it opens, beside the wasm; a read-only embed (the default) never
// does, so its opening is that much lighter.
import { addTexts } from './i18n.js';
import PANEL_TEXTS from './views/panel-texts.js';

export { DeferredAids } from './controls/deferred.js';
export { downloadPicture, openPresets, openSettings, proposeFor, wirePage } from './controls/page-actions.js';
export { fillPresetStories, renderPresetList } from './controls/presets.js';
export { renderInFlight } from './views/inflight.js';
export { renderSelection } from './views/selection.js';
export { renderServers } from './views/servers.js';
export { ServerForms } from './views/server-forms.js';

// The hidden panels' texts join the page's as this module loads (the page's translator
// finds them: i18n.js keeps every text on the window).
addTexts(PANEL_TEXTS);
