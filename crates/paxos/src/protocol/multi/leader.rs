//! The leader: running for leader (phase 1 once, for every slot), then one phase 2 per
//! command; stepping down when a higher number exists.

use super::{Entry, Op, Role, Slot, PENDING_MAX};
use crate::message::Message;
use crate::protocol::{Config, Effect, Node, Note, Protocol, Timer};
use crate::quorum::NodeSet;
use crate::types::{Ballot, NodeId};

impl Node {
    /// A client asks this server to run `op`. A leader gives it the next slot at once; any
    /// other server keeps it and runs for leader (unless it already is running, or backing
    /// off before running again).
    pub fn request(&mut self, config: &Config, op: Op, out: &mut Vec<Effect>) {
        debug_assert!(self.up, "the simulator does not hand requests to a crashed server");
        let Some(log) = self.log.as_deref_mut() else { return };
        match log.role {
            Role::Leader { .. } => self.place(config, op, out),
            _ if log.pending.len() >= PENDING_MAX => out.push(Effect::Note(Note::RequestRefused { op })),
            Role::Candidate { .. } | Role::BackingOff => log.pending.push(op),
            Role::Follower => {
                log.pending.push(op);
                // A new request is a new reason to lead: a full set of attempts for it.
                self.proposer.attempts = 0;
                self.campaign(config, out);
            }
        }
    }

    /// Runs for leader with a fresh number: phase 1 for every slot from the first one this
    /// server does not know to be chosen (the slots before it are settled for good). The
    /// broken skip-phase1 variant leads at once instead.
    fn campaign(&mut self, config: &Config, out: &mut Vec<Effect>) {
        debug_assert!(self.proposer.attempts < config.attempts_max);
        self.proposer.attempts += 1;
        self.proposer.generation += 1;
        let ballot = self.next_ballot();
        let Some(log) = self.log.as_deref_mut() else { return };
        let from = log.first_unlearned();
        match config.protocol {
            // Broken: no phase 1, so nothing tells it what may already be chosen from `from` on.
            Protocol::MultiPaxosSkipPhase1 => {
                out.push(Effect::Note(Note::SkippedPhaseOne { ballot, from }));
                log.role = Role::Leader { ballot, next: from, outstanding: Vec::new() };
                self.place_pending(config, out);
            }
            _ => {
                let attempt = self.proposer.attempts;
                out.push(Effect::Note(Note::Campaign { ballot, from, attempt }));
                log.role = Role::Candidate { ballot, from, promises: NodeSet::EMPTY, reports: Vec::new() };
                self.broadcast(config, Message::PrepareLog { ballot, from }, out);
                self.set_timeout(config, out);
            }
        }
    }

    /// A timer for the round that just started, if the scenario has timeouts.
    fn set_timeout(&self, config: &Config, out: &mut Vec<Effect>) {
        if config.timeout_ticks > 0 {
            let timer = Timer::Timeout { generation: self.proposer.generation };
            out.push(Effect::SetTimer { timer, ticks_min: config.timeout_ticks, ticks_max: config.timeout_ticks });
        }
    }

    /// Phase 1b replies. Keeps, per slot, the highest-numbered proposal reported; with a
    /// phase-1 quorum of promises the candidate leads.
    pub(in crate::protocol) fn on_log_promise(
        &mut self,
        config: &Config,
        sender: NodeId,
        ballot: Ballot,
        accepted: &[(Slot, Entry)],
        out: &mut Vec<Effect>,
    ) {
        let Some(log) = self.log.as_deref_mut() else { return };
        match &mut log.role {
            Role::Candidate { ballot: b, promises, reports, from } if *b == ballot && !promises.contains(sender) => {
                promises.insert(sender);
                for &(slot, entry) in accepted {
                    match reports.iter().position(|(s, ..)| *s >= slot) {
                        Some(at) if reports[at].0 == slot && reports[at].2.ballot < entry.ballot => {
                            reports[at] = (slot, sender, entry)
                        }
                        Some(at) if reports[at].0 == slot => {}
                        Some(at) => reports.insert(at, (slot, sender, entry)),
                        None => reports.push((slot, sender, entry)),
                    }
                }
                if promises.len() < config.quorum_phase1 {
                    return;
                }
                let (promises, from, reports) = (*promises, *from, std::mem::take(reports));
                self.lead(config, ballot, promises, from, &reports, out);
            }
            // A late promise for an old candidacy, or a second one from the same acceptor.
            _ => {}
        }
    }

