//! The model checker against the oracle: see [`crate::oracle::run_checker`].

pub fn run(seed: u64) -> Result<(), String> {
    crate::oracle::run_checker(seed)
}
