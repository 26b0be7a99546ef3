//! Quorum facts for the UI's overlay: for every proposal that reached phase 2, which
//! acceptors promised it, whose report (if any) made the proposer adopt an earlier value,
//! and where its promise quorum meets the accept quorum of the value chosen before it.
//! That meeting point is Paxos' whole safety argument made visible; when flexible quorums
//! are too small it is empty, and the overlay can show the missing intersection.

use super::safety::Chosen;
use crate::protocol::Note;
use crate::quorum::NodeSet;
use crate::sim::{Event, EventKind};
use crate::types::{NodeId, Proposal};
use serde::Serialize;

/// Facts kept: the most recent phase-2 starts. The state holding them is copied into every
/// time-travel checkpoint, so it must not grow with the length of a run.
const FACTS_MAX: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct PhaseTwoFact {
    pub step: u32,
    pub proposer: NodeId,
    pub proposal: Proposal,
    /// The phase-1 quorum.
    pub promises: NodeSet,
    /// The acceptor whose reported proposal the proposer adopted, and that proposal.
    pub adopted: Option<(NodeId, Proposal)>,
    /// The first chosen proposal before this one, and where `promises` meets its quorum.
    pub meets_chosen: Option<(Proposal, NodeSet)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct QuorumFacts {
    pub phase_two: Vec<PhaseTwoFact>,
}

impl QuorumFacts {
    pub fn observe(&mut self, step_events: &[Event], chosen_before: Option<&Chosen>) {
        for event in step_events {
            let EventKind::Note { node, note: Note::PhaseTwo { proposal, promises, adopted } } = event.kind else {
                continue;
            };
            if self.phase_two.len() == FACTS_MAX {
                self.phase_two.remove(0);
            }
            let meets_chosen = chosen_before.map(|c| (c.proposal, promises.intersection(c.quorum)));
            self.phase_two.push(PhaseTwoFact {
                step: event.step,
                proposer: node,
                proposal,
                promises,
                adopted,
                meets_chosen,
            });
        }
    }

    /// The phase-1 quorum behind `proposal`, if it went through phase 1.
    pub fn promises_for(&self, proposal: Proposal) -> Option<NodeSet> {
        self.phase_two.iter().rev().find(|f| f.proposal == proposal).map(|f| f.promises)
    }
}
