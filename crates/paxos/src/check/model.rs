//! What the checker needs to know about a system: its states, its moves, and what must hold.

use std::fmt::Debug;

/// The most actions one state may enable, for any model: a stored parent link names the action
/// that found a state by its position in the parent's action list, in 16 bits.
pub const ACTIONS_MAX: usize = 1 << 16;

/// The answer a model gives about one state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Property {
    /// The safety property holds in this state.
    Holds,
    /// The safety property is broken here; the text says how, in the model's own words.
    Violated(String),
}

/// A transition system the checker can explore exhaustively.
///
/// The checker treats states as opaque values: it clones and compares them, and it keeps them
/// only as bytes (`pack`) while they wait to be expanded; a visited state is remembered by the
/// fingerprint of those bytes alone. The cheaper `next_state`, `pack` and `unpack` are, the
/// faster the search, and the shorter the packed bytes, the less memory its frontier takes.
///
/// Every method must be a pure function of its arguments: the checker may call any of them more
/// than once for the same state (it does so when it rebuilds a counterexample), and it relies on
/// getting the same answer each time.
pub trait Model {
    /// One global state of the system.
    type State: Clone + Eq;
    /// One step from a state to a successor. `Debug` is for diagnostics; models usually give it a
    /// friendlier `Display` as well. Equality lets a replay check that each step was enabled.
    type Action: Clone + Debug + PartialEq;

    /// Every state the system may start in.
    fn init_states(&self) -> Vec<Self::State>;

    /// Appends to `out` every action enabled in `state`, in a fixed order (the checker keeps the
    /// first action that reaches a new state, so the order decides which of several equally short
    /// counterexamples is reported). `out` arrives empty.
    fn actions(&self, state: &Self::State, out: &mut Vec<Self::Action>);

    /// The state after taking `action` in `state`, or `None` if the action turns out to be
    /// disabled after all. Returning `state` unchanged is allowed: it is a stuttering step.
    fn next_state(&self, state: &Self::State, action: &Self::Action) -> Option<Self::State>;

    /// `next_state`, written into `next` (whatever it held before) instead of returned: false
    /// if the action is disabled, and `next` is then left in any state. The checker computes
    /// every successor this way, into states it keeps from one expansion to the next, so a
    /// model whose states own heap blocks can reuse them (`Vec::clone_from`) rather than
    /// allocate and free a set per successor. The default calls `next_state`.
    fn next_state_into(&self, state: &Self::State, action: &Self::Action, next: &mut Self::State) -> bool {
        match self.next_state(state, action) {
            Some(successor) => {
                *next = successor;
                true
            }
            None => false,
        }
    }

    /// The safety property, judged in one state. The checker asks once per distinct state.
    fn property(&self, state: &Self::State) -> Property;

    /// Whether a state with no way out (every enabled action stutters, or none is enabled) is an
    /// acceptable place to end. Returning `false` makes such a state a `Stuck` verdict: for
    /// consensus that means "nothing is chosen and nothing ever will be". The default accepts
    /// every terminal state, which turns stuck detection off.
    fn is_settled(&self, _state: &Self::State) -> bool {
        true
    }

    /// Symmetry reduction hook: replaces a state by one fixed representative of its class of
    /// equivalent states (for example, the lexicographically least relabelling of
    /// interchangeable nodes). The checker deduplicates on the representative, so each class is
    /// explored once. It must be idempotent and must commute with the transition relation up to
    /// relabelling, or the search silently loses states. The default, no reduction, is always
    /// sound.
    fn canonicalize(&self, _state: &mut Self::State) {}

    /// How many successors taking `action` in `state` counts as in `generated_states` (asked
    /// only when the action is enabled). The default, 1, counts one per action. A model of a
    /// TLA+ spec can count as TLC does, one per way of satisfying the action's existential
    /// quantifiers (the successors are equal, so the search is unchanged), which makes its
    /// `generated_states` equal TLC's "states generated".
    fn generated_count(&self, _state: &Self::State, _action: &Self::Action) -> u64 {
        1
    }

    /// Appends `state` to `out` as bytes, from which [`unpack`](Self::unpack) rebuilds it.
    /// Distinct states must give distinct bytes and equal states equal bytes: the bytes are
    /// what the checker fingerprints, so an encoding that loses a detail silently merges
    /// states. (Debug builds check `unpack(pack(s)) == s` for every state they store.) Shorter
    /// is better: the frontier holds these bytes, and the fingerprint reads all of them.
    fn pack(&self, state: &Self::State, out: &mut Vec<u8>);

    /// The state that [`pack`](Self::pack) wrote as `bytes`. Only ever given bytes `pack`
    /// wrote, so it need not handle others beyond not misbehaving.
    fn unpack(&self, bytes: &[u8]) -> Self::State;

    /// Heap bytes `state` owns, which `size_of` does not see, for the memory bound
    /// ([`Bounds::bytes_max`](super::Bounds)): the checker holds the successors of the state it
    /// expands as values, so a model whose states hold `Vec`s counts them here (with
    /// [`vec_heap_bytes`]). The default, 0, suits states without heap parts.
    fn heap_bytes(&self, _state: &Self::State) -> usize {
        0
    }

    /// A hard cap on how many actions one state may enable, checked on every expansion so that a
    /// model bug cannot make the action buffer grow without bound. At most 2^16, the number of
    /// choices the checker's 16-bit parent links can name.
    fn actions_max(&self) -> usize {
        ACTIONS_MAX
    }
}

/// What a `Vec`'s buffer takes from the allocator: nothing when it has no capacity, else its
/// capacity in bytes plus the allocator's block header, rounded up to its 16-byte granule (as
/// glibc's malloc does, and wasm's dlmalloc to within a few bytes). A small block's overhead
/// is a large part of it: an 80-byte `Vec` costs 96.
pub fn vec_heap_bytes<T>(v: &Vec<T>) -> usize {
    match v.capacity() * std::mem::size_of::<T>() {
        0 => 0,
        bytes => (bytes + 8).next_multiple_of(16).max(32),
    }
}
