//! The protocols, from the broken one-phase ones the seed text starts with to Basic Paxos.
//!
//! Every server plays proposer and acceptor (and learns what its own proposals achieve).
//! A server is a pure state machine ([`Node`]): it is fed a client proposal, a delivered
//! message, a fired timer, a crash or a restart, and it answers with [`Effect`]s as data:
//! messages to send, timers to set, and notes explaining what it did. The simulator, the
//! model checker and the tests all drive the same code.
//!
//! # The four protocols (our reading of the seed; `Protocol` selects one per scenario)
//!
//! * **one-phase-first** (seed §1-2). A proposer sends `Accept X` to every acceptor. An
//!   acceptor keeps the *first* value it receives and refuses all later ones. A value is
//!   chosen once a majority holds it. Safe, but three proposers at once can split the
//!   acceptors so that no value ever gets a majority: stuck for ever.
//! * **one-phase-highest** (seed §3). Proposals carry numbers (counter, server); an acceptor
//!   replaces what it holds with any proposal numbered higher. That breaks the deadlock but
//!   also breaks safety: a value a majority holds can be overwritten by a later, higher one.
//! * **one-phase-adopt** (seed §3b/4). Like one-phase-first, an acceptor keeps the first
//!   proposal it accepts, but it answers every later one with what it holds. A refused
//!   proposer retries with the highest-numbered value it has discovered. Discovery and
//!   proposing are the same message, so discovering occupies the acceptors: still stuck.
//! * **basic-paxos** (seed §5; Lamport, *Paxos Made Simple*). Two phases. 1a: Prepare n.
//!   1b: an acceptor promises n if n is at least every number it promised before, and reports
//!   the highest-numbered proposal it accepted. 2a: with promises from a phase-1 quorum, the
//!   proposer sends Accept n v, where v is the value of the highest-numbered reported
//!   proposal, or its own value if none was reported. 2b: an acceptor accepts unless it
//!   promised a higher number. Chosen: a phase-2 quorum accepted the same proposal.
//! * **seed-phase2** (broken; the seed's own wording of phase 2). Phase 1 as in Paxos, but an
//!   acceptor accepts "if it has accepted nothing yet, or if the number is higher than every
//!   number it accepted", without Lamport's promise condition. An acceptor that promised 13
//!   and accepted nothing still takes Accept 11, so a value can be chosen under 11 after
//!   proposer 13's phase 1 found nothing, and proposer 13 then gets another value chosen.
//!
//! Options on basic-paxos: flexible quorum sizes (safe only when Q1 + Q2 > N), nacks that
//! tell a proposer it was pre-empted, retries with randomised backoff, a distinguished
//! proposer (only it retries), and amnesia (an acceptor loses its durable state on restart).
//!
//! # Beyond one value: Multi-Paxos ([`multi`])
//!
//! * **multi-paxos**: a replicated log of up to 16 slots for a key-value register. A leader
//!   runs phase 1 once for every slot from its first unchosen one, re-proposes what the
//!   promises report, fills holes with `no-op`, then needs one round trip per command.
//! * **multi-paxos-skip-phase1** (broken): a new leader goes straight to phase 2.
//! * **multi-paxos-no-repropose** (broken): a new leader runs phase 1 but ignores what the
//!   promises report, and puts its own commands where chosen ones may already be.

mod acceptor;
pub mod multi;
mod node;
mod proposer;

pub use node::{Node, NodeView, Stage};
pub use proposer::Phase;

use crate::message::Message;
use crate::quorum::{majority, NodeSet};
use crate::rules::{Guard, Rule};
use crate::types::{Ballot, NodeId, Proposal, Value};
use multi::{Entry, Op, Slot};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Protocol {
    OnePhaseFirst,
    OnePhaseHighest,
    OnePhaseAdopt,
    BasicPaxos,
    // Not (de)serialised in a build without Multi-Paxos, which does not run them.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    MultiPaxos,
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    MultiPaxosSkipPhase1,
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    MultiPaxosNoRepropose,
    /// Two phases with the seed's own wording of phase 2 (broken): see the module doc.
    #[serde(rename = "seed-phase2")]
    SeedPhaseTwo,
}

