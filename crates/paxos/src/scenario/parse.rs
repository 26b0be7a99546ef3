//! Script text to [`Scenario`], with errors that name the line and column.
//!
//! Hostile input is expected (scripts come from pasted text and links): every size is
//! bounded, nothing recurses, and parsing is linear in the input.

use super::*;
use crate::protocol::multi::Op;
use crate::types::NODES_MAX;
use std::fmt;

/// Scripts longer than this are refused outright, before any other work.
pub const SCRIPT_BYTES_MAX: usize = 1 << 20;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScriptError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// When the script parsed but the run refused one of its commands: the facts of the
    /// refusal (`message` is then their English sentence).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal: Option<crate::sim::Refusal>,
    /// What is wrong with the text, for a page to say in its own language: a kind
    /// (`expected-number`, `range`, `unknown-command`, ...; "" for a refusal) and its facts,
    /// each named (`found`, `what`, `min`, `max`, `usage`, ...; `what` is a key such as
    /// `nodes`, not English). `message` is the same in English.
    #[serde(skip)]
    pub kind: &'static str,
    #[serde(skip)]
    pub facts: Vec<(&'static str, String)>,
}

impl ScriptError {
    /// A script that does not parse: `kind` and `facts` as above; `message` is written from
    /// them (`english`), so the English and the facts cannot disagree.
    pub fn syntax(line: usize, column: usize, kind: &'static str, facts: &[(&'static str, &str)]) -> ScriptError {
        let facts: Vec<(&'static str, String)> = facts.iter().map(|&(name, value)| (name, quoted(value))).collect();
        let message = english(kind, &facts);
        ScriptError { line, column, message, refusal: None, kind, facts }
    }
}

/// How much of a word from the script an error quotes: enough to find it, and a script of one
/// 200,000-character word does not come back as a 200,000-character message.
pub const QUOTED_CHARS_MAX: usize = 48;

/// `value`, or its first `QUOTED_CHARS_MAX` characters and an ellipsis. (Characters taken one
/// by one, not a slice of the string: a slice's panic path would bring 4 kB of formatting into
/// the page's module.)
fn quoted(value: &str) -> String {
    let mut chars = value.chars();
    let mut text: String = chars.by_ref().take(QUOTED_CHARS_MAX).collect();
    if chars.next().is_some() {
        text.push('…');
    }
    text
}

/// Each kind of syntax error and its English sentence, `{name}` standing for the fact of that
/// name (the page's English texts are the same templates: web/aids/texts-en.js). A table
/// looked up by name, not a `match`: one comparison loop instead of one per kind.
const SYNTAX: &[(&str, &str)] = &[
    ("missing-argument", "missing argument; usage: {usage}"),
    ("unexpected-argument", "unexpected argument; usage: {usage}"),
    ("too-large", "script is larger than {max} bytes"),
    ("invalid-utf8", "invalid UTF-8"),
    ("control-character", "control character {code} is not allowed"),
    ("empty-command", "empty command"),
    ("expected-number", "expected {what}, found `{found}`"),
    ("range", "{what} must be between {min} and {max}"),
    ("expected-on-off", "expected `on` or `off`, found `{found}`"),
    ("delay", "expected ticks `MIN..MAX` with 1 <= MIN <= MAX <= {max}, found `{found}`"),
    ("expected-percent", "expected a percentage like `10%`, found `{found}`"),
    ("percent-range", "expected a percentage from 0% to 100%, found `{found}`"),
    ("no-such-server", "`{found}` does not exist: the cluster has S1..S{nodes}"),
    ("expected-server", "expected a server like `S1`, found `{found}`"),
    (
        "target-or-setting",
        "expected `#ID` or `Sa->Sb`, found `{found}`; as a setting, `{command}` takes a percentage: {hint}",
    ),
    ("expected-message-id", "expected a message id like `#12`, found `{found}`"),
    ("expected-target", "expected `#ID` or `Sa->Sb`, found `{found}`"),
    ("message-text-too-long", "message text is too long"),
    ("setting-after-command", "settings must come before the first command (line {line})"),
    ("too-many-commands", "more than {max} commands"),
    ("title-too-long", "a title is at most {max} printable characters"),
    (
        "unknown-protocol",
        "unknown protocol `{found}`; expected one-phase-first, one-phase-highest, one-phase-adopt, basic-paxos or seed-phase2",
    ),
    ("expected-mode", "expected `manual` or `auto`, found `{found}`"),
    ("bad-value", "a value is 1 to {max} letters, digits or `_`, found `{found}`"),
    ("unknown-command", "unknown setting or command `{found}`"),
    ("named-twice", "{node} is named twice"),
    ("empty-group", "usage: partition Sa Sb | Sc Sd ... (no empty group)"),
    ("invalid-partition", "invalid partition"),
    ("one-group", "a partition needs at least two groups"),
    ("quorum-too-large", "a quorum cannot be larger than the {nodes} servers"),
    ("no-such-leader", "the leader must be one of S1..S{nodes}"),
];

