//! The checker panel's default plan for every preset keeps the preset's point: its number of
//! competing proposers (seed §2 needs three to split the vote), a second attempt where
//! refused one-phase proposers re-propose (seed §4), the crash and lost messages of the
//! scenarios that have them. Pinned here; the one-phase plans are also run to their verdict.
// The model checker is the `check` feature (`cargo test -p paxos --no-default-features`).
#![cfg(feature = "check")]

use paxos::check::plan::{plan, CheckOptions, Plan, PlanNote};
use paxos::check::sim::check_sim;
use paxos::check::{Bounds, Verdict};
use paxos::observe::Outcome;
use paxos::presets::{find, PRESETS};
use paxos::scenario::parse;
use paxos::Simulation;

fn default_plan(id: &str) -> Plan {
    let scenario = parse(find(id).expect("preset").script).expect("preset parses");
    plan(&scenario, &CheckOptions::for_scenario(&scenario))
}

/// A plan in one line: protocol, servers, quorums, proposers, attempts, faults and notes.
fn line(p: &Plan) -> String {
    let j = &p.job;
    let notes: Vec<String> = p
        .notes
        .iter()
        .map(|n| match n {
            PlanNote::Nodes { nodes } => format!("nodes {nodes}"),
            PlanNote::Quorums { q1, q2 } => format!("quorums {q1}/{q2}"),
            PlanNote::Attempts { scenario, checked } => format!("attempts {checked} of {scenario}"),
        })
        .collect();
    format!(
        "{} n{} q{}/{} p{} a{} drops {} dup {} crashes {} amnesia {} [{}]",
        j.protocol.name(),
        j.nodes,
        j.quorum_phase1,
        j.quorum_phase2,
        j.proposers,
        j.attempts,
        j.drops,
        j.duplicates,
        j.crashes,
        j.amnesia,
        notes.join(", ")
    )
}

#[test]
fn every_preset_has_its_pinned_plan() {
    let expected = [
        ("seed-1", "one-phase-first n3 q2/2 p2 a1 drops false dup 0 crashes 0 amnesia false [nodes 3]"),
        ("seed-2", "one-phase-first n3 q2/2 p3 a1 drops false dup 0 crashes 0 amnesia false [nodes 3]"),
        ("seed-3", "one-phase-highest n3 q2/2 p3 a1 drops false dup 0 crashes 0 amnesia false [nodes 3]"),
        ("seed-4", "one-phase-adopt n3 q2/2 p3 a2 drops false dup 0 crashes 0 amnesia false [nodes 3]"),
        ("seed-5", "basic-paxos n3 q2/2 p2 a1 drops false dup 0 crashes 0 amnesia false [nodes 3]"),
        ("livelock", "basic-paxos n3 q2/2 p2 a1 drops false dup 0 crashes 0 amnesia false [nodes 3, attempts 1 of 10]"),
        (
            "livelock-backoff",
            "basic-paxos n3 q2/2 p2 a1 drops false dup 0 crashes 0 amnesia false [nodes 3, attempts 1 of 10]",
        ),
        (
            "livelock-leader",
            "basic-paxos n3 q2/2 p2 a1 drops false dup 0 crashes 0 amnesia false [nodes 3, attempts 1 of 10]",
        ),
        ("paxos-basic", "basic-paxos n3 q2/2 p2 a1 drops false dup 0 crashes 0 amnesia false [nodes 3]"),
        ("crash-phase2", "basic-paxos n3 q2/2 p2 a1 drops true dup 0 crashes 1 amnesia false [nodes 3]"),
        (
            "partition-heal",
            "basic-paxos n3 q2/2 p2 a1 drops true dup 0 crashes 0 amnesia false [nodes 3, attempts 1 of 6]",
        ),
        (
            "flexible-unsafe",
            "basic-paxos n3 q1/2 p2 a1 drops false dup 0 crashes 0 amnesia false [nodes 3, quorums 1/2]",
        ),
        ("amnesia", "basic-paxos n3 q2/2 p2 a1 drops false dup 0 crashes 1 amnesia true []"),
    ];
    let ids: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
    assert_eq!(ids, expected.map(|(id, _)| id), "every preset of the page is pinned");
    for (id, plan) in expected {
        assert_eq!(line(&default_plan(id)), plan, "{id}");
    }
}

/// Runs a preset's default plan to its verdict and replays its counterexample.
fn verdict_of(id: &str) -> (Verdict, Vec<String>, Option<Outcome>) {
    let report = check_sim(default_plan(id).job, Bounds::default()).expect("valid job");
    let replayed =
        report.counterexample_script.as_ref().map(|s| Simulation::from_script(s).expect("replays").verdict().outcome);
    (report.report.verdict, report.report.counterexample.unwrap_or_default(), replayed)
}

#[test]
fn the_seed_presets_plans_find_their_point() {
    // §1: two proposers, one value chosen: safe.
    assert!(matches!(verdict_of("seed-1").0, Verdict::Holds), "seed-1");
    // §2 and §4: three proposers, each server takes its own proposer's value (a one-phase
    // check is also a bid): no value can ever reach a majority, three moves from the start.
    for id in ["seed-2", "seed-4"] {
        let (verdict, moves, replayed) = verdict_of(id);
        assert!(matches!(verdict, Verdict::Stuck { .. }), "{id}: {verdict:?}");
        assert_eq!(moves, ["propose S1 X", "propose S2 Y", "propose S3 Z"], "{id}");
        assert_eq!(replayed, Some(Outcome::Stuck), "{id}: the simulator agrees");
    }
    // §3: numbers overwrite a chosen value.
    let (verdict, _, replayed) = verdict_of("seed-3");
    assert!(matches!(verdict, Verdict::Violated { .. }), "seed-3: {verdict:?}");
    assert_eq!(replayed, Some(Outcome::Violated));
}

#[test]
fn with_two_proposers_seed_2_would_lose_its_point() {
    let scenario = parse(find("seed-2").unwrap().script).unwrap();
    let two = CheckOptions { proposers: 2, ..CheckOptions::for_scenario(&scenario) };
    let report = check_sim(plan(&scenario, &two).job, Bounds::default()).unwrap();
    assert!(matches!(report.report.verdict, Verdict::Holds), "two proposers cannot split three acceptors");
}
