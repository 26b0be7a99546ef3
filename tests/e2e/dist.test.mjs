// `npm run build` output, copied under a sub-path of a static host (as on GitHub Pages):
// the wasm-opt'd module must load and work, and no URL may escape the sub-path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, coreVersion, launchBrowser, openPage, recordProblems, showEvents, showSpacetime, startServer, startTogether } from './harness.mjs';

const SUB_PATH = '/team/paxos-playground/';
const DIST = join(ROOT, 'dist');

/** The files the size check counts as the page opening, by its entry's name prefix. */
function countedFiles(namePrefix) {
  const entries = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))['size-limit'];
  const entry = entries.find((e) => e.name.startsWith(namePrefix));
  assert.ok(entry, `no size-limit entry named "${namePrefix}..."`);
  return entry.path.map((path) => path.replace(/^dist\//, ''));
}

/**
 * Opens `url` in an iframe of a blank host page, as a blog embeds the playground, and waits
 * until the frame is drawn: {page, problems, requests}, the requests being the frame's.
 */
async function openFramed(context, url) {
  const page = await context.newPage();
  const { problems, requests } = recordProblems(page, (request) => request.frame() !== page.mainFrame());
  // The frame fills the window, as the page opened on its own does (the same first screen).
  const { width, height } = page.viewportSize();
  await page.setContent(`<body style="margin:0"><iframe src="${url}" width="${width}" height="${height}" style="border:0;display:block"></iframe>`);
  await page.frames()[1].locator('html[data-opened="true"], #status.error').first().waitFor({ state: 'attached' });
  return { page, problems, requests };
}

describe('dist/ under a sub-path', { timeout: 120_000 }, () => {
  let host;
  let server;
  let browser;
  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), 'dist/ is missing: run `npm run build` first');
    host = mkdtempSync(join(tmpdir(), 'paxos-dist-'));
    cpSync(DIST, join(host, SUB_PATH), { recursive: true });
    [server, browser] = await startTogether(startServer(host), launchBrowser());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (host) rmSync(host, { recursive: true, force: true });
  });

  test('the optimized module loads and the page works, all from the sub-path', async () => {
    const base = `${server.origin}${SUB_PATH}`;
    let wasmResponse;
    const { page, problems, requests } = await openPage(browser, base, {
      beforeLoad: (p) => p.on('response', (response) => {
        if (response.url().endsWith('.wasm')) wasmResponse = response;
      }),
    });
    assert.deepEqual(problems, []);
    assert.deepEqual((await page.locator('#cluster g.node .node-label').allTextContents()).map((label) => label.trim()),
      ['S1', 'S2', 'S3', 'S4', 'S5']);
    assert.equal(await page.locator('#version').textContent(), await coreVersion());
    for (const url of requests) assert.ok(url.startsWith(base), `request outside the sub-path: ${url}`);

    assert.ok(wasmResponse, 'the page fetched no .wasm');
    assert.equal(wasmResponse.headers()['content-type'], 'application/wasm');
    const served = await wasmResponse.body();
    assert.ok(served.equals(readFileSync(join(DIST, 'web/pkg/paxos_wasm_bg.wasm'))), 'served the dist/ module');
    // wasm-opt really ran: the dist module is smaller than the one wasm-bindgen wrote.
    const unoptimized = readFileSync(join(ROOT, 'web/pkg/paxos_wasm_bg.wasm'));
    assert.ok(served.length < unoptimized.length, `${served.length} >= ${unoptimized.length} bytes`);
  });

  // In dist/ each module loaded later is bundled on its own, with its own copy of the
  // page's small modules: the texts it brings must still reach the page's translator (once
  // they did not, and the aids showed their keys, "check.run", on the built page only).
  test('what loads later speaks the page\'s language in the built page: no text key is shown', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}${SUB_PATH}`);
    const keysShown = () => page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const keys = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.trim();
        if (/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/.test(text)) keys.push(text);
      }
      return keys;
    });
    await showSpacetime(page);
    await showEvents(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    for (const id of ['compare-panel', 'checker-panel', 'challenge-panel', 'export-panel']) {
      await page.locator(`#${id}[data-ready="true"]`).waitFor({ state: 'attached' });
    }
    assert.ok((await page.locator('#checker-panel').innerText()).includes('Model checker'));
    assert.deepEqual(await keysShown(), []);
    await page.click('#language');
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    assert.deepEqual(await keysShown(), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  // The size check counts a fixed list of files as "the page when it opens": every file the
  // page really fetches until it is ready and settled must be on that list, so the check
  // cannot pass while the page loads something it does not count.
  for (const [locale, entryName, language, other, query] of [
    ['en-GB', 'page, English', 'en', 'zh-CN', ''], ['zh-CN', 'page, Chinese', 'zh-CN', 'en', ''],
    ['en-GB', 'embed, English', 'en', 'zh-CN', '?embed=1'],
  ]) {
    test(`opening fetches only what the size check counts (${entryName})`, async () => {
      const base = `${server.origin}${SUB_PATH}`;
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
      try {
        // An embed is opened as embedding does, in a frame of another page: what the frame
        // fetches is what it costs (a frame fetches no tab icon: that is the host's).
        const { page, problems, requests } = query ? await openFramed(context, `${base}${query}`) : await openPage(context, `${base}${query}`);
        const playground = query ? page.frames()[1] : page.mainFrame();
        await playground.waitForFunction(() => performance.getEntriesByName('playground-interactive').length === 1);
        // Settled: whatever the page would fetch on its own, it has asked for by now.
        await page.waitForTimeout(1500);
        assert.deepEqual(problems, []);
        const fetched = [...new Set(requests.map((url) => new URL(url).pathname.slice(SUB_PATH.length) || 'index.html'))];
        if (query) assert.ok(!fetched.includes('web/favicon.svg'), 'the frame fetched the tab icon');
        // The page opens with its first preset's story; an embed, which hides it, fetches none.
        assert.deepEqual(fetched.filter((file) => file.startsWith('web/i18n/stories/')), query ? [] : ['web/i18n/stories/paxos-basic.js']);
        const counted = countedFiles(entryName);
        assert.deepEqual(fetched.filter((file) => !counted.includes(file)), [], `fetched but not counted (counted: ${counted})`);
        assert.ok(fetched.includes(`web/i18n/${language}.js`), `the ${language} texts were not fetched: ${fetched}`);
        assert.ok(!fetched.includes(`web/i18n/${other}.js`), 'fetched the other language too');
        assert.ok(!fetched.includes('web/controls/aids.js'), 'fetched the aids below the cluster before they were near');
        // The space-time diagram is on an embed's first screen (its default view shows it),
        // below the page's.
        assert.equal(fetched.includes('web/views/spacetime.js'), Boolean(query), 'the space-time diagram\'s code');
        if (query) return; // an embed shows no aids
        // Scrolled to, the aids arrive and work.
        await page.locator('#export-panel').scrollIntoViewIfNeeded();
        await page.locator('#export-panel[data-ready="true"]').waitFor();
        assert.ok(requests.some((url) => url.endsWith('web/controls/aids.js')));
      } finally {
        await context.close();
      }
    });
  }
});