impl Protocol {
    /// Every protocol, in the order share links number them (never reorder: links keep it).
    pub const ALL: [Protocol; 8] = [
        Protocol::OnePhaseFirst,
        Protocol::OnePhaseHighest,
        Protocol::OnePhaseAdopt,
        Protocol::BasicPaxos,
        Protocol::MultiPaxos,
        Protocol::MultiPaxosSkipPhase1,
        Protocol::MultiPaxosNoRepropose,
        Protocol::SeedPhaseTwo,
    ];
    /// The protocols that decide one value (the seed's, and its wording of phase 2).
    pub const SINGLE_DECREE: [Protocol; 5] = [
        Protocol::OnePhaseFirst,
        Protocol::OnePhaseHighest,
        Protocol::OnePhaseAdopt,
        Protocol::BasicPaxos,
        Protocol::SeedPhaseTwo,
    ];
    /// The protocols that decide a log, correct and broken.
    pub const MULTI: [Protocol; 3] =
        [Protocol::MultiPaxos, Protocol::MultiPaxosSkipPhase1, Protocol::MultiPaxosNoRepropose];
    /// The protocols this build runs, in `ALL`'s order: all of them, or the single-decree
    /// ones in a build without the `multi` feature.
    pub const AVAILABLE: &'static [Protocol] = if multi::ENABLED { &Protocol::ALL } else { &Protocol::SINGLE_DECREE };

