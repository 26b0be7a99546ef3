// Compare mode on the real page: the seed §3 schedule under one phase (left) and Basic
// Paxos (right), stepped together; the first divergence and each side's first violation
// are found and can be visited; the comparison follows the run when it changes.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, openPage, startServerAndBrowser, waitForStep } from './harness.mjs';
import { aidsReady, texts } from './aids-helpers.mjs';

/** One side of the comparison as the page shows it. */
async function side(page, which) {
  const box = page.locator(`#compare-${which}`);
  return {
    title: await box.locator('.compare-side-title').textContent(),
    outcome: await box.getAttribute('data-outcome'),
    step: Number(await box.getAttribute('data-step')),
    diverges: await box.evaluate((element) => element.classList.contains('diverges')),
    differing: await box.locator('.compare-event.differs .compare-event-text').allTextContents(),
    marks: await box.locator('.compare-mark').allTextContents(),
  };
}

describe('compare mode', { timeout: 120_000 }, () => {
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

  test('seed §3 against Basic Paxos: the first divergence is at step 1, only one phase breaks', async () => {
    await loadPreset(page, 'seed-3');
    assert.equal(await page.locator('#compare-protocol').inputValue(), 'basic-paxos');
    await page.click('#compare-start');
    await page.locator('#compare-panel[data-active="true"]').waitFor();
    const summary = await texts(page, '#compare-summary > li');
    assert.equal(summary[0], 'First divergence: command 1, at step 1 here and step 1 with Basic Paxos (two phases): propose S1 X Go to step 1');
    assert.equal(summary[1], 'One phase, higher number wins (seed §3) (here): first violation at step 8 (stability). Go to step 8');
    assert.equal(summary[2], 'Basic Paxos (two phases): no violation.');
    assert.equal(summary[3], 'Commands: 3 as written, 7 carried over to another message on the same link, 0 skipped.');

    // Go to the divergence: both sides at step 1, the differing lines marked.
    await page.click('#compare-summary .compare-divergence [data-seek]');
    await waitForStep(page, 1);
    const left = await side(page, 'left');
    const right = await side(page, 'right');
    assert.deepEqual([left.title, left.step, left.diverges], ['One phase, higher number wins (seed §3)', 1, true]);
    assert.deepEqual([right.title, right.step, right.diverges], ['Basic Paxos (two phases)', 1, true]);
    assert.equal(left.differing[0], 'send #1 S1->S2 Accept 11 X');
    assert.equal(right.differing[0], 'send #1 S1->S2 Prepare 11');
    assert.deepEqual(left.marks, ['first divergence']);

    // Both views step together with the page's controls.
    await page.click('#forward');
    await waitForStep(page, 2);
    assert.deepEqual([(await side(page, 'left')).step, (await side(page, 'right')).step], [2, 2]);
    assert.equal((await side(page, 'left')).diverges, false);

    // The first violation: one phase breaks at step 8, Basic Paxos beside it is safe.
    await page.click('#compare-summary .compare-violation.left [data-seek]');
    await waitForStep(page, 8);
    const broken = await side(page, 'left');
    assert.deepEqual([broken.outcome, broken.step, broken.marks], ['violated', 8, ['first violation']]);
    assert.deepEqual([(await side(page, 'right')).outcome, (await side(page, 'right')).step], ['safe', 8]);
    assert.equal(await page.locator('#compare-right svg').getAttribute('role'), 'img');
    assert.equal(await page.locator('#compare-right svg [tabindex]').count(), 0, 'the small drawings add no focus stops');
    await page.click('#to-end');
    assert.deepEqual([(await side(page, 'right')).step, (await side(page, 'right')).outcome], [10, 'safe']);

    await page.click('#compare-stop');
    await page.locator('#compare-body').waitFor({ state: 'hidden' });
    assert.deepEqual(problems, []);
  });

  test('seed §5 under one phase: skipped commands are listed, and the right side’s violation can be visited', async () => {
    await loadPreset(page, 'seed-5');
    assert.equal(await page.locator('#compare-protocol').inputValue(), 'one-phase-highest');
    await page.click('#compare-start');
    await page.locator('#compare-panel[data-active="true"]').waitFor();
    assert.match((await texts(page, '#compare-summary > li'))[3], /, 6 skipped\.$/);
    assert.equal(await page.locator('#compare-mapping-list .compare-map.skipped').count(), 6);
    assert.match(await page.locator('#compare-mapping-list .compare-map.skipped').first().textContent(), /skipped: no message S1->S2 is in flight/);
    const rightViolation = page.locator('#compare-summary .compare-violation.right');
    assert.match(await rightViolation.textContent(), /^One phase, higher number wins \(seed §3\): first violation at its step \d+/);
    await rightViolation.locator('[data-seek]').click();
    const right = await side(page, 'right');
    assert.equal(right.outcome, 'violated');
    assert.deepEqual(right.marks, ['first violation']);
    assert.equal((await side(page, 'left')).outcome, 'safe');
    assert.deepEqual(problems, []);
  });

  test('the comparison follows the run: an intervention forks both sides', async () => {
    await loadPreset(page, 'seed-3');
    await page.click('#compare-start');
    await page.locator('#scrubber').fill('3');
    await waitForStep(page, 3);
    // S1's Accept reaches S4 first this time; Basic Paxos delivers S1's Prepare to S4.
    await page.click('#inflight [data-command="deliver #3"]');
    await waitForStep(page, 4);
    assert.deepEqual([(await side(page, 'left')).step, (await side(page, 'right')).step], [4, 4]);
    assert.match((await side(page, 'left')).differing.join('\n'), /S4 accepts \(11,X\)/);
    assert.match((await side(page, 'right')).differing.join('\n'), /S4 promises 11/);
    assert.equal(await page.locator('#compare-right .compare-side-state').textContent().then((text) => text.includes('step 4 of 4')), true);
    assert.deepEqual(problems, []);
  });
});
