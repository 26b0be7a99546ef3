// Helpers for the share-link and embed end-to-end tests: link codes made by the real core
// (the same built module the page loads), what the page shows, and instrumentation that
// records CSP violations and storage use.
import { loadCore } from '../unit/core.mjs';
import { openShare, showEvents } from './harness.mjs';

let core = null;

/** The page module under Node (shares web/pkg with the page). */
export async function wasm() {
  core ??= await loadCore();
  return core;
}

/** A link code for `script` (or a preset id) at `step`. */
export async function codeFor(scriptOrPreset, { step = 0, view = 0, language = 0 } = {}) {
  const w = await wasm();
  const preset = w.presets().find((p) => p.id === scriptOrPreset);
  const playground = new w.Playground(preset ? preset.script : scriptOrPreset);
  const code = playground.link(step, view, language);
  playground.free();
  return code;
}

/**
 * Everything the page shows about the run at the viewed step (not the selection), to
 * compare two pages: the same run at the same step shows the same.
 */
export async function fingerprint(page) {
  // The quorum overlay is drawn on the cluster once its module has loaded: wait for it.
  await page.waitForFunction(() => document.getElementById('quorum-panel')?.dataset.quorumState !== 'loading');
  // The event list's code comes when the list nears the screen: bring it there on both pages
  // (an embed hides the list, and never loads it).
  if (!(await page.locator('html.embed').count())) await showEvents(page);
  return page.evaluate(() => {
    const text = (id) => document.getElementById(id).textContent;
    const scrubber = document.getElementById('scrubber');
    return {
      title: text('scenario-title'),
      position: text('position'),
      scrubber: [scrubber.value, scrubber.max],
      observer: text('observer'),
      // Without the ghost of what the step just moved: it is there when the step is taken
      // by hand, and fades (the same step reached another way draws none).
      cluster: [...document.querySelectorAll('#cluster > :not(.ghosts)')].map((layer) => layer.textContent).join(''),
      inflight: text('inflight'),
      servers: text('servers'),
      events: text('events'),
      language: document.documentElement.lang,
    };
  });
}

/** The link the Share dialog offers (opens and closes the dialog). */
export async function sharedLink(page) {
  await openShare(page);
  const link = await page.inputValue('#share-link');
  await page.keyboard.press('Escape');
  await page.locator('#share-dialog').waitFor({ state: 'hidden' });
  return link;
}

/** Waits until the address bar's fragment differs from `previous`; returns it. */
export async function nextHash(page, previous) {
  await page.waitForFunction((before) => location.hash.startsWith('#s=') && location.hash !== before, previous);
  return page.evaluate(() => location.hash);
}

/**
 * Records, in every frame, Content-Security-Policy violations (into `violations`) and any
 * use of localStorage or sessionStorage (window.__storage in that frame).
 */
export async function instrument(page, violations = []) {
  await page.exposeFunction('reportViolation', (text) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.reportViolation(`${location.pathname}: ${event.violatedDirective}: ${event.blockedURI} ${event.sample}`));
    window.__storage = [];
    for (const name of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
      const original = Storage.prototype[name];
      Storage.prototype[name] = function record(...args) {
        window.__storage.push(name);
        return original.apply(this, args);
      };
    }
    for (const name of ['localStorage', 'sessionStorage']) {
      const descriptor = Object.getOwnPropertyDescriptor(window, name) ?? Object.getOwnPropertyDescriptor(Window.prototype, name);
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          window.__storage.push(name);
          return descriptor.get.call(window);
        },
      });
    }
  });
  return violations;
}
