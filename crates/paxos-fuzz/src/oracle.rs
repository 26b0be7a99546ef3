//! An independent judge of safety, to check the observers against.
//!
//! Written straight from the definitions and deliberately naive; it shares no code with
//! `paxos::observe`. Where the observers count acceptances from the events of each step, keep
//! short bounded records and trim them, this judge looks at every acceptor's state after every
//! step and remembers everything in plain ordered maps:
//!
//! * an acceptor *has accepted* a proposal from the first step after which it holds it;
//! * a proposal is *chosen* once a phase-2 quorum of acceptors has accepted it, at whatever
//!   steps they did (Lamport, *Paxos Made Simple*: "a value is chosen when a single proposal
//!   with that value has been accepted by a majority of the acceptors"). "The same proposal"
//!   is the same (number, value) in Basic Paxos and the same value in the one-phase
//!   protocols, which count values as the seed does;
//! * *agreement* fails at the first step after which two different values are chosen;
//! * *validity* fails at the first step after which a chosen value was never proposed;
//! * *stability* fails at the first step after which a chosen value is held (now) by fewer
//!   acceptors than a phase-2 quorum.
//!
//! Multi-Paxos is judged the same way, slot by slot, from each server's per-slot acceptor
//! state (`Log::accepted`): a command is *chosen in slot k* once a phase-2 quorum has
//! accepted the same (number, command) in slot k; *agreement* fails when some slot has two
//! different commands chosen; *validity* when a chosen command is neither a client's nor a
//! `no-op`; *stability* when a chosen command is held in its slot (now) by fewer than a
//! phase-2 quorum; and *log consistency* when two servers' applied prefixes (their learnt
//! commands in slots 1..=applied) differ at some slot.
//!
//! [`run`] drives one random run (by seed) and compares the judge with the observers after
//! every step; any difference is returned with the script that reproduces it. (`crate::show`
//! records the input for the fuzz runner; crates that include this file define it too.)

use paxos::observe::{Observers, Violation};
use paxos::protocol::multi::Op;
use paxos::protocol::{Config, Protocol};
use paxos::quorum::NodeSet;
use paxos::scenario::{normalize_partition, random_scenario, Command, Network, NetworkMode, Scenario, Shape, Target};
use paxos::sim::rng::Rng;
use paxos::sim::{EventKind, World};
use paxos::types::{NodeId, Value};
use std::collections::{BTreeMap, BTreeSet};

/// What the judge has concluded so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Judgement {
    /// Every value chosen so far (Multi-Paxos: every `#slot command`), with the step it was
    /// first chosen at.
    pub chosen: BTreeMap<String, u32>,
    pub agreement_step: Option<u32>,
    pub validity_step: Option<u32>,
    pub stability_step: Option<u32>,
    /// Multi-Paxos only.
    pub consistency_step: Option<u32>,
}

/// The judge's memory: who has ever accepted what, and which values were proposed.
#[derive(Default)]
pub struct Judge {
    /// (ballot text, value) for Basic Paxos, ("", value) otherwise -> every acceptor that
    /// has held it after some step. Multi-Paxos: (slot, ballot text, command text).
    accepted_by: BTreeMap<(String, String), BTreeSet<u8>>,
    slot_accepted_by: BTreeMap<(u8, String, String), BTreeSet<u8>>,
    proposed: BTreeSet<String>,
    pub judgement: Judgement,
}

