//! `paxos`: run scenario scripts from the command line. The binary (`src/main.rs`) is a thin
//! wrapper around [`run`], which the fuzzer (`crates/paxos-fuzz`) also calls directly.
//!
//! ```text
//! paxos run FILE [--json | --mermaid | --rust-test]
//!                             run a script (FILE or - for standard input)
//! paxos presets               list the built-in presets (the page's, then Multi-Paxos')
//! paxos preset ID             print a preset's script
//! paxos check --model tla|sim ...   exhaustive model checking (see check.rs)
//! ```
//! Exit status: 0 on success, 2 for bad arguments or an invalid script (with line and column).

mod check;
mod report;

use paxos::presets::{MULTI_PRESETS, PRESETS};
use paxos::Simulation;
use std::io::Read;

const USAGE: &str = "usage:
  paxos run FILE [--json | --mermaid | --rust-test]
                            run a scenario script (FILE or - for standard input); print the
                            event log, JSON, a Mermaid sequence diagram or a Rust test
  paxos check ...           model-check a configuration (see below)
  paxos presets [--json [--multi]]
                            list the built-in presets (--json: the page's, with their
                            scripts; --multi: Multi-Paxos' instead)
  paxos preset ID           print a preset's script
  paxos --version
check:";

/// The whole usage: the commands, then `check`'s options (printed with every usage error,
/// not only with `--help`).
fn usage() -> String {
    format!("{USAGE}\n{}", check::USAGE)
}

/// The whole CLI: its arguments (without the program name) to what it prints on standard
/// output, or the message for standard error (exit status 2).
pub fn run(args: &[String]) -> Result<String, String> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["run", rest @ ..] => run_script(rest),
        ["check", rest @ ..] => check::run(rest),
        ["presets"] => Ok(paxos::presets::all().map(|p| format!("{:<16} {}\n", p.id, p.title())).collect()),
        ["presets", "--json"] => Ok(report::presets_json(PRESETS) + "\n"),
        ["presets", "--json", "--multi"] => Ok(report::presets_json(MULTI_PRESETS) + "\n"),
        ["preset", id] => paxos::presets::find(id)
            .map(|p| p.script.to_string())
            .ok_or_else(|| format!("no preset `{id}`; `paxos presets` lists them")),
        ["--version" | "-V"] => Ok(format!("paxos {}\n", paxos::VERSION)),
        ["--help" | "-h" | "help"] => Ok(format!("{}\n", usage())),
        [] => Err(format!("no command given\n{}", usage())),
        [other, ..] => Err(format!("unknown command or arguments `{other}`\n{}", usage())),
    }
}

fn run_script(args: &[&str]) -> Result<String, String> {
    let (flags, files): (Vec<&str>, Vec<&str>) = args.iter().partition(|a| a.starts_with("--"));
    let format = match flags.as_slice() {
        [] => "log",
        ["--json"] => "json",
        ["--mermaid"] => "mermaid",
        ["--rust-test"] => "rust-test",
        [one] => return Err(format!("unknown option `{one}`\n{}", usage())),
        _ => return Err(format!("`run` takes at most one of --json, --mermaid, --rust-test\n{}", usage())),
    };
    let [file] = files.as_slice() else {
        return Err(format!("`run` takes exactly one FILE\n{}", usage()));
    };
    let bytes = read(file)?;
    let text = paxos::scenario::script_text(&bytes).map_err(|e| format!("{file}: {e}"))?;
    let sim = Simulation::from_script(text).map_err(|e| format!("{file}: {e}"))?;
    Ok(match format {
        "json" => report::json(&sim) + "\n",
        "mermaid" => paxos::export::mermaid(&sim),
        "rust-test" => paxos::export::rust_test(&sim),
        _ => sim.log(),
    })
}

/// The file's bytes (at most one more than a script may have, so that a longer one is refused
/// as such); `script_text` turns them into text, or says where they are not UTF-8.
fn read(file: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = paxos::scenario::SCRIPT_BYTES_MAX as u64 + 4;
    let result = match file {
        "-" => std::io::stdin().take(limit).read_to_end(&mut bytes),
        _ => std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes)),
    };
    result.map_err(|e| format!("cannot read {file}: {e}"))?;
    Ok(bytes)
}
