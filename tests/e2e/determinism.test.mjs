// The shipped module (dist/, after wasm-opt) inside Chromium gives the native build's event
// log, byte for byte, on every scenario of the determinism corpus, and refuses the same
// scripts with the same message (the Node side is tests/unit/determinism.test.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchBrowser, startServer, startTogether } from './harness.mjs';
import { MODULE, differences, loadCorpus, runCorpus } from '../unit/determinism.mjs';

let server;
let browser;
before(async () => {
  assert.ok(existsSync(MODULE), `${MODULE} is missing: run \`npm run build\` first (npm test does)`);
  [server, browser] = await startTogether(startServer(join(ROOT, 'dist')), launchBrowser());
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the optimized wasm module in Chromium gives the native event logs on the determinism corpus',
  { timeout: 180_000 }, async () => {
    const entries = loadCorpus();
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    // A page of the dist/ site, so the module loads from the same origin under the page's CSP.
    await page.goto(`${server.origin}/index.html`);
    await page.evaluate(async () => {
      const glue = await import('./web/pkg/paxos_wasm.js');
      await glue.default();
      globalThis.paxosGlue = glue;
    });
    const results = await page.evaluate(runCorpus, entries);
    assert.equal(results.length, entries.length);
    const diff = differences(entries, results);
    assert.equal(diff.length, 0, `${diff.length} of ${entries.length} differ:\n${diff.slice(0, 5).join('\n\n')}`);
    assert.deepEqual(problems, []);
  });
