use crate::findings::{Finding, Severity};
use crate::model::roles::{
    allows, definition_phrase, element_loc, elements, permission_entries, ROLE_DEFINITION,
    WRITE_ROLE_ASSIGNMENTS, WRITE_ROLE_DEFINITIONS,
};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC004",
        name: "custom-role-can-grant-access",
        family: Family::Rbac,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "custom role that can write role assignments or role definitions",
        help: "leave `Microsoft.Authorization/roleAssignments/write` and `roleDefinitions/write` out of the role (or add `Microsoft.Authorization/*/write` to `notActions`); delegate access with a built-in role and an ABAC condition instead",
        docs: include_str!("../../../rules/RBAC004-custom-role-can-grant-access/README.md"),
    },
    check,
};

/// What an `actions` pattern lets the role write, less the entry's
/// `notActions`: role assignments, role definitions, both, or neither.
pub fn grants(pattern: &str, not_actions: &[&str]) -> Option<&'static str> {
    let a = allows(&[pattern], not_actions, WRITE_ROLE_ASSIGNMENTS);
    let d = allows(&[pattern], not_actions, WRITE_ROLE_DEFINITIONS);
    match (a, d) {
        (true, true) => Some("role assignments and role definitions"),
        (true, false) => Some("role assignments"),
        (false, true) => Some("role definitions"),
        (false, false) => None,
    }
}

/// Each `actions` element of a custom role that grants
/// `Microsoft.Authorization/roleAssignments/write` or
/// `roleDefinitions/write` once its entry's `notActions` are taken away.
/// An entry whose `notActions` are not known is not judged.
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for res in cx.resources_of_type(ROLE_DEFINITION) {
        if res.deploys_nothing() {
            continue;
        }
        let Some(entries) = permission_entries(res) else {
            continue;
        };
        let role = definition_phrase(res);
        for (i, e) in entries.iter().enumerate() {
            let (Some(list), Some(perms)) = (e.actions, e.permissions()) else {
                continue;
            };
            for (pattern, v) in elements(Some(list)) {
                let Some(what) = grants(pattern, &perms.not_actions) else {
                    continue;
                };
                let loc = element_loc(cx, list, v);
                let mut f = Finding::new(
                    &RULE.meta,
                    loc,
                    format!(
                        "{role} can write {what} through `{}`: whoever holds it can change who has access",
                        pattern.trim()
                    ),
                )
                .resource(res, &format!("properties.permissions[{i}].actions"))
                .traced(v);
                if loc != v.loc {
                    f = f.related(v.loc, "the element is written here");
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_patterns_less_not_actions() {
        assert_eq!(
            grants("*", &[]),
            Some("role assignments and role definitions")
        );
        assert_eq!(
            grants("Microsoft.Authorization/*", &[]),
            Some("role assignments and role definitions")
        );
        assert_eq!(
            grants("Microsoft.Authorization/roleAssignments/write", &[]),
            Some("role assignments")
        );
        assert_eq!(
            grants("microsoft.authorization/roledefinitions/WRITE", &[]),
            Some("role definitions")
        );
        assert_eq!(grants("*", &["Microsoft.Authorization/*/Write"]), None);
        assert_eq!(
            grants("*", &["Microsoft.Authorization/roleDefinitions/write"]),
            Some("role assignments")
        );
        assert_eq!(grants("*/read", &[]), None);
        assert_eq!(grants("Microsoft.Authorization/*/read", &[]), None);
        assert_eq!(grants("Microsoft.Storage/*", &[]), None);
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
