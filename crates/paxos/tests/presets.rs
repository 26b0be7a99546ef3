//! Each seed scenario ends the way the seed text says it does.

use paxos::observe::{Outcome, Violation};
use paxos::presets::{all, find, MULTI_PRESETS, PRESETS};
use paxos::sim::EventKind;
use paxos::Simulation;

fn run(id: &str) -> Simulation {
    let preset = find(id).unwrap_or_else(|| panic!("no preset {id}"));
    Simulation::from_script(preset.script).unwrap_or_else(|e| panic!("preset {id}: {e}"))
}

/// The text of every observer finding, in order.
fn findings(sim: &Simulation) -> Vec<String> {
    sim.events()
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::Chosen { .. }
                    | EventKind::Violation { .. }
                    | EventKind::Stuck { .. }
                    | EventKind::Livelock { .. }
            )
        })
        .map(|e| format!("{}: {}", e.step, e.kind))
        .collect()
}

#[test]
fn every_preset_parses_runs_and_round_trips() {
    assert!(PRESETS.len() >= 8 && MULTI_PRESETS.len() == 4);
    for preset in all() {
        let sim = run(preset.id);
        assert!(sim.steps() > 0, "{}", preset.id);
        let again = Simulation::from_script(&sim.script()).expect("canonical script parses");
        assert_eq!(again.log(), sim.log(), "{}: canonical script replays differently", preset.id);
    }
}

#[test]
fn seed_1_x_is_chosen_and_stays() {
    let sim = run("seed-1");
    let verdict = sim.verdict();
    assert_eq!(verdict.outcome, Outcome::Chosen);
    assert_eq!(verdict.chosen.as_deref(), Some("X"));
    assert_eq!(findings(&sim), ["3: CHOSEN X at step 3: (X) accepted by {S1,S2,S3}"]);
    let end = sim.view();
    let held: Vec<String> = end.world.nodes.iter().map(|n| n.acceptor.accepted.unwrap().value.to_string()).collect();
    assert_eq!(held, ["X", "X", "X", "Y", "Y"], "S4 and S5 end with Y, as in the seed's figure");
}

#[test]
fn seed_2_three_proposers_are_stuck_for_ever() {
    let sim = run("seed-2");
    assert_eq!(sim.verdict().outcome, Outcome::Stuck);
    assert_eq!(
        findings(&sim),
        ["5: STUCK no value can reach a quorum any more: X {S1,S2}, Y {S4,S5}, Z {S3}"],
        "stuck the moment the last acceptor takes a value"
    );
}

#[test]
fn seed_3_chosen_z_is_replaced_by_y_and_flagged_at_that_step() {
    let sim = run("seed-3");
    let verdict = sim.verdict();
    assert_eq!(verdict.outcome, Outcome::Violated);
    let found = findings(&sim);
    assert_eq!(found[0], "6: CHOSEN Z at step 6: (Z) accepted by {S2,S3,S4}");
    assert!(found[1].starts_with("8: VIOLATION stability at step 8: Z"), "{found:?}");
    assert_eq!(found[2], "9: CHOSEN Y at step 9: (Y) accepted by {S3,S4,S5}");
    match verdict.violations.as_slice() {
        [Violation::Stability { chosen, holders, moved, .. }, Violation::Agreement { first, second, second_promises: None }] =>
        {
            assert_eq!(chosen.proposal.value.as_str(), "Z");
            // S4 took 15-Y: of Z's quorum only S2 and S3 still hold Z.
            assert_eq!((holders.to_string(), moved.to_string()), ("{S2,S3}".into(), "{S4}".into()));
            assert_eq!((first.proposal.value.as_str(), second.proposal.value.as_str()), ("Z", "Y"));
            assert_eq!(
                (first.quorum.to_string(), second.quorum.to_string()),
                ("{S2,S3,S4}".into(), "{S3,S4,S5}".into())
            );
            assert_eq!(second.step, 9);
        }
        other => panic!("expected stability then agreement, got {other:?}"),
    }
}

/// The Accept deliveries of a preset, as `from->to value` (numbers and refusals left out).
fn accept_deliveries(id: &str) -> Vec<String> {
    let script = find(id).expect("preset").script;
    script
        .lines()
        .filter_map(|l| l.strip_prefix("deliver "))
        .filter_map(|l| {
            l.split_once(" Accept ").map(|(path, rest)| format!("{path} {}", rest.rsplit(' ').next().unwrap()))
        })
        .collect()
}

