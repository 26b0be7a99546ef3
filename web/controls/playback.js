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

  render(store, t) {
    const { step, steps } = store;
    const playing = store.ui.playing;
    const b = this.buttons;
    for (const button of Object.values(b)) button.disabled = false;
    b.start.disabled = step === 0;
    b.back.disabled = step === 0;
    // At the end, End still takes the run on when it goes on by itself (the automatic
    // network after an intervention: the core says so).
    b.end.disabled = step === steps && (this.readOnly || !store.goesOn);
    b.undo.disabled = !store.canUndo;
    b.redo.disabled = !store.canRedo;
    b.play.querySelector('.icon').textContent = playing ? '❚❚' : '▶';
    b.play.querySelector('.button-label').textContent = t(playing ? 'playback.pause' : 'playback.play');
    b.play.setAttribute('aria-pressed', playing ? 'true' : 'false');
    b.play.dataset.playing = playing ? 'true' : 'false';
    this.scrubber.disabled = false;
    this.scrubber.max = String(steps);
    this.scrubber.value = String(step);
    const snapshot = store.snapshot();
    const position = snapshot.network === 'auto'
      ? t('playback.positionTick', { step, steps, tick: snapshot.tick })
      : t('playback.position', { step, steps });
    this.position.textContent = position;
    this.scrubber.setAttribute('aria-valuetext', position);
    this.speed.disabled = false;
    this.speed.value = String(store.ui.speed);
  }
}
