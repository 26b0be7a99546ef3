//! A scenario's settings as one value, both ways: what a run uses (every default resolved, so
//! the page never guesses one), the core's defaults for a protocol and cluster size, and a new
//! scenario from edited settings and a run's commands, validated exactly as a script is.
//!
//! The settings panel works on this struct; it never reads or writes script lines itself.

use super::*;
use crate::types::NODES_MAX;
use serde::Deserialize;

/// Everything a script's header says, with the defaults the core applies filled in.
/// Field names are the page's (`delayMin`, `quorum1`, ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Empty for no title.
    pub title: String,
    pub protocol: Protocol,
    pub nodes: u8,
    pub quorum1: u8,
    pub quorum2: u8,
    pub network: NetworkMode,
    pub delay_min: u32,
    pub delay_max: u32,
    pub drop: u8,
    pub duplicate: u8,
    pub seed: u64,
    pub nacks: bool,
    pub retry: bool,
    pub backoff: u32,
    pub timeout: u32,
    /// The distinguished proposer, if any.
    pub leader: Option<NodeId>,
    pub amnesia: bool,
    pub attempts: u32,
}

/// A setting the core refuses: which one (a [`Settings`] field name as the page spells it,
/// `None` when a kept command no longer fits the new settings) and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SettingsError {
    pub setting: Option<&'static str>,
    pub message: String,
    /// What is wrong, for a page to say in its own language: a [`ScriptError`] kind with its
    /// named facts (the settings are checked by reading their script back), or one of the
    /// settings' own (`title-one-line`, `not-a-value`). `message` is the same in English.
    #[serde(skip)]
    pub kind: &'static str,
    #[serde(skip)]
    pub facts: Vec<(&'static str, String)>,
    /// The kept command that no longer fits, as written (then `setting` is `None`).
    #[serde(skip)]
    pub command: Option<String>,
}

