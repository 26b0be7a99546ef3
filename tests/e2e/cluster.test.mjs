// The cluster drawing as people see it: no two labels or pills overlap at any step of any
// preset (desktop and a 360 px phone), each server shows the value it holds as a colour and
// a letter, seed §3's violation is drawn where it happens, stepping moves the step's message,
// and the whole drawing is on the first screen when the page opens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, position, startServerAndBrowser, waitForStep } from './harness.mjs';
import { codeFor } from './share-helpers.mjs';

/** Overlaps smaller than this (CSS px) are rounding, not a collision. */
const TOLERANCE = 0.5;

/**
 * Every box the drawing's layout placed (elements marked data-box: pills, "+N", servers
 * with their marks, each server's text, the chosen value, captions, the verdict chip, cut
 * marks, the quorum overlay's words) that can be seen, as client rectangles.
 */
function drawnBoxes() {
  const svg = document.getElementById('cluster');
  const seen = (element) => {
    let opacity = 1;
    for (let e = element; e && e !== svg; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      opacity *= Number(style.opacity);
    }
    return opacity > 0.05;
  };
  const name = (element) => {
    const node = element.closest('[data-node-id]');
    const what = element.getAttribute('class') ?? element.tagName;
    return `${node ? `S${node.dataset.nodeId} ` : ''}${what} "${element.textContent.trim().slice(0, 40)}"`;
  };
  return [...svg.querySelectorAll('[data-box]')].filter(seen).map((element) => {
    const r = element.getBoundingClientRect();
    return { name: name(element), x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
  }).filter((b) => b.x1 > b.x0 && b.y1 > b.y0);
}

function overlapping(boxes) {
  const pairs = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i];
      const b = boxes[j];
      const width = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const height = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (width > TOLERANCE && height > TOLERANCE) pairs.push(`${a.name} / ${b.name} (${width.toFixed(1)} x ${height.toFixed(1)} px)`);
    }
  }
  return pairs;
}

/** Waits until the drawing is settled: the step shown, the quorum overlay drawn. */
async function settled(page, step) {
  await waitForStep(page, step);
  await page.waitForFunction(() => document.getElementById('quorum-panel')?.dataset.quorumState !== 'loading');
}

async function open(browser, server, viewport, { motion = false, hash = '', colorScheme = 'light', beforeLoad = null } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: motion ? 'no-preference' : 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  if (beforeLoad) await beforeLoad(page);
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(`${server.origin}/${hash}`);
  await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
  return { context, page, problems };
}

