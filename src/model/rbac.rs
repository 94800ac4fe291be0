//! Role assignments with their role, principal and scope resolved as far as
//! the template allows.

use super::ids::{self, ScopeLevel};
use super::resource::Resource;
use super::value::{Attr, Entry, Loc, ResourceRef, Unknown, Value};

pub use super::roles::{builtin_by_guid, builtin_by_name, BuiltinRole};

/// The role an assignment grants.
#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    BuiltIn(&'static BuiltinRole),
    /// A role definition ID that is not in the built-in table.
    Guid(String),
    /// A role definition declared in the same unit.
    Custom(ResourceRef),
    Unknown,
}

/// Who receives an assignment.
#[derive(Clone, Debug, PartialEq)]
pub enum Principal {
    /// The system-assigned identity of this resource.
    SystemAssigned(ResourceRef),
    /// This user-assigned identity resource.
    UserAssigned(ResourceRef),
    /// The client ID of a user-assigned identity: the wrong kind of ID.
    ClientIdOf(ResourceRef),
    /// A literal object ID.
    Guid(String),
    /// A deployment input with no value.
    Input(String),
    Unknown,
}

#[derive(Clone, Debug)]
pub struct RoleAssignment {
    /// Index of the assignment resource in `Unit::resources`.
    pub resource: usize,
    pub role: Role,
    /// The role property (`roleDefinitionId`, `role_definition_name`...), if set.
    pub role_entry: Option<Entry>,
    pub principal: Principal,
    pub principal_entry: Option<Entry>,
    pub principal_type: Option<Entry>,
    pub condition: Option<Entry>,
    /// Explicit `scope`, if set.
    pub scope_entry: Option<Entry>,
    /// Level of the effective scope: explicit `scope`, else where the assignment is deployed.
    pub scope: Option<ScopeLevel>,
    /// The resource the scope names, when it names one.
    pub scope_target: Option<ResourceRef>,
}

impl RoleAssignment {
    /// Where findings about the granted role point: the role property, else the declaration.
    pub fn role_loc(&self, res: &Resource) -> Loc {
        self.role_entry
            .as_ref()
            .map(|e| e.key_loc)
            .unwrap_or(res.loc)
    }

    /// Display name of the role for messages.
    pub fn role_name(&self) -> Option<&'static str> {
        match &self.role {
            Role::BuiltIn(r) => Some(r.name),
            _ => None,
        }
    }
}

const ROLE_ASSIGNMENT: &str = "Microsoft.Authorization/roleAssignments";

/// Builds the role assignment view of an assignment resource.
pub fn role_assignment(index: usize, res: &Resource) -> Option<RoleAssignment> {
    let legacy = ids::legacy_assignment_scope(&res.ty, res.name.as_ref());
    if !res.is_type(ROLE_ASSIGNMENT) && legacy.is_none() {
        return None;
    }
    let props = res.body.get("properties");
    let prop = |name: &str| props.and_then(|p| p.entry(name)).cloned();
    let role_entry = prop("roleDefinitionId").or_else(|| prop("roleDefinitionName"));
    let role = match &role_entry {
        Some(e) if e.key.eq_ignore_ascii_case("roleDefinitionName") => e
            .value
            .as_str()
            .and_then(builtin_by_name)
            .map(Role::BuiltIn)
            .unwrap_or(Role::Unknown),
        Some(e) => resolve_role(&e.value),
        None => Role::Unknown,
    };
    let principal_entry = prop("principalId");
    let principal = principal_entry
        .as_ref()
        .map(|e| resolve_principal(&e.value))
        .unwrap_or(Principal::Unknown);
    let scope_entry = res.body.entry("scope").cloned();
    let (scope, scope_target) = match &scope_entry {
        Some(e) => match ids::parse_id(&e.value) {
            Some(info) => (Some(info.level), info.resource),
            None => (None, None),
        },
        None => match legacy {
            Some((level, target)) => (Some(level), target),
            None => (res.deploy_scope, None),
        },
    };
    Some(RoleAssignment {
        resource: index,
        role,
        role_entry,
        principal,
        principal_entry,
        principal_type: prop("principalType"),
        condition: prop("condition"),
        scope_entry,
        scope,
        scope_target,
    })
}

