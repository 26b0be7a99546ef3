//! Compare mode: one schedule, two protocols, side by side.
//!
//! The left run is a scenario as written. The right run replays the same schedule under
//! another protocol: the same settings, seed and interventions, with every message a command
//! names mapped onto the right run's messages. A command that names a message by its text
//! keeps it when the right run has that very message in flight on that link; otherwise it
//! takes the oldest message on the same link (one-phase `Accept 11 X` becomes two-phase
//! `Prepare 11`: the same delivery order, link by link). A command with nothing to act on
//! in the right run is skipped, and the mapping says so. Between a single-decree protocol
//! and Multi-Paxos, `propose Sn X` and `request Sn set x X` stand for each other.

use crate::protocol::multi::Op;
use crate::protocol::Protocol;
use crate::scenario::{Command, Scenario, Target};
use crate::simulation::Simulation;
use serde::Serialize;

/// What one left command became on the right.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Mapped {
    /// Carried out as written.
    Same,
    /// Carried out on another message of the same link: `command` is what ran.
    Mapped { command: String },
    /// Not carried out: `reason` says why (in English; `refusal` has the facts).
    Skipped { reason: String, refusal: crate::sim::Refusal },
}

/// Where the two runs first differ: the first command after which their events differ
/// (message ids aside, since the protocols send different numbers of messages).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Divergence {
    pub command: usize,
    pub left_step: u32,
    pub right_step: u32,
    pub left: Vec<String>,
    pub right: Vec<String>,
}

pub struct Comparison {
    pub left: Simulation,
    pub right: Simulation,
    /// One entry per left command.
    pub mapping: Vec<Mapped>,
    /// `right_steps[c]`: the right run's step count after its counterpart of left command `c`.
    pub right_steps: Vec<u32>,
    /// `left_steps[c]`: the left run's step count after command `c`.
    pub left_steps: Vec<u32>,
    pub divergence: Option<Divergence>,
}

/// Event texts without message ids (`send #12 S1->S2 ...` -> `send S1->S2 ...`).
fn texts(sim: &Simulation, from: u32, to: u32) -> Vec<String> {
    sim.events_between(from, to)
        .iter()
        .map(|e| {
            let text = e.kind.to_string();
            text.split(' ')
                .filter(|w| !(w.starts_with('#') && w[1..].chars().all(|c| c.is_ascii_digit())))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

impl Comparison {
    /// Replays `left`'s schedule under `protocol`.
    pub fn new(left: Simulation, protocol: Protocol) -> Comparison {
        let mut config = left.scenario().config;
        config.protocol = protocol;
        let empty = Scenario { config, commands: Vec::new(), ..left.scenario().clone() };
        let mut right = Simulation::new(empty).expect("a scenario without commands always runs");
        let commands = left.readable_commands();
        let left_steps = step_counts(&left, commands.len());
        let mut mapping = Vec::with_capacity(commands.len());
        let mut right_steps = Vec::with_capacity(commands.len());
        for command in commands {
            let translated = translate(&right, &command);
            let mapped = match right.intervene(translated.clone()) {
                Ok(_) if translated == command => Mapped::Same,
                Ok(_) => Mapped::Mapped { command: translated.to_string() },
                Err(error) => Mapped::Skipped { reason: error.message, refusal: error.kind },
            };
            mapping.push(mapped);
            right_steps.push(right.steps());
        }
        let divergence = first_divergence(&left, &right, &left_steps, &right_steps);
        Comparison { left, right, mapping, right_steps, left_steps, divergence }
    }

    /// The right run's step to show beside the left run's `left_step`: the end of the
    /// counterpart of the command that made it.
    pub fn right_step_for(&self, left_step: u32) -> u32 {
        match left_step {
            0 => 0,
            s => {
                let command = self.left.step_commands()[s as usize - 1] as usize;
                self.right_steps[command]
            }
        }
    }
}

/// The left run's step count after each of its first `commands` commands.
fn step_counts(sim: &Simulation, commands: usize) -> Vec<u32> {
    let mut counts = vec![0u32; commands];
    for (index, command) in sim.step_commands().iter().enumerate() {
        counts[*command as usize] = index as u32 + 1;
    }
    // A command that took no step ends where the one before it ended.
    for c in 1..commands {
        counts[c] = counts[c].max(counts[c - 1]);
    }
    counts
}

/// `command` as it applies to the right run now (see the module docs).
fn translate(right: &Simulation, command: &Command) -> Command {
    let retarget = |target: &Target| match target {
        Target::Link { from, to, text: Some(_) } if right.view().world.find(target).is_err() => {
            Target::Link { from: *from, to: *to, text: None }
        }
        other => other.clone(),
    };
    let multi = right.scenario().config.protocol.is_multi();
    match command {
        Command::Deliver(t) => Command::Deliver(retarget(t)),
        Command::Drop(t) => Command::Drop(retarget(t)),
        Command::Duplicate(t) => Command::Duplicate(retarget(t)),
        // One value, or a log of commands: a proposal of X is the command `set x X`, and a
        // `set` command proposes its value. (A read has no value to propose: it is skipped.)
        Command::Propose { node, value } if multi => {
            let key = crate::types::Value::new(COMPARE_KEY).expect("a valid key");
            Command::Request { node: *node, op: Op::Set { key, value: *value } }
        }
        Command::Request { node, op: Op::Set { value, .. } } if !multi => {
            Command::Propose { node: *node, value: *value }
        }
        other => other.clone(),
    }
}

/// The register key a single-decree proposal becomes in Multi-Paxos.
const COMPARE_KEY: &str = "x";

fn first_divergence(
    left: &Simulation,
    right: &Simulation,
    left_steps: &[u32],
    right_steps: &[u32],
) -> Option<Divergence> {
    let (mut left_from, mut right_from) = (1, 1);
    for command in 0..left_steps.len() {
        let (l, r) = (left_steps[command], right_steps[command]);
        let (left_texts, right_texts) = (texts(left, left_from, l), texts(right, right_from, r));
        if left_texts != right_texts {
            return Some(Divergence { command, left_step: l, right_step: r, left: left_texts, right: right_texts });
        }
        (left_from, right_from) = (l + 1, r + 1);
    }
    None
}
