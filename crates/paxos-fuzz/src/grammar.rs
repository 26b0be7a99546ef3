//! A structure-aware generator of scenario scripts: the script language's settings and
//! commands, with values at and past every limit, and noise (comments, Unicode, NUL, BOM,
//! CRLF) around them.

use crate::gen::Gen;

pub const PROTOCOLS: &[&str] = &[
    "one-phase-first",
    "one-phase-highest",
    "one-phase-adopt",
    "basic-paxos",
    "multi-paxos",
    "multi-paxos-skip-phase1",
    "multi-paxos-no-repropose",
];

/// Every setting keyword.
pub const SETTINGS: &[&str] = &[
    "title",
    "protocol",
    "nodes",
    "quorum",
    "network",
    "delay",
    "drop",
    "duplicate",
    "seed",
    "nacks",
    "retry",
    "backoff",
    "timeout",
    "leader",
    "amnesia",
    "attempts",
];

/// A value for `setting`, at or near its limits (valid or not).
pub fn setting_value(g: &mut Gen, setting: &str) -> String {
    match setting {
        "title" => title(g),
        "protocol" => match g.below(6) {
            0 => g.junk(3),
            1 => g.pick(PROTOCOLS).to_uppercase(),
            _ => g.pick(PROTOCOLS).to_string(),
        },
        "nodes" => g.number_text(&[0, 1, 3, 5, 9, 10, 12, 255]),
        "quorum" => {
            format!("{} {}", g.number_text(&[0, 1, 2, 3, 5, 9, 10, 12]), g.number_text(&[0, 1, 2, 3, 5, 9, 10]))
        }
        "network" => g.pick(&["manual", "auto", "manual", "auto", "Manual", "", "both"]).to_string(),
        "delay" => match g.below(4) {
            0 => g.number_text(&[0, 1, 1000, 1001]),
            _ => format!("{}..{}", g.number_text(&[0, 1, 3, 1000, 1001]), g.number_text(&[0, 1, 3, 999, 1000, 1001])),
        },
        "drop" | "duplicate" => match g.below(8) {
            0 => g.number_text(&[0, 50, 100]),
            _ => format!("{}%", g.number_text(&[0, 1, 50, 99, 100, 101, 255, 256])),
        },
        "seed" => g.number_text(&[0, 1, 42, u64::MAX]),
        "nacks" | "retry" | "amnesia" => g.pick(&["on", "off", "on", "off", "yes", "ON", ""]).to_string(),
        "backoff" => g.number_text(&[0, 1, 6, 1000, 1001]),
        "timeout" => g.number_text(&[0, 1, 10, 1000, 100_000, 100_001]),
        "leader" => match g.below(4) {
            0 => "none".into(),
            1 => g.junk(2),
            _ => format!("S{}", g.number_text(&[0, 1, 3, 5, 9, 10, 12])),
        },
        "attempts" => g.number_text(&[0, 1, 2, 64, 65]),
        _ => g.junk(2),
    }
}

/// A title: usually printable text of up to 130 characters, sometimes with a control char.
pub fn title(g: &mut Gen) -> String {
    let len = match g.below(4) {
        0 => g.range(115, 130) as usize,
        _ => g.below(40),
    };
    let mut out = String::new();
    for _ in 0..len {
        out.push_str(g.pick::<&str>(&["a", "Z", "7", " ", "é", "中", "🙂", "-", "§", ":", "_"]));
    }
    if g.chance(10) {
        let at = g.below(out.chars().count() + 1);
        let control = *g.pick(&['\u{7}', '\u{1b}', '\u{85}', '\0', '\t']);
        out = out.chars().take(at).chain(std::iter::once(control)).chain(out.chars().skip(at)).collect();
    }
    out
}

pub fn server(g: &mut Gen, nodes: u64) -> String {
    match g.below(12) {
        0 => format!("S{}", g.number_text(&[0, 9, 10, 12, 255, 256])),
        1 => g.pick(&["s1", "S", "S01", "S+1", "1", "S١"]).to_string(),
        _ => format!("S{}", g.range(1, nodes.clamp(1, 9))),
    }
}

