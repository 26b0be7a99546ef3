//! Benchmarks, natively, in one process:
//!
//! 1. Model checker: our breadth-first checker against Stateright's, single-threaded, on
//!    Lamport's `Paxos.tla`; unique states per second. Three rows per configuration:
//!    - `paxos::check`: our engine on our bit-packed TLA model (`paxos::check::tla`).
//!    - `stateright`: Stateright's BFS on the same spec written the Stateright way (messages in
//!      a `BTreeSet`, see `stateright_paxos.rs`). This is the headline comparison.
//!    - `stateright+packed`: Stateright's BFS on our bit-packed model, through an adapter. It
//!      shows how much of the difference is the engine alone.
//! 2. Simulator (`sim.rs`): delivered messages per second on a 10,000-step scenario, time
//!    travel latency, and the memory the finished run holds.
//!
//! Every figure is the median of `--reps` runs (default 5) with its min and max; each ratio is
//! taken within one repetition (ours and theirs back to back), and the median ratio reported.
//!
//! Usage: `cargo run --release -p paxos-bench -- [--quick] [--json] [--reps N] [--scenario FILE]`
//! (`--quick` skips the largest configuration, which takes Stateright a minute or so per run;
//! `--json` prints one JSON object for bench/run.mjs instead of the tables).

mod adapter;
mod heap;
mod sim;
mod stateright_paxos;
mod stats;

/// Counts heap bytes, for the memory a simulation holds (`sim.rs`).
#[global_allocator]
static HEAP: heap::Counting = heap::Counting;

use adapter::OnStateright;
use paxos::check::tla::{TlaConfig, TlaPaxos};
use paxos::check::{Bounds, Checker, Verdict};
use stateright::Checker as _;
use stateright_paxos::StaterightPaxos;
use stats::Stats;
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

struct Options {
    quick: bool,
    json: bool,
    reps: usize,
    scenario: String,
}

fn options() -> Options {
    let mut options = Options {
        quick: false,
        json: false,
        reps: 5,
        scenario: concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/scenarios/long-10k.txt").to_string(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--json" => options.json = true,
            "--reps" => options.reps = args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0).expect("--reps N"),
            "--scenario" => options.scenario = args.next().expect("--scenario FILE"),
            other => panic!("unknown argument `{other}`; see the module docs for usage"),
        }
    }
    options
}

/// One configuration's results: the rate of each checker over the repetitions, and the
/// per-repetition ratios of ours to each of the others.
struct ConfigResult {
    name: &'static str,
    acceptors: u8,
    values: u8,
    max_ballot: u8,
    unique_states: u64,
    depth: u64,
    rates: Vec<(&'static str, Stats)>,
    ratios: Vec<(&'static str, Stats)>,
}

fn bench_config(config: &Config, reps: usize) -> ConfigResult {
    let (a, v, b) = (config.acceptors, config.values, config.max_ballot);
    let names = ["paxos::check", "stateright", "stateright+packed"];
    let mut rates: Vec<Vec<f64>> = vec![Vec::new(); 3];
    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); 2];
    let mut shape = (0, 0);
    for _ in 0..reps {
        let rows = [
            measure(names[0], config.min_time, || run_ours(config)),
            measure(names[1], config.min_time, || run_stateright(StaterightPaxos::new(a, v, b))),
            measure(names[2], config.min_time, || {
                let tla = TlaConfig { acceptors: a, values: v, max_ballot: b, one_phase: false };
                run_stateright(OnStateright(TlaPaxos::new(tla).expect("config fits")))
            }),
        ];
        let ours = &rows[0];
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(row.unique_states, ours.unique_states, "{}: unique state counts differ", row.checker);
            assert_eq!(row.depth, ours.depth, "{}: depths differ", row.checker);
            rates[i].push(row.rate());
            if i > 0 {
                ratios[i - 1].push(ours.rate() / row.rate());
            }
        }
        shape = (ours.unique_states, ours.depth);
    }
    ConfigResult {
        name: config.name,
        acceptors: a,
        values: v,
        max_ballot: b,
        unique_states: shape.0,
        depth: shape.1,
        rates: names.iter().zip(&rates).map(|(n, r)| (*n, Stats::of(r))).collect(),
        ratios: names[1..].iter().zip(&ratios).map(|(n, r)| (*n, Stats::of(r))).collect(),
    }
}

