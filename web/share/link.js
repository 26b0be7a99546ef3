// Share links and embed URLs on the page's side, as pure functions (tested with node --test).
//
// The link code itself (the scenario and the view, versioned, binary, base64url) is the
// core's: `Playground#link(step, view, language)` writes it and `decodeLink(code)` reads it,
// refusing anything truncated, corrupted, oversized or newer with a message. This file only
// decides where the code goes in a URL and what the view and language numbers mean.
//
// URL shape:  <page>#s=<code>                        a link (the fragment never reaches a server)
//             <page>?embed=1&interactive=1&autoplay=1&step=N&origin=https://blog.example#s=<code>
//             theme=light|dark (any page) overrides the reader's system light or dark.
/** The fragment parameter that carries the code. */
export const LINK_PARAM = 's';

/** Language numbers in a link: 0 = not chosen (the viewer's browser decides). */
const LANGUAGE_CODES = Object.freeze({ en: 1, 'zh-CN': 2 });

/** View numbers in a link; the number is the index. Embeds show these panels. */
export const VIEWS = Object.freeze(['all', 'cluster', 'spacetime']);

/** Longest scenario script the embed API accepts from a parent page (the core bounds it too). */
export const SCRIPT_CHARS_MAX = 256 * 1024;

/** The language number for a link: only a language the person chose travels with it. */
export function languageCode(language, chosen) {
  return chosen ? LANGUAGE_CODES[language] ?? 0 : 0;
}

/** The language a link names, or null (unknown numbers are ignored, not an error). */
export function languageFromCode(code) {
  return Object.keys(LANGUAGE_CODES).find((language) => LANGUAGE_CODES[language] === code) ?? null;
}

export function viewName(code) {
  return VIEWS[code] ?? VIEWS[0];
}

/**
 * The link code in a URL fragment (`#s=CODE`), or null when the fragment carries none (an
 * in-page anchor such as `#main`). The code is returned as it is: the core judges it.
 */
