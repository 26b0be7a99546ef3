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
        let applied = log.applied();
        put(&mut log.learned, slot, op);
        out.push(Effect::Note(Note::SlotLearned { slot, op, quorum }));
        // The slot's round is over. (Its timer may stay: it does nothing once no slot is
        // outstanding, and the next round's timer replaces it.)
        if let Role::Leader { outstanding, .. } = &mut log.role {
            outstanding.retain(|(s, ..)| *s != slot);
        }
        // Every slot now next in line is applied: none if `slot` left a hole before it, else
        // `slot` and the learnt slots after it (at most LOG_SLOTS_MAX).
        for slot in (applied + 1..=log.applied()).map(Slot) {
            let Some(op) = log.learned_at(slot) else { continue };
            let (key, read) = match op {
                Op::Get { key } => (Some(key), log.read(key, slot)),
                Op::Set { .. } | Op::NoOp => (None, None),
            };
            out.push(Effect::Note(Note::Applied { slot, op, key, read }));
        }
    }
}
