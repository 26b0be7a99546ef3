//! Multi-Paxos' observers: agreement, validity and stability slot by slot, with Lamport's
//! "chosen", and log consistency: no two servers apply different commands at one slot.
//!
//! Each slot is one instance of Paxos, so each slot gets Basic Paxos' three safety properties:
//! a command is chosen in a slot once a phase-2 quorum *has accepted* the same proposal
//! (number and command) there, at whatever moments; no two different commands are ever
//! chosen in one slot (*agreement*); only a client's command or a leader's `no-op` is chosen
//! (*validity*); and a chosen command stays held by a phase-2 quorum (*stability*). *Log
//! consistency* is what the clients of a replicated service see: the commands the servers
//! apply, slot by slot. It is judged from what the servers apply, not from what the
//! acceptors accepted, so it catches a learner that was told something that was not chosen.

use super::Violation;
use crate::protocol::multi::{Entry, Op, Slot};
use crate::protocol::Note;
use crate::quorum::NodeSet;
use crate::sim::{Event, EventKind, World};
use crate::types::NodeId;
use serde::Serialize;
use std::fmt;

/// A command observed chosen in a slot: the proposal, the acceptors that had accepted it
/// when it was, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct SlotChosen {
    pub slot: Slot,
    pub entry: Entry,
    pub quorum: NodeSet,
    pub step: u32,
}

impl fmt::Display for SlotChosen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} at step {}: {} accepted by {}", self.slot, self.entry.op, self.step, self.entry, self.quorum)
    }
}

/// Records kept before the acceptances that can no longer grow are retired.
const ACCEPTANCES_RETIRE_AT: usize = 16;

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct LogSafety {
    /// Every (slot, command) seen chosen, in order, once each: in a safe log one per slot
    /// (16 at most); a broken one can choose more, each of which stability must watch.
    pub chosen: Vec<SlotChosen>,
    /// For each (slot, proposal) not yet chosen, every acceptor that has accepted it so far,
    /// whether or not it still holds it. Sorted.
    pub acceptances: Vec<(Slot, Entry, NodeSet)>,
    /// The first server to apply each slot, and what it applied. Sorted by slot.
    pub applied: Vec<(Slot, NodeId, Op)>,
    /// At most one violation of each property: the first.
    pub violations: Vec<Violation>,
}

impl LogSafety {
    fn has(&self, same: impl Fn(&Violation) -> bool) -> bool {
        self.violations.iter().any(same)
    }

    /// Counts the step's acceptances and applications as they happen (Lamport's definition:
    /// an acceptor that has since moved on still counts), then checks stability.
    pub fn observe(&mut self, world: &World, step_events: &[Event], out: &mut Vec<Event>) {
        for event in step_events {
            match event.kind {
                EventKind::Note { node, note: Note::SlotAccepted { slot, entry, .. } } => {
                    self.count(world, node, slot, entry, out)
                }
                EventKind::Note { node, note: Note::Applied { slot, op, .. } } => {
                    self.check_applied(world, node, slot, op, out)
                }
                _ => {}
            }
        }
        self.retire_acceptances(world);
        self.check_stability(world, out);
    }

    /// `node` accepted `entry` in `slot`: chosen once a phase-2 quorum has.
    fn count(&mut self, world: &World, node: NodeId, slot: Slot, entry: Entry, out: &mut Vec<Event>) {
        if self.chosen.iter().any(|c| c.slot == slot && c.entry.op == entry.op) {
            return;
        }
        let key = (slot, entry);
        let at = match self.acceptances.binary_search_by(|(s, e, _)| (*s, *e).cmp(&key)) {
            Ok(at) => at,
            Err(at) => {
                self.acceptances.insert(at, (slot, entry, NodeSet::EMPTY));
                at
            }
        };
        self.acceptances[at].2.insert(node);
        let quorum = self.acceptances[at].2;
        if quorum.len() < world.config.quorum_phase2 {
            return;
        }
        self.acceptances.remove(at);
        let chosen = SlotChosen { slot, entry, quorum, step: world.step };
        out.push(Event { step: world.step, tick: world.tick, kind: EventKind::SlotChosen { chosen } });
        let earlier = self.chosen.iter().find(|c| c.slot == slot).copied();
        if let Some(first) = earlier.filter(|_| !self.has(|v| matches!(v, Violation::SlotAgreement { .. }))) {
            self.violate(Violation::SlotAgreement { first, second: chosen }, world, out);
        }
        let requested = match entry.op {
            Op::NoOp => true,
            op => world.requested.contains(&op),
        };
        if !requested && !self.has(|v| matches!(v, Violation::SlotValidity { .. })) {
            self.violate(Violation::SlotValidity { chosen }, world, out);
        }
        self.chosen.push(chosen);
    }

