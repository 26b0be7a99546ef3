//! A server: acceptor (durable) plus proposer (volatile), fed one input at a time.

use super::acceptor::Acceptor;
use super::proposer::{Phase, Proposer};
use super::{Config, Effect, Note, Timer};
use crate::message::Message;
use crate::types::{NodeId, Proposal, Value};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Node {
    pub id: NodeId,
    pub up: bool,
    pub acceptor: Acceptor,
    /// Highest proposal counter this server used or saw refused; durable, never reused.
    pub counter_max: u32,
    pub proposer: Proposer,
}

impl Node {
    pub fn new(id: NodeId) -> Node {
        Node { id, up: true, acceptor: Acceptor::default(), counter_max: 0, proposer: Proposer::default() }
    }

    /// A message from `from` arrives. Requests go to the acceptor, replies to the proposer.
    pub fn receive(&mut self, config: &Config, from: NodeId, message: Message, out: &mut Vec<Effect>) {
        debug_assert!(self.up, "the simulator drops messages to crashed servers");
        match message {
            Message::Prepare { ballot } => {
                let before = self.acceptor;
                let reply = self.acceptor.on_prepare(config, ballot);
                self.reply(from, before, reply, message, out);
            }
            Message::Accept { proposal } => {
                let before = self.acceptor;
                let reply = self.acceptor.on_accept(config, proposal);
                self.reply(from, before, reply, message, out);
            }
            Message::Promise { ballot, accepted } => self.on_promise(config, from, ballot, accepted, out),
            Message::Accepted { proposal } => self.on_accepted(config, from, proposal, out),
            Message::Nack { ballot, promised } => self.on_nack(config, ballot, promised, out),
            Message::Reject { proposal, holds } => self.on_reject(config, from, proposal, holds, out),
        }
    }

    fn reply(&self, to: NodeId, before: Acceptor, reply: Option<Message>, request: Message, out: &mut Vec<Effect>) {
        out.extend(Acceptor::note_for(before, &reply, request));
        if let Some(message) = reply {
            out.push(Effect::Send { to, message });
        }
    }

    pub fn fire(&mut self, config: &Config, timer: Timer, out: &mut Vec<Effect>) {
        debug_assert!(self.up, "the simulator cancels timers of crashed servers");
        self.on_timer(config, timer, out);
    }

    /// Everything volatile is lost; the acceptor's state and the counter are on disk.
    pub fn crash(&mut self) {
        self.up = false;
        let generation = self.proposer.generation + 1;
        self.proposer = Proposer { generation, ..Proposer::default() };
    }

    pub fn restart(&mut self, config: &Config, out: &mut Vec<Effect>) {
        self.up = true;
        if config.amnesia {
            let Acceptor { promised, accepted } = self.acceptor;
            self.acceptor = Acceptor::default();
            out.push(Effect::Note(Note::Forgot { promised, accepted }));
        }
    }

    /// What the UI shows, in the terms of `config`'s protocol: the one-phase protocols have
    /// no promises and no phase 2, so their proposers are "proposing" and their acceptors
    /// show no promise. `timer_pending`: whether the simulator holds a timer for this server
    /// (only then can it be made to time out now).
    pub fn view(&self, config: &Config, timer_pending: bool) -> NodeView {
        let (ballot, proposing) = match self.proposer.phase {
            Phase::Preparing { ballot, .. } => (Some(ballot), self.proposer.value),
            Phase::Accepting { proposal, .. } => (Some(proposal.ballot), Some(proposal.value)),
            _ => (None, self.proposer.value),
        };
        let two_phases = config.protocol.has_phase_one();
        let stage = match self.proposer.phase {
            _ if !self.up => Stage::Down,
            Phase::Idle => Stage::Idle,
            Phase::Preparing { .. } => Stage::Preparing,
            Phase::Accepting { .. } if two_phases => Stage::Accepting,
            Phase::Accepting { .. } => Stage::Proposing,
            Phase::BackingOff => Stage::BackingOff,
            Phase::Done { .. } => Stage::Done,
            Phase::GaveUp => Stage::GaveUp,
        };
        let promised = self.acceptor.promised;
        NodeView {
            id: self.id.0,
            label: self.id.to_string(),
            up: self.up,
            phase: self.proposer.phase,
            stage,
            promised: (two_phases && !promised.is_none()).then(|| promised.to_string()),
            accepted: self.acceptor.accepted,
            ballot: ballot.filter(|b| !b.is_none()).map(|b| b.to_string()),
            proposing,
            learned: match self.proposer.phase {
                Phase::Done { proposal } => Some(proposal.value),
                _ => None,
            },
            attempts: self.proposer.attempts,
            timer_pending,
        }
    }
}

/// What a server is doing, in its protocol's own terms (the page words it by this key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Down,
    /// Not proposing: an acceptor only.
    Idle,
    /// Paxos phase 1: waiting for promises.
    Preparing,
    /// Paxos phase 2: waiting for acceptances.
    Accepting,
    /// The one phase of the one-phase protocols: waiting for acceptances.
    Proposing,
    BackingOff,
    Done,
    GaveUp,
}

/// What the UI shows of a server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NodeView {
    pub id: u8,
    pub label: String,
    pub up: bool,
    pub phase: Phase,
    pub stage: Stage,
    /// The promise, in protocols that have promises (Basic Paxos); none yet is `None`.
    pub promised: Option<String>,
    pub accepted: Option<Proposal>,
    pub ballot: Option<String>,
    pub proposing: Option<Value>,
    pub learned: Option<Value>,
    pub attempts: u32,
    pub timer_pending: bool,
}
