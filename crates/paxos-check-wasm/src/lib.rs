//! wasm-bindgen binding of the understanding aids: the model checker (loaded by its Web
//! Worker), compare mode, the Mermaid and Rust-test exports, the settings panel and the
//! quorum aid's pictures (loaded by the page when one of those is first used).
//!
//! It is a module of its own so that the page's module stays small: all of this is paid for
//! only by someone who uses it.

use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("serialise: {e}")))
}

/// An exhaustive model check, run in chunks by a Web Worker: `runFor` does a bounded amount
/// of work and returns progress, so the worker can report states/s and depth and stop when
/// asked. The page never runs this on its main thread.
#[wasm_bindgen]
pub struct ModelCheck {
    search: paxos::check::job::Search,
}

#[wasm_bindgen]
impl ModelCheck {
    /// `job` is `{model: "tla", acceptors, values, max_ballot, one_phase}` or `{model: "sim",
    /// protocol, nodes, quorum_phase1, quorum_phase2, proposers, attempts, timeouts, drops,
    /// duplicates, crashes, amnesia, nacks, in_flight_max}`; `bytes_max` bounds the memory.
    #[wasm_bindgen(constructor)]
    pub fn new(job: JsValue, states_max: f64, bytes_max: f64) -> Result<ModelCheck, JsError> {
        let job: paxos::check::job::Job =
            serde_wasm_bindgen::from_value(job).map_err(|e| JsError::new(&format!("model check request: {e}")))?;
        let bounds =
            paxos::check::Bounds { states_max: states_max as u64, bytes_max: bytes_max as u64, ..Default::default() };
        let search = paxos::check::job::Search::new(job, bounds).map_err(|e| JsError::new(&e))?;
        Ok(ModelCheck { search })
    }

    /// Expands up to `budget_states` states; returns `{distinct_states, generated_states,
    /// depth, queued_states, memory_bytes, finished}`.
    #[wasm_bindgen(js_name = runFor)]
    pub fn run_for(&mut self, budget_states: u32) -> Result<JsValue, JsError> {
        to_js(&self.search.run_for(u64::from(budget_states)))
    }

    /// `{distinct_states, generated_states, depth, verdict, reason, counterexample, moves}`;
    /// the counterexample of a simulator check is a scenario script to open in a Playground,
    /// and `moves` are its commands (a TLA counterexample's action lines).
    pub fn summary(&self) -> Result<JsValue, JsError> {
        let summary = self.search.summary();
        let moves = summary.counterexample.as_deref().map_or_else(Vec::new, moves_of);
        to_js(&SummaryView { summary, moves })
    }
}

#[derive(Serialize)]
struct SummaryView {
    #[serde(flatten)]
    summary: paxos::check::job::Summary,
    moves: Vec<String>,
}

/// The moves of a counterexample: a script's commands, else its non-blank lines.
fn moves_of(text: &str) -> Vec<String> {
    match paxos::scenario::parse(text) {
        Ok(scenario) => scenario.commands.iter().map(ToString::to_string).collect(),
        Err(_) => text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
    }
}

fn scenario_of(script: &str) -> Result<paxos::Scenario, JsError> {
    paxos::scenario::parse(script).map_err(|e| JsError::new(&format!("scenario script: {e}")))
}

/// The checker panel's starting options for the scenario of `script`: `{nodes, proposers,
/// attempts, drops, duplicates, crashes, timeouts, amnesia, symmetry}`.
#[wasm_bindgen(js_name = checkOptions)]
pub fn check_options(script: &str) -> Result<JsValue, JsError> {
    to_js(&paxos::check::plan::CheckOptions::for_scenario(&scenario_of(script)?))
}

/// The check of the scenario of `script` with the panel's `options` (shaped like
/// `checkOptions`'): `{job, notes, states_max, bytes_max}`, the job scaled down to what the
/// checker can explore (`notes` say what was scaled: `{kind: "nodes", nodes}` or `{kind:
/// "quorums", q1, q2}`).
#[wasm_bindgen(js_name = planForScenario)]
pub fn plan_for_scenario(script: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: paxos::check::plan::CheckOptions =
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("check options: {e}")))?;
    to_js(&paxos::check::plan::plan(&scenario_of(script)?, &options))
}

