fn main() { println!("paxos {}", paxos::VERSION); }
