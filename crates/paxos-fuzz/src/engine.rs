//! Runs targets: executions under `catch_unwind`, timed against the hang limit, spread over
//! worker threads in chunks of seeds; a watchdog ends the process (printing the seed) if an
//! execution never returns.

use crate::Target;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Panic,
    Hang,
    Failure,
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Panic => "panic",
            Kind::Hang => "hang",
            Kind::Failure => "failure",
        }
    }
}

/// One execution's result.
pub enum Outcome {
    Ok,
    Failed(String),
    /// The panic message and where it was raised.
    Panicked(String),
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub target: &'static str,
    pub seed: u64,
    pub kind: Kind,
    pub message: String,
    /// The input, as the target showed it (a script, a link, an argument vector).
    pub input: String,
    /// How many executions failed the same way.
    pub count: u64,
}

impl Finding {
    pub fn command(&self) -> String {
        format!("cargo run -p paxos-fuzz --profile fuzz -- --target {} --seed {}", self.target, self.seed)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub execs: u64,
    /// Time spent in this target's executions, summed over workers (so the rate is per core).
    pub busy: Duration,
    pub panics: u64,
    pub hangs: u64,
    pub failures: u64,
    /// The slowest execution, and its seed.
    pub slowest: (Duration, u64),
    /// Distinct findings by key (panic location, or failure message shape), first seed first.
    pub findings: BTreeMap<String, Finding>,
}

impl Tally {
    pub fn rate(&self) -> f64 {
        self.execs as f64 / self.busy.as_secs_f64().max(1e-9)
    }
    pub fn findings_total(&self) -> u64 {
        self.panics + self.hangs + self.failures
    }
}

thread_local! {
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

static QUIET_HOOK: Once = Once::new();

/// Replaces the default panic hook (which prints every panic) with one that records the
/// message for the engine; the engine prints each distinct finding once.
pub fn install_quiet_panic_hook() {
    QUIET_HOOK.call_once(|| {
        panic::set_hook(Box::new(|info| {
            let location = info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
            let payload = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(non-string panic payload)".into());
            let text = format!("{payload} (at {})", location.unwrap_or_else(|| "unknown location".into()));
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(text));
        }));
    });
}

/// One execution of `target` on `seed`, panics caught.
pub fn execute(target: &Target, seed: u64) -> Outcome {
    match panic::catch_unwind(AssertUnwindSafe(|| (target.run)(seed))) {
        Ok(Ok(())) => Outcome::Ok,
        Ok(Err(message)) => Outcome::Failed(message),
        Err(_) => Outcome::Panicked(LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_else(|| "panic".into())),
    }
}

/// Re-runs one seed with the input captured (for a finding's report).
pub fn replay_captured(target: &Target, seed: u64) -> (Outcome, String) {
    crate::start_capture();
    let outcome = execute(target, seed);
    (outcome, crate::take_capture())
}

/// What makes two findings "the same": a panic's location, a failure's message with its
/// numbers and quoted parts removed, or being a hang.
fn key(kind: &Kind, message: &str) -> String {
    match kind {
        Kind::Panic => message.rsplit_once("(at ").map_or(message, |(_, at)| at).to_string(),
        Kind::Hang => "hang".into(),
        Kind::Failure => {
            let first = message.lines().next().unwrap_or("");
            let mut out = String::new();
            let mut quoted = false;
            for c in first.chars() {
                match c {
                    '`' => quoted = !quoted,
                    _ if quoted || c.is_ascii_digit() => {}
                    _ => out.push(c),
                }
            }
            out.chars().take(80).collect()
        }
    }
}

pub struct Plan {
    pub targets: Vec<(&'static Target, u64)>,
    pub seed_base: u64,
    pub jobs: usize,
    pub hang_limit: Duration,
    /// An execution still running after this ends the process (it would never return).
    pub stuck_limit: Duration,
    pub chunk: u64,
    /// Print progress lines to standard error.
    pub progress: bool,
}

struct Slot {
    /// Target index + 1 (0 = idle), seed, and start time in ms since `epoch`.
    target: AtomicU64,
    seed: AtomicU64,
    started_ms: AtomicU64,
}

/// Runs the plan; one tally per target, in plan order.
pub fn run(plan: &Plan) -> Vec<Tally> {
    install_quiet_panic_hook();
    let tallies: Arc<Vec<Mutex<Tally>>> = Arc::new(plan.targets.iter().map(|_| Mutex::new(Tally::default())).collect());
    // Chunks interleaved across targets, so both workers share every target.
    let mut chunks = Vec::new();
    let mut starts: Vec<u64> = vec![0; plan.targets.len()];
    loop {
        let mut any = false;
        for (index, (_, execs)) in plan.targets.iter().enumerate() {
            if starts[index] < *execs {
                let end = (starts[index] + plan.chunk).min(*execs);
                chunks.push((index, starts[index], end));
                starts[index] = end;
                any = true;
            }
        }
        if !any {
            break;
        }
    }
    chunks.reverse();
    let total_chunks = chunks.len();
    let queue = Arc::new(Mutex::new(chunks));
    let epoch = Instant::now();
    let slots: Arc<Vec<Slot>> = Arc::new(
        (0..plan.jobs)
            .map(|_| Slot { target: AtomicU64::new(0), seed: AtomicU64::new(0), started_ms: AtomicU64::new(0) })
            .collect(),
    );
    let done = Arc::new(AtomicBool::new(false));
    let targets: Vec<&'static Target> = plan.targets.iter().map(|(t, _)| *t).collect();
    let watchdog = {
        let (slots, done, targets, stuck) = (slots.clone(), done.clone(), targets.clone(), plan.stuck_limit);
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(200));
                let now = epoch.elapsed().as_millis() as u64;
                for slot in slots.iter() {
                    let target = slot.target.load(Ordering::Relaxed);
                    let started = slot.started_ms.load(Ordering::Relaxed);
                    if target > 0 && now.saturating_sub(started) > stuck.as_millis() as u64 {
                        let name = targets[target as usize - 1].name;
                        let seed = slot.seed.load(Ordering::Relaxed);
                        eprintln!(
                            "paxos-fuzz: HANG: target {name} seed {seed} has run for over {} s without returning\n  re-run: cargo run -p paxos-fuzz --profile fuzz -- --target {name} --seed {seed}",
                            stuck.as_secs()
                        );
                        std::process::exit(3);
                    }
                }
            }
        })
    };
    let workers: Vec<_> = (0..plan.jobs)
        .map(|worker| {
            let (queue, tallies, slots, targets) = (queue.clone(), tallies.clone(), slots.clone(), targets.clone());
            let (seed_base, hang_limit, progress) = (plan.seed_base, plan.hang_limit, plan.progress);
            std::thread::spawn(move || loop {
                let Some((index, start, end)) = queue.lock().unwrap().pop() else { break };
                let target = targets[index];
                let hang_limit = hang_limit * target.hang_factor;
                let mut local = Tally::default();
                let chunk_started = Instant::now();
                for i in start..end {
                    let seed = seed_base.wrapping_add(i);
                    let slot = &slots[worker];
                    slot.seed.store(seed, Ordering::Relaxed);
                    slot.started_ms.store(epoch.elapsed().as_millis() as u64, Ordering::Relaxed);
                    slot.target.store(index as u64 + 1, Ordering::Relaxed);
                    let started = Instant::now();
                    let outcome = execute(target, seed);
                    let took = started.elapsed();
                    slot.target.store(0, Ordering::Relaxed);
                    local.execs += 1;
                    if took > local.slowest.0 {
                        local.slowest = (took, seed);
                    }
                    let (kind, message) = match outcome {
                        Outcome::Ok if took <= hang_limit => continue,
                        Outcome::Ok => (
                            Kind::Hang,
                            format!("took {:.2} s (limit {:.2} s)", took.as_secs_f64(), hang_limit.as_secs_f64()),
                        ),
                        Outcome::Failed(m) => (Kind::Failure, m),
                        Outcome::Panicked(m) => (Kind::Panic, m),
                    };
                    match kind {
                        Kind::Panic => local.panics += 1,
                        Kind::Hang => local.hangs += 1,
                        Kind::Failure => local.failures += 1,
                    }
                    let k = format!("{}: {}", kind.name(), key(&kind, &message));
                    if let Some(found) = local.findings.get_mut(&k) {
                        found.count += 1;
                        continue;
                    }
                    let known = tallies[index].lock().unwrap().findings.contains_key(&k);
                    let input = if known { String::new() } else { replay_captured(target, seed).1 };
                    local.findings.insert(k, Finding { target: target.name, seed, kind, message, input, count: 1 });
                }
                local.busy = chunk_started.elapsed();
                let mut tally = tallies[index].lock().unwrap();
                tally.execs += local.execs;
                tally.busy += local.busy;
                tally.panics += local.panics;
                tally.hangs += local.hangs;
                tally.failures += local.failures;
                if local.slowest.0 > tally.slowest.0 {
                    tally.slowest = local.slowest;
                }
                for (k, finding) in local.findings {
                    match tally.findings.get_mut(&k) {
                        Some(existing) => {
                            existing.count += finding.count;
                            if finding.seed < existing.seed && !finding.input.is_empty() {
                                let count = existing.count;
                                *existing = Finding { count, ..finding };
                            }
                        }
                        None => {
                            if progress {
                                eprintln!(
                                    "paxos-fuzz: new {} in {} (seed {}): {}",
                                    finding.kind.name(),
                                    finding.target,
                                    finding.seed,
                                    finding.message.lines().next().unwrap_or("")
                                );
                            }
                            tally.findings.insert(k, finding);
                        }
                    }
                }
                if progress {
                    let left = queue.lock().unwrap().len();
                    if left % 50 == 0 {
                        eprintln!(
                            "paxos-fuzz: {} of {total_chunks} chunks done ({:.0} s)",
                            total_chunks - left,
                            epoch.elapsed().as_secs_f64()
                        );
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().expect("workers catch their targets' panics");
    }
    done.store(true, Ordering::Relaxed);
    let _ = watchdog.join();
    tallies.iter().map(|t| t.lock().unwrap().clone()).collect()
}
