// The page words the core's records itself (web/events-text.js, web/problems.js), in both
// languages. The English must be the core's canonical text, exactly: for every event of
// every preset, plus scripts that reach the event kinds and refusals no preset does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventText } from '../../web/events-text.js';
import { problemText, refusalText } from '../../web/problems.js';
import { loadLanguage, translator } from '../../web/i18n.js';
import { loadAids, loadCore } from './core.mjs';

await Promise.all([loadLanguage('en'), loadLanguage('zh-CN')]);
const en = translator('en');
const zh = translator('zh-CN');
const core = await loadCore();
/** The aids' module has the core's canonical lines (`eventLines`); the page's does not send them. */
const aids = await loadAids();

/** Scripts for what the presets do not show: duplicates, automatic sends, validity. */
const EXTRA = [
  'nodes 3\nnetwork manual\npropose S1 X\nduplicate #1\ndeliver #3\ndeliver #1\ndrop #2\ncrash S3\nrestart S3\npartition S1 | S2 S3\ndeliver S2->S1\nheal\n',
  'protocol one-phase-first\nnodes 3\nnetwork manual\npropose S1 X\nduplicate S1->S2 Accept X\ndeliver S1->S2 Accept X\ndeliver #3\n',
  'nodes 3\nnetwork auto\nseed 3\npropose S1 X\npropose S2 Y\nrun\n',
];

/** Every event of every run, each with the core's canonical line beside it as `canonical`. */
function everyEvent() {
  const scripts = [...core.presets().map((preset) => preset.script), ...EXTRA];
  return scripts.flatMap((script) => {
    const pg = new core.Playground(script);
    const events = pg.events(0, pg.steps());
    const lines = aids.eventLines(script);
    assert.equal(lines.length, events.length);
    pg.free();
    return events.map((event, index) => ({ ...event, canonical: lines[index] }));
  });
}

/** What an event is, for counting coverage: its type, and its note or property. */
const kindOf = (event) => [event.type, event.note?.note ?? event.violation?.property].filter(Boolean).join(':');

test('the English formatter writes every event exactly as the core does (every preset)', () => {
  const events = everyEvent();
  const kinds = new Set();
  for (const event of events) {
    assert.equal(eventText(event, en), event.canonical, JSON.stringify(event));
    kinds.add(kindOf(event));
  }
  for (const kind of ['propose', 'send', 'deliver', 'local', 'drop', 'duplicate', 'crash', 'restart', 'partition', 'heal',
    'timer', 'chosen', 'violation:agreement', 'violation:stability', 'stuck', 'livelock', 'note:promised', 'note:accepted',
    'note:refused', 'note:phase-two', 'note:preempted', 'note:defeated', 'note:attempt', 'note:learned', 'note:forgot']) {
    assert.ok(kinds.has(kind), `no ${kind} event checked`);
  }
});

test('the page module sends records, not lines: the wording is the page\'s', () => {
  const pg = new core.Playground(core.presets()[0].script);
  for (const event of pg.events(0, pg.steps())) assert.equal(event.text, undefined);
});

test('every event carrying a message has the core\'s message text beside it', () => {
  for (const event of everyEvent()) {
    const message = event.message ?? event.note?.message;
    if (message) assert.ok(event.message_text && event.canonical.includes(` ${event.message_text}`), JSON.stringify(event));
    else assert.equal(event.message_text, null);
  }
});

test('in Chinese, every event is worded from its record: no English left but notation', () => {
  for (const event of everyEvent()) {
    const text = eventText(event, zh);
    assert.doesNotMatch(text, /[A-Za-z]{2,}(?: [A-Za-z]{2,}){1,}/u, `${text} (${event.canonical})`);
    assert.ok(!text.includes('{'.repeat(1) + 'node}'), text);
  }
  const sample = everyEvent().find((event) => event.type === 'drop' && event.cause === 'hand');
  assert.match(eventText(sample, zh), /^丢弃 #\d+ S\d->S\d .+（被手动丢弃）$/);
});

function refusal(act) {
  try {
    act();
  } catch (error) {
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('not refused');
}

test('the core\'s refusals arrive typed, and the English wording is the core\'s message', () => {
  const pg = new core.Playground('nodes 3\nnetwork manual\npropose S1 X\ncrash S3\n');
  const cases = [
    [() => pg.intervene('crash S3'), 'already-down'],
    [() => pg.intervene('restart S1'), 'already-up'],
    [() => pg.intervene('timeout S2'), 'no-pending-timer'],
    [() => pg.intervene('propose S3 Y'), 'node-down'],
    [() => pg.intervene('deliver #99'), 'no-such-message'],
    [() => new core.Playground('nodes 3\nnetwork manual\ndeliver #1\n'), 'script'],
    [() => new core.Playground('nodes 3\nfrobnicate\n'), 'script'],
  ];
  for (const [act, kind] of cases) {
    const error = refusal(act);
    assert.equal(error.problem.kind, kind, error.message);
    assert.equal(problemText(error, en), error.message);
    const chinese = problemText(error, zh);
    if (!(kind === 'script' && !error.problem.refusal)) assert.doesNotMatch(chinese, /[A-Za-z]{2,} [A-Za-z]{2,}/, chinese);
  }
  const empty = refusal(() => new core.Playground('nodes 3\nnetwork manual\ndeliver #1\n'));
  assert.equal(empty.problem.refusal.kind, 'no-such-message');
  assert.match(refusalText(empty.problem.refusal, zh), /没有任何在途消息/);
  const limit = { kind: 'limit', limit: 'in-flight', max: 4096, step: 7, node: null };
  assert.equal(refusalText(limit, en), 'step 7: more than 4096 messages would be in flight (the limit)');
  assert.equal(refusalText({ ...limit, limit: 'local-chain', max: 64, node: 2 }, zh), '第 7 步：S2 在一步内发给自己的消息将超过 64 条（上限）');
  assert.equal(problemText(new Error('plain'), zh), 'plain');
});

test('records no run here reaches are worded as the core words them too', () => {
  const chosen = { proposal: { ballot: '11', value: 'W' }, quorum: [1, 2], step: 4 };
  const validity = { step: 4, tick: 0, type: 'violation', violation: { property: 'validity', chosen } };
  assert.equal(eventText(validity, en), 'VIOLATION validity at step 4: W was never proposed');
  assert.equal(eventText(validity, zh), '【违反】第 4 步破坏了有效性：W 从未被提议过');
  const stuck = { step: 9, tick: 0, type: 'stuck', holders: [['X', [1, 2]], ['Y', [3]]], empty: [4, 5] };
  assert.equal(eventText(stuck, en), 'STUCK no value can reach a quorum any more: X {S1,S2}, Y {S3}, empty {S4,S5}');
});
