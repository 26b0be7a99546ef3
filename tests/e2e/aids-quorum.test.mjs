// The quorum overlay on the real page: for a proposal, its promise and accept quorums, the
// servers where they meet the earlier value's quorum and how that value travelled into the
// new proposal; with unsafe flexible quorums, the missing intersection.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, openPage, startServerAndBrowser } from './harness.mjs';
import { texts } from './aids-helpers.mjs';

/**
 * The servers the overlay rings, by ring kind: {promise: [2, 3, 5], ...}. The overlay is
 * drawn once the aid's module and the aids' wasm module (its pictures) have loaded.
 */
async function rings(page) {
  await page.locator('#cluster .quorum-overlay').first().waitFor();
  return page.locator('#cluster .quorum-overlay .q-ring').evaluateAll((circles) => {
    const byKind = {};
    for (const circle of circles) {
      const kind = [...circle.classList].find((c) => c.startsWith('q-') && c !== 'q-ring').slice(2);
      (byKind[kind] ??= []).push(Number(circle.dataset.node));
    }
    return byKind;
  });
}

describe('quorum overlay', { timeout: 120_000 }, () => {
  let server;
  let browser;
  let page;
  let problems;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  beforeEach(async () => {
    await page?.close();
    ({ page, problems } = await openPage(browser, `${server.origin}/`));
  });
  after(() => closeAll(browser, server));

  test('crash in phase 2: (11,X) travels from S1 through S2 into S5’s proposal', async () => {
    await loadPreset(page, 'crash-phase2');
    await page.click('#to-end');
    assert.equal(await page.locator('#cluster .quorum-overlay').first().getAttribute('data-proposal'), 'p:15:X');
    assert.deepEqual(await rings(page), { promise: [2, 3, 5], accept: [2, 3, 5], earlier: [1, 2], meet: [2] });
    assert.deepEqual(await texts(page, '#cluster .q-leg-label'), ['Accept 11 X', 'Promise 15 (11,X)']);
    assert.match(await page.locator('#quorum-facts .q-promises').textContent(), /\{S2,S3,S5\}/);
    assert.match(await page.locator('#quorum-facts .q-carried').textContent(), /^S2 reported \(11,X\) in its Promise 15, so S5 proposed X again/);
    // The overlay lets clicks through: a server under its rings can still be picked.
    await page.locator('#cluster [data-node-id="2"]').click();
    assert.equal(await page.locator('#cluster [data-node-id="2"]').getAttribute('aria-pressed'), 'true');
    // The earlier proposal, picked from the list: S1 proposed its own value.
    await page.selectOption('#quorum-pick', 'p:11:X');
    assert.equal(await page.locator('#cluster .quorum-overlay').first().getAttribute('data-proposal'), 'p:11:X');
    assert.match(await page.locator('#quorum-facts .q-own').textContent(), /S1 was free to propose its own value/);
    // The pick holds while stepping; before it exists the latest proposal is shown.
    await page.click('#back');
    assert.equal(await page.locator('#quorum-pick').inputValue(), 'p:11:X');
    await page.locator('#scrubber').fill('2');
    assert.equal(await page.locator('#cluster .quorum-overlay').count(), 0);
    assert.match(await page.locator('#quorum-facts').textContent(), /No proposal has reached phase 2/);
    await page.click('#to-end');
    await page.locator('#quorum-show').uncheck();
    assert.equal(await page.locator('#cluster .quorum-overlay').count(), 0);
    assert.equal(await page.locator('#quorum-facts li').count() > 3, true, 'the facts stay in words');
    assert.deepEqual(problems, []);
  });

  test('unsafe flexible quorums: the missing intersection is drawn and explained', async () => {
    await loadPreset(page, 'flexible-unsafe');
    await page.click('#to-end');
    assert.deepEqual(await rings(page), { promise: [4, 5], accept: [3, 4, 5], earlier: [1, 2, 3] });
    assert.equal(await page.locator('#cluster .q-gap').count(), 1);
    assert.equal(await page.locator('#cluster .q-gap-label').textContent(), '{S4,S5} ∩ {S1,S2,S3} = ∅: no server in both');
    assert.equal(await page.locator('#quorum-facts .q-missing').textContent(),
      'Missing intersection: the promise quorum {S4,S5} shares no server with {S1,S2,S3}, so nobody could tell S5 about X.');
    assert.match(await page.locator('#quorum-facts .q-unsafe').textContent(), /2 \+ 3 = 5, not more than N = 5/);
    assert.equal(await page.locator('#quorum-panel').getAttribute('data-missing'), 'true');
    assert.deepEqual(problems, []);
  });

  test('amnesia: the quorums meet at S2, which forgot; one phase: the common servers overwrote Z', async () => {
    await loadPreset(page, 'amnesia');
    await page.click('#to-end');
    assert.deepEqual((await rings(page)).meet, [2]);
    assert.match(await page.locator('#quorum-facts .q-forgot').textContent(), /^S2 had accepted \(11,X\), but its Promise 13 reported nothing/);
    await loadPreset(page, 'seed-3');
    await page.click('#to-end');
    assert.deepEqual(await rings(page), { accept: [3, 4, 5], earlier: [2, 3, 4], meet: [3, 4] });
    assert.match(await page.locator('#quorum-facts .q-promises').textContent(), /no phase 1/);
    assert.match(await page.locator('#quorum-facts .q-switched').textContent(), /^\{S3,S4\} are in both quorums: they held Z and simply replaced it by Y/);
    assert.deepEqual(problems, []);
  });
});
