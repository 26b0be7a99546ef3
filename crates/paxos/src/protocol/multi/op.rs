//! The vocabulary of the replicated log: slots, the clients' commands, and a proposal for
//! one slot.

use crate::types::{Ballot, Value};
use serde::{Serialize, Serializer};
use std::fmt;

/// Longest log the playground keeps. A request that would need a slot past it is dropped
/// with a note; nothing else grows with it.
pub const LOG_SLOTS_MAX: u8 = 16;

/// A position in the log, numbered from 1 and written `#4` (in message texts too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Slot(pub u8);

impl Slot {
    pub const FIRST: Slot = Slot(1);

    pub fn next(self) -> Slot {
        Slot(self.0 + 1)
    }

    /// Whether the log has room for this slot.
    pub fn fits(self) -> bool {
        (1..=LOG_SLOTS_MAX).contains(&self.0)
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A command for the key-value register: what clients ask for, and the leader's filler.
/// Keys and values follow the rules of a proposed value (1 to 8 letters, digits or `_`),
/// stored inline, so a command is `Copy` and cheap to hash. Compared and hashed through
/// `order_key` (below), in the order a derive would give.
#[derive(Clone, Copy, Debug)]
pub enum Op {
    /// What a new leader proposes for a hole: a slot no promise reported anything for. It
    /// changes nothing when applied, and it lets the slots after it be applied.
    NoOp,
    /// `set x 1`: the register's `x` becomes `1`.
    Set { key: Value, value: Value },
    /// `get x`: a read that goes through the log, so every server reads the same value at
    /// the same point of the history.
    Get { key: Value },
}

impl Op {
    /// A client's command from its words (`set x 1`, `get x`). `Err` holds the index of the
    /// word that is wrong (the words' count when one is missing) and the kind of the script
    /// error (`scenario::parse` words it from the word and its kind).
    pub fn parse(words: &[&str]) -> Result<Op, (usize, &'static str)> {
        let word = |at: usize, kind: &'static str| -> Result<Value, (usize, &'static str)> {
            Value::new(words.get(at).copied().unwrap_or("")).ok_or((at, kind))
        };
        let arity = |count: usize| match words.len() {
            n if n < count => Err((n, "missing-argument")),
            n if n > count => Err((count, "unexpected-argument")),
            _ => Ok(()),
        };
        match words.first().copied() {
            Some("set") => {
                arity(3)?;
                Ok(Op::Set { key: word(1, "bad-key")?, value: word(2, "bad-value")? })
            }
            Some("get") => {
                arity(2)?;
                Ok(Op::Get { key: word(1, "bad-key")? })
            }
            Some("no-op") => Err((0, "no-op-request")),
            Some(_) => Err((0, "expected-op")),
            None => Err((0, "missing-argument")),
        }
    }
}

impl Op {
    /// What commands are compared and hashed by: the variant, then its key and value.
    fn order_key(&self) -> (u8, Option<Value>, Option<Value>) {
        match *self {
            Op::NoOp => (0, None, None),
            Op::Set { key, value } => (1, Some(key), Some(value)),
            Op::Get { key } => (2, Some(key), None),
        }
    }
}

// By hand rather than derived, for one reason: in a build without Multi-Paxos no command
// exists, yet `Command::Request` holds one, so the derives of `Command` would bring a
// command's comparison into the page's module. There these say nothing and fold away.
impl Ord for Op {
    fn cmp(&self, other: &Op) -> std::cmp::Ordering {
        if !super::ENABLED {
            return std::cmp::Ordering::Equal;
        }
        self.order_key().cmp(&other.order_key())
    }
}

impl PartialOrd for Op {
    fn partial_cmp(&self, other: &Op) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Op {
    fn eq(&self, other: &Op) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Op {}

impl std::hash::Hash for Op {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        if super::ENABLED {
            self.order_key().hash(state);
        }
    }
}

impl fmt::Display for Op {
    /// `set x 1`, `get x`, `no-op`: the command as a script and a message write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Op::NoOp => f.write_str("no-op"),
            Op::Set { key, value } => write!(f, "set {key} {value}"),
            Op::Get { key } => write!(f, "get {key}"),
        }
    }
}

impl Serialize for Op {
    /// As its text, for the page.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A proposal for one slot, as an acceptor holds it: a number and a command, `(21,set x 1)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Entry {
    pub ballot: Ballot,
    /// Serialised as `value`: to the page an entry is a proposal `{ballot, value}` like a
    /// single-decree one, which it writes `(21,set x 1)` with the same code.
    #[serde(rename = "value")]
    pub op: Op,
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({},{})", self.ballot, self.op)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse_and_print_as_scripts_write_them() {
        for text in ["set x 1", "get x", "set apple_12 Z"] {
            let words: Vec<&str> = text.split(' ').collect();
            assert_eq!(Op::parse(&words).unwrap().to_string(), text);
        }
        let error = |text: &str| Op::parse(&text.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>()).unwrap_err();
        assert_eq!(error("set x").0, 2);
        assert_eq!(error("set x 1 2").0, 3);
        assert_eq!(error("get").0, 1);
        assert_eq!(error("set toolongkey 1").0, 1);
        assert_eq!(error("set x <b>").0, 2);
        assert_eq!(error("no-op").0, 0);
        assert_eq!(error("del x").0, 0);
        assert_eq!(error("").0, 0);
        let entry = Entry { ballot: Ballot::parse("21").unwrap(), op: Op::NoOp };
        assert_eq!(entry.to_string(), "(21,no-op)");
        assert_eq!(Slot(4).to_string(), "#4");
        assert!(Slot(16).fits() && !Slot(17).fits() && !Slot(0).fits());
    }
}
