use crate::findings::{Finding, Severity};
use crate::model::{Kind, Role, RoleAssignment, ScopeLevel, Value};
use crate::rules::options::{list, OptionError, Raw, Typed};
use crate::rules::{Ctx, Family, Formats, OptionsSpec, Rule, RuleMeta};
use std::sync::Arc;

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

/// RBAC001's options.
#[derive(Debug, Default)]
pub struct Options {
    /// Globs over the assignment's scope text (see [`scope_for_globs`]):
    /// a privileged role granted at a matching scope is allowed.
    pub allowed_scopes: Vec<globset::GlobMatcher>,
}

pub static OPTIONS: OptionsSpec = OptionsSpec {
    names: &["allowed_scopes"],
    parse: parse_options,
};

fn parse_options(given: &[(&str, Raw)]) -> Result<Typed, OptionError> {
    let mut o = Options::default();
    for (_, raw) in given {
        for (g, at) in list(raw) {
            match globset::Glob::new(&g) {
                Ok(glob) => o.allowed_scopes.push(glob.compile_matcher()),
                Err(e) => {
                    return Err(OptionError {
                        at,
                        message: format!("invalid glob `{g}`: {}", e.kind()),
                    })
                }
            }
        }
    }
    Ok(Arc::new(o))
}

/// The text `allowed_scopes` globs match: the explicit scope as evaluated,
/// its unknown parts written `{...}` (`/subscriptions/{subscription ID}/...`).
/// `None` when the assignment has no explicit scope or nothing of it is
/// known: no glob can prove such a scope allowed.
pub fn scope_for_globs(scope: &Value) -> Option<String> {
    match &scope.kind {
        Kind::String(_) | Kind::Template(_) => Some(scope.display()),
        _ => None,
    }
}

/// Is a scope with this text one the options allow? `None` (nothing of the
/// scope is known) never is.
pub fn allowed(options: &Options, scope: Option<&str>) -> bool {
    scope.is_some_and(|text| options.allowed_scopes.iter().any(|g| g.is_match(text)))
}

/// The text of the assignment's explicit scope: as written and evaluated,
/// or, for a reference to a resource declared here (the `id` of a resource
/// group, `[resourceId(...)]`), that resource's ID built from its name.
fn scope_of(unit: &Ctx, ra: &RoleAssignment) -> Option<String> {
    let v = &ra.scope_entry.as_ref()?.value;
    if let Some(text) = scope_for_globs(v) {
        return Some(text);
    }
    let target = ra.scope_target.as_ref()?;
    let mut found = unit.resolve(target);
    let (Some(r), None) = (found.next(), found.next()) else {
        return None;
    };
    crate::model::ids::id_text(r)
}

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
    let options = unit.options.get::<Options>(&RULE.meta);
    for ra in &unit.role_assignments {
        let Some(severity) = judge(&ra.role, ra.scope) else {
            continue;
        };
        if options.is_some_and(|o| allowed(o, scope_of(unit, ra).as_deref())) {
            continue;
        }
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
    fn allowed_scopes_match_the_scope_text() {
        use crate::model::{Loc, Part};
        let raw = Raw::List(vec![(
            "/subscriptions/*/resourceGroups/platform-*".into(),
            crate::rules::options::At { line: 1, column: 1 },
        )]);
        let typed = parse_options(&[("allowed_scopes", raw)]).unwrap();
        let o = typed.downcast_ref::<Options>().unwrap();
        let lit = |s: &str| Value::string(s, Loc::default());
        let is_allowed = |v: &Value| allowed(o, scope_for_globs(v).as_deref());
        let sub = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590";
        assert!(is_allowed(&lit(&format!(
            "{sub}/resourceGroups/platform-core"
        ))));
        assert!(!is_allowed(&lit(&format!("{sub}/resourceGroups/app-core"))));
        assert!(!is_allowed(&lit(sub)));
        // The subscription is not known, the resource group is.
        let template = Value::new(
            Kind::Template(
                vec![
                    Part::Lit("/subscriptions/".into()),
                    Part::Hole(crate::model::Unknown::Context(
                        crate::model::value::ContextValue::SubscriptionId,
                    )),
                    Part::Lit("/resourceGroups/platform-net".into()),
                ]
                .into(),
            ),
            Loc::default(),
        );
        assert!(is_allowed(&template));
        // Unknown or implicit scopes cannot be proven allowed.
        assert!(!is_allowed(&Value::opaque("parameter", Loc::default())));
        assert!(!allowed(o, None));
        assert!(!allowed(&Options::default(), Some(sub)));
    }

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
