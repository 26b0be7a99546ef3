// Embed mode (?embed=1) in the real page, framed by a mock blog on another origin (a second
// static server on another port): minimal chrome, read-only unless interactive, autoplay
// and a start step, no storage, height reports, and the postMessage API obeying only the
// parent window from an allowed origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launchBrowser, openPage, startServer, waitForStep, startTogether } from './harness.mjs';
import { codeFor, fingerprint, instrument } from './share-helpers.mjs';

let blogDir;
let blog;
let posts = 0;

/**
 * Opens a post on the blog's origin with the given iframes (id -> src). The post records
 * every message it receives in window.__messages: {frame, origin, data}.
 */
async function blogPost(browser, frames, { width = 800 } = {}) {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  const violations = await instrument(page);
  const iframes = Object.entries(frames)
    .map(([id, src]) => `<iframe id="${id}" src="${src}" title="${id}" width="${width}" height="300"></iframe>`).join('\n');
  posts += 1;
  writeFileSync(join(blogDir, `post-${posts}.html`), `<!doctype html><html lang="en"><head><title>post</title><link rel="icon" href="data:,"><script>
      window.__messages = [];
      addEventListener('message', (event) => {
        const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
        window.__messages.push({ frame: frame ? frame.id : null, origin: event.origin, data: event.data });
      });
    </script></head><body><h1>A post</h1>${iframes}</body></html>`);
  await page.goto(`${blog.origin}/post-${posts}.html`);
  const frame = async (id) => {
    const handle = await page.$(`#${id}`);
    const content = await handle.contentFrame();
    await content.locator('html[data-opened="true"], #status.error').first().waitFor({ state: 'attached' });
    return content;
  };
  return { page, frame, problems, violations };
}

/** Messages the blog received from iframe `id` of `type` (without the prefix). */
function received(page, id, type) {
  return page.evaluate(([frameId, kind]) => window.__messages
    .filter((m) => m.frame === frameId && m.data?.type === `paxos-playground:${kind}`), [id, type]);
}

/** Sends a message from the blog (the iframes' parent) to iframe `id`. */
function send(page, id, message) {
  return page.evaluate(([frameId, data]) => document.getElementById(frameId).contentWindow.postMessage(data, '*'), [id, message]);
}

const visible = (page, selector) => page.locator(selector).evaluateAll((elements) =>
  elements.filter((e) => e.checkVisibility()).length);

