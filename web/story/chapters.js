// The story's chapters, in the seed's order: which preset each figure plays, the moment it
// holds at, and the questions asked there. Moments and answers are patterns over the core's
// records (web/story/record.js), so they follow the presets if their schedules change; the
// words are in texts-<language>.js under the same ids. Node numbers are the core's (1 = S1).
//
// A question: `moment` (where the figure is when it is asked), `fact` (where the core's
// record says what happens next) and `options` (names the fact's answer can take). Exactly
// one option is the core's answer: tests/unit/story.test.mjs runs every question against
// the real core.

const CHOSEN = { type: 'chosen' };
const VALUE_CHOSEN = { from: 'outcome', read: 'verdict.chosen', absent: 'none' };

export const CHAPTERS = Object.freeze([
  {
    id: '1',
    figures: [{ preset: 'seed-1', view: 'spacetime', hold: { at: CHOSEN } }],
    questions: [
      { id: 'a', moment: { at: CHOSEN }, fact: VALUE_CHOSEN, options: ['X', 'Y', 'none'] },
      {
        id: 'b',
        moment: { before: { type: 'deliver', from: 5, to: 2 } },
        fact: { from: 'event', match: { type: 'send', from: 2, to: 5 }, read: 'message.type' },
        options: ['Accepted', 'Reject'],
      },
    ],
  },
  {
    id: '2',
    figures: [{ preset: 'seed-2', view: 'spacetime', hold: { at: { type: 'stuck' } } }],
    questions: [
      {
        id: 'a',
        moment: { before: { type: 'deliver', from: 3, to: 2 } },
        fact: { from: 'event', match: { type: 'send', from: 2, to: 3 }, read: 'message.type' },
        options: ['Accepted', 'Reject'],
      },
      { id: 'b', moment: { at: { type: 'stuck' } }, fact: VALUE_CHOSEN, options: ['X', 'Y', 'Z', 'none'] },
    ],
  },
  {
    id: '3',
    figures: [{ preset: 'seed-3', view: 'spacetime', hold: { at: CHOSEN } }],
    questions: [
      {
        id: 'a',
        moment: { before: { type: 'deliver', from: 5, to: 4 } },
        fact: { from: 'event', match: { type: 'note', node: 4, note: { note: 'accepted' } }, read: 'note.proposal.value' },
        options: ['Z', 'Y'],
      },
      { id: 'b', moment: { at: CHOSEN }, fact: { from: 'outcome', read: 'verdict.outcome' }, options: ['chosen', 'violated', 'stuck'] },
    ],
  },
  {
    id: '4',
    figures: [{ preset: 'seed-4', view: 'spacetime', hold: { at: { type: 'stuck' } } }],
    questions: [
      {
        id: 'a',
        moment: { before: { type: 'note', node: 5, note: { note: 'attempt', attempt: 2 } } },
        fact: { from: 'event', match: { type: 'note', node: 5, note: { note: 'attempt', attempt: 2 } }, read: 'note.proposal.value' },
        options: ['X', 'Y', 'Z'],
      },
      { id: 'b', moment: { before: { type: 'deliver', from: 5, to: 4 } }, fact: VALUE_CHOSEN, options: ['X', 'Y', 'Z', 'none'] },
    ],
  },
  {
    id: '5',
    figures: [{ preset: 'seed-5', view: 'spacetime', hold: { at: { type: 'deliver', to: 5, message: { type: 'Promise', accepted: {} } } } }],
    questions: [
      {
        id: 'a',
        moment: { at: { type: 'deliver', to: 5, message: { type: 'Promise', accepted: {} } } },
        fact: { from: 'event', match: { type: 'send', from: 5, message: { type: 'Accept' } }, read: 'message.proposal.value' },
        options: ['X', 'Y'],
      },
      {
        id: 'b',
        moment: { at: { type: 'deliver', to: 5, message: { type: 'Promise', accepted: {} } } },
        fact: { from: 'event', match: { type: 'note', node: 5, note: { note: 'phase-two' } }, read: 'note.adopted.0' },
        options: ['2', '3', '4'],
      },
      {
        id: 'c',
        moment: { before: { type: 'deliver', from: 1, to: 3, message: { type: 'Accept' } } },
        fact: { from: 'event', match: { type: 'send', from: 3, to: 1 }, read: 'message.type' },
        options: ['Accepted', 'Nack'],
      },
    ],
  },
  {
    id: '6',
    figures: [{ preset: 'paxos-basic', view: 'all', hold: { at: CHOSEN } }],
    questions: [
      {
        id: 'a',
        moment: { before: { type: 'note', node: 1, note: { note: 'phase-two' } } },
        fact: { from: 'event', match: { type: 'note', node: 1, note: { note: 'phase-two' } }, read: 'note.promises.length' },
        options: ['2', '3', '5'],
      },
      {
        id: 'b',
        moment: { before: CHOSEN },
        fact: { from: 'event', match: CHOSEN, read: 'chosen.quorum.length' },
        options: ['3', '5'],
      },
    ],
  },
  {
    id: '7',
    figures: [
      { preset: 'livelock', view: 'spacetime', hold: { at: { type: 'livelock' } } },
      { preset: 'livelock-backoff', view: 'spacetime', hold: { at: CHOSEN } },
      { preset: 'livelock-leader', view: 'spacetime', hold: { at: CHOSEN } },
    ],
    questions: [
      { id: 'a', moment: { at: { type: 'livelock' } }, fact: { from: 'outcome', read: 'verdict.violations.length' }, options: ['0', '1'], figure: 0 },
      {
        id: 'b',
        moment: { before: { type: 'note', node: 1, note: { note: 'phase-two' } } },
        fact: { from: 'event', match: { type: 'note', node: 1, note: { note: 'phase-two' } }, read: 'note.proposal.value' },
        options: ['X', 'Y'],
        figure: 2,
      },
    ],
  },
]);

/** Every question, with its chapter: `{chapter, question, key}`, key as in the address (`5b`). */
export function allQuestions(chapters = CHAPTERS) {
  return chapters.flatMap((chapter) => chapter.questions.map((question) => ({ chapter, question, key: `${chapter.id}${question.id}` })));
}
