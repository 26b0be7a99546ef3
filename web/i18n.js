// Every piece of text the page writes, in English and Simplified Chinese. Each language is
// its own module, loaded when the page first needs it (`loadLanguage`): a visitor downloads
// one language, not both (about 10 kB gzip each, a tenth of the page's budget).
//
// Lookup is pure and synchronous over what is loaded: `translate(language, key, params)`; a
// key missing from the language falls back to English if English is loaded, then to the key
// itself (so a gap shows up as a visible key, never as a blank). The aids below the cluster
// bring their own texts in both languages when they load (`addTexts`).

import { importOnce } from './lazy.js';

export const LANGUAGES = Object.freeze(['en', 'zh-CN']);

// The texts live on the window, not in this module: in dist/ each module loaded later is
// bundled on its own with its own copy of this file, and texts added through one copy (the
// aids bring theirs) must be found through every other (the page's, in dist/web/app.js).
const texts = (globalThis.paxosTexts ??= { loaded: new Map(), added: new Map() });

/** The dictionaries loaded so far, by language. */
const loaded = texts.loaded;

/**
 * Loads a language's texts (once; later calls share the first). Resolves with its
 * dictionary; rejects for a language the page does not have, or when the file cannot be
 * fetched (then a later call tries again). The file is beside this module: in dist/ this
 * module is part of the page's bundle (dist/web/app.js), which sits where this file does,
 * so the same relative URL holds there.
 */
export function loadLanguage(language) {
  if (loaded.has(language)) return Promise.resolve(loaded.get(language));
  if (!LANGUAGES.includes(language)) return Promise.reject(new Error(`no texts for language ${JSON.stringify(language)}`));
  return importOnce(new URL(`./i18n/${language}.js`, import.meta.url).href).then((module) => {
    loaded.set(language, module.default);
    return module.default;
  });
}

/** True when `translate` can use the language's own texts now. */
export function isLoaded(language) {
  return loaded.has(language);
}

/**
 * The page language from the browser's preference list (navigator.languages): the first
 * entry that is some Chinese or some English decides; anything else gets English.
 */
export function detectLanguage(preferences) {
  for (const tag of preferences ?? []) {
    const lower = String(tag).toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** Replaces `{name}` with params.name; unknown names stay as they are. */
export function interpolate(template, params = {}) {
  // `{name}` is the parameter; `{name:one|other}` picks words by it, `#` in them standing
  // for it (English's plural: "{steps} {steps:step|steps}" says "1 step", "2 steps";
  // "{n:That move is|Those # moves are}"; Chinese needs none).
  return template.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (whole, name, one, other) => {
    if (!Object.hasOwn(params, name)) return whole;
    if (one === undefined) return String(params[name]);
    return (Number(params[name]) === 1 ? one : other).replaceAll('#', String(params[name]));
  });
}

/** Texts a module loaded later brought along, by language (see `addTexts`). */
const added = texts.added;

/**
 * Adds texts that arrive with a module loaded on demand (the aids below the cluster carry
 * their own, in both languages): `{en: {...}, 'zh-CN': {...}}`.
 */
export function addTexts(textsByLanguage) {
  for (const [language, texts] of Object.entries(textsByLanguage)) {
    added.set(language, { ...added.get(language), ...texts });
  }
}

function lookup(language, key) {
  return loaded.get(language)?.[key] ?? added.get(language)?.[key];
}

/** Whether `language` (or English) has a text for `key` (some arrive with lazy modules). */
export function hasText(language, key) {
  return (lookup(language, key) ?? lookup('en', key)) !== undefined;
}

export function translate(language, key, params) {
  const template = lookup(language, key) ?? lookup('en', key);
  return template === undefined ? key : interpolate(template, params);
}

/** A `t(key, params)` bound to one language. */
export function translator(language) {
  const t = (key, params) => translate(language, key, params);
  t.language = language;
  return t;
}

/** The other language (the page has two; the switch toggles). */
export function otherLanguage(language) {
  return language === 'zh-CN' ? 'en' : 'zh-CN';
}

/**
 * Applies static translations to a document: `data-i18n` sets textContent,
 * `data-i18n-aria` sets aria-label, `data-i18n-title` sets title, `data-i18n-placeholder`
 * sets placeholder.
 */
export function applyStatic(root, t) {
  // Only what differs is written: the page's HTML is in English, and a text set to what it
  // already says would still have its element laid out again in the first frame.
  for (const element of root.querySelectorAll('[data-i18n]')) {
    const text = t(element.dataset.i18n);
    if (element.textContent !== text) element.textContent = text;
  }
  const attribute = (selector, name, key) => {
    for (const element of root.querySelectorAll(selector)) {
      const value = t(element.dataset[key]);
      if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    }
  };
  attribute('[data-i18n-aria]', 'aria-label', 'i18nAria');
  attribute('[data-i18n-title]', 'title', 'i18nTitle');
  attribute('[data-i18n-placeholder]', 'placeholder', 'i18nPlaceholder');
}
