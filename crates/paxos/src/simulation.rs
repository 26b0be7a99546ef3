//! A run you can move through: the whole event log, plus the state at any step.
//!
//! Time travel restores the nearest checkpoint at or before the wanted step and simulates
//! forward from there, so stepping back costs at most `CHECKPOINT_INTERVAL` steps of work,
//! and memory grows by one state per interval rather than one per step.
//!
//! Intervening at an earlier step forks the run: the scenario keeps the commands that led
//! to that step (a partly done `step N`/`run` becomes `step K` for the K steps it took),
//! appends the new command. The old future is kept as a branch: `undo` puts it back (the
//! last `UNDO_MAX` interventions can be undone) and `redo` applies the intervention again.

use crate::observe::{Chosen, Liveness, Observers, PhaseTwoFact, Verdict};
use crate::protocol::{NodeView, Protocol};
use crate::quorum::NodeSet;
use crate::scenario::{
    encode_link, parse_with_lines, Command, LinkView, NetworkMode, Scenario, ScriptError, Target, COMMANDS_MAX,
    STEP_COUNT_LIMIT,
};
use crate::sim::world::{Cursor, Resolved};
use crate::sim::{EnvelopeView, Event, Limit, Refusal, RunError, World};
use serde::Serialize;

pub const CHECKPOINT_INTERVAL: u32 = 32;
/// The longest run the playground keeps (steps); longer scenarios are refused.
pub const STEPS_MAX: u32 = 50_000;
/// How many interventions `undo` can take back (older ones are forgotten, oldest first).
/// Each keeps the future it replaced, so this bounds what the branches hold.
pub const UNDO_MAX: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct State {
    pub world: World,
    pub observers: Observers,
}

impl State {
    fn new(scenario: &Scenario) -> State {
        State { world: World::new(scenario), observers: Observers::default() }
    }

    /// One step, with the observers' findings. `Ok(false)` when the scenario is exhausted.
    fn advance(&mut self, commands: &[Command], events: &mut Vec<Event>) -> Result<bool, RunError> {
        let start = events.len();
        if !self.world.advance(commands, events)? {
            return Ok(false);
        }
        let mut findings = Vec::new();
        self.observers.observe(&self.world, &events[start..], &mut findings);
        events.extend(findings);
        Ok(true)
    }
}

/// Runs a scenario to its end without keeping the event log or checkpoints: the fast path
/// for sweeps that only need the verdict.
pub fn judge(scenario: &Scenario) -> Result<(Verdict, u32), RunError> {
    let mut state = State::new(scenario);
    let mut events = Vec::new();
    loop {
        events.clear();
        if !state.advance(&scenario.commands, &mut events)? {
            return Ok((state.observers.verdict(), state.world.step));
        }
        if state.world.step > STEPS_MAX {
            return Err(too_long(&state.world));
        }
    }
}

/// The refusal of a step past `STEPS_MAX`.
fn too_long(world: &World) -> RunError {
    let limit = Refusal::Limit { limit: Limit::Steps, max: STEPS_MAX as usize, step: world.step, node: None };
    RunError::new(world.cursor.command, world.step, limit)
}

pub struct Simulation {
    scenario: Scenario,
    events: Vec<Event>,
    /// `step_starts[s - 1]` is the index in `events` of step `s`'s first event.
    step_starts: Vec<usize>,
    /// `step_commands[s - 1]` is the index of the command that made step `s`.
    step_commands: Vec<u32>,
    /// For each command that names a message, the message it resolved to.
    /// In command order (commands resolve in order, so pushing keeps it sorted).
    resolved: Vec<(usize, Resolved)>,
    /// `checkpoints[i]` is the state at step `i * CHECKPOINT_INTERVAL`.
    checkpoints: Vec<State>,
    end: State,
    view: State,
    /// The runs as they were before the last interventions (most recent last).
    /// A Vec, not a VecDeque: forgetting the oldest is a shift of at most `UNDO_MAX`
    /// entries, and the deque's ring-buffer code cost the page module 0.4 kB gzip.
    undo: Vec<Branch>,
    /// The runs `undo` took back (most recent last); a new intervention clears them.
    redo: Vec<Branch>,
}

