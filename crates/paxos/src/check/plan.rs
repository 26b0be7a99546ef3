//! The page's check of "the scenario on screen": the simulator-model job for a scenario and
//! the panel's options, and the bounds the page runs it under. The page asks for this plan;
//! it does no quorum arithmetic of its own.

use super::sim::SimConfig;
use crate::quorum::{majority, NodeSet};
use crate::scenario::{Command, Scenario};
use serde::{Deserialize, Serialize};

/// The checker handles at most this many servers; the checked copy is clamped to it.
pub const CHECK_NODES_MAX: u8 = 5;
/// Bounds of one check in the page. The largest reference configuration, Basic Paxos with
/// loss and one duplicate (the page's challenge, 781,237 states), holds at most 23.4 MiB by
/// the checker's count and grows the worker's wasm memory by 26.8 MiB, since the checker keeps
/// a fingerprint per state and packs its frontier (docs/BENCHMARKS.md, "Checker: fingerprints
/// and a compact frontier"); it used to take 544 MiB, which set the old bound of 768 MiB.
/// 64 MiB is what a phone can spare for a tab's worker and leaves the challenge more than
/// twice its need: a larger job (5 servers: about 55 bytes a state) stops at this bound, with
/// its message, after some 1.3 million states, before the states bound. The memory bound
/// counts every byte the search holds and holds to within a few percent of the worker's wasm
/// memory.
pub const PAGE_STATES_MAX: u64 = 2_000_000;
pub const PAGE_BYTES_MAX: u64 = 64 * 1024 * 1024;
/// Messages in flight at once in a page check.
pub const IN_FLIGHT_MAX: u8 = 12;

/// The checker panel's choices: the fault budget and the size of the checked copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckOptions {
    pub nodes: u8,
    pub proposers: u8,
    pub attempts: u32,
    pub drops: bool,
    pub duplicates: u8,
    pub crashes: u8,
    pub timeouts: bool,
    pub amnesia: bool,
    pub symmetry: bool,
}

impl CheckOptions {
    /// The panel's starting options for a scenario: a checked copy that keeps the scenario's
    /// point, within the page's bounds.
    ///
    /// * Proposers: as many as the scenario has (two if it has none or one, so that proposals
    ///   can compete): seed §2 needs its three to split the vote, the livelock presets their
    ///   two duellists. Servers: three, or one per proposer (at most the scenario's).
    /// * Attempts: a one-phase scenario that retries gets a second attempt, so that refused
    ///   proposers discover and re-propose (seed §4). A two-phase one keeps one attempt:
    ///   with two, Basic Paxos on three servers passes two million states and the page's
    ///   64 MiB (`PlanNote::Attempts` says so).
    /// * Faults: a crash if the scenario crashes a server or has amnesia; lost messages if it
    ///   drops any, partitions the network or loses messages at random; one duplicate if it
    ///   duplicates any. No timeouts: with one attempt a timeout only makes a proposer give up.
    /// * Symmetry on.
    pub fn for_scenario(scenario: &Scenario) -> CheckOptions {
        let config = &scenario.config;
        let mut proposers = NodeSet::EMPTY;
        let (mut crash, mut drop, mut duplicate) = (config.amnesia, scenario.network.drop_percent > 0, false);
        for command in &scenario.commands {
            match command {
                Command::Propose { node, .. } | Command::Request { node, .. } => proposers.insert(*node),
                Command::Crash(_) => crash = true,
                Command::Drop(_) | Command::Partition(_) => drop = true,
                Command::Duplicate(_) => duplicate = true,
                _ => {}
            }
        }
        duplicate |= scenario.network.duplicate_percent > 0;
        let proposers = proposers.len().clamp(2, CHECK_NODES_MAX);
        let retries = config.retry && config.attempts_max > 1 && config.leader.is_none();
        CheckOptions {
            nodes: proposers.max(3).min(config.nodes).min(CHECK_NODES_MAX),
            proposers,
            attempts: if retries && !config.protocol.has_phase_one() { 2 } else { 1 },
            drops: drop,
            duplicates: u8::from(duplicate),
            crashes: u8::from(crash),
            timeouts: false,
            amnesia: config.amnesia,
            symmetry: true,
        }
    }
}

/// What was scaled down, and to what.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum PlanNote {
    Nodes {
        nodes: u8,
    },
    Quorums {
        q1: u8,
        q2: u8,
    },
    /// The scenario's proposers retry up to `scenario` attempts; the check gives each `checked`.
    Attempts {
        scenario: u32,
        checked: u32,
    },
}

/// A check of a scenario: the job, what was scaled down, and the bounds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// Serialised as the checker's job (`{model: "sim", ...}`), ready for `job::Search`.
    #[serde(serialize_with = "as_sim_job")]
    pub job: SimConfig,
    pub notes: Vec<PlanNote>,
    pub states_max: u64,
    pub bytes_max: u64,
}

fn as_sim_job<S: serde::Serializer>(config: &SimConfig, serializer: S) -> Result<S::Ok, S::Error> {
    super::job::Job::Sim(*config).serialize(serializer)
}

