//! Parses a script file, prints the canonical script, and says whether it parses back to the
//! same scenario: `cargo run -p paxos-fuzz --example round_trip -- FILE`.
fn main() {
    let file = std::env::args().nth(1).expect("a script file");
    let text = std::fs::read_to_string(file).expect("a readable UTF-8 file");
    let scenario = paxos::scenario::parse(&text).expect("the script parses");
    let printed = scenario.to_script();
    let again = paxos::scenario::parse(&printed);
    println!("{printed}---\nround trip: {}", if again.as_ref() == Ok(&scenario) { "same" } else { "DIFFERENT" });
    if let Ok(again) = again {
        println!("before: {:?}\nafter:  {:?}", scenario.commands, again.commands);
    }
}
