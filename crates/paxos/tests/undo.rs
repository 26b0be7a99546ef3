//! Undo and redo: an intervention at an earlier step keeps the future it replaced as a
//! branch; `undo` puts the run back exactly as it was, `redo` applies the intervention again.

use paxos::scenario::{parse_command, LinkView};
use paxos::simulation::{Delta, UNDO_MAX};
use paxos::Simulation;

/// Everything undo must put back: script, events, log, per-step commands, link, the view.
#[derive(Debug, PartialEq)]
struct Run {
    script: String,
    events: Vec<paxos::sim::Event>,
    log: String,
    steps: u32,
    step: u32,
    step_commands: Vec<u32>,
    link: String,
    view: String,
}

fn run(sim: &Simulation) -> Run {
    Run {
        script: sim.script(),
        events: sim.events().to_vec(),
        log: sim.log(),
        steps: sim.steps(),
        step: sim.step(),
        step_commands: sim.step_commands().to_vec(),
        link: sim.link(LinkView { step: Some(sim.step()), view: 0, language: 0 }),
        view: format!("{:?}", sim.view().world.nodes),
    }
}

fn act(sim: &mut Simulation, text: &str) -> Result<Delta, String> {
    let command = parse_command(text, &sim.scenario().config).unwrap();
    sim.intervene(command).map_err(|e| e.message)
}

/// The run is the replay of its own script, and the view the replay's state at its step.
fn assert_replays(sim: &Simulation) {
    let replay = Simulation::from_script(&sim.script()).unwrap();
    assert_eq!(replay.events(), sim.events(), "script:\n{}", sim.script());
    assert_eq!(replay.step_commands(), sim.step_commands());
    assert_eq!(replay.state_at(sim.step()).world.nodes, sim.view().world.nodes);
    assert_eq!(replay.state_at(sim.step()).world.in_flight, sim.view().world.in_flight);
}

fn basic() -> Simulation {
    Simulation::from_script(paxos::presets::find("paxos-basic").unwrap().script).unwrap()
}

/// A run long enough to have checkpoints: the preset with the most steps.
fn longest() -> Simulation {
    let runs = paxos::presets::PRESETS.iter().map(|p| Simulation::from_script(p.script).unwrap());
    runs.max_by_key(|sim| sim.steps()).unwrap()
}

#[test]
fn undo_puts_back_the_run_before_the_intervention_and_redo_the_one_after() {
    let mut sim = longest();
    let original = run(&sim).script;
    let total = sim.steps();
    assert!(total > 64, "{total} steps");
    assert!(!sim.can_undo() && !sim.can_redo());
    // A checkpoint step (32) and steps between checkpoints.
    for at in [5, 32, total / 2] {
        sim.seek(at);
        let before = run(&sim);
        let delta = act(&mut sim, "crash S2").unwrap();
        assert_eq!(delta, Delta { fork: at + 1, replaced: before.steps - at });
        let after = run(&sim);
        assert_ne!(after.events, before.events);
        assert!(sim.can_undo() && !sim.can_redo());

        let undone = sim.undo().unwrap();
        assert_eq!(undone, Delta { fork: at + 1, replaced: after.steps - at });
        assert_eq!(run(&sim), before, "undo at {at}");
        assert_replays(&sim);
        assert!(sim.can_redo());

        let redone = sim.redo().unwrap();
        assert_eq!(redone, Delta { fork: at + 1, replaced: before.steps - at });
        assert_eq!(run(&sim), after, "redo at {at}");
        assert_replays(&sim);
        // Moving through the run between them changes nothing they put back.
        sim.seek(at - 1);
        sim.seek(sim.steps());
        sim.undo().unwrap();
        assert_eq!(run(&sim), before);
        sim.seek(0);
        sim.redo().unwrap();
        assert_eq!(run(&sim), after);
        sim.undo().unwrap();
    }
    // Back at the preset itself.
    assert_eq!(run(&sim).script, original);
}

#[test]
fn undo_and_redo_walk_a_chain_of_interventions() {
    let mut sim = Simulation::from_script(paxos::presets::find("seed-3").unwrap().script).unwrap();
    let mut runs = vec![run(&sim)];
    for (at, command) in [(2, "crash S1"), (1, "propose S2 Y"), (4, "heal"), (3, "step 2")] {
        sim.seek(at.min(sim.steps()));
        if act(&mut sim, command).is_ok() {
            runs.push(run(&sim));
        }
    }
    assert!(runs.len() >= 3, "most of the interventions were carried out");
    for expected in runs.iter().rev().skip(1) {
        sim.undo().unwrap();
        let mut got = run(&sim);
        // Undo views the step where the user acted; compare the run itself.
        got.step = expected.step;
        got.link = expected.link.clone();
        got.view = expected.view.clone();
        assert_eq!(got, *expected);
        assert_replays(&sim);
    }
    assert!(sim.undo().is_none() && !sim.can_undo());
    for expected in runs.iter().skip(1) {
        sim.redo().unwrap();
        assert_eq!(run(&sim), *expected);
        assert_replays(&sim);
    }
    assert!(sim.redo().is_none());
}

#[test]
fn a_new_intervention_clears_redo_and_a_refused_one_touches_nothing() {
    let mut sim = basic();
    sim.seek(10);
    act(&mut sim, "crash S3").unwrap();
    sim.undo().unwrap();
    assert!(sim.can_redo());
    // Refused: S1 is up. The stacks are as they were.
    let before = run(&sim);
    assert!(act(&mut sim, "restart S1").is_err());
    assert_eq!(run(&sim), before);
    assert!(sim.can_redo() && !sim.can_undo());
    act(&mut sim, "crash S4").unwrap();
    assert!(!sim.can_redo() && sim.can_undo());
    let after = run(&sim);
    assert!(act(&mut sim, "crash S4").is_err());
    assert_eq!(run(&sim), after);
    assert!(!sim.can_redo());
    sim.undo().unwrap();
    assert_eq!(run(&sim), before);
}

#[test]
fn steps_that_extend_the_run_are_not_undone_on_their_own() {
    let mut sim = Simulation::from_script("network manual\npropose S1 X\n").unwrap();
    let before = run(&sim);
    act(&mut sim, "deliver #1").unwrap();
    while sim.step_forward().unwrap() {}
    assert_eq!(sim.undo().map(|d| d.fork), Some(before.steps + 1));
    assert_eq!(run(&sim), before);
    sim.redo().unwrap();
    assert_replays(&sim);
}

#[test]
fn undo_keeps_the_last_interventions() {
    let mut sim = Simulation::from_script("network manual\nnodes 3\n").unwrap();
    for i in 0..UNDO_MAX + 3 {
        act(&mut sim, &format!("propose S{} V{i}", 1 + i % 3)).unwrap();
    }
    let mut undone = 0;
    while sim.undo().is_some() {
        undone += 1;
    }
    assert_eq!(undone, UNDO_MAX);
    assert_replays(&sim);
    assert_eq!(sim.script().matches("propose").count(), 3);
}