/// The job for `scenario` with `options`: the same protocol, quorum rule and options, on a
/// small cluster (the state space explodes beyond a few servers). Flexible quorums are
/// scaled so that an unsafe choice (Q1 + Q2 <= N) stays unsafe and a safe one safe.
pub fn plan(scenario: &Scenario, options: &CheckOptions) -> Plan {
    let config = &scenario.config;
    let mut notes = Vec::new();
    let nodes = config.nodes.min(options.nodes.max(1)).min(CHECK_NODES_MAX);
    if nodes < config.nodes {
        notes.push(PlanNote::Nodes { nodes });
    }
    let (mut q1, mut q2) = (majority(nodes), majority(nodes));
    let flexible = config.quorum_phase1 != config.quorum_phase2 || config.quorum_phase1 != majority(config.nodes);
    if flexible {
        let unsafe_quorums =
            u32::from(config.quorum_phase1) + u32::from(config.quorum_phase2) <= u32::from(config.nodes);
        // Q2 scaled in proportion, rounded half up (as the page did), within 1..=nodes.
        let scaled = (2 * u32::from(config.quorum_phase2) * u32::from(nodes) + u32::from(config.nodes))
            / (2 * u32::from(config.nodes));
        q2 = (scaled as u8).clamp(1, nodes);
        q1 = if unsafe_quorums { (nodes - q2).max(1) } else { nodes - q2 + 1 };
        notes.push(PlanNote::Quorums { q1, q2 });
    }
    let attempts = options.attempts.max(1);
    if config.retry && attempts < config.attempts_max {
        notes.push(PlanNote::Attempts { scenario: config.attempts_max, checked: attempts });
    }
    let job = SimConfig {
        protocol: config.protocol,
        nodes,
        quorum_phase1: q1,
        quorum_phase2: q2,
        proposers: options.proposers.clamp(1, nodes),
        attempts,
        timeouts: options.timeouts,
        drops: options.drops,
        duplicates: options.duplicates,
        crashes: options.crashes,
        amnesia: options.amnesia,
        nacks: config.nacks,
        in_flight_max: IN_FLIGHT_MAX,
        symmetry: options.symmetry,
    };
    Plan { job, notes, states_max: PAGE_STATES_MAX, bytes_max: PAGE_BYTES_MAX }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Protocol;
    use crate::scenario::parse;

    fn plan_for(script: &str, options: impl FnOnce(&mut CheckOptions)) -> Plan {
        let scenario = parse(script).unwrap();
        let mut o = CheckOptions::for_scenario(&scenario);
        options(&mut o);
        plan(&scenario, &o)
    }

    #[test]
    fn a_five_node_majority_scenario_is_checked_as_a_three_node_majority_one() {
        let p = plan_for("protocol one-phase-highest\n", |_| {});
        let j = p.job;
        assert_eq!(
            (j.protocol, j.nodes, j.quorum_phase1, j.quorum_phase2, j.proposers),
            (Protocol::OnePhaseHighest, 3, 2, 2, 2)
        );
        assert!(j.symmetry && j.nacks && !j.amnesia);
        assert_eq!(p.notes, vec![PlanNote::Nodes { nodes: 3 }]);
        assert_eq!((p.states_max, p.bytes_max, j.in_flight_max), (2_000_000, 64 << 20, 12));
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!((json["job"]["model"].as_str(), json["job"]["nodes"].as_u64()), (Some("sim"), Some(3)));
        assert_eq!(json["notes"][0], serde_json::json!({"kind": "nodes", "nodes": 3}));
    }

    #[test]
    fn amnesia_comes_with_a_crash_and_nacks_follow_the_scenario() {
        let p = plan_for("amnesia on\nnacks off\n", |_| {});
        assert_eq!((p.job.amnesia, p.job.crashes, p.job.nacks), (true, 1, false));
    }

    #[test]
    fn scaling_down_keeps_unsafe_flexible_quorums_unsafe_and_safe_ones_safe() {
        let unsafe_plan = plan_for("nodes 5\nquorum 2 3\n", |_| {}).job;
        assert!(unsafe_plan.quorum_phase1 + unsafe_plan.quorum_phase2 <= unsafe_plan.nodes, "{unsafe_plan:?}");
        let safe = plan_for("nodes 5\nquorum 4 2\n", |_| {}).job;
        assert!(safe.quorum_phase1 + safe.quorum_phase2 > safe.nodes, "{safe:?}");
        // A safe choice stays safe at every checked size; an unsafe one stays unsafe while
        // the scaled Q2 leaves room for a Q1 that misses it.
        for n in 1..=9u8 {
            for a in 1..=n {
                for b in 1..=n {
                    for size in 1..=5 {
                        let p = plan_for(&format!("nodes {n}\nquorum {a} {b}\n"), |o| o.nodes = size).job;
                        assert!((1..=p.nodes).contains(&p.quorum_phase1) && (1..=p.nodes).contains(&p.quorum_phase2));
                        if a + b > n {
                            assert!(
                                p.quorum_phase1 + p.quorum_phase2 > p.nodes,
                                "n={n} q=({a},{b}) size={size}: {p:?}"
                            );
                        } else if p.quorum_phase2 < p.nodes {
                            assert!(
                                p.quorum_phase1 + p.quorum_phase2 <= p.nodes,
                                "n={n} q=({a},{b}) size={size}: {p:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn never_more_servers_than_the_checker_takes_and_options_pass_through() {
        let p = plan_for("nodes 9\n", |o| {
            o.nodes = 9;
            o.proposers = 3;
            o.drops = true;
            o.crashes = 1;
            o.amnesia = true;
        })
        .job;
        assert_eq!(p.nodes, CHECK_NODES_MAX);
        assert_eq!((p.proposers, p.drops, p.crashes, p.amnesia, p.nacks), (3, true, 1, true, true));
    }
}
