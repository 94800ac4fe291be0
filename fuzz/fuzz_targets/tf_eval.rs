//! Fuzz target `tf_eval`: see `harness::tf_eval` for what it runs.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::tf_eval(data));
