//! The learner and the register: what every server knows is chosen, applied in slot order.
//!
//! A server applies slot k only after slots 1..k-1, so every server that has applied k slots
//! has applied the same k commands (if the log is safe), and every read in the log reads the
//! same value on every server. A slot learnt out of order waits for the hole before it.

use super::{put, Op, Role, Slot};
use crate::protocol::{Effect, Node, Note};
use crate::quorum::NodeSet;

impl Node {
    /// Records that `slot` is chosen with `op` (`quorum`: the acceptances the leader saw; none
    /// when a `Decide` said so) and applies every slot that is now next in line. A slot is
    /// learnt once: a second, different command for it (possible only in the broken
    /// variants) is ignored here, and the observers report it.
    pub(in crate::protocol) fn learn(&mut self, slot: Slot, op: Op, quorum: Option<NodeSet>, out: &mut Vec<Effect>) {
        let Some(log) = self.log.as_deref_mut() else { return };
        if log.learned_at(slot).is_some() {
            return;
        }
        put(&mut log.learned, slot, op);
        out.push(Effect::Note(Note::SlotLearned { slot, op, quorum }));
        if let Role::Leader { outstanding, .. } = &mut log.role {
            let before = outstanding.len();
            outstanding.retain(|(s, ..)| *s != slot);
            // Nothing left to wait for: the round's timer must not fire any more.
            if before > 0 && outstanding.is_empty() {
                self.proposer.generation += 1;
            }
        }
        // Each pass applies one learnt slot: at most LOG_SLOTS_MAX passes.
        while let Some(op) = log.learned_at(Slot(log.applied + 1)) {
            let slot = Slot(log.applied + 1);
            let read = match op {
                Op::Set { key, value } => {
                    put_key(&mut log.register, key, value);
                    None
                }
                Op::Get { key } => log.read(key),
                Op::NoOp => None,
            };
            log.applied += 1;
            out.push(Effect::Note(Note::Applied { slot, op, read }));
        }
    }
}

/// Sets `key` in a register sorted by key.
fn put_key(
    register: &mut Vec<(crate::types::Value, crate::types::Value)>,
    key: crate::types::Value,
    value: crate::types::Value,
) {
    match register.binary_search_by(|(k, _)| k.cmp(&key)) {
        Ok(at) => register[at].1 = value,
        Err(at) => register.insert(at, (key, value)),
    }
}
