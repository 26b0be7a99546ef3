// The story page's pure parts (web/story/): its address (answers and language), the
// patterns it reads the core's records with, every question and figure checked against the
// real core's runs of the presets, and its texts complete in both languages.
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorOf, readAddress, writeAddress } from '../../web/story/address.js';
import { CHAPTERS, allQuestions } from '../../web/story/chapters.js';
import { answerOf, firstEvent, matches, momentStep, read } from '../../web/story/record.js';
import { figureUrl } from '../../web/story/frame.js';
import en from '../../web/story/texts-en.js';
import zh from '../../web/story/texts-zh-CN.js';
import { loadCore } from './core.mjs';

test('the address: answers and a language, read back as written', () => {
  const answers = new Map([['5a', 'X'], ['1b', 'Reject']]);
  const hash = writeAddress(answers, 'zh-CN');
  assert.equal(hash, '#answers=1b.Reject,5a.X&lang=zh-CN', 'in the story\'s order');
  const back = readAddress(hash);
  assert.deepEqual([...back.answers], [['1b', 'Reject'], ['5a', 'X']]);
  assert.equal(back.language, 'zh-CN');
  assert.deepEqual(back.rejected, []);
  assert.equal(writeAddress(new Map(), null), '');
});

test('a damaged address: what can be read is kept, the rest is named', () => {
  const { answers, language, rejected } = readAddress('#answers=1a.X,,9z.Q,5a.W,1a.Y,%E0%A4%A,garbage&lang=fr&x=1');
  assert.deepEqual([...answers], [['1a', 'X']]);
  assert.equal(language, null, 'a language the page does not have');
  assert.deepEqual(rejected, ['9z.Q', '5a.W', '1a.Y', '%E0%A4%A', 'garbage', 'lang=fr', 'x=1']);
  assert.deepEqual(readAddress('#chapter-3').rejected, [], 'an in-page anchor is not an error');
  assert.equal(readAddress(`#answers=${'a'.repeat(500)}`).rejected[0].length, 41, 'shown shortened');
  assert.deepEqual(readAddress(`#answers=${'zz,'.repeat(30000)}1a.X`).rejected, ['zz'], 'each part once');
  // The answer kept, given again, is not said to be left out; a different one is.
  const twice = readAddress('#answers=1a.X,1a.Y,1a.X');
  assert.deepEqual([...twice.answers], [['1a', 'X']]);
  assert.deepEqual(twice.rejected, ['1a.Y']);
});

test('patterns: partial records, {} for any object, dotted reads', () => {
  const event = { type: 'send', from: 2, message: { type: 'Promise', accepted: { ballot: '11', value: 'X' } } };
  assert.ok(matches(event, { type: 'send', message: { accepted: {} } }));
  assert.ok(!matches({ ...event, message: { type: 'Promise', accepted: null } }, { message: { accepted: {} } }));
  assert.ok(!matches(event, { from: 3 }));
  assert.equal(read(event, 'message.accepted.value'), 'X');
  assert.equal(read(event, 'message.nothing.value'), undefined);
  assert.equal(read({ note: { adopted: [2, {}] } }, 'note.adopted.0'), 2);
  const events = [{ step: 1, type: 'a' }, { step: 3, type: 'b' }, { step: 4, type: 'b' }];
  assert.equal(firstEvent(events, { type: 'b' }).step, 3);
  assert.equal(firstEvent(events, { type: 'b' }, 3).step, 4, 'after a step');
  assert.equal(momentStep(events, { before: { type: 'b' } }), 2);
  assert.equal(momentStep(events, { at: { type: 'c' } }), null);
  assert.throws(() => answerOf({ from: 'guess' }, { events }, 0), /unknown kind of fact/);
});

test('a figure\'s address: the playground in embed mode, its preset, view, and language when the story names one', () => {
  const url = new URL(figureUrl('http://h/sub/story.html#answers=1a.X', { preset: 'seed-3', view: 'spacetime', language: 'zh-CN' }));
  assert.equal(url.pathname, '/sub/index.html');
  assert.deepEqual(Object.fromEntries(url.searchParams), { embed: '1', preset: 'seed-3', view: 'spacetime', lang: 'zh-CN' });
  assert.equal(url.hash, '');
  const browsers = new URL(figureUrl('http://h/story.html', { preset: 'seed-1', view: 'spacetime', language: null }));
  assert.deepEqual(Object.fromEntries(browsers.searchParams), { embed: '1', preset: 'seed-1', view: 'spacetime' });
});

test('story.html\'s first figure, loading before the script, is the story\'s first figure at the address the script would give it', () => {
  const html = readFileSync(new URL('../../story.html', import.meta.url), 'utf8');
  const section = /<section class="chapter early" id="chapter-(\d+)"[^>]*>([\s\S]*?)<\/section>/.exec(html);
  assert.ok(section, 'story.html has the early section');
  const chapter = CHAPTERS.find((candidate) => candidate.figures.length > 0);
  assert.equal(section[1], String(chapter.id));
  assert.match(section[2], new RegExp(`<figure [^>]*data-preset="${chapter.figures[0].preset}"[^>]*data-figure="1"`));
  const src = /<iframe [^>]*src="([^"]+)"/.exec(section[2])[1].replaceAll('&amp;', '&');
  const page = 'http://h/story.html';
  assert.equal(new URL(src, page).href, figureUrl(page, { ...chapter.figures[0], language: null }));
});

