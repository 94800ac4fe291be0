use crate::findings::{Finding, Severity};
use crate::model::secrets::{app_settings, entries_at, source, Source};
use crate::model::{Entry, Kind, ResId, Resource, Unit, Unknown, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID005",
        name: "registry-password-instead-of-identity",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "container images pulled with a stored registry password instead of a managed identity",
        help: "pull with a managed identity that holds `AcrPull`: Container Apps `registries[].identity` (TF `registry { identity }`), container groups `imageRegistryCredentials[].identity` (TF `image_registry_credential { user_assigned_identity_id }`), web apps `siteConfig.acrUseManagedIdentityCreds: true` (TF `site_config { container_registry_use_managed_identity = true }`); then remove the password",
        docs: include_str!("../../../rules/MID005-registry-password-instead-of-identity/README.md"),
    },
    check,
};

const APPS: &[&str] = &["Microsoft.App/containerApps", "Microsoft.App/jobs"];
const GROUP: &str = "Microsoft.ContainerInstance/containerGroups";
const SITES: &[&str] = &["Microsoft.Web/sites", "Microsoft.Web/sites/slots"];
const SETTING: &str = "DOCKER_REGISTRY_SERVER_PASSWORD";

/// `Some(true)`: a password (or secret name) is given, whatever its source:
/// a literal, an input, Key Vault, a generator or a service key; `Some(false)`:
/// none (absent, `null`, empty); `None`: cannot tell.
fn given(v: &Value) -> Option<bool> {
    match (&v.kind, source(v)) {
        (Kind::Null, _) => Some(false),
        (Kind::String(s), _) => Some(!s.trim().is_empty()),
        (Kind::Template(_), _) => Some(true),
        (Kind::Unknown(u), _) if matches!(**u, Unknown::Attribute(_)) => Some(true),
        (
            _,
            Source::SecureInput(_)
            | Source::PlainInput(_)
            | Source::KeyVault
            | Source::Generated
            | Source::ServiceKey(_),
        ) => Some(true),
        _ => None,
    }
}

/// Whether a registry entry names an identity: `Some(false)` only when the
/// member is absent, `null` or empty.
fn has_identity(item: &Value) -> Option<bool> {
    match item.get("identity") {
        None => Some(false),
        Some(v) => match &v.kind {
            Kind::Null => Some(false),
            Kind::String(s) => Some(!s.trim().is_empty()),
            Kind::Unknown(_) => None,
            _ => Some(true),
        },
    }
}

/// Whether `server` is known not to be an Azure Container Registry login
/// server (Docker Hub, `ghcr.io`, a private registry): a managed identity
/// cannot pull from those, so their password is no design choice. An
/// unknown server may be a registry's `loginServer`: still judged.
fn other_registry(server: Option<&Value>) -> bool {
    const ACR: &[&str] = &[".azurecr.io", ".azurecr.cn", ".azurecr.us", ".azurecr.de"];
    let Some(v) = server else { return false };
    match &v.kind {
        Kind::String(s) => {
            let s = s.trim().to_ascii_lowercase();
            let s = s
                .strip_prefix("https://")
                .or_else(|| s.strip_prefix("http://"))
                .unwrap_or(&s);
            let host = s.split('/').next().unwrap_or_default();
            !host.is_empty() && !ACR.iter().any(|a| host.ends_with(a))
        }
        _ => false,
    }
}

/// The registry entries at `path` holding `secret` without an identity.
fn offending<'r>(r: &'r Resource, path: &str, secret: &str) -> Vec<&'r Entry> {
    let mut out = Vec::new();
    for list in entries_at(&r.body, path) {
        for item in list.value.as_array().unwrap_or(&[]) {
            // A `dynamic` block over an unknown collection may make no block.
            if crate::model::maybe_no_block(item) {
                continue;
            }
            let Some(e) = item.entry(secret) else {
                continue;
            };
            if given(&e.value) == Some(true)
                && has_identity(item) == Some(false)
                && !other_registry(item.get("server"))
            {
                out.push(e);
            }
        }
    }
    out
}

