//! The checker's memory figure (`Progress::memory_bytes`, which `Bounds::bytes_max` bounds)
//! against what it really holds, counted by a global allocator: within 25 % (in fact within
//! 1 % of the blocks malloc hands out, and 5 % of the bytes asked for). Resident memory,
//! natively and in wasm, is measured in docs/BENCHMARKS.md.

use paxos::check::sim::{SimConfig, SimModel};
use paxos::check::tla::{TlaConfig, TlaPaxos};
use paxos::check::{Bounds, Checker, Limit, Model, Verdict};
use paxos::protocol::Protocol;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Counts live heap bytes two ways: as asked for, and as malloc hands them out (a block is the
/// request plus an 8-byte header, in 16-byte granules, at least 32: glibc's chunk sizes).
struct Counting;

static ASKED: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

fn block(size: usize) -> usize {
    (size + 8).next_multiple_of(16).max(32)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ASKED.fetch_add(layout.size(), Relaxed);
        BLOCKS.fetch_add(block(layout.size()), Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        ASKED.fetch_sub(layout.size(), Relaxed);
        BLOCKS.fetch_sub(block(layout.size()), Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ASKED.fetch_add(new_size.wrapping_sub(layout.size()), Relaxed);
        BLOCKS.fetch_add(block(new_size).wrapping_sub(block(layout.size())), Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Runs `model` to the end; returns (reported bytes, counted asked bytes, counted block bytes,
/// distinct states). Each test in this file holds `LOCK` throughout, so the counters see only
/// its search.
fn measure<M: Model>(model: M, bounds: Bounds) -> (u64, usize, usize, u64) {
    let (asked, blocks) = (ASKED.load(Relaxed), BLOCKS.load(Relaxed));
    let mut checker = Checker::new(model, bounds);
    while !checker.run_for(1 << 14).finished {}
    let progress = checker.progress();
    let counted = (ASKED.load(Relaxed) - asked, BLOCKS.load(Relaxed) - blocks);
    drop(checker);
    (progress.memory_bytes, counted.0, counted.1, progress.distinct_states)
}

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn assert_within_a_quarter(name: &str, (reported, asked, blocks, states): (u64, usize, usize, u64)) {
    let ratio = reported as f64 / blocks as f64;
    eprintln!(
        "{name}: {states} states, reported {reported} B, allocated {asked} B asked / {blocks} B in blocks, \
         reported/blocks {ratio:.3}, {:.0} B/state",
        blocks as f64 / states as f64
    );
    assert!((0.75..=1.25).contains(&ratio), "{name}: reported {reported} vs {blocks} allocated");
    let ratio_asked = reported as f64 / asked as f64;
    assert!((0.75..=1.25).contains(&ratio_asked), "{name}: reported {reported} vs {asked} asked for");
}

#[test]
fn simulator_model_memory_is_counted_with_its_heap_parts() {
    let _one_at_a_time = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // Basic Paxos, 3 servers, messages may be lost: every state owns two Vecs.
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.drops = true;
    let model = SimModel::new(config).unwrap();
    let figures = measure(model, Bounds::default());
    assert!(figures.3 > 20_000, "mid-size: {} states", figures.3);
    assert_within_a_quarter("sim basic-paxos 3 drops", figures);
}

#[test]
fn multi_paxos_memory_is_counted_with_its_logs_and_reports() {
    let _one_at_a_time = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // Every server's log is a box of lists, and promises in flight carry boxed reports.
    let model = SimModel::new(SimConfig::new(Protocol::MultiPaxos, 3)).unwrap();
    let figures = measure(model, Bounds::default());
    assert!(figures.3 > 20_000, "mid-size: {} states", figures.3);
    assert_within_a_quarter("sim multi-paxos 3", figures);
}

#[test]
fn tla_model_memory_is_counted() {
    let _one_at_a_time = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let model = TlaPaxos::new(TlaConfig { acceptors: 3, values: 2, max_ballot: 2, one_phase: false }).unwrap();
    assert_within_a_quarter("tla 3 2 2", measure(model, Bounds::default()));
}

#[test]
fn the_memory_bound_holds_in_allocated_bytes() {
    let _one_at_a_time = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.drops = true;
    let bytes_max = 4 << 20;
    let figures = measure(SimModel::new(config).unwrap(), Bounds { bytes_max, ..Bounds::default() });
    assert!(figures.0 <= bytes_max, "reported {} over the bound", figures.0);
    assert!(figures.2 as f64 <= bytes_max as f64 * 1.25, "allocated {} B under a {bytes_max} B bound", figures.2);
    let mut checker = Checker::new(SimModel::new(config).unwrap(), Bounds { bytes_max, ..Bounds::default() });
    while !checker.run_for(1 << 14).finished {}
    assert_eq!(checker.report().verdict, Verdict::Incomplete { limit: Limit::Memory });
}

#[test]
fn a_memory_stop_says_so_with_its_figures() {
    let _one_at_a_time = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.drops = true;
    let job = paxos::check::job::Job::Sim(config);
    let summary =
        paxos::check::job::Search::new(job, Bounds { bytes_max: 4 << 20, ..Bounds::default() }).unwrap().finish();
    assert_eq!(summary.verdict, "incomplete");
    assert!(summary.memory_bytes <= 4 << 20 && summary.memory_bytes > 3 << 20, "{}", summary.memory_bytes);
    let expected = format!(
        "stopped by the memory bound (4 MiB) before every state was visited: the {} states found so far take \
         4 MiB with their tables; check a smaller configuration (fewer servers, attempts or faults)",
        summary.distinct_states
    );
    assert_eq!(summary.reason, expected);
}
