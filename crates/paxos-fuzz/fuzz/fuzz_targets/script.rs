//! Any bytes as a script (invalid UTF-8 as a browser would decode it): the `script`
//! target's checks (crates/paxos-fuzz/src/script.rs), a failed check being a crash.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(message) = paxos_fuzz::script::check(&text, data.len() as u64) {
        panic!("{message}");
    }
});
