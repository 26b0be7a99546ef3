//! The observers against an independent oracle (crates/paxos-fuzz/src/oracle.rs) on a fixed
//! set of random faulty runs; `npm run fuzz` runs a million more.

#[path = "../../paxos-fuzz/src/oracle.rs"]
mod oracle;

/// The fuzz runner records inputs with `show`; here each failure message carries its script.
fn show(_label: &str, _text: impl FnOnce() -> String) {}

use paxos::observe::Outcome;
use paxos::Simulation;

#[test]
fn observers_agree_with_the_oracle_on_random_runs() {
    let mut failures = Vec::new();
    for seed in 0..3_000 {
        if let Err(report) = oracle::run(seed) {
            failures.push(report);
        }
    }
    assert!(failures.is_empty(), "{} of 3000 runs differ; the first:\n{}", failures.len(), failures[0]);
}

/// Issue #9's example: S1 itself learns X, yet the old observer (counting only acceptors
/// that hold a proposal at the same moment) said "SAFE, chosen Y".
#[test]
fn a_value_accepted_by_a_quorum_at_different_moments_is_chosen() {
    let script = "protocol basic-paxos\nnodes 3\nquorum 1 2\nnetwork manual\npropose S1 X\npropose S2 Y\n\
                  deliver S2->S1 Accept 12 Y\ndeliver S1->S3 Accept 11 X\ndeliver S3->S1 Accepted 11\n";
    let sim = Simulation::from_script(script).unwrap();
    let verdict = sim.verdict();
    assert_eq!(verdict.outcome, Outcome::Violated);
    assert_eq!(verdict.violations[0].step(), 4);
    assert!(sim.log().contains("CHOSEN X at step 4: (11,X) accepted by {S1,S3}"), "{}", sim.log());
    assert!(sim.log().contains("S1 learns X is chosen"));
}

/// The fixed set is not vacuous: it reaches every verdict the oracle judges.
#[test]
fn the_random_runs_reach_choices_and_every_kind_of_violation() {
    let (mut chosen, mut agreement, mut stability, mut manual, mut consistency) = (0, 0, 0, 0, 0);
    for seed in 0..3_000 {
        let scenario = oracle::random_case(seed);
        manual += u32::from(scenario.network.mode == paxos::scenario::NetworkMode::Manual);
        let judgement = oracle::compare(&scenario).unwrap();
        chosen += u32::from(!judgement.chosen.is_empty());
        agreement += u32::from(judgement.agreement_step.is_some());
        stability += u32::from(judgement.stability_step.is_some());
        consistency += u32::from(judgement.consistency_step.is_some());
    }
    // Seen when written (the seven protocols, Multi-Paxos' three among them): 1953 runs
    // choose a value or command, 442 break agreement, 510 stability, 80 log consistency (only
    // Multi-Paxos has it), 1484 are manual. Loose floors, so that a generator change that
    // stops exercising a verdict fails here instead of silently weakening the differential
    // test. (Without the `multi` feature no run is Multi-Paxos, so none can break log
    // consistency.)
    assert!(
        chosen > 1_000
            && agreement > 200
            && stability > 200
            && manual > 1_000
            && (consistency > 30 || !paxos::protocol::multi::ENABLED),
        "{chosen} {agreement} {stability} {manual} {consistency}"
    );
}

/// Multi-Paxos under the oracle, slot by slot: correct Multi-Paxos (intersecting quorums,
/// durable acceptors) never breaks safety in the fixed set, and both broken leaders are
/// caught, agreement in a slot broken, in runs of their own.
#[test]
#[cfg(feature = "multi")]
fn multi_paxos_is_safe_by_the_oracle_and_its_broken_leaders_are_caught() {
    use paxos::protocol::Protocol;
    let (mut safe_runs, mut chosen, mut skip, mut no_repropose) = (0, 0, 0, 0);
    for seed in 0..3_000 {
        let scenario = oracle::random_case(seed);
        let protocol = scenario.config.protocol;
        if !protocol.is_multi() {
            continue;
        }
        let judgement = oracle::compare(&scenario).unwrap();
        let broken = judgement.agreement_step.is_some();
        match protocol {
            Protocol::MultiPaxos if oracle::correct(&scenario.config) => {
                safe_runs += 1;
                chosen += u32::from(!judgement.chosen.is_empty());
                assert_eq!(oracle::run(seed), Ok(()), "seed {seed}");
            }
            Protocol::MultiPaxosSkipPhase1 => skip += u32::from(broken),
            Protocol::MultiPaxosNoRepropose => no_repropose += u32::from(broken),
            _ => {}
        }
    }
    // Seen when written: 202 safe Multi-Paxos runs, 110 of them choosing commands; 90 and
    // 38 broken-leader runs break agreement in a slot. Loose floors, as above.
    assert!(safe_runs > 150 && chosen > 80, "{safe_runs} {chosen}");
    assert!(skip > 40 && no_repropose > 15, "{skip} {no_repropose}");
}
