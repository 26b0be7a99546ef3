// Share links on the page's side (web/share/link.js), alone and against the real core: the
// URL shape, the language and view numbers, embed options, the embed snippet, which preset
// a link shows, and the size budgets with the page's own URL shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  VIEWS, codeFromHash, embedOptions, embedSnippet, embedUrl, escapeAttribute, languageCode, languageFromCode,
  linkProblemKind, normalOrigin, pageBase, presetOf, shareUrl, viewName, withCode,
} from '../../web/share/link.js';
import { loadCore } from './core.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A realistic address for the budgets: a project page on GitHub Pages. */
const PAGE = 'https://example.github.io/paxos-playground/';

test('only a chosen language travels in a link; unknown numbers mean none', () => {
  assert.equal(languageCode('en', false), 0);
  assert.equal(languageCode('zh-CN', false), 0);
  assert.equal(languageCode('en', true), 1);
  assert.equal(languageCode('zh-CN', true), 2);
  assert.equal(languageCode('fr', true), 0);
  assert.equal(languageFromCode(0), null);
  assert.equal(languageFromCode(1), 'en');
  assert.equal(languageFromCode(2), 'zh-CN');
  assert.equal(languageFromCode(200), null);
  assert.deepEqual(VIEWS, ['all', 'cluster', 'spacetime']);
  assert.equal(viewName(2), 'spacetime');
  assert.equal(viewName(99), 'all');
});

test('the code lives in the fragment as s=; in-page anchors are not links', () => {
  assert.equal(codeFromHash('#s=AQID'), 'AQID');
  assert.equal(codeFromHash('s=AQID'), 'AQID');
  assert.equal(codeFromHash('#x=1&s=AQ-_'), 'AQ-_');
  assert.equal(codeFromHash('#s='), '');
  assert.equal(codeFromHash('#main'), null);
  assert.equal(codeFromHash(''), null);
  assert.equal(codeFromHash(undefined), null);
  assert.equal(codeFromHash('#s=<script>'), '<script>', 'returned as is: the core judges it');
  assert.equal(pageBase('http://h/p/index.html?embed=1#s=AQ'), 'http://h/p/index.html');
  assert.equal(shareUrl('http://h/p/?embed=1&interactive=1#s=old', 'NEW'), 'http://h/p/#s=NEW');
  assert.equal(withCode('http://h/p/?embed=1#s=old', 'NEW'), 'http://h/p/?embed=1#s=NEW');
  assert.equal(withCode('http://h/p/', 'NEW'), 'http://h/p/#s=NEW');
});

test('embed options: flags, a start step, and an allowlist of exact origins', () => {
  assert.deepEqual(embedOptions(''), { embed: false, interactive: false, autoplay: false, step: null, origins: [], theme: null, preset: null, view: null, language: null });
  assert.deepEqual(embedOptions('?embed=1&interactive=1&autoplay=1&step=12&theme=dark'),
    { embed: true, interactive: true, autoplay: true, step: 12, origins: [], theme: 'dark', preset: null, view: null, language: null });
  assert.equal(embedOptions('?theme=light').theme, 'light');
  // Readable embeds (the story page's figures): a preset by id, a view, a language.
  assert.deepEqual(['preset', 'view', 'language'].map((key) => embedOptions('?embed=1&preset=seed-3&view=spacetime&lang=zh-CN')[key]),
    ['seed-3', 'spacetime', 'zh-CN']);
  assert.equal(embedOptions('?preset=Seed%203').preset, null, 'not a preset id: ignored');
  assert.equal(embedOptions('?view=cards').view, null);
  assert.equal(embedOptions('?lang=fr').language, null, 'a language the page does not have: the browser decides');
  assert.equal(embedOptions('?theme=blue').theme, null, 'an unknown theme: the reader\'s system decides');
  assert.equal(embedOptions('?embed=0').embed, false);
  assert.equal(embedOptions('?step=-1').step, null);
  assert.equal(embedOptions('?step=1e3').step, null);
  assert.equal(embedOptions('?step=9999999999').step, null);
  const { origins } = embedOptions('?embed=1&origin=https://blog.example,http://127.0.0.1:8080&origin=https://blog.example/'
    + '&origin=*&origin=https://a.example/path&origin=javascript:alert(1)&origin=null&origin=file:///x');
  assert.deepEqual(origins, ['https://blog.example', 'http://127.0.0.1:8080']);
  assert.equal(normalOrigin('https://blog.example:443'), null, 'not the origin exactly as the browser writes it');
  assert.equal(normalOrigin('HTTPS://BLOG.example'), null);
  assert.equal(normalOrigin('https://blog.example'), 'https://blog.example');
});

