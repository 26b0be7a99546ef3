// `npm run bench` (after bench/run.sh has set up and built): runs the native Rust bench, the
// wasm bench in Node and the browser bench one after the other (never at once: they would
// compete for the same cores), then prints one table. Every figure is a median with its
// spread over N runs; every ratio is computed from figures of this same run.
// Raw results go to target/bench/latest.json. Usage: node bench/run.mjs [--reps N]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const repsArg = process.argv.indexOf('--reps');
const REPS = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 5;

function runJson(label, command, args) {
  process.stderr.write(`bench: ${label}: ${command} ${args.join(' ')}\n`);
  const output = execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  return JSON.parse(output.trim().split('\n').pop());
}

function sizes() {
  let output;
  try {
    output = execFileSync(join(ROOT, 'node_modules/.bin/size-limit'), ['--json'], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    output = error.stdout; // exit 1 when over a limit; the JSON is still there
  }
  return JSON.parse(output);
}

const started = Date.now();
const native = runJson('native (Rust, release)', join(ROOT, 'target/release/paxos-bench'), ['--json', '--quick', '--reps', String(REPS)]);
const wasm = runJson('wasm (Node)', process.execPath, [join(ROOT, 'bench/wasm.mjs'), '--reps', String(REPS)]);
const browser = runJson('browser (Chromium)', process.execPath, [join(ROOT, 'bench/browser.mjs'), '--reps', String(REPS)]);
// Opening side by side with RaftScope (issue #17): at least 7 alternating rounds per row.
const SIDE_REPS = Math.max(7, REPS);
const sideBySide = runJson('side by side with RaftScope (Chromium)', process.execPath, [join(ROOT, 'bench/side-by-side.mjs'), '--reps', String(SIDE_REPS)]);
// Where one cold load spends its time (the median of 3 traced loads), ours and RaftScope's,
// at 1× and 4× CPU.
const traces = [];
for (const rate of [1, 4]) {
  for (const page of ['ours', 'raftscope']) {
    const args = [join(ROOT, 'bench/trace-load.mjs'), '--rate', String(rate), ...(page === 'raftscope' ? ['--raftscope'] : [])];
    traces.push({ page, rate, ...runJson(`load trace of ${page}, CPU ×${rate}`, process.execPath, args) });
  }
}
const size = sizes();

// --- the table ---------------------------------------------------------------------------
const rows = [];
const fmt = (x, digits) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e4 ? `${(x / 1e3).toFixed(0)}k` : x.toFixed(digits));
const spread = (s, d) => `${fmt(s.min, d)}–${fmt(s.max, d)}`;
/** A measured figure: median, spread (min–max), n, the budget and whether it holds. */
function row(area, figure, s, digits, unit, budget = '', holds = null) {
  rows.push([area, figure, `${fmt(s.median, digits)} ${unit}`, spread(s, digits), String(s.n), budget, holds === null ? '' : holds === true ? 'ok' : holds === false ? 'MISS' : holds]);
}
function single(area, figure, value, n, budget = '', holds = null) {
  rows.push([area, figure, value, '', String(n), budget, holds === null ? '' : holds ? 'ok' : 'MISS']);
}
/** Ratio of two medians from this run, with the widest spread their ranges allow. */
function ratio(a, b) {
  return { median: a.median / b.median, min: a.min / b.max, max: a.max / b.min, n: Math.min(a.n, b.n) };
}

for (const s of size) {
  const limit = s.sizeLimit ? `≤ ${(s.sizeLimit / 1000).toFixed(1)} kB` : '(report only)';
  single('size', s.name.replace(/ \(.*\)/, '').replace(', gzip', ' (gzip)'), `${(s.size / 1000).toFixed(2)} kB`, 1, limit, s.sizeLimit ? s.passed : null);
}
for (const page of size.filter((s) => s.name.startsWith('page, '))) {
  const who = page.name.slice('page, '.length, page.name.indexOf(':'));
  single('size', `page (${who}) vs the issue budget`, `${(page.size / 1000).toFixed(2)} kB`, 1, '≤ 100 kB', page.size <= 100_000);
}
const pageWasm = size.find((s) => s.name.startsWith('page wasm'));
if (pageWasm) single('size', 'page wasm module vs the issue budget', `${(pageWasm.size / 1000).toFixed(2)} kB`, 1, '≤ 60 kB', pageWasm.size <= 60_000);

row('load', 'navigation → first interactive frame drawn (Chromium, cold)', browser.load.interactive_ms, 1, 'ms', '≤ 200 ms', browser.load.interactive_ms.median <= 200);
row('load', 'navigation → page ready (its mark, before that frame)', browser.load.ready_mark_ms, 1, 'ms');
row('load', 'navigation → DOMContentLoaded', browser.load.dom_content_loaded_ms, 1, 'ms');

