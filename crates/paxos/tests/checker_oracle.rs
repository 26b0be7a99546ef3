//! The model checker against the independent oracle (crates/paxos-fuzz/src/checker_oracle.rs)
//! on a fixed set of random walks; `npm run fuzz` runs more. Only with the `check` feature:
//! `cargo test -p paxos --no-default-features` has no checker to test.
#![cfg(feature = "check")]

#[allow(dead_code)]
#[path = "../../paxos-fuzz/src/oracle.rs"]
mod oracle;

// Its `run` is the fuzz runner's entry; this test calls `checker_walk`.
#[allow(dead_code)]
#[path = "../../paxos-fuzz/src/checker_oracle.rs"]
mod checker_oracle;

/// The fuzz runner records inputs with `show`; here each failure message carries its script.
fn show(_label: &str, _text: impl FnOnce() -> String) {}

#[test]
fn the_model_checker_agrees_with_the_oracle_on_random_walks() {
    let results: Vec<Result<bool, String>> = (0..2_000).map(checker_oracle::checker_walk).collect();
    let failures: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(failures.is_empty(), "{} of 2000 walks differ; the first:\n{}", failures.len(), failures[0]);
    // Not vacuous: some walks do break agreement (in unsafe configurations).
    let violated = results.iter().filter(|r| matches!(r, Ok(true))).count();
    assert!(violated > 50, "only {violated} of 2000 walks end in a violation");
}