/// The page's bounds for one check: `{states_max, bytes_max}`, the core's
/// (`paxos::check::plan`). The memory bound was 768 MiB while the checker kept every state
/// whole (the page's challenge needed 544 MiB of wasm memory); with a fingerprint per state
/// and a packed frontier the challenge needs 26.8 MiB, and the bound is 64 MiB, what a phone
/// can spare.
#[wasm_bindgen(js_name = checkBounds)]
pub fn check_bounds() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct CheckBounds {
        states_max: u64,
        bytes_max: u64,
    }
    to_js(&CheckBounds {
        states_max: paxos::check::plan::PAGE_STATES_MAX,
        bytes_max: paxos::check::plan::PAGE_BYTES_MAX,
    })
}

#[derive(Serialize)]
struct ComparisonView {
    /// The right run as a script: load it in a second Playground.
    script: String,
    /// The left run's commands, as its script writes them (the mapping has one per command).
    left_commands: Vec<String>,
    mapping: Vec<paxos::compare::Mapped>,
    left_steps: Vec<u32>,
    right_steps: Vec<u32>,
    divergence: Option<paxos::compare::Divergence>,
}

/// Compare mode: replays `script`'s schedule under `protocol` (see `paxos::compare`) and
/// returns `{script, mapping, left_steps, right_steps, divergence}`; the page loads the
/// right run from `script` and steps both runs together by command.
#[wasm_bindgen]
pub fn compare(script: &str, protocol: &str) -> Result<JsValue, JsError> {
    let left = paxos::Simulation::from_script(script).map_err(|e| JsError::new(&format!("scenario script: {e}")))?;
    let protocol = paxos::protocol::Protocol::parse(protocol)
        .ok_or_else(|| JsError::new(&format!("unknown protocol `{protocol}`")))?;
    let left_commands = left.readable_commands().iter().map(ToString::to_string).collect();
    let comparison = paxos::compare::Comparison::new(left, protocol);
    to_js(&ComparisonView {
        script: comparison.right.script(),
        left_commands,
        mapping: comparison.mapping,
        left_steps: comparison.left_steps,
        right_steps: comparison.right_steps,
        divergence: comparison.divergence,
    })
}

/// The canonical line of every event of `script`'s run, in the order the page module's
/// `Playground.events(0, steps)` lists them (which sends the records, not these lines): for
/// the tests that hold the page's English wording to the core's.
#[wasm_bindgen(js_name = eventLines)]
pub fn event_lines(script: &str) -> Result<Vec<String>, JsError> {
    let sim = paxos::Simulation::from_script(script).map_err(|e| JsError::new(&format!("scenario script: {e}")))?;
    Ok(sim.events_between(0, sim.steps()).iter().map(|event| event.kind.to_string()).collect())
}

/// The run of `script` as a Mermaid sequence diagram.
#[wasm_bindgen]
pub fn mermaid(script: &str) -> Result<String, JsError> {
    let sim = paxos::Simulation::from_script(script).map_err(|e| JsError::new(&format!("scenario script: {e}")))?;
    Ok(paxos::export::mermaid(&sim))
}

/// The run of `script` as a ready Rust test for `crates/paxos/tests/`.
#[wasm_bindgen(js_name = rustTest)]
pub fn rust_test(script: &str) -> Result<String, JsError> {
    let sim = paxos::Simulation::from_script(script).map_err(|e| JsError::new(&format!("scenario script: {e}")))?;
    Ok(paxos::export::rust_test(&sim))
}

// --- the settings panel: the core's defaults, and a new script from edited settings ---

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &str) -> Result<JsValue, JsValue>;
}

/// The settings of `script`, every default resolved (`paxos::scenario::Settings`): what the
/// settings panel shows.
#[wasm_bindgen(js_name = settingsOf)]
pub fn settings_of(script: &str) -> Result<JsValue, JsError> {
    to_js(&paxos::scenario::Settings::of(&scenario_of(script)?))
}