test('the embed snippet: an iframe with the options, every attribute escaped', () => {
  const src = embedUrl('https://h.example/p/index.html?x=1#s=old', 'CODE', { interactive: true, autoplay: false });
  assert.equal(src, 'https://h.example/p/index.html?embed=1&interactive=1#s=CODE');
  assert.equal(embedUrl('https://h.example/', 'C', { autoplay: true }), 'https://h.example/?embed=1&autoplay=1#s=C');
  assert.equal(embedUrl('https://h.example/', 'C', { theme: 'dark' }), 'https://h.example/?embed=1&theme=dark#s=C');
  assert.equal(embedUrl('https://h.example/', 'C', { theme: '"><x' }), 'https://h.example/?embed=1#s=C');
  const snippet = embedSnippet({
    src, title: 'Paxos "Playground" <img src=x onerror=alert(1)> & \'co\'', view: 'spacetime', autosize: true,
    scriptSrc: 'https://h.example/p/web/embed/autosize.js',
  });
  assert.equal(snippet,
    '<iframe class="paxos-playground" src="https://h.example/p/index.html?embed=1&amp;interactive=1#s=CODE"'
    + ' title="Paxos &quot;Playground&quot; &lt;img src=x onerror=alert(1)&gt; &amp; &#39;co&#39;"'
    + ' width="100%" height="460" loading="lazy"></iframe>\n'
    + '<script src="https://h.example/p/web/embed/autosize.js" defer></script>');
  assert.doesNotMatch(embedSnippet({ src, title: 't', autosize: false }), /script/);
  assert.equal(escapeAttribute('<>&"\''), '&lt;&gt;&amp;&quot;&#39;');
});

test('every preset: the page\'s link replays the same run at the same step, well under 300 characters', async () => {
  const core = await loadCore();
  const lengths = {};
  for (const preset of core.presets()) {
    const original = new core.Playground(preset.script);
    const step = Math.floor(original.steps() / 2);
    original.seek(step);
    const code = original.link(step, 1, languageCode('zh-CN', true));
    const url = shareUrl(`${PAGE}index.html`, code);
    lengths[preset.id] = url.length;
    assert.ok(url.length < 300, `${preset.id}: ${url.length} characters`);
    assert.equal(codeFromHash(new URL(url).hash), code);
    const decoded = core.decodeLink(code);
    assert.deepEqual({ step: decoded.step, view: decoded.view, language: languageFromCode(decoded.language) },
      { step, view: 1, language: 'zh-CN' });
    const replay = new core.Playground(decoded.script);
    replay.seek(decoded.step);
    assert.equal(replay.steps(), original.steps(), preset.id);
    assert.deepEqual(replay.snapshot(), original.snapshot(), preset.id);
    assert.deepEqual(replay.events(1, replay.steps()), original.events(1, original.steps()), preset.id);
    // The page shows it as the preset it is, not as "your scenario".
    assert.deepEqual(presetOf(decoded.script, core.presets(), core), { presetId: preset.id, modified: false });
  }
  console.log(`preset link lengths (${PAGE}index.html#s=...): ${JSON.stringify(lengths)}`);
});

