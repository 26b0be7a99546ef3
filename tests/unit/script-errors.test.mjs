// What is wrong with a script, worded by the page: the core hands over a kind and named facts
// (`problem.syntax`, `problem.facts`), the page's texts word them. The English texts must say
// exactly what the core's English sentence says; the Chinese must carry no English sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addTexts, loadLanguage, translator } from '../../web/i18n.js';
import { syntaxText } from '../../web/problems.js';
import { loadCore, loadMultiCore } from './core.mjs';
import en from '../../web/aids/texts-en.js';
import zhCN from '../../web/aids/texts-zh-CN.js';

const core = await loadCore();
// The module the page loads for Multi-Paxos (web/multi/multi.js) makes some kinds of its own.
const multiCore = await loadMultiCore();
await Promise.all([loadLanguage('en'), loadLanguage('zh-CN')]);
addTexts({ en, 'zh-CN': zhCN });

/** A broken script for every kind of syntax error (each line after settings must be valid). */
const BROKEN = {
  'missing-argument': 'propose S1',
  'unexpected-argument': 'propose S1 X Y',
  'control-character': 'propose S1 X\u0001',
  'expected-number': 'nodes five',
  range: 'nodes 12',
  'expected-on-off': 'nacks maybe',
  delay: 'delay 9..3',
  'percent-range': 'drop 140%',
  'no-such-server': 'nodes 3\npropose S7 X',
  'expected-server': 'propose X1 X',
  'target-or-setting': 'drop 27',
  'expected-message-id': 'deliver #12x',
  'expected-target': 'deliver S1S2',
  // Longer than the longest message text (672 characters: a Multi-Paxos promise reporting 16 slots).
  'message-text-too-long': `deliver S1->S2 ${'A'.repeat(700)}`,
  'setting-after-command': 'propose S1 X\nnodes 3',
  'title-too-long': `title ${'t'.repeat(300)}`,
  'unknown-protocol': 'protocol raft',
  'expected-mode': 'network sometimes',
  'bad-value': 'propose S1 X-Y',
  'unknown-command': 'jump S1',
  'named-twice': 'partition S1 S1 | S2',
  'empty-group': 'partition S1 | | S2',
  'one-group': 'nodes 2\npartition S1 S2',
  'quorum-too-large': 'nodes 3\nquorum 4 2',
  'no-such-leader': 'nodes 3\nleader S5',
};

/** Kinds only the Multi-Paxos module makes, each from a script it refuses. */
const MULTI_BROKEN = {
  'unknown-protocol-multi': 'protocol raft',
  'propose-in-log': 'protocol multi-paxos\npropose S1 X',
  'request-not-log': 'request S1 set x 1',
  'bad-key': 'protocol multi-paxos\nrequest S1 set key-1 1',
  'no-op-request': 'protocol multi-paxos\nrequest S1 no-op',
  'expected-op': 'protocol multi-paxos\nrequest S1 del x',
};

function errorOf(script, module = core) {
  try {
    new module.Playground(script).free();
  } catch (error) {
    return error;
  }
  return null;
}

test('every kind: the English text says what the core says; the Chinese says it in Chinese', () => {
  const english = translator('en');
  const chinese = translator('zh-CN');
  const seen = new Set();
  const cases = [...Object.entries(BROKEN).map(([kind, script]) => [kind, script, core]),
    ...Object.entries(MULTI_BROKEN).map(([kind, script]) => [kind, script, multiCore])];
  for (const [kind, script, module] of cases) {
    const error = errorOf(script, module);
    assert.ok(error, `${kind}: the script is refused`);
    const { problem } = error;
    assert.equal(problem.syntax, kind, `${script}: ${error.message}`);
    seen.add(problem.syntax);
    assert.equal(syntaxText(problem, english), problem.message, kind);
    const worded = syntaxText(problem, chinese);
    // Outside `code` and the server names, no Latin word: the sentence is Chinese.
    const prose = worded.replace(/`[^`]*`/g, '').replace(/\b(S\d|S1\.\.S\d|UTF-8|U\+[0-9A-F]{4}|MIN|MAX)\b/g, '');
    assert.doesNotMatch(prose, /[A-Za-z]{3,}/, `${kind}: ${worded}`);
  }
  // Every kind the texts know is exercised here (and the ones here all have texts).
  const known = Object.keys(en).filter((key) => key.startsWith('syntax.') && !key.startsWith('syntax.what.')).map((key) => key.slice(7));
  // Not reached from a script text here: a megabyte, bytes that are not UTF-8 (a string is
  // text), an empty command (the page's own), 4,096 commands, a partition the grouping
  // already rules out, and `drop 5` without `%` (read as a command, not the setting).
  const elsewhere = ['too-large', 'invalid-utf8', 'empty-command', 'too-many-commands', 'invalid-partition', 'expected-percent'];
  const untested = known.filter((kind) => !seen.has(kind) && !elsewhere.includes(kind));
  assert.deepEqual(untested, []);
});

test('the Chinese page words a broken link\'s script error in Chinese (the position and the reason)', async () => {
  const { problemText } = await import('../../web/problems.js');
  const error = errorOf('nodes 3\nquorum 4 2');
  const text = problemText(error, translator('zh-CN'));
  assert.match(text, /^场景脚本第 2 行第 8 列：法定集合不能大于 3 台服务器$/);
  // Without the aids' texts (not loaded yet), the core's English sentence, never a key.
  assert.match(problemText(errorOf('jump'), translator('fr')), /unknown setting or command `jump`/);
});
