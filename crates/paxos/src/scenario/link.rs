//! Share links: a scenario (and where the viewer was) as a short, versioned binary code in
//! base64url, for the URL fragment.
//!
//! Layout (version 1): the version byte, then settings and commands as LEB128 varints and
//! small tags; text (title, values, message texts) as length-prefixed UTF-8. A preset with
//! twenty deliveries takes about 100 bytes; a delivery named by message id takes 2-3 bytes.
//!
//! Decoding trusts nothing: the input size is capped before any work, every count and length
//! is checked against the same limits the script parser enforces, nothing allocates more
//! than the input could describe, and the time taken is linear in the input. A decoded
//! scenario must survive a round trip through its script text, so a link can never mean
//! something a script cannot say.

use super::*;
use crate::protocol::multi::Op;
use crate::types::NODES_MAX;

pub const LINK_VERSION: u8 = 1;
/// How far past `LINK_VERSION` a version byte is still taken for a future format. Formats are
/// numbered one after another, so a byte far beyond (random bytes, a mangled link) is damage,
/// and the reader is told so rather than to reload for a version that will never exist.
const NEWER_SPAN: u8 = 15;
/// Longest fragment accepted (base64url characters): far above any real scenario, far below
/// anything that could hurt.
pub const LINK_CHARS_MAX: usize = 64 * 1024;

