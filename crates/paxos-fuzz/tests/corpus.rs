//! Writes the determinism corpus, `target/determinism-corpus.json` (1,000 random scenarios
//! with their native log hashes or refusals), for the JS tests that run the same scripts in
//! the shipped wasm module in Node (tests/unit/determinism.test.mjs) and in Chromium
//! (tests/e2e/determinism.test.mjs). `npm test` runs this layer (cargo test --workspace)
//! before those, and they fail if the file is missing.

use paxos_fuzz::corpus;

pub const CORPUS_SIZE: u64 = 1_000;

#[test]
fn writes_the_determinism_corpus() {
    let json = corpus::corpus(CORPUS_SIZE);
    assert_eq!(json.matches("\"script\":").count() as u64, CORPUS_SIZE);
    // A mix: most scenarios run, some are refused (their message is compared too).
    let refused = json.matches("\"error\":").count() as u64;
    assert!(refused > 0 && refused < CORPUS_SIZE / 4, "{refused} refused");
    let path = std::env::var("PAXOS_DETERMINISM_CORPUS")
        .unwrap_or_else(|_| format!("{}/../../target/determinism-corpus.json", env!("CARGO_MANIFEST_DIR")));
    std::fs::write(&path, json).expect("the corpus file is writable");
}

#[test]
fn the_corpus_is_the_same_every_time_and_fnv_matches_its_reference() {
    assert_eq!(corpus::corpus(20), corpus::corpus(20));
    // FNV-1a 64 reference values (the JS tests implement the same function).
    assert_eq!(corpus::fnv1a(""), "cbf29ce484222325");
    assert_eq!(corpus::fnv1a("a"), "af63dc4c8601ec8c");
    assert_eq!(corpus::fnv1a("foobar"), "85944171f73967e8");
}
