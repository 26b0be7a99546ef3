// Opening, side by side with RaftScope (issue #17): our built site (dist/) and a trimmed copy
// of RaftScope (../shared/anchors/raftscope/, the files its index.html loads), each served by
// scripts/serve.mjs on its own 127.0.0.1 port, loaded cold in the same Chromium, alternating.
//
// - One load = a new browser context (nothing cached), a new page, and if throttled, CDP
//   `Emulation.setCPUThrottlingRate` set on that page before it navigates.
// - The figure: navigation start → the end of the first frame drawn after the page is ready
//   (bench/ready.mjs says when each side is ready and how the frame's end is caught): ours at
//   its `playground-interactive` mark, RaftScope when its jQuery ready handler, which ends
//   with its first render, has returned. RaftScope's window `load` event is reported beside
//   it, not waited for: the trimmed copy has no glyphicons font files (two 404s), which only
//   delay that event.
// - Both sides get the same init script (a wrapped performance.mark and one listener).
// - Rounds alternate who goes first (ours, theirs, theirs, ours, ...), so a drift in the
//   machine's load falls on both; a warm-up pair per case and CPU rate is not counted.
// - The ratio is ours/RaftScope's per round (the two loads back to back), median and spread
//   over rounds; the ratio of the two medians is reported beside it.
// Cases: the playground in an en-US and a zh-CN browser context, the embed (`?embed=1` with
// the share link of preset seed-5), and, when dist/story.html exists, the story page up to
// its first figure (the first iframe in it, ready at that frame's own mark). RaftScope has
// one page; each case compares against it loaded in the same kind of context.
// Prints one JSON object (with the table as markdown in `markdown`; --print also writes that
// to stderr). Usage: node bench/side-by-side.mjs [--reps N] (default 7) [--rates 1,4]
// [--cases playground-en,playground-zh,embed,story] [--dir SITE] [--raftscope DIR] [--print]
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launchBrowser, startServer } from '../tests/e2e/harness.mjs';
import { DONE, instrument } from './ready.mjs';
import { stats } from './stats.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const REPS = Math.max(1, Number(arg('--reps', 7)));
const RATES = arg('--rates', '1,4').split(',').map(Number);
const SITE = resolve(arg('--dir', join(ROOT, 'dist')));
const RAFTSCOPE = resolve(arg('--raftscope', process.env.RAFTSCOPE_DIR ?? join(ROOT, '../shared/anchors/raftscope')));
const ONLY = arg('--cases', null)?.split(',');
const EMBED_PRESET = 'seed-5';
const TIMEOUT_MS = 60_000;
/** Goals from issue #17: ours/RaftScope ≤ 1.0 for the playground and the embed, ≤ 1.2 for the story. */
const GOAL = { page: 1.0, story: 1.2 };

/**
 * In the story page (not its frames): scrolls its first figure into view once the story is
 * drawn around it (story.html has it from the start, hidden in a section marked `early`).
 */
