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
//! Each state is visited once, since reaching one state by many paths is the rule, not the
//! exception; without remembering what it has visited the search would follow every path
//! separately and never end.
//!
//! The catch is size: states multiply with every node, value and ballot, so only small
//! configurations can be checked (three acceptors, two values, a few ballots). Small is usually
//! enough, because the bugs of consensus protocols show up with few participants.
//!
//! How this checker remembers what it has seen, and why. Keeping every visited state whole
//! costs its full size per state (for the simulator model about 700 bytes with its heap
//! blocks), which put the page's largest check at over half a gigabyte. Like TLC and
//! Stateright, this checker keeps a 64-bit *fingerprint* per visited state instead: the hash
//! of the state's packed bytes ([`Model::pack`]), in an open-addressing table of `u64`s. Whole
//! states exist only in the breadth-first frontier, packed, and only for the two levels being
//! worked on; per visited state there are also a parent link and the position of the action
//! that found it (6 bytes), from which a counterexample is rebuilt by re-executing those
//! actions from the init state. In all, 20 to 40 bytes per state.
//!
//! The price is certainty: two distinct states with equal fingerprints are taken for one, and
//! what lies only behind the second is not explored. With fingerprints that behave like random
//! 64-bit values, the chance that a search of n states merges any two is about n² / 2^65: 1.7
//! in 100 million for the page's largest job (781,237 states), 1.1 in 100,000 for 20 million
//! states. A merge can only hide states: a counterexample that is reported is always a real
//! run, replayed step by step. `hash.rs` says why the fingerprints can be taken as random,
//! `tests/check_fingerprints.rs` checks it on real states, and docs/BENCHMARKS.md gives the
//! figures for the jobs the page runs. The memory bound counts every byte the search holds,
//! the moment the visited table grows included, and tracks what the allocator really hands
//! out (`tests/check_memory.rs`).
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

// The page's own module is built without the checker (see the `check` feature in Cargo.toml).
#![cfg(feature = "check")]

mod arena;
mod engine;
mod frontier;
pub mod hash;
pub mod job;
mod model;
mod pack;
pub mod plan;
mod report;
pub mod sim;
pub mod tla;
mod visited;

pub use engine::{replay, Checker};
pub use model::{vec_heap_bytes, Model, Property, ACTIONS_MAX};
pub use report::{Bounds, Limit, Progress, Report, Verdict};