/// A role definition ID in any of its written forms.
pub fn resolve_role(v: &Value) -> Role {
    if let Some(Unknown::Attribute(r)) = v.as_unknown() {
        if r.attr == Attr::Id && r.target.ty == ROLE_DEFINITION_TYPE {
            return Role::Custom(r.target.clone());
        }
        return Role::Unknown;
    }
    match ids::trailing_guid(v) {
        Some(guid) => builtin_by_guid(&guid)
            .map(Role::BuiltIn)
            .unwrap_or(Role::Guid(guid)),
        // `resourceId('Microsoft.Authorization/roleDefinitions', guid(...))`:
        // a definition whose name is computed, as a role declared beside
        // the assignment is named. Whether it is declared is the unit's to
        // say. A GUID that is a deployment input stays unknown.
        None => match ids::parse_id(v).and_then(|i| i.resource) {
            Some(r)
                if r.ty == ROLE_DEFINITION_TYPE
                    && !r
                        .key
                        .rsplit('/')
                        .next()
                        .is_some_and(|n| n.starts_with("{input:")) =>
            {
                Role::Custom(r)
            }
            _ => Role::Unknown,
        },
    }
}

/// Lower-case type of role definitions, as `ResourceRef::ty` holds it.
const ROLE_DEFINITION_TYPE: &str = "microsoft.authorization/roledefinitions";

pub fn resolve_principal(v: &Value) -> Principal {
    match v.as_unknown() {
        Some(Unknown::Attribute(r)) => match r.attr {
            Attr::SystemPrincipalId => Principal::SystemAssigned(r.target.clone()),
            Attr::PrincipalId => Principal::UserAssigned(r.target.clone()),
            Attr::ClientId => Principal::ClientIdOf(r.target.clone()),
            _ => Principal::Unknown,
        },
        Some(Unknown::Input { name, .. }) => Principal::Input(name.clone()),
        Some(_) => Principal::Unknown,
        None => match v.as_str() {
            Some(s) if ids::is_guid(s) => Principal::Guid(s.to_ascii_lowercase()),
            _ => Principal::Unknown,
        },
    }
}

/// The role an assignment grants as a GUID, when it is written as one or as
/// the ID of a built-in role; `None` for names, custom roles and unknowns.
pub fn role_guid(ra: &RoleAssignment) -> Option<&str> {
    match &ra.role {
        Role::BuiltIn(r) => Some(r.guid),
        Role::Guid(g) => Some(g),
        _ => None,
    }
}

/// The role name an assignment gives (`role_definition_name`), when it
/// gives a known one.
pub fn role_name_written(ra: &RoleAssignment) -> Option<&str> {
    let e = ra.role_entry.as_ref()?;
    if !e.key.eq_ignore_ascii_case("roleDefinitionName") {
        return None;
    }
    e.value.as_str().map(str::trim)
}

/// A role from a small table, by the GUID or the name the assignment gives.
fn role_in<'t>(ra: &RoleAssignment, table: &'t [(&'t str, &'t str)]) -> Option<&'t str> {
    if let Some(g) = role_guid(ra) {
        return table
            .iter()
            .find(|(_, guid)| guid.eq_ignore_ascii_case(g))
            .map(|(name, _)| *name);
    }
    let n = role_name_written(ra)?;
    table
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(n))
        .map(|(name, _)| *name)
}

/// Key Vault data-plane roles (name, GUID): the built-in roles whose
/// `dataActions` are on `Microsoft.KeyVault/vaults/...`, and Key Vault Data
/// Access Administrator, which assigns them. They act only on a vault that
/// uses the Azure RBAC permission model. (With the full role catalog, this
/// is "a role with a data action under `Microsoft.KeyVault/vaults/`, or Key
/// Vault Data Access Administrator".)
pub static KEY_VAULT_DATA_ROLES: &[(&str, &str)] = &[
    (
        "Key Vault Administrator",
        "00482a5a-887f-4fb3-b363-3b7fe8e74483",
    ),
    (
        "Key Vault Certificates Officer",
        "a4417e6f-fecd-4de8-b567-7b0420556985",
    ),
    (
        "Key Vault Certificate User",
        "db79e9a7-68ee-4b58-9aeb-b90e7c24fcba",
    ),
    (
        "Key Vault Crypto Officer",
        "14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
    ),
    (
        "Key Vault Crypto Service Encryption User",
        "e147488a-f6f5-4113-8e2d-b22465e65bf6",
    ),
    (
        "Key Vault Crypto Service Release User",
        "08bbd89e-9f13-488c-ac41-acfcb10c90ab",
    ),
    (
        "Key Vault Crypto User",
        "12338af0-0e69-4776-bea7-57ae8d297424",
    ),
    ("Key Vault Reader", "21090545-7ca7-4776-b22c-e363652d74d2"),
    (
        "Key Vault Secrets Officer",
        "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
    ),
    (
        "Key Vault Secrets User",
        "4633458b-17de-408a-b874-0445c86b69e6",
    ),
    (
        "Key Vault Data Access Administrator",
        "8b54135c-b56d-4d72-a534-26097cfdc8d8",
    ),
];

