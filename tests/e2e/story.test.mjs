// The story page (story.html), read in a real browser in both languages: each figure is
// the playground in embed mode (the first created with the page, each other as it comes
// near the screen), held at its moment (the step the core's record names); each question
// accepts a wrong and a right answer, checked by the core and explained; each figure's
// "open in Paxos Playground" link replays the same state. The answers travel in the
// address; a damaged one is named, not a blank page. Also: a 360 px phone without
// sideways scrolling, and axe-core.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { closeAll, startServerAndBrowser } from './harness.mjs';
import { CHAPTERS } from '../../web/story/chapters.js';
import { answerOf, momentStep } from '../../web/story/record.js';
import en from '../../web/story/texts-en.js';
import zh from '../../web/story/texts-zh-CN.js';
import { loadCore } from '../unit/core.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TEXTS = { en, 'zh-CN': zh };

/** What the core says each figure and question should show (computed here, under Node). */
async function expectations() {
  const core = await loadCore();
  const runs = new Map();
  const recordOf = (id) => {
    if (!runs.has(id)) {
      const run = new core.Playground(core.presets().find((p) => p.id === id).script);
      runs.set(id, { events: run.events(1, run.steps()), outcome: run.outcome(), steps: run.steps(), title: core.presets().find((p) => p.id === id).title });
    }
    return runs.get(id);
  };
  let figureNumber = 0;
  return CHAPTERS.map((chapter) => ({
    chapter,
    figures: chapter.figures.map((figure) => {
      const record = recordOf(figure.preset);
      return { number: ++figureNumber, preset: figure.preset, step: momentStep(record.events, figure.hold), steps: record.steps };
    }),
    questions: chapter.questions.map((question) => {
      const record = recordOf(chapter.figures[question.figure ?? 0].preset);
      const { answer } = answerOf(question.fact, record, momentStep(record.events, question.moment));
      return { key: `${chapter.id}${question.id}`, id: question.id, answer, wrong: question.options.find((option) => option !== answer) };
    }),
  }));
}

// The figures play up to their moment; most tests read the story as someone who asked for
// less motion (each figure is taken to its moment at once), and one watches a figure play.
async function openStory(browser, url, { width = 1100, height = 900, reducedMotion = 'reduce', requests = null, beforeLoad = null } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, reducedMotion });
  page.setDefaultTimeout(30_000);
  if (beforeLoad) await beforeLoad(page);
  if (requests) page.on('request', (request) => requests.push(request.url()));
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url);
  await page.locator('html[data-ready="true"], .story-problem').first().waitFor({ state: 'attached' });
  return { page, problems };
}

/** Brings figure `number` near the screen and waits until it is held at its moment. */
async function heldFigure(page, number) {
  const box = page.locator(`[data-figure="${number}"]`);
  await box.scrollIntoViewIfNeeded();
  await page.locator(`[data-figure="${number}"][data-held="true"]`).waitFor({ state: 'attached' });
  const frame = await (await box.locator('iframe').elementHandle()).contentFrame();
  return { box, frame };
}

async function answer(page, key, option) {
  const form = page.locator(`[data-question="${key}"]`);
  await form.locator(`input[value="${option}"]`).check();
  await form.locator('.check').click();
  await page.locator(`[data-question="${key}"][data-result] .verdict:not(:empty)`).waitFor();
  // The verdict is final once the figure has been taken to the evidence step.
  await page.waitForFunction((k) => /\d/.test(document.querySelector(`[data-question="${k}"] .verdict`).textContent)
    && !document.querySelector(`[data-question="${k}"] .verdict`).textContent.includes('…'), key);
  return { result: await form.getAttribute('data-result'), text: await form.locator('.verdict').textContent() };
}

