// Embed mode (`?embed=1`): the playground inside another page's iframe.
//
// - Minimal chrome: the scenario's title, the playback bar, the observer and the chosen
//   view (cluster, space-time diagram, or both); no header, menus, settings or presets.
// - Read-only unless `interactive=1`: no interventions (deliver, drop, crash, propose,
//   partition) and no reset; play, step, the scrubber and selecting things still work.
// - `autoplay=1` starts playing (not when the reader asks for reduced motion); `step=N`
//   opens at step N. A link to the full playground at the moment on screen is offered.
// - It reads and writes no local or session storage, and never rewrites its own address.
// - Height: `{type: 'paxos-playground:height', height}` goes to the parent on load and on
//   every change of the content's height (web/embed/autosize.js is the parent's side). It
//   is sent to any origin ('*'): the embedding page is unknown, and a height in pixels says
//   nothing the parent cannot already measure.
// - Commands from the parent (postMessage), obeyed only if the message comes from the
//   parent window itself and from an origin on the `origin=` allowlist in the frame's
//   address, or from the page's own origin (the story's figures): a parent of this origin
//   can reach into the frame's document anyway, so obeying it gives it nothing new. A page
//   of another origin without an allowlist is obeyed in nothing. See README "Embedding".
//   Each is answered with the run's state, `query` with the core's record of the run.
//
// Bundled on its own, it uses the page's helpers (`page`, from web/share/index.js) rather
// than carrying copies of them.

import TEXTS from './texts.js';

export const MESSAGE_PREFIX = 'paxos-playground:';

/**
 * The options in the address `search` that were given but not understood (`options`, what
 * link.js embedOptions read, has null for them): `name=value` each, the value shortened.
 */
export function ignoredOptions(search, options) {
  const params = new URLSearchParams(search);
  const read = { step: options.step, preset: options.preset, view: options.view, lang: options.language, theme: options.theme };
  return Object.keys(read).filter((name) => params.has(name) && read[name] === null)
    .map((name) => `${name}=${params.get(name).slice(0, 40)}`);
}

/** Marks the document before anything draws, so the first paint is already the embed. */
export function applyEmbedMode(document, { interactive }, view) {
  const root = document.documentElement;
  root.classList.add('embed');
  if (!interactive) root.classList.add('read-only');
  root.dataset.embedView = view;
}

/**
 * @param page the page's helpers: {h, addTexts, prefersReducedMotion, shareUrl, currentCode,
 *   openDecoded, scriptCharsMax, early: () => the parent's messages that came while the page
 *   opened (and stops keeping them)}
 */
export function installEmbed(app, options, page) {
  const { window, doc, store } = app;
  // An option the embed did not understand is said, beside any other problem (an unknown
  // preset), rather than silently left out.
  page.addTexts(TEXTS);
  const ignored = ignoredOptions(window.location.search, options);
  if (ignored.length > 0) {
    const before = store.ui.problem;
    store.setProblem((t) => [typeof before === 'function' ? before(t) : before, t('embed.ignored', { options: ignored.join(', ') })].filter(Boolean).join(' '));
  }
  const open = page.h(doc, 'a', { id: 'embed-open', class: 'embed-open', target: '_blank', rel: 'noopener' });
  app.$('scenario-title').after(open);
  const update = () => {
    open.href = page.shareUrl(window.location.href, page.currentCode(store));
    open.textContent = app.t('embed.open');
  };
  update();
  if (options.step !== null) store.seek(options.step);
  if (options.autoplay && !page.prefersReducedMotion(window)) app.player.play();
  reportHeight(window);
  // (An opaque origin, "null" (a file: page, a sandboxed frame), is nobody in particular.)
  const own = window.location.origin === 'null' ? [] : [window.location.origin];
  if (window.parent !== window) listen(app, [...own, ...options.origins], page);
  else page.early();
  return { update };
}

function reportHeight(window) {
  if (window.parent === window) return;
  const root = window.document.documentElement;
  let last = -1;
  const report = () => {
    // Until the page is drawn it is not laid out (style.css): its height would be ~0, and
    // the host's frame would collapse and then grow. Drawn, it is laid out and observed.
    if (!root.dataset.drawn) return;
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: `${MESSAGE_PREFIX}height`, height }, '*');
  };
  new window.ResizeObserver(report).observe(root);
  report();
}

