// Export and import helpers, against the real core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { copyText, errorPosition, errorText, exportText, offsetAt } from '../../web/aids/export.js';
import { loadAids, loadCore } from './core.mjs';

const core = await loadCore();
const aids = await loadAids();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('the three exports come from the core: script, Mermaid, and the committed Rust test for seed §3', async () => {
  const pg = new core.Playground(core.presets().find((p) => p.id === 'seed-3').script);
  const load = async () => aids;
  assert.equal(await exportText(pg, 'script', load), pg.script());
  assert.match(await exportText(pg, 'mermaid', load), /^sequenceDiagram\n/);
  assert.equal(await exportText(pg, 'rust', load), readFileSync(`${ROOT}crates/paxos/tests/exported_seed_3.rs`, 'utf8'));
  await assert.rejects(() => exportText(pg, 'pdf', load), /no export pdf/);
});

test('a script error points at its line and column, and the caret can be put there', () => {
  let thrown = null;
  try {
    new core.Playground('nodes 3\npropose S1 X\ndeliver S9->S1 Prepare 11\n');
  } catch (error) {
    thrown = error;
  }
  assert.match(thrown.message, /^scenario script: line 3, column \d+: /);
  const position = errorPosition(thrown);
  assert.equal(position.line, 3);
  assert.equal(position.column, thrown.problem.column);
  const t = (key, params) => `${key} ${JSON.stringify(params)}`;
  assert.match(errorText(thrown, t), /^import\.at \{"line":3,/);
  assert.equal(errorPosition(new Error('line 3, column 9: words are not facts')), null);
  const text = 'ab\ncdef\ng';
  assert.equal(offsetAt(text, 1, 1), 0);
  assert.equal(offsetAt(text, 2, 3), 5);
  assert.equal(offsetAt(text, 2, 99), 7);
  assert.equal(offsetAt(text, 9, 1), 8);
});

test('copying says when the page must fall back to a text to copy by hand', async () => {
  const copied = [];
  assert.equal(await copyText({ writeText: async (text) => copied.push(text) }, 'hello'), 'copied');
  assert.deepEqual(copied, ['hello']);
  assert.equal(await copyText({ writeText: async () => { throw new Error('denied'); } }, 'x'), 'fallback');
  assert.equal(await copyText(undefined, 'x'), 'fallback');
  assert.equal(await copyText({}, 'x'), 'fallback');
});
