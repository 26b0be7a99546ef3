//! Compare mode: the seed §3 schedule under one-phase-highest and under Basic Paxos.

use paxos::compare::{Comparison, Mapped};
use paxos::observe::Outcome;
use paxos::presets::find;
use paxos::protocol::Protocol;
use paxos::Simulation;

fn seed_3() -> Simulation {
    Simulation::from_script(find("seed-3").unwrap().script).unwrap()
}

#[test]
fn seed_3_schedule_under_basic_paxos_stays_safe_and_diverges_at_the_first_proposal() {
    let comparison = Comparison::new(seed_3(), Protocol::BasicPaxos);
    assert_eq!(comparison.left.verdict().outcome, Outcome::Violated);
    assert!(comparison.right.verdict().violations.is_empty(), "{}", comparison.right.verdict());
    let divergence = comparison.divergence.as_ref().expect("the protocols differ");
    assert_eq!((divergence.command, divergence.left_step, divergence.right_step), (0, 1, 1));
    assert!(divergence.left.iter().any(|t| t == "send S1->S2 Accept 11 X"), "{:?}", divergence.left);
    assert!(divergence.right.iter().any(|t| t == "send S1->S2 Prepare 11"), "{:?}", divergence.right);
    // The proposals carry over as they are; the deliveries map onto the same links.
    assert_eq!(comparison.mapping[0], Mapped::Same);
    assert_eq!(comparison.mapping[3], Mapped::Mapped { command: "deliver S1->S2".into() });
    assert_eq!(comparison.right.script().lines().filter(|l| l.starts_with("deliver ")).count(), 7);
}

#[test]
fn a_schedule_compared_with_its_own_protocol_does_not_diverge() {
    let comparison = Comparison::new(seed_3(), Protocol::OnePhaseHighest);
    assert_eq!(comparison.divergence, None);
    assert!(comparison.mapping.iter().all(|m| *m == Mapped::Same));
    assert_eq!(comparison.right.log(), comparison.left.log());
    for step in 0..=comparison.left.steps() {
        assert_eq!(comparison.right_step_for(step), step);
    }
}

#[test]
fn the_paxos_schedule_under_one_phase_breaks_and_unmatched_commands_are_skipped() {
    // Seed §5's schedule delivers Promises and Nacks that a one-phase run never sends: those
    // deliveries are skipped (with the reason), the rest map onto the same links, and the
    // one-phase protocol lets two values be chosen where Paxos chose one.
    let seed_5 = Simulation::from_script(find("seed-5").unwrap().script).unwrap();
    let comparison = Comparison::new(seed_5, Protocol::OnePhaseHighest);
    assert_eq!(comparison.left.verdict().outcome, Outcome::Chosen);
    assert_eq!(comparison.right.verdict().outcome, Outcome::Violated);
    let reasons: Vec<&str> = comparison
        .mapping
        .iter()
        .filter_map(|m| match m {
            Mapped::Skipped { reason, .. } => Some(reason.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(reasons.len(), 6);
    assert!(reasons.iter().all(|r| r.contains("is in flight")), "{reasons:?}");
    assert_eq!(comparison.right_steps.len(), comparison.left.scenario().commands.len());
}
