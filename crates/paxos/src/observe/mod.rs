//! Observers: they watch a run from outside and judge it. The simulator never consults them.
//!
//! * Safety ([`Safety`]): *agreement* (no two different values are ever chosen), *validity*
//!   (only a proposed value can be chosen) and *stability* (a chosen value stays chosen).
//! * Liveness ([`Liveness`]): *stuck* (it is provable that no value can ever be chosen) and
//!   *livelock* (proposers keep pre-empting each other and nothing is chosen).
//!
//! When is a value chosen? Lamport's definition, everywhere (observers, quorum pictures, model
//! checker): once a phase-2 quorum of acceptors *has accepted* the same proposal, at whatever
//! moments they did; an acceptor that accepted and later moved on (a higher proposal, an
//! overwrite, amnesia) still counts. It is what the protocol's own learners see: they count
//! `Accepted` replies, which stay true after the acceptor moves on. In Paxos "the same
//! proposal" is the same (number, value); in the one-phase protocols it is the same value,
//! as the seed counts it (their numbers only order overwrites). A chosen value is therefore
//! chosen for ever; *stability* separately asks that it also stay *held* by a quorum.
//! Acceptances are counted from the events of every step as they happen, so no chosen
//! moment can slip between two checks.

mod liveness;
mod log;
mod pictures;
mod quorums;
mod safety;

pub use liveness::{provably_stuck, Liveness};
pub use log::{LogSafety, SlotChosen};
pub use pictures::{
    quorum_choices, quorum_picture, Adopted, ChoiceKind, Earlier, Leg, LegKind, PictureInput, QuorumChoice,
    QuorumPicture, Report, ReportKind, Sizes,
};
pub use quorums::{PhaseTwoFact, QuorumFacts};
pub use safety::{chosen_key, may_gain_acceptors, Chosen, Safety, Violation};

use crate::sim::{Event, World};
use serde::Serialize;

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Observers {
    pub safety: Safety,
    pub liveness: Liveness,
    pub quorums: QuorumFacts,
    /// Multi-Paxos' per-slot safety and log consistency (empty in the other protocols).
    pub log: crate::protocol::multi::LogObserver,
}

impl Observers {
    /// Judges the world after a step whose events are `step_events`; appends findings to `out`.
    pub fn observe(&mut self, world: &World, step_events: &[Event], out: &mut Vec<Event>) {
        if world.config.protocol.is_multi() {
            let start = out.len();
            self.log.observe(world, step_events, out);
            let chosen_now = out[start..].iter().any(|e| matches!(e.kind, crate::sim::EventKind::SlotChosen { .. }));
            // A log keeps deciding: a duel is a livelock whenever pre-emptions pile up
            // without a slot being chosen, whatever was chosen before.
            self.liveness.observe(world, step_events, false, chosen_now, out);
            return;
        }
        // Quorum facts first: a violation found this step can then name the quorums.
        self.quorums.observe(step_events, self.safety.chosen.first());
        let start = out.len();
        self.safety.observe(world, step_events, &self.quorums, out);
        let chosen_now = out[start..].iter().any(|e| matches!(e.kind, crate::sim::EventKind::Chosen { .. }));
        let any_chosen = !self.safety.chosen.is_empty();
        self.liveness.observe(world, step_events, any_chosen, chosen_now, out);
    }

    pub fn verdict(&self) -> Verdict {
        let first_chosen = self.safety.chosen.first();
        let mut violations = self.safety.violations.clone();
        // The chosen value, or (Multi-Paxos) the chosen log: `#1 set x 1, #2 no-op`.
        let mut chosen = first_chosen.map(|c| c.proposal.value.to_string());
        if crate::protocol::multi::ENABLED {
            violations.extend(self.log.violations.iter().copied());
            chosen = chosen.or_else(|| self.log.summary());
        }
        let outcome = match (violations.first(), &chosen, &self.liveness) {
            (Some(_), _, _) => Outcome::Violated,
            (None, Some(_), _) => Outcome::Chosen,
            (None, None, l) if l.stuck_step.is_some() => Outcome::Stuck,
            (None, None, l) if l.livelocked() => Outcome::Livelock,
            _ => Outcome::Undecided,
        };
        Verdict {
            outcome,
            chosen,
            violations,
            stuck_step: self.liveness.stuck_step,
            livelock_step: self.liveness.livelock_step,
            preemptions: self.liveness.preemptions,
            preemptions_peak: self.liveness.preemptions_peak,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// A safety property was broken.
    Violated,
    /// A value was chosen and nothing is wrong.
    Chosen,
    /// Provably no value can ever be chosen.
    Stuck,
    /// Proposers keep pre-empting each other; nothing chosen.
    Livelock,
    /// Nothing chosen yet, but nothing rules it out.
    Undecided,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Violated => "VIOLATED",
            Outcome::Chosen => "SAFE, chosen",
            Outcome::Stuck => "STUCK",
            Outcome::Livelock => "LIVELOCK",
            Outcome::Undecided => "SAFE, undecided",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub outcome: Outcome,
    pub chosen: Option<String>,
    pub violations: Vec<Violation>,
    pub stuck_step: Option<u32>,
    pub livelock_step: Option<u32>,
    /// Pre-emptions since the last progress.
    pub preemptions: u32,
    /// The longest run of pre-emptions without a choice.
    pub preemptions_peak: u32,
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.outcome.name())?;
        if let (Outcome::Chosen, Some(value)) = (self.outcome, &self.chosen) {
            write!(f, " {value}")?;
        }
        for violation in &self.violations {
            write!(f, "; {violation}")?;
        }
        if let Some(step) = self.stuck_step {
            write!(f, "; stuck since step {step}")?;
        }
        if let Some(step) = self.livelock_step {
            match self.outcome {
                Outcome::Livelock => write!(f, "; livelock since step {step} ({} pre-emptions)", self.preemptions)?,
                _ => write!(
                    f,
                    "; livelock from step {step}: {} pre-emptions in a row before it ended",
                    self.preemptions_peak
                )?,
            }
        }
        Ok(())
    }
}
