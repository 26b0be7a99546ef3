// The model-checker panel on the real page (the browser path of the model checker): it
// checks the scenario on screen in a Web Worker with a progress bar, finds the one-phase
// counterexample and animates it as a scenario; a big search can be cancelled and says so
// honestly; the page keeps drawing frames throughout.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, observer, openPage, startServerAndBrowser, trackAnimationFrames } from './harness.mjs';
import { aidsReady, texts } from './aids-helpers.mjs';

describe('model checker panel', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let page;
  let problems;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  beforeEach(async () => {
    await page?.close();
    ({ page, problems } = await openPage(browser, `${server.origin}/`));
    await aidsReady(page);
  });
  after(() => closeAll(browser, server));

  // A run a load replaced, brought back by Undo, is another scenario: the result found for
  // the one it replaced goes (the panel said "VIOLATED" under "Checks Basic Paxos").
  test('Undo back to a run the check was not of: the result goes', async () => {
    await page.click('#forward');
    await page.click('#servers [data-command="crash S1"]');
    await loadPreset(page, 'seed-3');
    await page.click('#check-run');
    await page.locator('#checker-panel[data-status="done"]').waitFor();
    assert.equal(await page.locator('#checker-panel').getAttribute('data-verdict'), 'violated');
    await page.click('#undo');
    await page.locator('#scenario-title', { hasText: 'Basic Paxos' }).waitFor();
    await page.locator('#checker-panel:not([data-status="done"])').waitFor();
    assert.equal(await page.locator('#check-result').textContent(), '');
    assert.match(await page.locator('#check-job').textContent(), /Basic Paxos/);
    // Redo brings seed §3 back: the result is gone too (its check is to be run again).
    await page.click('#redo');
    await page.locator('#scenario-title', { hasText: 'Proposal numbers' }).waitFor();
    assert.equal(await page.locator('#check-result').textContent(), '');
    assert.deepEqual(problems, []);
  });

  test('seed §3: finds the 4-move one-phase counterexample, and animates it as a scenario', async () => {
    await loadPreset(page, 'seed-3');
    assert.equal(await page.locator('#check-job').textContent(),
      'Checks One phase, higher number wins (seed §3) on 3 servers (Q1 = 2, Q2 = 2) with 3 proposers.');
    assert.deepEqual(await texts(page, '#check-notes li'), ['Scaled down to 3 servers: the number of states explodes with more.']);
    await page.click('#check-run');
    await page.locator('#checker-panel[data-status="done"]').waitFor();
    assert.equal(await page.locator('#checker-panel').getAttribute('data-verdict'), 'violated');
    assert.equal(await page.locator('#check-result').textContent(), 'VIOLATED: the shortest counterexample takes 4 moves (53 states explored).');
    // What was found: the core's record of the violation the counterexample ends in, worded
    // by the page, in its language.
    assert.equal(await page.locator('#check-reason').textContent(),
      'VIOLATION agreement at step 4: X and Y were both chosen (X at step 3: (X) accepted by {S1,S3}; Y at step 4: (Y) accepted by {S1,S2})');
    await page.click('#language');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.match(await page.locator('#check-reason').textContent(), /^【违反】第 4 步破坏了一致性：X 和 Y 都被确定/);
    assert.equal(await page.locator('#check-reason').getAttribute('lang'), 'zh-CN');
    await page.click('#language');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await texts(page, '#check-moves li'),
      ['propose S1 X', 'propose S2 Y', 'deliver S1->S3 Accept 11 X', 'deliver S2->S1 Accept 12 Y']);
    const progress = await page.locator('#check-progress').evaluate((bar) => ({ value: bar.value, max: bar.max, label: bar.labels[0].textContent }));
    assert.deepEqual(progress, { value: 53, max: 2_000_000, label: 'States explored (the bound is 2,000,000)' });
    assert.match(await page.locator('#check-stats').textContent(), /^53 states · [\d,]+ states\/s · depth 5 · \d+ MiB$/);

    await page.click('#check-animate');
    assert.equal(await page.locator('#scenario-title').textContent(), 'The model checker’s shortest counterexample');
    assert.match(await page.locator('#scenario-story').textContent(), /4 moves from the start/);
    assert.match(await page.locator('#status').textContent(), /Playing the checker’s counterexample: 4 moves\./);
    // It plays by itself, to the violation at its last step.
    await page.waitForFunction(() => document.getElementById('scrubber').value === '4' && document.getElementById('play').dataset.playing === 'false', null, { timeout: 30_000 });
    assert.equal((await observer(page)).outcome, 'violated');
    assert.equal(await page.locator('#scrubber').getAttribute('max'), '4');
    // The result stays beside the scenario it opened.
    assert.equal(await page.locator('#checker-panel').getAttribute('data-verdict'), 'violated');
    assert.deepEqual(problems, []);
  });

  test('seed §2: three proposers split three servers, and STUCK says in plain words what that means', async () => {
    await loadPreset(page, 'seed-2');
    assert.equal(await page.locator('#check-job').textContent(),
      'Checks One phase, first value wins (seed §1–2) on 3 servers (Q1 = 2, Q2 = 2) with 3 proposers.');
    await page.click('#check-run');
    await page.locator('#checker-panel[data-status="done"]').waitFor();
    assert.equal(await page.locator('#checker-panel').getAttribute('data-verdict'), 'stuck');
    assert.match(await page.locator('#check-result').textContent(),
      /^STUCK: after 3 moves the run reaches a state from which no value can ever be chosen: .* Those 3 moves are the shortest way there \(\d+ states explored\)\.$/);
    assert.deepEqual(await texts(page, '#check-moves li'), ['propose S1 X', 'propose S2 Y', 'propose S3 Z']);
    assert.deepEqual(problems, []);
  });

  test('Basic Paxos holds in the checked configuration', async () => {
    await loadPreset(page, 'paxos-basic');
    await page.click('#check-run');
    // (A whole model check in the page's worker: 11 s was seen on a loaded machine.)
    await page.locator('#checker-panel[data-status="done"]').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#checker-panel').getAttribute('data-verdict'), 'holds');
    assert.match(await page.locator('#check-result').textContent(), /^HOLDS: no order of messages breaks safety in this configuration \([\d,]+ states, depth \d+\)\.$/);
    assert.equal(await page.locator('#check-animate').isHidden(), true);
    assert.equal(await page.locator('#check-moves').isHidden(), true);
  });

  test('a big search shows progress, can be cancelled, says it proved nothing, and never freezes the page', async () => {
    await page.close();
    page = await browser.newPage();
    await trackAnimationFrames(page);
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await aidsReady(page);
    // Retries and lost messages: far too many states to finish here.
    await page.selectOption('#check-form [name="attempts"]', '3');
    await page.check('#check-form [name="drops"]');
    await page.click('#check-run');
    await page.locator('#checker-panel[data-status="running"]').waitFor();
    assert.equal(await page.locator('#check-form [name="attempts"]').inputValue(), '3');
    assert.equal(await page.locator('#check-form [name="drops"]').isChecked(), true);
    assert.equal(await page.locator('#check-cancel').isDisabled(), false);
    await page.waitForFunction(() => document.getElementById('check-progress').value > 5000);
    // The page answers while the worker searches: frames are drawn, a click steps the run.
    const frames = await page.evaluate(() => new Promise((resolve) => {
      let count = 0;
      const tick = () => { count += 1; if (count < 10) requestAnimationFrame(tick); else resolve(count); };
      requestAnimationFrame(tick);
    }));
    assert.equal(frames, 10);
    await page.click('#forward');
    assert.equal(await page.locator('#scrubber').inputValue(), '1');
    await page.click('#check-cancel');
    await page.locator('#checker-panel[data-status="done"]').waitFor();
    assert.equal(await page.locator('#checker-panel').getAttribute('data-verdict'), 'cancelled');
    assert.match(await page.locator('#check-result').textContent(), /^Cancelled after [\d,]+ states: no violation found so far, which proves nothing\.$/);
    assert.equal(await page.locator('#check-run').isDisabled(), false);
  });

  test('amnesia: the panel starts from the scenario’s own faults and finds the 10-move counterexample', async () => {
    await loadPreset(page, 'amnesia');
    assert.equal(await page.locator('#check-form [name="amnesia"]').isChecked(), true);
    assert.equal(await page.locator('#check-form [name="crashes"]').inputValue(), '1');
    await page.click('#check-run');
    await page.locator('#checker-panel[data-status="done"]').waitFor();
    assert.equal(await page.locator('#checker-panel').getAttribute('data-verdict'), 'violated');
    assert.equal(await page.locator('#check-moves li').count(), 10);
    // Loading another scenario clears a result that no longer applies.
    await loadPreset(page, 'seed-1');
    assert.equal(await page.locator('#checker-panel').getAttribute('data-status'), 'idle');
    assert.equal(await page.locator('#check-form [name="amnesia"]').isChecked(), false);
    assert.deepEqual(problems, []);
  });
});
