//! The transition relation of `Paxos.tla`, over the packed state of `layout.rs`.

use super::action::TlaAction;
use super::layout::{Layout, TlaState, ACCEPTORS_MAX, FIELD_BITS};
use crate::check::model::{Model, Property};
use serde::Serialize;

/// The constants of a TLC model of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct TlaConfig {
    /// Number of acceptors, 1..=5. Quorums are all majorities.
    pub acceptors: u8,
    /// Number of values that may be proposed, 1..=14.
    pub values: u8,
    /// Ballots are `0..=max_ballot`, at most 13.
    pub max_ballot: u8,
    /// Drop Phase 1: a leader may send its 2a with any value, without a quorum of promises.
    /// This is the seed's one-phase protocol with proposal numbers, and it is unsafe.
    pub one_phase: bool,
}

/// Why a configuration cannot be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TlaConfigError {
    pub message: String,
}

impl std::fmt::Display for TlaConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The TLA Paxos model, ready to check.
#[derive(Debug, Clone)]
pub struct TlaPaxos {
    config: TlaConfig,
    layout: Layout,
    /// Every majority of the acceptors that has no smaller majority inside it, as bitmasks.
    /// Larger quorums add nothing: anything a superset enables, one of its majorities enables.
    quorums: Vec<u8>,
    quorum_size: u32,
}

impl TlaPaxos {
    pub fn new(config: TlaConfig) -> Result<TlaPaxos, TlaConfigError> {
        let fail = |message: String| Err(TlaConfigError { message });
        let field_max = (1u8 << FIELD_BITS) - 2; // codes are value + 1, and 15 is the top code
        if config.acceptors == 0 || config.acceptors > ACCEPTORS_MAX {
            return fail(format!("acceptors must be 1..={ACCEPTORS_MAX}"));
        }
        if config.values == 0 || config.values > field_max {
            return fail(format!("values must be 1..={field_max}"));
        }
        if config.max_ballot >= field_max {
            return fail(format!("max ballot must be 0..={}", field_max - 1));
        }
        let Some(layout) = Layout::new(config.acceptors, config.values, config.max_ballot + 1) else {
            return fail("configuration too large: its message set does not fit in 192 bits".into());
        };
        let quorum_size = u32::from(config.acceptors) / 2 + 1;
        let quorums =
            (1u8..=u8::MAX >> (8 - config.acceptors)).filter(|mask| mask.count_ones() == quorum_size).collect();
        Ok(TlaPaxos { config, layout, quorums, quorum_size })
    }

    pub fn config(&self) -> TlaConfig {
        self.config
    }

    /// Bits of the message universe (for diagnostics).
    pub fn message_bits(&self) -> u32 {
        self.layout.message_bits()
    }

    /// Values chosen in `state`, as a bitmask: v is chosen when a quorum sent 2b for (b, v) in
    /// one ballot b. With majority quorums, "some quorum all voted" is "a majority voted".
    #[inline]
    pub fn chosen_mask(&self, state: &TlaState) -> u16 {
        let mut chosen = 0u16;
        for ballot in 0..self.layout.ballots {
            for value in 0..self.layout.values {
                let voters = state.bits(self.layout.two_b_group(ballot, value), u32::from(self.layout.acceptors));
                if voters.count_ones() >= self.quorum_size {
                    chosen |= 1 << value;
                }
            }
        }
        chosen
    }

    /// The 1b messages of `ballot`, per acceptor: a bitmask of acceptors that sent one, and for
    /// each acceptor the votes it reported, as bits `mbal * values + mval`.
    fn promises(&self, state: &TlaState, ballot: u8) -> (u8, [u64; ACCEPTORS_MAX as usize]) {
        let mut promised = 0u8;
        let mut reported = [0u64; ACCEPTORS_MAX as usize];
        for acceptor in 0..self.layout.acceptors {
            let group = state.bits(self.layout.one_b_group_start(acceptor, ballot), self.layout.one_b_group);
            if group != 0 {
                promised |= 1 << acceptor;
                // Bit 0 is "sent with no vote"; the rest, shifted down, are the reported votes.
                reported[acceptor as usize] = group >> 1;
            }
        }
        (promised, reported)
    }

    /// Bit index (`mbal * values`) of the first value bit of the highest-ballot vote in `votes`.
    /// Bits are ordered by mbal, then mval, so the highest set bit has the highest mbal.
    fn top_ballot_base(&self, votes: u64) -> u32 {
        let values = u32::from(self.layout.values);
        (63 - votes.leading_zeros()) / values * values
    }

