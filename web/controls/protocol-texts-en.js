// The protocols' names (en): only the settings dialog and the aids below the cluster write
// them, so each of their modules carries them (web/controls/settings.js, web/controls/aids.js),
// not the page.
export default {
  'protocol.basic-paxos.name': 'Basic Paxos (two phases)',
  'protocol.one-phase-first.name': 'One phase, first value wins (seed §1–2)',
  'protocol.one-phase-highest.name': 'One phase, higher number wins (seed §3)',
  'protocol.one-phase-adopt.name': 'One phase, discover and re-propose (seed §3b/4)',
  'protocol.seed-phase2.name': 'Two phases, the seed’s wording of phase 2 (no promise check)',
};
