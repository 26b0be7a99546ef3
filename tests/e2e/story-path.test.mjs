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

  // The card's paragraphs keep a readable width (75rem) but always start a line of their own:
  // capped by max-width, a paragraph once joined the title's line on screens wider than
  // about 1,330 px, and the title shrank to a column of letters (0 px wide at 1,380).
  test('on wide screens the title keeps its line and the story is below it', async () => {
    for (const width of [1280, 1380, 1400, 1440, 1500, 1920, 2560]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.origin}/`);
      await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
      await loadPreset(page, 'seed-3');
      const boxes = await page.evaluate(() => Object.fromEntries(['scenario-title', 'scenario-story', 'scenario-outcome', 'story-next']
        .map((id) => {
          const element = document.getElementById(id);
          const r = element.getBoundingClientRect();
          // How wide its text runs (its lines' boxes), not its box.
          const range = document.createRange();
          range.selectNodeContents(element);
          return [id, { x: r.x, y: r.y, width: r.width, height: r.height, bottom: r.bottom, text: range.getBoundingClientRect().width }];
        })));
      const title = boxes['scenario-title'];
      assert.ok(title.height < 40, `${width} px: the title is ${title.width} x ${title.height} px (one line is about 27)`);
      assert.ok(boxes['scenario-story'].y >= title.bottom, `${width} px: the story starts beside the title`);
      assert.ok(boxes['scenario-outcome'].y >= boxes['scenario-story'].bottom, `${width} px: the outcome is not below the story`);
      assert.ok(boxes['scenario-story'].text <= 75 * 16 + 1, `${width} px: the story's lines are ${boxes['scenario-story'].text} px wide`);
      assert.ok(Math.abs(boxes['story-next'].y - title.y) < 20, `${width} px: the way to the next story left the title's line`);
      await page.close();
    }
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
