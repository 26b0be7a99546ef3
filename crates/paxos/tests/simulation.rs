//! Determinism, time travel and forking.

use paxos::presets::find;
use paxos::scenario::{parse, random_scenario, Command, Shape};
use paxos::simulation::CHECKPOINT_INTERVAL;
use paxos::Simulation;
use std::hash::{Hash, Hasher};

/// FNV-1a: a fixed hash, the same on every platform and Rust version.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// FNV-1a of the livelock preset's whole event log.
const LIVELOCK_LOG_FNV: u64 = 0x58d2_b933_aba7_3352;

fn faulty(seed: u64) -> paxos::Scenario {
    let shape = Shape {
        protocol: paxos::protocol::Protocol::BasicPaxos,
        nodes_min: 5,
        nodes_max: 7,
        quorums: None,
        amnesia: false,
    };
    random_scenario(seed, shape)
}

#[test]
fn same_scenario_same_event_log_hash() {
    for seed in [1, 2, 3, 42] {
        let a = Simulation::new(faulty(seed)).unwrap();
        let b = Simulation::new(faulty(seed)).unwrap();
        assert_eq!(fnv(&a.log()), fnv(&b.log()), "seed {seed}");
    }
    // Pinned: a change in behaviour shows up here (and in the golden files). The wasm test
    // (crates/paxos-wasm/tests/web.rs) pins the same hash: same log on every platform.
    let livelock = Simulation::from_script(find("livelock").unwrap().script).unwrap();
    assert_eq!(livelock.steps(), 274);
    assert_eq!(fnv(&livelock.log()), LIVELOCK_LOG_FNV, "{:#x}", fnv(&livelock.log()));
}

#[test]
fn stepping_back_anywhere_reproduces_the_recorded_state() {
    let mut sim = Simulation::from_script(find("livelock").unwrap().script).unwrap();
    let steps = sim.steps();
    assert!(steps > 2 * CHECKPOINT_INTERVAL, "want a run that spans checkpoints, got {steps}");
    // Walk forward from zero one step at a time, remembering each state's hash.
    sim.seek(0);
    let mut forward = Vec::new();
    for _ in 0..steps {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        sim.view().hash(&mut h);
        forward.push(h.finish());
        assert!(sim.step_forward().unwrap());
    }
    // Jump backwards in a scattered order: every state equals the one walked through.
    for step in (0..steps).rev().step_by(3).chain([0, 1, CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL - 1]) {
        sim.seek(step);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        sim.view().hash(&mut h);
        assert_eq!(h.finish(), forward[step as usize], "state at step {step}");
        assert_eq!(sim.step(), step);
    }
}

#[test]
fn intervening_in_the_past_forks_and_the_script_replays_the_fork() {
    let mut sim = Simulation::from_script(find("seed-3").unwrap().script).unwrap();
    // Go back to just after Z was chosen (step 6) and crash S4 before Y can overwrite it.
    sim.seek(6);
    sim.intervene(Command::Crash(paxos::types::NodeId(4))).unwrap();
    assert_eq!(sim.steps(), 7);
    let script = sim.script();
    assert!(script.ends_with("deliver S3->S4 Accept 13 Z\ncrash S4\n"), "{script}");
    let replay = Simulation::from_script(&script).unwrap();
    assert_eq!(replay.log(), sim.log());
    // Playing on from the end extends one `step` command rather than adding lines.
    for _ in 0..3 {
        sim.step_forward().unwrap();
    }
    assert_eq!(sim.steps(), 7, "manual network: nothing is due, playing does nothing");
    assert_eq!(sim.script(), script, "and adds nothing to the scenario");
}

