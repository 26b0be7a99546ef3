//! The playground's own protocols, checked exhaustively with the simulator's node code.
//!
//! Where [`super::tla`] checks Lamport's abstraction, this model runs the real [`Node`] state
//! machines that the simulator animates, so a counterexample is a run of the product itself:
//! it comes back as a scenario script the UI can animate and share.
//!
//! A state is every server (acceptor and proposer), the messages in flight as a sorted
//! multiset (so two orders of the same sends are one state), which proposals have been made,
//! what is left of the fault budgets, and which values have ever been chosen. The moves:
//! a proposer proposes its value; any in-flight message is delivered (in any order: that is
//! reordering), dropped, or duplicated; a proposer's timeout fires; a server crashes or
//! restarts. Every budget is finite and every attempt count is bounded, so the state space is
//! finite and the search ends.
//!
//! "Chosen" is Lamport's (see [`crate::observe`]): a value is chosen once a phase-2 quorum has
//! accepted the same proposal at any moments, so a state also records, for each proposal not
//! yet chosen that can still be accepted, which acceptors have accepted it so far. Records
//! that can no longer grow are dropped, so histories that cannot matter do not split states.
//!
//! Checked in every state: agreement (no two values ever chosen). A state with no moves left
//! in which nothing is chosen and nothing can ever be (the observers' "provably stuck") is
//! reported as stuck.

mod packing;
mod packing_log;

use super::model::{vec_heap_bytes, Model, Property};
use super::report::{Bounds, Report};
use super::Checker;
use crate::message::Message;
use crate::observe::{chosen_key, may_gain_acceptors, provably_stuck};
use crate::protocol::multi::{Entry, Log, Op, Role, Slot};
use crate::protocol::{Config, Effect, Node, Note, Phase, Protocol, Timer};
use crate::quorum::NodeSet;
use crate::scenario::{Command, Network, NetworkMode, Scenario, Target};
use crate::types::{NodeId, Proposal, Value};
use serde::Serialize;
use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt;

/// The values proposers propose, in order: the seed's X, Y, Z first.
const VALUE_NAMES: [&str; 5] = ["X", "Y", "Z", "U", "V"];
/// Multi-Paxos: proposer S(i+1) requests `set x OP_VALUES[i]`.
const OP_KEY: &str = "x";
const OP_VALUES: [&str; 5] = ["1", "2", "3", "4", "5"];
pub const SIM_NODES_MAX: u8 = 5;

/// One configuration to check. Small on purpose: states multiply fast.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct SimConfig {
    pub protocol: Protocol,
    pub nodes: u8,
    pub quorum_phase1: u8,
    pub quorum_phase2: u8,
    /// Servers S1..Sk each propose one value (X, Y, Z, ...).
    pub proposers: u8,
    /// Attempts per proposal (1 = no retries).
    pub attempts: u32,
    /// Proposal timeouts may fire at any moment (then the proposer retries, if attempts allow).
    pub timeouts: bool,
    pub drops: bool,
    /// How many messages may be duplicated in one run.
    pub duplicates: u8,
    /// How many crashes may happen in one run (each crashed server may restart).
    pub crashes: u8,
    pub amnesia: bool,
    pub nacks: bool,
    /// Messages in flight at once; a move that would exceed it is not explored.
    pub in_flight_max: u8,
    /// Symmetry reduction: servers that never propose are interchangeable, so states that
    /// differ only by a renaming of them are explored once.
    #[serde(default)]
    pub symmetry: bool,
}

impl SimConfig {
    pub fn new(protocol: Protocol, nodes: u8) -> SimConfig {
        let majority = crate::quorum::majority(nodes);
        SimConfig {
            protocol,
            nodes,
            quorum_phase1: majority,
            quorum_phase2: majority,
            proposers: 2.min(nodes),
            attempts: 1,
            timeouts: false,
            drops: false,
            duplicates: 0,
            crashes: 0,
            amnesia: false,
            nacks: true,
            in_flight_max: 12,
            symmetry: false,
        }
    }

    fn node_config(&self) -> Config {
        let mut config = Config::new(self.protocol, self.nodes);
        config.quorum_phase1 = self.quorum_phase1;
        config.quorum_phase2 = self.quorum_phase2;
        config.attempts_max = self.attempts;
        config.retry = self.attempts > 1;
        config.timeout_ticks = u32::from(self.timeouts);
        config.amnesia = self.amnesia;
        config.nacks = self.nacks;
        config
    }

