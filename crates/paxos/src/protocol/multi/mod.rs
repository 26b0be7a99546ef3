//! # Multi-Paxos: from one value to a replicated log
//!
//! Basic Paxos decides one value. A replicated service needs a sequence of them: a *log* of
//! commands that every server applies in the same order to its own copy of the state (here a
//! small key-value register: `set x 1`, `get x`). Multi-Paxos runs one instance of Paxos per
//! log position (*slot*) and makes the sequence cheap by sharing phase 1 between them.
//!
//! **One promise for every slot.** A server that wants to lead takes a fresh proposal number
//! n and sends `Prepare n [slots s..]`, where s is the first slot it does not know to be
//! chosen. An acceptor promises n for *every* slot at once (its promise is one number, as in
//! Basic Paxos) and reports, for each slot from s on, the highest-numbered proposal it
//! accepted there: `Promise n [slots s..] #s (m,set x 1) #s+2 (k,no-op)`.
//!
//! **The new leader re-proposes, and fills holes.** With promises from a phase-1 quorum, the
//! leader takes every slot from s to the last one anybody reported. A slot with reports gets
//! the command of its highest-numbered report (exactly phase 2a of Basic Paxos, slot by slot:
//! that command may already be chosen, and then it is the only safe one). A slot nobody
//! reported is a *hole*: no command can have been chosen there (a chosen one would have been
//! reported by the acceptor where the two quorums meet), so the leader proposes `no-op`,
//! which lets the slots after it be applied. Its clients' commands go in the slots after.
//!
//! **Then one round trip per command.** While its number stands, the leader skips phase 1:
//! each new command gets the next slot and one `Accept n #slot cmd` round. An acceptor
//! accepts it unless it has promised a higher number, so a deposed leader's accepts are
//! refused by number (a `Nack` tells it so) and it steps down. When a phase-2 quorum has
//! accepted a slot the leader has learnt it is chosen; it tells the other servers
//! (`Decide #slot cmd`), and every server applies the chosen commands in slot order, never
//! past a slot it has not learnt: the same commands, in the same order, on every server.
//!
//! **Leaders come and go.** A client's request to a server that is not leading makes it run
//! for leader (there are no heartbeats: a run ends when nothing is left to do). A candidate
//! or leader that is pre-empted (a `Nack`), or times out (`timeout`), steps down; if work is
//! left, requests waiting or slots it proposed and has not seen chosen, it runs again with a
//! higher number when the scenario allows retries (`retry`, `backoff`, `attempts`, `leader`
//! as in Basic Paxos), and otherwise gives up on its waiting requests. Commands it had put in
//! slots are never taken back: whichever leader runs phase 1 next finds them if any acceptor
//! of its quorum accepted them, and proposes them again (a command nobody in that quorum
//! accepted can be lost; a client would send it again).
//!
//! **Two ways to break it** (the model checker finds each one's shortest counterexample):
//! `multi-paxos-skip-phase1` goes straight to phase 2 with its fresh number, so it never
//! hears of a command already chosen in its slot and overwrites it; `multi-paxos-no-repropose`
//! runs phase 1 but ignores what the promises report, with the same result.
//!
//! State, per server: the acceptor's promise (`Acceptor::promised`, shared with the other
//! protocols) and its accepted proposal per slot, the learnt slots, the applied prefix and the
//! register are durable; the role (follower, candidate, leader) and the waiting requests are
//! volatile and lost in a crash. Everything is bounded by [`LOG_SLOTS_MAX`].

mod acceptor;
mod leader;
mod learner;
mod op;

pub use op::{Entry, Op, Slot, LOG_SLOTS_MAX};

use crate::quorum::NodeSet;
use crate::types::{Ballot, NodeId, Value};
use serde::Serialize;

/// Whether this build runs Multi-Paxos (the `multi` feature). The page's module is built
/// without it: every use of the Multi-Paxos code is behind a test of this constant (mostly
/// through `Protocol::is_multi`), so that code is not linked there.
pub const ENABLED: bool = cfg!(feature = "multi");

