//! The breadth-first checker on small models whose state graphs are known by hand.
// The model checker is the `check` feature (`cargo test -p paxos --no-default-features`).
#![cfg(feature = "check")]

use paxos::check::{replay, Bounds, Checker, Limit, Model, Property, Verdict};

/// A walker on an `size` x `size` grid starting at (0, 0). It may step right, step up, or jump
/// two to the right. The property fails on reaching `bad` (if any); corner (size-1, size-1) is
/// the only acceptable place to stop, and `wall` cells are dead ends.
struct Grid {
    size: u8,
    bad: Option<(u8, u8)>,
    wall: Option<(u8, u8)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    Right,
    Up,
    JumpRight,
    Stay,
}

impl Model for Grid {
    type State = (u8, u8);
    type Action = Move;

    fn init_states(&self) -> Vec<(u8, u8)> {
        vec![(0, 0)]
    }

    fn actions(&self, state: &(u8, u8), out: &mut Vec<Move>) {
        // Staying put is always possible: a stuttering step, which must not count as a way out.
        out.push(Move::Stay);
        if Some(*state) == self.wall {
            return;
        }
        out.extend([Move::Right, Move::Up, Move::JumpRight]);
    }

    fn next_state(&self, &(x, y): &(u8, u8), action: &Move) -> Option<(u8, u8)> {
        let next = match action {
            Move::Right => (x + 1, y),
            Move::Up => (x, y + 1),
            Move::JumpRight => (x + 2, y),
            Move::Stay => (x, y),
        };
        (next.0 < self.size && next.1 < self.size).then_some(next)
    }

    fn property(&self, state: &(u8, u8)) -> Property {
        if Some(*state) == self.bad {
            Property::Violated(format!("reached {state:?}"))
        } else {
            Property::Holds
        }
    }

    fn is_settled(&self, state: &(u8, u8)) -> bool {
        *state == (self.size - 1, self.size - 1)
    }

    fn pack(&self, &(x, y): &(u8, u8), out: &mut Vec<u8>) {
        out.extend([x, y]);
    }

    fn unpack(&self, bytes: &[u8]) -> (u8, u8) {
        (bytes[0], bytes[1])
    }
}

fn grid(size: u8) -> Grid {
    Grid { size, bad: None, wall: None }
}

#[test]
fn counts_every_cell_once_and_depth_as_tlc_does() {
    let report = Checker::new(grid(4), Bounds::default()).run_to_end();
    assert_eq!(report.verdict, Verdict::Holds);
    assert_eq!(report.distinct_states, 16);
    // The far corner (3, 3) needs 2 jumps/steps right + 3 up = 5 moves: level 6.
    assert_eq!(report.depth, 6);
    assert_eq!(report.counterexample, None);
}

#[test]
fn generated_counts_init_states_and_every_successor_including_stutters() {
    // 2x2 grid: (0,0) -> stay, right, up; (1,0) -> stay, up; (0,1) -> stay, right;
    // (1,1) -> stay. Jumps leave the grid. 1 init + 3 + 2 + 2 + 1 = 9.
    let report = Checker::new(grid(2), Bounds::default()).run_to_end();
    assert_eq!(report.generated_states, 9);
}

#[test]
fn reports_a_shortest_path_to_the_violation() {
    let model = Grid { size: 8, bad: Some((6, 1)), wall: None };
    let report = Checker::new(model, Bounds::default()).run_to_end();
    assert_eq!(report.verdict, Verdict::Violated { reason: "reached (6, 1)".into() });
    let path = report.counterexample.unwrap();
    // Three jumps and one step up is the fewest moves; actions are tried in their listed order,
    // so the step up comes first (it reaches level 2 before any jump does).
    assert_eq!(path, [Move::Up, Move::JumpRight, Move::JumpRight, Move::JumpRight]);
    let model = Grid { size: 8, bad: Some((6, 1)), wall: None };
    assert_eq!(replay(&model, &(0, 0), &path), Ok((6, 1)));
    assert_eq!(report.depth, 5);
}

#[test]
fn a_dead_end_that_is_not_an_acceptable_ending_is_stuck() {
    let model = Grid { size: 4, bad: None, wall: Some((2, 0)) };
    let report = Checker::new(model, Bounds::default()).run_to_end();
    assert!(matches!(report.verdict, Verdict::Stuck { .. }), "{:?}", report.verdict);
    assert_eq!(report.counterexample, Some(vec![Move::JumpRight]));
}

#[test]
fn a_violating_init_state_has_an_empty_counterexample() {
    let model = Grid { size: 3, bad: Some((0, 0)), wall: None };
    let report = Checker::new(model, Bounds::default()).run_to_end();
    assert!(matches!(report.verdict, Verdict::Violated { .. }));
    assert_eq!(report.counterexample, Some(vec![]));
    assert_eq!(report.depth, 1);
}

