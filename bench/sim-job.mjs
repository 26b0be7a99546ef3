// The simulator-model checker job both checker benches run (bench/check-sim.mjs,
// bench/check-memory.mjs): Basic Paxos on `nodes` servers with majority quorums, two
// proposers, one attempt each, and the panel's other defaults, changed by `options`.
export function simJob(nodes, options = {}) {
  return {
    model: 'sim', protocol: 'basic-paxos', nodes, quorum_phase1: Math.floor(nodes / 2) + 1,
    quorum_phase2: Math.floor(nodes / 2) + 1, proposers: 2, attempts: 1, timeouts: false, drops: false,
    duplicates: 0, crashes: 0, amnesia: false, nacks: true, in_flight_max: 12, symmetry: true, ...options,
  };
}
