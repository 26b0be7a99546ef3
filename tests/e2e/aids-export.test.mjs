// Export and import on the real page: a run exported as a script and imported again is the
// same run; the Mermaid and Rust exports of seed §3 are the committed ones (the Rust file is
// compiled and run by `cargo test` in the same `npm test`, so the page's export is known to
// compile and pass); without a clipboard the text is left selected; a bad script is refused
// with its line and column and the run is kept.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, closeAll, loadPreset, openPage, position, startServerAndBrowser, waitForStep } from './harness.mjs';
import { aidsReady, eventLines } from './aids-helpers.mjs';

// (The suite took 120.1 s once on a loaded machine: its limit is for a hang, not a speed.)
describe('export and import', { timeout: 240_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  let context;
  let page;
  let problems;
  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    ({ page, problems } = await openPage(context, `${server.origin}/`));
    await aidsReady(page);
  });

  test('an exported script, imported again, is the identical run', async () => {
    await loadPreset(page, 'seed-5');
    // Change the run by hand first, so the script is not just a preset's.
    await page.locator('#scrubber').fill('3');
    await waitForStep(page, 3);
    await page.click('#inflight [data-command="deliver #3"]');
    await page.click('#inflight [data-command="drop #4"]');
    await page.click('#servers [data-command="crash S2"]');
    const run = { position: await position(page), events: await eventLines(page) };
    await page.click('[data-export="script"]');
    await page.locator('#export-panel[data-exported="script:copied"]').waitFor();
    assert.equal(await page.locator('#export-status').textContent(), 'Copied the scenario script to the clipboard.');
    const exported = await page.locator('#export-text').inputValue();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), exported);
    assert.match(exported, /^deliver S1->S4 Prepare 11$/m);
    assert.match(exported, /^crash S2$/m);

    await loadPreset(page, 'seed-1');
    await page.fill('#import-text', exported);
    await page.click('#import-form button[type="submit"]');
    assert.equal(await page.locator('#import-done').textContent(), `Imported: a run of ${run.position.steps} steps.`);
    assert.equal(await page.locator('#import-problem').textContent(), '');
    assert.deepEqual(await position(page), { step: 0, steps: run.position.steps });
    assert.deepEqual(await eventLines(page), run.events);
    await page.click('[data-export="script"]');
    await page.locator('#export-panel[data-exported="script:copied"]').waitFor();
    assert.equal(await page.locator('#export-text').inputValue(), exported);
    // One step is said as one (it said "a run of 1 steps"), here and on the status line.
    await page.fill('#import-text', 'nodes 3\npropose S1 X');
    await page.click('#import-form button[type="submit"]');
    assert.equal(await page.locator('#import-done').textContent(), 'Imported: a run of 1 step.');
    assert.equal(await page.locator('#status').textContent(), 'Imported: a run of 1 step.');
    // A 200,000-character word is refused, quoted in part (it was echoed whole: a 40,530 px
    // tall panel).
    await page.fill('#import-text', 'y'.repeat(200_000));
    await page.click('#import-form button[type="submit"]');
    const refused = await page.locator('#import-problem').textContent();
    assert.match(refused, /^Not imported: line 1, column 1: .*y…/);
    assert.ok(refused.length < 300, `${refused.length} characters`);
    assert.deepEqual(problems, []);
  });

  // The page's module runs no Multi-Paxos: a pasted Multi-Paxos script has the module that
  // does fetched, as a link or the gallery would (it was refused: "unknown protocol").
  test('a Multi-Paxos script imports in a tab that has never run Multi-Paxos', async () => {
    const multi = JSON.parse(readFileSync(join(ROOT, 'web/pkg/presets-multi.json'), 'utf8'));
    const steady = multi.find((preset) => preset.id === 'multi-steady');
    await page.fill('#import-text', steady.script);
    await page.click('#import-form button[type="submit"]');
    await page.locator('#import-done', { hasText: 'Imported: a run of' }).waitFor();
    assert.equal(await page.locator('#import-problem').textContent(), '');
    await page.locator('#scenario-title', { hasText: steady.title }).waitFor();
    await page.locator('#log-grid').waitFor();
    // A script of an unknown protocol is still refused, with the Multi-Paxos module's list.
    await page.fill('#import-text', 'protocol no-such-thing\nnodes 3\n');
    await page.click('#import-form button[type="submit"]');
    await page.locator('#import-problem', { hasText: 'unknown protocol' }).waitFor();
    assert.match(await page.locator('#import-problem').textContent(), /multi-paxos/);
    assert.deepEqual(problems, []);
  });

  test('seed §3: the Mermaid diagram and the Rust test are the committed, cargo-tested files', async () => {
    await loadPreset(page, 'seed-3');
    await page.click('[data-export="rust"]');
    await page.locator('#export-panel[data-exported="rust:copied"]').waitFor();
    const rust = await page.locator('#export-text').inputValue();
    // crates/paxos/tests/exported_seed_3.rs is compiled and run by `cargo test --workspace`.
    assert.equal(rust, readFileSync(join(ROOT, 'crates/paxos/tests/exported_seed_3.rs'), 'utf8'));
    assert.equal(await page.locator('#export-text-label').textContent(), 'Exported text: the Rust test');
    await page.click('[data-export="mermaid"]');
    await page.locator('#export-panel[data-exported="mermaid:copied"]').waitFor();
    const mermaid = await page.locator('#export-text').inputValue();
    assert.equal(mermaid, readFileSync(join(ROOT, 'crates/paxos/tests/golden/seed-3.mmd'), 'utf8'));
    assert.deepEqual(problems, []);
  });

  test('without a clipboard the text is selected, to copy by hand', async () => {
    await page.close();
    page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await aidsReady(page);
    await page.click('[data-export="mermaid"]');
    await page.locator('#export-panel[data-exported="mermaid:fallback"]').waitFor();
    assert.match(await page.locator('#export-status').textContent(), /did not allow copying: the Mermaid sequence diagram is selected in the box below; press Ctrl\+C/);
    const selection = await page.evaluate(() => {
      const box = document.activeElement;
      return { id: box.id, all: box.selectionStart === 0 && box.selectionEnd === box.value.length && box.value.length > 0 };
    });
    assert.deepEqual(selection, { id: 'export-text', all: true });
  });

  test('a bad script is refused with its line and column, the caret goes there, and the run is kept', async () => {
    await loadPreset(page, 'seed-2');
    await page.click('#to-end');
    const before = await position(page);
    const bad = 'protocol basic-paxos\nnodes 3\npropose S1 X\ndeliver S1->S7 Prepare 11\n';
    await page.fill('#import-text', bad);
    await page.click('#import-form button[type="submit"]');
    const problem = await page.locator('#import-problem').textContent();
    assert.match(problem, /^Not imported: line 4, column \d+: .+\. Your current run is unchanged\.$/);
    assert.equal(await page.locator('#import-problem').getAttribute('role'), 'alert');
    const caret = await page.evaluate(() => {
      const box = document.activeElement;
      return { id: box.id, line: box.value.slice(0, box.selectionStart).split('\n').length };
    });
    assert.deepEqual(caret, { id: 'import-text', line: 4 });
    assert.deepEqual(await position(page), before);
    assert.equal(await page.locator('#scenario-title').textContent(), 'One phase: three proposers split the vote for ever');
    // An empty box says what to do.
    await page.fill('#import-text', '   ');
    await page.click('#import-form button[type="submit"]');
    assert.equal(await page.locator('#import-problem').textContent(), 'Paste a script first.');
    assert.deepEqual(problems, []);
  });
});