/// Where the viewer was: the step shown, the view selected, the language if chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LinkView {
    pub step: Option<u32>,
    /// UI view index (0 = cluster, 1 = space-time, ...); the UI defines the numbers.
    pub view: u8,
    /// UI language index (0 = from the browser); the UI defines the numbers.
    pub language: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LinkError {
    /// What kind of bad link it is, with its facts (the page words it in its language).
    #[serde(flatten)]
    pub kind: LinkProblem,
    /// The canonical English sentence, with the detail of what is wrong.
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LinkProblem {
    /// Longer than any link the playground writes.
    TooLong { chars: usize, max: usize },
    /// Cut off part-way (copied or sent incompletely).
    Truncated,
    /// Bytes no encoder writes.
    Corrupted,
    /// Written by a newer link format than this page reads.
    Newer { version: u8, max: u8 },
    /// Well-formed, but the scenario it describes does not run or parse.
    Invalid,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn error<T>(kind: LinkProblem, message: impl Into<String>) -> Result<T, LinkError> {
    Err(LinkError { kind, message: message.into() })
}

// ---- encoding ----

struct Writer(Vec<u8>);

impl Writer {
    fn varint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn text(&mut self, text: &str) {
        self.varint(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
    }
    fn target(&mut self, target: &Target) {
        match target {
            Target::Id(id) => {
                self.0.push(0);
                self.varint(u64::from(*id));
            }
            Target::Link { from, to, text: None } => {
                self.0.push(1);
                self.0.push(from.0 << 4 | to.0);
            }
            Target::Link { from, to, text: Some(text) } => {
                self.0.push(2);
                self.0.push(from.0 << 4 | to.0);
                self.text(text);
            }
        }
    }
}

pub fn encode(scenario: &Scenario, view: LinkView) -> String {
    let c = &scenario.config;
    let n = &scenario.network;
    let mut w = Writer(vec![LINK_VERSION]);
    let protocol = c.protocol.link_number();
    let flags = u8::from(n.mode == NetworkMode::Auto)
        | u8::from(c.nacks) << 1
        | u8::from(c.retry) << 2
        | u8::from(c.amnesia) << 3
        | u8::from(scenario.title.is_some()) << 4;
    w.0.extend_from_slice(&[protocol, c.nodes, c.quorum_phase1, c.quorum_phase2, flags]);
    w.0.push(c.leader.map_or(0, |l| l.0));
    for number in [n.delay_ticks_min, n.delay_ticks_max, u32::from(n.drop_percent), u32::from(n.duplicate_percent)] {
        w.varint(u64::from(number));
    }
    for number in [c.backoff_ticks_max, c.timeout_ticks, c.attempts_max] {
        w.varint(u64::from(number));
    }
    w.varint(scenario.seed);
    if let Some(title) = &scenario.title {
        w.text(title);
    }
    w.varint(scenario.commands.len() as u64);
    for command in &scenario.commands {
        match command {
            Command::Propose { node, value } => {
                w.0.extend_from_slice(&[0, node.0]);
                w.text(value.as_str());
            }
            Command::Deliver(t) => {
                w.0.push(1);
                w.target(t);
            }
            Command::Drop(t) => {
                w.0.push(2);
                w.target(t);
            }
            Command::Duplicate(t) => {
                w.0.push(3);
                w.target(t);
            }
            Command::Crash(node) => w.0.extend_from_slice(&[4, node.0]),
            Command::Restart(node) => w.0.extend_from_slice(&[5, node.0]),
            Command::Timeout(node) => w.0.extend_from_slice(&[10, node.0]),
            Command::Request { .. } if !crate::protocol::multi::ENABLED => {}
            // `request Sn set KEY VALUE` (kind 1) or `request Sn get KEY` (kind 2).
            Command::Request { node, op } => match op {
                Op::Set { key, value } => {
                    w.0.extend_from_slice(&[11, node.0, 1]);
                    w.text(key.as_str());
                    w.text(value.as_str());
                }
                Op::Get { key } => {
                    w.0.extend_from_slice(&[11, node.0, 2]);
                    w.text(key.as_str());
                }
                // Clients never request a no-op: the parser refuses one.
                Op::NoOp => w.0.extend_from_slice(&[11, node.0, 0]),
            },
            Command::Partition(groups) => {
                w.0.extend_from_slice(&[6, groups.len() as u8]);
                for group in groups {
                    w.varint(u64::from(group.bits()));
                }
            }
            Command::Heal => w.0.push(7),
            Command::Step(count) => {
                w.0.push(8);
                w.varint(u64::from(*count));
            }
            Command::Run => w.0.push(9),
        }
    }
    // The view section: present only when it says something.
    if view != LinkView::default() {
        w.varint(view.step.map_or(0, |s| u64::from(s) + 1));
        w.0.extend_from_slice(&[view.view, view.language]);
    }
    base64url(&w.0)
}

// ---- decoding ----

/// Decoding stopped; why is in `Reader::error`. A unit error keeps every `?` of the decoder
/// a one-word test: with `LinkError` (a `String`) moved through each of them, the decoder was
/// 6 kB of the page's wasm.
struct Stop;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The kind and message of the first (and only) failure.
    kind: LinkProblem,
    error: String,
}

impl Reader<'_> {
    /// Records why decoding stops: `return Err(r.fail(...))`. Not generic, so one copy.
    fn fail(&mut self, kind: LinkProblem, message: String) -> Stop {
        self.kind = kind;
        self.error = message;
        Stop
    }
    fn byte(&mut self, what: &str) -> Result<u8, Stop> {
        let byte = self.bytes.get(self.at).copied();
        self.at += 1;
        match byte {
            Some(byte) => Ok(byte),
            None => Err(self.fail(LinkProblem::Truncated, format!("the link is cut short (while reading {what})"))),
        }
    }
    /// At most 10 bytes: a u64.
    fn varint(&mut self, what: &str) -> Result<u64, Stop> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte(what)?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.fail(LinkProblem::Corrupted, format!("the link is corrupted ({what} is too long)")))
    }
    fn bounded(&mut self, what: &str, max: u64) -> Result<u32, Stop> {
        match self.varint(what)? {
            v if v <= max => Ok(v as u32),
            v => Err(self.fail(LinkProblem::Corrupted, format!("the link is corrupted ({what} {v} is above {max})"))),
        }
    }
    fn text(&mut self, what: &str, len_max: usize) -> Result<String, Stop> {
        let len = self.bounded(what, len_max as u64)? as usize;
        let end = self.at.checked_add(len).filter(|end| *end <= self.bytes.len());
        let Some(end) = end else {
            return Err(self.fail(LinkProblem::Truncated, format!("the link is cut short (while reading {what})")));
        };
        match std::str::from_utf8(&self.bytes[self.at..end]) {
            Ok(text) => {
                self.at = end;
                Ok(text.to_string())
            }
            Err(_) => Err(self.fail(LinkProblem::Corrupted, format!("the link is corrupted ({what} is not UTF-8)"))),
        }
    }
    fn node(&mut self, nodes: u8) -> Result<NodeId, Stop> {
        match self.byte("a server")? {
            id if id >= 1 && id <= nodes => Ok(NodeId(id)),
            id => Err(self
                .fail(LinkProblem::Corrupted, format!("the link is corrupted (server {id} in a cluster of {nodes})"))),
        }
    }
    fn target(&mut self, nodes: u8) -> Result<Target, Stop> {
        let kind = self.byte("a message")?;
        if kind == 0 {
            return Ok(Target::Id(self.bounded("a message id", u64::from(u32::MAX))?));
        }
        let pair = self.byte("a link")?;
        let (from, to) = (pair >> 4, pair & 0xf);
        if from < 1 || from > nodes || to < 1 || to > nodes {
            return Err(
                self.fail(LinkProblem::Corrupted, "the link is corrupted (a message between unknown servers)".into())
            );
        }
        let (from, to) = (NodeId(from), NodeId(to));
        match kind {
            1 => Ok(Target::Link { from, to, text: None }),
            2 => Ok(Target::Link { from, to, text: Some(self.text("a message text", TARGET_TEXT_LEN_MAX)?) }),
            other => {
                Err(self
                    .fail(LinkProblem::Corrupted, format!("the link is corrupted (unknown message reference {other})")))
            }
        }
    }
}

