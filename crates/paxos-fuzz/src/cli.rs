//! Target `cli`: argument vectors for `paxos` (`paxos_cli::run`), every command with flags at
//! and past their limits, missing values, unknown words. `run` reads temporary files this
//! target writes (a generated script, invalid UTF-8, an oversized file, a directory, a
//! missing path); standard input is never read. `check` gets a small `--max-states` last so
//! a search stays short, except in the over-limit case, where a huge bound comes with a
//! setting past its limit and the whole command must be refused quickly (the hang limit
//! catches a slow refusal). Checked: never a panic or hang; refusals have a message; `run`
//! prints the same log as the library.

use crate::gen::Gen;
use paxos::presets::PRESETS;
use std::path::PathBuf;

/// This process's scratch directory (removed by the binary when it ends): in memory
/// (/dev/shm) where there is one, as the script file is rewritten on every execution (on a
/// disk that cut the target's rate tenfold under load); `PAXOS_FUZZ_TMP` overrides.
pub fn scratch_dir() -> PathBuf {
    let shm = std::path::Path::new("/dev/shm");
    let base = match std::env::var_os("PAXOS_FUZZ_TMP") {
        Some(dir) => PathBuf::from(dir),
        None if shm.is_dir() => shm.to_path_buf(),
        None => std::env::temp_dir(),
    };
    base.join(format!("paxos-fuzz-{}", std::process::id()))
}

struct Files {
    script: PathBuf,
    invalid_utf8: PathBuf,
    oversized: PathBuf,
    directory: PathBuf,
    missing: PathBuf,
}

thread_local! {
    static FILES: Files = {
        let dir = scratch_dir();
        let thread = format!("{:?}", std::thread::current().id()).replace(|c: char| !c.is_ascii_alphanumeric(), "");
        let files = Files {
            script: dir.join(format!("script-{thread}.txt")),
            invalid_utf8: dir.join("invalid-utf8.txt"),
            oversized: dir.join("oversized.txt"),
            directory: dir.join("a-directory"),
            missing: dir.join("missing.txt"),
        };
        std::fs::create_dir_all(&files.directory).expect("a scratch directory");
        std::fs::write(&files.invalid_utf8, b"title \xff\xfe bad\nnodes 3\nrun\n").expect("scratch file");
        let big = "# padding\n".repeat(paxos::scenario::SCRIPT_BYTES_MAX / 10 + 2);
        std::fs::write(&files.oversized, big).expect("scratch file");
        files
    };
}

fn flag_value(g: &mut Gen, flag: &str) -> Option<String> {
    let points: &[u64] = match flag {
        "--model" => return Some(g.pick(&["tla", "sim", "sim", "tla", "z3", "", "SIM"]).to_string()),
        "--protocol" => {
            return Some(match g.below(8) {
                0 => g.junk(2),
                _ => g.pick(crate::grammar::PROTOCOLS).to_string(),
            })
        }
        "--acceptors" => &[0, 1, 2, 3, 5, 6, 255],
        "--values" => &[0, 1, 2, 3, 14, 15, 255],
        "--max-ballot" => &[0, 1, 2, 13, 14, 255],
        "--nodes" => &[0, 1, 2, 3, 5, 6, 255],
        "--quorum" => &[0, 1, 2, 3, 5, 6],
        "--proposers" => &[0, 1, 2, 3, 5, 6, 255],
        "--attempts" => &[0, 1, 2, 8, 9],
        "--duplicates" | "--crashes" => &[0, 1, 2, 255, 256],
        "--in-flight-max" => &[0, 1, 12, 64, 65, 255, 256],
        "--max-states" => &[0, 1, 10, 100, 300],
        _ => return None,
    };
    let mut text = g.number_text(points);
    if flag == "--quorum" {
        text = format!("{text} {}", g.number_text(points));
    }
    Some(text)
}

const CHECK_FLAGS: &[&str] = &[
    "--model", "--model", "--json", "--acceptors", "--values", "--max-ballot", "--one-phase", "--protocol", "--protocol",
    "--nodes", "--quorum", "--proposers", "--attempts", "--timeouts", "--drops", "--duplicates", "--crashes",
    "--amnesia", "--no-nacks", "--in-flight-max", "--symmetry", "--frobnicate", "-x", "",
];

