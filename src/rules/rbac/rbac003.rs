use crate::findings::{Finding, Severity};
use crate::model::roles::{
    definition_phrase, element_loc, elements, permission_entries, wildcard_of, Wildcard,
    ROLE_DEFINITION,
};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC003",
        name: "custom-role-wildcard-actions",
        family: Family::Rbac,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "custom role definition whose `actions` or `dataActions` contain `*` or `Microsoft.X/*`",
        help: "list the operations the role needs (`Microsoft.Storage/storageAccounts/read`, ...) instead of a wildcard",
        docs: include_str!("../../../rules/RBAC003-custom-role-wildcard-actions/README.md"),
    },
    check,
};

/// Severity of a permission pattern: `*` grants every operation of every
/// provider (high), `Microsoft.X/*` every operation of one provider
/// (medium); narrower wildcards (`Microsoft.X/y/*`, `*/read`) are not
/// reported.
pub fn judge(pattern: &str) -> Option<Severity> {
    match wildcard_of(pattern)? {
        Wildcard::All => Some(Severity::High),
        Wildcard::Provider => Some(Severity::Medium),
    }
}

/// Every wildcard element of a custom role's `actions` and `dataActions`,
/// each a finding at the element. Unknown elements are not judged.
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
            for (key, list) in [("actions", e.actions), ("dataActions", e.data_actions)] {
                let Some(list) = list else { continue };
                for (pattern, v) in elements(Some(list)) {
                    let Some(severity) = judge(pattern) else {
                        continue;
                    };
                    let what = if severity == Severity::High {
                        "every operation of every resource provider".to_string()
                    } else {
                        let ns = pattern.trim().trim_end_matches("/*");
                        format!("every operation of `{ns}`")
                    };
                    let loc = element_loc(cx, list, v);
                    let mut f = Finding::new(
                        &RULE.meta,
                        loc,
                        format!("{role} grants {what} (`{}` in `{key}`)", pattern.trim()),
                    )
                    .severity(severity)
                    .resource(res, &format!("properties.permissions[{i}].{key}"))
                    .traced(v);
                    if loc != v.loc {
                        f = f.related(v.loc, "the element is written here");
                    }
                    out.push(f);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_wildcards() {
        assert_eq!(judge("*"), Some(Severity::High));
        assert_eq!(judge(" * "), Some(Severity::High));
        assert_eq!(judge("Microsoft.Storage/*"), Some(Severity::Medium));
        assert_eq!(judge("Microsoft.Storage/storageAccounts/*"), None);
        assert_eq!(judge("*/read"), None);
        assert_eq!(
            judge("Microsoft.Compute/virtualMachines/start/action"),
            None
        );
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
