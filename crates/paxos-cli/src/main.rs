//! The `paxos` binary: see the library (`src/lib.rs`) for the commands.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match paxos_cli::run(&args) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("paxos: {message}");
            ExitCode::from(2)
        }
    }
}
