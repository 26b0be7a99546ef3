// The Rules panel: the rules of the protocol on screen (Lamport's 1a, 1b, 2a, 2b, learning
// and pre-emption for Paxos; each broken protocol's own rule), the ones the viewed step's
// events follow marked, and each refusal of the step worded with the guard that failed and
// its numbers ("S3 refuses Accept 11 X: it promised 15, and 15 > 11 — rule 2b").
//
// The rules and guards come from the core through the aids' wasm module (its copy of the
// page's run, web/aids/quorum-mirror.js): the page's own module sends none of them, to keep
// what opening the page costs. The panel and its texts come with the event
// list's module (web/views/events.js), which the page fetches when the list nears the
// screen; the aids' module and the styles (web/rules/rules.css) when the panel itself does.
import { h, setText } from '../dom.js';
import { proposalText, serverLabel } from '../format.js';
import { loadAidsModule } from '../aids/module.js';
import { loadStylesheet } from '../lazy.js';
import { followedMirror, sharedMirrorCache } from '../aids/quorum-mirror.js';
import { RULES, refusalKind } from './rules.js';
import en from './texts-en.js';
import zhCN from './texts-zh-CN.js';

const TEXTS = { en, 'zh-CN': zhCN };
const NEAR_MARGIN = '300px 0px';


/** `template` with `{name}` replaced by `params.name`. */
function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The translator of the panel's own texts in `language` (English for a language it lacks). */
export function rulesTranslator(language) {
  const texts = TEXTS[language] ?? en;
  return (key, params = {}) => fill(texts[key] ?? en[key] ?? key, params);
}

/** A refusal of the viewed step worded in the panel's language. */
export function refusalText(tr, event, guard) {
  const held = guard.holds ? guard.holds.ballot : '';
  return tr(`refusal.${refusalKind(guard.rule)}`, {
    node: serverLabel(event.node),
    message: event.message_text,
    promised: guard.promised,
    ballot: guard.ballot,
    holds: guard.holds ? proposalText(guard.holds) : '',
    held,
    rule: tr(`label.${RULES[guard.rule]}`),
  });
}

export class RulesPanel {
  /**
   * Makes the panel's section and puts it before `before` (the event list's panel).
   * @param load () => the aids module (tests pass their own)
   */
  constructor(before, load = () => Promise.all([loadAidsModule(), loadStylesheet(before.ownerDocument, 'web/rules/rules.css')]).then(([aids]) => aids)) {
    const doc = before.ownerDocument;
    this.doc = doc;
    this.load = load;
    this.aids = null;
    this.loading = null;
    this.drawn = null;
    this.heading = h(doc, 'h2', { id: 'rules-heading' });
    this.intro = h(doc, 'p', { class: 'rules-intro' });
    this.list = h(doc, 'ol', { class: 'rules-list' });
    this.stepLine = h(doc, 'p', { class: 'rules-step', 'aria-live': 'polite' });
    this.refusals = h(doc, 'div', { class: 'rules-refusals' });
    this.section = h(doc, 'section', {
      id: 'rules-panel', class: 'panel panel-rules', 'aria-labelledby': 'rules-heading', 'data-ready': 'false',
    }, this.heading, this.intro, this.stepLine, this.refusals, this.list);
    before.before(this.section);
    const Observer = doc.defaultView?.IntersectionObserver;
    this.observer = Observer ? new Observer((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.start();
    }, { rootMargin: NEAR_MARGIN }) : null;
    if (this.observer) this.observer.observe(this.section);
    else this.start();
    this.section.addEventListener('focusin', () => this.start());
  }

  /** Fetches the aids module (once; a failure is said in the panel and retried on the next render). */
  start() {
    this.loading ??= this.load().then((aids) => {
      this.observer?.disconnect();
      this.aids = aids;
      if (this.last) this.render(...this.last);
    }, (error) => {
      this.loading = null;
      this.error = error.message;
      if (this.last) this.render(...this.last);
    });
    return this.loading;
  }

  /** Draws the viewed step of `store`'s run; `t` gives the page's language. */
  render(store, t) {
    this.last = [store, t];
    const tr = rulesTranslator(t.language);
    setText(this.heading, tr('heading'));
    setText(this.intro, tr('intro'));
    if (!this.aids) {
      setText(this.stepLine, this.error ? tr('failed', { reason: this.error }) : tr('loading'));
      return;
    }
    const key = `${store.runVersion} ${store.step} ${t.language}`;
    if (this.drawn === key) return;
    this.drawn = key;
    const mirror = followedMirror(this.aids, store, sharedMirrorCache(store));
    this.drawRules(tr, [...mirror.protocolRules()]);
    const records = store.step > 0 ? mirror.rules(store.step) : [];
    const events = store.trace.steps.get(store.step)?.events ?? [];
    const active = new Set(records.map((record) => record.rule).filter((rule) => rule !== null));
    for (const item of this.list.children) {
      const on = String(active.has(Number(item.dataset.rule)));
      if (item.dataset.active !== on) item.dataset.active = on;
    }
    const labels = [...active].sort((a, b) => a - b).map((rule) => tr(`label.${RULES[rule]}`));
    setText(this.stepLine, labels.length ? tr('step', { rules: labels.join(', ') }) : tr('step.none'));
    const lines = records.flatMap((record, index) => (record.guard && events[index]
      ? [h(this.doc, 'p', { class: 'rules-refusal', 'data-rule': record.guard.rule, text: refusalText(tr, events[index], record.guard) })]
      : []));
    this.refusals.replaceChildren(...lines);
    this.section.dataset.ready = 'true';
  }

  /** The protocol's rules, remade only when the protocol's list or the language changes. */
  drawRules(tr, numbers) {
    const key = `${numbers.join(',')} ${tr('heading')}`;
    if (this.listKey === key) return;
    this.listKey = key;
    this.list.replaceChildren(...numbers.map((number) => h(this.doc, 'li', { class: 'rule', 'data-rule': number, 'data-active': 'false' },
      h(this.doc, 'span', { class: 'rule-label', text: tr(`label.${RULES[number]}`) }),
      h(this.doc, 'span', { class: 'rule-text', text: tr(`rule.${RULES[number]}`) }))));
  }
}
