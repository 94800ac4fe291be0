use crate::findings::{Finding, Severity};
use crate::model::ids::parse_id;
use crate::model::roles::{definition_phrase, element_loc, ROLE_DEFINITION};
use crate::model::{Entry, Kind, ScopeLevel, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC005",
        name: "custom-role-root-assignable-scope",
        family: Family::Rbac,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "custom role assignable at the tenant root `/` or at a management group",
        help: "make the role assignable only where it is used: the subscriptions or resource groups in `assignableScopes` (TF `assignable_scopes`)",
        docs: include_str!("../../../rules/RBAC005-custom-role-root-assignable-scope/README.md"),
    },
    check,
};

/// What an assignable scope reaches, when it is the tenant root or a
/// management group; `None` for narrower or unknown scopes.
pub fn judge(scope: &Value) -> Option<&'static str> {
    match parse_id(scope)?.level {
        ScopeLevel::Tenant => Some("the tenant root"),
        ScopeLevel::ManagementGroup => Some("a management group"),
        _ => None,
    }
}

/// The scopes a custom role may be assigned at: `assignableScopes`, else
/// the scope the definition is created at (Terraform's default).
fn assignable_scopes(res: &crate::model::Resource) -> Option<&Entry> {
    res.prop("properties.assignableScopes")
        .or_else(|| res.body.entry("scope"))
}

/// Each assignable scope of a custom role that is `/` or a management group.
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for res in cx.resources_of_type(ROLE_DEFINITION) {
        if res.deploys_nothing() {
            continue;
        }
        let Some(list) = assignable_scopes(res) else {
            continue;
        };
        let items: &[Value] = match list.value.as_array() {
            Some(a) => a,
            None => std::slice::from_ref(&list.value),
        };
        let role = definition_phrase(res);
        for v in items {
            let Some(what) = judge(v) else { continue };
            let loc = if list.value.as_array().is_some() {
                element_loc(cx, list, v)
            } else {
                list.key_loc
            };
            let mut f = Finding::new(
                &RULE.meta,
                loc,
                match &v.kind {
                    Kind::String(_) | Kind::Template(_) => {
                        format!("{role} is assignable at {what} (`{}`)", v.display())
                    }
                    _ => format!("{role} is assignable at {what}"),
                },
            )
            .resource(res, "properties.assignableScopes")
            .traced(v);
            if loc != v.loc {
                f = f.related(v.loc, "the scope is written here");
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    #[test]
    fn judges_scope_levels() {
        let lit = |s: &str| Value::string(s, Loc::default());
        assert_eq!(judge(&lit("/")), Some("the tenant root"));
        assert_eq!(
            judge(&lit(
                "/providers/Microsoft.Management/managementGroups/contoso"
            )),
            Some("a management group")
        );
        assert_eq!(judge(&lit("/subscriptions/0000")), None);
        assert_eq!(judge(&lit("/subscriptions/0000/resourceGroups/rg")), None);
        assert_eq!(judge(&Value::opaque("parameter", Loc::default())), None);
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
