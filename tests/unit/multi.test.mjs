// Multi-Paxos on the page (web/multi/): the module built with it words every event of every
// Multi-Paxos preset as the core does (English) and in Chinese, from records shaped by
// web/multi/events.js; its presets' scripts run there and not on the page's module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addTexts, loadLanguage, translator } from '../../web/i18n.js';
import { eventText } from '../../web/events-text.js';
import { shapeEvents } from '../../web/multi/events.js';
import { TEXTS } from '../../web/multi/multi.js';
import { loadAids, loadCore, loadMultiCore } from './core.mjs';

const core = await loadCore();
const multi = await loadMultiCore();
const aids = await loadAids();
await Promise.all([loadLanguage('en'), loadLanguage('zh-CN')]);
addTexts(TEXTS);

test('every event of every Multi-Paxos preset: the English line is the core\'s, the Chinese has a text', () => {
  const english = translator('en');
  const chinese = translator('zh-CN');
  const presets = multi.presets();
  assert.equal(presets.length, 4);
  let checked = 0;
  for (const preset of presets) {
    const pg = new multi.Playground(preset.script);
    const events = shapeEvents(pg.events(1, pg.steps()));
    const lines = aids.eventLines(preset.script);
    assert.equal(events.length, lines.length, preset.id);
    events.forEach((event, index) => {
      assert.equal(eventText(event, english), lines[index], `${preset.id} event ${index}`);
      const worded = eventText(event, chinese);
      assert.doesNotMatch(worded, /^ev\./, `${preset.id}: no Chinese text for ${worded}`);
      assert.doesNotMatch(worded, /object Object|undefined/, `${preset.id}: ${worded}`);
    });
    checked += events.length;
    pg.free();
  }
  assert.ok(checked > 300, `${checked} events`);
});

test('a delta\'s events are shaped like a run\'s (the page appends them to its trace)', () => {
  const shaped = shapeEvents({ fork: 3, events: [{ type: 'note', node: 1, note: { note: 'campaign', ballot: '11', from: 2, attempt: 1 } }] });
  assert.equal(shaped.fork, 3);
  assert.deepEqual(shaped.events[0].note, { note: 'campaign', ballot: '11', first: 2, attempt: 1 });
  assert.equal(eventText(shaped.events[0], translator('en')), 'S1 attempt 1: runs for leader with 11 for slots 2..');
});

test('Multi-Paxos presets run on the Multi-Paxos module only; the page\'s module refuses them with a script error', () => {
  for (const preset of multi.presets()) {
    assert.throws(() => new core.Playground(preset.script), (error) => error.problem?.syntax === 'unknown-protocol', preset.id);
    const pg = new multi.Playground(preset.script);
    assert.equal(pg.snapshot().protocol, 'multi-paxos');
    pg.free();
  }
  // Its links too: the page's module cannot read them; the Multi-Paxos module reads its own.
  const pg = new multi.Playground(multi.presets()[1].script);
  const code = pg.link(5, 0, 0);
  assert.throws(() => core.decodeLink(code));
  assert.equal(multi.decodeLink(code).step, 5);
});
