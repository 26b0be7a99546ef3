// `npm run build` output, copied under a sub-path of a static host (as on GitHub Pages):
// the wasm-opt'd module must load and work, and no URL may escape the sub-path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, coreVersion, launchBrowser, openPage, startServer } from './harness.mjs';

const SUB_PATH = '/team/paxos-playground/';
const DIST = join(ROOT, 'dist');

describe('dist/ under a sub-path', { timeout: 120_000 }, () => {
  let host;
  let server;
  let browser;
  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), 'dist/ is missing: run `npm run build` first');
    host = mkdtempSync(join(tmpdir(), 'paxos-dist-'));
    cpSync(DIST, join(host, SUB_PATH), { recursive: true });
    [server, browser] = await Promise.all([startServer(host), launchBrowser()]);
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
});
