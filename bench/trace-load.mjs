// Where a cold load of our page spends its time: a Chromium trace (devtools.timeline, v8,
// wasm, user timing, and V8's sampling profiler) of cold loads of the built site, read back
// into the stages of the load and the renderer main thread's time by kind of work. With
// --raftscope, the same for RaftScope's page (../shared/anchors/raftscope/), to compare.
//
// - Each load: a new browser context, the figure of bench/ready.mjs (navigation → the end of
//   the first frame drawn after the page is ready), the trace started before navigation and
//   stopped at that figure. No Playwright evaluation runs in the page while it loads (its
//   injected script would cost the main thread ~20 ms): the init script says it is done on
//   the console.
// - Of N traced loads (default 3) the one with the median figure is broken down; the trace's
//   own overhead makes every figure here larger than an untraced load's.
// - Stages: when the HTML, the stylesheet, the bundle, the glue, the wasm, the texts and the
//   presets arrived; the static page's first layout; the bundle's compile and evaluation; the
//   wasm's streaming compile (off the main thread) and instantiation (on it); the page's
//   marks (playground-fetched, -built, -interactive); the first frame after it.
// - Main thread: every trace event's self time (its duration less its children's), each
//   counted under the nearest kind it or an ancestor names (a layout inside a script call is
//   a forced layout); time in no task is idle (waiting for the network or other threads).
// - Profile: the sampling profiler's leaf frames on the main thread, in wasm, in each script,
//   in V8/Blink natives, and the hottest functions by self time (a native call the profiler
//   does not show on its own, e.g. a forced layout or a textContent write, counts in the
//   function that made it). dist/web/app.js is minified: its positions are mapped back to the
//   sources through a source map of the same esbuild bundle (bench/sourcemap.mjs).
// Prints one JSON object, and with --print a readable breakdown on stderr.
// Usage: node bench/trace-load.mjs [--reps N] [--rate 1|4] [--dir SITE] [--path /?embed=1...]
//   [--locale en-US] [--raftscope] [--print]
import { join, resolve } from 'node:path';
import { ROOT, launchBrowser, startServer } from '../tests/e2e/harness.mjs';
import { DONE, instrument } from './ready.mjs';
import { sourceMapper } from './sourcemap.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const REPS = Math.max(1, Number(arg('--reps', 3)));
const RATE = Number(arg('--rate', 1));
const RAFTSCOPE = process.argv.includes('--raftscope');
const SITE = resolve(arg('--dir', RAFTSCOPE ? join(ROOT, '../shared/anchors/raftscope') : join(ROOT, 'dist')));
const PATH = arg('--path', RAFTSCOPE ? '/index.html' : '/');
const LOCALE = arg('--locale', 'en-US');
const PRINT = process.argv.includes('--print');
const TIMEOUT_MS = 60_000;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute',
  'v8.wasm', 'blink.user_timing', 'loading', 'disabled-by-default-v8.cpu_profiler'];

// --- reading the trace ---------------------------------------------------------------------

const KIND = [
  [/^ParseHTML$/, 'parse HTML'],
  [/^(ParseAuthorStyleSheet)$/, 'parse CSS'],
  [/^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.produceModuleCache|v8\.produceCache)$/, 'compile JS'],
  [/^(v8\.evaluateModule)$/, 'evaluate JS modules (top level)'],
  [/^(wasm\.|v8\.wasm\.)/, 'wasm compile + instantiate (main thread)'],
  [/^(FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8\.callFunction|EvaluateScript|v8\.run|FireIdleCallback|ResizeObserver|IntersectionObserverController::computeIntersections)$/, 'JS (callbacks, promise jobs)'],
  [/^(UpdateLayoutTree|Document::updateStyle|Document::recalcStyle)$/, 'style'],
  [/^(Layout)$/, 'layout'],
  [/^(PrePaint|Paint|Layerize|UpdateLayer|UpdateLayerTree|PaintImage|RasterTask|Commit|CompositeLayers|LocalFrameView::RunPaintLifecyclePhase)$/, 'paint + commit'],
  [/^(MinorGC|MajorGC|V8\.GC|BlinkGC|ThreadState::|V8\.GC_|GCEvent)/, 'GC'],
  [/^(Receive mojo message|SimpleWatcher::|Closed mojo endpoint|DocumentLoader::|NavigationBodyLoader::|LocalWindowProxy::|V8\.DeserializeContext|InstallConditionalFeatures|ContextCreatedNotification|PageTimingMetricsSender::|ResourceFetcher::|ResponseBodyLoader::|URLLoader::|ThrottlingURLLoader::|MojoURLLoaderClient::|ResourceRequestSender::)/, 'navigation, loading, IPC, context set-up'],
  [/^(CpuProfiler::|V8\.LogCode|wasm\.LogCode|V8\.InvokeApiInterruptCallbacks|TracingSession)/, 'profiler and tracing (measurement overhead)'],
];
const kindOf = (name) => KIND.find(([re]) => re.test(name))?.[1] ?? null;
const SCRIPT_KINDS = new Set(['JS (callbacks, promise jobs)', 'evaluate JS modules (top level)', 'compile JS']);

