//! Target `settings`: every script setting at and past its limits, alone and in
//! combination, then `propose` and `run`. An independent model of the limits (below) says
//! which line must be refused; the parser must agree, its refusal must point at that line
//! and name the setting (its keyword or what it sets), and an accepted script must run
//! (a run-time refusal must have a message). Never a panic or hang.

use crate::gen::Gen;
use crate::grammar::{self, PROTOCOLS, SETTINGS};
use paxos::Simulation;

/// The model's view of the settings read so far.
#[derive(Default)]
struct Model {
    nodes: u64,
    quorum: Option<(u64, u64, usize)>,
    /// The leader's server number and the line that set it.
    leader: Option<(u64, usize)>,
}

fn unsigned(text: &str) -> Option<u64> {
    text.parse::<u64>().ok()
}

fn within(text: &str, lo: u64, hi: u64) -> bool {
    unsigned(text).is_some_and(|n| (lo..=hi).contains(&n))
}

fn server(text: &str) -> Option<u64> {
    text.strip_prefix('S').and_then(|d| d.parse::<u8>().ok()).map(u64::from).filter(|n| (1..=9).contains(n))
}

/// Whether the line `setting value` is accepted on its own, updating the model.
fn accepts(model: &mut Model, setting: &str, value: &str, line: usize) -> bool {
    let words: Vec<&str> = value.split_whitespace().collect();
    if setting == "title" {
        let title = value.trim();
        return title.chars().count() <= paxos::scenario::TITLE_LEN_MAX && !title.chars().any(char::is_control);
    }
    let arity = if setting == "quorum" { 2 } else { 1 };
    if words.len() != arity {
        return false;
    }
    let w = words[0];
    match setting {
        "protocol" => PROTOCOLS.contains(&w),
        "nodes" => {
            let ok = within(w, 1, 9);
            if ok {
                model.nodes = unsigned(w).unwrap_or(5);
            }
            ok
        }
        "quorum" => {
            let ok = within(w, 1, 9) && within(words[1], 1, 9);
            if ok {
                model.quorum = Some((unsigned(w).unwrap_or(0), unsigned(words[1]).unwrap_or(0), line));
            }
            ok
        }
        "network" => w == "manual" || w == "auto",
        "delay" => {
            let (lo, hi) = w.split_once("..").unwrap_or((w, w));
            within(lo, 1, 1000) && within(hi, 1, 1000) && unsigned(lo) <= unsigned(hi)
        }
        "drop" | "duplicate" => w.strip_suffix('%').is_some_and(|d| d.parse::<u8>().is_ok_and(|p| p <= 100)),
        "seed" => unsigned(w).is_some(),
        "nacks" | "retry" | "amnesia" => w == "on" || w == "off",
        "backoff" => within(w, 0, 1000),
        "timeout" => within(w, 0, 100_000),
        "attempts" => within(w, 1, 64),
        "leader" => {
            let ok = w == "none" || server(w).is_some();
            if ok {
                model.leader = server(w).map(|s| (s, line));
            }
            ok
        }
        _ => false,
    }
}

/// Words a refusal of `setting` may use to name it, besides its keyword.
fn names(setting: &str) -> &'static [&'static str] {
    match setting {
        "nodes" => &["servers"],
        "quorum" => &["quorum"],
        "delay" => &["ticks", "delay"],
        "drop" | "duplicate" => &["percentage"],
        "backoff" => &["backoff"],
        "timeout" => &["timeout"],
        "attempts" => &["attempts"],
        "leader" => &["server", "leader"],
        "seed" => &["seed"],
        "nacks" | "retry" | "amnesia" => &["`on` or `off`"],
        "network" => &["`manual` or `auto`"],
        "protocol" => &["protocol"],
        "title" => &["title"],
        _ => &[],
    }
}

