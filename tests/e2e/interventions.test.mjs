// Changing the run by hand: delivering, dropping and duplicating messages (from the list, the
// cluster drawing, the space-time diagram and the keyboard), proposing, crashing and
// restarting servers, partitioning and healing; refusals and bad settings are shown and
// lose nothing.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, observer, openPage, openSettings, position, showEvents, startServerAndBrowser, waitForStep, showSpacetime } from './harness.mjs';

const lastEvent = async (page) => {
  await showEvents(page);
  return page.locator('#events .event-row').last().locator('.event-text').textContent();
};
const flying = (page) => page.locator('#inflight .inflight-row .inflight-id').allTextContents();

describe('interventions', { timeout: 180_000 }, () => {
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

  test('manual delivery from the in-flight list forks the run at the viewed step', async () => {
    await loadPreset(page, 'seed-5');
    await page.click('#forward');
    await waitForStep(page, 1);
    assert.deepEqual(await flying(page), ['#1', '#2', '#3', '#4']);
    await page.click('#inflight [data-command="deliver #3"]');
    await waitForStep(page, 2);
    assert.deepEqual(await position(page), { step: 2, steps: 2 });
    assert.equal(await lastEvent(page), 'deliver #3 S1->S4 Prepare 11');
    assert.deepEqual(await flying(page), ['#1', '#2', '#4', '#5']);
    assert.match(await page.locator('#status').textContent(), /^Done: deliver #3 S1->S4 Prepare 11\./);
    assert.equal(await page.locator('#scenario-title').textContent(), 'Two phases: conflicts in both, one value chosen');
    assert.deepEqual(problems, []);
  });

  test('keyboard only: pick a server in the drawing, deliver from the list, focus stays in place', async () => {
    await loadPreset(page, 'seed-5');
    await page.click('#forward');
    await page.locator('#cluster [data-node-id="2"]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#cluster [data-node-id="2"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.nodeId), '2');
    await page.locator('#inflight [data-command="deliver #1"]').focus();
    await page.keyboard.press('Enter');
    await waitForStep(page, 2);
    assert.equal(await lastEvent(page), 'deliver #1 S1->S2 Prepare 11');
    // The delivered row is gone; focus moved to the list's first control, not the page body.
    assert.equal(await page.evaluate(() => document.activeElement.closest('#inflight') !== null), true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForStep(page, 3);
    assert.equal(await lastEvent(page), 'deliver #2 S1->S3 Prepare 11');
  });

  test('a message picked in the cluster drawing is delivered with its button or the D key', async () => {
    await loadPreset(page, 'seed-5');
    await page.click('#forward');
    await page.locator('#cluster [data-msg-id="2"]').click();
    assert.match(await page.locator('#selection').textContent(), /#2 Prepare 11/);
    assert.equal(await page.locator('#inflight [data-select-message="2"]').getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('#cluster [data-msg-id="2"]').getAttribute('class'), /selected/);
    await page.keyboard.press('d');
    await waitForStep(page, 2);
    assert.equal(await lastEvent(page), 'deliver #2 S1->S3 Prepare 11');
    // The delivered message is no longer in flight; the selection says where it went.
    assert.match(await page.locator('#selection').textContent(), /Delivered at step 2/);
    // Already at that step: no button to go there (it offered "Go to step 2" at step 2).
    assert.equal(await page.locator('#selection [data-seek]').count(), 0);
  });

  test('a message picked in the space-time diagram can be dropped and duplicated', async () => {
    await loadPreset(page, 'seed-5');
    await page.click('#forward');
    await showSpacetime(page);
    // Its arrow runs on into the (veiled) future of the run: click a part no other arrow covers.
    const point = await page.locator('#spacetime [data-msg-id="4"] .st-line').evaluate((line) => {
      const at = (name) => Number(line.getAttribute(name));
      for (let f = 0.1; f < 0.95; f += 0.05) {
        const local = new DOMPoint(at('x1') + (at('x2') - at('x1')) * f, at('y1') + (at('y2') - at('y1')) * f);
        const screen = local.matrixTransform(line.ownerSVGElement.getScreenCTM());
        if (document.elementFromPoint(screen.x, screen.y)?.closest('[data-msg-id]')?.dataset.msgId === '4') {
          return { x: screen.x, y: screen.y };
        }
      }
      return null;
    });
    assert.ok(point, 'no clickable point on the arrow of #4');
    await page.mouse.click(point.x, point.y);
    assert.match(await page.locator('#selection').textContent(), /#4 Prepare 11/);
    await page.locator('#selection [data-command="duplicate #4"]').click();
    await waitForStep(page, 2);
    assert.equal(await lastEvent(page), 'duplicate #4 as #5');
    assert.deepEqual(await flying(page), ['#1', '#2', '#3', '#4', '#5']);
    assert.match(await page.locator('#inflight .inflight-row').last().textContent(), /copy of #4/);
    assert.match(await page.locator('#cluster [data-msg-id="5"]').getAttribute('class'), /copy/);
    await page.locator('#inflight [data-command="drop #4"]').click();
    await waitForStep(page, 3);
    assert.equal(await lastEvent(page), 'drop #4 S1->S5 Prepare 11 (dropped by hand)');
    assert.equal(await page.locator('#cluster .ghost.dropped').count(), 1);
    assert.equal(await page.locator('#spacetime [data-msg-id="4"] .st-drop').count(), 1);
  });

  test('a value proposed from the form starts a proposal', async () => {
    await loadPreset(page, 'seed-5');
    await page.selectOption('#propose-server', '3');
    assert.equal(await page.locator('#propose-value').inputValue(), 'Z');
    await page.fill('#propose-value', 'Q7');
    await page.click('#propose-form button[type="submit"]');
    await waitForStep(page, 1);
    assert.equal(await lastEvent(page), 'propose S3 Q7');
    assert.match(await page.locator('#cluster [data-node-id="3"]').getAttribute('aria-label'), /proposer, phase 1: 13/);
    // A value the core would refuse is caught with a message, and nothing changes.
    await page.fill('#propose-value', 'no way');
    await page.click('#propose-form button[type="submit"]');
    await page.locator('#problem').waitFor();
    assert.match(await page.locator('#problem-text').textContent(), /1 to 8 letters/);
    assert.equal((await position(page)).steps, 1);
    await page.click('#problem-close');
    await page.locator('#problem').waitFor({ state: 'hidden' });
  });

  test('crash and restart a server, from the servers table and the selection panel', async () => {
    await page.click('#servers [data-command="crash S3"]');
    await waitForStep(page, 1);
    assert.match(await page.locator('#cluster [data-node-id="3"]').getAttribute('class'), /\bdown\b/);
    assert.match(await page.locator('#cluster [data-node-id="3"]').getAttribute('aria-label'), /down \(crashed\)/);
    assert.equal(await lastEvent(page), 'crash S3');
    await page.locator('#cluster [data-node-id="3"]').click();
    await page.locator('#selection [data-command="restart S3"]').click();
    await waitForStep(page, 2);
    assert.match(await page.locator('#cluster [data-node-id="3"]').getAttribute('class'), /\bup\b/);
    assert.equal(await lastEvent(page), 'restart S3');
    assert.equal(await page.locator('#spacetime .st-down').count(), 1);
  });

  test('partition by choosing groups, then heal', async () => {
    await page.selectOption('#group-3', 'C');
    await page.click('#partition-form button[type="submit"]');
    await waitForStep(page, 1);
    assert.equal(await lastEvent(page), 'partition S1 S2 | S3 | S4 S5');
    assert.match(await page.locator('#cluster .partition-caption').textContent(), /A \{S1,S2\} \| B \{S3\} \| C \{S4,S5\}/);
    assert.equal(await page.locator('#cluster .link.cut').count(), 8);
    assert.match(await page.locator('#cluster [data-node-id="3"]').getAttribute('aria-label'), /group B/);
    // The form now shows the groups with the drawing's letters.
    assert.equal(await page.locator('#group-3').inputValue(), 'B');
    assert.equal(await page.locator('#group-5').inputValue(), 'C');
    await page.click('#heal');
    await waitForStep(page, 2);
    assert.equal(await lastEvent(page), 'heal');
    assert.equal(await page.locator('#cluster .link.cut').count(), 0);
    // One group is no partition: a clear message, nothing changes.
    for (const id of ['1', '2', '3', '4', '5']) await page.selectOption(`#group-${id}`, 'A');
    await page.click('#partition-form button[type="submit"]');
    await page.locator('#problem').waitFor();
    assert.match(await page.locator('#problem-text').textContent(), /at least two groups/);
    assert.equal((await position(page)).steps, 2);
  });

  test('a refused intervention is explained and changes nothing', async () => {
    // S1 crashes at step 7 of crash-phase2: a proposal from it is refused by the core.
    await loadPreset(page, 'crash-phase2');
    await page.locator('#scrubber').fill('8');
    await waitForStep(page, 8);
    await page.selectOption('#propose-server', '1');
    await page.fill('#propose-value', 'Q');
    await page.click('#propose-form button[type="submit"]');
    await page.locator('#problem').waitFor();
    assert.match(await page.locator('#problem-text').textContent(), /propose S1 Q.*S1 is down/);
    assert.deepEqual(await position(page), { step: 8, steps: 20 });
    // Keys that need a selected message say so.
    await page.keyboard.press('Escape');
    await page.keyboard.press('x');
    assert.match(await page.locator('#problem-text').textContent(), /Select a message in flight first/);
    assert.deepEqual(await position(page), { step: 8, steps: 20 });
    assert.deepEqual(problems, []);
  });

  test('settings build a new run; settings the core refuses are shown and the run is kept', async () => {
    await loadPreset(page, 'seed-5');
    await openSettings(page);
    const form = page.locator('#settings-form');
    assert.equal(await form.locator('[name="protocol"]').inputValue(), 'basic-paxos');
    assert.equal(await form.locator('[name="network"]').inputValue(), 'manual');
    assert.match(await page.locator('#protocol-help').textContent(), /^Phase 1: the proposer sends Prepare n/);
    // Three servers, keeping the commands: they name S4 and S5, so the core refuses.
    await form.locator('[name="nodes"]').fill('3');
    await form.locator('[name="nodes"]').dispatchEvent('change');
    assert.equal(await form.locator('[name="quorum1"]').inputValue(), '2');
    await form.locator('button[type="submit"]').click();
    assert.match(await page.locator('#settings-problem').textContent(), /^These settings cannot run: the kept command `[^`]*S[45][^`]*`: `S[45]` does not exist: the cluster has S1\.\.S3\./);
    assert.equal(await page.locator('#settings-dialog').isVisible(), true);
    await page.click('#settings-cancel');
    assert.equal(await page.locator('#cluster g.node').count(), 5);
    assert.equal((await position(page)).steps, 19);
    // Without the commands it runs: a fresh 3-server cluster with one-phase protocol.
    await openSettings(page);
    await form.locator('[name="nodes"]').fill('3');
    await form.locator('[name="nodes"]').dispatchEvent('change');
    await form.locator('[name="protocol"]').selectOption('one-phase-first');
    await form.locator('[name="keep"]').uncheck();
    await form.locator('button[type="submit"]').click();
    await page.locator('#settings-dialog').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#cluster g.node').count(), 3);
    assert.equal(await page.locator('#scenario-title').textContent(), 'Your scenario');
    assert.deepEqual(await position(page), { step: 0, steps: 0 });
    await page.click('#forward');
    assert.match(await page.locator('#status').textContent(), /The network is manual: choose a message/);
    await page.click('#propose-form button[type="submit"]');
    await waitForStep(page, 1);
    assert.equal(await page.locator('#cluster .msg:not(.ghost)').first().textContent(), 'Accept X');
    assert.equal((await observer(page)).outcome, 'safe');
    assert.deepEqual(problems, []);
  });

  test('the settings panel follows the core: its defaults per protocol and size, and the setting it refuses', async () => {
    await loadPreset(page, 'seed-5');
    await openSettings(page);
    const form = page.locator('#settings-form');
    // The protocols are the core's, in the seed's order.
    assert.deepEqual(await form.locator('[name="protocol"] option').evaluateAll((options) => options.map((o) => o.value)),
      ['one-phase-first', 'one-phase-highest', 'one-phase-adopt', 'basic-paxos', 'multi-paxos', 'multi-paxos-skip-phase1', 'multi-paxos-no-repropose', 'seed-phase2']);
    assert.equal(await form.locator('[name="retry"]').isChecked(), false);
    // One-phase-adopt's proposers retry by default in the core: the panel shows it.
    await form.locator('[name="protocol"]').selectOption('one-phase-adopt');
    assert.equal(await form.locator('[name="retry"]').isChecked(), true);
    await form.locator('[name="protocol"]').selectOption('basic-paxos');
    assert.equal(await form.locator('[name="retry"]').isChecked(), false);
    await form.locator('[name="protocol"]').selectOption('one-phase-adopt');
    // A quorum larger than the cluster: refused by the core, the field named and marked.
    await form.locator('[name="quorum2"]').fill('7');
    await form.locator('[name="keep"]').uncheck();
    await form.locator('button[type="submit"]').click();
    assert.equal(await page.locator('#settings-problem').textContent(),
      'These settings cannot run: a quorum cannot be larger than the 5 servers. Your current run is unchanged.');
    assert.equal(await form.locator('[name="quorum2"]').getAttribute('aria-invalid'), 'true');
    await form.locator('[name="quorum2"]').fill('3');
    await form.locator('button[type="submit"]').click();
    await page.locator('#settings-dialog').waitFor({ state: 'hidden' });
    // The new run retries (the core's default for the protocol), and says so when reopened.
    await openSettings(page);
    assert.equal(await form.locator('[name="protocol"]').inputValue(), 'one-phase-adopt');
    assert.equal(await form.locator('[name="retry"]').isChecked(), true);
    await page.click('#settings-cancel');
    assert.deepEqual(problems, []);
  });

  // The refusal is the core's kind and facts, worded in the page's language (the Chinese
  // page said "backoff ticks must be between 0 and 1000" in English).
  test('on the Chinese page a refused setting is said in Chinese', async () => {
    const context = await page.context().browser().newContext({ locale: 'zh-CN' });
    const { page: zh, problems: zhProblems } = await openPage(context, `${server.origin}/`);
    await loadPreset(zh, 'livelock');
    for (const [name, value, expected] of [['backoff', '5000', /^这些设置无法运行：退避时钟数必须在 0 到 1000 之间/], ['nodes', '3', /^这些设置无法运行：保留的命令 `/]]) {
      await openSettings(zh);
      const form = zh.locator('#settings-form');
      await form.locator(`[name="${name}"]`).fill(value);
      await form.locator(`[name="${name}"]`).dispatchEvent('change');
      await form.locator('button[type="submit"]').click();
      const said = await zh.locator('#settings-problem').textContent();
      assert.match(said, expected);
      const prose = said.replace(/`[^`]*`/g, '').replace(/\b(S\d|S1\.\.S\d)\b/g, '');
      assert.doesNotMatch(prose, /[A-Za-z]{3,}/, said);
      await zh.click('#settings-cancel');
    }
    assert.deepEqual(zhProblems, []);
    await context.close();
  });

  test('reset undoes the interventions and goes back to step 0', async () => {
    await loadPreset(page, 'seed-2');
    await page.locator('#scrubber').fill('3');
    await page.click('#servers [data-command="crash S1"]');
    await waitForStep(page, 4);
    assert.equal((await position(page)).steps, 4);
    await page.click('#reset');
    await waitForStep(page, 0);
    assert.deepEqual(await position(page), { step: 0, steps: 11 });
    assert.equal(await page.locator('#cluster g.node.down').count(), 0);
  });
});
