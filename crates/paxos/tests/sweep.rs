//! Seed sweeps: thousands of random faulty runs per protocol. Basic Paxos must never break
//! safety; the broken variants must be caught breaking it. A failure prints the seed and the
//! script that reproduces it (`paxos run` on that script replays it exactly).

use paxos::observe::Outcome;
use paxos::protocol::Protocol;
use paxos::scenario::{random_scenario, Shape};
use paxos::simulation::judge;

struct Sweep {
    runs: u64,
    violated: u64,
    chosen: u64,
    steps: u64,
    first_violation: Option<u64>,
}

fn sweep(shape: Shape, seeds: std::ops::Range<u64>) -> Sweep {
    let mut result = Sweep { runs: 0, violated: 0, chosen: 0, steps: 0, first_violation: None };
    for seed in seeds {
        let scenario = random_scenario(seed, shape);
        let (verdict, steps) = judge(&scenario).unwrap_or_else(|e| {
            panic!(
                "seed {seed}: generated scenario failed at command {}: {}\n{}",
                e.command,
                e.message,
                scenario.to_script()
            )
        });
        result.runs += 1;
        result.steps += u64::from(steps);
        match verdict.outcome {
            Outcome::Violated => {
                result.violated += 1;
                result.first_violation.get_or_insert(seed);
            }
            Outcome::Chosen => result.chosen += 1,
            _ => {}
        }
    }
    result
}

fn shape(protocol: Protocol) -> Shape {
    Shape { protocol, nodes_min: 3, nodes_max: 7, quorums: None, amnesia: false }
}

#[test]
fn basic_paxos_is_safe_in_ten_thousand_faulty_runs() {
    let result = sweep(shape(Protocol::BasicPaxos), 0..10_000);
    if let Some(seed) = result.first_violation {
        let scenario = random_scenario(seed, shape(Protocol::BasicPaxos));
        panic!("basic-paxos broke safety with seed {seed}; reproduce with this script:\n{}", scenario.to_script());
    }
    eprintln!(
        "basic-paxos: {} runs, {} steps, {} chose a value, 0 violations",
        result.runs, result.steps, result.chosen
    );
    assert_eq!(result.runs, 10_000);
    // The runs must actually reach decisions, or "no violation" would mean little.
    assert!(result.chosen > 5_000, "only {} of 10000 runs chose a value", result.chosen);
}

#[test]
fn one_phase_highest_is_caught_overwriting_chosen_values() {
    let result = sweep(shape(Protocol::OnePhaseHighest), 0..2_000);
    eprintln!(
        "one-phase-highest: {} of {} runs violated safety (first seed {:?})",
        result.violated, result.runs, result.first_violation
    );
    assert!(result.violated > 0);
}

#[test]
fn unsafe_flexible_quorums_are_caught() {
    // Q1 + Q2 = N: a phase-1 quorum can miss the phase-2 quorum that chose a value.
    let unsafe_shape = Shape { nodes_min: 4, nodes_max: 6, quorums: Some((2, 2)), ..shape(Protocol::BasicPaxos) };
    let result = sweep(unsafe_shape, 0..2_000);
    eprintln!(
        "flexible 2/2: {} of {} runs violated safety (first seed {:?})",
        result.violated, result.runs, result.first_violation
    );
    assert!(result.violated > 0);
    // The same sweep with intersecting flexible quorums (Q1 + Q2 > N for N <= 5) is safe.
    let safe_shape = Shape { nodes_min: 3, nodes_max: 5, quorums: Some((4, 2)), ..shape(Protocol::BasicPaxos) };
    let safe = sweep(safe_shape, 0..1_000);
    assert_eq!(safe.violated, 0, "Q1=4, Q2=2 on at most 5 servers broke safety, seed {:?}", safe.first_violation);
}

#[test]
fn amnesia_is_caught() {
    let amnesiac = Shape { amnesia: true, ..shape(Protocol::BasicPaxos) };
    let result = sweep(amnesiac, 0..3_000);
    eprintln!(
        "amnesia: {} of {} runs violated safety (first seed {:?})",
        result.violated, result.runs, result.first_violation
    );
    assert!(result.violated > 0);
}

#[test]
#[cfg(feature = "multi")]
fn multi_paxos_is_safe_in_ten_thousand_faulty_runs() {
    let result = sweep(shape(Protocol::MultiPaxos), 0..10_000);
    if let Some(seed) = result.first_violation {
        let scenario = random_scenario(seed, shape(Protocol::MultiPaxos));
        panic!("multi-paxos broke safety with seed {seed}; reproduce with this script:\n{}", scenario.to_script());
    }
    eprintln!(
        "multi-paxos: {} runs, {} steps, {} chose a command, 0 violations",
        result.runs, result.steps, result.chosen
    );
    assert_eq!(result.runs, 10_000);
    // The runs must actually choose commands, or "no violation" would mean little.
    assert!(result.chosen > 5_000, "only {} of 10000 runs chose a command", result.chosen);
}

#[test]
#[cfg(feature = "multi")]
fn multi_paxos_leaders_that_skip_phase_1_or_drop_reports_are_caught() {
    for protocol in [Protocol::MultiPaxosSkipPhase1, Protocol::MultiPaxosNoRepropose] {
        let result = sweep(shape(protocol), 0..2_000);
        eprintln!(
            "{protocol}: {} of {} runs violated safety (first seed {:?})",
            result.violated, result.runs, result.first_violation
        );
        assert!(result.violated > 0, "{protocol} was never caught");
    }
}
