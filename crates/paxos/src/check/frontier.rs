//! The breadth-first frontier: the states still to expand, packed (`Model::pack`), in the
//! order they were found, and nothing else.
//!
//! A breadth-first search needs whole states only for the two levels it is working on: the
//! level being expanded and the level its successors land in. Everything deeper in the past
//! is represented by fingerprints alone (`visited.rs`), so the frontier is the only place a
//! whole state is kept, and it is kept as bytes: for the simulator model a few dozen bytes
//! instead of a few hundred spread over three heap blocks.
//!
//! Each level is a list of byte segments holding records, a record being the state's length
//! (LEB128) and its bytes. Reading moves through the level being expanded, and every segment
//! it leaves behind is cleared and handed to the level being written, so the frontier holds
//! about one level's worth of bytes at any time, not two, and in steady state allocates
//! nothing. Segments are at most 1 MiB (a larger state gets one of its own) and start small,
//! so a small search stays small; a few spares are kept between levels, the rest freed.

/// The first segment of a level, and the smallest ever allocated.
const SEGMENT_MIN: usize = 4 << 10;
/// Segments double up to this size as a level grows.
const SEGMENT_MAX: usize = 1 << 20;
/// Spare segments kept when a level ends (the level about to be read hands over its own as
/// it is read, so few are needed).
const SPARES_KEPT: usize = 2;

#[derive(Default)]
pub(crate) struct Frontier {
    /// The level being expanded. Segments before `read_segment` have been read and handed on
    /// (they are empty, without capacity).
    current: Vec<Vec<u8>>,
    read_segment: usize,
    read_offset: usize,
    /// The level its successors land in.
    next: Vec<Vec<u8>>,
    /// Cleared segments ready for reuse, by capacity, largest last.
    spares: Vec<Vec<u8>>,
    /// Bytes of capacity of every segment held, kept as they are allocated and freed.
    segment_bytes: usize,
}

fn varint_len(value: usize) -> usize {
    let bits = usize::BITS - (value | 1).leading_zeros();
    bits.div_ceil(7) as usize
}

impl Frontier {
    pub(crate) fn new() -> Frontier {
        Frontier::default()
    }

    /// Every byte the frontier holds: its segments and the lists of them.
    pub(crate) fn bytes(&self) -> usize {
        let lists = self.current.capacity() + self.next.capacity() + self.spares.capacity();
        self.segment_bytes + lists * std::mem::size_of::<Vec<u8>>()
    }