describe('cluster drawing', { timeout: 900_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  // Motion is reduced so that each step's picture is still when it is measured (the layout
  // is the same; a step's delivered message then stays, faint, where it waited).
  // Light and dark draw the same boxes (colours differ, fonts and sizes do not): the dark
  // theme is walked on the desktop to show it.
  for (const [name, viewport, colorScheme] of [
    ['desktop 1280 x 800', { width: 1280, height: 800 }, 'light'], ['phone 360 px', { width: 360, height: 740 }, 'light'],
    ['desktop 1280 x 800, dark', { width: 1280, height: 800 }, 'dark'],
  ]) {
    test(`${name}: at every step of every preset no two labels or pills overlap`, async () => {
      const { context, page, problems } = await open(browser, server, viewport, { colorScheme });
      const ids = await page.locator('[data-load-preset]').evaluateAll((buttons) => buttons.map((b) => b.dataset.loadPreset));
      assert.ok(ids.length >= 13, ids.join(' '));
      let measured = 0;
      for (const id of ids) {
        await loadPreset(page, id);
        const { steps } = await position(page);
        for (let step = 0; step <= steps; step += 1) {
          if (step > 0) await page.click('#forward');
          await settled(page, step);
          const boxes = await page.evaluate(drawnBoxes);
          assert.ok(boxes.length > 0, `${id} step ${step}: nothing measured`);
          assert.deepEqual(overlapping(boxes), [], `${id} at step ${step}`);
          measured += 1;
        }
      }
      assert.ok(measured > 500, `${measured} steps measured`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('each server shows the value it holds, as a colour and a letter: seed §4 ends split X X Z Z Y', async () => {
    const { context, page } = await open(browser, server, { width: 1280, height: 800 }, { hash: `#s=${await codeFor('seed-4', { step: 13 })}` });
    const servers = await page.locator('#cluster g.node').evaluateAll((nodes) => nodes.map((node) => ({
      value: node.querySelector('.node-value')?.textContent.trim(),
      fill: getComputedStyle(node.querySelector('.node-body')).fill,
    })));
    assert.deepEqual(servers.map((s) => s.value), ['X', 'X', 'Z', 'Z', 'Y']);
    assert.equal(servers[0].fill, servers[1].fill, 'the same value, the same colour');
    assert.equal(servers[2].fill, servers[3].fill);
    assert.equal(new Set(servers.map((s) => s.fill)).size, 3, `three values, three colours: ${servers.map((s) => s.fill)}`);
    await context.close();
  });

  test('seed §3: the cluster shows the violation at step 8, where the observer flags it', async () => {
    const { context, page } = await open(browser, server, { width: 1280, height: 800 }, { hash: `#s=${await codeFor('seed-3', { step: 7 })}` });
    const picture = () => page.evaluate(() => ({
      value: document.querySelector('#cluster .chosen-value')?.textContent,
      overturned: document.querySelectorAll('#cluster .chosen-value.overturned').length,
      caption: document.querySelector('#cluster .chosen-caption')?.textContent,
      marks: [...document.querySelectorAll('#cluster g.node')].map((node) =>
        [...node.querySelectorAll('.chosen-mark')].map((mark) => `${mark.classList.contains('moved') ? 'moved ' : ''}${mark.textContent.trim()}`).join(' ')),
    }));
    const chosen = await picture();
    assert.deepEqual(chosen, { value: 'Z', overturned: 0, caption: 'chosen', marks: ['', '✓Z', '✓Z', '✓Z', ''] }, 'step 7: Z chosen by S2, S3, S4');
    await page.click('#forward');
    await settled(page, 8);
    assert.equal(await page.locator('#observer').getAttribute('data-outcome'), 'violated');
    assert.deepEqual(await picture(), {
      value: 'Z', overturned: 1, caption: '⚠ chosen, then overturned', marks: ['', '✓Z', '✓Z', 'moved Z→Y', ''],
    }, 'step 8: Z overturned; S4, of its quorum, now holds Y');
    await context.close();
  });

  test('on a phone the verdict is on the drawing, on the first screen', async () => {
    const { context, page } = await open(browser, server, { width: 390, height: 844 }, { hash: `#s=${await codeFor('seed-3', { step: 8 })}` });
    const chip = page.locator('#cluster .verdict-chip');
    assert.equal((await chip.textContent()).trim(), '⚠ VIOLATED');
    const box = await chip.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `the chip at ${JSON.stringify(box)}`);
    await context.close();
  });

  test('stepping by hand moves the step\'s message; with reduced motion nothing moves', async () => {
    // The animations the page starts, by the class of what they move, recorded as they start:
    // the delivered message's ends (and its pill goes) after 450 ms, which a slow machine
    // may take to settle.
    const recordAnimations = (page) => page.addInitScript(() => {
      window.__animated = [];
      const animate = Element.prototype.animate;
      Element.prototype.animate = function recorded(...args) {
        window.__animated.push(this.getAttribute('class') ?? '');
        return animate.apply(this, args);
      };
    });
    const moving = await open(browser, server, { width: 1280, height: 800 }, { motion: true, hash: `#s=${await codeFor('seed-3', { step: 3 })}`, beforeLoad: recordAnimations });
    await moving.page.evaluate(() => { window.__animated.length = 0; });
    await moving.page.click('#forward');
    await settled(moving.page, 4);
    const animated = await moving.page.evaluate(() => window.__animated.filter((name) => /\bghost\b/.test(name) && /\barrived\b/.test(name)).length);
    assert.equal(animated, 1, 'the delivered message travels into its destination');
    await moving.context.close();
    // What the step sent or moved slides there from where it was (style.css: a class and
    // its offset), and slides again when it moves again; a seek is not a step by hand.
    // (Read from the animation the style gives each pill, not from the running animations:
    // those end after 450 ms, which a slow machine may take to settle.)
    const sliding = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#cluster .msg[data-msg-id]')]
      .map((pill) => [pill.dataset.msgId, getComputedStyle(pill).animationName])
      .filter(([, name]) => name !== 'none')));
    // (The automatic network: a message in flight moves on along its link at every step.)
    const start = await open(browser, server, { width: 1280, height: 800 }, { motion: true, hash: `#s=${await codeFor('paxos-basic', { step: 0 })}` });
    await start.page.click('#forward');
    await settled(start.page, 1);
    const sent = await sliding(start.page);
    assert.ok(Object.keys(sent).length > 0 && Object.values(sent).every((name) => name === 'slide-a'), JSON.stringify(sent));
    // Stepping on until a pill that slid moves again.
    let last = sent;
    let again = [];
    for (let step = 2; step <= 10 && again.length === 0; step += 1) {
      await start.page.click('#forward');
      await settled(start.page, step);
      const now = await sliding(start.page);
      again = Object.keys(now).filter((id) => last[id]).map((id) => `${id}: ${last[id]} then ${now[id]}`);
      last = now;
    }
    assert.ok(again.length > 0, 'no pill slid at two steps in a row');
    for (const entry of again) assert.match(entry, /slide-a then slide-b|slide-b then slide-a/);
    const at = Number(await start.page.locator('#scrubber').inputValue());
    await start.page.locator('#scrubber').fill(String(at - 1));
    await settled(start.page, at - 1);
    assert.ok(await start.page.locator('#cluster .msg[data-msg-id]').count() > 0);
    assert.equal(await start.page.locator('#cluster .msg.slide-a, #cluster .msg.slide-b').count(), 0, 'a seek slides nothing');
    await start.context.close();
    const still = await open(browser, server, { width: 1280, height: 800 }, { hash: `#s=${await codeFor('seed-3', { step: 3 })}` });
    await still.page.click('#forward');
    await settled(still.page, 4);
    const animations = await still.page.evaluate(() => [...document.querySelectorAll('#cluster *')].reduce((sum, e) => sum + e.getAnimations().length, 0));
    assert.equal(animations, 0);
    // It stays, faint, where it waited, unless a message the step sent took that place.
    assert.equal(await still.page.locator('#cluster .ghost:not(.still)').count(), 0);
    await still.context.close();
  });

  for (const [width, height] of [[1280, 800], [390, 844]]) {
    test(`the whole cluster is on the first screen when the page opens at ${width} x ${height}`, async () => {
      const { context, page } = await open(browser, server, { width, height });
      const box = await page.locator('#cluster').boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= height, `the drawing spans ${box.y}..${box.y + box.height}`);
      await context.close();
    });
  }
});
