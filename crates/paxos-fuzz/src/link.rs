//! Target `link`: share-link codes, valid (encoded from presets, random scenarios and
//! grammar-made scripts) and then mutated as text or as bytes, truncated, given other
//! versions, or random. Must never panic or hang. Checked: an unmutated link decodes to what
//! was encoded; a decoded scenario re-encodes and decodes to itself, and runs; errors have a
//! message.

use crate::gen::{self, Gen};
use paxos::presets::PRESETS;
use paxos::protocol::Protocol;
use paxos::scenario::{
    base64url, decode_link, encode_link, parse, random_scenario, unbase64url, LinkView, Scenario, Shape, LINK_CHARS_MAX,
};
use paxos::Simulation;

/// The link alphabet (base64url), for random link-like text.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A valid scenario to start from.
pub fn scenario(g: &mut Gen) -> Scenario {
    match g.below(3) {
        0 => parse(g.pick(PRESETS).script).expect("presets parse"),
        1 => {
            let nodes_min = g.range(1, 9) as u8;
            let shape = Shape {
                protocol: *g.pick(&Protocol::ALL),
                nodes_min,
                nodes_max: g.range(u64::from(nodes_min), 9) as u8,
                quorums: g.chance(30).then(|| (g.range(1, 9) as u8, g.range(1, 9) as u8)),
                amnesia: g.chance(20),
            };
            random_scenario(g.u64(), shape)
        }
        _ => {
            for _ in 0..8 {
                if let Ok(s) = parse(&crate::grammar::script(g)) {
                    return s;
                }
            }
            Scenario::default()
        }
    }
}

pub fn view(g: &mut Gen) -> LinkView {
    let step = match g.below(4) {
        0 => None,
        1 => Some(*g.pick(&[0, 1, u32::MAX, 50_000, 50_001])),
        _ => Some(g.range(0, 200) as u32),
    };
    LinkView { step, view: g.below(256) as u8, language: g.below(256) as u8 }
}

/// The input for `seed`: the link code, and what it should decode to if unmutated.
pub fn input(seed: u64) -> (String, Option<(Scenario, LinkView)>) {
    let mut g = Gen::new(seed);
    if g.chance(1) && g.chance(10) {
        // Past the length limit: must be refused at once.
        return ("A".repeat(LINK_CHARS_MAX + 1 + g.below(100)), None);
    }
    if g.chance(5) {
        let len = g.below(200);
        return ((0..len).map(|_| *g.pick(ALPHABET) as char).collect(), None);
    }
    let scenario = scenario(&mut g);
    let view = view(&mut g);
    let link = encode_link(&scenario, view);
    match g.below(10) {
        0 | 1 => (link, Some((scenario, view))),
        2..=4 => {
            // As text: characters in and out of the alphabet, truncation, splices.
            let mut bytes = link.into_bytes();
            gen::mutate(&mut g, &mut bytes, 4);
            (gen::text(&bytes), None)
        }
        5 => {
            let cut = g.below(link.len() + 1);
            (link[..cut].to_string(), None)
        }
        _ => {
            // As bytes: the version, varints, lengths, flags.
            let mut bytes = unbase64url(&link).expect("an encoded link is base64url");
            match g.below(4) {
                0 if !bytes.is_empty() => bytes[0] = *g.pick(&[0, 2, 3, 127, 128, 255]),
                1 => {
                    let at = g.below(bytes.len() + 1);
                    let run = vec![0xff; 1 + g.below(12)];
                    bytes.splice(at..at, run);
                }
                _ => gen::mutate(&mut g, &mut bytes, 6),
            }
            (base64url(&bytes), None)
        }
    }
}

pub fn run(seed: u64) -> Result<(), String> {
    let (link, expected) = input(seed);
    crate::show("link", || link.clone());
    check(&link, expected)
}

/// The checks, on any link code (`expected`: what it must decode to, if known).
pub fn check(link: &str, expected: Option<(Scenario, LinkView)>) -> Result<(), String> {
    let decoded = decode_link(link);
    if let Some(expected) = expected {
        match &decoded {
            Ok(got) if *got == expected => {}
            Ok(_) => return Err("an encoded link decodes to another scenario".into()),
            Err(e) => return Err(format!("an encoded link is refused: {}", e.message)),
        }
    }
    match decoded {
        Err(e) if e.message.trim().is_empty() => Err("a refused link has no message".into()),
        Err(_) => Ok(()),
        Ok((scenario, view)) => {
            let again = encode_link(&scenario, view);
            match decode_link(&again) {
                Ok(twice) if twice == (scenario.clone(), view) => {}
                Ok(_) => return Err("a decoded link re-encodes to another scenario".into()),
                Err(e) => return Err(format!("a decoded link re-encodes to a refused one: {}", e.message)),
            }
            match Simulation::new(scenario) {
                Err(e) if e.message.trim().is_empty() => Err("a refused run has no message".into()),
                _ => Ok(()),
            }
        }
    }
}
