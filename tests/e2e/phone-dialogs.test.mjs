// On a phone, every dialog fits its width: nothing in it is cut off or scrolls sideways (the
// settings' protocol select and its description, the share dialog's view select, the
// scenario cards), at 320, 360 and 390 px, in English and in Chinese.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, startServerAndBrowser } from './harness.mjs';

const DIALOGS = [['#open-settings', '#settings-dialog'], ['#open-share', '#share-dialog'], ['#open-presets', '#presets-dialog']];

describe('dialogs on phones', { timeout: 180_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));
  for (const width of [320, 360, 390]) {
    for (const language of ['en', 'zh-CN']) {
      test(`${width} px, ${language}`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 800 }, locale: language });
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
        for (const [button, dialog] of DIALOGS) {
          await page.click(button);
          await page.locator(`${dialog}[open]`).waitFor();
          const fit = await page.locator(dialog).evaluate((element) => {
            const box = element.getBoundingClientRect();
            const outside = [...element.querySelectorAll('*')].filter((child) => child.tagName !== 'OPTION' && child.getClientRects().length > 0)
              .filter((child) => {
                const r = child.getBoundingClientRect();
                return r.right > box.right + 0.5 || r.left < box.left - 0.5;
              })
              .map((child) => `${child.tagName.toLowerCase()}${child.id ? `#${child.id}` : ''}`);
            return { scrolls: element.scrollWidth > element.clientWidth, outside, inView: box.left >= 0 && box.right <= window.innerWidth };
          });
          assert.deepEqual(fit, { scrolls: false, outside: [], inView: true }, `${dialog} at ${width} px`);
          await page.keyboard.press('Escape');
          await page.locator(`${dialog}[open]`).waitFor({ state: 'detached' });
        }
        await context.close();
      });
    }
  }
});

describe('long unbroken words', { timeout: 180_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  // A title as long as a script allows, with no space in it, and a bad script of one long
  // word: both wrap inside their boxes, on a phone and a desktop, on the page and embedded.
  for (const width of [360, 1280]) {
    test(`wrap inside their boxes at ${width} px`, async () => {
      const { codeFor } = await import('./share-helpers.mjs');
      const code = await codeFor(`title ${'W'.repeat(120)}\nnodes 3\npropose S1 X\nrun\n`);
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const wide = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      for (const query of ['', '?embed=1']) {
        const page = await context.newPage();
        await page.goto(`${server.origin}/${query}#s=${code}`);
        await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
        assert.equal(await page.locator('#scenario-title').textContent(), 'W'.repeat(120));
        assert.equal(await wide(page), 0, `the page scrolls sideways (${query || 'page'})`);
        if (!query) {
          await page.locator('#export-panel').scrollIntoViewIfNeeded();
          await page.locator('#export-panel[data-ready="true"]').waitFor();
          await page.fill('#import-text', 'x'.repeat(500));
          await page.click('#import-form button[type="submit"]');
          await page.locator('#import-problem:not(:empty)').waitFor();
          assert.equal(await wide(page), 0, 'the page scrolls sideways after a bad import');
        }
        await page.close();
      }
      await context.close();
    });
  }
});