    /// Values `ballot`'s leader may send in a 2a, as a bitmask (before the "one 2a per ballot"
    /// check). Spec: some quorum Q has all sent 1b in `ballot`, and either none of them reported a
    /// vote, or v is the value of the highest-ballot vote they reported.
    fn values_safe_at(&self, state: &TlaState, ballot: u8) -> u16 {
        let all_values = (1u16 << self.layout.values) - 1;
        if self.config.one_phase {
            return all_values;
        }
        let (promised, reported) = self.promises(state, ballot);
        let mut safe = 0u16;
        for &quorum in self.quorums.iter().filter(|&&q| q & promised == q) {
            let votes = self.members(quorum).fold(0u64, |votes, a| votes | reported[a as usize]);
            if votes == 0 {
                return all_values;
            }
            // Every vote at the top mbal counts; in reachable states they share one value.
            safe |= ((votes >> self.top_ballot_base(votes)) & u64::from(all_values)) as u16;
        }
        safe
    }

    /// In how many ways the existential quantifiers of `Phase2a(b, v)` are satisfied: the sum over
    /// fully promised quorums Q of 1 if Q reported no vote, else the number of 1b messages in Q
    /// carrying the top vote for v. TLC computes one successor per way, and so does our
    /// `generated_states` (see `Model::generated_count`). 0 when disabled.
    pub fn phase2a_witness_count(&self, state: &TlaState, ballot: u8, value: u8) -> u32 {
        if self.has_two_a(state, ballot) {
            return 0;
        }
        if self.config.one_phase {
            return 1;
        }
        let (promised, reported) = self.promises(state, ballot);
        let mut ways = 0;
        for &quorum in self.quorums.iter().filter(|&&q| q & promised == q) {
            let votes = self.members(quorum).fold(0u64, |votes, a| votes | reported[a as usize]);
            if votes == 0 {
                ways += 1;
                continue;
            }
            let bit = self.top_ballot_base(votes) + u32::from(value);
            ways += self.members(quorum).filter(|&a| reported[a as usize] >> bit & 1 == 1).count() as u32;
        }
        ways
    }

    fn members(&self, quorum: u8) -> impl Iterator<Item = u8> {
        (0..self.layout.acceptors).filter(move |a| quorum >> a & 1 == 1)
    }

    #[inline]
    fn has_two_a(&self, state: &TlaState, ballot: u8) -> bool {
        state.bits(self.layout.two_a_group(ballot), u32::from(self.layout.values)) != 0
    }

    fn phase2a_enabled(&self, state: &TlaState, ballot: u8, value: u8) -> bool {
        !self.has_two_a(state, ballot) && self.values_safe_at(state, ballot) >> value & 1 == 1
    }
}

impl Model for TlaPaxos {
    type State = TlaState;
    type Action = TlaAction;

    /// maxBal = maxVBal = -1, maxVal = None, msgs = {}: the all-zero encoding.
    fn init_states(&self) -> Vec<TlaState> {
        vec![TlaState::default()]
    }

    /// In the order of the spec's `Next`: for each ballot, Phase1a then Phase2a per value; then
    /// for each acceptor, Phase1b then Phase2b per message it could receive.
    #[inline(always)]
    fn actions(&self, state: &TlaState, out: &mut Vec<TlaAction>) {
        let layout = &self.layout;
        for ballot in 0..layout.ballots {
            // No guard: re-sending an existing 1a is a stuttering step, as the spec notes.
            out.push(TlaAction::Phase1a { ballot });
            if !self.has_two_a(state, ballot) {
                let safe = self.values_safe_at(state, ballot);
                for value in (0..layout.values).filter(|v| safe >> v & 1 == 1) {
                    out.push(TlaAction::Phase2a { ballot, value });
                }
            }
        }
        for acceptor in 0..layout.acceptors {
            let max_bal_code = state.max_bal_code(acceptor);
            // Phase1b: a 1a with bal > maxBal[a], i.e. ballot + 1 > code.
            for ballot in max_bal_code..layout.ballots {
                if state.bit(layout.one_a(ballot)) {
                    out.push(TlaAction::Phase1b { acceptor, ballot });
                }
            }
            // Phase2b: a 2a with bal >= maxBal[a], i.e. ballot + 1 >= code.
            for ballot in max_bal_code.saturating_sub(1)..layout.ballots {
                for value in 0..layout.values {
                    if state.bit(layout.two_a(ballot, value)) {
                        out.push(TlaAction::Phase2b { acceptor, ballot, value });
                    }
                }
            }
        }
    }

