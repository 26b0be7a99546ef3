// Every language is complete: on the Chinese page, the event list, the status line, the
// observer panel and the selection are worded in Chinese from the core's records, for every
// preset and after an intervention. The rule for "no English": no run of three or more
// ASCII words made only of letters. Notation may stay, as the seed writes it: server names
// (S1), proposal numbers and proposals (13, (13,Z)), values (X), server sets ({S1,S2}), and
// message texts ("Prepare 13", "Accept 11 X": a message kind is a name, followed by numbers
// or a value, so it never makes three letter-words in a row).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, showEvents, startServerAndBrowser, waitForStep } from './harness.mjs';

const ENGLISH = /\b[A-Za-z]+(?:[ ,;:]+[A-Za-z]+){2,}\b/;
const PARTS = ['#status', '#events', '#observer', '#selection'];

async function englishIn(page) {
  await showEvents(page);
  const found = [];
  for (const selector of PARTS) {
    const texts = await page.locator(selector).evaluate((root) => {
      // Each line on its own (an event row, a fact), so words of two lines never join.
      const leaves = [...root.querySelectorAll('li, p, span, strong, h2, h3, dt, dd, button')].filter((e) => e.children.length === 0);
      return [root.children.length === 0 ? root.textContent : '', ...leaves.map((e) => e.textContent)];
    });
    for (const text of texts) {
      const match = ENGLISH.exec(text);
      if (match) found.push(`${selector}: “${match[0]}” in “${text}”`);
    }
  }
  return found;
}

describe('every language is complete', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let context;
  let page;
  const problems = [];
  before(async () => {
    ({ server, browser } = await startServerAndBrowser());
    context = await browser.newContext({ locale: 'zh-CN' });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  });
  after(async () => {
    await context?.close();
    await closeAll(browser, server);
  });

  test('the Chinese page has no English sentence for any preset, at its middle and its end', async () => {
    const ids = await page.locator('[data-load-preset]').evaluateAll((buttons) => buttons.map((b) => b.dataset.loadPreset));
    assert.ok(ids.length >= 10, `only ${ids.length} presets`);
    const found = [];
    for (const id of ids) {
      await loadPreset(page, id);
      const steps = Number(await page.locator('#scrubber').getAttribute('max'));
      await page.click('#to-end');
      await waitForStep(page, steps);
      found.push(...(await englishIn(page)).map((line) => `${id} (end) ${line}`));
      // A step in the middle: the status line says what it did.
      const middle = Math.max(1, steps >> 1);
      await page.locator('#scrubber').fill(String(middle));
      await waitForStep(page, middle);
      const first = page.locator('#inflight [data-select-message]').first();
      if (await first.count()) await first.click();
      found.push(...(await englishIn(page)).map((line) => `${id} (step ${middle}) ${line}`));
    }
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
  });

  test('the rule bites: on the English page the same scan finds English sentences', async () => {
    const english = await browser.newContext({ locale: 'en-GB' });
    const other = await english.newPage();
    await other.goto(`${server.origin}/`);
    await other.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await loadPreset(other, 'seed-3');
    await other.click('#to-end');
    const found = await englishIn(other);
    assert.ok(found.some((line) => line.startsWith('#events')), found.join('\n'));
    assert.ok(found.some((line) => line.startsWith('#observer')), found.join('\n'));
    await english.close();
  });

  test('after an intervention, the status line is the core’s account of it, in Chinese', async () => {
    await loadPreset(page, 'seed-5');
    await page.click('#forward');
    await waitForStep(page, 1);
    // The form's default groups cut S1 off from S4 and S5.
    await page.selectOption('#group-4', 'B');
    await page.selectOption('#group-5', 'B');
    await page.selectOption('#group-1', 'A');
    await page.click('#partition-form button[type="submit"]');
    await waitForStep(page, 2);
    await page.click('#inflight [data-command="deliver #3"]');
    await waitForStep(page, 3);
    // Delivering across the partition drops the message, and the status line says why.
    assert.equal(await page.locator('#status').textContent(), '已完成：丢弃 #3 S1->S4 Prepare 11（链路被分区切断）。');
    await showEvents(page);
    assert.match(await page.locator('#events .event-row').last().textContent(), /丢弃 #3 S1->S4 Prepare 11（链路被分区切断）/);
    assert.deepEqual(await englishIn(page), []);
    // A refusal is worded from its facts too.
    await loadPreset(page, 'seed-1');
    await page.locator('#scrubber').fill('4');
    await waitForStep(page, 4);
    // The page offers "time out" only with a pending timer; the command is asked for
    // anyway, as a stale button would, so the core refuses it.
    await page.evaluate(() => {
      const button = Object.assign(document.createElement('button'), { id: 'stale-timeout', textContent: '超时' });
      button.dataset.command = 'timeout S4';
      document.querySelector('#selection').append(button);
    });
    await page.click('#stale-timeout');
    await page.locator('#problem').waitFor();
    assert.match(await page.locator('#problem-text').textContent(), /S4 没有待触发的计时器/);
    assert.doesNotMatch(await page.locator('#problem-text').textContent(), ENGLISH);
    assert.deepEqual(problems, []);
  });
});