/// A script with `settings` (an object shaped like `settingsOf`'s)
/// and, if `keep`, the commands of `script` (the current run's). Returns `{script}`, or
/// `{setting, error}` when the core refuses a setting (`setting` names the field; null when
/// a kept command no longer fits).
#[wasm_bindgen(js_name = withSettings)]
pub fn with_settings(script: &str, settings: &JsValue, keep: bool) -> Result<JsValue, JsError> {
    let commands = if keep { scenario_of(script)?.commands } else { Vec::new() };
    let result = read_settings(settings).and_then(|(settings, beyond)| match (settings.scenario(&commands), beyond) {
        // A whole number beyond its type was read as the nearest the type holds: if the core
        // refuses that one by the setting's range, the number is beyond the same range (the
        // message then gives it); if the core would take it, the number itself is refused.
        (Err(e), Some(name)) if e.setting == Some(name) => Err(e),
        (_, Some(name)) => Err(refused(name)),
        (result, None) => result,
    });
    to_js(&match result {
        Ok(scenario) => SettingsResult { script: Some(scenario.to_script()), ..SettingsResult::default() },
        Err(e) => SettingsResult {
            script: None,
            setting: e.setting,
            error: Some(e.message),
            syntax: Some(e.kind),
            facts: Some(e.facts),
            command: e.command,
        },
    })
}

