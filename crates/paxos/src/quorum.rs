//! Quorums: sets of servers, and the one fact all of Paxos' safety rests on.
//!
//! Two sets drawn from N servers must share a member when their sizes add up to more than N
//! (pigeonhole). Classic Paxos uses majorities for both phases, so any two quorums meet.
//! Flexible Paxos (Howard, Malkhi and Spiegelman, 2016) observed that only a phase-1 quorum
//! and a phase-2 quorum need to meet: Q1 + Q2 > N. The shared member is the acceptor that
//! carries an already-accepted value from one proposal into the next proposer's Promise,
//! which is why a later proposer re-proposes it instead of its own value. Drop the
//! intersection and a later proposer can miss a chosen value entirely.

use crate::types::{NodeId, NODES_MAX};
use serde::{Serialize, Serializer};
use std::fmt;

/// A set of servers as a bitmask: `Copy`, ordered, and iterates in id order.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct NodeSet(u16);

impl NodeSet {
    pub const EMPTY: NodeSet = NodeSet(0);

    pub fn all(nodes: u8) -> NodeSet {
        debug_assert!(nodes <= NODES_MAX);
        NodeSet(((1u32 << nodes) - 1) as u16)
    }
    pub fn insert(&mut self, node: NodeId) {
        self.0 |= 1 << node.index();
    }
    pub fn remove(&mut self, node: NodeId) {
        self.0 &= !(1 << node.index());
    }
    pub fn contains(self, node: NodeId) -> bool {
        self.0 & (1 << node.index()) != 0
    }
    pub fn len(self) -> u8 {
        self.0.count_ones() as u8
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn intersection(self, other: NodeSet) -> NodeSet {
        NodeSet(self.0 & other.0)
    }
    /// The members of `self` that are not in `other`.
    pub fn difference(self, other: NodeSet) -> NodeSet {
        NodeSet(self.0 & !other.0)
    }
    pub fn iter(self) -> impl Iterator<Item = NodeId> {
        (0..NODES_MAX as usize).filter(move |i| self.0 & (1 << i) != 0).map(NodeId::from_index)
    }
    pub fn bits(self) -> u16 {
        self.0
    }
    /// The set whose `bits()` are `bits` (bit i is server i + 1).
    pub fn from_bits(bits: u16) -> NodeSet {
        NodeSet(bits)
    }
}

impl FromIterator<NodeId> for NodeSet {
    fn from_iter<I: IntoIterator<Item = NodeId>>(iter: I) -> NodeSet {
        let mut set = NodeSet::EMPTY;
        iter.into_iter().for_each(|n| set.insert(n));
        set
    }
}

impl fmt::Display for NodeSet {
    /// `{S1,S2,S3}`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{")?;
        crate::types::write_separated(f, self.iter(), ",")?;
        f.write_str("}")
    }
}

impl Serialize for NodeSet {
    /// As a list of server numbers, for the UI.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(|n| n.0))
    }
}

/// The smallest majority of `nodes`.
pub fn majority(nodes: u8) -> u8 {
    nodes / 2 + 1
}

/// Whether every phase-1 quorum meets every phase-2 quorum (the Flexible Paxos condition).
pub fn quorums_intersect(nodes: u8, phase1: u8, phase2: u8) -> bool {
    u16::from(phase1) + u16::from(phase2) > u16::from(nodes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majorities_of_any_size_intersect() {
        for n in 1..=NODES_MAX {
            assert!(quorums_intersect(n, majority(n), majority(n)), "n={n}");
        }
        assert!(quorums_intersect(5, 4, 2));
        assert!(!quorums_intersect(5, 2, 3));
    }

    #[test]
    fn node_sets_iterate_in_id_order() {
        let set: NodeSet = [NodeId(3), NodeId(1), NodeId(9)].into_iter().collect();
        assert_eq!(set.to_string(), "{S1,S3,S9}");
        assert_eq!(set.len(), 3);
        assert_eq!(NodeSet::all(5).to_string(), "{S1,S2,S3,S4,S5}");
        assert_eq!(set.intersection(NodeSet::all(5)).to_string(), "{S1,S3}");
    }
}
