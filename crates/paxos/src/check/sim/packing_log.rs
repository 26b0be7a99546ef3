//! Multi-Paxos' parts of a packed state (see `packing.rs`): a server's log, the log messages,
//! and the per-slot acceptance records.
//!
//! A command is one number, like a proposal's value: 0 for `no-op`, 1 + i for `set x V`
//! where V is the model's value i (proposer S(i+1)'s command), and anything else escaped and
//! written in full. An entry `(ballot, command)` is one varint in mixed radix, `ballot code
//! * (V + 2) + command code`, so the entries of a small job take one or two bytes. A slot
//! is one byte (at most `LOG_SLOTS_MAX`).

use super::packing::unpack_set;
use super::{SimModel, OP_KEY};
use crate::check::pack::{Reader, Writer};
use crate::message::Message;
use crate::protocol::multi::{Entry, Log, LogBox, Op, Reports, Role, Slot};
use crate::quorum::NodeSet;
use crate::types::{NodeId, Value};

// Codes of the log messages' kinds, after the single-decree ones (0 to 6; 7 is the escape
// that announces a kind byte).
const PREPARE_LOG: u8 = 8;
const PROMISE_LOG: u8 = 9;
const ACCEPT_SLOT: u8 = 10;
const ACCEPTED_SLOT: u8 = 11;
const DECIDE: u8 = 12;

// Codes of a server's role.
const FOLLOWER: u8 = 0;
const CANDIDATE: u8 = 1;
const LEADER: u8 = 2;
const BACKING_OFF: u8 = 3;

// Tags of a command written in full.
const FULL_NO_OP: u8 = 0;
const FULL_SET: u8 = 1;
const FULL_GET: u8 = 2;

impl SimModel {
    pub(super) fn log_message_kind(&self, message: &Message) -> u8 {
        match message {
            Message::PrepareLog { .. } => PREPARE_LOG,
            Message::PromiseLog { .. } => PROMISE_LOG,
            Message::AcceptSlot { .. } => ACCEPT_SLOT,
            Message::AcceptedSlot { .. } => ACCEPTED_SLOT,
            Message::Decide { .. } => DECIDE,
            single_decree => unreachable!("packing.rs codes {single_decree:?} itself"),
        }
    }

    pub(super) fn pack_log_message(&self, message: &Message, out: &mut Writer) {
        match message {
            Message::PrepareLog { ballot, from } => {
                self.pack_ballot(*ballot, out);
                out.byte(from.0);
            }
            Message::PromiseLog { ballot, from, accepted } => {
                self.pack_ballot(*ballot, out);
                out.byte(from.0);
                out.varint(accepted.len() as u64);
                for (slot, entry) in accepted.iter() {
                    out.byte(slot.0);
                    self.pack_entry(entry, out);
                }
            }
            Message::AcceptSlot { slot, entry } => {
                out.byte(slot.0);
                self.pack_entry(entry, out);
            }
            Message::AcceptedSlot { slot, ballot } => {
                out.byte(slot.0);
                self.pack_ballot(*ballot, out);
            }
            Message::Decide { slot, op } => {
                out.byte(slot.0);
                self.pack_op(op, out);
            }
            single_decree => unreachable!("packing.rs writes {single_decree:?} itself"),
        }
    }

    /// The log message of `kind`; a code nobody writes reads as an empty `Prepare`.
    pub(super) fn unpack_log_message(&self, kind: u8, reader: &mut Reader) -> Message {
        match kind {
            PREPARE_LOG => Message::PrepareLog { ballot: self.unpack_ballot(reader), from: Slot(reader.byte()) },
            PROMISE_LOG => {
                let ballot = self.unpack_ballot(reader);
                let from = Slot(reader.byte());
                let count = (reader.varint() as usize).min(reader.left());
                let accepted: Reports = (0..count).map(|_| (Slot(reader.byte()), self.unpack_entry(reader))).collect();
                Message::PromiseLog { ballot, from, accepted }
            }
            ACCEPT_SLOT => Message::AcceptSlot { slot: Slot(reader.byte()), entry: self.unpack_entry(reader) },
            ACCEPTED_SLOT => Message::AcceptedSlot { slot: Slot(reader.byte()), ballot: self.unpack_ballot(reader) },
            DECIDE => Message::Decide { slot: Slot(reader.byte()), op: self.unpack_op(reader) },
            _ => Message::Prepare { ballot: crate::types::Ballot::NONE },
        }
    }