/// `acrUseManagedIdentityCreds` at `path` of `body`: `Some(true)` set to
/// true, `Some(false)` absent or false, `None` unknown (or an unknown
/// object on the way may hold it).
fn flag_at(body: &Value, path: &str) -> Option<bool> {
    let mut v = body;
    for seg in path.split('.') {
        match &v.kind {
            Kind::Object(_) => match v.get(seg) {
                Some(next) => v = next,
                None => return Some(false),
            },
            Kind::Unknown(_) => return None,
            _ => return Some(false),
        }
    }
    match &v.kind {
        Kind::Bool(b) => Some(*b),
        Kind::Null => Some(false),
        Kind::String(s) => Some(s.eq_ignore_ascii_case("true")),
        _ => None,
    }
}

/// The resources a child's `parent` denotes; empty when it is not known.
fn parents(unit: &Unit, c: &Resource) -> Vec<ResId> {
    c.parent
        .as_ref()
        .map(|p| unit.lookup(p))
        .unwrap_or_default()
}

/// Whether the site `id` pulls with its managed identity: its own
/// `siteConfig`, or a `config/web` child beside it.
fn uses_identity(unit: &Unit, id: ResId) -> Option<bool> {
    let site = unit.res(id);
    let mut answer = flag_at(
        &site.body,
        "properties.siteConfig.acrUseManagedIdentityCreds",
    );
    let config = format!("{}/config", site.ty);
    for c in unit.resources.iter().filter(|c| c.is_type(&config)) {
        let name = c
            .name
            .as_ref()
            .map(Value::display)
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !(name == "web" || name.ends_with("/web")) {
            continue;
        }
        let ps = parents(unit, c);
        let child = if ps.is_empty() {
            None
        } else if ps.contains(&id) {
            flag_at(&c.body, "properties.acrUseManagedIdentityCreds")
        } else {
            continue;
        };
        answer = match (answer, child) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (None, _) | (_, None) => None,
            _ => Some(false),
        };
    }
    answer
}