/// The kinds only a build with Multi-Paxos makes (`english` looks here only in such a build,
/// so the page's module carries none of these sentences). The page words them as the others
/// (web/aids/texts-*.js).
const SYNTAX_MULTI: &[(&str, &str)] = &[
    (
        "unknown-protocol-multi",
        "unknown protocol `{found}`; expected one-phase-first, one-phase-highest, one-phase-adopt, basic-paxos, seed-phase2, multi-paxos, multi-paxos-skip-phase1 or multi-paxos-no-repropose",
    ),
    ("propose-in-log", "{protocol} servers take clients' commands: `request Sn set KEY VALUE` or `request Sn get KEY`"),
    ("request-not-log", "`request` sends a command to a Multi-Paxos log; {protocol} decides one value: `propose Sn VALUE`"),
    ("bad-key", "a key is 1 to {max} letters, digits or `_`, found `{found}`"),
    ("no-op-request", "no-op is what a leader proposes for a hole; clients send `set KEY VALUE` or `get KEY`"),
    ("expected-op", "expected a command `set KEY VALUE` or `get KEY`, found `{found}`"),
];

/// The English words for each `what` key.
const WHAT: &[(&str, &str)] = &[
    ("nodes", "the number of servers"),
    ("quorum1", "the phase-1 quorum"),
    ("quorum2", "the phase-2 quorum"),
    ("seed", "a seed (0 to 18446744073709551615)"),
    ("backoff", "backoff ticks"),
    ("timeout", "timeout ticks"),
    ("attempts", "attempts"),
    ("steps", "the step count"),
];

fn lookup(table: &[(&'static str, &'static str)], key: &str) -> &'static str {
    table.iter().find(|(name, _)| *name == key).map_or("", |&(_, text)| text)
}

/// `n`'s decimal digits, written by hand into `digits` (returned: the used end of it). The
/// page's module writes its numbers with this: integer `Display` would bring its formatting
/// code into the wasm (for these messages, and in the binding's JSON writer).
pub fn decimal(mut n: u64, digits: &mut [u8; 20]) -> &[u8] {
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &digits[at..]
}

/// A number as a fact.
fn number_text(n: u64) -> String {
    decimal(n, &mut [0; 20]).iter().map(|&d| char::from(d)).collect()
}

/// The English sentence of a syntax error: its kind's template, filled in from the facts.
fn english(kind: &str, facts: &[(&'static str, String)]) -> String {
    let template = match lookup(SYNTAX, kind) {
        "" if crate::protocol::multi::ENABLED => lookup(SYNTAX_MULTI, kind),
        template => template,
    };
    // Byte scans, not `str::find` (its searchers), and `get`, not indexing (a slice that can
    // panic brings the panic's formatting of strings): each costs the page's wasm kilobytes.
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.bytes().position(|b| b == b'{') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        let close = after.bytes().position(|b| b == b'}').unwrap_or(after.len());
        let name = after.get(..close).unwrap_or("");
        match facts.iter().find(|(fact, _)| *fact == name) {
            Some((_, value)) if name == "what" => out.push_str(lookup(WHAT, value)),
            Some((_, value)) => out.push_str(value),
            None => out.push_str(name),
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// What a number in a script stands for: a key (`english` words it).
type What = &'static str;

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for ScriptError {}

/// A word of a line and where it starts (1-based character column).
#[derive(Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    column: usize,
}

struct Line<'a> {
    number: usize,
    words: Vec<Word<'a>>,
    /// The line without its comment, for `title`, whose text may contain spaces.
    text: &'a str,
}

impl Line<'_> {
    /// Takes a `String` (callers with a literal write `.into()`): one copy of this, not
    /// one per message type.
    fn error(&self, word: usize, kind: &'static str, facts: &[(&'static str, &str)]) -> ScriptError {
        let column = self.words.get(word).map_or(char_count(self.text) + 1, |w| w.column);
        ScriptError::syntax(self.number, column, kind, facts)
    }

    fn arity(&self, min: usize, max: usize, usage: &str) -> Result<(), ScriptError> {
        let args = self.words.len() - 1;
        match args {
            a if a < min => Err(self.error(self.words.len(), "missing-argument", &[("usage", usage)])),
            a if a > max => Err(self.error(max + 1, "unexpected-argument", &[("usage", usage)])),
            _ => Ok(()),
        }
    }
}

