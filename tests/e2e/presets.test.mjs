// Every preset, loaded through the gallery and run to its end, shows the outcome the seed
// text (and the core's observers) say it must, in the observer panel and in the drawings.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, launchBrowser, loadPreset, observer, openPage, position, startServer, waitForStep, showSpacetime, startTogether } from './harness.mjs';

/** What the page must show at the end of each preset's run. */
const EXPECTED = {
  'seed-1': { outcome: 'safe', chosen: 'X', facts: [/^X chosen at step 3/] },
  'seed-2': { outcome: 'stuck', facts: [/^Stuck since step 5: X \{S1,S2\}, Y \{S4,S5\}, Z \{S3\}/] },
  'seed-3': {
    outcome: 'violated',
    chosen: 'ZY',
    facts: [/^Stability broken at step 8: Z, chosen at step 6 by \{S2,S3,S4\}/, /^Agreement broken at step 9: Z and Y were both chosen/],
  },
  'seed-4': { outcome: 'stuck', facts: [/^Stuck since step 11: X \{S1,S2\}, Y \{S5\}, Z \{S3,S4\}/] },
  'seed-5': { outcome: 'safe', chosen: 'X', facts: [/^X chosen at step 17: \(15,X\) accepted by \{S3,S4,S5\}/] },
  livelock: { outcome: 'safe', chosen: 'Y', facts: [/^Y chosen/, /^Livelock from step 42: 17 pre-emptions in a row/] },
  'livelock-backoff': { outcome: 'safe', chosen: 'Y', facts: [/^Y chosen/], noLivelock: true },
  'livelock-leader': { outcome: 'safe', chosen: 'Y', facts: [/^Y chosen/], noLivelock: true },
  'paxos-basic': { outcome: 'safe', chosen: 'X', facts: [/^X chosen at step 11/] },
  'crash-phase2': { outcome: 'safe', chosen: 'X', facts: [/^X chosen/] },
  'partition-heal': { outcome: 'safe', chosen: 'Y', facts: [/^Y chosen/] },
  'flexible-unsafe': {
    outcome: 'violated', chosen: 'XY', facts: [/^Agreement broken at step 10: X and Y were both chosen.*shares no server/],
  },
  amnesia: { outcome: 'violated', facts: [/^Stability broken at step 6/, /^Agreement broken at step 10: X and Y/] },
};

/** The core's Multi-Paxos presets (tests/e2e/multi-paxos.test.mjs plays them). */
const MULTI_PRESETS = ['multi-steady', 'multi-recovery', 'multi-duel', 'multi-partition'];

describe('presets', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let page;
  let problems;
  before(async () => {
    [server, browser] = await startTogether(startServer(ROOT), launchBrowser());
    ({ page, problems } = await openPage(browser, `${server.origin}/`));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the gallery lists every preset the core ships, each with its story', async () => {
    await page.click('#open-presets');
    await page.locator('#presets-dialog[open]').waitFor();
    // The Multi-Paxos presets join the gallery's end once their texts arrive (web/multi/).
    const all = [...Object.keys(EXPECTED), ...MULTI_PRESETS];
    await page.waitForFunction((count) => document.querySelectorAll('[data-load-preset]').length >= count, all.length);
    const ids = await page.locator('[data-load-preset]').evaluateAll((buttons) => buttons.map((b) => b.dataset.loadPreset));
    assert.deepEqual(ids.sort(), all.sort());
    // The stories arrive one module per preset, after the gallery opens.
    await page.waitForFunction(() => [...document.querySelectorAll('.preset-story')].every((p) => p.textContent.length > 0));
    const stories = await page.locator('.preset-story').allTextContents();
    for (const story of stories) assert.ok(story.length > 60, story);
    await page.keyboard.press('Escape');
    await page.locator('#presets-dialog').waitFor({ state: 'hidden' });
  });

  for (const [id, expected] of Object.entries(EXPECTED)) {
    test(`${id}: ${expected.outcome}${expected.chosen ? `, chosen ${expected.chosen}` : ''}`, async () => {
      await loadPreset(page, id);
      assert.equal((await observer(page)).outcome, 'safe', 'nothing is decided at step 0');
      await page.click('#to-end');
      const { steps } = await position(page);
      await waitForStep(page, steps);
      const shown = await observer(page);
      assert.equal(shown.outcome, expected.outcome, JSON.stringify(shown));
      for (const fact of expected.facts) {
        assert.ok(shown.facts.some((text) => fact.test(text)), `${fact} not in ${JSON.stringify(shown.facts)}`);
      }
      if (expected.noLivelock) assert.ok(!shown.facts.some((text) => /ivelock/.test(text)), shown.facts.join(' | '));
      assert.ok(shown.explanation.length > 20);
      const centre = (await page.locator('#cluster .chosen-value').allTextContents()).join('').replaceAll(' ≠ ', '');
      if (expected.chosen) assert.equal(centre, expected.chosen);
      // The findings are marked on the space-time diagram too.
      await showSpacetime(page);
      const findings = await page.locator('#spacetime .st-finding').allTextContents();
      if (expected.outcome === 'violated') assert.ok(findings.some((text) => text.startsWith('⚠')), findings.join(' | '));
      if (expected.outcome === 'stuck') assert.ok(findings.includes('STUCK'), findings.join(' | '));
      if (expected.chosen) assert.ok(findings.some((text) => text.startsWith('chosen')), findings.join(' | '));
      assert.deepEqual(problems, []);
    });
  }

  test('livelock: the observer flags LIVELOCK at step 42 with the ladder of proposal numbers', async () => {
    await loadPreset(page, 'livelock');
    await page.locator('#scrubber').fill('41');
    await waitForStep(page, 41);
    assert.equal((await observer(page)).outcome, 'safe');
    await page.click('#forward');
    await waitForStep(page, 42);
    const shown = await observer(page);
    assert.equal(shown.outcome, 'livelock');
    assert.equal(shown.badge, 'LIVELOCK');
    assert.ok(shown.facts.includes('Livelock since step 42: 4 pre-emptions in a row.'), shown.facts.join(' | '));
    assert.ok(shown.facts.includes('Proposal numbers: 11 < 15 < 21 < 35 < 41'), shown.facts.join(' | '));
    assert.match(await page.locator('#status').textContent(), /LIVELOCK/);
  });

  test('seed-3: VIOLATED shows the moment it happens, and stepping back undoes it', async () => {
    await loadPreset(page, 'seed-3');
    await page.locator('#scrubber').fill('7');
    await waitForStep(page, 7);
    assert.equal((await observer(page)).badge, 'SAFE');
    await page.click('#forward');
    await waitForStep(page, 8);
    const shown = await observer(page);
    assert.equal(shown.outcome, 'violated');
    assert.equal(shown.badge, 'VIOLATED');
    assert.match(await page.locator('#status').textContent(), /VIOLATION stability at step 8/);
    await page.click('#back');
    await waitForStep(page, 7);
    assert.equal((await observer(page)).outcome, 'safe');
  });
});
