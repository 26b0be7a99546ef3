//! Refusals: a refused command changes nothing, and every limit a script, a link or a click
//! can reach is a refusal that names the limit and the step, never a panic.

use paxos::scenario::{decode_link, encode_link, parse, parse_command, LinkView};
use paxos::sim::world::{IN_FLIGHT_MAX, PROPOSALS_MAX};
use paxos::sim::{Limit, Refusal};
use paxos::types::NodeId;
use paxos::Simulation;

/// Everything a refusal must leave as it was, as comparable values.
fn fingerprint(sim: &Simulation) -> (String, String, u32, u32, Vec<u32>, String) {
    (sim.script(), sim.log(), sim.steps(), sim.step(), sim.step_commands().to_vec(), format!("{:?}", sim.view()))
}

fn command(sim: &Simulation, text: &str) -> paxos::scenario::Command {
    parse_command(text, &sim.scenario().config).unwrap()
}

/// The run replays from its own script and its own link.
fn assert_replays(sim: &Simulation) {
    let from_script = Simulation::from_script(&sim.script()).unwrap();
    assert_eq!(from_script.log(), sim.log(), "script:\n{}", sim.script());
    let (scenario, _) = decode_link(&sim.link(LinkView::default())).unwrap();
    assert_eq!(Simulation::new(scenario).unwrap().log(), sim.log());
}

#[test]
fn a_refused_timeout_leaves_the_view_usable() {
    // Was: the refusal left the view's cursor pointing at the refused command, so stepping
    // on replayed a run that was not recorded and panicked.
    let mut sim = Simulation::from_script("propose S1 X\nrun\n").unwrap();
    sim.seek(3);
    let before = fingerprint(&sim);
    let error = sim.intervene(command(&sim, "timeout S2")).unwrap_err();
    assert_eq!(error.message, "S2 has no pending timer");
    assert_eq!(error.kind, Refusal::NoPendingTimer { node: NodeId(2) });
    assert_eq!(fingerprint(&sim), before);
    assert!(sim.step_forward().unwrap());
    assert_eq!(sim.step(), 4);
    sim.seek(2);
    sim.seek(sim.steps());
    assert_replays(&sim);
}

#[test]
fn a_refused_restart_then_a_crash_gives_the_run_its_script_says() {
    // Was: the crash after the refused restart forked from the refused command's place, so
    // the run differed from its own script and link.
    let mut sim = Simulation::from_script("propose S1 X\nrun\n").unwrap();
    sim.seek(3);
    let before = fingerprint(&sim);
    assert_eq!(sim.intervene(command(&sim, "restart S1")).unwrap_err().message, "S1 is already up");
    assert_eq!(fingerprint(&sim), before);
    sim.intervene(command(&sim, "crash S2")).unwrap();
    assert!(sim.script().ends_with("propose S1 X\nstep 2\ncrash S2\n"), "{}", sim.script());
    assert_replays(&sim);
}

#[test]
fn a_refusal_at_a_checkpoint_restores_it() {
    let mut sim = Simulation::from_script("network auto\npropose S1 X\npropose S2 Y\nrun\n").unwrap();
    let at = paxos::simulation::CHECKPOINT_INTERVAL.min(sim.steps());
    sim.seek(at);
    let before = fingerprint(&sim);
    assert!(sim.intervene(command(&sim, "restart S3")).is_err());
    assert_eq!(fingerprint(&sim), before);
    sim.intervene(command(&sim, "crash S3")).unwrap();
    assert_replays(&sim);
}

/// Ordinary settings: nine servers, slow messages, quick timeouts and many retries make the
/// messages in flight pile up past `IN_FLIGHT_MAX`.
const FLOOD: &str = "nodes 9\nnetwork auto\ndelay 1000..1000\nretry on\ntimeout 1\nattempts 64\n";

/// Each of the nine servers proposes (one-letter values keep the link short).
fn nine_proposals() -> String {
    (1..=9).map(|n| format!("propose S{n} {}\n", char::from(b'A' + n - 1))).collect()
}

fn flood_script() -> String {
    format!("{FLOOD}{}run\n", nine_proposals())
}

#[test]
fn too_many_messages_in_flight_is_a_refusal_naming_the_limit_and_the_line() {
    let error = Simulation::from_script(&flood_script()).err().expect("refused");
    assert_eq!(error.line, 16, "the `run` line: {error}");
    assert!(error.message.contains(&format!("more than {IN_FLIGHT_MAX} messages")), "{error}");
    assert!(error.message.starts_with("step "), "{error}");
    // The facts behind the sentence, for the page to word in its language.
    let Some(Refusal::Limit { limit: Limit::InFlight, max, step, node: None }) = error.refusal else {
        panic!("not an in-flight limit: {:?}", error.refusal)
    };
    assert_eq!(max, IN_FLIGHT_MAX);
    assert!(error.message.starts_with(&format!("step {step}: ")), "{error}");
}

