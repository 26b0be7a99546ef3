// Every piece of text the page writes, in English and Simplified Chinese. Lookup is pure:
// `translate(language, key, params)`; a missing key falls back to English, then to the key
// itself (so a gap shows up as a visible key, never as a blank).
import en from './i18n/en.js';
import zhCN from './i18n/zh-CN.js';

export const DICTIONARIES = Object.freeze({ en, 'zh-CN': zhCN });
export const LANGUAGES = Object.freeze(['en', 'zh-CN']);

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
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export function translate(language, key, params) {
  const dictionary = DICTIONARIES[language] ?? en;
  const template = dictionary[key] ?? en[key];
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
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-aria]')) element.setAttribute('aria-label', t(element.dataset.i18nAria));
  for (const element of root.querySelectorAll('[data-i18n-title]')) element.setAttribute('title', t(element.dataset.i18nTitle));
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder));
}
