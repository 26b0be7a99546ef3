//! Stateful fuzzing of time travel: a random scenario, then a random walk of seeks, steps and
//! interventions (valid ones, refused ones, and ones at earlier steps that fork the run),
//! checking after every call that
//!
//! - nothing panicked;
//! - a refused call changed nothing (script, events, steps, viewed step and state);
//! - the run is the replay of its own script and of its own share link, and the viewed
//!   state is the replay's state at that step (after undo and redo too);
//! - a redo right after an undo puts back the run as it was before the undo.
//!
//! One case per seed, all of it drawn from the seed, so a failure names the seed, the
//! scenario's script and the actions, and `run(seed)` reproduces it.

use paxos::scenario::{decode_link, parse_command, random_scenario, LinkView, Scenario, Shape};
use paxos::simulation::State;
use paxos::Simulation;
use std::fmt::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Calls per case: enough to fork a fork a few times, few enough to replay after each.
const ACTIONS_MAX: u64 = 24;

/// Runs the case for `seed`; `Err` describes the failure and how to reproduce it.
pub fn run(seed: u64) -> Result<(), String> {
    let mut rng = SplitMix(seed);
    let scenario = scenario(&mut rng);
    let script = scenario.to_script();
    crate::show("script", || script.clone());
    let fail = |actions: &[String], why: String| {
        format!("time travel, seed {seed}: {why}\nactions: {}\nscript:\n{script}", actions.join("; "))
    };
    let mut actions = Vec::new();
    let mut sim = match catch_unwind(|| Simulation::new(scenario)) {
        Ok(Ok(sim)) => sim,
        // A scenario that is refused outright (a limit) has nothing to travel through.
        Ok(Err(_)) => return Ok(()),
        Err(panic) => return Err(fail(&actions, format!("panic building the run: {}", panic_text(&*panic)))),
    };
    check_replays(&sim).map_err(|why| fail(&actions, why))?;
    for _ in 0..rng.below(ACTIONS_MAX) + 1 {
        let action = action(&mut rng, &sim);
        actions.push(action.to_string());
        let before = Fingerprint::of(&sim);
        let outcome = catch_unwind(AssertUnwindSafe(|| action.apply(&mut sim)));
        let refused = match outcome {
            Ok(refused) => refused,
            Err(panic) => return Err(fail(&actions, format!("panic: {}", panic_text(&*panic)))),
        };
        if refused && Fingerprint::of(&sim) != before {
            return Err(fail(&actions, "a refused call changed the simulation".into()));
        }
        check_replays(&sim).map_err(|why| fail(&actions, why))?;
    }
    Ok(())
}

/// What a refusal must leave as it was.
#[derive(PartialEq)]
struct Fingerprint {
    script: String,
    events: Vec<paxos::sim::Event>,
    log: String,
    steps: u32,
    step: u32,
    step_commands: Vec<u32>,
    view: State,
}

impl Fingerprint {
    fn of(sim: &Simulation) -> Fingerprint {
        Fingerprint {
            script: sim.script(),
            events: sim.events().to_vec(),
            log: sim.log(),
            steps: sim.steps(),
            step: sim.step(),
            step_commands: sim.step_commands().to_vec(),
            view: sim.view().clone(),
        }
    }
}

/// The run equals the replay of its script and of its link, and so does the viewed state.
fn check_replays(sim: &Simulation) -> Result<(), String> {
    // The error is the core's own (large, made once): boxing it here would only quiet a lint.
    #[allow(clippy::result_large_err)]
    let replay = catch_unwind(|| Simulation::from_script(&sim.script()))
        .map_err(|panic| format!("panic replaying the script: {}", panic_text(&*panic)))?
        .map_err(|e| format!("its own script is refused: {e}\nits script:\n{}", sim.script()))?;
    if replay.events() != sim.events() || replay.log() != sim.log() || replay.step_commands() != sim.step_commands() {
        return Err(format!("the replay of its script differs\nits script:\n{}", sim.script()));
    }
    if without_cursor(replay.state_at(sim.step())) != without_cursor(sim.view().clone()) {
        return Err(format!(
            "the viewed state (step {}) is not the replay's\nits script:\n{}",
            sim.step(),
            sim.script()
        ));
    }
    let link = sim.link(LinkView { step: Some(sim.step()), view: 0, language: 0 });
    let (scenario, view) = decode_link(&link).map_err(|e| format!("its own link is refused: {e}\nlink: {link}"))?;
    let from_link = Simulation::new(scenario).map_err(|e| format!("its own link's run is refused: {}", e.message))?;
    if from_link.log() != sim.log() || view.step != Some(sim.step()) {
        return Err(format!("the replay of its link differs\nlink: {link}"));
    }
    Ok(())
}

/// A state without its place in the command list, which may differ at the same step and
/// mean the same: before or past a `step` that took no steps. (Where it matters, for a
/// fork, the script and log checks see it.)
fn without_cursor(mut state: State) -> State {
    state.world.cursor = Default::default();
    state.world.resolved = None;
    state
}

