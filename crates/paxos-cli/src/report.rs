//! Machine-readable run reports (the CLI's `--json`): events with their canonical text,
//! the verdict and the final script.

use paxos::Simulation;
use serde::Serialize;

#[derive(Serialize)]
struct EventLine<'a> {
    #[serde(flatten)]
    event: &'a paxos::sim::Event,
    text: String,
}

#[derive(Serialize)]
struct Report<'a> {
    version: &'static str,
    steps: u32,
    verdict: paxos::observe::Verdict,
    events: Vec<EventLine<'a>>,
    script: String,
}

/// The run as a JSON document.
pub fn json(sim: &Simulation) -> String {
    let report = Report {
        version: paxos::VERSION,
        steps: sim.steps(),
        verdict: sim.verdict(),
        events: sim.events().iter().map(|event| EventLine { event, text: event.kind.to_string() }).collect(),
        script: sim.script(),
    };
    serde_json::to_string_pretty(&report).expect("reports contain only strings, numbers and lists")
}

/// The presets with their scripts, for the page: it fetches them as a static file instead of
/// carrying the texts inside its wasm module (`PRESETS` when it opens; `MULTI_PRESETS` for
/// its Multi-Paxos module).
pub fn presets_json(presets: &[paxos::presets::Preset]) -> String {
    let list: Vec<serde_json::Value> =
        presets.iter().map(|p| serde_json::json!({"id": p.id, "title": p.title(), "script": p.script})).collect();
    serde_json::to_string(&list).expect("plain JSON values")
}
