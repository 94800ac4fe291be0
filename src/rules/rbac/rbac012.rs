use crate::findings::{Finding, Severity};
use crate::model::assignment::{name_entry, name_issue, NameIssue, Part3};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC012",
        name: "role-assignment-name-not-deterministic",
        family: Family::Rbac,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "role assignment name that is a literal GUID, new on each deployment, or a `guid()` that leaves out the scope, principal or role",
        help: "name the assignment `guid(<scope>.id, <principal ID>, <role definition ID>)` (Terraform: leave `name` unset, or `uuidv5()` of the three)",
        docs: include_str!("../../../rules/RBAC012-role-assignment-name-not-deterministic/README.md"),
    },
    check,
};

/// "the scope", "the principal and the role"...
pub fn omitted(parts: &[Part3]) -> String {
    let nouns: Vec<String> = parts.iter().map(|p| format!("the {}", p.noun())).collect();
    match nouns.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub fn message(issue: &NameIssue) -> String {
    match issue {
        NameIssue::LiteralGuid(g) => format!(
            "role assignment name is the literal GUID `{g}`: every environment and every copy of this assignment gets the same name"
        ),
        NameIssue::Volatile(f) if f.starts_with("uuid") => format!(
            "role assignment name comes from `{f}`: every plan names it anew, so each apply deletes and recreates the assignment"
        ),
        NameIssue::Volatile(f) => format!(
            "role assignment name comes from `{f}`: each deployment names the same assignment anew and fails with `RoleAssignmentExists`"
        ),
        NameIssue::GuidOmits(parts) => format!(
            "role assignment name `guid()` leaves out {}: assignments that differ only there get the same name",
            omitted(parts)
        ),
    }
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for ra in &cx.role_assignments {
        let res = &cx.resources[ra.resource];
        if res.deploys_nothing() {
            continue;
        }
        let Some(issue) = name_issue(cx, ra) else {
            continue;
        };
        let Some(e) = name_entry(cx, ra) else {
            continue;
        };
        let f = Finding::new(&RULE.meta, e.key_loc, message(&issue)).resource(res, "name");
        // A `guid()` is judged as written here; a literal or `newGuid()`
        // may come from a default or an input.
        out.push(match issue {
            NameIssue::GuidOmits(_) => f,
            _ => f.traced(&e.value),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        assert_eq!(omitted(&[Part3::Scope]), "the scope");
        assert_eq!(
            omitted(&[Part3::Scope, Part3::Principal, Part3::Role]),
            "the scope, the principal and the role"
        );
        assert!(message(&NameIssue::Volatile("newGuid()".into())).contains("`newGuid()`"));
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
