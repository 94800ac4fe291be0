use crate::findings::{Finding, Severity};
use crate::model::{IdField, Identity, Kind, ResId, Resource, Role, Tri, Unit, UseKind, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};
use std::collections::BTreeSet;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID015",
        name: "user-assigned-identity-not-selected",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "workload with several managed identities and no client-ID setting saying which one to use",
        help: "set `AZURE_CLIENT_ID` (or `<connection>__clientId`) to the user-assigned identity's `clientId` (TF `client_id`) in the app settings or environment (TF `app_settings`, `env`, `environment_variables`), and `keyVaultReferenceIdentity` (TF `key_vault_reference_identity_id`) to its resource ID; or remove the identity the workload does not use",
        docs: include_str!("../../../rules/MID015-user-assigned-identity-not-selected/README.md"),
    },
    check,
};

/// Workloads whose template carries the setting that selects an identity
/// (app settings, container environment). Other T3 workloads (VMs, AKS,
/// Data Factory...) choose in code or configuration the template does not
/// hold, so a template cannot be faulted for not choosing.
const TYPES: &[&str] = &[
    "Microsoft.Web/sites",
    "Microsoft.Web/sites/slots",
    "Microsoft.App/containerApps",
    "Microsoft.App/jobs",
    "Microsoft.ContainerInstance/containerGroups",
];

/// Settings that select an identity, in ARM and Terraform spelling.
pub fn is_selector(name: &str) -> bool {
    let is = |s: &str| name.eq_ignore_ascii_case(s);
    let suffix = "__clientid";
    is("AZURE_CLIENT_ID")
        || (name.len() > suffix.len()
            && name.is_char_boundary(name.len() - suffix.len())
            && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix))
        || is("keyVaultReferenceIdentity")
        || is("acrUserManagedIdentityID")
}

/// Members that hold settings or environment variables: an unknown value
/// there may hold a selector.
fn holds_settings(key: &str) -> bool {
    const KEYS: &[&str] = &[
        "properties",
        "siteConfig",
        "site_config",
        "appSettings",
        "app_settings",
        "template",
        "containers",
        "container",
        "env",
        "environmentVariables",
        "environment_variables",
        "secure_environment_variables",
    ];
    KEYS.iter().any(|k| key.eq_ignore_ascii_case(k))
}

/// Whether the identities are ambiguous: a system-assigned identity and a
/// user-assigned one, or two user-assigned ones. `None`: the identity type
/// or the list of identities is not known.
pub fn ambiguous(id: &Identity) -> Option<bool> {
    if id.system == Tri::Unknown || id.user == Tri::Unknown {
        return None;
    }
    let distinct: BTreeSet<String> = id
        .user_assigned
        .iter()
        .map(|u| {
            u.target
                .as_ref()
                .map(|t| t.key.to_ascii_lowercase())
                .or_else(|| u.id.match_key())
                .unwrap_or_else(|| format!("{:?}", u.id.kind))
        })
        .collect();
    // `UserAssigned` named with identities not listed: at least one.
    let users = if id.user.is_yes() {
        distinct.len().max(1)
    } else {
        distinct.len()
    };
    Some((id.system.is_yes() && users >= 1) || users >= 2)
}

/// `Some(true)`: a selector is set; `Some(false)`: certainly none;
/// `None`: settings the rule cannot see may hold one.
pub fn selects(body: &Value, depth: usize) -> Option<bool> {
    selects_in(body, false, depth)
}

