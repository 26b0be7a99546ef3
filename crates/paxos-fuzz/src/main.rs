//! `paxos-fuzz`: runs the fuzz targets and prints one table (docs/RELIABILITY.md).
//!
//! ```text
//! paxos-fuzz [--target T]... [--execs N] [--jobs J] [--seed-base B] [--hang-ms MS] [--stuck-s S]
//! paxos-fuzz --target T --seed S        replay one execution: print its input and outcome
//! paxos-fuzz --list                     the targets
//! paxos-fuzz determinism-corpus N FILE  write the determinism corpus (N scenarios) as JSON
//! ```
//! Exit status: 0 if nothing was found, 1 if any target had a finding, 2 for bad arguments,
//! 3 if an execution never returned (the watchdog names its seed).

use paxos_fuzz::engine::{self, Outcome, Plan};
use paxos_fuzz::{find, Target, TARGETS};
use std::process::ExitCode;
use std::time::{Duration, Instant};

const USAGE: &str = "usage:
  paxos-fuzz [--target T]... [--execs N] [--jobs J] [--seed-base B] [--hang-ms MS] [--stuck-s S]
                                  run targets (default: all, each its default count) and print a table
  paxos-fuzz --target T --seed S  replay one execution: print its input and outcome
  paxos-fuzz --list               list the targets
  paxos-fuzz determinism-corpus N FILE
                                  write N random scenarios with their native log hashes (JSON)";

struct Options {
    targets: Vec<&'static Target>,
    execs: Option<u64>,
    jobs: usize,
    seed_base: u64,
    seed: Option<u64>,
    hang: Duration,
    stuck: Duration,
}

fn number(args: &[String], at: usize, flag: &str) -> Result<u64, String> {
    let text = args.get(at).ok_or_else(|| format!("{flag} needs a value"))?;
    text.replace('_', "").parse().map_err(|_| format!("{flag} takes a number, not `{text}`"))
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        targets: Vec::new(),
        execs: None,
        jobs: 2,
        seed_base: 0,
        seed: None,
        hang: Duration::from_secs(1),
        stuck: Duration::from_secs(60),
    };
    let mut at = 0;
    while at < args.len() {
        let flag = args[at].as_str();
        match flag {
            "--target" | "-t" => {
                at += 1;
                let names = args.get(at).ok_or("--target needs a name")?;
                for name in names.split(',') {
                    let names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
                    o.targets
                        .push(find(name).ok_or_else(|| format!("no target `{name}`; targets: {}", names.join(", ")))?);
                }
            }
            "--execs" | "-n" => o.execs = Some(number(args, at + 1, flag)?),
            "--jobs" | "-j" => o.jobs = number(args, at + 1, flag)?.clamp(1, 64) as usize,
            "--seed-base" => o.seed_base = number(args, at + 1, flag)?,
            "--seed" => o.seed = Some(number(args, at + 1, flag)?),
            "--hang-ms" => o.hang = Duration::from_millis(number(args, at + 1, flag)?),
            "--stuck-s" => o.stuck = Duration::from_secs(number(args, at + 1, flag)?.max(1)),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
        if !matches!(flag, "--target" | "-t") {
            at += 1;
        }
        at += 1;
    }
    if o.targets.is_empty() {
        o.targets = TARGETS.iter().collect();
    }
    Ok(o)
}

