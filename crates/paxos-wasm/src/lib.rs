//! wasm-bindgen binding of the Paxos playground core.
//!
//! The binding is deliberately thin: the whole simulation stays in Rust behind one opaque
//! handle (`Playground`), and JS only receives small, serialised snapshots. Protocol
//! behaviour never lives here; this file only translates types and errors.

use wasm_bindgen::prelude::*;

/// The build version of the core, shown on the page so a bug report names the exact build.
#[wasm_bindgen]
pub fn version() -> String {
    paxos::VERSION.to_string()
}

/// Route Rust panics to the browser console. Without this a panic in a release build
/// (panic = "abort") shows up only as an opaque `unreachable` trap, with no message.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("paxos-wasm panic: {info}")));
    }));
}

/// One running simulation, owned by Rust. JS holds only this handle.
#[wasm_bindgen]
pub struct Playground {
    simulation: paxos::Simulation,
}

#[wasm_bindgen]
impl Playground {
    /// Builds a simulation from a scenario script ("" is the default 5-node scenario).
    /// A malformed script becomes a JS `Error` whose message names line and column.
    #[wasm_bindgen(constructor)]
    pub fn new(script: &str) -> Result<Playground, JsError> {
        let simulation = paxos::Simulation::from_script(script).map_err(script_error)?;
        Ok(Playground { simulation })
    }

    /// The current state as a plain JS object (nodes, step, ...), ready to render.
    pub fn snapshot(&self) -> Result<JsValue, JsError> {
        serde_wasm_bindgen::to_value(&self.simulation.snapshot())
            .map_err(|error| JsError::new(&format!("snapshot: {error}")))
    }
}

/// The JS-facing form of a script error: "scenario script: line L, column C: message"
/// (the position comes from `paxos::ScriptError`'s Display).
fn script_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("scenario script: {error}"))
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn script_error_reaches_js_as_an_error_with_position() {
        let value = JsValue::from(script_error("line 2, column 7: unknown command"));
        let error = value.dyn_into::<js_sys::Error>().expect("a JS Error, not a panic");
        assert_eq!(
            String::from(error.message()),
            "scenario script: line 2, column 7: unknown command"
        );
    }
}