/// `#` starts a comment at the start of a line or after white space, unless it is
/// immediately followed by a digit (`#12` names message 12).
fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    // Whether the character before is white space (or there is none), tracked going forward:
    // looking back from each `#` (`chars().next_back()`) costs the page's wasm a reverse
    // UTF-8 decoder.
    let mut starts_word = true;
    for (i, c) in line.char_indices() {
        // After any white space, as `split_words` splits words: otherwise a `#` after, say,
        // an ideographic space would be a comment here but part of a word once printed.
        let names_message = bytes.get(i + 1).is_some_and(|c| c.is_ascii_digit());
        if c == '#' && starts_word && !names_message {
            // `#` is ASCII, so `i` is a char boundary and `get` cannot fail. `get` rather than
            // `&line[..i]`: str indexing brings in its panic message, which formats with
            // `{:?}` (char escaping, Unicode tables), about 3 kB of the page's wasm.
            return line.get(..i).unwrap_or(line);
        }
        starts_word = c.is_whitespace();
    }
    line
}

/// The number of characters in `text`: its bytes that start one (not UTF-8 continuation
/// bytes). A plain loop: `chars().count()` costs the page's wasm more.
fn char_count(text: &str) -> usize {
    let mut count = 0;
    for &byte in text.as_bytes() {
        if byte & 0xC0 != 0x80 {
            count += 1;
        }
    }
    count
}

/// The next line of `rest` (as `str::lines` splits them: at `\n` or `\r\n`, the last line
/// ending optional), moving `rest` past it; None at the end. A byte scan: `str::lines`
/// costs the page's wasm 0.9 kB more.
fn next_line<'a>(rest: &mut &'a str) -> Option<&'a str> {
    if rest.is_empty() {
        return None;
    }
    let text = *rest;
    let bytes = text.as_bytes();
    // `\n` is ASCII, so every cut is a char boundary and `get` cannot fail.
    let Some(end) = bytes.iter().position(|&b| b == b'\n') else {
        *rest = "";
        return Some(text);
    };
    *rest = text.get(end + 1..).unwrap_or("");
    let line = text.get(..end).unwrap_or("");
    Some(line.strip_suffix('\r').unwrap_or(line))
}

fn split_words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    // Where the current word starts: its byte offset and its 0-based character column.
    let mut start: Option<(usize, usize)> = None;
    let ends = text.char_indices().chain(std::iter::once((text.len(), ' ')));
    for (column, (i, c)) in ends.enumerate() {
        match (c.is_whitespace(), start) {
            (true, Some((s, word_column))) => {
                // Both ends come from `char_indices`, so `get` cannot fail; it keeps str
                // indexing's panic path (see `strip_comment`) out of the module.
                if let Some(word) = text.get(s..i) {
                    words.push(Word { text: word, column: word_column + 1 });
                }
                start = None;
            }
            (false, None) => start = Some((i, column)),
            _ => {}
        }
    }
    words
}

/// `text.split_once(separator)` for an ASCII separator (`..`, `->`). std's version runs the
/// generic substring searcher (Two-Way, with its own panic paths): 2.5 kB of the page's wasm
/// for two-byte separators.
fn split_once_ascii<'a>(text: &'a str, separator: &str) -> Option<(&'a str, &'a str)> {
    let at = text.as_bytes().windows(separator.len()).position(|w| w == separator.as_bytes())?;
    // An ASCII match starts and ends on char boundaries, so neither `get` can fail.
    Some((text.get(..at)?, text.get(at + separator.len()..)?))
}

/// A script file's bytes as text. Invalid UTF-8 is an error at the line and column (in
/// characters) where the first bad byte is; a leading byte-order mark is skipped, as
/// [`parse`] skips one in text.
pub fn script_text(bytes: &[u8]) -> Result<&str, ScriptError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if bytes.len() > SCRIPT_BYTES_MAX {
        return Err(ScriptError::syntax(1, 1, "too-large", &[("max", &number_text(SCRIPT_BYTES_MAX as u64))]));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
        let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
        let column = valid.get(line_start..).map_or(0, char_count) + 1;
        ScriptError::syntax(valid.matches('\n').count() + 1, column, "invalid-utf8", &[])
    })
}

/// One line without its comment, split into words. A control character other than white
/// space (a NUL, say) is refused where it stands: echoed in a message it would garble it.
fn read_line(number: usize, raw: &str) -> Result<Line<'_>, ScriptError> {
    let text = strip_comment(raw);
    if let Some((at, c)) = text.chars().enumerate().find(|(_, c)| c.is_control() && !c.is_whitespace()) {
        // `U+` and four hex digits (control characters are below U+0100), written by hand:
        // `{:04X}` brings padded hex formatting into the page's wasm.
        let mut code = String::from("U+");
        for shift in [12, 8, 4, 0] {
            code.push(char::from(b"0123456789ABCDEF"[(u32::from(c) >> shift & 15) as usize]));
        }
        return Err(ScriptError::syntax(number, at + 1, "control-character", &[("code", &code)]));
    }
    Ok(Line { number, words: split_words(text), text })
}

