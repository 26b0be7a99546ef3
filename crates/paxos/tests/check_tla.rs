//! The TLA Paxos model against the counts TLC reports for Lamport's spec, and the one-phase
//! variant's shortest counterexample.
// The model checker is the `check` feature (`cargo test -p paxos --no-default-features`).
#![cfg(feature = "check")]

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
fn generated_count_matches_tlc_mcpaxos_tiny() {
    // TLC reports 23,563 states generated for MCPaxosTiny. It computes one successor per way of
    // satisfying an action's existential quantifiers; an independent BFS here counts one per
    // enabled action (22,995) plus the extra Phase2a witnesses (several quorums, or several 1b
    // messages carrying the same top vote). The checker's count is TLC's, which pins the
    // transition relation, not just the state set.
    let model = TlaPaxos::new(TlaConfig { acceptors: 3, values: 2, max_ballot: 1, one_phase: false }).unwrap();
    let report = paxos::check::Checker::new(model.clone(), Default::default()).run_to_end();
    let mut seen = std::collections::HashSet::new();
    let mut queue = std::collections::VecDeque::new();
    let init = model.init_states()[0];
    seen.insert(init);
    queue.push_back(init);
    let (mut per_action, mut extra_witnesses) = (1u64, 0u64);
    let mut actions = Vec::new();
    while let Some(state) = queue.pop_front() {
        actions.clear();
        model.actions(&state, &mut actions);
        for action in &actions {
            if let TlaAction::Phase2a { ballot, value } = *action {
                extra_witnesses += u64::from(model.phase2a_witness_count(&state, ballot, value)) - 1;
            }
            let next = model.next_state(&state, action).unwrap();
            per_action += 1;
            if seen.insert(next) {
                queue.push_back(next);
            }
        }
    }
    assert_eq!(seen.len(), 3_921);
    assert_eq!(per_action, 22_995);
    assert_eq!(per_action + extra_witnesses, 23_563);
    assert_eq!(report.generated_states, 23_563);
}

#[test]
fn mcpaxos_generated_count_matches_tlc() {
    // With one acceptor every Phase2a has exactly one witness.
    assert_eq!(check_tla(1, 1, 1, false).unwrap().generated_states, 82);
}

#[test]
fn ballots_0_to_2_match_tlc_states_generated() {
    // 3 acceptors, 2 values, ballots 0..2: TLC reports 1,361,380 states generated and
    // 185,369 distinct states. One successor per action would give 1,316,584.
    let report = check_tla(3, 2, 2, false).unwrap();
    assert_eq!(report.verdict, Verdict::Holds);
    assert_eq!(report.distinct_states, 185_369);
    assert_eq!(report.generated_states, 1_361_380);
}

#[test]
fn one_phase_variant_has_a_shortest_counterexample_that_replays() {
    let config = TlaConfig { acceptors: 3, values: 2, max_ballot: 1, one_phase: true };
    let model = TlaPaxos::new(config).unwrap();
    let report = check_tla(3, 2, 1, true).unwrap();
    let Verdict::Violated { reason } = &report.verdict else {
        panic!("expected a violation, got {:?}", report.verdict)
    };
    assert!(reason.starts_with("2 values chosen (v1, v2)"), "{reason}");
    let actions = report.counterexample.clone().expect("a violation carries its path");

    // Two 2a messages (one per ballot) and two majorities of votes that share one acceptor:
    // 2 + 2 + 2 = 6 steps, and BFS reports exactly that.
    let lines = render_counterexample(&actions);
    assert_eq!(
        lines,
        [
            "Phase2a(0, v1)",
            "Phase2a(1, v2)",
            "Phase2b(a1, 0, v1)",
            "Phase2b(a1, 1, v2)",
            "Phase2b(a2, 0, v1)",
            "Phase2b(a2, 1, v2)",
        ]
    );
    assert_eq!(report.depth, 7, "the violation is found on level 7 (init is level 1)");

    let init = model.init_states()[0];
    let last = replay(&model, &init, &actions).expect("every step is enabled in turn");
    assert!(matches!(model.property(&last), Property::Violated(_)));
    assert_eq!(model.chosen_mask(&last), 0b11);
    // No proper prefix already violates the property: the path ends at the first bad state.
    let before_last = replay(&model, &init, &actions[..actions.len() - 1]).unwrap();
    assert_eq!(model.property(&before_last), Property::Holds);
}

#[test]
fn no_path_shorter_than_the_reported_counterexample_violates_consistency() {
    // An independent, naive level-by-level search: levels 1..=6 (paths of 0..=5 steps) hold.
    let model = TlaPaxos::new(TlaConfig { acceptors: 3, values: 2, max_ballot: 1, one_phase: true }).unwrap();
    let mut seen: std::collections::HashSet<_> = model.init_states().into_iter().collect();
    let mut level: Vec<_> = seen.iter().copied().collect();
    let mut actions = Vec::new();
    for _steps in 1..=5 {
        let mut next_level = Vec::new();
        for state in &level {
            actions.clear();
            model.actions(state, &mut actions);
            for action in &actions {
                let next = model.next_state(state, action).unwrap();
                assert_eq!(model.property(&next), Property::Holds);
                if seen.insert(next) {
                    next_level.push(next);
                }
            }
        }
        level = next_level;
    }
}

#[test]
fn two_phase_paxos_stays_safe_with_three_ballots() {
    // MCPaxosSmall.cfg's constants (ballots 0..2). Its manifest records no counts; this one is
    // agreed on by the independent Stateright transcription in crates/paxos-bench.
    let report = check_tla(3, 2, 2, false).unwrap();
    assert_eq!(report.verdict, Verdict::Holds);
    assert_eq!(report.distinct_states, 185_369);
    assert_eq!(report.depth, 25);
}

#[test]
fn actions_print_as_the_spec_names_them() {
    let actions = [
        TlaAction::Phase1a { ballot: 1 },
        TlaAction::Phase1b { acceptor: 1, ballot: 1 },
        TlaAction::Phase2a { ballot: 1, value: 0 },
        TlaAction::Phase2b { acceptor: 2, ballot: 1, value: 0 },
    ];
    assert_eq!(
        render_counterexample(&actions),
        ["Phase1a(1)", "Phase1b(a2, 1)", "Phase2a(1, v1)", "Phase2b(a3, 1, v1)"]
    );
}

#[test]
fn configurations_that_do_not_fit_are_rejected_with_a_message() {
    assert!(check_tla(0, 1, 1, false).is_err());
    assert!(check_tla(6, 1, 1, false).is_err());
    assert!(check_tla(3, 0, 1, false).is_err());
    let error = check_tla(5, 3, 5, false).unwrap_err();
    assert!(error.message.contains("too large"), "{}", error.message);
}
