//! The quorum overlay's pictures, as records the page lays out and draws.
//!
//! Paxos is safe because quorums meet: the promise quorum of a later proposal shares at
//! least one acceptor with the accept quorum of any value chosen before it, and that acceptor
//! reports the earlier value in its Promise, so the later proposer must propose it again. For
//! a proposal, a [`QuorumPicture`] gathers the sets that argument talks about (its promise
//! quorum, its accept quorum, the earlier value's accept quorum, where they meet), what the
//! acceptors in the meeting point actually reported, and the messages that carried the
//! earlier value. With flexible quorums too small (Q1 + Q2 <= N) the meeting point is empty:
//! the missing intersection. One-phase protocols have no promise quorum; there the picture is
//! the two chosen values' quorums, whose common acceptors simply overwrote the first value.
//!
//! Chosen values are Lamport's ([`super::Safety`]): a quorum of acceptors has accepted the
//! proposal. Everything is a function of the run up to the viewed step.

use super::{Chosen, PhaseTwoFact};
use crate::message::Message;
use crate::protocol::{Note, Protocol};
use crate::quorum::NodeSet;
use crate::sim::{Event, EventKind};
use crate::types::{Ballot, NodeId, Proposal};
use serde::Serialize;

/// What kind of thing a picture is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChoiceKind {
    /// A proposal that reached phase 2 (its promise quorum is known).
    Phase2,
    /// A chosen value of a one-phase protocol.
    Chosen,
}

/// One thing the overlay can show. Keys are stable across steps, so a pick survives stepping.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuorumChoice {
    pub key: String,
    pub kind: ChoiceKind,
    pub proposal: Proposal,
    /// The proposer (for a chosen value, the server its proposal number names).
    pub proposer: Option<NodeId>,
    pub step: u32,
}

/// The value accepted (or chosen) before the pictured proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Earlier {
    pub proposal: Proposal,
    pub proposer: Option<NodeId>,
    /// Its accept quorum (the acceptors that accepted it, by the pictured proposal's phase 2).
    pub accepts: NodeSet,
    /// When it was chosen, if it was.
    #[serde(rename = "chosenStep")]
    pub chosen_step: Option<u32>,
}

/// What an acceptor in the meeting point told the new proposer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportKind {
    /// Its Promise carried the earlier value.
    Carried,
    /// It had accepted the earlier value, restarted with amnesia, and reported nothing.
    Forgot,
    /// It reported nothing.
    Nothing,
    /// It reported another proposal.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub id: NodeId,
    /// The proposal its Promise reported (none when it sent none, or reported none).
    pub accepted: Option<Proposal>,
    pub kind: ReportKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Adopted {
    pub from: NodeId,
    pub proposal: Proposal,
}

/// A message leg of the earlier value's journey into the new proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LegKind {
    Accept,
    Promise,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Leg {
    pub from: NodeId,
    pub to: NodeId,
    pub kind: LegKind,
    /// The message's canonical text, as the run shows it.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sizes {
    pub n: u8,
    pub q1: u8,
    pub q2: u8,
    /// Q1 + Q2 > N: every promise quorum meets every accept quorum.
    pub safe: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuorumPicture {
    pub key: String,
    pub kind: ChoiceKind,
    pub proposal: Proposal,
    pub proposer: Option<NodeId>,
    pub step: u32,
    /// The phase-1 quorum (none in the one-phase protocols).
    pub promises: Option<NodeSet>,
    /// Who accepted the proposal: its chosen quorum, or who accepted it so far.
    pub accepts: NodeSet,
    pub chosen: Option<Chosen>,
    pub earlier: Option<Earlier>,
    /// Where this proposal's quorum meets the earlier value's (none without an earlier value).
    pub intersection: Option<NodeSet>,
    pub reports: Vec<Report>,
    pub adopted: Option<Adopted>,
    /// The quorums that should have met share no acceptor.
    pub missing: bool,
    pub sizes: Sizes,
    /// The earlier value's journey: the earlier proposer's Accept to the acceptor it was
    /// adopted from, and that acceptor's Promise to the new proposer (legs a server sends
    /// itself are left out).
    pub legs: Vec<Leg>,
    /// Everything the overlay can show at this step, latest last.
    pub choices: Vec<QuorumChoice>,
}

/// The run at the viewed step, as far as pictures need it.
pub struct PictureInput<'a> {
    pub protocol: Protocol,
    pub nodes: u8,
    pub quorum_phase1: u8,
    pub quorum_phase2: u8,
    pub step: u32,
    pub chosen: &'a [Chosen],
    pub facts: &'a [PhaseTwoFact],
    /// The events of steps 1..=step.
    pub events: &'a [Event],
}

/// The server a proposal number names (13 is counter 1 on S3); none without a number.
fn owner(ballot: Ballot) -> Option<NodeId> {
    (!ballot.is_none()).then_some(ballot.node)
}