/// Parses a script. A leading byte-order mark (which some editors write) is skipped; columns
/// count from the character after it.
pub fn parse(text: &str) -> Result<Scenario, ScriptError> {
    parse_with_lines(text).map(|(scenario, _)| scenario)
}

/// Like [`parse`], also returning the line number of every command (for run-time errors).
pub fn parse_with_lines(text: &str) -> Result<(Scenario, Vec<usize>), ScriptError> {
    if text.len() > SCRIPT_BYTES_MAX {
        return Err(ScriptError::syntax(1, 1, "too-large", &[("max", &number_text(SCRIPT_BYTES_MAX as u64))]));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser {
        scenario: Scenario::default(),
        quorum: None,
        leader_at: (1, 1),
        retry: None,
        seen_command: None,
        lines: Vec::new(),
    };
    let (mut rest, mut index) = (text, 0);
    while let Some(raw) = next_line(&mut rest) {
        index += 1;
        let line = read_line(index, raw)?;
        if !line.words.is_empty() {
            parser.line(&line)?;
        }
    }
    let lines = std::mem::take(&mut parser.lines);
    parser.finish().map(|scenario| (scenario, lines))
}

/// Parses one command line (as the UI sends them) for a run with `config` (its cluster size
/// and protocol: Multi-Paxos takes `request`, the others `propose`).
pub fn parse_command(text: &str, config: &Config) -> Result<Command, ScriptError> {
    let line = read_line(1, next_line(&mut { text }).unwrap_or(""))?;
    if line.words.is_empty() {
        return Err(ScriptError::syntax(1, 1, "empty-command", &[]));
    }
    let mut scenario = Scenario::default();
    scenario.config.nodes = config.nodes;
    scenario.config.protocol = config.protocol;
    let parser =
        Parser { scenario, quorum: None, leader_at: (1, 1), retry: None, seen_command: None, lines: Vec::new() };
    parser.command(&line)
}

struct Parser {
    scenario: Scenario,
    /// Explicit quorum sizes, checked against the node count once all settings are read,
    /// with the line and the column of each.
    quorum: Option<([u8; 2], usize, [usize; 2])>,
    /// Line and column of the `leader` setting's server, checked likewise.
    leader_at: (usize, usize),
    /// Explicit retry setting; otherwise the protocol's default applies.
    retry: Option<bool>,
    /// The line of the first command: settings after it are refused.
    seen_command: Option<usize>,
    /// The line of each command.
    lines: Vec<usize>,
}

/// An unsigned decimal number as `str::parse` reads one for `T` (an optional `+`, then
/// digits; `None` when empty, not a number, or above `T::MAX`). One `u64` parser narrowed
/// to `T`, rather than `parse::<u8>`, `parse::<u32>` and `parse::<u64>`: three copies of
/// std's integer parsing in the page's wasm.
/// The digits are read by hand: std's `u64` parser (signs, radixes, its error kinds) costs
/// more of that wasm.
fn unsigned<T: TryFrom<u64>>(text: &str) -> Option<T> {
    let bytes = text.as_bytes();
    let digits = match bytes.first() {
        Some(b'+') => bytes.get(1..).unwrap_or(&[]),
        _ => bytes,
    };
    if digits.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for &byte in digits {
        if !byte.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u64::from(byte - b'0'))?;
    }
    T::try_from(n).ok()
}

fn number<T: TryFrom<u64>>(line: &Line, word: usize, what: What) -> Result<T, ScriptError> {
    let text = line.words[word].text;
    unsigned(text).ok_or_else(|| line.error(word, "expected-number", &[("what", what), ("found", text)]))
}

fn ranged(line: &Line, word: usize, min: u32, max: u32, what: What) -> Result<u32, ScriptError> {
    let n: u32 = number(line, word, what)?;
    if n < min || n > max {
        return Err(line.error(
            word,
            "range",
            &[("what", what), ("min", &number_text(min.into())), ("max", &number_text(max.into()))],
        ));
    }
    Ok(n)
}

fn on_off(line: &Line, word: usize) -> Result<bool, ScriptError> {
    match line.words[word].text {
        "on" => Ok(true),
        "off" => Ok(false),
        other => Err(line.error(word, "expected-on-off", &[("found", other)])),
    }
}

