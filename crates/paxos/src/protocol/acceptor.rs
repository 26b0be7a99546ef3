//! The acceptor: the durable memory of the protocol.
//!
//! Its whole state is the number it promised and the proposal it accepted. Safety lives in
//! the rules below: an acceptor never goes back on a promise, and (in Paxos) it reports what
//! it accepted to every later proposer that asks, so the value travels forward.

use super::{Config, Effect, Note, Protocol};
use crate::message::Message;
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

impl Acceptor {
    /// Phase 1b. Paxos Made Simple says "greater than any prepare it already responded to";
    /// we also answer a Prepare equal to the promise, so a duplicated Prepare gets the same
    /// Promise again instead of a confusing Nack. Same promise, same report: still safe.
    pub fn on_prepare(&mut self, config: &Config, ballot: Ballot) -> Option<Message> {
        match config.protocol {
            Protocol::BasicPaxos if ballot >= self.promised => {
                self.promised = ballot;
                Some(Message::Promise { ballot, accepted: self.accepted })
            }
            Protocol::BasicPaxos if config.nacks => Some(Message::Nack { ballot, promised: self.promised }),
            // One-phase acceptors never see a Prepare; a Paxos acceptor without nacks stays silent.
            _ => None,
        }
    }

    /// Phase 2b, or the single phase of the one-phase protocols. Returns the reply.
    pub fn on_accept(&mut self, config: &Config, proposal: Proposal) -> Option<Message> {
        let held = self.accepted;
        let take = match (config.protocol, held) {
            // Re-delivery of what it already holds: acknowledge again, change nothing.
            (_, Some(h)) if h == proposal => true,
            (Protocol::OnePhaseFirst | Protocol::OnePhaseAdopt, held) => held.is_none(),
            (Protocol::OnePhaseHighest, held) => held.is_none_or(|h| proposal.ballot > h.ballot),
            (Protocol::BasicPaxos, _) => proposal.ballot >= self.promised,
            // Multi-Paxos servers accept per slot (`multi`), never here.
            _ => false,
        };
        match (take, held) {
            (true, _) => {
                self.promised = self.promised.max(proposal.ballot);
                self.accepted = Some(proposal);
                Some(Message::Accepted { proposal })
            }
            (false, _) if config.protocol == Protocol::BasicPaxos => {
                config.nacks.then_some(Message::Nack { ballot: proposal.ballot, promised: self.promised })
            }
            (false, Some(holds)) => Some(Message::Reject { proposal, holds }),
            // A one-phase acceptor refuses only when it holds a proposal, and a Multi-Paxos
            // server never gets here: nothing to say.
            (false, None) => None,
        }
    }

    /// The note that explains a reply, for the event log.
    pub fn note_for(previous: Acceptor, reply: &Option<Message>, request: Message) -> Option<Effect> {
        let note = match reply {
            Some(Message::Promise { ballot, .. }) => Note::Promised { ballot: *ballot, previous: previous.promised },
            Some(Message::Accepted { proposal }) if previous.accepted == Some(*proposal) => return None,
            Some(Message::Accepted { proposal }) => Note::Accepted { proposal: *proposal, replaced: previous.accepted },
            Some(Message::Nack { .. } | Message::Reject { .. }) | None => Note::Refused { message: request },
            Some(_) => return None,
        };
        Some(Effect::Note(note))
    }
}
