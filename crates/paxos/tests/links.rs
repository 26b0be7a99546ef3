//! Share links: exact round trips, size budgets, and a decoder that survives anything.
//! The fuzz-style tests draw their inputs from the simulator's own seeded generator, so any
//! failure names the seed that reproduces it.

use paxos::presets;
use paxos::protocol::Protocol;
use paxos::scenario::{decode_link, encode_link, random_scenario, Command, LinkProblem, LinkView, Shape, Target};
use paxos::sim::rng::Rng;
use paxos::Simulation;

/// A realistic page address in front of the fragment, for the length budgets.
const PAGE: &str = "https://example.github.io/paxos-playground/#s=";

#[test]
fn every_preset_link_replays_exactly_and_is_short() {
    // Multi-Paxos' presets too: requests, slot-named messages and all.
    for preset in presets::all() {
        let sim = Simulation::from_script(preset.script).unwrap();
        let view = LinkView { step: Some(sim.steps() / 2), view: 1, language: 2 };
        let code = sim.link(view);
        let url_len = PAGE.len() + code.len();
        assert!(url_len < 300, "{}: link is {url_len} characters", preset.id);
        let (scenario, decoded_view) = decode_link(&code).unwrap_or_else(|e| panic!("{}: {e}", preset.id));
        assert_eq!(decoded_view, view);
        let replay = Simulation::new(scenario).unwrap();
        assert_eq!(replay.log(), sim.log(), "{}", preset.id);
        assert_eq!(replay.script(), sim.script(), "{}: the readable script survives the id-based link", preset.id);
    }
}

#[test]
fn a_200_intervention_run_fits_in_a_chat_message() {
    let mut sim =
        Simulation::from_script("protocol basic-paxos\nnodes 5\nnetwork manual\nretry on\nattempts 64\n").unwrap();
    let mut rng = Rng::new(2024);
    let mut interventions = 0;
    for round in 0..1_000 {
        if interventions == 200 {
            break;
        }
        let flying = sim.view().world.in_flight.len();
        let command = match (flying, rng.below(10)) {
            (0, _) | (_, 0) => Command::Propose {
                node: paxos::types::NodeId(1 + (round % 5) as u8),
                value: paxos::types::Value::new("V").unwrap(),
            },
            (n, 1) => Command::Drop(Target::Id(sim.view().world.in_flight[rng.below(n as u64) as usize].id)),
            (n, _) => Command::Deliver(Target::Id(sim.view().world.in_flight[rng.below(n as u64) as usize].id)),
        };
        if sim.intervene(command).is_ok() {
            interventions += 1;
        }
    }
    assert_eq!(interventions, 200);
    let code = sim.link(LinkView { step: Some(sim.steps()), view: 0, language: 0 });
    assert!(PAGE.len() + code.len() < 2_000, "{} characters", PAGE.len() + code.len());
    let (scenario, _) = decode_link(&code).unwrap();
    assert_eq!(Simulation::new(scenario).unwrap().log(), sim.log());
}

#[test]
fn random_scenarios_round_trip() {
    for (i, protocol) in Protocol::AVAILABLE.iter().copied().enumerate() {
        for seed in 0..300 {
            let shape = Shape { protocol, nodes_min: 1, nodes_max: 9, quorums: None, amnesia: seed % 2 == 0 };
            let mut scenario = random_scenario(seed * 7 + i as u64, shape);
            scenario.title = (seed % 3 == 0).then(|| format!("Run §{seed}: <b>bold</b> & \"quotes\" 中文"));
            let view = LinkView {
                step: (seed % 4 != 0).then_some(seed as u32),
                view: (seed % 3) as u8,
                language: (seed % 2) as u8,
            };
            let (decoded, decoded_view) =
                decode_link(&encode_link(&scenario, view)).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
            assert_eq!(decoded, scenario, "seed {seed}");
            assert_eq!(decoded_view, view);
        }
    }
}

