//! BG: identity lifecycle in blue-green and replace-on-deploy designs.
pub mod bg001;
