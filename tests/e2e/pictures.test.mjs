// "Download SVG" and "Download PNG" for the cluster and the space-time diagram: the files are
// self-contained (no script, no stylesheet, nothing fetched: every element carries its own
// style), in the page's language and theme, cropped to the viewed step when asked, and the
// same link gives the same file byte for byte.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { closeAll, loadPreset, startServerAndBrowser, waitForStep } from './harness.mjs';

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** A page on seed §3 at step 8 (its violation), in `language` and `colorScheme`. */
async function atViolation(browser, origin, { language = 'en', colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ locale: language, colorScheme, acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
  await loadPreset(page, 'seed-3');
  await page.locator('#scrubber').fill('8');
  await waitForStep(page, 8);
  // The quorum overlay is drawn on the cluster once its module is here: a picture is of what
  // is on screen, so both pages wait for it.
  await page.locator('#quorum-panel[data-quorum-state="drawn"]').waitFor({ state: 'attached' });
  return { context, page };
}

describe('publishable pictures', { timeout: 180_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('SVG of the cluster and of the space-time diagram: self-contained, the same every time', async () => {
    const { context, page } = await atViolation(browser, server.origin);
    const cluster = await download(page, '[data-picture="cluster"][data-format="svg"]');
    assert.equal(cluster.name, 'paxos-seed-3-step-8.svg');
    const text = cluster.bytes.toString('utf8');
    assert.match(text, /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.doesNotMatch(text, /<script|<style|<link|href="http|class="/i);
    assert.match(text, />S1\s*</);
    assert.match(text, /style="[^"]*fill:/);
    const whole = await download(page, '[data-picture="spacetime"][data-format="svg"]');
    assert.equal(whole.name, 'paxos-seed-3-run.svg');
    const wholeText = whole.bytes.toString('utf8');
    assert.match(wholeText, /chosen Z/);
    assert.match(wholeText, />S5\s*</, 'the lane names come along');
    // Up to the viewed step: narrower, and without the steps after it.
    await page.selectOption('#spacetime-extent', 'step');
    const upTo = await download(page, '[data-picture="spacetime"][data-format="svg"]');
    assert.equal(upTo.name, 'paxos-seed-3-step-8.svg');
    const width = (svg) => Number(svg.toString('utf8').match(/<svg[^>]* width="([\d.]+)"/)[1]);
    assert.ok(width(upTo.bytes) < width(whole.bytes), `${width(upTo.bytes)} < ${width(whole.bytes)}`);
    // Another page on the same link: the same files.
    const again = await atViolation(browser, server.origin);
    assert.ok((await download(again.page, '[data-picture="cluster"][data-format="svg"]')).bytes.equals(cluster.bytes));
    assert.ok((await download(again.page, '[data-picture="spacetime"][data-format="svg"]')).bytes.equals(whole.bytes));
    await again.context.close();
    await context.close();
  });

  test('PNG: a real image twice the drawing\'s size; Chinese and dark pictures', async () => {
    const { context, page } = await atViolation(browser, server.origin, { language: 'zh-CN', colorScheme: 'dark' });
    const png = await download(page, '[data-picture="cluster"][data-format="png"]');
    assert.equal(png.name, 'paxos-seed-3-step-8.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const pngWidth = png.bytes.readUInt32BE(16);
    const drawn = await page.locator('#cluster').evaluate((svg) => Number(svg.getAttribute('viewBox').split(/\s+/)[2]));
    assert.equal(pngWidth, Math.ceil(drawn * 2));
    const svg = (await download(page, '[data-picture="spacetime"][data-format="svg"]')).bytes.toString('utf8');
    assert.match(svg, /确定 Z/, 'in the page\'s language');
    const background = svg.match(/<rect width="[\d.]+" height="[\d.]+" fill="([^"]+)"/)[1];
    const [r, g, b] = background.match(/\d+/g).map(Number);
    assert.ok((r + g + b) / 3 < 128, `a dark background (${background})`);
    await context.close();
  });
});
