//! The quorum overlay's pictures (observe::quorum_picture) against the presets the page's
//! tests use: who promised, who accepted, where the quorums meet, what was reported, who
//! forgot, and the missing intersection of unsafe flexible quorums.

use paxos::observe::{ChoiceKind, QuorumPicture, ReportKind};
use paxos::presets::find;
use paxos::types::{NodeId, Proposal};
use paxos::Simulation;
use serde_json::json;

fn run(id: &str, step: Option<u32>) -> Simulation {
    let preset = find(id).unwrap_or_else(|| panic!("no preset {id}"));
    let mut sim = Simulation::from_script(preset.script).unwrap();
    sim.seek(step.unwrap_or(sim.steps()));
    sim
}

fn ids(set: paxos::quorum::NodeSet) -> Vec<u8> {
    set.iter().map(|n| n.0).collect()
}

fn picture(id: &str, step: Option<u32>, key: Option<&str>) -> QuorumPicture {
    run(id, step).quorum_picture(key).unwrap_or_else(|| panic!("{id}: no picture"))
}

fn text(p: Proposal) -> String {
    p.to_string()
}

#[test]
fn crash_during_phase_two_s5_adopts_x_from_s2_where_the_quorums_meet() {
    let sim = run("crash-phase2", None);
    let p = sim.quorum_picture(None).unwrap();
    assert_eq!(p.choices.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), ["p:11:X", "p:15:X"]);
    assert_eq!(p.key, "p:15:X");
    assert_eq!(p.proposer, Some(NodeId(5)));
    assert_eq!(ids(p.promises.unwrap()), [2, 3, 5]);
    assert_eq!(ids(p.accepts), [2, 3, 5]);
    assert_eq!(p.chosen.unwrap().step, 17);
    let adopted = p.adopted.unwrap();
    assert_eq!((adopted.from, text(adopted.proposal)), (NodeId(2), "(11,X)".to_string()));
    let earlier = p.earlier.as_ref().unwrap();
    assert_eq!(
        (text(earlier.proposal), earlier.proposer, ids(earlier.accepts), earlier.chosen_step),
        ("(11,X)".into(), Some(NodeId(1)), vec![1, 2], None)
    );
    assert_eq!(ids(p.intersection.unwrap()), [2]);
    assert!(!p.missing);
    assert_eq!(p.reports.len(), 1);
    assert_eq!(
        (p.reports[0].id, p.reports[0].accepted.map(text), p.reports[0].kind),
        (NodeId(2), Some("(11,X)".into()), ReportKind::Carried)
    );
    let legs: Vec<_> = p.legs.iter().map(|l| (l.from.0, l.to.0, l.text.as_str())).collect();
    assert_eq!(legs, [(1, 2, "Accept 11 X"), (2, 5, "Promise 15 (11,X)")]);
    // The legs' texts are the very messages of the run.
    for leg in &p.legs {
        assert!(sim.events().iter().any(|e| e.kind.to_string().contains(&leg.text)), "{}", leg.text);
    }
    // The first proposal had no earlier value: S1 proposed its own.
    let first = sim.quorum_picture(Some("p:11:X")).unwrap();
    assert_eq!((ids(first.promises.unwrap()), first.earlier, first.intersection), (vec![1, 2, 3], None, None));
    // The page reads it as JSON.
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(
        json["earlier"],
        json!({"proposal": {"ballot": "11", "value": "X"}, "proposer": 1, "accepts": [1, 2], "chosenStep": null})
    );
    assert_eq!(json["reports"], json!([{"id": 2, "accepted": {"ballot": "11", "value": "X"}, "kind": "carried"}]));
    assert_eq!(json["legs"][1], json!({"from": 2, "to": 5, "kind": "promise", "text": "Promise 15 (11,X)"}));
    assert_eq!(json["kind"], "phase2");
}

#[test]
fn unsafe_flexible_quorums_miss_the_quorum_that_chose_x() {
    let p = picture("flexible-unsafe", None, None);
    assert_eq!(p.key, "p:15:Y");
    assert_eq!(ids(p.promises.unwrap()), [4, 5]);
    let earlier = p.earlier.unwrap();
    assert_eq!((ids(earlier.accepts), earlier.chosen_step), (vec![1, 2, 3], Some(5)));
    assert_eq!(ids(p.intersection.unwrap()), Vec::<u8>::new());
    assert!(p.missing);
    assert_eq!((p.sizes.n, p.sizes.q1, p.sizes.q2, p.sizes.safe), (5, 2, 3, false));
}

#[test]
fn amnesia_the_quorums_meet_at_s2_which_restarted_and_reported_nothing() {
    let p = picture("amnesia", None, None);
    assert_eq!(ids(p.promises.unwrap()), [2, 3]);
    assert_eq!(ids(p.intersection.unwrap()), [2]);
    assert_eq!(p.reports.len(), 1);
    assert_eq!((p.reports[0].id, p.reports[0].accepted, p.reports[0].kind), (NodeId(2), None, ReportKind::Forgot));
    assert!(p.legs.is_empty());
}

