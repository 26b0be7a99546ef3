// Shared set-up for the browser end-to-end tests: a real static server (the one
// `npm start` uses) on a free loopback port, and Debian's Chromium driven by
// playwright-core (no browser download: CHROME_PATH, or chromium found on PATH).
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_MS = 15_000;
// Starting Node for the server takes seconds on a busy machine (it took over 15 s under load).
const SERVER_START_MS = 60_000;

/** Serves `dir` with scripts/serve.mjs on a free loopback port; resolves with its origin. */
export async function startServer(dir) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), dir, '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running: its pipes would keep this test file's process, and the run, waiting.
      child.kill('SIGTERM');
      reject(new Error(`server printed no URL:\n${output}`));
    }, SERVER_START_MS);
    const read = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return {
    origin,
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

function chromiumPath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      // Not installed under this name; try the next.
    }
  }
  throw new Error('no Chromium found: run `npm test` (it installs Debian chromium) or set CHROME_PATH');
}

/** The pair most suites share: a server on `dir` (the repository by default) and a browser. */
export async function startServerAndBrowser(dir = ROOT) {
  const [server, browser] = await startTogether(startServer(dir), launchBrowser());
  return { server, browser };
}

/**
 * Waits for servers and browsers being started (promises of things with close()); if one
 * fails, closes the others before throwing: left running, they would keep the test file's
 * process, and so the whole run, waiting.
 */
export async function startTogether(...starting) {
  const results = await Promise.allSettled(starting);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.allSettled(results.filter((result) => result.status === 'fulfilled').map((result) => result.value.close()));
    throw failed.reason;
  }
  return results.map((result) => result.value);
}

/** Closes whatever of `browser` and the servers was started (in that order). */
export async function closeAll(browser, ...servers) {
  await browser?.close();
  for (const server of servers) await server?.close();
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Opens `url` in a fresh page, recording everything that counts as a problem for a user:
 * console errors, uncaught exceptions, failed requests and HTTP errors.
 */
export async function openPage(browser, url, { beforeLoad } = {}) {
  const page = await browser.newPage();
  page.setDefaultTimeout(STARTUP_MS);
  const { problems, requests } = recordProblems(page);
  if (beforeLoad) await beforeLoad(page);
  await page.goto(url);
  // Loading is over when every view is drawn (the page marks it: the views below the first
  // screen come a frame after the cluster) or an error is shown, whichever comes first.
  await page.locator('html[data-opened="true"], #status.error').first().waitFor({ state: 'attached' });
  return { page, problems, requests };
}

/**
 * Records on `page` what counts as a problem for a user (console errors, uncaught
 * exceptions, failed requests, HTTP errors) and the URLs it requests, those for which
 * `counts(request)` holds (all, by default): {problems, requests}, filled as they happen.
 */
export function recordProblems(page, counts = () => true) {
  const problems = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('request', (request) => {
    if (counts(request)) requests.push(request.url());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { problems, requests };
}

/** The version the Rust core reports, read by running the built module under Node. */
export async function coreVersion() {
  const glue = await import(pathToFileURL(join(ROOT, 'web/pkg/paxos_wasm.js')).href);
  glue.initSync({ module: readFileSync(join(ROOT, 'web/pkg/paxos_wasm_bg.wasm')) });
  return glue.version();
}

// --- helpers for driving the playground page ---

/**
 * Counts animation frames the page has asked for and not yet received, so a test can tell
 * that no requestAnimationFrame loop is running (a running loop always has one pending).
 */
export function trackAnimationFrames(page) {
  return page.addInitScript(() => {
    const pending = new Set();
    const request = window.requestAnimationFrame.bind(window);
    const cancel = window.cancelAnimationFrame.bind(window);
    window.__frames = { pending, requested: 0 };
    window.requestAnimationFrame = (callback) => {
      window.__frames.requested += 1;
      const id = request((time) => {
        pending.delete(id);
        callback(time);
      });
      pending.add(id);
      return id;
    };
    window.cancelAnimationFrame = (id) => {
      pending.delete(id);
      cancel(id);
    };
  });
}

/**
 * Brings the space-time diagram near the screen (its code loads then) and waits until it is
 * drawn, up to date (far from the screen it is drawn when it comes near: aria-busy until then).
 */
export async function showSpacetime(page) {
  await page.locator('#spacetime-scroll').scrollIntoViewIfNeeded();
  await page.locator('#spacetime[data-ready="true"]').waitFor({ state: 'attached' });
  await page.locator('.panel-spacetime:not([aria-busy])').waitFor({ state: 'attached' });
}

/**
 * Brings the event list into view and waits until its code (loaded on approach) has drawn
 * it, up to date (far from the screen it is drawn when it comes near: aria-busy until then,
 * web/views/offscreen.js).
 */
export async function showEvents(page) {
  await page.locator('#events').scrollIntoViewIfNeeded();
  await page.locator('#events[data-ready="true"]').waitFor({ state: 'attached' });
  await page.locator('.panel-events:not([aria-busy])').waitFor({ state: 'attached' });
}

/**
 * Scrolls back to the top of the page and waits until the view `selector` counts as far from
 * the screen (more than 400 px below it, web/views/offscreen.js): the page's observer says so
 * a frame or more after the scroll, in the same task as an observer made here.
 */
export async function scrollAwayFrom(page, selector) {
  await page.locator(selector).evaluate((element) => new Promise((resolve) => {
    window.scrollTo(0, 0);
    new IntersectionObserver((entries, observer) => {
      if (entries[entries.length - 1].isIntersecting) return;
      observer.disconnect();
      resolve();
    }, { rootMargin: '400px 0px' }).observe(element);
  }));
}

/** Loads a preset the way people do: through the scenario gallery. */
export async function loadPreset(page, id) {
  await page.click('#open-presets');
  await page.click(`[data-load-preset="${id}"]`);
  await page.locator('#presets-dialog').waitFor({ state: 'hidden' });
  await page.locator('#scrubber[value="0"]').waitFor({ state: 'attached' });
}

/** The viewed step and the run's length, as the scrubber shows them. */
export async function position(page) {
  return page.locator('#scrubber').evaluate((input) => ({ step: Number(input.value), steps: Number(input.max) }));
}

/** Waits until the page shows `step` as the viewed step. */
export async function waitForStep(page, step) {
  await page.waitForFunction((n) => document.getElementById('scrubber').value === String(n), step);
}

/** The observer panel as the page shows it. */
export async function observer(page) {
  const panel = page.locator('#observer');
  return {
    outcome: await panel.getAttribute('data-outcome'),
    badge: (await panel.locator('.verdict-badge').textContent()).trim(),
    facts: await panel.locator('.verdict-facts li').allTextContents(),
    explanation: await panel.locator('.verdict-explanation').textContent(),
  };
}

/** Opens the share dialog (its code is fetched on the first press) and waits until it shows. */
export async function openShare(page) {
  await page.click('#open-share');
  await page.locator('#share-dialog[open]').waitFor();
}

/** Opens the settings panel (its code is fetched on the first press) and waits until it shows. */
export async function openSettings(page) {
  await page.click('#open-settings');
  await page.locator('#settings-dialog[open]').waitFor();
}
