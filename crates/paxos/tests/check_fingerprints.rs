//! The checker keeps a 64-bit fingerprint per visited state, not the state, and its stated
//! risk (two of n states merged with chance about n² / 2^65) holds only if fingerprints of
//! real states behave like random values. This checks that on two real state spaces, found
//! here by an independent breadth-first search that keeps every state whole:
//! - no two distinct states share a fingerprint, so the checker's counts are exact;
//! - cut to 24 bits (any of three windows), fingerprints collide as often as random values
//!   would, n(n-1)/2 / 2^24 pairs, within five standard deviations. A hash with structure
//!   (such as a multiply-only one on sparse inputs like the TLA model's bitsets) collides far
//!   more often in some window.
// The model checker is the `check` feature (`cargo test -p paxos --no-default-features`).
#![cfg(feature = "check")]

use paxos::check::hash::fingerprint;
use paxos::check::sim::{SimConfig, SimModel};
use paxos::check::tla::{TlaConfig, TlaPaxos};
use paxos::check::{Bounds, Checker, Model};
use paxos::protocol::Protocol;
use std::collections::{HashSet, VecDeque};

/// Every reachable state's packed bytes, by a search that compares whole states.
fn every_state<M: Model>(model: &M) -> Vec<Vec<u8>> {
    let mut seen: HashSet<Vec<u8>> = HashSet::new();
    let mut order = Vec::new();
    let mut queue = VecDeque::new();
    let mut bytes = Vec::new();
    let mut visit = |mut state: M::State, queue: &mut VecDeque<M::State>| {
        model.canonicalize(&mut state);
        bytes.clear();
        model.pack(&state, &mut bytes);
        if seen.insert(bytes.clone()) {
            order.push(bytes.clone());
            queue.push_back(state);
        }
    };
    for init in model.init_states() {
        visit(init, &mut queue);
    }
    let mut actions = Vec::new();
    while let Some(state) = queue.pop_front() {
        actions.clear();
        model.actions(&state, &mut actions);
        for action in &actions {
            if let Some(next) = model.next_state(&state, action) {
                visit(next, &mut queue);
            }
        }
    }
    order
}

/// Pairs of equal values among `values`.
fn equal_pairs(mut values: Vec<u64>) -> u64 {
    values.sort_unstable();
    let mut pairs = 0;
    let mut run = 1u64;
    for i in 1..=values.len() {
        if i < values.len() && values[i] == values[i - 1] {
            run += 1;
        } else {
            pairs += run * (run - 1) / 2;
            run = 1;
        }
    }
    pairs
}

fn assert_fingerprints_look_random(name: &str, states: &[Vec<u8>], checker_count: u64) {
    let n = states.len() as u64;
    assert_eq!(checker_count, n, "{name}: the checker found as many states as a search that keeps them whole");
    let fingerprints: Vec<u64> = states.iter().map(|bytes| fingerprint(bytes)).collect();
    assert_eq!(equal_pairs(fingerprints.clone()), 0, "{name}: two states share a 64-bit fingerprint");
    let expected = (n * (n - 1) / 2) as f64 / (1u64 << 24) as f64;
    for (window, shift) in [("top", 40), ("middle", 20), ("bottom", 0)] {
        let cut: Vec<u64> = fingerprints.iter().map(|f| (f >> shift) & 0xff_ffff).collect();
        let pairs = equal_pairs(cut) as f64;
        eprintln!("{name}: {n} states, {window} 24 bits: {pairs} equal pairs, {expected:.0} expected at random");
        assert!(
            (pairs - expected).abs() <= 5.0 * expected.sqrt(),
            "{name}, {window} 24 bits: {pairs} vs {expected:.0}"
        );
    }
}

#[test]
fn simulator_model_fingerprints_look_random_and_merge_nothing() {
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.crashes = 1;
    let states = every_state(&SimModel::new(config).unwrap());
    let report = Checker::new(SimModel::new(config).unwrap(), Bounds::default()).run_to_end();
    assert_fingerprints_look_random("sim basic-paxos 3 crash", &states, report.distinct_states);
}

#[test]
fn tla_model_fingerprints_look_random_and_merge_nothing() {
    let config = TlaConfig { acceptors: 3, values: 2, max_ballot: 2, one_phase: false };
    let states = every_state(&TlaPaxos::new(config).unwrap());
    let report = Checker::new(TlaPaxos::new(config).unwrap(), Bounds::default()).run_to_end();
    assert_fingerprints_look_random("tla 3 2 2", &states, report.distinct_states);
}

/// Multi-Paxos' states pack their logs and log messages in their own codes
/// (check/sim/packing_log.rs): the checker's count is still exact (66,375, as
/// tests/check_sim.rs pins it) and the fingerprints still look random.
#[test]
fn multi_paxos_fingerprints_look_random_and_merge_nothing() {
    let config = SimConfig::new(Protocol::MultiPaxos, 3);
    let states = every_state(&SimModel::new(config).unwrap());
    assert_eq!(states.len(), 66_375);
    let report = Checker::new(SimModel::new(config).unwrap(), Bounds::default()).run_to_end();
    assert_fingerprints_look_random("sim multi-paxos 3", &states, report.distinct_states);
}
