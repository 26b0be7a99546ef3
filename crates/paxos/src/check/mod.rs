//! Exhaustive model checking.
//!
//! A test runs the system along the schedules someone thought of; a model checker runs it along
//! *every* schedule. It treats the system as a graph: nodes are global states (every process's
//! variables plus every message in flight), edges are single steps (one message received, one
//! timer fired). Starting from the initial states it visits every reachable state and checks
//! the property in each. If the property holds everywhere, it holds in every possible run of
//! that configuration, however unlikely the interleaving. If not, the path that led to the bad
//! state is a concrete bug report: the exact sequence of steps that breaks the system.
//!
//! The search here is breadth-first: it visits every state one step from the start, then every
//! state two steps away, and so on. So the first bad state it meets is one with the fewest steps
//! from the start, and the path it reports is a shortest counterexample, the easiest to read.
//! Each state is stored once (looked up by hash, confirmed by full comparison), since reaching
//! one state by many paths is the rule, not the exception; without deduplication the search
//! would follow every path separately and never end.
//!
//! The catch is size: states multiply with every node, value and ballot, so only small
//! configurations can be checked (three acceptors, two values, a few ballots). Small is usually
//! enough, because the bugs of consensus protocols show up with few participants.
//!
//! How this checker stores what it has seen, and why. Explorers such as TLC and Stateright keep
//! only a 64-bit fingerprint per state: compact, but two different states with the same
//! fingerprint are silently merged, and whatever lies behind the second one is never explored
//! (rare, but not detectable after the fact). Here every distinct state is stored whole, in an
//! arena that is also the breadth-first queue, and the hash table holds only 32-bit indices
//! into it plus 32 bits of hash to skip most comparisons; a hash match is always confirmed by
//! comparing states. So the verdict never depends on luck, at the price of a state's full size
//! per state (32 bytes for the TLA model) instead of 8. Parent links (4 bytes per state) give
//! the shortest path to any state; its actions are recomputed only when a report needs them.
//! The memory bound counts all of it, heap parts of states included ([`Model::heap_bytes`]),
//! and tracks what the allocator really hands out (`tests/check_memory.rs`).
//!
//! Running in a browser: the checker never blocks for long. A Web Worker calls
//! [`Checker::run_for`] with a budget of states, posts the returned [`Progress`] (states, depth,
//! frontier, memory), measures states per second with its own clock, and simply stops calling
//! to cancel; [`Checker::report`] then says `Incomplete { NotFinished }`.
//!
//! ```
//! use paxos::check::tla::{render_counterexample, TlaConfig, TlaPaxos};
//! use paxos::check::{Bounds, Checker, Verdict};
//!
//! let config = TlaConfig { acceptors: 3, values: 2, max_ballot: 1, one_phase: true };
//! let mut checker = Checker::new(TlaPaxos::new(config).unwrap(), Bounds::default());
//! while !checker.run_for(10_000).finished {
//!     // post progress to the page; return here to cancel
//! }
//! let report = checker.report();
//! assert!(matches!(report.verdict, Verdict::Violated { .. }));
//! let lines = render_counterexample(&report.counterexample.unwrap());
//! assert_eq!(lines.len(), 6);
//! ```
//!
//! - [`Model`]: what a system must provide (init states, actions, next state, property).
//! - [`Checker`]: the breadth-first search, run in chunks for progress and cancellation.
//! - [`tla`]: Lamport's `Paxos.tla` and its one-phase variant, as a [`Model`].
//! - [`sim`]: the playground's own protocols and node code, with counterexamples as scenarios.

mod arena;
mod engine;
pub mod hash;
pub mod job;
mod model;
pub mod plan;
mod report;
pub mod sim;
pub mod tla;
mod visited;

pub use engine::{replay, Checker};
pub use model::{vec_heap_bytes, Model, Property};
pub use report::{Bounds, Limit, Progress, Report, Verdict};
