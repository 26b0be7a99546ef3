//! The model checker on the playground's own protocols: the counterexamples it finds are the
//! shortest possible, and they replay in the simulator as scenarios with the same verdict.
// The model checker is the `check` feature (`cargo test -p paxos --no-default-features`).
#![cfg(feature = "check")]

use paxos::check::sim::{check_sim, SimConfig, SimReport};
use paxos::check::{Bounds, Verdict};
use paxos::observe::Outcome;
use paxos::protocol::Protocol;
use paxos::Simulation;

fn check(config: SimConfig) -> SimReport {
    check_sim(config, Bounds::default()).expect("valid configuration")
}

/// Replays the counterexample script in the simulator and returns its verdict.
fn replay(report: &SimReport) -> paxos::observe::Verdict {
    let script = report.counterexample_script.as_ref().expect("a counterexample");
    Simulation::from_script(script)
        .unwrap_or_else(|e| panic!("counterexample does not replay: {e}\n{script}"))
        .verdict()
}

#[test]
fn one_phase_highest_two_values_chosen_in_four_moves() {
    let report = check(SimConfig::new(Protocol::OnePhaseHighest, 3));
    assert!(matches!(report.report.verdict, Verdict::Violated { .. }), "{:?}", report.report.verdict);
    assert_eq!(
        report.report.counterexample.as_deref(),
        Some(
            &["propose S1 X", "propose S2 Y", "deliver S1->S3 Accept 11 X", "deliver S2->S1 Accept 12 Y"]
                .map(String::from)[..]
        )
    );
    assert_eq!((report.report.distinct_states, report.report.depth), (25, 5));
    let verdict = replay(&report);
    assert_eq!(verdict.outcome, Outcome::Violated);
    assert!(verdict.violations.iter().any(|v| matches!(v, paxos::observe::Violation::Agreement { .. })));
}

#[test]
fn unsafe_flexible_quorums_are_broken_and_safe_ones_hold() {
    let mut unsafe_config = SimConfig::new(Protocol::BasicPaxos, 3);
    unsafe_config.quorum_phase1 = 1; // 1 + 2 is not more than 3
    let report = check(unsafe_config);
    assert!(matches!(report.report.verdict, Verdict::Violated { .. }));
    assert_eq!(report.report.counterexample.as_ref().map(Vec::len), Some(4));
    assert_eq!(replay(&report).outcome, Outcome::Violated);

    let mut safe_config = SimConfig::new(Protocol::BasicPaxos, 3);
    (safe_config.quorum_phase1, safe_config.quorum_phase2) = (3, 1); // 3 + 1 > 3
    assert_eq!(check(safe_config).report.verdict, Verdict::Holds);
}

#[test]
fn amnesia_breaks_paxos_with_one_crash() {
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.crashes = 1;
    config.amnesia = true;
    let report = check(config);
    assert!(matches!(report.report.verdict, Verdict::Violated { .. }));
    let moves = report.report.counterexample.clone().unwrap();
    assert_eq!(moves.len(), 10);
    assert!(moves.iter().any(|m| m.starts_with("restart")), "{moves:?}");
    assert_eq!(replay(&report).outcome, Outcome::Violated);
    // The same configuration without amnesia is safe.
    config.amnesia = false;
    let durable = check(config);
    assert_eq!(durable.report.verdict, Verdict::Holds);
    assert_eq!(durable.report.distinct_states, 167_638);
}

#[test]
fn basic_paxos_holds_within_bounds() {
    let plain = check(SimConfig::new(Protocol::BasicPaxos, 3));
    assert_eq!(plain.report.verdict, Verdict::Holds);
    assert_eq!((plain.report.distinct_states, plain.report.depth), (17_353, 19));
    let mut faulty = SimConfig::new(Protocol::BasicPaxos, 3);
    faulty.drops = true;
    faulty.duplicates = 1;
    let report = check(faulty);
    assert_eq!(report.report.verdict, Verdict::Holds);
    assert_eq!(report.report.distinct_states, 781_237);
    assert!(report.counterexample_script.is_none());
}

