//! Fuzz target `arm_expr`: see `harness::arm_expr` for what it runs.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::arm_expr(data));
