//! The acceptor of every slot: one promise for all of them, one accepted proposal per slot.
//!
//! The rules are Basic Paxos' rules, applied per slot with one shared promise: promise a
//! number at least as high as every number promised before, and report what was accepted;
//! accept a proposal for a slot unless a higher number was promised. A single promise is
//! what lets a leader's one phase 1 cover every slot, present and future.

use super::{put, Entry, Slot};
use crate::message::Message;
use crate::protocol::{Config, Effect, Node, Note};
use crate::rules::{Guard, Rule};
use crate::types::{Ballot, NodeId};

impl Node {
    /// Phase 1b for every slot from `from` on: promise `ballot` and report, per slot, the
    /// highest-numbered proposal accepted there (which is the only one kept: an acceptor
    /// accepts only numbers at least its promise, so each slot's numbers only grow).
    pub(in crate::protocol) fn on_log_prepare(
        &mut self,
        config: &Config,
        sender: NodeId,
        ballot: Ballot,
        from: Slot,
        out: &mut Vec<Effect>,
    ) {
        let promised = self.acceptor.promised;
        let Some(log) = self.log.as_deref() else { return };
        let reply = match () {
            // As in Basic Paxos, a Prepare equal to the promise is answered again: a
            // duplicated Prepare gets the same Promise, not a confusing Nack.
            _ if ballot >= promised => {
                self.acceptor.promised = ballot;
                out.push(Effect::Note(Note::Promised { ballot, previous: promised }));
                let accepted = log.accepted.iter().filter(|(slot, _)| *slot >= from).copied().collect();
                Some(Message::PromiseLog { ballot, from, accepted })
            }
            _ => {
                // Rule 1b's guard failed: it promised `promised` > `ballot`.
                let guard = Guard { rule: Rule::Promise, ballot, promised, holds: None };
                out.push(Effect::Note(Note::Refused { message: Message::PrepareLog { ballot, from }, guard }));
                config.nacks.then_some(Message::Nack { ballot, promised })
            }
        };
        if let Some(message) = reply {
            out.push(Effect::Send { to: sender, message });
        }
    }

    /// Phase 2b for one slot: accept unless a higher number was promised.
    pub(in crate::protocol) fn on_slot_accept(
        &mut self,
        config: &Config,
        sender: NodeId,
        slot: Slot,
        entry: Entry,
        out: &mut Vec<Effect>,
    ) {
        let promised = self.acceptor.promised;
        let Some(log) = self.log.as_deref_mut() else { return };
        let accepted = Message::AcceptedSlot { slot, ballot: entry.ballot };
        let reply = match log.accepted_at(slot) {
            // Re-delivery of what it already holds: acknowledge again, change nothing.
            Some(held) if held == entry => Some(accepted),
            _ if entry.ballot >= promised => {
                self.acceptor.promised = entry.ballot;
                let replaced = put(&mut log.accepted, slot, entry);
                out.push(Effect::Note(Note::SlotAccepted { slot, entry, replaced }));
                Some(accepted)
            }
            _ => {
                // Rule 2b's guard failed for this slot: it promised `promised` > the entry's number.
                let guard = Guard { rule: Rule::Accept, ballot: entry.ballot, promised, holds: None };
                out.push(Effect::Note(Note::Refused { message: Message::AcceptSlot { slot, entry }, guard }));
                config.nacks.then_some(Message::Nack { ballot: entry.ballot, promised })
            }
        };
        if let Some(message) = reply {
            out.push(Effect::Send { to: sender, message });
        }
    }
}