/** A manual 5-server run with 200 interventions (proposals, deliveries, drops, crashes). */
function longRun(core) {
  const playground = new core.Playground('protocol basic-paxos\nnodes 5\nnetwork manual\nretry on\nattempts 64\n');
  let state = 2024;
  const random = (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  let interventions = 0;
  for (let round = 0; interventions < 200 && round < 2000; round += 1) {
    const flying = playground.snapshot().in_flight;
    const roll = random(20);
    let command;
    if (flying.length === 0 || roll === 0) command = `propose S${1 + (round % 5)} V${round % 100}`;
    else if (roll === 1) command = `drop #${flying[random(flying.length)].id}`;
    else if (roll === 2) command = `duplicate #${flying[random(flying.length)].id}`;
    else command = `deliver #${flying[random(flying.length)].id}`;
    try {
      playground.intervene(command);
      interventions += 1;
    } catch {
      // Refused (say, a duplicate of a duplicate): try something else.
    }
  }
  assert.equal(interventions, 200);
  return playground;
}

test('a 200-intervention run replays exactly from a link under 2,000 characters', async () => {
  const core = await loadCore();
  const original = longRun(core);
  const code = original.link(original.steps(), 0, 0);
  const url = shareUrl(`${PAGE}index.html`, code);
  console.log(`200-intervention run: ${original.steps()} steps, link ${url.length} characters`);
  assert.ok(url.length < 2000, `${url.length} characters`);
  const decoded = core.decodeLink(code);
  const replay = new core.Playground(decoded.script);
  replay.seek(decoded.step);
  assert.equal(replay.steps(), original.steps());
  assert.deepEqual(replay.snapshot(), original.snapshot());
  assert.deepEqual(presetOf(decoded.script, core.presets(), core), { presetId: null, modified: false });
});

test('which preset a link shows: same settings, a changed preset, or a scenario of its own', async () => {
  const core = await loadCore();
  const presets = core.presets();
  const seed3 = presets.find((p) => p.id === 'seed-3');
  const intervened = new core.Playground(seed3.script);
  intervened.seek(2);
  intervened.intervene('crash S2');
  const decoded = core.decodeLink(intervened.link(2, 0, 0)).script;
  assert.deepEqual(presetOf(decoded, presets, core), { presetId: 'seed-3', modified: false });
  const reseeded = decoded.replace(/^seed \d+$/m, 'seed 99');
  assert.deepEqual(presetOf(reseeded, presets, core), { presetId: 'seed-3', modified: true });
  assert.deepEqual(presetOf(reseeded.replace(/^title .*$/m, 'title Mine'), presets, core), { presetId: null, modified: false });
  assert.deepEqual(presetOf('nodes 3\n', presets, core), { presetId: null, modified: false });
});

test('bad links: each of the core\'s refusals arrives typed and gets a headline of its kind', async () => {
  const core = await loadCore();
  const good = new core.Playground(core.presets()[0].script).link(3, 0, 0);
  const message = (code) => { // the Error the core throws
    try {
      core.decodeLink(code);
    } catch (error) {
      assert.ok(error instanceof Error);
      assert.equal(typeof error.problem.kind, 'string');
      return error;
    }
    assert.fail(`${code.slice(0, 20)}... was accepted`);
  };
  assert.equal(linkProblemKind(message(good.slice(0, good.length >> 1))), 'truncated');
  assert.equal(linkProblemKind(message('')), 'truncated');
  assert.equal(linkProblemKind(message(`${good.slice(0, 10)}!!${good.slice(12)}`)), 'corrupted');
  assert.equal(linkProblemKind(message('AP____')), 'corrupted');
  assert.equal(linkProblemKind(message('<img src=x onerror=alert(1)>')), 'corrupted');
  assert.equal(linkProblemKind(message('A'.repeat(70_000))), 'tooLong');
  assert.equal(linkProblemKind(message(`Ag${good.slice(2)}`)), 'newer');
  assert.equal(linkProblemKind(message('EA')), 'newer');
  assert.equal(linkProblemKind(message('_w')), 'corrupted', 'random bytes are damage, not a future format');
  assert.deepEqual(message('Ag').problem, { kind: 'newer', version: 2, max: 1 });
  assert.match(message('Ag').message, /newer version of the playground \(link format 2; this page reads up to 1\)/);
});

test('a bad link\'s kind comes from its facts, never from its English words', () => {
  const typed = (kind) => Object.assign(new Error('the words say: newer version, too long, cut short'), { problem: { kind } });
  assert.equal(linkProblemKind(typed('corrupted')), 'corrupted');
  assert.equal(linkProblemKind(typed('script')), 'invalid');
  assert.equal(linkProblemKind(typed('invalid')), 'invalid');
  assert.equal(linkProblemKind(new Error('newer version')), 'corrupted');
});

test('through the wasm binding, mutated links are refused with an Error or open as a valid scenario', async () => {
  // The core's own property tests cover 100,000 inputs natively; this checks the boundary the
  // page uses: a refusal arrives as a plain Error with a message (never a wasm trap, which a
  // panic would be), an accepted mutant is a scenario the page can load, and time stays
  // linear (a 64 KiB input is refused as quickly as a short one).
  const core = await loadCore();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let state = 7;
  const random = (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const seeds = core.presets().map((p) => new core.Playground(p.script).link(3, 1, 2));
  const counts = { refused: 0, opened: 0 };
  for (let i = 0; i < 3000; i += 1) {
    let code = seeds[i % seeds.length];
    const edits = 1 + random(4);
    for (let e = 0; e < edits; e += 1) {
      const at = random(code.length + 1);
      const kind = random(4);
      if (kind === 0) code = code.slice(0, at);
      else if (kind === 1) code = code.slice(0, at) + alphabet[random(64)] + code.slice(at + 1);
      else if (kind === 2) code = code.slice(0, at) + alphabet[random(64)] + code.slice(at);
      else code = code.slice(0, at) + String.fromCharCode(random(0x3000)) + code.slice(at);
    }
    let decoded;
    try {
      decoded = core.decodeLink(code);
    } catch (error) {
      assert.ok(error instanceof Error && !(error instanceof WebAssembly.RuntimeError), `${code}: ${error}`);
      assert.match(error.message, /^(the link|this link)/, code);
      counts.refused += 1;
      continue;
    }
    const playground = new core.Playground(decoded.script);
    playground.seek(decoded.step ?? 0);
    playground.free();
    counts.opened += 1;
  }
  assert.ok(counts.refused > 1000 && counts.opened > 0, JSON.stringify(counts));
  const time = (code) => {
    const start = performance.now();
    for (let i = 0; i < 20; i += 1) assert.throws(() => core.decodeLink(code));
    return (performance.now() - start) / 20;
  };
  const big = `${seeds[0]}${'A'.repeat(65_536 - seeds[0].length)}`;
  assert.ok(time(big) < 50, `${time(big)} ms for a 64 KiB link`);
});

test('the demo blog post embeds seed §1, §3 (at step 8) and §5 with links that still open', async () => {
  const core = await loadCore();
  const html = readFileSync(`${ROOT}web/embed-demo.html`, 'utf8');
  const frames = [...html.matchAll(/<iframe id="demo-(seed-\d)"[^>]* (?:data-)?src="([^"]+)"/g)];
  assert.deepEqual(frames.map((m) => m[1]), ['seed-1', 'seed-3', 'seed-5']);
  // Version-1 codes pinned as a released page wrote them: they must keep meaning the same
  // run (its length, where the view is, and how it ends), whatever the presets become.
  const expected = {
    'seed-1': { step: 16, view: 1, steps: 16, outcome: 'chosen', chosen: 'X' },
    'seed-3': { step: 8, view: 0, steps: 10, outcome: 'violated', chosen: 'Z' },
    'seed-5': { step: 0, view: 2, steps: 19, outcome: 'chosen', chosen: 'X' },
  };
  for (const [, id, src] of frames) {
    assert.match(src, /^\.\.\/index\.html\?embed=1#s=/);
    const decoded = core.decodeLink(codeFromHash(new URL(src, 'http://h/web/').hash));
    const run = new core.Playground(decoded.script);
    run.seek(run.steps());
    const { verdict } = run.snapshot();
    assert.deepEqual({ step: decoded.step, view: decoded.view, language: decoded.language, steps: run.steps(), outcome: verdict.outcome, chosen: verdict.chosen },
      { ...expected[id], language: 0 }, id);
    assert.equal(presetOf(decoded.script, core.presets(), core).presetId, id);
  }
});
