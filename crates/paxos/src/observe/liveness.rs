//! Stuck and livelock: the two ways a consensus run can fail to finish.

use crate::protocol::{Config, Node, Note};
use crate::quorum::NodeSet;
use crate::sim::{Event, EventKind, World};
use crate::types::{Ballot, Value};
use serde::Serialize;

/// Pre-emptions without a value chosen before we call it a livelock. Two proposers that
/// overtake each other twice each is the textbook duel; one or two is ordinary contention.
pub const LIVELOCK_PREEMPTIONS: u32 = 4;
/// How many rungs of the proposal-number ladder are kept for display.
const LADDER_LEN_MAX: usize = 16;

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Liveness {
    /// Pre-emptions since the last value was chosen.
    pub preemptions: u32,
    /// The proposal numbers that overtook each other, in order (most recent kept).
    pub ladder: Vec<Ballot>,
    pub livelock_step: Option<u32>,
    /// The longest run of pre-emptions without a choice seen so far.
    pub preemptions_peak: u32,
    pub stuck_step: Option<u32>,
}

impl Liveness {
    pub fn livelocked(&self) -> bool {
        self.preemptions >= LIVELOCK_PREEMPTIONS
    }

    pub fn observe(
        &mut self,
        world: &World,
        step_events: &[Event],
        any_chosen: bool,
        chosen_now: bool,
        out: &mut Vec<Event>,
    ) {
        if chosen_now {
            // Progress ends a duel.
            self.preemptions = 0;
            self.ladder.clear();
        }
        for event in step_events {
            if let EventKind::Note { note: Note::Preempted { ballot, by }, .. } = event.kind {
                self.preemptions += 1;
                for b in [ballot, by] {
                    if self.ladder.last().is_none_or(|last| *last < b) {
                        self.ladder.push(b);
                    }
                }
                self.preemptions_peak = self.preemptions_peak.max(self.preemptions);
                if self.ladder.len() > LADDER_LEN_MAX {
                    self.ladder.remove(0);
                }
            }
        }
        if !any_chosen && self.preemptions == LIVELOCK_PREEMPTIONS && self.livelock_step.is_none() {
            self.livelock_step = Some(world.step);
            let kind = EventKind::Livelock { preemptions: self.preemptions, ladder: self.ladder.clone() };
            out.push(Event { step: world.step, tick: world.tick, kind });
        }
        if !any_chosen && self.stuck_step.is_none() {
            if let Some((holders, empty)) = provably_stuck(&world.nodes, &world.config) {
                self.stuck_step = Some(world.step);
                out.push(Event { step: world.step, tick: world.tick, kind: EventKind::Stuck { holders, empty } });
            }
        }
    }
}

/// In protocols whose acceptors keep the first proposal for ever (and without amnesia),
/// a value can only ever be held by its current holders plus the still-empty acceptors.
/// If even the best value cannot reach a phase-2 quorum that way, nothing ever will.
pub fn provably_stuck(nodes: &[Node], config: &Config) -> Option<(Vec<(Value, NodeSet)>, NodeSet)> {
    if !config.protocol.acceptors_hold_first() || config.amnesia {
        return None;
    }
    let holders = super::safety::group_by(nodes, |held| held.value);
    let empty: NodeSet = nodes.iter().filter(|n| n.acceptor.accepted.is_none()).map(|n| n.id).collect();
    let best = holders.iter().map(|(_, s)| s.len()).max().unwrap_or(0);
    (best + empty.len() < config.quorum_phase2).then_some((holders, empty))
}