fn value(g: &mut Gen, setting: &str) -> String {
    match setting {
        "title" => grammar::title(g),
        "protocol" => g.pick(&["one-phase-first", "one-phase-highest", "one-phase-adopt", "basic-paxos", "paxos", "Basic-Paxos", "raft"]).to_string(),
        "network" => g.pick(&["manual", "auto", "Manual", "automatic", "manual auto"]).to_string(),
        "nacks" | "retry" | "amnesia" => g.pick(&["on", "off", "On", "yes", "0", "on off"]).to_string(),
        "leader" => match g.below(5) {
            0 => "none".into(),
            1 => g.pick(&["None", "S", "S0", "S10", "S255", "S256", "S+1", "s1", "S1 S2"]).to_string(),
            _ => format!("S{}", g.range(1, 9)),
        },
        other => {
            let v = grammar::setting_value(g, other);
            // Settings here are one line each: no line breaks or comments from junk values.
            v.replace(['\n', '\r', '#'], "")
        }
    }
}

/// The script for `seed`: the settings, the line that must be refused (if any), and whether
/// a cross-check (quorum or leader above the node count) must refuse it.
pub fn input(seed: u64) -> (String, Vec<(String, bool)>) {
    let mut g = Gen::new(seed);
    let count = if g.chance(40) { 1 } else { g.range(2, 16) as usize };
    let mut lines = Vec::new();
    let mut model = Model { nodes: 5, ..Model::default() };
    for i in 0..count {
        // Alone: each setting in turn by seed; combined: any.
        let setting = if count == 1 { SETTINGS[(seed % SETTINGS.len() as u64) as usize] } else { *g.pick(SETTINGS) };
        let value = value(&mut g, setting);
        let ok = accepts(&mut model, setting, &value, i + 1);
        lines.push((format!("{setting} {value}"), ok));
    }
    let mut text: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
    text.push_str(g.pick::<&str>(&["propose S1 X\nrun\n", "run\n", "propose S1 X\nstep 100000\n", ""]));
    (text, lines)
}

pub fn run(seed: u64) -> Result<(), String> {
    let (text, lines) = input(seed);
    crate::show("script", || text.clone());
    let mut model = Model { nodes: 5, ..Model::default() };
    let mut refused: Option<(usize, &str)> = None;
    for (i, (line, _)) in lines.iter().enumerate() {
        let (setting, value) = line.split_once(' ').unwrap_or((line, ""));
        if !accepts(&mut model, setting, value, i + 1) {
            refused = Some((i + 1, setting));
            break;
        }
    }
    let cross = match (refused, model.quorum) {
        (None, Some((q1, q2, line))) if q1 > model.nodes || q2 > model.nodes => Some((line, "quorum")),
        (None, _) => match model.leader {
            Some((leader, line)) if leader > model.nodes => Some((line, "leader")),
            _ => None,
        },
        _ => None,
    };
    let result = Simulation::from_script(&text);
    match (refused.or(cross), result) {
        (None, Ok(_)) => Ok(()),
        (None, Err(e)) if e.line > lines.len() => match e.message.trim().is_empty() {
            true => Err("a run-time refusal has no message".into()),
            false => Ok(()),
        },
        (None, Err(e)) => Err(format!("the settings are within their limits but line {} is refused: \"{}\"", e.line, e.message)),
        (Some((line, setting)), Ok(_)) => Err(format!("line {line} (`{setting}`) is past its limits but accepted")),
        (Some((line, setting)), Err(e)) => {
            let message = e.message.to_lowercase();
            // A control character is refused where it stands, whatever the setting: the
            // position names it.
            let named = message.contains(setting)
                || names(setting).iter().any(|n| message.contains(n))
                || message.contains("control character");
            if e.line != line {
                Err(format!("`{setting}` on line {line} is refused at line {}: \"{}\"", e.line, e.message))
            } else if e.message.trim().is_empty() || !named {
                Err(format!("the refusal of `{setting}` does not name it: \"{}\"", e.message))
            } else {
                Ok(())
            }
        }
    }
}
