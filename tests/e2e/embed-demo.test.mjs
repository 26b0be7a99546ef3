// The demo blog post (web/embed-demo.html): three embedded playgrounds (seed §1, §3 at the
// moment Z is overwritten, §5), each showing its scenario, each sized to its content by
// the documented parent-side script, the §5 one driven by the post's buttons through the
// postMessage API; under the post's own strict CSP, with no storage used anywhere.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, startServerAndBrowser } from './harness.mjs';
import { instrument } from './share-helpers.mjs';

const FRAMES = {
  'demo-seed-1': { title: 'One phase: a majority accepts X before Y arrives', position: 'Step 16 / 16', outcome: 'safe', panels: { cluster: 1, spacetime: 0 } },
  'demo-seed-3': { title: 'Proposal numbers break the deadlock, and break safety', position: 'Step 8 / 10', outcome: 'violated', panels: { cluster: 1, spacetime: 1 } },
  'demo-seed-5': { title: 'Two phases: conflicts in both, one value chosen', position: 'Step 0 / 19', outcome: 'safe', panels: { cluster: 0, spacetime: 1 } },
};

describe('embed demo page', { timeout: 120_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('a mock blog post with seed §1, §3 and §5 embedded, auto-sized and remote-controlled', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const problems = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    const violations = await instrument(page);
    await page.goto(`${server.origin}/web/embed-demo.html`);
    assert.equal(await page.locator('h1').textContent(), 'Why Paxos needs two phases');

    const frames = {};
    for (const [id, expected] of Object.entries(FRAMES)) {
      const iframe = page.locator(`#${id}`);
      await iframe.scrollIntoViewIfNeeded();
      const frame = await (await iframe.elementHandle()).contentFrame();
      await frame.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
      await frame.locator('#scenario-title', { hasText: expected.title }).waitFor();
      frames[id] = frame;
      assert.equal(await frame.locator('#position').textContent(), expected.position, id);
      assert.equal(await frame.locator('#observer').getAttribute('data-outcome'), expected.outcome, id);
      for (const [panel, count] of Object.entries(expected.panels)) {
        const shown = await frame.locator(`.panel-${panel}`).evaluateAll((e) => e.filter((x) => x.checkVisibility()).length);
        assert.equal(shown, count, `${id}: ${panel}`);
      }
      // Sized to its content by autosize.js: no inner scrolling, no empty space.
      await page.waitForFunction(async ([frameId, initial]) => {
        const element = document.getElementById(frameId);
        return element.style.height !== '' && element.clientHeight !== initial;
      }, [id, Number(await iframe.getAttribute('height'))]);
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const outer = await iframe.evaluate((element) => element.clientHeight);
      assert.ok(Math.abs(outer - content) <= 1, `${id}: frame ${outer}px, content ${content}px`);
      assert.deepEqual(await frame.evaluate(() => window.__storage), [], `${id} used no storage`);
    }

    // The post's buttons drive the §5 frame through its postMessage API.
    const seed5 = frames['demo-seed-5'];
    await page.click('[data-send="step"]');
    await page.locator('#demo-state', { hasText: 'Step 1 of 19: undecided' }).waitFor();
    assert.equal(await seed5.locator('#position').textContent(), 'Step 1 / 19');
    await page.click('[data-send="play"]');
    await seed5.locator('#play[aria-pressed="true"]').waitFor();
    await page.click('[data-send="pause"]');
    await seed5.locator('#play[aria-pressed="false"]').waitFor();
    // Played to its end, the post's line follows and stops saying "playing".
    await page.click('[data-send="seek"]');
    await page.locator('#demo-state', { hasText: 'Step 0 of 19' }).waitFor();
    await page.click('[data-send="play"]');
    await page.locator('#demo-state', { hasText: 'playing' }).waitFor();
    await page.locator('#demo-state', { hasText: /^Step 19 of 19: / }).waitFor({ timeout: 60_000 });
    assert.ok(!(await page.locator('#demo-state').textContent()).includes('playing'));
    await page.click('[data-send="seek"]');
    await page.locator('#demo-state', { hasText: 'Step 0 of 19' }).waitFor();
    // The other frames did not listen: their addresses name no origin.
    assert.equal(await frames['demo-seed-1'].locator('#position').textContent(), 'Step 16 / 16');

    assert.deepEqual(await page.evaluate(() => window.__storage), []);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  });
});
