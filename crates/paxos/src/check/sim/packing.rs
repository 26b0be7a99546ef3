//! The simulator model's states as bytes (`Model::pack`, `Model::unpack`).
//!
//! The checker fingerprints these bytes and keeps them while a state waits in its frontier,
//! so they must tell every state apart and should be short. A state of the page's challenge
//! (3 servers, a few messages in flight) packs into about 40 bytes; as a value it is 100
//! bytes inline plus three heap blocks. What makes it short:
//! - numbers are varints (`pack.rs`), one byte below 128;
//! - a proposal is one number in mixed radix, `(counter * (N + 2) + server) * (V + 1) +
//!   value`, for N servers and V values (a value being its position among the model's
//!   values X, Y, Z, ...): one byte while the counter stays below about 128 / ((N + 2)(V + 1)),
//!   which covers the first attempts of a small job; a ballot alone is `counter * (N + 2) +
//!   server`;
//! - a message's kind, sender and receiver share one byte (while N² < 32, so up to 5 servers);
//! - a server's id is its position in the list, so it is not written; which of its optional
//!   parts are present, and its proposer's phase, share one flag byte, and its three counters
//!   are left out while all three are 0, as they are for a server that never proposed.
//!
//! A server id above N, or a value outside the model's, cannot occur in this model, but they
//! are still written unambiguously (an escape code, then the raw bytes), so packing stays
//! one-to-one whatever a state holds.
//!
//! Multi-Paxos' parts (a server's log, its messages, the per-slot records) are written by
//! `packing_log.rs` behind escape codes that the single-decree protocols never use, so their
//! states pack into the same bytes as before.

use super::{Flight, SimModel, SimState};
use crate::check::pack::{write_packed, Reader, Writer};
use crate::message::Message;
use crate::protocol::{Node, Phase};
use crate::quorum::NodeSet;
use crate::types::{Ballot, NodeId, Proposal, Value};

// Flag bits of a packed server; the phase's code sits in the top three bits.
const UP: u8 = 1;
const ACCEPTED: u8 = 1 << 1;
const HAS_VALUE: u8 = 1 << 2;
const DISCOVERED: u8 = 1 << 3;
/// `counter_max`, `attempts` and `generation` follow (else all three are 0).
const COUNTERS: u8 = 1 << 4;
const PHASE_SHIFT: u32 = 5;

// Codes of the proposer's phases.
const IDLE: u8 = 0;
const PREPARING: u8 = 1;
/// Preparing, with the highest accepted proposal reported so far.
const PREPARING_HIGHEST: u8 = 2;
const ACCEPTING: u8 = 3;
const BACKING_OFF: u8 = 4;
const DONE: u8 = 5;
const GAVE_UP: u8 = 6;
/// The server has a Multi-Paxos log: its phase's code follows in a byte of its own, and the
/// log after everything else.
const LOGGED: u8 = 7;

// Codes of the message kinds; a flight's first byte is `kind << 5 | pair`.
const PREPARE: u8 = 0;
const PROMISE_EMPTY: u8 = 1;
const PROMISE: u8 = 2;
const ACCEPT: u8 = 3;
const ACCEPTED_MESSAGE: u8 = 4;
const NACK: u8 = 5;
const REJECT: u8 = 6;
/// A kind of its own byte: its low five bits are 0 when the kind, sender and receiver follow
/// in full, else 1 + the pair code, and the kind follows (Multi-Paxos' kinds, from 8 on).
const WIDE_FLIGHT: u8 = 7;
const KIND_SHIFT: u32 = 5;

impl SimModel {
    pub(super) fn pack_state(&self, state: &SimState, out: &mut Vec<u8>) {
        // Enough for the states of the page's jobs (36 bytes on average for the challenge);
        // a larger one is written again with exactly the room it needs.
        let guess = 8 + 24 * state.nodes.len() + 8 * state.in_flight.len() + 4 * state.acceptances.len();
        write_packed(out, guess, |writer| self.write_state(state, writer));
    }

