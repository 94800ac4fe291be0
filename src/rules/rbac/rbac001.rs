use crate::findings::{Finding, Severity};
use crate::model::{Role, RoleAssignment, ScopeLevel};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC001",
        name: "privileged-role-assignment",
        family: Family::Rbac,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "Owner, Contributor, User Access Administrator or RBAC Administrator assigned",
        help: "grant the narrowest data-plane or service role the workload needs, at the scope of the resource it uses",
        docs: include_str!("../../../rules/RBAC001-privileged-role-assignment/README.md"),
    },
    check,
};

/// Severity of granting `role` at `scope`, or `None` when it is not privileged.
/// An unknown scope is at least a resource, so it is judged as one.
pub fn judge(role: &Role, scope: Option<ScopeLevel>) -> Option<Severity> {
    let Role::BuiltIn(r) = role else { return None };
    if !r.privileged {
        return None;
    }
    Some(match scope {
        Some(ScopeLevel::Resource) | None => Severity::Medium,
        Some(_) => Severity::High,
    })
}

fn scope_text(ra: &RoleAssignment) -> String {
    match ra.scope {
        Some(level) => format!("at {} scope", level.describe()),
        None => "at a scope that is not known".into(),
    }
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for ra in &unit.role_assignments {
        let Some(severity) = judge(&ra.role, ra.scope) else {
            continue;
        };
        let res = &unit.resources[ra.resource];
        let role = ra.role_name().unwrap_or("privileged role");
        let mut f = Finding::new(
            &RULE.meta,
            ra.role_loc(res),
            format!("`{role}` is assigned {}", scope_text(ra)),
        )
        .severity(severity)
        .resource(res, "roleDefinitionId");
        if let Some(e) = &ra.role_entry {
            f = f.traced(&e.value);
        }
        if let Some(s) = &ra.scope_entry {
            f = f.related(s.key_loc, "scope set here");
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rbac::builtin_by_name;

    #[test]
    fn judges_by_role_and_scope() {
        let owner = Role::BuiltIn(builtin_by_name("Owner").unwrap());
        let reader = Role::BuiltIn(builtin_by_name("Reader").unwrap());
        assert_eq!(
            judge(&owner, Some(ScopeLevel::Subscription)),
            Some(Severity::High)
        );
        assert_eq!(
            judge(&owner, Some(ScopeLevel::ResourceGroup)),
            Some(Severity::High)
        );
        assert_eq!(
            judge(&owner, Some(ScopeLevel::Resource)),
            Some(Severity::Medium)
        );
        assert_eq!(judge(&owner, None), Some(Severity::Medium));
        assert_eq!(judge(&reader, Some(ScopeLevel::Subscription)), None);
        assert_eq!(judge(&Role::Unknown, Some(ScopeLevel::Subscription)), None);
    }
}