/// Image pulls authenticated with a stored password: the password has to be
/// kept, rotated and can leak, where a managed identity with `AcrPull`
/// needs nothing stored. Where the password comes from (a literal, a secure
/// input, Key Vault) does not change that. Unknown values, registries that
/// may hold an identity and resources that deploy nothing are not judged.
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let unit = cx.unit;
    for (i, r) in unit.resources.iter().enumerate() {
        if r.deploys_nothing() {
            continue;
        }
        if APPS.iter().any(|t| r.is_type(t)) {
            let path = "properties.configuration.registries";
            for e in offending(r, path, "passwordSecretRef") {
                out.push(
                    Finding::property(
                        &RULE.meta,
                        r,
                        "properties.configuration.registries.passwordSecretRef",
                        e,
                        format!(
                            "`{}` pulls images with a registry password (`passwordSecretRef`) instead of a managed identity",
                            r.label
                        ),
                    )
                    .help("set `registries[].identity` (TF `registry { identity }`) to a managed identity that holds `AcrPull` on the registry, and remove `passwordSecretRef` (TF `password_secret_name`)")
                    .traced(&e.value),
                );
            }
        } else if r.is_type(GROUP) {
            for e in offending(r, "properties.imageRegistryCredentials", "password") {
                out.push(
                    Finding::property(
                        &RULE.meta,
                        r,
                        "properties.imageRegistryCredentials.password",
                        e,
                        format!(
                            "`{}` pulls images with a registry `password` instead of a managed identity",
                            r.label
                        ),
                    )
                    .help("set `imageRegistryCredentials[].identity` (TF `image_registry_credential { user_assigned_identity_id }`) to a managed identity that holds `AcrPull` on the registry, and remove the `password`")
                    .traced(&e.value),
                );
            }
        } else if SITES.iter().any(|t| r.is_type(t))
            || r.is_type("Microsoft.Web/sites/config")
            || r.is_type("Microsoft.Web/sites/slots/config")
        {
            let all = app_settings(r);
            let server = all
                .iter()
                .find(|s| {
                    !s.connection_string
                        && s.name
                            .is_some_and(|n| n.eq_ignore_ascii_case("DOCKER_REGISTRY_SERVER_URL"))
                })
                .map(|s| s.value);
            if other_registry(server) {
                continue;
            }
            let settings: Vec<_> = all
                .into_iter()
                .filter(|s| {
                    !s.connection_string
                        && s.name.is_some_and(|n| n.eq_ignore_ascii_case(SETTING))
                        && given(s.value) == Some(true)
                })
                .collect();
            if settings.is_empty() {
                continue;
            }
            let sites = if SITES.iter().any(|t| r.is_type(t)) {
                vec![ResId(i as u32)]
            } else {
                parents(unit, r)
            };
            if sites.is_empty() || !sites.iter().all(|&s| uses_identity(unit, s) == Some(false)) {
                continue;
            }
            for s in settings {
                out.push(
                    Finding::new(
                        &RULE.meta,
                        s.loc,
                        format!(
                            "`{}` pulls its container image with `{SETTING}` instead of a managed identity",
                            r.label
                        ),
                    )
                    .resource(r, "properties.siteConfig.appSettings")
                    .help("set `siteConfig.acrUseManagedIdentityCreds` to true (TF `site_config { container_registry_use_managed_identity = true }`), give the identity `AcrPull`, and remove `DOCKER_REGISTRY_SERVER_PASSWORD`")
                    .traced(s.value),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    fn obj(entries: Vec<(&str, Value)>) -> Value {
        crate::model::value::test_object(entries)
    }

    fn s(t: &str) -> Value {
        Value::string(t, Loc::default())
    }

    #[test]
    fn finds_nothing_in_an_empty_unit() {
        let unit = crate::model::Unit::default();
        let options = crate::rules::Options::default();
        let mut out = Vec::new();
        check(&Ctx::new(&unit, &options), &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn a_password_is_given_whatever_its_source() {
        assert_eq!(given(&s("pw")), Some(true));
        assert_eq!(given(&s("")), Some(false));
        assert_eq!(given(&Value::new(Kind::Null, Loc::default())), Some(false));
        let secure = Value::unknown(
            Unknown::Input {
                name: "pw".into(),
                secure: true,
            },
            Loc::default(),
        );
        assert_eq!(given(&secure), Some(true));
        assert_eq!(given(&Value::opaque("if()", Loc::default())), None);
    }

    #[test]
    fn an_identity_member_must_be_set() {
        assert_eq!(has_identity(&obj(vec![("server", s("x"))])), Some(false));
        assert_eq!(has_identity(&obj(vec![("identity", s(""))])), Some(false));
        assert_eq!(
            has_identity(&obj(vec![("identity", s("system"))])),
            Some(true)
        );
        assert_eq!(
            has_identity(&obj(vec![("identity", Value::opaque("x", Loc::default()))])),
            None
        );
    }

    #[test]
    fn only_container_registries_take_an_identity() {
        assert!(!other_registry(None));
        assert!(!other_registry(Some(&s("crcontoso.azurecr.io"))));
        assert!(!other_registry(Some(&s("https://crcontoso.azurecr.io/"))));
        assert!(!other_registry(Some(&Value::opaque("x", Loc::default()))));
        assert!(other_registry(Some(&s("ghcr.io"))));
        assert!(other_registry(Some(&s("https://index.docker.io/v1/"))));
    }

    #[test]
    fn the_managed_identity_flag() {
        let p = "properties.siteConfig.acrUseManagedIdentityCreds";
        let site = |v: Value| {
            obj(vec![(
                "properties",
                obj(vec![(
                    "siteConfig",
                    obj(vec![("acrUseManagedIdentityCreds", v)]),
                )]),
            )])
        };
        assert_eq!(
            flag_at(&site(Value::new(Kind::Bool(true), Loc::default())), p),
            Some(true)
        );
        assert_eq!(
            flag_at(&site(Value::new(Kind::Bool(false), Loc::default())), p),
            Some(false)
        );
        assert_eq!(
            flag_at(&obj(vec![("properties", obj(vec![]))]), p),
            Some(false)
        );
        assert_eq!(
            flag_at(
                &obj(vec![("properties", Value::opaque("x", Loc::default()))]),
                p
            ),
            None
        );
    }
}
