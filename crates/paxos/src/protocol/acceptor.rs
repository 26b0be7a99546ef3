//! The acceptor: the durable memory of the protocol.
//!
//! Its whole state is the number it promised and the proposal it accepted. Safety lives in
//! the rules below: an acceptor never goes back on a promise, and (in Paxos) it reports what
//! it accepted to every later proposer that asks, so the value travels forward. Each decision
//! records the rule it followed ([`Rule`]) in its note, and a refusal the guard that failed
//! with the numbers it compared ([`Guard`]), so the log and the page can say why.

use super::{Config, Note, Protocol};
use crate::message::Message;
use crate::rules::{Guard, Rule};
use crate::types::{Ballot, Proposal};
use serde::Serialize;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Acceptor {
    /// The highest number this acceptor promised (phase 1b) or accepted; `Ballot::NONE` if none.
    pub promised: Ballot,
    /// The proposal it holds: the highest-numbered one it accepted (Paxos), or the one it kept.
    pub accepted: Option<Proposal>,
}

impl Default for Ballot {
    fn default() -> Ballot {
        Ballot::NONE
    }
}

/// What an acceptor answers (if anything) and the note that explains it (none for a
/// re-delivered Accept of what it already holds, which changes nothing).
pub type Answer = (Option<Message>, Option<Note>);

impl Acceptor {
    /// Phase 1b. Paxos Made Simple says "greater than any prepare it already responded to";
    /// we also answer a Prepare equal to the promise, so a duplicated Prepare gets the same
    /// Promise again instead of a confusing Nack. Same promise, same report: still safe.
    pub fn on_prepare(&mut self, config: &Config, ballot: Ballot) -> Answer {
        if !config.protocol.has_phase_one() {
            // One-phase acceptors never see a Prepare.
            return (None, None);
        }
        let previous = self.promised;
        if ballot >= previous {
            self.promised = ballot;
            let promise = Message::Promise { ballot, accepted: self.accepted };
            return (Some(promise), Some(Note::Promised { ballot, previous }));
        }
        // Rule 1b's guard failed: it promised `previous` > `ballot`. A Paxos acceptor without
        // nacks stays silent.
        let reply = config.nacks.then_some(Message::Nack { ballot, promised: previous });
        (reply, Some(self.refused(Message::Prepare { ballot }, Rule::Promise, ballot)))
    }

    /// Phase 2b, or the single phase of the one-phase protocols. Each arm is one protocol's
    /// acceptance rule; its guard is the arm's condition.
    pub fn on_accept(&mut self, config: &Config, proposal: Proposal) -> Answer {
        let held = self.accepted;
        let (rule, take) = match (config.protocol, held) {
            // Re-delivery of what it already holds: acknowledge again, change nothing.
            (_, Some(h)) if h == proposal => return (Some(Message::Accepted { proposal }), None),
            // Keep the first value: anything held refuses everything else.
            (Protocol::OnePhaseFirst, held) => (Rule::OnePhaseFirst, held.is_none()),
            (Protocol::OnePhaseAdopt, held) => (Rule::OnePhaseAdopt, held.is_none()),
            // Take a higher number: what is held goes, even if a majority holds it (unsafe).
            (Protocol::OnePhaseHighest, held) => {
                (Rule::OnePhaseHighest, held.is_none_or(|h| proposal.ballot > h.ballot))
            }
            // The seed's wording of 2b: nothing accepted yet, or a number higher than the one
            // accepted. It never asks about promises, so an acceptor that promised 13 still
            // takes 11 when it has accepted nothing: the check that keeps a value chosen
            // under 11 from being missed by proposer 13's phase 1 is gone.
            (Protocol::SeedPhaseTwo, held) => (Rule::SeedAccept, held.is_none_or(|h| proposal.ballot > h.ballot)),
            // Lamport's 2b: accept unless it promised a higher number.
            (Protocol::BasicPaxos, _) => (Rule::Accept, proposal.ballot >= self.promised),
            // Multi-Paxos servers accept per slot (`multi`), never here.
            _ => return (None, None),
        };
        if take {
            self.promised = self.promised.max(proposal.ballot);
            self.accepted = Some(proposal);
            return (Some(Message::Accepted { proposal }), Some(Note::Accepted { proposal, replaced: held, rule }));
        }
        let note = self.refused(Message::Accept { proposal }, rule, proposal.ballot);
        let reply = match held {
            // The two-phase acceptors answer a refusal with the promise that pre-empted it.
            _ if config.protocol.has_phase_one() => {
                config.nacks.then_some(Message::Nack { ballot: proposal.ballot, promised: self.promised })
            }
            Some(holds) => Some(Message::Reject { proposal, holds }),
            // A one-phase acceptor refuses only when it holds a proposal.
            None => None,
        };
        (reply, Some(note))
    }

    /// The note of a refusal of `request` under `rule`: the numbers its guard compared.
    fn refused(&self, request: Message, rule: Rule, ballot: Ballot) -> Note {
        Note::Refused { message: request, guard: Guard { rule, ballot, promised: self.promised, holds: self.accepted } }
    }
}