#[test]
fn playing_coalesces_into_one_step_command() {
    let mut sim = Simulation::from_script("network auto\nseed 3\npropose S1 X\n").unwrap();
    for _ in 0..5 {
        assert!(sim.step_forward().unwrap());
    }
    assert!(sim.script().ends_with("propose S1 X\nstep 5\n"), "{}", sim.script());
    // Fork in the middle of `step 5`: it becomes `step 2`.
    sim.seek(3);
    sim.intervene(Command::Crash(paxos::types::NodeId(2))).unwrap();
    assert!(sim.script().ends_with("propose S1 X\nstep 2\ncrash S2\n"), "{}", sim.script());
    assert_eq!(Simulation::from_script(&sim.script()).unwrap().log(), sim.log());
}

#[test]
fn a_refused_intervention_changes_nothing() {
    let mut sim = Simulation::from_script(find("seed-2").unwrap().script).unwrap();
    let (log, script, step) = (sim.log(), sim.script(), sim.step());
    let error = sim.intervene(Command::Restart(paxos::types::NodeId(1))).unwrap_err();
    assert_eq!(error.message, "S1 is already up");
    assert_eq!((sim.log(), sim.script(), sim.step()), (log, script, step));
}

#[test]
fn canonical_scripts_round_trip() {
    for seed in 0..200 {
        let scenario = faulty(seed);
        let text = scenario.to_script();
        assert_eq!(parse(&text).unwrap(), scenario, "seed {seed}:\n{text}");
    }
}

#[test]
fn hostile_scripts_get_line_and_column_errors() {
    let cases = [
        ("nodes 12", "line 1, column 7: the number of servers must be between 1 and 9"),
        ("protocol raft", "line 1, column 10: unknown protocol `raft`"),
        ("propose S1 X\nnodes 3", "line 2, column 1: settings must come before the first command (line 1)"),
        ("drop 150%", "line 1, column 6: expected a percentage from 0% to 100%"),
        ("deliver S1=>S2", "line 1, column 9: expected `#ID` or `Sa->Sb`"),
        ("partition S1 | S1", "line 1, column 16: S1 is named twice"),
        ("quorum 6 3", "line 1, column 8: a quorum cannot be larger than the 5 servers"),
        ("step 0", "line 1, column 6: the step count must be between 1 and 100000"),
        ("\u{0}\u{1}", "line 1, column 1: control character U+0000 is not allowed"),
        // A NUL inside a number is pointed at, not echoed into the message.
        ("nodes 3\nseed 1\u{0}2", "line 2, column 7: control character U+0000 is not allowed"),
        // `leader` is checked against the node count at the end, yet reported where it stands.
        ("nodes 3\n  leader  S5", "line 2, column 11: the leader must be one of S1..S3"),
        ("  quorum 2 4\nnodes 3", "line 1, column 12: a quorum cannot be larger than the 3 servers"),
        // A leading byte-order mark is skipped; columns count from after it.
        ("\u{feff}nodes 12", "line 1, column 7: the number of servers must be between 1 and 9"),
    ];
    for (script, expected) in cases {
        let error = Simulation::from_script(script).err().unwrap_or_else(|| panic!("{script:?} was accepted"));
        assert!(error.to_string().starts_with(expected), "{script:?}: {error}");
    }
    assert!(Simulation::from_script("\u{feff}nodes 3\npropose S1 X # \u{0} in a comment\n").is_ok());
    let three = paxos::protocol::Config::new(paxos::protocol::Protocol::BasicPaxos, 3);
    assert!(paxos::scenario::parse_command("propose S1 \u{7}", &three)
        .unwrap_err()
        .to_string()
        .starts_with("line 1, column 12: control"));
    let huge = "step\n".repeat(300_000);
    assert!(Simulation::from_script(&huge).err().expect("refused").to_string().contains("larger than"));
}

/// The refusal lists what is in flight (at most twelve), `; `-separated.
#[test]
fn a_missing_message_error_lists_the_messages_in_flight() {
    let script = "nodes 9\nnetwork manual\npropose S1 X\npropose S2 Y\ndeliver #99\n";
    let error = paxos::Simulation::from_script(script).err().expect("#99 does not exist");
    let listing = "#1 S1->S2 Prepare 11; #2 S1->S3 Prepare 11; #3 S1->S4 Prepare 11; #4 S1->S5 Prepare 11; \
                   #5 S1->S6 Prepare 11; #6 S1->S7 Prepare 11; #7 S1->S8 Prepare 11; #8 S1->S9 Prepare 11; \
                   #9 S2->S1 Prepare 12; #10 S2->S3 Prepare 12; #11 S2->S4 Prepare 12; #12 S2->S5 Prepare 12";
    assert_eq!(error.message, format!("no message #99 is in flight (in flight: {listing})"));
}

