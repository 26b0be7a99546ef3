//! wasm-bindgen binding of the Paxos playground core.
//!
//! The binding is deliberately thin: the whole simulation stays in Rust behind one opaque
//! handle (`Playground`), and JS only receives small, serialised snapshots. Protocol
//! behaviour never lives here; this file only translates types and errors.

mod json;

/// Talc instead of std's default dlmalloc: about 6 kB less code (2.6 kB gzip) in the page's
/// module. Same memory for a 10,000-step run (7.7 MB to build it; 27.4 MB vs 26.9 MB once
/// the page has also fetched its whole event log), and no randomness, so runs stay
/// deterministic. Single-threaded wasm only, which is what the cfg says.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The build version of the core, shown on the page so a bug report names the exact build.
#[wasm_bindgen]
pub fn version() -> String {
    paxos::VERSION.to_string()
}

// No panic hook: a panic (a bug, never bad input: inputs are refused with a message) is an
// `unreachable` trap, which the page reports on its status line (web/app.js). A hook that
// printed the panic's message to the console cost 0.5 kB gzip of this module, which the
// page's opening could not spare (docs/BENCHMARKS.md, session 11).

/// One running simulation, owned by Rust. JS holds only this handle and asks for small
/// results: a snapshot of the viewed step, a slice of the event log, a script, a link.
#[wasm_bindgen]
pub struct Playground {
    simulation: paxos::Simulation,
}

/// The message an event carries (sent, delivered, handled locally, dropped, refused).
fn event_message(kind: &paxos::sim::EventKind) -> Option<&paxos::message::Message> {
    use paxos::sim::EventKind as K;
    match kind {
        K::Send { message, .. } | K::Deliver { message, .. } | K::Local { message, .. } | K::Drop { message, .. } => {
            Some(message)
        }
        K::Note { note: paxos::protocol::Note::Refused { message, .. }, .. } => Some(message),
        _ => None,
    }
}

/// The events as the page lists them: `[{step, tick, type, ...the kind's fields, is_cause,
/// message_text}]`. Each is the event's own fields (its kind flattened into them, as the
/// core's `Event` serialises), whether it is its step's cause (the rest are consequences,
/// indented under it; not `cause`: a drop's own `cause`, why it was dropped, has that
/// name), and the canonical text of the message it carries, if any (so the page never
/// writes message notation). The page words the event itself, in its language
/// (web/events-text.js): the event's canonical line is not sent, which keeps its formatting
/// code (1.9 kB gzip) out of this module; the aids' module has it (`eventLines`), for the
/// tests that hold the page's English to the core's. Written with `json::Object` rather
/// than a derive with `#[serde(flatten)]`, whose generic map code cost 0.5 kB gzip here.
fn events_json(events: &[paxos::sim::Event]) -> String {
    let mut out = String::from("[");
    for event in events {
        if out.len() > 1 {
            out.push(',');
        }
        let kind = match paxos::protocol::multi::ENABLED {
            true => slot_chosen_fields(&event.kind),
            false => None,
        };
        let kind = kind.unwrap_or_else(|| json::to_string(&event.kind).unwrap_or_default());
        let cause = if event.kind.is_cause() { "true" } else { "false" };
        let object = json::Object::empty()
            .number("step", u64::from(event.step))
            .number("tick", event.tick)
            .fields(&kind)
            .json("is_cause", cause);
        let object = match event_message(&event.kind) {
            Some(message) => object.text("message_text", &message.to_string()),
            None => object.json("message_text", "null"),
        };
        out.push_str(&object.finish());
    }
    out.push(']');
    out
}

/// A command observed chosen in a slot, its facts as the event's own fields (`slot`, `at`
/// (the step it was chosen at), `op`, `entry`, `quorum`), as the page's event lines take parameters (web/events-text.js), rather
/// than nested under `chosen`. Only a build with Multi-Paxos makes this event.
fn slot_chosen_fields(kind: &paxos::sim::EventKind) -> Option<String> {
    let paxos::sim::EventKind::SlotChosen { chosen } = kind else { return None };
    let object = json::Object::empty()
        .text("type", "slot-chosen")
        .number("slot", u64::from(chosen.slot.0))
        .number("at", u64::from(chosen.step))
        .text("op", &chosen.entry.op.to_string())
        .json("entry", &json::to_string(&chosen.entry).unwrap_or_default())
        .json("quorum", &json::to_string(&chosen.quorum).unwrap_or_default());
    Some(object.finish())
}

/// Hands a result to JS as a plain object: compact JSON written by `json`, then one
/// `JSON.parse` (smaller code than building the object field by field across the boundary).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = json::to_string(value).map_err(|_| JsError::new("serialise: unsupported value"))?;
    parse_js(&text)
}

