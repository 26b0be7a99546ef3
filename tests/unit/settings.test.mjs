// The settings the page shows and edits come from the core (there is no script parser in
// the page): a run's settings, the core's defaults, and a new script from edited settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAids, loadCore } from './core.mjs';
import { loadLanguage, translator } from '../../web/i18n.js';

const core = await loadCore();
// Editing settings is the aids' module's (fetched with the settings panel).
const aids = await loadAids();

test('the protocols are the core\'s, in the seed\'s order, then Multi-Paxos and its broken variants', () => {
  assert.deepEqual(aids.protocols(), [
    'one-phase-first', 'one-phase-highest', 'one-phase-adopt', 'basic-paxos',
    'multi-paxos', 'multi-paxos-skip-phase1', 'multi-paxos-no-repropose', 'seed-phase2',
  ]);
});

test('a run\'s settings have every default resolved: one-phase-adopt retries unless told not to', () => {
  const adopt = new core.Playground('protocol one-phase-adopt\nnodes 3\n');
  const settings = aids.settingsOf(adopt.script());
  assert.equal(settings.retry, true);
  assert.deepEqual([settings.quorum1, settings.quorum2, settings.leader, settings.title], [2, 2, null, '']);
  assert.equal(aids.settingsOf('protocol one-phase-adopt\nretry off\n').retry, false);
  assert.equal(aids.defaultSettings('one-phase-adopt', 5).retry, true);
  assert.equal(aids.defaultSettings('basic-paxos', 5).retry, false);
  assert.deepEqual(aids.defaultSettings('basic-paxos', 4), aids.settingsOf('nodes 4\n'));
  assert.throws(() => aids.defaultSettings('basic-paxos', 10), /1 to 9 servers/);
  assert.throws(() => aids.defaultSettings('raft', 3), /unknown protocol/);
  assert.equal(adopt.snapshot().title, '');
  assert.equal(new core.Playground('title Hi there\n').snapshot().title, 'Hi there');
  // Which preset a script shows: the same settings (1), only the same title (2), neither (0).
  assert.equal(core.presetMatch('nodes 3\npropose S1 X\n', 'nodes 3\n'), 1);
  assert.equal(core.presetMatch('title A\nnodes 3\n', 'title A\nnodes 3\nretry on\n'), 2);
  assert.equal(core.presetMatch('nodes 3\n', 'nodes 3\nretry on\n'), 0);
  assert.equal(core.presetMatch('title A\n', 'title B\n'), 0);
  adopt.free();
});

test('round trip through the core: every preset keeps its settings and its run', () => {
  for (const preset of core.presets()) {
    const original = new core.Playground(preset.script);
    const made = aids.withSettings(original.script(), aids.settingsOf(original.script()), true);
    assert.equal(made.script, original.script(), preset.id);
    const again = new core.Playground(made.script);
    assert.equal(again.steps(), original.steps(), preset.id);
    assert.deepEqual(again.snapshot().verdict, original.snapshot().verdict, preset.id);
    original.free();
    again.free();
  }
});

test('a refused setting is named; a kept command that no longer fits says which', () => {
  const pg = new core.Playground('nodes 5\nnetwork manual\npropose S5 X\n');
  const settings = aids.settingsOf(pg.script());
  assert.deepEqual(aids.withSettings(pg.script(), { ...settings, quorum2: 6 }, false),
    { script: null, setting: 'quorum2', error: 'a quorum cannot be larger than the 5 servers', syntax: 'quorum-too-large', facts: [['nodes', '5']], command: null });
  assert.equal(aids.withSettings(pg.script(), { ...settings, title: 'Mine\npropose S1 EVIL' }, false).setting, 'title');
  assert.equal(aids.withSettings(pg.script(), { ...settings, nodes: 'five' }, false).setting, 'nodes');
  assert.equal(aids.withSettings(pg.script(), { ...settings, protocol: 'raft' }, false).setting, 'protocol');
  assert.equal(aids.withSettings(pg.script(), { ...settings, leader: 7 }, false).setting, 'leader');
  const smaller = aids.withSettings(pg.script(), { ...settings, nodes: 3, quorum1: 2, quorum2: 2 }, true);
  assert.equal(smaller.setting, null);
  assert.match(smaller.error, /^the kept command `propose S5 X`: `S5` does not exist/);
  const fresh = aids.withSettings(pg.script(), { ...settings, nodes: 3, quorum1: 2, quorum2: 2, leader: 2, title: 'Mine' }, false);
  assert.equal(fresh.script.split('\n')[0], 'title Mine');
  assert.match(fresh.script, /\nleader S2\n/);
  assert.ok(!fresh.script.includes('propose'));
  pg.free();
});

