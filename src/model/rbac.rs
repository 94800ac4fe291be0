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
    if !res.is_type(ROLE_ASSIGNMENT) {
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
        None => (res.deploy_scope, None),
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