fn parse_js(text: &str) -> Result<JsValue, JsError> {
    json_parse(text).map_err(|_| JsError::new("serialise: JSON.parse failed"))
}

// `JSON.parse` imported directly: js-sys would bring in code of its own (closure shims,
// futures) that the page does not use.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = assign)]
    fn object_assign(target: &JsValue, source: &JsValue);
}

/// An error as the page gets it: a JS `Error` whose message is the core's English sentence,
/// with `problem` holding the typed facts (`{kind, ...}`, JSON written by `facts`) the page
/// words in its language.
fn typed_error(message: &str, problem: &str) -> JsValue {
    let error = JsValue::from(JsError::new(message));
    if let Ok(facts) = json_parse(&json::Object::empty().json("problem", problem).finish()) {
        object_assign(&error, &facts);
    }
    error
}

/// The facts of the core's errors as JSON objects, written with `json::Object` rather than
/// serde's derives of these enums (which the CLI uses): those cost 1.3 kB gzip here. The
/// kinds are the derives' names; tests/unit/events-text.test.mjs and share.test.mjs check
/// what the page gets.
mod facts {
    use crate::json::Object;
    use paxos::scenario::{LinkProblem, ScriptError};
    use paxos::sim::{Limit, Refusal};

    pub fn refusal(refusal: &Refusal) -> String {
        let with_node = |kind: &str, node: &paxos::types::NodeId| Object::new(kind).number("node", u64::from(node.0));
        let object = match refusal {
            Refusal::NodeDown { node } => with_node("node-down", node),
            Refusal::AlreadyDown { node } => with_node("already-down", node),
            Refusal::AlreadyUp { node } => with_node("already-up", node),
            Refusal::NoPendingTimer { node } => with_node("no-pending-timer", node),
            // Only a build with Multi-Paxos makes this refusal (`propose` there, `request`
            // elsewhere); the guard keeps its facts' code out of the page's module.
            Refusal::NotInProtocol { .. } if !paxos::protocol::multi::ENABLED => Object::new("not-in-protocol"),
            Refusal::NotInProtocol { command, protocol } => {
                Object::new("not-in-protocol").text("command", command).text("protocol", protocol.name())
            }
            Refusal::NoSuchMessage { target, in_flight, more } => Object::new("no-such-message")
                .text("target", target)
                .texts("in_flight", in_flight)
                .number("more", *more as u64),
            Refusal::Limit { limit, max, step, node } => {
                let limit = match limit {
                    Limit::InFlight => "in-flight",
                    Limit::Proposals => "proposals",
                    Limit::LocalChain => "local-chain",
                    Limit::Steps => "steps",
                    Limit::Commands => "commands",
                };
                let object = Object::new("limit").text("limit", limit).number("max", *max as u64);
                let object = object.number("step", u64::from(*step));
                match node {
                    Some(node) => object.number("node", u64::from(node.0)),
                    None => object.json("node", "null"),
                }
            }
        };
        object.finish()
    }

    pub fn link(problem: &LinkProblem) -> String {
        let object = match problem {
            LinkProblem::TooLong { chars, max } => {
                Object::new("too-long").number("chars", *chars as u64).number("max", *max as u64)
            }
            LinkProblem::Truncated => Object::new("truncated"),
            LinkProblem::Corrupted => Object::new("corrupted"),
            LinkProblem::Newer { version, max } => {
                Object::new("newer").number("version", u64::from(*version)).number("max", u64::from(*max))
            }
            LinkProblem::Invalid => Object::new("invalid"),
        };
        object.finish()
    }

    /// `{kind: "script", line, column, message, refusal, syntax, facts}` (`refusal`: the facts
    /// of a run-time refusal, or null for a script that does not parse; then `syntax` is what
    /// is wrong with the text and `facts` its named facts, strings).
    pub fn script(error: &ScriptError) -> String {
        let refusal = error.refusal.as_ref().map_or_else(|| "null".to_string(), refusal);
        let mut facts = Object::empty();
        for (name, value) in &error.facts {
            facts = facts.text(name, value);
        }
        Object::new("script")
            .number("line", error.line as u64)
            .number("column", error.column as u64)
            .text("message", &error.message)
            .json("refusal", &refusal)
            .text("syntax", error.kind)
            .json("facts", &facts.finish())
            .finish()
    }
}

fn run_error(error: paxos::sim::RunError) -> JsValue {
    typed_error(&error.message, &facts::refusal(&error.kind))
}

#[wasm_bindgen]
impl Playground {
    /// Builds a simulation from a scenario script ("" is the default 5-node scenario).
    /// A malformed script becomes a JS `Error` whose message names line and column.
    #[wasm_bindgen(constructor)]
    pub fn new(script: &str) -> Result<Playground, JsValue> {
        let simulation = paxos::Simulation::from_script(script).map_err(|e| script_error(&e))?;
        Ok(Playground { simulation })
    }

