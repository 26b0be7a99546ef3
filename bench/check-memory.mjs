// The model checker's memory in wasm, as the page's Web Worker runs it: for each job, the
// memory figure the checker reports (what its bound counts) against the wasm linear memory
// it really grew (what the tab pays: wasm memory never shrinks, so this is the peak with the
// allocator's overhead and fragmentation). One fresh instance per job.
// Usage: node bench/check-memory.mjs [PKG_DIR] (default web/pkg; run scripts/build-wasm.sh)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { simJob } from './sim-job.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PKG = process.argv[2] ?? join(ROOT, 'web/pkg');
const MIB = 1024 * 1024;

const sim = simJob;
const JOBS = [
  ['sim basic-paxos 3 servers, drops', sim(3, { drops: true, symmetry: false }), 2e6, 1024 * MIB],
  ['sim basic-paxos 3 servers, drops, 1 duplicate (the page\'s challenge)', sim(3, { drops: true, duplicates: 1 }), 2e6, 1024 * MIB],
  ['tla 3 acceptors, 2 values, ballots 0..2', { model: 'tla', acceptors: 3, values: 2, max_ballot: 2, one_phase: false }, 2e6, 1024 * MIB],
  ['sim basic-paxos 5 servers, drops, under a 256 MiB bound', sim(5, { drops: true }), 2e6, 256 * MIB],
];

const glue = await import(pathToFileURL(join(PKG, 'paxos_check_wasm.js')).href);
const bytes = readFileSync(join(PKG, 'paxos_check_wasm_bg.wasm'));
const rows = [];
for (const [name, job, statesMax, bytesMax] of JOBS) {
  // A fresh module instance per job (initSync on a fresh import would reuse the old one).
  const fresh = await import(`${pathToFileURL(join(PKG, 'paxos_check_wasm.js')).href}?${rows.length}`);
  const { memory } = fresh.initSync({ module: bytes });
  const before = memory.buffer.byteLength;
  const check = new fresh.ModelCheck(job, statesMax, bytesMax);
  let progress;
  do progress = check.runFor(1 << 16); while (!progress.finished);
  const summary = check.summary();
  const grown = memory.buffer.byteLength - before;
  rows.push({
    name, states: progress.distinct_states, verdict: summary.verdict,
    reportedMiB: +(progress.memory_bytes / MIB).toFixed(1), wasmGrownMiB: +(grown / MIB).toFixed(1),
    wasmOverReported: +(grown / progress.memory_bytes).toFixed(3),
  });
  check.free();
}
void glue;
console.log(JSON.stringify(rows, null, 2));
