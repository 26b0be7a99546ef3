// The wasm side of the bench, in Node, on the modules that ship (dist/web/pkg, after
// wasm-opt): the same scenario and measurements as crates/paxos-bench's native side, plus
// the cost of the calls the page makes every frame, and the checker's rate in wasm.
// Prints one JSON object. Usage: node bench/wasm.mjs [--reps N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stats, time } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PKG = join(ROOT, 'dist/web/pkg');
const repsArg = process.argv.indexOf('--reps');
const REPS = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 5;
const LONG = readFileSync(join(ROOT, 'bench/scenarios/long-10k.txt'), 'utf8');
const BUSY = readFileSync(join(ROOT, 'bench/scenarios/busy-9x200.txt'), 'utf8');

async function load(name) {
  const glue = await import(pathToFileURL(join(PKG, `${name}.js`)).href);
  const exports = glue.initSync({ module: readFileSync(join(PKG, `${name}_bg.wasm`)) });
  return { glue, memory: exports.memory };
}

function simulation(page, memory) {
  // Memory first, in a fresh instance: how far the linear memory grows to build and hold
  // the 10,000-step run. Wasm memory never shrinks, so this is the peak plus the allocator's
  // overhead, which is what the tab really pays.
  const before = memory.buffer.byteLength;
  const held = new page.Playground(LONG);
  const memoryGrowthBytes = memory.buffer.byteLength - before;
  const steps = held.steps();
  const delivered = held.events(0, steps).filter((e) => e.type === 'deliver').length;

  const buildMs = [];
  for (let i = 0; i < Math.max(REPS, 10); i += 1) {
    const { ms, result } = time(() => new page.Playground(LONG));
    if (result.steps() !== steps) throw new Error('the run is not deterministic');
    result.free();
    buildMs.push(ms);
  }

  // Same walk as the native side: 1000 xorshift-random seeks, then step back from the end.
  const seekRandomMs = [];
  let rng = 0x9e3779b97f4a7c15n;
  const mask = (1n << 64n) - 1n;
  for (let i = 0; i < 1000; i += 1) {
    rng ^= (rng << 13n) & mask;
    rng ^= rng >> 7n;
    rng ^= (rng << 17n) & mask;
    const target = Number(rng % BigInt(steps + 1));
    seekRandomMs.push(time(() => held.seek(target)).ms);
    if (held.step() !== target) throw new Error(`seek(${target}) landed on ${held.step()}`);
  }
  held.seek(steps);
  const stepBackMs = [];
  for (let step = steps - 1; step >= 0; step -= 1) stepBackMs.push(time(() => held.seek(step)).ms);
  return {
    steps,
    delivered,
    memory_growth_bytes: memoryGrowthBytes,
    build_ms: stats(buildMs),
    delivered_per_s: stats(buildMs.map((ms) => delivered / (ms / 1000))),
    seek_random_ms: stats(seekRandomMs),
    step_back_ms: stats(stepBackMs),
  };
}

/** What one animation frame may ask of the module: a snapshot of a busy 9-server step. */
function frameCalls(page) {
  const busy = new page.Playground(BUSY);
  const inFlight = busy.snapshot().in_flight.length;
  if (inFlight < 200) throw new Error(`busy scenario has only ${inFlight} messages in flight`);
  const snapshotMs = [];
  for (let i = 0; i < 500; i += 1) snapshotMs.push(time(() => busy.snapshot()).ms);
  const step = busy.steps();
  const eventsMs = [];
  for (let i = 0; i < 500; i += 1) eventsMs.push(time(() => busy.events(Math.max(1, step - 20), step)).ms);
  return { nodes: busy.snapshot().nodes.length, in_flight: inFlight, snapshot_ms: stats(snapshotMs), events_ms: stats(eventsMs) };
}

function checker(check) {
  const job = { model: 'tla', acceptors: 3, values: 2, max_ballot: 2, one_phase: false };
  const rates = [];
  let distinct = 0;
  for (let i = 0; i < REPS; i += 1) {
    const { ms, result } = time(() => {
      const search = new check.ModelCheck(job, 1e9, 2 ** 31);
      let progress;
      do progress = search.runFor(100_000); while (!progress.finished);
      const summary = search.summary();
      search.free();
      return summary;
    });
    if (result.verdict !== 'holds') throw new Error(`Paxos.tla must hold, got ${result.verdict}`);
    distinct = result.distinct_states;
    rates.push(distinct / (ms / 1000));
  }
  return { config: 'MCPaxosSmall (3 acc, 2 val, ballots 0..2)', distinct_states: distinct, rate: stats(rates) };
}

const page = await load('paxos_wasm');
const check = await load('paxos_check_wasm');
const result = {
  node: process.version,
  sim: simulation(page.glue, page.memory),
  frame_calls: frameCalls(page.glue),
  checker: checker(check.glue),
};
console.log(JSON.stringify(result));