#[test]
fn one_phase_first_and_adopt_get_stuck_at_once() {
    for protocol in [Protocol::OnePhaseFirst, Protocol::OnePhaseAdopt] {
        let mut config = SimConfig::new(protocol, 3);
        config.proposers = 3;
        config.attempts = if protocol == Protocol::OnePhaseAdopt { 2 } else { 1 };
        let report = check(config);
        assert!(matches!(report.report.verdict, Verdict::Stuck { .. }), "{protocol}: {:?}", report.report.verdict);
        assert_eq!(
            report.report.counterexample.as_deref(),
            Some(&["propose S1 X", "propose S2 Y", "propose S3 Z"].map(String::from)[..]),
            "{protocol}: three proposers each keeping their own value is the shortest deadlock"
        );
        let verdict = replay(&report);
        assert_eq!(verdict.outcome, Outcome::Stuck, "{protocol}");
    }
}

#[test]
fn bad_configurations_are_refused_with_a_message() {
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.nodes = 7;
    assert!(check_sim(config, Bounds::default()).unwrap_err().message.contains("1 to 5 servers"));
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.proposers = 4;
    assert!(check_sim(config, Bounds::default()).unwrap_err().message.contains("proposers"));
}

#[test]
fn a_search_that_hits_its_bound_says_so() {
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.attempts = 2;
    let bounds = Bounds { states_max: 10_000, ..Bounds::default() };
    let report = check_sim(config, bounds).unwrap();
    assert!(matches!(report.report.verdict, Verdict::Incomplete { .. }), "{:?}", report.report.verdict);
}

#[test]
fn symmetry_reduction_explores_fewer_states_with_the_same_verdicts() {
    // Servers that never propose are interchangeable: S2..S5 with one proposer.
    let mut config = SimConfig::new(Protocol::BasicPaxos, 5);
    config.proposers = 1;
    let plain = check(config);
    config.symmetry = true;
    let reduced = check(config);
    assert_eq!((plain.report.verdict.name(), reduced.report.verdict.name()), ("holds", "holds"));
    assert_eq!((plain.report.distinct_states, reduced.report.distinct_states), (4_450, 321));
    assert_eq!(plain.report.depth, reduced.report.depth);

    // A counterexample found under symmetry is still a concrete, replayable run, and as short.
    let mut broken = SimConfig::new(Protocol::OnePhaseHighest, 5);
    let plain = check(broken);
    broken.symmetry = true;
    let reduced = check(broken);
    assert_eq!((plain.report.distinct_states, reduced.report.distinct_states), (517, 170));
    assert_eq!(
        plain.report.counterexample.as_ref().map(Vec::len),
        reduced.report.counterexample.as_ref().map(Vec::len)
    );
    assert_eq!(replay(&reduced).outcome, Outcome::Violated);
}

/// Multi-Paxos on 3 servers and 2 slots: S1 and S2 each get one client request (`set x 1`,
/// `set x 2`), so the log never has more than two slots; no faults, one attempt each.
fn multi(protocol: Protocol) -> SimReport {
    check(SimConfig::new(protocol, 3))
}

/// The moves of a report's counterexample.
fn moves(report: &SimReport) -> Vec<&str> {
    report.report.counterexample.iter().flatten().map(String::as_str).collect()
}

#[test]
fn multi_paxos_holds_on_three_servers_and_two_slots() {
    let report = multi(Protocol::MultiPaxos);
    assert_eq!(report.report.verdict, Verdict::Holds);
    assert_eq!((report.report.distinct_states, report.report.depth), (66_375, 21));
    assert!(report.counterexample_script.is_none());
}