    /// Phase 2a for every slot the promises cover, then the clients' commands.
    ///
    /// Why this is safe, slot by slot, exactly as in Basic Paxos: suppose command c was
    /// already chosen in slot k under a number m < n, i.e. a phase-2 quorum accepted (m, c) in
    /// slot k. Our phase-1 quorum shares an acceptor with it (Q1 + Q2 > N). That acceptor
    /// accepted (m, c) before promising n (after, it would have refused m), and it reports its
    /// highest-numbered proposal for every slot from `from` on, so it reported slot k with a
    /// number m or higher; by induction every proposal for slot k numbered between m and n
    /// carries c, so the highest one reported carries c, and we propose c again. A slot that
    /// nobody in the quorum reported has no chosen command, so `no-op` is safe there. Slots
    /// before `from` this server knows to be chosen; it proposes nothing there. And our own
    /// commands go after every reported slot, where nothing can have been chosen.
    fn lead(
        &mut self,
        config: &Config,
        ballot: Ballot,
        promises: NodeSet,
        from: Slot,
        reports: &[(Slot, NodeId, Entry)],
        out: &mut Vec<Effect>,
    ) {
        let Some(log) = self.log.as_deref_mut() else { return };
        out.push(Effect::Note(Note::Leading { ballot, promises, from }));
        let reported_last = reports.last().map_or(0, |(slot, ..)| slot.0);
        let learned_last = log.learned.last().map_or(0, |(slot, _)| slot.0);
        let last = Slot(reported_last.max(learned_last).max(from.0 - 1));
        let mut proposals = Vec::new();
        match config.protocol {
            // Broken: the reports are heard and dropped; the new commands start at `from`.
            Protocol::MultiPaxosNoRepropose => {
                for &(slot, by, reported) in reports {
                    out.push(Effect::Note(Note::Ignored { slot, reported, by }));
                }
                log.role = Role::Leader { ballot, next: from, outstanding: Vec::new() };
            }
            _ => {
                for slot in (from.0..=last.0).map(Slot) {
                    let report = reports.iter().find(|(s, ..)| *s == slot);
                    match (log.learned_at(slot), report) {
                        (Some(_), _) => {}
                        (None, Some(&(_, by, reported))) => {
                            out.push(Effect::Note(Note::Reproposed { slot, reported, by }));
                            proposals.push((slot, reported.op));
                        }
                        (None, None) => {
                            out.push(Effect::Note(Note::Filled { slot }));
                            proposals.push((slot, Op::NoOp));
                        }
                    }
                }
                log.role = Role::Leader { ballot, next: last.next(), outstanding: Vec::new() };
            }
        }
        for (slot, op) in proposals {
            self.propose_slot(config, slot, op, out);
        }
        self.place_pending(config, out);
    }

    /// Gives every waiting request a slot, oldest first.
    fn place_pending(&mut self, config: &Config, out: &mut Vec<Effect>) {
        let Some(log) = self.log.as_deref_mut() else { return };
        for op in std::mem::take(&mut log.pending) {
            self.place(config, op, out);
        }
    }

    /// Phase 2a for a client's command: the leader's next free slot, or a note that the log
    /// is full.
    fn place(&mut self, config: &Config, op: Op, out: &mut Vec<Effect>) {
        let Some(log) = self.log.as_deref_mut() else { return };
        let Role::Leader { ballot, next, .. } = log.role else { return };
        let mut slot = next;
        while log.learned_at(slot).is_some() {
            slot = slot.next();
        }
        if !slot.fits() {
            out.push(Effect::Note(Note::LogFull { op }));
            return;
        }
        if let Role::Leader { next, .. } = &mut log.role {
            *next = slot.next();
        }
        out.push(Effect::Note(Note::Placed { slot, entry: Entry { ballot, op } }));
        self.propose_slot(config, slot, op, out);
    }

    /// Sends `Accept n #slot op` to every server and waits for a phase-2 quorum. The first
    /// slot of a round starts its timer.
    fn propose_slot(&mut self, config: &Config, slot: Slot, op: Op, out: &mut Vec<Effect>) {
        let Some(log) = self.log.as_deref_mut() else { return };
        let Role::Leader { ballot, outstanding, .. } = &mut log.role else { return };
        let ballot = *ballot;
        let round_starts = outstanding.is_empty();
        outstanding.push((slot, op, NodeSet::EMPTY));
        if round_starts {
            self.set_timeout(config, out);
        }
        self.broadcast(config, Message::AcceptSlot { slot, entry: Entry { ballot, op } }, out);
    }

