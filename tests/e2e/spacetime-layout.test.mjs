// The space-time diagram's words never cover one another: every preset, at every step, on a
// desktop and a 360 px phone (and the Chinese page on the desktop), no two of its label boxes
// overlap (arrow labels, findings, notes), and no label covers a mark on a lane (a proposal,
// a chosen diamond, a crash, a timer, a drop's cross). The boxes are the browser's own
// (getBoundingClientRect), so this also checks the layout step's width estimates
// (web/layout/spacetime.js) against the fonts really used.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, launchBrowser, loadPreset, startServer, showSpacetime, startTogether } from './harness.mjs';

const PRESETS = JSON.parse(await (await import('node:fs/promises')).readFile(`${ROOT}web/pkg/presets.json`, 'utf8')).map((preset) => preset.id);

/** In the page: walks every step, returns the overlapping pairs found (as readable strings). */
function walkSteps() {
  const scrubber = document.getElementById('scrubber');
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const describe = (element) => `${element.getAttribute('class')} "${element.textContent}"`;
  const visible = (element) => element.isConnected && element.getClientRects().length > 0;
  return (async () => {
    const found = new Set();
    let labelled = 0;
    for (let step = 0; step <= Number(scrubber.max); step += 1) {
      scrubber.value = String(step);
      scrubber.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      const svg = document.getElementById('spacetime');
      const labels = [...svg.querySelectorAll('.st-label, .st-finding, .st-note')].filter(visible)
        .map((element) => ({ element, box: element.getBoundingClientRect() }));
      const marks = [...svg.querySelectorAll('.st-propose, .st-chosen, .st-crash, .st-restart, .st-timer, .st-drop')].filter(visible)
        .map((element) => ({ element, box: element.getBoundingClientRect() }));
      labelled = Math.max(labelled, labels.length);
      // Overlap by more than half a pixel either way (anti-aliased edges may touch).
      const cover = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
      for (let i = 0; i < labels.length; i += 1) {
        for (let j = i + 1; j < labels.length; j += 1) {
          if (cover(labels[i].box, labels[j].box)) found.add(`step ${step}: ${describe(labels[i].element)} over ${describe(labels[j].element)}`);
        }
        for (const mark of marks) {
          if (cover(labels[i].box, mark.box)) found.add(`step ${step}: ${describe(labels[i].element)} over mark ${describe(mark.element)}`);
        }
      }
    }
    return { overlaps: [...found], labelled };
  })();
}

for (const { name, width, language, colorScheme = 'light' } of [
  { name: 'desktop', width: 1280, language: 'en' },
  { name: '360 px phone', width: 360, language: 'en' },
  { name: 'desktop, Chinese', width: 1280, language: 'zh-CN' },
  { name: 'desktop, dark', width: 1280, language: 'en', colorScheme: 'dark' },
]) {
  describe(`space-time diagram labels never overlap: ${name}`, { timeout: 300_000 }, () => {
    let server;
    let browser;
    let page;
    before(async () => {
      [server, browser] = await startTogether(startServer(ROOT), launchBrowser());
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: language, colorScheme });
      page = await context.newPage();
      await page.goto(`${server.origin}/?lang=${language}`);
      await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });
    for (const id of PRESETS) {
      test(id, async () => {
        await loadPreset(page, id);
        await showSpacetime(page);
        const { overlaps, labelled } = await page.evaluate(walkSteps);
        assert.deepEqual(overlaps, []);
        assert.ok(labelled > 0, 'the diagram has labels to check');
        // Every finding has its words on the diagram (none left out for want of room).
        const findings = await page.locator('#spacetime .st-finding').count();
        const marks = await page.evaluate(() => document.querySelectorAll('#observer li').length);
        if (id === 'seed-3') assert.equal(findings, 4, 'chosen Z, stability, chosen Y, agreement');
        assert.ok(findings > 0 || marks === 0, 'findings drawn');
      });
    }
  });
}
