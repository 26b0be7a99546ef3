//! The rules the protocols are made of, named, so that every event can say which one it
//! enacts and every refusal which guard failed.
//!
//! Basic Paxos is Lamport's four rules from *Paxos Made Simple* (phase 1a, 1b, 2a, 2b) plus
//! learning (a value is chosen once a phase-2 quorum accepted the same proposal). Each broken
//! protocol the seed text builds up from has its own rule, and so does the seed's wording of
//! phase 2. The rules are written out, in our words, in the page's Rules panel
//! (web/rules/texts-*.js); here each is a name, an id for logs and golden files, and a small
//! number for the page.
//!
//! Where a rule is *applied* is next to its guard: the acceptor's decisions
//! (protocol/acceptor.rs, protocol/multi/acceptor.rs) record the rule they followed in their
//! note, with the numbers a refusal turned on ([`Guard`]). The other events' rules follow
//! from what they are ([`crate::sim::EventKind::rule`]).

use crate::message::Message;
use crate::protocol::{Note, Protocol};
use crate::types::{Ballot, Proposal};
use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// 1a: a proposer picks a number n higher than any it used and sends Prepare n.
    Prepare,
    /// 1b: an acceptor promises n unless it promised a higher number, and reports the
    /// highest-numbered proposal it accepted.
    Promise,
    /// 2a: with promises from a phase-1 quorum, the proposer sends Accept n v, v the value of
    /// the highest-numbered reported proposal, or its own if none was reported.
    AcceptRequest,
    /// 2b: an acceptor accepts (n, v) unless it promised a number higher than n.
    Accept,
    /// Learning: a value is chosen once a phase-2 quorum accepted the same proposal.
    Learn,
    /// Pre-emption and progress: a proposer that learns of a higher number, is refused or
    /// times out abandons its attempt and may start over (after a backoff, or only if it is
    /// the distinguished proposer). Liveness only: safety never depends on it.
    Retry,
    /// one-phase-first (seed §1-2): a proposer sends its value to every acceptor; an acceptor
    /// accepts the first value it receives and refuses every later one.
    OnePhaseFirst,
    /// one-phase-highest (seed §3): proposals carry numbers; an acceptor replaces what it
    /// holds with any proposal numbered higher.
    OnePhaseHighest,
    /// one-phase-adopt (seed §3b/4): an acceptor keeps the first proposal and answers later
    /// ones with what it holds; a refused proposer re-proposes the highest-numbered value it
    /// discovered.
    OnePhaseAdopt,
    /// seed-phase2: the seed's wording of phase 2, "accept if nothing was accepted yet, or
    /// if the number is higher than every number accepted", without the promise condition.
    SeedAccept,
    /// multi-paxos-skip-phase1 (broken): a new leader proposes without running phase 1.
    SkipPhaseOne,
    /// multi-paxos-no-repropose (broken): a new leader ignores the proposals its promises
    /// report.
    NoRepropose,
}

impl Rule {
    /// Every rule, in the order of their numbers.
    pub const ALL: [Rule; 12] = [
        Rule::Prepare,
        Rule::Promise,
        Rule::AcceptRequest,
        Rule::Accept,
        Rule::Learn,
        Rule::Retry,
        Rule::OnePhaseFirst,
        Rule::OnePhaseHighest,
        Rule::OnePhaseAdopt,
        Rule::SeedAccept,
        Rule::SkipPhaseOne,
        Rule::NoRepropose,
    ];

