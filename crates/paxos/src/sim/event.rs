//! The event log: what happened at each step, each event with one canonical line of text.

use crate::message::Message;
use crate::observe::{Chosen, SlotChosen, Violation};
use crate::protocol::multi::Op;
use crate::protocol::{Note, Timer};
use crate::quorum::NodeSet;
use crate::scenario::groups_text;
use crate::types::{write_separated, Ballot, NodeId, Value};
use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DropCause {
    /// The network lost it (the scenario's drop rate).
    Network,
    /// The link was cut by a partition when it was due.
    Partition,
    /// Its receiver was down when it arrived.
    Crashed,
    /// The user dropped it.
    Hand,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum EventKind {
    Propose {
        node: NodeId,
        value: Value,
    },
    /// Multi-Paxos: a client's command reaches a server.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    Request {
        node: NodeId,
        op: Op,
    },
    Send {
        id: u32,
        from: NodeId,
        to: NodeId,
        message: Message,
        due_tick: Option<u64>,
        copy_of: Option<u32>,
    },
    Deliver {
        id: u32,
        from: NodeId,
        to: NodeId,
        message: Message,
    },
    /// A server's message to itself, handled at once without the network.
    Local {
        node: NodeId,
        message: Message,
    },
    Drop {
        id: u32,
        from: NodeId,
        to: NodeId,
        message: Message,
        cause: DropCause,
    },
    /// A duplicate made by hand (the network's own duplicates are sends with `copy_of`).
    Duplicate {
        id: u32,
        copy: u32,
    },
    Crash {
        node: NodeId,
    },
    Restart {
        node: NodeId,
    },
    Partition {
        groups: Vec<NodeSet>,
    },
    Heal,
    Timer {
        node: NodeId,
        timer: Timer,
    },
    Note {
        node: NodeId,
        note: Note,
    },
    // Observers' findings.
    Chosen {
        chosen: Chosen,
    },
    /// Multi-Paxos: a command chosen in a slot.
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    SlotChosen {
        chosen: SlotChosen,
    },
    Violation {
        violation: Violation,
    },
    Stuck {
        holders: Vec<(Value, NodeSet)>,
        empty: NodeSet,
    },
    Livelock {
        preemptions: u32,
        ladder: Vec<Ballot>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    pub step: u32,
    pub tick: u64,
    #[serde(flatten)]
    pub kind: EventKind,
}

impl EventKind {
    /// The step's main event (one per step) as opposed to its consequences.
    pub fn is_cause(&self) -> bool {
        matches!(
            self,
            EventKind::Propose { .. }
                | EventKind::Request { .. }
                | EventKind::Deliver { .. }
                | EventKind::Drop { .. }
                | EventKind::Duplicate { .. }
                | EventKind::Crash { .. }
                | EventKind::Restart { .. }
                | EventKind::Partition { .. }
                | EventKind::Heal
                | EventKind::Timer { .. }
        )
    }
}

impl EventKind {
    /// The rule this event enacts in `protocol` (see [`crate::rules`]): a message sent by the
    /// rule that made it, a server's note by the rule it followed (a refusal by the rule whose
    /// guard failed), a chosen value by learning, a timer by the retry rule. `None` for what
    /// no protocol rule does: clients, the network's deliveries and losses, faults, and the
    /// observers' verdicts on the run.
    pub fn rule(&self, protocol: crate::protocol::Protocol) -> Option<crate::rules::Rule> {
        use crate::rules::Rule;
        match self {
            EventKind::Send { message, .. } | EventKind::Local { message, .. } => {
                Some(Rule::of_message(message, protocol))
            }
            EventKind::Note { note, .. } => Rule::of_note(note, protocol),
            EventKind::Timer { .. } => Some(Rule::Retry),
            EventKind::Chosen { .. } | EventKind::SlotChosen { .. } => Some(Rule::Learn),
            _ => None,
        }
    }
}

struct NoteText<'a>(NodeId, &'a Note);

