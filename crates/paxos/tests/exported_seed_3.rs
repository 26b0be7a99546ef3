//! Exported from the Paxos playground (version 0.1.0).
//! Replays the scenario and pins the outcome the playground showed.

use paxos::observe::Outcome;
use paxos::Simulation;

const SCRIPT: &str = r#"title Seed §3: proposal numbers break the deadlock, and break safety
protocol one-phase-highest
nodes 5
quorum 3 3
network manual
delay 1..3
drop 0%
duplicate 0%
seed 1
nacks on
retry off
backoff 0
timeout 0
leader none
amnesia off
attempts 3
propose S1 X
propose S3 Z
propose S5 Y
deliver S1->S2 Accept 11 X
deliver S3->S2 Accept 13 Z
deliver S3->S4 Accept 13 Z
deliver S1->S4 Accept 11 X
deliver S5->S4 Accept 15 Y
deliver S5->S3 Accept 15 Y
deliver S5->S2 Accept 15 Y
"#;

#[test]
fn seed_3_proposal_numbers_break_the_deadlock_and() {
    let sim = Simulation::from_script(SCRIPT).expect("the exported script runs");
    let verdict = sim.verdict();
    assert_eq!(sim.steps(), 10);
    assert_eq!(verdict.outcome, Outcome::Violated);
    assert_eq!(verdict.chosen.as_deref(), Some("Z"));
    assert_eq!(verdict.to_string(), "VIOLATED; stability at step 8: Z (chosen at step 6 by {S2,S3,S4}) is now held only by {S2,S3}; agreement at step 9: Z and Y were both chosen (Z at step 6: (Z) accepted by {S2,S3,S4}; Y at step 9: (Y) accepted by {S3,S4,S5})");
}