    #[inline(always)]
    fn next_state(&self, state: &TlaState, action: &TlaAction) -> Option<TlaState> {
        let layout = &self.layout;
        let mut next = *state;
        match *action {
            TlaAction::Phase1a { ballot } => {
                next.set_bit(layout.one_a(ballot));
            }
            TlaAction::Phase1b { acceptor, ballot } => {
                let enabled = state.bit(layout.one_a(ballot)) && ballot + 1 > state.max_bal_code(acceptor);
                if !enabled {
                    return None;
                }
                next.set_max_bal(acceptor, ballot);
                let vote_bit =
                    layout.one_b(acceptor, ballot, state.max_vbal_code(acceptor), state.max_val_code(acceptor));
                next.set_bit(vote_bit);
            }
            TlaAction::Phase2a { ballot, value } => {
                if !self.phase2a_enabled(state, ballot, value) {
                    return None;
                }
                next.set_bit(layout.two_a(ballot, value));
            }
            TlaAction::Phase2b { acceptor, ballot, value } => {
                let enabled = state.bit(layout.two_a(ballot, value)) && ballot + 1 >= state.max_bal_code(acceptor);
                if !enabled {
                    return None;
                }
                next.set_max_bal(acceptor, ballot);
                next.set_vote(acceptor, ballot, value);
                next.set_bit(layout.two_b(acceptor, ballot, value));
            }
        }
        Some(next)
    }

    /// Consistency: at most one value is chosen.
    #[inline]
    fn property(&self, state: &TlaState) -> Property {
        let chosen = self.chosen_mask(state);
        if chosen.count_ones() <= 1 {
            return Property::Holds;
        }
        Property::Violated(self.describe_chosen(state, chosen))
    }

    /// A state with nothing left to do is a fine ending only if a value was chosen. (In this
    /// spec no reachable state is stuck: the highest ballot can always still finish.)
    fn is_settled(&self, state: &TlaState) -> bool {
        self.chosen_mask(state) != 0
    }

    /// TLC's count: one successor per witness of `Phase2a`'s quantifiers (the other actions
    /// are parameterised by the message they receive, so they have one each).
    fn generated_count(&self, state: &TlaState, action: &TlaAction) -> u64 {
        match *action {
            TlaAction::Phase2a { ballot, value } => u64::from(self.phase2a_witness_count(state, ballot, value)),
            _ => 1,
        }
    }

    /// The four words, little-endian: 32 bytes, the state itself.
    fn pack(&self, state: &TlaState, out: &mut Vec<u8>) {
        let [w0, w1, w2, w3] = state.words.map(u64::to_le_bytes);
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&w0);
        bytes[8..16].copy_from_slice(&w1);
        bytes[16..24].copy_from_slice(&w2);
        bytes[24..].copy_from_slice(&w3);
        out.extend_from_slice(&bytes);
    }

    fn unpack(&self, bytes: &[u8]) -> TlaState {
        let mut words = [0u64; 4];
        for (word, chunk) in words.iter_mut().zip(bytes.chunks_exact(8)) {
            let mut le = [0u8; 8];
            le.copy_from_slice(chunk);
            *word = u64::from_le_bytes(le);
        }
        TlaState { words }
    }

    fn actions_max(&self) -> usize {
        let (a, v, b) = (self.layout.acceptors as usize, self.layout.values as usize, self.layout.ballots as usize);
        b * (1 + v) + a * b * (1 + v)
    }
}

impl TlaPaxos {
    /// "2 values chosen (v1, v2): v1 by {a1, a2} in ballot 0; v2 by {a2, a3} in ballot 1".
    fn describe_chosen(&self, state: &TlaState, chosen: u16) -> String {
        let layout = &self.layout;
        let names: Vec<String> =
            (0..layout.values).filter(|v| chosen >> v & 1 == 1).map(|v| format!("v{}", v + 1)).collect();
        let mut how = Vec::new();
        for ballot in 0..layout.ballots {
            for value in 0..layout.values {
                let voters = state.bits(layout.two_b_group(ballot, value), u32::from(layout.acceptors));
                if voters.count_ones() >= self.quorum_size {
                    let who: Vec<String> =
                        (0..layout.acceptors).filter(|a| voters >> a & 1 == 1).map(|a| format!("a{}", a + 1)).collect();
                    how.push(format!("v{} by {{{}}} in ballot {ballot}", value + 1, who.join(", ")));
                }
            }
        }
        format!("{} values chosen ({}): {}", names.len(), names.join(", "), how.join("; "))
    }
}
