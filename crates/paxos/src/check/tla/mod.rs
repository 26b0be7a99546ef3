//! Lamport's `Paxos.tla`, checked exhaustively.
//!
//! This is the abstraction of Paxos that Lamport model-checks with TLC in the tlaplus/Examples
//! repository (`specifications/PaxosHowToWinATuringAward/Paxos.tla`; the same definitions are
//! in `specifications/Paxos/Paxos.tla`). It is deliberately far from an implementation, and
//! what it leaves out is the point:
//!
//! - **No network.** The only network state is `msgs`, the set of every message ever sent. A
//!   message is never removed, so any message can be received at any later time, any number of
//!   times, by anyone: reordering, duplication and delay are all implicit. Loss is implicit too,
//!   because nothing forces a message to be received. One broadcast is one set element.
//! - **No proposer processes.** Each ballot has its own notional leader; `Phase1a(b)` and
//!   `Phase2a(b, v)` are that leader's moves. Nothing says which real server leads a ballot.
//! - **No time, no crashes.** Safety holds in every interleaving, so slowness and crash-stop
//!   failures (a process that simply takes no more steps) need no modelling.
//!
//! Variables per acceptor `a`: `maxBal[a]` (highest ballot promised or voted in, -1 initially),
//! and the vote `<<maxVBal[a], maxVal[a]>>` it cast in the highest ballot it voted in
//! (`<<-1, None>>` initially). The four actions:
//!
//! - `Phase1a(b)`: send `1a(b)`. Always enabled (re-sending is a stuttering step).
//! - `Phase1b(a)`: on some `1a(b)` with `b > maxBal[a]`: set `maxBal[a] = b`, send
//!   `1b(a, b, maxVBal[a], maxVal[a])`: a promise plus the latest vote.
//! - `Phase2a(b, v)`: if no 2a was sent for `b`, and some quorum Q all sent 1b in `b`, and
//!   either none of those 1b reported a vote or `v` is the value of the highest-ballot vote they
//!   reported: send `2a(b, v)`. This is where Paxos is safe: a value that may have been chosen
//!   in a lower ballot is visible to every quorum, so `b` re-proposes it.
//! - `Phase2b(a)`: on some `2a(b, v)` with `b >= maxBal[a]`: vote, i.e. set `maxBal[a]`,
//!   `maxVBal[a]` to `b`, `maxVal[a]` to `v`, and send `2b(a, b, v)`.
//!
//! A value is *chosen* when a quorum sent 2b for it in one ballot. The property checked in every
//! state is Consistency: at most one value is chosen.
//!
//! The one-phase variant (`TlaConfig::one_phase`) keeps "one 2a per ballot" but drops the quorum
//! of promises, so a leader proposes any value it likes. Acceptors still vote only in ballots at
//! least as high as any they have seen: this is the seed's "proposal numbers, no Phase 1"
//! protocol, and the checker finds two values chosen.
//!
//! Known counts (TLC, no symmetry reduction), pinned in `tests/check_tla.rs`: 1 acceptor,
//! 1 value, ballots 0..1: 25 distinct states, 82 generated, depth 9; 3 acceptors, 2 values,
//! ballots 0..1 (`MCPaxosTiny.cfg`): 3,921 distinct, 23,563 generated, depth 17; ballots
//! 0..2: 185,369 distinct, 1,361,380 generated. "Generated" counts as TLC does: one successor
//! per witness of `Phase2a`'s quantifiers (one per action would give 1,316,584 for 0..2).

mod action;
mod layout;
mod paxos;

pub use action::{render_counterexample, TlaAction};
pub use layout::TlaState;
pub use paxos::{TlaConfig, TlaConfigError, TlaPaxos};

use super::engine::Checker;
use super::report::{Bounds, Report};

/// Checks the TLA model with default bounds. For the CLI:
/// `paxos check --model tla --acceptors 3 --values 2 --max-ballot 1`.
pub fn check_tla(
    acceptors: u8,
    values: u8,
    max_ballot: u8,
    one_phase: bool,
) -> Result<Report<TlaAction>, TlaConfigError> {
    let config = TlaConfig { acceptors, values, max_ballot, one_phase };
    check_tla_with(config, Bounds::default())
}

/// Checks the TLA model to the end within `bounds`. A caller that needs progress or
/// cancellation (a Web Worker) uses `Checker::new(TlaPaxos::new(config)?, bounds)` and
/// `run_for` instead.
pub fn check_tla_with(config: TlaConfig, bounds: Bounds) -> Result<Report<TlaAction>, TlaConfigError> {
    let model = TlaPaxos::new(config)?;
    Ok(Checker::new(model, bounds).run_to_end())
}
