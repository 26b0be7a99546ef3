//! Agreement, validity and stability, checked after every step.

use super::{QuorumFacts, SlotChosen};
use crate::message::Message;
use crate::protocol::multi::{Op, Slot};
use crate::protocol::{Node, Note, Protocol};
use crate::quorum::NodeSet;
use crate::sim::{Event, EventKind, World};
use crate::types::NodeId;
use crate::types::{Ballot, Proposal};
use serde::Serialize;
use std::fmt;

/// A proposal observed chosen: the acceptors that had accepted it when it was, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Chosen {
    pub proposal: Proposal,
    pub quorum: NodeSet,
    pub step: u32,
}

impl fmt::Display for Chosen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at step {}: {} accepted by {}", self.proposal.value, self.step, self.proposal, self.quorum)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "property", rename_all = "lowercase")]
pub enum Violation {
    /// Two different values were chosen. `second_promises` is the phase-1 quorum behind
    /// the second (Paxos only): it should have met `first.quorum` and learnt its value.
    Agreement { first: Chosen, second: Chosen, second_promises: Option<NodeSet> },
    /// A value nobody proposed was chosen.
    Validity { chosen: Chosen },
    /// A chosen value lost its quorum: only `holders` still hold it at `step`; `moved` are
    /// the members of the quorum that chose it that hold something else now (or nothing),
    /// the servers whose change broke it (the page marks them on the cluster).
    Stability { chosen: Chosen, holders: NodeSet, moved: NodeSet, step: u32 },
    // Multi-Paxos (`observe::log`).
    /// Two different commands were chosen in one slot.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    SlotAgreement { first: SlotChosen, second: SlotChosen },
    /// A command no client requested (and not a `no-op`) was chosen.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    SlotValidity { chosen: SlotChosen },
    /// A command chosen in a slot lost its quorum there: only `holders` hold it at `step`.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    SlotStability { chosen: SlotChosen, holders: NodeSet, step: u32 },
    /// Two servers applied different commands at `slot`: `first` (who, what) before, and
    /// `second` at `step`.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    LogConsistency { slot: Slot, first: (NodeId, Op), second: (NodeId, Op), step: u32 },
}

impl Violation {
    pub fn step(&self) -> u32 {
        match self {
            Violation::Agreement { second, .. } => second.step,
            Violation::Validity { chosen } => chosen.step,
            Violation::Stability { step, .. } => *step,
            Violation::SlotAgreement { second, .. } => second.step,
            Violation::SlotValidity { chosen } => chosen.step,
            Violation::SlotStability { step, .. } | Violation::LogConsistency { step, .. } => *step,
        }
    }
}

/// The text of a Multi-Paxos violation; `None` for the others. (Separate, so that a build
/// without Multi-Paxos drops it whole.)
fn log_violation(f: &mut fmt::Formatter<'_>, violation: &Violation) -> Option<fmt::Result> {
    let result = match violation {
        Violation::SlotAgreement { first, second } => write!(
            f,
            "agreement in {} at step {}: {} and {} were both chosen ({first}; {second})",
            second.slot, second.step, first.entry.op, second.entry.op
        ),
        Violation::SlotValidity { chosen } => {
            write!(f, "validity at step {}: {} {} was never requested", chosen.step, chosen.slot, chosen.entry.op)
        }
        Violation::SlotStability { chosen, holders, step } => write!(
            f,
            "stability at step {step}: {} {} (chosen at step {} by {}) is now held only by {holders}",
            chosen.slot, chosen.entry.op, chosen.step, chosen.quorum
        ),
        Violation::LogConsistency { slot, first: (a, first), second: (b, second), step } => {
            write!(f, "log consistency at step {step}: {a} applied {slot} {first} but {b} applied {slot} {second}")
        }
        _ => return None,
    };
    Some(result)
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if crate::protocol::multi::ENABLED {
            if let Some(result) = log_violation(f, self) {
                return result;
            }
        }
        match self {
            Violation::Agreement { first, second, second_promises } => {
                write!(
                    f,
                    "agreement at step {}: {} and {} were both chosen ({first}; {second})",
                    second.step, first.proposal.value, second.proposal.value
                )?;
                match second_promises.map(|p| (p, p.intersection(first.quorum))) {
                    Some((promises, meet)) if meet.is_empty() => write!(
                        f,
                        "; the promise quorum {promises} of {} shares no acceptor with {}",
                        second.proposal.ballot, first.quorum
                    ),
                    Some((promises, meet)) => write!(
                        f,
                        "; the promise quorum {promises} of {} met {} at {meet}, which did not report {}",
                        second.proposal.ballot, first.quorum, first.proposal.value
                    ),
                    None => Ok(()),
                }
            }
            Violation::Validity { chosen } => {
                write!(f, "validity at step {}: {} was never proposed", chosen.step, chosen.proposal.value)
            }
            Violation::Stability { chosen, holders, step, .. } => write!(
                f,
                "stability at step {step}: {} (chosen at step {} by {}) is now held only by {holders}",
                chosen.proposal.value, chosen.step, chosen.quorum
            ),
            // Multi-Paxos violations are written by `log_violation`.
            _ => Ok(()),
        }
    }
}

