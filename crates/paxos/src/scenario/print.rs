//! [`Scenario`] to its canonical script. Every setting is written out, even at its default,
//! so that an exported script means the same thing if a default ever changes.

use super::*;
use std::fmt::Write;

fn on_off(flag: bool) -> &'static str {
    if flag {
        "on"
    } else {
        "off"
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Id(id) => write!(f, "#{id}"),
            Target::Link { from, to, text: None } => write!(f, "{from}->{to}"),
            Target::Link { from, to, text: Some(text) } => write!(f, "{from}->{to} {text}"),
        }
    }
}

/// A partition's groups as scripts write them: `S1 S2 | S3 S4 S5`.
pub fn groups_text(groups: &[NodeSet]) -> impl std::fmt::Display + '_ {
    struct Groups<'a>(&'a [NodeSet]);
    impl std::fmt::Display for Groups<'_> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            for (i, group) in self.0.iter().enumerate() {
                if i > 0 {
                    f.write_str(" | ")?;
                }
                crate::types::write_separated(f, group.iter(), " ")?;
            }
            Ok(())
        }
    }
    Groups(groups)
}

impl std::fmt::Display for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Command::Propose { node, value } => write!(f, "propose {node} {value}"),
            // Never made in a build without Multi-Paxos; the guard keeps its text out there.
            Command::Request { .. } if !crate::protocol::multi::ENABLED => Ok(()),
            Command::Request { node, op } => write!(f, "request {node} {op}"),
            Command::Deliver(target) => write!(f, "deliver {target}"),
            Command::Drop(target) => write!(f, "drop {target}"),
            Command::Duplicate(target) => write!(f, "duplicate {target}"),
            Command::Crash(node) => write!(f, "crash {node}"),
            Command::Restart(node) => write!(f, "restart {node}"),
            Command::Timeout(node) => write!(f, "timeout {node}"),
            Command::Partition(groups) => write!(f, "partition {}", groups_text(groups)),
            Command::Heal => write!(f, "heal"),
            Command::Step(1) => write!(f, "step"),
            Command::Step(n) => write!(f, "step {n}"),
            Command::Run => write!(f, "run"),
        }
    }
}

pub fn script(s: &Scenario) -> String {
    let c = &s.config;
    let n = &s.network;
    let mut out = String::new();
    if let Some(title) = &s.title {
        let _ = writeln!(out, "title {title}");
    }
    let mode = match n.mode {
        NetworkMode::Manual => "manual",
        NetworkMode::Auto => "auto",
    };
    let leader = c.leader.map_or("none".to_string(), |l| l.to_string());
    let _ = writeln!(out, "protocol {}", c.protocol);
    let _ = writeln!(out, "nodes {}", c.nodes);
    let _ = writeln!(out, "quorum {} {}", c.quorum_phase1, c.quorum_phase2);
    let _ = writeln!(out, "network {mode}");
    let _ = writeln!(out, "delay {}..{}", n.delay_ticks_min, n.delay_ticks_max);
    let _ = writeln!(out, "drop {}%", n.drop_percent);
    let _ = writeln!(out, "duplicate {}%", n.duplicate_percent);
    let _ = writeln!(out, "seed {}", s.seed);
    let _ = writeln!(out, "nacks {}", on_off(c.nacks));
    let _ = writeln!(out, "retry {}", on_off(c.retry));
    let _ = writeln!(out, "backoff {}", c.backoff_ticks_max);
    let _ = writeln!(out, "timeout {}", c.timeout_ticks);
    let _ = writeln!(out, "leader {leader}");
    let _ = writeln!(out, "amnesia {}", on_off(c.amnesia));
    let _ = writeln!(out, "attempts {}", c.attempts_max);
    for command in &s.commands {
        let _ = writeln!(out, "{command}");
    }
    out
}
