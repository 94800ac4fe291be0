//! BG: identity lifecycle in blue-green and replace-on-deploy designs.
pub(crate) mod story;

pub mod bg001;
pub mod bg002;
pub mod bg003;
pub mod bg004;
pub mod bg005;
pub mod bg006;
