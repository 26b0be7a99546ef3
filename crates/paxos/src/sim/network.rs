//! Messages in flight and the timers that are pending, in a defined order.

use crate::message::{Message, MessageKind};
use crate::protocol::Timer;
use crate::types::NodeId;
use serde::Serialize;

/// A message on the wire.
#[cfg_attr(feature = "multi", derive(Clone))]
#[cfg_attr(not(feature = "multi"), derive(Clone, Copy))]
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Envelope {
    /// Sequential, so ids and their order are the same in every run of a scenario.
    pub id: u32,
    pub from: NodeId,
    pub to: NodeId,
    pub message: Message,
    pub sent_step: u32,
    pub sent_tick: u64,
    /// When the automatic network delivers it; `None` in manual mode.
    pub due_tick: Option<u64>,
    /// The network will lose it when it is due (decided when sent, by the seed).
    pub doomed: bool,
    /// The id of the message this is a duplicate of.
    pub copy_of: Option<u32>,
}

/// What the UI needs to draw a message in flight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnvelopeView {
    pub id: u32,
    pub from: u8,
    pub to: u8,
    pub kind: MessageKind,
    pub text: String,
    /// Where in `text` its body starts, after the kind's name and a space (`11 X` in
    /// `Accept 11 X`): what a crowded drawing shows, the kind being the pill's colour.
    /// Every message's text is its kind's name, a space, then a body (tested in
    /// `body_is_the_text_after_the_kind`). An offset, not a second string: 0.5 kB less wasm.
    /// What comes before it is the kind's name, in ASCII, so the byte offset is also the
    /// index in a JavaScript string.
    pub body_at: u8,
    pub sent_step: u32,
    pub sent_tick: u64,
    pub due_tick: Option<u64>,
    pub copy_of: Option<u32>,
}

impl Envelope {
    /// `S1->S3 Prepare 11`
    pub fn link_text(&self) -> String {
        format!("{}->{} {}", self.from, self.to, self.message)
    }

    pub fn view(&self) -> EnvelopeView {
        let text = self.message.to_string();
        let body_at = text.bytes().position(|b| b == b' ').map_or(0, |space| space + 1) as u8;
        EnvelopeView {
            id: self.id,
            from: self.from.0,
            to: self.to.0,
            kind: self.message.kind(),
            text,
            body_at,
            sent_step: self.sent_step,
            sent_tick: self.sent_tick,
            due_tick: self.due_tick,
            copy_of: self.copy_of,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PendingTimer {
    pub seq: u32,
    pub node: NodeId,
    pub timer: Timer,
    pub fire_tick: u64,
}

/// What an automatic step does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// Deliver (or lose) the in-flight message at this index.
    Message(usize),
    /// Fire the pending timer at this index.
    Timer(usize),
}

/// The next due item: earliest tick first; at the same tick messages before timers; then
/// the lower id. A total order on ids makes the choice the same on every platform.
pub fn next_due(in_flight: &[Envelope], timers: &[PendingTimer], deliver_messages: bool) -> Option<(u64, Due)> {
    // Plain loops over one packed key, no closures and no tuple comparison: this runs once
    // per automatic step over every message in flight, and in the size-optimised wasm build
    // neither a closure nor `Ord for (u64, u8, u32)` is inlined (the closure version was a
    // quarter of a long run's time there; measured in docs/BENCHMARKS.md).
    let mut best: Option<(u128, u64, Due)> = None;
    if deliver_messages {
        for (i, e) in in_flight.iter().enumerate() {
            if let Some(tick) = e.due_tick {
                let key = due_key(tick, 0, e.id);
                match best {
                    Some((best_key, ..)) if best_key <= key => {}
                    _ => best = Some((key, tick, Due::Message(i))),
                }
            }
        }
    }
    for (i, t) in timers.iter().enumerate() {
        let key = due_key(t.fire_tick, 1, t.seq);
        match best {
            Some((best_key, ..)) if best_key <= key => {}
            _ => best = Some((key, t.fire_tick, Due::Timer(i))),
        }
    }
    best.map(|(_, tick, due)| (tick, due))
}

/// The order of `next_due` as one number: the tick, then messages (0) before timers (1),
/// then the id. Ids are u32 and the kind one bit, so the fields cannot overlap.
#[inline(always)]
fn due_key(tick: u64, kind: u8, id: u32) -> u128 {
    (u128::from(tick) << 40) | (u128::from(kind) << 32) | u128::from(id)
}
