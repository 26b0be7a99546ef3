//! The rule of every event of every preset, pinned in `golden/rules/<preset>.rules`: each
//! line of the preset's log with the rule it enacts in front (`-` for none: clients, the
//! network, faults, verdicts) and, for a refusal, the guard that failed with its numbers.
//! Run with `REWRITE=1` to rewrite them (then review the diff). Also: the rules an acceptor
//! records match Paxos Made Simple's guards on the numbers it recorded.

use paxos::presets;
use paxos::protocol::{Note, Protocol};
use paxos::rules::{Guard, Rule};
use paxos::sim::{Event, EventKind};
use paxos::Simulation;
use std::path::Path;

/// One line per event: `rule | log line`, refusals followed by `[guard]`.
fn rules_log(protocol: Protocol, events: &[Event]) -> String {
    let mut out = String::new();
    for event in events {
        let rule = event.kind.rule(protocol).map_or("-", Rule::id);
        let indent = if event.kind.is_cause() { format!("[{} t={}] ", event.step, event.tick) } else { "    ".into() };
        out.push_str(&format!("{rule:<12} | {indent}{}", event.kind));
        if let EventKind::Note { note: Note::Refused { guard, .. }, .. } = &event.kind {
            out.push_str(&format!("  [{guard}]"));
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_event_of_every_preset_has_its_rule_pinned() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/rules");
    let mut failures = Vec::new();
    for preset in presets::all() {
        let sim = Simulation::from_script(preset.script).unwrap_or_else(|e| panic!("preset {}: {e}", preset.id));
        let actual = rules_log(sim.scenario().config.protocol, sim.events());
        let path = dir.join(format!("{}.rules", preset.id));
        if std::env::var_os("REWRITE").is_some() {
            std::fs::create_dir_all(&dir).expect("golden directory can be made");
            std::fs::write(&path, &actual).expect("golden directory is writable");
            continue;
        }
        if std::fs::read_to_string(&path).unwrap_or_default() != actual {
            failures.push(format!("{} differs from {}", preset.id, path.display()));
        }
    }
    assert!(failures.is_empty(), "{}\n(run with REWRITE=1 to accept the new files)", failures.join("\n"));
}

/// Every refusal's guard really failed on the numbers it names, and every acceptance's rule
/// is its protocol's: the guards are stated once (the acceptor) and checked here from the
/// facts alone.
#[test]
fn refusals_name_a_guard_that_failed_and_acceptances_their_protocols_rule() {
    let (mut refusals, mut acceptances) = (0, 0);
    for preset in presets::all() {
        let sim = Simulation::from_script(preset.script).expect("presets run");
        let protocol = sim.scenario().config.protocol;
        for event in sim.events() {
            let EventKind::Note { note, .. } = &event.kind else { continue };
            match note {
                Note::Refused { guard, .. } => {
                    refusals += 1;
                    assert!(guard_failed(guard), "{}: {} [{guard}]", preset.id, event.kind);
                    assert!(Rule::of_protocol(protocol).contains(&guard.rule), "{}: {}", preset.id, event.kind);
                }
                Note::Accepted { rule, .. } => {
                    acceptances += 1;
                    let expected = Rule::one_phase(protocol).unwrap_or(Rule::Accept);
                    assert_eq!(*rule, expected, "{}: {}", preset.id, event.kind);
                }
                _ => {}
            }
        }
    }
    assert!(refusals > 20 && acceptances > 50, "{refusals} refusals, {acceptances} acceptances");
}

fn guard_failed(guard: &Guard) -> bool {
    match guard.rule {
        Rule::Promise | Rule::Accept => guard.promised > guard.ballot,
        Rule::OnePhaseFirst | Rule::OnePhaseAdopt => guard.holds.is_some(),
        Rule::OnePhaseHighest | Rule::SeedAccept => guard.holds.is_some_and(|h| h.ballot >= guard.ballot),
        _ => false,
    }
}

/// The example the issue asks the page to word: S3 promised 13, then refuses Accept 11 X by
/// rule 2b, with both numbers in the facts.
#[test]
fn a_late_accept_is_refused_by_rule_2b_with_the_promise_and_its_number() {
    let script = "protocol basic-paxos\nnodes 3\npropose S1 X\ndeliver S1->S3 Prepare 11\npropose S3 Z\ndeliver S1->S2 Prepare 11\ndeliver S2->S1 Promise 11 (-)\ndeliver S1->S3 Accept 11 X\n";
    let sim = Simulation::from_script(script).expect("valid script");
    let refusal = sim
        .events()
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::Note { note: Note::Refused { guard, .. }, .. } => Some((e.kind.to_string(), *guard)),
            _ => None,
        })
        .expect("S3 refuses");
    assert_eq!(refusal.0, "S3 refuses Accept 11 X");
    assert_eq!(refusal.1.rule, Rule::Accept);
    assert_eq!((refusal.1.promised.to_string(), refusal.1.ballot.to_string()), ("13".into(), "11".into()));
    assert_eq!(refusal.1.to_string(), "promised 13 > 11");
}

/// The page's numbers for the rules are 1.. in `Rule::ALL`'s order (web/rules/rules.js).
#[test]
fn rule_numbers_follow_the_list() {
    for (i, rule) in Rule::ALL.iter().enumerate() {
        assert_eq!(usize::from(rule.number()), i + 1, "{rule}");
    }
}
