// The model-checker panel and the "Can you break it?" panel, drawn from the aids' state.
// A check's progress is a real <progress> element (states explored, against the bound) with
// the rate, depth and memory in words; its result says exactly what was shown: a
// counterexample, a proof within the configuration, or no violation within the bound.
import { h } from '../dom.js';
import { CHALLENGES, formatCount, megabytes, progressFigures, verdictOf } from '../aids/checker.js';
import { eventText } from '../events-text.js';

/** The sentence for a check's state: running, failed, or what its result shows. */
export function checkSentence(check, t) {
  const language = t.language;
  if (check.status === 'running') return t('check.running');
  if (check.status === 'error') return t('check.error', { reason: check.error });
  if (check.status !== 'done') return '';
  const verdict = verdictOf(check.summary, { cancelled: check.cancelled });
  const figures = {
    states: formatCount(check.summary.distinct_states, language), depth: check.summary.depth, moves: verdict.moves.length,
    // What the search holds when it stops, as the progress and the core's reason say it
    // (the peak, a moment higher, was a third figure for the same thing).
    megabytes: megabytes(check.summary.memory_bytes),
  };
  // Cut short by the memory bound, not the state bound the progress bar shows: said so.
  const key = verdict.kind === 'bounded' && check.summary.limit === 'memory' ? 'memory' : verdict.kind;
  return t(`check.verdict.${key}`, figures);
}

function renderMoves(list, moves) {
  const doc = list.ownerDocument;
  list.replaceChildren(...moves.map((move) => h(doc, 'li', {}, h(doc, 'code', { text: move }))));
  list.hidden = moves.length === 0;
}

export function renderCheckerPanel(doc, check, preview, t) {
  const $ = (id) => doc.getElementById(id);
  const { job, notes, statesMax } = preview;
  $('check-job').textContent = t('check.job', {
    protocol: t(`protocol.${job.protocol}.name`), nodes: job.nodes, q1: job.quorum_phase1, q2: job.quorum_phase2, proposers: job.proposers,
  });
  $('check-notes').replaceChildren(...notes.map((note) => h(doc, 'li', { text: t(note.key, note) })));
  const running = check.status === 'running';
  $('check-run').disabled = running;
  $('check-cancel').disabled = !running;
  const progress = $('check-progress');
  progress.max = statesMax;
  const figures = check.progress ? progressFigures(check.progress, check.seconds) : null;
  progress.value = figures ? Math.min(figures.states, statesMax) : 0;
  $('check-progress-label').textContent = t('check.progressLabel', { max: formatCount(statesMax, t.language) });
  const stats = figures ? t('check.stats', {
    states: formatCount(figures.states, t.language), rate: formatCount(figures.rate, t.language), depth: figures.depth, megabytes: figures.megabytes,
  }) : t('check.statsNone');
  $('check-stats').textContent = stats;
  progress.setAttribute('aria-valuetext', stats);
  const panel = $('checker-panel');
  panel.dataset.status = check.status;
  const verdict = check.status === 'done' ? verdictOf(check.summary, { cancelled: check.cancelled }) : null;
  panel.dataset.verdict = verdict?.kind ?? '';
  $('check-result').textContent = checkSentence(check, t);
  // What was found: the core's record of the violation, in the page's language; else the
  // checker's own sentence, which is English (shown only on the English page).
  const reason = $('check-reason');
  const finding = check.status === 'done' ? check.finding : null;
  reason.textContent = finding ? eventText(finding, t) : check.status === 'done' && t.language === 'en' ? check.summary.reason ?? '' : '';
  reason.lang = t.language;
  reason.hidden = !reason.textContent;
  renderMoves($('check-moves'), verdict?.moves ?? []);
  $('check-animate').hidden = !(verdict && verdict.moves.length > 0);
}

/** The challenge list, in the page's language (rebuilt only when the language changes). */
function renderChallengeChoices(select, pick, t) {
  if (select.dataset.language !== t.language) {
    select.dataset.language = t.language;
    select.replaceChildren(...CHALLENGES.map((c) => h(select.ownerDocument, 'option', { value: c.id, text: t(`challenge.${c.id}.name`) })));
  }
  select.value = pick;
}

/**
 * @param challenge the aids' challenge state (null when none runs)
 * @param standing challengeState() of the run on screen, or null when the run is not the challenge's
 */
export function renderChallengePanel(doc, pick, challenge, standing, t) {
  const $ = (id) => doc.getElementById(id);
  renderChallengeChoices($('challenge-pick'), challenge?.id ?? pick, t);
  $('challenge-rules').textContent = t(`challenge.${challenge?.id ?? pick}.rules`);
  const panel = $('challenge-panel');
  panel.dataset.active = challenge ? 'true' : 'false';
  $('challenge-play').hidden = !challenge;
  $('challenge-start').textContent = t(challenge ? 'challenge.restart' : 'challenge.start');
  if (!challenge) {
    panel.dataset.broken = 'false';
    return;
  }
  const check = challenge.check;
  const verdict = check.status === 'done' ? verdictOf(check.summary, { cancelled: check.cancelled }) : null;
  let known;
  if (check.status === 'running' || check.status === 'idle') known = t('challenge.checking');
  else if (check.status === 'error') known = t('check.error', { reason: check.error });
  else if (verdict.kind === 'violated') known = t('challenge.shortestKnown', { moves: verdict.moves.length });
  else if (verdict.kind === 'holds') known = t('challenge.unbreakableKnown');
  else known = checkSentence(check, t);
  $('challenge-known').textContent = known;

  const broken = Boolean(standing?.broken);
  panel.dataset.broken = broken ? 'true' : 'false';
  let moves;
  let outcome;
  if (challenge.showing) {
    moves = '';
    outcome = verdict?.kind === 'holds'
      ? t('challenge.unbreakable', { states: formatCount(check.summary.distinct_states, t.language) })
      : t('challenge.showing', { moves: verdict?.moves.length ?? 0 });
  } else if (!standing) {
    moves = '';
    outcome = t('challenge.away');
  } else {
    moves = t('challenge.moves', { moves: standing.moves });
    outcome = broken ? wonSentence(standing.brokenAt, verdict, t) : t('challenge.goal');
  }
  $('challenge-moves').textContent = moves;
  $('challenge-moves').hidden = !moves;
  $('challenge-outcome').textContent = outcome;
  $('challenge-outcome').classList.toggle('celebrate', broken && !challenge.showing);
  $('challenge-giveup').textContent = t(broken ? 'challenge.showShortest' : 'challenge.giveUp');
  $('challenge-giveup').hidden = Boolean(challenge.showing) || verdict?.kind === 'holds' && broken;
}

/** "You broke it in 5 moves! The checker's shortest way takes 4." (or as short, or still looking). */
export function wonSentence(moves, verdict, t) {
  if (!verdict || verdict.kind !== 'violated') return t('challenge.wonPending', { moves });
  const shortest = verdict.moves.length;
  if (moves <= shortest) return t('challenge.wonShortest', { moves });
  return t('challenge.won', { moves, shortest });
}
