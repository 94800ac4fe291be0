use crate::findings::{Finding, Severity};
use crate::model::{IdField, IdentityKind, Kind, Loc, ResId, Unit, UseKind, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};
use std::collections::HashSet;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID014",
        name: "identity-id-kind-mismatch",
        family: Family::Mid,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "a client ID where a principal ID belongs, the reverse, or a resource ID where either belongs",
        help: "give role assignments and access policies the identity's `principalId` (TF `principal_id`), `AZURE_CLIENT_ID`, `__clientId` and `acrUserManagedIdentityID` (TF `container_registry_managed_identity_client_id`) its `clientId` (TF `client_id`), and `userAssignedIdentities`, `keyVaultReferenceIdentity` (TF `identity_ids`, `key_vault_reference_identity_id`) its resource ID (TF `id`)",
        docs: include_str!("../../../rules/MID014-identity-id-kind-mismatch/README.md"),
    },
    check,
};

/// Which kind of identity ID a property takes, by what the graph says the
/// property is: a grant principal, an attachment, or a setting by name.
/// `None`: the property takes no identity ID idlint knows of.
pub fn expected_field(kind: UseKind, name: Option<&str>) -> Option<IdField> {
    match kind {
        UseKind::GrantPrincipal => Some(IdField::Principal),
        UseKind::Attach => Some(IdField::Resource),
        UseKind::Value => {
            let n = name?;
            let is = |s: &str| n.eq_ignore_ascii_case(s);
            let client = is("AZURE_CLIENT_ID")
                || ends_with_ci(n, "__clientId")
                || is("acrUserManagedIdentityID");
            if client {
                return Some(IdField::Client);
            }
            if is("keyVaultReferenceIdentity") {
                return Some(IdField::Resource);
            }
            None
        }
    }
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

fn noun(f: IdField) -> &'static str {
    match f {
        IdField::Principal => "principal (object) ID",
        IdField::Client => "client ID",
        IdField::Resource => "resource ID",
    }
}

/// What to give the property instead, in both spellings.
fn fix(want: IdField) -> &'static str {
    match want {
        IdField::Principal => {
            "give it the identity's `principalId` (TF `principal_id`, `identity[0].principal_id` for a system-assigned identity)"
        }
        IdField::Client => "give it the user-assigned identity's `clientId` (TF `client_id`)",
        IdField::Resource => "give it the user-assigned identity's resource ID (TF `id`)",
    }
}

/// How a message names an identity.
fn who(unit: &Unit, kind: &IdentityKind) -> String {
    match kind {
        IdentityKind::System(r) => {
            format!("the system-assigned identity of `{}`", unit.res(*r).label)
        }
        IdentityKind::User(r) => format!("`{}`", unit.res(*r).label),
        IdentityKind::ExternalSystem(k) => format!("the system-assigned identity of `{k}`"),
        IdentityKind::ExternalUser(k) => format!("`{}`", k.rsplit('/').next().unwrap_or(k)),
        IdentityKind::Guid(g) => format!("`{g}`"),
        IdentityKind::Input(n) => format!("`{n}`"),
    }
}

/// The value of the entry whose key is at `loc`, to say where it came from.
fn value_at(v: &Value, loc: Loc, depth: usize) -> Option<&Value> {
    if depth > 48 {
        return None;
    }
    match &v.kind {
        Kind::Object(entries) => entries.iter().find_map(|e| {
            if e.key_loc == loc {
                Some(&e.value)
            } else {
                value_at(&e.value, loc, depth + 1)
            }
        }),
        Kind::Array(items) => items.iter().find_map(|it| {
            if it.loc == loc && !matches!(it.kind, Kind::Object(_) | Kind::Array(_)) {
                Some(it)
            } else {
                value_at(it, loc, depth + 1)
            }
        }),
        _ => None,
    }
}

fn made(unit: &Unit, r: ResId) -> bool {
    !unit.res(r).deploys_nothing()
}