/// A random scenario: a random faulty one, or a manual network with a few proposals (the
/// reader's playground), or settings near the in-flight limit.
fn scenario(rng: &mut SplitMix) -> Scenario {
    // Every protocol this build runs (all of them with the `multi` feature).
    let protocols = paxos::protocol::Protocol::AVAILABLE;
    let protocol = protocols[rng.below(protocols.len() as u64) as usize];
    match rng.below(10) {
        0..=4 => {
            let shape = Shape { protocol, nodes_min: 3, nodes_max: 7, quorums: None, amnesia: rng.below(4) == 0 };
            random_scenario(rng.next(), shape)
        }
        5..=8 => {
            let nodes = 3 + rng.below(3);
            let mut text = format!("protocol {}\nnodes {nodes}\nnetwork manual\n", protocol.name());
            for _ in 0..rng.below(4) {
                let node = 1 + rng.below(nodes);
                let _ = match protocol.is_multi() {
                    true => {
                        writeln!(text, "request S{node} {}", ["set x 1", "set y 2", "get x"][rng.below(3) as usize])
                    }
                    false => writeln!(text, "propose S{node} {}", ["X", "Y", "Z"][rng.below(3) as usize]),
                };
            }
            paxos::scenario::parse(&text).expect("a well-formed script")
        }
        _ => {
            // Slow messages, quick retries, nine proposers: the 504th automatic step would
            // pass `IN_FLIGHT_MAX`; start a few steps before it.
            let mut text = String::from("nodes 9\nnetwork auto\ndelay 1000..1000\nretry on\ntimeout 1\nattempts 64\n");
            for node in 1..=9 {
                let _ = writeln!(text, "propose S{node} V{node}");
            }
            let _ = writeln!(text, "step {}", 490 + rng.below(14));
            paxos::scenario::parse(&text).expect("a well-formed script")
        }
    }
}

enum Action {
    Seek(u32),
    StepForward,
    /// A command line as the page sends it (it may not parse, or be refused).
    Intervene(String),
    Undo,
    Redo,
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Action::Seek(step) => write!(f, "seek {step}"),
            Action::StepForward => write!(f, "step forward"),
            Action::Intervene(text) => write!(f, "intervene `{text}`"),
            Action::Undo => write!(f, "undo"),
            Action::Redo => write!(f, "redo"),
        }
    }
}

impl Action {
    /// Carries the action out; true if it was refused.
    fn apply(&self, sim: &mut Simulation) -> bool {
        match self {
            Action::Seek(step) => {
                sim.seek(*step);
                false
            }
            Action::StepForward => sim.step_forward().is_err(),
            Action::Intervene(text) => match parse_command(text, &sim.scenario().config) {
                Ok(command) => sim.intervene(command).is_err(),
                Err(_) => true,
            },
            Action::Undo => {
                // Undo, redo (which must give back the run as it was), undo again.
                let before = Fingerprint::of(sim);
                if sim.undo().is_none() {
                    return true;
                }
                sim.redo().expect("an undo leaves something to redo");
                let mut redone = Fingerprint::of(sim);
                // Redo views the end; the run itself must be the same.
                redone.step = before.step;
                redone.view = before.view.clone();
                assert!(redone == before, "redo after undo did not give back the run");
                sim.undo().expect("a redo leaves something to undo");
                false
            }
            Action::Redo => sim.redo().is_none(),
        }
    }
}

/// The next action: seeks anywhere (past the end too), steps, and interventions at the
/// viewed step, which fork the run when it is not the end.
fn action(rng: &mut SplitMix, sim: &Simulation) -> Action {
    match rng.below(12) {
        10 => Action::Undo,
        11 => Action::Redo,
        0..=2 => Action::Seek(match rng.below(8) {
            0 => u32::MAX,
            _ => rng.below(u64::from(sim.steps()) + 2) as u32,
        }),
        3..=4 => Action::StepForward,
        _ => Action::Intervene(command(rng, sim)),
    }
}

/// A command line for the viewed state: about half would be carried out, half refused.
fn command(rng: &mut SplitMix, sim: &Simulation) -> String {
    let world = &sim.view().world;
    let nodes = u64::from(world.config.nodes);
    let node = 1 + rng.below(nodes);
    let up = world.nodes[node as usize - 1].up;
    let has_timer = world.timers.iter().any(|t| u64::from(t.node.0) == node);
    let message = match world.in_flight.len() as u64 {
        0 => None,
        n => Some(world.in_flight[rng.below(n) as usize].clone()),
    };
    match rng.below(16) {
        0 => format!("propose S{node} {}", ["X", "Y", "Z", "W"][rng.below(4) as usize]),
        1 => format!("crash S{node}"),
        2 => format!("restart S{node}"),
        3 => format!("timeout S{node}"),
        4 if up && has_timer => format!("timeout S{node}"),
        5 if !up => format!("restart S{node}"),
        6 if up => format!("crash S{node}"),
        7..=9 => match (message, rng.below(4)) {
            (Some(m), 0) => format!("drop #{}", m.id),
            (Some(m), 1) => format!("duplicate #{}", m.id),
            (Some(m), 2) => format!("deliver {}->{} {}", m.from, m.to, m.message),
            (Some(m), _) => format!("deliver #{}", m.id),
            (None, _) => format!("deliver #{}", 1 + rng.below(50)),
        },
        10 => format!("deliver #{}", 100_000 + rng.below(1_000)),
        11 => format!("partition S1 | S{}", 2 + rng.below(nodes - 1)),
        12 => "heal".into(),
        13 => format!("step {}", 1 + rng.below(20)),
        14 => match rng.below(4) {
            0 => "step 100000".into(),
            1 => "nonsense S1".into(),
            _ => "run".into(),
        },
        // Multi-Paxos takes requests (and refuses `propose`, as the others refuse `request`).
        _ if world.config.protocol.is_multi() && rng.below(4) > 0 => {
            format!("request S{node} {}", ["set x 1", "set x 2", "get x", "set y 3"][rng.below(4) as usize])
        }
        _ => format!("propose S{node} X"),
    }
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    match (panic.downcast_ref::<&str>(), panic.downcast_ref::<String>()) {
        (Some(text), _) => text.to_string(),
        (_, Some(text)) => text.clone(),
        _ => "(no message)".into(),
    }
}

/// SplitMix64: a tiny, fixed generator, so a seed means the same case everywhere.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform enough in `0..n` for fuzzing (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