/// The Multi-Paxos parts of the single-decree types, each behind one name: a server's log as
/// `Node` holds it (on the heap, so the other protocols' servers stay as small as they were),
/// a promise's per-slot reports, the commands clients requested (`World`), and the per-slot
/// observers (`Observers`). Without the `multi` feature each is an empty placeholder
/// (`absent`): servers and messages are plain `Copy` data as before, and the page's module
/// carries no clone, drop or serde code for any of them.
#[cfg(feature = "multi")]
pub type LogBox = Box<Log>;
#[cfg(feature = "multi")]
pub type Reports = Box<[(Slot, Entry)]>;
#[cfg(feature = "multi")]
pub type Requests = Vec<Op>;
#[cfg(feature = "multi")]
pub type LogObserver = crate::observe::LogSafety;
#[cfg(not(feature = "multi"))]
pub use absent::{NoLog as LogBox, NoLogObserver as LogObserver, NoReports as Reports, NoRequests as Requests};

/// Stand-ins for the types above in a build without Multi-Paxos, where nothing makes a
/// server's log, a promise's reports, a request or a per-slot finding: each reads as its
/// empty value, and writing one is unreachable (only Multi-Paxos code writes them, and it
/// is behind `ENABLED`).
#[cfg(not(feature = "multi"))]
mod absent {
    use super::{Entry, Log, Op, Slot};
    use crate::observe::LogSafety;

    macro_rules! absent {
        ($(#[$doc:meta])* $name:ident => $target:ty = $empty:expr) => {
            $(#[$doc])*
            #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
            pub struct $name;

            impl std::ops::Deref for $name {
                type Target = $target;
                fn deref(&self) -> &$target {
                    static EMPTY: $target = $empty;
                    &EMPTY
                }
            }

            impl std::ops::DerefMut for $name {
                fn deref_mut(&mut self) -> &mut $target {
                    unreachable!("nothing writes Multi-Paxos state in a build without it")
                }
            }
        };
    }

    absent!(NoLog => Log = Log {
        accepted: Vec::new(),
        learned: Vec::new(),
        role: super::Role::Follower,
        pending: Vec::new(),
    });
    absent!(NoRequests => Vec<Op> = Vec::new());
    absent!(NoLogObserver => LogSafety = LogSafety {
        chosen: Vec::new(),
        acceptances: Vec::new(),
        applied: Vec::new(),
        violations: Vec::new(),
    });

    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
    pub struct NoReports;

    impl std::ops::Deref for NoReports {
        type Target = [(Slot, Entry)];
        fn deref(&self) -> &[(Slot, Entry)] {
            &[]
        }
    }

    impl FromIterator<(Slot, Entry)> for NoReports {
        fn from_iter<I: IntoIterator<Item = (Slot, Entry)>>(_: I) -> NoReports {
            NoReports
        }
    }
}

/// Client requests a server keeps while it has no slot for them; more are refused.
pub const PENDING_MAX: usize = LOG_SLOTS_MAX as usize;

/// A server's Multi-Paxos state: acceptor, learner and register (durable), leader (volatile).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Log {
    /// Per slot, the highest-numbered proposal this acceptor accepted. Sorted by slot.
    pub accepted: Vec<(Slot, Entry)>,
    /// The slots this server knows are chosen, with their commands. Sorted by slot. The
    /// server applies each slot as soon as every slot before it is learnt, so what it has
    /// applied, and its register, follow from this list (`applied`, `register`): not kept
    /// twice, which keeps the model checker's states small.
    pub learned: Vec<(Slot, Op)>,
    pub role: Role,
    /// Clients' commands waiting for a slot, oldest first (at most [`PENDING_MAX`]).
    pub pending: Vec<Op>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "role", rename_all = "kebab-case")]
pub enum Role {
    /// Not leading: an acceptor and learner only.
    #[default]
    Follower,
    /// Phase 1 for every slot from `from` on: waiting for promises. `reports` holds, per
    /// slot, the highest-numbered proposal reported so far and who reported it.
    Candidate { ballot: Ballot, from: Slot, promises: NodeSet, reports: Vec<(Slot, NodeId, Entry)> },
    /// Phase 1 done: each command gets the slot `next` and one round of phase 2.
    /// `outstanding`: the slots proposed and not yet seen chosen, with who accepted them.
    Leader { ballot: Ballot, next: Slot, outstanding: Vec<(Slot, Op, NodeSet)> },
    /// Waiting out a random backoff before running for leader again.
    BackingOff,
}

