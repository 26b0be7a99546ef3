// The playback bar: reset, undo, redo, start, back, play/pause, step, end, the timeline
// scrubber and the speed. Buttons call the handlers; render() reflects the store (what is possible now).
import { h } from '../dom.js';
import { SPEEDS } from '../timeline.js';

export class PlaybackBar {
  constructor(document, readOnly, handlers) {
    this.doc = document;
    this.readOnly = readOnly;
    const $ = (id) => document.getElementById(id);
    this.buttons = {
      reset: $('reset'), undo: $('undo'), redo: $('redo'), start: $('to-start'), back: $('back'), play: $('play'), forward: $('forward'), end: $('to-end'),
    };
    this.scrubber = $('scrubber');
    this.position = $('position');
    this.speed = $('speed');
    for (const [name, button] of Object.entries(this.buttons)) button.addEventListener('click', () => handlers[name]());
    this.scrubber.addEventListener('input', () => handlers.seek(Number(this.scrubber.value)));
    this.speed.addEventListener('change', () => handlers.speed(Number(this.speed.value)));
  }

  /** Texts that change only with the language. */
  translate(t) {
    this.speed.replaceChildren(...SPEEDS.map((speed) => h(this.doc, 'option', { value: speed, text: t('playback.speedValue', { speed }) })));
  }

  /** What the core says of the run (asked once per version of the run: it changes only with it). */
  run(store) {
    if (this.known?.runVersion !== store.runVersion || this.known.pg !== store.pg) {
      this.known = { runVersion: store.runVersion, pg: store.pg, goesOn: store.goesOn, canUndo: store.canUndo, canRedo: store.canRedo };
    }
    return this.known;
  }

  render(store, t) {
    const { step, steps } = store;
    const playing = store.ui.playing;
    const b = this.buttons;
    // Only what changed is written: most renders (a step, a seek) change the position alone.
    const disabled = {
      start: step === 0,
      back: step === 0,
      // At the end, End still takes the run on when it goes on by itself (the automatic
      // network after an intervention: the core says so).
      end: step === steps && (this.readOnly || !this.run(store).goesOn),
      undo: !this.run(store).canUndo,
      redo: !this.run(store).canRedo,
    };
    for (const [name, button] of Object.entries(b)) {
      const off = disabled[name] ?? false;
      if (button.disabled !== off) button.disabled = off;
    }
    setText(b.play.querySelector('.icon'), playing ? '❚❚' : '▶');
    setText(b.play.querySelector('.button-label'), t(playing ? 'playback.pause' : 'playback.play'));
    const pressed = playing ? 'true' : 'false';
    if (b.play.dataset.playing !== pressed) {
      b.play.setAttribute('aria-pressed', pressed);
      b.play.dataset.playing = pressed;
    }
    if (this.scrubber.disabled) this.scrubber.disabled = false;
    if (this.scrubber.max !== String(steps)) this.scrubber.max = String(steps);
    if (this.scrubber.value !== String(step)) this.scrubber.value = String(step);
    const snapshot = store.snapshot();
    const position = snapshot.network === 'auto'
      ? t('playback.positionTick', { step, steps, tick: snapshot.tick })
      : t('playback.position', { step, steps });
    if (this.position.textContent !== position || this.scrubber.getAttribute('aria-valuetext') !== position) {
      this.position.textContent = position;
      this.scrubber.setAttribute('aria-valuetext', position);
    }
    if (this.speed.disabled) this.speed.disabled = false;
    this.speed.value = String(store.ui.speed);
  }
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
