// Multi-Paxos on the real page: the log grid through a leader's crash and recovery (the
// re-proposed slot, the no-op hole, the chosen marks) in English and Chinese, a share link
// that opens the same run at the same step, Basic Paxos against Multi-Paxos on one schedule
// in compare mode, and a Chinese page with no English sentence for a Multi-Paxos run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, loadPreset, openPage, position, showEvents, startServerAndBrowser, waitForStep } from './harness.mjs';
import { aidsReady, texts } from './aids-helpers.mjs';
import { sharedLink } from './share-helpers.mjs';
import { loadMultiCore } from '../unit/core.mjs';

/** The grid as the page shows it: per server row, per slot `kind|ballot op|chosen`. */
async function grid(page) {
  await page.locator('#log-grid:not([hidden])').waitFor();
  return page.locator('#log-grid').evaluate((panel) => ({
    slots: [...panel.querySelectorAll('thead .log-slot')].map((th) => th.textContent),
    rows: Object.fromEntries([...panel.querySelectorAll('tbody tr')].map((tr) => [
      `S${tr.dataset.server}`,
      [...tr.querySelectorAll('.log-cell')].map((td) => [
        td.dataset.kind,
        [...td.querySelectorAll('.log-ballot, .log-op')].map((s) => s.textContent).join(' '),
        td.classList.contains('log-chosen') ? 'chosen' : '',
      ].join('|')),
    ])),
    leaders: [...panel.querySelectorAll('tbody tr')].filter((tr) => tr.querySelector('.log-role:not(.log-down)')).map((tr) => tr.querySelector('.log-server').textContent),
    register: [...panel.querySelectorAll('tbody .log-register')].map((td) => td.textContent),
    cost: panel.querySelector('.log-cost').textContent,
  }));
}

/** The servers panel's table for a run with logs: its column heads and its rows' cells. */
async function logServers(page) {
  await page.locator('#log-servers-table:not([hidden])').waitFor();
  return page.locator('#log-servers-table').evaluate((table) => ({
    head: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent)),
  }));
}

async function seek(page, step) {
  await page.locator('#scrubber').fill(String(step));
  await waitForStep(page, step);
}

const ENGLISH = /\b[A-Za-z]+(?:[ ,;:]+[A-Za-z]+){2,}\b/;

