import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inFlightText, ladderText, messageKind, messageText, phaseDescription, proposalText, serverSetText, stateText,
} from '../../web/format.js';
import { loadLanguage, translator } from '../../web/i18n.js';

await Promise.all([loadLanguage('en'), loadLanguage('zh-CN')]);
import { loadCore } from './core.mjs';

const p = (ballot, value) => ({ ballot, value });

test('messages are written exactly as the core writes them (seed notation)', () => {
  const cases = [
    [{ type: 'Prepare', ballot: '13' }, 'Prepare 13'],
    [{ type: 'Promise', ballot: '13', accepted: p('11', 'X') }, 'Promise 13 (11,X)'],
    [{ type: 'Promise', ballot: '13', accepted: null }, 'Promise 13 (-)'],
    [{ type: 'Accept', proposal: p('13', 'Z') }, 'Accept 13 Z'],
    [{ type: 'Accept', proposal: p('-', 'X') }, 'Accept X'],
    [{ type: 'Accepted', proposal: p('13', 'Z') }, 'Accepted 13'],
    [{ type: 'Accepted', proposal: p('-', 'X') }, 'Accepted X'],
    [{ type: 'Nack', ballot: '11', promised: '15' }, 'Nack 11 (15)'],
    [{ type: 'Reject', proposal: p('11', 'X'), holds: p('13', 'Z') }, 'Reject 11 X (13,Z)'],
    [{ type: 'Reject', proposal: p('-', 'X'), holds: p('-', 'Z') }, 'Reject X (Z)'],
  ];
  for (const [message, text] of cases) assert.equal(messageText(message), text);
  assert.throws(() => messageText({ type: 'Gossip' }), /unknown message type Gossip/);
  assert.equal(messageKind({ type: 'Accepted' }), 'accepted');
});

test('messageText agrees with the core on every message of every preset', async () => {
  const core = await loadCore();
  let checked = 0;
  for (const preset of core.presets()) {
    const pg = new core.Playground(preset.script);
    for (const event of pg.events(1, pg.steps())) {
      if (!event.message) continue;
      const text = messageText(event.message);
      assert.ok(event.text.includes(` ${text}`), `${preset.id}: "${event.text}" lacks "${text}"`);
      checked += 1;
    }
    pg.free();
  }
  assert.ok(checked > 500, `checked only ${checked} messages`);
});

test('proposals, server sets and ladders read as in the seed', () => {
  assert.equal(proposalText(p('13', 'Z')), '(13,Z)');
  assert.equal(proposalText(p('-', 'X')), '(X)');
  assert.equal(proposalText(null), '–');
  assert.equal(serverSetText([1, 2, 3]), '{S1,S2,S3}');
  assert.equal(serverSetText([]), '{}');
  assert.equal(ladderText(['11', '15', '21']), '11 < 15 < 21');
  assert.equal(inFlightText({ id: 12, from: 1, to: 3, text: 'Accept 11 X' }), '#12 S1 → S3 Accept 11 X');
});

test('a server is described by its role and, while proposing, its stage in its protocol\'s terms', () => {
  // `stage` is the core's (NodeView::stage): the one-phase protocols are "proposing", with or
  // without proposal numbers, never "phase 2".
  const node = (phase, stage) => ({ up: stage !== 'down', phase, stage });
  assert.deepEqual(phaseDescription(node({ phase: 'idle' }, 'idle')), { role: 'node.role.acceptor', key: null, params: {} });
  assert.deepEqual(phaseDescription(node({ phase: 'idle' }, 'down')), { role: 'node.role.down', key: null, params: {} });
  assert.deepEqual(phaseDescription(node({ phase: 'preparing', ballot: '15', promises: [5, 4], highest: null }, 'preparing')),
    { role: 'node.role.proposer', key: 'phase.preparing', params: { ballot: '15', count: 2 } });
  const accepting = { phase: 'accepting', proposal: p('11', 'X'), accepts: [1], refusals: [] };
  assert.deepEqual(phaseDescription(node(accepting, 'accepting')), { role: 'node.role.proposer', key: 'phase.accepting', params: { proposal: '(11,X)', count: 1 } });
  assert.equal(phaseDescription(node(accepting, 'proposing')).key, 'phase.proposing');
  assert.equal(phaseDescription(node({ phase: 'backing-off' }, 'backing-off')).key, 'phase.backingOff');
  assert.equal(phaseDescription(node({ phase: 'done', proposal: p('15', 'X') }, 'done')).key, 'phase.done');
  assert.equal(phaseDescription(node({ phase: 'gave-up' }, 'gave-up')).key, 'phase.gaveUp');
  const t = translator('en');
  assert.equal(stateText(node({ phase: 'preparing', ballot: '15', promises: [5], highest: null }, 'preparing'), t), 'proposer, phase 1: 15, 1 promised');
  assert.equal(stateText(node({ phase: 'idle' }, 'idle'), t), 'acceptor');
  assert.equal(stateText(node({ phase: 'idle' }, 'idle'), translator('zh-CN')), 'Acceptor');
});