    /// The scenario header a counterexample replays under: the same protocol options, with
    /// the user as the network (manual mode) so that every step is one of our moves.
    fn scenario(&self, commands: Vec<Command>, title: String) -> Scenario {
        let network = Network { mode: NetworkMode::Manual, ..Network::default() };
        Scenario { title: Some(title), config: self.node_config(), network, seed: 1, commands }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimConfigError {
    pub message: String,
}

impl fmt::Display for SimConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A message in flight: who sent it to whom, and what.
#[cfg_attr(feature = "multi", derive(Clone))]
#[cfg_attr(not(feature = "multi"), derive(Clone, Copy))]
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Flight {
    pub from: NodeId,
    pub to: NodeId,
    pub message: Message,
}

#[cfg_attr(feature = "multi", derive(Clone))]
#[cfg_attr(not(feature = "multi"), derive(Clone, Copy))]
#[derive(Debug, PartialEq, Eq)]
pub enum SimAction {
    Propose(NodeId, Value),
    /// Multi-Paxos: a client's command to a server.
    Request(NodeId, Op),
    Deliver(Flight),
    Drop(Flight),
    Duplicate(Flight),
    Timeout(NodeId),
    Crash(NodeId),
    Restart(NodeId),
}

impl SimAction {
    /// The scenario command that makes the same move in the simulator.
    pub fn command(&self) -> Command {
        let target = |f: &Flight| Target::Link { from: f.from, to: f.to, text: Some(f.message.to_string()) };
        match self {
            SimAction::Propose(node, value) => Command::Propose { node: *node, value: *value },
            SimAction::Request(node, op) => Command::Request { node: *node, op: *op },
            SimAction::Deliver(f) => Command::Deliver(target(f)),
            SimAction::Drop(f) => Command::Drop(target(f)),
            SimAction::Duplicate(f) => Command::Duplicate(target(f)),
            SimAction::Timeout(node) => Command::Timeout(*node),
            SimAction::Crash(node) => Command::Crash(*node),
            SimAction::Restart(node) => Command::Restart(*node),
        }
    }
}

impl fmt::Display for SimAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.command())
    }
}

#[derive(Clone, Debug, Eq, PartialOrd, Ord)]
pub struct SimState {
    nodes: Vec<Node>,
    /// Sorted, so that the same messages sent in another order are the same state.
    in_flight: Vec<Flight>,
    /// Bit i: proposer S(i+1) has not proposed yet.
    unproposed: u8,
    duplicates_left: u8,
    crashes_left: u8,
    /// Single-decree: bit i, VALUE_NAMES[i] has been chosen at some point. Multi-Paxos: bit
    /// `slot_index * ops + op_index` (see `SimModel::chosen_bit`), that command has been
    /// chosen in that slot at some point.
    chosen: u32,
    /// Proposals (keyed by `chosen_key`) that are not chosen and can still be accepted, with
    /// every acceptor that has accepted them so far. Sorted by proposal.
    acceptances: Vec<(Proposal, NodeSet)>,
    /// The same for Multi-Paxos, per slot: (slot, proposal) and its acceptors so far.
    slot_acceptances: Vec<(Slot, Entry, NodeSet)>,
}

impl PartialEq for SimState {
    /// Every field, as the derive would, but the messages in flight first: a step nearly
    /// always changes them (a delivery takes one out), so the checker's "did this step
    /// stutter?" is answered by comparing two lengths rather than three servers field by
    /// field. Equal exactly when `Ord` says so.
    fn eq(&self, other: &SimState) -> bool {
        let SimState {
            nodes,
            in_flight,
            unproposed,
            duplicates_left,
            crashes_left,
            chosen,
            acceptances,
            slot_acceptances,
        } = self;
        *in_flight == other.in_flight
            && (*unproposed, *duplicates_left, *crashes_left, *chosen)
                == (other.unproposed, other.duplicates_left, other.crashes_left, other.chosen)
            && *acceptances == other.acceptances
            && *slot_acceptances == other.slot_acceptances
            && *nodes == other.nodes
    }
}