/// `{script}`, or the refusal: `error` in English, and for the page to word it in its own
/// language `syntax` (its kind) and `facts` (a script error's, as `[name, value]` pairs: a
/// map's code would cost this module 5 kB gzip), and the kept `command` it is about, if any.
#[derive(Serialize, Default)]
struct SettingsResult {
    script: Option<String>,
    setting: Option<&'static str>,
    error: Option<String>,
    syntax: Option<&'static str>,
    facts: Option<Vec<(&'static str, String)>>,
    command: Option<String>,
}

/// The protocols the settings panel and the compare aid offer, by name, in the order the seed
/// text meets them, then Multi-Paxos and its broken variants (the page's texts name and
/// describe each): the page runs a Multi-Paxos scenario on the module built with it, which
/// it fetches then (web/multi/multi.js).
#[wasm_bindgen]
pub fn protocols() -> Result<JsValue, JsError> {
    to_js(&paxos::protocol::Protocol::ALL)
}

/// The core's settings for `protocol` on `nodes` servers when a script says nothing else.
#[wasm_bindgen(js_name = defaultSettings)]
pub fn default_settings(protocol: &str, nodes: u8) -> Result<JsValue, JsError> {
    let protocol = parse_protocol(protocol)?;
    let settings = paxos::scenario::Settings::defaults(protocol, nodes)
        .ok_or_else(|| JsError::new(&format!("the core runs 1 to {} servers", paxos::types::NODES_MAX)))?;
    to_js(&settings)
}

fn parse_protocol(name: &str) -> Result<paxos::protocol::Protocol, JsError> {
    paxos::protocol::Protocol::parse(name).ok_or_else(|| JsError::new(&format!("unknown protocol `{name}`")))
}

/// The numeric settings and the largest value each one's type holds (seeds above 2^53 do
/// not survive a JS number; the page shows and edits smaller ones).
const NUMBERS: [(&str, u64); 12] = [
    ("nodes", 255),
    ("quorum1", 255),
    ("quorum2", 255),
    ("delayMin", u32::MAX as u64),
    ("delayMax", u32::MAX as u64),
    ("drop", 255),
    ("duplicate", 255),
    ("seed", (1 << 53) - 1),
    ("backoff", u32::MAX as u64),
    ("timeout", u32::MAX as u64),
    ("attempts", u32::MAX as u64),
    ("leader", 255),
];
const FLAGS: [&str; 3] = ["nacks", "retry", "amnesia"];

/// A settings object from JS, field by field, so that a refusal can name the field. A field of
/// the wrong type (a fraction, text) is refused by name; a whole number beyond its type's
/// range is read as the nearest value the type holds, and that field is named beside the
/// settings (see `with_settings`); the core checks the rest (`Settings::scenario`).
#[inline(never)]
fn read_settings(
    value: &JsValue,
) -> Result<(paxos::scenario::Settings, Option<&'static str>), paxos::scenario::SettingsError> {
    use paxos::scenario::NetworkMode;
    let protocol = text(value, "protocol")?;
    let protocol = paxos::protocol::Protocol::parse(&protocol).ok_or_else(|| refused("protocol"))?;
    let network = match text(value, "network")?.as_str() {
        "manual" => NetworkMode::Manual,
        "auto" => NetworkMode::Auto,
        _ => return Err(refused("network")),
    };
    let title = if field(value, "title").is_undefined() { String::new() } else { text(value, "title")? };
    let no_leader = field(value, "leader").is_null();
    let mut n = [0u64; NUMBERS.len()];
    let mut beyond = None;
    for (i, &(name, max)) in NUMBERS.iter().enumerate() {
        if !(name == "leader" && no_leader) {
            let (read, within) = number(value, name, max)?;
            n[i] = read;
            if !within && beyond.is_none() {
                beyond = Some(name);
            }
        }
    }
    let mut f = [false; FLAGS.len()];
    for (i, name) in FLAGS.into_iter().enumerate() {
        f[i] = field(value, name).as_bool().ok_or_else(|| refused(name))?;
    }
    let settings = paxos::scenario::Settings {
        title,
        protocol,
        nodes: n[0] as u8,
        quorum1: n[1] as u8,
        quorum2: n[2] as u8,
        network,
        delay_min: n[3] as u32,
        delay_max: n[4] as u32,
        drop: n[5] as u8,
        duplicate: n[6] as u8,
        seed: n[7],
        nacks: f[0],
        retry: f[1],
        backoff: n[8] as u32,
        timeout: n[9] as u32,
        leader: (!no_leader).then_some(paxos::types::NodeId(n[11] as u8)),
        amnesia: f[2],
        attempts: n[10] as u32,
    };
    Ok((settings, beyond))
}

fn field(value: &JsValue, name: &str) -> JsValue {
    reflect_get(value, name).unwrap_or(JsValue::UNDEFINED)
}

#[inline(never)]
fn refused(name: &'static str) -> paxos::scenario::SettingsError {
    paxos::scenario::SettingsError::own(name, "not-a-value", "not a value this setting takes")
}

/// A whole number, and whether it is within 0..=max (if not, the nearest end is read).
#[inline(never)]
fn number(value: &JsValue, name: &'static str, max: u64) -> Result<(u64, bool), paxos::scenario::SettingsError> {
    match field(value, name).as_f64() {
        Some(n) if n.is_finite() && n == n.trunc() => {
            if n < 0.0 {
                Ok((0, false))
            } else if n > max as f64 {
                Ok((max, false))
            } else {
                Ok((n as u64, true))
            }
        }
        _ => Err(refused(name)),
    }
}

#[inline(never)]
fn text(value: &JsValue, name: &'static str) -> Result<String, paxos::scenario::SettingsError> {
    field(value, name).as_string().ok_or_else(|| refused(name))
}

// --- the quorum aid: the core's pictures of the page's run ---

/// One event's rule, for the Rules panel (`QuorumMirror::rules`).
#[derive(Serialize)]
struct EventRule {
    rule: Option<u8>,
    guard: Option<GuardFacts>,
}

/// A refusal's failed guard: the rule's number and the numbers it compared.
#[derive(Serialize)]
struct GuardFacts {
    rule: u8,
    ballot: String,
    promised: String,
    holds: Option<paxos::types::Proposal>,
}

/// The quorum aid's copy of the page's run: the page's module sends no pictures (they would
/// cost the opening page 3.6 kB gzip), so the aid rebuilds the run here from its share-link
/// code (or script), keeps it while the page's run stays the same, and seeks it to the step
/// the page views (the core keeps checkpoints: a seek replays at most a few steps).
#[wasm_bindgen]
pub struct QuorumMirror {
    sim: paxos::Simulation,
}

#[wasm_bindgen]
impl QuorumMirror {
    /// The run of a share-link code (`Playground.link`, the shortest form of the run).
    #[wasm_bindgen(js_name = fromLink)]
    pub fn from_link(code: &str) -> Result<QuorumMirror, JsError> {
        let (scenario, _) = paxos::scenario::decode_link(code).map_err(|e| JsError::new(&e.message))?;
        let sim = paxos::Simulation::new(scenario).map_err(|e| JsError::new(&e.message))?;
        Ok(QuorumMirror { sim })
    }

    /// The run of a scenario script (`Playground.script`; for a run too long for a link).
    #[wasm_bindgen(js_name = fromScript)]
    pub fn from_script(script: &str) -> Result<QuorumMirror, JsError> {
        let sim = paxos::Simulation::from_script(script).map_err(|e| JsError::new(&format!("scenario script: {e}")))?;
        Ok(QuorumMirror { sim })
    }

    /// The run's number of steps.
    pub fn steps(&self) -> u32 {
        self.sim.steps()
    }