#[test]
fn a_leader_that_skips_phase_1_overwrites_a_chosen_command_in_four_moves() {
    let report = multi(Protocol::MultiPaxosSkipPhase1);
    assert!(matches!(report.report.verdict, Verdict::Violated { .. }), "{:?}", report.report.verdict);
    // S1 gets `set x 1` chosen in slot 1 with S3; S2, which never asked anyone, puts its own
    // command in slot 1 with a higher number and gets it chosen with S1.
    assert_eq!(
        moves(&report),
        [
            "request S1 set x 1",
            "request S2 set x 2",
            "deliver S1->S3 Accept 11 #1 set x 1",
            "deliver S2->S1 Accept 12 #1 set x 2"
        ]
    );
    assert_eq!((report.report.distinct_states, report.report.depth), (25, 5));
    let verdict = replay(&report);
    assert_eq!(verdict.outcome, Outcome::Violated);
    assert!(
        verdict.violations.iter().any(|v| matches!(v, paxos::observe::Violation::SlotAgreement { .. })),
        "{verdict}"
    );
}

#[test]
fn a_leader_that_does_not_re_propose_overwrites_a_chosen_command_in_eight_moves() {
    let report = multi(Protocol::MultiPaxosNoRepropose);
    assert!(matches!(report.report.verdict, Verdict::Violated { .. }), "{:?}", report.report.verdict);
    // S2's phase 1 hears of (11,set x 1) in slot 1 from S1, and puts `set x 2` there anyway.
    assert_eq!(
        moves(&report),
        [
            "request S1 set x 1",
            "request S2 set x 2",
            "deliver S1->S3 Prepare 11 [slots 1..]",
            "deliver S3->S1 Promise 11 [slots 1..] (-)",
            "deliver S1->S3 Accept 11 #1 set x 1",
            "deliver S2->S1 Prepare 12 [slots 1..]",
            "deliver S1->S2 Promise 12 [slots 1..] #1 (11,set x 1)",
            "deliver S2->S1 Accept 12 #1 set x 2"
        ]
    );
    assert_eq!((report.report.distinct_states, report.report.depth), (645, 9));
    let verdict = replay(&report);
    assert_eq!(verdict.outcome, Outcome::Violated);
    assert!(
        verdict.violations.iter().any(|v| matches!(v, paxos::observe::Violation::SlotAgreement { .. })),
        "{verdict}"
    );
}

#[test]
fn multi_paxos_with_a_crash_and_elections_by_timeout_still_holds() {
    // One requester on three servers that may crash once (and restart) and time out, with a
    // second attempt: a leader whose slot is not chosen runs again, and its new phase 1
    // finds what it got accepted before. (With both requesters this is 601,200 states:
    // `paxos check --model sim --protocol multi-paxos --nodes 3 --crashes 1`.)
    let mut config = SimConfig::new(Protocol::MultiPaxos, 3);
    (config.proposers, config.crashes, config.timeouts, config.attempts) = (1, 1, true, 2);
    let plain = check(config);
    assert_eq!(plain.report.verdict, Verdict::Holds);
    assert_eq!((plain.report.distinct_states, plain.report.depth), (10_321, 17));
    // S2 and S3 never get a request, so they are interchangeable: symmetry halves the states.
    config.symmetry = true;
    let reduced = check(config);
    assert_eq!(reduced.report.verdict, Verdict::Holds);
    assert_eq!((reduced.report.distinct_states, reduced.report.depth), (5_255, 17));
}

