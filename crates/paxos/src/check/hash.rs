//! Fingerprints: the 64-bit hash that stands for a whole state in the visited set.
//!
//! The checker keeps no visited state whole, only its fingerprint (see `visited.rs`), so two
//! different states with the same fingerprint are taken for one, and what lies only behind
//! the second is never explored. That makes the quality of this hash part of the checker's
//! soundness, not only of its speed: the chance that a search of n distinct states merges any
//! two is about n² / 2^65 *if the fingerprints behave like independent random 64-bit values*
//! (the birthday bound: n²/2 pairs, each equal with chance 2^-64). `docs/BENCHMARKS.md` gives
//! the figure for the jobs the page runs, and `tests/check_fingerprints.rs` checks the
//! "behave like random values" part on real states: their 32-bit halves collide as often as
//! random values would, no more.
//!
//! What is hashed is a state's packed bytes (`Model::pack`), which are distinct for distinct
//! states. The function reads them as little-endian 64-bit words in two independent lanes
//! (even and odd words, so the two multiply chains run side by side), passing each lane
//! through MurmurHash3's 64-bit finaliser after every word. That finaliser is a bijection
//! in which every output bit depends on every input bit, so unlike a multiply-only hash such
//! as FxHash no input difference stays confined to some bits. The length is mixed in first,
//! so a state and the same bytes followed by zeros differ. The key is fixed: runs are
//! reproducible on every platform, wasm32 included, and nothing here depends on `HashMap`'s
//! random keys.

/// First lane's starting value (digits of π; any fixed constants would do).
const LANE_A_SEED: u64 = 0x243f_6a88_85a3_08d3;
/// Second lane's starting value.
const LANE_B_SEED: u64 = 0x1319_8a2e_0370_7344;

/// MurmurHash3's 64-bit finaliser: a bijection with full avalanche (each input bit flips each
/// output bit with probability close to 1/2).
#[inline]
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

#[inline]
fn word(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(word)
}

/// The fingerprint of a packed state: never 0, which the visited table keeps for "empty"
/// (a hash of 0 becomes 1, one more way to collide, with chance 2^-64).
#[inline]
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut a = LANE_A_SEED ^ bytes.len() as u64;
    let mut b = LANE_B_SEED;
    let mut pairs = bytes.chunks_exact(16);
    for pair in &mut pairs {
        a = mix64(a ^ word(&pair[..8]));
        b = mix64(b ^ word(&pair[8..]));
    }
    let tail = pairs.remainder();
    if tail.len() > 8 {
        a = mix64(a ^ word(&tail[..8]));
        b = mix64(b ^ word(&tail[8..]));
    } else if !tail.is_empty() {
        a = mix64(a ^ word(tail));
    }
    // The second lane is mixed once more before it meets the first, so that equal lane values
    // do not cancel.
    let hash = mix64(a ^ mix64(b ^ LANE_A_SEED));
    hash | u64::from(hash == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_bytes_give_equal_fingerprints_and_small_changes_move_the_top_bits() {
        assert_eq!(fingerprint(&[1, 2, 3]), fingerprint(&[1, 2, 3]));
        for length in 1..40 {
            let mut bytes = vec![0u8; length];
            let plain = fingerprint(&bytes);
            bytes[length - 1] = 1;
            assert_ne!(plain >> 48, fingerprint(&bytes) >> 48, "length {length}");
        }
    }

    #[test]
    fn trailing_zeros_change_the_fingerprint() {
        assert_ne!(fingerprint(b"ab"), fingerprint(b"ab\0"));
        assert_ne!(fingerprint(&[]), fingerprint(&[0]));
        assert_ne!(fingerprint(&[0; 16]), fingerprint(&[0; 17]));
    }

    #[test]
    fn a_fingerprint_is_never_zero() {
        assert!((0..10_000u32).all(|i| fingerprint(&i.to_le_bytes()) != 0));
    }
}
