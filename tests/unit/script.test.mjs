import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, scriptFromSettings, settingsFromScript, splitScript } from '../../web/script.js';
import { loadCore } from './core.mjs';

test('a script splits into settings and commands, without comments', () => {
  const { settings, commands } = splitScript('title Hi there\n# a comment\nnodes 3\n\npropose S1 X\ndeliver #1\n');
  assert.deepEqual([...settings], [['title', 'Hi there'], ['nodes', '3']]);
  assert.deepEqual(commands, ['propose S1 X', 'deliver #1']);
});

test('drop, duplicate and timeout are settings with a number, commands otherwise', () => {
  const { settings, commands } = splitScript('drop 5%\nduplicate 10%\ntimeout 12\ndrop #3\nduplicate S1->S2 Prepare 11\ntimeout S1');
  assert.deepEqual([...settings], [['drop', '5%'], ['duplicate', '10%'], ['timeout', '12']]);
  assert.deepEqual(commands, ['drop #3', 'duplicate S1->S2 Prepare 11', 'timeout S1']);
});

test('settings are read with defaults and majority quorums', () => {
  assert.deepEqual(settingsFromScript(''), DEFAULT_SETTINGS);
  const three = settingsFromScript('nodes 3');
  assert.equal(three.quorum1, 2);
  assert.equal(three.quorum2, 2);
  const s = settingsFromScript('protocol one-phase-adopt\nnodes 5\nquorum 2 3\nnetwork manual\ndelay 1..8\ndrop 5%\nduplicate 10%\nseed 177\nnacks off\nretry on\nbackoff 10\ntimeout 12\nleader S1\namnesia on\nattempts 6');
  assert.deepEqual(s, {
    title: '', protocol: 'one-phase-adopt', nodes: 5, quorum1: 2, quorum2: 3, network: 'manual', delayMin: 1, delayMax: 8,
    drop: 5, duplicate: 10, seed: 177, nacks: false, retry: true, backoff: 10, timeout: 12, leader: 'S1', amnesia: true, attempts: 6,
  });
});

test('writing settings back keeps a title on one line and the commands after the settings', () => {
  const text = scriptFromSettings({ ...DEFAULT_SETTINGS, title: 'Mine\npropose S1 EVIL' }, ['propose S1 X']);
  assert.ok(text.endsWith('\n'));
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'title Mine');
  assert.equal(lines.at(-1), 'propose S1 X');
  assert.equal(lines.filter((line) => line.startsWith('propose')).length, 1);
});

test('round trip through the core: every preset keeps its settings and its run', async () => {
  const core = await loadCore();
  for (const preset of core.presets()) {
    const original = new core.Playground(preset.script);
    const canonical = original.script();
    const { commands } = splitScript(canonical);
    const rebuilt = scriptFromSettings(settingsFromScript(canonical), commands);
    assert.equal(rebuilt, canonical, preset.id);
    const again = new core.Playground(rebuilt);
    assert.equal(again.steps(), original.steps(), preset.id);
    assert.deepEqual(again.snapshot().verdict, original.snapshot().verdict, preset.id);
    original.free();
    again.free();
  }
});