pub fn decode(link: &str) -> Result<(Scenario, LinkView), LinkError> {
    if link.len() > LINK_CHARS_MAX {
        let kind = LinkProblem::TooLong { chars: link.len(), max: LINK_CHARS_MAX };
        return error(kind, format!("the link is too long ({} characters; at most {LINK_CHARS_MAX})", link.len()));
    }
    let bytes = unbase64url(link)?;
    let mut r = Reader { bytes: &bytes, at: 0, kind: LinkProblem::Corrupted, error: String::new() };
    let Ok((scenario, view)) = read(&mut r) else { return error(r.kind, r.error) };
    // The script is the reference: a link means exactly what its script means.
    match parse(&scenario.to_script()) {
        Ok(reparsed) if reparsed == scenario => Ok((scenario, view)),
        Ok(_) => error(LinkProblem::Corrupted, "the link is corrupted (it does not describe a consistent scenario)"),
        Err(e) => error(LinkProblem::Invalid, format!("the link describes an invalid scenario: {}", e.message)),
    }
}

/// The whole decoded input: version, scenario, view, and nothing after them.
fn read(r: &mut Reader) -> Result<(Scenario, LinkView), Stop> {
    match r.byte("the version")? {
        0 => return Err(r.fail(LinkProblem::Corrupted, "the link is corrupted (version 0 does not exist)".into())),
        LINK_VERSION => {}
        newer if newer - LINK_VERSION <= NEWER_SPAN => return Err(r.fail(LinkProblem::Newer { version: newer, max: LINK_VERSION }, format!("this link was made by a newer version of the playground (link format {newer}; this page reads up to {LINK_VERSION}). Reload the page to get the latest version."))),
        unknown => return Err(r.fail(LinkProblem::Corrupted, format!("the link is corrupted (format {unknown} does not exist)"))),
    }
    let scenario = decode_v1(r)?;
    let view = match r.at < r.bytes.len() {
        false => LinkView::default(),
        true => {
            // Written as step + 1 (0: none), so any u32 step is one more than a u32.
            let step = match r.varint("the step")? {
                0 => None,
                n => Some(u32::try_from(n - 1).map_err(|_| {
                    r.fail(LinkProblem::Corrupted, format!("the link is corrupted (the step {n} is too large)"))
                })?),
            };
            let view = r.byte("the view")?;
            let language = r.byte("the language")?;
            LinkView { step, view, language }
        }
    };
    if r.at != r.bytes.len() {
        return Err(r.fail(LinkProblem::Corrupted, "the link is corrupted (unexpected bytes at the end)".into()));
    }
    Ok((scenario, view))
}

fn decode_v1(r: &mut Reader) -> Result<Scenario, Stop> {
    let number = r.byte("the protocol")?;
    let Some(&protocol) = Protocol::AVAILABLE.iter().find(|p| p.link_number() == number) else {
        return Err(r.fail(LinkProblem::Corrupted, "the link is corrupted (unknown protocol)".into()));
    };
    let nodes = r.byte("the cluster size")?;
    if !(1..=NODES_MAX).contains(&nodes) {
        return Err(r.fail(LinkProblem::Corrupted, format!("the link is corrupted (a cluster of {nodes} servers)")));
    }
    let mut config = Config::new(protocol, nodes);
    config.quorum_phase1 = r.byte("the phase-1 quorum")?;
    config.quorum_phase2 = r.byte("the phase-2 quorum")?;
    let flags = r.byte("the flags")?;
    if flags >> 5 != 0 {
        return Err(r.fail(LinkProblem::Corrupted, "the link is corrupted (unknown flags)".into()));
    }
    config.nacks = flags & 2 != 0;
    config.retry = flags & 4 != 0;
    config.amnesia = flags & 8 != 0;
    config.leader = match r.byte("the leader")? {
        0 => None,
        id if id <= nodes => Some(NodeId(id)),
        _ => return Err(r.fail(LinkProblem::Corrupted, "the link is corrupted (unknown leader)".into())),
    };
    let network = Network {
        mode: if flags & 1 != 0 { NetworkMode::Auto } else { NetworkMode::Manual },
        delay_ticks_min: r.bounded("the delay", u64::from(DELAY_TICKS_LIMIT))?,
        delay_ticks_max: r.bounded("the delay", u64::from(DELAY_TICKS_LIMIT))?,
        drop_percent: r.bounded("the drop rate", 100)? as u8,
        duplicate_percent: r.bounded("the duplicate rate", 100)? as u8,
    };
    config.backoff_ticks_max = r.bounded("the backoff", u64::from(DELAY_TICKS_LIMIT))?;
    config.timeout_ticks = r.bounded("the timeout", 100 * u64::from(DELAY_TICKS_LIMIT))?;
    config.attempts_max = r.bounded("the attempts", u64::from(Config::ATTEMPTS_MAX_LIMIT))?;
    let seed = r.varint("the seed")?;
    let title = match flags & 16 != 0 {
        true => Some(r.text("the title", TITLE_LEN_MAX * 4)?),
        false => None,
    };
    let count = r.bounded("the command count", COMMANDS_MAX as u64)? as usize;
    // Each command takes at least one byte, so the input bounds the allocation too.
    let mut commands = Vec::with_capacity(count.min(r.bytes.len()));
    for _ in 0..count {
        commands.push(decode_command(r, nodes)?);
    }
    Ok(Scenario { title, config, network, seed, commands })
}