    pub fn name(self) -> &'static str {
        match self {
            Protocol::OnePhaseFirst => "one-phase-first",
            Protocol::OnePhaseHighest => "one-phase-highest",
            Protocol::OnePhaseAdopt => "one-phase-adopt",
            Protocol::BasicPaxos => "basic-paxos",
            Protocol::SeedPhaseTwo => "seed-phase2",
            // A build without Multi-Paxos never has one of these (nothing parses or decodes
            // one there); the guard keeps their names out of it.
            _ if !multi::ENABLED => "",
            Protocol::MultiPaxos => "multi-paxos",
            Protocol::MultiPaxosSkipPhase1 => "multi-paxos-skip-phase1",
            Protocol::MultiPaxosNoRepropose => "multi-paxos-no-repropose",
        }
    }

    /// The protocol this build runs with that name. A build without the `multi` feature (the
    /// page's module) knows only the single-decree protocols.
    pub fn parse(text: &str) -> Option<Protocol> {
        Protocol::AVAILABLE.iter().copied().find(|p| p.name() == text)
    }

    /// Whether this build runs the protocol: all of them, except the Multi-Paxos ones in a
    /// build without the `multi` feature.
    #[inline(always)]
    pub fn available(self) -> bool {
        multi::ENABLED || !self.decides_log()
    }

    fn decides_log(self) -> bool {
        matches!(self, Protocol::MultiPaxos | Protocol::MultiPaxosSkipPhase1 | Protocol::MultiPaxosNoRepropose)
    }

    /// Whether this protocol decides a log of commands (Multi-Paxos and its broken variants)
    /// rather than one value. Always false in a build without the `multi` feature, so that
    /// every branch on it folds away there and the Multi-Paxos code is not linked.
    #[inline(always)]
    pub fn is_multi(self) -> bool {
        multi::ENABLED && self.decides_log()
    }

    /// Whether proposers run a phase 1 (Prepare/Promise) before proposing: Basic Paxos, the
    /// seed's wording of it, and Multi-Paxos (whose broken skip-phase1 variant still promises
    /// when asked to).
    #[inline(always)]
    pub fn has_phase_one(self) -> bool {
        matches!(self, Protocol::BasicPaxos | Protocol::SeedPhaseTwo) || self.is_multi()
    }

    /// The number a share link gives the protocol: its place in `ALL`, which is why `ALL` is
    /// never reordered (seed-phase2 came last, after the Multi-Paxos ones).
    pub fn link_number(self) -> u8 {
        match self {
            Protocol::OnePhaseFirst => 0,
            Protocol::OnePhaseHighest => 1,
            Protocol::OnePhaseAdopt => 2,
            Protocol::BasicPaxos => 3,
            Protocol::MultiPaxos => 4,
            Protocol::MultiPaxosSkipPhase1 => 5,
            Protocol::MultiPaxosNoRepropose => 6,
            Protocol::SeedPhaseTwo => 7,
        }
    }

    pub fn uses_numbers(self) -> bool {
        self != Protocol::OnePhaseFirst
    }

    /// Whether an acceptor, once it holds a proposal, holds it for ever (absent amnesia).
    /// Those protocols can be proven stuck; the others can always be unblocked.
    pub fn acceptors_hold_first(self) -> bool {
        matches!(self, Protocol::OnePhaseFirst | Protocol::OnePhaseAdopt)
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Everything about the protocol a scenario fixes before it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Config {
    pub protocol: Protocol,
    pub nodes: u8,
    /// Phase-1 quorum size (promises needed before phase 2).
    pub quorum_phase1: u8,
    /// Phase-2 quorum size (acceptances that make a value chosen).
    pub quorum_phase2: u8,
    /// Acceptors answer refused Prepare/Accept requests with a Nack (basic-paxos).
    pub nacks: bool,
    /// A pre-empted, refused or timed-out proposer tries again with a higher number.
    pub retry: bool,
    /// A retry waits a random 1..=backoff_ticks_max ticks; 0 retries at once.
    pub backoff_ticks_max: u32,
    /// A proposer abandons an attempt after this many ticks; 0 means never.
    pub timeout_ticks: u32,
    /// The distinguished proposer: when set, only it retries.
    pub leader: Option<NodeId>,
    /// An acceptor forgets its promise and accepted proposal when it restarts.
    pub amnesia: bool,
    /// Upper bound on attempts per proposal, so every run is finite.
    pub attempts_max: u32,
}

impl Config {
    pub const ATTEMPTS_MAX_LIMIT: u32 = 64;

    pub fn new(protocol: Protocol, nodes: u8) -> Config {
        Config {
            protocol,
            nodes,
            quorum_phase1: majority(nodes),
            quorum_phase2: majority(nodes),
            nacks: true,
            retry: protocol == Protocol::OnePhaseAdopt,
            backoff_ticks_max: 0,
            timeout_ticks: 0,
            leader: None,
            amnesia: false,
            attempts_max: 3,
        }
    }

    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> {
        (1..=self.nodes).map(NodeId)
    }
}

/// Which timer fired. `generation` ties it to one attempt, so stale timers do nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "timer", rename_all = "lowercase")]
pub enum Timer {
    /// The attempt took too long: abandon it (and retry if allowed).
    Timeout { generation: u32 },
    /// The backoff is over: start the next attempt.
    Retry { generation: u32 },
}

/// What a node asks the world to do, or tells it, as data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Send {
        to: NodeId,
        message: Message,
    },
    /// Fire `timer` after a number of ticks drawn uniformly from `ticks_min..=ticks_max`.
    SetTimer {
        timer: Timer,
        ticks_min: u32,
        ticks_max: u32,
    },
    Note(Note),
}

