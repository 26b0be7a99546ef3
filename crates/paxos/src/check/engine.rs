//! Breadth-first explicit-state search with fingerprints and a packed frontier.
//!
//! What the checker holds, per state it has found:
//! - its fingerprint in the visited table (`visited.rs`): 8 bytes a slot, the table at most
//!   3/4 full, so 10.7 to 21.3 bytes a state;
//! - its parent link (`parents`, 4 bytes): the number of the state that found it, states
//!   being numbered in the order they were found;
//! - its choice (`choices`, 2 bytes): the position, in its parent's action list, of the action
//!   that found it.
//!
//! and, only while it waits to be expanded, its packed bytes in the frontier (`frontier.rs`),
//! which is read level by level and reused as it is read. Nothing else: no whole state is kept
//! once expanded. Because the search is breadth-first, states are found level by level, so
//! the state being expanded is number `next_to_expand` and the parent of everything it finds.
//!
//! A counterexample is rebuilt from those links: walk the parents back to an init state, then
//! re-execute the recorded choices forward from it, recomputing each state (`actions_to`). The
//! states so recomputed are exactly the ones the search stored, whatever the fingerprints did,
//! so a reported path is always a real run; and since the search is breadth-first, it is a
//! shortest one.
//!
//! Work is done in chunks (`run_for`) so that a caller without threads, such as a Web Worker,
//! can report progress, measure its own speed and cancel between chunks.

use super::arena::Arena;
use super::frontier::Frontier;
use super::hash::fingerprint;
use super::model::{Model, Property, ACTIONS_MAX};
use super::report::{Bounds, Limit, Progress, Report, Verdict};
use super::visited::{FingerprintTable, Probe};

/// Parent link of an init state.
const NO_PARENT: u32 = u32::MAX;
/// Highest state number a parent link can hold (`NO_PARENT` is taken).
const STATE_NUMBER_MAX: u64 = u32::MAX as u64 - 1;

/// Why the search stopped, and at which state when a state is to blame.
#[derive(Debug, Clone)]
struct Finding {
    verdict: Verdict,
    state_number: Option<u32>,
}

/// A successor of the state being expanded, waiting for its visited-table lookup.
struct Successor<S> {
    state: S,
    fingerprint: u64,
    /// Position of the action that led here in the parent's action list.
    choice: u16,
    /// End of its packed bytes in `Checker::packed` (they start where the previous one's end).
    packed_end: usize,
}

/// An exhaustive breadth-first checker for one model.
pub struct Checker<M: Model> {
    model: M,
    bounds: Bounds,
    /// Fingerprint of every state found.
    visited: FingerprintTable,
    /// `parents[i]`: number of the state that found state `i` (`NO_PARENT` for init states).
    parents: Arena<u32>,
    /// `choices[i]`: position of the action that found state `i` in its parent's action list.
    choices: Arena<u16>,
    /// Packed states not yet expanded, numbers `next_to_expand..found`, in that order.
    frontier: Frontier,
    /// Number of the next state to expand.
    next_to_expand: usize,
    /// One past the number of the last state of the level being expanded.
    level_end: usize,
    /// Level of state `next_to_expand`.
    level: u32,
    /// Deepest level holding a state.
    depth: u32,
    generated: u64,
    /// Packed bytes of the state being expanded.
    expanding: Vec<u8>,
    /// Reused for every expansion so that expanding does not allocate.
    actions: Vec<M::Action>,
    /// Successors of the state being expanded (as many as it has, at the front). They are all
    /// computed and their table slots prefetched before any is looked up, so that the lookups
    /// (random reads in a table far larger than the cache) wait for memory together rather
    /// than one after another. The states stay from one expansion to the next, and each
    /// successor is computed into one of them (`Model::next_state_into`), reusing its heap
    /// blocks instead of allocating new ones.
    successors: Vec<Successor<M::State>>,
    /// The successors' packed bytes, back to back.
    packed: Vec<u8>,
    /// Bytes of the expansion buffers above, with the successors' heap parts.
    buffer_bytes: usize,
    /// Most bytes held at any moment so far, growth of the visited table included.
    peak_bytes: usize,
    depth_cut: bool,
    finding: Option<Finding>,
}

