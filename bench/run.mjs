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
const size = sizes();

// --- the table ---------------------------------------------------------------------------
const rows = [];
const fmt = (x, digits) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e4 ? `${(x / 1e3).toFixed(0)}k` : x.toFixed(digits));
const spread = (s, d) => `${fmt(s.min, d)}–${fmt(s.max, d)}`;
/** A measured figure: median, spread (min–max), n, the budget and whether it holds. */
function row(area, figure, s, digits, unit, budget = '', holds = null) {
  rows.push([area, figure, `${fmt(s.median, digits)} ${unit}`, spread(s, digits), String(s.n), budget, holds === null ? '' : holds ? 'ok' : 'MISS']);
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
// whole page (handler + views + the next frame's callbacks). The budget: ≤ 2 ms.
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
const misses = rows.filter((r) => r[6] === 'MISS').length;
console.log(`\n${rows.filter((r) => r[6] === 'ok').length} budgets hold, ${misses} miss; took ${((Date.now() - started) / 1000).toFixed(0)} s`);

mkdirSync(join(ROOT, 'target/bench'), { recursive: true });
writeFileSync(join(ROOT, 'target/bench/latest.json'), JSON.stringify({ machine, native, wasm, browser, size }, null, 2));
console.log('raw results: target/bench/latest.json');
