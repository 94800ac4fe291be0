//! Fuzz target `jsonc`: see `harness::jsonc` for what it runs.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::jsonc(data));