/// The Key Vault data-plane role an assignment grants, by name.
pub fn key_vault_data_role(ra: &RoleAssignment) -> Option<&'static str> {
    role_in(ra, KEY_VAULT_DATA_ROLES)
}

/// Cosmos DB built-in data-plane roles (name, GUID). They are Cosmos DB SQL
/// role definitions (`databaseAccounts/sqlRoleDefinitions`), not Azure RBAC
/// roles: only a `sqlRoleAssignments` resource can grant them.
pub static COSMOS_DATA_ROLES: &[(&str, &str)] = &[
    (
        "Cosmos DB Built-in Data Reader",
        "00000000-0000-0000-0000-000000000001",
    ),
    (
        "Cosmos DB Built-in Data Contributor",
        "00000000-0000-0000-0000-000000000002",
    ),
];

/// The Cosmos DB data-plane role an Azure RBAC assignment names, by name.
pub fn cosmos_data_role(ra: &RoleAssignment) -> Option<&'static str> {
    role_in(ra, COSMOS_DATA_ROLES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lookup_by_name_and_guid() {
        assert_eq!(
            builtin_by_name("owner").unwrap().guid,
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
        );
        assert!(
            builtin_by_guid("B24988AC-6180-42A0-AB88-20F7382DD24C")
                .unwrap()
                .privileged
        );
        assert!(!builtin_by_name("AcrPull").unwrap().privileged);
        assert!(builtin_by_name("Azure Service Bus Data Owner").is_some());
    }

    #[test]
    fn roles_from_ids() {
        let v = Value::string(
            "/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
            Loc::default(),
        );
        assert_eq!(
            resolve_role(&v),
            Role::BuiltIn(builtin_by_name("User Access Administrator").unwrap())
        );
        let v = Value::string("acdd72a7-3385-48ef-bd42-f606fba81ae7", Loc::default());
        assert_eq!(
            resolve_role(&v),
            Role::BuiltIn(builtin_by_name("Reader").unwrap())
        );
        let v = Value::string("11111111-2222-3333-4444-555555555555", Loc::default());
        assert_eq!(
            resolve_role(&v),
            Role::Guid("11111111-2222-3333-4444-555555555555".into())
        );
    }

    #[test]
    fn a_computed_definition_name_is_a_custom_role() {
        use crate::model::{Kind, Part};
        // resourceId('Microsoft.Authorization/roleDefinitions', guid(...))
        let v = Value::new(
            Kind::Template(
                vec![
                    Part::Lit("/subscriptions/".into()),
                    Part::Hole(Unknown::Context(
                        crate::model::value::ContextValue::SubscriptionId,
                    )),
                    Part::Lit("/providers/Microsoft.Authorization/roleDefinitions/".into()),
                    Part::Hole(Unknown::Derived {
                        function: "guid".into(),
                        args: vec![Value::string("access-delegate", Loc::default())],
                    }),
                ]
                .into(),
            ),
            Loc::default(),
        );
        assert!(matches!(resolve_role(&v), Role::Custom(r) if r.ty == ROLE_DEFINITION_TYPE));
        // A role definition ID whose GUID is an input is not known.
        let v = Value::new(
            Kind::Template(
                vec![
                    Part::Lit("/providers/Microsoft.Authorization/roleDefinitions/".into()),
                    Part::Hole(Unknown::Input {
                        name: "roleId".into(),
                        secure: false,
                    }),
                ]
                .into(),
            ),
            Loc::default(),
        );
        assert_eq!(resolve_role(&v), Role::Unknown);
        let v = Value::opaque("parameter", Loc::default());
        assert_eq!(resolve_role(&v), Role::Unknown);
    }
}
