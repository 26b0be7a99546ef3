// The browser side of the bench: headless Chromium (playwright-core, Debian's chromium) on
// the built site (dist/, served by scripts/serve.mjs, exactly what users download).
//
// - Load: navigation start to the first interactive frame, median of N cold loads (a new
//   browser context each, so nothing is cached). The page is ready at the first of: a
//   performance mark named "playground-interactive" (the page sets it when its setup is
//   done), or the #status element's text saying "ready"; the figure is the end of the first
//   frame drawn after that (its style, layout and paint included). The ready moment itself
//   and Navigation Timing's domContentLoaded and load are reported alongside. One warm-up
//   load before them is not counted.
// - Frames: requestAnimationFrame is wrapped before any page script runs, so each frame's
//   callbacks (JS + the wasm they call) are timed from outside the page with
//   performance.now(). The page is opened on the busy scenario (9 servers, >= 200 messages
//   in flight) through its share link in the URL fragment; if a play control exists it is
//   pressed, and frames are recorded for 3 s. Then it is paused (or left alone if there is
//   no control) and frames with any callback are counted for 2 s: the idle budget is zero.
// - Actions on a long run: the page opened on the 10,000-step run (bench/scenarios/
//   long-10k.txt) through its share link, viewed at step 9,990, with every view drawn (the
//   space-time diagram and the event list brought near the screen once, so they load). Each round seeks there (the
//   scrubber), intervenes (a server's Crash button: the run forks at 9,990 and replaces
//   its last 10 steps), then steps forward at the new end (the run grows by a step). Each
//   action's figure is the script it runs: its event handler (the store, the core and the
//   views' redraw, all synchronous) plus the animation-frame callbacks of the next frame.
//   The views far below the screen (the diagram, the event list) are drawn when they come
//   near: what that costs after a step is reported beside (`*_catch_up_ms`).
//   The same actions (and undo, redo) are also timed on the Store alone, without views,
//   beside what an intervention cost before deltas (the trace rebuilt from the whole log).
// Prints one JSON object. Usage: node bench/browser.mjs [--reps N] [--dir SITE] (default dist/)
// [--long-only] (only the actions on the long run)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launchBrowser, startServer } from '../tests/e2e/harness.mjs';
import { stats } from './stats.mjs';

const repsArg = process.argv.indexOf('--reps');
const REPS = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 5;
const dirArg = process.argv.indexOf('--dir');
const SITE = dirArg > 0 ? process.argv[dirArg + 1] : join(ROOT, 'dist');
const READY_TIMEOUT_MS = 15_000;
// Controls the UI may have; BENCH_PLAY / BENCH_PAUSE override (CSS selectors).
const PLAY = process.env.BENCH_PLAY ??
  '[data-action="play"], button#play, button[aria-label^="Play" i], button[title^="Play" i]';
// The page's #play button toggles: pressed again, it pauses.
const PAUSE = process.env.BENCH_PAUSE ??
  '[data-action="pause"], button#pause, button#play, button[aria-label^="Pause" i], button[title^="Pause" i]';

// Runs in the page before its own scripts: the interactive moment and the frame timer.
function instrument() {
  const bench = { interactiveMs: null, markMs: null, frames: new Map(), recording: false };
  window.__bench = bench;
  const raf = window.requestAnimationFrame.bind(window);
  const done = (ms) => { if (bench.interactiveMs === null) bench.interactiveMs = ms; };
  // The first frame drawn once the page is ready: a rAF callback runs before that frame's
  // style, layout and paint; a message posted from it is handled after them. So the figure
  // includes the first frame's rendering work, not just the page's own scripts.
  const afterNextFrame = () => raf(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(0);
  });
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    const entry = mark(name, ...rest);
    if (name === 'playground-interactive' && bench.markMs === null) {
      bench.markMs = entry.startTime;
      afterNextFrame();
    }
    return entry;
  };
  const watchStatus = () => {
    const status = document.getElementById('status');
    if (status && /ready/i.test(status.textContent) && bench.markMs === null) {
      bench.markMs = performance.now();
      afterNextFrame();
    }
  };
  new MutationObserver(watchStatus).observe(document, { subtree: true, childList: true, characterData: true });
  window.requestAnimationFrame = (callback) => raf((timestamp) => {
    const start = performance.now();
    try {
      callback(timestamp);
    } finally {
      if (bench.recording) bench.frames.set(timestamp, (bench.frames.get(timestamp) ?? 0) + performance.now() - start);
    }
  });
}

