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