impl Judge {
    /// Looks at the world after step `step`, whose events are `step_events`.
    pub fn look(&mut self, world: &World, step_events: &[paxos::sim::Event]) {
        let step = world.step;
        let quorum = usize::from(world.config.quorum_phase2);
        for event in step_events {
            match &event.kind {
                EventKind::Propose { value, .. } => {
                    self.proposed.insert(value.to_string());
                }
                EventKind::Request { op, .. } => {
                    self.proposed.insert(op.to_string());
                }
                _ => {}
            }
        }
        if world.config.protocol.is_multi() {
            return self.look_at_logs(world);
        }
        for node in &world.nodes {
            let Some(held) = node.acceptor.accepted else { continue };
            let number = match world.config.protocol {
                Protocol::BasicPaxos | Protocol::SeedPhaseTwo => held.ballot.to_string(),
                _ => String::new(),
            };
            self.accepted_by.entry((number, held.value.to_string())).or_default().insert(node.id.0);
        }
        for ((_, value), acceptors) in &self.accepted_by {
            if acceptors.len() >= quorum && !self.judgement.chosen.contains_key(value) {
                self.judgement.chosen.insert(value.clone(), step);
            }
        }
        let j = &mut self.judgement;
        if j.agreement_step.is_none() && j.chosen.len() >= 2 {
            j.agreement_step = Some(step);
        }
        if j.validity_step.is_none() && j.chosen.keys().any(|v| !self.proposed.contains(v)) {
            j.validity_step = Some(step);
        }
        let holders = |value: &String| {
            world.nodes.iter().filter(|n| n.acceptor.accepted.is_some_and(|p| p.value.to_string() == *value)).count()
        };
        if j.stability_step.is_none() && j.chosen.keys().any(|v| holders(v) < quorum) {
            j.stability_step = Some(step);
        }
    }

    /// Multi-Paxos, slot by slot, from every server's state after the step.
    fn look_at_logs(&mut self, world: &World) {
        let step = world.step;
        let quorum = usize::from(world.config.quorum_phase2);
        let logs: Vec<(u8, &paxos::protocol::multi::Log)> =
            world.nodes.iter().filter_map(|n| n.log.as_deref().map(|log| (n.id.0, log))).collect();
        for (id, log) in &logs {
            for (slot, entry) in &log.accepted {
                let key = (slot.0, entry.ballot.to_string(), entry.op.to_string());
                self.slot_accepted_by.entry(key).or_default().insert(*id);
            }
        }
        // slot -> every command chosen there.
        let mut chosen: BTreeMap<u8, BTreeSet<String>> = BTreeMap::new();
        for ((slot, _, op), acceptors) in &self.slot_accepted_by {
            if acceptors.len() >= quorum {
                chosen.entry(*slot).or_default().insert(op.clone());
                self.judgement.chosen.entry(format!("#{slot} {op}")).or_insert(step);
            }
        }
        let j = &mut self.judgement;
        if j.agreement_step.is_none() && chosen.values().any(|ops| ops.len() >= 2) {
            j.agreement_step = Some(step);
        }
        let valid = |op: &String| op == "no-op" || self.proposed.contains(op);
        if j.validity_step.is_none() && chosen.values().flatten().any(|op| !valid(op)) {
            j.validity_step = Some(step);
        }
        let held_by = |slot: u8, op: &String| {
            logs.iter()
                .filter(|(_, log)| log.accepted.iter().any(|(s, e)| s.0 == slot && e.op.to_string() == *op))
                .count()
        };
        let unstable = chosen.iter().any(|(slot, ops)| ops.iter().any(|op| held_by(*slot, op) < quorum));
        if j.stability_step.is_none() && unstable {
            j.stability_step = Some(step);
        }
        // What each server has applied: its learnt commands in slots 1, 2, ... up to the
        // first slot it has not learnt.
        let mut applied: BTreeMap<u8, BTreeSet<String>> = BTreeMap::new();
        for (_, log) in &logs {
            let learnt: BTreeMap<u8, String> = log.learned.iter().map(|(s, op)| (s.0, op.to_string())).collect();
            for (slot, op) in learnt.iter().zip(1..).take_while(|((s, _), k)| **s == *k).map(|(entry, _)| entry) {
                applied.entry(*slot).or_default().insert(op.clone());
            }
        }
        if j.consistency_step.is_none() && applied.values().any(|ops| ops.len() >= 2) {
            j.consistency_step = Some(step);
        }
    }
}

