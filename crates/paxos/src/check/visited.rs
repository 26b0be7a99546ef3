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
        VisitedTable {
            slots: vec![0; SLOTS_MIN],
            len: 0,
            shift: 64 - SLOTS_MIN.trailing_zeros(),
        }
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
    /// [`grow_if_needed`](Self::grow_if_needed) *before* probing, so the position stays valid.
    #[inline]
    pub(crate) fn insert_at(&mut self, position: usize, hash: u64, index: u32) {
        debug_assert!(index <= INDEX_MAX);
        debug_assert_eq!(self.slots[position], 0);
        self.slots[position] = (hash & 0xffff_ffff_0000_0000) | u64::from(index + 1);
        self.len += 1;
    }

    /// Doubles the table when one more entry would push the load above 1/2. `hash_of_index`
    /// recomputes the hash of a stored state (hashes are not kept, to save 8 bytes per state).
    pub(crate) fn grow_if_needed(&mut self, hash_of_index: impl Fn(u32) -> u64) {
        if (self.len + 1) * 2 <= self.slots.len() {
            return;
        }
        let slots_new = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![0; slots_new]);
        self.shift -= 1;
        let mask = slots_new - 1;
        for slot in old.into_iter().filter(|&slot| slot != 0) {
            let index = (slot as u32) - 1;
            let hash = hash_of_index(index);
            debug_assert_eq!(hash >> 32, slot >> 32, "state hash changed while stored");
            let mut position = (hash >> self.shift) as usize;
            while self.slots[position] != 0 {
                position = (position + 1) & mask;
            }
            self.slots[position] = slot;
        }
    }
}