/// Another future of the run from step `at`: what `swap_tail` puts back.
struct Branch {
    at: u32,
    tail: Discarded,
}

/// How an action changed the run: every step from `fork` on is new (the steps before it are
/// as they were), and `replaced` steps of the previous run from there are gone (kept as a
/// branch when the action can be undone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Delta {
    pub fork: u32,
    pub replaced: u32,
}

/// What `Simulation::fork` cut away, kept until the new future is known to run (and then
/// as the branch `undo` puts back).
struct Discarded {
    /// How much of each list `fork` kept (the per-step lists keep `at` entries).
    events_kept: usize,
    at: usize,
    resolved_kept: usize,
    checkpoints_kept: usize,
    commands: Vec<Command>,
    events: Vec<Event>,
    step_starts: Vec<usize>,
    step_commands: Vec<u32>,
    resolved: Vec<(usize, Resolved)>,
    checkpoints: Vec<State>,
    /// The cursor of the checkpoint at the fork point, if there is one.
    fork_checkpoint_cursor: Option<Cursor>,
    end: State,
}

/// Truncates `list` to `kept` items and puts `tail` back after them.
fn restore_tail<T>(list: &mut Vec<T>, kept: usize, mut tail: Vec<T>) {
    list.truncate(kept);
    list.append(&mut tail);
}

/// How a whole run ends, for the page's outcome line.
#[derive(Clone, Debug, Serialize)]
pub struct RunOutcome {
    pub steps: u32,
    pub verdict: Verdict,
    pub chosen: Option<Chosen>,
}

/// Everything the UI draws for one step.
#[derive(Clone, Debug, Serialize)]
pub struct Snapshot {
    pub version: &'static str,
    /// The scenario's title ("" for none).
    pub title: String,
    pub step: u32,
    pub steps: u32,
    pub tick: u64,
    pub protocol: Protocol,
    /// Whether the protocol has a phase 1 (promises) before it proposes.
    pub two_phases: bool,
    pub network: NetworkMode,
    pub quorum_phase1: u8,
    pub quorum_phase2: u8,
    pub nodes: Vec<NodeView>,
    pub in_flight: Vec<EnvelopeView>,
    pub partition: Option<Vec<NodeSet>>,
    pub chosen: Vec<Chosen>,
    /// Multi-Paxos: the commands observed chosen, per slot (Lamport's definition), for the
    /// log grid's chosen cells. Absent in the other protocols and without the `multi` feature.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(feature = "multi"), serde(skip))]
    pub slots_chosen: Vec<crate::observe::SlotChosen>,
    pub liveness: Liveness,
    /// Promise quorums, adopted values and where they met the chosen quorum. Not in the
    /// serialised snapshot (half its size): the page's quorum aid gets its pictures from the
    /// aids' module; the snapshot says how many facts there are (`quorum_facts`), which is
    /// when the aid has something to show.
    #[serde(skip)]
    pub quorums: Vec<PhaseTwoFact>,
    pub quorum_facts: usize,
    pub verdict: Verdict,
}

impl Simulation {
    /// Runs `scenario` to its end. Fails on a command that cannot be carried out.
    pub fn new(scenario: Scenario) -> Result<Simulation, RunError> {
        let start = State::new(&scenario);
        let mut sim = Simulation {
            scenario,
            events: Vec::new(),
            step_starts: Vec::new(),
            step_commands: Vec::new(),
            resolved: Vec::new(),
            checkpoints: vec![start.clone()],
            end: start.clone(),
            view: start,
            undo: Vec::new(),
            redo: Vec::new(),
        };
        sim.run_to_end()?;
        sim.view = sim.end.clone();
        Ok(sim)
    }

