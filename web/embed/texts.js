// Embed mode's own texts, in both languages: web/embed/embed.js, the only module that needs
// them, adds them when it loads (bundled into it, so only an embed downloads them).
export default {
  en: { 'embed.ignored': 'Options not understood, left out: {options}.' },
  'zh-CN': { 'embed.ignored': '无法理解的选项，已略去：{options}。' },
};
