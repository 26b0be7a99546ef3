// The Rules panel: at a refusal it names the rule whose guard failed with the numbers it
// compared, marks the rules the viewed step follows, and in Chinese writes no English
// sentence (the rule of tests/e2e/language-complete.test.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, openPage, showEvents, startServerAndBrowser, waitForStep } from './harness.mjs';

const ENGLISH = /\b[A-Za-z]+(?:[ ,;:]+[A-Za-z]+){2,}\b/;

/** Views `step` of the run on screen and waits for the panel to have drawn it. */
async function viewStep(page, step) {
  await page.locator('#scrubber').fill(String(step));
  await waitForStep(page, step);
  await showEvents(page);
  await page.locator('#rules-panel').scrollIntoViewIfNeeded();
  await page.locator('#rules-panel[data-ready="true"]').waitFor({ state: 'attached' });
}

async function panel(page) {
  return page.locator('#rules-panel').evaluate((root) => ({
    refusals: [...root.querySelectorAll('.rules-refusal')].map((p) => p.textContent),
    active: [...root.querySelectorAll('.rule[data-active="true"]')].map((li) => Number(li.dataset.rule)),
    rules: [...root.querySelectorAll('.rule')].map((li) => Number(li.dataset.rule)),
    step: root.querySelector('.rules-step').textContent,
    leaves: [...root.querySelectorAll('h2, p, span, li')].filter((e) => e.children.length === 0).map((e) => e.textContent),
  }));
}

describe('the Rules panel', { timeout: 180_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('at seed-5 step 11 it says S3 refuses Accept 11 X by rule 2b, promised 15 > 11 (English)', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'seed-5');
    await viewStep(page, 11);
    const shown = await panel(page);
    assert.deepEqual(shown.rules, [1, 2, 3, 4, 5, 6], 'Paxos: 1a, 1b, 2a, 2b, learning, pre-emption');
    assert.deepEqual(shown.refusals, ['S3 refuses Accept 11 X: it promised 15, and 15 > 11 — rule 2b.']);
    assert.ok(shown.active.includes(4), `2b is marked: ${shown.active}`);
    // A step without a refusal: S1's phase 2 starts (step 5), rule 2a is marked and nothing refused.
    await viewStep(page, 5);
    const phaseTwo = await panel(page);
    assert.deepEqual(phaseTwo.refusals, []);
    assert.ok(phaseTwo.active.includes(3), `2a is marked: ${phaseTwo.active}`);
    assert.deepEqual(problems, []);
  });

  test('in Chinese the same refusal is worded in Chinese, and the panel has no English sentence', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    for (const [preset, steps] of [['seed-5', [5, 11]], ['seed-3', [4, 8]], ['seed-4', [6, 12]]]) {
      await loadPreset(page, preset);
      for (const step of steps) {
        await viewStep(page, step);
        const shown = await panel(page);
        for (const text of shown.leaves) assert.doesNotMatch(text, ENGLISH, `${preset} step ${step}: “${text}”`);
        if (preset === 'seed-5' && step === 11) {
          assert.deepEqual(shown.refusals, ['S3 拒绝 Accept 11 X：它已承诺 15，而 15 > 11——规则 2b。']);
        }
      }
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