pub fn value(g: &mut Gen) -> String {
    match g.below(10) {
        0 => g.junk(2),
        1 => "V".repeat(g.range(15, 40) as usize),
        _ => g.pick(&["X", "Y", "Z", "A", "B", "value_1", "x9"]).to_string(),
    }
}

/// A Multi-Paxos client command (`set x 1`, `get x`), malformed now and then.
pub fn op(g: &mut Gen) -> String {
    match g.below(10) {
        0 => g.junk(2),
        1 => g.pick(&["no-op", "set", "set x", "set x 1 2", "get", "get x y", "del x", "SET x 1"]).to_string(),
        2 => format!("set {} {}", value(g), value(g)),
        3 | 4 => format!("get {}", g.pick(&["x", "y", "key_1"])),
        _ => format!("set {} {}", g.pick(&["x", "y", "z"]), g.pick(&["1", "2", "A", "v_9"])),
    }
}

/// A message text as the log writes them (`Prepare 11`, `Accept 11 X`, `Accept 21 #4 set x
/// 1`, ...), or junk.
pub fn message_text(g: &mut Gen) -> String {
    let ballot = g.pick(&["1", "11", "12", "21", "99", "0"]);
    let slot = g.pick(&["1", "2", "3", "16", "17", "0"]);
    if g.chance(40) {
        return match g.below(8) {
            0 => format!("Prepare {ballot} [slots {slot}..]"),
            1 => format!("Promise {ballot} [slots {slot}..] (-)"),
            2 => format!("Promise {ballot} [slots {slot}..] #{slot} ({ballot},{})", op(g)),
            3 => format!("Accept {ballot} #{slot} {}", op(g)),
            4 => format!("Accepted {ballot} #{slot}"),
            5 => format!("Decide #{slot} {}", op(g)),
            // Past the longest text a message can have.
            6 => format!(
                "Promise {ballot} [slots 1..]{}",
                " #1 (11,set abcdefgh abcdefgh)".repeat(g.range(20, 24) as usize)
            ),
            _ => format!("Nack {ballot} ({ballot})"),
        };
    }
    let v = value(g);
    match g.below(9) {
        0 => format!("Prepare {ballot}"),
        1 => format!("Promise {ballot}"),
        2 => format!("Promise {ballot} accepted 11 {v}"),
        3 => format!("Accept {ballot} {v}"),
        4 => format!("Accepted {ballot} {v}"),
        5 => format!("Accept {v}"),
        6 => format!("Nack {ballot}"),
        7 => "Accepted".repeat(g.range(1, 8) as usize),
        _ => g.junk(4),
    }
}

fn target(g: &mut Gen, nodes: u64) -> String {
    match g.below(5) {
        0 => format!("#{}", g.number_text(&[0, 1, 5, 40, 4096, 4_294_967_295, 4_294_967_296])),
        1 | 2 => format!("{}->{}", server(g, nodes), server(g, nodes)),
        _ => format!("{}->{} {}", server(g, nodes), server(g, nodes), message_text(g)),
    }
}

/// One command line for a cluster of about `nodes` servers; `multi`: mostly Multi-Paxos'
/// `request` instead of `propose`.
pub fn command(g: &mut Gen, nodes: u64, multi: bool) -> String {
    if (multi && g.chance(25)) || g.chance(2) {
        return format!("request {} {}", server(g, nodes), op(g));
    }
    match g.below(24) {
        0..=4 => format!("propose {} {}", server(g, nodes), value(g)),
        5..=8 => format!("deliver {}", target(g, nodes)),
        9 => format!("drop {}", target(g, nodes)),
        10 => format!("duplicate {}", target(g, nodes)),
        11 => format!("crash {}", server(g, nodes)),
        12 => format!("restart {}", server(g, nodes)),
        13 => format!("timeout {}", server(g, nodes)),
        14 => {
            let mut line = "partition".to_string();
            for _ in 0..g.below(10) {
                line.push(' ');
                line.push_str(&if g.chance(25) { "|".to_string() } else { server(g, nodes) });
            }
            line
        }
        15 => "heal".into(),
        16 | 17 => "run".into(),
        18..=21 => match g.below(4) {
            0 => "step".into(),
            _ => format!("step {}", g.number_text(&[0, 1, 3, 10, 100, 100_000, 100_001, 4_294_967_296])),
        },
        22 => g.junk(4),
        _ => format!("{} {}", g.pick(&["propose", "deliver", "crash", "step", "run", "heal"]), g.junk(2)),
    }
}

