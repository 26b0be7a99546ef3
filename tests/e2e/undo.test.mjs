// Undo and redo: acting at an earlier step replaces the rest of the run, and the page says
// so with an Undo beside it; Undo (button, status line, Ctrl/Cmd+Z) puts back the run, its
// event list and its link exactly, Redo (button, Shift+Ctrl/Cmd+Z, Ctrl+Y) the run after.
// And End takes an automatic run on after an intervention (it was disabled there).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, openPage, position, showEvents, startServerAndBrowser, waitForStep, showSpacetime } from './harness.mjs';

/** Everything undo must put back, read from the page once the address bar has followed. */
async function runOnPage(page) {
  // The link is written a quarter of a second after a change; wait until it stays put.
  let hash = null;
  for (;;) {
    await page.waitForTimeout(400);
    const now = await page.evaluate(() => location.hash);
    if (now === hash) break;
    hash = now;
  }
  return {
    position: await position(page),
    events: await showEvents(page).then(() => page.locator('#events .event-row').evaluateAll((rows) => rows.map((row) => row.textContent))),
    hash,
  };
}

const status = (page) => page.locator('#status').textContent();

/** Goes to `step` as a reader does from the event list: its row's step button. */
async function goToStep(page, step) {
  await showEvents(page);
  await page.click(`#events button[data-step="${step}"]`);
  await waitForStep(page, step);
}
const enabled = async (page, id) => !(await page.locator(`#${id}`).isDisabled());

