//! RBAC: role assignments and role definitions.
pub mod rbac001;
