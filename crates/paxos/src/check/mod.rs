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
//! - [`Model`]: what a system must provide (init states, actions, next state, property).
//! - [`Checker`]: the breadth-first search, run in chunks for progress and cancellation.
//! - [`tla`]: Lamport's `Paxos.tla` and its one-phase variant, as a [`Model`].

mod engine;
pub mod hash;
mod model;
mod report;
pub mod tla;
mod visited;

pub use engine::{replay, Checker};
pub use model::{Model, Property};
pub use report::{Bounds, Limit, Progress, Report, Verdict};
