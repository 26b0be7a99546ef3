//! The simulator's side of the bench, natively: how fast a long run is simulated (delivered
//! messages per second), how long time travel takes (seek anywhere, step back), and how much
//! memory the finished run holds. The wasm side (bench/wasm.mjs) measures the same things on
//! the same script through the page's module, so the two can be divided.

use crate::heap;
use crate::stats::Stats;
use paxos::sim::EventKind;
use paxos::Simulation;
use std::hint::black_box;
use std::time::Instant;

pub struct SimResults {
    pub steps: u32,
    pub delivered: usize,
    /// Build the whole run (`Simulation::from_script`, what `new Playground(script)` does).
    pub build_ms: Stats,
    pub delivered_per_s: Stats,
    /// Seek to pseudo-random steps, each from wherever the previous seek left the view.
    pub seek_random_ms: Stats,
    /// From the end, seek(s - 1) for every step s: the "step back" button, all the way.
    pub step_back_ms: Stats,
    /// Heap bytes the finished simulation holds, and the peak while it was built.
    pub live_bytes: usize,
    pub peak_bytes: usize,
}

pub fn run(script: &str, reps: usize) -> SimResults {
    // Memory first, in a quiet heap: what the run holds once built, and its peak on the way.
    let (simulation, live_bytes, peak_bytes) =
        heap::measure(|| Simulation::from_script(script).expect("the bench scenario is valid"));

    let steps = simulation.steps();
    let delivered = simulation.events().iter().filter(|e| matches!(e.kind, EventKind::Deliver { .. })).count();
    assert!(delivered > 0, "the bench scenario delivers no message");

    let mut build_ms = Vec::new();
    let mut rates = Vec::new();
    for _ in 0..reps {
        let start = Instant::now();
        let built = black_box(Simulation::from_script(black_box(script)).expect("valid"));
        let seconds = start.elapsed().as_secs_f64();
        assert_eq!(built.steps(), steps, "the run must be deterministic");
        build_ms.push(seconds * 1e3);
        rates.push(delivered as f64 / seconds);
        drop(built);
    }

    let mut simulation = simulation;
    let mut seek_random_ms = Vec::new();
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..1000 {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let target = (rng % (u64::from(steps) + 1)) as u32;
        let start = Instant::now();
        simulation.seek(target);
        seek_random_ms.push(start.elapsed().as_secs_f64() * 1e3);
        assert_eq!(simulation.step(), target);
    }
    let mut step_back_ms = Vec::new();
    simulation.seek(steps);
    for step in (0..steps).rev() {
        let start = Instant::now();
        simulation.seek(step);
        step_back_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    black_box(&simulation);

    SimResults {
        steps,
        delivered,
        build_ms: Stats::of(&build_ms),
        delivered_per_s: Stats::of(&rates),
        seek_random_ms: Stats::of(&seek_random_ms),
        step_back_ms: Stats::of(&step_back_ms),
        live_bytes,
        peak_bytes,
    }
}
