// The protocols' names (en): only the settings dialog and the aids below the cluster write
// them, so each of their modules carries them (web/controls/settings.js, web/controls/aids.js),
// not the page.
export default {
  'protocol.basic-paxos.name': 'Basic Paxos (two phases)',
  'protocol.one-phase-first.name': 'One phase, first value wins (seed §1–2)',
  'protocol.one-phase-highest.name': 'One phase, higher number wins (seed §3)',
  'protocol.one-phase-adopt.name': 'One phase, discover and re-propose (seed §3b/4)',
  'protocol.multi-paxos.name': 'Multi-Paxos (a replicated log)',
  'protocol.multi-paxos.rules': 'A log of slots, one Paxos instance each, with one shared promise. A server with a client’s command runs for leader: Prepare n [slots s..] from its first slot not known to be chosen; an acceptor promises n for every slot and reports, per slot, the highest-numbered proposal it accepted. With promises from a Q1 quorum the leader proposes again the highest reported command in each slot, no-op in each slot nobody reported (a hole), then its clients’ commands after them. While n stands, each command takes one round: Accept n #slot command, accepted unless a higher number was promised. Chosen when a Q2 quorum has accepted the same proposal in a slot; the leader tells the others (Decide), and every server applies the chosen commands in slot order.',
  'protocol.multi-paxos-skip-phase1.name': 'Multi-Paxos, skipping phase 1 (broken)',
  'protocol.multi-paxos-skip-phase1.rules': 'Like Multi-Paxos, but a server that wants to lead goes straight to phase 2 with its fresh number. Nobody tells it what may already be chosen in its slots, so it can put its own command where another one was chosen.',
  'protocol.multi-paxos-no-repropose.name': 'Multi-Paxos, not re-proposing (broken)',
  'protocol.multi-paxos-no-repropose.rules': 'Like Multi-Paxos, but the new leader ignores what the promises report and puts its own commands from its first unknown slot on: a command already chosen there is overwritten.',
  'protocol.seed-phase2.name': 'Two phases, the seed’s wording of phase 2 (no promise check)',
};