    #[inline(always)]
    fn write_state(&self, state: &SimState, out: &mut Writer) {
        out.bytes(&[state.unproposed, state.duplicates_left, state.crashes_left]);
        // One byte below 128, as every single-decree state's is; Multi-Paxos' bits per slot
        // reach higher.
        out.varint(u64::from(state.chosen));
        // As many servers as the configuration has, always: no count needed.
        for (index, node) in state.nodes.iter().enumerate() {
            debug_assert_eq!(node.id, NodeId::from_index(index), "a server sits at its own position");
            self.pack_node(node, out);
        }
        out.varint(state.in_flight.len() as u64);
        for flight in &state.in_flight {
            self.pack_flight(flight, out);
        }
        out.varint(state.acceptances.len() as u64);
        for (proposal, accepted) in &state.acceptances {
            self.pack_proposal(proposal, out);
            out.varint(u64::from(accepted.bits()));
        }
        if self.config.protocol.is_multi() {
            self.pack_slot_records(&state.slot_acceptances, out);
        } else {
            debug_assert!(state.slot_acceptances.is_empty(), "only Multi-Paxos accepts in slots");
        }
    }

    pub(super) fn unpack_state(&self, bytes: &[u8]) -> SimState {
        let mut reader = Reader::new(bytes);
        let [unproposed, duplicates_left, crashes_left] = [0; 3].map(|_: u8| reader.byte());
        let chosen = reader.varint() as u32;
        let nodes = (0..usize::from(self.config.nodes)).map(|index| self.unpack_node(index, &mut reader)).collect();
        // A count can only be as large as the bytes left (each entry takes at least one), which
        // keeps a corrupt count from asking for a huge allocation.
        let flights = (reader.varint() as usize).min(bytes.len());
        let in_flight = (0..flights).map(|_| self.unpack_flight(&mut reader)).collect();
        let records = (reader.varint() as usize).min(bytes.len());
        let acceptances = (0..records).map(|_| (self.unpack_proposal(&mut reader), unpack_set(&mut reader))).collect();
        let slot_acceptances = match self.config.protocol.is_multi() {
            true => self.unpack_slot_records(&mut reader, bytes.len()),
            false => Vec::new(),
        };
        SimState { nodes, in_flight, unproposed, duplicates_left, crashes_left, chosen, acceptances, slot_acceptances }
    }

    #[inline(always)]
    fn pack_node(&self, node: &Node, out: &mut Writer) {
        let phase = match node.proposer.phase {
            Phase::Idle => IDLE,
            Phase::Preparing { highest: None, .. } => PREPARING,
            Phase::Preparing { highest: Some(_), .. } => PREPARING_HIGHEST,
            Phase::Accepting { .. } => ACCEPTING,
            Phase::BackingOff => BACKING_OFF,
            Phase::Done { .. } => DONE,
            Phase::GaveUp => GAVE_UP,
        };
        let proposer = &node.proposer;
        let counters = node.counter_max != 0 || proposer.attempts != 0 || proposer.generation != 0;
        let flag = |on: bool, bit: u8| if on { bit } else { 0 };
        out.byte(
            flag(node.up, UP)
                | flag(node.acceptor.accepted.is_some(), ACCEPTED)
                | flag(proposer.value.is_some(), HAS_VALUE)
                | flag(proposer.discovered.is_some(), DISCOVERED)
                | flag(counters, COUNTERS)
                | if node.log.is_some() { LOGGED } else { phase } << PHASE_SHIFT,
        );
        if node.log.is_some() {
            out.byte(phase);
        }
        self.pack_ballot(node.acceptor.promised, out);
        if let Some(accepted) = &node.acceptor.accepted {
            self.pack_proposal(accepted, out);
        }
        if counters {
            out.varint(u64::from(node.counter_max));
            out.varint(u64::from(proposer.attempts));
            out.varint(u64::from(proposer.generation));
        }
        if let Some(value) = proposer.value {
            self.pack_proposal(&Proposal { ballot: Ballot::NONE, value }, out);
        }
        match proposer.phase {
            Phase::Preparing { ballot, promises, highest } => {
                self.pack_ballot(ballot, out);
                out.varint(u64::from(promises.bits()));
                if let Some((from, proposal)) = highest {
                    out.byte(from.0);
                    self.pack_proposal(&proposal, out);
                }
            }
            Phase::Accepting { proposal, accepts, refusals } => {
                self.pack_proposal(&proposal, out);
                out.varint(u64::from(accepts.bits()));
                out.varint(u64::from(refusals.bits()));
            }
            Phase::Done { proposal } => self.pack_proposal(&proposal, out),
            Phase::Idle | Phase::BackingOff | Phase::GaveUp => {}
        }
        if let Some(discovered) = &proposer.discovered {
            self.pack_proposal(discovered, out);
        }
        if let Some(log) = node.log.as_deref() {
            self.pack_log(log, out);
        }
    }

