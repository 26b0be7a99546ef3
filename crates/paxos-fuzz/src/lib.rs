//! Seeded fuzzing harnesses for the Paxos playground (`npm run fuzz`, docs/RELIABILITY.md).
//!
//! A *target* is a function of one `u64` seed: `fn run(seed: u64) -> Result<(), String>`.
//! It derives its whole input from the seed (with [`gen::Gen`], SplitMix64 like the core),
//! feeds it to the code under test, and returns `Err` when an invariant fails. A panic is
//! caught by the engine ([`engine`]); an execution slower than the hang limit (1 s by
//! default) is reported as a hang. So every finding is reproduced by `(target, seed)` alone:
//!
//! ```text
//! cargo run -p paxos-fuzz --profile fuzz -- --target script --seed 1234
//! ```
//!
//! prints the input (through [`show`]) and runs it once, with the normal panic message.
//!
//! ## Adding a target
//!
//! Put the module in `src/NAME.rs` with `pub fn run(seed: u64) -> Result<(), String>` (and,
//! ideally, a call to [`show`] with its input so findings print it), then add ONE line to the
//! `targets!` list below, `NAME = DEFAULT_EXECS: "what it checks",`, or
//! `NAME = DEFAULT_EXECS, hang x N: "...",` when one execution is many runs and may take N
//! times the hang limit (as `time_travel` does). The default count is what `npm run fuzz`
//! runs without `--execs`; pick one that takes a few minutes at the target's measured rate.

pub mod corpus;
pub mod engine;
pub mod gen;
pub mod grammar;

/// One fuzz target: its name on the command line, what it checks, how many executions
/// `npm run fuzz` runs by default, and the function of a seed.
#[derive(Clone, Copy)]
pub struct Target {
    pub name: &'static str,
    pub about: &'static str,
    pub default_execs: u64,
    /// How many times the hang limit one execution may take (1 unless the list says
    /// `hang xN`): most targets make one run per execution.
    pub hang_factor: u32,
    pub run: fn(u64) -> Result<(), String>,
}

macro_rules! targets {
    ($($name:ident = $execs:literal $(, hang x $factor:literal)? : $about:literal),* $(,)?) => {
        $(pub mod $name;)*
        /// Every target, in the order the table lists them.
        pub const TARGETS: &[Target] = &[$(Target {
            name: stringify!($name),
            about: $about,
            default_execs: $execs,
            hang_factor: 1 $(* $factor)?,
            run: $name::run,
        }),*];
    };
}

targets! {
    script = 10_000_000: "grammar-made and mutated scripts: parse, print, reparse, run, replay; never a panic or hang",
    link = 10_000_000: "mutated, truncated and random share-link codes: decode, re-encode, run; never a panic or hang",
    cli = 10_000_000: "argument vectors for run/check/presets/preset at and past every limit; refusals are clear",
    settings = 10_000_000: "every script setting at and past its limits, alone and combined, then run; refusals name it",
    // A time-travel case replays its whole run (script and link) after every one of its
    // dozens of calls: up to a few hundred milliseconds unloaded, seconds under load.
    time_travel = 20_000, hang x 20: "seek, step and intervene (valid and refused) at random steps; refusals change nothing; the run equals the replay of its script and its link",
    oracle = 1_000_000: "random faulty runs (every protocol, unsafe quorums, amnesia, manual and automatic networks); the observers agree with an independent oracle at every step",
    checker_oracle = 200_000: "random walks through the model checker's own model, replayed in the simulator; the checker's verdict agrees with the oracle after every move",
}

pub fn find(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

thread_local! {
    static SHOWN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Records the input of the current execution, for the finding report and for `--seed`
/// replays. Costs nothing during fuzzing: `text` is only called while capturing.
pub fn show(label: &str, text: impl FnOnce() -> String) {
    SHOWN.with(|shown| {
        if let Some(out) = shown.borrow_mut().as_mut() {
            out.push_str(&format!("--- {label}:\n{}\n", text()));
        }
    });
}

/// Starts capturing what [`show`] is given on this thread.
pub fn start_capture() {
    SHOWN.with(|shown| *shown.borrow_mut() = Some(String::new()));
}

/// Stops capturing and returns what was shown since [`start_capture`].
pub fn take_capture() -> String {
    SHOWN.with(|shown| shown.borrow_mut().take()).unwrap_or_default()
}
