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

#[test]
#[cfg(feature = "multi")]
fn basic_and_multi_paxos_on_one_schedule() {
    // Basic Paxos' happy path as Multi-Paxos: `propose S1 X` becomes the client's command
    // `set x X`, and the deliveries map onto the same links. One value becomes one slot.
    let basic = Simulation::from_script(find("paxos-basic").unwrap().script).unwrap();
    let comparison = Comparison::new(basic, Protocol::MultiPaxos);
    assert_eq!(comparison.left.verdict().outcome, Outcome::Chosen);
    let right = comparison.right.verdict();
    assert_eq!((right.outcome, right.chosen.as_deref()), (Outcome::Chosen, Some("#1 set x X")), "{right}");
    assert!(matches!(&comparison.mapping[0], Mapped::Mapped { command } if command == "request S1 set x X"));
    let divergence = comparison.divergence.as_ref().expect("the protocols differ");
    assert!(
        divergence.right.iter().any(|t| t.starts_with("send S1->S2 Prepare 11 [slots 1..]")),
        "{:?}",
        divergence.right
    );

    // And back: Multi-Paxos' steady state as Basic Paxos. Its first `set` is the value; the
    // later commands pre-empt nothing (a server proposes once), and the read is skipped.
    let steady = Simulation::from_script(find("multi-steady").unwrap().script).unwrap();
    let back = Comparison::new(steady, Protocol::BasicPaxos);
    assert!(matches!(&back.mapping[0], Mapped::Mapped { command } if command == "propose S1 1"));
    assert!(matches!(&back.mapping[4], Mapped::Skipped { .. }), "{:?}", back.mapping[4]);
    assert_eq!(back.right.verdict().outcome, Outcome::Chosen);
    assert!(back.right.verdict().violations.is_empty());
}
