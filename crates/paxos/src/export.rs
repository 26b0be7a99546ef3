//! Exports of a run for use elsewhere: a Mermaid sequence diagram (for docs and blog posts)
//! and a ready-to-paste Rust test for this crate that pins the run's outcome.

use crate::observe::Outcome;
use crate::sim::EventKind;
use crate::simulation::Simulation;
use std::fmt::Write;

/// Mermaid forbids `;` and treats `#` as the start of an entity code in message text.
fn mermaid_text(text: &str) -> String {
    text.replace(';', ",").replace('#', "no. ")
}

/// A Mermaid `sequenceDiagram`: one participant per server, one arrow per delivered (solid)
/// or lost (crossed) message at the moment it arrives, and notes for crashes, partitions and
/// the observers' findings. Messages a server sends itself are left out, as on the page.
pub fn mermaid(sim: &Simulation) -> String {
    let scenario = sim.scenario();
    let mut out = String::from("sequenceDiagram\n");
    if let Some(title) = &scenario.title {
        let _ = writeln!(out, "    title {}", mermaid_text(title));
    }
    for node in scenario.config.node_ids() {
        let _ = writeln!(out, "    participant {node}");
    }
    let first = crate::types::NodeId(1);
    let last = crate::types::NodeId(scenario.config.nodes);
    let span = if first == last { first.to_string() } else { format!("{first},{last}") };
    // A chosen note spans the quorum that chose it.
    let over = |quorum: crate::quorum::NodeSet| {
        let quorum: Vec<String> = quorum.iter().map(|n| n.to_string()).collect();
        match quorum.as_slice() {
            [one] => one.clone(),
            [a, .., b] => format!("{a},{b}"),
            [] => span.clone(),
        }
    };
    for event in sim.events() {
        let line = match &event.kind {
            EventKind::Deliver { from, to, message, .. } => {
                format!("{from}->>{to}: {}", mermaid_text(&message.to_string()))
            }
            EventKind::Drop { from, to, message, .. } => {
                format!("{from}-x{to}: {} (lost)", mermaid_text(&message.to_string()))
            }
            EventKind::Propose { node, value } => format!("Note over {node}: propose {value}"),
            EventKind::Request { node, op } => format!("Note over {node}: request {op}"),
            EventKind::Crash { node } => format!("Note over {node}: crash"),
            EventKind::Restart { node } => format!("Note over {node}: restart"),
            EventKind::Timer { node, .. } => format!("Note over {node}: timeout"),
            EventKind::Partition { .. } | EventKind::Heal => {
                format!("Note over {span}: {}", mermaid_text(&event.kind.to_string()))
            }
            EventKind::Chosen { chosen } => {
                format!("Note over {}: CHOSEN {}", over(chosen.quorum), chosen.proposal.value)
            }
            EventKind::SlotChosen { chosen } => {
                let text = mermaid_text(&format!("CHOSEN {} {}", chosen.slot, chosen.entry.op));
                format!("Note over {}: {text}", over(chosen.quorum))
            }
            EventKind::Violation { .. } | EventKind::Stuck { .. } | EventKind::Livelock { .. } => {
                let text = event.kind.to_string();
                let headline = text.split(':').next().unwrap_or(&text);
                format!("Note over {span}: {}", mermaid_text(headline))
            }
            _ => continue,
        };
        let _ = writeln!(out, "    {line}");
    }
    out
}

/// A Rust identifier from a title: lowercase ASCII words joined by `_`.
fn test_name(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .take(8)
        .collect();
    match words.first() {
        None => "exported_scenario".to_string(),
        Some(first) if first.starts_with(|c: char| c.is_ascii_digit()) => format!("scenario_{}", words.join("_")),
        Some(_) => words.join("_"),
    }
}

/// A raw string literal that holds `text` whatever it contains.
fn raw_string(text: &str) -> String {
    let mut hashes = 1;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let fence = "#".repeat(hashes);
    format!("r{fence}\"{text}\"{fence}")
}

/// A `#[test]` for `crates/paxos/tests/` that replays the run and asserts what it showed:
/// the number of steps, the verdict's outcome, the chosen value, and the verdict's text.
pub fn rust_test(sim: &Simulation) -> String {
    let verdict = sim.verdict();
    let name = test_name(sim.scenario().title.as_deref().unwrap_or(""));
    let outcome = match verdict.outcome {
        Outcome::Violated => "Violated",
        Outcome::Chosen => "Chosen",
        Outcome::Stuck => "Stuck",
        Outcome::Livelock => "Livelock",
        Outcome::Undecided => "Undecided",
    };
    let chosen = match &verdict.chosen {
        Some(value) => format!("Some({value:?})"),
        None => "None".to_string(),
    };
    let mut out = String::new();
    let _ = writeln!(out, "//! Exported from the Paxos playground (version {}).", crate::VERSION);
    let _ = writeln!(out, "//! Replays the scenario and pins the outcome the playground showed.\n");
    let _ = writeln!(out, "use paxos::observe::Outcome;");
    let _ = writeln!(out, "use paxos::Simulation;\n");
    let _ = writeln!(out, "const SCRIPT: &str = {};\n", raw_string(&sim.script()));
    let _ = writeln!(out, "#[test]");
    let _ = writeln!(out, "fn {name}() {{");
    let _ = writeln!(out, "    let sim = Simulation::from_script(SCRIPT).expect(\"the exported script runs\");");
    let _ = writeln!(out, "    let verdict = sim.verdict();");
    let _ = writeln!(out, "    assert_eq!(sim.steps(), {});", sim.steps());
    let _ = writeln!(out, "    assert_eq!(verdict.outcome, Outcome::{outcome});");
    let _ = writeln!(out, "    assert_eq!(verdict.chosen.as_deref(), {chosen});");
    let _ = writeln!(out, "    assert_eq!(verdict.to_string(), {:?});", verdict.to_string());
    let _ = writeln!(out, "}}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_raw_strings_are_safe_for_any_title_or_script() {
        assert_eq!(test_name("Seed §3: proposal numbers break safety"), "seed_3_proposal_numbers_break_safety");
        assert_eq!(test_name("3 servers"), "scenario_3_servers");
        assert_eq!(test_name("中文"), "exported_scenario");
        assert_eq!(raw_string("a\"#b"), "r##\"a\"#b\"##");
        assert_eq!(raw_string("plain"), "r#\"plain\"#");
    }
}