export function codeFromHash(hash) {
  const text = String(hash ?? '').replace(/^#/, '');
  if (!text) return null;
  for (const part of text.split('&')) {
    const equals = part.indexOf('=');
    if (equals > 0 && part.slice(0, equals) === LINK_PARAM) return part.slice(equals + 1);
  }
  return null;
}

/** The page's address without query and fragment: what links are built on. */
export function pageBase(href) {
  return String(href).split('#')[0].split('?')[0];
}

/** A share link: the page (without its query: embed flags are not part of a link) + code. */
export function shareUrl(href, code) {
  return `${pageBase(href)}#${LINK_PARAM}=${code}`;
}

/** The same page address with another fragment, keeping the query (embed flags). */
export function withCode(href, code) {
  return `${String(href).split('#')[0]}#${LINK_PARAM}=${code}`;
}

/**
 * An origin as the embed API's allowlist takes it: `scheme://host[:port]`, exactly (no
 * path, no trailing slash, no wildcard), http or https only. Null if it is not one.
 */
export function normalOrigin(text) {
  let url;
  try {
    url = new URL(String(text));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.origin === String(text).replace(/\/$/, '') ? url.origin : null;
}

/**
 * Embed options from the page's query string. `embed=1` turns embed mode on; the rest only
 * mean something with it. `origin` (repeatable, or comma-separated) lists the parent
 * origins whose postMessage commands are obeyed (besides the page's own origin's: web/embed/embed.js).
 * `theme` is `light`, `dark` or null (anything else: null, the reader's system decides).
 * Without a link code, `preset` names the scenario to show (by its id, as the presets are
 * named; the page refuses an unknown one with a message), `view` the panels (one of VIEWS)
 * and `lang` the language (one the page has): readable addresses for hand-written embeds
 * such as the story page's figures. A link code, when there is one, wins over all three.
 * @returns {{embed: boolean, interactive: boolean, autoplay: boolean, step: number|null, origins: string[], theme: string|null, preset: string|null, view: string|null, language: string|null}}
 */
export function embedOptions(search) {
  const params = new URLSearchParams(String(search ?? ''));
  const on = (name) => params.get(name) === '1' || params.get(name) === 'true';
  const stepText = params.get('step');
  const origins = params.getAll('origin').flatMap((value) => value.split(','))
    .map((value) => normalOrigin(value.trim())).filter(Boolean);
  return {
    embed: on('embed'),
    interactive: on('interactive'),
    autoplay: on('autoplay'),
    step: stepText !== null && /^\d{1,9}$/.test(stepText) ? Number(stepText) : null,
    origins: [...new Set(origins)],
    theme: THEMES.includes(params.get('theme')) ? params.get('theme') : null,
    preset: /^[a-z0-9-]{1,40}$/.test(params.get('preset') ?? '') ? params.get('preset') : null,
    view: VIEWS.includes(params.get('view')) ? params.get('view') : null,
    language: Object.hasOwn(LANGUAGE_CODES, params.get('lang') ?? '') ? params.get('lang') : null,
  };
}

/** The themes a link may ask for (besides none: the reader's system decides). */
export const THEMES = Object.freeze(['light', 'dark']);

/** The address an embed loads: the page in embed mode with the options, and the link. */
export function embedUrl(href, code, { interactive = false, autoplay = false, theme = null } = {}) {
  const query = ['embed=1', interactive ? 'interactive=1' : null, autoplay ? 'autoplay=1' : null,
    THEMES.includes(theme) ? `theme=${theme}` : null].filter(Boolean).join('&');
  return `${pageBase(href)}?${query}#${LINK_PARAM}=${code}`;
}

/** Escapes text for an HTML attribute value in double quotes. */
export function escapeAttribute(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Initial frame heights (px) per view, before the auto-size script takes over. */
const FRAME_HEIGHTS = { all: 900, cluster: 640, spacetime: 460 };

/**
 * The HTML snippet that embeds the playground: an iframe, and (if `autosize`) the small
 * parent-side script that sizes it to its content (web/embed/autosize.js).
 */
export function embedSnippet({ src, title, view = 'all', autosize = true, scriptSrc }) {
  const frame = `<iframe class="paxos-playground" src="${escapeAttribute(src)}" title="${escapeAttribute(title)}"`
    + ` width="100%" height="${FRAME_HEIGHTS[view] ?? FRAME_HEIGHTS.all}" loading="lazy"></iframe>`;
  return autosize ? `${frame}\n<script src="${escapeAttribute(scriptSrc)}" defer></script>` : frame;
}

/**
 * What a decoded script is, for the page's title and story. Settings equal to a preset's
 * (its title included): that preset, whatever the commands (as when someone intervenes in
 * a preset on the page); the same title with other settings: that preset, changed; else a
 * scenario of its own.
 * @param {string} script the decoded script
 * @param {{id: string, script: string}[]} presets
 * @param core the page's core module (`presetMatch` compares a script's settings with a preset's)
 */
export function presetOf(script, presets, core) {
  const matches = presets.map((preset) => core.presetMatch(script, preset.script));
  const same = presets[matches.indexOf(1)];
  if (same) return { presetId: same.id, modified: false };
  const titled = presets[matches.indexOf(2)];
  return titled ? { presetId: titled.id, modified: true } : { presetId: null, modified: false };
}

const LINK_PROBLEMS = { 'too-long': 'tooLong', truncated: 'truncated', corrupted: 'corrupted', newer: 'newer', invalid: 'invalid', script: 'invalid' };

/**
 * The kind of a bad link, from the facts the core's error carries (`error.problem.kind`:
 * a link the decoder refused, or `script` for a link whose scenario does not run): picks
 * the translated headline. Anything else is a damaged link.
 */
export function linkProblemKind(error) {
  return LINK_PROBLEMS[error?.problem?.kind] ?? 'corrupted';
}
