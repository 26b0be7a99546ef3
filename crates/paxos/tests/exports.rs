//! Exports stay in step with the runs they describe. `exported_seed_3.rs` beside this file is
//! the Rust test the playground exports for the seed §3 preset: this test checks the export
//! still produces exactly that file, and cargo compiles and runs that file as a test of its
//! own, so an exported test is known to compile and pass. `REWRITE=1` regenerates both files.

use paxos::export::{mermaid, rust_test};
use paxos::presets::find;
use paxos::Simulation;
use std::path::Path;

fn check_golden(relative: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("REWRITE").is_some() {
        std::fs::write(&path, actual).expect("writable tests directory");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(expected, actual, "{} is stale (run with REWRITE=1)", path.display());
}

#[test]
fn the_exported_rust_test_for_seed_3_is_current() {
    let sim = Simulation::from_script(find("seed-3").unwrap().script).unwrap();
    check_golden("tests/exported_seed_3.rs", &rust_test(&sim));
}

#[test]
fn the_mermaid_diagram_for_seed_3_is_current() {
    let sim = Simulation::from_script(find("seed-3").unwrap().script).unwrap();
    let diagram = mermaid(&sim);
    assert!(diagram.starts_with("sequenceDiagram\n"));
    assert!(diagram.contains("    S3->>S4: Accept 13 Z\n"));
    assert!(diagram.contains("Note over S2,S4: CHOSEN Z"));
    assert!(!diagram.contains(';'));
    check_golden("tests/golden/seed-3.mmd", &diagram);
}

#[test]
fn every_preset_exports_a_test_that_names_its_outcome() {
    for preset in paxos::presets::all() {
        let sim = Simulation::from_script(preset.script).unwrap();
        let test = rust_test(&sim);
        assert!(test.contains("#[test]\nfn "), "{}", preset.id);
        assert!(test.contains(&format!("assert_eq!(sim.steps(), {});", sim.steps())), "{}", preset.id);
        // The embedded script is the run's own script.
        assert!(test.contains(&sim.script()), "{}", preset.id);
    }
}

#[test]
#[cfg(feature = "multi")]
fn a_multi_paxos_diagram_names_requests_and_chosen_slots() {
    let sim = Simulation::from_script(find("multi-steady").unwrap().script).unwrap();
    let diagram = mermaid(&sim);
    assert!(diagram.contains("    Note over S1: request set x 1\n"), "{diagram}");
    // Mermaid reads `#` as the start of an entity code: slots are written `no. 1`.
    assert!(diagram.contains("    S1->>S2: Accept 11 no. 1 set x 1\n"), "{diagram}");
    assert!(diagram.contains("    Note over S1,S2: CHOSEN no. 1 set x 1\n"), "{diagram}");
    assert!(diagram.contains("    S1->>S2: Prepare 11 [slots 1..]\n"), "{diagram}");
    assert!(!diagram.contains('#'));
}