describe('Multi-Paxos on the page', { timeout: 300_000 }, () => {
  let server;
  let browser;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  after(() => closeAll(browser, server));

  test('the log grid through the leader\'s crash and recovery, in English', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'multi-recovery');
    // Step 13: S1 has set x 1 chosen in slot 1, and S4 alone has accepted set z 3 in slot 3.
    await seek(page, 13);
    let shown = await grid(page);
    assert.deepEqual(shown.slots, ['#1set x 1', '#2', '#3', '#4']);
    // S4 missed slots 1 and 2: holes below its slot 3.
    assert.deepEqual(shown.rows.S4.slice(0, 3), ['hole|hole|', 'hole|hole|', 'entry|11 set z 3|']);
    assert.equal(shown.rows.S1[0], 'entry|11 set x 1|chosen');
    assert.match(shown.cost, /^Up to this step: \d+ messages sent, 1 command chosen: [\d.]+ messages per chosen command\.$/);
    // The end: S5 re-proposed set z 3 in slot 3 and filled the hole in slot 2 with a no-op.
    await page.click('#to-end');
    await waitForStep(page, 31);
    shown = await grid(page);
    assert.deepEqual(shown.slots, ['#1set x 1', '#2no-op', '#3set z 3', '#4', '#5']);
    assert.deepEqual(shown.rows.S5, ['learned|set x 1|', 'noop|15 no-op|chosen', 'entry|15 set z 3|chosen', 'entry|15 set w 4|', 'empty||']);
    assert.deepEqual(shown.rows.S3.slice(0, 3), ['entry|11 set x 1|chosen', 'noop|15 no-op|chosen', 'entry|15 set z 3|chosen']);
    // S1, restarted, replaced its set y 2 with the no-op and applied the same log.
    assert.deepEqual(shown.rows.S1.slice(0, 3), ['entry|11 set x 1|chosen', 'noop|15 no-op|chosen', 'entry|11 set z 3|chosen']);
    assert.deepEqual(shown.leaders, ['S5leader']);
    assert.equal(shown.register[0], 'x = 1, z = 3');
    assert.equal(shown.register[4], 'x = 1, z = 3');
    assert.equal(shown.cost, 'Up to this step: 56 messages sent, 3 commands chosen: 18.7 messages per chosen command.');
    // The servers table shows each server's log state from the core's snapshot (its stage,
    // promise, applied prefix and register) in place of the single-decree columns.
    assert.deepEqual(await logServers(page), {
      head: ['Server', 'Role', 'Promised', 'Applied', 'Register', 'Actions'],
      rows: [
        ['S1', 'follower', '15', 'slots #1..#3', 'x = 1, z = 3', 'Crash'],
        ['S2', 'follower', '11', 'none', '(empty)', 'Crash'],
        ['S3', 'follower', '15', 'none', '(empty)', 'Crash'],
        ['S4', 'follower', '15', 'none', '(empty)', 'Crash'],
        ['S5', 'leader', '15', 'slots #1..#3', 'x = 1, z = 3', 'Crash'],
      ],
    });
    assert.equal(await page.locator('#servers').isVisible(), false);
    // The message-types key has Multi-Paxos' Decide, in its colour.
    assert.deepEqual(await texts(page, '#legend .legend-item'), ['Prepare', 'Promise', 'Accept', 'Accepted', 'Nack', 'Reject', 'Decide']);
    const chip = await page.locator('#legend .kind-chip.kind-decide').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(chip, 'rgb(184, 184, 184)');
    // Crash from the table: the row says so.
    await page.click('#log-servers [data-command="crash S5"]');
    await page.locator('#log-servers tr[data-node-id="5"].down').waitFor();
    assert.deepEqual((await logServers(page)).rows[4].slice(0, 2), ['S5', 'down (crashed)']);
    // The card's outcome is now this run's, a sentence like the single-decree one.
    assert.match(await page.locator('#scenario-outcome').textContent(), /^This run, as it is now \(\d+ steps\): SAFE\. (The log #1 set x 1.* is chosen|No command chosen yet)\.$/);
    await page.click('#undo');
    await page.locator('#log-servers tr[data-node-id="5"].up').waitFor();
    // The observer words each chosen slot with the quorum that chose it (the core's).
    assert.deepEqual(await texts(page, '#observer .log-facts li'), [
      '#1 set x 1 chosen at step 7: (11,set x 1) accepted by {S1,S2,S3}.',
      '#2 no-op chosen at step 21: (15,no-op) accepted by {S3,S4,S5}.',
      '#3 set z 3 chosen at step 23: (15,set z 3) accepted by {S3,S4,S5}.',
    ]);
    assert.equal(await page.locator('#observer .verdict-facts:not(.log-facts)').isHidden(), true);
    // A single-decree preset afterwards: no grid, the page's own facts.
    await loadPreset(page, 'paxos-basic');
    await page.locator('#log-grid').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#observer .verdict-facts:not(.log-facts)').isVisible(), true);
    // ... the page's own servers table and message-types key.
    await page.locator('#log-servers-table').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#servers').isVisible(), true);
    assert.deepEqual(await texts(page, '.panel-servers table:not([hidden]) thead th'), ['Server', 'State', 'Promised', 'Accepted', 'Learned', 'Actions']);
    assert.deepEqual(await texts(page, '#legend .legend-item'), ['Prepare', 'Promise', 'Accept', 'Accepted', 'Nack', 'Reject']);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the log grid in Chinese, at 360 px in the dark theme: it scrolls in its own box', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await loadPreset(page, 'multi-recovery');
    await page.click('#to-end');
    await waitForStep(page, 31);
    const shown = await grid(page);
    assert.deepEqual(shown.rows.S5.slice(1, 3), ['noop|15 no-op|chosen', 'entry|15 set z 3|chosen']);
    assert.equal(shown.cost, '截至此步：发送了 56 条消息，确定了 3 条命令：每条确定的命令 18.7 条消息。');
    assert.deepEqual(shown.leaders, ['S5领导者']);
    const servers = await logServers(page);
    assert.deepEqual(servers.head, ['服务器', '角色', '承诺', '已应用', '寄存器', '操作']);
    assert.deepEqual(servers.rows[4], ['S5', '领导者', '15', '槽位 #1..#3', 'x = 1, z = 3', '崩溃']);
    assert.equal((await texts(page, '#legend .legend-item')).at(-1), 'Decide（通知已确定）');
    assert.equal(await page.locator('#log-grid h2').textContent(), '日志');
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      box: document.querySelector('.log-scroll').scrollWidth - document.querySelector('.log-scroll').clientWidth,
    }));
    assert.equal(widths.page, 0, 'no sideways scroll of the page');
    assert.ok(widths.box > 0, 'the grid scrolls in its box');
    // The dark theme's colours: the chosen cell's text is light on a dark panel.
    const colour = await page.locator('.log-chosen .log-op').first().evaluate((e) => getComputedStyle(e).color);
    const [r, g, b] = colour.match(/\d+/g).map(Number);
    assert.ok(r + g + b > 450, `light text in the dark theme: ${colour}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  // The quorum panel pictures one decree; for a log it said "No proposal has reached phase 2
  // and nothing is chosen yet" beside the slots the observer had seen chosen.
  test('the quorum panel does not say nothing is chosen in a Multi-Paxos run', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    const facts = () => texts(page, '#quorum-facts li');
    await loadPreset(page, 'multi-recovery');
    await seek(page, 13);
    assert.match((await texts(page, '#observer .verdict-facts:not([hidden]) li')).join('\n'), /#1 set x 1 chosen at step 7/);
    assert.deepEqual(await facts(), ['Each slot of a log has quorums of its own: the observer names the quorum that chose each slot, and the log grid marks the chosen slots (★). The pictures here are of a single decree (the one-value protocols).']);
    assert.deepEqual([await page.locator('#quorum-show').isDisabled(), await page.locator('#quorum-pick').isDisabled()], [true, true]);
    // Its own control's redraw (the language, here) keeps it so.
    await page.click('#language');
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    assert.match((await facts())[0], /^日志的每个槽位都有各自的法定集合/);
    await page.click('#language');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    // A single-decree run afterwards has its pictures and controls back.
    await loadPreset(page, 'seed-5');
    await seek(page, 19);
    await page.locator('#quorum-panel[data-quorum-state="drawn"]').waitFor({ state: 'attached' });
    await page.locator('#quorum-facts .q-title').waitFor();
    assert.match((await facts())[0], /^\(15,X\), proposed by S5/);
    assert.deepEqual([await page.locator('#quorum-show').isDisabled(), await page.locator('#quorum-pick').isDisabled()], [false, false]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  // The servers panel's form sent `propose S1 X`, which a log's servers refuse, and took at
  // most 8 letters: no client's command could be sent from the page, only from a script.
  test('a client\'s command sent from the servers panel in a Multi-Paxos run', async () => {
    // The aids' code (which brings the words for a script's faults) is held back until the end.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const { page, problems } = await openPage(browser, `${server.origin}/`, {
      beforeLoad: (p) => p.route('**/web/controls/aids.js', (route) => held.then(() => route.continue())),
    });
    const form = () => page.locator('#propose-form').evaluate((f) => [f.querySelector('h3').textContent, f.querySelector('button').textContent]);
    await loadPreset(page, 'multi-recovery');
    await seek(page, 10);
    assert.deepEqual(await form(), ['Send a client’s command', 'Send']);
    await page.selectOption('#propose-server', '2');
    assert.equal(await page.locator('#propose-value').inputValue(), 'set x 2');
    await page.fill('#propose-value', 'set y 7');
    await page.locator('#propose-form button[type="submit"]').click();
    await waitForStep(page, 11);
    assert.match(await page.locator('#status').textContent(), /^Done: request S2 set y 7\./);
    assert.equal(await page.locator('#problem').isHidden(), true);
    // A command the core refuses is explained, and changes nothing.
    await page.fill('#propose-value', 'set y');
    await page.locator('#propose-form button[type="submit"]').click();
    await page.locator('#problem:not([hidden])').waitFor();
    assert.match(await page.locator('#problem').textContent(), /request S2 set y/);
    assert.deepEqual(await position(page), { step: 11, steps: 11 });
    // In Chinese too, before the aids are loaded.
    await page.click('#language');
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    assert.deepEqual(await form(), ['发送客户端命令', '发送']);
    await page.locator('#propose-form button[type="submit"]').click();
    await page.locator('#problem', { hasText: '未执行' }).waitFor();
    assert.match(await page.locator('#problem-text').textContent(), /^未执行“request S2 set y”：场景脚本第 1 行第 17 列：缺少参数/);
    assert.doesNotMatch(await page.locator('#problem-text').textContent(), /missing|argument|usage/);
    assert.equal(await page.locator('#export-panel').getAttribute('data-ready'), 'false');
    release();
    await page.click('#language');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    // A single-decree run has the page's form back, with a value for its server.
    await loadPreset(page, 'seed-3');
    assert.deepEqual(await form(), ['Propose a value', 'Propose']);
    await page.fill('#propose-value', '');
    await page.selectOption('#propose-server', '1');
    assert.equal(await page.locator('#propose-value').inputValue(), 'X');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a share link of a Multi-Paxos run at a step opens the same state', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'multi-partition');
    await seek(page, 40);
    const link = await sharedLink(page);
    const before = { grid: await grid(page), observer: await page.locator('#observer').textContent(), title: await page.locator('#scenario-title').textContent() };
    const { page: other, problems: otherProblems } = await openPage(browser, link);
    await waitForStep(other, 40);
    const after = { grid: await grid(other), observer: await other.locator('#observer').textContent(), title: await other.locator('#scenario-title').textContent() };
    assert.deepEqual(after, before);
    assert.ok(before.grid.rows.S1.length >= 2);
    assert.deepEqual([problems, otherProblems], [[], []]);
    await page.close();
    await other.close();
  });

  test('Multi-Paxos against Basic Paxos on one schedule, in compare mode', async () => {
    const { page, problems } = await openPage(browser, `${server.origin}/`);
    await loadPreset(page, 'multi-steady');
    await aidsReady(page);
    assert.equal(await page.locator('#compare-protocol').inputValue(), 'basic-paxos');
    await page.click('#compare-start');
    await page.locator('#compare-panel[data-active="true"]').waitFor();
    const summary = await texts(page, '#compare-summary > li');
    // `request S1 set x 1` and `propose S1 ...` stand for each other; both runs stay safe.
    assert.deepEqual(summary, [
      'First divergence: command 1, at step 1 here and step 1 with Basic Paxos (two phases): request S1 set x 1 Go to step 1',
      'Multi-Paxos (a replicated log): no violation.',
      'Basic Paxos (two phases): no violation.',
      'Commands: 3 as written, 2 carried over to another message on the same link, 1 skipped.',
    ]);
    assert.equal(await page.locator('#compare-left .compare-side-title').textContent(), 'Multi-Paxos (a replicated log)');
    assert.equal(await page.locator('#compare-right .compare-side-title').textContent(), 'Basic Paxos (two phases)');
    assert.ok(summary.some((line) => /Multi-Paxos.*no violation/.test(line)), summary.join('\n'));
    // Messages per chosen command on both sides, Basic Paxos' too, with the same measure.
    const costs = () => Promise.all(['left', 'right'].map((side) => page.locator(`#compare-${side} .compare-side-cost`).textContent()));
    assert.deepEqual(await costs(), ['0 messages sent, no command chosen yet.', '0 messages sent, no command chosen yet.']);
    await page.click('#to-end');
    await page.locator('#compare-left[data-step="25"]').waitFor();
    const [left, right] = await costs();
    // Multi-Paxos: phase 1 once, then a round trip and Decides per command; Basic Paxos runs
    // both phases for its one value.
    assert.equal(left, '22 messages sent, 3 commands chosen: 7.3 messages per chosen command.');
    assert.equal(right, '16 messages sent, 1 command chosen: 16 messages per chosen command.');
    // The left side counts as the log grid under the cluster does.
    assert.equal(`Up to this step: ${left}`, (await grid(page)).cost);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a log-consistency violation: the observer names the slot, both servers and both commands, in English and Chinese', async () => {
    // The leader that skips phase 1, driven by hand until S1 and S2 have applied different
    // commands in slot 1 (tests/unit/multi.test.mjs runs the same script in the core).
    const script = `protocol multi-paxos-skip-phase1\nnodes 3\nquorum 2 2\nnetwork manual
request S1 set x 1\nrequest S2 set x 2\ndeliver S1->S3 Accept 11 #1 set x 1\ndeliver S3->S1 Accepted 11 #1
deliver S2->S1 Accept 12 #1 set x 2\ndeliver S1->S2 Accepted 12 #1\n`;
    const multi = await loadMultiCore();
    const run = new multi.Playground(script);
    const code = run.link(6, 0, 0);
    run.free();
    const sentences = {
      en: 'Log consistency broken at step 6: S1 applied set x 1 in slot #1, S2 applied set x 2.',
      'zh-CN': '第 6 步破坏了日志一致性：S1 在槽位 #1 执行了 set x 1，S2 却执行了 set x 2。',
    };
    for (const [locale, sentence] of Object.entries(sentences)) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.origin}/#s=${code}`);
      await waitForStep(page, 6);
      await page.locator('#log-grid:not([hidden])').waitFor();
      assert.equal(await page.locator('#observer').getAttribute('data-outcome'), 'violated');
      const facts = await texts(page, '#observer .verdict-facts:not([hidden]) li');
      assert.ok(facts.includes(sentence), `${locale}: ${facts.join(' | ')}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('the Chinese page shows no English sentence for a Multi-Paxos run', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    const found = [];
    for (const id of ['multi-steady', 'multi-recovery', 'multi-duel', 'multi-partition']) {
      await loadPreset(page, id);
      const steps = Number(await page.locator('#scrubber').getAttribute('max'));
      for (const step of [steps >> 1, steps]) {
        await seek(page, step);
        await showEvents(page);
        for (const selector of ['#status', '#events', '#observer', '#log-grid', '#inflight', '#log-servers-table', '#legend']) {
          const leaves = await page.locator(selector).evaluate((root) => [...root.querySelectorAll('li, p, span, th, td, h2, button')]
            .filter((e) => e.children.length === 0).map((e) => e.textContent));
          for (const text of leaves) if (ENGLISH.test(text)) found.push(`${id} step ${step} ${selector}: ${text}`);
        }
      }
    }
    assert.deepEqual(found, []);
    await context.close();
  });
});
