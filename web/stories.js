// The presets' stories and outcomes, the longest of the page's texts, travel one preset at a
// time (web/i18n/stories/<id>.js, both languages in one small module): the page opens with
// its first preset's story (web/app.js asks for it with the texts), a preset loaded later
// brings its own, and the gallery fetches the rest when it opens. Until a story is here its
// place is empty; the page redraws the card when it arrives. An embed hides the stories and
// fetches none.
import { addTexts, hasText } from './i18n.js';
import { loadModule } from './lazy.js';

/** Whether preset `id`'s story and outcome are here. */
export function hasStory(id) {
  return hasText('en', `preset.${id}.story`);
}

/** Fetches preset `id`'s story and outcome (once) and adds them to the texts. */
export async function loadStory(doc, id) {
  if (hasStory(id)) return;
  const { default: byLanguage } = await loadModule(doc, `web/i18n/stories/${id}.js`);
  addTexts(Object.fromEntries(Object.entries(byLanguage).map(([language, { story, outcome }]) => [
    language, { [`preset.${id}.story`]: story, [`preset.${id}.outcome`]: outcome },
  ])));
}
