// "Can you break it?" on the real page: the reader plays the network by hand until the
// observer flags a violation, and is told how that compares with the model checker's
// shortest way; giving up animates the checker's way, or says that there is none.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, observer, openPage, startServerAndBrowser } from './harness.mjs';
import { aidsReady, deliverShown } from './aids-helpers.mjs';

const checked = (page) => page.waitForFunction(() => !document.getElementById('challenge-known').textContent.includes('working out'), null, { timeout: 60_000 });

describe('challenge: can you break it?', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let page;
  let problems;
  before(async () => ({ server, browser } = await startServerAndBrowser()));
  beforeEach(async () => {
    await page?.close();
    ({ page, problems } = await openPage(browser, `${server.origin}/`));
    await aidsReady(page);
  });
  after(() => closeAll(browser, server));

  test('one phase: broken by hand in the shortest number of moves, then in a longer way', async () => {
    await page.selectOption('#challenge-pick', 'one-phase');
    await page.click('#challenge-start');
    assert.equal(await page.locator('#scenario-title').textContent(), 'Can you break it? One phase, higher number wins (3 servers)');
    assert.match(await page.locator('#scenario-story').textContent(), /^S1 proposes X and S2 proposes Y/);
    assert.equal(await page.locator('#challenge-moves').textContent(), 'Your moves so far: 2 (the two proposals count, as they do for the checker).');
    assert.equal(await page.locator('#challenge-outcome').textContent(), 'Goal: the observer says VIOLATED.');
    // Keyboard users land where the moves are made.
    assert.equal(await page.evaluate(() => document.activeElement.closest('#inflight') !== null), true);
    await checked(page);
    assert.equal(await page.locator('#challenge-known').textContent(), 'The model checker knows a way in 4 moves (the two proposals count). Can you match it?');

    await deliverShown(page, 'S1 → S3 Accept 11 X');
    assert.equal(await page.locator('#scenario-outcome').textContent(), 'Your moves so far: 3 (the two proposals count, as they do for the checker).');
    await deliverShown(page, 'S2 → S1 Accept 12 Y');
    assert.equal((await observer(page)).outcome, 'violated');
    assert.equal(await page.locator('#challenge-panel').getAttribute('data-broken'), 'true');
    assert.equal(await page.locator('#challenge-outcome').textContent(), '🎉 You broke it in 4 moves, as short as the model checker’s shortest way!');
    assert.equal(await page.locator('#scenario-outcome').textContent(), '🎉 You broke it in 4 moves, as short as the model checker’s shortest way!');
    assert.equal(await page.locator('#challenge-giveup').textContent(), 'Show the checker’s way');

    // Back in time, a detour first (a move that does not help), then the same two deliveries.
    await page.locator('#scrubber').fill('2');
    assert.equal(await page.locator('#challenge-panel').getAttribute('data-broken'), 'false');
    await deliverShown(page, 'S1 → S2 Accept 11 X');
    await deliverShown(page, 'S1 → S3 Accept 11 X');
    await deliverShown(page, 'S2 → S1 Accept 12 Y');
    assert.equal((await observer(page)).outcome, 'violated');
    assert.equal(await page.locator('#challenge-outcome').textContent(), '🎉 You broke it in 5 moves! The model checker’s shortest way takes 4.');

    // Then the checker's own way, animated.
    await page.click('#challenge-giveup');
    assert.equal(await page.locator('#scenario-title').textContent(), 'The model checker’s shortest counterexample');
    assert.equal(await page.locator('#challenge-outcome').textContent(), 'Showing the model checker’s way: 4 moves.');
    await page.click('#challenge-stop');
    assert.equal(await page.locator('#challenge-play').isHidden(), true);
    assert.deepEqual(problems, []);
  });

  test('amnesia: giving up animates the checker’s 10-move way to the violation', async () => {
    await page.selectOption('#challenge-pick', 'amnesia');
    await page.click('#challenge-start');
    await page.click('#challenge-giveup');
    await page.locator('#scenario-title', { hasText: 'shortest counterexample' }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.getElementById('scrubber').value === '10' && document.getElementById('play').dataset.playing === 'false', null, { timeout: 60_000 });
    assert.equal((await observer(page)).outcome, 'violated');
    assert.deepEqual(problems, []);
  });

  test('Basic Paxos: there is no way, and the checker says why after trying every state', async () => {
    await page.selectOption('#challenge-pick', 'paxos');
    assert.match(await page.locator('#challenge-rules').textContent(), /^Real Basic Paxos on 3 servers/);
    await page.click('#challenge-start');
    await page.click('#challenge-giveup');
    await page.locator('#challenge-outcome', { hasText: 'tried all' }).waitFor({ timeout: 90_000 });
    assert.equal(await page.locator('#challenge-outcome').textContent(),
      'The model checker tried all 781,237 states (any order, lost messages, one duplicate): nothing breaks Basic Paxos here. You cannot win this one, and that is the point.');
    // The run is still the challenge's: the reader can keep trying.
    assert.match(await page.locator('#scenario-title').textContent(), /^Can you break it\? Basic Paxos, majorities/);
    // Loading a preset ends the challenge.
    await page.click('#open-presets');
    await page.click('[data-load-preset="seed-1"]');
    assert.equal(await page.locator('#challenge-panel').getAttribute('data-active'), 'false');
    assert.deepEqual(problems, []);
  });
});
