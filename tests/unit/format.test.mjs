import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inFlightText, ladderText, messageKind, phaseDescription, proposalText, serverSetText, stateText,
} from '../../web/format.js';
import { loadLanguage, translator } from '../../web/i18n.js';

await Promise.all([loadLanguage('en'), loadLanguage('zh-CN')]);

const p = (ballot, value) => ({ ballot, value });

test('a message\'s kind is what the page colours and shapes by (its text is the core\'s message_text)', () => {
  assert.equal(messageKind({ type: 'Accepted' }), 'accepted');
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
