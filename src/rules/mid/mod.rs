//! MID: managed identity and secretless authentication.
pub mod mid004;
