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
// Prints one JSON object. Usage: node bench/browser.mjs [--reps N] [--dir SITE] (default dist/)
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
  // One warm-up load, not counted: the browser's own first-start costs are not the page's.
  await loadOnce(browser, `${server.origin}/`);
  const loads = [];
  for (let i = 0; i < REPS; i += 1) loads.push(await loadOnce(browser, `${server.origin}/`));
  const frameResult = await frames(browser, `${server.origin}/#s=${await busyLink()}`);
  console.log(JSON.stringify({
    chromium: browser.version(),
    load: {
      interactive_ms: stats(loads.map((l) => l.interactive)),
      ready_mark_ms: stats(loads.map((l) => l.mark)),
      dom_content_loaded_ms: stats(loads.map((l) => l.dcl)),
      load_event_ms: stats(loads.map((l) => l.load)),
    },
    frames: frameResult,
  }));
} finally {
  await browser.close();
  await server.close();
}
