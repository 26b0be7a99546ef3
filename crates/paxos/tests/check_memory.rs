//! The checker's memory figures (`Progress::memory_bytes` and `memory_peak_bytes`, which
//! `Bounds::bytes_max` bounds) against what it really holds, counted by a global allocator:
//! within 25 % (in fact within 1 % of the blocks malloc hands out), at the end and at the
//! peak; and what it holds per state, which fingerprints and a packed frontier keep under 64
//! bytes. Resident memory, natively and in wasm, is measured in docs/BENCHMARKS.md.
// The model checker is the `check` feature (`cargo test -p paxos --no-default-features`).
#![cfg(feature = "check")]

use paxos::check::sim::{SimConfig, SimModel};
use paxos::check::tla::{TlaConfig, TlaPaxos};
use paxos::check::{Bounds, Checker, Limit, Model, Verdict};
use paxos::protocol::Protocol;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Counts live heap bytes two ways: as asked for, and as malloc hands them out (a block is the
/// request plus an 8-byte header, in 16-byte granules, at least 32: glibc's chunk sizes); and
/// the most blocks ever live at once.
struct Counting;

static ASKED: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);
static BLOCKS_PEAK: AtomicUsize = AtomicUsize::new(0);

fn block(size: usize) -> usize {
    (size + 8).next_multiple_of(16).max(32)
}

