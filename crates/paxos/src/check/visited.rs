//! The visited set: an open-addressing hash table of indices into the checker's state arena.
//!
//! Each slot is one `u64`: the low 32 bits hold `index + 1` (0 marks an empty slot) and the high
//! 32 bits hold a tag taken from the state's hash. The tag lets most probes reject a slot without
//! touching the arena; a matching tag is confirmed by comparing whole states, so two different
//! states are never merged, whatever their hashes. Storing indices instead of states keeps the
//! table at 8 bytes per slot and lets the arena double as the breadth-first queue.
//!
//! Linear probing with a load factor of at most 1/2 keeps probe sequences short; the slot is
//! picked from the hash's top bits, which the hasher's finaliser makes uniform.

/// Slots are never fewer than this, so tiny searches do not resize repeatedly.
const SLOTS_MIN: usize = 1 << 10;

/// Highest index the 32-bit slot field can hold (index + 1 must fit, and 0 means empty).
pub(crate) const INDEX_MAX: u32 = u32::MAX - 1;

#[derive(Debug)]
pub(crate) struct VisitedTable {
    slots: Vec<u64>,
    /// Number of occupied slots.
    len: usize,
    /// `64 - log2(slots.len())`: shifting a hash right by this gives a slot number.
    shift: u32,
}

/// Where a lookup ended.
pub(crate) enum Probe {
    /// An equal state is already stored.
    Found,
    /// No equal state; the slot position where it would go.
    Vacant(usize),
}

impl VisitedTable {
    pub(crate) fn new() -> VisitedTable {
        VisitedTable { slots: vec![0; SLOTS_MIN], len: 0, shift: 64 - SLOTS_MIN.trailing_zeros() }
    }

    pub(crate) fn bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<u64>()
    }

    /// Looks for a stored index whose state `is_equal` accepts. The probe visits at most every
    /// slot once; since the table is never full it always meets an empty slot first.
    #[inline]
    pub(crate) fn probe(&self, hash: u64, mut is_equal: impl FnMut(u32) -> bool) -> Probe {
        let mask = self.slots.len() - 1;
        let tag = hash >> 32;
        let mut position = (hash >> self.shift) as usize;
        for _ in 0..self.slots.len() {
            let slot = self.slots[position];
            if slot == 0 {
                return Probe::Vacant(position);
            }
            let index = (slot as u32).wrapping_sub(1);
            if slot >> 32 == tag && is_equal(index) {
                return Probe::Found;
            }
            position = (position + 1) & mask;
        }
        unreachable!("visited table has no empty slot; the load factor bound was broken");
    }

    /// Fills the vacant slot found by [`probe`](Self::probe). The caller must call
    /// [`reserve`](Self::reserve) *before* probing, so the position stays valid.
    #[inline]
    pub(crate) fn insert_at(&mut self, position: usize, hash: u64, index: u32) {
        debug_assert!(index <= INDEX_MAX);
        debug_assert_eq!(self.slots[position], 0);
        self.slots[position] = (hash & 0xffff_ffff_0000_0000) | u64::from(index + 1);
        self.len += 1;
    }

    /// Puts `index` in the first free slot from the home slot of `hash` (for rebuilding, where
    /// every index is known to be absent).
    fn place(&mut self, hash: u64, index: u32) {
        let mask = self.slots.len() - 1;
        let mut position = (hash >> self.shift) as usize;
        // The table is at most half full, so an empty slot turns up within it.
        for _ in 0..self.slots.len() {
            if self.slots[position] == 0 {
                break;
            }
            position = (position + 1) & mask;
        }
        self.slots[position] = (hash & 0xffff_ffff_0000_0000) | u64::from(index + 1);
    }

    /// Hints the processor to start loading the home slot of `hash`. Only a hint: correctness
    /// never depends on it, and on targets without a prefetch instruction it does nothing.
    #[inline]
    pub(crate) fn prefetch(&self, hash: u64) {
        let position = (hash >> self.shift) as usize;
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

    /// Bytes the table will occupy after `reserve(additional)`. The old table is freed before
    /// the new one is allocated, so this is also the peak.
    pub(crate) fn bytes_after_reserve(&self, additional: usize) -> usize {
        let needed = (self.len + additional).saturating_mul(2);
        let slots = if needed <= self.slots.len() { self.slots.len() } else { needed.next_power_of_two() };
        slots * std::mem::size_of::<u64>()
    }

    /// Makes room for `additional` more entries: when the load would pass 1/2, rebuilds the table
    /// at double size (or more) from the arena. Stored indices are exactly `0..self.len`, so the
    /// rebuild walks the arena in order, `hash_of_index` giving each state's hash (hashes are not
    /// kept, to save 8 bytes per state). Walking the arena rather than the old slots reads states
    /// sequentially instead of at random, which makes growing several times cheaper. Call before
    /// probing: rebuilding moves every slot.
    pub(crate) fn reserve(&mut self, additional: usize, hash_of_index: impl Fn(u32) -> u64) {
        let needed = (self.len + additional).saturating_mul(2);
        if needed <= self.slots.len() {
            return;
        }
        let slots_new = needed.next_power_of_two();
        self.slots = Vec::new(); // free the old table before allocating the new one
        self.slots = vec![0; slots_new];
        self.shift = 64 - slots_new.trailing_zeros();
        // Software pipelining: hash a batch of states and prefetch their slots, then place them.
        // The placements are random writes into a table far larger than cache; overlapping their
        // misses instead of taking them one at a time is most of the speed of a rebuild.
        const BATCH: usize = 16;
        let mut hashes = [0u64; BATCH];
        let count = self.len as u32;
        let mut start = 0u32;
        while start < count {
            let end = count.min(start + BATCH as u32);
            for (offset, index) in (start..end).enumerate() {
                hashes[offset] = hash_of_index(index);
                self.prefetch(hashes[offset]);
            }
            for (offset, index) in (start..end).enumerate() {
                self.place(hashes[offset], index);
            }
            start = end;
        }
    }
}