    /// Appends a state's packed bytes to the level being written.
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        let record = varint_len(bytes.len()) + bytes.len();
        let fits = self.next.last().is_some_and(|last| last.capacity() - last.len() >= record);
        if !fits {
            let segment = self.segment_for(record);
            self.next.push(segment);
        }
        let Some(last) = self.next.last_mut() else { unreachable!("a segment was just added") };
        let mut length = bytes.len();
        while length >= 0x80 {
            last.push((length as u8) | 0x80);
            length >>= 7;
        }
        last.push(length as u8);
        last.extend_from_slice(bytes);
    }

    /// Bytes the next `push` of a `length`-byte state would allocate (0 when it fits in the
    /// last segment or a spare).
    pub(crate) fn growth_bytes(&self, length: usize) -> usize {
        let record = varint_len(length) + length;
        let fits = self.next.last().is_some_and(|last| last.capacity() - last.len() >= record);
        let spare = self.spares.last().is_some_and(|spare| spare.capacity() >= record);
        if fits || spare {
            0
        } else {
            self.new_segment_bytes(record)
        }
    }

    fn new_segment_bytes(&self, record: usize) -> usize {
        let written: usize = self.next.iter().map(Vec::capacity).sum();
        written.clamp(SEGMENT_MIN, SEGMENT_MAX).max(record)
    }

    fn segment_for(&mut self, record: usize) -> Vec<u8> {
        if self.spares.last().is_some_and(|spare| spare.capacity() >= record) {
            if let Some(spare) = self.spares.pop() {
                return spare;
            }
        }
        let bytes = self.new_segment_bytes(record);
        self.segment_bytes += bytes;
        Vec::with_capacity(bytes)
    }

    fn recycle(&mut self, mut segment: Vec<u8>) {
        segment.clear();
        let at = self.spares.partition_point(|spare| spare.capacity() <= segment.capacity());
        self.spares.insert(at, segment);
    }

    /// Copies the next state of the level being expanded into `out`; false at the level's end.
    pub(crate) fn pop_into(&mut self, out: &mut Vec<u8>) -> bool {
        // Each pass either returns or moves past one segment, so this ends.
        while let Some(segment) = self.current.get(self.read_segment) {
            if self.read_offset < segment.len() {
                let (mut length, mut shift, mut at) = (0usize, 0u32, self.read_offset);
                while let Some(&byte) = segment.get(at) {
                    at += 1;
                    length |= usize::from(byte & 0x7f) << shift;
                    shift += 7;
                    if byte < 0x80 {
                        break;
                    }
                }
                let end = (at + length).min(segment.len());
                out.clear();
                out.extend_from_slice(&segment[at..end]);
                self.read_offset = end;
                return true;
            }
            let read = std::mem::take(&mut self.current[self.read_segment]);
            self.recycle(read);
            self.read_segment += 1;
            self.read_offset = 0;
        }
        false
    }

    /// Ends a level: the level written becomes the one to expand. Call once the level being
    /// expanded has been read to its end.
    pub(crate) fn next_level(&mut self) {
        while let Some(segment) = self.current.pop() {
            if segment.capacity() > 0 {
                self.recycle(segment);
            }
        }
        std::mem::swap(&mut self.current, &mut self.next);
        (self.read_segment, self.read_offset) = (0, 0);
        // The smallest spares go; the level now being read hands over its segments as it goes.
        let surplus = self.spares.len().saturating_sub(SPARES_KEPT);
        for spare in self.spares.drain(..surplus) {
            self.segment_bytes -= spare.capacity();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_come_back_in_order_level_by_level_and_memory_is_reused() {
        let mut frontier = Frontier::new();
        let state = |level: usize, i: usize| -> Vec<u8> { (0..(i % 300)).map(|b| (b + level) as u8).collect() };
        let mut out = Vec::new();
        let mut held_most = 0;
        for level in 0..4 {
            for i in 0..20_000 {
                frontier.push(&state(level, i));
            }
            if level > 0 {
                for i in 0..20_000 {
                    assert!(frontier.pop_into(&mut out));
                    assert_eq!(out, state(level - 1, i), "level {}, state {i}", level - 1);
                }
                assert!(!frontier.pop_into(&mut out));
            }
            frontier.next_level();
            held_most = held_most.max(frontier.bytes());
        }
        // 20,000 states of 0..300 bytes, with their length: about 3 MB a level. Two levels
        // are held at the level's end, and read segments are reused, so never much more.
        let level_bytes: usize = (0..20_000).map(|i| varint_len(i % 300) + i % 300).sum();
        assert!(held_most < 2 * level_bytes + 4 * SEGMENT_MAX, "{held_most} vs {level_bytes}");
        let allocated: usize =
            frontier.current.iter().chain(&frontier.next).chain(&frontier.spares).map(Vec::capacity).sum();
        assert_eq!(allocated, frontier.segment_bytes);
    }

    #[test]
    fn a_state_larger_than_a_segment_gets_one_of_its_own() {
        let mut frontier = Frontier::new();
        let big = vec![7u8; 3 * SEGMENT_MAX];
        assert_eq!(frontier.growth_bytes(big.len()), big.len() + 4);
        frontier.push(&[1]);
        frontier.push(&big);
        frontier.push(&[2]);
        frontier.next_level();
        let mut out = Vec::new();
        for expected in [&[1u8][..], &big, &[2]] {
            assert!(frontier.pop_into(&mut out));
            assert_eq!(out, expected);
        }
    }

    #[test]
    fn varint_lengths() {
        assert_eq!([0, 1, 127, 128, 16_383, 16_384].map(varint_len), [1, 1, 1, 2, 2, 3]);
    }
}