#[test]
fn every_refusal_is_a_kind_with_its_facts_and_its_english_sentence() {
    let mut sim = Simulation::from_script("nodes 3\nnetwork manual\npropose S1 X\ncrash S3\n").unwrap();
    let cases = [
        ("crash S3", Refusal::AlreadyDown { node: NodeId(3) }, "S3 is already down"),
        ("restart S1", Refusal::AlreadyUp { node: NodeId(1) }, "S1 is already up"),
        ("propose S3 Y", Refusal::NodeDown { node: NodeId(3) }, "S3 is down and cannot propose"),
    ];
    for (text, kind, message) in cases {
        let error = sim.intervene(command(&sim, text)).unwrap_err();
        assert_eq!((error.kind, error.message.as_str()), (kind, message));
    }
    let error = sim.intervene(command(&sim, "deliver #9")).unwrap_err();
    let in_flight = vec!["#1 S1->S2 Prepare 11".to_string(), "#2 S1->S3 Prepare 11".to_string()];
    assert_eq!(error.kind, Refusal::NoSuchMessage { target: "#9".into(), in_flight, more: 0 });
    assert_eq!(error.message, "no message #9 is in flight (in flight: #1 S1->S2 Prepare 11; #2 S1->S3 Prepare 11)");
}

#[test]
fn an_automatic_step_over_the_limit_is_refused_and_the_run_before_it_kept() {
    let mut sim = Simulation::from_script(&format!("{FLOOD}{}", nine_proposals())).unwrap();
    let mut refused = None;
    for _ in 0..100_000 {
        let before = fingerprint(&sim);
        match sim.step_forward() {
            Ok(true) => continue,
            Ok(false) => break,
            Err(error) => {
                assert_eq!(fingerprint(&sim), before, "a refused step changes nothing");
                refused = Some(error);
                break;
            }
        }
    }
    let error = refused.expect("the limit is reached");
    assert_eq!(error.step, sim.steps() + 1);
    assert!(error.message.contains(&format!("step {}:", error.step)), "{}", error.message);
    assert_replays(&sim);
    let steps = sim.steps();
    assert!(sim.step_forward().is_err(), "refused again, and still nothing changes");
    assert_eq!(sim.steps(), steps);
}

#[test]
fn too_many_manual_proposals_is_a_refusal() {
    let proposals: String = (0..=PROPOSALS_MAX).map(|n| format!("propose S1 V{n}\n")).collect();
    let error = Simulation::from_script(&format!("network manual\n{proposals}")).err().expect("refused");
    assert!(error.message.contains(&format!("more than {PROPOSALS_MAX} different values")), "{error}");
    // On nine servers each proposal sends eight messages: 513 of them are 4,104 in flight.
    let proposals: String = (0..513).map(|n| format!("propose S1 V{n}\n")).collect();
    let error = Simulation::from_script(&format!("nodes 9\nnetwork manual\n{proposals}")).err().expect("refused");
    assert_eq!(error.line, 2 + 513, "{error}");
    assert!(error.message.contains(&format!("more than {IN_FLIGHT_MAX} messages")), "{error}");
}

#[test]
fn a_short_link_that_floods_the_network_is_a_refusal() {
    let scenario = parse(&flood_script()).unwrap();
    let link = encode_link(&scenario, LinkView::default());
    assert!(link.len() <= 75, "{} characters: {link}", link.len());
    let (decoded, _) = decode_link(&link).unwrap();
    let error = Simulation::new(decoded).err().expect("refused");
    assert_eq!(error.command, 9, "the `run`");
    assert!(error.message.contains(&format!("more than {IN_FLIGHT_MAX} messages")), "{}", error.message);
}

#[test]
fn a_scenario_cannot_grow_past_the_command_limit() {
    let heals = "heal\n".repeat(paxos::scenario::COMMANDS_MAX);
    let mut sim = Simulation::from_script(&heals).unwrap();
    let before = fingerprint(&sim);
    let error = sim.intervene(command(&sim, "heal")).unwrap_err();
    assert!(error.message.contains("more than 10000 commands"), "{}", error.message);
    assert_eq!(fingerprint(&sim), before);
}

#[test]
fn playing_on_never_writes_a_step_count_a_script_cannot_say() {
    let mut sim = Simulation::from_script("network auto\npropose S1 X\nstep 99999\n").unwrap();
    sim.intervene(command(&sim, "propose S2 Y")).unwrap();
    sim.intervene(command(&sim, "step 100000")).unwrap();
    sim.intervene(command(&sim, "step 100000")).unwrap();
    assert_replays(&sim);
}

/// The link the page test `tests/e2e/refusals.test.mjs` opens: printed so the two agree.
#[test]
fn the_flood_link_is_pinned() {
    let link = encode_link(&parse(&flood_script()).unwrap(), LinkView::default());
    assert_eq!(link, FLOOD_LINK);
}

const FLOOD_LINK: &str = "AQMJBQUHAOgH6AcAAAABQAEKAAEBQQACAUIAAwFDAAQBRAAFAUUABgFGAAcBRwAIAUgACQFJCQ";

