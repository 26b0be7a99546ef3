// The story page (story.html): the seed's argument retold chapter by chapter, each lost
// figure a live embed of the playground stopped at its moment, and questions checked by
// the core. Opening it loads this module, its stylesheet and one language's texts; the
// first figure's iframe (the playground itself) is created at once, while the texts are on
// their way, each other one only as it comes near the screen.
import { detectLanguage } from '../i18n.js';
import { anchorOf, readAddress, writeAddress } from './address.js';
import { CHAPTERS } from './chapters.js';
import { el, fill } from './dom.js';
import { Figure } from './frame.js';
import { momentStep } from './record.js';
import { ChapterQuestions } from './questions.js';

const LANGUAGES = ['en', 'zh-CN'];
/** How many parts of a damaged address the story names (the rest are counted). */
const REJECTED_NAMED = 5;

function loadTexts(language) {
  return import(new URL(`./texts-${language}.js`, import.meta.url).href).then((module) => module.default);
}

class Story {
  constructor(window, { answers, language, languageChosen, rejected, browserLanguage }) {
    this.window = window;
    this.doc = window.document;
    this.answers = answers;
    this.language = language;
    this.languageChosen = languageChosen;
    /** The language a figure takes when its address names none (the embed's own choice). */
    this.browserLanguage = browserLanguage;
    this.rejected = rejected;
    this.figures = [];
    this.chapters = [];
    /** Question key -> 'right' | 'wrong', as the core last said (see ChapterQuestions). */
    this.results = new Map();
    /** Settles once the story is drawn (a figure made before the texts waits for it). */
    this.drawn = new Promise((resolve) => { this.markDrawn = resolve; });
  }

  async open(language) {
    // The first time: the first figure starts loading while the texts are on their way.
    if (!this.texts) this.startFirstFigure(language);
    const texts = await loadTexts(language);
    this.language = language;
    this.texts = texts;
    this.render();
  }

  /**
   * The first figure, before the texts: its chapter's section (hidden until the story is
   * drawn around it) with its box and iframe, as story.html has them (made here if it has
   * not). `render` builds the story around that section without moving it (a moved iframe
   * loads again), and fills in the figure's words.
   */
  startFirstFigure(language) {
    const { doc } = this;
    const chapter = CHAPTERS.find((candidate) => candidate.figures.length > 0);
    const spec = chapter.figures[0];
    const section = doc.querySelector('#story > section.early');
    const box = section?.querySelector(`figure[data-figure="1"][data-preset="${spec.preset}"]`);
    if (box && section.id === `chapter-${chapter.id}`) {
      const caption = box.querySelector('figcaption');
      const held = caption.querySelector('.held');
      const figure = this.makeFigure(box, spec, '', held, this.figureLanguage(language));
      this.early = { language, chapter, section, caption, held, figure };
      figure.adopt(box.querySelector('iframe'));
      return;
    }
    section?.remove();
    const held = el(doc, 'span', { class: 'held' });
    const caption = el(doc, 'figcaption', {}, [held]);
    const made = el(doc, 'figure', { class: 'story-figure', 'data-preset': spec.preset, 'data-state': 'waiting', 'data-figure': 1 }, [
      caption, el(doc, 'div', { class: 'figure-placeholder' }),
    ]);
    const early = el(doc, 'section', { class: 'chapter early', id: `chapter-${chapter.id}`, 'aria-hidden': 'true' }, [made]);
    doc.getElementById('story').append(early);
    const figure = this.makeFigure(made, spec, '', held, this.figureLanguage(language));
    this.early = { language, chapter, section: early, caption, held, figure };
    figure.load();
  }

