//! Any bytes as a share-link code: the `link` target's checks (crates/paxos-fuzz/src/link.rs),
//! a failed check being a crash.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(message) = paxos_fuzz::link::check(&text, None) {
        panic!("{message}");
    }
});
