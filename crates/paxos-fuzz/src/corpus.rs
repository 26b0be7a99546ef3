//! The determinism corpus: random scenarios (every protocol, unsafe quorums, amnesia, manual
//! networks driven message by message, refused scripts) as scripts, each with the FNV-1a hash
//! and length of the native build's run log as the page's module writes it
//! (`paxos_wasm::run_log`: every event record and the outcome, as JSON), or the native
//! refusal message. The JS tests (tests/unit/determinism.test.mjs,
//! tests/e2e/determinism.test.mjs) run every script in the shipped wasm module, in Node and in
//! Chromium, and compare. Written by `cargo test -p paxos-fuzz` (tests/corpus.rs) to
//! `target/determinism-corpus.json`, or by `paxos-fuzz determinism-corpus N FILE`.

use crate::gen::Gen;
use paxos::protocol::Protocol;
use paxos::scenario::{random_scenario, Shape};
use paxos::Simulation;

/// 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits (the JS tests compute the same).
pub fn fnv1a(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The script of corpus entry `i` (a function of `i` alone).
pub fn script(i: u64) -> String {
    let mut g = Gen::new(i ^ 0xD37E_2A15);
    match i % 10 {
        // Odd settings and commands, from the fuzzers' grammar (many are refused).
        0 => crate::grammar::page_script(&mut g),
        1 => manual(&mut g, i),
        _ => {
            let protocol = Protocol::ALL[(i % 4) as usize];
            let nodes_min = g.range(1, 7) as u8;
            let shape = Shape {
                protocol,
                nodes_min,
                nodes_max: g.range(u64::from(nodes_min), 9) as u8,
                // Unsafe (non-intersecting) quorums now and then.
                quorums: g.chance(30).then(|| (g.range(1, 4) as u8, g.range(1, 4) as u8)),
                amnesia: g.chance(25),
            };
            let mut scenario = random_scenario(g.u64(), shape);
            if g.chance(20) {
                scenario.config.leader = Some(paxos::types::NodeId(1));
            }
            scenario.to_script()
        }
    }
}

/// A manual-network run: proposals, then the user as the network, delivering (sometimes
/// dropping or duplicating) a random message in flight each time, written as the readable
/// script the page would export.
fn manual(g: &mut Gen, i: u64) -> String {
    use paxos::scenario::{Command, Target};
    let protocol = Protocol::ALL[(i / 10 % 4) as usize];
    let nodes = g.range(2, 7);
    let mut text = format!("protocol {}\nnodes {nodes}\nnetwork manual\n", protocol.name());
    if g.chance(30) {
        text.push_str(&format!("quorum {} {}\n", g.range(1, nodes), g.range(1, nodes)));
    }
    if g.chance(25) {
        text.push_str("amnesia on\n");
    }
    for n in 1..=g.range(1, 3.min(nodes)) {
        text.push_str(&format!("propose S{n} {}\n", ["X", "Y", "Z"][n as usize - 1]));
    }
    let Ok(mut sim) = Simulation::from_script(&text) else { return text };
    for _ in 0..g.range(3, 40) {
        let in_flight = sim.snapshot().in_flight;
        if in_flight.is_empty() {
            break;
        }
        let id = in_flight[g.below(in_flight.len())].id;
        let command = match g.below(12) {
            0 => Command::Drop(Target::Id(id)),
            1 => Command::Duplicate(Target::Id(id)),
            _ => Command::Deliver(Target::Id(id)),
        };
        if sim.intervene(command).is_err() {
            break;
        }
    }
    sim.script()
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `n` entries as JSON: `[{"script", "hash", "bytes"} | {"script", "error"}, ...]`.
pub fn corpus(n: u64) -> String {
    let mut out = String::from("[\n");
    for i in 0..n {
        let script = script(i);
        let entry = match Simulation::from_script(&script) {
            Ok(sim) => {
                let log = paxos_wasm::run_log(&sim);
                format!("{{\"script\":{},\"hash\":\"{}\",\"bytes\":{}}}", json_string(&script), fnv1a(&log), log.len())
            }
            Err(e) => format!("{{\"script\":{},\"error\":{}}}", json_string(&script), json_string(&e.to_string())),
        };
        out.push_str(&entry);
        out.push_str(if i + 1 < n { ",\n" } else { "\n" });
    }
    out.push_str("]\n");
    out
}