impl SimState {
    /// Heap bytes this state owns, for the checker's memory bound (`Model::heap_bytes`). Every
    /// `Vec` field is counted here: a new one adds one `+ vec_heap_bytes(&self.field)`, and
    /// so is what the servers' logs and the promises in flight own.
    fn heap_bytes(&self) -> usize {
        let logs: usize = self.nodes.iter().filter_map(|n| n.log.as_deref()).map(log_heap_bytes).sum();
        let reports: usize = self
            .in_flight
            .iter()
            .map(|f| match &f.message {
                Message::PromiseLog { accepted, .. } if !accepted.is_empty() => {
                    (std::mem::size_of_val(&**accepted) + 8).next_multiple_of(16).max(32)
                }
                _ => 0,
            })
            .sum();
        vec_heap_bytes(&self.nodes)
            + vec_heap_bytes(&self.in_flight)
            + vec_heap_bytes(&self.acceptances)
            + vec_heap_bytes(&self.slot_acceptances)
            + logs
            + reports
    }

    /// Makes this state equal to `source`, reusing its own heap blocks (the derived `Clone`
    /// would allocate new ones). Every field is named, so a new one cannot be forgotten.
    fn copy_from(&mut self, source: &SimState) {
        let SimState {
            nodes,
            in_flight,
            unproposed,
            duplicates_left,
            crashes_left,
            chosen,
            acceptances,
            slot_acceptances,
        } = source;
        self.nodes.clone_from(nodes);
        self.in_flight.clone_from(in_flight);
        self.acceptances.clone_from(acceptances);
        self.slot_acceptances.clone_from(slot_acceptances);
        (self.unproposed, self.duplicates_left, self.crashes_left, self.chosen) =
            (*unproposed, *duplicates_left, *crashes_left, *chosen);
    }
}

/// What a server's Multi-Paxos state owns on the heap: the box and its lists.
fn log_heap_bytes(log: &Log) -> usize {
    let role = match &log.role {
        Role::Candidate { reports, .. } => vec_heap_bytes(reports),
        Role::Leader { outstanding, .. } => vec_heap_bytes(outstanding),
        Role::Follower | Role::BackingOff => 0,
    };
    (std::mem::size_of::<Log>() + 8).next_multiple_of(16)
        + vec_heap_bytes(&log.accepted)
        + vec_heap_bytes(&log.learned)
        + vec_heap_bytes(&log.pending)
        + role
}

pub struct SimModel {
    config: SimConfig,
    node_config: Config,
    values: Vec<Value>,
    /// Scratch buffers for `next_state_into`, kept between calls so that computing a
    /// successor allocates nothing (the checker computes millions). Taken out while in use,
    /// so a call that did not put them back (it returned early) costs one allocation later,
    /// never a wrong result.
    effects: Cell<Vec<Effect>>,
    local: Cell<Vec<Message>>,
}

impl SimModel {
    pub fn new(config: SimConfig) -> Result<SimModel, SimConfigError> {
        let fail = |message: String| Err(SimConfigError { message });
        if !(1..=SIM_NODES_MAX).contains(&config.nodes) {
            return fail(format!("the model checker takes 1 to {SIM_NODES_MAX} servers, not {}", config.nodes));
        }
        if config.proposers == 0 || config.proposers > config.nodes {
            return fail(format!("1 to {} proposers, not {}", config.nodes, config.proposers));
        }
        for (name, q) in [("phase-1", config.quorum_phase1), ("phase-2", config.quorum_phase2)] {
            if q == 0 || q > config.nodes {
                return fail(format!("the {name} quorum must be 1 to {}, not {q}", config.nodes));
            }
        }
        if !(1..=8).contains(&config.attempts) {
            return fail(format!("1 to 8 attempts per proposal, not {}", config.attempts));
        }
        if config.in_flight_max == 0 || config.in_flight_max > 64 {
            return fail(format!("1 to 64 messages in flight, not {}", config.in_flight_max));
        }
        if !config.protocol.available() {
            return fail(format!("this build does not run {}", config.protocol));
        }
        let names: &[&str] = if config.protocol.is_multi() { &OP_VALUES } else { &VALUE_NAMES };
        let values = names[..usize::from(config.proposers)].iter().map(|v| Value::new(v).expect("valid")).collect();
        Ok(SimModel {
            config,
            node_config: config.node_config(),
            values,
            effects: Cell::default(),
            local: Cell::default(),
        })
    }

    pub fn config(&self) -> SimConfig {
        self.config
    }

    fn value_bit(&self, value: Value) -> u32 {
        self.values.iter().position(|v| *v == value).map_or(0, |i| 1 << i)
    }

    /// Multi-Paxos: proposer S(i+1)'s one command, `set x 1`, `set x 2`, ...
    fn op(&self, index: usize) -> Op {
        Op::Set { key: Value::new(OP_KEY).expect("valid"), value: self.values[index] }
    }

