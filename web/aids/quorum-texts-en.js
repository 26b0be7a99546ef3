// The English texts only the quorum aid writes (its facts, its choices, its overlay's labels):
// shipped inside the aid's module (web/controls/quorum-view.js), which the page loads the first
// time there is a quorum to show, so the page's language file does not carry them. The panel's
// static markup, its legend and its "nothing yet" line stay in web/i18n/en.js.
export default {
  'quorum.optionPhase2': '{proposal} from {server} (phase 2 at step {step})',
  'quorum.optionChosen': '{value} chosen at step {step}',
  'quorum.proposalLine': '{proposal}, proposed by {server}: its phase 2 began at step {step}.',
  'quorum.chosenLine': '{value}, chosen at step {step}.',
  'quorum.promises': 'Promise quorum (phase 1) for {ballot}: {set}.',
  'quorum.noPhase1': 'No promise quorum: this protocol has no phase 1, so nobody asks the acceptors what they already hold.',
  'quorum.accepts': 'Accept quorum (phase 2): {set} accepted {proposal}, chosen at step {step}.',
  'quorum.acceptsOnePhase': 'Its quorum: {set} held {proposal} when it was chosen, at step {step}.',
  'quorum.acceptsSoFar': 'Accepted {proposal} so far: {set}.',
  'quorum.acceptsNone': 'Nobody has accepted {proposal} yet.',
  'quorum.ownValue': 'No acceptor in the promise quorum reported an accepted proposal, so {server} was free to propose its own value.',
  'quorum.earlierAccepted': 'Earlier, {proposal} had been accepted by {set}.',
  'quorum.earlierChosen': 'Earlier, {proposal} was chosen by {set} at step {step}.',
  'quorum.meet': 'In both quorums: {set}. This is where the earlier value must get through.',
  'quorum.carried': '{server} reported {earlier} in its Promise {ballot}, so {proposer} proposed {value} again instead of its own value: the earlier value travelled through the intersection.',
  'quorum.forgot': '{server} had accepted {earlier}, but its Promise {ballot} reported nothing: it restarted and forgot. The intersection was there, and carried nothing.',
  'quorum.nothing': '{server} reported no accepted proposal in its Promise {ballot}.',
  'quorum.other': '{server} reported {reported} in its Promise {ballot}.',
  'quorum.adopted': '{server} adopted {proposal}, reported by {from}.',
  'quorum.missing': 'Missing intersection: the promise quorum {promises} shares no server with {quorum}, so nobody could tell {server} about {value}.',
  'quorum.switched': '{set} are in both quorums: they held {first} and simply replaced it by {second}. Nothing made the proposer of {second} learn of {first} first.',
  'quorum.disjoint': 'The quorums {first} and {second} share no server.',
  'quorum.sizesSafe': 'Q1 + Q2 = {q1} + {q2} > N = {n}: every promise quorum meets every accept quorum.',
  'quorum.sizesUnsafe': 'Q1 + Q2 = {q1} + {q2} = {sum}, not more than N = {n}: a promise quorum can miss an accept quorum.',
  'quorum.gap': 'no server in both',
};
