import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectLanguage, interpolate, loadLanguage, otherLanguage, translate, translator } from '../../web/i18n.js';
import { loadCore } from './core.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const PAGE = { en: await loadLanguage('en'), 'zh-CN': await loadLanguage('zh-CN') };
/** The texts the aids bring along when they load (web/controls/aids.js adds them). */
const AIDS = { en: (await import('../../web/aids/texts-en.js')).default, 'zh-CN': (await import('../../web/aids/texts-zh-CN.js')).default };
/** The texts the quorum aid brings along (web/controls/quorum-view.js adds them). */
const QUORUM = { en: (await import('../../web/aids/quorum-texts-en.js')).default, 'zh-CN': (await import('../../web/aids/quorum-texts-zh-CN.js')).default };
/** The texts the settings dialog brings along (web/controls/settings.js). */
const SETTINGS = (await import('../../web/controls/settings.js')).TEXTS;
/** The texts the share dialog brings along (web/controls/share.js). */
const SHARE = (await import('../../web/controls/share.js')).TEXTS;
/** The texts the help dialog brings along (web/controls/help.js). */
const HELP = (await import('../../web/controls/help.js')).TEXTS;
/** The protocols' names, which both the settings and the aids write (each module carries them). */
const PROTOCOLS = { en: (await import('../../web/controls/protocol-texts-en.js')).default, 'zh-CN': (await import('../../web/controls/protocol-texts-zh-CN.js')).default };
/** The presets' stories and outcomes, one module per preset (web/stories.js loads them). */
const STORIES = { en: {}, 'zh-CN': {} };
for (const file of readdirSync(join(ROOT, 'web/i18n/stories'))) {
  const id = file.replace(/\.js$/, '');
  const { default: byLanguage } = await import(`../../web/i18n/stories/${file}`);
  for (const language of ['en', 'zh-CN']) {
    STORIES[language][`preset.${id}.story`] = byLanguage[language].story;
    STORIES[language][`preset.${id}.outcome`] = byLanguage[language].outcome;
  }
}
/** Multi-Paxos' texts and the Rules panel's, which come with their own modules. */
const MULTI = { en: (await import('../../web/multi/texts-en.js')).default, 'zh-CN': (await import('../../web/multi/texts-zh-CN.js')).default };
const RULES = { en: (await import('../../web/rules/texts-en.js')).default, 'zh-CN': (await import('../../web/rules/texts-zh-CN.js')).default };
/** The selection and in-flight panels' texts (web/page-extras.js adds them). */
const PANELS = (await import('../../web/views/panel-texts.js')).default;
/** Embed mode's own (web/embed/embed.js adds them). */
const EMBED = (await import('../../web/embed/texts.js')).default;
const SYNTAX = { en: (await import('../../web/aids/syntax-texts-en.js')).default, 'zh-CN': (await import('../../web/aids/syntax-texts-zh-CN.js')).default };
const DICTIONARIES = {
  en: { ...PAGE.en, ...PANELS.en, ...AIDS.en, ...QUORUM.en, ...SETTINGS.en, ...SHARE.en, ...HELP.en, ...STORIES.en, ...EMBED.en },
  'zh-CN': { ...PAGE['zh-CN'], ...PANELS['zh-CN'], ...AIDS['zh-CN'], ...QUORUM['zh-CN'], ...SETTINGS['zh-CN'], ...SHARE['zh-CN'], ...HELP['zh-CN'], ...STORIES['zh-CN'], ...EMBED['zh-CN'] },
};

