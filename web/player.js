// Play/pause: a requestAnimationFrame loop that maps wall time to simulation time, and
// exists only while playing. Paused, the page schedules no frames at all.
//
// Each frame advances the current segment (the way from the viewed step to the next) and
// asks the views to draw it in motion; at the end of a segment the view moves on a step.
import { advance, segmentSeconds, tickAt } from './timeline.js';

/** At most this many steps per frame, however long the frame (a tab waking from sleep). */
const STEPS_PER_FRAME_MAX = 32;

export class Player {
  /**
   * @param {import('./state.js').Store} store
   * @param {{window: Window, onMotion: (motion: object|null) => void, onStop: (why: string) => void,
   *   onRefused: (error: Error) => void}} options
   */
  constructor(store, { window, onMotion, onStop, onRefused }) {
    this.store = store;
    this.window = window;
    this.onMotion = onMotion;
    this.onStop = onStop;
    this.onRefused = onRefused;
    this.frameId = null;
    this.segment = null;
    this.lastTime = null;
  }

  get playing() {
    return this.store.ui.playing;
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  play() {
    if (this.playing) return;
    if (!this.startSegment()) return;
    this.store.setPlaying(true);
    this.lastTime = null;
    this.frameId = this.window.requestAnimationFrame((time) => this.frame(time));
  }

  /** Stops the loop; the views go back to drawing the viewed step as it is. */
  pause(why = 'paused') {
    if (this.frameId !== null) this.window.cancelAnimationFrame(this.frameId);
    this.frameId = null;
    const moved = this.segment !== null;
    this.segment = null;
    const wasPlaying = this.playing;
    this.store.setPlaying(false);
    // (Paused already, nothing is between two steps: a seek or an action by hand, which pause
    // first, would otherwise move every pill back to where it already is.)
    if (wasPlaying || moved) this.onMotion(null);
    if (wasPlaying) this.onStop(why);
  }

  /** Plans the way to the next step; false (and a stop) if nothing comes next. */
  startSegment() {
    const store = this.store;
    const from = store.step;
    let next;
    try {
      next = store.peekNext();
    } catch (error) {
      // The core refused the next step (a limit of the run): stop here, and say why.
      this.pause();
      this.onRefused(error);
      return false;
    }
    if (!next) {
      const why = store.snapshot().network === 'manual' ? 'manual-end' : 'end';
      const wasPlaying = this.playing;
      this.pause(why);
      if (!wasPlaying) this.onStop(why);
      return false;
    }
    const snapshot = store.snapshot();
    const cause = next.cause;
    const travelling = cause?.type === 'deliver'
      ? snapshot.in_flight.find((m) => m.id === cause.id) ?? null
      : null;
    const segment = {
      fromStep: from,
      tickFrom: snapshot.tick,
      tickTo: next.tick,
      cause,
      travels: Boolean(travelling && travelling.due_tick === null),
      progress: 0,
    };
    segment.seconds = segmentSeconds(segment, store.ui.speed);
    this.segment = segment;
    return true;
  }

  frame(time) {
    this.frameId = null;
    if (!this.playing || !this.segment) return;
    const elapsed = this.lastTime === null ? 0 : (time - this.lastTime) / 1000;
    this.lastTime = time;
    let { progress, leftover } = advance(this.segment.progress, elapsed, this.segment.seconds);
    let steps = 0;
    while (progress >= 1) {
      // One redraw per step, for the seek and the run's extension by the step after it
      // together (startSegment then finds the extension made).
      this.store.batch(() => {
        this.store.seek(this.segment.fromStep + 1);
        // A refusal changes nothing; startSegment meets it again and stops.
        try {
          this.store.peekNext();
        } catch {}
      });
      steps += 1;
      if (!this.startSegment()) return;
      if (steps >= STEPS_PER_FRAME_MAX) {
        leftover = 0;
      }
      ({ progress, leftover } = advance(0, leftover, this.segment.seconds));
    }
    this.segment.progress = progress;
    this.onMotion({ ...this.segment, tick: tickAt(this.segment, progress) });
    this.frameId = this.window.requestAnimationFrame((next) => this.frame(next));
  }
}