    /// Parses and runs a script; run-time errors point at the failing command's line.
    pub fn from_script(text: &str) -> Result<Simulation, ScriptError> {
        let (scenario, lines) = parse_with_lines(text)?;
        Simulation::new(scenario).map_err(|e| ScriptError {
            line: lines.get(e.command).copied().unwrap_or(1),
            column: 1,
            message: e.message,
            refusal: Some(e.kind),
            kind: "",
            facts: Vec::new(),
        })
    }

    fn run_to_end(&mut self) -> Result<(), RunError> {
        let mut events = std::mem::take(&mut self.events);
        let result = self.extend(&mut events);
        self.events = events;
        result
    }

    fn extend(&mut self, events: &mut Vec<Event>) -> Result<(), RunError> {
        loop {
            let start = events.len();
            if !self.end.advance(&self.scenario.commands, events)? {
                return Ok(());
            }
            let step = self.end.world.step;
            if step > STEPS_MAX {
                return Err(too_long(&self.end.world));
            }
            self.step_starts.push(start);
            // The cursor has moved past a one-step command; an automatic one is still current.
            let cursor = self.end.world.cursor;
            let index = if cursor.done > 0 { cursor.command } else { cursor.command - 1 };
            self.step_commands.push(index as u32);
            if let Some(resolved) = self.end.world.resolved.take() {
                self.resolved.push((index, resolved));
            }
            if step.is_multiple_of(CHECKPOINT_INTERVAL) {
                self.checkpoints.push(self.end.clone());
            }
        }
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario as a script, each message named the way a reader recognises it:
    /// `deliver S1->S3 Prepare 11`, or `deliver #12` when an identical message precedes it.
    pub fn script(&self) -> String {
        self.with_targets(|r| r.readable.clone()).to_script()
    }

    /// The scenario and view as a share-link code (messages named by id: shortest).
    pub fn link(&self, view: LinkView) -> String {
        encode_link(&self.with_targets(|r| Target::Id(r.id)), view)
    }

    /// The scenario's commands with every message named readably (text, or id when needed).
    pub fn readable_commands(&self) -> Vec<Command> {
        self.with_targets(|r| r.readable.clone()).commands
    }

    fn with_targets(&self, name: impl Fn(&Resolved) -> Target) -> Scenario {
        let mut scenario = self.scenario.clone();
        for (index, resolved) in &self.resolved {
            match &mut scenario.commands[*index] {
                Command::Deliver(t) | Command::Drop(t) | Command::Duplicate(t) => *t = name(resolved),
                // A fixed message: formatting the command here cost the page's wasm its own code.
                _ => unreachable!("a command with a resolved message names no message"),
            }
        }
        scenario
    }

    /// Number of steps in the run.
    pub fn steps(&self) -> u32 {
        self.end.world.step
    }

    /// The step being viewed.
    pub fn step(&self) -> u32 {
        self.view.world.step
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The events of steps `from..=to` (step 0 has none).
    pub fn events_between(&self, from: u32, to: u32) -> &[Event] {
        let index = |step: u32| match step {
            0 => 0,
            s if s > self.steps() => self.events.len(),
            s => self.step_starts[s as usize - 1],
        };
        let (from, to) = (from.max(1), to.min(self.steps()));
        if from > to {
            return &[];
        }
        &self.events[index(from)..index(to + 1)]
    }

    /// The index of the command that made each step (`[s - 1]` for step `s`).
    pub fn step_commands(&self) -> &[u32] {
        &self.step_commands
    }

    /// The event log as text: one line per event, a step's consequences indented under its
    /// cause, then the verdict. This is the form golden files and the CLI print.
    pub fn log(&self) -> String {
        crate::sim::format_events(&self.events) + &format!("verdict: {}\n", self.verdict())
    }

    /// The state at `step` (clamped to the run), without moving the view.
    pub fn state_at(&self, step: u32) -> State {
        let step = step.min(self.steps());
        if step == self.steps() {
            return self.end.clone();
        }
        let from_view = self.view.world.step <= step && step - self.view.world.step < CHECKPOINT_INTERVAL;
        let mut state = match from_view {
            true => self.view.clone(),
            false => self.checkpoints[(step / CHECKPOINT_INTERVAL) as usize].clone(),
        };
        let mut scratch = Vec::new();
        while state.world.step < step {
            scratch.clear();
            let advanced = state.advance(&self.scenario.commands, &mut scratch);
            // `assert!`, not `assert_eq!`: the latter formats both sides and costs the page
            // module a kilobyte and a half.
            assert!(matches!(advanced, Ok(true)), "replaying a recorded run must reproduce it");
        }
        state
    }

    /// Moves the view to `step` (clamped to the run).
    pub fn seek(&mut self, step: u32) {
        self.view = self.state_at(step);
    }

    /// The state being viewed.
    pub fn view(&self) -> &State {
        &self.view
    }

    /// One step forward. At the end of the run this extends the scenario with `step`;
    /// returns false when nothing is pending.
    pub fn step_forward(&mut self) -> Result<bool, RunError> {
        if self.step() < self.steps() {
            self.seek(self.step() + 1);
            return Ok(true);
        }
        // Nothing pending: a `step` would do nothing, so do not add one to the scenario.
        if !self.view.world.has_pending() {
            return Ok(false);
        }
        self.apply(Command::Step(1))?;
        Ok(true)
    }

    /// Applies `command` at the viewed step, forking the run there (see the module docs),
    /// and views the new end. The run as it was can be put back with `undo`.
    /// A refused command leaves the simulation exactly as it was.
    pub fn intervene(&mut self, command: Command) -> Result<Delta, RunError> {
        let at = self.step();
        let replaced = self.steps() - at;
        let discarded = self.apply(command)?;
        if self.undo.len() == UNDO_MAX {
            self.undo.remove(0);
        }
        self.undo.push(Branch { at, tail: discarded });
        self.redo.clear();
        Ok(Delta { fork: at + 1, replaced })
    }

    /// `intervene` without the undo record (a step that extends the run is not an action
    /// to take back: the run only grows). Returns the future it replaced.
    fn apply(&mut self, command: Command) -> Result<Discarded, RunError> {
        let (commands, cursor) = self.commands_through_view(command);
        if commands.len() > COMMANDS_MAX {
            let limit = Refusal::Limit { limit: Limit::Commands, max: COMMANDS_MAX, step: self.step() + 1, node: None };
            return Err(RunError::new(commands.len() - 1, self.step() + 1, limit));
        }
        let discarded = self.fork(commands, cursor);
        match self.run_to_end() {
            Ok(()) => {
                self.view = self.end.clone();
                Ok(discarded)
            }
            Err(error) => {
                self.swap_tail(discarded);
                Err(error)
            }
        }
    }

    /// Whether something is still pending at the end of the run: stepping forward there
    /// would extend it (a `run` there takes it on to where it stops by itself).
    pub fn goes_on(&self) -> bool {
        self.end.world.has_pending()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Puts back the run as it was before the last intervention (its events, script and
    /// link), viewed at the step where that intervention was made. None if there is none.
    pub fn undo(&mut self) -> Option<Delta> {
        let Branch { at, tail } = self.undo.pop()?;
        let replaced = self.steps() - at;
        let current = self.swap_tail(tail);
        self.redo.push(Branch { at, tail: current });
        // The view belongs to the other branch (at `at` even its cursor may differ): seek
        // from this run's own states.
        self.view = self.end.clone();
        self.seek(at);
        Some(Delta { fork: at + 1, replaced })
    }

    /// Applies again the intervention `undo` took back, viewing the end as it did.
    pub fn redo(&mut self) -> Option<Delta> {
        let Branch { at, tail } = self.redo.pop()?;
        let replaced = self.steps() - at;
        let current = self.swap_tail(tail);
        self.undo.push(Branch { at, tail: current });
        self.view = self.end.clone();
        Some(Delta { fork: at + 1, replaced })
    }

    /// Cuts the run back to the viewed step and sets it to go on with `commands` from
    /// `cursor`. Returns what it took away, for `swap_tail`: moved out, not copied, so an
    /// intervention costs no more than the future it replaces. The view is left alone.
    fn fork(&mut self, commands: Vec<Command>, cursor: Cursor) -> Discarded {
        let at = self.step();
        let kept_commands = commands.len() - 1;
        let event_cut = self.step_starts.get(at as usize).copied().unwrap_or(self.events.len());
        let resolved_cut = self.resolved.partition_point(|(command, _)| *command < kept_commands);
        // Later checkpoints belong to the discarded future; one at the fork point itself
        // must resume from the new command.
        let checkpoint_cut = self.checkpoints.partition_point(|c| c.world.step <= at);
        let mut end = self.view.clone();
        end.world.cursor = cursor;
        let mut discarded = Discarded {
            events_kept: event_cut,
            at: at as usize,
            resolved_kept: resolved_cut,
            checkpoints_kept: checkpoint_cut,
            commands: std::mem::replace(&mut self.scenario.commands, commands),
            events: self.events.split_off(event_cut),
            step_starts: self.step_starts.split_off(at as usize),
            step_commands: self.step_commands.split_off(at as usize),
            resolved: self.resolved.split_off(resolved_cut),
            checkpoints: self.checkpoints.split_off(checkpoint_cut),
            fork_checkpoint_cursor: None,
            end: std::mem::replace(&mut self.end, end),
        };
        if let Some(last) = self.checkpoints.last_mut().filter(|c| c.world.step == at) {
            discarded.fork_checkpoint_cursor = Some(std::mem::replace(&mut last.world.cursor, cursor));
        }
        discarded
    }

    /// Puts `tail` in place of the run's future from its fork step and returns the future it
    /// took out, in the same form: both runs share everything up to that step. For a refused
    /// run this puts back what `fork` took away; for undo and redo it swaps branches.
    fn swap_tail(&mut self, tail: Discarded) -> Discarded {
        let Discarded { events_kept, at, resolved_kept, checkpoints_kept, .. } = tail;
        let mut current = Discarded {
            events_kept,
            at,
            resolved_kept,
            checkpoints_kept,
            commands: std::mem::replace(&mut self.scenario.commands, tail.commands),
            events: self.events.split_off(events_kept),
            step_starts: self.step_starts.split_off(at),
            step_commands: self.step_commands.split_off(at),
            resolved: self.resolved.split_off(resolved_kept),
            checkpoints: self.checkpoints.split_off(checkpoints_kept),
            fork_checkpoint_cursor: None,
            end: std::mem::replace(&mut self.end, tail.end),
        };
        restore_tail(&mut self.events, events_kept, tail.events);
        restore_tail(&mut self.step_starts, at, tail.step_starts);
        restore_tail(&mut self.step_commands, at, tail.step_commands);
        restore_tail(&mut self.resolved, resolved_kept, tail.resolved);
        restore_tail(&mut self.checkpoints, checkpoints_kept, tail.checkpoints);
        if let Some(cursor) = tail.fork_checkpoint_cursor {
            // `fork` found it at the end of the kept checkpoints.
            let checkpoint = &mut self.checkpoints[checkpoints_kept - 1].world.cursor;
            current.fork_checkpoint_cursor = Some(std::mem::replace(checkpoint, cursor));
        }
        current
    }

    /// The commands that led to the viewed step, then `command`, and where the world's
    /// cursor stands in that list. A partly done `step N`/`run` becomes `step K`; a `step`
    /// after an exact `step K` extends it instead of adding a line.
    fn commands_through_view(&self, command: Command) -> (Vec<Command>, Cursor) {
        let Cursor { command: current, done, previous_done } = self.view.world.cursor;
        let mut commands = self.scenario.commands[..current].to_vec();
        let mut exact_steps = None;
        if done > 0 {
            commands.push(Command::Step(done));
            exact_steps = Some(done);
        } else if let Some(last @ (Command::Step(_) | Command::Run)) = commands.last_mut() {
            if previous_done > 0 {
                *last = Command::Step(previous_done);
                exact_steps = Some(previous_done);
            }
        }
        // Coalesce only while the sum is a step count a script can say.
        let total = match command {
            Command::Step(more) => exact_steps.and_then(|taken| taken.checked_add(more)),
            _ => None,
        };
        if let (Some(taken), Some(total)) = (exact_steps, total.filter(|n| *n <= STEP_COUNT_LIMIT)) {
            let last = commands.len() - 1;
            commands[last] = Command::Step(total);
            return (commands, Cursor { command: last, done: taken, previous_done: 0 });
        }
        commands.push(command);
        // As a replay would stand: just past the `step K` that was taken in full.
        let cursor = Cursor { command: commands.len() - 1, done: 0, previous_done: exact_steps.unwrap_or(0) };
        (commands, cursor)
    }

    pub fn verdict(&self) -> Verdict {
        self.end.observers.verdict()
    }

    /// How the whole run ends (not the viewed step): its verdict and the first value chosen.
    pub fn outcome(&self) -> RunOutcome {
        RunOutcome {
            steps: self.steps(),
            verdict: self.verdict(),
            chosen: self.end.observers.safety.chosen.first().copied(),
        }
    }

    /// The run at the viewed step, as the quorum overlay's pictures read it.
    pub fn picture_input(&self) -> crate::observe::PictureInput<'_> {
        let State { world, observers } = &self.view;
        crate::observe::PictureInput {
            protocol: world.config.protocol,
            nodes: world.config.nodes,
            quorum_phase1: world.config.quorum_phase1,
            quorum_phase2: world.config.quorum_phase2,
            step: world.step,
            chosen: &observers.safety.chosen,
            facts: &observers.quorums.phase_two,
            events: self.events_between(1, world.step),
        }
    }

    /// The quorum overlay's picture at the viewed step: of the choice `key`, or the latest
    /// (see `observe::quorum_picture`).
    pub fn quorum_picture(&self, key: Option<&str>) -> Option<crate::observe::QuorumPicture> {
        crate::observe::quorum_picture(&self.picture_input(), key)
    }

    /// What the UI shows at the viewed step.
    pub fn snapshot(&self) -> Snapshot {
        let State { world, observers } = &self.view;
        Snapshot {
            version: crate::VERSION,
            title: self.scenario.title.clone().unwrap_or_default(),
            step: world.step,
            steps: self.steps(),
            tick: world.tick,
            protocol: world.config.protocol,
            two_phases: world.config.protocol.has_phase_one(),
            network: world.network.mode,
            quorum_phase1: world.config.quorum_phase1,
            quorum_phase2: world.config.quorum_phase2,
            nodes: world
                .nodes
                .iter()
                .map(|n| n.view(&world.config, world.timers.iter().any(|t| t.node == n.id)))
                .collect(),
            in_flight: world.in_flight.iter().map(|e| e.view()).collect(),
            partition: world.partition.clone(),
            chosen: observers.safety.chosen.clone(),
            slots_chosen: match crate::protocol::multi::ENABLED {
                true => observers.log.chosen.clone(),
                false => Vec::new(),
            },
            liveness: observers.liveness.clone(),
            quorums: observers.quorums.phase_two.clone(),
            quorum_facts: observers.quorums.phase_two.len(),
            verdict: observers.verdict(),
        }
    }
}