// A number typed into the settings past what its field's type holds (nodes 300 does not fit a
// byte) said "not a value this setting takes" where nodes 200 said the range.
test('a whole number beyond a setting\'s type is refused by the setting\'s range, like one within it', () => {
  const pg = new core.Playground('nodes 5\nnetwork manual\n');
  const settings = aids.settingsOf(pg.script());
  const refusal = (change) => {
    const made = aids.withSettings(pg.script(), { ...settings, ...change }, false);
    return [made.setting, made.syntax, made.error];
  };
  const nodesRange = ['nodes', 'range', 'the number of servers must be between 1 and 9'];
  assert.deepEqual(refusal({ nodes: 200 }), nodesRange);
  assert.deepEqual(refusal({ nodes: 300 }), nodesRange);
  assert.deepEqual(refusal({ nodes: -4 }), nodesRange);
  assert.deepEqual(refusal({ backoff: 5e9 }), refusal({ backoff: 5000 }));
  assert.equal(refusal({ backoff: 5e9 })[1], 'range');
  // Where the nearest value the type holds would be taken, the number itself is refused.
  assert.deepEqual(refusal({ drop: -5 }), ['drop', 'not-a-value', 'not a value this setting takes']);
  assert.deepEqual(refusal({ seed: 2 ** 60 }), ['seed', 'not-a-value', 'not a value this setting takes']);
  assert.deepEqual(refusal({ nodes: 2.5 }), ['nodes', 'not-a-value', 'not a value this setting takes']);
  assert.deepEqual(refusal({ nodes: Infinity }), ['nodes', 'not-a-value', 'not a value this setting takes']);
  pg.free();
});

// The Chinese page says why in Chinese: the refusal comes as a kind and facts, worded by the
// settings dialog's texts (it said "backoff ticks must be between 0 and 1000" in English).
test('a refused setting is worded in the page\'s language, from the core\'s kind and facts', async () => {
  const { TEXTS, refusalText } = await import('../../web/controls/settings.js').catch(() => ({}));
  if (!refusalText) return assert.fail('web/controls/settings.js could not be imported under Node');
  const { addTexts } = await import('../../web/i18n.js');
  await Promise.all([loadLanguage('en'), loadLanguage('zh-CN')]);
  addTexts(TEXTS);
  const [english, chinese] = [translator('en'), translator('zh-CN')];
  const pg = new core.Playground('protocol basic-paxos\nnodes 5\nnetwork manual\npropose S5 X\n');
  const settings = aids.settingsOf(pg.script());
  const cases = [
    aids.withSettings(pg.script(), { ...settings, backoff: 5000 }, false),
    aids.withSettings(pg.script(), { ...settings, backoff: 5e9 }, false),
    aids.withSettings(pg.script(), { ...settings, title: 'a\nb' }, false),
    aids.withSettings(pg.script(), { ...settings, nodes: 3, quorum1: 2, quorum2: 2 }, true),
    aids.withSettings(pg.script(), { ...settings, delayMin: 9, delayMax: 3 }, false),
  ];
  for (const made of cases) {
    assert.equal(made.script, null);
    assert.equal(refusalText(made, english), made.error, 'the English is the core\'s sentence');
    const worded = refusalText(made, chinese);
    const prose = worded.replace(/`[^`]*`/g, '').replace(/\b(S\d|S1\.\.S\d|MIN|MAX)\b/g, '');
    assert.doesNotMatch(prose, /[A-Za-z]{3,}/, worded);
  }
  pg.free();
});