fn chosen_of(chosen: &[Chosen], proposal: Proposal) -> Option<&Chosen> {
    chosen.iter().find(|c| c.proposal == proposal)
}

/// What the overlay can show: every proposal that reached phase 2, and in the one-phase
/// protocols every chosen value, latest last.
pub fn quorum_choices(input: &PictureInput) -> Vec<(QuorumChoice, Option<PhaseTwoFact>)> {
    let phase_two = input.facts.iter().map(|fact| {
        let choice = QuorumChoice {
            key: format!("p:{}:{}", fact.proposal.ballot, fact.proposal.value),
            kind: ChoiceKind::Phase2,
            proposal: fact.proposal,
            proposer: Some(fact.proposer),
            step: fact.step,
        };
        (choice, Some(*fact))
    });
    // Basic Paxos has a phase 1 behind every chosen value (its fact may have aged out of the
    // latest ones kept); only the one-phase protocols offer chosen values on their own.
    let one_phase = if input.protocol.has_phase_one() { &[][..] } else { input.chosen };
    let chosen = one_phase.iter().filter(|c| !input.facts.iter().any(|f| f.proposal == c.proposal)).map(|chosen| {
        let choice = QuorumChoice {
            key: format!("c:{}:{}", chosen.step, chosen.proposal.value),
            kind: ChoiceKind::Chosen,
            proposal: chosen.proposal,
            proposer: owner(chosen.proposal.ballot),
            step: chosen.step,
        };
        (choice, None)
    });
    // Both lists are in step order: merged, a fact before a chosen value of the same step (a
    // merge rather than a sort: the slice sort's code would cost the page's module 3 kB).
    let (mut phase_two, mut chosen) = (phase_two.peekable(), chosen.peekable());
    let mut choices = Vec::new();
    loop {
        let take_fact = match (phase_two.peek(), chosen.peek()) {
            (Some((f, _)), Some((c, _))) => f.step <= c.step,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return choices,
        };
        choices.extend(if take_fact { phase_two.next() } else { chosen.next() });
    }
}

// The events are in step order, and a long run has tens of thousands of them: each question
// below reads only the steps that can hold its answer (a binary search finds where they
// start), so a picture costs about the same at step 10,000 as at step 100.

/// The events of steps `from` and after.
fn events_from(events: &[Event], from: u32) -> &[Event] {
    &events[events.partition_point(|e| e.step < from)..]
}

/// Where to start looking for acceptances of `proposal`: its Accepts are first sent at the
/// step its proposer entered phase 2 (the fact's step, while the fact is kept), and nobody
/// accepts a proposal before its Accept arrives.
fn accepts_start(facts: &[PhaseTwoFact], proposal: Proposal) -> u32 {
    facts.iter().find(|f| f.proposal == proposal).map_or(0, |f| f.step)
}

/// The acceptors that accepted `proposal` at or before `step` (`events` from
/// `accepts_start` on).
fn accepted_by(events: &[Event], proposal: Proposal, step: u32) -> NodeSet {
    let mut ids = NodeSet::EMPTY;
    for event in events.iter().take_while(|e| e.step <= step) {
        if let EventKind::Note { node, note: Note::Accepted { proposal: p, .. } } = event.kind {
            if p == proposal {
                ids.insert(node);
            }
        }
    }
    ids
}

/// The step at which `node` first accepted `proposal`.
fn accept_step(events: &[Event], node: NodeId, proposal: Proposal) -> Option<u32> {
    events.iter().find_map(|e| match e.kind {
        EventKind::Note { node: n, note: Note::Accepted { proposal: p, .. } } if n == node && p == proposal => {
            Some(e.step)
        }
        _ => None,
    })
}

/// What `acceptor` reported to `proposer` in its latest Promise for `ballot` sent at or before
/// `step`: `Some(reported)` when it sent one. Read backwards from `step`: the latest Promise is
/// the first one met, and a proposer's phase 1 is usually just before its phase 2.
fn promise_report(
    events: &[Event],
    acceptor: NodeId,
    proposer: NodeId,
    ballot: Ballot,
    step: u32,
) -> Option<Option<Proposal>> {
    let upto = events.partition_point(|e| e.step <= step);
    events[..upto].iter().rev().find_map(|event| {
        let (from, to, message) = match &event.kind {
            EventKind::Send { from, to, message, .. } => (*from, *to, message),
            EventKind::Local { node, message } => (*node, *node, message),
            _ => return None,
        };
        match message {
            Message::Promise { ballot: b, accepted } if *b == ballot && from == acceptor && to == proposer => {
                Some(*accepted)
            }
            _ => None,
        }
    })
}

fn restarted_between(events: &[Event], node: NodeId, from: u32, to: u32) -> bool {
    events_from(events, from + 1)
        .iter()
        .take_while(|e| e.step <= to)
        .any(|e| matches!(e.kind, EventKind::Restart { node: n } if n == node))
}