fn decode_command(r: &mut Reader, nodes: u8) -> Result<Command, Stop> {
    let command = match r.byte("a command")? {
        0 => {
            let node = r.node(nodes)?;
            let text = r.text("a value", Value::LEN_MAX)?;
            let Some(value) = Value::new(&text) else {
                return Err(r.fail(LinkProblem::Corrupted, "the link is corrupted (an invalid value)".into()));
            };
            Command::Propose { node, value }
        }
        1 => Command::Deliver(r.target(nodes)?),
        2 => Command::Drop(r.target(nodes)?),
        3 => Command::Duplicate(r.target(nodes)?),
        4 => Command::Crash(r.node(nodes)?),
        5 => Command::Restart(r.node(nodes)?),
        10 => Command::Timeout(r.node(nodes)?),
        11 if crate::protocol::multi::ENABLED => {
            let node = r.node(nodes)?;
            let kind = r.byte("a command")?;
            let word = |r: &mut Reader, what: &str| -> Result<Value, Stop> {
                let text = r.text(what, Value::LEN_MAX)?;
                Value::new(&text)
                    .ok_or_else(|| r.fail(LinkProblem::Corrupted, format!("the link is corrupted (an invalid {what})")))
            };
            let op = match kind {
                1 => Op::Set { key: word(r, "key")?, value: word(r, "value")? },
                2 => Op::Get { key: word(r, "key")? },
                _ => return Err(r.fail(LinkProblem::Corrupted, "the link is corrupted (an invalid command)".into())),
            };
            Command::Request { node, op }
        }
        6 => {
            let count = r.byte("a partition")?;
            if count < 2 || count > nodes {
                return Err(r.fail(
                    LinkProblem::Corrupted,
                    "the link is corrupted (a partition with a wrong number of groups)".into(),
                ));
            }
            let mut groups = Vec::with_capacity(usize::from(count));
            for _ in 0..count {
                let bits = r.bounded("a partition group", u64::from(NodeSet::all(nodes).bits()))?;
                groups.push(NodeSet::all(nodes).iter().filter(|n| bits & (1 << n.index()) != 0).collect::<NodeSet>());
            }
            match normalize_partition(nodes, &groups) {
                Some(normal) if normal == groups => Command::Partition(groups),
                _ => return Err(r.fail(LinkProblem::Corrupted, "the link is corrupted (an invalid partition)".into())),
            }
        }
        7 => Command::Heal,
        8 => Command::Step(r.bounded("a step count", u64::from(STEP_COUNT_LIMIT))?),
        9 => Command::Run,
        other => return Err(r.fail(LinkProblem::Corrupted, format!("the link is corrupted (unknown command {other})"))),
    };
    Ok(command)
}

// ---- base64url without padding (RFC 4648 §5) ----

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The link alphabet's text for `bytes` (public for tools that mutate links as bytes).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The bytes of a link's text; refuses a character outside the alphabet or a cut-short end.
pub fn unbase64url(text: &str) -> Result<Vec<u8>, LinkError> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in text.bytes().enumerate() {
        let Some(v) = ALPHABET.iter().position(|a| *a == c) else {
            return error(
                LinkProblem::Corrupted,
                format!("the link is corrupted (character {} is not allowed)", i + 1),
            );
        };
        acc = (acc << 6 | v as u32) & 0xffffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    if text.len() % 4 == 1 {
        return error(LinkProblem::Truncated, "the link is cut short");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37).wrapping_add(250)).collect();
            let text = base64url(&bytes);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(unbase64url(&text).unwrap(), bytes);
        }
        assert_eq!(base64url(b"Man"), "TWFu");
        assert_eq!(base64url(b"Ma"), "TWE");
    }
}
