//! Random faulty scenarios for seed sweeps (VOPR style): one seed decides everything, so a
//! failing run is reproduced by its seed alone, and its script can be printed and replayed.

use super::*;
use crate::sim::rng::Rng;

/// What a sweep varies; the generator draws everything else from the seed.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub protocol: Protocol,
    pub nodes_min: u8,
    pub nodes_max: u8,
    /// Phase quorum sizes `(q1, q2)`; `None` for majorities.
    pub quorums: Option<(u8, u8)>,
    pub amnesia: bool,
}

const VALUES: [&str; 5] = ["A", "B", "C", "D", "E"];
/// Multi-Paxos: the keys the random clients set and read.
const KEYS: [&str; 2] = ["x", "y"];

/// A random scenario: 3-7 servers (per `shape`), an automatic network with random delays,
/// losses and duplicates, two or three proposals at random moments (in Multi-Paxos, up to
/// six clients' commands: sets and reads), crashes and restarts, partitions and heals, and
/// a final `run`. The single-decree protocols draw exactly what they always drew, so their
/// seeds keep their scenarios.
pub fn random_scenario(seed: u64, shape: Shape) -> Scenario {
    let mut rng = Rng::new(seed);
    let nodes = rng.between(u32::from(shape.nodes_min), u32::from(shape.nodes_max)) as u8;
    let mut config = Config::new(shape.protocol, nodes);
    if let Some((q1, q2)) = shape.quorums {
        config.quorum_phase1 = q1.min(nodes);
        config.quorum_phase2 = q2.min(nodes);
    }
    config.retry = true;
    config.nacks = rng.chance(70);
    config.backoff_ticks_max = rng.between(0, 6);
    config.timeout_ticks = rng.between(8, 30);
    config.attempts_max = rng.between(2, 5);
    config.amnesia = shape.amnesia;
    let delay_max = rng.between(1, 6);
    let network = Network {
        mode: NetworkMode::Auto,
        delay_ticks_min: 1,
        delay_ticks_max: delay_max,
        drop_percent: rng.between(0, 25) as u8,
        duplicate_percent: rng.between(0, 20) as u8,
    };
    let mut up = vec![true; usize::from(nodes)];
    let mut commands = Vec::new();
    let mut proposals = 0;
    let multi = shape.protocol.is_multi();
    let proposals_max = if multi { 6 } else { 3 };
    for _ in 0..rng.between(6, 16) {
        let node = NodeId(rng.between(1, u32::from(nodes)) as u8);
        let roll = rng.below(100);
        let command = match roll {
            0..=29 if up[node.index()] && proposals < proposals_max && multi => {
                proposals += 1;
                let key = Value::new(KEYS[rng.below(2) as usize]).expect("valid");
                let op = match rng.chance(75) {
                    true => Op::Set { key, value: Value::new(VALUES[rng.below(5) as usize]).expect("valid") },
                    false => Op::Get { key },
                };
                Command::Request { node, op }
            }
            0..=29 if up[node.index()] && proposals < 3 => {
                proposals += 1;
                Command::Propose { node, value: Value::new(VALUES[rng.below(5) as usize]).expect("valid") }
            }
            30..=44 if up[node.index()] => {
                up[node.index()] = false;
                Command::Crash(node)
            }
            30..=54 if !up[node.index()] => {
                up[node.index()] = true;
                Command::Restart(node)
            }
            55..=64 => {
                let side: NodeSet = (1..=nodes).map(NodeId).filter(|_| rng.chance(50)).collect();
                match normalize_partition(nodes, &[side]) {
                    Some(groups) if groups.len() > 1 => Command::Partition(groups),
                    _ => Command::Heal,
                }
            }
            65..=69 => Command::Heal,
            _ => Command::Step(rng.between(1, 12)),
        };
        commands.push(command);
    }
    // Let everything settle: restart the crashed, heal, and run to quiescence.
    for (index, is_up) in up.iter().enumerate() {
        if !is_up {
            commands.push(Command::Restart(NodeId::from_index(index)));
        }
    }
    commands.push(Command::Heal);
    commands.push(Command::Run);
    Scenario { title: None, config, network, seed, commands }
}