async function loadOnce(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.interactiveMs !== null, null, { timeout: READY_TIMEOUT_MS });
  const result = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    return { interactive: window.__bench.interactiveMs, mark: window.__bench.markMs, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
  await context.close();
  return result;
}

async function recordFrames(page, ms) {
  await page.evaluate(() => { window.__bench.frames.clear(); window.__bench.recording = true; });
  await page.waitForTimeout(ms);
  return page.evaluate(() => { window.__bench.recording = false; return [...window.__bench.frames.values()]; });
}

async function clickIfPresent(page, selector) {
  const control = page.locator(selector).first();
  if ((await control.count()) === 0 || !(await control.isVisible())) return false;
  await control.click();
  return true;
}

async function frames(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.interactiveMs !== null, null, { timeout: READY_TIMEOUT_MS });
  const played = await clickIfPresent(page, PLAY);
  const playing = await recordFrames(page, 3000);
  const paused = played ? await clickIfPresent(page, PAUSE) : false;
  await page.waitForTimeout(200); // let a last in-flight frame finish
  const idle = await recordFrames(page, 2000);
  await context.close();
  return {
    play_control: played,
    pause_control: paused,
    frames_recorded: playing.length,
    frame_script_ms: playing.length ? stats(playing) : null,
    idle_frames_2s: idle.length,
  };
}

const LONG_AT = 9990;

// In the page: runs `name`'s action, returns its script time (handler + next frame's rAF).
async function timeAction(page, name) {
  return page.evaluate(async ([action, at]) => {
    const bench = window.__bench;
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await nextFrame();
    const scrubber = document.getElementById('scrubber');
    const run = {
      seek: () => {
        scrubber.value = String(at);
        scrubber.dispatchEvent(new Event('input', { bubbles: true }));
      },
      intervene: () => document.querySelector('#servers [data-command^="crash "]').click(),
      forward: () => document.getElementById('forward').click(),
    }[action];
    bench.frames.clear();
    const start = performance.now();
    run();
    const handler = performance.now() - start;
    bench.recording = true;
    await nextFrame();
    bench.recording = false;
    const frames = [...bench.frames.values()].reduce((a, b) => a + b, 0);
    return { handler, total: handler + frames, step: Number(scrubber.value), steps: Number(scrubber.max) };
  }, [name, LONG_AT]);
}

async function longRunActions(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.opened === 'true', null, { timeout: READY_TIMEOUT_MS });
  // Every view drawn, as for someone who has looked at the whole page once: the space-time
  // diagram and the event list load as they near the screen (then they redraw on every
  // change), so they are brought there and the page scrolled back to the top.
  // BENCH_LONG_VIEWS=spacetime brings only the diagram (the views the page drew on every
  // action before the event list and the aids loaded lazily): to compare with older figures.
  const views = [['#spacetime-scroll', '#spacetime[data-ready="true"]'], ['#events', '#events[data-ready="true"]']]
    .slice(0, process.env.BENCH_LONG_VIEWS === 'spacetime' ? 1 : 2);
  for (const [scroller, ready] of views) {
    if (await page.locator(scroller).count() === 0) continue;
    await page.locator(scroller).scrollIntoViewIfNeeded();
    await page.locator(ready).waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  const figures = { seek: [], intervene: [], forward: [] };
  // The first round warms up (not counted); the seek starts from the end of the run.
  await timeAction(page, 'forward');
  for (let round = 0; round <= REPS; round += 1) {
    for (const action of ['seek', 'intervene', 'forward']) {
      const figure = await timeAction(page, action);
      if (round > 0) figures[action].push(figure.total);
    }
  }
  // The space-time diagram and the event list, far below, are not drawn by those actions
  // (web/views/offscreen.js): what each costs when it comes into view after a step, timed by
  // the page's own measure.
  const catchUp = async (scroller, panel, name) => {
    const figures = [];
    for (let round = 0; round < REPS; round += 1) {
      await page.evaluate(() => window.scrollTo(0, 0));
      // The views' observers report the scroll after a frame or two.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20)))));
      await timeAction(page, 'forward');
      const busy = await page.locator(`${panel}[aria-busy="true"]`).count();
      await page.evaluate((measure) => performance.clearMeasures(measure), name);
      await page.locator(scroller).scrollIntoViewIfNeeded();
      await page.locator(`${panel}:not([aria-busy])`).waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
      const drawn = await page.evaluate((measure) => performance.getEntriesByName(measure).map((entry) => entry.duration), name);
      if (busy && drawn.length) figures.push(drawn[0]);
    }
    return figures.length ? stats(figures) : null;
  };
  const spacetimeCatchUp = await catchUp('#spacetime-scroll', '.panel-spacetime', 'offscreen-draw:spacetime');
  const eventsCatchUp = await catchUp('#events', '.panel-events', 'offscreen-draw:events');
  await context.close();
  return {
    seek_script_ms: stats(figures.seek),
    intervene_script_ms: stats(figures.intervene),
    forward_script_ms: stats(figures.forward),
    spacetime_catch_up_ms: spacetimeCatchUp,
    event_list_catch_up_ms: eventsCatchUp,
  };
}