#[test]
fn arbitrary_input_never_panics_and_is_refused_with_a_message() {
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".chars().collect();
    let mut rng = Rng::new(0xf022);
    let mut accepted = 0;
    for case in 0..100_000 {
        let text: String = match case % 2 {
            // Pure noise, behind a plausible version byte.
            0 => "AQ".chars().chain((0..rng.below(120)).map(|_| alphabet[rng.below(64) as usize])).collect(),
            // A real link with one to three characters replaced, inserted or deleted.
            _ => {
                let shape = Shape {
                    protocol: Protocol::ALL[case % Protocol::ALL.len()],
                    nodes_min: 3,
                    nodes_max: 7,
                    quorums: None,
                    amnesia: false,
                };
                let mut chars: Vec<char> =
                    encode_link(&random_scenario(case as u64, shape), LinkView::default()).chars().collect();
                for _ in 0..=rng.below(3) {
                    let at = rng.below(chars.len() as u64) as usize;
                    match rng.below(3) {
                        0 => chars[at] = alphabet[rng.below(64) as usize],
                        1 => chars.insert(at, alphabet[rng.below(64) as usize]),
                        _ => {
                            chars.remove(at);
                        }
                    }
                }
                chars.into_iter().collect()
            }
        };
        match decode_link(&text) {
            Ok((scenario, _)) => {
                accepted += 1;
                // Whatever is accepted must be a valid scenario that runs or is refused cleanly.
                let _ = Simulation::new(scenario);
            }
            Err(e) => assert!(!e.message.is_empty(), "case {case}"),
        }
    }
    eprintln!("random links: {accepted} of 100000 decoded to valid scenarios");
    // The mutations must reach past the header checks, or this test would prove little.
    assert!(accepted > 1_000, "only {accepted} inputs got through decoding");
}

#[test]
fn mutated_and_truncated_links_are_refused_or_valid() {
    let mut rng = Rng::new(77);
    for preset in presets::all() {
        let code = Simulation::from_script(preset.script).unwrap().link(LinkView::default());
        for cut in 0..code.len() {
            let _ = decode_link(&code[..cut]);
        }
        for _ in 0..2_000 {
            let mut bytes = code.clone().into_bytes();
            let at = rng.below(bytes.len() as u64) as usize;
            bytes[at] = b"AQgz-_9"[rng.below(7) as usize];
            if let Ok((scenario, _)) = decode_link(std::str::from_utf8(&bytes).unwrap()) {
                let _ = Simulation::new(scenario);
            }
        }
    }
}

#[test]
fn bad_links_say_what_is_wrong() {
    let good = Simulation::from_script(presets::PRESETS[0].script).unwrap().link(LinkView::default());
    let cases = [
        ("", "cut short", LinkProblem::Truncated),
        ("A", "cut short", LinkProblem::Truncated),
        ("Ag", "newer version of the playground (link format 2", LinkProblem::Newer { version: 2, max: 1 }),
        ("EA", "newer version of the playground (link format 16", LinkProblem::Newer { version: 16, max: 1 }),
        // Random bytes, a mangled link: a version byte far past any future format is damage.
        ("EQ", "format 17 does not exist", LinkProblem::Corrupted),
        ("_w", "format 255 does not exist", LinkProblem::Corrupted),
        ("AA", "version 0 does not exist", LinkProblem::Corrupted),
        ("AQ!!", "character 3 is not allowed", LinkProblem::Corrupted),
        (&good[..good.len() - 3], "cut short", LinkProblem::Truncated),
    ];
    for (link, expected, kind) in cases {
        let error = decode_link(link).err().unwrap_or_else(|| panic!("{link:?} accepted"));
        assert!(error.message.contains(expected), "{link:?}: {}", error.message);
        assert_eq!(error.kind, kind, "{link:?}: {}", error.message);
    }
    let max = paxos::scenario::LINK_CHARS_MAX;
    let huge = decode_link(&"A".repeat(max + 1)).unwrap_err();
    assert!(huge.message.contains("too long"));
    assert_eq!(huge.kind, LinkProblem::TooLong { chars: max + 1, max });
}

#[test]
fn titles_that_could_change_the_script_are_refused() {
    for title in ["two\nlines", "hash # comment", "nodes\u{7}"] {
        let scenario = paxos::Scenario { title: Some(title.to_string()), ..paxos::Scenario::default() };
        let error = decode_link(&encode_link(&scenario, LinkView::default())).unwrap_err();
        assert!(error.message.contains("link"), "{title:?}: {}", error.message);
    }
}
