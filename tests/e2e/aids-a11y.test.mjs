// Accessibility of the understanding aids in their busy states (the page-wide axe test sees
// them idle): axe-core finds no violations with a comparison on, a counterexample found, a
// challenge broken and an import refused, in English and in Chinese on a phone; the panels
// fit a 360 px screen; every control is reached with the keyboard.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { closeAll, loadPreset, openPage, startServerAndBrowser } from './harness.mjs';
import { aidsReady, deliverShown } from './aids-helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PANELS = ['#quorum-panel', '#compare-panel', '#checker-panel', '#challenge-panel', '#export-panel'];

/** axe is evaluated through the driver, not added as a <script>: the page's CSP refuses inline scripts. */
async function axe(page, selector) {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async (context) => window.axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }), selector);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Puts every aid in a busy state: comparing, a counterexample found, a challenge broken, an import refused. */
async function busy(page) {
  await loadPreset(page, 'seed-3');
  await page.click('#to-end');
  await page.click('#compare-start');
  await page.selectOption('#challenge-pick', 'one-phase');
  await page.click('#challenge-start');
  await deliverShown(page, 'S1 → S3 Accept 11 X');
  await deliverShown(page, 'S2 → S1 Accept 12 Y');
  await page.locator('#challenge-panel[data-broken="true"]').waitFor();
  await page.click('#check-run');
  await page.locator('#checker-panel[data-status="done"]').waitFor();
  await page.fill('#import-text', 'nodes 3\nfrobnicate\n');
  await page.click('#import-form button[type="submit"]');
  await page.locator('#import-problem:not(:empty)').waitFor();
}

describe('accessibility of the understanding aids', { timeout: 180_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('axe: no violations in the busy aids, and the whole page with them', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await aidsReady(page);
    await busy(page);
    // The comparison is of the challenge's run now; the quorum panel shows its chosen values.
    assert.equal(await page.locator('#compare-panel').getAttribute('data-active'), 'true');
    assert.deepEqual(await axe(page, PANELS), []);
    assert.deepEqual(await axe(page, 'body'), []);
    assert.deepEqual(problems, []);
  });

  test('in Chinese on a phone: no violations, nothing wider than the screen, the aids’ words translated', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await aidsReady(page);
    await busy(page);
    assert.deepEqual(await axe(page, PANELS), []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
    assert.equal(await page.locator('#challenge-heading').textContent(), '你能破坏它吗？');
    assert.equal(await page.locator('#challenge-outcome').textContent(), '🎉 你用 4 步破坏了它，和模型检查器的最短方式一样短！');
    assert.match(await page.locator('#check-result').textContent(), /^违反：最短的反例需要 4 步/);
    assert.match(await page.locator('#compare-summary').textContent(), /首次分歧/);
    assert.match(await page.locator('#import-problem').textContent(), /^未导入：第 2 行第 1 列：/);
    // Outside the notation (event lines, commands, the core's own messages), no English.
    const text = await page.evaluate((panels) => panels.map((selector) => {
      const clone = document.querySelector(selector).cloneNode(true);
      for (const element of clone.querySelectorAll('code, [lang="en"], .compare-events, .check-moves, select, option, textarea, svg, #import-problem')) element.remove();
      return clone.textContent;
    }).join(' '), PANELS);
    const words = text.match(/\b[a-z]{4,}\b/g) ?? [];
    const allowed = new Set(['Paxos', 'Basic', 'Proposer', 'Acceptor', 'Promise', 'Accept', 'Mermaid', 'Rust']);
    assert.deepEqual(words.filter((w) => !allowed.has(w)), []);
    await context.close();
  });

  test('keyboard: the aids’ controls are reached with Tab and work with Enter and Space', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await aidsReady(page);
    await loadPreset(page, 'seed-3');
    await page.locator('#compare-protocol').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'compare-start');
    await page.keyboard.press('Enter');
    await page.locator('#compare-panel[data-active="true"]').waitFor();
    await page.locator('#check-form [name="symmetry"]').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'check-run');
    await page.keyboard.press('Space');
    await page.locator('#checker-panel[data-status="done"]').waitFor();
    await page.locator('#check-animate').focus();
    await page.keyboard.press('Enter');
    await page.locator('#scenario-title', { hasText: 'shortest counterexample' }).waitFor();
    await page.locator('[data-export="script"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#export-panel[data-exported^="script:"]').waitFor();
    assert.deepEqual(problems, []);
  });
});