/** Complete events ('X', or 'B'/'E' pairs) of one thread, as {name, ts, end, args}. */
function completeEvents(events) {
  const out = [];
  const open = [];
  for (const e of events) {
    if (e.ph === 'X') out.push({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0), args: e.args ?? {} });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const begin = open.pop();
      if (begin) out.push({ name: begin.name, ts: begin.ts, end: e.ts, args: { ...begin.args, ...e.args } });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.end - a.end);
}

/** Self time by kind in [from, to] (trace µs): each event's own time under the nearest named kind. */
function selfTimes(events, from, to) {
  const byKind = new Map();
  let busy = 0;
  const stack = [];
  const clip = (e) => Math.max(0, Math.min(e.end, to) - Math.max(e.ts, from));
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const done = stack.pop();
      const self = done.clipped - done.childTime;
      byKind.set(done.kind, (byKind.get(done.kind) ?? 0) + self);
    }
  };
  for (const e of events) {
    if (e.end <= from || e.ts >= to) continue;
    close(e.ts);
    const parent = stack[stack.length - 1];
    let kind = kindOf(e.name) ?? parent?.kind ?? 'other renderer work (task overhead, untraced native work)';
    // Style and layout inside a script call: forced by that script.
    if ((kind === 'layout' || kind === 'style') && parent && SCRIPT_KINDS.has(parent.kind)) kind = `${kind} (forced by JS)`;
    if ((kind === 'layout (forced by JS)' || kind === 'style (forced by JS)') && parent?.kind?.endsWith('(forced by JS)')) kind = parent.kind;
    const node = { end: e.end, kind, clipped: clip(e), childTime: 0 };
    if (parent) parent.childTime += node.clipped;
    else busy += node.clipped;
    stack.push(node);
  }
  close(Infinity);
  return { byKind, busy };
}

/** The sampling profiler's samples on one thread: [{ts, frame}] (the leaf's call frame). */
function samplesOf(events, pid, tid) {
  const profiles = new Map();
  for (const e of events) {
    if (e.pid !== pid || (e.name !== 'Profile' && e.name !== 'ProfileChunk')) continue;
    const key = e.id;
    if (!profiles.has(key)) profiles.set(key, { tid: null, start: null, nodes: new Map(), samples: [], deltas: [] });
    const p = profiles.get(key);
    if (e.name === 'Profile') {
      p.tid = e.tid;
      p.start = e.args.data.startTime;
    } else {
      const data = e.args.data ?? {};
      for (const node of data.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node);
      p.samples.push(...(data.cpuProfile?.samples ?? []));
      p.deltas.push(...(data.timeDeltas ?? []));
    }
  }
  const out = [];
  for (const p of profiles.values()) {
    if (p.tid !== tid || p.start === null) continue;
    let ts = p.start;
    p.samples.forEach((id, i) => {
      ts += p.deltas[i] ?? 0;
      out.push({ ts, frame: p.nodes.get(id)?.callFrame ?? { functionName: '?', url: '' } });
    });
  }
  return out.sort((a, b) => a.ts - b.ts);
}

function sampleKind(frame) {
  const { functionName: name = '', url = '' } = frame;
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return 'Blink / renderer (not JS)';
  if (name === '(garbage collector)') return 'GC';
  if (url.startsWith('wasm://') || /\.wasm$/.test(url) || /^\$?(func\d+|wasm-function)/.test(name) || frame.codeType === 'wasm') return 'wasm';
  if (url) return `JS: ${new URL(url).pathname.replace(/^\//, '')}`;
  return `V8/Blink natives (${name || 'anonymous'})`.replace(/\(.{40,}\)$/, '(…)');
}