/// `settings`: `v` is the value of a member holding settings, where an
/// unknown item may be a selector.
fn selects_in(body: &Value, settings: bool, depth: usize) -> Option<bool> {
    if depth > 48 {
        return None;
    }
    match &body.kind {
        Kind::Object(entries) => {
            let pair = entries
                .iter()
                .find(|e| e.key.eq_ignore_ascii_case("name"))
                .and_then(|e| e.value.as_str());
            if pair.is_some_and(is_selector) {
                return Some(true);
            }
            let mut unknown = false;
            for e in entries.iter() {
                if e.key.eq_ignore_ascii_case("identity") {
                    continue;
                }
                if is_selector(&e.key) && !e.value.is_null() {
                    return Some(true);
                }
                match &e.value.kind {
                    Kind::Unknown(_) if holds_settings(&e.key) => unknown = true,
                    _ => match selects_in(&e.value, holds_settings(&e.key), depth + 1) {
                        Some(true) => return Some(true),
                        None => unknown = true,
                        Some(false) => {}
                    },
                }
            }
            if unknown {
                None
            } else {
                Some(false)
            }
        }
        Kind::Array(items) => {
            let mut unknown = false;
            for it in items.iter() {
                match (&it.kind, selects_in(it, settings, depth + 1)) {
                    (_, Some(true)) => return Some(true),
                    // An unknown item of a settings list may be a selector.
                    (Kind::Unknown(_), _) if settings => unknown = true,
                    (_, None) => unknown = true,
                    _ => {}
                }
            }
            if unknown {
                None
            } else {
                Some(false)
            }
        }
        _ => Some(false),
    }
}

/// `sites/config` (and `sites/slots/config`) resources that are, or may
/// be, `r`'s: app settings declared beside the app. `None` for one whose
/// app is not known (its name depends on an input or a module output).
fn config_children<'u>(unit: &'u Unit, r: &Resource, id: ResId) -> Vec<Option<&'u Resource>> {
    let config = format!("{}/config", r.ty);
    unit.resources
        .iter()
        .filter(|c| c.is_type(&config))
        .filter_map(|c| {
            let apps = c
                .parent
                .as_ref()
                .map(|p| unit.lookup(p))
                .unwrap_or_default();
            if apps.is_empty() {
                Some(None)
            } else {
                apps.contains(&id).then_some(Some(c))
            }
        })
        .collect()
}

/// Roles that only pull images: a user-assigned identity holding only these
/// is attached for the registry, not for the SDKs.
fn pull_only(role: &Role) -> bool {
    match role {
        Role::BuiltIn(b) => b.name.eq_ignore_ascii_case("AcrPull"),
        Role::Guid(g) => g.eq_ignore_ascii_case("7f951dda-4ed3-4680-a7ca-43fe172d538d"),
        _ => false,
    }
}

/// Whether a user-assigned identity of `r` is given access in this unit
/// beyond pulling images: proof that it is the one the code should use,
/// while the SDKs take the system-assigned one.
fn user_identity_has_data_grants(unit: &Unit, r: ResId) -> bool {
    let g = &unit.graph;
    let system = g.system(r);
    g.identities_of(r)
        .into_iter()
        .filter(|&i| Some(i) != system)
        .any(|i| g.grants_of(i).any(|gr| !pull_only(&gr.role)))
}

/// The identity `type` value, to say where it came from.
fn identity_type(r: &Resource) -> Option<&Value> {
    let id = r.body.get("identity")?;
    let id = match &id.kind {
        Kind::Array(items) => items.first()?,
        _ => id,
    };
    id.get("type")
}

