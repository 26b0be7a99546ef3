//! What a search returns: bounds going in, progress during, a report at the end.

use serde::Serialize;

/// Limits on one search. A search that hits one stops with [`Verdict::Incomplete`]: it found no
/// violation among the states it saw, which is weaker than [`Verdict::Holds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bounds {
    /// Most distinct states to visit (states are numbered in 32 bits, so never above ~4.29e9).
    pub states_max: u64,
    /// States at this breadth-first depth are stored and checked but not expanded
    /// (init states are depth 1).
    pub depth_max: u32,
    /// Most bytes the search may hold at any moment: the visited table (while it grows, the
    /// old and the new one), the parent links, the packed frontier and the expansion buffers,
    /// as the allocator hands them out. Within a few percent of the heap really allocated
    /// (`tests/check_memory.rs`; docs/BENCHMARKS.md for resident memory and wasm).
    pub bytes_max: u64,
}

impl Default for Bounds {
    /// 20 million states or 1 GiB, whichever comes first.
    fn default() -> Bounds {
        Bounds { states_max: 20_000_000, depth_max: u32::MAX, bytes_max: 1 << 30 }
    }
}

/// Which bound stopped a search early.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// `Bounds::states_max` distinct states were stored and another new one turned up.
    States,
    /// Some states at `Bounds::depth_max` had successors that were not explored.
    Depth,
    /// Growing a table would have passed `Bounds::bytes_max`.
    Memory,
    /// The caller asked for a report before the search was over (cancelled between chunks).
    NotFinished,
}

/// The outcome of a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Verdict {
    /// Every reachable state was visited and the property held in each.
    Holds,
    /// A reachable state breaks the property; the report carries the shortest path to one.
    Violated { reason: String },
    /// A reachable state has no way out and the model does not accept it as an ending.
    Stuck { reason: String },
    /// The search stopped at a bound before visiting every reachable state.
    Incomplete { limit: Limit },
}

/// Final (or, for a cancelled search, partial) result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report<A> {
    /// States stored after deduplication (TLC's "distinct states found").
    pub distinct_states: u64,
    /// Successor states computed, duplicates and stuttering steps included, plus the init states:
    /// TLC's "states generated". Each enabled action counts `Model::generated_count` successors
    /// (for the TLA model one per witness of its quantifiers, as TLC computes them; 1 otherwise).
    pub generated_states: u64,
    /// Deepest breadth-first level holding a state; init states are level 1, as TLC counts.
    pub depth: u32,
    pub verdict: Verdict,
    /// For `Violated` and `Stuck`: the actions, from an init state, of a shortest path to the
    /// offending state. Replaying them reproduces it.
    pub counterexample: Option<Vec<A>>,
}

/// A snapshot between chunks of work, for progress bars and rate displays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub distinct_states: u64,
    pub generated_states: u64,
    /// Deepest level holding a state so far (init states are level 1).
    pub depth: u32,
    /// Stored states not yet expanded: the breadth-first frontier.
    pub queued_states: u64,
    /// Bytes the search holds, as `Bounds::bytes_max` counts them.
    pub memory_bytes: u64,
    /// The most it has held at any moment so far (the frontier shrinks as a search ends, and
    /// the visited table is held twice while it grows).
    pub memory_peak_bytes: u64,
    /// True once a verdict is reached; further `run_for` calls do nothing.
    pub finished: bool,
}

impl Verdict {
    /// One word for machines and labels: `holds`, `violated`, `stuck` or `incomplete`.
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::Violated { .. } => "violated",
            Verdict::Stuck { .. } => "stuck",
            Verdict::Incomplete { .. } => "incomplete",
        }
    }

    /// For a search a bound stopped, which one (`states`, `depth`, `memory`, `not_finished`),
    /// for a page to say so in its own words; `None` otherwise.
    pub fn limit(&self) -> Option<&'static str> {
        match self {
            Verdict::Incomplete { limit } => Some(match limit {
                Limit::States => "states",
                Limit::Depth => "depth",
                Limit::Memory => "memory",
                Limit::NotFinished => "not_finished",
            }),
            _ => None,
        }
    }

    /// What was found, in a sentence (empty when the property holds).
    pub fn reason(&self) -> String {
        match self {
            Verdict::Holds => String::new(),
            Verdict::Violated { reason } | Verdict::Stuck { reason } => reason.clone(),
            Verdict::Incomplete { limit } => {
                let bound = match limit {
                    Limit::States => "the state bound",
                    Limit::Depth => "the depth bound",
                    Limit::Memory => {
                        return "stopped by the memory bound before every state was visited; check a smaller \
                                configuration (fewer servers, attempts or faults)"
                            .into()
                    }
                    Limit::NotFinished => "a cancel",
                };
                format!("stopped by {bound} before every state was visited")
            }
        }
    }
}
