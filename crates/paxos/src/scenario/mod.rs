//! Scenarios: a whole run as a value.
//!
//! A scenario is the protocol and its options, the cluster size, the network's behaviour,
//! the random seed, and the ordered list of interventions (commands). Running the same
//! scenario always gives the same run: everything random comes from the seed.
//!
//! The text form (a *script*) is one setting or command per line; `#` starts a comment.
//! The same format is used by golden tests, the UI's export and import, and the CLI:
//!
//! ```text
//! title Seed §3: proposal numbers break the deadlock, and safety
//! protocol one-phase-highest
//! nodes 5
//! network manual
//! propose S1 X
//! deliver S1->S2 Accept 11 X
//! partition S1 S2 | S3 S4 S5
//! step 10
//! ```
//!
//! Settings (any order, before the first command): `title TEXT`, `protocol NAME`, `nodes N`
//! (1-9), `quorum Q1 Q2`, `network manual|auto`, `delay MIN..MAX` (ticks), `drop P%`,
//! `duplicate P%`, `seed N`, `nacks on|off`, `retry on|off`, `backoff TICKS`, `timeout TICKS`,
//! `leader none|Sn`, `amnesia on|off`, `attempts N`. The protocols: `one-phase-first`,
//! `one-phase-highest`, `one-phase-adopt`, `basic-paxos`, `multi-paxos`,
//! `multi-paxos-skip-phase1`, `multi-paxos-no-repropose`.
//!
//! Commands: `propose Sn VALUE` (or, in Multi-Paxos, `request Sn set KEY VALUE` and
//! `request Sn get KEY`: a client's command for the replicated register); `deliver|drop|duplicate TARGET` where TARGET is `#ID`,
//! `Sa->Sb` (the oldest message on that link) or `Sa->Sb TEXT` (the oldest with that
//! canonical text); `crash Sn`; `restart Sn`; `partition Sa Sb | Sc ...` (servers not named
//! form one more group); `heal`; `timeout Sn` (fire that server's pending timer now); `step [N]` (N automatic steps: the network delivers the next
//! due message or fires the next timer); `run` (automatic steps until nothing is pending).

mod link;
mod parse;
mod print;
mod random;
mod settings;

pub use link::{
    base64url, decode as decode_link, encode as encode_link, unbase64url, LinkError, LinkProblem, LinkView,
    LINK_CHARS_MAX, LINK_VERSION,
};
pub use parse::{decimal, parse, parse_command, parse_with_lines, script_text, ScriptError, SCRIPT_BYTES_MAX};
pub use print::groups_text;
pub use random::{random_scenario, Shape};
pub use settings::{Settings, SettingsError};

use crate::protocol::multi::Op;
use crate::protocol::{Config, Protocol};
use crate::quorum::NodeSet;
use crate::types::{NodeId, Value};
use serde::Serialize;

/// Bumped when the meaning of a scenario changes, so old links can be migrated.
pub const FORMAT_VERSION: u32 = 1;

