// The development page, served from the repository root exactly as `npm start` serves it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, coreVersion, openPage, startServerAndBrowser } from './harness.mjs';

describe('playground page', { timeout: 120_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  /** A page whose loading is not waited for (its app may never run). */
  async function openPageNoWait(url, beforeLoad) {
    const page = await browser.newPage();
    await beforeLoad(page);
    await page.goto(url);
    return { page };
  }

  test('draws the five servers Rust reports, on distinct points, with no errors', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    const labels = (await page.locator('#cluster g.node .node-label').allTextContents()).map((label) => label.trim());
    assert.deepEqual(labels, ['S1', 'S2', 'S3', 'S4', 'S5']);
    const centres = await page.locator('#cluster g.node .node-body').evaluateAll((circles) =>
      circles.map((circle) => `${circle.getAttribute('cx')},${circle.getAttribute('cy')}`));
    assert.equal(new Set(centres).size, 5, `centres ${centres}`);
    assert.match(await page.locator('#status').textContent(), /ready: 5 servers/);
    assert.equal(await page.locator('#scenario-title').textContent(), 'Basic Paxos: one proposer, no trouble');
    assert.deepEqual(problems, []);
  });

  test('is shown only once its first screen is drawn, and then at once', async () => {
    // What the page looked like while its HTML had been parsed but the app had not drawn
    // (style.css hides it until then) and in the task that drew it, seen from inside.
    const { page, problems } = await openPage(browser, `${server.origin}/`, {
      beforeLoad: (p) => p.addInitScript(() => {
        const seen = (window.__seen = {});
        document.addEventListener('DOMContentLoaded', () => { seen.parsed = document.getElementById('status').checkVisibility(); });
        const mark = performance.mark.bind(performance);
        performance.mark = (name, ...rest) => {
          if (name === 'playground-interactive') {
            seen.ready = document.getElementById('cluster').checkVisibility();
            seen.servers = document.querySelectorAll('#cluster g.node').length;
          }
          return mark(name, ...rest);
        };
      }),
    });
    assert.deepEqual(await page.evaluate(() => window.__seen), { parsed: false, ready: true, servers: 5 });
    for (const selector of ['header', '#status', '#cluster', '#scrubber', '#observer']) {
      assert.equal(await page.locator(selector).evaluate((element) => element.checkVisibility()), true, selector);
    }
    assert.deepEqual(problems, []);
  });

  test('without JavaScript, shows its shell and says it needs JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      // (Playwright's own queries run even where the page's scripts may not.)
      const visible = (selector) => page.locator(selector).evaluate((element) => element.checkVisibility());
      assert.equal(await page.locator('.status.error').textContent(), 'The playground needs JavaScript and WebAssembly.');
      assert.equal(await visible('.status.error'), true);
      assert.equal(await visible('header h1'), true);
    } finally {
      await context.close();
    }
  });

  test('shows its shell after a while even if its script never runs', async () => {
    const { page } = await openPageNoWait(`${server.origin}/`, (p) => p.route('**/web/app.js', (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })));
    const status = page.locator('#status');
    assert.equal(await status.evaluate((element) => element.checkVisibility()), false);
    await page.waitForFunction(() => document.getElementById('status').checkVisibility(), null, { timeout: 15_000 });
    assert.equal(await status.textContent(), 'Loading the simulator…');
  });

  test('shows its shell after a while if its opening hangs (its texts never arrive)', async () => {
    const { page } = await openPageNoWait(`${server.origin}/`, (p) => p.route('**/web/i18n/en.js', () => {}));
    const status = page.locator('#status');
    await page.locator('html[data-opening]').waitFor({ state: 'attached' });
    assert.equal(await status.evaluate((element) => element.checkVisibility()), false);
    await page.waitForFunction(() => document.getElementById('status').checkVisibility(), null, { timeout: 15_000 });
    assert.equal(await status.textContent(), 'Loading the simulator…');
  });

  test('shows the build version that the Rust core reports', async () => {
    const expected = await coreVersion();
    assert.match(expected, /^\d+\.\d+\.\d+/);
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    assert.equal(await page.locator('#version').textContent(), expected);
    assert.deepEqual(problems, []);
  });

  test('shows an error, not a blank page, when the wasm module cannot load', async () => {
    const { page } = await openPage(browser, `${server.origin}/`, {
      beforeLoad: (p) => p.route('**/paxos_wasm_bg.wasm', (route) =>
        route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })),
    });
    const status = page.locator('#status');
    assert.equal(await status.getAttribute('role'), 'alert');
    assert.match(await status.textContent(), /The simulator could not start: .+\. Reload the page/);
    assert.equal(await status.evaluate((element) => element.checkVisibility()), true);
    assert.equal(await page.locator('#cluster g.node').count(), 0);
  });

  test('works under a strict Content-Security-Policy: no inline code or styles, no eval', async () => {
    const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";
    const violations = [];
    const { page, problems } = await openPage(browser, `${server.origin}/`, {
      beforeLoad: async (p) => {
        await p.route(`${server.origin}/`, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
        });
        await p.exposeFunction('reportViolation', (text) => violations.push(text));
        await p.addInitScript(() => document.addEventListener('securitypolicyviolation',
          (event) => window.reportViolation(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`)));
      },
    });
    // Play a little, open a dialog, intervene: everything the page does, under the policy.
    await page.click('#forward');
    await page.click('#forward');
    await page.click('#open-presets');
    await page.click('[data-load-preset="seed-3"]');
    await page.click('#to-end');
    await page.locator('#observer[data-outcome="violated"]').waitFor();
    await page.click('#servers [data-command="crash S2"]');
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    // The policy really is in force: an inline style attribute is refused and reported.
    await page.evaluate(() => {
      const probe = document.createElement('i');
      probe.setAttribute('style', 'color: red');
      document.body.append(probe);
    });
    for (let tries = 0; violations.length === 0 && tries < 100; tries += 1) await page.waitForTimeout(50);
    assert.match(violations[0] ?? '', /^style-src/);
  });
});