    /// Multi-Paxos: the bit of `chosen` that says `op` was chosen in `slot`. With k requests
    /// the log never has more than k slots (a leader gives a slot only to a request, after
    /// every slot it knows of, and the holes it fills lie below those), so there are at most
    /// 5 slots of 6 commands (`no-op` and one per request): 30 bits.
    fn chosen_bit(&self, slot: Slot, op: Op) -> u32 {
        let ops = self.values.len() + 1;
        let index = match op {
            Op::Set { value, .. } => self.values.iter().position(|v| *v == value).map_or(0, |i| i + 1),
            Op::NoOp | Op::Get { .. } => 0,
        };
        let bit = (usize::from(slot.0) - 1) * ops + index;
        debug_assert!(bit < 32, "more slots than requests: {slot}");
        1 << bit.min(31)
    }

    /// Carries out a server's effects as the simulator does: messages to itself at once, in
    /// order; others into the network. Timers are moves of their own, so they are ignored.
    /// `false` if the network bound would be exceeded.
    fn perform(&self, state: &mut SimState, node: NodeId, pending: &mut Vec<Effect>) -> bool {
        let mut local = self.local.take();
        local.clear();
        let within_bound = self.perform_with(state, node, pending, &mut local);
        self.local.set(local);
        within_bound
    }

    fn perform_with(
        &self,
        state: &mut SimState,
        node: NodeId,
        pending: &mut Vec<Effect>,
        local: &mut Vec<Message>,
    ) -> bool {
        // `local` is a queue: round `next_local` delivers its message `next_local` (a server
        // sends itself a few messages at most, so a `Vec` cleared between steps does).
        for next_local in 0..64 {
            // Drained, not copied: with Multi-Paxos a message may own a heap block.
            for effect in pending.drain(..) {
                match effect {
                    Effect::Send { to, message } if to == node => local.push(message),
                    Effect::Send { to, message } => {
                        let flight = Flight { from: node, to, message };
                        let at = state.in_flight.partition_point(|f| *f < flight);
                        state.in_flight.insert(at, flight);
                    }
                    Effect::Note(Note::Accepted { proposal, .. }) => self.record_acceptance(state, node, proposal),
                    Effect::Note(Note::SlotAccepted { slot, entry, .. }) => {
                        self.record_slot_acceptance(state, node, slot, entry)
                    }
                    Effect::SetTimer { .. } | Effect::Note(_) => {}
                }
            }
            let Some(message) = local.get(next_local).cloned() else {
                return state.in_flight.len() <= usize::from(self.config.in_flight_max);
            };
            state.nodes[node.index()].receive(&self.node_config, node, message, pending);
        }
        unreachable!("a node sends itself a bounded number of messages per step")
    }

