// Playing, stepping and time travel, as people use them: buttons, the scrubber, the event
// list, the space-time diagram and the keyboard.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, observer, openPage, position, scrollAwayFrom, showEvents, startServerAndBrowser, trackAnimationFrames, waitForStep, showSpacetime } from './harness.mjs';

const currentEvent = async (page) => {
  await showEvents(page);
  return page.locator('#events .event-row.current .event-text').textContent();
};

describe('playback controls', { timeout: 180_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('the first page is ready to play: a preset at step 0, controls enabled', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    assert.deepEqual(await position(page), { step: 0, steps: 17 });
    assert.equal(await page.locator('#play').isEnabled(), true);
    assert.equal(await page.locator('#back').isDisabled(), true);
    assert.match(await page.locator('#position').textContent(), /^Step 0 \/ 17 · tick 0$/);
    assert.equal(await currentEvent(page), 'start: nothing has happened yet');
    assert.deepEqual(problems, []);
  });

  // The bar stays on screen while the page scrolls: on a 360 px phone its eight buttons share
  // one row (they wrapped to two, and the bar took 203 px of a 740 px screen).
  test('on a 360 px phone the playback bar is one row of buttons, and short', async () => {
    for (const [locale, tallest] of [['en-US', 120], ['zh-CN', 165]]) {
      const context = await browser.newContext({ locale, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      const { page, problems } = await openPage(context, `${server.origin}/`);
      await page.click('#to-end');
      const bar = await page.evaluate(() => {
        const buttons = [...document.querySelectorAll('.playback-buttons button')].map((button) => button.getBoundingClientRect());
        return {
          height: document.querySelector('.playback').getBoundingClientRect().height,
          rows: new Set(buttons.map((box) => Math.round(box.top))).size,
          narrowest: Math.min(...buttons.map((box) => box.width)),
          lowest: Math.min(...buttons.map((box) => box.height)),
          wide: document.documentElement.scrollWidth,
        };
      });
      assert.equal(bar.rows, 1, `${locale}: buttons on ${bar.rows} rows`);
      assert.ok(bar.height <= tallest, `${locale}: the bar is ${bar.height} px tall`);
      assert.ok(bar.narrowest >= 24 && bar.lowest >= 24, `${locale}: a button of ${bar.narrowest} x ${bar.lowest} px`);
      assert.ok(bar.wide <= 360, `${locale}: the page is ${bar.wide} px wide`);
      assert.deepEqual(problems, []);
      await context.close();
    }
    // Narrower still, nothing sticks out (the diagram's lane names, not drawn yet, took an
    // SVG's default 300 px: the page was 333 px wide at 320).
    const small = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
    const { page } = await openPage(small, `${server.origin}/`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 320);
    await small.close();
  });

  test('step forward and back move one event, and every view follows', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'seed-5');
    await page.click('#forward');
    await waitForStep(page, 1);
    assert.equal(await currentEvent(page), 'propose S1 X');
    assert.equal(await page.locator('#inflight .inflight-row').count(), 4);
    assert.equal(await page.locator('#cluster .msg:not(.ghost)').count(), 4);
    assert.match(await page.locator('#cluster [data-node-id="1"]').getAttribute('aria-label'), /proposer, phase 1: 11/);
    assert.match(await page.locator('#status').textContent(), /^Step 1 of 19: propose S1 X\./);
    await page.click('#forward');
    await waitForStep(page, 2);
    assert.equal(await currentEvent(page), 'deliver #1 S1->S2 Prepare 11');
    assert.equal(await page.locator('#servers tr[data-node-id="2"] td').nth(1).textContent(), '11');
    await page.click('#back');
    await waitForStep(page, 1);
    assert.equal(await page.locator('#servers tr[data-node-id="2"] td').nth(1).textContent(), '–');
    // The run is not changed by looking at it.
    assert.equal((await position(page)).steps, 19);
    assert.deepEqual(problems, []);
  });

  test('the event list, far below the screen, is marked out of date and drawn when it comes into view', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'seed-5');
    await showEvents(page);
    await scrollAwayFrom(page, '.panel-events');
    const panel = page.locator('.panel-events');
    // Far below (some 1,400 px down at 1280 x 720): a step marks it busy, not drawn.
    await page.click('#forward');
    await waitForStep(page, 1);
    await page.click('#forward');
    await waitForStep(page, 2);
    assert.equal(await panel.getAttribute('aria-busy'), 'true');
    assert.equal(await page.locator('#events button[aria-current="step"]').getAttribute('data-step'), '0');
    // In view: drawn at once, at the viewed step.
    await page.locator('#events').scrollIntoViewIfNeeded();
    await page.locator('.panel-events:not([aria-busy])').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#events button[aria-current="step"]').getAttribute('data-step'), '2');
    assert.equal(await currentEvent(page), 'deliver #1 S1->S2 Prepare 11');
    // Near the screen, every step draws it at once.
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, 3);
    assert.equal(await panel.getAttribute('aria-busy'), null);
    assert.equal(await page.locator('#events button[aria-current="step"]').getAttribute('data-step'), '3');
    assert.deepEqual(problems, []);
  });

  test('the space-time diagram, far below the screen, is marked out of date and drawn when it comes into view', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    // A short window: the diagram's panel, about 1,000 px down, is then well past the 400 px
    // within which a view counts as near.
    await page.setViewportSize({ width: 1280, height: 480 });
    await loadPreset(page, 'seed-5');
    await showSpacetime(page);
    const cursor = () => page.locator('#spacetime .st-cursor').getAttribute('x1');
    const atStart = await cursor();
    // Back at the top, once the diagram's observer has reported it far (a frame or more later).
    await scrollAwayFrom(page, '.panel-spacetime');
    const panel = page.locator('.panel-spacetime');
    // Far below: steps mark it busy, not drawn.
    await page.click('#forward');
    await waitForStep(page, 1);
    await page.click('#forward');
    await waitForStep(page, 2);
    assert.equal(await panel.getAttribute('aria-busy'), 'true');
    assert.equal(await cursor(), atStart, 'the cursor waits where it was');
    // In view: drawn at once, at the viewed step.
    await showSpacetime(page);
    const atTwo = await cursor();
    assert.ok(Number(atTwo) > Number(atStart), `the cursor moved to step 2 (${atStart} -> ${atTwo})`);
    // Near the screen, every step draws it at once.
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, 3);
    assert.equal(await panel.getAttribute('aria-busy'), null);
    assert.ok(Number(await cursor()) > Number(atTwo));
    assert.deepEqual(problems, []);
  });

  test('the scrubber, the event list, the space-time diagram and the keys all travel in time', async () => {
    const { page } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'seed-5');
    await page.locator('#scrubber').fill('10');
    await waitForStep(page, 10);
    await showEvents(page);
    await page.locator('#events button[data-step="4"]').click();
    await waitForStep(page, 4);
    assert.equal(await page.locator('#events button[data-step="4"]').getAttribute('aria-current'), 'step');
    // A click on a column of the diagram goes to that step.
    await showSpacetime(page);
    const box = await page.locator('#spacetime .st-background').boundingBox();
    const target = await page.locator('#spacetime').evaluate((svg) => {
      const ctm = svg.getScreenCTM();
      const numbers = [...svg.querySelectorAll('.st-step-number')];
      const ten = numbers.find((n) => n.textContent === '10');
      return new DOMPoint(Number(ten.getAttribute('x')), 0).matrixTransform(ctm).x;
    });
    await page.mouse.click(target, box.y + box.height - 20);
    await waitForStep(page, 10);
    await page.keyboard.press('Home');
    await waitForStep(page, 0);
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, 1);
    await page.keyboard.press('End');
    await waitForStep(page, 19);
    await page.keyboard.press('ArrowLeft');
    await waitForStep(page, 18);
    // Arrow keys inside the event list move between steps without travelling.
    await showEvents(page);
    await page.locator('#events button[data-step="18"]').focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.step), '17');
    assert.equal((await position(page)).step, 18);
    await page.keyboard.press('Enter');
    await waitForStep(page, 17);
    // Home and End go to the list's first and last rows (they did nothing there), and Enter
    // goes to that step.
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.step), '0');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.step), '19');
    assert.equal((await position(page)).step, 17);
    await page.keyboard.press('Enter');
    await waitForStep(page, 19);
  });

  test('play runs to the end of the run, then no animation frame is pending', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`, { beforeLoad: trackAnimationFrames });
    await page.selectOption('#speed', '8');
    await page.click('#play');
    assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'true');
    await page.waitForFunction(() => document.getElementById('play').dataset.playing === 'false', null, { timeout: 30_000 });
    assert.deepEqual(await position(page), { step: 17, steps: 17 });
    assert.match(await page.locator('#status').textContent(), /End of the run/);
    assert.equal((await observer(page)).facts[0].startsWith('X chosen'), true);
    const frames = await page.evaluate(() => ({ pending: window.__frames.pending.size, requested: window.__frames.requested }));
    assert.ok(frames.requested > 5, `played with ${frames.requested} frames`);
    assert.equal(frames.pending, 0, 'an animation frame is still scheduled after the end');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('pause stops the frame loop; the page does no work per frame while paused', async () => {
    const { page } = await openPage(browser, `${server.origin}/`, { beforeLoad: trackAnimationFrames });
    assert.equal(await page.evaluate(() => window.__frames.pending.size), 0, 'idle page schedules frames');
    await page.keyboard.press('k');
    await page.waitForFunction(() => window.__frames.requested > 3);
    assert.equal(await page.evaluate(() => window.__frames.pending.size), 1);
    await page.keyboard.press('k');
    assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'false');
    const before = await page.evaluate(() => window.__frames.requested);
    assert.equal(await page.evaluate(() => window.__frames.pending.size), 0);
    // Two frames' time later, still nothing asked for.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    assert.equal(await page.evaluate(() => window.__frames.requested), before);
    assert.match(await page.locator('#status').textContent(), /Paused at step \d+/);
    await page.close();
  });

  test('with reduced motion the run still plays, step by step', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await page.selectOption('#speed', '8');
    await page.click('#play');
    await page.waitForFunction(() => document.getElementById('play').dataset.playing === 'false', null, { timeout: 30_000 });
    assert.deepEqual(await position(page), { step: 17, steps: 17 });
    await context.close();
  });

  test('the help overlay lists the keys, opens with ? and closes with Escape', async () => {
    const { page } = await openPage(browser, `${server.origin}/`);
    await page.keyboard.press('?');
    const dialog = page.locator('#help-dialog');
    await dialog.waitFor();
    const rows = await page.locator('#shortcut-rows tr').allTextContents();
    assert.ok(rows.some((row) => row.includes('Space') && row.includes('Play or pause')), rows.join(' | '));
    assert.ok(rows.length >= 10);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