impl SettingsError {
    /// A refusal of the settings' own `kind`, with its English `message`.
    pub fn own(setting: &'static str, kind: &'static str, message: &str) -> SettingsError {
        SettingsError { setting: Some(setting), message: message.into(), kind, facts: Vec::new(), command: None }
    }
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.setting {
            Some(setting) => write!(f, "{setting}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl Settings {
    /// The settings a scenario runs with.
    pub fn of(scenario: &Scenario) -> Settings {
        let (c, n) = (&scenario.config, &scenario.network);
        Settings {
            title: scenario.title.clone().unwrap_or_default(),
            protocol: c.protocol,
            nodes: c.nodes,
            quorum1: c.quorum_phase1,
            quorum2: c.quorum_phase2,
            network: n.mode,
            delay_min: n.delay_ticks_min,
            delay_max: n.delay_ticks_max,
            drop: n.drop_percent,
            duplicate: n.duplicate_percent,
            seed: scenario.seed,
            nacks: c.nacks,
            retry: c.retry,
            backoff: c.backoff_ticks_max,
            timeout: c.timeout_ticks,
            leader: c.leader,
            amnesia: c.amnesia,
            attempts: c.attempts_max,
        }
    }

    /// What the core does for `protocol` on `nodes` servers when a script says nothing else
    /// (majority quorums; retries on for one-phase-adopt, whose proposers must retry to
    /// adopt). `None` for a cluster size the core does not run.
    pub fn defaults(protocol: Protocol, nodes: u8) -> Option<Settings> {
        if !(1..=NODES_MAX).contains(&nodes) {
            return None;
        }
        Some(Settings::of(&Scenario { config: Config::new(protocol, nodes), ..Scenario::default() }))
    }

    /// The scenario these settings describe, unchecked (`scenario` checks it).
    fn unchecked(&self, commands: &[Command]) -> Scenario {
        let config = Config {
            protocol: self.protocol,
            nodes: self.nodes,
            quorum_phase1: self.quorum1,
            quorum_phase2: self.quorum2,
            nacks: self.nacks,
            retry: self.retry,
            backoff_ticks_max: self.backoff,
            timeout_ticks: self.timeout,
            leader: self.leader,
            amnesia: self.amnesia,
            attempts_max: self.attempts,
        };
        let network = Network {
            mode: self.network,
            delay_ticks_min: self.delay_min,
            delay_ticks_max: self.delay_max,
            drop_percent: self.drop,
            duplicate_percent: self.duplicate,
        };
        let title = (!self.title.is_empty()).then(|| self.title.clone());
        Scenario { title, config, network, seed: self.seed, commands: commands.to_vec() }
    }

    /// The scenario with these settings and `commands`, checked by reading its script back
    /// (the parser's limits and messages, and no second copy of them). A refused setting is
    /// named; a command that no longer fits (a server the smaller cluster lacks) has no
    /// setting and is quoted.
    pub fn scenario(&self, commands: &[Command]) -> Result<Scenario, SettingsError> {
        // A line break would make the rest of the title a line of its own.
        if self.title.bytes().any(|b| b == b'\n' || b == b'\r') {
            return Err(SettingsError::own("title", "title-one-line", "a title is one line"));
        }
        let scenario = self.unchecked(commands);
        let script = scenario.to_script();
        parse(&script).map_err(|e| {
            // The script has one line per setting, then one per command.
            let header = script.lines().count() - commands.len();
            if let Some(command) = e.line.checked_sub(header + 1).and_then(|i| commands.get(i)) {
                let message = format!("the kept command `{command}`: {}", e.message);
                return SettingsError {
                    setting: None,
                    message,
                    kind: e.kind,
                    facts: e.facts,
                    command: Some(command.to_string()),
                };
            }
            let keyword = script.lines().nth(e.line.saturating_sub(1)).and_then(|l| l.split(' ').next()).unwrap_or("");
            let setting = match keyword {
                // `quorum Q1 Q2` and `delay MIN..MAX` set two fields: the column says which.
                "quorum" if e.column > "quorum ".len() + 1 => "quorum2",
                "quorum" => "quorum1",
                "delay" if (1..=DELAY_TICKS_LIMIT).contains(&self.delay_min) && self.delay_min <= self.delay_max => {
                    "delayMax"
                }
                "delay" => "delayMin",
                other => FIELDS.iter().copied().find(|f| *f == other).unwrap_or("title"),
            };
            SettingsError { setting: Some(setting), message: e.message, kind: e.kind, facts: e.facts, command: None }
        })
    }
}

/// The settings whose script keyword is their field name.
const FIELDS: [&str; 13] = [
    "protocol",
    "nodes",
    "network",
    "drop",
    "duplicate",
    "seed",
    "nacks",
    "retry",
    "backoff",
    "timeout",
    "leader",
    "amnesia",
    "attempts",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_empty_scripts_and_retry_follows_the_protocol() {
        for &protocol in Protocol::AVAILABLE {
            for nodes in 1..=NODES_MAX {
                let script = format!("protocol {protocol}\nnodes {nodes}\n");
                let parsed = parse(&script).unwrap();
                assert_eq!(Settings::defaults(protocol, nodes), Some(Settings::of(&parsed)), "{script}");
            }
        }
        assert!(Settings::defaults(Protocol::OnePhaseAdopt, 5).unwrap().retry);
        assert!(!Settings::defaults(Protocol::BasicPaxos, 5).unwrap().retry);
        assert_eq!(Settings::defaults(Protocol::BasicPaxos, 0), None);
        assert_eq!(Settings::defaults(Protocol::BasicPaxos, 10), None);
        let three = Settings::defaults(Protocol::BasicPaxos, 3).unwrap();
        assert_eq!((three.quorum1, three.quorum2, three.title.as_str()), (2, 2, ""));
    }

    #[test]
    fn settings_round_trip_through_scenarios() {
        let text = "title Mine\nprotocol one-phase-adopt\nnodes 5\nquorum 2 3\nnetwork manual\ndelay 1..8\ndrop 5%\n\
                    duplicate 10%\nseed 177\nnacks off\nretry off\nbackoff 10\ntimeout 12\nleader S1\namnesia on\n\
                    attempts 6\npropose S1 X\ncrash S5\n";
        let scenario = parse(text).unwrap();
        let settings = Settings::of(&scenario);
        assert_eq!(
            (settings.quorum1, settings.quorum2, settings.delay_max, settings.leader),
            (2, 3, 8, Some(NodeId(1)))
        );
        assert!(!settings.retry && !settings.nacks && settings.amnesia);
        assert_eq!(settings.scenario(&scenario.commands), Ok(scenario.clone()));
        // No retry line: the run's settings say what the core did (on, for one-phase-adopt).
        let adopt = Settings::of(&parse("protocol one-phase-adopt\n").unwrap());
        assert!(adopt.retry);
    }

    #[test]
    fn a_refused_setting_is_named() {
        let base = Settings::defaults(Protocol::BasicPaxos, 5).unwrap();
        let refused = |change: fn(&mut Settings)| {
            let mut s = base.clone();
            change(&mut s);
            s.scenario(&[]).unwrap_err().setting
        };
        assert_eq!(refused(|s| s.quorum1 = 6), Some("quorum1"));
        assert_eq!(refused(|s| s.quorum2 = 7), Some("quorum2"));
        assert_eq!(refused(|s| s.quorum1 = 0), Some("quorum1"));
        assert_eq!(refused(|s| s.nodes = 12), Some("nodes"));
        assert_eq!(refused(|s| s.drop = 101), Some("drop"));
        assert_eq!(refused(|s| s.delay_min = 0), Some("delayMin"));
        assert_eq!(refused(|s| s.delay_max = 5000), Some("delayMax"));
        assert_eq!(refused(|s| s.delay_min = 9), Some("delayMin"));
        assert_eq!(refused(|s| s.attempts = 0), Some("attempts"));
        assert_eq!(refused(|s| s.leader = Some(NodeId(7))), Some("leader"));
        assert_eq!(refused(|s| s.title = "x\npropose S1 EVIL".into()), Some("title"));
        assert_eq!(refused(|s| s.title = "x".repeat(TITLE_LEN_MAX + 1)), Some("title"));
        // A kept command that no longer fits names no setting, but says which command.
        let mut three = base.clone();
        three.nodes = 3;
        three.quorum1 = 2;
        three.quorum2 = 2;
        let error = three.scenario(&[Command::Crash(NodeId(5))]).unwrap_err();
        assert_eq!(error.setting, None);
        assert!(error.message.starts_with("the kept command `crash S5`: `S5` does not exist"), "{}", error.message);
    }

    #[test]
    fn serde_names_are_the_pages() {
        let json = serde_json::to_value(Settings::defaults(Protocol::OnePhaseAdopt, 3).unwrap()).unwrap();
        assert_eq!(json["protocol"], "one-phase-adopt");
        assert_eq!(json["delayMin"], 1);
        assert_eq!(json["network"], "auto");
        assert_eq!(json["leader"], serde_json::Value::Null);
        assert_eq!(json["retry"], true);
        let back: Settings = serde_json::from_value(json).unwrap();
        assert_eq!(back, Settings::defaults(Protocol::OnePhaseAdopt, 3).unwrap());
    }
}