    fn unpack_node(&self, index: usize, reader: &mut Reader) -> Node {
        let mut node = Node::new(&self.node_config, NodeId::from_index(index));
        let flags = reader.byte();
        let logged = flags >> PHASE_SHIFT == LOGGED;
        let phase = if logged { reader.byte() } else { flags >> PHASE_SHIFT };
        node.up = flags & UP != 0;
        node.acceptor.promised = self.unpack_ballot(reader);
        if flags & ACCEPTED != 0 {
            node.acceptor.accepted = Some(self.unpack_proposal(reader));
        }
        let proposer = &mut node.proposer;
        if flags & COUNTERS != 0 {
            node.counter_max = reader.varint() as u32;
            proposer.attempts = reader.varint() as u32;
            proposer.generation = reader.varint() as u32;
        }
        if flags & HAS_VALUE != 0 {
            proposer.value = Some(self.unpack_proposal(reader).value);
        }
        proposer.phase = match phase {
            code @ (PREPARING | PREPARING_HIGHEST) => {
                let ballot = self.unpack_ballot(reader);
                let promises = unpack_set(reader);
                let highest =
                    (code == PREPARING_HIGHEST).then(|| (NodeId(reader.byte()), self.unpack_proposal(reader)));
                Phase::Preparing { ballot, promises, highest }
            }
            ACCEPTING => {
                let proposal = self.unpack_proposal(reader);
                let accepts = unpack_set(reader);
                Phase::Accepting { proposal, accepts, refusals: unpack_set(reader) }
            }
            BACKING_OFF => Phase::BackingOff,
            DONE => Phase::Done { proposal: self.unpack_proposal(reader) },
            GAVE_UP => Phase::GaveUp,
            _ => Phase::Idle,
        };
        if flags & DISCOVERED != 0 {
            proposer.discovered = Some(self.unpack_proposal(reader));
        }
        node.log = logged.then(|| self.unpack_log(reader));
        node
    }

    /// Servers in the pair code: sender and receiver both within 1..=N, and N² codes fit in
    /// the five bits beside the kind.
    #[inline(always)]
    fn pair_code(&self, from: NodeId, to: NodeId) -> Option<u8> {
        let nodes = self.config.nodes;
        let fits = |id: NodeId| (1..=nodes).contains(&id.0);
        (u32::from(nodes) * u32::from(nodes) <= 1 << KIND_SHIFT && fits(from) && fits(to))
            .then(|| (from.0 - 1) * nodes + (to.0 - 1))
    }

    #[inline(always)]
    fn pack_flight(&self, flight: &Flight, out: &mut Writer) {
        let kind = match flight.message {
            Message::Prepare { .. } => PREPARE,
            Message::Promise { accepted: None, .. } => PROMISE_EMPTY,
            Message::Promise { accepted: Some(_), .. } => PROMISE,
            Message::Accept { .. } => ACCEPT,
            Message::Accepted { .. } => ACCEPTED_MESSAGE,
            Message::Nack { .. } => NACK,
            Message::Reject { .. } => REJECT,
            _ => self.log_message_kind(&flight.message),
        };
        match self.pair_code(flight.from, flight.to) {
            Some(pair) if kind < WIDE_FLIGHT => out.byte(kind << KIND_SHIFT | pair),
            Some(pair) => out.bytes(&[WIDE_FLIGHT << KIND_SHIFT | (pair + 1), kind]),
            None => out.bytes(&[WIDE_FLIGHT << KIND_SHIFT, kind, flight.from.0, flight.to.0]),
        }
        match &flight.message {
            Message::Prepare { ballot } | Message::Promise { ballot, accepted: None } => self.pack_ballot(*ballot, out),
            Message::Promise { ballot, accepted: Some(accepted) } => {
                self.pack_ballot(*ballot, out);
                self.pack_proposal(accepted, out);
            }
            Message::Accept { proposal } | Message::Accepted { proposal } => self.pack_proposal(proposal, out),
            Message::Nack { ballot, promised } => {
                self.pack_ballot(*ballot, out);
                self.pack_ballot(*promised, out);
            }
            Message::Reject { proposal, holds } => {
                self.pack_proposal(proposal, out);
                self.pack_proposal(holds, out);
            }
            log_message => self.pack_log_message(log_message, out),
        }
    }

