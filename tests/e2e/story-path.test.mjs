// A path through the presets: the scenario card of a preset leads to the previous and the
// next one in the seed's order (§1 … §5, then the livelock and its fixes), in the page's
// language; a run of one's own has no path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, startServerAndBrowser } from './harness.mjs';

describe('next and previous story', { timeout: 120_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('§1 → §2 → §3 and back; the last preset has no next', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    const presets = await page.evaluate(async () => (await (await fetch('web/pkg/presets.json')).json()).map((p) => p.id));
    assert.deepEqual(presets.slice(0, 5), ['seed-1', 'seed-2', 'seed-3', 'seed-4', 'seed-5']);
    await loadPreset(page, 'seed-1');
    assert.equal(await page.locator('#story-previous').isVisible(), false);
    assert.equal(await page.locator('#story-next').textContent(), '→');
    assert.match(await page.locator('#story-next').getAttribute('aria-label'), /^Next story: One phase: three proposers/);
    await page.click('#story-next');
    await page.waitForFunction(() => document.getElementById('story-next').dataset.preset === 'seed-3');
    const title = await page.locator('#scenario-title').textContent();
    await page.click('#story-next');
    await page.waitForFunction(() => document.getElementById('story-previous').dataset.preset === 'seed-2');
    assert.equal(await page.locator('#story-previous').getAttribute('title'), `Previous story: ${title}`);
    await page.click('#story-previous');
    await page.waitForFunction(() => document.getElementById('story-next').dataset.preset === 'seed-3');
    await loadPreset(page, presets[presets.length - 1]);
    assert.equal(await page.locator('#story-next').isVisible(), false);
    assert.equal(await page.locator('#story-previous').isVisible(), true);
    await page.close();
  });

  test('in Chinese, and not in embeds', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await loadPreset(page, 'seed-2');
    assert.match(await page.locator('#story-next').getAttribute('aria-label'), /^下一个故事：/);
    const embed = await context.newPage();
    await embed.goto(`${server.origin}/?embed=1`);
    await embed.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    assert.equal(await embed.locator('.story-path').isVisible(), false);
    await context.close();
  });
});