function profileSummary(samples, from, to) {
  const inWindow = samples.filter((s, i) => s.ts >= from && s.ts < to && i > 0);
  // Each sample stands for the time since the one before it.
  const byKind = new Map();
  const byFunction = new Map();
  let prev = null;
  for (const s of samples) {
    if (prev !== null && s.ts >= from && s.ts < to) {
      const ms = (s.ts - prev) / 1000;
      const kind = sampleKind(s.frame);
      const groupKind = kind.startsWith('V8/Blink natives') ? 'V8/Blink natives (called from JS)' : kind;
      byKind.set(groupKind, (byKind.get(groupKind) ?? 0) + ms);
      if (!['idle', 'Blink / renderer (not JS)'].includes(kind)) {
        const where = s.frame.url ? `${new URL(s.frame.url).pathname.replace(/^\//, '')}:${s.frame.lineNumber + 1}:${s.frame.columnNumber + 1}` : '';
        const key = `${s.frame.functionName || '(anonymous)'} ${where}`.trim();
        byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
      }
    }
    prev = s.ts;
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms: round(ms) }));
  return { samples: inWindow.length, by_kind: sorted(byKind), top_functions: sorted(byFunction).slice(0, 12) };
}

const round = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);

function analyse(trace, url, figureMs, readyMs, mapFrame) {
  const events = trace.traceEvents ?? trace;
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
  if (!nav) throw new Error(`no navigationStart for ${url} in the trace`);
  const { pid, tid } = nav;
  const t0 = nav.ts;
  const end = t0 + figureMs * 1000;
  const at = (ts) => round((ts - t0) / 1000);
  const mine = events.filter((e) => e.pid === pid && e.tid === tid);
  const complete = completeEvents(mine);
  const firstOf = (name, test = () => true) => complete.find((e) => e.name === name && e.ts >= t0 && test(e));

  // Requests: sent → finished, by requestId (the renderer's own events).
  const sent = new Map();
  const requests = [];
  for (const e of events.filter((x) => x.pid === pid && (x.name === 'ResourceSendRequest' || x.name === 'ResourceFinish'))) {
    const data = e.args?.data ?? {};
    if (e.name === 'ResourceSendRequest' && e.ts >= t0) sent.set(data.requestId, { url: data.url, start: e.ts });
    if (e.name === 'ResourceFinish' && sent.has(data.requestId)) {
      const r = sent.get(data.requestId);
      requests.push({ path: new URL(r.url).pathname + new URL(r.url).search.slice(0, 12), sent: at(r.start), finished: at(e.ts), bytes: data.encodedDataLength });
    }
  }
  const marks = Object.fromEntries(mine.filter((e) => e.cat?.includes('blink.user_timing') && /^playground-/.test(e.name))
    .map((e) => [e.name, at(e.ts)]));
  const instant = (name) => {
    const e = mine.find((x) => x.name === name && x.ts >= t0);
    return e ? at(e.ts) : null;
  };
  const layouts = complete.filter((e) => e.name === 'Layout' && e.ts >= t0 && e.ts < end);
  const evaluations = complete.filter((e) => e.name === 'v8.evaluateModule' && e.ts >= t0 && e.ts < end);
  const compiles = complete.filter((e) => e.name === 'v8.compileModule' && e.ts >= t0 && e.ts < end)
    .map((e) => ({ path: new URL(e.args.data?.url ?? e.args.fileName).pathname, at: at(e.ts), ms: round((e.end - e.ts) / 1000) }));
  const wasmStart = firstOf('wasm.StartStreamingCompilation');
  // With lazy compilation (V8's default) the streaming "compile" validates the module; the
  // functions are compiled when first called (below).
  const wasmDone = ['wasm.FinishAsyncCompile', 'wasm.FinishStreaming', 'wasm.OnCompilationSucceeded']
    .map((name) => firstOf(name)).filter(Boolean).sort((a, b) => b.end - a.end)[0];
  const instantiate = firstOf('wasm.SyncInstantiate') ?? firstOf('wasm.InstanceBuilder.Build');
  const lazy = complete.filter((e) => e.name === 'wasm.CompileLazy' && e.ts >= t0 && e.ts < end);
  const ms = (list) => round(list.reduce((sum, e) => sum + (e.end - e.ts), 0) / 1000);
  // The frame after the ready mark: its animation frame callbacks to the figure.
  const readyTs = t0 + readyMs * 1000;
  const frame = selfTimes(complete, readyTs, end);
  const { byKind, busy } = selfTimes(complete, t0, end);
  const kinds = [...byKind].sort((a, b) => b[1] - a[1]).map(([kind, us]) => ({ kind, ms: round(us / 1000) }));
  const fetched = marks['playground-fetched'];
  const setup = fetched === undefined ? null : selfTimes(complete, t0 + fetched * 1000, readyTs);
  const samples = samplesOf(events, pid, tid).map((sample) => ({ ...sample, frame: mapFrame(sample.frame) }));
  const stageWindows = { 'navigation → figure': [t0, end] };
  if (setup) stageWindows['fetched → interactive (app set-up and first render)'] = [t0 + fetched * 1000, readyTs];
  return {
    figure_ms: round(figureMs),
    ready_ms: round(readyMs),
    stages: {
      html_parse_starts: at(firstOf('ParseHTML', (e) => e.args.beginData?.url === url)?.ts ?? t0),
      html_parse_ms: ms(complete.filter((e) => e.name === 'ParseHTML' && e.ts >= t0 && e.ts < end)),
      dom_content_loaded: instant('MarkDOMContent'),
      first_paint: instant('firstPaint'),
      first_contentful_paint: instant('firstContentfulPaint'),
      first_layout: layouts[0] ? { at: at(layouts[0].ts), ms: round((layouts[0].end - layouts[0].ts) / 1000), objects: layouts[0].args.beginData?.totalObjects } : null,
      layouts: layouts.map((e) => ({ at: at(e.ts), ms: round((e.end - e.ts) / 1000), objects: e.args.beginData?.totalObjects })),
      module_compiles: compiles,
      module_evaluations: evaluations.map((e) => ({ at: at(e.ts), ms: round((e.end - e.ts) / 1000) })),
      wasm: {
        streaming_compile_starts: wasmStart ? at(wasmStart.ts) : null,
        compile_finished: wasmDone ? at(wasmDone.end) : null,
        streaming_compile_wall_ms: wasmStart && wasmDone ? round((wasmDone.end - wasmStart.ts) / 1000) : null,
        instantiate: instantiate ? { at: at(instantiate.ts), ms: round((instantiate.end - instantiate.ts) / 1000) } : null,
        lazy_function_compiles: lazy.length,
        lazy_compile_ms: ms(lazy),
      },
      marks,
      frame_after_ready_ms: Object.fromEntries([...frame.byKind].map(([k, us]) => [k, round(us / 1000)])),
    },
    requests: requests.sort((a, b) => a.sent - b.sent),
    main_thread: { window_ms: round(figureMs), busy_ms: round(busy / 1000), idle_ms: round(figureMs - busy / 1000), by_kind: kinds },
    app_setup: setup && {
      window_ms: round((readyTs - (t0 + fetched * 1000)) / 1000),
      by_kind: [...setup.byKind].sort((a, b) => b[1] - a[1]).map(([kind, us]) => ({ kind, ms: round(us / 1000) })),
    },
    profile: Object.fromEntries(Object.entries(stageWindows).map(([name, [from, to]]) => [name, profileSummary(samples, from, to)])),
  };
}

