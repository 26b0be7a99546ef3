//! A server: acceptor (durable) plus proposer (volatile), fed one input at a time.

use super::acceptor::Acceptor;
use super::multi::{Log, LogBox, LogView, Role};
use super::proposer::{Phase, Proposer};
use super::{Config, Effect, Note, Timer};
use crate::message::Message;
use crate::types::{NodeId, Proposal, Value};
use serde::Serialize;

#[cfg_attr(feature = "multi", derive(Clone))]
#[cfg_attr(not(feature = "multi"), derive(Clone, Copy))]
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Node {
    pub id: NodeId,
    pub up: bool,
    /// The promise (every protocol with promises) and the accepted proposal (single-decree).
    pub acceptor: Acceptor,
    /// Highest proposal counter this server used or saw refused; durable, never reused.
    pub counter_max: u32,
    /// The single-decree proposer; in Multi-Paxos only its attempt count and timer
    /// generation are used (the leader's state is in `log`).
    pub proposer: Proposer,
    /// Multi-Paxos' per-slot acceptor, learner, register and leader; `None` in the
    /// single-decree protocols (so their states stay as small as they were).
    pub log: Option<LogBox>,
}

impl Node {
    pub fn new(config: &Config, id: NodeId) -> Node {
        Node {
            id,
            up: true,
            acceptor: Acceptor::default(),
            counter_max: 0,
            proposer: Proposer::default(),
            log: config.protocol.is_multi().then(LogBox::default),
        }
    }

    /// The servers of a fresh cluster, S1..Sn. (A plain loop: collecting from the id range
    /// brought its capacity-overflow panic into the page's wasm.)
    pub fn cluster(config: &Config) -> Vec<Node> {
        let mut nodes = Vec::with_capacity(usize::from(config.nodes));
        for index in 0..usize::from(config.nodes) {
            nodes.push(Node::new(config, NodeId::from_index(index)));
        }
        nodes
    }

    /// A message from `from` arrives. Requests go to the acceptor, replies to the proposer.
    pub fn receive(&mut self, config: &Config, from: NodeId, message: Message, out: &mut Vec<Effect>) {
        debug_assert!(self.up, "the simulator drops messages to crashed servers");
        if config.protocol.is_multi() {
            return self.receive_log(config, from, message, out);
        }
        match message {
            Message::Prepare { ballot } => {
                let answer = self.acceptor.on_prepare(config, ballot);
                Node::reply(from, answer, out);
            }
            Message::Accept { proposal } => {
                let answer = self.acceptor.on_accept(config, proposal);
                Node::reply(from, answer, out);
            }
            Message::Promise { ballot, accepted } => self.on_promise(config, from, ballot, accepted, out),
            Message::Accepted { proposal } => self.on_accepted(config, from, proposal, out),
            Message::Nack { ballot, promised } => self.on_nack(config, ballot, promised, out),
            Message::Reject { proposal, holds } => self.on_reject(config, from, proposal, holds, out),
            // Multi-Paxos messages never reach a single-decree server.
            _ => {}
        }
    }

    /// Multi-Paxos: requests go to the slots' acceptor, replies to the leader, decisions to
    /// the learner.
    fn receive_log(&mut self, config: &Config, from: NodeId, message: Message, out: &mut Vec<Effect>) {
        match message {
            Message::PrepareLog { ballot, from: slot } => self.on_log_prepare(config, from, ballot, slot, out),
            Message::PromiseLog { ballot, accepted, .. } => self.on_log_promise(config, from, ballot, &accepted, out),
            Message::AcceptSlot { slot, entry } => self.on_slot_accept(config, from, slot, entry, out),
            Message::AcceptedSlot { slot, ballot } => self.on_slot_accepted(config, from, slot, ballot, out),
            Message::Decide { slot, op } => self.learn(slot, op, None, out),
            Message::Nack { ballot, promised } => self.on_log_nack(config, ballot, promised, out),
            // Single-decree messages never reach a Multi-Paxos server.
            _ => {}
        }
    }

    fn reply(to: NodeId, (reply, note): super::acceptor::Answer, out: &mut Vec<Effect>) {
        out.extend(note.map(Effect::Note));
        if let Some(message) = reply {
            out.push(Effect::Send { to, message });
        }
    }

    pub fn fire(&mut self, config: &Config, timer: Timer, out: &mut Vec<Effect>) {
        debug_assert!(self.up, "the simulator cancels timers of crashed servers");
        match config.protocol.is_multi() {
            true => self.on_log_timer(config, timer, out),
            false => self.on_timer(config, timer, out),
        }
    }

    /// Everything volatile is lost; the acceptor's state, the counter and (in Multi-Paxos)
    /// the learnt log and the register are on disk.
    pub fn crash(&mut self) {
        self.up = false;
        let generation = self.proposer.generation + 1;
        self.proposer = Proposer { generation, ..Proposer::default() };
        if super::multi::ENABLED {
            if let Some(log) = self.log.as_deref_mut() {
                log.role = Role::Follower;
                log.pending.clear();
            }
        }
    }

    pub fn restart(&mut self, config: &Config, out: &mut Vec<Effect>) {
        self.up = true;
        if !config.amnesia {
            return;
        }
        let Acceptor { promised, accepted } = self.acceptor;
        self.acceptor = Acceptor::default();
        if !config.protocol.is_multi() {
            return out.push(Effect::Note(Note::Forgot { promised, accepted }));
        }
        if let Some(log) = self.log.as_deref_mut() {
            let slots = log.accepted.len() as u8;
            log.accepted.clear();
            out.push(Effect::Note(Note::ForgotLog { promised, slots }));
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
        let log = self.log.as_deref().filter(|_| config.protocol.is_multi());
        let ballot = log.map_or(ballot, |log| log.ballot());
        let stage = match (self.proposer.phase, log.map(|log| &log.role)) {
            _ if !self.up => Stage::Down,
            (_, Some(Role::Follower)) => Stage::Idle,
            (_, Some(Role::Candidate { .. })) => Stage::Preparing,
            (_, Some(Role::Leader { .. })) => Stage::Leading,
            (_, Some(Role::BackingOff)) => Stage::BackingOff,
            (phase, None) => Node::stage(phase, two_phases),
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
            log: log.map(Log::view),
        }
    }

    fn stage(phase: Phase, two_phases: bool) -> Stage {
        match phase {
            Phase::Idle => Stage::Idle,
            Phase::Preparing { .. } => Stage::Preparing,
            Phase::Accepting { .. } if two_phases => Stage::Accepting,
            Phase::Accepting { .. } => Stage::Proposing,
            Phase::BackingOff => Stage::BackingOff,
            Phase::Done { .. } => Stage::Done,
            Phase::GaveUp => Stage::GaveUp,
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
    /// Multi-Paxos: phase 1 done, proposing commands slot by slot.
    Leading,
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
    /// Multi-Paxos: the server's log, applied prefix and register (for the log grid).
    /// Absent in the single-decree protocols, and in a build without the `multi` feature.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    pub log: Option<LogView>,
}
