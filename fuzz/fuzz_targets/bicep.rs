//! Fuzz target `bicep`: see `harness::bicep` for what it runs.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::bicep(data));
