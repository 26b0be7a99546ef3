// The playback bar: reset, undo, redo, start, back, play/pause, step, end, the timeline
// scrubber and the speed. Buttons call the handlers; render() reflects the store (what is possible now).
import { h, setText } from '../dom.js';
import { SPEEDS } from '../timeline.js';

export class PlaybackBar {
  constructor(document, readOnly, handlers) {
    this.doc = document;
    this.readOnly = readOnly;
    const $ = (id) => document.getElementById(id);
    this.buttons = {
      reset: $('reset'), undo: $('undo'), redo: $('redo'), start: $('to-start'), back: $('back'), play: $('play'), forward: $('forward'), end: $('to-end'),
    };
    this.playParts = [this.buttons.play.querySelector('.icon'), this.buttons.play.querySelector('.button-label')];
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
    // What the core says of the run changes only with the run: asked once per version of it.
    if (this.known?.[0] !== store.runVersion || this.known[1] !== store.pg) {
      this.known = [store.runVersion, store.pg, store.goesOn, store.canUndo, store.canRedo];
    }
    const [, , goesOn, canUndo, canRedo] = this.known;
    // Each button set once, to its state (not enabled first, then disabled again).
    const disabled = {
      start: step === 0,
      back: step === 0,
      // At the end, End still takes the run on when it goes on by itself (the automatic
      // network after an intervention: the core says so).
      end: step === steps && (this.readOnly || !goesOn),
      undo: !canUndo,
      redo: !canRedo,
    };
    for (const name in b) {
      if (b[name].disabled !== Boolean(disabled[name])) b[name].disabled = Boolean(disabled[name]);
    }
    // Texts and attributes are written only when they change (most renders change the
    // position alone; a write of the same value still has the page restyle the control).
    setText(this.playParts[0], playing ? '❚❚' : '▶');
    setText(this.playParts[1], t(playing ? 'playback.pause' : 'playback.play'));
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
    setText(this.position, position);
    if (this.scrubber.getAttribute('aria-valuetext') !== position) this.scrubber.setAttribute('aria-valuetext', position);
    if (this.speed.disabled) this.speed.disabled = false;
    if (this.speed.value !== String(store.ui.speed)) this.speed.value = String(store.ui.speed);
  }
}
