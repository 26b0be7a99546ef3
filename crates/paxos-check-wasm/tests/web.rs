//! The checker binding in headless Chromium: jobs cross from JS, progress and the summary
//! come back, and a bad request is a JS Error, not a panic.
#![cfg(target_arch = "wasm32")]

use paxos_check_wasm::ModelCheck;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).expect("property read")
}

fn error_message(error: JsValue) -> String {
    use wasm_bindgen::JsCast;
    String::from(error.dyn_into::<js_sys::Error>().expect("a JS Error, not a panic").message())
}

#[wasm_bindgen_test]
fn model_check_finds_the_one_phase_counterexample_and_it_opens_as_a_scenario() {
    let job = js_sys::JSON::parse(
        r#"{"model":"sim","protocol":"one-phase-highest","nodes":3,"quorum_phase1":2,"quorum_phase2":2,
            "proposers":2,"attempts":1,"timeouts":false,"drops":false,"duplicates":0,"crashes":0,
            "amnesia":false,"nacks":true,"in_flight_max":12}"#,
    )
    .unwrap();
    let mut check = ModelCheck::new(job, 1e6, 64e6).expect("valid request");
    let mut finished = false;
    for _ in 0..100 {
        let progress = check.run_for(5).unwrap();
        if get(&progress, "finished").as_bool() == Some(true) {
            finished = true;
            break;
        }
    }
    assert!(finished);
    let summary = check.summary().unwrap();
    assert_eq!(get(&summary, "verdict").as_string().unwrap(), "violated");
    let script = get(&summary, "counterexample").as_string().expect("a script");
    let simulation = paxos::Simulation::from_script(&script).expect("the counterexample opens as a scenario");
    assert_eq!(simulation.steps(), 4);
}

#[wasm_bindgen_test]
fn model_check_rejects_bad_requests_with_messages() {
    let bad =
        js_sys::JSON::parse(r#"{"model":"tla","acceptors":9,"values":2,"max_ballot":1,"one_phase":false}"#).unwrap();
    let error = ModelCheck::new(bad, 1e6, 64e6).err().expect("refused");
    assert!(!error_message(JsValue::from(error)).is_empty());
    let garbage = js_sys::JSON::parse(r#"{"model":"z3"}"#).unwrap();
    let error = ModelCheck::new(garbage, 1e6, 64e6).err().expect("refused");
    assert!(error_message(JsValue::from(error)).contains("model check request"));
}

#[wasm_bindgen_test]
fn compare_returns_the_right_run_and_where_it_diverges() {
    let seed3 = paxos::presets::find("seed-3").unwrap().script;
    let view = paxos_check_wasm::compare(seed3, "basic-paxos").unwrap();
    let script = get(&view, "script").as_string().unwrap();
    assert!(script.contains("protocol basic-paxos"));
    assert!(paxos::Simulation::from_script(&script).is_ok());
    let divergence = get(&view, "divergence");
    assert_eq!(get(&divergence, "left_step").as_f64(), Some(1.0));
    let error = paxos_check_wasm::compare(seed3, "raft").err().expect("unknown protocol");
    assert!(error_message(JsValue::from(error)).contains("unknown protocol"));
}

#[wasm_bindgen_test]
fn exports_reach_js_and_a_bad_script_is_an_error() {
    let seed3 = paxos::presets::find("seed-3").unwrap().script;
    assert!(paxos_check_wasm::mermaid(seed3).unwrap().starts_with("sequenceDiagram\n"));
    assert!(paxos_check_wasm::rust_test(seed3).unwrap().contains("#[test]"));
    assert!(paxos_check_wasm::mermaid("frobnicate").is_err());
}
