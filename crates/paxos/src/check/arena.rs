//! Where the checker keeps its parent links and choices, one of each per visited state: in
//! discovery order, in segments of about 1 MiB that are allocated once, at their final size,
//! and never move.
//!
//! A `Vec` that doubles copies itself into a block twice as large and frees the old one: for
//! a moment both are live, and in wasm (whose memory never shrinks) the freed blocks are
//! holes that long-lived data of other sizes often cannot fill. The TLA model's search grew
//! wasm memory to 1.5 times what it held that way, when this arena held its states. Segments grow memory one segment at a
//! time, and what the checker reports is what it holds. The first segment grows like a `Vec`,
//! so that a small search stays small.

/// A segment's size in bytes (rounded down to a power-of-two number of items).
const SEGMENT_BYTES: usize = 1 << 20;

pub(crate) struct Arena<T> {
    segments: Vec<Vec<T>>,
    len: usize,
    /// Items of capacity over all segments, kept as they grow (`bytes` is asked often).
    capacity: usize,
}

impl<T> Arena<T> {
    /// Items per segment: a power of two, so that an index splits with a shift and a mask.
    const PER_SEGMENT: usize =
        1 << (SEGMENT_BYTES / if std::mem::size_of::<T>() == 0 { 1 } else { std::mem::size_of::<T>() }).ilog2();
    const SHIFT: u32 = Self::PER_SEGMENT.trailing_zeros();

    pub(crate) fn new() -> Arena<T> {
        Arena { segments: Vec::new(), len: 0, capacity: 0 }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub(crate) fn get(&self, index: usize) -> &T {
        &self.segments[index >> Self::SHIFT][index & (Self::PER_SEGMENT - 1)]
    }

    /// How many more items the next `push` will allocate room for (0 if it fits).
    fn growth(&self) -> usize {
        match self.segments.last() {
            None => 4.min(Self::PER_SEGMENT),
            Some(last) if last.len() == Self::PER_SEGMENT => Self::PER_SEGMENT,
            Some(last) if last.len() == last.capacity() => last.capacity().min(Self::PER_SEGMENT - last.len()),
            Some(_) => 0,
        }
    }

    /// Bytes the next `push` will allocate.
    pub(crate) fn growth_bytes(&self) -> usize {
        self.growth() * std::mem::size_of::<T>()
    }

    #[inline]
    pub(crate) fn push(&mut self, item: T) {
        match self.segments.last_mut() {
            Some(last) if last.len() < last.capacity() => last.push(item),
            _ => self.push_growing(item),
        }
        self.len += 1;
    }

    #[cold]
    fn push_growing(&mut self, item: T) {
        let growth = self.growth();
        let before = self.segments.last().map_or(0, Vec::capacity);
        match self.segments.last_mut() {
            Some(last) if last.len() < Self::PER_SEGMENT => {
                last.reserve_exact(growth);
                self.capacity += last.capacity() - before;
            }
            _ => {
                self.segments.push(Vec::with_capacity(growth));
                self.capacity += self.segments.last().map_or(0, Vec::capacity);
            }
        }
        if let Some(last) = self.segments.last_mut() {
            last.push(item);
        }
    }

    /// Bytes allocated: every segment's capacity, and the list of segments.
    pub(crate) fn bytes(&self) -> usize {
        self.capacity * std::mem::size_of::<T>() + self.segments.capacity() * std::mem::size_of::<Vec<T>>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_stay_where_they_were_put_and_growth_is_announced() {
        let mut arena = Arena::new();
        for i in 0..200_000u64 {
            let (before, growth) = (arena.bytes(), arena.growth_bytes());
            arena.push(i);
            // The list of segments grows too (a few pointers); the items grow as announced.
            let grown = arena.bytes() - before;
            assert!(grown >= growth && grown <= growth + 256, "{i}: {grown} vs {growth}");
        }
        assert_eq!(Arena::<u64>::PER_SEGMENT, 1 << 17);
        assert!((0..200_000u64).all(|i| *arena.get(i as usize) == i));
        assert_eq!(arena.capacity, arena.segments.iter().map(Vec::capacity).sum::<usize>());
        assert_eq!(arena.len(), 200_000);
        // Two segments, the second allocated whole.
        assert_eq!(arena.bytes() - arena.segments.capacity() * 24, 2 * (1 << 20));
    }
}