function listen(app, origins, page) {
  const window = app.window;
  // One command at a time, in the order they came: a reply may wait (a Multi-Paxos `load`
  // fetches that module first), and the parent matches replies to commands first in, first out.
  let queue = Promise.resolve();
  const receive = (event) => {
    if (window.parent === window || event.source !== window.parent) return;
    if (!origins.includes(event.origin)) return;
    // (What the page kept while it opened ends with this when it had to leave some out.)
    if (event.refused) {
      const message = `${event.refused} commands sent before the playground was ready were not kept`;
      queue = queue.then(() => event.source.postMessage({ type: `${MESSAGE_PREFIX}error`, message }, event.origin));
      return;
    }
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || !data.type.startsWith(MESSAGE_PREFIX)) return;
    queue = queue.then(async () => {
      let reply;
      try {
        // A command answers with where the run is now, or (a query) with a record of its own.
        reply = (await command(app, data.type.slice(MESSAGE_PREFIX.length), data, page)) ?? state(app.store);
      } catch (error) {
        reply = { type: `${MESSAGE_PREFIX}error`, message: error?.message ?? String(error) };
      }
      event.source.postMessage(reply, event.origin);
    });
  };
  window.addEventListener('message', receive);
  // Commands sent before the page was ready (at the frame's load event, say): kept while it
  // opened (web/share/index.js, embedModule), answered now, in order.
  for (const event of page.early()) receive(event);
}

function command(app, name, data, page) {
  const store = app.store;
  switch (name) {
    case 'play': app.player.play(); return null;
    case 'pause': app.player.pause(); return null;
    case 'step': app.stepForward(); return null;
    case 'back': app.stepBack(); return null;
    case 'seek': app.seekTo(wholeNumber(data.step, 'step')); return null;
    case 'state': return null;
    case 'query': return record(store, data);
    case 'load': {
      const link = typeof data.link === 'string' ? data.link : null;
      if (link === null && typeof data.script !== 'string') throw new Error('load needs a "script" or a "link" string');
      if (link === null && data.script.length > page.scriptCharsMax) throw new Error(`the script is too long (at most ${page.scriptCharsMax} characters)`);
      const step = data.step === undefined ? null : wholeNumber(data.step, 'step');
      const open = () => {
        const decoded = link !== null ? store.wasm.decodeLink(link) : { script: data.script, step: 0, view: null, language: 0 };
        page.openDecoded(app, decoded);
        if (step !== null) app.seekTo(step);
        return null;
      };
      try {
        return open();
      } catch (error) {
        // The page's module runs no Multi-Paxos: the module that does is fetched and tries
        // (its refusal, if it refuses too, is the reply).
        if (store.multi) throw error;
        return app.multi('useMulti').then(open);
      }
    }
    default:
      throw new Error(`unknown command "${name.slice(0, 40)}"`);
  }
}

function wholeNumber(value, what) {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${what} must be a whole number`);
  return value;
}

/**
 * The reply to `query`: the core's own record of the run, for a parent that checks what a
 * reader expects against what the protocol does (the story page's questions). Where the
 * run is (as `state`), the event records of steps `from..=to` (default: the whole run), the
 * snapshot of the viewed step and the outcome of the whole run, all as the core gives them:
 * the parent reads facts from them and computes no protocol outcome of its own.
 */
function record(store, data) {
  const from = data.from === undefined ? 1 : wholeNumber(data.from, 'from');
  const to = data.to === undefined ? store.steps : Math.min(wholeNumber(data.to, 'to'), store.steps);
  return {
    ...state(store),
    type: `${MESSAGE_PREFIX}record`,
    from,
    to,
    events: from <= to ? store.pg.events(from, to) : [],
    snapshot: store.snapshot(),
    outcome: store.outcome(),
  };
}

/** The reply to every other command: where the run is now. */
function state(store) {
  return {
    type: `${MESSAGE_PREFIX}state`,
    step: store.step,
    steps: store.steps,
    playing: store.ui.playing,
    outcome: store.snapshot().verdict?.outcome ?? null,
  };
}