/// Script files are bytes: where they are not UTF-8 the error names the line and column (in
/// characters) of the first bad byte; a byte-order mark is skipped.
#[test]
fn invalid_utf8_is_an_error_at_its_line_and_column() {
    use paxos::scenario::script_text;
    let error = |bytes: &[u8]| script_text(bytes).unwrap_err().to_string();
    assert_eq!(error(b"nodes 3\npropose S1 \xff"), "line 2, column 12: invalid UTF-8");
    assert_eq!(error(b"\xc3"), "line 1, column 1: invalid UTF-8");
    assert_eq!(error(b"title \xc3\xa9t\xc3\xa9 \n\n \xc3\xa9\xe9x"), "line 3, column 3: invalid UTF-8");
    assert_eq!(error(b"\xef\xbb\xbfnodes \x80"), "line 1, column 7: invalid UTF-8");
    assert_eq!(script_text(b"\xef\xbb\xbfnodes 3\n"), Ok("nodes 3\n"));
    assert!(error(&vec![b' '; paxos::scenario::SCRIPT_BYTES_MAX + 1]).contains("larger than"));
}

/// Multi-Paxos' view model: each server's log (the log grid's row), the chosen slots; the
/// single-decree protocols' snapshots do not change shape.
#[test]
#[cfg(feature = "multi")]
fn the_snapshot_carries_each_servers_log_in_multi_paxos_only() {
    let script = paxos::presets::find("multi-recovery").unwrap().script;
    let mut sim = Simulation::from_script(script).unwrap();
    let end = sim.snapshot();
    let cells = |view: &paxos::protocol::NodeView| {
        let log = view.log.as_ref().expect("a Multi-Paxos server shows its log");
        log.cells
            .iter()
            .map(|c| {
                format!("{} {:?} {:?}", c.slot, c.accepted.map(|e| e.to_string()), c.learned.map(|o| o.to_string()))
            })
            .collect::<Vec<_>>()
    };
    // S1 (restarted): its own set y 2 replaced by the new leader's no-op; S4: slot 3 accepted
    // from both leaders, learnt nothing past slot 1.
    assert_eq!(
        cells(&end.nodes[0]),
        [
            "#1 Some(\"(11,set x 1)\") Some(\"set x 1\")",
            "#2 Some(\"(15,no-op)\") Some(\"no-op\")",
            "#3 Some(\"(11,set z 3)\") Some(\"set z 3\")"
        ]
    );
    let s5 = end.nodes[4].log.as_ref().unwrap();
    assert_eq!((s5.applied, s5.next.map(|s| s.0), s5.cells.len()), (3, Some(5), 4));
    assert_eq!(s5.register.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>(), ["x=1", "z=3"]);
    assert_eq!(end.slots_chosen.iter().map(|c| c.to_string()).collect::<Vec<_>>().len(), 3);
    let json = serde_json::to_value(&end).unwrap();
    assert_eq!(json["nodes"][4]["stage"], "leading");
    assert_eq!(json["nodes"][4]["log"]["register"][0], serde_json::json!(["x", "1"]));
    assert_eq!(json["slots_chosen"][1]["entry"]["value"], "no-op");
    // Mid-run, after the crash, S1 is down.
    sim.seek(15);
    assert_eq!(sim.snapshot().nodes[0].stage, paxos::protocol::Stage::Down);
    let basic = serde_json::to_value(Simulation::from_script("propose S1 X\nrun\n").unwrap().snapshot()).unwrap();
    assert!(basic["nodes"][0].get("log").is_none() && basic.get("slots_chosen").is_none());
}
