//! Binding tests, run inside headless Chromium by wasm-bindgen-test-runner
//! (see scripts/test-wasm.sh). They exercise the real JS <-> Rust boundary:
//! serialisation of snapshots and errors crossing as JS exceptions, not panics.
#![cfg(target_arch = "wasm32")]

use paxos_wasm::{version, Playground};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The part of a snapshot the page relies on today.
#[derive(Deserialize)]
struct SnapshotShape {
    nodes: Vec<NodeShape>,
}

#[derive(Deserialize)]
struct NodeShape {
    id: u8,
    label: String,
}

#[wasm_bindgen_test]
fn version_matches_core() {
    assert_eq!(version(), paxos::VERSION);
    assert!(!version().is_empty());
}

#[wasm_bindgen_test]
fn default_scenario_snapshot_has_five_labelled_nodes() {
    let playground = Playground::new("").expect("the empty script is the default scenario");
    let value = playground.snapshot().expect("snapshot serialises");
    assert!(value.is_object(), "snapshot must reach JS as a plain object");
    let snapshot: SnapshotShape = serde_wasm_bindgen::from_value(value).expect("snapshot shape");
    let ids: Vec<u8> = snapshot.nodes.iter().map(|node| node.id).collect();
    let labels: Vec<&str> = snapshot.nodes.iter().map(|node| node.label.as_str()).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    assert_eq!(labels, ["S1", "S2", "S3", "S4", "S5"]);
}

#[wasm_bindgen_test]
fn snapshot_nodes_are_a_js_array() {
    let playground = Playground::new("").unwrap();
    let value = playground.snapshot().unwrap();
    let nodes = js_sys::Reflect::get(&value, &JsValue::from_str("nodes")).unwrap();
    assert!(js_sys::Array::is_array(&nodes));
    assert_eq!(js_sys::Array::from(&nodes).length(), 5);
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).expect("property read")
}

fn error_message(error: JsValue) -> String {
    use wasm_bindgen::JsCast;
    String::from(error.dyn_into::<js_sys::Error>().expect("a JS Error, not a panic").message())
}

#[wasm_bindgen_test]
fn a_bad_script_is_a_js_error_with_line_and_column() {
    let error = Playground::new("nodes 5\nfrobnicate S1").err().expect("refused");
    let message = error_message(JsValue::from(error));
    assert_eq!(message, "scenario script: line 2, column 1: unknown setting or command `frobnicate`");
}

#[wasm_bindgen_test]
fn every_preset_loads_in_the_binding() {
    // The page fetches the presets as JSON (`paxos presets --json`); each must load here.
    assert!(paxos::presets::PRESETS.len() >= 8);
    for preset in paxos::presets::PRESETS {
        let playground = Playground::new(preset.script).expect("every preset loads");
        assert!(playground.steps() > 0);
    }
}

#[wasm_bindgen_test]
fn stepping_intervening_and_events_cross_the_boundary() {
    let seed3 = paxos::presets::find("seed-3").unwrap().script;
    let mut playground = Playground::new(seed3).unwrap();
    let end = playground.steps();
    playground.seek(6);
    assert_eq!(playground.step(), 6);
    let events = js_sys::Array::from(&playground.events(6, 6).unwrap());
    let first = events.get(0);
    // A record, not a sentence: the page words it (web/events-text.js), from these facts.
    assert_eq!(get(&first, "type").as_string().unwrap(), "deliver");
    assert_eq!(
        (get(&first, "id").as_f64(), get(&first, "from").as_f64(), get(&first, "to").as_f64()),
        (Some(7.0), Some(3.0), Some(4.0))
    );
    assert_eq!(get(&first, "message_text").as_string().unwrap(), "Accept 13 Z");
    assert_eq!(get(&first, "is_cause").as_bool(), Some(true));
    // A refused command throws and changes nothing; an accepted one forks the run here.
    let refused = playground.intervene("restart S1").err().expect("S1 is up");
    assert_eq!(error_message(JsValue::from(refused)), "S1 is already up");
    assert_eq!(playground.steps(), end);
    playground.intervene("crash S4").unwrap();
    assert_eq!(playground.steps(), 7);
    assert!(playground.script().ends_with("crash S4\n"));
}

#[wasm_bindgen_test]
fn links_round_trip_and_bad_links_throw_readable_errors() {
    let playground = Playground::new(paxos::presets::find("seed-5").unwrap().script).unwrap();
    let code = playground.link(Some(4), 1, 2);
    let decoded = paxos_wasm::decode_link(&code).unwrap();
    assert_eq!(get(&decoded, "step").as_f64(), Some(4.0));
    let script = get(&decoded, "script").as_string().unwrap();
    assert_eq!(Playground::new(&script).unwrap().steps(), playground.steps());
    let error = paxos_wasm::decode_link("Ag").err().expect("newer version refused");
    assert!(error_message(JsValue::from(error)).contains("newer version"));
}

#[wasm_bindgen_test]
fn the_same_scenario_gives_the_same_log_in_wasm_as_natively() {
    // FNV-1a of the livelock preset's log, pinned natively in crates/paxos/tests/simulation.rs.
    let log = paxos::Simulation::from_script(paxos::presets::find("livelock").unwrap().script).unwrap().log();
    let hash =
        log.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    assert_eq!(hash, 0x58d2_b933_aba7_3352);
}