    /// The rule's name in logs and golden files: Lamport's phase names for Paxos.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Prepare => "1a",
            Rule::Promise => "1b",
            Rule::AcceptRequest => "2a",
            Rule::Accept => "2b",
            Rule::Learn => "learn",
            Rule::Retry => "retry",
            Rule::OnePhaseFirst => "first",
            Rule::OnePhaseHighest => "highest",
            Rule::OnePhaseAdopt => "adopt",
            Rule::SeedAccept => "seed-2b",
            Rule::SkipPhaseOne => "skip-1",
            Rule::NoRepropose => "no-repropose",
        }
    }

    /// The number the page gets (1-based; web/rules/rules.js lists the same order). Numbers
    /// instead of names keep the names' bytes out of the page's wasm module.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The rules of `protocol`, in the order the Rules panel lists them.
    pub fn of_protocol(protocol: Protocol) -> &'static [Rule] {
        match protocol {
            Protocol::OnePhaseFirst => &[Rule::OnePhaseFirst, Rule::Learn],
            Protocol::OnePhaseHighest => &[Rule::OnePhaseHighest, Rule::Learn],
            Protocol::OnePhaseAdopt => &[Rule::OnePhaseAdopt, Rule::Learn, Rule::Retry],
            Protocol::SeedPhaseTwo => {
                &[Rule::Prepare, Rule::Promise, Rule::AcceptRequest, Rule::SeedAccept, Rule::Learn]
            }
            Protocol::MultiPaxosSkipPhase1 => &[Rule::SkipPhaseOne, Rule::AcceptRequest, Rule::Accept, Rule::Learn],
            Protocol::MultiPaxosNoRepropose => {
                &[Rule::Prepare, Rule::Promise, Rule::NoRepropose, Rule::AcceptRequest, Rule::Accept, Rule::Learn]
            }
            _ => &[Rule::Prepare, Rule::Promise, Rule::AcceptRequest, Rule::Accept, Rule::Learn, Rule::Retry],
        }
    }

    /// The rule that made `message` (sent by its proposer or its acceptor) in `protocol`.
    pub fn of_message(message: &Message, protocol: Protocol) -> Rule {
        let one_phase = Rule::one_phase(protocol);
        match message {
            Message::Prepare { .. } | Message::PrepareLog { .. } => Rule::Prepare,
            Message::Promise { .. } | Message::PromiseLog { .. } => Rule::Promise,
            Message::Accept { .. } => one_phase.unwrap_or(Rule::AcceptRequest),
            Message::AcceptSlot { .. } => Rule::AcceptRequest,
            Message::Accepted { .. } if protocol == Protocol::SeedPhaseTwo => Rule::SeedAccept,
            Message::Accepted { .. } => one_phase.unwrap_or(Rule::Accept),
            Message::AcceptedSlot { .. } => Rule::Accept,
            Message::Reject { .. } => one_phase.unwrap_or(Rule::Accept),
            // A nack tells a proposer it was pre-empted (Paxos Made Simple's suggested
            // optimisation), so that it can abandon its attempt and start over.
            Message::Nack { .. } => Rule::Retry,
            Message::Decide { .. } => Rule::Learn,
        }
    }

    /// The one rule of a one-phase protocol; `None` for the two-phase ones.
    pub fn one_phase(protocol: Protocol) -> Option<Rule> {
        match protocol {
            Protocol::OnePhaseFirst => Some(Rule::OnePhaseFirst),
            Protocol::OnePhaseHighest => Some(Rule::OnePhaseHighest),
            Protocol::OnePhaseAdopt => Some(Rule::OnePhaseAdopt),
            _ => None,
        }
    }

    /// The rule a server's note enacts in `protocol`; `None` for what no rule says (a fault,
    /// a full log, applying a command to the register).
    pub fn of_note(note: &Note, protocol: Protocol) -> Option<Rule> {
        let one_phase = Rule::one_phase(protocol);
        let rule = match note {
            Note::Promised { .. } => Rule::Promise,
            Note::Accepted { rule, .. } => *rule,
            Note::Refused { guard, .. } => guard.rule,
            Note::Attempt { .. } => one_phase.unwrap_or(Rule::Prepare),
            Note::PhaseTwo { .. } => Rule::AcceptRequest,
            Note::Learned { .. } => Rule::Learn,
            // A one-phase proposer refused by too many: its protocol's rule says what next.
            Note::Defeated { .. } => one_phase.unwrap_or(Rule::Retry),
            Note::Preempted { .. }
            | Note::TimedOut { .. }
            | Note::BackingOff { .. }
            | Note::GaveUp { .. }
            | Note::SteppedDown { .. }
            | Note::GaveUpOp { .. } => Rule::Retry,
            Note::Campaign { .. } => Rule::Prepare,
            Note::Leading { .. } | Note::Reproposed { .. } | Note::Filled { .. } | Note::Placed { .. } => {
                Rule::AcceptRequest
            }
            Note::SkippedPhaseOne { .. } => Rule::SkipPhaseOne,
            Note::Ignored { .. } => Rule::NoRepropose,
            Note::SlotAccepted { .. } => Rule::Accept,
            Note::SlotLearned { .. } => Rule::Learn,
            Note::Forgot { .. } | Note::ForgotLog { .. } | Note::RequestRefused { .. } | Note::LogFull { .. } => {
                return None
            }
            Note::Applied { .. } => return None,
        };
        Some(rule)
    }
}

/// The page gets a rule as its number.
impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Why an acceptor refused a request: the rule whose guard failed, and the numbers it
/// compared. Which fields matter depends on the rule:
///
/// * 1b, 2b: `promised` > `ballot` (the acceptor promised a higher number);
/// * first, adopt: `holds` is some proposal (the acceptor keeps the first it took);
/// * highest, seed-2b: `holds`'s number ≥ `ballot` (not higher than what it accepted).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Guard {
    pub rule: Rule,
    /// The refused request's number (`-` in one-phase-first, which has none).
    pub ballot: Ballot,
    /// The acceptor's promise when it refused.
    pub promised: Ballot,
    /// The proposal it held when it refused (single-decree protocols).
    pub holds: Option<Proposal>,
}

/// The guard in words, for logs and golden files: "promised 13 > 11", "holds (11,X)",
/// "holds (15,Y), 15 >= 13".
impl fmt::Display for Guard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.rule, self.holds) {
            (Rule::Promise | Rule::Accept, _) => write!(f, "promised {} > {}", self.promised, self.ballot),
            (Rule::OnePhaseHighest | Rule::SeedAccept, Some(holds)) => {
                write!(f, "holds {holds}, {} >= {}", holds.ballot, self.ballot)
            }
            (_, Some(holds)) => write!(f, "holds {holds}"),
            (rule, None) => write!(f, "rule {rule}"),
        }
    }
}
