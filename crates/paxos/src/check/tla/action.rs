//! The four actions of the spec, as data, with their one-line text form.

use serde::Serialize;
use std::fmt;

/// One step of the TLA model. Acceptors and values are 0-based here and print 1-based, as the
/// TLC model names them (`a1`, `v1`); ballots are numbers from 0, as in the spec.
///
/// Phase1b and Phase2b carry the ballot of the message being received. The spec writes them as
/// `Phase1b(a)` / `Phase2b(a)` with "there exists a message m", and TLC takes one successor per
/// such m; naming m's ballot (and, for 2b, its value) makes each step replayable on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "action")]
pub enum TlaAction {
    /// The leader of `ballot` broadcasts a 1a (prepare) message.
    Phase1a { ballot: u8 },
    /// `acceptor` receives the 1a of `ballot`, promises it, and replies with its latest vote.
    Phase1b { acceptor: u8, ballot: u8 },
    /// The leader of `ballot` asks every acceptor to vote for `value`.
    Phase2a { ballot: u8, value: u8 },
    /// `acceptor` receives the 2a of (`ballot`, `value`) and votes for it.
    Phase2b { acceptor: u8, ballot: u8, value: u8 },
}

impl fmt::Display for TlaAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TlaAction::Phase1a { ballot } => write!(f, "Phase1a({ballot})"),
            TlaAction::Phase1b { acceptor, ballot } => {
                write!(f, "Phase1b(a{}, {ballot})", acceptor + 1)
            }
            TlaAction::Phase2a { ballot, value } => write!(f, "Phase2a({ballot}, v{})", value + 1),
            TlaAction::Phase2b { acceptor, ballot, value } => {
                write!(f, "Phase2b(a{}, {ballot}, v{})", acceptor + 1, value + 1)
            }
        }
    }
}

/// A counterexample as text, one action per line (`Phase1a(0)`, `Phase2b(a2, 0, v1)`, ...).
pub fn render_counterexample(actions: &[TlaAction]) -> Vec<String> {
    actions.iter().map(TlaAction::to_string).collect()
}
