//! Stateful fuzzing of time travel over a fixed set of seeds. The harness itself lives in
//! the fuzz crate (`crates/paxos-fuzz/src/time_travel.rs`), whose runner tries many more.

#[path = "../../paxos-fuzz/src/time_travel.rs"]
mod time_travel;

/// The fuzz runner records inputs with `show`; here each failure message carries its script.
fn show(_label: &str, _text: impl FnOnce() -> String) {}

const SEEDS: u64 = 300;

#[test]
fn time_travel_survives_random_walks() {
    let failures: Vec<String> = (0..SEEDS).filter_map(|seed| time_travel::run(seed).err()).collect();
    assert!(failures.is_empty(), "{} of {SEEDS} seeds failed; the first:\n{}", failures.len(), failures[0]);
}
