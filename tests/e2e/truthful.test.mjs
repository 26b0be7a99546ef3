// What the page says is what the core did: the outcome line belongs to the run on screen,
// one-phase protocols are described in their own terms, "Time out now" is offered only
// where a timer exists, and a value typed for a proposal is not replaced.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, observer, openPage, startServerAndBrowser, waitForStep } from './harness.mjs';
import { sharedLink } from './share-helpers.mjs';

const outcomeLine = (page) => page.locator('#scenario-outcome').textContent();
const status = (page) => page.locator('#status').textContent();

/** Selects a server in the drawing as a keyboard user does (the drawing may be moving). */
async function selectServer(page, id) {
  await page.locator(`#cluster [data-node-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
}

/**
 * The address bar once it is the link to what is on screen: it is rewritten a moment after
 * a change, so wait until it is the link the Share dialog offers for this state (a change in
 * the address proves nothing: it may still be the write for an earlier step).
 */
async function addressOfScreen(page) {
  const { hash } = new URL(await sharedLink(page));
  await page.waitForFunction((expected) => location.hash === expected, hash);
  return page.evaluate(() => location.href);
}

async function stepTo(page, step) {
  for (let at = 0; at < step; at += 1) await page.click('#forward');
  await waitForStep(page, step);
}

describe('the page tells what the core did', { timeout: 180_000 }, () => {
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

  test('after an intervention the outcome line is this run\'s, here and in its link', async () => {
    await loadPreset(page, 'seed-3');
    const presetOutcome = await outcomeLine(page);
    assert.match(presetOutcome, /^Outcome: VIOLATED/);
    await stepTo(page, 5);
    // Crash S4 before Z reaches its third acceptor: the run forks and ends there.
    await selectServer(page, 4);
    await page.click('#selection [data-command="crash S4"]');
    await waitForStep(page, 6);
    const line = await outcomeLine(page);
    assert.notEqual(line, presetOutcome);
    assert.match(line, /^This run, as it is now \(6 steps\): SAFE\. No value chosen yet\./);
    assert.equal((await observer(page)).badge, 'SAFE');
    // The address bar is the link to this run: opened elsewhere, it says the same.
    const link = await addressOfScreen(page);
    const { page: other, problems: otherProblems } = await openPage(browser, link);
    assert.equal(await outcomeLine(other), line);
    await other.close();
    assert.deepEqual([...problems, ...otherProblems], []);
  });

  test('"deliver" across a partition: the status says the message was dropped, and why', async () => {
    await loadPreset(page, 'seed-5');
    await page.click('#forward');
    await waitForStep(page, 1);
    for (const [server, group] of [['1', 'A'], ['4', 'B'], ['5', 'B']]) await page.selectOption(`#group-${server}`, group);
    await page.click('#partition-form button[type="submit"]');
    await waitForStep(page, 2);
    await page.click('#inflight [data-command="deliver #3"]');
    await waitForStep(page, 3);
    assert.equal(await page.locator('#status').textContent(), 'Done: drop #3 S1->S4 Prepare 11 (link cut by the partition).');
    assert.deepEqual(problems, []);
  });

  test('the preset\'s own outcome is kept while the run is the preset\'s', async () => {
    await loadPreset(page, 'seed-3');
    await stepTo(page, 3);
    await page.click('#back');
    assert.match(await outcomeLine(page), /^Outcome: VIOLATED, stability at step 8/);
  });

  test('one-phase protocols are described in their own terms', async () => {
    await loadPreset(page, 'seed-3');
    await stepTo(page, 4);
    const cluster = await page.locator('#cluster').textContent();
    assert.doesNotMatch(cluster, /phase 2|promised/);
    assert.match(cluster, /\(11,X\), 1 accepted|\(13,Z\), \d accepted/);
    await selectServer(page, 2);
    assert.doesNotMatch(await page.locator('#selection').textContent(), /promised|phase 2/);
    // Basic Paxos still speaks of promises and phases.
    await loadPreset(page, 'seed-5');
    await stepTo(page, 2);
    await selectServer(page, 2);
    assert.match(await page.locator('#selection').textContent(), /promised/);
  });

  test('"Time out now" is offered only to a server with a timer', async () => {
    await loadPreset(page, 'paxos-basic');
    await selectServer(page, 2);
    assert.equal(await page.locator('#selection [data-command="timeout S2"]').count(), 0);
    await loadPreset(page, 'partition-heal');
    await stepTo(page, 2);
    await selectServer(page, 1);
    assert.equal(await page.locator('#selection [data-command="timeout S1"]').count(), 1);
  });

  test('choosing another server keeps the value typed for a proposal', async () => {
    await page.fill('#propose-value', 'apple');
    await page.selectOption('#propose-server', '3');
    assert.equal(await page.inputValue('#propose-value'), 'apple');
    // An untouched suggestion follows the server.
    await page.fill('#propose-value', 'X');
    await page.selectOption('#propose-server', '5');
    assert.equal(await page.inputValue('#propose-value'), 'Y');
  });
  test('the status line says the same in the other language after a switch, and back', async () => {
    await loadPreset(page, 'paxos-basic');
    await stepTo(page, 2);
    const english = await status(page);
    assert.match(english, /^Step 2 of \d+: /);
    await page.click('#language');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.match(await status(page), /^第 2 \/ \d+ 步：/);
    // After an intervention at an earlier step, in Chinese, then back in English.
    await page.click('#to-start');
    await waitForStep(page, 0);
    await page.click('#servers [data-command="crash S2"]');
    await page.waitForFunction(() => !document.getElementById('status-undo').hidden);
    assert.match(await status(page), /^已完成：S2 宕机。/);
    await page.click('#language');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await status(page), /^Done: crash S2\. .*The rest of the run \(\d+ steps\) was replaced —$/);
    assert.equal(await page.locator('#status-undo').textContent(), 'Undo');
    // Why the run does not go on, too (the intervention viewed the run's end).
    assert.equal(await page.locator('#to-end').isDisabled(), true);
    await page.click('#forward');
    const stopped = await status(page);
    assert.match(stopped, /^End of the run/);
    await page.click('#language');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.match(await status(page), /^运行结束/);
    assert.deepEqual(problems, []);
  });

  test('a link opened past its start says where the run stands, not only that the page is ready', async () => {
    await loadPreset(page, 'seed-3');
    await stepTo(page, 8);
    const here = await status(page);
    assert.match(here, /^Step 8 of \d+: deliver #\d+ .*\. VIOLATION/);
    const { page: other, problems: otherProblems } = await openPage(browser, await addressOfScreen(page));
    // The step, in one short line (what happened there is on the drawing and the observer).
    assert.equal(await status(other), 'Simulator ready: 5 servers. Step 8 / 10');
    assert.equal((await observer(other)).badge, 'VIOLATED');
    await other.close();
    assert.deepEqual([...problems, ...otherProblems], []);
  });
  test('a trap in the core (a bug) is said on the status line, once, and playing stops', async () => {
    await loadPreset(page, 'paxos-basic');
    await page.click('#play');
    // As a panic in the core surfaces: an uncaught WebAssembly.RuntimeError, twice.
    await page.evaluate(() => {
      for (let i = 0; i < 2; i += 1) setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); });
    });
    await page.locator('#status.error').waitFor();
    assert.equal(await status(page), 'Internal error (a bug: unreachable). Reload the page.');
    assert.equal(await page.locator('#status').getAttribute('role'), 'alert');
    assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'false');
    assert.deepEqual(problems, ['uncaught: unreachable', 'uncaught: unreachable']);
  });
});
