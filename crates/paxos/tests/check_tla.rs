//! The TLA Paxos model against the counts TLC reports for Lamport's spec, and the one-phase
//! variant's shortest counterexample.

use paxos::check::tla::{check_tla, render_counterexample, TlaAction, TlaConfig, TlaPaxos};
use paxos::check::{replay, Model, Property, Verdict};

#[test]
fn one_acceptor_one_value_two_ballots_matches_tlc_mcpaxos() {
    // specifications/Paxos/MCPaxos.cfg in tlaplus/Examples: 25 distinct states, depth 9.
    let report = check_tla(1, 1, 1, false).unwrap();
    assert_eq!(report.verdict, Verdict::Holds);
    assert_eq!(report.distinct_states, 25);
    assert_eq!(report.depth, 9);
    assert_eq!(report.counterexample, None);
}

#[test]
fn three_acceptors_two_values_two_ballots_matches_tlc_mcpaxos_tiny() {
    // specifications/PaxosHowToWinATuringAward/MCPaxosTiny.cfg: 3,921 distinct states, depth 17.
    let report = check_tla(3, 2, 1, false).unwrap();
    assert_eq!(report.verdict, Verdict::Holds);
    assert_eq!(report.distinct_states, 3_921);
    assert_eq!(report.depth, 17);
}

#[test]
fn generated_count_matches_tlc_once_its_witness_enumeration_is_counted() {
    // TLC reports 23,563 states generated for MCPaxosTiny. It computes one successor per way of
    // satisfying an action's existential quantifiers; we compute one per action. The two agree
    // once the extra Phase2a witnesses (several quorums, or several 1b messages carrying the same
    // top vote) are added, which pins the transition relation, not just the state set.
    let model = TlaPaxos::new(TlaConfig { acceptors: 3, values: 2, max_ballot: 1, one_phase: false }).unwrap();
    let report = paxos::check::Checker::new(model.clone(), Default::default()).run_to_end();
    let mut seen = std::collections::HashSet::new();
    let mut queue = std::collections::VecDeque::new();
    let init = model.init_states()[0];
    seen.insert(init);
    queue.push_back(init);
    let mut extra_witnesses = 0u64;
    let mut actions = Vec::new();
    while let Some(state) = queue.pop_front() {
        actions.clear();
        model.actions(&state, &mut actions);
        for action in &actions {
            if let TlaAction::Phase2a { ballot, value } = *action {
                extra_witnesses += u64::from(model.phase2a_witness_count(&state, ballot, value)) - 1;
            }
            let next = model.next_state(&state, action).unwrap();
            if seen.insert(next) {
                queue.push_back(next);
            }
        }
    }
    assert_eq!(seen.len(), 3_921);
    assert_eq!(report.generated_states, 22_995);
    assert_eq!(report.generated_states + extra_witnesses, 23_563);
}
