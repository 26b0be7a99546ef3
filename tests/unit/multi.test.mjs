// Multi-Paxos on the page (web/multi/): the module built with it words every event of every
// Multi-Paxos preset as the core does (English) and in Chinese, from records shaped by
// web/multi/events.js; its presets' scripts run there and not on the page's module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addTexts, loadLanguage, translator } from '../../web/i18n.js';
import { eventText } from '../../web/events-text.js';
import { stateText } from '../../web/format.js';
import { shapeEvents, shapeSnapshot } from '../../web/multi/events.js';
import { TEXTS } from '../../web/multi/multi.js';
import { logServerCells, logServerRows } from '../../web/multi/servers.js';
import { chosenCommands, eventsUpTo, messagesPerChosen } from '../../web/layout/log-grid.js';
import { buildTrace } from '../../web/trace.js';
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

/** The settings the checker writes at the head of a counterexample on 3 servers. */
const checkerHeader = (protocol) => `title Shortest counterexample found by the model checker
protocol ${protocol}
nodes 3
quorum 2 2
network manual
delay 1..3
drop 0%
duplicate 0%
seed 1
nacks on
retry off
backoff 0
timeout 0
leader none
amnesia off
attempts 1
`;
// The broken variants' shortest counterexamples (as `paxos check --model sim --protocol ...
// --nodes 3` prints them): their violations are worded as the core words them, in both
// languages, and the observer reads them (a slot's agreement and stability), rather than
// breaking the event list on a record shaped for one value.
const COUNTEREXAMPLES = {
  'multi-paxos-skip-phase1': `${checkerHeader('multi-paxos-skip-phase1')}request S1 set x 1
request S2 set x 2
deliver S1->S3 Accept 11 #1 set x 1
deliver S2->S1 Accept 12 #1 set x 2`,
  'multi-paxos-no-repropose': `${checkerHeader('multi-paxos-no-repropose')}request S1 set x 1
request S2 set x 2
deliver S1->S3 Prepare 11 [slots 1..]
deliver S3->S1 Promise 11 [slots 1..] (-)
deliver S1->S3 Accept 11 #1 set x 1
deliver S2->S1 Prepare 12 [slots 1..]
deliver S1->S2 Promise 12 [slots 1..] #1 (11,set x 1)
deliver S2->S1 Accept 12 #1 set x 2`,
};

