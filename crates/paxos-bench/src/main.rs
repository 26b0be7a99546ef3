//! Benchmark: our breadth-first checker against Stateright's, single-threaded, on Lamport's
//! `Paxos.tla`, in one process. Prints a plain table of unique states per second.
//!
//! Three rows per configuration:
//! - `paxos::check`: our engine on our bit-packed TLA model (`paxos::check::tla`).
//! - `stateright`: Stateright's BFS on the same spec written the Stateright way (messages in a
//!   `BTreeSet`, see `stateright_paxos.rs`). This is the headline comparison.
//! - `stateright+packed`: Stateright's BFS on our bit-packed model, through an adapter. It shows
//!   how much of the difference is the engine alone.
//!
//! Usage: `cargo run --release -p paxos-bench [-- --quick]` (`--quick` skips the largest
//! configuration, which takes Stateright a minute or so).

mod adapter;
mod stateright_paxos;

use adapter::OnStateright;
use paxos::check::tla::{TlaConfig, TlaPaxos};
use paxos::check::{Bounds, Checker, Verdict};
use stateright::Checker as _;
use stateright_paxos::StaterightPaxos;
use std::time::{Duration, Instant};

struct Config {
    name: &'static str,
    acceptors: u8,
    values: u8,
    max_ballot: u8,
    /// Keep repeating a run until this much time has passed, so tiny models give stable rates.
    min_time: Duration,
}

struct Measurement {
    checker: &'static str,
    unique_states: u64,
    depth: u64,
    runs: u32,
    seconds: f64,
}

impl Measurement {
    fn rate(&self) -> f64 {
        self.unique_states as f64 * f64::from(self.runs) / self.seconds
    }
}

/// Runs `run` repeatedly (at least once, at most 10,000 times) until `min_time` has passed.
fn measure(checker: &'static str, min_time: Duration, mut run: impl FnMut() -> (u64, u64)) -> Measurement {
    let start = Instant::now();
    let mut runs = 0;
    let mut result = (0, 0);
    while runs == 0 || (start.elapsed() < min_time && runs < 10_000) {
        result = run();
        runs += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    Measurement { checker, unique_states: result.0, depth: result.1, runs, seconds }
}

fn run_ours(config: &Config) -> (u64, u64) {
    let tla = TlaConfig {
        acceptors: config.acceptors,
        values: config.values,
        max_ballot: config.max_ballot,
        one_phase: false,
    };
    let bounds = Bounds { states_max: 200_000_000, bytes_max: 16 << 30, ..Bounds::default() };
    let report = Checker::new(TlaPaxos::new(tla).expect("config fits"), bounds).run_to_end();
    assert_eq!(report.verdict, Verdict::Holds, "Paxos must be safe");
    (report.distinct_states, u64::from(report.depth))
}

fn run_stateright<M>(model: M) -> (u64, u64)
where
    M: stateright::Model + Send + Sync + 'static,
    M::State: std::hash::Hash + Send + Sync + Clone + PartialEq + std::fmt::Debug + 'static,
    M::Action: Clone + PartialEq + std::fmt::Debug,
{
    let checker = model.checker().threads(1).spawn_bfs().join();
    assert!(checker.discoveries().is_empty(), "Paxos must be safe");
    (checker.unique_state_count() as u64, checker.max_depth() as u64)
}

fn main() {
    let quick = std::env::args().any(|arg| arg == "--quick");
    let mut configs = vec![Config {
        name: "MCPaxosTiny (3 acc, 2 val, ballots 0..1)",
        acceptors: 3,
        values: 2,
        max_ballot: 1,
        min_time: Duration::from_secs(1),
    }];
    configs.push(Config {
        name: "MCPaxosSmall (3 acc, 2 val, ballots 0..2)",
        acceptors: 3,
        values: 2,
        max_ballot: 2,
        min_time: Duration::from_secs(1),
    });
    if !quick {
        configs.push(Config {
            name: "4 acc, 2 val, ballots 0..2",
            acceptors: 4,
            values: 2,
            max_ballot: 2,
            min_time: Duration::ZERO,
        });
    }
    println!("single-threaded breadth-first search, same process, {} build", build_kind());
    println!();
    println!(
        "{:<44} {:>12} {:>6} {:<18} {:>6} {:>10} {:>14} {:>9}",
        "configuration", "unique", "depth", "checker", "runs", "seconds", "unique/s", "ours/this"
    );
    for config in &configs {
        let (a, v, b) = (config.acceptors, config.values, config.max_ballot);
        let rows = [
            measure("paxos::check", config.min_time, || run_ours(config)),
            measure("stateright", config.min_time, || run_stateright(StaterightPaxos::new(a, v, b))),
            measure("stateright+packed", config.min_time, || {
                let tla = TlaConfig { acceptors: a, values: v, max_ballot: b, one_phase: false };
                run_stateright(OnStateright(TlaPaxos::new(tla).expect("config fits")))
            }),
        ];
        let ours = &rows[0];
        for row in &rows {
            assert_eq!(row.unique_states, ours.unique_states, "{}: unique state counts differ", row.checker);
            assert_eq!(row.depth, ours.depth, "{}: depths differ", row.checker);
            println!(
                "{:<44} {:>12} {:>6} {:<18} {:>6} {:>10.3} {:>14.0} {:>8.1}x",
                config.name,
                row.unique_states,
                row.depth,
                row.checker,
                row.runs,
                row.seconds,
                row.rate(),
                ours.rate() / row.rate()
            );
        }
    }
}

fn build_kind() -> &'static str {
    if cfg!(debug_assertions) {
        "debug (numbers meaningless: use --release)"
    } else {
        "release"
    }
}