// ours / RaftScope per alternating round (bench/side-by-side.mjs); a miss says by how much.
for (const r of sideBySide.results) {
  const what = `${r.label.replace(/ \(.*\)$/, '')}: ours / RaftScope, CPU ×${r.cpu_throttling} (ours ${r.ours.figure_ms.median.toFixed(0)}, theirs ${r.raftscope.figure_ms.median.toFixed(0)} ms)`;
  row('vs RaftScope', what, r.ratio, 2, 'x', `≤ ${r.goal.toFixed(1)}`, r.holds ? true : `MISS by ${r.miss_by.toFixed(2)}`);
}
for (const s of sideBySide.skipped) single('vs RaftScope', `${s.id}: not measured (${s.reason})`, '—', 0);

const f = browser.frames;
const how = f.play_control ? 'playing' : 'no play control on the page';
if (f.frame_script_ms) {
  row('frames', `script time per frame, median (${how})`, { ...f.frame_script_ms }, 3, 'ms', '≤ 2 ms', f.frame_script_ms.median <= 2);
  single('frames', 'script time per frame, p95', `${f.frame_script_ms.p95.toFixed(3)} ms`, f.frame_script_ms.n, '≤ 4 ms', f.frame_script_ms.p95 <= 4);
} else {
  single('frames', `script time per frame (${how})`, 'no frames ran', 0, '≤ 2 ms / p95 ≤ 4 ms');
}
single('frames', `frames with work in 2 s ${f.pause_control ? 'paused' : 'idle'}`, String(f.idle_frames_2s), 1, '0', f.idle_frames_2s === 0);
const fc = wasm.frame_calls;
row('frames', `wasm snapshot() call, ${fc.nodes} nodes, ${fc.in_flight} in flight (Node)`, fc.snapshot_ms, 3, 'ms');

// Acting on the 10,000-step run (bench/browser.mjs): the store alone (core + trace), and the
// whole page (handler + views + the next frame's callbacks). The issue's budget: ≤ 2 ms.
const actions = [['seek', 'seek to step 9,990'], ['intervene', 'intervene at 9,990 (crash)'], ['forward', 'step forward at the end']];
for (const [name, what] of actions) {
  const s = browser.long_run_store[`${name}_ms`];
  row('actions', `${what}, store (core + trace)`, s, 2, 'ms', '≤ 2 ms', s.median <= 2);
}
for (const name of ['undo', 'redo']) row('actions', `${name}, store (core + trace)`, browser.long_run_store[`${name}_ms`], 2, 'ms', '≤ 2 ms', browser.long_run_store[`${name}_ms`].median <= 2);
row('actions', 'the trace rebuilt from the whole log (each intervention, before deltas)', browser.long_run_store.rebuild_ms, 1, 'ms');
for (const [name, what] of actions) {
  const s = browser.long_run[`${name}_script_ms`];
  row('actions', `${what}, whole page (views and next frame)`, s, 1, 'ms', '≤ 2 ms', s.median <= 2);
}
// The views far below the screen are drawn when they come near, not by each action.
for (const [name, what] of [['spacetime', 'the space-time diagram'], ['event_list', 'the event list']]) {
  const s = browser.long_run[`${name}_catch_up_ms`];
  if (s) row('actions', `${what} coming into view after a step`, s, 1, 'ms');
}

const ns = native.sim;
const ws = wasm.sim;
row('simulation', `delivered msgs/s, native (${ns.steps} steps, ${ns.delivered} delivered)`, ns.delivered_per_s, 0, '/s');
row('simulation', 'delivered msgs/s, wasm (Node)', ws.delivered_per_s, 0, '/s');
const simRatio = ratio(ws.delivered_per_s, ns.delivered_per_s);
row('simulation', 'wasm / native', simRatio, 2, 'x', '≥ 0.5', simRatio.median >= 0.5);

single('time travel', 'heap held by the 10,000-step run, native', `${(ns.live_bytes / 1e6).toFixed(2)} MB (peak ${(ns.peak_bytes / 1e6).toFixed(2)})`, 1, '≤ 20 MB', ns.peak_bytes <= 20e6);
single('time travel', 'wasm linear memory growth for it (Node)', `${(ws.memory_growth_bytes / 1e6).toFixed(2)} MB`, 1, '≤ 20 MB', ws.memory_growth_bytes <= 20e6);
for (const [side, sim] of [['native', ns], ['wasm', ws]]) {
  row('time travel', `seek to a random step, ${side} (max ${sim.seek_random_ms.max.toFixed(2)} ms)`, sim.seek_random_ms, 3, 'ms', 'max < 16 ms', sim.seek_random_ms.max < 16);
  row('time travel', `step back, every step, ${side} (max ${sim.step_back_ms.max.toFixed(2)} ms)`, sim.step_back_ms, 3, 'ms', 'max < 16 ms', sim.step_back_ms.max < 16);
}