  /** Draws the whole story in the current language (again, after a language switch). */
  render() {
    const { doc, texts } = this;
    const ui = texts.ui;
    // The first figure made before the texts, if still in this language (else it goes).
    const early = this.early?.language === this.language ? this.early : null;
    if (!early) this.dropEarly();
    this.early = null;
    for (const figure of this.figures) figure.dispose();
    this.figures = [];
    this.chapters = [];
    doc.documentElement.lang = this.language;
    doc.title = texts.title;
    doc.getElementById('skip').textContent = ui.skip;
    const language = doc.getElementById('language');
    const other = LANGUAGES.find((candidate) => candidate !== this.language);
    language.textContent = ui.languageSwitch;
    language.setAttribute('lang', other);
    // Its name is its visible text (in the other language, marked so); the title says more.
    language.title = ui.languageSwitchName;
    language.onclick = () => {
      this.languageChosen = true;
      this.open(other).then(() => this.writeAddress(), (error) => this.fatal(error));
    };
    const playground = doc.getElementById('playground');
    playground.textContent = ui.playground;
    doc.getElementById('nav').setAttribute('aria-label', ui.nav);

    const main = doc.getElementById('story');
    // The first few parts left out are named (a hostile address can hold thousands).
    const named = this.rejected.slice(0, REJECTED_NAMED).map((item) => `“${item}”`);
    if (this.rejected.length > REJECTED_NAMED) named.push(fill(ui.answersMore, { count: this.rejected.length - REJECTED_NAMED }));
    const problem = this.rejected.length > 0
      ? el(doc, 'p', { class: 'story-problem', role: 'alert' }, fill(ui.answersProblem, { items: named.join(', ') }))
      : null;
    const contents = el(doc, 'nav', { class: 'contents', 'aria-labelledby': 'contents-heading' }, [
      el(doc, 'h2', { id: 'contents-heading' }, ui.contents),
      el(doc, 'ol', {}, CHAPTERS.map((chapter) => el(doc, 'li', {}, [
        el(doc, 'a', { href: `#chapter-${chapter.id}` }, texts.chapters[chapter.id].heading),
        ' ', el(doc, 'span', { class: 'progress', 'data-progress': chapter.id }),
      ]))),
      el(doc, 'p', { class: 'progress-overall', id: 'progress', role: 'status' }),
    ]);
    let figureNumber = 1;
    let questionNumber = 1;
    const sections = CHAPTERS.map((chapter) => {
      const words = texts.chapters[chapter.id];
      const figures = chapter.figures.map((spec, index) => this.figure(spec, words.figures[index], figureNumber++, early));
      const questions = new ChapterQuestions(chapter, words, {
        doc, ui, answers: this.answers, results: this.results, figures, onAnswer: () => this.answered(),
      });
      this.chapters.push(questions);
      const forms = questions.render(questionNumber);
      questionNumber += forms.length;
      // The livelock chapter's fixes come after its first question; elsewhere the figure,
      // then the questions asked of it.
      const placed = figures.map((figure) => [figure.box, ...forms.filter((form, i) => (chapter.questions[i].figure ?? 0) === figures.indexOf(figure))]);
      const children = [
        el(doc, 'h2', { id: `heading-${chapter.id}` }, words.heading),
        el(doc, 'p', { class: 'progress chapter-progress', 'data-progress': chapter.id }),
        ...words.body.map((text) => el(doc, 'p', {}, text)),
        ...placed.flat(),
      ];
      if (early?.chapter !== chapter) return el(doc, 'section', { class: 'chapter', id: `chapter-${chapter.id}`, 'aria-labelledby': `heading-${chapter.id}` }, children);
      // The early section: filled around its figure's box, which stays where it is.
      const { section } = early;
      placeAround(early.figure.box, children);
      section.className = 'chapter';
      section.removeAttribute('aria-hidden');
      section.setAttribute('aria-labelledby', `heading-${chapter.id}`);
      return section;
    });
    const page = [
      el(doc, 'h1', {}, texts.title),
      el(doc, 'p', { class: 'lead' }, texts.lead),
      ...[problem].filter(Boolean),
      ...texts.intro.map((text) => el(doc, 'p', {}, text)),
      contents,
      ...sections,
      el(doc, 'section', { class: 'chapter closing', 'aria-labelledby': 'heading-closing' }, [
        el(doc, 'h2', { id: 'heading-closing' }, texts.closing.heading),
        el(doc, 'ul', {}, texts.closing.body.map((text) => el(doc, 'li', {}, text))),
      ]),
    ];
    if (early) {
      // Everything else goes, and the page is drawn around the early section.
      for (const child of [...main.children]) if (child !== early.section) child.remove();
      placeAround(early.section, page);
    } else {
      main.replaceChildren(...page);
    }
    this.renderProgress();
    this.markDrawn();
    this.keepAddress(main);
    // The first figure loads at once: it is a screen or two down, the first thing a reader
    // who follows the contents (or skims) reaches, and the wait for it was the story's
    // longest. The rest load as they come near the screen.
    this.figures.forEach((figure, index) => {
      if (index > 0) figure.loadWhenNear();
      else if (!figure.frame) figure.load(); // (the one made before the texts is loading)
    });
    doc.documentElement.dataset.ready = 'true';
  }