impl fmt::Display for NoteText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let node = self.0;
        if crate::protocol::multi::ENABLED {
            if let Some(result) = log_note(f, node, self.1) {
                return result;
            }
        }
        match self.1 {
            Note::Promised { ballot, previous } if previous.is_none() => {
                write!(f, "{node} promises {ballot}")
            }
            Note::Promised { ballot, previous } if previous == ballot => {
                write!(f, "{node} promises {ballot} again")
            }
            Note::Promised { ballot, previous } => {
                write!(f, "{node} promises {ballot} (was {previous})")
            }
            Note::Accepted { proposal, replaced: Some(old), .. } => {
                write!(f, "{node} accepts {proposal}, replacing {old}")
            }
            Note::Accepted { proposal, replaced: None, .. } => write!(f, "{node} accepts {proposal}"),
            Note::Refused { message, .. } => write!(f, "{node} refuses {message}"),
            Note::PhaseTwo { proposal, promises, adopted: Some((from, p)) } => {
                write!(f, "{node} has promises {promises}: phase 2 with {proposal}, adopting {p} reported by {from}")
            }
            Note::PhaseTwo { proposal, promises, adopted: None } => {
                write!(f, "{node} has promises {promises}: phase 2 with {proposal}, its own value")
            }
            Note::Preempted { ballot, by } => write!(f, "{node} is pre-empted: {ballot} < {by}"),
            Note::Defeated { proposal, refusals } => {
                write!(f, "{node} is defeated: {proposal} refused by {refusals}")
            }
            Note::TimedOut { ballot } => write!(f, "{node} times out on {ballot}"),
            Note::Attempt { proposal, attempt } => {
                write!(f, "{node} attempt {attempt}: {proposal}")
            }
            Note::BackingOff { ticks_max } => {
                write!(f, "{node} backs off for up to {ticks_max} ticks")
            }
            Note::GaveUp { value } => write!(f, "{node} gives up on {value}"),
            Note::Learned { proposal, quorum } => {
                write!(f, "{node} learns {} is chosen: {} accepted by {quorum}", proposal.value, proposal)
            }
            Note::Forgot { promised, accepted: Some(p) } => {
                write!(f, "{node} forgot its promise {promised} and {p} (amnesia)")
            }
            Note::Forgot { promised, accepted: None } => write!(f, "{node} forgot its promise {promised} (amnesia)"),
            // Multi-Paxos notes are written by `log_note`.
            _ => Ok(()),
        }
    }
}