#[test]
fn one_phase_has_no_promise_quorum_and_the_overwriting_servers_are_the_meet() {
    let p = picture("seed-3", None, None);
    assert!(p.choices.iter().all(|c| c.kind == ChoiceKind::Chosen) && p.choices.len() == 2);
    assert_eq!(p.proposal.value.to_string(), "Y");
    assert_eq!(p.promises, None);
    assert_eq!(ids(p.accepts), [3, 4, 5]);
    assert_eq!(ids(p.earlier.unwrap().accepts), [2, 3, 4]);
    assert_eq!(ids(p.intersection.unwrap()), [3, 4]);
    // The ballot's proposer, as a server (none for a numberless proposal).
    assert_eq!(p.proposer, (!p.proposal.ballot.is_none()).then_some(p.proposal.ballot.node));
    let numbered = picture("crash-phase2", None, None);
    assert_eq!(numbered.earlier.unwrap().proposer, Some(NodeId(1)));
    // Before anything is chosen there is nothing to show.
    assert_eq!(run("seed-3", Some(0)).quorum_picture(None), None);
}

#[test]
fn basic_paxos_offers_only_proposals_with_a_phase_one_even_in_a_long_run() {
    let sim = run("livelock", None);
    let choices = paxos::observe::quorum_choices(&sim.picture_input());
    assert!(choices.len() > 1);
    assert!(choices.iter().all(|(c, fact)| c.kind == ChoiceKind::Phase2 && fact.unwrap().promises.len() >= 3));
}

#[test]
fn a_pick_survives_stepping_and_falls_back_to_the_latest_where_it_does_not_exist_yet() {
    let p = picture("seed-5", Some(16), Some("p:11:X"));
    assert_eq!(p.key, "p:11:X");
    // Who accepted (11,X) by step 16: S1 (its own) and S2; S3 refused it.
    assert_eq!(ids(p.accepts), [1, 2]);
    assert_eq!(picture("seed-5", Some(6), Some("p:15:X")).key, "p:11:X");
}

/// An oracle straight from the events, reading every one of them: who accepted `proposal` by
/// `step`, and what `acceptor`'s last Promise for `ballot` to `proposer` by `step` reported.
mod oracle {
    use paxos::message::Message;
    use paxos::protocol::Note;
    use paxos::sim::{Event, EventKind};
    use paxos::types::{Ballot, NodeId, Proposal};

    pub fn accepted_by(events: &[Event], proposal: Proposal, step: u32) -> Vec<u8> {
        let mut ids: Vec<u8> = events
            .iter()
            .filter(|e| e.step <= step)
            .filter_map(|e| match e.kind {
                EventKind::Note { node, note: Note::Accepted { proposal: p, .. } } if p == proposal => Some(node.0),
                _ => None,
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    pub fn last_promise(
        events: &[Event],
        acceptor: NodeId,
        proposer: NodeId,
        ballot: Ballot,
        step: u32,
    ) -> Option<Option<Proposal>> {
        let mut last = None;
        for e in events.iter().filter(|e| e.step <= step) {
            let (from, to, message) = match &e.kind {
                EventKind::Send { from, to, message, .. } => (*from, *to, message),
                EventKind::Local { node, message } => (*node, *node, message),
                _ => continue,
            };
            if let Message::Promise { ballot: b, accepted } = message {
                if *b == ballot && from == acceptor && to == proposer {
                    last = Some(*accepted);
                }
            }
        }
        last
    }
}

/// The pictures read only the steps that can hold each answer (binary searches over a long
/// run's events); the oracle reads every event. On random faulty runs (lost, duplicated and
/// late messages, retries, crashes with amnesia), at many steps, for every choice the overlay
/// offers, they agree on who accepted and on what each acceptor of the meet reported.
#[test]
fn pictures_agree_with_an_oracle_that_reads_every_event_on_random_faulty_runs() {
    let (mut checked, mut reports) = (0, 0);
    for seed in 1..=24u64 {
        let amnesia = if seed % 3 == 0 { "amnesia on\n" } else { "" };
        let script = format!(
            "protocol basic-paxos\nnodes 5\nnetwork auto\ndelay 1..7\ndrop 10%\nduplicate 10%\nseed {seed}\n\
             retry on\ntimeout 12\nbackoff 4\nattempts 12\n{amnesia}propose S1 X\npropose S3 Y\npropose S5 Z\n\
             step 40\ncrash S2\nstep 5\nrestart S2\npropose S4 W\nstep 250\n"
        );
        let mut sim = Simulation::from_script(&script).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        let steps = sim.steps();
        for step in (1..=steps).step_by(5).chain([steps]) {
            sim.seek(step);
            let all = sim.events_between(1, step).to_vec();
            let choices = paxos::observe::quorum_choices(&sim.picture_input());
            for (choice, fact) in choices {
                let p = sim.quorum_picture(Some(&choice.key)).unwrap();
                let context = format!("seed {seed}, step {step}, {}", choice.key);
                if p.chosen.is_none() {
                    assert_eq!(ids(p.accepts), oracle::accepted_by(&all, p.proposal, step), "{context}");
                }
                if let (Some(fact), Some(earlier)) = (fact, &p.earlier) {
                    if earlier.chosen_step.is_none() {
                        assert_eq!(
                            ids(earlier.accepts),
                            oracle::accepted_by(&all, earlier.proposal, fact.step),
                            "{context}"
                        );
                    }
                    for report in &p.reports {
                        let promised =
                            oracle::last_promise(&all, report.id, fact.proposer, fact.proposal.ballot, fact.step);
                        assert_eq!(report.accepted, promised.flatten(), "{context}: S{}", report.id.0);
                        reports += 1;
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 1000 && reports > 100, "only {checked} pictures and {reports} reports checked");
}
