use crate::findings::{Finding, Severity};
use crate::model::assignment::{principal_kind, PrincipalKind, PrincipalType};
use crate::model::RoleAssignment;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC010",
        name: "role-assigned-to-user",
        family: Family::Rbac,
        severity: Severity::Low,
        formats: Formats::Both,
        summary: "role assigned directly to a user rather than to a group",
        help: "assign the role to an Entra group the user belongs to (`principalType: 'Group'`; Terraform: an `azuread_group` object ID), so that access follows group membership",
        docs: include_str!("../../../rules/RBAC010-role-assigned-to-user/README.md"),
    },
    check,
};

/// Is the principal a user, by the Entra object its ID is read from or by
/// `principalType: User`?
pub fn to_user(kind: &PrincipalKind) -> bool {
    matches!(kind, PrincipalKind::Entra(PrincipalType::User, _))
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for ra in &cx.role_assignments {
        let res = &cx.resources[ra.resource];
        if res.deploys_nothing() {
            continue;
        }
        let kind = principal_kind(ra);
        if !to_user(&kind) {
            continue;
        }
        let (loc, path, traced) = location(ra);
        let role = ra
            .role_name()
            .map(|r| format!("`{r}`"))
            .unwrap_or_else(|| "a role".into());
        let mut f = Finding::new(
            &RULE.meta,
            loc.unwrap_or(res.loc),
            format!("{role} is assigned to {}", kind.describe(cx)),
        )
        .resource(res, path);
        if let Some(v) = traced {
            f = f.traced(v);
        }
        out.push(f);
    }
}

/// `principalType` when set, else the principal ID.
fn location(
    ra: &RoleAssignment,
) -> (
    Option<crate::model::Loc>,
    &'static str,
    Option<&crate::model::Value>,
) {
    match (&ra.principal_type, &ra.principal_entry) {
        (Some(t), _) if !t.value.is_null() => (Some(t.key_loc), "principalType", Some(&t.value)),
        (_, Some(p)) => (Some(p.key_loc), "principalId", None),
        _ => (None, "principalId", None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_only() {
        assert!(to_user(&PrincipalKind::Entra(PrincipalType::User, None)));
        assert!(!to_user(&PrincipalKind::Entra(PrincipalType::Group, None)));
        assert!(!to_user(&PrincipalKind::Input("p".into())));
        assert!(!to_user(&PrincipalKind::Unknown));
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
