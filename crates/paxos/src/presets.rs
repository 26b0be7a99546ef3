//! The seed text's scenarios, as scripts (files under `crates/paxos/presets/`), and more.
//! Each is a golden test (`tests/presets.rs`) that asserts the outcome the seed describes.

pub struct Preset {
    pub id: &'static str,
    pub script: &'static str,
}

impl Preset {
    /// The script's `title` line.
    pub fn title(&self) -> &'static str {
        self.script.lines().find_map(|l| l.strip_prefix("title ")).unwrap_or(self.id)
    }
}

macro_rules! presets {
    ($($id:literal),* $(,)?) => {
        &[$(Preset { id: $id, script: include_str!(concat!("../presets/", $id, ".txt")) }),*]
    };
}

pub const PRESETS: &[Preset] = presets![
    "seed-1",
    "seed-2",
    "seed-3",
    "seed-4",
    "seed-5",
    "livelock",
    "livelock-backoff",
    "livelock-leader",
    "paxos-basic",
    "crash-phase2",
    "partition-heal",
    "flexible-unsafe",
    "amnesia"
];

/// Multi-Paxos' scenarios (they need the `multi` feature to run). Kept apart from `PRESETS`,
/// which is what the page lists and fetches when it opens (its `presets.json`): the page's
/// module runs no Multi-Paxos, and their views and texts arrive with the front end's
/// Multi-Paxos module. Each has a golden log and an asserted outcome like the others.
pub const MULTI_PRESETS: &[Preset] = presets!["multi-steady", "multi-recovery", "multi-duel", "multi-partition"];

/// Every preset this build runs: the page's, then Multi-Paxos' (only with the `multi`
/// feature; without it `protocol multi-paxos` is an unknown protocol).
pub fn all() -> impl Iterator<Item = &'static Preset> {
    let multi: &[Preset] = if crate::protocol::multi::ENABLED { MULTI_PRESETS } else { &[] };
    PRESETS.iter().chain(multi)
}

pub fn find(id: &str) -> Option<&'static Preset> {
    all().find(|p| p.id == id)
}