    /// Phase 2b replies: a slot accepted by a phase-2 quorum is chosen. The leader learns it
    /// and tells the other servers.
    pub(in crate::protocol) fn on_slot_accepted(
        &mut self,
        config: &Config,
        sender: NodeId,
        slot: Slot,
        ballot: Ballot,
        out: &mut Vec<Effect>,
    ) {
        let Some(log) = self.log.as_deref_mut() else { return };
        match &mut log.role {
            Role::Leader { ballot: b, outstanding, .. } if *b == ballot => {
                let Some(at) = outstanding.iter().position(|(s, ..)| *s == slot) else { return };
                outstanding[at].2.insert(sender);
                let (_, op, quorum) = outstanding[at];
                if quorum.len() < config.quorum_phase2 {
                    return;
                }
                self.learn(slot, op, Some(quorum), out);
                let me = self.id;
                out.extend(
                    config
                        .node_ids()
                        .filter(|to| *to != me)
                        .map(|to| Effect::Send { to, message: Message::Decide { slot, op } }),
                );
            }
            // A late acceptance: of an old number, or of a slot already chosen.
            _ => {}
        }
    }

    /// A refusal: a higher number than `ballot` was promised, so it cannot lead with it.
    pub(in crate::protocol) fn on_log_nack(
        &mut self,
        config: &Config,
        ballot: Ballot,
        promised: Ballot,
        out: &mut Vec<Effect>,
    ) {
        let Some(log) = self.log.as_deref() else { return };
        match log.ballot() {
            Some(b) if b == ballot && promised > ballot => {
                // Never reuse or undercut a number we know is taken.
                self.counter_max = self.counter_max.max(promised.counter);
                out.push(Effect::Note(Note::Preempted { ballot, by: promised }));
                self.step_down(config, out);
            }
            _ => {}
        }
    }

    pub(in crate::protocol) fn on_log_timer(&mut self, config: &Config, timer: Timer, out: &mut Vec<Effect>) {
        let Some(log) = self.log.as_deref() else { return };
        match (timer, &log.role, log.ballot()) {
            (Timer::Timeout { generation }, _, Some(ballot))
                if generation == self.proposer.generation && log.in_progress() =>
            {
                out.push(Effect::Note(Note::TimedOut { ballot }));
                self.step_down(config, out);
            }
            (Timer::Retry { generation }, Role::BackingOff, _) if generation == self.proposer.generation => {
                self.campaign(config, out);
            }
            // A timer of a round that already ended.
            _ => {}
        }
    }

    /// Stops leading (or running) with the current number. If work is left (requests
    /// waiting, or slots it proposed and has not seen chosen) it runs again when the
    /// scenario allows (`retry`, the distinguished `leader`, `attempts`), after a backoff if
    /// there is one; otherwise it gives up on its waiting requests.
    fn step_down(&mut self, config: &Config, out: &mut Vec<Effect>) {
        let Some(log) = self.log.as_deref_mut() else { return };
        let work_left = !log.pending.is_empty() || log.in_progress();
        if let Some(ballot) = log.ballot() {
            out.push(Effect::Note(Note::SteppedDown { ballot }));
        }
        log.role = Role::Follower;
        self.proposer.generation += 1;
        if !work_left {
            return;
        }
        let distinguished = config.leader.is_none_or(|leader| leader == self.id);
        let may_retry = config.retry && distinguished && self.proposer.attempts < config.attempts_max;
        match (may_retry, config.backoff_ticks_max) {
            (false, _) => {
                for op in std::mem::take(&mut log.pending) {
                    out.push(Effect::Note(Note::GaveUpOp { op }));
                }
            }
            (true, 0) => self.campaign(config, out),
            (true, ticks_max) => {
                log.role = Role::BackingOff;
                out.push(Effect::Note(Note::BackingOff { ticks_max }));
                let timer = Timer::Retry { generation: self.proposer.generation };
                out.push(Effect::SetTimer { timer, ticks_min: 1, ticks_max });
            }
        }
    }
}
