use crate::findings::{Finding, Severity};
use crate::model::roles::role_capabilities;
use crate::model::{Kind, RoleAssignment};
use crate::rules::kit::role_phrase;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC006",
        name: "delegation-without-condition",
        family: Family::Rbac,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "a role that can write role assignments (User Access Administrator, RBAC Administrator, ...) assigned without an ABAC `condition`",
        help: "add a `condition` (with `conditionVersion` `2.0`; TF `condition`, `condition_version`) that limits which roles the principal may assign and to whom, or grant a role that cannot assign roles",
        docs: include_str!("../../../rules/RBAC006-delegation-without-condition/README.md"),
    },
    check,
};

/// Does the assignment carry a condition? Absent, `null` and the empty
/// string are none; an unknown value may be one.
pub fn has_condition(ra: &RoleAssignment) -> bool {
    match &ra.condition {
        None => false,
        Some(e) => match &e.value.kind {
            Kind::Null => false,
            Kind::String(s) => !s.trim().is_empty(),
            _ => true,
        },
    }
}

/// Assignments of a role that can write role assignments (built-in or a
/// custom role of the unit) with no condition. An unknown role is not judged.
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for ra in &cx.role_assignments {
        let res = &cx.resources[ra.resource];
        if res.deploys_nothing() || has_condition(ra) {
            continue;
        }
        let Some(caps) = role_capabilities(cx, &ra.role) else {
            continue;
        };
        if !caps.write_role_assignments {
            continue;
        }
        let (role, via) = role_phrase(cx, ra);
        let mut f = Finding::new(
            &RULE.meta,
            ra.role_loc(res),
            format!("`{role}`{via} can write role assignments in its scope and is granted without a `condition`"),
        )
        .resource(res, "roleDefinitionId");
        if let Some(e) = &ra.role_entry {
            f = f.evidence(&e.value);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entry, Loc, Principal, Role, Value};

    fn ra(condition: Option<Value>) -> RoleAssignment {
        RoleAssignment {
            resource: 0,
            role: Role::Unknown,
            role_entry: None,
            principal: Principal::Unknown,
            principal_entry: None,
            principal_type: None,
            condition: condition.map(|value| Entry {
                key: "condition".into(),
                key_loc: Loc::default(),
                value,
            }),
            scope_entry: None,
            scope: None,
            scope_target: None,
        }
    }

    #[test]
    fn conditions() {
        let lit = |s: &str| Value::string(s, Loc::default());
        assert!(!has_condition(&ra(None)));
        assert!(!has_condition(&ra(Some(Value::new(
            Kind::Null,
            Loc::default()
        )))));
        assert!(!has_condition(&ra(Some(lit(" ")))));
        assert!(has_condition(&ra(Some(lit(
            "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})))"
        )))));
        assert!(has_condition(&ra(Some(Value::opaque(
            "parameter",
            Loc::default()
        )))));
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
