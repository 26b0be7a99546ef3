//! The world: servers, network, clock and randomness, advanced one step at a time.
//!
//! A *step* is exactly one cause (a command, or one automatic delivery, loss or timer) plus
//! all of its consequences. Servers never talk to the network directly: they return effects,
//! and the world turns sends into in-flight envelopes (drawing delays, losses and duplicates
//! from the seeded `Rng`), timers into pending timers, and notes into events.

use super::event::{DropCause, Event, EventKind};
use super::network::{next_due, Due, Envelope, PendingTimer};
use super::rng::Rng;
use crate::message::Message;
use crate::protocol::{Config, Effect, Node};
use crate::quorum::NodeSet;
use crate::scenario::{Command, Network, NetworkMode, Scenario, Target};
use crate::types::{NodeId, Value};
use serde::Serialize;

/// Bounds on a run's resources. A script, a link or a click can reach them, so a step that
/// would exceed one is refused (a `RunError` naming the limit and the step), never a panic.
pub const IN_FLIGHT_MAX: usize = 4_096;
pub const PROPOSALS_MAX: usize = 1_024;
/// A server's messages to itself within one step (a proposal and its local replies). A
/// proposer refused by itself may retry at once, in the same step, up to its attempts limit,
/// and one attempt exchanges at most four messages with itself (Prepare, Promise, Accept,
/// Accepted or a refusal): eight per attempt leaves room, so no run reaches this bound.
pub const LOCAL_CHAIN_MAX: usize = 8 * crate::protocol::Config::ATTEMPTS_MAX_LIMIT as usize;
/// Automatic steps one `run` command may take.
pub const RUN_STEPS_MAX: u32 = 5_000;

/// Where the world is in its scenario's command list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Cursor {
    pub command: usize,
    /// Automatic steps already taken by the current `step N` or `run` command.
    pub done: u32,
    /// Automatic steps the previous command took (0 if it was not automatic). Lets a fork
    /// write `step K` for a `run` or `step N` that ended early.
    pub previous_done: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunError {
    /// Index of the command that failed.
    pub command: usize,
    /// The step it failed at (the step it would have been).
    pub step: u32,
    /// Why, as facts (the page words them in its language).
    pub kind: Refusal,
    /// The canonical English sentence: `kind`'s Display.
    pub message: String,
}

impl RunError {
    pub fn new(command: usize, step: u32, kind: Refusal) -> RunError {
        let message = kind.to_string();
        RunError { command, step, kind, message }
    }
}

