// Multi-Paxos on the page, fetched only when a Multi-Paxos scenario is opened (a preset from
// the gallery, a share link, a script or settings naming the protocol): the page's own
// module is built without Multi-Paxos (its opening budget, docs/BENCHMARKS.md), so this
// brings the module built with it (web/pkg/paxos_wasm_multi.js: the same binding, the same
// calls), Multi-Paxos' presets (web/pkg/presets-multi.json) and their texts. Once here, the
// page runs every scenario with it: it runs the single-decree protocols exactly as the
// page's module does (one core, deterministic), so nothing has to switch back.
import { addPresetCards } from '../controls/presets.js';
import { addTexts } from '../i18n.js';
import { importOnce } from '../lazy.js';
import { problemText } from '../problems.js';
import { shapeEvents, shapeSnapshot } from './events.js';
import { LogViews } from './views.js';
import protocolsEn from '../controls/protocol-texts-en.js';
import protocolsZhCN from '../controls/protocol-texts-zh-CN.js';
import syntaxEn from '../aids/syntax-texts-en.js';
import syntaxZhCN from '../aids/syntax-texts-zh-CN.js';
import en from './texts-en.js';
import zhCN from './texts-zh-CN.js';

// With the words for what is wrong with a script's text: a client's command typed in the
// servers panel (web/multi/servers.js) is refused with them, also before the aids are loaded.
export const TEXTS = { en: { ...en, ...protocolsEn, ...syntaxEn }, 'zh-CN': { ...zhCN, ...protocolsZhCN, ...syntaxZhCN } };

/** The Multi-Paxos presets, as the gallery lists them; fetched once. */
let presetsRequest = null;

export function multiPresets(doc) {
  presetsRequest ??= fetch(new URL('web/pkg/presets-multi.json', doc.baseURI)).then((response) => {
    if (!response.ok) throw new Error(`the Multi-Paxos scenarios could not be loaded (HTTP ${response.status})`);
    return response.json();
  });
  presetsRequest.catch(() => { presetsRequest = null; });
  return presetsRequest;
}

/**
 * The module with Multi-Paxos, initialised, with its `Playground` handing out its events
 * shaped for the page's event lines (web/multi/events.js).
 */
async function multiModule(doc) {
  const glue = await importOnce(new URL('web/pkg/paxos_wasm_multi.js', doc.baseURI).href);
  await glue.default();
  class Playground extends glue.Playground {
    events(from, to) { return shapeEvents(super.events(from, to)); }

    snapshot(...args) { return shapeSnapshot(super.snapshot(...args)); }

    stepForward() { return shapeEvents(super.stepForward()); }

    intervene(command) { return shapeEvents(super.intervene(command)); }

    undo() { return shapeEvents(super.undo()); }

    redo() { return shapeEvents(super.redo()); }
  }
  return { ...glue, Playground };
}

/**
 * Makes the page run on the Multi-Paxos module (once): its texts, its presets in the gallery,
 * and the store's core. Resolves when the page can load a Multi-Paxos scenario.
 */
export async function useMulti(app) {
  const { store, doc } = app;
  addTexts(TEXTS);
  if (store.multi) return;
  const [wasm, presets] = await Promise.all([multiModule(doc), multiPresets(doc)]);
  if (store.multi) return;
  store.multi = true;
  store.wasm = wasm;
  // Its views follow the store from now on (they step aside for a run without logs).
  app.logViews = new LogViews(app);
  store.presetList = [...store.presetList.filter((p) => !presets.some((m) => m.id === p.id)), ...presets];
}

// What the page calls (web/app.js `multi(name, ...)`), each with the app first.

/** The gallery's Multi-Paxos cards, added to the page's (the module comes when one is loaded). */
export async function gallery(app) {
  addTexts(TEXTS);
  const presets = await multiPresets(app.doc);
  // Added at the end of the open gallery: its cards, their stories and the focus stay.
  addPresetCards(app.$('preset-list'), presets, app.t, app.store.origin.presetId);
}

/** Loads a Multi-Paxos preset (`id`), as the page loads its own. */
export async function loadPreset(app, id) {
  try {
    await useMulti(app);
    app.store.loadPreset(id);
  } catch (error) {
    app.store.setProblem((t) => problemText(error, t));
    return;
  }
  app.$('presets-dialog').close();
  app.$('play').focus();
}

/** The settings' script on the Multi-Paxos module: null, or why it was refused. */
export async function applySettings(app, script, keep) {
  try {
    await useMulti(app);
  } catch (error) {
    return problemText(error, app.t);
  }
  return app.applySettings(script, keep);
}

/**
 * A link (`code`) the page's module could not open (`error`, what it threw): opened with the
 * Multi-Paxos module, or, if that cannot open it either, the reason that one gives.
 */
export async function openLink(app, sync, error, code) {
  try {
    await useMulti(app);
  } catch {
    sync.showProblem(error);
    return false;
  }
  let decoded = null;
  let decodeError = null;
  try {
    decoded = app.store.wasm.decodeLink(code);
  } catch (thrown) {
    decodeError = thrown;
  }
  return sync.open(decoded, decodeError);
}