fn main() {
    let options = options();
    let mut configs = vec![Config {
        name: "MCPaxosTiny (3 acc, 2 val, ballots 0..1)",
        acceptors: 3,
        values: 2,
        max_ballot: 1,
        min_time: Duration::from_millis(500),
    }];
    configs.push(Config {
        name: "MCPaxosSmall (3 acc, 2 val, ballots 0..2)",
        acceptors: 3,
        values: 2,
        max_ballot: 2,
        min_time: Duration::from_millis(500),
    });
    if !options.quick {
        configs.push(Config {
            name: "4 acc, 2 val, ballots 0..2",
            acceptors: 4,
            values: 2,
            max_ballot: 2,
            min_time: Duration::ZERO,
        });
    }
    let script = std::fs::read_to_string(&options.scenario)
        .unwrap_or_else(|e| panic!("cannot read the scenario {}: {e}", options.scenario));

    let checker: Vec<ConfigResult> = configs.iter().map(|c| bench_config(c, options.reps)).collect();
    let sim = sim::run(&script, options.reps.max(10));
    if options.json {
        print_json(&options, &checker, &sim);
    } else {
        print_tables(&options, &checker, &sim);
    }
}

fn range(s: &Stats, digits: usize) -> String {
    format!("{:.d$} [{:.d$}-{:.d$}]", s.median, s.min, s.max, d = digits)
}

fn print_tables(options: &Options, checker: &[ConfigResult], sim: &sim::SimResults) {
    println!("single-threaded breadth-first search, same process, {} build", build_kind());
    println!("each figure: median [min-max] of {} repetitions; ratios taken within a repetition", options.reps);
    println!();
    println!(
        "{:<44} {:>10} {:>6} {:<18} {:>30} {:>22}",
        "configuration", "unique", "depth", "checker", "unique/s", "ours/this"
    );
    for config in checker {
        for (i, (name, rate)) in config.rates.iter().enumerate() {
            let ratio = if i == 0 { "1".to_string() } else { range(&config.ratios[i - 1].1, 1) };
            println!(
                "{:<44} {:>10} {:>6} {:<18} {:>30} {:>22}",
                config.name,
                config.unique_states,
                config.depth,
                name,
                range(rate, 0),
                ratio
            );
        }
    }
    println!();
    println!("simulator: {} ({} steps, {} messages delivered)", options.scenario, sim.steps, sim.delivered);
    println!("  build the whole run (ms)      {}", range(&sim.build_ms, 2));
    println!("  delivered messages/s          {}", range(&sim.delivered_per_s, 0));
    println!(
        "  seek to a random step (ms)    {} p95 {:.3} (n={})",
        range(&sim.seek_random_ms, 3),
        sim.seek_random_ms.p95,
        sim.seek_random_ms.n
    );
    println!(
        "  step back, every step (ms)    {} p95 {:.3} (n={})",
        range(&sim.step_back_ms, 3),
        sim.step_back_ms.p95,
        sim.step_back_ms.n
    );
    println!(
        "  heap held by the run          {:.2} MB (peak while building {:.2} MB)",
        sim.live_bytes as f64 / 1e6,
        sim.peak_bytes as f64 / 1e6
    );
}

fn print_json(options: &Options, checker: &[ConfigResult], sim: &sim::SimResults) {
    let configs: Vec<String> = checker
        .iter()
        .map(|c| {
            let rates: Vec<String> = c.rates.iter().map(|(n, s)| format!(r#""{n}":{}"#, s.json("states/s"))).collect();
            let ratios: Vec<String> = c.ratios.iter().map(|(n, s)| format!(r#""{n}":{}"#, s.json("x"))).collect();
            format!(
                r#"{{"name":"{}","acceptors":{},"values":{},"max_ballot":{},"unique_states":{},"depth":{},"rates":{{{}}},"ours_over":{{{}}}}}"#,
                c.name,
                c.acceptors,
                c.values,
                c.max_ballot,
                c.unique_states,
                c.depth,
                rates.join(","),
                ratios.join(",")
            )
        })
        .collect();
    println!(
        r#"{{"build":"{}","reps":{},"checker":[{}],"sim":{{"scenario":"{}","steps":{},"delivered":{},"build_ms":{},"delivered_per_s":{},"seek_random_ms":{},"step_back_ms":{},"live_bytes":{},"peak_bytes":{}}}}}"#,
        build_kind(),
        options.reps,
        configs.join(","),
        options.scenario.replace('\\', "/").replace('"', "'"),
        sim.steps,
        sim.delivered,
        sim.build_ms.json("ms"),
        sim.delivered_per_s.json("messages/s"),
        sim.seek_random_ms.json("ms"),
        sim.step_back_ms.json("ms"),
        sim.live_bytes,
        sim.peak_bytes
    );
}

fn build_kind() -> &'static str {
    if cfg!(debug_assertions) {
        "debug (numbers meaningless: use --release)"
    } else {
        "release"
    }
}
