// "Download SVG" and "Download PNG" for the cluster and the space-time diagram: the files are
// self-contained (no script, nothing fetched: every element carries its own style, and the
// fonts that draw its text are embedded as data: URLs), in the page's language and theme,
// cropped to the viewed step when asked, and the same link gives the same file byte for byte.
// If the font files cannot be fetched, the picture still comes, naming the fonts only, and
// the page's status line says so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { closeAll, loadPreset, startServerAndBrowser, waitForStep } from './harness.mjs';
import { codeFor, instrument } from './share-helpers.mjs';

/** The @font-face rules of a picture: [{source, ranges}] (source: the data: URL). */
function embeddedFaces(svg) {
  return [...svg.matchAll(/@font-face\{[^}]*src:url\(([^)]*)\)[^}]*unicode-range:([^}]*)\}/g)].map(([, source, range]) => ({
    source,
    ranges: range.split(',').map((part) => part.replace('U+', '').split('-').map((hex) => parseInt(hex, 16))),
  }));
}

/** The characters a picture draws (its <text> elements' content), once each. */
function drawnCharacters(svg) {
  const texts = [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map(([, inner]) => inner.replace(/<[^>]+>/g, ''));
  return [...new Set([...texts.join('')].filter((c) => c.trim() !== ''))];
}

/**
 * Checks a downloaded SVG is self-contained with its fonts embedded: no script, nothing
 * external, @font-face rules with woff2 data: sources whose ranges cover every character drawn
 * (except `uncovered`, which no shipped font has), the embedded family named first; and that
 * a browser decodes each embedded font and uses it for the picture's text. Returns the faces.
 */
async function assertFontsEmbedded(browser, text) {
  assert.doesNotMatch(text, /<script|<link|<foreignObject|href=|@import|class="/i);
  assert.doesNotMatch(text.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, ''), /https?:/, 'no address but the namespace');
  // url(): the embedded fonts, or a marker inside the picture.
  for (const [, target] of text.matchAll(/url\(([^)]*)\)/g)) assert.match(target, /^(data:font\/woff2;base64,[A-Za-z0-9+/]+=*|#[\w-]+)$/);
  assert.match(text, /<style>[^<]*@font-face\{font-family:"Noto Sans embedded"/);
  assert.match(text, /<svg [^>]*font-family="&quot;Noto Sans embedded&quot;, [^"]*sans-serif"/, 'the embedded family first, generic last');
  const faces = embeddedFaces(text);
  assert.ok(faces.length > 0);
  const covered = (c) => faces.some(({ ranges }) => ranges.some(([first, last = first]) => c.codePointAt(0) >= first && c.codePointAt(0) <= last));
  const missing = drawnCharacters(text).filter((c) => !covered(c) && !/[\p{So}\p{Sm}]/u.test(c));
  assert.deepEqual(missing, [], 'every letter, digit and punctuation drawn is in an embedded font');
  // A blank page (no styles, no CSP) with the picture inline: each embedded face is fetched
  // only if text needs it, so every one of them loaded means each decodes and is used.
  const page = await browser.newPage();
  try {
    const loaded = await page.evaluate(async (svg) => {
      document.body.innerHTML = svg.replace(/^<\?xml[^>]*>\n/, '');
      await document.fonts.ready;
      return [...document.fonts].filter((face) => face.family.replace(/"/g, '') === 'Noto Sans embedded').map((face) => face.status);
    }, text);
    assert.equal(loaded.length, faces.length);
    assert.deepEqual(loaded.filter((status) => status !== 'loaded'), [], `every embedded font loads (${loaded})`);
  } finally {
    await page.close();
  }
  return faces;
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** A page on seed §3 at step 8 (its violation), in `language` and `colorScheme`. */
async function atViolation(browser, origin, { language = 'en', colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ locale: language, colorScheme, acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // The page's Content-Security-Policy holds while pictures are made (an inline style
  // attribute per element was once refused, and reported, 61 times a picture).
  const violations = await instrument(page);
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${origin}/`);
  await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
  await loadPreset(page, 'seed-3');
  await page.locator('#scrubber').fill('8');
  await waitForStep(page, 8);
  // The quorum overlay is drawn on the cluster once its module is here: a picture is of what
  // is on screen, so both pages wait for it.
  await page.locator('#quorum-panel[data-quorum-state="drawn"]').waitFor({ state: 'attached' });
  return { context, page, violations, errors };
}

describe('publishable pictures', { timeout: 180_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('SVG of the space-time diagram in English: self-contained, fonts embedded, the same every time', async () => {
    const { context, page, violations, errors } = await atViolation(browser, server.origin);
    const cluster = await download(page, '[data-picture="cluster"][data-format="svg"]');
    assert.equal(cluster.name, 'paxos-seed-3-step-8.svg');
    const text = cluster.bytes.toString('utf8');
    assert.match(text, /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(text, />S1\s*</);
    assert.match(text, /style="[^"]*fill:/);
    assert.doesNotMatch(text, /style="[^"]*font-family/, 'the root alone names the fonts');
    // A pill's height and corners come from the page's stylesheet: the picture has them as
    // attributes (any SVG reader draws them), every box with its height.
    const rects = [...text.matchAll(/<rect\b[^>]*>/g)].map(([tag]) => tag);
    assert.ok(rects.some((tag) => / y="-9" .*height="18"|height="18".* y="-9"/.test(tag) && /rx="9"/.test(tag)), 'a pill\'s body');
    assert.deepEqual(rects.filter((tag) => !/ height="/.test(tag)), [], 'every box has its height');
    const whole = await download(page, '[data-picture="spacetime"][data-format="svg"]');
    assert.equal(whole.name, 'paxos-seed-3-run.svg');
    const wholeText = whole.bytes.toString('utf8');
    assert.match(wholeText, /chosen Z/);
    assert.match(wholeText, />S5\s*</, 'the lane names come along');
    const faces = await assertFontsEmbedded(browser, wholeText);
    // The Latin file first (its letters and digits); the symbols (⚠) come from another.
    assert.ok(faces[0].ranges.some(([first, last]) => first <= 0x53 && 0x53 <= (last ?? first)), 'S from the first file');
    assert.ok(faces.length <= 3, `${faces.length} files for an English picture`);
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
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the cluster\'s picture of a step is the same whatever path led to it (a step by hand, or the link)', async () => {
    // S1 sends Prepare 11, times out and sends Prepare 21: two messages queue on S1 -> S2.
    // Step 3 delivers Prepare 11. Taken by hand, Prepare 21 stays where it waited (the
    // drawing keeps things still from step to step); opened at step 3, it heads its queue.
    // The picture is laid out as opening the link does.
    const script = 'protocol basic-paxos\nnodes 3\nnetwork manual\nretry on\nattempts 8\ntimeout 20\n' +
      'propose S1 X\ntimeout S1\ndeliver S1->S2 Prepare 11\n';
    const open = async (step) => {
      const context = await browser.newContext({ locale: 'en', acceptDownloads: true, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}/#s=${await codeFor(script, { step })}`);
      await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
      await waitForStep(page, step);
      return { context, page };
    };
    const pillAt = (page) => page.locator('#cluster .msg[data-msg-id="3"]').getAttribute('transform');
    const byHand = await open(2);
    await byHand.page.click('#forward');
    await waitForStep(byHand.page, 3);
    const direct = await open(3);
    // On screen the two differ (that is the drawing's stability)...
    assert.notEqual(await pillAt(byHand.page), await pillAt(direct.page));
    // ...the pictures do not.
    const picture = (page) => download(page, '[data-picture="cluster"][data-format="svg"]');
    assert.ok((await picture(byHand.page)).bytes.equals((await picture(direct.page)).bytes), 'the two pictures differ');
    await byHand.context.close();
    await direct.context.close();
  });

  test('SVG of the cluster in Chinese: the Chinese font files that draw its characters come inside it', async () => {
    const { context, page } = await atViolation(browser, server.origin, { language: 'zh-CN' });
    const cluster = await download(page, '[data-picture="cluster"][data-format="svg"]');
    const text = cluster.bytes.toString('utf8');
    const han = drawnCharacters(text).filter((c) => /\p{Script=Han}/u.test(c));
    assert.ok(han.length > 0, 'the cluster has Chinese text');
    const faces = await assertFontsEmbedded(browser, text);
    assert.ok(faces.length > 1, 'Latin and Chinese files');
    // The same link in another page: the same bytes, fonts and all.
    const again = await atViolation(browser, server.origin, { language: 'zh-CN' });
    assert.ok((await download(again.page, '[data-picture="cluster"][data-format="svg"]')).bytes.equals(cluster.bytes));
    await again.context.close();
    await context.close();
  });

  test('fonts that cannot be fetched: the picture still comes, naming the fonts, and the status says so', async () => {
    const { context, page } = await atViolation(browser, server.origin);
    await page.route('**/web/fonts/**', (route) => route.fulfill({ status: 503, body: 'down' }));
    const svg = (await download(page, '[data-picture="cluster"][data-format="svg"]')).bytes.toString('utf8');
    assert.doesNotMatch(svg, /@font-face|Noto Sans embedded|<style/);
    assert.match(svg, /<svg [^>]*font-family="[^"]*sans-serif"/);
    assert.match(await page.locator('#status').textContent(), /without its fonts .*HTTP 503/);
    // Once they can be fetched again, the next picture has them.
    await page.unroute('**/web/fonts/**');
    assert.match((await download(page, '[data-picture="cluster"][data-format="svg"]')).bytes.toString('utf8'), /@font-face/);
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
    // A picture, not an empty canvas: a drawing this size with its text compresses to some
    // kilobytes, and not to megabytes.
    assert.ok(png.bytes.length > 10_000 && png.bytes.length < 2_000_000, `${png.bytes.length} bytes`);
    // Drawn in the embedded fonts: the same picture without them (its font files refused)
    // has other pixels.
    const bare = await atViolation(browser, server.origin, { language: 'zh-CN', colorScheme: 'dark' });
    await bare.page.route('**/web/fonts/**', (route) => route.fulfill({ status: 404, body: '' }));
    const barePng = await download(bare.page, '[data-picture="cluster"][data-format="png"]');
    assert.equal(barePng.bytes.readUInt32BE(16), pngWidth);
    assert.ok(!barePng.bytes.equals(png.bytes), 'the embedded fonts change the drawing');
    await bare.context.close();
    const svg = (await download(page, '[data-picture="spacetime"][data-format="svg"]')).bytes.toString('utf8');
    assert.match(svg, /确定 Z/, 'in the page\'s language');
    const background = svg.match(/<rect width="[\d.]+" height="[\d.]+" fill="([^"]+)"/)[1];
    const [r, g, b] = background.match(/\d+/g).map(Number);
    assert.ok((r + g + b) / 3 < 128, `a dark background (${background})`);
    await context.close();
  });
});
