//! Prints the script of a link code: `cargo run -p paxos-fuzz --example show_link -- CODE`.
fn main() {
    let code = std::env::args().nth(1).expect("a link code");
    match paxos::scenario::decode_link(&code) {
        Ok((scenario, view)) => print!("# view: {view:?}\n{}", scenario.to_script()),
        Err(e) => println!("refused: {e}"),
    }
}