#[test]
fn bounds_stop_the_search_with_an_incomplete_verdict() {
    let states = Bounds { states_max: 10, ..Bounds::default() };
    let report = Checker::new(grid(8), states).run_to_end();
    assert_eq!(report.verdict, Verdict::Incomplete { limit: Limit::States });
    assert_eq!(report.distinct_states, 10);

    let depth = Bounds { depth_max: 3, ..Bounds::default() };
    let report = Checker::new(grid(8), depth).run_to_end();
    assert_eq!(report.verdict, Verdict::Incomplete { limit: Limit::Depth });
    assert_eq!(report.depth, 3);

    let memory = Bounds { bytes_max: 1_000, ..Bounds::default() };
    let report = Checker::new(grid(8), memory).run_to_end();
    assert_eq!(report.verdict, Verdict::Incomplete { limit: Limit::Memory });
}

#[test]
fn a_depth_bound_must_lie_beyond_the_deepest_level_to_prove_the_property() {
    let report = Checker::new(grid(4), Bounds { depth_max: 6, ..Bounds::default() }).run_to_end();
    assert_eq!(report.verdict, Verdict::Incomplete { limit: Limit::Depth });
    let report = Checker::new(grid(4), Bounds { depth_max: 7, ..Bounds::default() }).run_to_end();
    assert_eq!(report.verdict, Verdict::Holds);
}

#[test]
fn running_in_tiny_chunks_gives_the_same_report_and_can_be_cancelled() {
    let whole = Checker::new(grid(6), Bounds::default()).run_to_end();
    let mut checker = Checker::new(grid(6), Bounds::default());
    let mut previous = checker.progress();
    assert_eq!(checker.report().verdict, Verdict::Incomplete { limit: Limit::NotFinished });
    for _ in 0..1_000 {
        let progress = checker.run_for(1);
        assert!(progress.distinct_states >= previous.distinct_states);
        assert!(progress.depth >= previous.depth);
        previous = progress;
        if progress.finished {
            break;
        }
    }
    assert!(previous.finished);
    assert_eq!(previous.queued_states, 0);
    assert_eq!(checker.report(), whole);
}

/// `tokens` interchangeable counters, each 0..=top, starting at 0; a move increments one. The
/// property fails when the counters read `bad` in some order.
struct Tokens {
    tokens: usize,
    top: u8,
    bad: Option<Vec<u8>>,
    symmetric: bool,
}

impl Model for Tokens {
    type State = Vec<u8>;
    type Action = usize;

    fn init_states(&self) -> Vec<Vec<u8>> {
        vec![vec![0; self.tokens]]
    }

    fn actions(&self, state: &Vec<u8>, out: &mut Vec<usize>) {
        out.extend((0..self.tokens).filter(|&i| state[i] < self.top));
    }

    fn next_state(&self, state: &Vec<u8>, &token: &usize) -> Option<Vec<u8>> {
        let mut next = state.clone();
        next[token] += 1;
        Some(next)
    }

    fn property(&self, state: &Vec<u8>) -> Property {
        let mut sorted = state.clone();
        sorted.sort_unstable();
        match &self.bad {
            Some(bad) if *bad == sorted => Property::Violated(format!("{state:?}")),
            _ => Property::Holds,
        }
    }

    fn pack(&self, state: &Vec<u8>, out: &mut Vec<u8>) {
        out.extend_from_slice(state);
    }

    fn unpack(&self, bytes: &[u8]) -> Vec<u8> {
        bytes.to_vec()
    }

    fn canonicalize(&self, state: &mut Vec<u8>) {
        if self.symmetric {
            state.sort_unstable();
        }
    }
}

#[test]
fn symmetry_reduction_explores_one_state_per_class() {
    let plain = Tokens { tokens: 3, top: 3, bad: None, symmetric: false };
    let reduced = Tokens { symmetric: true, ..plain_tokens() };
    assert_eq!(Checker::new(plain, Bounds::default()).run_to_end().distinct_states, 4 * 4 * 4);
    // Multisets of 3 counters over 0..=3: C(3 + 4 - 1, 3) = 20.
    assert_eq!(Checker::new(reduced, Bounds::default()).run_to_end().distinct_states, 20);
}

fn plain_tokens() -> Tokens {
    Tokens { tokens: 3, top: 3, bad: None, symmetric: false }
}

#[test]
fn counterexamples_under_symmetry_are_concrete_and_replay() {
    let model = Tokens { bad: Some(vec![0, 1, 2]), symmetric: true, ..plain_tokens() };
    let report = Checker::new(model, Bounds::default()).run_to_end();
    let path = report.counterexample.unwrap();
    assert_eq!(path.len(), 3);
    let model = Tokens { bad: Some(vec![0, 1, 2]), symmetric: true, ..plain_tokens() };
    let last = replay(&model, &vec![0, 0, 0], &path).unwrap();
    assert!(matches!(model.property(&last), Property::Violated(_)), "{last:?}");
}

#[test]
fn the_memory_bound_is_never_exceeded() {
    let bytes_max = 64 * 1024;
    let mut checker = Checker::new(grid(200), Bounds { bytes_max, ..Bounds::default() });
    let mut progress = checker.progress();
    for _ in 0..1_000 {
        progress = checker.run_for(100);
        assert!(progress.memory_bytes <= bytes_max, "{progress:?}");
        if progress.finished {
            break;
        }
    }
    assert_eq!(checker.report().verdict, Verdict::Incomplete { limit: Limit::Memory });
    assert!(progress.distinct_states > 1_000, "the bound was used, not hit at once: {progress:?}");
}