/// `MIN..MAX` (or a single number) in ticks.
fn delay_range(line: &Line) -> Result<(u32, u32), ScriptError> {
    let text = line.words[1].text;
    let (min, max) = split_once_ascii(text, "..").unwrap_or((text, text));
    let parse = |t: &str| unsigned::<u32>(t).filter(|&d| (1..=DELAY_TICKS_LIMIT).contains(&d));
    match (parse(min), parse(max)) {
        (Some(min), Some(max)) if min <= max => Ok((min, max)),
        _ => Err(line.error(1, "delay", &[("max", &number_text(DELAY_TICKS_LIMIT.into())), ("found", text)])),
    }
}

fn percent(line: &Line, word: usize) -> Result<u8, ScriptError> {
    let text = line.words[word].text;
    let digits = text.strip_suffix('%').ok_or_else(|| line.error(word, "expected-percent", &[("found", text)]))?;
    match unsigned::<u8>(digits) {
        Some(p) if p <= 100 => Ok(p),
        _ => Err(line.error(word, "percent-range", &[("found", text)])),
    }
}

fn node_id(line: &Line, word: usize, nodes: u8) -> Result<NodeId, ScriptError> {
    let text = line.words[word].text;
    let id = text.strip_prefix('S').and_then(unsigned::<u8>).filter(|d| (1..=NODES_MAX).contains(d));
    match id {
        Some(id) if id <= nodes => Ok(NodeId(id)),
        Some(_) => Err(line.error(word, "no-such-server", &[("found", text), ("nodes", &number_text(nodes.into()))])),
        None => Err(line.error(word, "expected-server", &[("found", text)])),
    }
}

fn target(line: &Line, nodes: u8) -> Result<Target, ScriptError> {
    let command = line.words[0].text;
    let usage = format!("{command} #ID | {command} Sa->Sb [MESSAGE]");
    let usage = usage.as_str();
    line.arity(1, TARGET_WORDS_MAX - 1, usage)?;
    let first = line.words[1].text;
    // `drop 27` is most likely the setting without its `%`.
    if command != "deliver" && !first.starts_with('#') && split_once_ascii(first, "->").is_none() {
        let hint = match unsigned::<u8>(first) {
            Some(_) => format!("`{command} {first}%`"),
            None => format!("like `{command} 5%`"),
        };
        return Err(line.error(1, "target-or-setting", &[("found", first), ("command", command), ("hint", &hint)]));
    }
    if let Some(id) = first.strip_prefix('#') {
        line.arity(1, 1, usage)?;
        return unsigned(id).map(Target::Id).ok_or_else(|| line.error(1, "expected-message-id", &[("found", first)]));
    }
    let (from, to) =
        split_once_ascii(first, "->").ok_or_else(|| line.error(1, "expected-target", &[("found", first)]))?;
    let link = Line {
        number: line.number,
        text: line.text,
        words: vec![
            line.words[0],
            Word { text: from, column: line.words[1].column },
            Word { text: to, column: line.words[1].column + char_count(from) + 2 },
        ],
    };
    let (from, to) = (node_id(&link, 1, nodes)?, node_id(&link, 2, nodes)?);
    // The message text's words, one space apart (what `join(" ")` gives, without its code).
    let text = (line.words.len() > 2).then(|| {
        let mut text = String::new();
        for word in &line.words[2..] {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word.text);
        }
        text
    });
    if text.as_ref().is_some_and(|t| t.len() > TARGET_TEXT_LEN_MAX) {
        return Err(line.error(2, "message-text-too-long", &[]));
    }
    Ok(Target::Link { from, to, text })
}

/// The settings a script can have, before its first command.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Setting {
    Title,
    Protocol,
    Nodes,
    Quorum,
    Network,
    Delay,
    Drop,
    Duplicate,
    Seed,
    Nacks,
    Retry,
    Backoff,
    Timeout,
    Leader,
    Amnesia,
    Attempts,
}

/// The protocols this build runs, for messages.
const PROTOCOL_USAGE: &str = match crate::protocol::multi::ENABLED {
    true => "protocol one-phase-first|one-phase-highest|one-phase-adopt|basic-paxos|multi-paxos|multi-paxos-skip-phase1|multi-paxos-no-repropose",
    false => "protocol one-phase-first|one-phase-highest|one-phase-adopt|basic-paxos",
};

/// The kind of an unknown protocol's error: its sentence lists the protocols this build runs.
const UNKNOWN_PROTOCOL: &str = match crate::protocol::multi::ENABLED {
    true => "unknown-protocol-multi",
    false => "unknown-protocol",
};

