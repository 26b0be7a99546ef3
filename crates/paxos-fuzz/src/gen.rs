//! Input generation from a seed: the core's SplitMix64 with a few helpers, and byte-level
//! mutations.

use paxos::sim::rng::Rng;

pub struct Gen(Rng);

impl Gen {
    /// A generator for `seed`, decorrelated from the core's own use of the same seed.
    pub fn new(seed: u64) -> Gen {
        Gen(Rng::new(seed ^ 0x5EED_F022_0000_0000))
    }

    pub fn u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        self.0.below(n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        match hi.checked_sub(lo).and_then(|d| d.checked_add(1)) {
            Some(span) => lo + self.0.below(span),
            None => self.u64(),
        }
    }

    pub fn chance(&mut self, percent: u8) -> bool {
        self.0.chance(percent)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A number as text: mostly one of `points` or a neighbour of one (so limits are hit
    /// and passed), sometimes any `u64`, sometimes a string that is not quite a number.
    pub fn number_text(&mut self, points: &[u64]) -> String {
        match self.below(20) {
            0..=13 => {
                let p = *self.pick(points);
                match self.below(3) {
                    0 => p.saturating_sub(1),
                    1 => p,
                    _ => p.saturating_add(1),
                }
                .to_string()
            }
            14 | 15 => self.range(0, 200).to_string(),
            16 => self.u64().to_string(),
            _ => self.pick(NOT_QUITE_NUMBERS).to_string(),
        }
    }

    /// Some text drawn from awkward pieces: Unicode, controls, NUL, BOM, long runs.
    pub fn junk(&mut self, pieces: usize) -> String {
        let mut out = String::new();
        for _ in 0..pieces {
            out.push_str(self.pick::<&str>(JUNK));
        }
        out
    }
}

pub const NOT_QUITE_NUMBERS: &[&str] = &[
    "",
    "-1",
    "+5",
    "007",
    "1e3",
    "0x10",
    "1_000",
    "١٢",
    "３",
    "18446744073709551616",
    "99999999999999999999999999",
    "4294967296",
    "256",
    "65536",
    "-0",
    "+",
    "NaN",
    "1.5",
    " ",
];

pub const JUNK: &[&str] = &[
    "a", "Z", "0", "9", "_", " ", "  ", "\t", "é", "中", "文", "𝔛", "🙂", "\u{200b}", "\u{3000}", "\u{feff}", "\0",
    "\u{7}", "\u{1b}", "\r", "\n", "\r\n", "#", "#1", "->", "..", "%", "|", "S", "S1", "S0", "S9", "S10", "S255", "x",
    "propose", "deliver", "title", "nodes", "\u{85}", "\u{2028}", "\u{fffd}", "\\", "\"",
];

/// Interesting byte strings to splice into mutated input.
pub const TOKENS: &[&[u8]] = &[
    b" ",
    b"\n",
    b"\r\n",
    b"\r",
    b"\t",
    b"#",
    b"#0",
    b"#4294967296",
    b"->",
    b"..",
    b"%",
    b"|",
    b"S0",
    b"S1",
    b"S9",
    b"S10",
    b"S12",
    b"0",
    b"1000",
    b"1001",
    b"100000",
    b"100001",
    b"4294967295",
    b"18446744073709551616",
    b"\xef\xbb\xbf",
    b"\0",
    b"\xff",
    b"\xc3",
    b"\xe4\xb8",
    b"\xf0\x9f\x99\x82",
    b"\xed\xa0\x80",
    b"run\n",
    b"step 100000\n",
    b"propose S1 X\n",
    b"partition S1 | S2\n",
    b"heal\n",
    b"crash S1\n",
    b"restart S1\n",
    b"nodes 9\n",
    b"nodes 10\n",
    b"quorum 9 9\n",
    b"network manual\n",
    b"network auto\n",
    b"drop 100%\n",
    b"duplicate 100%\n",
    b"delay 1000..1000\n",
    b"timeout 0\n",
    b"leader S9\n",
    b"amnesia on\n",
    b"attempts 64\n",
];

/// Applies `1..=max` random byte-level edits: bit flips, random bytes, spliced tokens,
/// deletions, duplicated and swapped lines, truncation.
pub fn mutate(g: &mut Gen, bytes: &mut Vec<u8>, max: usize) {
    let edits = 1 + g.below(max);
    for _ in 0..edits {
        let len = bytes.len();
        let at = if len == 0 { 0 } else { g.below(len + 1) };
        match g.below(9) {
            0 if len > 0 => {
                let i = g.below(len);
                bytes[i] ^= 1 << g.below(8);
            }
            1 if len > 0 => {
                let i = g.below(len);
                bytes[i] = g.below(256) as u8;
            }
            2 | 3 => {
                let token = g.pick(TOKENS);
                bytes.splice(at..at, token.iter().copied());
            }
            4 if len > 0 => {
                let end = (at + 1 + g.below(16)).min(len);
                bytes.drain(at.min(end)..end);
            }
            5 => {
                // Duplicate a line (or any stretch) somewhere else.
                let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
                let line = g.pick(&lines).to_vec();
                let copies = if g.chance(10) { 1 + g.below(200) } else { 1 };
                let mut piece = Vec::new();
                for _ in 0..copies {
                    piece.extend_from_slice(&line);
                    piece.push(b'\n');
                }
                bytes.splice(at..at, piece);
            }
            6 => {
                // Swap two lines.
                let mut lines: Vec<Vec<u8>> = bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
                if lines.len() > 1 {
                    let (a, b) = (g.below(lines.len()), g.below(lines.len()));
                    lines.swap(a, b);
                }
                *bytes = lines.join(&b'\n');
            }
            7 if len > 0 => bytes.truncate(g.below(len)),
            _ => {
                let n = 1 + g.below(4);
                for _ in 0..n {
                    bytes.insert(at.min(bytes.len()), g.below(256) as u8);
                }
            }
        }
    }
}

/// Text from possibly invalid UTF-8, as a user's paste would arrive (the core takes `&str`;
/// invalid sequences become U+FFFD, as a browser's TextDecoder makes them).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
