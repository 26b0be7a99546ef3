//! # Paxos playground core
//!
//! Basic Paxos and the broken one-phase protocols it grew from, a deterministic network
//! simulator with faults, observers that judge safety and liveness, and scenario scripts.
//! Pure: no I/O, no clock, no ambient randomness; the same scenario gives the same run on
//! every platform.
//!
//! * [`types`], [`message`], [`quorum`]: the vocabulary (ballots written as the seed writes
//!   them, "13" = counter 1 on server 3), the messages and their canonical text, quorum math.
//! * [`protocol`]: each server as a pure state machine, for the four single-decree protocols
//!   and Multi-Paxos (a replicated log, with two broken variants; the `multi` feature, on by
//!   default and off in the page's wasm module).
//! * [`sim`]: the world that carries messages, loses, duplicates and delays them, crashes
//!   servers and cuts links, all driven by one seed.
//! * [`observe`]: agreement, validity, stability, stuck and livelock.
//! * [`scenario`]: a run as a value, and its script text.
//! * [`simulation`]: a finished run you can step through, back and forth, and fork.
//! * [`presets`]: the seed text's scenarios and a few more.
//! * [`compare`]: one schedule under two protocols, side by side.
//! * [`export`]: a run as a Mermaid sequence diagram or as a Rust test.
//! * [`check`]: an exhaustive model checker, with Lamport's `Paxos.tla` as a model.

// Messages, notes and servers are `Copy` only without Multi-Paxos (see `protocol::multi`),
// so the code clones them, which is a plain copy there.
#![cfg_attr(not(feature = "multi"), allow(clippy::clone_on_copy))]
// A `ScriptError` is large (a message, a position, the facts a page words it from): it is made
// only when a script is refused, so it is returned by value rather than boxed.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod compare;
pub mod export;
pub mod message;
pub mod observe;
pub mod presets;
pub mod protocol;
pub mod quorum;
pub mod rules;
pub mod scenario;
pub mod sim;
pub mod simulation;
pub mod types;

pub use scenario::{Scenario, ScriptError};
pub use simulation::{Simulation, Snapshot};

/// Build version reported to the UI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