/// The observers' conclusions in the judge's terms.
fn observed(observers: &Observers, chosen_steps: &BTreeMap<String, u32>) -> Judgement {
    let mut judgement = Judgement { chosen: chosen_steps.clone(), ..Judgement::default() };
    for violation in observers.safety.violations.iter().chain(&observers.log.violations) {
        let step = Some(violation.step());
        match violation {
            Violation::Agreement { .. } => judgement.agreement_step = step,
            Violation::Validity { .. } => judgement.validity_step = step,
            Violation::Stability { .. } => judgement.stability_step = step,
            Violation::SlotAgreement { .. } => judgement.agreement_step = step,
            Violation::SlotValidity { .. } => judgement.validity_step = step,
            Violation::SlotStability { .. } => judgement.stability_step = step,
            Violation::LogConsistency { .. } => judgement.consistency_step = step,
        }
    }
    judgement
}

/// Runs `scenario`, judging it with both the observers and the judge after every step.
/// `Err` names the first step where they differ, with both judgements.
pub fn compare(scenario: &Scenario) -> Result<Judgement, String> {
    let mut world = World::new(scenario);
    let mut observers = Observers::default();
    let mut judge = Judge::default();
    let mut observed_chosen = BTreeMap::new();
    let mut events = Vec::new();
    let mut findings = Vec::new();
    loop {
        events.clear();
        match world.advance(&scenario.commands, &mut events) {
            Ok(true) => {}
            Ok(false) => return Ok(judge.judgement),
            // A refusal (a limit) ends the run; both judged the same steps up to it.
            Err(_) => return Ok(judge.judgement),
        }
        findings.clear();
        observers.observe(&world, &events, &mut findings);
        for finding in &findings {
            match &finding.kind {
                EventKind::Chosen { chosen } => {
                    observed_chosen.entry(chosen.proposal.value.to_string()).or_insert(chosen.step);
                }
                EventKind::SlotChosen { chosen } => {
                    observed_chosen.entry(format!("{} {}", chosen.slot, chosen.entry.op)).or_insert(chosen.step);
                }
                _ => {}
            }
        }
        judge.look(&world, &events);
        let by_observers = observed(&observers, &observed_chosen);
        if by_observers != judge.judgement {
            return Err(format!(
                "observers and oracle differ after step {}:\n  observers: {by_observers:?}\n  oracle:    {:?}",
                world.step, judge.judgement
            ));
        }
        if world.step > 20_000 {
            return Ok(judge.judgement);
        }
    }
}

const VALUES: [&str; 4] = ["X", "Y", "Z", "W"];
/// Multi-Paxos clients' commands the random user sends.
const OPS: [&[&str]; 5] = [&["set", "x", "1"], &["set", "x", "2"], &["set", "y", "1"], &["get", "x"], &["get", "y"]];

/// A random client command (Multi-Paxos) or value (the others) for `node`.
fn random_proposal(protocol: Protocol, node: NodeId, rng: &mut Rng) -> Command {
    match protocol.is_multi() {
        true => Command::Request { node, op: Op::parse(OPS[rng.below(5) as usize]).expect("a valid command") },
        false => Command::Propose { node, value: Value::new(VALUES[rng.below(4) as usize]).expect("a valid value") },
    }
}

/// One random run for `seed`: half are automatic-network runs from the simulator's own
/// random scenarios, half are manual runs where a random "user" delivers, drops and
/// duplicates messages; both over every protocol, safe and unsafe quorums, and amnesia.
pub fn random_case(seed: u64) -> Scenario {
    let mut rng = Rng::new(seed ^ 0x6f72_6163_6c65);
    // `AVAILABLE` is `ALL` with the `multi` feature (so the same seeds make the same runs),
    // the single-decree protocols without it.
    let protocol = Protocol::AVAILABLE[rng.below(Protocol::AVAILABLE.len() as u64) as usize];
    let nodes = rng.between(1, 7) as u8;
    let quorums = match rng.below(3) {
        0 => None,
        // Anything from 1 to n, so safe and unsafe flexible quorums are both drawn.
        _ => Some((rng.between(1, u32::from(nodes)) as u8, rng.between(1, u32::from(nodes)) as u8)),
    };
    let amnesia = rng.chance(30);
    if rng.chance(50) {
        let shape = Shape { protocol, nodes_min: nodes, nodes_max: nodes, quorums, amnesia };
        return random_scenario(rng.next_u64(), shape);
    }
    let mut config = Config::new(protocol, nodes);
    if let Some((q1, q2)) = quorums {
        (config.quorum_phase1, config.quorum_phase2) = (q1, q2);
    }
    config.amnesia = amnesia;
    config.retry = rng.chance(50);
    config.nacks = rng.chance(70);
    config.timeout_ticks = rng.between(0, 3);
    manual_run(config, &mut rng)
}

