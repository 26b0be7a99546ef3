//! Paxos playground core (walking-skeleton stub; replaced by the real core).
pub mod check;
use serde::Serialize;

/// Build version reported to the UI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ScriptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct NodeView {
    pub id: u8,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    pub step: u32,
    pub nodes: Vec<NodeView>,
}

pub struct Simulation {
    nodes: u8,
}

impl Simulation {
    /// Parses a scenario script; the empty script is the default 5-node basic-paxos scenario.
    pub fn from_script(text: &str) -> Result<Simulation, ScriptError> {
        let _ = text;
        Ok(Simulation { nodes: 5 })
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            step: 0,
            nodes: (1..=self.nodes).map(|id| NodeView { id, label: format!("S{id}") }).collect(),
        }
    }
}
