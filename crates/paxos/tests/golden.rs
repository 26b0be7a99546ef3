//! Golden tests in the etcd/raft "datadriven" manner.
//!
//! Each file in `testdata/` is a series of blocks: script lines, a `----` line, then the
//! expected output, then a blank line. The lines of all blocks so far form one script; a
//! block's output is the event log of the steps its own lines added. Two pseudo-commands:
//! `verdict` prints the observers' verdict so far, `script` the canonical script. A line that
//! the script refuses prints `error: ...` and is left out. Run with `REWRITE=1` to rewrite the
//! expected outputs from the actual ones (then review the diff).
//!
//! Each preset's whole log is also pinned, in `golden/<preset>.log`.

use paxos::presets;
use paxos::sim::format_events;
use paxos::Simulation;
use std::path::{Path, PathBuf};

fn rewrite() -> bool {
    std::env::var_os("REWRITE").is_some()
}

struct Block {
    input: Vec<String>,
    expected: String,
}

fn parse_blocks(text: &str, path: &Path) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = text.lines().peekable();
    while lines.peek().is_some() {
        let mut input = Vec::new();
        for line in lines.by_ref() {
            if line == "----" {
                break;
            }
            if !line.trim().is_empty() {
                input.push(line.to_string());
            }
        }
        if input.is_empty() {
            break;
        }
        let mut expected = String::new();
        for line in lines.by_ref() {
            if line.is_empty() {
                break;
            }
            expected.push_str(line);
            expected.push('\n');
        }
        blocks.push(Block { input, expected });
    }
    assert!(!blocks.is_empty(), "{}: no blocks", path.display());
    blocks
}

fn run_block(script: &mut String, block: &Block) -> String {
    let before = Simulation::from_script(script).expect("the script so far is valid").steps();
    let mut output = String::new();
    for line in &block.input {
        let sim = Simulation::from_script(script).expect("the script so far is valid");
        match line.trim() {
            "verdict" => output.push_str(&format!("verdict: {}\n", sim.verdict())),
            "script" => output.push_str(&sim.script()),
            _ => {
                let candidate = format!("{script}{line}\n");
                match Simulation::from_script(&candidate) {
                    Ok(_) => *script = candidate,
                    Err(e) => output.push_str(&format!("error: {e}\n")),
                }
            }
        }
    }
    let sim = Simulation::from_script(script).expect("the script so far is valid");
    let events = format_events(sim.events_between(before + 1, sim.steps()));
    if output.is_empty() && events.is_empty() {
        return "ok\n".to_string();
    }
    events + &output
}

fn check_file(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let blocks = parse_blocks(&text, path);
    let mut script = String::new();
    let mut rewritten = String::new();
    let mut failures = Vec::new();
    for block in &blocks {
        let actual = run_block(&mut script, block);
        if actual != block.expected {
            failures.push(format!(
                "{}: after `{}`\n--- expected\n{}--- actual\n{}",
                path.display(),
                block.input.join(" / "),
                block.expected,
                actual
            ));
        }
        rewritten.push_str(&format!("{}\n----\n{}\n", block.input.join("\n"), actual));
    }
    if rewrite() {
        std::fs::write(path, rewritten.trim_end().to_string() + "\n").map_err(|e| e.to_string())?;
        return Ok(());
    }
    match failures.is_empty() {
        true => Ok(()),
        false => Err(failures.join("\n")),
    }
}

fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable directory").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

#[test]
fn datadriven_testdata() {
    let mut files = files("tests/testdata", "txt");
    // Multi-Paxos' file needs the `multi` feature (`cargo test -p paxos --no-default-features`).
    files.retain(|f| paxos::protocol::multi::ENABLED || !f.ends_with("multi_paxos.txt"));
    assert!(files.len() >= 3, "expected testdata files");
    let failures: Vec<String> = files.iter().filter_map(|f| check_file(f).err()).collect();
    assert!(failures.is_empty(), "{}\n(run with REWRITE=1 to accept the new output)", failures.join("\n\n"));
}

#[test]
fn preset_logs_match_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut failures = Vec::new();
    for preset in presets::all() {
        let sim = Simulation::from_script(preset.script).unwrap_or_else(|e| panic!("preset {}: {e}", preset.id));
        let actual = sim.log();
        let path = dir.join(format!("{}.log", preset.id));
        if rewrite() {
            std::fs::write(&path, &actual).expect("golden directory is writable");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{} differs from {}", preset.id, path.display()));
        }
    }
    assert!(failures.is_empty(), "{}\n(run with REWRITE=1 to accept the new logs)", failures.join("\n"));
}