    /// `node` accepted `proposal`: one more acceptor for its record, which becomes a chosen
    /// value when it reaches a phase-2 quorum.
    fn record_acceptance(&self, state: &mut SimState, node: NodeId, proposal: Proposal) {
        let key = chosen_key(self.config.protocol, proposal);
        let bit = self.value_bit(key.value);
        if state.chosen & bit != 0 {
            return;
        }
        let at = match state.acceptances.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(at) => at,
            Err(at) => {
                state.acceptances.insert(at, (key, NodeSet::EMPTY));
                at
            }
        };
        state.acceptances[at].1.insert(node);
        if state.acceptances[at].1.len() >= self.config.quorum_phase2 {
            state.chosen |= bit;
        }
    }

    /// Multi-Paxos: `node` accepted `entry` in `slot`; chosen at a phase-2 quorum.
    fn record_slot_acceptance(&self, state: &mut SimState, node: NodeId, slot: Slot, entry: Entry) {
        let bit = self.chosen_bit(slot, entry.op);
        if state.chosen & bit != 0 {
            return;
        }
        let key = (slot, entry);
        let at = match state.slot_acceptances.binary_search_by(|(s, e, _)| (*s, *e).cmp(&key)) {
            Ok(at) => at,
            Err(at) => {
                state.slot_acceptances.insert(at, (slot, entry, NodeSet::EMPTY));
                at
            }
        };
        state.slot_acceptances[at].2.insert(node);
        if state.slot_acceptances[at].2.len() >= self.config.quorum_phase2 {
            state.chosen |= bit;
        }
    }

    /// Drops the records that can no longer change a verdict: of values already chosen, and
    /// of proposals no message in flight can carry to another acceptor.
    fn retire_acceptances(&self, state: &mut SimState) {
        let SimState { acceptances, slot_acceptances, chosen, in_flight, .. } = state;
        acceptances.retain(|(key, _)| {
            *chosen & self.value_bit(key.value) == 0
                && may_gain_acceptors(self.config.protocol, *key, in_flight.iter().map(|f| &f.message))
        });
        // A slot's proposal gains acceptors only from an `Accept` of it in flight: a leader
        // sends all its accepts for a slot at once, and a new round takes a new number.
        slot_acceptances.retain(|(slot, entry, _)| {
            *chosen & self.chosen_bit(*slot, entry.op) == 0
                && in_flight
                    .iter()
                    .any(|f| matches!(&f.message, Message::AcceptSlot { slot: s, entry: e } if s == slot && e == entry))
        });
    }

    /// Multi-Paxos' agreement: at most one command chosen in each slot.
    fn slot_agreement(&self, chosen: u32) -> Property {
        let ops: Vec<Op> = std::iter::once(Op::NoOp).chain((0..self.values.len()).map(|i| self.op(i))).collect();
        for slot in (1..=self.values.len() as u8).map(Slot) {
            let both: Vec<String> =
                ops.iter().filter(|op| chosen & self.chosen_bit(slot, **op) != 0).map(|op| op.to_string()).collect();
            if both.len() > 1 {
                let all = if both.len() == 2 { "both" } else { "all" };
                return Property::Violated(format!("agreement in {slot}: {} were {all} chosen", both.join(" and ")));
            }
        }
        Property::Holds
    }

    /// The successor of `state` by `action`, into `next`, with `effects` as scratch space.
    fn next_state_with(
        &self,
        state: &SimState,
        action: &SimAction,
        next: &mut SimState,
        effects: &mut Vec<Effect>,
    ) -> bool {
        next.copy_from(state);
        let actor = match *action {
            SimAction::Propose(node, value) => {
                next.unproposed &= !(1 << node.index());
                next.nodes[node.index()].propose(&self.node_config, value, effects);
                node
            }
            SimAction::Request(node, op) => {
                next.unproposed &= !(1 << node.index());
                next.nodes[node.index()].request(&self.node_config, op, effects);
                node
            }
            SimAction::Deliver(ref flight) => {
                let Ok(at) = next.in_flight.binary_search(flight) else { return false };
                let flight = next.in_flight.remove(at);
                next.nodes[flight.to.index()].receive(&self.node_config, flight.from, flight.message, effects);
                flight.to
            }
            SimAction::Drop(ref flight) => {
                let Ok(at) = next.in_flight.binary_search(flight) else { return false };
                next.in_flight.remove(at);
                self.retire_acceptances(next);
                return true;
            }
            SimAction::Duplicate(ref flight) => {
                let Ok(at) = next.in_flight.binary_search(flight) else { return false };
                next.in_flight.insert(at, flight.clone());
                next.duplicates_left -= 1;
                return next.in_flight.len() <= usize::from(self.config.in_flight_max);
            }
            SimAction::Timeout(node) => {
                let generation = next.nodes[node.index()].proposer.generation;
                next.nodes[node.index()].fire(&self.node_config, Timer::Timeout { generation }, effects);
                node
            }
            SimAction::Crash(node) => {
                next.crashes_left -= 1;
                next.nodes[node.index()].crash();
                return true;
            }
            SimAction::Restart(node) => {
                next.nodes[node.index()].restart(&self.node_config, effects);
                node
            }
        };
        if !self.perform(next, actor, effects) {
            return false;
        }
        if self.config.protocol.is_multi() {
            discard_ignored_replies(next);
        }
        self.retire_acceptances(next);
        true
    }

    /// The counterexample (or any action list) as a scenario the simulator replays.
    pub fn scenario(&self, actions: &[SimAction], title: &str) -> Scenario {
        self.config.scenario(actions.iter().map(SimAction::command).collect(), title.to_string())
    }
}

fn attempt_in_progress(node: &Node) -> bool {
    match node.log.as_deref() {
        Some(log) => log.in_progress(),
        None => matches!(node.proposer.phase, Phase::Preparing { .. } | Phase::Accepting { .. }),
    }
}

impl Model for SimModel {
    type State = SimState;
    type Action = SimAction;

    fn init_states(&self) -> Vec<SimState> {
        vec![SimState {
            nodes: Node::cluster(&self.node_config),
            in_flight: Vec::new(),
            unproposed: ((1u16 << self.config.proposers) - 1) as u8,
            duplicates_left: self.config.duplicates,
            crashes_left: self.config.crashes,
            chosen: 0,
            acceptances: Vec::new(),
            slot_acceptances: Vec::new(),
        }]
    }

