// English texts for Multi-Paxos: its presets and protocols. Not part of what the page loads
// when it opens (its 100 kB budget): the Multi-Paxos module brings them along, as the aids
// bring theirs (web/aids/texts-en.js). Same keys as the page's dictionary.
export default {
  'protocol.multi-paxos.name': 'Multi-Paxos (a replicated log)',
  'protocol.multi-paxos.rules': 'A log of slots, one Paxos instance each, with one shared promise. A server with a client’s command runs for leader: Prepare n [slots s..] from its first slot not known to be chosen; an acceptor promises n for every slot and reports, per slot, the highest-numbered proposal it accepted. With promises from a Q1 quorum the leader proposes again the highest reported command in each slot, no-op in each slot nobody reported (a hole), then its clients’ commands after them. While n stands, each command takes one round: Accept n #slot command, accepted unless a higher number was promised. Chosen when a Q2 quorum has accepted the same proposal in a slot; the leader tells the others (Decide), and every server applies the chosen commands in slot order.',
  'protocol.multi-paxos-skip-phase1.name': 'Multi-Paxos, skipping phase 1 (broken)',
  'protocol.multi-paxos-skip-phase1.rules': 'Like Multi-Paxos, but a server that wants to lead goes straight to phase 2 with its fresh number. Nobody tells it what may already be chosen in its slots, so it can put its own command where another one was chosen.',
  'protocol.multi-paxos-no-repropose.name': 'Multi-Paxos, not re-proposing (broken)',
  'protocol.multi-paxos-no-repropose.rules': 'Like Multi-Paxos, but the new leader ignores what the promises report and puts its own commands from its first unknown slot on: a command already chosen there is overwritten.',

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
};
