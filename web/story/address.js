// The story's address fragment: the reader's answers and a chosen language, so a link to
// the page carries the reader's progress (nothing is stored anywhere else).
//
//   story.html#answers=1a.X,1b.Reject,5b.2&lang=zh-CN
//
// An answer is `<chapter><question>.<option>`. Anything that is not one (an unknown
// question or option, a damaged list) is left out and reported, so a broken link still
// opens the story, with what could be read, and a sentence on what could not.

import { allQuestions } from './chapters.js';

const ANSWER = /^([0-9]+[a-z])\.([A-Za-z0-9-]{1,20})$/;
const LANGUAGES = ['en', 'zh-CN'];
const SHOWN_MAX = 40;

/**
 * Reads the fragment. Returns `{answers: Map(key -> option), language: string|null,
 * rejected: string[]}`: `rejected` holds the parts left out (unreadable, or a second answer
 * to a question), as they were, each once, shortened.
 */
export function readAddress(hash, questions = allQuestions()) {
  const byKey = new Map(questions.map((entry) => [entry.key, entry.question]));
  const answers = new Map();
  const rejected = new Set();
  let language = null;
  const text = String(hash ?? '').replace(/^#/, '');
  for (const part of text ? text.split('&') : []) {
    const equals = part.indexOf('=');
    const name = equals > 0 ? part.slice(0, equals) : part;
    const value = equals > 0 ? part.slice(equals + 1) : '';
    if (name === 'answers') {
      for (const item of value.split(',').filter(Boolean)) {
        const answer = readAnswer(decodeSafely(item), byKey);
        if (answer && !answers.has(answer.key)) answers.set(answer.key, answer.option);
        // The same answer again loses nothing: only a different second answer is left out.
        else if (!answer || answers.get(answer.key) !== answer.option) rejected.add(shorten(decodeSafely(item)));
      }
    } else if (name === 'lang' && LANGUAGES.includes(value)) {
      language = value;
    } else if (equals > 0) {
      rejected.add(shorten(decodeSafely(part)));
    }
    // A part without `=` is an in-page anchor (`#chapter-3`): not ours to judge.
  }
  return { answers, language, rejected: [...rejected] };
}

/**
 * The in-page anchor the fragment names (`#chapter-3`, or `#answers=…&chapter-3`): its first
 * part without `=`, decoded; null if none. The story is drawn after the browser looked for it,
 * so the page goes there itself.
 */
export function anchorOf(hash) {
  const part = String(hash ?? '').replace(/^#/, '').split('&').find((item) => item && !item.includes('='));
  return part === undefined ? null : decodeSafely(part);
}

function readAnswer(item, byKey) {
  const match = ANSWER.exec(item);
  if (!match) return null;
  const [, key, option] = match;
  const question = byKey.get(key);
  return question && question.options.includes(option) ? { key, option } : null;
}

function decodeSafely(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function shorten(text) {
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text;
}

/** The fragment for `answers` (in the story's order) and a chosen language (or null). */
export function writeAddress(answers, language, questions = allQuestions()) {
  const items = questions.filter(({ key }) => answers.has(key)).map(({ key }) => `${key}.${answers.get(key)}`);
  const parts = [];
  if (items.length > 0) parts.push(`answers=${items.join(',')}`);
  if (language) parts.push(`lang=${language}`);
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}