/// The argument vector for `seed` (with the scratch script written when `run` reads it).
pub fn input(seed: u64) -> Vec<String> {
    let mut g = Gen::new(seed);
    let mut args: Vec<String> = Vec::new();
    match g.below(20) {
        0..=8 => {
            args.push("run".into());
            let flags = ["--json", "--mermaid", "--rust-test", "--svg", "-"];
            for _ in 0..g.below(3) {
                if g.chance(50) {
                    args.push(g.pick(&flags).to_string());
                }
            }
            let path = FILES.with(|f| match g.below(12) {
                0 => f.invalid_utf8.clone(),
                1 => f.oversized.clone(),
                2 => f.directory.clone(),
                3 => f.missing.clone(),
                _ => {
                    let text = match g.below(3) {
                        0 => g.pick(PRESETS).script.to_string(),
                        _ => crate::grammar::script(&mut g),
                    };
                    std::fs::write(&f.script, text).expect("the scratch script is writable");
                    f.script.clone()
                }
            });
            let at = g.below(args.len() + 1).max(1);
            args.insert(at, path.to_string_lossy().into_owned());
            if g.chance(5) {
                args.push(path.to_string_lossy().into_owned()); // two files
            }
        }
        9..=15 => {
            args.push("check".into());
            for _ in 0..g.below(10) {
                let flag = *g.pick(CHECK_FLAGS);
                args.push(flag.to_string());
                if let Some(value) = flag_value(&mut g, flag) {
                    if !g.chance(3) {
                        args.extend(value.split(' ').map(str::to_string));
                    }
                }
            }
            if g.chance(5) {
                // Over the limit: a huge bound, and a setting that must be refused.
                args.push("--max-states".into());
                args.push(g.pick(&["18446744073709551615", "1000000000000", "20000000"]).to_string());
                // One setting past its limit for each model (the model may be either).
                let (flag, value) = *g.pick(&[("--nodes", "6"), ("--attempts", "9"), ("--in-flight-max", "65"), ("--in-flight-max", "0"), ("--proposers", "0"), ("--nodes", "0")]);
                args.extend([flag.to_string(), value.to_string()]);
                let (flag, value) = *g.pick(&[("--acceptors", "0"), ("--acceptors", "6"), ("--values", "15"), ("--values", "0"), ("--max-ballot", "14")]);
                args.extend([flag.to_string(), value.to_string()]);
            } else {
                args.push("--max-states".into());
                args.push(g.range(0, 200).to_string());
            }
        }
        16 => args.push("presets".into()),
        17 => {
            args.push("preset".into());
            args.push(match g.below(3) {
                0 => g.junk(3),
                _ => g.pick(PRESETS).id.to_string(),
            });
        }
        18 => args.push(g.pick(&["--version", "-V", "--help", "-h", "help", "presets"]).to_string()),
        _ => {
            for _ in 0..g.below(4) {
                args.push(g.junk(2));
            }
        }
    }
    if g.chance(4) {
        let extra = if g.chance(50) { g.junk(2) } else { "--json".to_string() };
        let at = g.below(args.len() + 1);
        args.insert(at, extra);
    }
    args
}

pub fn run(seed: u64) -> Result<(), String> {
    let args = input(seed);
    crate::show("arguments", || format!("{args:?}"));
    let result = paxos_cli::run(&args);
    crate::show("result", || format!("{result:?}"));
    match &result {
        Err(message) if message.trim().is_empty() => return Err(format!("an empty refusal for {args:?}")),
        Err(_) => {}
        Ok(output) => {
            if let [command, file] = args.as_slice() {
                if command == "run" {
                    let text = std::fs::read_to_string(file).map_err(|e| format!("re-reading {file}: {e}"))?;
                    let expected = paxos::Simulation::from_script(&text).map(|s| s.log()).map_err(|e| e.to_string())?;
                    if *output != expected {
                        return Err("`paxos run FILE` prints another log than the library".into());
                    }
                }
            }
        }
    }
    Ok(())
}