/// A script that fills the network: nine servers in a manual network, every one proposing,
/// then their timers fired again and again (each retry sends a new round of messages), so a
/// run can pass the simulator's bounds on messages in flight and timers.
pub fn flood(g: &mut Gen) -> String {
    let mut text = String::from("nodes 9\nnetwork manual\nretry on\nattempts 64\ntimeout 10\n");
    let multi = g.chance(30);
    if multi {
        text.insert_str(0, "protocol multi-paxos\n");
    }
    for n in 1..=9 {
        text.push_str(&match multi {
            true => format!("request S{n} set k{n} {n}\n"),
            false => format!("propose S{n} V{n}\n"),
        });
    }
    // Round robin, so no server runs out of attempts (64) before the network fills.
    for i in 0..g.range(400, 600) {
        match g.below(20) {
            0 => {
                let from = g.range(1, 9);
                text.push_str(&format!("duplicate S{from}->S{}\n", from % 9 + 1));
            }
            _ => text.push_str(&format!("timeout S{}\n", i % 9 + 1)),
        }
    }
    text
}

/// A whole script: some settings, some commands, noise, a line ending style.
pub fn script(g: &mut Gen) -> String {
    script_for(g, true)
}

/// A script the page's module reads exactly as a native build does (the determinism
/// corpus): no Multi-Paxos (which that module does not run: `request`, its protocols) and
/// only valid protocol names (the list an unknown one is refused with names Multi-Paxos'
/// protocols only where they run).
pub fn page_script(g: &mut Gen) -> String {
    script_for(g, false)
}

fn script_for(g: &mut Gen, multi_ok: bool) -> String {
    let mut lines: Vec<String> = Vec::new();
    let (mut nodes, mut multi) = (5, false);
    for _ in 0..g.below(8) {
        let setting = *g.pick(SETTINGS);
        let value = match (setting, multi_ok) {
            ("protocol", false) => g.pick(&PROTOCOLS[..4]).to_string(),
            _ => setting_value(g, setting),
        };
        match setting {
            "nodes" => nodes = value.parse().unwrap_or(5),
            "protocol" => multi = value.starts_with("multi-paxos"),
            _ => {}
        }
        lines.push(format!("{setting} {value}"));
    }
    let commands = match g.below(20) {
        0 => g.range(100, 400) as usize, // many proposals and deliveries
        1 => 0,
        _ => g.below(30),
    };
    for _ in 0..commands {
        let mut line = command(g, nodes, multi);
        if !multi_ok && line.starts_with("request") {
            line.replace_range(..7, "propose");
        }
        lines.push(line);
    }
    for line in lines.iter_mut() {
        if g.chance(5) {
            line.push_str(&format!(" # {}", g.junk(3)));
        }
        if g.chance(3) {
            *line = format!("{}{line}{}", g.pick(&[" ", "\t", "\u{3000}", ""]), g.pick(&[" ", "\t", "\r", ""]));
        }
    }
    if g.chance(5) {
        let at = g.below(lines.len() + 1);
        lines.insert(at, g.junk(6));
    }
    let ending = *g.pick(&["\n", "\n", "\n", "\r\n", "\r"]);
    let mut text = lines.join(ending);
    if g.chance(70) {
        text.push_str(ending);
    }
    if g.chance(3) {
        text.insert(0, '\u{feff}');
    }
    if g.chance(2) {
        let at = g.below(text.len() + 1);
        if text.is_char_boundary(at) {
            text.insert(at, '\0');
        }
    }
    text
}
