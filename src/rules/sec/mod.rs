//! SEC: stored secrets and credential exposure.
pub mod sec003;