/// Each setting's keyword and usage line. The keyword is looked up once, here, rather than
/// matched as a string three times over (is it a setting, its usage, what it sets): about
/// 1 kB less code in the page's wasm.
const SETTINGS: [(&str, Setting, &str); 16] = [
    ("title", Setting::Title, "title TEXT"),
    ("protocol", Setting::Protocol, PROTOCOL_USAGE),
    ("nodes", Setting::Nodes, "nodes N"),
    ("quorum", Setting::Quorum, "quorum Q1 Q2"),
    ("network", Setting::Network, "network manual|auto"),
    ("delay", Setting::Delay, "delay MIN..MAX"),
    ("drop", Setting::Drop, "drop P%"),
    ("duplicate", Setting::Duplicate, "duplicate P%"),
    ("seed", Setting::Seed, "seed N"),
    ("nacks", Setting::Nacks, "nacks|retry|amnesia on|off"),
    ("retry", Setting::Retry, "nacks|retry|amnesia on|off"),
    ("backoff", Setting::Backoff, "backoff TICKS"),
    ("timeout", Setting::Timeout, "timeout TICKS"),
    ("leader", Setting::Leader, "leader none|Sn"),
    ("amnesia", Setting::Amnesia, "nacks|retry|amnesia on|off"),
    ("attempts", Setting::Attempts, "attempts N"),
];

impl Parser {
    fn line(&mut self, line: &Line) -> Result<(), ScriptError> {
        let keyword = line.words[0].text;
        let setting = SETTINGS.iter().find(|(name, ..)| *name == keyword);
        // `drop` and `duplicate` are both a setting (with a percentage) and a command, and
        // so is `timeout` (with ticks, or with a server).
        let argument = line.words.get(1).map_or("", |w| w.text);
        let is_command_form = match setting {
            Some((_, Setting::Drop | Setting::Duplicate, _)) => !argument.ends_with('%'),
            Some((_, Setting::Timeout, _)) => argument.starts_with('S'),
            _ => false,
        };
        if let (Some(&(_, setting, usage)), false) = (setting, is_command_form) {
            if let Some(first) = self.seen_command {
                return Err(line.error(0, "setting-after-command", &[("line", &number_text(first as u64))]));
            }
            return self.setting(line, setting, usage);
        }
        self.seen_command.get_or_insert(line.number);
        if self.scenario.commands.len() >= COMMANDS_MAX {
            return Err(line.error(0, "too-many-commands", &[("max", &number_text(COMMANDS_MAX as u64))]));
        }
        let command = self.command(line)?;
        self.scenario.commands.push(command);
        self.lines.push(line.number);
        Ok(())
    }

    fn setting(&mut self, line: &Line, setting: Setting, usage: &str) -> Result<(), ScriptError> {
        if setting == Setting::Title {
            // From the second word to the end of the last (the words are slices of the
            // line): the line trimmed, without `title`, and without `str::trim`'s code.
            let offset = |word: &str| word.as_ptr() as usize - line.text.as_ptr() as usize;
            let title = match (line.words.get(1), line.words.last()) {
                (Some(first), Some(last)) => {
                    line.text.get(offset(first.text)..offset(last.text) + last.text.len()).unwrap_or("")
                }
                _ => "",
            };
            if char_count(title) > TITLE_LEN_MAX || title.chars().any(char::is_control) {
                return Err(line.error(1, "title-too-long", &[("max", &number_text(TITLE_LEN_MAX as u64))]));
            }
            self.scenario.title = (!title.is_empty()).then(|| title.to_string());
            return Ok(());
        }
        let arguments = if setting == Setting::Quorum { 2 } else { 1 };
        line.arity(arguments, arguments, usage)?;
        let nodes_limit = u32::from(NODES_MAX);
        let s = &mut self.scenario;
        match setting {
            Setting::Title => {} // handled above: its text is the rest of the line
            Setting::Protocol => {
                let name = line.words[1].text;
                s.config.protocol =
                    Protocol::parse(name).ok_or_else(|| line.error(1, UNKNOWN_PROTOCOL, &[("found", name)]))?;
            }
            Setting::Nodes => s.config.nodes = ranged(line, 1, 1, nodes_limit, "nodes")? as u8,
            Setting::Quorum => {
                let q1 = ranged(line, 1, 1, nodes_limit, "quorum1")? as u8;
                let q2 = ranged(line, 2, 1, nodes_limit, "quorum2")? as u8;
                self.quorum = Some(([q1, q2], line.number, [line.words[1].column, line.words[2].column]));
            }
            Setting::Network => {
                s.network.mode = match line.words[1].text {
                    "manual" => NetworkMode::Manual,
                    "auto" => NetworkMode::Auto,
                    other => return Err(line.error(1, "expected-mode", &[("found", other)])),
                };
            }
            Setting::Delay => (s.network.delay_ticks_min, s.network.delay_ticks_max) = delay_range(line)?,
            Setting::Drop => s.network.drop_percent = percent(line, 1)?,
            Setting::Duplicate => s.network.duplicate_percent = percent(line, 1)?,
            Setting::Seed => s.seed = number(line, 1, "seed")?,
            Setting::Nacks => s.config.nacks = on_off(line, 1)?,
            Setting::Retry => self.retry = Some(on_off(line, 1)?),
            Setting::Amnesia => s.config.amnesia = on_off(line, 1)?,
            Setting::Backoff => s.config.backoff_ticks_max = ranged(line, 1, 0, DELAY_TICKS_LIMIT, "backoff")?,
            Setting::Timeout => s.config.timeout_ticks = ranged(line, 1, 0, 100 * DELAY_TICKS_LIMIT, "timeout")?,
            Setting::Attempts => s.config.attempts_max = ranged(line, 1, 1, Config::ATTEMPTS_MAX_LIMIT, "attempts")?,
            Setting::Leader => {
                self.leader_at = (line.number, line.words[1].column);
                s.config.leader = match line.words[1].text {
                    "none" => None,
                    _ => Some(node_id(line, 1, NODES_MAX)?),
                };
            }
        }
        Ok(())
    }

