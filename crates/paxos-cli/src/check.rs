//! `paxos check`: exhaustive model checking from the command line.
//!
//! ```text
//! paxos check --model tla --acceptors 3 --values 2 --max-ballot 1 [--one-phase] [--json]
//! paxos check --model sim --protocol one-phase-highest --nodes 3 [--proposers 2] [--attempts 1]
//!             [--quorum Q1 Q2] [--timeouts] [--drops] [--duplicates N] [--crashes N] [--amnesia]
//!             [--no-nacks] [--in-flight-max N] [--symmetry] [--max-states N] [--max-mib M] [--json]
//! ```

use paxos::check::job::{Job, Search, Summary};
use paxos::check::sim::SimConfig;
use paxos::check::tla::TlaConfig;
use paxos::check::Bounds;
use paxos::protocol::Protocol;
use std::time::Instant;

pub const USAGE: &str = "  paxos check --model tla --acceptors A --values V --max-ballot B [--one-phase] [--json]
  paxos check --model sim --protocol NAME --nodes N [--proposers K] [--attempts K] [--quorum Q1 Q2]
              [--timeouts] [--drops] [--duplicates K] [--crashes K] [--amnesia] [--no-nacks]
              [--in-flight-max K] [--symmetry] [--max-states K] [--max-mib M] [--json]";

struct Args<'a> {
    words: &'a [&'a str],
    at: usize,
}

impl<'a> Args<'a> {
    fn value(&mut self, flag: &str) -> Result<&'a str, String> {
        self.at += 1;
        self.words.get(self.at).copied().ok_or_else(|| format!("{flag} needs a value"))
    }
    fn number<T: std::str::FromStr>(&mut self, flag: &str) -> Result<T, String> {
        let text = self.value(flag)?;
        text.parse().map_err(|_| format!("{flag} takes a number, not `{text}`"))
    }
}

pub fn run(words: &[&str]) -> Result<String, String> {
    let mut args = Args { words, at: 0 };
    let (mut model, mut json) = (None, false);
    let mut tla = TlaConfig { acceptors: 3, values: 2, max_ballot: 1, one_phase: false };
    let mut sim = SimConfig::new(Protocol::BasicPaxos, 3);
    let (mut nodes, mut quorum, mut protocol, mut proposers) = (None, None, None, None);
    let mut bounds = Bounds::default();
    while args.at < words.len() {
        let flag = words[args.at];
        match flag {
            "--model" => model = Some(args.value(flag)?),
            "--json" => json = true,
            "--acceptors" => tla.acceptors = args.number(flag)?,
            "--values" => tla.values = args.number(flag)?,
            "--max-ballot" => tla.max_ballot = args.number(flag)?,
            "--one-phase" => tla.one_phase = true,
            "--protocol" => {
                let name = args.value(flag)?;
                protocol = Some(Protocol::parse(name).ok_or_else(|| format!("unknown protocol `{name}`"))?);
            }
            "--nodes" => nodes = Some(args.number(flag)?),
            "--quorum" => quorum = Some((args.number(flag)?, args.number(flag)?)),
            "--proposers" => proposers = Some(args.number(flag)?),
            "--attempts" => sim.attempts = args.number(flag)?,
            "--timeouts" => sim.timeouts = true,
            "--drops" => sim.drops = true,
            "--duplicates" => sim.duplicates = args.number(flag)?,
            "--crashes" => sim.crashes = args.number(flag)?,
            "--amnesia" => sim.amnesia = true,
            "--no-nacks" => sim.nacks = false,
            "--in-flight-max" => sim.in_flight_max = args.number(flag)?,
            "--symmetry" => sim.symmetry = true,
            "--max-states" => bounds.states_max = args.number(flag)?,
            "--max-mib" => bounds.bytes_max = args.number::<u64>(flag)?.saturating_mul(1 << 20),
            other => return Err(format!("unknown option `{other}` for check\nusage:\n{USAGE}")),
        }
        args.at += 1;
    }
    let job = match model {
        Some("tla") => Job::Tla(tla),
        Some("sim") => {
            let protocol = protocol.ok_or("--model sim needs --protocol")?;
            let nodes = nodes.unwrap_or(3);
            let defaults = SimConfig::new(protocol, nodes);
            let (quorum_phase1, quorum_phase2) = quorum.unwrap_or((defaults.quorum_phase1, defaults.quorum_phase2));
            // Each proposer is one of the servers: more proposers than servers is refused,
            // not quietly lowered (the default, two, is lowered for a one-server cluster).
            let proposers = match proposers {
                Some(k) if k > nodes => {
                    return Err(format!(
                        "--proposers {k} is more than the {nodes} servers (--nodes {nodes}): each proposer is a server"
                    ))
                }
                Some(k) => k,
                None => defaults.proposers,
            };
            Job::Sim(SimConfig { protocol, nodes, quorum_phase1, quorum_phase2, proposers, ..sim })
        }
        Some(other) => return Err(format!("unknown model `{other}`: use tla or sim")),
        None => return Err(format!("check needs --model tla or --model sim\nusage:\n{USAGE}")),
    };
    let started = Instant::now();
    let summary = Search::new(job, bounds)?.finish();
    let seconds = started.elapsed().as_secs_f64();
    Ok(match json {
        true => render_json(&summary, seconds),
        false => render_text(&summary, seconds),
    })
}

fn render_json(o: &Summary, seconds: f64) -> String {
    let value = serde_json::json!({
        "distinct_states": o.distinct_states,
        "generated_states": o.generated_states,
        "depth": o.depth,
        "memory_bytes": o.memory_bytes,
        "memory_peak_bytes": o.memory_peak_bytes,
        "verdict": o.verdict,
        "reason": o.reason,
        "seconds": seconds,
        "counterexample": o.counterexample,
    });
    serde_json::to_string_pretty(&value).expect("plain JSON values") + "\n"
}

fn render_text(o: &Summary, seconds: f64) -> String {
    let (verdict, reason) = (o.verdict, &o.reason);
    let rate = o.distinct_states as f64 / seconds.max(1e-9);
    let mut out = format!(
        "verdict: {verdict}{}\ndistinct states: {}\ngenerated states: {}\ndepth: {}\nmemory: {:.1} MiB (at most {:.1} MiB)\nseconds: {seconds:.3} ({rate:.0} distinct states/s)\n",
        if reason.is_empty() { String::new() } else { format!(" ({reason})") },
        o.distinct_states,
        o.generated_states,
        o.depth,
        o.memory_bytes as f64 / f64::from(1 << 20),
        o.memory_peak_bytes as f64 / f64::from(1 << 20),
    );
    if let Some(counterexample) = &o.counterexample {
        out.push_str("counterexample:\n");
        out.push_str(counterexample);
    }
    out
}
