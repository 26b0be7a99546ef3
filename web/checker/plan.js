// Pure helpers for the model checker's worker: chunk sizing and rates (the job itself is the
// core's plan, `planForScenario` of the aids' wasm module). No DOM, no wasm: tested with
// node --test.

/** Work per chunk so that one chunk takes about `targetMs`: doubles or halves, within bounds. */
export function nextChunkStates(previous, elapsedMs, targetMs = 50) {
  const min = 64;
  const max = 1 << 20;
  let next = previous;
  if (elapsedMs < targetMs / 2) next = previous * 2;
  else if (elapsedMs > targetMs * 2) next = Math.floor(previous / 2);
  return Math.min(max, Math.max(min, next));
}

/** Distinct states per second, as a short label: "12,345 states/s". */
export function formatRate(states, seconds, locale = 'en') {
  const rate = seconds > 0 ? Math.round(states / seconds) : 0;
  return `${rate.toLocaleString(locale)}`;
}