  /**
   * In-page links (the contents, the skip link) scroll without touching the address: its
   * fragment holds the reader's answers, which a plain `#chapter-3` would replace.
   */
  keepAddress(main) {
    const links = [...main.querySelectorAll('a[href^="#"]'), this.doc.getElementById('skip')];
    for (const link of links) {
      link.onclick = (event) => {
        const target = this.doc.getElementById(link.getAttribute('href').slice(1));
        if (!target) return;
        event.preventDefault();
        this.holdInView(target);
        const heading = target.matches('section') ? target.querySelector('h2') : target;
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      };
    }
  }

  /**
   * A figure's box and its controller; the iframe comes later (`loadWhenNear`). Figure 1
   * may have been made before the texts (`early`): it is given its words here.
   */
  figure(spec, words, number, early) {
    const { doc, texts } = this;
    const ui = texts.ui;
    const caption = (held) => [el(doc, 'strong', {}, fill(ui.figureLabel, { n: number })), ' ', words.title, ui.titleEnd, words.caption, ' ', held];
    if (number === 1 && early) {
      early.caption.replaceChildren(...caption(early.held));
      early.figure.setTitle(words.title);
      early.figure.box.querySelector('.figure-placeholder')?.append(ui.figureWaiting);
      this.figures.push(early.figure);
      return early.figure;
    }
    const held = el(doc, 'span', { class: 'held' });
    const box = el(doc, 'figure', { class: 'story-figure', 'data-preset': spec.preset, 'data-state': 'waiting', 'data-figure': number }, [
      el(doc, 'figcaption', {}, caption(held)),
      el(doc, 'div', { class: 'figure-placeholder' }, ui.figureWaiting),
    ]);
    const figure = this.makeFigure(box, spec, words.title, held, this.figureLanguage(this.language));
    this.figures.push(figure);
    return figure;
  }

  /**
   * The language a figure's address names: none when the story's is the browser's (the embed
   * takes that one itself, as story.html's figure 1 does, and its "open in the playground"
   * link then leaves the language to whoever opens it), else the story's.
   */
  figureLanguage(language) {
    return language === this.browserLanguage ? null : language;
  }

  /** The controller of the figure in `box`; its readiness waits for the story to be drawn. */
  makeFigure(box, spec, title, held, language) {
    return new Figure(box, { ...spec, title }, {
      window: this.window,
      language,
      onReady: (ready) => this.drawn.then(() => this.hold(ready, spec, held)),
      onFail: (failed, reason) => this.drawn.then(() => { held.textContent = fill(this.texts.ui.figureFailed, { reason }); }),
      // A question took it elsewhere: the line says where it is now.
      onMoved: (moved, step) => { held.textContent = fill(this.texts.ui.held, { step }); },
    });
  }

  /** A figure has loaded: take it to its moment, and tell the questions. */
  async hold(figure, spec, held) {
    const ui = this.texts.ui;
    try {
      const record = await figure.query();
      // The questions first: their answers are checked from the record, which does not wait
      // for the figure to play to its moment (that takes seconds, longer than a reader may).
      for (const chapter of this.chapters) chapter.figureReady(figure, record);
      const step = momentStep(record.events, spec.hold);
      if (step === null) {
        held.textContent = ui.figureNoMoment;
      } else {
        // (Not held there if the reader's question took it elsewhere first: that says where.)
        if (await figure.playTo(step)) {
          held.textContent = fill(ui.held, { step });
          figure.box.dataset.step = String(step);
        }
      }
      figure.box.dataset.held = 'true';
    } catch (error) {
      held.textContent = fill(ui.figureFailed, { reason: error.message });
    }
  }

  answered() {
    this.writeAddress();
    this.renderProgress();
  }

  renderProgress() {
    const ui = this.texts.ui;
    const totals = { answered: 0, right: 0, pending: 0, total: 0 };
    // An answer not checked yet (its figure has not loaded) is said to be so, not counted wrong.
    const line = (progress, done, pending) => fill(progress.pending > 0 ? pending : done, progress);
    for (const chapter of this.chapters) {
      const progress = chapter.progress();
      for (const key of Object.keys(totals)) totals[key] += progress[key];
      for (const element of this.doc.querySelectorAll(`[data-progress="${chapter.chapter.id}"]`)) {
        element.textContent = line(progress, ui.progressChapter, ui.progressChapterPending);
        element.dataset.complete = String(progress.right === progress.total);
      }
    }
    this.doc.getElementById('progress').textContent = line(totals, ui.progressOverall, ui.progressOverallPending);
  }