/// The checker keeps states only as their packed bytes and fingerprints those, so packing
/// must tell every state apart: every state of a spread of configurations (every protocol,
/// Multi-Paxos and its broken variants too; timeouts and retries, crashes with and without
/// amnesia, no nacks, drops, duplicates, five servers) packs into bytes that unpack to the
/// same state, and distinct states into distinct bytes.
#[test]
fn every_state_packs_into_bytes_that_unpack_to_it() {
    use paxos::check::Model;
    use std::collections::{HashMap, VecDeque};
    let mut configs = Vec::new();
    for protocol in [Protocol::BasicPaxos, Protocol::OnePhaseFirst, Protocol::OnePhaseHighest, Protocol::OnePhaseAdopt]
    {
        let mut config = SimConfig::new(protocol, 3);
        (config.proposers, config.attempts, config.timeouts, config.drops) = (3, 2, true, true);
        configs.push(config);
        let mut config = SimConfig::new(protocol, 5);
        (config.crashes, config.amnesia, config.duplicates, config.nacks, config.symmetry) = (1, true, 1, false, true);
        configs.push(config);
    }
    // Multi-Paxos: servers with logs, promises reporting slots, per-slot records.
    for protocol in [Protocol::MultiPaxos, Protocol::MultiPaxosSkipPhase1, Protocol::MultiPaxosNoRepropose] {
        let mut config = SimConfig::new(protocol, 3);
        (config.proposers, config.attempts, config.timeouts, config.crashes) = (2, 2, true, 1);
        configs.push(config);
        let mut config = SimConfig::new(protocol, 5);
        (config.proposers, config.duplicates, config.drops, config.symmetry) = (1, 1, true, true);
        configs.push(config);
    }
    for config in configs {
        let model = paxos::check::sim::SimModel::new(config).unwrap();
        let mut seen: HashMap<Vec<u8>, paxos::check::sim::SimState> = HashMap::new();
        let mut queue: VecDeque<_> = model.init_states().into();
        let mut actions = Vec::new();
        while let Some(state) = queue.pop_front() {
            let mut bytes = Vec::new();
            model.pack(&state, &mut bytes);
            assert_eq!(model.unpack(&bytes), state, "{config:?}");
            if let Some(other) = seen.get(&bytes) {
                assert_eq!(*other, state, "{config:?}: two states packed alike");
                continue;
            }
            seen.insert(bytes, state.clone());
            if seen.len() >= 20_000 {
                break;
            }
            actions.clear();
            model.actions(&state, &mut actions);
            queue.extend(actions.iter().filter_map(|action| model.next_state(&state, action)));
        }
        assert!(seen.len() > 1_000, "{config:?}: {} states", seen.len());
    }
}

/// The seed's wording of phase 2 ("accept if nothing was accepted yet, or if the number is
/// higher than every number accepted") leaves out Lamport's promise condition. The checker
/// finds why it matters, in eight moves: S1 promises 12 to S2 and then, having accepted
/// nothing, still accepts its own Accept 11 X (Lamport's 2b refuses it: it promised 12 > 11).
/// With S3, X is chosen; S2's phase 1 had found nothing, so its Accept 12 Y is accepted by S1
/// (12 is higher than the 11 it accepted) and Y is chosen too.
#[test]
fn the_seeds_wording_of_phase_two_chooses_two_values_in_eight_moves() {
    let report = check(SimConfig::new(Protocol::SeedPhaseTwo, 3));
    assert_eq!(report.report.verdict, Verdict::Violated { reason: "agreement: X and Y were both chosen".into() });
    let trace = [
        "propose S1 X",
        "propose S2 Y",
        "deliver S1->S3 Prepare 11",
        "deliver S2->S1 Prepare 12",
        "deliver S1->S2 Promise 12 (-)",
        "deliver S3->S1 Promise 11 (-)",
        "deliver S1->S3 Accept 11 X",
        "deliver S2->S1 Accept 12 Y",
    ];
    assert_eq!(report.report.counterexample.as_deref(), Some(&trace.map(String::from)[..]));
    assert_eq!((report.report.distinct_states, report.report.depth), (851, 9));
    let verdict = replay(&report);
    assert_eq!(verdict.outcome, Outcome::Violated);
    assert!(verdict.violations.iter().any(|v| matches!(v, paxos::observe::Violation::Agreement { .. })));
    // The same schedule under Lamport's rule: S1 refuses Accept 11 X (rule 2b), nothing breaks.
    let script = report.counterexample_script.as_deref().expect("a script");
    let lamport = Simulation::from_script(&script.replace("protocol seed-phase2", "protocol basic-paxos"))
        .expect("the schedule replays under basic-paxos");
    assert_ne!(lamport.verdict().outcome, Outcome::Violated);
}
