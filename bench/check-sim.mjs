// The simulator-model checker in wasm, as the page's Web Worker runs it, on the module that
// ships (dist/web/pkg after wasm-opt, or another built pkg directory): for the page's
// challenge ("Give up — show me" on Basic Paxos) and a 5-server job, the states per second,
// the memory the checker reports (now and at its peak) and the wasm linear memory the
// instance really grew (what the tab pays: wasm memory never shrinks), each per state.
// One fresh instance per job and run; the figure quoted is the median run. Beside the wall
// time it reports the process's CPU time (process.cpuUsage), which another program on a busy
// shared machine disturbs much less.
// Usage: node bench/check-sim.mjs [--pkg DIR] [--reps N] [--job challenge|five]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { simJob } from './sim-job.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const PKG = argument('--pkg', join(ROOT, 'dist/web/pkg'));
const REPS = Number(argument('--reps', 3));
const ONLY = argument('--job', null);
const MIB = 1024 * 1024;

const sim = simJob;
// [key, name, job, states bound, bytes bound]: the page's bounds were 2,000,000 states and
// 768 MiB when this was written; the 5-server job is the panel's defaults at 5 servers, cut
// at 600,000 states so that every engine measured reaches the same states.
const JOBS = [
  ['challenge', "the page's challenge: Basic Paxos, 3 servers, drops, 1 duplicate, symmetry", sim(3, { drops: true, duplicates: 1 }), 2e6, 768 * MIB],
  ['five', 'Basic Paxos, 5 servers, symmetry, first 600,000 states', sim(5, {}), 6e5, 768 * MIB],
];

const bytes = readFileSync(join(PKG, 'paxos_check_wasm_bg.wasm'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let instances = 0;
const rows = [];
for (const [key, name, job, statesMax, bytesMax] of JOBS) {
  if (ONLY && key !== ONLY) continue;
  const runs = [];
  for (let rep = 0; rep < REPS; rep += 1) {
    // A fresh module instance per run (initSync on a fresh import would reuse the old one).
    instances += 1;
    const fresh = await import(`${pathToFileURL(join(PKG, 'paxos_check_wasm.js')).href}?${instances}`);
    const { memory } = fresh.initSync({ module: bytes });
    const before = memory.buffer.byteLength;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const check = new fresh.ModelCheck(job, statesMax, bytesMax);
    let progress;
    let peak = 0;
    do {
      progress = check.runFor(1 << 14);
      peak = Math.max(peak, progress.memory_peak_bytes ?? progress.memory_bytes);
    } while (!progress.finished);
    const summary = check.summary();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const grown = memory.buffer.byteLength - before;
    check.free();
    runs.push({ seconds, cpuSeconds, states: progress.distinct_states, verdict: summary.verdict, reported: progress.memory_bytes, peak, grown });
  }
  const run = runs.find((r) => r.seconds === median(runs.map((r) => r.seconds)));
  rows.push({
    name,
    states: run.states,
    verdict: run.verdict,
    seconds: runs.map((r) => +r.seconds.toFixed(2)),
    cpu_seconds: runs.map((r) => +r.cpuSeconds.toFixed(2)),
    states_per_s: Math.round(run.states / run.seconds),
    states_per_cpu_s: Math.round(run.states / median(runs.map((r) => r.cpuSeconds))),
    reported_mib: +(run.reported / MIB).toFixed(1),
    reported_peak_mib: +(run.peak / MIB).toFixed(1),
    reported_peak_bytes_per_state: +(run.peak / run.states).toFixed(1),
    wasm_grown_mib: +(run.grown / MIB).toFixed(1),
    wasm_grown_bytes_per_state: +(run.grown / run.states).toFixed(1),
  });
}
console.log(JSON.stringify({ node: process.version, pkg: PKG, reps: REPS, rows }, null, 2));