    fn unpack_flight(&self, reader: &mut Reader) -> Flight {
        let first = reader.byte();
        let low = first & ((1 << KIND_SHIFT) - 1);
        let nodes = self.config.nodes.max(1);
        let (kind, from, to) = match (first >> KIND_SHIFT, low) {
            (WIDE_FLIGHT, 0) => (reader.byte(), NodeId(reader.byte()), NodeId(reader.byte())),
            (WIDE_FLIGHT, code) => (reader.byte(), NodeId((code - 1) / nodes + 1), NodeId((code - 1) % nodes + 1)),
            (kind, pair) => (kind, NodeId(pair / nodes + 1), NodeId(pair % nodes + 1)),
        };
        let message = match kind {
            PROMISE_EMPTY => Message::Promise { ballot: self.unpack_ballot(reader), accepted: None },
            PROMISE => {
                let ballot = self.unpack_ballot(reader);
                Message::Promise { ballot, accepted: Some(self.unpack_proposal(reader)) }
            }
            ACCEPT => Message::Accept { proposal: self.unpack_proposal(reader) },
            ACCEPTED_MESSAGE => Message::Accepted { proposal: self.unpack_proposal(reader) },
            NACK => {
                let ballot = self.unpack_ballot(reader);
                Message::Nack { ballot, promised: self.unpack_ballot(reader) }
            }
            REJECT => {
                let proposal = self.unpack_proposal(reader);
                Message::Reject { proposal, holds: self.unpack_proposal(reader) }
            }
            PREPARE => Message::Prepare { ballot: self.unpack_ballot(reader) },
            _ => self.unpack_log_message(kind, reader),
        };
        Flight { from, to, message }
    }

    /// Radix of a ballot's server: 0 (no ballot) to N, and N + 1 for "written in full".
    #[inline(always)]
    pub(super) fn server_radix(&self) -> u64 {
        u64::from(self.config.nodes) + 2
    }

    /// Radix of a value: its position among the model's V values, and V for "written in full".
    #[inline(always)]
    fn value_radix(&self) -> u64 {
        self.values.len() as u64 + 1
    }

    /// `counter * (N + 2) + server`, and whether the server must follow in full.
    #[inline(always)]
    pub(super) fn ballot_code(&self, ballot: Ballot) -> (u64, bool) {
        let wide_id = self.server_radix() - 1;
        let wide = u64::from(ballot.node.0) >= wide_id;
        let server = if wide { wide_id } else { u64::from(ballot.node.0) };
        (u64::from(ballot.counter) * self.server_radix() + server, wide)
    }

    pub(super) fn ballot_from_code(&self, code: u64, reader: &mut Reader) -> Ballot {
        let server = code % self.server_radix();
        let node = if server == self.server_radix() - 1 { reader.byte() } else { server as u8 };
        Ballot { counter: (code / self.server_radix()) as u32, node: NodeId(node) }
    }

    #[inline(always)]
    pub(super) fn pack_ballot(&self, ballot: Ballot, out: &mut Writer) {
        let (code, wide) = self.ballot_code(ballot);
        out.varint(code);
        if wide {
            out.byte(ballot.node.0);
        }
    }

    pub(super) fn unpack_ballot(&self, reader: &mut Reader) -> Ballot {
        let code = reader.varint();
        self.ballot_from_code(code, reader)
    }

    /// One varint, `ballot code * (V + 1) + value`, then the server and the value's text if
    /// they are written in full.
    #[inline(always)]
    fn pack_proposal(&self, proposal: &Proposal, out: &mut Writer) {
        let (ballot, wide) = self.ballot_code(proposal.ballot);
        let value = self.values.iter().position(|v| *v == proposal.value);
        let value_code = value.unwrap_or(self.values.len()) as u64;
        out.varint(ballot * self.value_radix() + value_code);
        if wide {
            out.byte(proposal.ballot.node.0);
        }
        if value.is_none() {
            let text = proposal.value.as_str().as_bytes();
            out.byte(text.len() as u8);
            out.bytes(text);
        }
    }

    fn unpack_proposal(&self, reader: &mut Reader) -> Proposal {
        let code = reader.varint();
        let ballot = self.ballot_from_code(code / self.value_radix(), reader);
        let value = match self.values.get((code % self.value_radix()) as usize) {
            Some(value) => *value,
            None => {
                let length = usize::from(reader.byte());
                let text = std::str::from_utf8(reader.bytes(length)).ok();
                // Only bytes `pack_proposal` wrote arrive here, and those always make a value.
                text.and_then(Value::new).unwrap_or(self.values[0])
            }
        };
        Proposal { ballot, value }
    }
}

pub(super) fn unpack_set(reader: &mut Reader) -> NodeSet {
    NodeSet::from_bits(reader.varint() as u16)
}
