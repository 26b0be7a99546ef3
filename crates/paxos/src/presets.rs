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

pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}