impl<M: Model> Checker<M> {
    /// Prepares a search and checks the init states (so a broken init state is reported even if
    /// `run_for` is never called).
    pub fn new(model: M, bounds: Bounds) -> Checker<M> {
        let mut checker = Checker {
            model,
            bounds,
            visited: FingerprintTable::new(),
            parents: Arena::new(),
            choices: Arena::new(),
            frontier: Frontier::new(),
            next_to_expand: 0,
            level_end: 0,
            level: 1,
            depth: 0,
            generated: 0,
            expanding: Vec::new(),
            actions: Vec::new(),
            successors: Vec::new(),
            packed: Vec::new(),
            buffer_bytes: 0,
            peak_bytes: 0,
            depth_cut: false,
            finding: None,
        };
        for mut state in checker.model.init_states() {
            checker.generated += 1;
            checker.model.canonicalize(&mut state);
            if !checker.make_room(1) {
                break;
            }
            let mut packed = std::mem::take(&mut checker.packed);
            packed.clear();
            checker.model.pack(&state, &mut packed);
            checker.insert(&state, fingerprint(&packed), &packed, NO_PARENT, 0, 1);
            checker.packed = packed;
            if checker.finding.is_some() {
                break;
            }
        }
        checker.level_end = checker.found();
        checker.frontier.next_level();
        checker.note_peak(checker.memory_bytes());
        checker
    }

    pub fn model(&self) -> &M {
        &self.model
    }

    /// Distinct states found (and numbered) so far.
    fn found(&self) -> usize {
        self.parents.len()
    }

    /// Expands up to `budget_states` states, then returns. Call again to continue; once
    /// `Progress::finished` is true the verdict is final and further calls return at once.
    pub fn run_for(&mut self, budget_states: u64) -> Progress {
        let mut expanded: u64 = 0;
        while self.finding.is_none() && expanded < budget_states {
            if self.next_to_expand == self.found() {
                let verdict = if self.depth_cut { Verdict::Incomplete { limit: Limit::Depth } } else { Verdict::Holds };
                self.finding = Some(Finding { verdict, state_number: None });
                break;
            }
            if self.next_to_expand == self.level_end {
                self.level += 1;
                self.level_end = self.found();
                self.frontier.next_level();
            }
            let number = self.next_to_expand;
            self.next_to_expand += 1;
            expanded += 1;
            let popped = self.frontier.pop_into(&mut self.expanding);
            debug_assert!(popped, "the frontier holds every state not yet expanded");
            if self.level >= self.bounds.depth_max {
                self.depth_cut = true;
                continue;
            }
            self.expand(number);
        }
        self.progress()
    }

    /// Runs the search to its verdict, in chunks of `chunk_states` expansions.
    pub fn run_to_end(mut self) -> Report<M::Action> {
        // Each chunk expands at least one state or finishes, and states are bounded, so this
        // loop ends; the explicit cap only guards against a broken bound.
        let chunk_states = 1 << 16;
        let chunks_max = self.bounds.states_max / chunk_states + 2;
        for _ in 0..chunks_max {
            if self.run_for(chunk_states).finished {
                break;
            }
        }
        self.report()
    }

    pub fn progress(&self) -> Progress {
        Progress {
            distinct_states: self.found() as u64,
            generated_states: self.generated,
            depth: self.depth,
            queued_states: (self.found() - self.next_to_expand) as u64,
            memory_bytes: self.memory_bytes() as u64,
            memory_peak_bytes: self.peak_bytes as u64,
            finished: self.finding.is_some(),
        }
    }

    /// The verdict so far. Before the search is finished this is `Incomplete { NotFinished }`,
    /// which is what a cancelled search reports.
    pub fn report(&self) -> Report<M::Action> {
        let (verdict, counterexample) = match &self.finding {
            None => (Verdict::Incomplete { limit: Limit::NotFinished }, None),
            Some(finding) => {
                let path = finding.state_number.map(|number| self.actions_to(number));
                (finding.verdict.clone(), path)
            }
        };
        Report {
            distinct_states: self.found() as u64,
            generated_states: self.generated,
            depth: self.depth,
            verdict,
            counterexample,
        }
    }

