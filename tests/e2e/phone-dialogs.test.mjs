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
