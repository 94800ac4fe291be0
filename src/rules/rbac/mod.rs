//! RBAC: role assignments and role definitions.
pub mod rbac001;
pub mod rbac013;
pub mod rbac014;
pub mod rbac015;