/// What "the same proposal" means when counting acceptances: Paxos counts acceptors that
/// accepted the same (number, value); the one-phase protocols count the value alone, as the
/// seed does (their numbers only order overwrites), keyed with no number.
pub fn chosen_key(protocol: Protocol, accepted: Proposal) -> Proposal {
    match protocol {
        Protocol::BasicPaxos | Protocol::SeedPhaseTwo => accepted,
        _ => Proposal { ballot: Ballot::NONE, value: accepted.value },
    }
}

/// Whether an acceptance of `key` can still happen: only by delivering an `Accept` of it that
/// is in flight (a proposer sends all its accepts in the step it enters phase 2, and a retry
/// takes a new number). Only Paxos keys can be retired this way: a one-phase value can be
/// proposed again under a new number and gather more acceptors.
pub fn may_gain_acceptors<'a>(
    protocol: Protocol,
    key: Proposal,
    in_flight: impl IntoIterator<Item = &'a Message>,
) -> bool {
    !matches!(protocol, Protocol::BasicPaxos | Protocol::SeedPhaseTwo)
        || in_flight.into_iter().any(|m| matches!(m, Message::Accept { proposal } if *proposal == key))
}

/// The acceptors grouped by `key` of what they hold, in key order. At most nine servers, so
/// a sorted vector beats a map (and keeps the map's code out of the page's wasm module).
pub fn group_by<K: Ord + Copy>(nodes: &[Node], key: impl Fn(Proposal) -> K) -> Vec<(K, NodeSet)> {
    let mut groups: Vec<(K, NodeSet)> = Vec::new();
    for node in nodes {
        if let Some(held) = node.acceptor.accepted {
            let k = key(held);
            match groups.binary_search_by(|(g, _)| g.cmp(&k)) {
                Ok(at) => groups[at].1.insert(node.id),
                Err(at) => {
                    let mut holders = NodeSet::EMPTY;
                    holders.insert(node.id);
                    groups.insert(at, (k, holders));
                }
            }
        }
    }
    groups
}

/// Chosen proposals kept (see `Safety::trim_chosen`).
const CHOSEN_MAX: usize = 32;
/// Acceptance records kept before the ones that can no longer grow are retired.
const ACCEPTANCES_RETIRE_AT: usize = 16;

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Safety {
    /// Every proposal seen chosen, in order (the first is "the" chosen value).
    pub chosen: Vec<Chosen>,
    /// At most one violation of each property: the first.
    pub violations: Vec<Violation>,
    /// For each proposal (see [`chosen_key`]) not yet chosen, every acceptor that has
    /// accepted it so far, whether or not it still holds it. Sorted by proposal.
    pub acceptances: Vec<(Proposal, NodeSet)>,
}

impl Safety {
    fn has(&self, same: impl Fn(&Violation) -> bool) -> bool {
        self.violations.iter().any(same)
    }

