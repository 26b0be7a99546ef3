//! The visited set: an open-addressing hash table of fingerprints, 8 bytes a slot.
//!
//! A slot holds a state's 64-bit fingerprint (`hash.rs`), or 0 when empty (fingerprints are
//! never 0). Nothing else is kept: no state, no index. A state counts as visited when its
//! fingerprint is in the table; see `hash.rs` for what that costs in certainty and why it is
//! small.
//!
//! Linear probing: a fingerprint's home slot is taken from its top bits, and a lookup walks
//! forward from there until it meets the fingerprint or an empty slot. The table doubles when
//! it would pass 3/4 full. At that load an insertion walks about 8 slots on average, 64
//! contiguous bytes, one or two cache lines; a lower bound on the load would cost memory (the
//! table is most of what the checker keeps per state) for little speed.
//!
//! Growing allocates the new table, moves every fingerprint over and frees the old one, so
//! both are held for a moment; the checker counts that moment against its memory bound. The
//! move is nearly sequential: the old table is walked in slot order, which is the order of the
//! top bits, and a doubled table keeps that order, so the writes sweep forward too.

/// Slots are never fewer than this, so tiny searches do not resize repeatedly.
const SLOTS_MIN: usize = 1 << 10;

#[derive(Debug)]
pub(crate) struct FingerprintTable {
    slots: Vec<u64>,
    /// Number of occupied slots.
    len: usize,
    /// `64 - log2(slots.len())`: shifting a fingerprint right by this gives its home slot.
    shift: u32,
}

/// Where a lookup ended.
pub(crate) enum Probe {
    /// The fingerprint is already in the table.
    Found,
    /// It is not; the slot where it would go.
    Vacant(usize),
}

/// Slots needed to hold `entries` at a load of at most 3/4.
/// (Saturating: a count no memory could hold asks for `usize::MAX` slots, which the checker's
/// memory bound refuses before anything is allocated.)
fn slots_for(entries: usize) -> usize {
    let needed = entries.saturating_mul(4).saturating_add(2) / 3;
    needed.checked_next_power_of_two().unwrap_or(usize::MAX).max(SLOTS_MIN)
}

impl FingerprintTable {
    pub(crate) fn new() -> FingerprintTable {
        FingerprintTable { slots: vec![0; SLOTS_MIN], len: 0, shift: 64 - SLOTS_MIN.trailing_zeros() }
    }

    pub(crate) fn bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<u64>()
    }

    /// Looks `fingerprint` up. The walk ends within the table: it is never full.
    #[inline]
    pub(crate) fn probe(&self, fingerprint: u64) -> Probe {
        debug_assert_ne!(fingerprint, 0, "0 marks an empty slot");
        let mask = self.slots.len() - 1;
        let mut position = (fingerprint >> self.shift) as usize;
        for _ in 0..self.slots.len() {
            match self.slots[position] {
                0 => return Probe::Vacant(position),
                slot if slot == fingerprint => return Probe::Found,
                _ => position = (position + 1) & mask,
            }
        }
        unreachable!("the fingerprint table has no empty slot; its load bound was broken");
    }

    /// Fills the vacant slot [`probe`](Self::probe) found. Call [`reserve`](Self::reserve)
    /// *before* probing, so that the position is still valid.
    #[inline]
    pub(crate) fn insert_at(&mut self, position: usize, fingerprint: u64) {
        debug_assert_eq!(self.slots[position], 0);
        self.slots[position] = fingerprint;
        self.len += 1;
    }

    /// Hints the processor to start loading the home slot of `fingerprint`, so that the
    /// lookups of one state's successors wait for memory together rather than one after
    /// another. Only a hint: on targets without a prefetch instruction it does nothing.
    #[inline]
    pub(crate) fn prefetch(&self, fingerprint: u64) {
        let position = (fingerprint >> self.shift) as usize;
        #[cfg(target_arch = "x86_64")]
        {
            use core::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            let slot = self.slots[position..].as_ptr();
            // SAFETY: a prefetch never faults and has no visible effect; the pointer is in bounds.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(slot.cast::<i8>()) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = position;
    }

    /// Bytes the new table would take if `reserve(additional)` grows it, else 0. While it
    /// grows, the old table is held as well.
    #[inline]
    pub(crate) fn growth_bytes(&self, additional: usize) -> usize {
        // The common case first, without the division in `slots_for`: 3/4 full or less.
        let entries = self.len.saturating_add(additional);
        if entries.saturating_mul(4) <= self.slots.len() * 3 {
            return 0;
        }
        let slots = slots_for(entries);
        if slots <= self.slots.len() {
            0
        } else {
            slots.saturating_mul(std::mem::size_of::<u64>())
        }
    }

    /// Makes room for `additional` more fingerprints without passing 3/4 full. Call before
    /// probing: growing moves every slot.
    pub(crate) fn reserve(&mut self, additional: usize) {
        let slots_new = slots_for(self.len.saturating_add(additional));
        if slots_new <= self.slots.len() {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![0; slots_new]);
        self.shift = 64 - slots_new.trailing_zeros();
        let mask = slots_new - 1;
        for fingerprint in old.into_iter().filter(|&slot| slot != 0) {
            let mut position = (fingerprint >> self.shift) as usize;
            // The new table is at most 3/8 full after a doubling, so an empty slot is near.
            while self.slots[position] != 0 {
                position = (position + 1) & mask;
            }
            self.slots[position] = fingerprint;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::hash::mix64;

    #[test]
    fn finds_what_it_holds_across_growth_and_stays_under_three_quarters() {
        let mut table = FingerprintTable::new();
        let fingerprint = |i: u64| mix64(i + 1) | 1;
        for i in 0..98_000u64 {
            table.reserve(1);
            match table.probe(fingerprint(i)) {
                Probe::Vacant(position) => table.insert_at(position, fingerprint(i)),
                Probe::Found => panic!("{i} found before it was inserted"),
            }
            assert!(table.len * 4 <= table.slots.len() * 3);
        }
        assert!((0..98_000).all(|i| matches!(table.probe(fingerprint(i)), Probe::Found)));
        assert!((98_000..99_000).all(|i| matches!(table.probe(fingerprint(i)), Probe::Vacant(_))));
        // 98,000 entries, at most 3/4 full: 2^17 slots (98,304 would still fit).
        assert_eq!(table.bytes(), 8 << 17);
    }

    #[test]
    fn growth_is_announced_before_it_happens() {
        let mut table = FingerprintTable::new();
        assert_eq!(table.growth_bytes(768), 0);
        assert_eq!(table.growth_bytes(769), 8 * 2048);
        table.reserve(769);
        assert_eq!(table.bytes(), 8 * 2048);
    }
}