async function tracedLoad(browser, url) {
  const context = await browser.newContext({ locale: LOCALE });
  try {
    const page = await context.newPage();
    if (RATE !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    }
    await page.addInitScript(instrument, DONE);
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout: TIMEOUT_MS });
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await done;
    const raw = await browser.stopTracing();
    if (process.env.TRACE_LOAD_DUMP) (await import('node:fs')).writeFileSync(process.env.TRACE_LOAD_DUMP, raw);
    const trace = JSON.parse(raw.toString('utf8'));
    const { figure, ready, error } = await page.evaluate(() => window.__sbs);
    if (error) throw new Error(error);
    return { figure, ready, trace };
  } finally {
    await context.close();
  }
}

function printBreakdown(b, label) {
  const out = [];
  const p = (s = '') => out.push(s);
  const s = b.stages;
  p(`Load trace of ${RAFTSCOPE ? 'RaftScope' : 'ours'} — ${label}: navigation → ready ${b.ready_ms} ms → end of the first frame after it ${b.figure_ms} ms (traced; tracing adds overhead)`);
  p(`  HTML parse starts at ${s.html_parse_starts} ms (parse ${s.html_parse_ms} ms); DOMContentLoaded ${s.dom_content_loaded}; first paint ${s.first_paint}`);
  p('  requests (sent → finished, ms):');
  for (const r of b.requests) p(`    ${String(r.sent).padStart(7)} → ${String(r.finished).padStart(7)}  ${r.path}`);
  p(`  layouts: ${s.layouts.map((l) => `${l.ms} ms at ${l.at} (${l.objects} objects)`).join('; ')}`);
  if (s.module_compiles.length) p(`  module compile: ${s.module_compiles.map((c) => `${c.path} ${c.ms} ms at ${c.at}`).join('; ')}`);
  if (s.module_evaluations.length) p(`  module evaluation (top level): ${s.module_evaluations.map((e) => `${e.ms} ms at ${e.at}`).join('; ')}`);
  const w = s.wasm;
  if (w.streaming_compile_starts !== null) {
    p(`  wasm: streaming compile (validation) ${w.streaming_compile_starts} → ${w.compile_finished} ms (${w.streaming_compile_wall_ms} ms wall), instantiate ${w.instantiate?.ms} ms at ${w.instantiate?.at}; `
      + `functions compiled lazily on their first call: ${w.lazy_function_compiles} (${w.lazy_compile_ms} ms on the main thread)`);
  }
  p(`  marks: ${Object.entries(s.marks).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}; ready ${b.ready_ms}; figure ${b.figure_ms}`);
  p(`  main thread in navigation → figure: busy ${b.main_thread.busy_ms} ms, idle ${b.main_thread.idle_ms} ms`);
  for (const k of b.main_thread.by_kind) p(`    ${String(k.ms).padStart(7)} ms  ${k.kind}`);
  if (b.app_setup) {
    p(`  app set-up and first render (playground-fetched → -interactive, ${b.app_setup.window_ms} ms):`);
    for (const k of b.app_setup.by_kind) p(`    ${String(k.ms).padStart(7)} ms  ${k.kind}`);
  }
  p(`  the frame after ready: ${Object.entries(s.frame_after_ready_ms).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
  for (const [window, prof] of Object.entries(b.profile)) {
    p(`  sampled (V8 profiler, ${prof.samples} samples), ${window}:`);
    p(`    ${prof.by_kind.map((k) => `${k.name} ${k.ms}`).join('; ')}`);
    p(`    hottest (self): ${prof.top_functions.slice(0, 10).map((f) => `${f.name} ${f.ms}`).join('; ')}`);
  }
  return out.join('\n');
}

const server = await startServer(SITE);
const browser = await launchBrowser();
try {
  const url = `${server.origin}${PATH}`;
  // One untraced warm-up load: the browser's own first-start costs are not the page's.
  {
    const context = await browser.newContext({ locale: LOCALE });
    const page = await context.newPage();
    await page.addInitScript(instrument, DONE);
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout: TIMEOUT_MS });
    await page.goto(url, { waitUntil: 'commit' });
    await done;
    await context.close();
  }
  const loads = [];
  for (let i = 0; i < REPS; i += 1) loads.push(await tracedLoad(browser, url));
  const order = loads.map((l, i) => [l.figure, i]).sort((a, b) => a[0] - b[0]);
  const median = loads[order[Math.floor((order.length - 1) / 2)][1]];
  const breakdown = analyse(median.trace, url, median.figure, median.ready, sourceMapper(SITE));
  const text = printBreakdown(breakdown, `CPU ×${RATE}, ${PATH}, ${LOCALE}, the median of ${REPS} traced loads (${loads.map((l) => round(l.figure)).join(', ')} ms)`);
  const result = { site: SITE, path: PATH, locale: LOCALE, cpu_throttling: RATE, traced_figures_ms: loads.map((l) => round(l.figure)), breakdown, text };
  if (PRINT) process.stderr.write(`${text}\n`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}