/// A client ID where a principal ID belongs, or the reverse, or a resource
/// ID where either belongs, as proven by the typed reference the property
/// is given. A literal GUID or an input proves nothing about its kind.
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let unit = cx.unit;
    let g = &unit.graph;
    let mut seen: HashSet<Loc> = HashSet::new();
    let mut report = |res: ResId,
                      loc: Loc,
                      prop: &str,
                      path: &str,
                      got: IdField,
                      want: IdField,
                      kind: &IdentityKind,
                      value: Option<&Value>| {
        if !made(unit, res) || !seen.insert(loc) {
            return;
        }
        let r = unit.res(res);
        let f = Finding::new(
            &RULE.meta,
            loc,
            format!(
                "`{prop}` of `{}` takes a {} but is given the {} of {}",
                r.label,
                noun(want),
                noun(got),
                who(unit, kind),
            ),
        )
        .help(fix(want))
        .resource(r, r.written_path(path));
        out.push(match value {
            Some(v) => f.traced(v),
            None => f,
        });
    };
    for u in &g.uses {
        let r = unit.res(u.resource);
        // A property the loader maps is in the body under both names, and
        // the use may be recorded under the source's: judge it by the ARM name.
        let mapped = r
            .spellings
            .iter()
            .find(|sp| sp.written.eq_ignore_ascii_case(&u.path));
        let arm_name = mapped.map(|sp| sp.path.rsplit('.').next().unwrap_or(&sp.path));
        let name = match u.kind {
            UseKind::Value => arm_name.or(u.name.as_deref()),
            _ => u.name.as_deref(),
        };
        let Some(want) = expected_field(u.kind, name) else {
            continue;
        };
        if u.field == want {
            continue;
        }
        let prop = match (u.kind, r.spelling(&u.path)) {
            (_, Some(sp)) => sp.key().to_string(),
            (UseKind::Value, _) => u.name.clone().unwrap_or_else(|| u.path.clone()),
            _ => u.path.rsplit('.').next().unwrap_or(&u.path).to_string(),
        };
        let kind = &g.identity(u.identity).kind;
        let value = value_at(&r.body, u.loc, 0);
        report(
            u.resource, u.loc, &prop, &u.path, u.field, want, kind, value,
        );
    }
    // The graph records attachments only of resource IDs: an attachment
    // given another kind of ID is found from the identity declaration.
    for (i, r) in unit.resources.iter().enumerate() {
        let Some(ident) = &r.identity else { continue };
        for a in &ident.user_assigned {
            for (id, got) in g.denoted(unit, &a.id) {
                if got != IdField::Resource {
                    let kind = &g.identity(id).kind;
                    // Terraform (azurerm and azapi) spells it `identity_ids`.
                    let (prop, path) = if r.source_type.contains('/') {
                        ("userAssignedIdentities", "identity.userAssignedIdentities")
                    } else {
                        ("identity_ids", "identity.identity_ids")
                    };
                    report(
                        ResId(i as u32),
                        a.loc,
                        prop,
                        path,
                        got,
                        IdField::Resource,
                        kind,
                        Some(&a.id),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_property_takes_one_kind_of_id() {
        let v = |n: &str| expected_field(UseKind::Value, Some(n));
        assert_eq!(v("AZURE_CLIENT_ID"), Some(IdField::Client));
        assert_eq!(v("azure_client_id"), Some(IdField::Client));
        assert_eq!(v("ServiceBus__clientId"), Some(IdField::Client));
        assert_eq!(v("acrUserManagedIdentityID"), Some(IdField::Client));
        assert_eq!(v("keyVaultReferenceIdentity"), Some(IdField::Resource));
        assert_eq!(v("OTHER"), None);
        assert_eq!(v("clientId"), None);
        assert_eq!(expected_field(UseKind::Value, None), None);
        assert_eq!(
            expected_field(UseKind::GrantPrincipal, Some("principalId")),
            Some(IdField::Principal)
        );
        assert_eq!(
            expected_field(UseKind::Attach, None),
            Some(IdField::Resource)
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
