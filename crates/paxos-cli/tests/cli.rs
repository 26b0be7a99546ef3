//! The `paxos` binary end to end: output, JSON, exit codes and error messages.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn paxos(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paxos"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().expect("piped").write_all(stdin.as_bytes()).expect("stdin accepts the script");
    child.wait_with_output().expect("the binary finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn run_prints_the_event_log_and_the_verdict() {
    let script = paxos(&["preset", "seed-3"], "");
    assert!(script.status.success());
    let out = paxos(&["run", "-"], &text(&script.stdout));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("[1 t=0] propose S1 X\n"), "{stdout}");
    assert!(stdout.contains("VIOLATION stability at step 8"));
    assert!(stdout.trim_end().lines().last().unwrap().starts_with("verdict: VIOLATED; stability at step 8"));
}

#[test]
fn json_output_is_machine_readable() {
    let script = text(&paxos(&["preset", "seed-2"], "").stdout);
    let out = paxos(&["run", "--json", "-"], &script);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(report["verdict"]["outcome"], "stuck");
    assert_eq!(report["verdict"]["stuck_step"], 5);
    let events = report["events"].as_array().expect("events list");
    assert_eq!(events[0]["text"], "propose S1 X");
    assert_eq!(events[0]["step"], 1);
    assert!(report["script"].as_str().unwrap().contains("protocol one-phase-first"));
}

#[test]
fn invalid_scripts_and_arguments_exit_2_with_a_clear_message() {
    let out = paxos(&["run", "-"], "nodes 3\npropose S1 X\ndeliver S1->S2 Accept 11 X\n");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("line 3, column 1: no message S1->S2 Accept 11 X is in flight"), "{stderr}");

    for (args, expected) in [
        (&[][..], "no command given"),
        (&["frobnicate"][..], "unknown command or arguments `frobnicate`"),
        (&["run"][..], "`run` takes exactly one FILE"),
        (&["run", "--yaml", "x"][..], "unknown option `--yaml`"),
        (&["run", "--json", "--mermaid", "x"][..], "at most one of"),
        (&["run", "/no/such/file"][..], "cannot read /no/such/file"),
        (&["preset", "seed-9"][..], "no preset `seed-9`"),
    ] {
        let out = paxos(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains(expected), "{args:?}: {}", text(&out.stderr));
    }
}