/// Why the simulator refused a command or a step: the facts, one variant per guard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Refusal {
    /// A down server cannot propose.
    NodeDown {
        node: NodeId,
    },
    /// The command is not one this protocol takes: `propose` in Multi-Paxos, `request` in
    /// the single-decree protocols.
    NotInProtocol {
        command: &'static str,
        protocol: crate::protocol::Protocol,
    },
    AlreadyDown {
        node: NodeId,
    },
    AlreadyUp {
        node: NodeId,
    },
    NoPendingTimer {
        node: NodeId,
    },
    /// No in-flight message matches `target`; `in_flight` lists the first few that are
    /// there (`#id S1->S3 Prepare 11`), `more` how many were left out.
    NoSuchMessage {
        target: String,
        in_flight: Vec<String>,
        more: usize,
    },
    /// A bound on the run's resources would be exceeded at `step` (`node`: the server that
    /// would exceed the local-chain bound).
    Limit {
        limit: Limit,
        max: usize,
        step: u32,
        node: Option<NodeId>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Limit {
    InFlight,
    Proposals,
    LocalChain,
    Steps,
    Commands,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NodeDown { node } => write!(f, "{node} is down and cannot propose"),
            Refusal::NotInProtocol { .. } if !crate::protocol::multi::ENABLED => Ok(()),
            Refusal::NotInProtocol { command: "request", protocol } => {
                write!(f, "{protocol} decides one value: `propose Sn VALUE`, not `request`")
            }
            Refusal::NotInProtocol { protocol, .. } => {
                write!(f, "{protocol} servers take clients' commands: `request Sn set KEY VALUE`, not `propose`")
            }
            Refusal::AlreadyDown { node } => write!(f, "{node} is already down"),
            Refusal::AlreadyUp { node } => write!(f, "{node} is already up"),
            Refusal::NoPendingTimer { node } => write!(f, "{node} has no pending timer"),
            Refusal::NoSuchMessage { target, in_flight, .. } => {
                write!(f, "no message {target} is in flight (")?;
                match in_flight.is_empty() {
                    true => f.write_str("nothing is in flight")?,
                    false => {
                        f.write_str("in flight: ")?;
                        crate::types::write_separated(f, in_flight, "; ")?;
                    }
                }
                f.write_str(")")
            }
            Refusal::Limit { limit, max, step, node } => {
                // One `write!` for the number and the text around it, whichever the limit:
                // each `write!` with arguments costs the page's wasm its own code.
                if *limit != Limit::Commands {
                    write!(f, "step {step}: ")?;
                }
                let (before, after) = match (limit, node) {
                    (Limit::InFlight, _) => ("more than ", " messages would be in flight (the limit)"),
                    (Limit::Proposals, _) => ("more than ", " different values would be proposed (the limit)"),
                    (Limit::LocalChain, Some(node)) => {
                        write!(f, "{node}")?;
                        (" would send itself more than ", " messages in one step (the limit)")
                    }
                    (Limit::LocalChain, None) => ("more than ", " local messages (the limit)"),
                    (Limit::Steps, _) => ("the run would be longer than ", " steps (the limit)"),
                    (Limit::Commands, _) => ("the scenario would have more than ", " commands (the limit)"),
                };
                write!(f, "{before}{max}{after}")
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct World {
    pub config: Config,
    pub network: Network,
    pub nodes: Vec<Node>,
    pub step: u32,
    pub tick: u64,
    rng: Rng,
    pub in_flight: Vec<Envelope>,
    pub timers: Vec<PendingTimer>,
    next_message_id: u32,
    next_timer_seq: u32,
    /// Groups that can talk; `None` when the network is whole.
    pub partition: Option<Vec<NodeSet>>,
    /// Every distinct value a client proposed, for the validity check. Distinct, so that a
    /// long run's checkpoints do not each carry a growing list.
    pub proposed: Vec<Value>,
    /// Multi-Paxos: every distinct command a client requested (validity), likewise bounded
    /// by `PROPOSALS_MAX`.
    pub requested: crate::protocol::multi::Requests,
    pub cursor: Cursor,
    /// The message the last deliver/drop/duplicate command named, for exports and links.
    pub resolved: Option<Resolved>,
}

/// The message a command's target named: by id (for links) and in readable form (for scripts).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Resolved {
    pub id: u32,
    pub readable: Target,
}

impl World {
    pub fn new(scenario: &Scenario) -> World {
        World {
            config: scenario.config,
            network: scenario.network,
            nodes: Node::cluster(&scenario.config),
            step: 0,
            tick: 0,
            rng: Rng::new(scenario.seed),
            in_flight: Vec::new(),
            timers: Vec::new(),
            next_message_id: 1,
            next_timer_seq: 1,
            partition: None,
            proposed: Vec::new(),
            requested: Default::default(),
            cursor: Cursor::default(),
            resolved: None,
        }
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// Takes the next step of `commands`, appending its events. `Ok(false)`: nothing left.
    ///
    /// A refusal can come part-way through a step (a limit reached by its consequences), so
    /// after an `Err` the world is spoilt: callers discard it (a `Simulation` keeps the state
    /// from before the refused command and restores it).
    pub fn advance(&mut self, commands: &[Command], events: &mut Vec<Event>) -> Result<bool, RunError> {
        self.resolved = None;
        // Each pass either takes a step or moves past one command: bounded by their number.
        for _ in 0..=commands.len() {
            let Some(command) = commands.get(self.cursor.command) else {
                return Ok(false);
            };
            let limit = match command {
                Command::Step(n) => Some(*n),
                Command::Run => Some(RUN_STEPS_MAX),
                _ => None,
            };
            let took_step = match limit {
                Some(limit) if self.cursor.done < limit => {
                    self.step += 1;
                    let took = self.automatic_step(events).map_err(|message| self.refusal(message))?;
                    self.step -= u32::from(!took);
                    took
                }
                Some(_) => false,
                None => {
                    let index = self.cursor.command;
                    self.step += 1;
                    self.apply(command, events).map_err(|message| self.refusal(message))?;
                    self.cursor = Cursor { command: index + 1, done: 0, previous_done: 0 };
                    self.check_invariants();
                    return Ok(true);
                }
            };
            if took_step {
                self.cursor.done += 1;
                self.check_invariants();
                return Ok(true);
            }
            self.cursor = Cursor { command: self.cursor.command + 1, done: 0, previous_done: self.cursor.done };
        }
        Ok(false)
    }

    /// The current command refused at the current step.
    fn refusal(&self, kind: Refusal) -> RunError {
        RunError::new(self.cursor.command, self.step, kind)
    }

    fn limit(&self, limit: Limit, max: usize, node: Option<NodeId>) -> Refusal {
        Refusal::Limit { limit, max, step: self.step, node }
    }

    /// Facts that hold after every step whatever the protocol or the faults; checked in
    /// debug builds (all tests), where a failure is a bug in the simulator or a node.
    fn check_invariants(&self) {
        if !cfg!(debug_assertions) {
            return;
        }
        for node in &self.nodes {
            if let Some(accepted) = node.acceptor.accepted {
                assert!(accepted.ballot <= node.acceptor.promised, "{} accepted above its promise", node.id);
            }
            if !node.up {
                assert!(self.timers.iter().all(|t| t.node != node.id), "{} is down but has timers", node.id);
            }
        }
        assert!(self.in_flight.windows(2).all(|w| w[0].id < w[1].id), "in-flight messages out of id order");
        assert!(self.in_flight.iter().all(|e| e.id < self.next_message_id));
        assert!(self.in_flight.len() <= IN_FLIGHT_MAX);
        // A new timer replaces its server's old one (see `perform`), so there is never more
        // than one per server: no input can make the list grow without bound.
        assert!(self.timers.len() <= self.nodes.len(), "more timers than servers");
    }

    fn push(&self, events: &mut Vec<Event>, kind: EventKind) {
        events.push(Event { step: self.step, tick: self.tick, kind });
    }

    /// One step of the network or the clock: the next due message or timer.
    fn automatic_step(&mut self, events: &mut Vec<Event>) -> Result<bool, Refusal> {
        let deliver_messages = self.network.mode == NetworkMode::Auto;
        let Some((tick, due)) = next_due(&self.in_flight, &self.timers, deliver_messages) else {
            return Ok(false);
        };
        debug_assert!(tick >= self.tick || self.network.mode == NetworkMode::Manual);
        self.tick = self.tick.max(tick);
        match due {
            Due::Message(index) => {
                let envelope = self.in_flight.remove(index);
                let cause = envelope.doomed.then_some(DropCause::Network);
                self.deliver(envelope, cause, events)?;
            }
            Due::Timer(index) => {
                let pending = self.timers.remove(index);
                self.push(events, EventKind::Timer { node: pending.node, timer: pending.timer });
                let mut effects = Vec::new();
                self.nodes[pending.node.index()].fire(&self.config, pending.timer, &mut effects);
                self.perform(pending.node, effects, events)?;
            }
        }
        Ok(true)
    }

    /// Whether an automatic step would do anything: a message due (automatic network) or a
    /// timer pending.
    pub fn has_pending(&self) -> bool {
        next_due(&self.in_flight, &self.timers, self.network.mode == NetworkMode::Auto).is_some()
    }

    fn partitioned(&self, from: NodeId, to: NodeId) -> bool {
        self.partition.as_ref().is_some_and(|groups| !groups.iter().any(|g| g.contains(from) && g.contains(to)))
    }

    /// Hands `envelope` to its receiver, unless it is lost (`cause`), cut off or unheard.
    fn deliver(
        &mut self,
        envelope: Envelope,
        cause: Option<DropCause>,
        events: &mut Vec<Event>,
    ) -> Result<(), Refusal> {
        let Envelope { id, from, to, message, .. } = envelope;
        let cause = cause
            .or(self.partitioned(from, to).then_some(DropCause::Partition))
            .or((!self.node(to).up).then_some(DropCause::Crashed));
        if let Some(cause) = cause {
            self.push(events, EventKind::Drop { id, from, to, message, cause });
            return Ok(());
        }
        self.push(events, EventKind::Deliver { id, from, to, message: message.clone() });
        let mut effects = Vec::new();
        self.nodes[to.index()].receive(&self.config, from, message, &mut effects);
        self.perform(to, effects, events)
    }

    /// Carries out a server's effects; its messages to itself are handled at once, in order.
    /// Refused when it would exceed a limit (the world is then spoilt: see `advance`).
    fn perform(&mut self, node: NodeId, effects: Vec<Effect>, events: &mut Vec<Event>) -> Result<(), Refusal> {
        let mut local: std::collections::VecDeque<Message> = std::collections::VecDeque::new();
        let mut pending = effects;
        for _ in 0..LOCAL_CHAIN_MAX {
            for effect in pending.drain(..) {
                match effect {
                    Effect::Send { to, message } if to == node => local.push_back(message),
                    Effect::Send { to, message } => self.send(node, to, message, events)?,
                    Effect::SetTimer { timer, ticks_min, ticks_max } => {
                        // A new timer supersedes the server's older one: each timer belongs to
                        // one attempt, and a new attempt makes the old attempt's timer stale.
                        self.timers.retain(|t| t.node != node);
                        let fire_tick = self.tick + u64::from(self.rng.between(ticks_min, ticks_max));
                        let seq = self.next_timer_seq;
                        self.next_timer_seq += 1;
                        self.timers.push(PendingTimer { seq, node, timer, fire_tick });
                    }
                    Effect::Note(note) => self.push(events, EventKind::Note { node, note }),
                }
            }
            let Some(message) = local.pop_front() else {
                return Ok(());
            };
            self.push(events, EventKind::Local { node, message: message.clone() });
            self.nodes[node.index()].receive(&self.config, node, message, &mut pending);
        }
        Err(self.limit(Limit::LocalChain, LOCAL_CHAIN_MAX, Some(node)))
    }

    fn send(&mut self, from: NodeId, to: NodeId, message: Message, events: &mut Vec<Event>) -> Result<(), Refusal> {
        let original = self.envelope(from, to, message.clone(), None);
        let copy = (self.network.mode == NetworkMode::Auto && self.rng.chance(self.network.duplicate_percent))
            .then(|| self.envelope(from, to, message.clone(), Some(original.id)));
        for envelope in std::iter::once(original).chain(copy) {
            self.check_in_flight_room()?;
            let (id, due_tick, copy_of) = (envelope.id, envelope.due_tick, envelope.copy_of);
            self.push(events, EventKind::Send { id, from, to, message: message.clone(), due_tick, copy_of });
            self.in_flight.push(envelope);
        }
        Ok(())
    }

    /// Refuses one more message in flight when `IN_FLIGHT_MAX` are already there.
    fn check_in_flight_room(&self) -> Result<(), Refusal> {
        match self.in_flight.len() < IN_FLIGHT_MAX {
            true => Ok(()),
            false => Err(self.limit(Limit::InFlight, IN_FLIGHT_MAX, None)),
        }
    }

    /// A new envelope; in automatic mode its delay and fate are drawn now.
    fn envelope(&mut self, from: NodeId, to: NodeId, message: Message, copy_of: Option<u32>) -> Envelope {
        let id = self.next_message_id;
        self.next_message_id += 1;
        let (due_tick, doomed) = match self.network.mode {
            NetworkMode::Manual => (None, false),
            NetworkMode::Auto => {
                let delay = self.rng.between(self.network.delay_ticks_min, self.network.delay_ticks_max);
                (Some(self.tick + u64::from(delay)), self.rng.chance(self.network.drop_percent))
            }
        };
        Envelope { id, from, to, message, sent_step: self.step, sent_tick: self.tick, due_tick, doomed, copy_of }
    }

    /// Finds the in-flight message a command names.
    pub fn find(&self, target: &Target) -> Result<usize, Refusal> {
        let found = match target {
            Target::Id(id) => self.in_flight.iter().position(|e| e.id == *id),
            Target::Link { from, to, text } => self.in_flight.iter().position(|e| {
                e.from == *from && e.to == *to && text.as_ref().is_none_or(|t| *t == e.message.to_string())
            }),
        };
        found.ok_or_else(|| Refusal::NoSuchMessage {
            target: target.to_string(),
            in_flight: self.in_flight.iter().take(12).map(|e| format!("#{} {}", e.id, e.link_text())).collect(),
            more: self.in_flight.len().saturating_sub(12),
        })
    }

    /// Finds the message a command names and remembers it in `resolved`.
    fn resolve(&mut self, target: &Target) -> Result<usize, Refusal> {
        let index = self.find(target)?;
        self.resolved = Some(Resolved { id: self.in_flight[index].id, readable: self.target_for(index) });
        Ok(index)
    }

    /// The shortest target that names the message at `index` for replay: its text when it is
    /// the first with that text on its link, else its id.
    pub fn target_for(&self, index: usize) -> Target {
        let e = &self.in_flight[index];
        let text = e.message.to_string();
        let first =
            self.in_flight.iter().position(|o| o.from == e.from && o.to == e.to && o.message.to_string() == text);
        match first == Some(index) {
            true => Target::Link { from: e.from, to: e.to, text: Some(text) },
            false => Target::Id(e.id),
        }
    }

    fn apply(&mut self, command: &Command, events: &mut Vec<Event>) -> Result<(), Refusal> {
        match command {
            Command::Propose { .. } if self.config.protocol.is_multi() => {
                return Err(Refusal::NotInProtocol { command: "propose", protocol: self.config.protocol });
            }
            // Nothing makes a request in a build without Multi-Paxos (the parser, a link and
            // the checker all refuse or never make one there): the guard drops this code.
            Command::Request { .. } if !crate::protocol::multi::ENABLED => {}
            Command::Request { .. } if !self.config.protocol.is_multi() => {
                return Err(Refusal::NotInProtocol { command: "request", protocol: self.config.protocol });
            }
            Command::Request { node, op } => {
                if !self.node(*node).up {
                    return Err(Refusal::NodeDown { node: *node });
                }
                if !self.requested.contains(op) {
                    if self.requested.len() >= PROPOSALS_MAX {
                        return Err(self.limit(Limit::Proposals, PROPOSALS_MAX, None));
                    }
                    self.requested.push(*op);
                }
                self.push(events, EventKind::Request { node: *node, op: *op });
                let mut effects = Vec::new();
                self.nodes[node.index()].request(&self.config, *op, &mut effects);
                self.perform(*node, effects, events)?;
            }
            Command::Propose { node, value } => {
                if !self.node(*node).up {
                    return Err(Refusal::NodeDown { node: *node });
                }
                if !self.proposed.contains(value) {
                    if self.proposed.len() >= PROPOSALS_MAX {
                        return Err(self.limit(Limit::Proposals, PROPOSALS_MAX, None));
                    }
                    self.proposed.push(*value);
                }
                self.push(events, EventKind::Propose { node: *node, value: *value });
                let mut effects = Vec::new();
                self.nodes[node.index()].propose(&self.config, *value, &mut effects);
                self.perform(*node, effects, events)?;
            }
            Command::Deliver(target) => {
                let index = self.resolve(target)?;
                let envelope = self.in_flight.remove(index);
                // The user's choice overrides the network's random loss, not the physics of
                // partitions and crashes.
                self.deliver(envelope, None, events)?;
            }
            Command::Drop(target) => {
                let index = self.resolve(target)?;
                let Envelope { id, from, to, message, .. } = self.in_flight.remove(index);
                self.push(events, EventKind::Drop { id, from, to, message, cause: DropCause::Hand });
            }
            Command::Duplicate(target) => {
                let index = self.resolve(target)?;
                let original = &self.in_flight[index];
                let (id, from, to, message) = (original.id, original.from, original.to, original.message.clone());
                self.check_in_flight_room()?;
                let copy = self.envelope(from, to, message, Some(id));
                self.push(events, EventKind::Duplicate { id, copy: copy.id });
                self.in_flight.push(copy);
            }
            Command::Crash(node) => {
                if !self.node(*node).up {
                    return Err(Refusal::AlreadyDown { node: *node });
                }
                self.push(events, EventKind::Crash { node: *node });
                self.nodes[node.index()].crash();
                self.timers.retain(|t| t.node != *node);
            }
            Command::Timeout(node) => {
                let Some(index) = self.timers.iter().position(|t| t.node == *node) else {
                    return Err(Refusal::NoPendingTimer { node: *node });
                };
                let pending = self.timers.remove(index);
                self.push(events, EventKind::Timer { node: pending.node, timer: pending.timer });
                let mut effects = Vec::new();
                self.nodes[node.index()].fire(&self.config, pending.timer, &mut effects);
                self.perform(*node, effects, events)?;
            }
            Command::Restart(node) => {
                if self.node(*node).up {
                    return Err(Refusal::AlreadyUp { node: *node });
                }
                self.push(events, EventKind::Restart { node: *node });
                let mut effects = Vec::new();
                self.nodes[node.index()].restart(&self.config, &mut effects);
                self.perform(*node, effects, events)?;
            }
            Command::Partition(groups) => {
                self.partition = Some(groups.clone());
                self.push(events, EventKind::Partition { groups: groups.clone() });
            }
            Command::Heal => {
                self.partition = None;
                self.push(events, EventKind::Heal);
            }
            Command::Step(_) | Command::Run => {
                unreachable!("automatic steps are taken in advance()")
            }
        }
        Ok(())
    }
}
