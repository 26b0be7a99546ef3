//! The deterministic simulator: one seeded PRNG, sequential ids, ordered collections.
//! The same scenario yields the same event log, byte for byte, on every platform.

pub mod event;
pub mod network;
pub mod rng;
pub mod world;

pub use event::{DropCause, Event, EventKind};
pub use network::{Envelope, EnvelopeView};
pub use world::{Limit, Refusal, RunError, World};

/// One line per event: `[step t=tick] cause`, consequences indented beneath it.
pub fn format_events(events: &[Event]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for event in events {
        let _ = match event.kind.is_cause() {
            true => writeln!(out, "[{} t={}] {}", event.step, event.tick, event.kind),
            false => writeln!(out, "    {}", event.kind),
        };
    }
    out
}