// The same actions on the page's Store alone (no views): the core's call and the trace's
// update, in Chromium, from the repository's own modules (web/ is what dist/ bundles). Also
// what each intervention cost before deltas: the trace rebuilt from the whole event log.
async function storeActions(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/README.md`);
  const result = await page.evaluate(async ([at, reps]) => {
    const wasm = await import('/web/pkg/paxos_wasm.js');
    await wasm.default();
    const { Store } = await import('/web/state.js');
    const script = await (await fetch('/bench/scenarios/long-10k.txt')).text();
    const store = new Store(wasm, { language: 'en', presets: [] });
    store.load(script);
    const time = (action) => {
      const start = performance.now();
      action();
      return performance.now() - start;
    };
    const figures = { seek: [], intervene: [], forward: [], undo: [], redo: [], rebuild: [] };
    for (let round = 0; round <= reps; round += 1) {
      const round_ = {
        seek: time(() => store.seek(at)),
        intervene: time(() => store.intervene('crash S1')),
        forward: time(() => store.forward()),
        undo: time(() => store.undo()),
        redo: time(() => store.redo()),
        rebuild: time(() => store.rebuildTrace()),
      };
      if (round > 0) for (const [name, ms] of Object.entries(round_)) figures[name].push(ms);
    }
    return figures;
  }, [LONG_AT, REPS]);
  await context.close();
  return Object.fromEntries(Object.entries(result).map(([name, samples]) => [`${name}_ms`, stats(samples)]));
}

async function longLink() {
  const glue = await import(pathToFileURL(join(ROOT, 'dist/web/pkg/paxos_wasm.js')).href);
  glue.initSync({ module: readFileSync(join(ROOT, 'dist/web/pkg/paxos_wasm_bg.wasm')) });
  const long = new glue.Playground(readFileSync(join(ROOT, 'bench/scenarios/long-10k.txt'), 'utf8'));
  return long.link(LONG_AT, 0, 0);
}

async function busyLink() {
  const glue = await import(pathToFileURL(join(ROOT, 'dist/web/pkg/paxos_wasm.js')).href);
  glue.initSync({ module: readFileSync(join(ROOT, 'dist/web/pkg/paxos_wasm_bg.wasm')) });
  const busy = new glue.Playground(readFileSync(join(ROOT, 'bench/scenarios/busy-9x200.txt'), 'utf8'));
  // Open at the last command's step, where the messages are all in flight.
  return busy.link(busy.steps(), 0, 0);
}

const server = await startServer(SITE);
const browser = await launchBrowser();
try {
  const repository = await startServer(ROOT);
  const storeResult = await storeActions(browser, repository.origin);
  await repository.close();
  if (process.argv.includes('--long-only')) {
    console.log(JSON.stringify({ long_run: await longRunActions(browser, `${server.origin}/#s=${await longLink()}`), long_run_store: storeResult }));
    process.exit(0);
  }
  // One warm-up load, not counted: the browser's own first-start costs are not the page's.
  await loadOnce(browser, `${server.origin}/`);
  const loads = [];
  for (let i = 0; i < REPS; i += 1) loads.push(await loadOnce(browser, `${server.origin}/`));
  const frameResult = await frames(browser, `${server.origin}/#s=${await busyLink()}`);
  const actionResult = await longRunActions(browser, `${server.origin}/#s=${await longLink()}`);
  console.log(JSON.stringify({
    chromium: browser.version(),
    load: {
      interactive_ms: stats(loads.map((l) => l.interactive)),
      ready_mark_ms: stats(loads.map((l) => l.mark)),
      dom_content_loaded_ms: stats(loads.map((l) => l.dcl)),
      load_event_ms: stats(loads.map((l) => l.load)),
    },
    frames: frameResult,
    long_run: actionResult,
    long_run_store: storeResult,
  }));
} finally {
  await browser.close();
  await server.close();
}
