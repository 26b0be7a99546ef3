//! Domain names as types: node ids, proposal numbers (ballots), values and proposals.
//!
//! Proposal numbers follow the seed text: a per-server counter plus the server id, compared
//! first by counter and then by server id, so two servers can never pick the same number.
//! The seed writes counter 1 on server 3 as "13". With at most nine servers the server id is
//! always exactly the last digit, so that concatenated form is never ambiguous, and it is the
//! canonical text of a ballot everywhere (logs, scripts, UI).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Writes `items` with `separator` between them: the text of
/// `items.map(to_string).collect::<Vec<_>>().join(separator)`, without the intermediate
/// strings. (std's `join` was two monomorphised 1 kB copies in the page's wasm.)
pub(crate) fn write_separated<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    items: impl IntoIterator<Item = T>,
    separator: &str,
) -> fmt::Result {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

/// Largest cluster the playground simulates. Nine keeps every server id a single digit,
/// which is what makes the seed's "13" notation unambiguous.
pub const NODES_MAX: u8 = 9;

/// A server, numbered from 1 as in the seed (S1..S9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NodeId(pub u8);

impl NodeId {
    pub fn index(self) -> usize {
        usize::from(self.0) - 1
    }
    pub fn from_index(index: usize) -> NodeId {
        debug_assert!(index < usize::from(NODES_MAX));
        NodeId(index as u8 + 1)
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "S{}", self.0)
    }
}

/// A proposal number: (counter, server id), ordered lexicographically by the derive.
/// `Ballot::NONE` (0, 0) is below every real ballot; the numberless protocol uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ballot {
    pub counter: u32,
    pub node: NodeId,
}

impl Ballot {
    pub const NONE: Ballot = Ballot { counter: 0, node: NodeId(0) };

    pub fn new(counter: u32, node: NodeId) -> Ballot {
        debug_assert!(counter > 0 && node.0 >= 1 && node.0 <= NODES_MAX);
        Ballot { counter, node }
    }

    pub fn is_none(self) -> bool {
        self == Ballot::NONE
    }

    /// Parses the seed notation: the last digit is the server, the digits before it the counter.
    pub fn parse(text: &str) -> Option<Ballot> {
        if text.len() < 2 || text.len() > 10 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (counter, node) = text.split_at(text.len() - 1);
        let counter: u32 = counter.parse().ok()?;
        let node: u8 = node.parse().ok()?;
        (counter > 0 && node >= 1).then(|| Ballot::new(counter, NodeId(node)))
    }
}

impl fmt::Display for Ballot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_none() {
            write!(f, "-")
        } else {
            write!(f, "{}{}", self.counter, self.node.0)
        }
    }
}

impl Serialize for Ballot {
    /// As the seed writes it ("13"), or "-" for no number.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Ballot {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Ballot, D::Error> {
        let text = String::deserialize(d)?;
        match text.as_str() {
            "-" => Ok(Ballot::NONE),
            _ => Ballot::parse(&text).ok_or_else(|| serde::de::Error::custom("bad proposal number")),
        }
    }
}

/// A proposed value: 1 to 8 ASCII letters, digits or underscores, stored inline so that
/// messages and states are `Copy` and cheap to hash (the model checker hashes millions).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Value {
    len: u8,
    bytes: [u8; Value::LEN_MAX],
}

impl Value {
    pub const LEN_MAX: usize = 8;

    pub fn new(text: &str) -> Option<Value> {
        let ok = !text.is_empty()
            && text.len() <= Value::LEN_MAX
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if !ok {
            return None;
        }
        let mut bytes = [0u8; Value::LEN_MAX];
        // A loop, not `copy_from_slice`: no length-mismatch panic (with its message) in the
        // page's wasm.
        for (slot, &byte) in bytes.iter_mut().zip(text.as_bytes()) {
            *slot = byte;
        }
        Some(Value { len: text.len() as u8, bytes })
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored (checked in `new`), so this cannot fail.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("?")
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Value({})", self.as_str())
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        let text = String::deserialize(d)?;
        Value::new(&text).ok_or_else(|| serde::de::Error::custom("value must be 1-8 of [A-Za-z0-9_]"))
    }
}

/// A proposal as an acceptor holds it: a number and a value ("13-Z" in the seed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Proposal {
    pub ballot: Ballot,
    pub value: Value,
}

impl fmt::Display for Proposal {
    /// `(13,Z)`, or `(Z)` for the numberless protocol.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ballot.is_none() {
            write!(f, "({})", self.value)
        } else {
            write!(f, "({},{})", self.ballot, self.value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ballot_notation_round_trips_and_orders_by_counter_then_node() {
        let b13 = Ballot::parse("13").unwrap();
        assert_eq!(b13, Ballot::new(1, NodeId(3)));
        assert_eq!(b13.to_string(), "13");
        assert_eq!(Ballot::parse("125").unwrap(), Ballot::new(12, NodeId(5)));
        assert!(Ballot::parse("15") > Ballot::parse("13"));
        assert!(Ballot::parse("21") > Ballot::parse("15"));
        assert!(Ballot::NONE < Ballot::parse("11").unwrap());
        for bad in ["", "1", "03", "10", "1a", "99999999999"] {
            assert_eq!(Ballot::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn values_are_short_identifiers() {
        assert_eq!(Value::new("X").unwrap().as_str(), "X");
        assert_eq!(Value::new("apple_12").unwrap().to_string(), "apple_12");
        for bad in ["", "toolongvalue", "a b", "<b>", "é"] {
            assert!(Value::new(bad).is_none(), "{bad:?}");
        }
    }
}