fn replay(target: &Target, seed: u64) -> ExitCode {
    engine::install_quiet_panic_hook();
    let (outcome, input) = engine::replay_captured(target, seed);
    print!("{input}");
    match outcome {
        Outcome::Ok => {
            println!("target {} seed {seed}: ok", target.name);
            ExitCode::SUCCESS
        }
        Outcome::Failed(message) => {
            println!("target {} seed {seed}: FAILURE: {message}", target.name);
            ExitCode::from(1)
        }
        Outcome::Panicked(message) => {
            println!("target {} seed {seed}: PANIC: {message}", target.name);
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("determinism-corpus") {
        let (Some(Ok(n)), Some(file)) = (args.get(1).map(|n| n.parse::<u64>()), args.get(2)) else {
            eprintln!("paxos-fuzz: {USAGE}");
            return ExitCode::from(2);
        };
        if let Err(e) = std::fs::write(file, paxos_fuzz::corpus::corpus(n)) {
            eprintln!("paxos-fuzz: cannot write {file}: {e}");
            return ExitCode::from(2);
        }
        println!("paxos-fuzz: wrote {n} scenarios to {file}");
        return ExitCode::SUCCESS;
    }
    if let (Some("seed-corpus"), Some(dir)) = (args.first().map(String::as_str), args.get(1)) {
        // Starting inputs for the coverage-guided harnesses: each preset as a script and as a link.
        let dir = std::path::Path::new(dir);
        for (kind, text) in paxos::presets::PRESETS
            .iter()
            .flat_map(|p| {
                let scenario = paxos::scenario::parse(p.script).expect("presets parse");
                let link = paxos::scenario::encode_link(&scenario, Default::default());
                [("script", p.id, p.script.to_string()), ("link", p.id, link)]
            })
            .map(|(kind, id, text)| ((kind, id), text))
        {
            let (kind, id) = kind;
            let folder = dir.join(kind);
            if let Err(e) = std::fs::create_dir_all(&folder).and_then(|_| std::fs::write(folder.join(id), text)) {
                eprintln!("paxos-fuzz: cannot write the seed corpus in {}: {e}", dir.display());
                return ExitCode::from(2);
            }
        }
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("--list") {
        for t in TARGETS {
            println!("{:<12} {:>12}  {}", t.name, t.default_execs, t.about);
        }
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let o = match options(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("paxos-fuzz: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(seed) = o.seed {
        let code = o.targets.iter().map(|t| replay(t, seed)).next_back().unwrap_or(ExitCode::SUCCESS);
        let _ = std::fs::remove_dir_all(paxos_fuzz::cli::scratch_dir());
        return code;
    }
    let plan = Plan {
        targets: o.targets.iter().map(|t| (*t, o.execs.unwrap_or(t.default_execs))).collect(),
        seed_base: o.seed_base,
        jobs: o.jobs,
        hang_limit: o.hang,
        stuck_limit: o.stuck,
        chunk: 2_000,
        progress: true,
    };
    let started = Instant::now();
    let tallies = engine::run(&plan);
    let _ = std::fs::remove_dir_all(paxos_fuzz::cli::scratch_dir());
    let wall = started.elapsed().as_secs_f64();

    let mut any = false;
    for (tally, (target, _)) in tallies.iter().zip(&plan.targets) {
        for finding in tally.findings.values() {
            any = true;
            println!(
                "\nFINDING in {} ({}, {} execution(s) alike): {}\n  first seed: {}\n  re-run: {}\n  or: npm run fuzz -- --target {} --seed {}\n{}",
                target.name,
                finding.kind.name(),
                finding.count,
                finding.message.lines().next().unwrap_or(""),
                finding.seed,
                finding.command(),
                target.name,
                finding.seed,
                finding.input.lines().take(60).map(|l| format!("    {l}\n")).collect::<String>(),
            );
        }
    }
    println!(
        "\n| target | executions | rate (exec/s per core) | panics | hangs | failures | distinct findings | slowest (seed) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    for (tally, (target, _)) in tallies.iter().zip(&plan.targets) {
        println!(
            "| {} | {} | {:.0} | {} | {} | {} | {} | {:.0} ms ({}) |",
            target.name,
            tally.execs,
            tally.rate(),
            tally.panics,
            tally.hangs,
            tally.failures,
            tally.findings.len(),
            tally.slowest.0.as_secs_f64() * 1000.0,
            tally.slowest.1,
        );
    }
    println!(
        "\n{} target(s), {} executions in {wall:.1} s on {} worker thread(s); seeds {}..; hang limit {} ms",
        tallies.len(),
        tallies.iter().map(|t| t.execs).sum::<u64>(),
        plan.jobs,
        plan.seed_base,
        plan.hang_limit.as_millis()
    );
    if any {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