/// A workload with several identities and nothing saying which one the
/// SDKs should use: `DefaultAzureCredential` and the App Service platform
/// then take the system-assigned identity (or fail with two user-assigned).
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let unit = cx.unit;
    for (i, r) in unit.resources.iter().enumerate() {
        if !TYPES.iter().any(|t| r.is_type(t)) || r.deploys_nothing() {
            continue;
        }
        let Some(ident) = &r.identity else { continue };
        if ambiguous(ident) != Some(true) {
            continue;
        }
        let id = ResId(i as u32);
        if ident.system.is_yes() && !user_identity_has_data_grants(unit, id) {
            continue;
        }
        // A client ID given under a name of the app's own chooses explicitly.
        if unit
            .graph
            .uses
            .iter()
            .any(|u| u.resource == id && u.kind == UseKind::Value && u.field == IdField::Client)
        {
            continue;
        }
        let mut answer = selects(&r.body, 0);
        for c in config_children(unit, r, id) {
            answer = match (answer, c) {
                (Some(true), _) => Some(true),
                (_, None) => None,
                (a, Some(c)) => match (a, selects(&c.body, 0)) {
                    (_, Some(true)) => Some(true),
                    (None, _) | (_, None) => None,
                    _ => Some(false),
                },
            };
        }
        if answer != Some(false) {
            continue;
        }
        let which = if ident.system.is_yes() {
            "a system-assigned and a user-assigned identity"
        } else {
            "several user-assigned identities"
        };
        let mut f = Finding::new(
            &RULE.meta,
            r.loc,
            format!(
                "`{}` has {which} but no `AZURE_CLIENT_ID`, `__clientId`, `keyVaultReferenceIdentity` or `acrUserManagedIdentityID` saying which one to use",
                r.label
            ),
        )
        .resource(r, "identity");
        if let Some(t) = identity_type(r) {
            f = f.traced(t);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IdentityRef, Loc};

    fn ident(system: Tri, user: Tri, uais: &[&str]) -> Identity {
        Identity {
            loc: Loc::default(),
            system,
            user,
            user_assigned: uais
                .iter()
                .map(|k| IdentityRef {
                    id: Value::string(*k, Loc::default()),
                    loc: Loc::default(),
                    target: None,
                })
                .collect(),
        }
    }

    fn obj(entries: Vec<(&str, Value)>) -> Value {
        crate::model::value::test_object(entries)
    }

    fn s(t: &str) -> Value {
        Value::string(t, Loc::default())
    }

    #[test]
    fn only_acr_pull_is_pull_only() {
        assert!(pull_only(&Role::Guid(
            "7F951DDA-4ED3-4680-A7CA-43FE172D538D".into()
        )));
        assert!(!pull_only(&Role::Guid(
            "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1".into()
        )));
        assert!(!pull_only(&Role::Unknown));
    }

    #[test]
    fn several_identities_are_ambiguous() {
        use Tri::*;
        assert_eq!(ambiguous(&ident(Yes, Yes, &["/a"])), Some(true));
        assert_eq!(ambiguous(&ident(Yes, Yes, &[])), Some(true));
        assert_eq!(ambiguous(&ident(No, Yes, &["/a", "/b"])), Some(true));
        assert_eq!(ambiguous(&ident(No, Yes, &["/a"])), Some(false));
        assert_eq!(ambiguous(&ident(Yes, No, &[])), Some(false));
        assert_eq!(ambiguous(&ident(Unknown, Unknown, &["/a"])), None);
    }

    #[test]
    fn a_selector_by_key_or_pair_name() {
        assert!(is_selector("AZURE_CLIENT_ID"));
        assert!(is_selector("AzureWebJobsStorage__clientId"));
        assert!(is_selector("keyVaultReferenceIdentity"));
        assert!(!is_selector("__clientId"));
        assert!(!is_selector("AZURE_TENANT_ID"));
        let pair = |n: &str| obj(vec![("name", s(n)), ("value", s("x"))]);
        let settings = |items: Vec<Value>| {
            obj(vec![(
                "properties",
                obj(vec![(
                    "siteConfig",
                    obj(vec![(
                        "appSettings",
                        Value::new(Kind::Array(items.into()), Loc::default()),
                    )]),
                )]),
            )])
        };
        assert_eq!(
            selects(&settings(vec![pair("AZURE_CLIENT_ID")]), 0),
            Some(true)
        );
        assert_eq!(selects(&settings(vec![pair("OTHER")]), 0), Some(false));
        let unknown = Value::opaque("parameter", Loc::default());
        assert_eq!(
            selects(&settings(vec![pair("OTHER"), unknown.clone()]), 0),
            None
        );
        assert_eq!(
            selects(
                &obj(vec![("properties", obj(vec![("siteConfig", unknown)]))]),
                0
            ),
            None
        );
        assert_eq!(
            selects(
                &obj(vec![(
                    "properties",
                    obj(vec![(
                        "keyVaultReferenceIdentity",
                        Value::new(Kind::Null, Loc::default())
                    )])
                )]),
                0
            ),
            Some(false)
        );
    }
}
