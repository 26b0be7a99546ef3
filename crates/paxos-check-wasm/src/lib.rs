//! wasm-bindgen binding of the understanding aids: the model checker (loaded by its Web
//! Worker), compare mode and the Mermaid and Rust-test exports (loaded by the page when one
//! of those is first used).
//!
//! It is a module of its own so that the page's module stays small: all of this is paid for
//! only by someone who uses it.

use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("serialise: {e}")))
}

/// An exhaustive model check, run in chunks by a Web Worker: `runFor` does a bounded amount
/// of work and returns progress, so the worker can report states/s and depth and stop when
/// asked. The page never runs this on its main thread.
#[wasm_bindgen]
pub struct ModelCheck {
    search: paxos::check::job::Search,
}

#[wasm_bindgen]
impl ModelCheck {
    /// `job` is `{model: "tla", acceptors, values, max_ballot, one_phase}` or `{model: "sim",
    /// protocol, nodes, quorum_phase1, quorum_phase2, proposers, attempts, timeouts, drops,
    /// duplicates, crashes, amnesia, nacks, in_flight_max}`; `bytes_max` bounds the memory.
    #[wasm_bindgen(constructor)]
    pub fn new(job: JsValue, states_max: f64, bytes_max: f64) -> Result<ModelCheck, JsError> {
        let job: paxos::check::job::Job =
            serde_wasm_bindgen::from_value(job).map_err(|e| JsError::new(&format!("model check request: {e}")))?;
        let bounds =
            paxos::check::Bounds { states_max: states_max as u64, bytes_max: bytes_max as u64, ..Default::default() };
        let search = paxos::check::job::Search::new(job, bounds).map_err(|e| JsError::new(&e))?;
        Ok(ModelCheck { search })
    }

    /// Expands up to `budget_states` states; returns `{distinct_states, generated_states,
    /// depth, queued_states, memory_bytes, finished}`.
    #[wasm_bindgen(js_name = runFor)]
    pub fn run_for(&mut self, budget_states: u32) -> Result<JsValue, JsError> {
        to_js(&self.search.run_for(u64::from(budget_states)))
    }

    /// `{distinct_states, generated_states, depth, verdict, reason, counterexample}`; the
    /// counterexample of a simulator check is a scenario script to open in a Playground.
    pub fn summary(&self) -> Result<JsValue, JsError> {
        to_js(&self.search.summary())
    }
}

#[derive(Serialize)]
struct ComparisonView {
    /// The right run as a script: load it in a second Playground.
    script: String,
    mapping: Vec<paxos::compare::Mapped>,
    left_steps: Vec<u32>,
    right_steps: Vec<u32>,
    divergence: Option<paxos::compare::Divergence>,
}

/// Compare mode: replays `script`'s schedule under `protocol` (see `paxos::compare`) and
/// returns `{script, mapping, left_steps, right_steps, divergence}`; the page loads the
/// right run from `script` and steps both runs together by command.
#[wasm_bindgen]
pub fn compare(script: &str, protocol: &str) -> Result<JsValue, JsError> {
    let left = paxos::Simulation::from_script(script).map_err(|e| JsError::new(&format!("scenario script: {e}")))?;
    let protocol = paxos::protocol::Protocol::parse(protocol)
        .ok_or_else(|| JsError::new(&format!("unknown protocol `{protocol}`")))?;
    let comparison = paxos::compare::Comparison::new(left, protocol);
    to_js(&ComparisonView {
        script: comparison.right.script(),
        mapping: comparison.mapping,
        left_steps: comparison.left_steps,
        right_steps: comparison.right_steps,
        divergence: comparison.divergence,
    })
}

/// The canonical line of every event of `script`'s run, in the order the page module's
/// `Playground.events(0, steps)` lists them (which sends the records, not these lines): for
/// the tests that hold the page's English wording to the core's.
#[wasm_bindgen(js_name = eventLines)]
pub fn event_lines(script: &str) -> Result<Vec<String>, JsError> {
    let sim = paxos::Simulation::from_script(script).map_err(|e| JsError::new(&format!("scenario script: {e}")))?;
    Ok(sim.events_between(0, sim.steps()).iter().map(|event| event.kind.to_string()).collect())
}

/// The run of `script` as a Mermaid sequence diagram.
#[wasm_bindgen]
pub fn mermaid(script: &str) -> Result<String, JsError> {
    let sim = paxos::Simulation::from_script(script).map_err(|e| JsError::new(&format!("scenario script: {e}")))?;
    Ok(paxos::export::mermaid(&sim))
}

/// The run of `script` as a ready Rust test for `crates/paxos/tests/`.
#[wasm_bindgen(js_name = rustTest)]
pub fn rust_test(script: &str) -> Result<String, JsError> {
    let sim = paxos::Simulation::from_script(script).map_err(|e| JsError::new(&format!("scenario script: {e}")))?;
    Ok(paxos::export::rust_test(&sim))
}