    /// The viewed step as a plain JS object: nodes, messages in flight, partition, the
    /// observers' verdict, and how many phase-2 quorum facts there are (`quorum_facts`).
    pub fn snapshot(&self) -> Result<JsValue, JsError> {
        to_js(&self.simulation.snapshot())
    }

    /// How the whole run ends (its verdict at the last step, and the first value chosen),
    /// for the outcome line of the run on screen.
    pub fn outcome(&self) -> Result<JsValue, JsError> {
        to_js(&self.simulation.outcome())
    }

    /// Number of steps in the run.
    pub fn steps(&self) -> u32 {
        self.simulation.steps()
    }

    /// The viewed step.
    pub fn step(&self) -> u32 {
        self.simulation.step()
    }

    /// Moves the view to `step` (clamped to the run): restores the nearest checkpoint.
    pub fn seek(&mut self, step: u32) {
        self.simulation.seek(step);
    }

    /// One step forward; at the end of the run, extends it with `step`. Returns the delta
    /// (`{fork, steps, replaced, events}`: no events when the step was already in the run),
    /// or undefined when nothing is pending.
    #[wasm_bindgen(js_name = stepForward)]
    pub fn step_forward(&mut self) -> Result<JsValue, JsValue> {
        let before = self.simulation.steps();
        if !self.simulation.step_forward().map_err(run_error)? {
            return Ok(JsValue::UNDEFINED);
        }
        self.delta(paxos::simulation::Delta { fork: before + 1, replaced: 0 })
    }

    fn delta(&self, delta: paxos::simulation::Delta) -> Result<JsValue, JsValue> {
        let steps = self.simulation.steps();
        // `{fork, steps, replaced, events}`: every step from `fork` on is new (the page drops
        // its own from there), `events` are those steps' events, `steps` is the run's length
        // now, and `replaced` steps of the previous run were replaced (kept as a branch to
        // undo to).
        let events = events_json(self.simulation.events_between(delta.fork, steps));
        let object = json::Object::empty()
            .number("fork", u64::from(delta.fork))
            .number("steps", u64::from(steps))
            .number("replaced", u64::from(delta.replaced))
            .json("events", &events);
        parse_js(&object.finish()).map_err(JsValue::from)
    }

