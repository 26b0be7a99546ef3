// Wall time to simulation time, as pure functions. While playing, the page moves from one
// step to the next in a "segment": in the automatic network a segment lasts as many ticks
// as pass between the two steps (messages fly by tick, from sent_tick to due_tick); a step
// that takes no simulated time (a manual delivery, a click) gets a fixed short duration so
// people can follow it. Speed scales every duration.

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];

export const PACE = Object.freeze({
  secondsPerTick: 0.6,
  /** A manual delivery: the message travels its whole way in this time. */
  secondsPerManualStep: 1.1,
  /** Any other step that takes no simulated time. */
  secondsPerInstantStep: 0.35,
});

/**
 * How long (wall seconds) the segment from one step to the next lasts.
 * @param {{tickFrom: number, tickTo: number, travels: boolean}} segment
 *   travels: the next step delivers a message that has no due tick (manual network).
 */
export function segmentSeconds({ tickFrom, tickTo, travels }, speed, pace = PACE) {
  if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
  const ticks = Math.max(0, tickTo - tickFrom);
  let seconds;
  if (ticks > 0) seconds = ticks * pace.secondsPerTick;
  else if (travels) seconds = pace.secondsPerManualStep;
  else seconds = pace.secondsPerInstantStep;
  return seconds / speed;
}

/** The simulated tick `progress` (0..1) of the way through a segment. */
export function tickAt({ tickFrom, tickTo }, progress) {
  const p = Math.min(1, Math.max(0, progress));
  return tickFrom + (tickTo - tickFrom) * p;
}

/**
 * How far along its trip a message with a due tick is at simulated time `tick`
 * (0 = just sent, 1 = arriving). Messages without a due tick (manual network) return null:
 * they wait wherever the page parks them.
 */
export function flightFraction({ sent_tick: sent, due_tick: due }, tick) {
  if (due === null || due === undefined) return null;
  if (due <= sent) return 1;
  return Math.min(1, Math.max(0, (tick - sent) / (due - sent)));
}

/**
 * Advances a playing clock by `elapsed` wall seconds. Returns the new progress in the
 * current segment and how many seconds are left over past its end (to carry into the next
 * segment, so a slow frame does not slow the simulation down).
 */
export function advance(progress, elapsed, seconds) {
  if (seconds <= 0) return { progress: 1, leftover: Math.max(0, elapsed) };
  const total = progress * seconds + Math.max(0, elapsed);
  if (total < seconds) return { progress: total / seconds, leftover: 0 };
  return { progress: 1, leftover: total - seconds };
}

/** The next speed up or down the SPEEDS ladder (stays at the ends). */
export function nextSpeed(speed, direction) {
  const index = SPEEDS.indexOf(speed);
  const from = index === -1 ? SPEEDS.indexOf(1) : index;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, from + Math.sign(direction)))];
}
