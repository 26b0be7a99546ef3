// The model checker's Web Worker. It loads the checker's own wasm module (the page never
// does), runs the search in chunks sized to about 50 ms each, reports progress after every
// chunk, and yields to its message queue between chunks so that a cancel gets through. The
// page's main thread never runs the search, so it never freezes.
import init, { ModelCheck, checkBounds } from '../pkg/paxos_check_wasm.js';
import { nextChunkStates } from './plan.js';

let cancelRequested = false;

self.onmessage = (event) => {
  const message = event.data || {};
  if (message.type === 'cancel') {
    cancelRequested = true;
  } else if (message.type === 'start') {
    run(message).catch((error) => self.postMessage({ type: 'error', message: String(error && error.message || error) }));
  }
};

const yieldToMessages = () => new Promise((resolve) => setTimeout(resolve, 0));

async function run({ job, statesMax, bytesMax }) {
  await init();
  // The core's bounds for a check in the page, unless the page asked for others. The search
  // (a fingerprint and a parent link per state, the packed frontier) stops growing past the
  // memory bound, 64 MiB, so a large check cannot exhaust a phone's tab; the page's largest
  // reference check needs 26.8 MiB (crates/paxos/src/check/plan.rs says why that bound).
  const bounds = checkBounds();
  let check;
  try {
    check = new ModelCheck(job, statesMax ?? bounds.states_max, bytesMax ?? bounds.bytes_max);
  } catch (error) {
    self.postMessage({ type: 'error', message: error.message });
    return;
  }
  const started = performance.now();
  let chunk = 256;
  // Each chunk expands at least one state or finishes, and the bounds cap the states, so
  // this loop ends; the cap on rounds is a second guard.
  for (let round = 0; round < 1e7; round += 1) {
    const chunkStarted = performance.now();
    const progress = check.runFor(chunk);
    const now = performance.now();
    self.postMessage({ type: 'progress', progress, seconds: (now - started) / 1000 });
    if (progress.finished || cancelRequested) break;
    chunk = nextChunkStates(chunk, now - chunkStarted);
    await yieldToMessages();
  }
  const summary = check.summary();
  check.free();
  self.postMessage({ type: 'done', summary, cancelled: cancelRequested, seconds: (performance.now() - started) / 1000 });
}