impl Log {
    /// What this acceptor accepted in `slot`.
    pub fn accepted_at(&self, slot: Slot) -> Option<Entry> {
        self.accepted.iter().find(|(s, _)| *s == slot).map(|(_, e)| *e)
    }

    /// What this server knows is chosen in `slot`.
    pub fn learned_at(&self, slot: Slot) -> Option<Op> {
        self.learned.iter().find(|(s, _)| *s == slot).map(|(_, op)| *op)
    }

    /// The first slot this server does not know to be chosen: where its phase 1 starts.
    pub fn first_unlearned(&self) -> Slot {
        let mut slot = Slot::FIRST;
        while self.learned_at(slot).is_some() {
            slot = slot.next();
        }
        slot
    }

    /// How many slots this server has applied: the learnt slots 1..=k with no hole.
    pub fn applied(&self) -> u8 {
        self.first_unlearned().0 - 1
    }

    /// The proposal number this server is leading or running with, if any.
    pub fn ballot(&self) -> Option<Ballot> {
        match self.role {
            Role::Candidate { ballot, .. } | Role::Leader { ballot, .. } => Some(ballot),
            Role::Follower | Role::BackingOff => None,
        }
    }

    /// Whether a candidacy or a leader's round is under way (what a timeout can cut short).
    pub fn in_progress(&self) -> bool {
        match &self.role {
            Role::Candidate { .. } => true,
            Role::Leader { outstanding, .. } => !outstanding.is_empty(),
            Role::Follower | Role::BackingOff => false,
        }
    }

    /// The register's value for `key` once slots 1..`before` are applied: what a read in
    /// slot `before` reads.
    pub fn read(&self, key: Value, before: Slot) -> Option<Value> {
        let set = |(slot, op): &(Slot, Op)| match op {
            Op::Set { key: k, value } if *k == key && *slot < before => Some(*value),
            _ => None,
        };
        self.learned.iter().rev().find_map(set)
    }

    /// The register after the applied slots: each key and its value, sorted by key.
    pub fn register(&self) -> Vec<(Value, Value)> {
        let applied = Slot(self.applied() + 1);
        let mut register: Vec<(Value, Value)> = Vec::new();
        for (slot, op) in &self.learned {
            if let (Op::Set { key, value }, true) = (op, *slot < applied) {
                match register.binary_search_by(|(k, _)| k.cmp(key)) {
                    Ok(at) => register[at].1 = *value,
                    Err(at) => register.insert(at, (*key, *value)),
                }
            }
        }
        register
    }
}

/// Inserts or replaces `slot`'s item in a list sorted by slot; returns the replaced item.
fn put<T: Copy>(list: &mut Vec<(Slot, T)>, slot: Slot, item: T) -> Option<T> {
    match list.iter().position(|(s, _)| *s >= slot) {
        Some(at) if list[at].0 == slot => Some(std::mem::replace(&mut list[at].1, item)),
        Some(at) => {
            list.insert(at, (slot, item));
            None
        }
        None => {
            list.push((slot, item));
            None
        }
    }
}

/// What the page shows of a server's log (the log grid): per slot, what its acceptor holds
/// and whether it has learnt the slot chosen; the applied prefix and the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogView {
    pub cells: Vec<CellView>,
    pub applied: u8,
    pub register: Vec<(Value, Value)>,
    /// Requests waiting for a slot, oldest first.
    pub pending: Vec<Op>,
    /// The slot a leader gives its next command; `None` when not leading.
    pub next: Option<Slot>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CellView {
    pub slot: Slot,
    pub accepted: Option<Entry>,
    pub learned: Option<Op>,
}

impl Log {
    pub fn view(&self) -> LogView {
        let last = self.accepted.last().map_or(0, |(s, _)| s.0).max(self.learned.last().map_or(0, |(s, _)| s.0));
        let cells = (1..=last)
            .map(Slot)
            .map(|slot| CellView { slot, accepted: self.accepted_at(slot), learned: self.learned_at(slot) })
            .collect();
        let next = match self.role {
            Role::Leader { next, .. } => Some(next),
            _ => None,
        };
        LogView { cells, applied: self.applied(), register: self.register(), pending: self.pending.clone(), next }
    }
}