    /// Follows the page's run as it changes, doing what the page's core did (the core is
    /// deterministic, so the copy stays the same run) instead of rebuilding the copy from the
    /// whole run's link on every change: on a 10,000-step run a rebuild replays every step
    /// (≈ 10 ms), a change costs what it cost the page. Each returns false when the copy
    /// cannot do the same (e.g. an undo the copy does not have: it was built after that
    /// intervention); the caller then rebuilds it.
    ///
    /// The page's `stepForward` at the end of the run: one automatic step more.
    pub fn extend(&mut self) -> bool {
        self.sim.seek(self.sim.steps());
        matches!(self.sim.step_forward(), Ok(true))
    }

    /// The page's `intervene(command)` made while viewing `step`.
    pub fn intervene(&mut self, step: u32, command: &str) -> bool {
        self.sim.seek(step);
        let config = &self.sim.scenario().config;
        match paxos::scenario::parse_command(command, config) {
            Ok(command) => self.sim.intervene(command).is_ok(),
            Err(_) => false,
        }
    }

    /// The page's `undo`.
    pub fn undo(&mut self) -> bool {
        self.sim.undo().is_some()
    }

    /// The page's `redo`.
    pub fn redo(&mut self) -> bool {
        self.sim.redo().is_some()
    }

    /// The rules of the run's protocol, as the Rules panel lists them: their numbers
    /// (`paxos::rules::Rule::number`; web/rules/rules.js names them).
    #[wasm_bindgen(js_name = protocolRules)]
    pub fn protocol_rules(&self) -> Vec<u8> {
        paxos::rules::Rule::of_protocol(self.sim.scenario().config.protocol).iter().map(|r| r.number()).collect()
    }

    /// The rule of each event of `step`, in the order of the step's events (the page's own
    /// list of them): `[{rule, guard}]`, `rule` a rule's number or null (no rule: a client, the
    /// network, a fault, a verdict), `guard` null or, for a refusal, the rule whose guard
    /// failed and its numbers: `{rule, ballot, promised, holds}` (`holds`: a proposal or
    /// null). The page's module sends none of this (its budget); the Rules panel asks here.
    pub fn rules(&mut self, step: u32) -> Result<JsValue, JsError> {
        let protocol = self.sim.scenario().config.protocol;
        let records: Vec<EventRule> = self
            .sim
            .events_between(step, step)
            .iter()
            .map(|event| EventRule {
                rule: event.kind.rule(protocol).map(|r| r.number()),
                guard: match &event.kind {
                    paxos::sim::EventKind::Note { note: paxos::protocol::Note::Refused { guard, .. }, .. } => {
                        Some(GuardFacts {
                            rule: guard.rule.number(),
                            ballot: guard.ballot.to_string(),
                            promised: guard.promised.to_string(),
                            holds: guard.holds,
                        })
                    }
                    _ => None,
                },
            })
            .collect();
        to_js(&records)
    }

    /// The quorum overlay's picture at `step` (`paxos::observe::QuorumPicture`): of the
    /// choice `key`, or the latest when `key` is undefined or not there at that step; null
    /// when nothing has reached phase 2 or been chosen by then.
    ///
    /// `known_choices` is the caller's list of choices, their keys joined by newlines (no key
    /// holds one: a value is a script word). When this step's list is the same, the picture
    /// comes with an empty list and `choicesKept: true`: on a long run the list is most of the
    /// picture (64 choices: 6.4 of 7.0 kB) and rarely changes from one step to the next.
    pub fn picture(
        &mut self,
        step: u32,
        key: Option<String>,
        known_choices: Option<String>,
    ) -> Result<JsValue, JsError> {
        if self.sim.step() != step {
            self.sim.seek(step);
        }
        let Some(mut picture) = self.sim.quorum_picture(key.as_deref()) else {
            return Ok(JsValue::NULL);
        };
        let kept = known_choices.is_some_and(|known| {
            let mut keys = picture.choices.iter().map(|c| c.key.as_str());
            known.split('\n').all(|k| keys.next() == Some(k)) && keys.next().is_none()
        });
        if kept {
            picture.choices.clear();
        }
        let value = to_js(&picture)?;
        if kept {
            js_sys::Reflect::set(&value, &JsValue::from_str("choicesKept"), &JsValue::TRUE)
                .map_err(|_| JsError::new("picture: cannot mark its choices"))?;
        }
        Ok(value)
    }
}
