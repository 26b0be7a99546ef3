//! Native checks of the part of the core API that the binding and the page rely on.
//! They run in plain `cargo test`, so a change of contract fails fast, before any
//! wasm build or browser is involved.

#[test]
fn empty_script_is_the_default_five_node_scenario() {
    let simulation = paxos::Simulation::from_script("").expect("default scenario");
    let snapshot = simulation.snapshot();
    let ids: Vec<u8> = snapshot.nodes.iter().map(|node| node.id).collect();
    let labels: Vec<&str> = snapshot.nodes.iter().map(|node| node.label.as_str()).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    assert_eq!(labels, ["S1", "S2", "S3", "S4", "S5"]);
}

#[test]
fn snapshot_serialises_nodes_with_id_and_label() {
    let snapshot = paxos::Simulation::from_script("").unwrap().snapshot();
    let json = serde_json::to_value(&snapshot).expect("snapshot is Serialize");
    let nodes = json["nodes"].as_array().expect("nodes is an array");
    assert_eq!(nodes.len(), 5);
    assert_eq!(nodes[0]["id"], 1);
    assert_eq!(nodes[0]["label"], "S1");
}

#[test]
fn version_is_reported_and_matches_the_binding() {
    assert!(!paxos::VERSION.is_empty());
    assert_eq!(paxos_wasm::version(), paxos::VERSION);
}
