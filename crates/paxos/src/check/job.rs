//! One model-checking job, whichever model it runs: what the CLI and the browser worker
//! share. A job is run in chunks (`run_for`), so a caller can show progress, measure its
//! rate and cancel between chunks; its summary carries the counterexample as text (a
//! scenario script for the simulator model, action lines for the TLA model).

use super::sim::{sim_report, SimConfig, SimConfigError, SimModel};
use super::tla::{render_counterexample, TlaConfig, TlaPaxos};
use super::{Bounds, Checker, Limit, Progress, Verdict};
use serde::{Deserialize, Serialize};

/// What to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "model", rename_all = "lowercase")]
pub enum Job {
    Tla(TlaConfig),
    Sim(SimConfig),
}

/// A search in progress.
pub enum Search {
    Tla(Box<Checker<TlaPaxos>>),
    Sim(Box<Checker<SimModel>>),
}

/// The outcome in a model-independent form.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub distinct_states: u64,
    pub generated_states: u64,
    pub depth: u32,
    /// Bytes the search holds, as `Bounds::bytes_max` counts them.
    pub memory_bytes: u64,
    /// The most it held at any moment.
    pub memory_peak_bytes: u64,
    /// `holds`, `violated`, `stuck` or `incomplete`.
    pub verdict: &'static str,
    /// For `incomplete`, the bound that stopped it (`states`, `depth`, `memory`,
    /// `not_finished`): a page says which (the memory bound is not the state bound it shows).
    pub limit: Option<&'static str>,
    pub reason: String,
    /// The shortest counterexample: a scenario script (simulator model) or action lines (TLA).
    pub counterexample: Option<String>,
}

impl Search {
    pub fn new(job: Job, bounds: Bounds) -> Result<Search, String> {
        Ok(match job {
            Job::Tla(config) => {
                Search::Tla(Box::new(Checker::new(TlaPaxos::new(config).map_err(|e| e.to_string())?, bounds)))
            }
            Job::Sim(config) => Search::Sim(Box::new(Checker::new(
                SimModel::new(config).map_err(|e: SimConfigError| e.message)?,
                bounds,
            ))),
        })
    }

    pub fn run_for(&mut self, budget_states: u64) -> Progress {
        match self {
            Search::Tla(checker) => checker.run_for(budget_states),
            Search::Sim(checker) => checker.run_for(budget_states),
        }
    }

    /// The result so far (`incomplete` while the search is not finished).
    pub fn summary(&self) -> Summary {
        let (progress, bounds) = match self {
            Search::Tla(checker) => (checker.progress(), checker.bounds()),
            Search::Sim(checker) => (checker.progress(), checker.bounds()),
        };
        let (verdict, report, counterexample) = match self {
            Search::Tla(checker) => {
                let report = checker.report();
                let text = report.counterexample.as_ref().map(|a| render_counterexample(a).join("\n") + "\n");
                let summary =
                    Summary::from_parts(&report.verdict, report.distinct_states, report.generated_states, report.depth);
                (report.verdict, summary, text)
            }
            Search::Sim(checker) => {
                let report = sim_report(checker.model(), checker.report());
                let r = report.report;
                let summary = Summary::from_parts(&r.verdict, r.distinct_states, r.generated_states, r.depth);
                (r.verdict, summary, report.counterexample_script)
            }
        };
        let mut reason = report.reason;
        if verdict == (Verdict::Incomplete { limit: Limit::Memory }) {
            let mib = |bytes: u64| (bytes + (1 << 19)) >> 20; // rounded, and no float formatting code
            let (held, max, states) = (mib(progress.memory_bytes), mib(bounds.bytes_max), progress.distinct_states);
            reason = format!(
                "stopped by the memory bound ({max} MiB) before every state was visited: the {states} states \
                 found so far take {held} MiB with their tables; check a smaller configuration (fewer servers, \
                 attempts or faults)"
            );
        }
        let (memory_bytes, memory_peak_bytes) = (progress.memory_bytes, progress.memory_peak_bytes);
        Summary { counterexample, memory_bytes, memory_peak_bytes, reason, ..report }
    }

    /// Runs to the end and summarises. Terminates: every chunk expands at least one stored
    /// state or finishes, and the bounds cap the stored states.
    pub fn finish(mut self) -> Summary {
        while !self.run_for(1 << 20).finished {}
        self.summary()
    }
}

impl Summary {
    fn from_parts(verdict: &Verdict, distinct_states: u64, generated_states: u64, depth: u32) -> Summary {
        Summary {
            distinct_states,
            generated_states,
            depth,
            memory_bytes: 0,
            memory_peak_bytes: 0,
            verdict: verdict.name(),
            limit: verdict.limit(),
            reason: verdict.reason(),
            counterexample: None,
        }
    }
}
