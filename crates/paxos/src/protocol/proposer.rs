//! The proposer: the volatile half of a server, driving one value through the protocol.
//!
//! Its state is lost on a crash. The one thing that must survive is the highest proposal
//! counter it used (`Node::counter_max`, kept with the acceptor's durable state): a proposer
//! that reused a number after a restart could send two different values under one number.

use super::{Config, Effect, Note, Protocol, Timer};
use crate::message::Message;
use crate::quorum::NodeSet;
use crate::types::{Ballot, NodeId, Proposal, Value};
use serde::Serialize;

use super::node::Node;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "phase", rename_all = "kebab-case")]
pub enum Phase {
    #[default]
    Idle,
    /// Phase 1: waiting for promises. `highest` is the highest-numbered accepted proposal
    /// reported so far, and which acceptor reported it.
    Preparing {
        ballot: Ballot,
        promises: NodeSet,
        highest: Option<(NodeId, Proposal)>,
    },
    /// Phase 2 (or the only phase): waiting for acceptances.
    Accepting {
        proposal: Proposal,
        accepts: NodeSet,
        refusals: NodeSet,
    },
    /// Waiting out a random backoff before the next attempt.
    BackingOff,
    /// This proposer saw its proposal accepted by a phase-2 quorum.
    Done {
        proposal: Proposal,
    },
    GaveUp,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Proposer {
    /// The client's value this proposer is trying to get chosen.
    pub value: Option<Value>,
    pub attempts: u32,
    /// Bumped whenever pending timers must stop mattering (new attempt, give up, crash).
    pub generation: u32,
    pub phase: Phase,
    /// The highest-numbered proposal refusals revealed (one-phase-adopt re-proposes it).
    pub discovered: Option<Proposal>,
}

fn higher(a: Option<Proposal>, b: Proposal) -> Proposal {
    match a {
        Some(a) if a.ballot >= b.ballot => a,
        _ => b,
    }
}

impl Node {
    /// A client asks this server to propose `value`. Any attempt in progress is abandoned.
    pub fn propose(&mut self, config: &Config, value: Value, out: &mut Vec<Effect>) {
        debug_assert!(self.up, "the simulator does not hand proposals to a crashed server");
        self.proposer.value = Some(value);
        self.proposer.attempts = 0;
        self.proposer.discovered = None;
        self.start_attempt(config, out);
    }

    pub(super) fn next_ballot(&mut self) -> Ballot {
        self.counter_max += 1;
        Ballot::new(self.counter_max, self.id)
    }

    fn start_attempt(&mut self, config: &Config, out: &mut Vec<Effect>) {
        let Some(own) = self.proposer.value else {
            return;
        };
        debug_assert!(self.proposer.attempts < config.attempts_max);
        self.proposer.attempts += 1;
        self.proposer.generation += 1;
        let (proposal, message) = match config.protocol {
            Protocol::OnePhaseFirst => {
                let proposal = Proposal { ballot: Ballot::NONE, value: own };
                (proposal, Message::Accept { proposal })
            }
            Protocol::OnePhaseHighest | Protocol::OnePhaseAdopt => {
                let adopt = config.protocol == Protocol::OnePhaseAdopt;
                let value = self.proposer.discovered.filter(|_| adopt).map_or(own, |p| p.value);
                let proposal = Proposal { ballot: self.next_ballot(), value };
                (proposal, Message::Accept { proposal })
            }
            // Basic Paxos. (Multi-Paxos servers take requests, not proposals: the simulator
            // refuses `propose` there.)
            _ => {
                let ballot = self.next_ballot();
                (Proposal { ballot, value: own }, Message::Prepare { ballot })
            }
        };
        self.proposer.phase = match message {
            Message::Prepare { ballot } => Phase::Preparing { ballot, promises: NodeSet::EMPTY, highest: None },
            _ => Phase::Accepting { proposal, accepts: NodeSet::EMPTY, refusals: NodeSet::EMPTY },
        };
        out.push(Effect::Note(Note::Attempt { proposal, attempt: self.proposer.attempts }));
        self.broadcast(config, message, out);
        if config.timeout_ticks > 0 {
            let timer = Timer::Timeout { generation: self.proposer.generation };
            out.push(Effect::SetTimer { timer, ticks_min: config.timeout_ticks, ticks_max: config.timeout_ticks });
        }
    }

    pub(super) fn broadcast(&self, config: &Config, message: Message, out: &mut Vec<Effect>) {
        out.extend(config.node_ids().map(|to| Effect::Send { to, message: message.clone() }));
    }