describe('the story page', { timeout: 600_000 }, () => {
  let server;
  let browser;
  let expected;
  before(async () => {
    [{ server, browser }, expected] = await Promise.all([startServerAndBrowser(), expectations()]);
  });
  after(() => closeAll(browser, server));

  test('the first figure starts loading while the texts are still on their way, and loads once', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, reducedMotion: 'reduce' });
    page.setDefaultTimeout(30_000);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const embedAsked = () => requests.some((url) => url.includes('index.html?embed=1'));
    let heldWithFigure = null;
    // The texts are held back until the figure's frame has asked for the playground (or 20 s:
    // the story's script has to arrive and run first, seconds on a busy machine).
    await page.route('**/web/story/texts-en.js*', async (route) => {
      for (let waited = 0; waited < 20_000 && !embedAsked(); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      heldWithFigure = embedAsked();
      await route.continue();
    });
    await page.goto(`${server.origin}/story.html#lang=en`);
    await page.locator('[data-figure="1"][data-held="true"]').waitFor();
    assert.equal(heldWithFigure, true, 'the figure\'s frame asked for the playground before the texts came');
    assert.equal(requests.filter((url) => url.includes('index.html?embed=1')).length, 1, 'loaded once: the story is drawn around it');
    // It has its words and its place: in its chapter, titled, after the chapter's text.
    const chapter = expected[0].chapter.id;
    assert.equal(await page.locator(`#chapter-${chapter} [data-figure="1"] iframe`).getAttribute('title'), TEXTS.en.chapters[chapter].figures[0].title);
    assert.equal(await page.locator(`#chapter-${chapter} > h2`).textContent(), TEXTS.en.chapters[chapter].heading);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a first figure drawn before the story\'s script ran (its height said to nobody) is still taken up and held', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, reducedMotion: 'reduce' });
    page.setDefaultTimeout(30_000);
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    let drawnFirst = false;
    // The story's script is held back until the figure (in story.html) has drawn itself.
    await page.route('**/web/story/story.js*', async (route) => {
      for (let waited = 0; waited < 20_000 && !drawnFirst; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const frame = page.frames().find((candidate) => candidate.url().includes('index.html?embed=1'));
        drawnFirst = Boolean(await frame?.evaluate(() => document.documentElement.dataset.drawn).catch(() => null));
      }
      await route.continue();
    });
    await page.goto(`${server.origin}/story.html`);
    await page.locator('[data-figure="1"][data-held="true"]').waitFor();
    assert.equal(drawnFirst, true, 'the figure had drawn before the script came');
    assert.equal(await page.locator('[data-figure="1"]').getAttribute('data-state'), 'ready');
    assert.deepEqual(problems, []);
    await page.close();
  });

  // The play to the figure's moment ended by taking the figure back there: an answer checked
  // meanwhile said "the figure now shows step 16" beside a figure at step 3.
  test('an answer checked while its figure still plays to its moment wins: the figure stays where the answer took it, and its line says so', async () => {
    const { page, problems } = await openStory(browser, `${server.origin}/story.html#lang=en`, { reducedMotion: 'no-preference' });
    const [figure] = expected[0].figures;
    const [question] = expected[0].questions;
    await page.locator('[data-figure="1"][data-state="ready"]').waitFor({ state: 'attached' });
    const { result, text } = await answer(page, question.key, question.answer);
    assert.equal(result, 'right');
    const shown = Number(/shows step (\d+)/.exec(text)[1]);
    assert.notEqual(shown, figure.step, 'the answer shows another step than the figure\'s moment');
    await page.locator('[data-figure="1"][data-held="true"]').waitFor({ state: 'attached' });
    // Longer than the play to the moment has left, and than a poll of it.
    await page.waitForTimeout(1000);
    const frame = await (await page.locator('[data-figure="1"] iframe').elementHandle()).contentFrame();
    assert.equal(await frame.locator('#position').textContent(), `Step ${shown} / ${figure.steps}`);
    assert.equal(await page.locator('[data-figure="1"] .held').textContent(), TEXTS.en.ui.held.replace('{step}', shown));
    assert.equal(await page.locator('[data-figure="1"]').getAttribute('data-step'), null, 'not held at its moment: the answer came first');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a figure\'s caption and address in each language: its title ends as the language writes it, and the address names a language only when the story\'s is not the browser\'s', async () => {
    for (const [locale, hash, language, named] of [['en-US', '', 'en', false], ['zh-CN', '', 'zh-CN', false], ['en-US', '#lang=zh-CN', 'zh-CN', true]]) {
      const page = await browser.newPage({ locale, viewport: { width: 1100, height: 900 }, reducedMotion: 'reduce' });
      await page.goto(`${server.origin}/story.html${hash}`);
      await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
      const texts = TEXTS[language];
      for (const number of [1, 2]) {
        const chapter = expected.find((c) => c.figures.some((f) => f.number === number)).chapter;
        const words = texts.chapters[chapter.id].figures[0];
        const caption = await page.locator(`[data-figure="${number}"] figcaption`).textContent();
        assert.ok(caption.includes(`${words.title}${texts.ui.titleEnd}${words.caption}`), `${locale}${hash}, figure ${number}: ${caption}`);
        await page.locator(`[data-figure="${number}"]`).scrollIntoViewIfNeeded();
        const src = await page.locator(`[data-figure="${number}"] iframe`).getAttribute('src');
        assert.equal(new URL(src, server.origin).searchParams.get('lang'), named ? language : null, `${locale}${hash}, figure ${number}: ${src}`);
      }
      await page.close();
    }
  });

  test('the first figure loads with the page, the others only as they come near the screen', async () => {
    const requests = [];
    const { page, problems } = await openStory(browser, `${server.origin}/story.html#lang=en`, { requests });
    const frames = () => page.locator('iframe.figure-frame').count();
    const total = expected.flatMap((chapter) => chapter.figures).length;
    assert.equal(await page.locator('.story-figure').count(), total);
    await page.locator('[data-figure="1"] iframe').waitFor({ state: 'attached' });
    assert.equal(await frames(), 1, 'only the first figure, at once: the second is far below the first screen');
    // Made while the texts were on their way, it is loaded once: the story is drawn around it.
    await page.locator('[data-figure="1"][data-held="true"]').waitFor();
    assert.equal(requests.filter((url) => url.includes('index.html?embed=1') && url.includes('preset=seed-1')).length, 1);
    await heldFigure(page, 3);
    const loaded = await frames();
    assert.ok(loaded >= 1 && loaded < total, `${loaded} of ${total} figures loaded after going to figure 3`);
    assert.equal(await page.locator(`[data-figure="${total}"] iframe`).count(), 0, 'the last figure is not loaded');
    assert.ok(requests.some((url) => url.includes('index.html?embed=1')));
    assert.deepEqual(problems, []);
  });

  for (const language of ['en', 'zh-CN']) {
    test(`read in ${language}: every figure held at its moment, every question right and wrong, explained`, async () => {
      const texts = TEXTS[language];
      const { page, problems } = await openStory(browser, `${server.origin}/story.html#lang=${language}`);
      assert.equal(await page.locator('html').getAttribute('lang'), language);
      assert.equal(await page.locator('h1').textContent(), texts.title);
      for (const { chapter, figures, questions } of expected) {
        for (const figure of figures) {
          const { box, frame } = await heldFigure(page, figure.number);
          assert.equal(await box.getAttribute('data-step'), String(figure.step), `figure ${figure.number}`);
          await frame.locator('#position', { hasText: String(figure.step) }).waitFor();
          assert.equal(await frame.locator('html').getAttribute('lang'), language, `figure ${figure.number} speaks the page's language`);
          assert.equal(await frame.locator('html').getAttribute('data-embed-view'), chapter.figures[figure.number - figures[0].number].view);
        }
        for (const question of questions) {
          const words = texts.chapters[chapter.id].questions[question.id];
          const wrong = await answer(page, question.key, question.wrong);
          assert.equal(wrong.result, 'wrong', question.key);
          assert.ok(wrong.text.includes(words.wrong), `${question.key}: the explanation of a wrong answer`);
          assert.ok(wrong.text.includes(words.options[question.answer]), `${question.key}: says what the core did`);
          const right = await answer(page, question.key, question.answer);
          assert.equal(right.result, 'right', question.key);
          assert.ok(right.text.includes(words.right), `${question.key}: the explanation of a right answer`);
        }
        const progress = await page.locator(`.chapter-progress[data-progress="${chapter.id}"]`).getAttribute('data-complete');
        assert.equal(progress, 'true', `chapter ${chapter.id} complete`);
      }
      // Every answer is in the address, and the last one given is the right one.
      const hash = new URL(page.url()).hash;
      for (const { questions } of expected) {
        for (const question of questions) assert.ok(hash.includes(`${question.key}.${question.answer}`), `${question.key} in ${hash}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  test('with motion, a figure plays its scenario from the start and holds at its moment', async () => {
    const { page, problems } = await openStory(browser, `${server.origin}/story.html#lang=en`, { reducedMotion: 'no-preference' });
    const figure = expected.flatMap((chapter) => chapter.figures)[0];
    const box = page.locator(`[data-figure="${figure.number}"]`);
    await box.scrollIntoViewIfNeeded();
    await box.locator('iframe').waitFor({ state: 'attached' });
    const frame = await (await box.locator('iframe').elementHandle()).contentFrame();
    // Seen on its way: a step after the start and before the moment, while not yet held.
    const position = () => frame.locator('#position').textContent().then((text) => Number(/\d+/.exec(text)?.[0] ?? -1));
    let between = false;
    for (let tries = 0; tries < 400 && !between; tries += 1) {
      const step = await position();
      between = step > 0 && step < figure.step && (await box.getAttribute('data-held')) !== 'true';
      if (!between) await page.waitForTimeout(50);
    }
    assert.ok(between, 'the figure was seen between its start and its moment');
    await page.locator(`[data-figure="${figure.number}"][data-held="true"]`).waitFor({ state: 'attached', timeout: 60_000 });
    assert.equal(await box.getAttribute('data-step'), String(figure.step));
    assert.equal(await position(), figure.step);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('each figure\'s "open in Paxos Playground" link replays the state it shows', async () => {
    const { page, problems } = await openStory(browser, `${server.origin}/story.html#lang=en`);
    for (const figure of expected.flatMap((chapter) => chapter.figures)) {
      const { frame } = await heldFigure(page, figure.number);
      await frame.locator('#embed-open[href*="#s="]').waitFor({ state: 'attached' });
      const position = await frame.locator('#position').textContent();
      const title = await frame.locator('#scenario-title').textContent();
      assert.equal(position.match(/\d+/)[0], String(figure.step), `figure ${figure.number} is at its moment`);
      // The link follows the step a moment after it settles (web/share/links.js: 250 ms).
      await page.waitForTimeout(400);
      const href = await frame.locator('#embed-open').getAttribute('href');
      const full = await browser.newPage();
      await full.goto(href);
      await full.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
      assert.equal(await full.locator('#position').textContent(), position, `figure ${figure.number}`);
      assert.equal(await full.locator('#scenario-title').textContent(), title, `figure ${figure.number}`);
      assert.ok(!(await full.locator('html').getAttribute('class') ?? '').includes('embed'), 'the full playground, not an embed');
      await full.close();
    }
    assert.deepEqual(problems, []);
  });

  test('answers in the address come back checked; a damaged address is named, the story still opens', async () => {
    const { page, problems } = await openStory(browser, `${server.origin}/story.html#answers=5a.Y,5b.2,5c.Bogus,zz&lang=en`);
    const alert = page.locator('.story-problem[role="alert"]');
    assert.ok((await alert.textContent()).includes('“5c.Bogus”'));
    assert.ok((await alert.textContent()).includes('“zz”'));
    assert.equal(new URL(page.url()).hash, '#answers=5a.Y,5b.2&lang=en', 'the address keeps what could be read');
    await heldFigure(page, 5);
    await page.locator('[data-question="5a"][data-result="wrong"]').waitFor();
    await page.locator('[data-question="5b"][data-result="right"]').waitFor();
    assert.equal(await page.locator('[data-question="5a"] input[value="Y"]').isChecked(), true);
    assert.equal(await page.locator('.chapter-progress[data-progress="5"]').textContent(), '2 of 3 answered, 1 right');
    assert.match(await page.locator('#progress').textContent(), /^2 of 15 questions answered, 1 right\.$/);
    // Nothing but damage: the story opens with a message, never a blank page.
    const { page: broken } = await openStory(browser, `${server.origin}/story.html#answers=%%%,<b>x</b>&lang=en`);
    assert.ok(await broken.locator('.chapter').count() >= 7);
    assert.ok((await broken.locator('.story-problem').textContent()).includes('<b>x</b>'), 'shown as text, not markup');
    // A hostile address of thousands of parts: the first few named, each once, the rest counted.
    const junk = `${'zz,'.repeat(30000)}${Array.from({ length: 2000 }, (_, i) => `,k${i}`).join('')}`;
    const { page: flooded } = await openStory(browser, `${server.origin}/story.html#answers=${junk}&lang=xx`);
    const flood = await flooded.locator('.story-problem').textContent();
    assert.equal(flood, 'Some parts of this address could not be read, or answer a question twice, and were left out: “zz”, “k0”, “k1”, “k2”, “k3”, and 1997 more. Everything else is as it was.');
    assert.ok(await flooded.locator('.chapter').count() >= 7);
    assert.deepEqual(problems, []);
  });

  // A reader who comes back through the address: each answer is checked from the core's record
  // as soon as its figure has loaded, not after the figure has played to its moment (seconds
  // later, or never for a reader who stays put), and the progress says how many are still
  // to be checked instead of counting them wrong ("15 of 15 answered, 0 right").
  test('answers from the address: checked as each figure loads, the rest said to be not checked yet', async () => {
    const questions = expected.flatMap((chapter) => chapter.questions);
    const first = expected[0];
    assert.ok(first.figures[0].step >= 3, 'the first figure plays a few steps to its moment');
    const address = questions.map((question) => `${question.key}.${question.answer}`).join(',');
    // The order in which answers are checked and figures held, as the page does them (a
    // look from here, on a busy machine, may come after the figure has been held too).
    const recordOrder = (p) => p.addInitScript(() => {
      window.__order = [];
      new MutationObserver((records) => {
        for (const { target, attributeName } of records) {
          if (attributeName === 'data-held' && target.dataset.held === 'true') window.__order.push(`held ${target.dataset.figure}`);
          if (attributeName === 'data-result' && target.dataset.result) window.__order.push(`${target.dataset.result} ${target.dataset.question}`);
        }
      }).observe(document, { attributes: true, attributeFilter: ['data-held', 'data-result'], subtree: true });
    });
    const { page, problems } = await openStory(browser, `${server.origin}/story.html#answers=${address}&lang=en`, { reducedMotion: 'no-preference', beforeLoad: recordOrder });
    const overall = () => page.locator('#progress').textContent();
    assert.match(await overall(), new RegExp(`^${questions.length} of ${questions.length} questions answered, \\d+ right, \\d+ not checked yet: each is checked when its figure loads\\.$`));
    // Figure 1 is still playing to its moment when its chapter's answers come back right.
    for (const question of first.questions) await page.locator(`[data-question="${question.key}"][data-result="right"]`).waitFor();
    const order = await page.evaluate(() => window.__order);
    for (const question of first.questions) {
      const checkedAt = order.indexOf(`right ${question.key}`);
      const heldAt = order.indexOf('held 1');
      assert.ok(checkedAt >= 0 && (heldAt < 0 || checkedAt < heldAt), `${question.key} checked before the figure was held: ${order.join(', ')}`);
    }
    const chapterLine = await page.locator(`.chapter-progress[data-progress="${first.chapter.id}"]`).textContent();
    assert.equal(chapterLine, `${first.questions.length} of ${first.questions.length} answered, ${first.questions.length} right`);
    // Every number in the overall line is what the page shows: right = checked (all are right).
    await page.waitForFunction((count) => {
      const checked = document.querySelectorAll('form.question[data-result]').length;
      const text = document.getElementById('progress').textContent;
      return text.includes(`, ${checked} right`) && (checked === count || text.includes(`${count - checked} not checked yet`));
    }, questions.length);
    assert.deepEqual(problems, []);
  });

  // The story is drawn after the browser looked for the fragment's anchor: the page goes there.
  test('a link to a chapter opens at that chapter, with or without answers', async () => {
    for (const hash of ['#chapter-5', '#answers=5a.Y&chapter-5&lang=en']) {
      const { page, problems } = await openStory(browser, `${server.origin}/story.html${hash}`);
      await page.waitForFunction(() => {
        const top = document.getElementById('chapter-5').getBoundingClientRect().top;
        return Math.abs(top) < 40;
      }, null, { timeout: 10_000 });
      assert.ok(await page.evaluate(() => window.scrollY) > 1000, hash);
      // Something growing above it (a figure, a checked answer) does not push it away...
      // (with the browser's scroll anchoring off: it does not cover the chapters that are
      // laid out late, which is how a busy machine landed hundreds of pixels off)
      await page.evaluate(() => { document.documentElement.style.overflowAnchor = 'none'; });
      const topAfterGrowth = () => page.evaluate(async () => {
        const filler = document.createElement('div');
        filler.style.height = '500px';
        document.getElementById('chapter-1').before(filler);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return document.getElementById('chapter-5').getBoundingClientRect().top;
      });
      assert.ok(Math.abs(await topAfterGrowth()) < 40, `${hash}: held after growth above`);
      // ...until the reader scrolls: from then on the page is theirs.
      await page.mouse.move(500, 500);
      await page.mouse.wheel(0, -300);
      await page.waitForFunction(() => document.getElementById('chapter-5').getBoundingClientRect().top > 200);
      const before = await page.evaluate(() => document.getElementById('chapter-5').getBoundingClientRect().top);
      const after = await topAfterGrowth();
      assert.ok(after > before + 400, `${hash}: not pulled back after the reader scrolled (${before} → ${after})`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  // Another story link pasted into the address bar of an open story is that link's story;
  // Back brings the first one again; a bare `#chapter-N` scrolls and keeps the answers.
  test('the address changed while the story is open: another link\'s answers are shown, Back brings the first back', async () => {
    const { page, problems } = await openStory(browser, `${server.origin}/story.html#answers=5a.Y&lang=en`);
    await page.locator('[data-question="5a"] input[value="Y"]:checked').waitFor({ state: 'attached' });
    const other = (await expectations())[4].questions[1];
    await page.evaluate((hash) => { window.location.hash = hash; }, `answers=5b.${other.answer}&lang=en`);
    await page.locator(`[data-question="5b"] input[value="${other.answer}"]:checked`).waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-question="5a"] input:checked').count(), 0, 'only the new link\'s answers');
    assert.match(await page.locator('#progress').textContent(), /^1 of 15 questions answered/);
    await page.goBack();
    await page.locator('[data-question="5a"] input[value="Y"]:checked').waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-question="5b"] input:checked').count(), 0);
    // A bare anchor: the page goes there and the address keeps the reader's answer.
    await page.evaluate(() => { window.location.hash = 'chapter-6'; });
    await page.waitForFunction(() => Math.abs(document.getElementById('chapter-6').getBoundingClientRect().top) < 40);
    await page.waitForFunction(() => window.location.hash === '#answers=5a.Y&lang=en');
    assert.equal(await page.locator('[data-question="5a"] input[value="Y"]:checked').count(), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('an embed asked for a preset that does not exist says so and shows the first scenario', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/index.html?embed=1&preset=no-such-story&lang=en`);
    await page.locator('html[data-opened="true"]').waitFor({ state: 'attached' });
    await page.locator('#problem:not([hidden])', { hasText: 'No scenario “no-such-story” here' }).waitFor();
    assert.equal(await page.locator('#scenario-title').textContent(), 'Basic Paxos: one proposer, no trouble');
    await page.close();
  });

  test('the language switch redraws the story and its figures in the other language', async () => {
    const { page, problems } = await openStory(browser, `${server.origin}/story.html#lang=en`);
    await heldFigure(page, 1);
    await page.click('#language');
    await page.locator('h1', { hasText: zh.title }).waitFor();
    assert.equal(new URL(page.url()).hash, '#lang=zh-CN');
    const { frame } = await heldFigure(page, 1);
    assert.equal(await frame.locator('html').getAttribute('lang'), 'zh-CN');
    assert.deepEqual(problems, []);
  });

  test('after a language switch the progress keeps the answers the core found right while it checks them again', async () => {
    const { page, problems } = await openStory(browser, `${server.origin}/story.html#answers=5a.Y,5b.2&lang=en`);
    await heldFigure(page, 5);
    await page.locator('[data-question="5b"][data-result="right"]').waitFor();
    assert.equal(await page.locator('#progress').textContent(), '2 of 15 questions answered, 1 right.');
    await page.click('#language');
    await page.locator('h1', { hasText: zh.title }).waitFor();
    // At once, before the figures in the new language have loaded to be asked again.
    assert.equal(await page.locator('#progress').textContent(), '共 15 题，已答 2 题，答对 1 题。');
    await heldFigure(page, 5);
    await page.locator('[data-question="5b"][data-result="right"]').waitFor();
    assert.equal(await page.locator('#progress').textContent(), '共 15 题，已答 2 题，答对 1 题。');
    assert.deepEqual(problems, []);
  });

  test('a 360 px phone: no sideways scrolling; axe finds nothing', async () => {
    for (const language of ['en', 'zh-CN']) {
      const { page, problems } = await openStory(browser, `${server.origin}/story.html#answers=1a.Y&lang=${language}`, { width: 360, height: 740 });
      await heldFigure(page, 1);
      await page.locator('[data-question="1a"][data-result]').waitFor();
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(widths.scroll <= widths.client, `${language}: ${widths.scroll} px of content in ${widths.client} px`);
      await page.evaluate(readFileSync(AXE, 'utf8'));
      const result = await page.evaluate(() => window.axe.run({ exclude: [['iframe']] }, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      }));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], language);
      assert.deepEqual(problems, []);
    }
  });
});
