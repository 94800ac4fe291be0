//! MID: managed identity and secretless authentication.
pub mod mid001;
pub mod mid002;
pub mod mid003;
pub mod mid004;
pub mod mid005;
pub mod mid006;
pub mod mid007;
pub mod mid008;
pub mod mid009;
pub mod mid010;
pub mod mid011;
pub mod mid012;
pub mod mid013;
pub mod mid014;
pub mod mid015;