    /// Phase 2a. With promises from a phase-1 quorum the proposer may send Accept n v.
    ///
    /// Why v must be the value of the highest-numbered reported proposal: suppose some value
    /// w was already chosen under a number m < n, i.e. a phase-2 quorum accepted (m, w). Our
    /// phase-1 quorum shares at least one acceptor with it (Q1 + Q2 > N). That acceptor
    /// accepted (m, w) before promising n (after promising n it would have refused m), so it
    /// reports a proposal numbered m or higher; by induction every proposal numbered between
    /// m and n carries w, so the highest reported one carries w too. Hence v = w: a chosen
    /// value is never replaced.
    pub(super) fn on_promise(
        &mut self,
        config: &Config,
        from: NodeId,
        ballot: Ballot,
        accepted: Option<Proposal>,
        out: &mut Vec<Effect>,
    ) {
        match &mut self.proposer.phase {
            Phase::Preparing { ballot: b, promises, highest } if *b == ballot && !promises.contains(from) => {
                promises.insert(from);
                if let Some(reported) = accepted {
                    if highest.is_none_or(|(_, h)| reported.ballot > h.ballot) {
                        *highest = Some((from, reported));
                    }
                }
                if promises.len() < config.quorum_phase1 {
                    return;
                }
                let (promises, adopted) = (*promises, *highest);
                let own = self.proposer.value.expect("a preparing proposer has a value");
                let proposal = Proposal { ballot, value: adopted.map_or(own, |(_, p)| p.value) };
                self.proposer.phase = Phase::Accepting { proposal, accepts: NodeSet::EMPTY, refusals: NodeSet::EMPTY };
                out.push(Effect::Note(Note::PhaseTwo { proposal, promises, adopted }));
                self.broadcast(config, Message::Accept { proposal }, out);
            }
            // A late promise for an old or finished attempt changes nothing.
            _ => {}
        }
    }

    pub(super) fn on_accepted(&mut self, config: &Config, from: NodeId, proposal: Proposal, out: &mut Vec<Effect>) {
        match &mut self.proposer.phase {
            Phase::Accepting { proposal: p, accepts, .. } if *p == proposal => {
                accepts.insert(from);
                if accepts.len() >= config.quorum_phase2 {
                    let quorum = *accepts;
                    self.proposer.generation += 1;
                    self.proposer.phase = Phase::Done { proposal };
                    out.push(Effect::Note(Note::Learned { proposal, quorum }));
                }
            }
            _ => {}
        }
    }

    pub(super) fn on_nack(&mut self, config: &Config, ballot: Ballot, promised: Ballot, out: &mut Vec<Effect>) {
        let current = match self.proposer.phase {
            Phase::Preparing { ballot, .. } => Some(ballot),
            Phase::Accepting { proposal, .. } => Some(proposal.ballot),
            _ => None,
        };
        match current {
            Some(b) if b == ballot && promised > ballot => {
                // Never reuse or undercut a number we know is taken.
                self.counter_max = self.counter_max.max(promised.counter);
                out.push(Effect::Note(Note::Preempted { ballot, by: promised }));
                self.retry_or_give_up(config, out);
            }
            _ => {}
        }
    }

    pub(super) fn on_reject(
        &mut self,
        config: &Config,
        from: NodeId,
        proposal: Proposal,
        holds: Proposal,
        out: &mut Vec<Effect>,
    ) {
        match &mut self.proposer.phase {
            Phase::Accepting { proposal: p, refusals, .. } if *p == proposal && !refusals.contains(from) => {
                refusals.insert(from);
                let refusals = *refusals;
                self.proposer.discovered = Some(higher(self.proposer.discovered, holds));
                self.counter_max = self.counter_max.max(holds.ballot.counter);
                // Defeated once so many refused that a phase-2 quorum is out of reach.
                if refusals.len() > config.nodes - config.quorum_phase2 {
                    out.push(Effect::Note(Note::Defeated { proposal, refusals }));
                    self.retry_or_give_up(config, out);
                }
            }
            _ => {}
        }
    }

    pub(super) fn on_timer(&mut self, config: &Config, timer: Timer, out: &mut Vec<Effect>) {
        match (timer, self.proposer.phase) {
            (Timer::Timeout { generation }, Phase::Preparing { ballot, .. })
                if generation == self.proposer.generation =>
            {
                out.push(Effect::Note(Note::TimedOut { ballot }));
                self.retry_or_give_up(config, out);
            }
            (Timer::Timeout { generation }, Phase::Accepting { proposal, .. })
                if generation == self.proposer.generation =>
            {
                out.push(Effect::Note(Note::TimedOut { ballot: proposal.ballot }));
                self.retry_or_give_up(config, out);
            }
            (Timer::Retry { generation }, Phase::BackingOff) if generation == self.proposer.generation => {
                self.start_attempt(config, out);
            }
            // A timer from an attempt that already ended.
            _ => {}
        }
    }

    fn retry_or_give_up(&mut self, config: &Config, out: &mut Vec<Effect>) {
        self.proposer.generation += 1;
        let distinguished = config.leader.is_none_or(|leader| leader == self.id);
        let may_retry = config.retry && distinguished && self.proposer.attempts < config.attempts_max;
        match (may_retry, config.backoff_ticks_max) {
            (false, _) => {
                self.proposer.phase = Phase::GaveUp;
                if let Some(value) = self.proposer.value {
                    out.push(Effect::Note(Note::GaveUp { value }));
                }
            }
            (true, 0) => self.start_attempt(config, out),
            (true, ticks_max) => {
                self.proposer.phase = Phase::BackingOff;
                out.push(Effect::Note(Note::BackingOff { ticks_max }));
                let timer = Timer::Retry { generation: self.proposer.generation };
                out.push(Effect::SetTimer { timer, ticks_min: 1, ticks_max });
            }
        }
    }
}
