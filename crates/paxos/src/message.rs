//! The messages servers exchange, each with ONE canonical one-line text.
//!
//! That text is used everywhere a message is shown or named: the event log, golden test
//! files, the UI's labels and event list, exported scripts, and `deliver S1->S3 Prepare 11`
//! lines in scenario scripts. Keeping a single form means a script written by hand, one
//! exported by the UI and a golden file all say the same thing.

use crate::types::{Ballot, Proposal};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Message {
    /// Phase 1a: "promise me you will ignore proposals numbered below `ballot`".
    Prepare { ballot: Ballot },
    /// Phase 1b: the promise, with the highest-numbered proposal this acceptor accepted.
    Promise { ballot: Ballot, accepted: Option<Proposal> },
    /// Phase 2a (or the only phase of the one-phase protocols): "accept this proposal".
    Accept { proposal: Proposal },
    /// Phase 2b: the acceptor accepted `proposal`.
    Accepted { proposal: Proposal },
    /// Paxos' optional negative answer: `ballot` is refused because of a promise to `promised`.
    Nack { ballot: Ballot, promised: Ballot },
    /// One-phase refusal: the acceptor keeps `holds` instead of `proposal`. Carrying the held
    /// proposal is what lets the §3b/4 proposer discover and re-propose accepted values.
    Reject { proposal: Proposal, holds: Proposal },
}

/// Message kinds, for colouring in the UI and for counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageKind {
    Prepare,
    Promise,
    Accept,
    Accepted,
    Nack,
    Reject,
}

impl Message {
    pub fn kind(&self) -> MessageKind {
        match self {
            Message::Prepare { .. } => MessageKind::Prepare,
            Message::Promise { .. } => MessageKind::Promise,
            Message::Accept { .. } => MessageKind::Accept,
            Message::Accepted { .. } => MessageKind::Accepted,
            Message::Nack { .. } => MessageKind::Nack,
            Message::Reject { .. } => MessageKind::Reject,
        }
    }
}

/// `13 Z`, or just `Z` when the protocol has no numbers.
struct Bare(Proposal);

impl fmt::Display for Bare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.ballot.is_none() {
            write!(f, "{}", self.0.value)
        } else {
            write!(f, "{} {}", self.0.ballot, self.0.value)
        }
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::Prepare { ballot } => write!(f, "Prepare {ballot}"),
            Message::Promise { ballot, accepted: Some(p) } => write!(f, "Promise {ballot} {p}"),
            Message::Promise { ballot, accepted: None } => write!(f, "Promise {ballot} (-)"),
            Message::Accept { proposal } => write!(f, "Accept {}", Bare(*proposal)),
            Message::Accepted { proposal } if proposal.ballot.is_none() => {
                write!(f, "Accepted {}", proposal.value)
            }
            Message::Accepted { proposal } => write!(f, "Accepted {}", proposal.ballot),
            Message::Nack { ballot, promised } => write!(f, "Nack {ballot} ({promised})"),
            Message::Reject { proposal, holds } => write!(f, "Reject {} {holds}", Bare(*proposal)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{NodeId, Value};

    fn p(ballot: &str, value: &str) -> Proposal {
        let ballot = if ballot.is_empty() { Ballot::NONE } else { Ballot::parse(ballot).unwrap() };
        Proposal { ballot, value: Value::new(value).unwrap() }
    }

    #[test]
    fn canonical_texts_match_the_seed_notation() {
        let b = |s| Ballot::parse(s).unwrap();
        let cases = [
            (Message::Prepare { ballot: b("13") }, "Prepare 13"),
            (Message::Promise { ballot: b("13"), accepted: Some(p("11", "X")) }, "Promise 13 (11,X)"),
            (Message::Promise { ballot: b("13"), accepted: None }, "Promise 13 (-)"),
            (Message::Accept { proposal: p("13", "Z") }, "Accept 13 Z"),
            (Message::Accept { proposal: p("", "X") }, "Accept X"),
            (Message::Accepted { proposal: p("13", "Z") }, "Accepted 13"),
            (Message::Accepted { proposal: p("", "X") }, "Accepted X"),
            (Message::Nack { ballot: b("11"), promised: b("15") }, "Nack 11 (15)"),
            (Message::Reject { proposal: p("11", "X"), holds: p("13", "Z") }, "Reject 11 X (13,Z)"),
            (Message::Reject { proposal: p("", "X"), holds: p("", "Z") }, "Reject X (Z)"),
        ];
        for (message, text) in cases {
            assert_eq!(message.to_string(), text);
        }
        assert_eq!(Ballot::new(2, NodeId(1)).to_string(), "21");
    }
}
