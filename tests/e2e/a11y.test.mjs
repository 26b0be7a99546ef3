// Accessibility and languages: axe-core (from npm, injected into the real page) finds no
// violations on the main views and the dialogs, in both languages; the language follows
// the browser and can be switched, with every text of the page following it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { closeAll, loadPreset, observer, openPage, openSettings, openShare, startServerAndBrowser, waitForStep } from './harness.mjs';
import { codeFor } from './share-helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe on the page (or on `selector`); returns violations as readable lines. axe is
 * evaluated through the driver, not added as a <script>: the page's own CSP refuses inline
 * scripts.
 */
async function axe(page, selector) {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async (context) => window.axe.run(context ?? document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }), selector ?? null);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('accessibility and languages', { timeout: 180_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('axe: no violations on the main views, mid-run with a selection', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'seed-5');
    await page.locator('#scrubber').fill('12');
    await waitForStep(page, 12);
    await page.locator('#cluster [data-node-id="5"]').click();
    assert.deepEqual(await axe(page), []);
    await page.locator('#inflight [data-select-message]').first().click();
    await loadPreset(page, 'seed-3');
    await page.click('#to-end');
    assert.equal((await observer(page)).outcome, 'violated');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
  });

  test('axe: no violations in the dialogs and the error message', async () => {
    const { page } = await openPage(browser, `${server.origin}/`);
    await page.click('#open-presets');
    await page.locator('#presets-dialog[open]').waitFor();
    assert.deepEqual(await axe(page, '#presets-dialog'), []);
    await page.keyboard.press('Escape');
    await openSettings(page);
    assert.deepEqual(await axe(page, '#settings-dialog'), []);
    await page.click('#settings-cancel');
    await page.click('#open-help');
    await page.locator('#help-dialog[open]').waitFor();
    assert.deepEqual(await axe(page, '#help-dialog'), []);
    await page.keyboard.press('Escape');
    // A key that needs a selected message, with none selected: the problem box.
    await page.keyboard.press('x');
    await page.locator('#problem').waitFor();
    assert.deepEqual(await axe(page), []);
  });

  for (const { name, url, colorScheme, dark } of [
    { name: 'dark system', url: '/', colorScheme: 'dark', dark: true },
    { name: 'theme=dark link on a light system', url: '/?theme=dark', colorScheme: 'light', dark: true },
    { name: 'theme=light link on a dark system', url: '/?theme=light', colorScheme: 'dark', dark: false },
    { name: 'theme=dark embed', url: '/?embed=1&theme=dark', colorScheme: 'light', dark: true },
  ]) {
    test(`themes: ${name}: the colours follow, and axe (contrast included) finds nothing`, async () => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}${url}`);
      await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
      const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const [r, g, b] = paper.match(/\d+/g).map(Number);
      assert.equal((r + g + b) / 3 < 128, dark, `page background ${paper}`);
      if (!url.includes('embed')) {
        await loadPreset(page, 'seed-3');
        await page.locator('#scrubber').fill('8');
        await waitForStep(page, 8);
      }
      assert.deepEqual(await axe(page), []);
      await context.close();
    });
  }

  test('axe: no violations on a phone-sized screen, in Chinese', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await page.click('#forward');
    assert.deepEqual(await axe(page), []);
    // Nothing on the page is wider than the phone, except inside its scrolling regions.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
    await context.close();
  });

  test('a Chinese browser gets the page in Simplified Chinese', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.locator('h1').textContent(), 'Paxos 演练场');
    assert.equal(await page.locator('#scenario-title').textContent(), 'Basic Paxos：一个 Proposer，一切顺利');
    assert.equal((await observer(page)).badge, '安全');
    assert.equal(await page.locator('#language').textContent(), 'English');
    await context.close();
  });

  test('the language switch changes every text, and back, keeping the run where it is', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'seed-2');
    await page.click('#to-end');
    await waitForStep(page, 11);
    assert.equal((await observer(page)).badge, 'STUCK');
    await page.click('#language');
    // The Chinese texts are fetched the first time they are needed.
    await page.locator('html[lang="zh-CN"]').waitFor();
    const zh = await observer(page);
    assert.equal(zh.badge, '卡死');
    assert.match(zh.facts[0], /^从第 5 步起卡死/);
    assert.equal(await page.locator('#scenario-title').textContent(), '一阶段：三个 Proposer 永远平分选票');
    assert.equal(await page.locator('#play .button-label').textContent(), '播放');
    assert.equal(await page.locator('#cluster-heading').textContent(), '集群');
    assert.match(await page.locator('#position').textContent(), /^第 11 \/ 11 步$/);
    assert.equal(await page.title(), 'Paxos 演练场');
    // No English left in the page's own words (the canonical event lines stay notation).
    const text = await page.locator('body').evaluate((body) => {
      const skip = body.querySelectorAll('#events, #spacetime, #cluster, #inflight, #version, kbd, #language, #status');
      const clone = body.cloneNode(true);
      for (const element of clone.querySelectorAll('#events, #spacetime, #cluster, #inflight, #version, kbd, #language, #status, select, option, noscript, script')) element.remove();
      return skip.length ? clone.textContent : '';
    });
    const words = text.match(/\b[a-z]{4,}\b/g) ?? [];
    const allowed = new Set(['Paxos', 'Basic', 'Proposer', 'Acceptor', 'Leader', 'tick', 'Prepare', 'Promise', 'Accept', 'Accepted', 'Nack', 'Reject', 'ServerId']);
    assert.deepEqual(words.filter((w) => !allowed.has(w)), []);
    await page.keyboard.press('g');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await observer(page)).badge, 'STUCK');
    assert.equal((await observer(page)).facts[0].startsWith('Stuck since step 5'), true);
    assert.deepEqual(problems, []);
  });
  test('axe: no violations in the share dialog, a bad-link message and embed mode', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await openShare(page);
    assert.deepEqual(await axe(page, '#share-dialog'), []);
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'open-share', 'focus returns to the button');
    await page.evaluate(() => { location.hash = 's=AQ'; });
    await page.locator('#link-problem').waitFor();
    assert.deepEqual(await axe(page), []);
    const code = await codeFor('seed-5', { step: 9 });
    for (const query of ['?embed=1', '?embed=1&interactive=1']) {
      await page.goto(`${server.origin}/${query}#s=${code}`);
      await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
      await page.click('#forward');
      assert.deepEqual(await axe(page), [], query);
    }
    assert.deepEqual(problems, []);
  });
});