describe('undo and redo', { timeout: 180_000 }, () => {
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

  test('an intervention at an earlier step can be undone and redone, by button and by key', async () => {
    await loadPreset(page, 'paxos-basic');
    const { steps } = await position(page);
    assert.equal(await enabled(page, 'undo'), false);
    assert.equal(await enabled(page, 'redo'), false);
    await goToStep(page, 5);
    const before = await runOnPage(page);
    assert.equal(before.events.length, steps + 1);

    await page.click('#servers [data-command="crash S2"]');
    await page.waitForFunction(() => /rest of the run/.test(document.getElementById('status').textContent));
    assert.match(await status(page), new RegExp(`The rest of the run \\(${steps - 5} steps\\) was replaced —$`));
    assert.equal(await page.locator('#status-undo').isVisible(), true);
    assert.equal(await page.locator('#status-undo').textContent(), 'Undo');
    const afterCrash = await runOnPage(page);
    assert.notDeepEqual(afterCrash.events, before.events);
    assert.deepEqual(afterCrash.events.slice(0, 6), before.events.slice(0, 6), 'the steps before the fork are as they were');
    assert.equal(await enabled(page, 'undo'), true);
    assert.equal(await enabled(page, 'redo'), false);

    await page.click('#undo');
    assert.deepEqual(await runOnPage(page), before);
    assert.match(await status(page), /^Undone/);
    assert.equal(await page.locator('#status-undo').isVisible(), false);
    assert.equal(await enabled(page, 'undo'), false);
    assert.equal(await enabled(page, 'redo'), true);

    await page.click('#redo');
    assert.deepEqual(await runOnPage(page), afterCrash);
    assert.equal(await enabled(page, 'redo'), false);

    // The keys, with focus on the page (not in a field).
    await page.locator('#play').focus();
    await page.keyboard.press('Control+z');
    assert.deepEqual(await runOnPage(page), before);
    await page.keyboard.press('Shift+Control+z');
    assert.deepEqual(await runOnPage(page), afterCrash);
    await page.keyboard.press('Meta+z');
    assert.deepEqual(await runOnPage(page), before);
    await page.keyboard.press('Control+y');
    assert.deepEqual(await runOnPage(page), afterCrash);

    // In a text field, Ctrl+Z is the field's own.
    await page.locator('#propose-value').focus();
    await page.keyboard.press('Control+z');
    assert.deepEqual(await runOnPage(page), afterCrash);

    // The Undo beside the status line.
    await goToStep(page, 3);
    await page.click('#servers [data-command="crash S3"]');
    await page.waitForFunction(() => !document.getElementById('status-undo').hidden);
    await page.click('#status-undo');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'redo');
    const undone = await runOnPage(page);
    assert.equal(undone.position.step, 3);
    assert.deepEqual(undone.events, afterCrash.events);
    assert.deepEqual(problems, []);
  });

  test('a delivery in a manual preset says what it replaced, and undo puts the run back', async () => {
    await loadPreset(page, 'seed-3');
    const { steps } = await position(page);
    assert.ok(steps >= 3);
    await goToStep(page, 2);
    const before = await runOnPage(page);
    await page.locator('#inflight [data-command^="deliver #"]').first().click();
    await waitForStep(page, 3);
    assert.match(await status(page), new RegExp(`The rest of the run \\(${steps - 2} steps\\) was replaced`));
    await page.click('#undo');
    assert.deepEqual(await runOnPage(page), before);
    // Reset reloads the scenario as it was loaded; the run it replaced is kept for Undo.
    await page.click('#redo');
    const delivered = await runOnPage(page);
    await page.click('#reset');
    await waitForStep(page, 0);
    assert.equal((await position(page)).steps, steps);
    assert.match(await status(page), /^Scenario loaded: \d+ steps\. .* The run you had changed was replaced —$/);
    assert.equal(await page.locator('#status-undo').isVisible(), true);
    assert.equal(await enabled(page, 'undo'), true);
    await page.click('#status-undo');
    assert.deepEqual(await runOnPage(page), delivered, 'the run as it was, at the step it was viewed at');
    assert.deepEqual(problems, []);
  });

  test('Reset, its key R and another scenario lose nothing: Undo brings the changed run back, Redo the new one', async () => {
    await loadPreset(page, 'seed-5');
    await goToStep(page, 4);
    await page.click('#servers [data-command="crash S2"]');
    await page.waitForFunction(() => !document.getElementById('status-undo').hidden);
    const crashed = await runOnPage(page);
    // One stray key on the page.
    await page.locator('#play').focus();
    await page.keyboard.press('r');
    await waitForStep(page, 0);
    const reset = await runOnPage(page);
    assert.notEqual(reset.hash, crashed.hash);
    assert.equal(await enabled(page, 'undo'), true);
    assert.equal(await enabled(page, 'redo'), false);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await runOnPage(page), crashed);
    assert.match(await status(page), /^Undone/);
    // Its own crash is still there to undo, and the reset to redo.
    assert.equal(await enabled(page, 'undo'), true);
    assert.equal(await enabled(page, 'redo'), true);
    await page.keyboard.press('Shift+Control+z');
    assert.deepEqual(await runOnPage(page), reset);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await runOnPage(page), crashed);
    // Another scenario from the gallery: the same.
    await loadPreset(page, 'paxos-basic');
    assert.equal(await page.locator('#scenario-title').textContent(), 'Basic Paxos: one proposer, no trouble');
    await page.click('#undo');
    assert.deepEqual(await runOnPage(page), crashed);
    assert.match(await page.locator('#scenario-title').textContent(), /^Two phases: conflicts in both/);
    assert.deepEqual(problems, []);
  });

  test('in the Chinese page the buttons and the status line are in Chinese', async () => {
    await loadPreset(page, 'paxos-basic');
    await page.click('#language');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.equal(await page.locator('#undo .button-label').textContent(), '撤销');
    assert.equal(await page.locator('#redo .button-label').textContent(), '重做');
    await goToStep(page, 4);
    await page.click('#servers [data-command="crash S2"]');
    await page.waitForFunction(() => !document.getElementById('status-undo').hidden);
    assert.match(await status(page), /运行的其余部分（\d+ 步）已被替换/);
    assert.equal(await page.locator('#status-undo').textContent(), '撤销');
    assert.deepEqual(problems, []);
  });

  test('the views changed by deltas are the views drawn from scratch for the same run', async () => {
    const drawing = async (p) => (await showEvents(p), await showSpacetime(p), p.evaluate(() => ({
      arrows: [...document.querySelectorAll('#spacetime .st-msg')].map((g) => {
        const line = g.querySelector('.st-line');
        return [Number(g.dataset.msgId), g.getAttribute('class'), ...['x1', 'y1', 'x2', 'y2'].map((a) => Number(line.getAttribute(a)).toFixed(1))].join(' ');
      }).sort(),
      marks: [...document.querySelectorAll('#spacetime .st-marks > *')].map((e) => e.outerHTML).sort(),
      axis: document.querySelectorAll('#spacetime .st-step-number').length,
      events: [...document.querySelectorAll('#events .event-row')].map((row) => `${row.className}|${row.textContent}`),
    })));
    await loadPreset(page, 'partition-heal');
    const { steps } = await position(page);
    await goToStep(page, Math.floor(steps / 2));
    await page.click('#servers [data-command="crash S1"]');
    for (let i = 0; i < 3; i += 1) await page.click('#forward');
    await page.click('#undo');
    await page.click('#redo');
    await showEvents(page);
    await page.click('#events button[data-step="3"]');
    await page.click('#servers [data-command="crash S2"]');
    await page.click('#undo');
    await page.click('#to-end');
    // A fresh page has nothing selected (a row of the event list selects its message).
    await page.locator('#play').focus();
    await page.keyboard.press('Escape');
    const { hash } = await runOnPage(page);
    const changed = await drawing(page);
    const { page: fresh } = await openPage(browser, `${server.origin}/${hash}`);
    try {
      assert.deepEqual(await position(fresh), await position(page));
      const drawn = await drawing(fresh);
      assert.ok(drawn.arrows.length > 10);
      assert.deepEqual(changed, drawn);
    } finally {
      await fresh.close();
    }
    assert.deepEqual(problems, []);
  });

  test('after an intervention in the automatic network, End takes the run on', async () => {
    await loadPreset(page, 'paxos-basic');
    await goToStep(page, 4);
    await page.click('#servers [data-command="crash S5"]');
    await waitForStep(page, 5);
    // The crash ends the run's script, but messages are still on their way: it goes on.
    assert.deepEqual(await position(page), { step: 5, steps: 5 });
    assert.equal(await enabled(page, 'to-end'), true);
    await page.click('#to-end');
    await page.waitForFunction(() => Number(document.getElementById('scrubber').max) > 5);
    const { step, steps } = await position(page);
    assert.equal(step, steps);
    assert.equal(await status(page), `Ran on to where the run stops: step ${steps} of ${steps}.`);
    assert.equal(await enabled(page, 'to-end'), false, 'the run stopped by itself');
    // Undo takes the run back to the crash.
    await page.click('#undo');
    assert.deepEqual(await position(page), { step: 5, steps: 5 });
    assert.deepEqual(problems, []);
  });
});