/// Limits that keep every run, script and link bounded.
pub const COMMANDS_MAX: usize = 10_000;
pub const TITLE_LEN_MAX: usize = 120;
pub const DELAY_TICKS_LIMIT: u32 = 1_000;
pub const STEP_COUNT_LIMIT: u32 = 100_000;
/// The longest message text a command can name, and its most words (with `deliver` and the
/// link). The longest canonical text is a Multi-Paxos promise reporting all 16 slots,
/// `Promise B [slots 16..]` and 16 times ` #16 (B,set K V)`, with 11-digit numbers and
/// 8-letter keys and values: 32 + 16 * 40 = 672 characters in 4 + 16 * 4 words.
pub const TARGET_TEXT_LEN_MAX: usize = 672;
pub const TARGET_WORDS_MAX: usize = 2 + 4 + 16 * 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NetworkMode {
    /// Nothing is delivered unless a command says so: the user is the network.
    Manual,
    /// Messages arrive after a random delay and may be dropped or duplicated.
    Auto,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Network {
    pub mode: NetworkMode,
    pub delay_ticks_min: u32,
    pub delay_ticks_max: u32,
    pub drop_percent: u8,
    pub duplicate_percent: u8,
}

impl Default for Network {
    fn default() -> Network {
        Network {
            mode: NetworkMode::Auto,
            delay_ticks_min: 1,
            delay_ticks_max: 3,
            drop_percent: 0,
            duplicate_percent: 0,
        }
    }
}

/// Which in-flight message a deliver/drop/duplicate command means.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Target {
    Id(u32),
    /// The oldest message from `from` to `to`, optionally with exactly this canonical text.
    Link {
        from: NodeId,
        to: NodeId,
        text: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Command {
    Propose {
        node: NodeId,
        value: Value,
    },
    /// Multi-Paxos: a client's command to a server (`request S1 set x 1`).
    Request {
        node: NodeId,
        op: Op,
    },
    Deliver(Target),
    Drop(Target),
    Duplicate(Target),
    Crash(NodeId),
    Restart(NodeId),
    /// Fires the server's pending timer now (its proposal timeout, or the end of its backoff).
    Timeout(NodeId),
    /// Groups that can talk among themselves; every server is in exactly one group.
    Partition(Vec<NodeSet>),
    Heal,
    Step(u32),
    Run,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scenario {
    pub title: Option<String>,
    pub config: Config,
    pub network: Network,
    pub seed: u64,
    pub commands: Vec<Command>,
}

impl Default for Scenario {
    /// Five servers running basic Paxos over a network with small random delays.
    fn default() -> Scenario {
        Scenario {
            title: None,
            config: Config::new(Protocol::BasicPaxos, 5),
            network: Network::default(),
            seed: 1,
            commands: Vec::new(),
        }
    }
}

impl Scenario {
    /// The canonical script text; `parse(&s.to_script()) == s` for every valid scenario.
    pub fn to_script(&self) -> String {
        print::script(self)
    }
}

/// Completes a partition so that every server is in exactly one group, groups ordered by
/// their lowest member. Returns `None` if groups overlap or name unknown servers.
pub fn normalize_partition(nodes: u8, groups: &[NodeSet]) -> Option<Vec<NodeSet>> {
    let all = NodeSet::all(nodes);
    let mut seen = NodeSet::EMPTY;
    for group in groups {
        if group.is_empty() || !group.intersection(seen).is_empty() || group.intersection(all) != *group {
            return None;
        }
        seen = NodeSet::from_iter(seen.iter().chain(group.iter()));
    }
    let rest: NodeSet = all.iter().filter(|n| !seen.contains(*n)).collect();
    let mut out: Vec<NodeSet> = groups.to_vec();
    if !rest.is_empty() {
        out.push(rest);
    }
    // Insertion sort by lowest member (the lowest set bit; groups are disjoint and non-empty,
    // so the keys are distinct and any sort gives this order). At most nine groups: slice
    // sorting's generic code would cost about 3.5 kB of the page's wasm.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 && out[j - 1].bits().trailing_zeros() > out[j].bits().trailing_zeros() {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_are_completed_and_ordered_by_lowest_member() {
        // Every way to split S1..S9 into up to four listed groups (by a base-5 digit per
        // server: 0 = not named, 1-4 = group), listed in a scrambled order, against the
        // std sort the hand-written one replaced.
        let mut seen = 0;
        for code in (0..5u32.pow(9)).step_by(7) {
            let mut groups = [NodeSet::EMPTY; 4];
            for i in 0..9 {
                let digit = code / 5u32.pow(i) % 5;
                if digit > 0 {
                    groups[digit as usize - 1].insert(NodeId::from_index(i as usize));
                }
            }
            let listed: Vec<NodeSet> = groups.iter().rev().copied().filter(|g| !g.is_empty()).collect();
            let mut expected = listed.clone();
            let rest: NodeSet = NodeSet::all(9).iter().filter(|n| !listed.iter().any(|g| g.contains(*n))).collect();
            if !rest.is_empty() {
                expected.push(rest);
            }
            expected.sort_unstable_by_key(|g| g.iter().next());
            assert_eq!(normalize_partition(9, &listed), Some(expected));
            seen += 1;
        }
        assert!(seen > 10_000);
        let set = |ids: &[u8]| ids.iter().map(|&i| NodeId(i)).collect::<NodeSet>();
        assert_eq!(normalize_partition(3, &[set(&[1, 2]), set(&[2])]), None);
        assert_eq!(normalize_partition(3, &[set(&[4])]), None);
    }
}