    fn actions(&self, state: &SimState, out: &mut Vec<SimAction>) {
        // A provably stuck state can never choose a value, so nothing after it can break
        // agreement: end the path here, which makes the stuck counterexample as short as the
        // moment the deadlock became certain.
        if state.chosen == 0 && provably_stuck(&state.nodes, &self.node_config).is_some() {
            return;
        }
        for (i, value) in self.values.iter().enumerate() {
            let node = NodeId::from_index(i);
            if state.unproposed & (1 << i) != 0 && state.nodes[i].up {
                out.push(match self.config.protocol.is_multi() {
                    true => SimAction::Request(node, self.op(i)),
                    false => SimAction::Propose(node, *value),
                });
            }
        }
        let mut previous: Option<&Flight> = None;
        for flight in &state.in_flight {
            // Identical copies are interchangeable: one move per distinct message.
            if previous == Some(flight) {
                continue;
            }
            previous = Some(flight);
            if state.nodes[flight.to.index()].up {
                out.push(SimAction::Deliver(flight.clone()));
            }
            if self.config.drops {
                out.push(SimAction::Drop(flight.clone()));
            }
            if state.duplicates_left > 0 {
                out.push(SimAction::Duplicate(flight.clone()));
            }
        }
        for node in &state.nodes {
            if self.config.timeouts && node.up && attempt_in_progress(node) {
                out.push(SimAction::Timeout(node.id));
            }
            match node.up {
                true if state.crashes_left > 0 => out.push(SimAction::Crash(node.id)),
                false => out.push(SimAction::Restart(node.id)),
                true => {}
            }
        }
    }

    fn next_state(&self, state: &SimState, action: &SimAction) -> Option<SimState> {
        let mut next = state.clone();
        self.next_state_into(state, action, &mut next).then_some(next)
    }

    fn next_state_into(&self, state: &SimState, action: &SimAction, next: &mut SimState) -> bool {
        let mut effects = self.effects.take();
        effects.clear();
        let enabled = self.next_state_with(state, action, next, &mut effects);
        self.effects.set(effects);
        enabled
    }

    fn property(&self, state: &SimState) -> Property {
        if state.chosen.count_ones() < 2 {
            return Property::Holds;
        }
        if self.config.protocol.is_multi() {
            return self.slot_agreement(state.chosen);
        }
        let names: Vec<String> =
            self.values.iter().filter(|v| state.chosen & self.value_bit(**v) != 0).map(|v| v.to_string()).collect();
        let all = if names.len() == 2 { "both" } else { "all" };
        Property::Violated(format!("agreement: {} were {all} chosen", names.join(" and ")))
    }

    fn pack(&self, state: &SimState, out: &mut Vec<u8>) {
        self.pack_state(state, out);
    }

    fn unpack(&self, bytes: &[u8]) -> SimState {
        self.unpack_state(bytes)
    }

    fn heap_bytes(&self, state: &SimState) -> usize {
        state.heap_bytes()
    }

    fn is_settled(&self, state: &SimState) -> bool {
        state.chosen != 0 || provably_stuck(&state.nodes, &self.node_config).is_none()
    }

