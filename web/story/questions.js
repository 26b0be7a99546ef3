// The questions of one chapter: drawn as forms of options, each answer checked against the
// core's record of the figure's run (the embed's `query`), explained either way, and the
// figure taken to the step where the answer shows. The reader's choices live in the story's
// address (web/story/address.js); right or wrong is never stored, it is asked of the core.
import { el, fill } from './dom.js';
import { answerOf, momentStep } from './record.js';

export class ChapterQuestions {
  /**
   * @param {object} chapter from chapters.js
   * @param {object} texts the chapter's texts
   * @param {{doc, ui, answers: Map, results: Map, figures: Figure[], onAnswer: () => void}} context
   *   (`results`: the story's, kept through a redraw in another language while its answers
   *   are checked again)
   */
  constructor(chapter, texts, { doc, ui, answers, results, figures, onAnswer }) {
    this.chapter = chapter;
    this.texts = texts;
    this.doc = doc;
    this.ui = ui;
    this.answers = answers;
    this.figures = figures;
    this.onAnswer = onAnswer;
    /** key -> 'right' | 'wrong' as the core last said. */
    this.results = results;
    this.forms = new Map();
    this.waiting = new Set();
  }

  render(startNumber) {
    return this.chapter.questions.map((question, index) => this.renderQuestion(question, startNumber + index));
  }

  key(question) {
    return `${this.chapter.id}${question.id}`;
  }

  renderQuestion(question, number) {
    const { doc, ui } = this;
    const key = this.key(question);
    const words = this.texts.questions[question.id];
    const options = question.options.map((option) => el(doc, 'label', { class: 'option' }, [
      el(doc, 'input', { type: 'radio', name: `q-${key}`, value: option, checked: this.answers.get(key) === option }),
      ` ${words.options[option]}`,
    ]));
    const verdict = el(doc, 'p', { class: 'verdict', role: 'status' });
    const moment = el(doc, 'p', { class: 'asked-at' });
    const showMoment = el(doc, 'button', { type: 'button', class: 'show-moment' }, ui.showMoment);
    const form = el(doc, 'form', { class: 'question', 'data-question': key }, [
      el(doc, 'fieldset', {}, [
        el(doc, 'legend', {}, [el(doc, 'span', { class: 'question-number' }, fill(ui.questionLabel, { n: number })), ' ', words.prompt]),
        moment,
        ...options,
      ]),
      el(doc, 'div', { class: 'question-actions' }, [el(doc, 'button', { type: 'submit', class: 'check' }, ui.check), ' ', showMoment]),
      verdict,
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector('input:checked');
      if (!chosen) {
        this.say(form, null, ui.choose);
        return;
      }
      this.answers.set(key, chosen.value);
      // Not checked until the core says (a changed answer's old verdict no longer holds).
      this.results.delete(key);
      this.onAnswer();
      this.check(question, { show: true });
    });
    showMoment.addEventListener('click', () => this.showMoment(question));
    this.forms.set(key, { form, verdict, moment });
    return form;
  }

  figureOf(question) {
    return this.figures[question.figure ?? 0];
  }

  /** The figure has loaded: say where each question is asked, and check stored answers. */
  figureReady(figure, record) {
    for (const question of this.chapter.questions) {
      if (this.figureOf(question) !== figure) continue;
      const step = momentStep(record.events, question.moment);
      const { moment } = this.forms.get(this.key(question));
      moment.textContent = step === null ? this.ui.figureNoMoment : fill(this.ui.askedAt, { step });
      if (this.answers.has(this.key(question))) this.check(question, { show: false });
    }
  }

  async showMoment(question) {
    const figure = this.figureOf(question);
    if (!figure.ready) return;
    const record = await figure.query();
    const step = momentStep(record.events, question.moment);
    if (step !== null) await figure.seek(step);
    figure.box.scrollIntoView?.({ block: 'nearest' });
  }

  /**
   * Checks the stored answer to `question` against the core: its record of the figure's
   * run says what happens after the question's moment. `show`: then take the figure to the
   * step where it happens (not for answers restored from the address).
   */
  async check(question, { show }) {
    const key = this.key(question);
    const { form } = this.forms.get(key);
    const figure = this.figureOf(question);
    if (!figure.ready) {
      this.say(form, null, this.ui.waiting);
      return;
    }
    this.say(form, null, this.ui.checking);
    let record;
    try {
      record = await figure.query();
    } catch (error) {
      this.say(form, null, fill(this.ui.checkFailed, { reason: error.message }));
      return;
    }
    const chosen = this.answers.get(key);
    const at = momentStep(record.events, question.moment);
    const { answer, step } = answerOf(question.fact, record, at ?? 0);
    const words = this.texts.questions[question.id];
    const right = answer !== null && answer === chosen;
    this.results.set(key, right ? 'right' : 'wrong');
    const known = answer !== null && question.options.includes(answer);
    const parts = [right ? this.ui.right : this.ui.wrong, right ? words.right : words.wrong,
      known ? fill(this.ui.coreDid, { answer: words.options[answer] }) : fill(this.ui.noOption, { answer: answer ?? '—' })];
    if (show && step !== null) {
      await figure.seek(step);
      parts.push(fill(this.ui.evidence, { step }));
    }
    this.say(form, right ? 'right' : 'wrong', parts.join(' '));
    this.onAnswer();
  }

  say(form, result, text) {
    const verdict = form.querySelector('.verdict');
    if (result) form.dataset.result = result;
    else delete form.dataset.result;
    verdict.textContent = text;
  }

  /** `{answered, right, pending, total}` for the chapter's progress line (`pending`: answered, not checked yet). */
  progress() {
    const keys = this.chapter.questions.map((question) => this.key(question));
    const answered = keys.filter((key) => this.answers.has(key));
    return {
      total: keys.length,
      answered: answered.length,
      right: keys.filter((key) => this.results.get(key) === 'right').length,
      pending: answered.filter((key) => !this.results.has(key)).length,
    };
  }
}