#[test]
fn a_run_longer_than_the_step_limit_is_a_refusal_naming_the_step() {
    // Each new proposal restarts the duel, so the run has no end but the limit.
    let duel = "nodes 9\nnetwork auto\ndelay 1..8\nretry on\nbackoff 0\nattempts 64\n";
    let rounds = "propose S1 X\npropose S9 Y\nrun\n".repeat(200);
    let error = Simulation::from_script(&format!("{duel}{rounds}")).err().expect("refused");
    let limit = paxos::simulation::STEPS_MAX;
    assert!(
        error.message.starts_with(&format!("step {}: the run would be longer than {limit} steps", limit + 1)),
        "{error}"
    );
}

/// What the page's binding passes through unchecked (`seek`, `events`, `link`): any value.
#[test]
fn any_step_range_and_view_is_answered() {
    let mut sim = Simulation::from_script("propose S1 X\nrun\n").unwrap();
    let steps = sim.steps();
    for (from, to) in [(0, u32::MAX), (u32::MAX, u32::MAX), (u32::MAX, 0), (steps, steps + 1), (5, 4)] {
        let events = sim.events_between(from, to);
        assert!(events.len() <= sim.events().len(), "{from}..={to}");
    }
    assert_eq!(sim.events_between(0, u32::MAX), sim.events());
    sim.seek(u32::MAX);
    assert_eq!(sim.step(), steps);
    let link = sim.link(LinkView { step: Some(u32::MAX), view: u8::MAX, language: u8::MAX });
    let (_, view) = decode_link(&link).unwrap();
    assert_eq!(view, LinkView { step: Some(u32::MAX), view: u8::MAX, language: u8::MAX });
}

/// Multi-Paxos' limits: the log's 16 slots and the 16 requests a server keeps are notes in
/// the run (the protocol's own refusals of a client), and a command the protocol does not
/// take is refused like any other, changing nothing.
#[test]
#[cfg(feature = "multi")]
fn multi_paxos_limits_are_notes_or_refusals_never_panics() {
    use paxos::protocol::multi::{LOG_SLOTS_MAX, PENDING_MAX};
    use paxos::protocol::Protocol;
    let header = "protocol multi-paxos\nnodes 3\nnetwork manual\n";
    // A leader with a full log: S1 leads (phase 1 with S2), then 17 commands.
    let mut script = format!(
        "{header}request S1 set k0 0\ndeliver S1->S2 Prepare 11 [slots 1..]\ndeliver S2->S1 Promise 11 [slots 1..] (-)\n"
    );
    for i in 1..=LOG_SLOTS_MAX {
        script.push_str(&format!("request S1 set k{i} {i}\n"));
    }
    let sim = Simulation::from_script(&script).unwrap();
    assert!(sim.log().contains("S1 proposes set k15 15 for #16 with 11"), "{}", sim.log());
    assert!(sim.log().contains("S1 has no slot for set k16 16: the log's 16 slots are used"));
    assert_replays(&sim);
    // A candidate that cannot lead keeps 16 requests; the 17th is refused.
    let mut script = header.to_string();
    for i in 0..=PENDING_MAX {
        script.push_str(&format!("request S1 set k{i} {i}\n"));
    }
    let sim = Simulation::from_script(&script).unwrap();
    assert!(sim.log().contains("S1 refuses set k16 16: 16 requests are already waiting"), "{}", sim.log());
    // Distinct commands are bounded like distinct values.
    let mut script = header.to_string();
    for i in 0..=PROPOSALS_MAX {
        script.push_str(&format!("request S{} set k v{i}\n", 1 + i % 3));
    }
    let error = Simulation::from_script(&script).err().expect("refused");
    assert!(matches!(error.refusal, Some(Refusal::Limit { limit: Limit::Proposals, .. })), "{error}");
    // `propose` to Multi-Paxos, `request` elsewhere: refused, nothing changes.
    let mut sim = Simulation::from_script(&format!("{header}request S1 set x 1\n")).unwrap();
    let before = fingerprint(&sim);
    let propose = paxos::scenario::Command::Propose { node: NodeId(1), value: paxos::types::Value::new("X").unwrap() };
    let error = sim.intervene(propose).unwrap_err();
    assert_eq!(error.kind, Refusal::NotInProtocol { command: "propose", protocol: Protocol::MultiPaxos });
    assert_eq!(error.message, "multi-paxos servers take clients' commands: `request Sn set KEY VALUE`, not `propose`");
    assert_eq!(fingerprint(&sim), before);
    let mut basic = Simulation::from_script("nodes 3\nnetwork manual\n").unwrap();
    let request = command(&sim, "request S1 get x");
    let error = basic.intervene(request).unwrap_err();
    assert_eq!(error.message, "basic-paxos decides one value: `propose Sn VALUE`, not `request`");
    // And a script says so at the line, before running anything.
    let error = parse("nodes 3\nrequest S1 get x\n").unwrap_err();
    assert_eq!((error.line, error.column), (2, 1));
    assert!(error.message.contains("decides one value"), "{}", error.message);
}
