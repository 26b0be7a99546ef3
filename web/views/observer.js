// The observer panel: the verdict at the viewed step, in one word (SAFE, VIOLATED, STUCK,
// LIVELOCK), the facts behind it (the step, the values, the quorums, the ladder of
// proposal numbers) and one sentence saying what it means. Pure function of the snapshot
// and the trace, redrawn on every step.
import { h, setText } from '../dom.js';
import { ladderText, proposalText, serverSetText } from '../format.js';

/** The verdict's headline: what the badge says and how the panel is styled. */
export function headline(verdict) {
  switch (verdict.outcome) {
    case 'violated':
      return 'violated';
    case 'stuck':
      return 'stuck';
    case 'livelock':
      return 'livelock';
    default:
      return 'safe';
  }
}

function chosenLine(t, chosen) {
  return t('observer.chosenBy', {
    value: chosen.proposal.value, proposal: proposalText(chosen.proposal), step: chosen.step, quorum: serverSetText(chosen.quorum),
  });
}

function violationLine(t, violation) {
  switch (violation.property) {
    case 'agreement': {
      const { first, second } = violation;
      let text = t('observer.agreement', {
        step: second.step, first: first.proposal.value, second: second.proposal.value,
        firstQuorum: serverSetText(first.quorum), secondQuorum: serverSetText(second.quorum), firstStep: first.step,
      });
      if (violation.second_promises) {
        const meet = violation.second_promises.filter((id) => first.quorum.includes(id));
        text += ' ' + (meet.length === 0
          ? t('observer.promisesMissed', { promises: serverSetText(violation.second_promises), quorum: serverSetText(first.quorum) })
          : t('observer.promisesMet', { promises: serverSetText(violation.second_promises), meet: serverSetText(meet), value: first.proposal.value }));
      }
      return text;
    }
    case 'stability':
      return t('observer.stability', {
        step: violation.step, value: violation.chosen.proposal.value, chosenStep: violation.chosen.step,
        quorum: serverSetText(violation.chosen.quorum), holders: serverSetText(violation.holders),
      });
    case 'validity':
      return t('observer.validity', { step: violation.chosen?.step ?? '?', value: violation.chosen?.proposal.value ?? '?' });
    default:
      // Another protocol's property (Multi-Paxos' log consistency): its words come with it.
      return t(`observer.${violation.property}`, violation);
  }
}

/**
 * One sentence for how a whole run ends (`outcome`: the core's `Playground.outcome()`),
 * for the scenario card: the headline word and the first fact behind it.
 */
export function outcomeSentence(t, outcome) {
  const { verdict } = outcome;
  const kind = headline(verdict);
  let fact;
  if (kind === 'violated') fact = violationLine(t, verdict.violations[0]);
  else if (kind === 'stuck') fact = t('observer.stuckFrom', { step: verdict.stuck_step });
  else if (kind === 'livelock') fact = t('observer.livelockSince', { step: verdict.livelock_step, count: verdict.preemptions });
  else if (outcome.chosen) fact = chosenLine(t, outcome.chosen);
  else fact = t('observer.nothingChosen');
  return t('scenario.runOutcome', { outcome: t(`outcome.${kind}`), fact, steps: outcome.steps });
}

/** The most recent mark of `type` at or before `step` (the stuck finding's holders). */
function lastMark(trace, type, step) {
  let found = null;
  for (const mark of trace.marks) if (mark.type === type && mark.step <= step) found = mark;
  return found;
}

export function renderObserver(section, store, t) {
  const doc = section.ownerDocument;
  const snapshot = store.snapshot();
  const { verdict, liveness } = snapshot;
  const kind = headline(verdict);
  if (section.dataset.outcome !== kind) section.dataset.outcome = kind;
  if (section.dataset.verdict !== verdict.outcome) section.dataset.verdict = verdict.outcome;
  const facts = [];
  let explanation;

  if (kind === 'violated') {
    for (const violation of verdict.violations) {
      facts.push([`fact violation property-${violation.property}`, violationLine(t, violation)]);
    }
    explanation = t(`explain.${verdict.violations[0]?.property ?? 'agreement'}`);
  } else if (kind === 'stuck') {
    const mark = lastMark(store.trace, 'stuck', snapshot.step);
    const holders = mark ? mark.holders.map(([value, ids]) => `${value} ${serverSetText(ids)}`).join(', ') : '';
    facts.push(['fact', t('observer.stuckSince', { step: verdict.stuck_step, holders })]);
    explanation = t('explain.stuck');
  } else if (kind === 'livelock') {
    facts.push(['fact', t('observer.livelockSince', { step: verdict.livelock_step, count: verdict.preemptions })]);
    facts.push(['fact ladder', t('observer.ladder', { ladder: ladderText(liveness.ladder) })]);
    explanation = t('explain.livelock');
  } else if (snapshot.chosen[0]) {
    // (A Multi-Paxos log chosen has no single value: web/multi/observer.js words it.)
    facts.push(['fact', chosenLine(t, snapshot.chosen[0])]);
    explanation = t('explain.chosen', { value: verdict.chosen });
  } else {
    facts.push(['fact', t('observer.nothingChosen')]);
    if (liveness.preemptions > 0) {
      facts.push(['fact ladder', t('observer.preemptions', { count: liveness.preemptions, ladder: ladderText(liveness.ladder) })]);
    }
    explanation = t('explain.undecided');
  }
  if (kind !== 'livelock' && verdict.livelock_step !== null) {
    facts.push(['fact past-livelock', t('observer.livelockEnded', { step: verdict.livelock_step, count: verdict.preemptions_peak })]);
  }

  // Each part is written only when its text changed (most steps change only the step line).
  setText(section.querySelector('.verdict-badge'), t(`outcome.${kind}`));
  setText(section.querySelector('.verdict-step'), t('observer.atStep', { step: snapshot.step, steps: store.steps }));
  const list = section.querySelector('.verdict-facts');
  const key = JSON.stringify(facts);
  if (shownFacts.get(list) !== key) {
    shownFacts.set(list, key);
    list.replaceChildren(...facts.map(([cls, text]) => h(doc, 'li', { class: cls, text })));
  }
  setText(section.querySelector('.verdict-explanation'), explanation);
}

/** list element -> the facts it shows (as JSON). */
const shownFacts = new WeakMap();