/// The picture of the choice `key` (the latest when `key` is none or not there at this
/// step); none when nothing has reached phase 2 or been chosen.
pub fn quorum_picture(input: &PictureInput, key: Option<&str>) -> Option<QuorumPicture> {
    let choices = quorum_choices(input);
    let (choice, fact) = choices.iter().find(|(c, _)| Some(c.key.as_str()) == key).or(choices.last())?.clone();
    let n = input.nodes;
    let (q1, q2) = (input.quorum_phase1, input.quorum_phase2);
    let sizes = Sizes { n, q1, q2, safe: u16::from(q1) + u16::from(q2) > u16::from(n) };
    let chosen = chosen_of(input.chosen, choice.proposal).copied();
    let accepts = chosen
        .map_or_else(|| accepted_by(events_from(input.events, choice.step), choice.proposal, input.step), |c| c.quorum);
    let mut picture = QuorumPicture {
        key: choice.key.clone(),
        kind: choice.kind,
        proposal: choice.proposal,
        proposer: choice.proposer,
        step: choice.step,
        promises: fact.map(|f| f.promises),
        accepts,
        chosen,
        earlier: None,
        intersection: None,
        reports: Vec::new(),
        adopted: None,
        missing: false,
        sizes,
        legs: Vec::new(),
        choices: choices.into_iter().map(|(c, _)| c).collect(),
    };
    match fact {
        Some(fact) => phase_two_history(&mut picture, &fact, input),
        None => one_phase_history(&mut picture, input),
    }
    picture.legs = legs(&picture);
    Some(picture)
}

fn phase_two_history(picture: &mut QuorumPicture, fact: &PhaseTwoFact, input: &PictureInput) {
    let events = input.events;
    picture.adopted = fact.adopted.map(|(from, proposal)| Adopted { from, proposal });
    if let Some((proposal, meet)) = fact.meets_chosen {
        let record = chosen_of(input.chosen, proposal);
        picture.earlier = Some(Earlier {
            proposal,
            proposer: owner(proposal.ballot),
            accepts: record.map_or_else(
                || accepted_by(events_from(events, accepts_start(input.facts, proposal)), proposal, fact.step),
                |c| c.quorum,
            ),
            chosen_step: record.map(|c| c.step),
        });
        picture.intersection = Some(meet);
    } else if let Some(adopted) = picture.adopted {
        let from = accepts_start(input.facts, adopted.proposal);
        let accepts = accepted_by(events_from(events, from), adopted.proposal, fact.step);
        picture.earlier = Some(Earlier {
            proposal: adopted.proposal,
            proposer: owner(adopted.proposal.ballot),
            accepts,
            chosen_step: None,
        });
        picture.intersection = Some(fact.promises.intersection(accepts));
    }
    let (Some(earlier), Some(meet)) = (&picture.earlier, picture.intersection) else {
        return;
    };
    picture.missing = meet.is_empty();
    picture.reports = meet
        .iter()
        .map(|id| {
            let accepted = promise_report(events, id, fact.proposer, fact.proposal.ballot, fact.step).flatten();
            let kind = match accepted {
                Some(p) if p.value == earlier.proposal.value => ReportKind::Carried,
                Some(_) => ReportKind::Other,
                None => match accept_step(events, id, earlier.proposal) {
                    Some(at) if restarted_between(events, id, at, fact.step) => ReportKind::Forgot,
                    _ => ReportKind::Nothing,
                },
            };
            Report { id, accepted, kind }
        })
        .collect();
}

fn one_phase_history(picture: &mut QuorumPicture, input: &PictureInput) {
    // The first value chosen before this one (another value): its quorum and this one's
    // share acceptors that simply replaced what they held.
    let Some(earlier) =
        input.chosen.iter().find(|c| c.step < picture.step && c.proposal.value != picture.proposal.value)
    else {
        return;
    };
    picture.earlier = Some(Earlier {
        proposal: earlier.proposal,
        proposer: owner(earlier.proposal.ballot),
        accepts: earlier.quorum,
        chosen_step: Some(earlier.step),
    });
    let meet = picture.accepts.intersection(earlier.quorum);
    picture.intersection = Some(meet);
    picture.missing = meet.is_empty();
}

fn legs(picture: &QuorumPicture) -> Vec<Leg> {
    let (Some(adopted), Some(proposer)) = (picture.adopted, picture.proposer) else {
        return Vec::new();
    };
    let mut legs = Vec::new();
    if let Some(earlier_proposer) = owner(adopted.proposal.ballot).filter(|&p| p != adopted.from) {
        let text = Message::Accept { proposal: adopted.proposal }.to_string();
        legs.push(Leg { from: earlier_proposer, to: adopted.from, kind: LegKind::Accept, text });
    }
    if adopted.from != proposer {
        let text = Message::Promise { ballot: picture.proposal.ballot, accepted: Some(adopted.proposal) }.to_string();
        legs.push(Leg { from: adopted.from, to: proposer, kind: LegKind::Promise, text });
    }
    legs
}
