// When a page is ready, and the figure every opening benchmark reports: navigation start →
// the end of the first frame drawn after that moment (bench/side-by-side.mjs,
// bench/trace-load.mjs). `instrument` runs in every frame of a page before the page's own
// scripts (page.addInitScript(instrument, DONE)); it records window.__sbs = {ready, figure}
// (ms since navigation start) and says DONE on the console when the figure is in.
//
// - Ours: the `playground-interactive` performance mark (web/app.js sets it when the wasm,
//   presets and texts are loaded, the first preset is simulated and drawn and the controls
//   are wired).
// - RaftScope: when its jQuery ready handler has returned. That handler (script.js) builds
//   the servers, wires the sliders and keys and ends with its first `render.update()`, which
//   draws the servers' terms, timers and logs into its SVG. jQuery 2.0.3 runs ready handlers
//   from a DOMContentLoaded listener on `document`; a listener on `window` for the same event
//   runs after every listener on `document` (the event reaches the window last), so this one
//   sees the first render done. It checks that the SVG's logs and the first server's term are
//   drawn, and reports an error otherwise. RaftScope's files are not changed.
// - A frame inside the page (the story's figures, which are embeds of ours) reports its own
//   ready and figure to the top page, on the top page's clock; the first <iframe> in the
//   document says DONE.
// - The end of the first frame after ready: a requestAnimationFrame callback runs before that
//   frame's style, layout and paint; a message posted from it is handled after them.
// Both sides get the same script: a wrapped performance.mark and one event listener.

export const DONE = '__bench_figure_done__';

// Serialised into the page by Playwright: self-contained, DONE comes as its argument.
export function instrument(DONE) {
  const bench = { ready: null, figure: null, side: null, error: null, lang: null, figures: [] };
  window.__sbs = bench;
  const raf = window.requestAnimationFrame.bind(window);
  const toTop = (ms) => (window === window.top ? ms : performance.timeOrigin + ms - window.top.performance.timeOrigin);
  // In the top page: the figure is done. In a frame (the story's figures): tell the top page,
  // on its clock.
  // Said on the console, which Playwright hears without running anything in the page (a
  // polling waitForFunction would inject its script into the page while it loads).
  const report = (ready, figure) => {
    if (window === window.top) {
      if (bench.ready === null) { bench.ready = ready; bench.figure = figure; }
      console.debug(DONE);
      return;
    }
    try {
      window.top.__sbs.figures.push({ frame: window.frameElement, ready: toTop(ready), figure: toTop(figure) });
      if (window.frameElement === window.top.document.querySelector('iframe')) console.debug(DONE);
    } catch (error) {
      // A cross-origin frame: not ours to time.
    }
  };
  const afterNextFrame = (ready) => raf(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => report(ready, performance.now());
    channel.port2.postMessage(0);
  });
  const mark = performance.mark.bind(performance);
  let marked = false;
  performance.mark = (name, ...rest) => {
    const entry = mark(name, ...rest);
    if (name === 'playground-interactive' && !marked) {
      marked = true;
      bench.side = 'ours';
      afterNextFrame(entry.startTime);
    }
    return entry;
  };
  // RaftScope: its jQuery ready handler (document listener) has returned by now.
  window.addEventListener('DOMContentLoaded', () => {
    if (!window.jQuery || !document.querySelector('svg #servers')) return; // not RaftScope
    bench.side = 'raftscope';
    const ready = performance.now();
    const logs = document.querySelector('svg .logs');
    const term = document.querySelector('#server-1 text.term');
    if (!logs?.childElementCount || !term?.textContent) {
      bench.error = 'RaftScope had not drawn its first render when its ready handler returned';
      console.debug(DONE);
      return;
    }
    afterNextFrame(ready);
  });
}