    /// The least renaming of the servers that never propose (see `SimConfig::symmetry`).
    /// Sound because a server's behaviour never depends on its own id unless it proposes:
    /// ballots carry only proposers' ids, and quorums are counted, not named.
    ///
    /// "Least" in `SimState`'s order, which compares the servers first, then the messages in
    /// flight, then fields no renaming changes, then the acceptance records. So each renaming
    /// is built only as far as it takes to lose: most lose on the servers alone, before their
    /// messages are renamed and sorted, and the state is rewritten in place only if one wins.
    fn canonicalize(&self, state: &mut SimState) {
        let nodes = usize::from(self.config.nodes);
        let first_free = usize::from(self.config.proposers);
        let free = nodes - first_free;
        if !self.config.symmetry || free < 2 {
            return;
        }
        let mut order = [0, 1, 2, 3, 4];
        let order = &mut order[..free];
        // The least renaming so far, when it is not the identity (the first order).
        // (Arrays built by `from_fn`: with Multi-Paxos a server is not `Copy`.)
        let mut least_nodes: [Node; SIM_NODES_MAX as usize] =
            std::array::from_fn(|_| Node::new(&self.node_config, NodeId(1)));
        let mut least_flights: Vec<Flight> = Vec::new();
        let mut least_records: Vec<(Proposal, NodeSet)> = Vec::new();
        let mut least_slot_records: Vec<(Slot, Entry, NodeSet)> = Vec::new();
        let mut renamed = false;
        let mut renamed_nodes = least_nodes.clone();
        let mut renamed_flights: Vec<Flight> = Vec::new();
        let mut renamed_records: Vec<(Proposal, NodeSet)> = Vec::new();
        let mut renamed_slot_records: Vec<(Slot, Entry, NodeSet)> = Vec::new();
        // At most 4! = 24 orders (5 servers, 1 proposer).
        while next_permutation(order) {
            let mut map = [0, 1, 2, 3, 4];
            for (i, &to) in order.iter().enumerate() {
                map[first_free + i] = first_free + to;
            }
            let mut inverse = [0, 1, 2, 3, 4];
            for (from, &to) in map[..nodes].iter().enumerate() {
                inverse[to] = from;
            }
            let rename = Renaming { map: &map[..nodes], inverse: &inverse[..nodes] };
            let (best_nodes, best_flights, best_records, best_slot_records) = match renamed {
                true => (&least_nodes[..nodes], &least_flights, &least_records, &least_slot_records),
                false => (&state.nodes[..], &state.in_flight, &state.acceptances, &state.slot_acceptances),
            };
            // Server by server, stopping at the first that differs: a renaming that loses
            // there is not built further.
            let mut order_of_states = Ordering::Equal;
            let mut built = 0;
            while built < nodes && order_of_states == Ordering::Equal {
                renamed_nodes[built] = rename.node(&state.nodes[rename.source(built)]);
                order_of_states = renamed_nodes[built].cmp(&best_nodes[built]);
                built += 1;
            }
            if order_of_states == Ordering::Greater {
                continue;
            }
            for (position, renamed) in renamed_nodes.iter_mut().enumerate().take(nodes).skip(built) {
                *renamed = rename.node(&state.nodes[rename.source(position)]);
            }
            renamed_flights.clear();
            renamed_flights.extend(state.in_flight.iter().map(|f| rename.flight(f)));
            renamed_flights.sort_unstable();
            order_of_states = order_of_states.then_with(|| renamed_flights.cmp(best_flights));
            if order_of_states == Ordering::Greater {
                continue;
            }
            renamed_records.clear();
            renamed_records.extend(state.acceptances.iter().map(|(key, accepted)| (*key, rename.set(*accepted))));
            order_of_states = order_of_states.then_with(|| renamed_records.cmp(best_records));
            if order_of_states == Ordering::Greater {
                continue;
            }
            // Multi-Paxos' records come last in `SimState`'s order (empty otherwise).
            renamed_slot_records.clear();
            renamed_slot_records.extend(
                state.slot_acceptances.iter().map(|(slot, entry, accepted)| (*slot, *entry, rename.set(*accepted))),
            );
            if order_of_states.then_with(|| renamed_slot_records.cmp(best_slot_records)) == Ordering::Less {
                std::mem::swap(&mut least_nodes, &mut renamed_nodes);
                std::mem::swap(&mut least_flights, &mut renamed_flights);
                std::mem::swap(&mut least_records, &mut renamed_records);
                std::mem::swap(&mut least_slot_records, &mut renamed_slot_records);
                renamed = true;
            }
        }
        if renamed {
            state.nodes.clear();
            state.nodes.extend_from_slice(&least_nodes[..nodes]);
            state.in_flight.clone_from(&least_flights);
            state.acceptances.clone_from(&least_records);
            state.slot_acceptances.clone_from(&least_slot_records);
        }
    }
}

/// Multi-Paxos: drops the replies in flight that their receiver will ignore for ever, so
/// that states differing only by such dead letters are one state. A reply is dead when:
/// an `Accepted` is for a number its leader no longer leads with, or for a slot it has
/// learnt (a leader proposes each slot once per number, and never reuses a number); a
/// `Promise` is for a number its server no longer runs with, or repeats a promise it has;
/// a `Nack` refuses a number its server no longer uses; a `Decide` names a slot its server
/// has learnt. Delivering any of them changes nothing, now or later, so this loses no
/// behaviour; the replayed scenario simply leaves them in flight. Requests (`Prepare`,
/// `Accept`) always matter: an acceptor answers even those it refuses. (The single-decree
/// protocols keep every message, as their pinned state counts always did.)
fn discard_ignored_replies(state: &mut SimState) {
    let SimState { nodes, in_flight, .. } = state;
    in_flight.retain(|flight| {
        let Some(log) = nodes[flight.to.index()].log.as_deref() else { return true };
        match (&flight.message, &log.role) {
            (Message::AcceptedSlot { slot, ballot }, Role::Leader { ballot: b, outstanding, .. }) => {
                b == ballot && outstanding.iter().any(|(s, ..)| s == slot)
            }
            (Message::AcceptedSlot { .. }, _) => false,
            (Message::PromiseLog { ballot, .. }, Role::Candidate { ballot: b, promises, .. }) => {
                b == ballot && !promises.contains(flight.from)
            }
            (Message::PromiseLog { .. }, _) => false,
            (Message::Nack { ballot, .. }, _) => log.ballot() == Some(*ballot),
            (Message::Decide { slot, .. }, _) => log.learned_at(*slot).is_none(),
            _ => true,
        }
    });
}