for (const c of native.checker) {
  const short = c.name.replace(/ \(.*/, '');
  row('checker', `${short}: ours, native (${c.unique_states} states)`, c.rates['paxos::check'], 0, 'st/s');
  row('checker', `${short}: Stateright, native`, c.rates.stateright, 0, 'st/s');
  row('checker', `${short}: ours / Stateright`, c.ours_over.stateright, 1, 'x', '≥ 10', c.ours_over.stateright.median >= 10);
  row('checker', `${short}: ours / Stateright on our packed model`, c.ours_over['stateright+packed'], 1, 'x');
}
const small = native.checker.find((c) => c.name === wasm.checker.config);
row('checker', `MCPaxosSmall: ours, wasm (Node)`, wasm.checker.rate, 0, 'st/s');
if (small) {
  const checkRatio = ratio(wasm.checker.rate, small.rates['paxos::check']);
  row('checker', 'MCPaxosSmall: wasm / native', checkRatio, 2, 'x', '≥ 0.5', checkRatio.median >= 0.5);
}

const header = ['area', 'figure', 'median', 'spread (min–max)', 'n', 'budget', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${wasm.node}; Chromium ${browser.chromium}`;
console.log(`\nPaxos Playground bench — ${new Date().toISOString()} — ${machine}`);
console.log(`native: ${native.build} build, ${native.reps} repetitions; wasm/browser: ${REPS} repetitions; ratios from this run\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
const misses = rows.filter((r) => r[6].startsWith('MISS')).length;
console.log(`\n${rows.filter((r) => r[6] === 'ok').length} budgets hold, ${misses} miss; took ${((Date.now() - started) / 1000).toFixed(0)} s`);

console.log('\nOpening, side by side with RaftScope (bench/side-by-side.mjs)\n');
console.log(sideBySide.markdown);
// The same as JSON (all of it, with every sample, is in target/bench/latest.json).
const pick = ({ median, min, max, p95, n }) => ({ median: +median.toFixed(3), min: +min.toFixed(3), max: +max.toFixed(3), p95: +p95.toFixed(3), n });
console.log('\n```json');
console.log(JSON.stringify({
  side_by_side: {
    date: sideBySide.date, chromium: sideBySide.chromium, machine: sideBySide.machine, load_average: sideBySide.load_average, skipped: sideBySide.skipped,
    results: sideBySide.results.map((r) => ({ id: r.id, cpu_throttling: r.cpu_throttling, ours_ms: pick(r.ours.figure_ms), raftscope_ms: pick(r.raftscope.figure_ms), ratio: pick(r.ratio), ratio_of_medians: +r.ratio_of_medians.toFixed(3), goal: r.goal, holds: r.holds, miss_by: +r.miss_by.toFixed(3) })),
  },
}, null, 1).replace(/\n\s+(?=[^\s{])/g, ' '));
console.log('```');
for (const trace of traces.filter((t) => t.page === 'ours')) console.log(`\n${trace.text}`);
// Ours beside RaftScope: the renderer main thread's time by kind of work, navigation → figure.
const kinds = [...new Set(traces.flatMap((t) => t.breakdown.main_thread.by_kind.map((k) => k.kind)))];
const cell = (t, kind) => String(t.breakdown.main_thread.by_kind.find((k) => k.kind === kind)?.ms ?? 0);
console.log('\nMain thread, navigation → figure, ms (one traced load each, the median of 3; bench/trace-load.mjs)\n');
console.log(`| | ${traces.map((t) => `${t.page === 'ours' ? 'ours' : 'RaftScope'} ×${t.rate}`).join(' | ')} |`);
console.log(`|---|${traces.map(() => '---:').join('|')}|`);
console.log(`| **figure** | ${traces.map((t) => `**${t.breakdown.figure_ms}**`).join(' | ')} |`);
console.log(`| busy | ${traces.map((t) => t.breakdown.main_thread.busy_ms).join(' | ')} |`);
console.log(`| idle | ${traces.map((t) => t.breakdown.main_thread.idle_ms).join(' | ')} |`);
for (const kind of kinds) console.log(`| ${kind} | ${traces.map((t) => cell(t, kind)).join(' | ')} |`);

mkdirSync(join(ROOT, 'target/bench'), { recursive: true });
writeFileSync(join(ROOT, 'target/bench/latest.json'), JSON.stringify({ machine, native, wasm, browser, side_by_side: sideBySide, load_traces: traces, size }, null, 2));
writeFileSync(join(ROOT, 'target/bench/side-by-side.md'), `${sideBySide.markdown}\n`);
console.log('\nraw results: target/bench/latest.json (side_by_side, load_traces); the side-by-side table: target/bench/side-by-side.md');