  /**
   * The reader changed the address while the story is open (typed or pasted another link,
   * or went Back to one). Another link's answers or language are that link's story: the page
   * opens it afresh (the answers it held stay in the history entry before). A bare anchor
   * (`#chapter-3`: the browser has scrolled there) keeps the reader's answers in the address.
   */
  addressChanged() {
    const next = readAddress(this.window.location.hash);
    const sameAnswers = next.answers.size === this.answers.size
      && [...next.answers].every(([key, option]) => this.answers.get(key) === option);
    const sameLanguage = next.language === null || next.language === this.language;
    const bare = next.answers.size === 0 && next.language === null && next.rejected.length === 0;
    if (!bare && (!sameAnswers || !sameLanguage || next.rejected.length > 0)) {
      this.window.location.reload();
      return;
    }
    // Where the browser's own jump lands near, not on it (see holdInView); and
    // `#answers=…&chapter-3` names no element, so the browser did not jump at all.
    const anchor = anchorOf(this.window.location.hash);
    const target = anchor === null ? null : this.doc.getElementById(anchor);
    if (target) this.holdInView(target);
    if (bare) this.writeAddress();
  }

  /** Keeps `target` at the top (holdInView) instead of whatever was held before. */
  holdInView(target) {
    this.releaseHeld?.();
    this.releaseHeld = holdInView(this.window, target);
  }

  /** The answers (and a chosen language) go into the address: a link to the page keeps them. */
  writeAddress() {
    const hash = writeAddress(this.answers, this.languageChosen ? this.language : null);
    const url = this.window.location.href.split('#')[0] + hash;
    if (url !== this.window.location.href) this.window.history.replaceState(null, '', url);
  }

  /** Takes away the first figure made before the texts (if any, and not yet drawn around). */
  dropEarly() {
    this.early?.figure.dispose();
    this.early?.section.remove();
    this.early = null;
  }

  fatal(error) {
    // A first figure started before the texts has nothing around it to explain it.
    this.dropEarly();
    // In English: the texts themselves may be what failed to load.
    let status = this.doc.getElementById('story-status');
    if (!status) {
      status = el(this.doc, 'p', { id: 'story-status', role: 'alert' });
      this.doc.getElementById('story').prepend(status);
    }
    status.className = 'story-problem';
    status.textContent = `The story could not be opened: ${error.message}. Reloading the page may help; the playground itself is linked above.`;
  }
}

/**
 * Puts the elements of `list` before and after `anchor`, which is one of them and stays
 * where it is in the page (an iframe in it would load again if moved).
 */
function placeAround(anchor, list) {
  const at = list.indexOf(anchor);
  anchor.before(...list.slice(0, at));
  anchor.after(...list.slice(at + 1));
}

/**
 * Scrolls to `target` and keeps it at the top while the page above it settles, until the
 * reader scrolls, types or touches. The chapters passed count with an estimated height until
 * they are laid out (content-visibility: auto), and figures and checked answers arrive later:
 * a single jump (or two frames later) landed hundreds of pixels off on a busy machine.
 * Returns the function that lets go.
 */
function holdInView(window, target) {
  const doc = window.document;
  const userEvents = ['wheel', 'touchstart', 'keydown', 'pointerdown'];
  const observer = new window.ResizeObserver(() => target.scrollIntoView());
  const release = () => {
    observer.disconnect();
    for (const type of userEvents) window.removeEventListener(type, release, true);
  };
  for (const type of userEvents) window.addEventListener(type, release, { capture: true, passive: true });
  target.scrollIntoView();
  observer.observe(doc.body);
  return release;
}

async function main(window) {
  const navigator = window.navigator;
  const address = readAddress(window.location.hash);
  const browserLanguage = detectLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
  const language = address.language ?? browserLanguage;
  const story = new Story(window, { ...address, languageChosen: address.language !== null, browserLanguage });
  try {
    await story.open(language);
    if (address.rejected.length > 0) story.writeAddress();
    const anchor = anchorOf(window.location.hash);
    const target = anchor === null ? null : window.document.getElementById(anchor);
    if (target) story.holdInView(target);
    window.addEventListener('hashchange', () => story.addressChanged());
  } catch (error) {
    story.fatal(error);
  }
}

main(window);
