//! Breadth-first explicit-state search.
//!
//! The checker keeps every distinct state it has seen in one arena (`states`, see `arena.rs`),
//! in the order it first saw them. Because the search is breadth-first, that order is also the work queue: the
//! states still to expand are exactly `states[next_to_expand..]`, so no separate queue is
//! allocated and no state is copied twice. `parents[i]` is the arena index of the state that
//! first reached state `i`; following those links back from any state walks a shortest path to
//! an init state, which is how counterexamples are rebuilt.
//!
//! Work is done in chunks (`run_for`) so that a caller without threads, such as a Web Worker,
//! can report progress, measure its own speed and cancel between chunks.

use super::arena::Arena;
use super::hash::hash_of;
use super::model::{Model, Property};
use super::report::{Bounds, Limit, Progress, Report, Verdict};
use super::visited::{Probe, VisitedTable, INDEX_MAX};

/// Parent link of an init state.
const NO_PARENT: u32 = u32::MAX;

/// Why the search stopped, and at which state when a state is to blame.
#[derive(Debug, Clone)]
struct Finding {
    verdict: Verdict,
    state_index: Option<u32>,
}

/// An exhaustive breadth-first checker for one model.
pub struct Checker<M: Model> {
    model: M,
    bounds: Bounds,
    /// Every distinct (canonical) state, in discovery order; doubles as the BFS queue.
    states: Arena<M::State>,
    /// `parents[i]`: arena index of the state that discovered state `i`.
    parents: Arena<u32>,
    /// Heap bytes owned by the states in the arena (`Model::heap_bytes`), kept as they are
    /// stored: stored states never change.
    heap_bytes: usize,
    visited: VisitedTable,
    next_to_expand: usize,
    /// One past the last arena index of the level being expanded.
    level_end: usize,
    /// Level of `states[next_to_expand]`.
    level: u32,
    /// Deepest level holding a state.
    depth: u32,
    generated: u64,
    /// Reused for every expansion so that expanding does not allocate.
    actions: Vec<M::Action>,
    /// Successors of the state being expanded, with their hashes. They are all computed before
    /// any is looked up, so that the visited-table slots they need are fetched from memory in
    /// parallel rather than one cache miss after another (the lookups dominate the run time).
    successors: Vec<(M::State, u64)>,
    /// Bytes of the two buffers above, kept here because they are taken out while in use.
    buffer_bytes: usize,
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
            states: Arena::new(),
            parents: Arena::new(),
            heap_bytes: 0,
            visited: VisitedTable::new(),
            next_to_expand: 0,
            level_end: 0,
            level: 1,
            depth: 0,
            generated: 0,
            actions: Vec::new(),
            successors: Vec::new(),
            buffer_bytes: 0,
            depth_cut: false,
            finding: None,
        };
        let init_states = checker.model.init_states();
        for state in init_states {
            checker.generated += 1;
            let state = checker.model.canonical(state);
            if !checker.make_room(1) {
                break;
            }
            let hash = hash_of(&state);
            checker.insert(state, hash, NO_PARENT, 1);
            if checker.finding.is_some() {
                break;
            }
        }
        checker.level_end = checker.states.len();
        checker
    }

    pub fn model(&self) -> &M {
        &self.model
    }

    /// Expands up to `budget_states` states, then returns. Call again to continue; once
    /// `Progress::finished` is true the verdict is final and further calls return at once.
    pub fn run_for(&mut self, budget_states: u64) -> Progress {
        let mut expanded: u64 = 0;
        while self.finding.is_none() && expanded < budget_states {
            if self.next_to_expand == self.states.len() {
                let verdict = if self.depth_cut { Verdict::Incomplete { limit: Limit::Depth } } else { Verdict::Holds };
                self.finding = Some(Finding { verdict, state_index: None });
                break;
            }
            if self.next_to_expand == self.level_end {
                self.level += 1;
                self.level_end = self.states.len();
            }
            let index = self.next_to_expand;
            self.next_to_expand += 1;
            expanded += 1;
            if self.level >= self.bounds.depth_max {
                self.depth_cut = true;
                continue;
            }
            self.expand(index);
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
            distinct_states: self.states.len() as u64,
            generated_states: self.generated,
            depth: self.depth,
            queued_states: (self.states.len() - self.next_to_expand) as u64,
            memory_bytes: self.memory_bytes() as u64,
            finished: self.finding.is_some(),
        }
    }

    /// The verdict so far. Before the search is finished this is `Incomplete { NotFinished }`,
    /// which is what a cancelled search reports.
    pub fn report(&self) -> Report<M::Action> {
        let (verdict, counterexample) = match &self.finding {
            None => (Verdict::Incomplete { limit: Limit::NotFinished }, None),
            Some(finding) => {
                let path = finding.state_index.map(|index| self.actions_to(index));
                (finding.verdict.clone(), path)
            }
        };
        Report {
            distinct_states: self.states.len() as u64,
            generated_states: self.generated,
            depth: self.depth,
            verdict,
            counterexample,
        }
    }

    fn expand(&mut self, index: usize) {
        let state = self.states.get(index).clone();
        let mut actions = std::mem::take(&mut self.actions);
        actions.clear();
        self.model.actions(&state, &mut actions);
        assert!(actions.len() <= self.model.actions_max(), "model enabled too many actions");
        self.buffer_bytes = actions.capacity() * std::mem::size_of::<M::Action>() + self.successors_bytes();
        // Grow now, before any prefetch, so that no slot moves during this expansion.
        if !self.make_room(actions.len()) {
            self.actions = actions;
            return;
        }
        let mut successors = std::mem::take(&mut self.successors);
        successors.clear();
        let mut moved = false;
        for action in &actions {
            let Some(next) = self.model.next_state(&state, action) else {
                continue;
            };
            self.generated += self.model.generated_count(&state, action);
            let next = self.model.canonical(next);
            // A stuttering step leads back to this very state: nothing new, and it does not
            // count as a way out when judging whether the state is stuck.
            if next == state {
                continue;
            }
            moved = true;
            let hash = hash_of(&next);
            self.visited.prefetch(hash);
            successors.push((next, hash));
        }
        for (next, hash) in successors.drain(..) {
            self.insert(next, hash, index as u32, self.level + 1);
            if self.finding.is_some() {
                break;
            }
        }
        self.successors = successors;
        self.actions = actions;
        if !moved && self.finding.is_none() && !self.model.is_settled(&state) {
            let reason = "no action leads anywhere else, and the model does not accept this state \
                          as an ending"
                .to_string();
            self.finding = Some(Finding { verdict: Verdict::Stuck { reason }, state_index: Some(index as u32) });
        }
    }

    /// Stores `state` (whose hash is `hash`) if it is new, and checks the property there. Sets
    /// `finding` when the property fails or a bound is hit. The table must have room (`reserve`).
    fn insert(&mut self, state: M::State, hash: u64, parent: u32, level: u32) {
        let states = &self.states;
        let position = match self.visited.probe(hash, |i| *states.get(i as usize) == state) {
            Probe::Found => return,
            Probe::Vacant(position) => position,
        };
        let heap_bytes = self.model.heap_bytes(&state);
        if let Some(limit) = self.limit_for_one_more(heap_bytes) {
            self.finding = Some(Finding { verdict: Verdict::Incomplete { limit }, state_index: None });
            return;
        }
        let index = self.states.len() as u32;
        let property = self.model.property(&state);
        self.visited.insert_at(position, hash, index);
        self.states.push(state);
        self.parents.push(parent);
        self.heap_bytes += heap_bytes;
        self.depth = self.depth.max(level);
        if let Property::Violated(reason) = property {
            self.finding = Some(Finding { verdict: Verdict::Violated { reason }, state_index: Some(index) });
        }
    }

    /// Grows the visited table, if needed, so that `additional` more states fit without moving
    /// slots. Returns false (and records a memory-bound verdict) if that growth would pass
    /// `Bounds::bytes_max`.
    fn make_room(&mut self, additional: usize) -> bool {
        let table_growth = self.visited.bytes_after_reserve(additional) - self.visited.bytes();
        // The successors buffer grows to `additional` too, at least doubling (as `Vec` does).
        let buffer_slots = if additional > self.successors.capacity() {
            additional.max(self.successors.capacity() * 2)
        } else {
            self.successors.capacity()
        };
        let buffer_growth = (buffer_slots - self.successors.capacity()) * std::mem::size_of::<(M::State, u64)>();
        if (self.memory_bytes() + table_growth + buffer_growth) as u64 > self.bounds.bytes_max {
            let verdict = Verdict::Incomplete { limit: Limit::Memory };
            self.finding = Some(Finding { verdict, state_index: None });
            return false;
        }
        self.buffer_bytes -= self.successors_bytes();
        self.successors.reserve_exact(buffer_slots - self.successors.len());
        self.buffer_bytes += self.successors_bytes();
        let states = &self.states;
        self.visited.reserve(additional, |i| hash_of(states.get(i as usize)));
        true
    }

    /// Which bound, if any, storing one more state (owning `heap_bytes` on the heap) would break.
    fn limit_for_one_more(&self, heap_bytes: usize) -> Option<Limit> {
        let count = self.states.len() as u64;
        if count >= self.bounds.states_max || count >= u64::from(INDEX_MAX) {
            return Some(Limit::States);
        }
        // Project the arenas' next segment (the table grew in `reserve`).
        let arena_growth = self.states.growth_bytes() + self.parents.growth_bytes();
        let projected = self.memory_bytes() + arena_growth + heap_bytes;
        if projected as u64 > self.bounds.bytes_max {
            return Some(Limit::Memory);
        }
        None
    }

    /// Every byte the search holds: the arena (inline parts and, through `Model::heap_bytes`,
    /// heap parts), the parent links, the visited table and the expansion buffers. The arena
    /// is also the queue and the parent links are the trace storage, so that is all of it.
    fn memory_bytes(&self) -> usize {
        self.states.bytes() + self.heap_bytes + self.parents.bytes() + self.visited.bytes() + self.buffer_bytes
    }

    fn successors_bytes(&self) -> usize {
        self.successors.capacity() * std::mem::size_of::<(M::State, u64)>()
    }

    pub fn bounds(&self) -> Bounds {
        self.bounds
    }

    /// Arena indices from an init state to `index`, inclusive.
    fn chain_to(&self, index: u32) -> Vec<u32> {
        let mut chain = vec![index];
        let mut current = index;
        // A parent always has a smaller index, so this walk ends within `index` steps.
        for _ in 0..=index {
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

    /// Rebuilds the actions of the shortest path to `index` by replaying from a concrete init
    /// state and, at each step, picking an action whose (canonical) successor is the next state on
    /// the stored chain. Replaying instead of storing actions saves memory on every state, and it
    /// also yields correct concrete actions under symmetry reduction, where the stored states
    /// are representatives rather than the states actually passed through.
    fn actions_to(&self, index: u32) -> Vec<M::Action> {
        let chain = self.chain_to(index);
        let first = self.states.get(chain[0] as usize);
        let mut current = self
            .model
            .init_states()
            .into_iter()
            .find(|init| &self.model.canonical(init.clone()) == first)
            .expect("the first state of a chain is the class of an init state");
        let mut path = Vec::with_capacity(chain.len() - 1);
        let mut actions = Vec::new();
        for &target in &chain[1..] {
            let target = self.states.get(target as usize);
            actions.clear();
            self.model.actions(&current, &mut actions);
            let step = actions.iter().find_map(|action| {
                let next = self.model.next_state(&current, action)?;
                (&self.model.canonical(next.clone()) == target).then(|| (action.clone(), next))
            });
            let (action, next) = step.expect("a stored parent link is replayable");
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