    fn command(&self, line: &Line) -> Result<Command, ScriptError> {
        let nodes = self.scenario.config.nodes;
        if crate::protocol::multi::ENABLED {
            if let Some(result) = self.log_command(line) {
                return result;
            }
        }
        let command = match line.words[0].text {
            "propose" => {
                line.arity(2, 2, "propose Sn VALUE")?;
                let node = node_id(line, 1, nodes)?;
                let text = line.words[2].text;
                let value = Value::new(text).ok_or_else(|| {
                    line.error(2, "bad-value", &[("max", &number_text(Value::LEN_MAX as u64)), ("found", text)])
                })?;
                Command::Propose { node, value }
            }
            "deliver" => Command::Deliver(target(line, nodes)?),
            "drop" => Command::Drop(target(line, nodes)?),
            "duplicate" => Command::Duplicate(target(line, nodes)?),
            "crash" => Command::Crash({
                line.arity(1, 1, "crash Sn")?;
                node_id(line, 1, nodes)?
            }),
            "restart" => Command::Restart({
                line.arity(1, 1, "restart Sn")?;
                node_id(line, 1, nodes)?
            }),
            "timeout" => Command::Timeout({
                line.arity(1, 1, "timeout Sn")?;
                node_id(line, 1, nodes)?
            }),
            "heal" => {
                line.arity(0, 0, "heal")?;
                Command::Heal
            }
            "run" => {
                line.arity(0, 0, "run")?;
                Command::Run
            }
            "step" => {
                line.arity(0, 1, "step [N]")?;
                match line.words.len() {
                    1 => Command::Step(1),
                    _ => Command::Step(ranged(line, 1, 1, STEP_COUNT_LIMIT, "steps")?),
                }
            }
            "partition" => self.partition(line)?,
            other => return Err(line.error(0, "unknown-command", &[("found", other)])),
        };
        Ok(command)
    }