#[test]
fn a_script_that_reaches_a_limit_exits_2_naming_it() {
    let flood = "nodes 9\nnetwork auto\ndelay 1000..1000\nretry on\ntimeout 1\nattempts 64\n";
    let proposals: String = (1..=9).map(|n| format!("propose S{n} V{n}\n")).collect();
    let out = paxos(&["run", "-"], &format!("{flood}{proposals}run\n"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("line 16, column 1: step 513: more than 4096 messages would be in flight"), "{stderr}");
}

#[test]
fn presets_are_listed_with_titles() {
    let out = text(&paxos(&["presets"], "").stdout);
    assert!(out.lines().any(|l| l.starts_with("seed-3") && l.contains("Seed §3")), "{out}");
    assert!(out.lines().count() >= 17);
    assert!(out.lines().any(|l| l.starts_with("multi-recovery") && l.contains("fills a hole")), "{out}");
    let script = text(&paxos(&["preset", "multi-steady"], "").stdout);
    assert!(script.contains("protocol multi-paxos"), "{script}");
}

#[test]
fn check_tla_matches_tlc_counts() {
    let out =
        paxos(&["check", "--model", "tla", "--acceptors", "3", "--values", "2", "--max-ballot", "1", "--json"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["distinct_states"], 3921);
    assert_eq!(report["generated_states"], 23_563, "TLC's \"states generated\"");
    assert_eq!(report["depth"], 17);
    // At least a fingerprint per state, and at its peak at least what it holds at the end.
    let (held, peak) = (report["memory_bytes"].as_u64().unwrap(), report["memory_peak_bytes"].as_u64().unwrap());
    assert!(held > 3921 * 8 && peak >= held, "{held} {peak}");
    assert_eq!(report["verdict"], "holds");
    assert!(report["seconds"].as_f64().unwrap() >= 0.0);
    assert!(report["counterexample"].is_null());
}

#[test]
fn check_sim_counterexample_is_a_script_that_run_replays() {
    let out = paxos(&["check", "--model", "sim", "--protocol", "one-phase-highest", "--nodes", "3", "--json"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["verdict"], "violated");
    let script = report["counterexample"].as_str().expect("script text");
    let replay = paxos(&["run", "-"], script);
    assert!(replay.status.success());
    assert!(text(&replay.stdout).contains("VIOLATION agreement"));
}

#[test]
fn check_rejects_bad_options() {
    for (args, expected) in [
        (&["check"][..], "check needs --model"),
        (&["check", "--model", "z3"][..], "unknown model `z3`"),
        (&["check", "--model", "sim"][..], "needs --protocol"),
        (&["check", "--model", "sim", "--protocol", "raft"][..], "unknown protocol `raft`"),
        (&["check", "--model", "sim", "--protocol", "basic-paxos", "--nodes", "8"][..], "1 to 5 servers"),
        (&["check", "--model", "tla", "--acceptors"][..], "--acceptors needs a value"),
        (&["check", "--model", "tla", "--values", "two"][..], "--values takes a number"),
        (&["check", "--model", "tla", "--frobnicate"][..], "unknown option `--frobnicate`"),
        // Regression: more proposers than servers used to be lowered to the server count
        // without a word; it is refused, naming both flags.
        (
            &["check", "--model", "sim", "--protocol", "basic-paxos", "--proposers", "4", "--nodes", "3"][..],
            "--proposers 4 is more than the 3 servers (--nodes 3)",
        ),
        (&["check", "--model", "sim", "--protocol", "basic-paxos", "--proposers", "0"][..], "1 to 3 proposers, not 0"),
    ] {
        let out = paxos(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains(expected), "{args:?}: {}", text(&out.stderr));
    }
}

#[test]
fn check_takes_as_many_proposers_as_servers() {
    let args = ["check", "--model", "sim", "--protocol", "one-phase-first", "--nodes", "2", "--proposers", "2"];
    let out = paxos(&args, "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The default (two proposers) still fits a one-server cluster.
    let out = paxos(&["check", "--model", "sim", "--protocol", "basic-paxos", "--nodes", "1"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn run_exports_mermaid_and_a_rust_test() {
    let script = text(&paxos(&["preset", "seed-1"], "").stdout);
    let mermaid = text(&paxos(&["run", "--mermaid", "-"], &script).stdout);
    assert!(mermaid.starts_with("sequenceDiagram\n"), "{mermaid}");
    assert!(mermaid.contains("S1->>S2: Accept X"));
    let test = text(&paxos(&["run", "--rust-test", "-"], &script).stdout);
    assert!(test.contains("assert_eq!(verdict.outcome, Outcome::Chosen);"), "{test}");
}

#[test]
fn presets_json_carries_every_script() {
    let out = paxos(&["presets", "--json"], "");
    assert!(out.status.success());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), paxos::presets::PRESETS.len());
    assert_eq!(list[0]["id"], "seed-1");
    assert_eq!(list[0]["script"], paxos::presets::PRESETS[0].script);
    // Multi-Paxos' presets are listed apart (the page's module does not run them).
    let multi = paxos(&["presets", "--json", "--multi"], "");
    let multi: serde_json::Value = serde_json::from_slice(&multi.stdout).unwrap();
    assert_eq!(multi.as_array().unwrap().len(), paxos::presets::MULTI_PRESETS.len());
    assert_eq!(multi[0]["id"], "multi-steady");
}

#[test]
fn a_script_file_that_is_not_utf8_gets_a_line_and_column() {
    let path = std::env::temp_dir().join(format!("paxos-cli-not-utf8-{}.txt", std::process::id()));
    std::fs::write(&path, b"\xef\xbb\xbfnodes 3\npropose S1 X\x00\npropose S2 \xffY\n").unwrap();
    let out = paxos(&["run", path.to_str().unwrap()], "");
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(": line 3, column 12: invalid UTF-8"), "{stderr}");
}

#[test]
fn check_reports_its_memory_and_stops_at_the_memory_bound_saying_why() {
    let args = ["check", "--model", "sim", "--protocol", "basic-paxos", "--nodes", "3", "--drops", "--max-mib", "1"];
    let out = paxos(&args, "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("verdict: incomplete (stopped by the memory bound (1 MiB) before every state"),
        "{stdout}"
    );
    assert!(stdout.contains(" MiB with their tables; check a smaller configuration"), "{stdout}");
    let peak = stdout.split("(at most ").nth(1).and_then(|rest| rest.split(" MiB)").next());
    let peak: f64 = peak.and_then(|mib| mib.parse().ok()).unwrap_or_else(|| panic!("no peak in {stdout}"));
    assert!(peak > 0.5 && peak <= 1.0, "{stdout}");
}
