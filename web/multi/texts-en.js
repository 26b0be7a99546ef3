// English texts for Multi-Paxos: its presets and protocols. Not part of what the page loads
// when it opens (its 100 kB budget): the Multi-Paxos module brings them along, as the aids
// bring theirs (web/aids/texts-en.js). Same keys as the page's dictionary.
export default {

  'preset.multi-steady.title': 'Multi-Paxos: phase 1 once, then one round trip per command',
  'preset.multi-steady.story': 'S1 gets a client’s command, runs phase 1 once (Prepare 11 [slots 1..]) and becomes the leader. While its number stands it skips phase 1: each later command costs one round trip (Accept, Accepted) and a Decide to the others. The read goes through the log as well, so every server reads x = 1 at slot 3.',
  'preset.multi-steady.outcome': 'Outcome: SAFE, the log #1 set x 1, #2 set y 2, #3 get x is chosen and applied everywhere.',
  'preset.multi-recovery.title': 'Multi-Paxos: a new leader re-proposes a slot and fills a hole',
  'preset.multi-recovery.story': 'S1 leads and gets set x 1 chosen in slot 1. It proposes set y 2 for slot 2 and set z 3 for slot 3, but only S4 accepts slot 3 before S1 crashes. S5 runs phase 1 from slot 2 with S3 and S4. S4 reports (11,set z 3), so S5 proposes set z 3 again in slot 3: it may have been chosen. Nobody in its quorum reports slot 2, so nothing can have been chosen there, and S5 fills the hole with no-op; its own command goes to slot 4. Restarted, S1 replaces its set y 2 with no-op and applies the same log as S5: an unchosen command can be lost, and a client would send it again.',
  'preset.multi-recovery.outcome': 'Outcome: SAFE, #1 set x 1, #2 no-op, #3 set z 3 are chosen.',
  'preset.multi-duel.title': 'Multi-Paxos: two servers run for leader at once; one steps down',
  'preset.multi-duel.story': 'S1 and S5 get commands at the same moment and both run for leader. S5’s 15 pre-empts S1’s 11: S1 steps down and backs off. S5 leads and gets set y 5 chosen in slot 1, but S1 comes back with 21 and pre-empts S5 in turn. S1’s phase 1 hears of (15,set y 5) in slot 1, so it proposes set y 5 there again and its own set x 1 in slot 2. S5 backs off, runs once more, and finds both slots chosen.',
  'preset.multi-duel.outcome': 'Outcome: SAFE, #1 set y 5, #2 set x 1 are chosen; the duel ends without a livelock.',
  'preset.multi-partition.title': 'Multi-Paxos: a partitioned old leader is refused by number after the heal',
  'preset.multi-partition.story': 'S1 leads and gets set x 1 chosen. A partition cuts S1 off; still believing it leads, it puts set x 2 in slot 2, which only S1 itself accepts. On the majority side S5 runs phase 1 with 15 and gets set y 5 chosen in slot 2. After the heal, S1’s Accept 11 for slot 3 is refused by every other acceptor, which promised 15, and a Nack tells S1 it was deposed. It runs again with 21, hears of (15,set y 5) in slot 2, which outranks its own (11,set x 2), and proposes set y 5 there, then set x 3 in slot 3.',
  'preset.multi-partition.outcome': 'Outcome: SAFE, #1 set x 1, #2 set y 5, #3 set x 3 are chosen; the old leader’s set x 2 never is.',

  // Multi-Paxos' event lines (web/events-text.js words them from records shaped by
  // web/multi/events.js); the English reproduces the core's lines (tests/unit/multi.test.mjs).
  'ev.request': 'request {node} {op}',
  'ev.slot-chosen': 'CHOSEN #{slot} {op} at step {at}: {entry} accepted by {quorum}',
  'ev.note.request-refused': '{node} refuses {op}: 16 requests are already waiting',
  'ev.note.campaign': '{node} attempt {attempt}: runs for leader with {ballot} for slots {first}..',
  'ev.note.leading': '{node} has promises {promises}: leads with {ballot} from slot {first}',
  'ev.note.skipped-phase-one': '{node} leads with {ballot} from slot {first} without phase 1',
  'ev.note.reproposed': '{node} re-proposes #{slot} {op}: {reported} reported by {from}',
  'ev.note.filled': '{node} fills the hole #{slot} with no-op',
  'ev.note.ignored': '{node} ignores {reported} reported for #{slot} by {from}',
  'ev.note.placed': '{node} proposes {op} for #{slot} with {ballot}',
  'ev.note.log-full': '{node} has no slot for {op}: the log\u2019s 16 slots are used',
  'ev.note.slot-accepted': '{node} accepts #{slot} {entry}',
  'ev.note.slot-accepted.replacing': '{node} accepts #{slot} {entry}, replacing {replaced}',
  'ev.note.slot-learned': '{node} learns #{slot} {op} is chosen: accepted by {quorum}',
  'ev.note.slot-learned.told': '{node} learns #{slot} {op} is chosen',
  'ev.note.applied': '{node} applies #{slot} {op}',
  'ev.note.applied.read': '{node} applies #{slot} {op}: {key} is {read}',
  'ev.note.applied.unset': '{node} applies #{slot} {op}: {key} is not set',
  'ev.note.stepped-down': '{node} steps down from {ballot}',
  'ev.note.gave-up-op': '{node} gives up on {op}',
  'ev.note.forgot-log': '{node} forgot its promise {promised} and what it accepted in {slots} slots (amnesia)',
};
