//! Target `script`: scripts made by the grammar (`grammar.rs`) or by byte-level mutation of
//! the presets, fed to the parser and the simulator. Must never panic or hang. Checked:
//! errors carry a line, a column and a message; a parsed script prints back to a script
//! that parses to the same scenario; a run's readable script (`Simulation::script`) replays
//! to the same event log; `parse_command` on each line (as the UI sends them).

use crate::gen::{self, Gen};
use paxos::presets::PRESETS;
use paxos::scenario::{parse, parse_command, parse_with_lines, ScriptError};
use paxos::Simulation;

/// The input for `seed`: a grammar-made script (rarely one that floods the network),
/// or a mutated preset.
pub fn input(seed: u64) -> String {
    let mut g = Gen::new(seed);
    match g.below(2) {
        // One in 256: a flood run costs a few ms, 200 times a typical one.
        0 if g.below(256) == 0 => crate::grammar::flood(&mut g),
        0 => crate::grammar::script(&mut g),
        _ => {
            let mut bytes = g.pick(PRESETS).script.as_bytes().to_vec();
            gen::mutate(&mut g, &mut bytes, 8);
            gen::text(&bytes)
        }
    }
}

fn check_error(what: &str, e: &ScriptError, text: &str) -> Result<(), String> {
    let lines = text.lines().count().max(1);
    if e.message.trim().is_empty() || e.line == 0 || e.column == 0 || e.line > lines {
        return Err(format!("{what}: an unhelpful error (line {}, column {}, of {lines} lines): `{}`", e.line, e.column, e.message));
    }
    // A page words the error in its language from its kind and facts: every error has both
    // (a refusal has its own facts instead).
    if e.refusal.is_none() && e.kind.is_empty() {
        return Err(format!("{what}: an error with no kind for the page to word: `{}`", e.message));
    }
    Ok(())
}

pub fn run(seed: u64) -> Result<(), String> {
    let text = input(seed);
    crate::show("script", || text.clone());
    check(&text, seed)
}

/// The checks, on any script text.
pub fn check(text: &str, seed: u64) -> Result<(), String> {
    let mut g = Gen::new(seed.rotate_left(17));
    if g.chance(20) {
        for line in text.lines().take(20) {
            let nodes = g.range(1, 9) as u8;
            let protocol = paxos::protocol::Protocol::ALL[g.range(0, 6) as usize];
            if let Err(e) = parse_command(line, &paxos::protocol::Config::new(protocol, nodes)) {
                if e.message.trim().is_empty() {
                    return Err(format!("parse_command: an empty error for `{line}`"));
                }
            }
        }
    }
    let (scenario, lines) = match parse_with_lines(text) {
        Ok(parsed) => parsed,
        Err(e) => return check_error("parse", &e, text),
    };
    if lines.len() != scenario.commands.len() {
        return Err(format!("parse_with_lines: {} lines for {} commands", lines.len(), scenario.commands.len()));
    }
    let printed = scenario.to_script();
    match parse(&printed) {
        Ok(again) if again == scenario => {}
        Ok(_) => return Err(format!("round trip: the printed script parses to another scenario:\n{printed}")),
        Err(e) => return Err(format!("round trip: the printed script does not parse ({e}):\n{printed}")),
    }
    let sim = match Simulation::from_script(text) {
        Ok(sim) => sim,
        Err(e) => return check_error("run", &e, text),
    };
    let log = sim.log();
    if g.chance(25) {
        let readable = sim.script();
        match Simulation::from_script(&readable) {
            Ok(replay) if replay.log() == log => {}
            Ok(_) => return Err(format!("replay: the readable script gives another log:\n{readable}")),
            Err(e) => return Err(format!("replay: the readable script is refused ({e}):\n{readable}")),
        }
    }
    Ok(())
}
