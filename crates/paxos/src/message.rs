//! The messages servers exchange, each with ONE canonical one-line text.
//!
//! That text is used everywhere a message is shown or named: the event log, golden test
//! files, the UI's labels and event list, exported scripts, and `deliver S1->S3 Prepare 11`
//! lines in scenario scripts. Keeping a single form means a script written by hand, one
//! exported by the UI and a golden file all say the same thing.

use crate::protocol::multi::{Entry, Op, Reports, Slot};
use crate::types::{Ballot, Proposal};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Not `Copy` (except in a build without Multi-Paxos): a Multi-Paxos promise carries a list,
/// one report per slot. Every other message is plain data, and cloning it is a copy.
/// The Multi-Paxos variants are not serialised without the `multi` feature (nothing makes
/// them there), which keeps their serde code out of the page's module.
#[cfg_attr(feature = "multi", derive(Clone))]
#[cfg_attr(not(feature = "multi"), derive(Clone, Copy))]
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    // Multi-Paxos (`protocol::multi`): the same two phases, over a log of slots.
    /// Phase 1a for every slot from `from` on: `Prepare 21 [slots 3..]`.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    PrepareLog { ballot: Ballot, from: Slot },
    /// Phase 1b: the promise, with the highest-numbered proposal this acceptor accepted in
    /// each slot from `from` on (slots it accepted nothing in are left out).
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    PromiseLog { ballot: Ballot, from: Slot, accepted: Reports },
    /// Phase 2a for one slot: `Accept 21 #4 set x 1`.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    AcceptSlot { slot: Slot, entry: Entry },
    /// Phase 2b for one slot: `Accepted 21 #4`.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    AcceptedSlot { slot: Slot, ballot: Ballot },
    /// The leader saw a phase-2 quorum accept `op` in `slot` and tells the other learners.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    Decide { slot: Slot, op: Op },
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
    Decide,
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
            Message::PrepareLog { .. } => MessageKind::Prepare,
            Message::PromiseLog { .. } => MessageKind::Promise,
            Message::AcceptSlot { .. } => MessageKind::Accept,
            Message::AcceptedSlot { .. } => MessageKind::Accepted,
            Message::Decide { .. } => MessageKind::Decide,
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
        if crate::protocol::multi::ENABLED {
            if let Some(result) = log_message(f, self) {
                return result;
            }
        }
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
            // Multi-Paxos messages are written by `log_message`.
            _ => Ok(()),
        }
    }
}

/// The text of a Multi-Paxos message; `None` for the others. (Separate, so that a build
/// without Multi-Paxos drops it whole.)
fn log_message(f: &mut fmt::Formatter<'_>, message: &Message) -> Option<fmt::Result> {
    let result = match message {
        Message::PrepareLog { ballot, from } => write!(f, "Prepare {ballot} [slots {}..]", from.0),
        Message::PromiseLog { ballot, from, accepted } => (|| {
            write!(f, "Promise {ballot} [slots {}..]", from.0)?;
            if accepted.is_empty() {
                return f.write_str(" (-)");
            }
            for (slot, entry) in accepted.iter() {
                write!(f, " {slot} {entry}")?;
            }
            Ok(())
        })(),
        Message::AcceptSlot { slot, entry } => write!(f, "Accept {} {slot} {}", entry.ballot, entry.op),
        Message::AcceptedSlot { slot, ballot } => write!(f, "Accepted {ballot} {slot}"),
        Message::Decide { slot, op } => write!(f, "Decide {slot} {op}"),
        _ => return None,
    };
    Some(result)
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

    #[test]
    #[cfg(feature = "multi")]
    fn log_messages_name_their_slots() {
        let b = |s| Ballot::parse(s).unwrap();
        let set = |k, v| Op::Set { key: Value::new(k).unwrap(), value: Value::new(v).unwrap() };
        let reports: Box<[(Slot, Entry)]> = Box::new([
            (Slot(3), Entry { ballot: b("11"), op: set("x", "1") }),
            (Slot(4), Entry { ballot: b("12"), op: Op::NoOp }),
        ]);
        let cases = [
            (Message::PrepareLog { ballot: b("21"), from: Slot(3) }, "Prepare 21 [slots 3..]"),
            (
                Message::PromiseLog { ballot: b("21"), from: Slot(3), accepted: reports },
                "Promise 21 [slots 3..] #3 (11,set x 1) #4 (12,no-op)",
            ),
            (
                Message::PromiseLog { ballot: b("21"), from: Slot(1), accepted: Box::new([]) },
                "Promise 21 [slots 1..] (-)",
            ),
            (
                Message::AcceptSlot { slot: Slot(4), entry: Entry { ballot: b("21"), op: set("x", "1") } },
                "Accept 21 #4 set x 1",
            ),
            (Message::AcceptedSlot { slot: Slot(4), ballot: b("21") }, "Accepted 21 #4"),
            (Message::Decide { slot: Slot(4), op: Op::Get { key: Value::new("x").unwrap() } }, "Decide #4 get x"),
        ];
        for (message, text) in cases {
            assert_eq!(message.to_string(), text);
        }
    }
}