function goToFirstFigure() {
  if (window !== window.top) return;
  const go = () => {
    const figure = document.querySelector('figure[data-figure]');
    if (!figure || figure.closest('.early')) return false;
    figure.scrollIntoView({ block: 'center' });
    return true;
  };
  new MutationObserver((records, observer) => {
    if (go()) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

async function loadOnce(browser, url, { locale, rate, story }) {
  const context = await browser.newContext({ locale });
  try {
    const page = await context.newPage();
    if (rate !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    }
    await page.addInitScript(instrument, DONE);
    // The story's first figure is below its first screen (1,376 px down at 1280 x 720); it
    // loads from the start (story.html has it): the reader here goes straight to it as soon
    // as the story has drawn it, and the figure's time includes that scroll.
    if (story) await page.addInitScript(goToFirstFigure);
    // A story's first figure reports from its frame: only the first iframe's says done.
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout: TIMEOUT_MS });
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await done;
    const result = await page.evaluate((isStory) => {
      const bench = window.__sbs;
      if (bench.error) throw new Error(bench.error);
      const [nav] = performance.getEntriesByType('navigation');
      const first = isStory ? bench.figures.find((f) => f.frame === document.querySelector('iframe')) : bench;
      return {
        figure: first.figure,
        ready: first.ready,
        dcl: nav.domContentLoadedEventEnd,
        lang: isStory ? document.querySelector('iframe').contentDocument.documentElement.lang : document.documentElement.lang,
        side: bench.side,
      };
    }, Boolean(story));
    // The load event, for the record (RaftScope's waits for its missing fonts' 404s).
    result.load = await page.evaluate(() => new Promise((done) => {
      const read = () => done(performance.getEntriesByType('navigation')[0].loadEventEnd);
      if (document.readyState === 'complete') setTimeout(read, 0);
      else window.addEventListener('load', () => setTimeout(read, 0));
    }));
    return result;
  } finally {
    await context.close();
  }
}

async function presetLink(id) {
  const glue = await import(pathToFileURL(join(SITE, 'web/pkg/paxos_wasm.js')).href);
  glue.initSync({ module: readFileSync(join(SITE, 'web/pkg/paxos_wasm_bg.wasm')) });
  const preset = JSON.parse(readFileSync(join(SITE, 'web/pkg/presets.json'), 'utf8')).find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id} in presets.json`);
  return new glue.Playground(preset.script).link(undefined, 0, 0);
}

function summarise(loads, key) {
  return stats(loads.map((l) => l[key]));
}

async function measureCase(browser, origins, kase, rate) {
  const ours = `${origins.ours}${kase.path}`;
  const theirs = `${origins.theirs}/index.html`;
  const options = { ours: { locale: kase.locale, rate, story: kase.story }, theirs: { locale: kase.locale, rate } };
  // Warm-up pair, not counted.
  await loadOnce(browser, ours, options.ours);
  await loadOnce(browser, theirs, options.theirs);
  const rounds = [];
  for (let r = 0; r < REPS; r += 1) {
    const round = {};
    for (const side of r % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours']) {
      round[side] = await loadOnce(browser, side === 'ours' ? ours : theirs, options[side]);
    }
    if (round.ours.side === 'raftscope' || round.theirs.side !== 'raftscope') throw new Error('a load timed the wrong page');
    if (kase.lang && round.ours.lang !== kase.lang) throw new Error(`${kase.id}: our page opened in "${round.ours.lang}", not ${kase.lang}`);
    rounds.push(round);
    process.stderr.write(`side-by-side: ${kase.id} ×${rate} round ${r + 1}/${REPS}: ours ${round.ours.figure.toFixed(1)} ms, RaftScope ${round.theirs.figure.toFixed(1)} ms\n`);
  }
  const side = (name) => {
    const loads = rounds.map((r) => r[name]);
    return {
      figure_ms: summarise(loads, 'figure'),
      ready_ms: summarise(loads, 'ready'),
      dom_content_loaded_ms: summarise(loads, 'dcl'),
      load_event_ms: summarise(loads, 'load'),
    };
  };
  const result = { id: kase.id, label: kase.label, cpu_throttling: rate, goal: kase.goal, ours: side('ours'), raftscope: side('theirs') };
  result.ratio = stats(rounds.map((r) => r.ours.figure / r.theirs.figure));
  result.ratio_of_medians = result.ours.figure_ms.median / result.raftscope.figure_ms.median;
  result.holds = result.ratio.median <= kase.goal;
  result.miss_by = result.holds ? 0 : result.ratio.median - kase.goal;
  result.samples = rounds.map((r) => ({ ours: r.ours.figure, raftscope: r.theirs.figure }));
  return result;
}

const ms = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const verdict = (r) => (r.holds ? 'ok' : `MISS by ${r.miss_by.toFixed(2)} (${((r.ratio.median / r.goal - 1) * 100).toFixed(0)} % over)`);

/** The side-by-side table, in markdown, from one run's results. */
function markdown(output) {
  const lines = [];
  lines.push(`Measured ${output.date} (${output.machine}; load average ${output.load_average.before.map((x) => x.toFixed(1)).join(' ')} before, ${output.load_average.after.map((x) => x.toFixed(1)).join(' ')} after; Chromium ${output.chromium}). `
    + `Navigation → end of the first frame drawn after ready; ${output.reps} alternating rounds per row (ours and RaftScope back to back, a new browser context per load), after one warm-up pair. `
    + 'Times: median (min–max) in ms (with n = 7 the p95 is the max; p95s are in the JSON). Ratio = ours / RaftScope per round: median (min–max); "of medians" = ours median / RaftScope median.');
  lines.push('');
  lines.push('| page | CPU | ours | RaftScope | ours / RaftScope | of medians | n | goal | verdict |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const r of output.results) {
    lines.push(`| ${r.label} | ${r.cpu_throttling === 1 ? '1×' : `${r.cpu_throttling}× slower`} | ${ms(r.ours.figure_ms)} | ${ms(r.raftscope.figure_ms)} | `
      + `**${r.ratio.median.toFixed(2)}** (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)}) | ${r.ratio_of_medians.toFixed(2)} | ${r.ratio.n} | ≤ ${r.goal.toFixed(1)} | ${verdict(r)} |`);
  }
  for (const s of output.skipped) lines.push('', `Not measured: ${s.id}: ${s.reason}.`);
  return lines.join('\n');
}

async function main() {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
  const output = { chromium: null, date: new Date().toISOString(), machine, load_average: { before: loadavg() }, reps: REPS, rates: RATES, raftscope_dir: RAFTSCOPE, results: [], skipped: [] };
  if (!existsSync(join(RAFTSCOPE, 'index.html'))) {
    output.skipped.push({ id: 'all', reason: `no RaftScope copy at ${RAFTSCOPE}` });
    console.log(JSON.stringify(output));
    return;
  }
  const link = await presetLink(EMBED_PRESET);
  const cases = [
    { id: 'playground-en', label: 'playground, English (en-US browser)', path: '/', locale: 'en-US', lang: 'en', goal: GOAL.page },
    { id: 'playground-zh', label: 'playground, Chinese (zh-CN browser)', path: '/', locale: 'zh-CN', lang: 'zh-CN', goal: GOAL.page },
    { id: 'embed', label: `embed (?embed=1, share link of preset ${EMBED_PRESET})`, path: `/?embed=1#s=${link}`, locale: 'en-US', lang: 'en', goal: GOAL.page },
    { id: 'story', label: 'story page to its first figure drawn', path: '/story.html', locale: 'en-US', goal: GOAL.story, story: true },
  ].filter((c) => !ONLY || ONLY.includes(c.id));
  const servers = [await startServer(SITE), await startServer(RAFTSCOPE)];
  const browser = await launchBrowser();
  output.chromium = browser.version();
  try {
    const origins = { ours: servers[0].origin, theirs: servers[1].origin };
    for (const rate of RATES) {
      for (const kase of cases) {
        if (kase.story && !existsSync(join(SITE, 'story.html'))) {
          if (!output.skipped.some((s) => s.id === kase.id)) output.skipped.push({ id: kase.id, reason: `${join(SITE, 'story.html')} does not exist yet (issue #15)` });
          continue;
        }
        output.results.push(await measureCase(browser, origins, kase, rate));
      }
    }
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
  output.load_average.after = loadavg();
  output.markdown = markdown(output);
  if (process.argv.includes('--print')) process.stderr.write(`${output.markdown}\n`);
  console.log(JSON.stringify(output));
}

await main();