    pub(super) fn pack_log(&self, log: &Log, out: &mut Writer) {
        out.varint(log.accepted.len() as u64);
        for (slot, entry) in &log.accepted {
            out.byte(slot.0);
            self.pack_entry(entry, out);
        }
        out.varint(log.learned.len() as u64);
        for (slot, op) in &log.learned {
            out.byte(slot.0);
            self.pack_op(op, out);
        }
        match &log.role {
            Role::Follower => out.byte(FOLLOWER),
            Role::BackingOff => out.byte(BACKING_OFF),
            Role::Candidate { ballot, from, promises, reports } => {
                out.byte(CANDIDATE);
                self.pack_ballot(*ballot, out);
                out.byte(from.0);
                out.varint(u64::from(promises.bits()));
                out.varint(reports.len() as u64);
                for (slot, by, entry) in reports {
                    out.bytes(&[slot.0, by.0]);
                    self.pack_entry(entry, out);
                }
            }
            Role::Leader { ballot, next, outstanding } => {
                out.byte(LEADER);
                self.pack_ballot(*ballot, out);
                out.byte(next.0);
                out.varint(outstanding.len() as u64);
                for (slot, op, accepts) in outstanding {
                    out.byte(slot.0);
                    self.pack_op(op, out);
                    out.varint(u64::from(accepts.bits()));
                }
            }
        }
        out.varint(log.pending.len() as u64);
        for op in &log.pending {
            self.pack_op(op, out);
        }
    }

    pub(super) fn unpack_log(&self, reader: &mut Reader) -> LogBox {
        // A count can be no larger than the bytes left (each item takes one at least), which
        // keeps a corrupt count from asking for a huge allocation.
        let count = |reader: &mut Reader| (reader.varint() as usize).min(reader.left());
        let accepted = (0..count(reader)).map(|_| (Slot(reader.byte()), self.unpack_entry(reader))).collect();
        let learned = (0..count(reader)).map(|_| (Slot(reader.byte()), self.unpack_op(reader))).collect();
        let role = match reader.byte() {
            CANDIDATE => {
                let ballot = self.unpack_ballot(reader);
                let from = Slot(reader.byte());
                let promises = unpack_set(reader);
                let reports = (0..count(reader))
                    .map(|_| (Slot(reader.byte()), NodeId(reader.byte()), self.unpack_entry(reader)))
                    .collect();
                Role::Candidate { ballot, from, promises, reports }
            }
            LEADER => {
                let ballot = self.unpack_ballot(reader);
                let next = Slot(reader.byte());
                let outstanding = (0..count(reader))
                    .map(|_| (Slot(reader.byte()), self.unpack_op(reader), unpack_set(reader)))
                    .collect();
                Role::Leader { ballot, next, outstanding }
            }
            BACKING_OFF => Role::BackingOff,
            _ => Role::Follower,
        };
        let pending = (0..count(reader)).map(|_| self.unpack_op(reader)).collect();
        boxed(Log { accepted, learned, role, pending })
    }

    pub(super) fn pack_slot_records(&self, records: &[(Slot, Entry, NodeSet)], out: &mut Writer) {
        out.varint(records.len() as u64);
        for (slot, entry, accepted) in records {
            out.byte(slot.0);
            self.pack_entry(entry, out);
            out.varint(u64::from(accepted.bits()));
        }
    }