/// A manual-network run built move by move: each move is chosen from what is possible in the
/// world at that moment (a message in flight to deliver, a server that is up to crash...).
fn manual_run(config: Config, rng: &mut Rng) -> Scenario {
    let network = Network { mode: NetworkMode::Manual, ..Network::default() };
    let mut scenario = Scenario { title: None, config, network, seed: rng.next_u64() % 1000, commands: Vec::new() };
    let mut world = World::new(&scenario);
    let mut events = Vec::new();
    let nodes = config.nodes;
    let moves = rng.between(4, 60);
    for _ in 0..moves {
        let node = NodeId(rng.between(1, u32::from(nodes)) as u8);
        let pick = |rng: &mut Rng| world.in_flight.get(rng.below(world.in_flight.len().max(1) as u64) as usize);
        let command = match rng.below(100) {
            0..=14 if world.node(node).up => random_proposal(config.protocol, node, rng),
            15..=54 => match pick(rng) {
                Some(e) => Command::Deliver(Target::Id(e.id)),
                None => continue,
            },
            55..=62 => match pick(rng) {
                Some(e) => Command::Drop(Target::Id(e.id)),
                None => continue,
            },
            63..=68 => match pick(rng) {
                Some(e) if world.in_flight.len() < 200 => Command::Duplicate(Target::Id(e.id)),
                _ => continue,
            },
            69..=74 if world.node(node).up => Command::Crash(node),
            69..=79 if !world.node(node).up => Command::Restart(node),
            80..=84 if world.timers.iter().any(|t| t.node == node) => Command::Timeout(node),
            85..=88 => {
                let side: NodeSet = (1..=nodes).map(NodeId).filter(|_| rng.chance(50)).collect();
                match normalize_partition(nodes, &[side]) {
                    Some(groups) if groups.len() > 1 => Command::Partition(groups),
                    _ => Command::Heal,
                }
            }
            89..=91 => Command::Heal,
            _ => continue,
        };
        scenario.commands.push(command);
        events.clear();
        if !matches!(world.advance(&scenario.commands, &mut events), Ok(true)) {
            // Refused or limited: the move is not part of the run.
            scenario.commands.pop();
            world = replay(&scenario);
        }
    }
    scenario
}

fn replay(scenario: &Scenario) -> World {
    let mut world = World::new(scenario);
    let mut events = Vec::new();
    while matches!(world.advance(&scenario.commands, &mut events), Ok(true)) {
        events.clear();
    }
    world
}

/// One differential case: `Err` carries the seed and the script that reproduces it.
pub fn run(seed: u64) -> Result<(), String> {
    let scenario = random_case(seed);
    crate::show("script", || scenario.to_script());
    let fail =
        |what: String| format!("oracle seed {seed}: {what}\n--- reproducing script ---\n{}", scenario.to_script());
    let judgement = compare(&scenario).map_err(fail)?;
    let broken =
        [judgement.agreement_step, judgement.validity_step, judgement.stability_step, judgement.consistency_step]
            .into_iter()
            .flatten()
            .min();
    match (correct(&scenario.config), broken) {
        (true, Some(step)) => {
            Err(fail(format!("{} broke safety at step {step}: {judgement:?}", scenario.config.protocol)))
        }
        _ => Ok(()),
    }
}

/// Whether `config` is one that must never break safety: Basic Paxos or Multi-Paxos, with
/// phase-1 and phase-2 quorums that intersect and acceptors that keep their state.
pub fn correct(config: &Config) -> bool {
    matches!(config.protocol, Protocol::BasicPaxos | Protocol::MultiPaxos)
        && paxos::quorum::quorums_intersect(config.nodes, config.quorum_phase1, config.quorum_phase2)
        && !config.amnesia
}