    /// Puts back the run as it was before the last intervention, viewed at the step where
    /// it was made. Returns the delta, or undefined when there is nothing to undo.
    pub fn undo(&mut self) -> Result<JsValue, JsValue> {
        match self.simulation.undo() {
            Some(delta) => self.delta(delta),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Applies again the intervention `undo` took back. The delta, or undefined.
    pub fn redo(&mut self) -> Result<JsValue, JsValue> {
        match self.simulation.redo() {
            Some(delta) => self.delta(delta),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Whether the run would go on past its end (a step there would extend it).
    #[wasm_bindgen(js_name = goesOn)]
    pub fn goes_on(&self) -> bool {
        self.simulation.goes_on()
    }

    #[wasm_bindgen(js_name = canUndo)]
    pub fn can_undo(&self) -> bool {
        self.simulation.can_undo()
    }

    #[wasm_bindgen(js_name = canRedo)]
    pub fn can_redo(&self) -> bool {
        self.simulation.can_redo()
    }

    /// The events of steps `from..=to`, as records (see `events_json`).
    pub fn events(&self, from: u32, to: u32) -> Result<JsValue, JsError> {
        parse_js(&events_json(self.simulation.events_between(from, to)))
    }

    /// Carries out one command line (`deliver #12`, `crash S3`, `propose S1 X`, ...) at the
    /// viewed step, forking the run there, and returns the delta (`{fork, steps, replaced,
    /// events}`). A refused command changes nothing and throws.
    pub fn intervene(&mut self, command: &str) -> Result<JsValue, JsValue> {
        let config = &self.simulation.scenario().config;
        let command = paxos::scenario::parse_command(command, config).map_err(|e| script_error(&e))?;
        let delta = self.simulation.intervene(command).map_err(run_error)?;
        self.delta(delta)
    }

    /// The whole run's log as this module sends it (`run_log`): the determinism tests
    /// compare it, byte for byte, with the native build's.
    pub fn log(&self) -> String {
        run_log(&self.simulation)
    }

    /// The scenario as script text (for export, and for reloading).
    pub fn script(&self) -> String {
        self.simulation.script()
    }

    /// The share-link code for the scenario and the given view (`step` undefined = none).
    pub fn link(&self, step: Option<u32>, view: u8, language: u8) -> String {
        self.simulation.link(paxos::scenario::LinkView { step, view, language })
    }

    /// The index of the script command that made each step (`[s - 1]` for step `s`).
    #[wasm_bindgen(js_name = stepCommands)]
    pub fn step_commands(&self) -> Vec<u32> {
        self.simulation.step_commands().to_vec()
    }
}

/// The whole run as the page gets it, for the determinism tests: every event record (as
/// `events` sends them, `events_json`), a newline, and the run's outcome (`outcome`), in this
/// module's JSON. The determinism corpus (crates/paxos-fuzz) hashes the same text written by
/// the native build, so the shipped module must reproduce every field of every event and the
/// verdict. Not the CLI's text log (`Simulation::log`): its event wording (EventKind's
/// Display, 1.9 kB gzip) is code the page never runs otherwise.
pub fn run_log(simulation: &paxos::Simulation) -> String {
    let mut text = events_json(simulation.events());
    text.push('\n');
    text.push_str(&json::to_string(&simulation.outcome()).unwrap_or_default());
    text
}

/// Decodes a share-link code into `{script, step, view, language}`; a bad link throws an
/// `Error` whose message says what is wrong with it.
#[wasm_bindgen(js_name = decodeLink)]
pub fn decode_link(code: &str) -> Result<JsValue, JsValue> {
    let (scenario, view) =
        paxos::scenario::decode_link(code).map_err(|e| typed_error(&e.message, &facts::link(&e.kind)))?;
    // `{script, step, view, language}` (`step`: null for none), with `json::Object`: a
    // derive's code for this one struct cost more.
    let object = json::Object::empty().text("script", &scenario.to_script());
    let object = match view.step {
        Some(step) => object.number("step", u64::from(step)),
        None => object.json("step", "null"),
    };
    let object = object.number("view", u64::from(view.view)).number("language", u64::from(view.language));
    Ok(parse_js(&object.finish())?)
}

/// How a script's settings compare with a preset's (commands aside): 1 the same settings,
/// title included; 2 another preset's title with other settings; 0 neither. How the page
/// tells which preset a link shows; the settings themselves are read and edited with the
/// aids' module (`settingsOf`, `withSettings`).
#[wasm_bindgen(js_name = presetMatch)]
pub fn preset_match(script: &str, preset: &str) -> Result<u8, JsValue> {
    let a = paxos::scenario::parse(script).map_err(|e| script_error(&e))?;
    let b = paxos::scenario::parse(preset).map_err(|e| script_error(&e))?;
    let same_title = a.title == b.title;
    Ok(if same_title && a.config == b.config && a.network == b.network && a.seed == b.seed {
        1
    } else if same_title && a.title.is_some() {
        2
    } else {
        0
    })
}

/// The JS-facing form of a script error: "scenario script: line L, column C: message"
/// (the position comes from `paxos::ScriptError`'s Display), with `problem` = its facts
/// (`facts::script`).
fn script_error(error: &paxos::scenario::ScriptError) -> JsValue {
    typed_error(&format!("scenario script: {error}"), &facts::script(error))
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn script_error_reaches_js_as_an_error_with_position() {
        let error = paxos::scenario::ScriptError::syntax(2, 7, "unknown-command", &[("found", "jump")]);
        let value = script_error(&error);
        let problem = js_sys::Reflect::get(&value, &"problem".into()).expect("facts");
        let facts = js_sys::Reflect::get(&problem, &"facts".into()).expect("the syntax facts");
        assert_eq!(
            js_sys::Reflect::get(&problem, &"syntax".into()).unwrap().as_string().as_deref(),
            Some("unknown-command")
        );
        assert_eq!(js_sys::Reflect::get(&facts, &"found".into()).unwrap().as_string().as_deref(), Some("jump"));
        let error = value.dyn_into::<js_sys::Error>().expect("a JS Error, not a panic");
        assert_eq!(
            String::from(error.message()),
            "scenario script: line 2, column 7: unknown setting or command `jump`"
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod native_tests {
    /// `events_json` writes what the derive with `#[serde(flatten)]` it replaced wrote.
    #[test]
    fn events_json_is_the_flattened_records_json() {
        #[derive(serde::Serialize)]
        struct EventLine<'a> {
            #[serde(flatten)]
            event: &'a paxos::sim::Event,
            is_cause: bool,
            message_text: Option<String>,
        }
        let mut events = 0;
        for preset in paxos::presets::PRESETS {
            let simulation = paxos::Simulation::from_script(preset.script).expect("presets run");
            let expected: Vec<EventLine> = simulation
                .events()
                .iter()
                .map(|event| EventLine {
                    event,
                    is_cause: event.kind.is_cause(),
                    message_text: super::event_message(&event.kind).map(ToString::to_string),
                })
                .collect();
            assert_eq!(super::events_json(simulation.events()), serde_json::to_string(&expected).unwrap());
            events += expected.len();
        }
        assert!(events > 1000, "{events} events");
        assert_eq!(super::events_json(&[]), "[]");
    }
}
