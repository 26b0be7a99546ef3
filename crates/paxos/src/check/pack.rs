//! Byte-level helpers for `Model::pack` and `Model::unpack`: small numbers in few bytes.
//!
//! Numbers are LEB128 varints (7 bits a byte, the high bit saying "more follows"), so the
//! counters and ballots of a small model, nearly always below 128, take one byte each. The
//! reader never panics: past the end of its bytes it reads zeros. `unpack` is only ever given
//! bytes `pack` wrote, so that case means a bug, which the checker's round-trip check in
//! debug builds reports; it must not bring a release build down.
//!
//! The checker packs every successor it computes (to fingerprint it), so packing is hot. A
//! [`Writer`] writes into room reserved beforehand, keeping its position in a register,
//! rather than through `Vec::push`, which checks and updates the vector's length in memory
//! for every byte: that halved the cost of packing a simulator state.

use std::mem::MaybeUninit;

/// Writes bytes into room reserved in a `Vec` (see [`write_packed`]). A write past the room
/// is not made but still counted, so that the caller can reserve the exact size and write
/// again.
pub(crate) struct Writer<'a> {
    room: &'a mut [MaybeUninit<u8>],
    at: usize,
}

impl Writer<'_> {
    #[inline(always)]
    pub(crate) fn byte(&mut self, byte: u8) {
        if let Some(slot) = self.room.get_mut(self.at) {
            slot.write(byte);
        }
        self.at += 1;
    }

    #[inline]
    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.byte(byte);
        }
    }

    #[inline(always)]
    pub(crate) fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.byte((value as u8) | 0x80);
            value >>= 7;
        }
        self.byte(value as u8);
    }
}

/// Appends what `write` writes to `out`, reserving `guess` bytes first (and, if that was too
/// few, exactly as many as were needed, then writing again). `write` must write the same
/// bytes each time it is called.
pub(crate) fn write_packed(out: &mut Vec<u8>, guess: usize, write: impl Fn(&mut Writer)) {
    let start = out.len();
    let mut room = guess;
    // The second pass has room for everything the first one counted.
    for _ in 0..2 {
        out.reserve(room);
        let mut writer = Writer { room: out.spare_capacity_mut(), at: 0 };
        write(&mut writer);
        let (written, reserved) = (writer.at, writer.room.len());
        if written <= reserved {
            // SAFETY: the writer initialised exactly the first `written` bytes of the spare
            // capacity (every write below `reserved` was made), and `written <= reserved`.
            unsafe { out.set_len(start + written) };
            return;
        }
        room = written;
    }
    unreachable!("the second pass reserved every byte the first one counted");
}

/// Reads what a [`Writer`] wrote, front to back.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    #[inline(always)]
    pub(crate) fn byte(&mut self) -> u8 {
        let byte = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        byte
    }

    /// At most 10 bytes, the most a `u64` takes.
    #[inline]
    pub(crate) fn varint(&mut self) -> u64 {
        let mut value = 0u64;
        let mut shift = 0;
        while shift < 64 {
            let byte = self.byte();
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                break;
            }
            shift += 7;
        }
        value
    }

    /// How many bytes are left to read: a bound on any count read next (each item takes one
    /// byte at least).
    pub(crate) fn left(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }

    /// `length` bytes (fewer if the input ends first).
    pub(crate) fn bytes(&mut self, length: usize) -> &'a [u8] {
        let start = self.at.min(self.bytes.len());
        let end = self.at.saturating_add(length).min(self.bytes.len());
        self.at = self.at.saturating_add(length);
        &self.bytes[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put_varint(out: &mut Vec<u8>, value: u64) {
        write_packed(out, 10, |writer| writer.varint(value));
    }

    #[test]
    fn a_writer_that_runs_out_of_room_writes_again_with_enough() {
        let mut out = vec![9u8];
        let write = |writer: &mut Writer| {
            for i in 0..100u64 {
                writer.varint(i * 100);
            }
        };
        write_packed(&mut out, 4, write);
        let mut expected = vec![9u8];
        for i in 0..100u64 {
            put_varint(&mut expected, i * 100);
        }
        assert_eq!(out, expected);
    }

    #[test]
    fn varints_round_trip_and_small_ones_take_one_byte() {
        let values = [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX];
        let mut out = Vec::new();
        for value in values {
            put_varint(&mut out, value);
        }
        assert_eq!(out[..3], [0, 1, 127]);
        let mut reader = Reader::new(&out);
        assert_eq!(values.map(|_| reader.varint()), values);
        // Past the end: zeros, no panic.
        assert_eq!((reader.varint(), reader.byte(), reader.bytes(3)), (0, 0, &[][..]));
    }
}