test('the broken variants\' counterexamples: their violations worded as the core words them, in both languages', () => {
  const english = translator('en');
  const chinese = translator('zh-CN');
  for (const [protocol, script] of Object.entries(COUNTEREXAMPLES)) {
    const pg = new multi.Playground(script);
    const events = shapeEvents(pg.events(1, pg.steps()));
    const lines = aids.eventLines(script);
    const violations = events.filter((event) => event.type === 'violation');
    assert.equal(violations.length, 2, protocol);
    events.forEach((event, index) => assert.equal(eventText(event, english), lines[index], `${protocol} event ${index}`));
    for (const event of violations) {
      const line = eventText(event, chinese);
      assert.match(line, /#1 set x 1/, protocol);
      assert.notEqual(line, eventText(event, english));
    }
    pg.seek(pg.steps());
    const verdict = shapeSnapshot(pg.snapshot()).verdict;
    assert.deepEqual(verdict.violations.map((v) => v.property), ['agreement', 'stability'], protocol);
    assert.equal(verdict.violations[0].first.label, '#1 set x 1');
    assert.equal(verdict.violations[1].chosen.label, '#1 set x 1');
  }
});

test('a Multi-Paxos server running for leader or leading reads as such (not as an idle acceptor), in both languages', () => {
  const english = translator('en');
  const chinese = translator('zh-CN');
  const seen = new Set();
  for (const preset of multi.presets()) {
    const pg = new multi.Playground(preset.script);
    for (let step = 0; step <= pg.steps(); step += 1) {
      pg.seek(step);
      for (const node of shapeSnapshot(pg.snapshot()).nodes) {
        // Throws on a server whose state the single-decree description cannot read.
        const text = stateText(node, english);
        if (node.stage === 'leading') assert.match(text, new RegExp(`^leader, number ${node.ballot}, next slot #`), `${preset.id} step ${step}`);
        if (node.stage === 'preparing') assert.equal(text, `proposer, running for leader with ${node.ballot}`);
        if (node.stage === 'leading' || node.stage === 'preparing') assert.doesNotMatch(stateText(node, chinese), /leader|running/);
        seen.add(node.stage);
      }
    }
  }
  assert.ok(seen.has('leading') && seen.has('preparing'), [...seen].join(' '));
});

// A run of the broken leader that skips phase 1, driven by hand until two servers have applied
// different commands in slot 1: S1 applies set x 1 (chosen by S1 and S3 at step 3), S2 set x 2
// (chosen by S1 and S2 at step 5, S1 having moved to the higher number). The core finds log
// consistency broken at step 6, when S2 applies.
const LOG_CONSISTENCY = `protocol multi-paxos-skip-phase1
nodes 3
quorum 2 2
network manual
request S1 set x 1
request S2 set x 2
deliver S1->S3 Accept 11 #1 set x 1
deliver S3->S1 Accepted 11 #1
deliver S2->S1 Accept 12 #1 set x 2
deliver S1->S2 Accepted 12 #1
`;

test('a log-consistency violation is worded with its slot, both servers and both commands, in both languages', () => {
  const english = translator('en');
  const chinese = translator('zh-CN');
  const pg = new multi.Playground(LOG_CONSISTENCY);
  assert.equal(pg.steps(), 6);
  // The event list's line: the English is the core's own line.
  const events = shapeEvents(pg.events(1, pg.steps()));
  const index = events.findIndex((event) => event.type === 'violation' && event.violation.property === 'logconsistency');
  assert.ok(index >= 0, 'the run breaks log consistency');
  assert.equal(events[index].step, 6);
  assert.equal(eventText(events[index], english), aids.eventLines(LOG_CONSISTENCY)[index]);
  assert.equal(eventText(events[index], english), 'VIOLATION log consistency at step 6: S1 applied #1 set x 1 but S2 applied #1 set x 2');
  const lineZh = eventText(events[index], chinese);
  for (const part of ['第 6 步', 'S1', 'S2', '#1', 'set x 1', 'set x 2']) assert.ok(lineZh.includes(part), `${part} in ${lineZh}`);
  assert.doesNotMatch(lineZh, /applied|slot /);
  // The observer's sentence, from the snapshot's shaped violation (web/views/observer.js words
  // a property it does not know by `observer.<property>` with the violation's fields).
  pg.seek(pg.steps());
  const violation = shapeSnapshot(pg.snapshot()).verdict.violations.find((v) => v.property === 'logconsistency');
  assert.deepEqual(
    { slot: violation.slot, firstServer: violation.firstServer, firstOp: violation.firstOp, secondServer: violation.secondServer, secondOp: violation.secondOp },
    { slot: '#1', firstServer: 'S1', firstOp: 'set x 1', secondServer: 'S2', secondOp: 'set x 2' },
  );
  assert.equal(english('observer.logconsistency', violation), 'Log consistency broken at step 6: S1 applied set x 1 in slot #1, S2 applied set x 2.');
  assert.equal(chinese('observer.logconsistency', violation), '第 6 步破坏了日志一致性：S1 在槽位 #1 执行了 set x 1，S2 却执行了 set x 2。');
  pg.free();
});

test('messages per chosen command: the same measure for a log and for a single decree (compare mode shows both)', () => {
  const count = (pg) => {
    pg.seek(pg.steps());
    return messagesPerChosen(eventsUpTo(buildTrace(pg.events(1, pg.steps())), pg.steps()), chosenCommands(pg.snapshot()));
  };
  const steady = new multi.Playground(multi.presets().find((p) => p.id === 'multi-steady').script);
  const basic = new core.Playground(core.presets().find((p) => p.id === 'paxos-basic').script);
  const logCost = count(steady);
  const basicCost = count(basic);
  // Three slots chosen in the log; one value (its one command) in Basic Paxos.
  assert.equal(logCost.chosen, 3);
  assert.equal(basicCost.chosen, 1);
  assert.ok(logCost.sent > 0 && basicCost.sent > 0);
  assert.equal(basicCost.perChosen, basicCost.sent);
  // The servers table's rows for the log: roles are the core's stages, named.
  const english = translator('en');
  const cells = logServerRows(shapeSnapshot(steady.snapshot())).map((row) => logServerCells(english, row));
  assert.deepEqual(cells[0], { role: 'leader', promised: '11', applied: 'slots #1..#3', register: 'x = 1, y = 2' });
  assert.deepEqual(cells[1].role, 'follower');
  steady.free();
  basic.free();
});
