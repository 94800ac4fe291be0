//! RBAC: role assignments and role definitions.
pub mod rbac001;
pub mod rbac002;
pub mod rbac009;
pub mod rbac010;
pub mod rbac011;
pub mod rbac012;
pub mod rbac013;
pub mod rbac014;
pub mod rbac015;