/// The text of a Multi-Paxos note; `None` for the others. (Separate, so that a build without
/// Multi-Paxos drops it whole.)
fn log_note(f: &mut fmt::Formatter<'_>, node: NodeId, note: &Note) -> Option<fmt::Result> {
    let result = match note {
        Note::RequestRefused { op } => {
            write!(f, "{node} refuses {op}: {} requests are already waiting", crate::protocol::multi::PENDING_MAX)
        }
        Note::Campaign { ballot, from, attempt } => {
            write!(f, "{node} attempt {attempt}: runs for leader with {ballot} for slots {}..", from.0)
        }
        Note::Leading { ballot, promises, from } => {
            write!(f, "{node} has promises {promises}: leads with {ballot} from slot {}", from.0)
        }
        Note::SkippedPhaseOne { ballot, from } => {
            write!(f, "{node} leads with {ballot} from slot {} without phase 1", from.0)
        }
        Note::Reproposed { slot, reported, by } => {
            write!(f, "{node} re-proposes {slot} {}: {reported} reported by {by}", reported.op)
        }
        Note::Filled { slot } => write!(f, "{node} fills the hole {slot} with no-op"),
        Note::Ignored { slot, reported, by } => {
            write!(f, "{node} ignores {reported} reported for {slot} by {by}")
        }
        Note::Placed { slot, entry } => write!(f, "{node} proposes {} for {slot} with {}", entry.op, entry.ballot),
        Note::LogFull { op } => {
            write!(f, "{node} has no slot for {op}: the log's {} slots are used", crate::protocol::multi::LOG_SLOTS_MAX)
        }
        Note::SlotAccepted { slot, entry, replaced: Some(old) } => {
            write!(f, "{node} accepts {slot} {entry}, replacing {old}")
        }
        Note::SlotAccepted { slot, entry, replaced: None } => write!(f, "{node} accepts {slot} {entry}"),
        Note::SlotLearned { slot, op, quorum: Some(quorum) } => {
            write!(f, "{node} learns {slot} {op} is chosen: accepted by {quorum}")
        }
        Note::SlotLearned { slot, op, quorum: None } => write!(f, "{node} learns {slot} {op} is chosen"),
        Note::Applied { slot, op: op @ Op::Get { key }, read: Some(value), .. } => {
            write!(f, "{node} applies {slot} {op}: {key} is {value}")
        }
        Note::Applied { slot, op: op @ Op::Get { key }, read: None, .. } => {
            write!(f, "{node} applies {slot} {op}: {key} is not set")
        }
        Note::Applied { slot, op, .. } => write!(f, "{node} applies {slot} {op}"),
        Note::SteppedDown { ballot } => write!(f, "{node} steps down from {ballot}"),
        Note::GaveUpOp { op } => write!(f, "{node} gives up on {op}"),
        Note::ForgotLog { promised, slots } => {
            write!(f, "{node} forgot its promise {promised} and what it accepted in {slots} slots (amnesia)")
        }
        _ => return None,
    };
    Some(result)
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventKind::Propose { node, value } => write!(f, "propose {node} {value}"),
            EventKind::Request { .. } if !crate::protocol::multi::ENABLED => Ok(()),
            EventKind::Request { node, op } => write!(f, "request {node} {op}"),
            EventKind::Send { id, from, to, message, due_tick, copy_of } => {
                write!(f, "send #{id} {from}->{to} {message}")?;
                if let Some(due) = due_tick {
                    write!(f, " (due t{due})")?;
                }
                if let Some(original) = copy_of {
                    write!(f, " (duplicate of #{original})")?;
                }
                Ok(())
            }
            EventKind::Deliver { id, from, to, message } => write!(f, "deliver #{id} {from}->{to} {message}"),
            EventKind::Local { node, message } => write!(f, "local {node}->{node} {message}"),
            EventKind::Drop { id, from, to, message, cause } => {
                let why = match cause {
                    DropCause::Network => "lost by the network",
                    DropCause::Partition => "link cut by the partition",
                    DropCause::Crashed => "receiver is down",
                    DropCause::Hand => "dropped by hand",
                };
                write!(f, "drop #{id} {from}->{to} {message} ({why})")
            }
            EventKind::Duplicate { id, copy } => write!(f, "duplicate #{id} as #{copy}"),
            EventKind::Crash { node } => write!(f, "crash {node}"),
            EventKind::Restart { node } => write!(f, "restart {node}"),
            EventKind::Partition { groups } => write!(f, "partition {}", groups_text(groups)),
            EventKind::Heal => write!(f, "heal"),
            EventKind::Timer { node, timer: Timer::Timeout { .. } } => write!(f, "timer {node} timeout"),
            EventKind::Timer { node, timer: Timer::Retry { .. } } => write!(f, "timer {node} retry"),
            EventKind::Note { node, note } => write!(f, "{}", NoteText(*node, note)),
            EventKind::Chosen { chosen } => write!(f, "CHOSEN {}", chosen),
            EventKind::SlotChosen { .. } if !crate::protocol::multi::ENABLED => Ok(()),
            EventKind::SlotChosen { chosen } => write!(f, "CHOSEN {chosen}"),
            EventKind::Violation { violation } => write!(f, "VIOLATION {violation}"),
            EventKind::Stuck { holders, empty } => {
                f.write_str("STUCK no value can reach a quorum any more: ")?;
                for (i, (value, servers)) in holders.iter().enumerate() {
                    let separator = if i > 0 { ", " } else { "" };
                    write!(f, "{separator}{value} {servers}")?;
                }
                if !empty.is_empty() {
                    write!(f, ", empty {empty}")?;
                }
                Ok(())
            }
            EventKind::Livelock { preemptions, ladder } => {
                write!(f, "LIVELOCK {preemptions} pre-emptions without a choice: ")?;
                write_separated(f, ladder, " < ")
            }
        }
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)
    }
}
