//! The determinism corpus: random scenarios (every protocol, unsafe quorums, amnesia, manual
//! networks, refused scripts) as scripts, each with the native event log's FNV-1a hash and
//! length, or the native refusal message. The JS tests (tests/unit/determinism.test.mjs,
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
        // Manual networks and odd settings, from the fuzzers' grammar (some are refused).
        0 | 1 => crate::grammar::script(&mut g),
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
                let log = sim.log();
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