    /// Expands state `number`, whose packed bytes are in `self.expanding`.
    fn expand(&mut self, number: usize) {
        let state = self.model.unpack(&self.expanding);
        let mut actions = std::mem::take(&mut self.actions);
        actions.clear();
        self.model.actions(&state, &mut actions);
        let actions_max = self.model.actions_max().min(ACTIONS_MAX);
        assert!(actions.len() <= actions_max, "model enabled too many actions");
        // Grow the table now, before any prefetch, so that no slot moves during this expansion.
        if !self.make_room(actions.len()) {
            self.actions = actions;
            return;
        }
        let mut successors = std::mem::take(&mut self.successors);
        let mut packed = std::mem::take(&mut self.packed);
        packed.clear();
        let mut count = 0;
        let mut moved = false;
        for (choice, action) in actions.iter().enumerate() {
            if count == successors.len() {
                successors.push(Successor { state: state.clone(), fingerprint: 0, choice: 0, packed_end: 0 });
            }
            let successor = &mut successors[count];
            if !self.model.next_state_into(&state, action, &mut successor.state) {
                continue;
            }
            self.generated += self.model.generated_count(&state, action);
            self.model.canonicalize(&mut successor.state);
            // A stuttering step leads back to this very state: nothing new, and it does not
            // count as a way out when judging whether the state is stuck. Asked before packing:
            // in the TLA model many steps stutter.
            if successor.state == state {
                continue;
            }
            moved = true;
            let start = packed.len();
            self.model.pack(&successor.state, &mut packed);
            successor.fingerprint = fingerprint(&packed[start..]);
            self.visited.prefetch(successor.fingerprint);
            // It fits: there are at most ACTIONS_MAX = 2^16 actions (asserted above).
            successor.choice = choice as u16;
            successor.packed_end = packed.len();
            count += 1;
        }
        let successors_heap_bytes: usize = successors.iter().map(|s| self.model.heap_bytes(&s.state)).sum();
        self.buffer_bytes = self.expanding.capacity()
            + actions.capacity() * std::mem::size_of::<M::Action>()
            + successors.capacity() * std::mem::size_of::<Successor<M::State>>()
            + successors_heap_bytes
            + packed.capacity();
        let mut start = 0;
        for successor in &successors[..count] {
            let bytes = &packed[start..successor.packed_end];
            start = successor.packed_end;
            self.insert(
                &successor.state,
                successor.fingerprint,
                bytes,
                number as u32,
                successor.choice,
                self.level + 1,
            );
            if self.finding.is_some() {
                break;
            }
        }
        self.successors = successors;
        self.packed = packed;
        self.actions = actions;
        // Memory grows only as states are stored and buffers grow, all of it above, and
        // shrinks only as the frontier is read: so this is the expansion's most.
        self.note_peak(self.memory_bytes());
        if !moved && self.finding.is_none() && !self.model.is_settled(&state) {
            let reason = "no action leads anywhere else, and the model does not accept this state \
                          as an ending"
                .to_string();
            self.finding = Some(Finding { verdict: Verdict::Stuck { reason }, state_number: Some(number as u32) });
        }
    }

    /// Records `state` (packed as `bytes`, with that fingerprint) if it is new, and checks the
    /// property there. Sets `finding` when the property fails or a bound is hit. The table must
    /// have room (`make_room`).
    fn insert(&mut self, state: &M::State, fingerprint: u64, bytes: &[u8], parent: u32, choice: u16, level: u32) {
        let position = match self.visited.probe(fingerprint) {
            Probe::Found => return,
            Probe::Vacant(position) => position,
        };
        if let Some(limit) = self.limit_for_one_more(bytes.len()) {
            self.finding = Some(Finding { verdict: Verdict::Incomplete { limit }, state_number: None });
            return;
        }
        debug_assert!(self.model.unpack(bytes) == *state, "Model::unpack must rebuild the state Model::pack wrote");
        let number = self.found() as u32;
        let property = self.model.property(state);
        self.visited.insert_at(position, fingerprint);
        self.parents.push(parent);
        self.choices.push(choice);
        self.frontier.push(bytes);
        self.depth = self.depth.max(level);
        if let Property::Violated(reason) = property {
            self.finding = Some(Finding { verdict: Verdict::Violated { reason }, state_number: Some(number) });
        }
    }

    /// Grows the visited table, if needed, so that `additional` more states fit without moving
    /// slots. Returns false (and records a memory-bound verdict) if that growth would pass
    /// `Bounds::bytes_max`: while the table grows, the old one and the new one are both held.
    fn make_room(&mut self, additional: usize) -> bool {
        let growth = self.visited.growth_bytes(additional);
        if growth == 0 {
            return true;
        }
        let during_growth = self.memory_bytes().saturating_add(growth);
        if during_growth as u64 > self.bounds.bytes_max {
            let verdict = Verdict::Incomplete { limit: Limit::Memory };
            self.finding = Some(Finding { verdict, state_number: None });
            return false;
        }
        self.note_peak(during_growth);
        self.visited.reserve(additional);
        true
    }

