// The Content-Security-Policy the page ships in its own <meta> tag (no header needed): it is
// in the dev page and in dist/, before anything it governs, it is in force, and everything
// the page does runs under it without a single violation: playing, the dialogs, sharing,
// interventions, embed mode, and the model checker's module Web Worker.
// (playground.test.mjs checks the same page under a policy sent as a header as well.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchBrowser, loadPreset, openPage, openSettings, openShare, startServer, startTogether } from './harness.mjs';
import { codeFor, instrument } from './share-helpers.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
const DIST = join(ROOT, 'dist');

/**
 * Runs a small model check in the checker's worker, started the way the page starts it (its
 * URL resolved against the page: in dist/ the page's modules are one bundle); resolves with
 * the verdict.
 */
function check(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const worker = new Worker(new URL('web/checker/worker.js', document.baseURI), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.type === 'done') {
        worker.terminate();
        resolve(data.summary.verdict);
      }
      if (data.type === 'error') reject(new Error(data.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'worker failed'));
    const job = {
      model: 'sim', protocol: 'one-phase-highest', nodes: 3, quorum_phase1: 2, quorum_phase2: 2, proposers: 2,
      attempts: 1, timeouts: false, drops: false, duplicates: 0, crashes: 0, amnesia: false, nacks: true, in_flight_max: 12,
    };
    worker.postMessage({ type: 'start', job, statesMax: 1e6, bytesMax: 64e6 });
  }));
}

describe('the shipped Content-Security-Policy', { timeout: 180_000 }, () => {
  let server;
  let dist;
  let browser;
  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), 'dist/ is missing: run `npm run build` first');
    [server, dist, browser] = await startTogether(startServer(ROOT), startServer(DIST), launchBrowser());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await dist?.close();
  });

  test('index.html and dist/index.html carry it in a meta tag, ahead of every script and style', () => {
    for (const file of [join(ROOT, 'index.html'), join(DIST, 'index.html')]) {
      const html = readFileSync(file, 'utf8');
      const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
      assert.equal(metas.length, 1, file);
      assert.equal(metas[0][1], POLICY);
      const head = html.slice(0, html.indexOf('</head>'));
      assert.ok(metas[0].index < head.search(/<(script|link|style)\b/), 'the policy comes first');
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|\sstyle="|\son[a-z]+="/, 'no inline script, style or handler');
    }
  });

  test('the page runs under it with no violation, the checker worker and embed mode included', async () => {
    const violations = [];
    const { page, problems } = await openPage(browser, `${server.origin}/`, { beforeLoad: (p) => instrument(p, violations) });
    await page.click('#play');
    await page.waitForFunction(() => Number(document.getElementById('scrubber').value) >= 2);
    await page.click('#play');
    await loadPreset(page, 'seed-3');
    await page.click('#to-end');
    await page.click('#servers [data-command="crash S2"]');
    await openShare(page);
    await page.click('#embed-interactive');
    await page.click('#copy-link');
    await page.locator('#share-link-status:not(:empty)').waitFor();
    await page.keyboard.press('Escape');
    await openSettings(page);
    await page.click('#settings-cancel');
    await page.click('#open-help');
    await page.click('#help-dialog form[method="dialog"] button');
    await page.locator('#help-dialog').waitFor({ state: 'hidden' });
    await page.evaluate(() => { location.hash = 's=AQ'; });
    await page.locator('#link-problem').waitFor();
    assert.equal(await check(page), 'violated');

    const embed = await openPage(browser, `${server.origin}/?embed=1&interactive=1&autoplay=1#s=${await codeFor('seed-5')}`,
      { beforeLoad: (p) => instrument(p, violations) });
    await embed.page.waitForFunction(() => Number(document.getElementById('scrubber').value) >= 2);
    assert.deepEqual(violations, []);
    assert.deepEqual([...problems, ...embed.problems], []);

    // The policy really is in force (from the meta tag alone): an inline style is refused.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('i'), { id: 'probe' })));
    await page.evaluate(() => document.getElementById('probe').setAttribute('style', 'color: red'));
    for (let tries = 0; violations.length === 0 && tries < 100; tries += 1) await page.waitForTimeout(50);
    assert.match(violations[0] ?? '', /style-src/);
  });

  test('dist/ runs under it too: the optimised modules, the worker, a share link', async () => {
    const violations = [];
    const code = await codeFor('seed-2', { step: 6 });
    const { page, problems } = await openPage(browser, `${dist.origin}/#s=${code}`, { beforeLoad: (p) => instrument(p, violations) });
    assert.equal(await page.locator('#position').textContent(), 'Step 6 / 11');
    assert.equal(await check(page), 'violated');
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  });
});
