// The aids below the cluster load on first need (web/controls/deferred.js): not when the
// page opens, where each is a shell (its heading and a loading line); their controls and
// those controls' texts come with their code, in the page's language; a failed load says
// so, loses nothing, and a button in the panels tries again.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, openPage, startServerAndBrowser } from './harness.mjs';

const AIDS_MODULE = '**/web/controls/aids.js';

describe('the aids load when first needed', { timeout: 120_000 }, () => {
  let server;
  let browser;
  let page;
  let problems;
  let requests;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  beforeEach(async () => {
    await page?.close();
    ({ page, problems, requests } = await openPage(browser, `${server.origin}/`));
    await loadPreset(page, 'seed-3');
  });
  after(() => closeAll(browser, server));

  const aidsRequested = () => requests.some((url) => url.endsWith('/web/controls/aids.js'));
  const scrollToAids = () => page.locator('#compare-panel').scrollIntoViewIfNeeded();
  const waiting = (panel) => page.locator(`#${panel} .aids-waiting`).textContent();

  test('until they come near, the panels are shells; then their controls arrive and work', async () => {
    assert.equal(aidsRequested(), false, 'the aids were fetched while far off screen');
    assert.equal(await page.locator('#compare-heading').textContent(), 'Compare two protocols');
    for (const panel of ['compare-panel', 'checker-panel', 'challenge-panel', 'export-panel']) {
      assert.equal(await waiting(panel), 'Loading this tool…');
      assert.equal(await page.locator(`#${panel} :is(button, select, input, textarea)`).count(), 0, panel);
    }
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    await page.route(AIDS_MODULE, async (route) => {
      await gate;
      await route.continue();
    });
    const requested = page.waitForRequest(AIDS_MODULE);
    await scrollToAids();
    await requested;
    assert.equal(await page.locator('#compare-panel').getAttribute('data-ready'), 'false');
    assert.equal(await waiting('compare-panel'), 'Loading this tool…');
    release();
    await page.locator('#compare-panel[data-ready="true"]').waitFor();
    assert.equal(await page.locator('.aids-waiting').count(), 0);
    assert.equal(await page.locator('#compare-start').textContent(), 'Compare');
    assert.equal(await page.locator('#check-run').textContent(), 'Check');
    assert.equal(await page.locator('#compare-protocol').inputValue(), 'basic-paxos');
    await page.click('#compare-start');
    await page.locator('#compare-panel[data-active="true"]').waitFor();
    assert.deepEqual(problems, []);
  });

  test('the controls come in the language the page has then, and follow it after', async () => {
    await page.click('#language');
    await page.locator('html[lang="zh-CN"]').waitFor();
    assert.equal(await page.locator('#checker-heading').textContent(), '模型检查器');
    assert.equal(await waiting('checker-panel'), '正在加载此工具…');
    await scrollToAids();
    await page.locator('#checker-panel[data-ready="true"]').waitFor();
    assert.equal(await page.locator('#check-run').textContent(), '检查');
    assert.equal(await page.locator('#import-form h3').textContent(), '导入脚本');
    await page.click('#language');
    await page.locator('html[lang="en"]').waitFor();
    assert.equal(await page.locator('#check-run').textContent(), 'Check');
    assert.equal(await page.locator('#import-form h3').textContent(), 'Import a script');
    assert.deepEqual(problems, []);
  });

  test('a failed load is said, changes nothing, and the panels’ button tries again', async () => {
    await page.route(AIDS_MODULE, (route) => route.abort());
    const stepBefore = await page.locator('#scrubber').inputValue();
    await scrollToAids();
    await page.locator('#problem:not([hidden])').waitFor();
    assert.match(await page.locator('#problem-text').textContent(), /^This tool could not be loaded/);
    assert.equal(await waiting('compare-panel'), 'This tool could not be loaded.');
    assert.equal(await page.locator('#compare-panel').getAttribute('data-ready'), 'false');
    assert.equal(await page.locator('#scrubber').inputValue(), stepBefore);
    assert.ok(problems.every((problem) => problem.startsWith('request failed:') || problem.startsWith('console error:')), problems.join('\n'));

    // From the keyboard: reaching the button tries again; the focus then goes to the controls.
    await page.unroute(AIDS_MODULE);
    await page.locator('#compare-panel .aids-retry').focus();
    await page.locator('#compare-panel[data-ready="true"]').waitFor();
    assert.equal(await page.locator('.aids-retry').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'compare-protocol');
  });

  test('the aids wait for their styles too: a failed stylesheet is said, and trying again fetches it again', async () => {
    await page.route('**/web/aids/aids.css', (route) => route.abort());
    await scrollToAids();
    await page.locator('#problem:not([hidden])').waitFor();
    assert.match(await page.locator('#problem-text').textContent(), /^This tool could not be loaded \(web\/aids\/aids\.css could not be loaded\)/);
    assert.equal(await page.locator('#compare-panel').getAttribute('data-ready'), 'false');
    assert.equal(await page.locator('link[href*="aids.css"]').count(), 0, 'the failed <link> was removed');

    await page.unroute('**/web/aids/aids.css');
    await page.click('#export-panel .aids-retry');
    await page.locator('#export-panel[data-ready="true"]').waitFor();
    assert.equal(await page.locator('link[href*="aids.css"]').count(), 1);
  });
});
