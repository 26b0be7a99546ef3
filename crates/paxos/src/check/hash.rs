//! A small, fast, deterministic hasher for deduplicating states.
//!
//! The standard library's default hasher (SipHash with a random key) is built to resist
//! adversarial inputs. The checker hashes only states it generated itself, so it can use a much
//! cheaper function: one multiply per 64-bit word while absorbing (the FxHash scheme used inside
//! rustc), then a full-avalanche finaliser so that the *high* bits, which pick the slot in the
//! visited table, depend on every input bit. The key is fixed, so runs are reproducible on every
//! platform, including wasm32.
//!
//! A hash is never trusted on its own: the visited table stores whole states and compares them
//! on a hash match, so a collision costs one extra comparison and can never merge two states.

use std::hash::Hasher;

/// Odd 64-bit constant from FxHash (derived from the golden ratio); multiplying by it spreads
/// low-bit differences upwards.
const SEED_MULTIPLIER: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Word-at-a-time hasher for checker states.
#[derive(Debug, Clone, Copy, Default)]
pub struct StateHasher {
    hash: u64,
}

impl StateHasher {
    #[inline]
    fn absorb(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED_MULTIPLIER);
    }
}

/// MurmurHash3's 64-bit finaliser: every output bit depends on every input bit, which FxHash
/// alone does not give for the top bits.
#[inline]
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

impl Hasher for StateHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.absorb(u64::from_le_bytes(word));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            let mut word = [0u8; 8];
            word[..tail.len()].copy_from_slice(tail);
            // Mixing the length in keeps "ab" and "ab\0" apart.
            self.absorb(u64::from_le_bytes(word) ^ ((tail.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, value: u8) {
        self.absorb(u64::from(value));
    }

    #[inline]
    fn write_u16(&mut self, value: u16) {
        self.absorb(u64::from(value));
    }

    #[inline]
    fn write_u32(&mut self, value: u32) {
        self.absorb(u64::from(value));
    }

    #[inline]
    fn write_u64(&mut self, value: u64) {
        self.absorb(value);
    }

    #[inline]
    fn write_usize(&mut self, value: usize) {
        self.absorb(value as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        mix64(self.hash)
    }
}

/// Hashes any `Hash` value with [`StateHasher`].
#[inline]
pub fn hash_of<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = StateHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_hash_equally_and_small_changes_move_the_top_bits() {
        assert_eq!(hash_of(&[1u64, 2, 3]), hash_of(&[1u64, 2, 3]));
        let a = hash_of(&[0u64, 0, 0, 1]);
        let b = hash_of(&[0u64, 0, 0, 2]);
        assert_ne!(a >> 48, b >> 48);
    }

    #[test]
    fn byte_tails_of_different_length_differ() {
        assert_ne!(hash_of(&b"ab"[..]), hash_of(&b"ab\0"[..]));
    }
}