/// What a node did and why, in the words of the protocol. These become event-log lines and
/// the facts the observers and the UI's quorum overlay use.
#[cfg_attr(feature = "multi", derive(Clone))]
#[cfg_attr(not(feature = "multi"), derive(Clone, Copy))]
#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "kebab-case")]
pub enum Note {
    Promised {
        ballot: Ballot,
        previous: Ballot,
    },
    /// The acceptor took `proposal` by `rule` (2b, the seed's 2b, or a one-phase rule).
    Accepted {
        proposal: Proposal,
        replaced: Option<Proposal>,
        // Not serialised: the page's module would grow by their code. The Rules panel gets
        // them from the aids' module (crates/paxos-check-wasm, `QuorumMirror::rules`).
        #[serde(skip)]
        rule: Rule,
    },
    /// The acceptor refused `message`: `guard` is the rule whose guard failed, with its numbers.
    Refused {
        message: Message,
        #[serde(skip)]
        guard: Guard,
    },
    /// Phase 2 starts: `promises` is the phase-1 quorum; `adopted` names the acceptor whose
    /// report made the proposer take an earlier value instead of its own.
    PhaseTwo {
        proposal: Proposal,
        promises: NodeSet,
        adopted: Option<(NodeId, Proposal)>,
    },
    /// A higher number exists: this attempt cannot succeed.
    Preempted {
        ballot: Ballot,
        by: Ballot,
    },
    /// The one-phase attempt was refused by too many acceptors to ever reach a quorum.
    Defeated {
        proposal: Proposal,
        refusals: NodeSet,
    },
    TimedOut {
        ballot: Ballot,
    },
    Attempt {
        proposal: Proposal,
        attempt: u32,
    },
    BackingOff {
        ticks_max: u32,
    },
    GaveUp {
        value: Value,
    },
    /// The proposer saw a phase-2 quorum accept its proposal.
    Learned {
        proposal: Proposal,
        quorum: NodeSet,
    },
    /// The durable acceptor state was lost on restart (amnesia).
    Forgot {
        promised: Ballot,
        accepted: Option<Proposal>,
    },
    // Multi-Paxos (`multi`): not serialised without the `multi` feature (nothing makes them).
    /// A client's command was refused: `PENDING_MAX` requests already wait for a slot.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    RequestRefused {
        op: Op,
    },
    /// Running for leader: phase 1 for every slot from `from` on.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    Campaign {
        ballot: Ballot,
        from: Slot,
        attempt: u32,
    },
    /// Phase 1 is done: `promises` is the phase-1 quorum; the leader takes slots from `from`.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    Leading {
        ballot: Ballot,
        promises: NodeSet,
        from: Slot,
    },
    /// The broken `multi-paxos-skip-phase1`: leading with `ballot` without asking anyone.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    SkippedPhaseOne {
        ballot: Ballot,
        from: Slot,
    },
    /// The new leader proposes in `slot` the command of `reported`, the highest-numbered
    /// proposal its promises reported there (by `by`).
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    Reproposed {
        slot: Slot,
        reported: Entry,
        by: NodeId,
    },
    /// Nobody reported anything in `slot`: the new leader proposes `no-op` there.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    Filled {
        slot: Slot,
    },
    /// The broken `multi-paxos-no-repropose`: a report the new leader does not act on.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    Ignored {
        slot: Slot,
        reported: Entry,
        by: NodeId,
    },
    /// A leader gives a client's command a slot (phase 2a).
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    Placed {
        slot: Slot,
        entry: Entry,
    },
    /// No slot is left for `op`: the log's `LOG_SLOTS_MAX` slots are used.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    LogFull {
        op: Op,
    },
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    SlotAccepted {
        slot: Slot,
        entry: Entry,
        replaced: Option<Entry>,
    },
    /// The server knows `slot` is chosen: as the leader, because `quorum` accepted it;
    /// otherwise from a `Decide`.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    SlotLearned {
        slot: Slot,
        op: Op,
        quorum: Option<NodeSet>,
    },
    /// `slot` was applied to the register; a read says what it read (`None`: not set).
    /// `key` is the read's key (`None` for other commands), for the page's event line.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    Applied {
        slot: Slot,
        op: Op,
        key: Option<Value>,
        read: Option<Value>,
    },
    /// A deposed or timed-out leader (or candidate) stops leading with `ballot`.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    SteppedDown {
        ballot: Ballot,
    },
    /// A server that stopped running for leader drops a waiting request.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    GaveUpOp {
        op: Op,
    },
    /// Amnesia in Multi-Paxos: the promise and the accepted proposals of `slots` slots lost.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    ForgotLog {
        promised: Ballot,
        slots: u8,
    },
}