    pub(super) fn unpack_slot_records(&self, reader: &mut Reader, limit: usize) -> Vec<(Slot, Entry, NodeSet)> {
        let count = (reader.varint() as usize).min(limit);
        (0..count).map(|_| (Slot(reader.byte()), self.unpack_entry(reader), unpack_set(reader))).collect()
    }

    /// Radix of a command: `no-op`, the model's V commands, and "written in full".
    fn op_radix(&self) -> u64 {
        self.values.len() as u64 + 2
    }

    /// The command's code, and whether it must follow in full.
    fn op_code(&self, op: &Op) -> (u64, bool) {
        let model_value = |value: &Value| self.values.iter().position(|v| v == value);
        match op {
            Op::NoOp => (0, false),
            Op::Set { key, value } if key.as_str() == OP_KEY => match model_value(value) {
                Some(i) => (i as u64 + 1, false),
                None => (self.op_radix() - 1, true),
            },
            Op::Set { .. } | Op::Get { .. } => (self.op_radix() - 1, true),
        }
    }

    fn pack_op(&self, op: &Op, out: &mut Writer) {
        let (code, full) = self.op_code(op);
        out.varint(code);
        if full {
            self.pack_op_in_full(op, out);
        }
    }

    fn unpack_op(&self, reader: &mut Reader) -> Op {
        let code = reader.varint();
        self.op_from_code(code, reader)
    }

    fn pack_entry(&self, entry: &Entry, out: &mut Writer) {
        let (ballot, wide) = self.ballot_code(entry.ballot);
        let (op, full) = self.op_code(&entry.op);
        out.varint(ballot * self.op_radix() + op);
        if wide {
            out.byte(entry.ballot.node.0);
        }
        if full {
            self.pack_op_in_full(&entry.op, out);
        }
    }

    fn unpack_entry(&self, reader: &mut Reader) -> Entry {
        let code = reader.varint();
        let ballot = self.ballot_from_code(code / self.op_radix(), reader);
        Entry { ballot, op: self.op_from_code(code % self.op_radix(), reader) }
    }

    fn op_from_code(&self, code: u64, reader: &mut Reader) -> Op {
        match code {
            0 => Op::NoOp,
            code if code == self.op_radix() - 1 => self.unpack_op_in_full(reader),
            code => match (Value::new(OP_KEY), self.values.get(code as usize - 1)) {
                (Some(key), Some(value)) => Op::Set { key, value: *value },
                _ => Op::NoOp,
            },
        }
    }

    fn pack_op_in_full(&self, op: &Op, out: &mut Writer) {
        let text = |value: &Value, out: &mut Writer| {
            out.byte(value.as_str().len() as u8);
            out.bytes(value.as_str().as_bytes());
        };
        match op {
            Op::NoOp => out.byte(FULL_NO_OP),
            Op::Set { key, value } => {
                out.byte(FULL_SET);
                text(key, out);
                text(value, out);
            }
            Op::Get { key } => {
                out.byte(FULL_GET);
                text(key, out);
            }
        }
    }

    fn unpack_op_in_full(&self, reader: &mut Reader) -> Op {
        // Only bytes `pack_op_in_full` wrote arrive here, and those always make a value.
        let text = |reader: &mut Reader| {
            let length = usize::from(reader.byte());
            std::str::from_utf8(reader.bytes(length)).ok().and_then(Value::new).unwrap_or(self.values[0])
        };
        match reader.byte() {
            FULL_SET => {
                let key = text(reader);
                Op::Set { key, value: text(reader) }
            }
            FULL_GET => Op::Get { key: text(reader) },
            _ => Op::NoOp,
        }
    }
}

/// The log as a server holds it. (A build without Multi-Paxos has no logs: its states never
/// hold one, so this is never given anything but the empty log there.)
#[cfg(feature = "multi")]
fn boxed(log: Log) -> LogBox {
    Box::new(log)
}

#[cfg(not(feature = "multi"))]
fn boxed(log: Log) -> LogBox {
    debug_assert_eq!(log, Log::default(), "no logs without Multi-Paxos");
    LogBox
}
