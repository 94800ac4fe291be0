//! MID: managed identity and secretless authentication.
pub mod mid001;
pub mod mid004;
pub mod mid014;
pub mod mid015;
