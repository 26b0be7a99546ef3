//! Bit layout of a TLA Paxos state: four 64-bit words, no heap.
//!
//! Word 0 holds the acceptor variables, 12 bits per acceptor (so at most 5 acceptors):
//! `maxBal + 1`, `maxVBal + 1` and `maxVal` (0 for None, `v + 1` for value v), 4 bits each.
//! The +1 shifts let the spec's "-1 = nothing yet" sit at 0, so the all-zero word is `Init`.
//!
//! Words 1..=3 are the message set `msgs` as a bitset over every message the configuration can
//! express (192 bits at most). A set, not a queue: sending a message already present changes
//! nothing, which is exactly the spec's `msgs' = msgs \cup {m}`. The message kinds are laid out
//! so that the questions the actions ask are cheap:
//! - 1b messages are grouped by (acceptor, ballot): one range answers "did a send a 1b in b,
//!   and which vote did it report?".
//! - 2b messages are grouped by (ballot, value) with one bit per acceptor: one range is the set
//!   of acceptors that voted for v in b, and a popcount decides whether it is a quorum.

use std::hash::{Hash, Hasher};

/// Bits of one acceptor field; bounds ballots and values at 15 (4 bits minus the "none" code).
pub(super) const FIELD_BITS: u32 = 4;
const ACCEPTOR_BITS: u32 = 3 * FIELD_BITS;
pub(super) const ACCEPTORS_MAX: u8 = (64 / ACCEPTOR_BITS) as u8;
/// Message bits start at word 1.
const MESSAGE_BASE: u32 = 64;
pub(super) const STATE_BITS: u32 = 256;

/// One global state of the TLA model: acceptor variables and the message set, bit-packed.
#[derive(Clone, Copy, Eq, Default)]
pub struct TlaState {
    pub(super) words: [u64; 4],
}

impl PartialEq for TlaState {
    /// Word by word in scalar registers. The derived array comparison uses 16-byte vector loads,
    /// and a successor state has usually just been written as four 8-byte stores: such a load
    /// cannot be served from the pending stores and stalls until they reach the cache.
    #[inline]
    fn eq(&self, other: &TlaState) -> bool {
        let [a0, a1, a2, a3] = self.words;
        let [b0, b1, b2, b3] = other.words;
        ((a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2) | (a3 ^ b3)) == 0
    }
}

impl Hash for TlaState {
    /// Folds the four words into one with two independent 64x64->128-bit multiplies (the
    /// wyhash/foldhash mixing step), then hands that single word to the hasher. A word-by-word
    /// hash would be a chain of four dependent multiplies; this is shorter and runs in parallel.
    /// Equal states give equal words, which is all `Hash` must guarantee; collisions are settled
    /// by the visited table's full comparison.
    #[inline]
    fn hash<H: Hasher>(&self, hasher: &mut H) {
        let [w0, w1, w2, w3] = self.words;
        let low = fold_multiply(w0 ^ 0x243f_6a88_85a3_08d3, w1 ^ 0x1319_8a2e_0370_7344);
        let high = fold_multiply(w2 ^ 0xa409_3822_299f_31d0, w3 ^ 0x082e_fa98_ec4e_6c89);
        hasher.write_u64(low ^ high.rotate_left(32));
    }
}

/// Full 128-bit product of `a` and `b`, folded to 64 bits by xor of its halves.
#[inline]
fn fold_multiply(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

impl std::fmt::Debug for TlaState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "TlaState({:016x} {:016x} {:016x} {:016x})",
            self.words[0], self.words[1], self.words[2], self.words[3]
        )
    }
}

impl TlaState {
    #[inline]
    pub(super) fn bit(&self, index: u32) -> bool {
        self.words[(index / 64) as usize] >> (index % 64) & 1 == 1
    }

    /// Sets one bit. Written as a mask or-ed into every word, not as a store to one computed
    /// word: a store at a computed offset forces the state into memory in 8-byte pieces, and
    /// copying it right after with 16-byte loads stalls the processor (a store cannot be
    /// forwarded to a wider load). Whole-word expressions let the words stay in registers.
    #[inline]
    pub(super) fn set_bit(&mut self, index: u32) {
        let word = index / 64;
        let mask = 1u64 << (index % 64);
        let pick = |position: u32| if word == position { mask } else { 0 };
        let [w0, w1, w2, w3] = self.words;
        self.words = [w0 | pick(0), w1 | pick(1), w2 | pick(2), w3 | pick(3)];
    }

    /// `len` (<= 64) bits starting at `start`, which may straddle two words.
    #[inline]
    pub(super) fn bits(&self, start: u32, len: u32) -> u64 {
        debug_assert!((1..=64).contains(&len) && start + len <= STATE_BITS);
        let word = (start / 64) as usize;
        let shift = start % 64;
        let mut value = self.words[word] >> shift;
        if shift + len > 64 {
            value |= self.words[word + 1] << (64 - shift);
        }
        if len == 64 {
            value
        } else {
            value & ((1u64 << len) - 1)
        }
    }

