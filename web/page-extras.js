// What the full page and an interactive embed have and a read-only embed does not: the
// aids below the cluster (their loader), the scenario gallery, and the panels a read-only
// embed hides (the selection and the messages in flight). The page fetches this module while
// it opens, beside the wasm; a read-only embed (the default) never does, so its opening is
// that much lighter.
export { DeferredAids } from './controls/deferred.js';
export { fillPresetStories, renderPresetList } from './controls/presets.js';
export { renderInFlight } from './views/inflight.js';
export { renderSelection } from './views/selection.js';