    /// `request` (Multi-Paxos' clients' commands) and `propose` where the protocol does not
    /// take it; `None` for every other line. (Separate, so that a build without Multi-Paxos
    /// drops it whole.)
    fn log_command(&self, line: &Line) -> Option<Result<Command, ScriptError>> {
        let protocol = self.scenario.config.protocol;
        let result = match (line.words[0].text, protocol.is_multi()) {
            ("propose", true) => Err(line.error(0, "propose-in-log", &[("protocol", protocol.name())])),
            ("request", true) => (|| {
                const USAGE: &str = "request Sn set KEY VALUE | request Sn get KEY";
                line.arity(2, 4, USAGE)?;
                let node = node_id(line, 1, self.scenario.config.nodes)?;
                let words: Vec<&str> = line.words[2..].iter().map(|w| w.text).collect();
                let op = Op::parse(&words).map_err(|(at, kind)| {
                    let found = words.get(at).copied().unwrap_or("");
                    let max = number_text(Value::LEN_MAX as u64);
                    let facts: &[(&'static str, &str)] = match kind {
                        "missing-argument" | "unexpected-argument" => &[("usage", "set KEY VALUE | get KEY")],
                        "bad-key" | "bad-value" => &[("max", &max), ("found", found)],
                        _ => &[("found", found)],
                    };
                    line.error(2 + at, kind, facts)
                })?;
                Ok(Command::Request { node, op })
            })(),
            ("request", false) => Err(line.error(0, "request-not-log", &[("protocol", protocol.name())])),
            _ => return None,
        };
        Some(result)
    }

    fn partition(&self, line: &Line) -> Result<Command, ScriptError> {
        let nodes = self.scenario.config.nodes;
        let mut groups = vec![NodeSet::EMPTY];
        for word in 1..line.words.len() {
            match line.words[word].text {
                "|" => groups.push(NodeSet::EMPTY),
                _ => {
                    let node = node_id(line, word, nodes)?;
                    if groups.iter().any(|g| g.contains(node)) {
                        return Err(line.error(word, "named-twice", &[("node", &node.to_string())]));
                    }
                    groups.last_mut().expect("starts with one group").insert(node);
                }
            }
        }
        if groups.iter().any(|g| g.is_empty()) {
            return Err(line.error(1, "empty-group", &[]));
        }
        let groups = normalize_partition(nodes, &groups).ok_or_else(|| line.error(1, "invalid-partition", &[]))?;
        if groups.len() < 2 {
            return Err(line.error(1, "one-group", &[]));
        }
        Ok(Command::Partition(groups))
    }

    fn finish(mut self) -> Result<Scenario, ScriptError> {
        let config = &mut self.scenario.config;
        let nodes = config.nodes;
        match self.quorum {
            Some(([q1, q2], line, columns)) => {
                if q1 > nodes || q2 > nodes {
                    let column = columns[usize::from(q1 <= nodes)];
                    return Err(ScriptError::syntax(
                        line,
                        column,
                        "quorum-too-large",
                        &[("nodes", &number_text(nodes.into()))],
                    ));
                }
                config.quorum_phase1 = q1;
                config.quorum_phase2 = q2;
            }
            None => {
                config.quorum_phase1 = crate::quorum::majority(nodes);
                config.quorum_phase2 = crate::quorum::majority(nodes);
            }
        }
        config.retry = self.retry.unwrap_or(config.protocol == Protocol::OnePhaseAdopt);
        if config.leader.is_some_and(|l| l.0 > nodes) {
            let (line, column) = self.leader_at;
            return Err(ScriptError::syntax(line, column, "no-such-leader", &[("nodes", &number_text(nodes.into()))]));
        }
        // Commands were checked against the node count known when they were read; settings
        // all precede commands, so that was the final count.
        Ok(self.scenario)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_quotes_a_long_word_in_part() {
        let word = "y".repeat(200_000);
        let error = parse(&word).unwrap_err();
        assert!(error.message.len() < 200, "{} bytes", error.message.len());
        assert!(error.message.contains(&format!("{}…", "y".repeat(QUOTED_CHARS_MAX))), "{}", error.message);
        assert!(error.facts.iter().all(|(_, value)| value.chars().count() <= QUOTED_CHARS_MAX + 1));
        // Characters, not bytes: a long word of CJK is cut between characters.
        let error = parse(&"中".repeat(100)).unwrap_err();
        assert!(error.message.contains(&format!("{}…", "中".repeat(QUOTED_CHARS_MAX))), "{}", error.message);
        // A short word is quoted whole.
        assert!(parse("frobnicate").unwrap_err().message.contains("frobnicate"));
    }

    #[test]
    fn next_line_splits_as_str_lines_does() {
        for text in
            ["", "a", "a\n", "a\r\n", "a\r", "\r", "\n", "\r\n", "a\n\nb", "a\r\rb\r\n\r\nc\r", "é\r\nü\n", "\n\n"]
        {
            let (mut rest, mut lines) = (text, Vec::new());
            while let Some(line) = next_line(&mut rest) {
                lines.push(line);
            }
            assert_eq!(lines, text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn hand_written_helpers_match_std() {
        for text in ["", "a", "..", "1..3", "a...b", "S1->S2", "S1->->S2", "é->ü", "x-", "->"] {
            for separator in ["..", "->"] {
                assert_eq!(split_once_ascii(text, separator), text.split_once(separator), "{text:?} {separator:?}");
            }
        }
        // Columns count characters, not bytes; any Unicode white space separates words.
        let words = split_words("  é  propose\u{3000}S1 中文X ");
        let found: Vec<(&str, usize)> = words.iter().map(|w| (w.text, w.column)).collect();
        assert_eq!(found, [("é", 3), ("propose", 6), ("S1", 14), ("中文X", 17)]);
        assert_eq!(strip_comment("deliver #12 # note"), "deliver #12 ");
        assert_eq!(strip_comment("é # note"), "é ");
        let numbers = [
            "",
            "0",
            "+5",
            "++5",
            "+-5",
            "-0",
            "-1",
            "007",
            "255",
            "256",
            "4294967295",
            "4294967296",
            "1_0",
            " 5",
            "١",
        ];
        for text in numbers.into_iter().chain(["18446744073709551615", "18446744073709551616", "+"]) {
            assert_eq!(unsigned::<u8>(text), text.parse::<u8>().ok(), "{text:?}");
            assert_eq!(unsigned::<u32>(text), text.parse::<u32>().ok(), "{text:?}");
            assert_eq!(unsigned::<u64>(text), text.parse::<u64>().ok(), "{text:?}");
        }
    }
}