    #[inline]
    fn field(&self, acceptor: u8, field: u32) -> u8 {
        let shift = u32::from(acceptor) * ACCEPTOR_BITS + field * FIELD_BITS;
        ((self.words[0] >> shift) & 0xf) as u8
    }

    #[inline]
    fn set_field(&mut self, acceptor: u8, field: u32, code: u8) {
        debug_assert!(code <= 0xf);
        let shift = u32::from(acceptor) * ACCEPTOR_BITS + field * FIELD_BITS;
        self.words[0] = (self.words[0] & !(0xf << shift)) | (u64::from(code) << shift);
    }

    /// `maxBal[a] + 1`: 0 means the spec's -1 (no promise yet).
    #[inline]
    pub(super) fn max_bal_code(&self, acceptor: u8) -> u8 {
        self.field(acceptor, 0)
    }

    /// `maxVBal[a] + 1`: 0 means the spec's -1 (never voted).
    #[inline]
    pub(super) fn max_vbal_code(&self, acceptor: u8) -> u8 {
        self.field(acceptor, 1)
    }

    /// `maxVal[a]` as 0 for None or `v + 1`.
    #[inline]
    pub(super) fn max_val_code(&self, acceptor: u8) -> u8 {
        self.field(acceptor, 2)
    }

    #[inline]
    pub(super) fn set_max_bal(&mut self, acceptor: u8, ballot: u8) {
        self.set_field(acceptor, 0, ballot + 1);
    }

    #[inline]
    pub(super) fn set_vote(&mut self, acceptor: u8, ballot: u8, value: u8) {
        self.set_field(acceptor, 1, ballot + 1);
        self.set_field(acceptor, 2, value + 1);
    }
}

/// Where each message kind lives in the bitset, for one configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Layout {
    pub(super) acceptors: u8,
    pub(super) values: u8,
    pub(super) ballots: u8,
    one_a: u32,
    two_a: u32,
    one_b: u32,
    two_b: u32,
    /// Bits per (acceptor, ballot) group of 1b messages: one "no vote" bit plus one per
    /// (mbal, mval) pair.
    pub(super) one_b_group: u32,
    end: u32,
}

impl Layout {
    /// `None` if the configuration does not fit the fixed 256-bit state.
    pub(super) fn new(acceptors: u8, values: u8, ballots: u8) -> Option<Layout> {
        let (a, v, b) = (u32::from(acceptors), u32::from(values), u32::from(ballots));
        let one_b_group = 1 + b * v;
        let one_a = MESSAGE_BASE;
        let two_a = one_a + b;
        let one_b = two_a + b * v;
        let two_b = one_b + a * b * one_b_group;
        let end = two_b + b * v * a;
        let fits = acceptors <= ACCEPTORS_MAX && one_b_group <= 64 && end <= STATE_BITS;
        fits.then_some(Layout { acceptors, values, ballots, one_a, two_a, one_b, two_b, one_b_group, end })
    }

    pub(super) fn message_bits(&self) -> u32 {
        self.end - MESSAGE_BASE
    }

    #[inline]
    pub(super) fn one_a(&self, ballot: u8) -> u32 {
        self.one_a + u32::from(ballot)
    }

    #[inline]
    pub(super) fn two_a(&self, ballot: u8, value: u8) -> u32 {
        self.two_a + u32::from(ballot) * u32::from(self.values) + u32::from(value)
    }

    /// Start of the 2a messages of `ballot` (one bit per value).
    #[inline]
    pub(super) fn two_a_group(&self, ballot: u8) -> u32 {
        self.two_a(ballot, 0)
    }

    /// Start of the 1b messages acceptor `a` sent in `ballot`. Bit 0 of the group is "sent with
    /// no vote" (mbal = -1, mval = None); bit `1 + mbal * values + mval` is "sent reporting the
    /// vote (mbal, mval)".
    #[inline]
    pub(super) fn one_b_group_start(&self, acceptor: u8, ballot: u8) -> u32 {
        let group = u32::from(acceptor) * u32::from(self.ballots) + u32::from(ballot);
        self.one_b + group * self.one_b_group
    }

    /// Bit of the 1b message for `vote` = `(max_vbal_code, max_val_code)` as stored in the state
    /// (codes are value + 1, with 0 for none).
    #[inline]
    pub(super) fn one_b(&self, acceptor: u8, ballot: u8, vbal_code: u8, val_code: u8) -> u32 {
        let start = self.one_b_group_start(acceptor, ballot);
        if vbal_code == 0 {
            start
        } else {
            start + 1 + u32::from(vbal_code - 1) * u32::from(self.values) + u32::from(val_code - 1)
        }
    }

    /// Start of the 2b messages for (ballot, value): one bit per acceptor.
    #[inline]
    pub(super) fn two_b_group(&self, ballot: u8, value: u8) -> u32 {
        let group = u32::from(ballot) * u32::from(self.values) + u32::from(value);
        self.two_b + group * u32::from(self.acceptors)
    }

    #[inline]
    pub(super) fn two_b(&self, acceptor: u8, ballot: u8, value: u8) -> u32 {
        self.two_b_group(ballot, value) + u32::from(acceptor)
    }
}