    /// `node` applied `op` at `slot`: the same as every other server that applied `slot`?
    fn check_applied(&mut self, world: &World, node: NodeId, slot: Slot, op: Op, out: &mut Vec<Event>) {
        match self.applied.binary_search_by(|(s, ..)| s.cmp(&slot)) {
            Err(at) => self.applied.insert(at, (slot, node, op)),
            Ok(at) => {
                let (_, first_node, first_op) = self.applied[at];
                if first_op != op && !self.has(|v| matches!(v, Violation::LogConsistency { .. })) {
                    let violation = Violation::LogConsistency {
                        slot,
                        first: (first_node, first_op),
                        second: (node, op),
                        step: world.step,
                    };
                    self.violate(violation, world, out);
                }
            }
        }
    }

    /// Keeps `acceptances` bounded: once it is long, drops the records no `Accept` in flight
    /// can add to (a leader sends a slot's accepts all at once; a new round takes a new
    /// number). They can never reach a quorum, so no verdict changes.
    fn retire_acceptances(&mut self, world: &World) {
        if self.acceptances.len() <= ACCEPTANCES_RETIRE_AT {
            return;
        }
        self.acceptances.retain(|(slot, entry, _)| {
            world.in_flight.iter().any(
                |e| matches!(&e.message, crate::message::Message::AcceptSlot { slot: s, entry: x } if s == slot && x == entry),
            )
        });
    }

    /// A command chosen in a slot must stay held there by a phase-2 quorum. In Multi-Paxos
    /// this holds slot by slot for Basic Paxos' reason: an acceptor that accepted (m, c) in a
    /// slot accepts only higher numbers there, and every proposal numbered above m for that
    /// slot carries c (see `lead` in the protocol).
    fn check_stability(&mut self, world: &World, out: &mut Vec<Event>) {
        if self.has(|v| matches!(v, Violation::SlotStability { .. })) {
            return;
        }
        let mut broken = None;
        for chosen in &self.chosen {
            let mut holders = NodeSet::EMPTY;
            for node in &world.nodes {
                let held = node.log.as_deref().and_then(|log| log.accepted_at(chosen.slot));
                if held.is_some_and(|held| held.op == chosen.entry.op) {
                    holders.insert(node.id);
                }
            }
            if holders.len() < world.config.quorum_phase2 {
                broken = Some((*chosen, holders));
                break;
            }
        }
        if let Some((chosen, holders)) = broken {
            self.violate(Violation::SlotStability { chosen, holders, step: world.step }, world, out);
        }
    }

    fn violate(&mut self, violation: Violation, world: &World, out: &mut Vec<Event>) {
        out.push(Event { step: world.step, tick: world.tick, kind: EventKind::Violation { violation } });
        self.violations.push(violation);
    }

    /// The chosen log in slot order, the first command chosen in each slot: `#1 set x 1,
    /// #2 no-op`.
    pub fn summary(&self) -> Option<String> {
        use std::fmt::Write;
        let mut text = String::new();
        // Slot by slot rather than a sort of the records: no sorting code in a wasm module.
        for slot in (1..=crate::protocol::multi::LOG_SLOTS_MAX).map(Slot) {
            if let Some(chosen) = self.chosen.iter().find(|c| c.slot == slot) {
                let separator = if text.is_empty() { "" } else { ", " };
                let _ = write!(text, "{separator}{} {}", chosen.slot, chosen.entry.op);
            }
        }
        (!text.is_empty()).then_some(text)
    }
}