describe('embed mode', { timeout: 240_000 }, () => {
  let server;
  let browser;
  before(async () => {
    blogDir = mkdtempSync(join(tmpdir(), 'paxos-blog-'));
    [server, blog, browser] = await startTogether(startServer(ROOT), startServer(blogDir), launchBrowser());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await blog?.close();
    if (blogDir) rmSync(blogDir, { recursive: true, force: true });
  });

  test('read-only by default: minimal chrome, no interventions, playback works, no storage touched', async () => {
    const code = await codeFor('seed-3', { step: 8 });
    const violations = [];
    const { page, problems } = await openPage(browser, `${server.origin}/?embed=1#s=${code}`, { beforeLoad: (p) => instrument(p, violations) });
    assert.equal(await page.locator('html').getAttribute('class'), 'embed read-only');
    assert.equal((await fingerprint(page)).position, 'Step 8 / 10');
    assert.equal(await page.locator('#observer').getAttribute('data-outcome'), 'violated');
    for (const hidden of ['.header-actions', 'footer', '#reset', '.panel-servers', '.panel-selection', '.panel-inflight', '.panel-events', '#open-share']) {
      assert.equal(await visible(page, hidden), 0, `${hidden} is hidden`);
    }
    for (const shown of ['#scenario-title', '#play', '#forward', '#scrubber', '#cluster', '#observer', '#spacetime', '#embed-open']) {
      assert.equal(await visible(page, shown), 1, `${shown} is shown`);
    }
    // Select a message and try every intervention and menu key: nothing changes.
    await page.locator('#cluster [data-msg-id]').first().dispatchEvent('click');
    await page.locator('#cluster .msg.selected').waitFor();
    const steps = (await fingerprint(page)).scrubber;
    for (const key of ['d', 'x', 'c', 'r', 'p', 's']) await page.keyboard.press(key);
    assert.deepEqual((await fingerprint(page)).scrubber, steps);
    assert.equal(await page.locator('dialog[open]').count(), 0);
    assert.equal(await visible(page, '[data-command], [data-propose-for]'), 0);
    // "Keys and help" still opens from its key, and closes.
    await page.keyboard.press('?');
    await page.locator('#help-dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#help-dialog').waitFor({ state: 'hidden' });
    // Playback still works; the link to the full playground follows the moment on screen.
    const initial = await page.locator('#embed-open').getAttribute('href');
    await page.click('#forward');
    await waitForStep(page, 9);
    await page.waitForFunction((href) => document.getElementById('embed-open').getAttribute('href') !== href, initial);
    const open = await page.locator('#embed-open').evaluate((a) => ({ href: a.href, target: a.target, rel: a.rel }));
    assert.equal(open.target, '_blank');
    assert.equal(open.rel, 'noopener');
    assert.match(open.href, new RegExp(`^${server.origin}/#s=`));
    const full = await openPage(browser, open.href);
    await waitForStep(full.page, 9);
    assert.equal(await full.page.locator('#scenario-title').textContent(), 'Proposal numbers break the deadlock, and break safety');
    await page.click('#play');
    await page.locator('#play[aria-pressed="true"]').waitFor();
    await page.click('#play');
    assert.equal(await page.evaluate(() => location.search + location.hash), `?embed=1#s=${code}`, 'an embed never rewrites its address');
    assert.deepEqual(await page.evaluate(() => window.__storage), []);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  });

  test('interactive=1 allows interventions (still no menus); autoplay and step=N start it', async () => {
    const code = await codeFor('seed-5');
    const { page, problems } = await openPage(browser, `${server.origin}/?embed=1&interactive=1#s=${code}`);
    assert.equal(await page.locator('html').getAttribute('class'), 'embed');
    assert.equal(await visible(page, '.header-actions'), 0);
    await page.click('#to-end');
    await page.click('#servers [data-command="crash S2"]');
    await page.locator('#cluster [data-node-id="2"].down').waitFor();
    await page.keyboard.press('s');
    assert.equal(await page.locator('dialog[open]').count(), 0, 'no settings in an embed');

    const started = await openPage(browser, `${server.origin}/?embed=1&step=5#s=${code}`);
    assert.equal((await fingerprint(started.page)).position, 'Step 5 / 19');
    assert.equal(await started.page.locator('#play').getAttribute('aria-pressed'), 'false');
    const playing = await openPage(browser, `${server.origin}/?embed=1&autoplay=1&step=3#s=${code}`);
    await playing.page.locator('#play[aria-pressed="true"]').waitFor();
    await playing.page.waitForFunction(() => Number(document.getElementById('scrubber').value) > 3);
    // Someone who asked for reduced motion is not surprised by movement.
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const calm = await context.newPage();
    await calm.goto(`${server.origin}/?embed=1&autoplay=1#s=${code}`);
    await calm.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await calm.waitForTimeout(300);
    assert.equal(await calm.locator('#play').getAttribute('aria-pressed'), 'false');
    await context.close();
    assert.deepEqual([...problems, ...started.problems, ...playing.problems], []);
  });

  test('options it does not understand are said, not silently left out', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/?embed=1&preset=Seed-3&step=-5&view=bogus&lang=xx&theme=pink`);
    assert.equal(await page.locator('#problem-text').textContent(),
      'Options not understood, left out: step=-5, preset=Seed-3, view=bogus, lang=xx, theme=pink.');
    assert.equal(await page.locator('#scenario-title').textContent(), 'Basic Paxos: one proposer, no trouble');
    // Beside an unknown preset's own message; and nothing said when every option is understood.
    const unknown = await openPage(browser, `${server.origin}/?embed=1&preset=no-such&step=99999999999`);
    // (Said once Multi-Paxos' presets, fetched to look there too, have been searched.)
    await unknown.page.locator('#problem-text', { hasText: 'No scenario' }).waitFor();
    assert.equal(await unknown.page.locator('#problem-text').textContent(),
      'No scenario “no-such” here: showing the first one. Options not understood, left out: step=99999999999.');
    const fine = await openPage(browser, `${server.origin}/?embed=1&preset=seed-3&step=2&view=cluster&lang=en&theme=dark`);
    assert.equal(await fine.page.locator('#problem').isVisible(), false);
    assert.deepEqual([...problems, ...unknown.problems, ...fine.problems], []);
  });

  test('views: cluster only, space-time only', async () => {
    const cluster = await openPage(browser, `${server.origin}/?embed=1#s=${await codeFor('seed-1', { view: 1 })}`);
    assert.equal(await visible(cluster.page, '.panel-cluster'), 1);
    assert.equal(await visible(cluster.page, '.panel-spacetime'), 0);
    const page = await browser.newPage();
    await page.goto(`${server.origin}/?embed=1#s=${await codeFor('seed-1', { view: 2 })}`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    assert.equal(await visible(page, '.panel-cluster'), 0);
    assert.equal(await visible(page, '.panel-spacetime'), 1);
    assert.equal(await visible(page, '#observer'), 1);
    assert.deepEqual(cluster.problems, []);
  });

  test('an embed of the diagram alone draws it with its first frame, and never draws the hidden cluster', async () => {
    for (const address of [`?embed=1&preset=seed-1&view=spacetime`, `?embed=1#s=${await codeFor('seed-3', { view: 2 })}`]) {
      const page = await browser.newPage();
      // What is drawn at the moment the page says it can be used (the frame then painted).
      await page.addInitScript(() => {
        const mark = performance.mark.bind(performance);
        performance.mark = (name, ...rest) => {
          if (name === 'playground-interactive') {
            window.__atReady = {
              lanes: document.querySelectorAll('#spacetime-lanes *, #spacetime line, #spacetime path').length,
              ready: document.getElementById('spacetime').dataset.ready ?? null,
              servers: document.querySelectorAll('#cluster g.node').length,
            };
          }
          return mark(name, ...rest);
        };
      });
      await page.goto(`${server.origin}/${address}`);
      await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
      const atReady = await page.evaluate(() => window.__atReady);
      assert.equal(atReady.ready, 'true', address);
      assert.ok(atReady.lanes > 0, `${address}: the diagram is drawn when the page is ready`);
      assert.equal(atReady.servers, 0, `${address}: the hidden cluster is not drawn`);
      // Playing on: the cluster stays undrawn, the diagram follows.
      await page.locator('#forward').click();
      await waitForStep(page, 1);
      assert.equal(await page.locator('#cluster g.node').count(), 0);
      assert.equal(await visible(page, '.panel-spacetime'), 1);
      await page.close();
    }
  });

  test('the frame reports its content height to the parent, on load and on resize', async () => {
    const code = await codeFor('seed-1', { view: 1 });
    const { page, frame, problems, violations } = await blogPost(browser, { a: `${server.origin}/?embed=1#s=${code}` });
    const content = await frame('a');
    await page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'paxos-playground:height'));
    const height = async () => content.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    let reports = await received(page, 'a', 'height');
    assert.equal(reports[0].origin, server.origin);
    assert.equal(reports.at(-1).data.height, await height());
    assert.ok(reports.at(-1).data.height > 300, 'taller than the frame: the content, not the viewport');
    // Narrower frame: the cluster drawing is smaller, the content shorter; a new report.
    const wide = reports.at(-1).data.height;
    await page.evaluate(() => { document.getElementById('a').width = '420'; });
    await page.waitForFunction((h) => window.__messages.filter((m) => m.data?.type === 'paxos-playground:height').at(-1).data.height !== h, wide);
    reports = await received(page, 'a', 'height');
    assert.equal(reports.at(-1).data.height, await height());
    assert.deepEqual(Object.keys(reports.at(-1).data).sort(), ['height', 'type']);
    assert.deepEqual(await content.evaluate(() => window.__storage), []);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  });

  test('the postMessage API obeys the parent from an allowed origin, and nobody else', async () => {
    const seed5 = await codeFor('seed-5');
    const src = (query) => `${server.origin}/?embed=1${query}#s=${seed5}`;
    const { page, frame, problems } = await blogPost(browser, {
      allowed: src(`&origin=${encodeURIComponent(`https://other.example,${blog.origin}`)}`),
      other: src('&origin=https://other.example'),
      none: src(''),
      self: src(`&origin=${encodeURIComponent(server.origin)}`),
    });
    const frames = {};
    for (const id of ['allowed', 'other', 'none', 'self']) frames[id] = await frame(id);
    const position = (id) => frames[id].locator('#position').textContent();

    for (const id of ['allowed', 'other', 'none', 'self']) await send(page, id, { type: 'paxos-playground:step' });
    await page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'paxos-playground:state'));
    assert.equal(await position('allowed'), 'Step 1 / 19');
    const [reply] = await received(page, 'allowed', 'state');
    assert.deepEqual(reply, { frame: 'allowed', origin: server.origin, data: { type: 'paxos-playground:state', step: 1, steps: 19, playing: false, outcome: 'undecided' } });
    for (const id of ['other', 'none', 'self']) {
      assert.equal(await position(id), 'Step 0 / 19', `${id} ignored the blog`);
      assert.deepEqual(await received(page, id, 'state'), []);
    }
    // Allowed origin, but not from the parent window: a sibling frame, and the frame itself.
    await frames.allowed.evaluate(() => parent.frames[3].postMessage({ type: 'paxos-playground:step' }, '*'));
    await frames.self.evaluate(() => window.postMessage({ type: 'paxos-playground:step' }, '*'));
    await page.waitForTimeout(300);
    assert.equal(await position('self'), 'Step 0 / 19');

    const last = async (type = 'state') => (await received(page, 'allowed', type)).at(-1)?.data;
    const command = async (message, type = 'state') => {
      const before = (await received(page, 'allowed', type)).length;
      await send(page, 'allowed', message);
      await page.waitForFunction(([t, n]) => window.__messages.filter((m) => m.frame === 'allowed' && m.data?.type === `paxos-playground:${t}`).length > n, [type, before]);
      return last(type);
    };
    assert.equal((await command({ type: 'paxos-playground:seek', step: 12 })).step, 12);
    assert.equal(await position('allowed'), 'Step 12 / 19');
    assert.equal((await command({ type: 'paxos-playground:play' })).playing, true);
    assert.equal((await command({ type: 'paxos-playground:pause' })).playing, false);
    assert.equal((await command({ type: 'paxos-playground:back' })).step, (await last()).step);
    const seed3 = await codeFor('seed-3', { step: 8 });
    assert.deepEqual(await command({ type: 'paxos-playground:load', link: seed3 }),
      { type: 'paxos-playground:state', step: 8, steps: 10, playing: false, outcome: 'violated' });
    assert.equal(await frames.allowed.locator('#scenario-title').textContent(), 'Proposal numbers break the deadlock, and break safety');
    await command({ type: 'paxos-playground:load', link: await codeFor('seed-1', { view: 2 }) });
    assert.equal(await frames.allowed.locator('html').getAttribute('data-embed-view'), 'spacetime', 'the link\'s view');
    assert.equal(await visible(frames.allowed, '.panel-cluster'), 0);
    const loaded = await command({ type: 'paxos-playground:load', script: 'title Mine\nnodes 3\nnetwork manual\npropose S2 Q\n', step: 1 });
    assert.deepEqual({ step: loaded.step, steps: loaded.steps }, { step: 1, steps: 1 });
    assert.equal(await frames.allowed.locator('#cluster g.node').count(), 3);
    assert.equal(await frames.allowed.locator('#scenario-title').textContent(), 'Mine');
    // Refusals are answered with the reason, and change nothing.
    assert.match((await command({ type: 'paxos-playground:load', link: 'Ag' }, 'error')).message, /newer version/);
    assert.match((await command({ type: 'paxos-playground:load', script: 'nodes 99\n' }, 'error')).message, /scenario script: line 1/);
    assert.match((await command({ type: 'paxos-playground:load', script: 'x'.repeat(300_000) }, 'error')).message, /too long/);
    assert.match((await command({ type: 'paxos-playground:seek', step: -1 }, 'error')).message, /whole number/);
    assert.match((await command({ type: 'paxos-playground:rm -rf' }, 'error')).message, /unknown command "rm -rf"/);
    await send(page, 'allowed', 'paxos-playground:play');
    await send(page, 'allowed', { type: 42 });
    assert.equal(await frames.allowed.locator('#cluster g.node').count(), 3);
    assert.equal(await position('allowed'), 'Step 1 / 1');
    assert.deepEqual(problems, []);
  });

  // The page's own module runs no Multi-Paxos; an embed fetches the module that does when a
  // preset, a link or a script needs it (it answered "unknown protocol" and showed Basic Paxos).
  test('Multi-Paxos in an embed: by preset, and by a script or a link sent to it', async () => {
    const multi = JSON.parse(readFileSync(join(ROOT, 'web/pkg/presets-multi.json'), 'utf8'));
    const [steady, recovery] = ['multi-steady', 'multi-recovery'].map((id) => multi.find((preset) => preset.id === id));
    const allow = `&origin=${encodeURIComponent(blog.origin)}`;
    const { page, frame, problems } = await blogPost(browser, {
      preset: `${server.origin}/?embed=1&preset=multi-steady${allow}`,
      script: `${server.origin}/?embed=1&preset=seed-1${allow}`,
      link: `${server.origin}/?embed=1&preset=seed-1${allow}`,
    });
    const byPreset = await frame('preset');
    await byPreset.locator('#scenario-title', { hasText: steady.title }).waitFor();
    assert.equal(await byPreset.locator('#problem').isHidden(), true, 'no "no such scenario"');
    const reply = async (id, message) => {
      const before = (await page.evaluate((f) => window.__messages.filter((m) => m.frame === f && m.data?.type !== 'paxos-playground:height').length, id));
      await send(page, id, message);
      await page.waitForFunction(([f, n]) => window.__messages.filter((m) => m.frame === f && m.data?.type !== 'paxos-playground:height').length > n, [id, before]);
      return (await page.evaluate((f) => window.__messages.filter((m) => m.frame === f && m.data?.type !== 'paxos-playground:height'), id)).at(-1).data;
    };
    const byScript = await frame('script');
    const loaded = await reply('script', { type: 'paxos-playground:load', script: recovery.script, step: 3 });
    assert.equal(loaded.type, 'paxos-playground:state', JSON.stringify(loaded));
    assert.equal(loaded.step, 3);
    await byScript.locator('#scenario-title', { hasText: recovery.title }).waitFor();
    // Its link (made by the Multi-Paxos module under Node), sent to a frame that has only ever
    // run Basic Paxos, opens the same run there.
    const glue = await import(pathToFileURL(join(ROOT, 'web/pkg/paxos_wasm_multi.js')).href);
    glue.initSync({ module: readFileSync(join(ROOT, 'web/pkg/paxos_wasm_multi_bg.wasm')) });
    const code = new glue.Playground(recovery.script).link(3, 0, 0);
    const byLink = await frame('link');
    const opened = await reply('link', { type: 'paxos-playground:load', link: code });
    assert.deepEqual(opened, { ...loaded, type: 'paxos-playground:state' });
    await byLink.locator('#scenario-title', { hasText: recovery.title }).waitFor();
    // Still refused when it is damage, not Multi-Paxos.
    assert.equal((await reply('link', { type: 'paxos-playground:load', script: 'protocol no-such-thing\n' })).type, 'paxos-playground:error');
    assert.deepEqual(problems, []);
  });

  // The README's promise: every command is answered, also one sent as the frame loads, before
  // the page inside is ready (it was dropped: embed mode listened only once the wasm was in).
  test('a command sent at the frame\'s load event is answered once the page is ready', async () => {
    posts += 1;
    const src = `${server.origin}/?embed=1&preset=seed-5&origin=${encodeURIComponent(blog.origin)}`;
    writeFileSync(join(blogDir, `post-${posts}.html`), `<!doctype html><html lang="en"><head><title>post</title><link rel="icon" href="data:,"><script>
      window.__messages = [];
      addEventListener('message', (event) => { if (event.data?.type !== 'paxos-playground:height') window.__messages.push(event.data); });
    </script></head><body><iframe id="early" src="${src}" title="early" width="800" height="300"
      onload="this.contentWindow.postMessage({ type: 'paxos-playground:seek', step: 2 }, '*'); this.contentWindow.postMessage({ type: 'paxos-playground:state' }, '*')"></iframe></body></html>`);
    const page = await browser.newPage();
    await page.goto(`${blog.origin}/post-${posts}.html`);
    await page.waitForFunction(() => window.__messages.length >= 2, null, { timeout: 15_000 });
    const messages = await page.evaluate(() => window.__messages);
    assert.deepEqual(messages.map((m) => [m.type, m.step]), [['paxos-playground:state', 2], ['paxos-playground:state', 2]]);
    await page.close();
  });

  // Another window's messages (a sibling frame's, hundreds) took the 100 places kept for the
  // parent's, whose commands were then never run nor answered.
  test('while the frame opens, only its parent\'s messages are kept: a flooding sibling frame takes none of their places', async () => {
    posts += 1;
    const src = `${server.origin}/?embed=1&preset=seed-5&origin=${encodeURIComponent(blog.origin)}`;
    // The sibling posts to the embed (the post's first frame) and counts in the post.
    writeFileSync(join(blogDir, `flood-${posts}.html`), `<!doctype html><html lang="en"><head><title>flood</title><link rel="icon" href="data:,"><script>
      const timer = setInterval(() => {
        for (let i = 0; i < 10; i += 1) parent.frames[0].postMessage({ type: 'paxos-playground:step' }, '*');
        parent.floodSent += 10;
        if (parent.floodSent >= 3000) clearInterval(timer);
      }, 5);
    </script></head><body></body></html>`);
    // The post sends its commands once the sibling has sent 500 (the embed still opening:
    // its wasm is held back below).
    writeFileSync(join(blogDir, `post-${posts}.html`), `<!doctype html><html lang="en"><head><title>post</title><link rel="icon" href="data:,"><script>
      window.__messages = [];
      window.floodSent = 0;
      addEventListener('message', (event) => { if (event.data?.type !== 'paxos-playground:height') window.__messages.push(event.data); });
      const wait = setInterval(() => {
        if (window.floodSent < 500) return;
        clearInterval(wait);
        const frame = document.getElementById('early').contentWindow;
        frame.postMessage({ type: 'paxos-playground:seek', step: 2 }, '*');
        frame.postMessage({ type: 'paxos-playground:state' }, '*');
      }, 5);
    </script></head><body><iframe id="early" src="${src}" title="early" width="800" height="300"></iframe>
      <iframe id="sibling" src="flood-${posts}.html" title="sibling" width="100" height="50"></iframe></body></html>`);
    const page = await browser.newPage();
    let wasmHeld = false;
    await page.route('**/paxos_wasm_bg.wasm*', async (route) => {
      await page.waitForFunction(() => window.floodSent >= 800, null, { timeout: 15_000 }).catch(() => {});
      wasmHeld = true;
      await route.continue();
    });
    await page.goto(`${blog.origin}/post-${posts}.html`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__messages.length >= 2, null, { timeout: 20_000 });
    assert.equal(wasmHeld, true, 'the embed was still opening when the post sent its commands');
    const messages = await page.evaluate(() => window.__messages);
    assert.deepEqual(messages.map((m) => [m.type, m.step]), [['paxos-playground:state', 2], ['paxos-playground:state', 2]]);
    assert.equal(await page.frame({ url: /embed=1/ }).locator('#position').textContent(), 'Step 2 / 19', 'the sibling\'s steps were not obeyed');
    await page.close();
  });
});
