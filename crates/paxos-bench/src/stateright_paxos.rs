//! `Paxos.tla` written a second time, directly against Stateright's `Model` trait, in the style
//! a Stateright user would write it: records as enums, `msgs` as an ordered set of messages,
//! and each action's guard transcribed from the spec by iterating over that set.
//!
//! It shares no code with `paxos::check::tla`, so equal state counts cross-check the two
//! transcriptions as well as the two checkers.

use std::collections::BTreeSet;

/// A message of the spec. Ballots are `i8` so that -1 ("no vote yet") is representable.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Message {
    OneA { bal: i8 },
    OneB { acc: u8, bal: i8, mbal: i8, mval: Option<u8> },
    TwoA { bal: i8, val: u8 },
    TwoB { acc: u8, bal: i8, val: u8 },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PaxosState {
    pub max_bal: Vec<i8>,
    pub max_vbal: Vec<i8>,
    pub max_val: Vec<Option<u8>>,
    pub msgs: BTreeSet<Message>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaxosAction {
    Phase1a(i8),
    /// Acceptor, and the 1a message it receives (its ballot).
    Phase1b(u8, i8),
    Phase2a(i8, u8),
    /// Acceptor, and the 2a message it receives.
    Phase2b(u8, i8, u8),
}

pub struct StaterightPaxos {
    pub acceptors: u8,
    pub values: u8,
    pub max_ballot: i8,
    quorums: Vec<Vec<u8>>,
}

impl StaterightPaxos {
    pub fn new(acceptors: u8, values: u8, max_ballot: u8) -> StaterightPaxos {
        let majority = acceptors / 2 + 1;
        let quorums = (1u32..1 << acceptors)
            .filter(|mask| mask.count_ones() == u32::from(majority))
            .map(|mask| (0..acceptors).filter(|a| mask >> a & 1 == 1).collect())
            .collect();
        StaterightPaxos { acceptors, values, max_ballot: max_ballot as i8, quorums }
    }

    fn phase2a_enabled(&self, state: &PaxosState, b: i8, v: u8) -> bool {
        let sent_2a = state.msgs.iter().any(|m| matches!(m, Message::TwoA { bal, .. } if *bal == b));
        !sent_2a && self.quorums.iter().any(|q| self.shows_safe(state, q, b, v))
    }

    /// The LET/IN of Phase2a for one quorum.
    fn shows_safe(&self, state: &PaxosState, quorum: &[u8], b: i8, v: u8) -> bool {
        let q1b: Vec<(u8, i8, Option<u8>)> = state
            .msgs
            .iter()
            .filter_map(|m| match *m {
                Message::OneB { acc, bal, mbal, mval } if bal == b && quorum.contains(&acc) => Some((acc, mbal, mval)),
                _ => None,
            })
            .collect();
        let all_promised = quorum.iter().all(|a| q1b.iter().any(|(acc, ..)| acc == a));
        let q1bv: Vec<(i8, Option<u8>)> =
            q1b.iter().filter(|(_, mbal, _)| *mbal >= 0).map(|&(_, mbal, mval)| (mbal, mval)).collect();
        all_promised
            && (q1bv.is_empty()
                || q1bv.iter().any(|&(mbal, mval)| mval == Some(v) && q1bv.iter().all(|&(other, _)| mbal >= other)))
    }

    pub fn chosen_count(&self, state: &PaxosState) -> usize {
        (0..self.values)
            .filter(|&v| {
                (0..=self.max_ballot).any(|b| {
                    self.quorums
                        .iter()
                        .any(|q| q.iter().all(|&a| state.msgs.contains(&Message::TwoB { acc: a, bal: b, val: v })))
                })
            })
            .count()
    }
}

impl stateright::Model for StaterightPaxos {
    type State = PaxosState;
    type Action = PaxosAction;

    fn init_states(&self) -> Vec<PaxosState> {
        let n = self.acceptors as usize;
        vec![PaxosState { max_bal: vec![-1; n], max_vbal: vec![-1; n], max_val: vec![None; n], msgs: BTreeSet::new() }]
    }

    fn actions(&self, state: &PaxosState, out: &mut Vec<PaxosAction>) {
        for b in 0..=self.max_ballot {
            out.push(PaxosAction::Phase1a(b));
            for v in 0..self.values {
                if self.phase2a_enabled(state, b, v) {
                    out.push(PaxosAction::Phase2a(b, v));
                }
            }
        }
        for a in 0..self.acceptors {
            for m in &state.msgs {
                match *m {
                    Message::OneA { bal } if bal > state.max_bal[a as usize] => out.push(PaxosAction::Phase1b(a, bal)),
                    Message::TwoA { bal, val } if bal >= state.max_bal[a as usize] => {
                        out.push(PaxosAction::Phase2b(a, bal, val))
                    }
                    _ => {}
                }
            }
        }
    }

    fn next_state(&self, state: &PaxosState, action: PaxosAction) -> Option<PaxosState> {
        let mut next = state.clone();
        match action {
            PaxosAction::Phase1a(b) => {
                next.msgs.insert(Message::OneA { bal: b });
            }
            PaxosAction::Phase1b(a, b) => {
                let i = a as usize;
                next.max_bal[i] = b;
                next.msgs.insert(Message::OneB { acc: a, bal: b, mbal: state.max_vbal[i], mval: state.max_val[i] });
            }
            PaxosAction::Phase2a(b, v) => {
                next.msgs.insert(Message::TwoA { bal: b, val: v });
            }
            PaxosAction::Phase2b(a, b, v) => {
                let i = a as usize;
                next.max_bal[i] = b;
                next.max_vbal[i] = b;
                next.max_val[i] = Some(v);
                next.msgs.insert(Message::TwoB { acc: a, bal: b, val: v });
            }
        }
        Some(next)
    }

    fn properties(&self) -> Vec<stateright::Property<Self>> {
        vec![stateright::Property::always("consistency", |model, state| model.chosen_count(state) <= 1)]
    }
}
