// The aids below the cluster load on first need (web/controls/deferred.js): not when the
// page opens; an action taken in them before their code is here is held and carried out
// when it arrives; a failed load says so, loses nothing, and the next touch tries again.
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

  test('a click made while the code is on its way is carried out when it arrives', async () => {
    assert.equal(aidsRequested(), false, 'the aids were fetched while far off screen');
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    await page.route(AIDS_MODULE, async (route) => {
      await gate;
      await route.continue();
    });
    // The click scrolls the panel into view, which starts the load; the click is held.
    await page.click('#compare-start');
    assert.equal(aidsRequested(), true);
    assert.equal(await page.locator('#compare-panel').getAttribute('data-ready'), 'false');
    assert.equal(await page.locator('#compare-panel').getAttribute('data-active'), 'false');
    release();
    await page.locator('#compare-panel[data-active="true"]').waitFor();
    assert.equal(await page.locator('#compare-protocol').inputValue(), 'basic-paxos');
    assert.equal(await page.locator('#compare-panel').getAttribute('data-ready'), 'true');
    assert.deepEqual(problems, []);
  });

  test('a failed load is said, changes nothing, and the next touch loads them', async () => {
    await page.route(AIDS_MODULE, (route) => route.abort());
    const stepBefore = await page.locator('#scrubber').inputValue();
    await page.click('#compare-start');
    await page.locator('#problem:not([hidden])').waitFor();
    assert.match(await page.locator('#problem-text').textContent(), /^This tool could not be loaded/);
    assert.equal(await page.locator('#compare-panel').getAttribute('data-ready'), 'false');
    assert.equal(await page.locator('#scrubber').inputValue(), stepBefore);
    assert.ok(problems.every((problem) => problem.startsWith('request failed:') || problem.startsWith('console error:')), problems.join('\n'));

    await page.unroute(AIDS_MODULE);
    await page.click('#compare-start');
    await page.locator('#compare-panel[data-active="true"]').waitFor();
  });

  test('the aids wait for their styles too: a failed stylesheet is said, and the next touch fetches it again', async () => {
    await page.route('**/web/aids/aids.css', (route) => route.abort());
    await page.click('#compare-start');
    await page.locator('#problem:not([hidden])').waitFor();
    assert.match(await page.locator('#problem-text').textContent(), /^This tool could not be loaded \(web\/aids\/aids\.css could not be loaded\)/);
    assert.equal(await page.locator('#compare-panel').getAttribute('data-ready'), 'false');
    assert.equal(await page.locator('link[href*="aids.css"]').count(), 0, 'the failed <link> was removed');

    await page.unroute('**/web/aids/aids.css');
    await page.click('#compare-start');
    await page.locator('#compare-panel[data-active="true"]').waitFor();
    assert.equal(await page.locator('link[href*="aids.css"]').count(), 1);
  });
});
