// The aids' words: the quorum panel's facts and the checker's and challenge's sentences, in
// both languages, for the presets that show each case (no key may be missing or left raw).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addTexts, loadLanguage, translator } from '../../web/i18n.js';
import { TEXTS as AIDS_TEXTS } from '../../web/controls/aids.js';

// The page's texts, and those the aids bring along when they load.
await Promise.all([loadLanguage('en'), loadLanguage('zh-CN')]);
addTexts(AIDS_TEXTS);
// The quorum aid's texts (web/controls/quorum-view.js brings them; it also waits for the aids'
// wasm module the browser way, so the texts are taken from their own files here).
addTexts({ en: (await import('../../web/aids/quorum-texts-en.js')).default, 'zh-CN': (await import('../../web/aids/quorum-texts-zh-CN.js')).default });
import { quorumPictureOf } from '../../web/aids/quorum-mirror.js';
import { AidsState, idleCheck } from '../../web/aids/state.js';
import { quorumFacts } from '../../web/views/quorum.js';
import { checkSentence, wonSentence } from '../../web/views/checker.js';
import { loadAids, loadCore } from './core.mjs';

const core = await loadCore();
const aids = await loadAids();
const en = translator('en');
const zh = translator('zh-CN');

function picture(id) {
  const pg = new core.Playground(core.presets().find((p) => p.id === id).script);
  pg.seek(pg.steps());
  // The core's picture, as the quorum aid gets it (a mirror of the page's run in the aids' module).
  const store = { pg, runVersion: 1, step: pg.step(), script: () => pg.script() };
  const cache = {};
  const result = quorumPictureOf(aids, store, null, cache);
  cache.mirror.free();
  pg.free();
  return result;
}

test('quorum facts name every case in both languages, with no raw keys', () => {
  const cases = { 'crash-phase2': 'q-carried', 'flexible-unsafe': 'q-missing', amnesia: 'q-forgot', 'seed-3': 'q-switched', 'seed-1': 'q-accepts' };
  for (const [id, cls] of Object.entries(cases)) {
    for (const t of [en, zh]) {
      const lines = quorumFacts(picture(id), t);
      assert.ok(lines.some(([c]) => c.split(' ').includes(cls)), `${id}: ${cls}`);
      for (const [, text] of lines) assert.doesNotMatch(text, /quorum\.[a-z]|\{[a-z]\w*\}/, `${id} ${t.language}: ${text}`);
    }
  }
  assert.deepEqual(quorumFacts(null, en), [['q-none', en('quorum.none')]]);
  assert.equal(quorumFacts(picture('flexible-unsafe'), en).at(-1)[1],
    'Q1 + Q2 = 2 + 3 = 5, not more than N = 5: a promise quorum can miss an accept quorum.');
});

test('check and challenge sentences', () => {
  const done = (verdict, extra = {}) => ({
    ...idleCheck(), status: 'done', summary: { distinct_states: 16957, depth: 12, verdict, reason: '', counterexample: null, ...extra },
  });
  assert.equal(checkSentence(done('holds'), en), 'HOLDS: no order of messages breaks safety in this configuration (16,957 states, depth 12).');
  assert.match(checkSentence(done('incomplete'), en), /^No violation found within the bound \(16,957 states explored\)\. That is not a proof/);
  assert.match(checkSentence(done('incomplete'), zh), /^在上限之内没有发现违反/);
  // Stopped by the memory bound, not the state bound the progress bar shows: said so.
  // What is held when it stops (as the progress and the core's reason say), not the peak.
  const memory = done('incomplete', { limit: 'memory', memory_bytes: 63 * 1024 * 1024, memory_peak_bytes: 70 * 1024 * 1024 });
  assert.match(checkSentence(memory, en), /^No violation found before the memory bound stopped the search \(16,957 states explored, 63 MiB held\)\./);
  assert.match(checkSentence(memory, zh), /^在内存上限让搜索停下之前没有发现违反/);
  assert.match(checkSentence(done('incomplete', { limit: 'states' }), en), /^No violation found within the bound/);
  assert.equal(checkSentence({ ...idleCheck(), status: 'error', error: 'boom' }, en), 'The check could not run: boom');
  assert.equal(checkSentence(idleCheck(), en), '');
  const shortest = { kind: 'violated', moves: ['a', 'b', 'c', 'd'] };
  assert.equal(wonSentence(4, shortest, en), '🎉 You broke it in 4 moves, as short as the model checker’s shortest way!');
  assert.equal(wonSentence(6, shortest, en), '🎉 You broke it in 6 moves! The model checker’s shortest way takes 4.');
  assert.equal(wonSentence(6, null, en), '🎉 You broke it in 6 moves! The model checker is still looking for the shortest way.');
});

test('the aids’ state tells its listeners which part changed', () => {
  const state = new AidsState();
  const heard = [];
  const stop = state.subscribe((part) => heard.push(part));
  state.patch('quorum', { pick: 'p:15:X' });
  assert.deepEqual(state.quorum, { shown: true, pick: 'p:15:X' });
  state.set('compare', null);
  stop();
  state.set('exported', { kind: 'script', result: 'copied' });
  assert.deepEqual(heard, ['quorum', 'compare']);
});