/// Steps `order` to the next permutation in lexicographic order; false after the last.
fn next_permutation(order: &mut [usize]) -> bool {
    let Some(i) = (1..order.len()).rev().find(|&i| order[i - 1] < order[i]) else { return false };
    let j = (i..order.len()).rev().find(|&j| order[j] > order[i - 1]).expect("order[i] qualifies");
    order.swap(i - 1, j);
    order[i..].reverse();
    true
}

/// Server `i` renamed to server `map[i]` (by index) everywhere a server is named; `inverse`
/// undoes `map`.
struct Renaming<'a> {
    map: &'a [usize],
    inverse: &'a [usize],
}

impl Renaming<'_> {
    /// The index of the server that is renamed to the one at `index`.
    fn source(&self, index: usize) -> usize {
        self.inverse[index]
    }

    fn id(&self, node: NodeId) -> NodeId {
        NodeId::from_index(self.map[node.index()])
    }

    fn set(&self, set: NodeSet) -> NodeSet {
        set.iter().map(|node| self.id(node)).collect()
    }

    fn node(&self, node: &Node) -> Node {
        let mut renamed = node.clone();
        renamed.id = self.id(node.id);
        renamed.proposer.phase = match node.proposer.phase {
            Phase::Preparing { ballot, promises, highest } => Phase::Preparing {
                ballot,
                promises: self.set(promises),
                highest: highest.map(|(n, p)| (self.id(n), p)),
            },
            Phase::Accepting { proposal, accepts, refusals } => {
                Phase::Accepting { proposal, accepts: self.set(accepts), refusals: self.set(refusals) }
            }
            other => other,
        };
        if let Some(log) = renamed.log.as_deref_mut() {
            match &mut log.role {
                Role::Candidate { promises, reports, .. } => {
                    *promises = self.set(*promises);
                    reports.iter_mut().for_each(|(_, by, _)| *by = self.id(*by));
                }
                Role::Leader { outstanding, .. } => {
                    outstanding.iter_mut().for_each(|(.., accepts)| *accepts = self.set(*accepts))
                }
                Role::Follower | Role::BackingOff => {}
            }
        }
        renamed
    }

    fn flight(&self, flight: &Flight) -> Flight {
        Flight { from: self.id(flight.from), to: self.id(flight.to), message: flight.message.clone() }
    }
}

/// A finished check of the simulator's protocol, with the counterexample as a script.
#[derive(Clone, Debug, Serialize)]
pub struct SimReport {
    #[serde(flatten)]
    pub report: Report<String>,
    /// The shortest counterexample as a scenario script, ready for `paxos run` or the UI.
    pub counterexample_script: Option<String>,
}

/// Turns a finished (or stopped) search into a report with a replayable script.
pub fn sim_report(model: &SimModel, report: Report<SimAction>) -> SimReport {
    let title = match &report.verdict {
        super::Verdict::Violated { .. } => "Shortest counterexample found by the model checker",
        _ => "Shortest run to a stuck state found by the model checker",
    };
    let counterexample_script =
        report.counterexample.as_ref().map(|actions| model.scenario(actions, title).to_script());
    let report = Report {
        distinct_states: report.distinct_states,
        generated_states: report.generated_states,
        depth: report.depth,
        verdict: report.verdict,
        counterexample: report.counterexample.map(|actions| actions.iter().map(|a| a.to_string()).collect()),
    };
    SimReport { report, counterexample_script }
}

/// Checks `config` to the end within `bounds`.
pub fn check_sim(config: SimConfig, bounds: Bounds) -> Result<SimReport, SimConfigError> {
    let model = SimModel::new(config)?;
    let report = Checker::new(SimModel::new(config)?, bounds).run_to_end();
    Ok(sim_report(&model, report))
}
