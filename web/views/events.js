// The event list: every step's lines (the core's events worded in the page's language), the step's cause first and its consequences
// under it. A step is a button that jumps to it; the list is one tab stop (roving tabindex:
// arrow keys move between steps). Steps after the viewed one are shown dimmed, so you can
// jump forward too. Extended in place while the run grows; cut back to where it forks.
import { h } from '../dom.js';
import { eventText } from '../events-text.js';
import { messageIdOf } from '../trace.js';
import { RulesPanel } from '../rules/panel.js';
import { Offscreen } from './offscreen.js';

const FINDINGS = new Set(['chosen', 'violation', 'stuck', 'livelock']);

export class EventsView {
  constructor(list, { onSeek, onSelect }) {
    this.list = list;
    this.doc = list.ownerDocument;
    this.onSeek = onSeek;
    this.onSelect = onSelect;
    this.generation = null;
    this.language = null;
    this.rows = [];
    this.current = null;
    /** The run version drawn, and the step after which rows are dimmed. */
    this.runVersion = null;
    this.futureAfter = -1;
    this.tabStop = null;
    list.addEventListener('click', (event) => {
      const line = event.target.closest?.('[data-step]');
      if (!line) return;
      const messageId = line.dataset.msgId;
      this.onSeek(Number(line.dataset.step));
      if (messageId) this.onSelect({ type: 'message', id: Number(messageId) });
    });
    list.addEventListener('keydown', (event) => this.onKey(event));
    // Bringing the viewed step into view needs the rows' layout. Asked for in a render,
    // right after the views changed the page, it would force a layout there (in the
    // animation frame, while playing); an IntersectionObserver calls back once the page
    // has been laid out anyway, and the scroll happens then.
    const Observer = this.doc.defaultView?.IntersectionObserver;
    this.observer = Observer ? new Observer((entries) => {
      const row = this.rows[this.current];
      if (row && entries.some((entry) => entry.target === row.item)) this.scrollTo(row.item);
    }, { root: list }) : null;
    // The Rules panel comes with this module (so the page's opening does not carry it) and
    // sits just above the list.
    const panel = list.closest('section');
    this.rules = panel ? new RulesPanel(panel) : null;
    this.offscreen = new Offscreen(panel ?? list, () => this.draw(...this.args), 'events');
  }

  onKey(event) {
    // Home and End go to the first and last row, as in any list (the page's own Home and End,
    // to the run's start and end, step aside here: web/controls/keyboard.js).
    const delta = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: -Infinity, End: Infinity }[event.key];
    if (delta === undefined) return;
    const button = event.target.closest?.('button[data-step]');
    if (!button) return;
    event.preventDefault();
    const index = Math.max(0, Math.min(this.rows.length - 1, Number(button.dataset.step) + delta));
    const target = this.rows[index]?.button;
    if (target) {
      this.setTabStop(target);
      target.focus();
    }
  }

  /** Makes `button` the list's one tab stop (rows are made with tabindex -1). */
  setTabStop(button) {
    if (this.tabStop === button) return;
    if (this.tabStop) this.tabStop.tabIndex = -1;
    button.tabIndex = 0;
    this.tabStop = button;
  }

  /** Draws the viewed step of `store`'s run, now or when the list comes near the screen. */
  render(store, t) {
    this.args = [store, t];
    this.offscreen.request();
  }

  draw(store, t) {
    const trace = store.trace;
    // A delta changed the steps from `changed` on: only their rows are made again.
    const same = this.generation === store.traceGeneration && this.language === t.language;
    const changed = same ? store.changedSince(this.runVersion) : null;
    this.runVersion = store.runVersion;
    if (changed === null) {
      this.generation = store.traceGeneration;
      this.language = t.language;
      this.rows = [this.row(0, null, [], t)];
      this.list.replaceChildren(this.rows[0].item);
      this.futureAfter = -1;
      this.rows[0].item.classList.add('future');
    } else if (changed < this.rows.length) {
      for (const row of this.rows.splice(Math.max(1, changed))) row.item.remove();
    }
    const fragment = this.doc.createDocumentFragment();
    for (let step = this.rows.length; step <= trace.lastStep; step += 1) {
      const entry = trace.steps.get(step);
      const row = this.row(step, entry?.cause ?? null, entry?.events ?? [], t);
      if (step > this.futureAfter) row.item.classList.add('future');
      this.rows.push(row);
      fragment.append(row.item);
    }
    this.list.append(fragment);
    this.mark(store.step);
    this.rules?.render(store, t);
  }

  row(step, cause, events, t) {
    const doc = this.doc;
    const causeText = step === 0 ? t('events.start') : cause ? eventText(cause, t) : t('events.nothing');
    const button = h(doc, 'button', {
      type: 'button', class: 'event-step', 'data-step': step, tabindex: '-1',
      'data-msg-id': cause ? messageIdOf(cause) ?? undefined : undefined,
    },
    h(doc, 'span', { class: 'event-number', text: String(step) }),
    h(doc, 'span', { class: 'event-text', text: causeText }));
    const effects = events.filter((event) => event !== cause);
    const item = h(doc, 'li', { class: 'event-row' }, button);
    if (effects.length > 0) {
      const list = h(doc, 'ul', { class: 'event-effects' });
      for (const event of effects) {
        list.append(h(doc, 'li', {
          class: ['event-effect', `type-${event.type}`, FINDINGS.has(event.type) ? 'finding' : ''],
          'data-step': step,
          'data-msg-id': messageIdOf(event) ?? undefined,
          text: eventText(event, t),
        }));
      }
      item.append(list);
    }
    if (events.some((event) => FINDINGS.has(event.type))) item.classList.add('has-finding');
    return { item, button };
  }

  /** Marks the viewed step (and dims the future) without rebuilding the list. */
  mark(step) {
    const previous = this.current;
    if (previous !== null && this.rows[previous]) {
      this.rows[previous].item.classList.remove('current');
      this.rows[previous].button.removeAttribute('aria-current');
    }
    // Rows after `futureAfter` are dimmed; only those between it and `step` change.
    const last = Math.min(Math.max(this.futureAfter, step), this.rows.length - 1);
    for (let index = Math.max(0, Math.min(this.futureAfter, step) + 1); index <= last; index += 1) {
      this.rows[index].item.classList.toggle('future', index > step);
    }
    this.futureAfter = step;
    const row = this.rows[step];
    if (!row) return;
    row.item.classList.add('current');
    row.button.setAttribute('aria-current', 'step');
    if (!this.list.contains(this.doc.activeElement)) this.setTabStop(row.button);
    this.current = step;
    if (this.observer) {
      // Observing anew reports the row once, after the next layout.
      this.observer.disconnect();
      this.observer.observe(row.item);
    } else {
      this.scrollTo(row.item);
    }
  }

  scrollTo(item) {
    const box = this.list;
    const top = item.offsetParent === box ? item.offsetTop : item.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + item.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }
}