test('every figure holds at a moment of its preset, and every question has exactly one right option, by the real core', async () => {
  const core = await loadCore();
  const records = new Map();
  const recordOf = (id) => {
    if (!records.has(id)) {
      const preset = core.presets().find((p) => p.id === id);
      assert.ok(preset, `preset ${id} exists`);
      const run = new core.Playground(preset.script);
      records.set(id, { events: run.events(1, run.steps()), outcome: run.outcome(), steps: run.steps() });
      run.free();
    }
    return records.get(id);
  };
  const seen = [];
  for (const chapter of CHAPTERS) {
    for (const figure of chapter.figures) {
      const step = momentStep(recordOf(figure.preset).events, figure.hold);
      assert.ok(step !== null && step > 0, `${figure.preset}: its moment is in the run`);
    }
    for (const question of chapter.questions) {
      const preset = chapter.figures[question.figure ?? 0].preset;
      const record = recordOf(preset);
      const at = momentStep(record.events, question.moment);
      assert.ok(at !== null, `${chapter.id}${question.id}: its moment is in ${preset}`);
      const { answer, step } = answerOf(question.fact, record, at);
      assert.ok(question.options.includes(answer), `${chapter.id}${question.id}: the core's answer ${answer} is an option`);
      assert.ok(step > at || question.fact.from === 'outcome', `${chapter.id}${question.id}: it happens after the moment`);
      seen.push(`${chapter.id}${question.id}=${answer}`);
    }
  }
  // The answers the texts explain: a change in a preset that changes one shows up here.
  assert.deepEqual(seen, ['1a=X', '1b=Reject', '2a=Reject', '2b=none', '3a=Y', '3b=violated', '4a=Z', '4b=none',
    '5a=X', '5b=2', '5c=Nack', '6a=3', '6b=3', '7a=0', '7b=Y']);
});

test('the texts are complete in both languages', () => {
  assert.deepEqual(Object.keys(zh.ui).sort(), Object.keys(en.ui).sort());
  for (const texts of [en, zh]) {
    for (const key of ['title', 'lead']) assert.ok(texts[key]);
    assert.ok(texts.intro.length > 0 && texts.closing.body.length > 0);
    for (const chapter of CHAPTERS) {
      const words = texts.chapters[chapter.id];
      assert.ok(words?.heading && words.body.length > 0, `chapter ${chapter.id}`);
      assert.equal(words.figures.length, chapter.figures.length, `chapter ${chapter.id}: a title per figure`);
      for (const figure of words.figures) assert.ok(figure.title && figure.caption);
      for (const question of chapter.questions) {
        const q = words.questions[question.id];
        assert.ok(q.prompt && q.right && q.wrong, `${chapter.id}${question.id}`);
        assert.deepEqual(Object.keys(q.options).sort(), [...question.options].sort(), `${chapter.id}${question.id}: its options`);
      }
    }
  }
  assert.equal(allQuestions().length, 15);
});

test('the Chinese uses the seed\'s words', () => {
  const all = JSON.stringify(zh);
  for (const word of ['提议号', '法定集合', '多数派', '确定', '通过', '抢占', '死锁', '活锁']) assert.ok(all.includes(word), word);
});

test('the fragment\'s in-page anchor, beside the answers or alone', () => {
  assert.equal(anchorOf('#chapter-5'), 'chapter-5');
  assert.equal(anchorOf('#answers=1a.X&chapter-3&lang=en'), 'chapter-3');
  assert.equal(anchorOf('#heading-%35'), 'heading-5');
  assert.equal(anchorOf('#answers=1a.X&lang=en'), null);
  assert.equal(anchorOf(''), null);
  assert.equal(anchorOf('#'), null);
});

// A preset's card says what its run shows: the happy path's steps are the core's (it said X
// was chosen "after four message delays"; chosen is when a majority has accepted, three).
test('the happy path\'s card: chosen at the step the core says, learned at the step S1 learns', async () => {
  const { loadCore } = await import('./core.mjs');
  const { readFileSync } = await import('node:fs');
  const core = await loadCore();
  const preset = JSON.parse(readFileSync(new URL('../../web/pkg/presets.json', import.meta.url), 'utf8')).find((p) => p.id === 'paxos-basic');
  const run = new core.Playground(preset.script);
  const events = run.events(1, run.steps());
  const chosen = events.find((event) => event.type === 'chosen').step;
  const learned = events.find((event) => event.type === 'note' && event.note.note === 'learned' && event.node === 1).step;
  const card = (await import('../../web/i18n/stories/paxos-basic.js')).default;
  assert.match(card.en.story, new RegExp(`X is chosen at step ${chosen}, three message delays in`));
  assert.match(card.en.story, new RegExp(`S1 learns it at step ${learned} `));
  assert.match(card['zh-CN'].story, new RegExp(`第 ${chosen} 步.*三次消息延迟.*第 ${learned} 步`));
  run.free();
});