fn grew(bytes: usize) {
    let now = BLOCKS.fetch_add(bytes, Relaxed) + bytes;
    BLOCKS_PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ASKED.fetch_add(layout.size(), Relaxed);
        grew(block(layout.size()));
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ASKED.fetch_add(layout.size(), Relaxed);
        grew(block(layout.size()));
        System.alloc_zeroed(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        ASKED.fetch_sub(layout.size(), Relaxed);
        BLOCKS.fetch_sub(block(layout.size()), Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ASKED.fetch_add(new_size.wrapping_sub(layout.size()), Relaxed);
        // Counted as a new block taken before the old one is given back, as a moving
        // realloc does.
        grew(block(new_size));
        BLOCKS.fetch_sub(block(layout.size()), Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// What one search held, as it reports it and as the allocator counted it.
struct Figures {
    states: u64,
    reported: u64,
    reported_peak: u64,
    asked: usize,
    blocks: usize,
    blocks_peak: usize,
}

/// Runs `model` to the end and measures. Each test in this file holds `LOCK` throughout, so
/// the counters see only its search.
fn measure<M: Model>(model: M, bounds: Bounds) -> Figures {
    let (asked, blocks) = (ASKED.load(Relaxed), BLOCKS.load(Relaxed));
    BLOCKS_PEAK.store(blocks, Relaxed);
    let mut checker = Checker::new(model, bounds);
    while !checker.run_for(1 << 14).finished {}
    let progress = checker.progress();
    let figures = Figures {
        states: progress.distinct_states,
        reported: progress.memory_bytes,
        reported_peak: progress.memory_peak_bytes,
        asked: ASKED.load(Relaxed) - asked,
        blocks: BLOCKS.load(Relaxed) - blocks,
        blocks_peak: BLOCKS_PEAK.load(Relaxed) - blocks,
    };
    drop(checker);
    figures
}

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn assert_within_a_quarter(name: &str, f: &Figures) {
    let ratio = f.reported as f64 / f.blocks as f64;
    let peak_ratio = f.reported_peak as f64 / f.blocks_peak as f64;
    eprintln!(
        "{name}: {} states, reported {} B, allocated {} B asked / {} B in blocks, reported/blocks {ratio:.3}; \
         peak: reported {} B, blocks {} B, reported/blocks {peak_ratio:.3}, {:.1} B/state",
        f.states,
        f.reported,
        f.asked,
        f.blocks,
        f.reported_peak,
        f.blocks_peak,
        f.blocks_peak as f64 / f.states as f64
    );
    assert!((0.75..=1.25).contains(&ratio), "{name}: reported {} vs {} allocated", f.reported, f.blocks);
    let ratio_asked = f.reported as f64 / f.asked as f64;
    assert!((0.75..=1.25).contains(&ratio_asked), "{name}: reported {} vs {} asked for", f.reported, f.asked);
    assert!((0.75..=1.25).contains(&peak_ratio), "{name}: peak reported {} vs {}", f.reported_peak, f.blocks_peak);
}

#[test]
fn simulator_model_memory_is_counted_with_its_heap_parts() {
    let _one_at_a_time = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // Basic Paxos, 3 servers, messages may be lost: every state owns two Vecs.
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.drops = true;
    let model = SimModel::new(config).unwrap();
    let figures = measure(model, Bounds::default());
    assert!(figures.states > 20_000, "mid-size: {} states", figures.states);
    assert_within_a_quarter("sim basic-paxos 3 drops", &figures);
}

/// The goal of fingerprints and a packed frontier: at most 64 bytes held per state found, at
/// the peak, counted by the allocator (and as the checker reports it), on a job of 167,638
/// states.
#[test]
fn a_mid_size_search_holds_at_most_64_bytes_a_state() {
    let _one_at_a_time = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.crashes = 1;
    let figures = measure(SimModel::new(config).unwrap(), Bounds::default());
    assert_eq!(figures.states, 167_638);
    assert_within_a_quarter("sim basic-paxos 3 crash", &figures);
    let per_state = |bytes: u64| bytes as f64 / figures.states as f64;
    assert!(
        per_state(figures.blocks_peak as u64) <= 64.0,
        "{:.1} B/state allocated",
        per_state(figures.blocks_peak as u64)
    );
    assert!(per_state(figures.reported_peak) <= 64.0, "{:.1} B/state reported", per_state(figures.reported_peak));
}

#[test]
fn multi_paxos_memory_is_counted_with_its_logs_and_reports() {
    let _one_at_a_time = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // Every server's log is a box of lists, and promises in flight carry boxed reports.
    let model = SimModel::new(SimConfig::new(Protocol::MultiPaxos, 3)).unwrap();
    let figures = measure(model, Bounds::default());
    assert_eq!(figures.states, 66_375);
    assert_within_a_quarter("sim multi-paxos 3", &figures);
}

#[test]
fn tla_model_memory_is_counted() {
    let _one_at_a_time = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let model = TlaPaxos::new(TlaConfig { acceptors: 3, values: 2, max_ballot: 2, one_phase: false }).unwrap();
    assert_within_a_quarter("tla 3 2 2", &measure(model, Bounds::default()));
}

#[test]
fn the_memory_bound_holds_in_allocated_bytes() {
    let _one_at_a_time = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let mut config = SimConfig::new(Protocol::BasicPaxos, 3);
    config.drops = true;
    let bytes_max = 1 << 20;
    let figures = measure(SimModel::new(config).unwrap(), Bounds { bytes_max, ..Bounds::default() });
    assert!(figures.reported_peak <= bytes_max, "reported {} over the bound", figures.reported_peak);
    let allocated = figures.blocks_peak;
    assert!(allocated as f64 <= bytes_max as f64 * 1.25, "allocated {allocated} B at most under a {bytes_max} B bound");
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
        paxos::check::job::Search::new(job, Bounds { bytes_max: 1 << 20, ..Bounds::default() }).unwrap().finish();
    assert_eq!(summary.verdict, "incomplete");
    assert_eq!(summary.limit, Some("memory"), "which bound, for the page to say");
    assert!(summary.memory_bytes <= 1 << 20 && summary.memory_bytes > 1 << 19, "{}", summary.memory_bytes);
    let expected = format!(
        "stopped by the memory bound (1 MiB) before every state was visited: the {} states found so far take \
         1 MiB with their tables; check a smaller configuration (fewer servers, attempts or faults)",
        summary.distinct_states
    );
    assert_eq!(summary.reason, expected);
}