    /// Lamport's definition: a proposal is chosen once a phase-2 quorum of acceptors *has
    /// accepted* it, at whatever moments they did, even if some of them have since moved on
    /// (a higher proposal, an overwrite, amnesia). So acceptances are counted from the step's
    /// events as they happen, never from what the acceptors hold now.
    pub fn observe(&mut self, world: &World, step_events: &[Event], quorums: &QuorumFacts, out: &mut Vec<Event>) {
        let protocol = world.config.protocol;
        for event in step_events {
            let EventKind::Note { node, note: Note::Accepted { proposal, .. } } = event.kind else {
                continue;
            };
            let key = chosen_key(protocol, proposal);
            if self.chosen.iter().any(|c| c.proposal == key) {
                continue;
            }
            let at = match self.acceptances.binary_search_by(|(k, _)| k.cmp(&key)) {
                Ok(at) => at,
                Err(at) => {
                    self.acceptances.insert(at, (key, NodeSet::EMPTY));
                    at
                }
            };
            self.acceptances[at].1.insert(node);
            let quorum = self.acceptances[at].1;
            if quorum.len() >= world.config.quorum_phase2 {
                self.acceptances.remove(at);
                self.record_chosen(Chosen { proposal: key, quorum, step: world.step }, world, quorums, out);
            }
        }
        self.retire_acceptances(world);
        self.check_stability(world, out);
    }

    fn record_chosen(&mut self, chosen: Chosen, world: &World, quorums: &QuorumFacts, out: &mut Vec<Event>) {
        out.push(Event { step: world.step, tick: world.tick, kind: EventKind::Chosen { chosen } });
        let earlier = self.chosen.iter().find(|c| c.proposal.value != chosen.proposal.value).copied();
        if let Some(first) = earlier.filter(|_| !self.has(|v| matches!(v, Violation::Agreement { .. }))) {
            let second_promises = quorums.promises_for(chosen.proposal);
            self.violate(Violation::Agreement { first, second: chosen, second_promises }, world, out);
        }
        if !world.proposed.contains(&chosen.proposal.value) && !self.has(|v| matches!(v, Violation::Validity { .. })) {
            self.violate(Violation::Validity { chosen }, world, out);
        }
        self.chosen.push(chosen);
        self.trim_chosen();
    }

    /// Keeps `acceptances` bounded (it is copied into every checkpoint): once it is long,
    /// drops the records of proposals that can never be accepted again. Dropping them
    /// changes no verdict, since they can never reach a quorum.
    fn retire_acceptances(&mut self, world: &World) {
        if self.acceptances.len() <= ACCEPTANCES_RETIRE_AT {
            return;
        }
        let protocol = world.config.protocol;
        self.acceptances
            .retain(|(key, _)| may_gain_acceptors(protocol, *key, world.in_flight.iter().map(|e| &e.message)));
    }

    /// Keeps `chosen` bounded (it is copied into every checkpoint): past `CHOSEN_MAX`
    /// entries, drops the oldest entry whose value has a later entry. The first entry and one
    /// entry per distinct value always stay, which is all agreement and stability need.
    fn trim_chosen(&mut self) {
        while self.chosen.len() > CHOSEN_MAX {
            let value_later =
                |i: usize| self.chosen[i + 1..].iter().any(|c| c.proposal.value == self.chosen[i].proposal.value);
            match (1..self.chosen.len()).find(|&i| value_later(i)) {
                Some(i) => {
                    self.chosen.remove(i);
                }
                None => return,
            }
        }
    }

    /// A chosen value must stay held by at least a phase-2 quorum. In Paxos this holds
    /// because an acceptor that accepted (m, v) only ever accepts higher numbers, and every
    /// proposal numbered above m carries v (see the phase-2a argument in the proposer).
    fn check_stability(&mut self, world: &World, out: &mut Vec<Event>) {
        if self.has(|v| matches!(v, Violation::Stability { .. })) {
            return;
        }
        // Runs after every step: plain loops, no copy of `chosen` and no iterator adapters
        // (the size-optimised wasm build does not inline them; docs/BENCHMARKS.md).
        let mut broken = None;
        for chosen in &self.chosen {
            let mut holders = NodeSet::EMPTY;
            for node in &world.nodes {
                if matches!(node.acceptor.accepted, Some(held) if held.value == chosen.proposal.value) {
                    holders.insert(node.id);
                }
            }
            if holders.len() < world.config.quorum_phase2 {
                broken = Some((*chosen, holders));
                break;
            }
        }
        if let Some((chosen, holders)) = broken {
            let moved = chosen.quorum.difference(holders);
            self.violate(Violation::Stability { chosen, holders, moved, step: world.step }, world, out);
        }
    }

    fn violate(&mut self, violation: Violation, world: &World, out: &mut Vec<Event>) {
        out.push(Event { step: world.step, tick: world.tick, kind: EventKind::Violation { violation } });
        self.violations.push(violation);
    }
}
