// Starts the model checker in its Web Worker and relays what it reports. The page keeps
// this object; `cancel()` asks the worker to stop after its current chunk (about 50 ms), and
// `terminate()` stops it at once.

/** `statesMax` and `bytesMax` bound the search; by default the worker uses the core's bounds
 *  for a check in the page (`checkBounds` of the aids' module). */
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
    statesMax,
    bytesMax,
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
