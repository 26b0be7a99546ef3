// Starts the model checker in its Web Worker and relays what it reports. The page keeps
// this object; `cancel()` asks the worker to stop after its current chunk (about 50 ms), and
// `terminate()` stops it at once.

const DEFAULT_STATES_MAX = 5_000_000;
// The search (states with their heap parts, tables) stops growing past this, so a large check
// cannot exhaust the tab; the figure tracks the worker's wasm memory to within a few percent.
const DEFAULT_BYTES_MAX = 768 * 1024 * 1024;

export function startCheck(job, { onProgress, onDone, onError, statesMax, bytesMax } = {}) {
  // Resolved against the page (index.html), not this module: in dist/ this module is bundled
  // into web/app.js, while the worker stays at web/checker/worker.js.
  const worker = new Worker(new URL('web/checker/worker.js', document.baseURI), { type: 'module' });
  let settled = false;
  const finish = () => {
    settled = true;
    worker.terminate();
  };
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'progress') onProgress?.(message.progress, message.seconds);
    if (message.type === 'done') {
      finish();
      onDone?.(message.summary, { cancelled: message.cancelled, seconds: message.seconds });
    }
    if (message.type === 'error') {
      finish();
      onError?.(new Error(message.message));
    }
  };
  worker.onerror = (event) => {
    if (settled) return;
    finish();
    onError?.(new Error(event.message || 'the model checker stopped unexpectedly'));
  };
  worker.postMessage({
    type: 'start',
    job,
    statesMax: statesMax ?? DEFAULT_STATES_MAX,
    bytesMax: bytesMax ?? DEFAULT_BYTES_MAX,
  });
  return {
    cancel() {
      if (!settled) worker.postMessage({ type: 'cancel' });
    },
    terminate() {
      if (!settled) finish();
    },
  };
}
