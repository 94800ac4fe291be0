use crate::findings::{Finding, Severity};
use crate::model::rbac::cosmos_data_role;
use crate::model::RoleAssignment;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC014",
        name: "cosmos-data-role-via-azure-rbac",
        family: Family::Rbac,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "Cosmos DB built-in data role given through an Azure RBAC role assignment instead of a Cosmos DB SQL role assignment",
        help: "grant Cosmos DB data roles with `Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments` (Terraform: the provider's Cosmos DB SQL role assignment resource) whose `roleDefinitionId` is the account's `sqlRoleDefinitions/00000000-0000-0000-0000-00000000000{1,2}`",
        docs: include_str!("../../../rules/RBAC014-cosmos-data-role-via-azure-rbac/README.md"),
    },
    check,
};

/// The Cosmos DB data role an Azure RBAC assignment (the model's role
/// assignments are `Microsoft.Authorization/roleAssignments` only) tries
/// to grant. Those roles are not Azure RBAC role definitions: the
/// assignment fails, and data access is never granted. Pure.
pub fn judge(ra: &RoleAssignment) -> Option<&'static str> {
    cosmos_data_role(ra)
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for ra in &cx.role_assignments {
        let res = &cx.resources[ra.resource];
        if res.deploys_nothing() {
            continue;
        }
        let Some(role) = judge(ra) else { continue };
        // No provenance in the message: the GUID is the evidence, and an ID
        // built with a parameter (the account name) would name the wrong input.
        let f = Finding::new(
            &RULE.meta,
            ra.role_loc(res),
            format!(
                "`{role}` is a Cosmos DB SQL role, not an Azure RBAC role: an Azure role assignment cannot grant it"
            ),
        )
        .resource(res, "roleDefinitionId");
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rbac::resolve_role;
    use crate::model::{Entry, Loc, Principal, Role, Value};

    fn assignment(role: Role, entry: Option<(&str, &str)>) -> RoleAssignment {
        RoleAssignment {
            resource: 0,
            role,
            role_entry: entry.map(|(k, v)| Entry {
                key: k.into(),
                key_loc: Loc::default(),
                value: Value::string(v, Loc::default()),
            }),
            principal: Principal::Unknown,
            principal_entry: None,
            principal_type: None,
            condition: None,
            scope_entry: None,
            scope: None,
            scope_target: None,
        }
    }

    #[test]
    fn cosmos_data_role_guids_and_names() {
        let id = |s: &str| resolve_role(&Value::string(s, Loc::default()));
        let contributor = id("/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/00000000-0000-0000-0000-000000000002");
        assert_eq!(
            judge(&assignment(contributor, None)),
            Some("Cosmos DB Built-in Data Contributor")
        );
        let reader = id("00000000-0000-0000-0000-000000000001");
        assert_eq!(
            judge(&assignment(reader, None)),
            Some("Cosmos DB Built-in Data Reader")
        );
        let by_name = assignment(
            Role::Unknown,
            Some(("roleDefinitionName", "cosmos db built-in data reader")),
        );
        assert_eq!(judge(&by_name), Some("Cosmos DB Built-in Data Reader"));
        // The Azure RBAC control-plane roles of Cosmos DB are fine here.
        let operator = id("230815da-be43-4aae-9cb4-875f7bd000aa");
        assert_eq!(judge(&assignment(operator, None)), None);
        assert_eq!(judge(&assignment(Role::Unknown, None)), None);
    }

    #[test]
    fn finds_nothing_in_an_empty_unit() {
        let unit = crate::model::Unit::default();
        let options = crate::rules::Options::default();
        let mut out = Vec::new();
        check(&Ctx::new(&unit, &options), &mut out);
        assert!(out.is_empty());
    }
}
