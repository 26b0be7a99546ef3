// The scenario gallery: every preset the core ships, with its story and its outcome in the
// page's language, and a Load button.
import { h } from '../dom.js';
import { hasStory, loadStory } from '../stories.js';

/** Which part of the seed each preset retells (shown on its card). */
export const PRESET_SECTIONS = {
  'seed-1': '§1', 'seed-2': '§2', 'seed-3': '§3', 'seed-4': '§3b/4', 'seed-5': '§5',
  livelock: '§5+', 'livelock-backoff': '§5+', 'livelock-leader': '§5+',
};

export function renderPresetList(list, presets, t, currentId) {
  list.replaceChildren(...presets.map((preset) => presetCard(list.ownerDocument, preset, t, currentId)));
}

/**
 * Adds the cards of `presets` not in `list` yet at its end, leaving the others (and where
 * the focus is) as they are: the Multi-Paxos cards join the gallery while it is open.
 */
export function addPresetCards(list, presets, t, currentId) {
  const shown = new Set([...list.querySelectorAll('[data-preset-card]')].map((card) => card.dataset.presetCard));
  list.append(...presets.filter((preset) => !shown.has(preset.id)).map((preset) => presetCard(list.ownerDocument, preset, t, currentId)));
}

function presetCard(doc, preset, t, currentId) {
  const section = PRESET_SECTIONS[preset.id];
  const titleId = `preset-title-${preset.id}`;
  return h(doc, 'li', { class: ['preset-card', preset.id === currentId ? 'current' : ''], 'data-preset-card': preset.id },
    h(doc, 'h3', { id: titleId },
      section ? h(doc, 'span', { class: 'preset-section', text: t('presets.section', { section }) }) : null,
      h(doc, 'span', { text: presetTitle(t, preset) })),
    h(doc, 'p', { class: 'preset-story', text: hasStory(preset.id) ? t(`preset.${preset.id}.story`) : '' }),
    h(doc, 'p', { class: 'preset-outcome', text: hasStory(preset.id) ? t(`preset.${preset.id}.outcome`) : '' }),
    h(doc, 'button', {
      type: 'button', class: 'primary', 'data-load-preset': preset.id, 'aria-describedby': titleId, text: t('presets.load'),
    }));
}

/**
 * Fetches every preset's story (they travel one by one: web/stories.js) and writes them into
 * the gallery's cards in place: the cards and their Load buttons stay as they are.
 */
export async function fillPresetStories(list, presets, t) {
  const doc = list.ownerDocument;
  await Promise.all(presets.map((preset) => loadStory(doc, preset.id)));
  for (const card of list.querySelectorAll('[data-preset-card]')) {
    const id = card.dataset.presetCard;
    card.querySelector('.preset-story').textContent = t(`preset.${id}.story`);
    card.querySelector('.preset-outcome').textContent = t(`preset.${id}.outcome`);
  }
}

/** The preset's title in the page language (the core's English title if none). */
export function presetTitle(t, preset) {
  const key = `preset.${preset.id}.title`;
  const title = t(key);
  return title === key ? preset.title : title;
}
