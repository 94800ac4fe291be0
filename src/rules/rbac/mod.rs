//! RBAC: role assignments and role definitions.
pub mod rbac001;
pub mod rbac002;
pub mod rbac003;
pub mod rbac004;
pub mod rbac005;
pub mod rbac006;
pub mod rbac007;
pub mod rbac008;
pub mod rbac009;
pub mod rbac010;
pub mod rbac011;
pub mod rbac012;
pub mod rbac013;
pub mod rbac014;
pub mod rbac015;