/// §3's card says exactly how its schedule differs from §2's, and why: with §2's own order of
/// deliveries, numbered proposals simply end the split (Y chosen, nothing overwritten).
#[test]
fn seed_3_differs_from_seed_2_where_its_card_says_and_seed_2s_order_would_be_safe() {
    let two = ["S1->S2 X", "S5->S4 Y", "S3->S2 Z", "S1->S4 X", "S3->S4 Z", "S5->S2 Y"];
    let three = ["S1->S2 X", "S3->S2 Z", "S3->S4 Z", "S1->S4 X", "S5->S4 Y", "S5->S3 Y", "S5->S2 Y"];
    assert_eq!(accept_deliveries("seed-2"), two);
    assert_eq!(accept_deliveries("seed-3"), three, "Y reaches S4 last, Z before X at S4, and Y also reaches S3");
    let numbered = find("seed-2")
        .unwrap()
        .script
        .lines()
        .filter(|l| !l.contains(" Reject "))
        .map(|l| {
            l.replace("one-phase-first", "one-phase-highest")
                .replace("Accept X", "Accept 11 X")
                .replace("Accept Z", "Accept 13 Z")
                .replace("Accept Y", "Accept 15 Y")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let sim = Simulation::from_script(&numbered).expect("§2's order with numbers");
    let verdict = sim.verdict();
    assert_eq!((verdict.outcome, verdict.chosen.as_deref()), (Outcome::Chosen, Some("Y")));
    assert_eq!(findings(&sim), ["9: CHOSEN Y at step 9: (Y) accepted by {S2,S4,S5}"], "Z is never chosen");
}

#[test]
fn seed_4_discovery_occupies_the_acceptors_still_stuck() {
    let sim = run("seed-4");
    assert_eq!(sim.verdict().outcome, Outcome::Stuck);
    assert_eq!(
        findings(&sim),
        ["11: STUCK no value can reach a quorum any more: X {S1,S2}, Y {S5}, Z {S3,S4}"],
        "stuck only when S5's re-proposal takes S4, the last free acceptor"
    );
    // Before that step a value could still be chosen: X, held by S1 and S2, needed one of
    // the free S4 and S5. S5's check (its own 15-Y) took S5, and its re-proposal took S4.
    let log = sim.log();
    let before_stuck = &log[..log.find("[11 ").expect("step 11")];
    assert!(before_stuck.contains("S5 accepts (15,Y)"), "S5's check occupies S5");
    assert!(before_stuck.contains("S5 is defeated: (15,Y) refused by {S1,S2,S3}"), "{before_stuck}");
    assert!(before_stuck.contains("S5 attempt 2: (25,Z)"), "S5 re-proposes the discovered Z");
    assert!(!before_stuck.contains("S4 accepts"), "S4 was still free");
    assert!(log.contains("S4 accepts (25,Z)"), "the re-proposal occupies S4");
    // Afterwards the proposers keep discovering and re-proposing with rising numbers.
    assert!(log.contains("S1 attempt 2: (31,Z)"), "S1 re-proposes Z too");
    assert!(log.contains("S4 refuses Accept 31 Z"), "even the same value under a higher number is refused");
    let held: Vec<String> =
        sim.view().world.nodes.iter().map(|n| n.acceptor.accepted.unwrap().value.to_string()).collect();
    assert_eq!(held, ["X", "X", "Z", "Z", "Y"], "S1,S2:X S3,S4:Z S5:Y as in the seed");
}

#[test]
fn seed_5_two_phases_with_conflicts_choose_exactly_one_value() {
    let sim = run("seed-5");
    let verdict = sim.verdict();
    assert_eq!(verdict.outcome, Outcome::Chosen);
    assert_eq!(verdict.chosen.as_deref(), Some("X"));
    let log = sim.log();
    assert!(log.contains("S3 refuses Accept 11 X"), "phase-2 conflict");
    assert!(log.contains("S4 refuses Prepare 11"), "phase-1 conflict");
    assert!(log.contains("phase 2 with (15,X), adopting (11,X) reported by S2"), "S5 carries X forward");
    assert!(verdict.violations.is_empty());
}

#[test]
fn duelling_proposers_livelock_and_backoff_or_a_leader_fixes_it() {
    let duel = run("livelock").verdict();
    assert!(duel.violations.is_empty(), "a livelock is not a safety problem");
    assert!(duel.livelock_step.is_some());
    assert!(duel.preemptions_peak >= 10, "long duel expected, got {}", duel.preemptions_peak);
    for fixed in ["livelock-backoff", "livelock-leader"] {
        let verdict = run(fixed).verdict();
        assert_eq!(verdict.outcome, Outcome::Chosen, "{fixed}");
        assert_eq!(verdict.livelock_step, None, "{fixed}");
        assert!(verdict.preemptions_peak < 4, "{fixed}: {}", verdict.preemptions_peak);
    }
}

#[test]
fn crash_in_phase_2_the_next_proposer_carries_the_value_forward() {
    let sim = run("crash-phase2");
    assert_eq!(sim.verdict().outcome, Outcome::Chosen);
    assert_eq!(sim.verdict().chosen.as_deref(), Some("X"), "S5 adopts X, not its own Y");
    let facts = &sim.snapshot().quorums;
    let s5 = facts.iter().find(|f| f.proposer.0 == 5).expect("S5 reached phase 2");
    assert_eq!(s5.adopted.map(|(from, p)| (from.0, p.to_string())), Some((2, "(11,X)".to_string())));
}

#[test]
fn partition_only_the_majority_side_decides() {
    let sim = run("partition-heal");
    let verdict = sim.verdict();
    assert_eq!(verdict.outcome, Outcome::Chosen);
    assert_eq!(verdict.chosen.as_deref(), Some("Y"), "S4's value, from the majority side");
    assert!(sim.log().contains("S1 times out on 11"), "the minority cannot finish");
}

#[test]
fn unsafe_flexible_quorums_miss_each_other() {
    let sim = run("flexible-unsafe");
    match sim.verdict().violations.as_slice() {
        [Violation::Agreement { first, second, second_promises: Some(promises) }, ..] => {
            assert_eq!(first.quorum.to_string(), "{S1,S2,S3}");
            assert_eq!(second.proposal.to_string(), "(15,Y)");
            assert_eq!(promises.to_string(), "{S4,S5}");
            assert!(promises.intersection(first.quorum).is_empty());
        }
        other => panic!("expected an agreement violation first, got {other:?}"),
    }
}

#[test]
fn amnesia_lets_a_second_value_be_chosen() {
    let sim = run("amnesia");
    let verdict = sim.verdict();
    assert_eq!(verdict.outcome, Outcome::Violated);
    assert!(matches!(verdict.violations[0], Violation::Stability { step: 6, .. }), "flagged at the restart");
    if let Violation::Stability { moved, .. } = verdict.violations[0] {
        assert_eq!(moved.to_string(), "{S2}", "the server that forgot");
    }
    assert!(matches!(verdict.violations[1], Violation::Agreement { .. }));
    assert!(sim.log().contains("S2 forgot its promise 11 and (11,X) (amnesia)"));
}

#[test]
fn basic_paxos_happy_path_chooses_in_one_round() {
    let verdict = run("paxos-basic").verdict();
    assert_eq!(verdict.outcome, Outcome::Chosen);
    assert_eq!(verdict.preemptions_peak, 0);
}

/// Multi-Paxos: every server's applied log as text (`#1 set x 1, ...`) and its register.
#[cfg(feature = "multi")]
fn logs(sim: &Simulation) -> Vec<(String, String)> {
    let log_of = |node: &paxos::protocol::Node| {
        let log = node.log.as_deref().expect("a Multi-Paxos server has a log");
        let applied: Vec<String> =
            log.learned[..usize::from(log.applied())].iter().map(|(s, op)| format!("{s} {op}")).collect();
        let register: Vec<String> = log.register().iter().map(|(k, v)| format!("{k}={v}")).collect();
        (applied.join(", "), register.join(" "))
    };
    sim.view().world.nodes.iter().map(log_of).collect()
}

/// How many messages of a kind the run sent (not counting a server's messages to itself).
#[cfg(feature = "multi")]
fn sent(sim: &Simulation, kind: paxos::message::MessageKind) -> usize {
    sim.events().iter().filter(|e| matches!(&e.kind, EventKind::Send { message, .. } if message.kind() == kind)).count()
}

#[test]
#[cfg(feature = "multi")]
fn multi_steady_runs_phase_1_once_then_one_round_trip_per_command() {
    use paxos::message::MessageKind;
    let sim = run("multi-steady");
    let verdict = sim.verdict();
    assert_eq!(verdict.outcome, Outcome::Chosen);
    assert_eq!(verdict.chosen.as_deref(), Some("#1 set x 1, #2 set y 2, #3 get x"));
    // One Prepare to each of the two others, ever; then per command one Accept and one
    // Accepted per other server, and a Decide to each.
    assert_eq!(sent(&sim, MessageKind::Prepare), 2);
    assert_eq!(sent(&sim, MessageKind::Promise), 2);
    assert_eq!((sent(&sim, MessageKind::Accept), sent(&sim, MessageKind::Accepted)), (6, 6));
    assert_eq!(sent(&sim, MessageKind::Decide), 6);
    assert_eq!(sim.log().matches("runs for leader").count(), 1);
    // Every server applied the same log and read the same value.
    let expected = ("#1 set x 1, #2 set y 2, #3 get x".to_string(), "x=1 y=2".to_string());
    assert_eq!(logs(&sim), vec![expected; 3]);
    assert_eq!(sim.log().matches("applies #3 get x: x is 1").count(), 3);
}

#[test]
#[cfg(feature = "multi")]
fn multi_recovery_re_proposes_the_accepted_slot_and_fills_the_hole() {
    let sim = run("multi-recovery");
    let verdict = sim.verdict();
    assert_eq!(verdict.outcome, Outcome::Chosen);
    assert_eq!(verdict.chosen.as_deref(), Some("#1 set x 1, #2 no-op, #3 set z 3"));
    let log = sim.log();
    assert!(
        log.contains("S5 has promises {S3,S4,S5}: leads with 15 from slot 2"),
        "phase 1 from S5's first unlearnt slot"
    );
    assert!(log.contains("S5 fills the hole #2 with no-op"));
    assert!(log.contains("S5 re-proposes #3 set z 3: (11,set z 3) reported by S4"));
    assert!(log.contains("S5 proposes set w 4 for #4 with 15"), "its own command after every reported slot");
    assert!(log.contains("S1 accepts #2 (15,no-op), replacing (11,set y 2)"), "the unchosen set y 2 is gone");
    // S1 (restarted) and S5 applied the same three slots; S2, S3 and S4, which missed the
    // Decides, a prefix of the same log.
    let full = "#1 set x 1, #2 no-op, #3 set z 3".to_string();
    let logs = logs(&sim);
    assert_eq!((logs[0].0.as_str(), logs[4].0.as_str()), (full.as_str(), full.as_str()));
    assert!(logs.iter().all(|(applied, _)| full.starts_with(applied.as_str())), "{logs:?}");
    assert_eq!(logs[0].1, "x=1 z=3");
}

#[test]
#[cfg(feature = "multi")]
fn multi_duel_ends_with_one_leader_and_both_commands() {
    let sim = run("multi-duel");
    let verdict = sim.verdict();
    assert_eq!(verdict.outcome, Outcome::Chosen);
    assert!(verdict.violations.is_empty());
    assert_eq!(verdict.chosen.as_deref(), Some("#1 set y 5, #2 set x 1"));
    let log = sim.log();
    assert!(log.contains("S1 is pre-empted: 11 < 15") && log.contains("S5 is pre-empted: 15 < 21"), "a duel");
    assert!(log.contains("S1 steps down from 11") && log.contains("S5 steps down from 15"));
    assert!(
        log.contains("S1 re-proposes #1 set y 5: (15,set y 5) reported by S5"),
        "the winner keeps the chosen command"
    );
    // A duel, not a livelock: a slot is chosen between the pre-emptions.
    assert_eq!(verdict.livelock_step, None);
}

#[test]
#[cfg(feature = "multi")]
fn multi_partition_the_old_leader_is_refused_by_number_after_healing() {
    let sim = run("multi-partition");
    let verdict = sim.verdict();
    assert_eq!(verdict.outcome, Outcome::Chosen);
    assert!(verdict.violations.is_empty());
    assert_eq!(verdict.chosen.as_deref(), Some("#1 set x 1, #2 set y 5, #3 set x 3"));
    let log = sim.log();
    for refusal in ["S2", "S3", "S4", "S5"].map(|s| format!("{s} refuses Accept 11 #3 set x 3")) {
        assert!(log.contains(&refusal), "{refusal}");
    }
    assert!(log.contains("S1 is pre-empted: 11 < 15") && log.contains("S1 steps down from 11"));
    assert!(log.contains("S1 accepts #2 (21,set y 5), replacing (11,set x 2)"), "the higher report wins slot 2");
    let full = ("#1 set x 1, #2 set y 5, #3 set x 3".to_string(), "x=3 y=5".to_string());
    assert_eq!(logs(&sim), vec![full; 5]);
}

/// A crowded drawing shows a message's body (its text without the kind's name) and tells
/// the kind by colour: that is only the same message if every text is the kind's name, a
/// space, then the body. Checked for every message in flight at every step of every preset.
#[test]
fn body_is_the_text_after_the_kind() {
    let mut seen = 0;
    for preset in all() {
        let mut sim = run(preset.id);
        for step in 0..=sim.steps() {
            sim.seek(step);
            for message in sim.snapshot().in_flight {
                let kind = serde_json::to_value(message.kind).unwrap();
                let name = kind.as_str().unwrap();
                let capitalised = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
                let at = usize::from(message.body_at);
                assert!(message.text[..at].is_ascii(), "{}: {:?}", preset.id, message.text);
                let body = &message.text[at..];
                assert!(!body.is_empty(), "{}: {:?}", preset.id, message.text);
                assert_eq!(message.text, format!("{capitalised} {body}"), "{} step {step}", preset.id);
                seen += 1;
            }
        }
    }
    assert!(seen > 1000, "only {seen} messages seen");
}