test('the lazily loaded modules’ texts are their own: no key twice, and none the static page markup needs', () => {
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const inMarkup = new Set([...html.matchAll(/data-i18n(?:-aria|-title|-placeholder)?="([^"]+)"/g)].map((m) => m[1]));
  for (const [name, texts, least] of [['aids', AIDS, 50], ['quorum aid', QUORUM, 20], ['settings', SETTINGS, 25], ['share', SHARE, 15], ['help', HELP, 15], ['hidden panels', PANELS, 8], ['embed mode', EMBED, 0]]) {
    for (const key of Object.keys(texts.en)) {
      assert.ok(!(key in PAGE.en), `${key} (${name}) is in the page's texts too`);
      assert.ok(!inMarkup.has(key), `${key} (${name}) is used by the static markup, which is translated before the module loads`);
    }
    assert.ok(Object.keys(texts.en).length > least, name);
  }
  for (const key of Object.keys(QUORUM.en)) assert.ok(!(key in AIDS.en), `${key} is in both lazy modules`);
  // (Save the words of a script's errors: one module that both the aids and the settings
  // carry, as both word the core's refusals of a script.)
  for (const key of [...Object.keys(SETTINGS.en), ...Object.keys(SHARE.en), ...Object.keys(HELP.en)]) {
    if (key in SYNTAX.en && SETTINGS.en[key] === SYNTAX.en[key]) continue;
    assert.ok(!(key in AIDS.en) && !(key in QUORUM.en), `${key} is in two lazy modules`);
  }
  for (const language of ['en', 'zh-CN']) {
    for (const [key, text] of Object.entries(SYNTAX[language])) {
      assert.equal(AIDS[language][key], text, `aids: ${language} ${key}`);
      assert.equal(SETTINGS[language][key], text, `settings: ${language} ${key}`);
    }
  }
});

test('the protocols’ names come with both modules that write them, not with the page', async () => {
  const aids = (await import('../../web/controls/aids.js')).TEXTS;
  // A name and rules for each Multi-Paxos protocol, a name for each of the others.
  assert.equal(Object.keys(PROTOCOLS.en).length, 5 + 6);
  for (const language of ['en', 'zh-CN']) {
    for (const [key, text] of Object.entries(PROTOCOLS[language])) {
      assert.equal(SETTINGS[language][key], text, `settings: ${language} ${key}`);
      assert.equal(aids[language][key], text, `aids: ${language} ${key}`);
      assert.ok(!(key in PAGE[language]), `${key} is in the page's texts too`);
    }
  }
});
test('the aids’ controls come with their texts: index.html has only the panels’ shells', async () => {
  const { AIDS_MARKUP } = await import('../../web/aids/markup.js');
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
  for (const [id, markup] of Object.entries(AIDS_MARKUP)) {
    const keys = [...markup.matchAll(/data-i18n(?:-aria|-title|-placeholder)?="([^"]+)"/g)].map((m) => m[1]);
    for (const key of keys) assert.ok(key in AIDS.en && !(key in PAGE.en), `${key} (${id}) should come with the aids, not the page`);
    // The shell: the heading the panel is labelled by, and the line shown while the aids load.
    const shell = new RegExp(`<section id="${id}"[^>]*aria-labelledby="([^"]+)"[^>]*>\\s*<h2 id="([^"]+)"[^>]*>[^<]*</h2>\\s*<p class="[^"]*aids-waiting[^"]*" data-i18n="aids.loading">[^<]*</p>\\s*</section>`).exec(html);
    assert.ok(shell, `no shell for #${id} in index.html`);
    assert.equal(shell[1], shell[2], `#${id} is labelled by its heading`);
    assert.doesNotMatch(markup, /<h2/, `#${id}'s heading is in its shell`);
  }
});
// The parameters a text uses, each once: `{name}`, and `{name:one|other}` (a word picked by it).
const placeholders = (text) => [...new Set([...text.matchAll(/\{(\w+)(?::[^|{}]*\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();

test('the language comes from the browser: the first Chinese or English preference wins', () => {
  assert.equal(detectLanguage(['zh-CN', 'en']), 'zh-CN');
  assert.equal(detectLanguage(['zh-TW']), 'zh-CN');
  assert.equal(detectLanguage(['zh']), 'zh-CN');
  assert.equal(detectLanguage(['en-GB', 'zh-CN']), 'en');
  assert.equal(detectLanguage(['fr-FR', 'zh-Hans-CN', 'en']), 'zh-CN');
  assert.equal(detectLanguage(['fr-FR', 'de']), 'en');
  assert.equal(detectLanguage([]), 'en');
  assert.equal(detectLanguage(undefined), 'en');
  assert.equal(otherLanguage('en'), 'zh-CN');
  assert.equal(otherLanguage('zh-CN'), 'en');
});

test('lookup fills parameters, falls back to English, then shows the key', () => {
  assert.equal(translate('en', 'playback.position', { step: 3, steps: 9 }), 'Step 3 / 9');
  assert.equal(translate('zh-CN', 'playback.position', { step: 3, steps: 9 }), '第 3 / 9 步');
  assert.equal(translate('fr', 'playback.play'), 'Play');
  assert.equal(translate('en', 'no.such.key'), 'no.such.key');
  assert.equal(interpolate('{a} and {b}', { a: 1 }), '1 and {b}');
  assert.equal(interpolate('{a}{a}', { a: 'x' }), 'xx');
  const t = translator('zh-CN');
  assert.equal(t.language, 'zh-CN');
  assert.equal(t('outcome.violated'), '违反');
});

test('both languages have the same keys, with the same placeholders, and no empty text', () => {
  const en = DICTIONARIES.en;
  const zh = DICTIONARIES['zh-CN'];
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    assert.ok(en[key].trim() && zh[key].trim(), `empty text for ${key}`);
    assert.deepEqual(placeholders(zh[key]), placeholders(en[key]), `placeholders of ${key}`);
  }
});

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pkg' || entry.name === 'i18n' ? [] : sourceFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

test('every key the page uses exists (static HTML and literal t() calls)', () => {
  const used = new Set();
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8') + readFileSync(join(ROOT, 'web/controls/settings-form.js'), 'utf8')
    + readFileSync(join(ROOT, 'web/controls/share-form.js'), 'utf8')
    + readFileSync(join(ROOT, 'web/controls/help.js'), 'utf8')
    + readFileSync(join(ROOT, 'web/aids/markup.js'), 'utf8');
  for (const match of html.matchAll(/data-i18n(?:-aria|-title|-placeholder)?="([^"]+)"/g)) used.add(match[1]);
  for (const file of sourceFiles(join(ROOT, 'web'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\('([\w.-]+)'/g)) used.add(match[1]);
    for (const match of text.matchAll(/label: '([\w.-]+)'/g)) used.add(match[1]);
  }
  assert.ok(used.size > 100, `found only ${used.size} keys`);
  const all = { ...DICTIONARIES.en, ...MULTI.en, ...RULES.en };
  const missing = [...used].filter((key) => !(key in all));
  assert.deepEqual(missing, []);
});

test('every preset the core ships has a title, a story and an outcome in both languages', async () => {
  const core = await loadCore();
  for (const { id } of core.presets()) {
    for (const part of ['title', 'story', 'outcome']) {
      for (const language of ['en', 'zh-CN']) {
        assert.ok(DICTIONARIES[language][`preset.${id}.${part}`], `${language} preset.${id}.${part}`);
      }
    }
  }
  for (const protocol of ['basic-paxos', 'one-phase-first', 'one-phase-highest', 'one-phase-adopt']) {
    assert.ok(DICTIONARIES['zh-CN'][`protocol.${protocol}.rules`]);
  }
});

test('Multi-Paxos’ texts (loaded with its module, not when the page opens) cover its presets and protocols in both languages', async () => {
  assert.deepEqual(Object.keys(MULTI['zh-CN']).sort(), Object.keys(MULTI.en).sort());
  for (const key of Object.keys(MULTI.en)) {
    assert.ok(MULTI.en[key].trim() && MULTI['zh-CN'][key].trim(), `empty text for ${key}`);
    assert.deepEqual(placeholders(MULTI['zh-CN'][key]), placeholders(MULTI.en[key]), `placeholders of ${key}`);
    assert.ok(!(key in DICTIONARIES.en), `${key} is in the page's texts too`);
  }
  const dir = join(ROOT, 'crates/paxos/presets');
  const ids = readdirSync(dir).filter((f) => f.startsWith('multi-')).map((f) => f.replace(/\.txt$/, ''));
  assert.equal(ids.length, 4);
  for (const id of ids) {
    for (const part of ['title', 'story', 'outcome']) assert.ok(MULTI.en[`preset.${id}.${part}`], `preset.${id}.${part}`);
    // The English title is the script's own `title` line.
    const title = readFileSync(join(dir, `${id}.txt`), 'utf8').split('\n')[0].replace(/^title /, '');
    assert.equal(MULTI.en[`preset.${id}.title`], title);
  }
  // Their protocols' names and rules travel with the other protocols' (the settings and the
  // aids write them): web/controls/protocol-texts-*.js.
  const PROTOCOLS = {
    en: (await import('../../web/controls/protocol-texts-en.js')).default,
    'zh-CN': (await import('../../web/controls/protocol-texts-zh-CN.js')).default,
  };
  for (const protocol of ['multi-paxos', 'multi-paxos-skip-phase1', 'multi-paxos-no-repropose']) {
    for (const language of ['en', 'zh-CN']) {
      assert.ok(PROTOCOLS[language][`protocol.${protocol}.name`] && PROTOCOLS[language][`protocol.${protocol}.rules`], protocol);
    }
  }
});

test('a word picked by a number: English plurals', () => {
  assert.equal(interpolate('{n} {n:step|steps}', { n: 1 }), '1 step');
  assert.equal(interpolate('{n} {n:step|steps}', { n: 2 }), '2 steps');
  assert.equal(interpolate('{n} {n:step|steps}', { n: 0 }), '0 steps');
  assert.equal(interpolate('{n:That move is|Those # moves are} short', { n: 1 }), 'That move is short');
  assert.equal(interpolate('{n:That move is|Those # moves are} short', { n: 3 }), 'Those 3 moves are short');
  assert.equal(interpolate('{n:one|other} {m}', {}), '{n:one|other} {m}', 'a missing parameter stays as written');
  assert.equal(translator('en')('narrate.replaced', { count: 1 }), 'The rest of the run (1 step) was replaced —');
  assert.equal(translator('en')('narrate.loaded', { steps: 16 }), 'Scenario loaded: 16 steps. Press Play or step through it.');
});

// The log grid's and compare mode's message counts said "1 commands chosen" and "1 messages
// sent" (multi-recovery at step 13: one slot chosen); a forgetful server "in 1 slots".
test('English plurals in the counts Multi-Paxos and compare mode bring along', () => {
  const say = (key, params) => interpolate(MULTI.en[key] ?? AIDS.en[key], params);
  assert.equal(say('log.cost', { sent: 25, chosen: 1, per: 25 }), 'Up to this step: 25 messages sent, 1 command chosen: 25 messages per chosen command.');
  assert.equal(say('log.cost', { sent: 1, chosen: 2, per: 1 }), 'Up to this step: 1 message sent, 2 commands chosen: 1 message per chosen command.');
  assert.equal(say('log.cost.none', { sent: 1 }), 'Up to this step: 1 message sent, no command chosen yet.');
  assert.equal(say('compare.cost', { sent: 40, chosen: 1, per: 40 }), '40 messages sent, 1 command chosen: 40 messages per chosen command.');
  assert.equal(say('compare.cost.none', { sent: 1 }), '1 message sent, no command chosen yet.');
  assert.match(say('ev.note.forgot-log', { node: 'S2', promised: 15, slots: 1 }), /in 1 slot \(amnesia\)$/);
  assert.match(say('ev.note.forgot-log', { node: 'S2', promised: 15, slots: 3 }), /in 3 slots \(amnesia\)$/);
});