    /// Which bound, if any, storing one more state (packed in `length` bytes) would break.
    fn limit_for_one_more(&self, length: usize) -> Option<Limit> {
        let count = self.found() as u64;
        if count >= self.bounds.states_max || count >= STATE_NUMBER_MAX {
            return Some(Limit::States);
        }
        // The links' next segments and the frontier's (the table grew in `make_room`).
        let growth = self.parents.growth_bytes() + self.choices.growth_bytes() + self.frontier.growth_bytes(length);
        if (self.memory_bytes() + growth) as u64 > self.bounds.bytes_max {
            return Some(Limit::Memory);
        }
        None
    }

    /// Every byte the search holds: the visited table, the parent links and choices, the
    /// frontier and the expansion buffers (with the heap parts of the successors in them).
    fn memory_bytes(&self) -> usize {
        self.visited.bytes() + self.parents.bytes() + self.choices.bytes() + self.frontier.bytes() + self.buffer_bytes
    }

    fn note_peak(&mut self, bytes: usize) {
        self.peak_bytes = self.peak_bytes.max(bytes);
    }

    pub fn bounds(&self) -> Bounds {
        self.bounds
    }

    /// The representative of `state`'s class (`Model::canonicalize`).
    fn canonical(&self, state: &M::State) -> M::State {
        let mut canonical = state.clone();
        self.model.canonicalize(&mut canonical);
        canonical
    }

    /// State numbers from an init state to `number`, inclusive.
    fn chain_to(&self, number: u32) -> Vec<u32> {
        let mut chain = vec![number];
        let mut current = number;
        // A parent always has a smaller number, so this walk ends within `number` steps.
        for _ in 0..=number {
            let parent = *self.parents.get(current as usize);
            if parent == NO_PARENT {
                break;
            }
            debug_assert!(parent < current);
            chain.push(parent);
            current = parent;
        }
        chain.reverse();
        chain
    }

    /// The actions of the shortest path to state `number`, in two passes.
    ///
    /// First the stored states along the chain are recomputed: from the init state the chain
    /// starts at, each recorded choice is taken again, giving each next (canonical) state. Then
    /// a concrete run is replayed from a concrete init state, at each step picking the first
    /// action whose canonical successor is the next state on the chain. Under symmetry
    /// reduction the stored states are representatives, not the states a real run passes
    /// through, and the second pass is what turns them into a run (without symmetry it finds
    /// the recorded actions again).
    fn actions_to(&self, number: u32) -> Vec<M::Action> {
        let chain = self.chain_to(number);
        // Init states are numbered in the order `new` stored them: each new fingerprint once.
        let mut roots: Vec<(u64, M::State, M::State)> = Vec::new();
        let mut bytes = Vec::new();
        for init in self.model.init_states() {
            let canonical = self.canonical(&init);
            bytes.clear();
            self.model.pack(&canonical, &mut bytes);
            let fingerprint = fingerprint(&bytes);
            if roots.iter().all(|(seen, _, _)| *seen != fingerprint) {
                roots.push((fingerprint, canonical, init));
            }
        }
        let (_, mut stored, init) = roots.swap_remove(chain[0] as usize);
        let mut actions = Vec::new();
        let mut targets = Vec::with_capacity(chain.len() - 1);
        for &number in &chain[1..] {
            actions.clear();
            self.model.actions(&stored, &mut actions);
            let choice = usize::from(*self.choices.get(number as usize));
            let next = self.model.next_state(&stored, &actions[choice]).expect("a recorded choice replays");
            stored = self.canonical(&next);
            targets.push(stored.clone());
        }
        let mut current = init;
        let mut path = Vec::with_capacity(targets.len());
        for target in &targets {
            actions.clear();
            self.model.actions(&current, &mut actions);
            let step = actions.iter().find_map(|action| {
                let next = self.model.next_state(&current, action)?;
                (&self.canonical(&next) == target).then(|| (action.clone(), next))
            });
            let (action, next) = step.expect("a stored state is reachable from its parent's class");
            path.push(action);
            current = next;
        }
        path
    }
}

/// Applies `actions` in order from `init`, returning the final state, or the position of the
/// first action that was disabled. For checking a counterexample independently of the checker.
pub fn replay<M: Model>(model: &M, init: &M::State, actions: &[M::Action]) -> Result<M::State, usize> {
    let mut current = init.clone();
    let mut enabled = Vec::new();
    for (position, action) in actions.iter().enumerate() {
        enabled.clear();
        model.actions(&current, &mut enabled);
        if !enabled.contains(action) {
            return Err(position);
        }
        current = model.next_state(&current, action).ok_or(position)?;
    }
    Ok(current)
}
