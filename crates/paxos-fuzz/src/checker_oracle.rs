//! The model checker against the oracle (`crate::oracle`). It needs the core's `check`
//! feature, which this crate's dependency on `paxos` turns on; the core's own copy of this
//! test (`crates/paxos/tests/checker_oracle.rs`) is compiled only with that feature.

use crate::oracle::{correct, Judge};
use paxos::protocol::Protocol;
use paxos::sim::rng::Rng;
use paxos::sim::World;

/// The model checker's judgement against the oracle: a random walk through the checker's
/// own model of the simulator (`check::sim`), replayed in the simulator and judged by the
/// oracle after every move. The checker must call a state a violation exactly when the
/// oracle has seen two values chosen by then; and every move must replay.
pub fn run(seed: u64) -> Result<(), String> {
    checker_walk(seed).map(|_| ())
}

/// One random walk of [`run`]; `Ok(true)` if it ended in a violation.
pub fn checker_walk(seed: u64) -> Result<bool, String> {
    use paxos::check::sim::{SimConfig, SimModel};
    use paxos::check::{Model, Property};
    let mut rng = Rng::new(seed ^ 0x0063_6865_636b);
    let protocol = Protocol::AVAILABLE[rng.below(Protocol::AVAILABLE.len() as u64) as usize];
    let nodes = rng.between(1, 5) as u8;
    let mut config = SimConfig::new(protocol, nodes);
    config.quorum_phase1 = rng.between(1, u32::from(nodes)) as u8;
    config.quorum_phase2 = rng.between(1, u32::from(nodes)) as u8;
    config.proposers = rng.between(1, u32::from(nodes).min(3)) as u8;
    config.attempts = rng.between(1, 3);
    config.timeouts = rng.chance(50);
    config.drops = rng.chance(50);
    config.duplicates = rng.between(0, 2) as u8;
    config.crashes = rng.between(0, 2) as u8;
    config.amnesia = rng.chance(30);
    config.nacks = rng.chance(70);
    let model = SimModel::new(config).map_err(|e| format!("checker seed {seed}: {e}"))?;
    let mut state = model.init_states().remove(0);
    let mut walk = Vec::new();
    let mut violated_after = Vec::new();
    let mut actions = Vec::new();
    for _ in 0..rng.between(1, 40) {
        actions.clear();
        model.actions(&state, &mut actions);
        if actions.is_empty() {
            break;
        }
        let action = actions[rng.below(actions.len() as u64) as usize].clone();
        let Some(next) = model.next_state(&state, &action) else { continue };
        state = next;
        walk.push(action);
        violated_after.push(matches!(model.property(&state), Property::Violated(_)));
    }
    let scenario = model.scenario(&walk, "random walk");
    crate::show("the walk as a script", || scenario.to_script());
    let fail =
        |what: String| format!("checker seed {seed}: {what}\n--- the walk as a script ---\n{}", scenario.to_script());
    if correct(&scenario.config) && violated_after.last() == Some(&true) {
        return Err(fail(format!("the checker finds {protocol} broken in a configuration where it is correct")));
    }
    let mut world = World::new(&scenario);
    let mut judge = Judge::default();
    let mut events = Vec::new();
    for (index, violated) in violated_after.iter().enumerate() {
        events.clear();
        if !matches!(world.advance(&scenario.commands, &mut events), Ok(true)) {
            return Err(fail(format!("move {} ({}) does not replay in the simulator", index + 1, walk[index])));
        }
        judge.look(&world, &events);
        if *violated != judge.judgement.agreement_step.is_some() {
            return Err(fail(format!(
                "after move {} the checker says agreement {}, the oracle {:?}",
                index + 1,
                if *violated { "broken" } else { "holds" },
                judge.judgement
            )));
        }
    }
    Ok(violated_after.last() == Some(&true))
}
