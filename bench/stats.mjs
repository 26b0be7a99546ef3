// Median, spread and percentiles of repeated measurements (the JS twin of
// crates/paxos-bench/src/stats.rs, so both sides report the same way).

/** @param {number[]} samples @returns {{median:number,min:number,max:number,p95:number,n:number}} */
export function stats(samples) {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const rank = Math.min(n, Math.max(1, Math.ceil(0.95 * n)));
  return { median, min: sorted[0], max: sorted[n - 1], p95: sorted[rank - 1], n };
}

/** Times `f` once, in milliseconds. */
export function time(f) {
  const start = performance.now();
  const result = f();
  return { ms: performance.now() - start, result };
}
