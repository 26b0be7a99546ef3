// The observer panel and the scenario card's outcome for a Multi-Paxos run. The page's
// observer (web/views/observer.js) words one chosen value; a log has one per slot, so for a
// run with logs this writes the facts instead: each slot the observer saw chosen (the core's
// `slots_chosen`, Lamport's definition) with the quorum that chose it. The verdict itself
// (badge, violations' presence, stuck, livelock) stays the page's: it is the core's.
import { h, setText } from '../dom.js';
import { proposalText, serverSetText } from '../format.js';
import { headline } from '../views/observer.js';

/** The chosen slots in the page's words, one line each. */
export function chosenSlotLines(t, slotsChosen) {
  return slotsChosen.map((c) => t('log.observer.chosen', {
    slot: c.slot, op: c.entry.value, step: c.step, entry: proposalText(c.entry), quorum: serverSetText(c.quorum),
  }));
}

/**
 * Rewrites `section`'s facts and explanation for a run with logs when it is safe (violations,
 * stuck and livelock are worded by the page from the core's records); a run without logs
 * gets the page's own list back.
 */
export function renderLogObserver(section, snapshot, t, isLog) {
  const doc = section.ownerDocument;
  const pageList = section.querySelector('.verdict-facts:not(.log-facts)');
  let list = section.querySelector('.log-facts');
  const ours = isLog && headline(snapshot.verdict) === 'safe';
  if (!ours) {
    pageList.hidden = false;
    if (list) list.hidden = true;
    return;
  }
  if (!list) {
    list = h(doc, 'ul', { class: 'verdict-facts log-facts' });
    pageList.after(list);
  }
  pageList.hidden = true;
  list.hidden = false;
  const chosen = snapshot.slots_chosen ?? [];
  const lines = chosen.length ? chosenSlotLines(t, chosen) : [t('log.observer.nothing')];
  // The page's facts past its first line (pre-emptions so far, a livelock that ended) hold
  // for a log as they are: kept, after the slots.
  const more = [...pageList.querySelectorAll('li:not(:first-child)')].map((li) => h(doc, 'li', { class: li.className, text: li.textContent }));
  list.replaceChildren(...lines.map((text) => h(doc, 'li', { class: 'fact', text })), ...more);
  setText(section.querySelector('.verdict-explanation'), t(chosen.length ? 'log.explain.chosen' : 'log.explain.undecided'));
}

/**
 * The card's outcome for a Multi-Paxos run that is not its preset's: how the whole run ends,
 * with the chosen log as the core sums it up (`verdict.chosen`: "#1 set x 1, #2 no-op").
 * Null where the page's own sentence is right (a violation, stuck, livelock).
 */
export function logOutcomeSentence(t, outcome) {
  const kind = headline(outcome.verdict);
  if (kind !== 'safe') return null;
  const fact = outcome.verdict.chosen ? t('log.outcome.chosen', { log: outcome.verdict.chosen }) : t('log.observer.nothing');
  return t('scenario.runOutcome', { outcome: t(`outcome.${kind}`), fact, steps: outcome.steps });
}
