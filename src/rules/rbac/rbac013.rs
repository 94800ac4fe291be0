use crate::findings::{Finding, Severity};
use crate::model::rbac::key_vault_data_role;
use crate::model::{Entry, Kind, Resource, ResourceRef, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC013",
        name: "key-vault-role-without-rbac-mode",
        family: Family::Rbac,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "Key Vault data role on a vault that uses access policies, or access policies on a vault that uses Azure RBAC",
        help: "use one permission model per vault: set `properties.enableRbacAuthorization: true` (Terraform: `rbac_authorization_enabled = true`) and grant Key Vault data roles, or keep access policies and do not assign data roles",
        docs: include_str!("../../../rules/RBAC013-key-vault-role-without-rbac-mode/README.md"),
    },
    check,
};

const VAULT: &str = "Microsoft.KeyVault/vaults";
const ACCESS_POLICIES: &str = "Microsoft.KeyVault/vaults/accessPolicies";
const RBAC_PATH: &str = "properties.enableRbacAuthorization";

/// The first Key Vault API version whose new vaults default to Azure RBAC
/// (`enableRbacAuthorization` absent = true at creation; an existing vault
/// keeps its model). Earlier versions create access-policy vaults.
const RBAC_DEFAULT_API: &str = "2026-02-01";

/// The vault's permission model: `Some(true)` Azure RBAC, `Some(false)`
/// access policies, `None` not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Rbac,
    AccessPolicies,
}

/// The API version a resource is declared with: ARM `apiVersion`, azapi
/// `type@version`. `Ok(None)`: none given (azurerm, which pins its own
/// version, older than 2026-02-01); `Err(())`: given but not known.
fn api_version(r: &Resource) -> Result<Option<String>, ()> {
    if let Some(v) = r.body.get("apiVersion") {
        return v.as_str().map(|s| Some(s.to_string())).ok_or(());
    }
    match r.body.get("type").map(|t| (t, t.as_str())) {
        Some((_, Some(t))) => Ok(t.split_once('@').map(|(_, v)| v.to_string())),
        Some((_, None)) => Err(()),
        None => Ok(None),
    }
}

/// The permission model an `enableRbacAuthorization` value (`None`: absent)
/// gives a vault declared with `api` (see [`api_version`]). Absent means
/// access policies before API 2026-02-01 and is not known from then on
/// (RBAC for a new vault, unchanged for an existing one). Pure.
pub fn judge(setting: Option<&Value>, api: Result<Option<&str>, ()>) -> Option<Mode> {
    match setting.map(|v| &v.kind) {
        Some(Kind::Null) | None => match api {
            Ok(None) => Some(Mode::AccessPolicies),
            // Date-prefixed versions compare as text (`2023-07-01`, `2026-02-01-preview`).
            Ok(Some(v)) if v < RBAC_DEFAULT_API => Some(Mode::AccessPolicies),
            _ => None,
        },
        Some(_) => match setting?.as_bool()? {
            true => Some(Mode::Rbac),
            false => Some(Mode::AccessPolicies),
        },
    }
}

/// The vault's model, with the setting that decides it when written.
fn mode_of(vault: &Resource) -> Option<(Mode, Option<&Entry>)> {
    let props = vault.body.get("properties");
    // `properties` that is not known (azapi `body = var.x`) may set anything.
    if props.is_some_and(|p| !matches!(p.kind, Kind::Object(_) | Kind::Null)) {
        return None;
    }
    // A recovered vault keeps the model it was deleted with.
    let create_mode = vault.prop("properties.createMode").map(|e| &e.value);
    if create_mode.is_some_and(|m| {
        !m.as_str()
            .is_some_and(|s| s.eq_ignore_ascii_case("default"))
    }) {
        return None;
    }
    let entry = vault.prop(RBAC_PATH);
    let api = api_version(vault);
    let api = api.as_ref().map(Option::as_deref).map_err(|_| ());
    judge(entry.map(|e| &e.value), api).map(|m| (m, entry))
}

/// The vault a reference names, or the vault holding the secret, key or
/// certificate it names, when declared once in the unit.
fn vault_of<'a>(cx: &'a Ctx, target: &ResourceRef) -> Option<&'a Resource> {
    let mut found = cx.resolve(target).filter(|r| !r.deploys_nothing());
    let (Some(r), None) = (found.next(), found.next()) else {
        return None;
    };
    if r.is_type(VAULT) {
        return Some(r);
    }
    let child = r.ty.to_ascii_lowercase();
    if child.starts_with("microsoft.keyvault/vaults/") && !r.is_type(ACCESS_POLICIES) {
        return vault_of(cx, r.parent.as_ref()?);
    }
    None
}

/// Does `v` hold at least one access policy? `None`: not known (an input,
/// or a `dynamic` block that may make none).
fn has_policies(v: &Value) -> Option<bool> {
    if crate::model::maybe_no_block(v) {
        return None;
    }
    match &v.kind {
        Kind::Array(items) => {
            // A `dynamic` block's content stands for none, one or many.
            let definite =
                |i: &Value| matches!(i.kind, Kind::Object(_)) && !crate::model::maybe_no_block(i);
            if items.iter().any(definite) {
                Some(true)
            } else if items.is_empty() {
                Some(false)
            } else {
                None
            }
        }
        Kind::Object(_) => Some(true),
        Kind::Null => Some(false),
        _ => None,
    }
}

/// How the vault comes to use access policies, with where its setting's
/// value comes from (" via default of parameter `x`"), in words that fit
/// ARM and Terraform alike.
fn setting_text(entry: Option<&Entry>) -> String {
    match entry {
        Some(e) => format!(
            "RBAC authorization is set to false{}",
            crate::findings::via_text(&e.value)
        ),
        None => "RBAC authorization is not enabled".into(),
    }
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    // Data roles assigned on an access-policy vault.
    for ra in &cx.role_assignments {
        let res = &cx.resources[ra.resource];
        if res.deploys_nothing() {
            continue;
        }
        let Some(role) = key_vault_data_role(ra) else {
            continue;
        };
        let Some(vault) = ra.scope_target.as_ref().and_then(|t| vault_of(cx, t)) else {
            continue;
        };
        let Some((Mode::AccessPolicies, entry)) = mode_of(vault) else {
            continue;
        };
        let mut f = Finding::new(
            &RULE.meta,
            ra.role_loc(res),
            format!(
                "`{role}` is assigned on key vault `{}`, which uses access policies ({}): the role grants no data access",
                vault.label,
                setting_text(entry)
            ),
        )
        .resource(res, "roleDefinitionId");
        f = match entry {
            Some(e) => f
                .related(e.key_loc, "RBAC authorization set here")
                .evidence(&e.value),
            None => f.related(vault.loc, "key vault declared here"),
        };
        out.push(f);
    }
    // Access policies on an Azure RBAC vault: ignored.
    for r in &cx.resources {
        if r.deploys_nothing() {
            continue;
        }
        let (vault, entry) = if r.is_type(VAULT) {
            (r, r.prop("properties.accessPolicies"))
        } else if r.is_type(ACCESS_POLICIES) {
            // `remove` takes policies away, which is harmless.
            let removes = r
                .name
                .as_ref()
                .and_then(Value::as_str)
                .is_some_and(|n| n.rsplit('/').next() == Some("remove"));
            let vault = r.parent.as_ref().and_then(|p| vault_of(cx, p));
            match vault {
                Some(v) if !removes => (v, r.prop("properties.accessPolicies")),
                _ => continue,
            }
        } else {
            continue;
        };
        let Some(policies) = entry else { continue };
        if has_policies(&policies.value) != Some(true) {
            continue;
        }
        let Some((Mode::Rbac, setting)) = mode_of(vault) else {
            continue;
        };
        // A list of policies points at its key; the one policy a separate
        // access policy resource writes at its top, at the resource.
        let loc = match policies.value.kind {
            Kind::Object(_) if !r.is_type(VAULT) => r.loc,
            _ => policies.key_loc,
        };
        let mut f = Finding::new(
            &RULE.meta,
            loc,
            format!(
                "access policies on key vault `{}`, which uses Azure RBAC: they grant nothing",
                vault.label
            ),
        )
        .resource(r, "properties.accessPolicies")
        .help("grant each principal a Key Vault data role (such as `Key Vault Secrets User`) on the vault and remove the access policies");
        if let Some(e) = setting {
            f = f
                .related(e.key_loc, "RBAC authorization set here")
                .evidence(&e.value);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    fn v(k: Kind) -> Value {
        Value::new(k, Loc::default())
    }

    #[test]
    fn permission_model_from_setting_and_api_version() {
        let t = v(Kind::Bool(true));
        let f = v(Kind::String("false".into()));
        assert_eq!(judge(Some(&t), Ok(Some("2019-09-01"))), Some(Mode::Rbac));
        assert_eq!(
            judge(Some(&f), Ok(Some("2026-02-01"))),
            Some(Mode::AccessPolicies)
        );
        // Absent: access policies before 2026-02-01, not known after.
        assert_eq!(
            judge(None, Ok(Some("2023-07-01"))),
            Some(Mode::AccessPolicies)
        );
        assert_eq!(judge(None, Ok(None)), Some(Mode::AccessPolicies));
        assert_eq!(
            judge(Some(&v(Kind::Null)), Ok(Some("2022-07-01"))),
            Some(Mode::AccessPolicies)
        );
        assert_eq!(judge(None, Ok(Some("2026-02-01"))), None);
        assert_eq!(judge(None, Ok(Some("2026-02-01-preview"))), None);
        assert_eq!(judge(None, Err(())), None);
        // Unknown values prove nothing.
        let unknown = Value::opaque("parameter", Loc::default());
        assert_eq!(judge(Some(&unknown), Ok(Some("2023-07-01"))), None);
    }

    #[test]
    fn policies_present_only_when_known() {
        assert_eq!(
            has_policies(&Value::array(vec![], Loc::default())),
            Some(false)
        );
        let one = Value::array(vec![Value::object(vec![], Loc::default())], Loc::default());
        assert_eq!(has_policies(&one), Some(true));
        assert_eq!(
            has_policies(&Value::opaque("parameter", Loc::default())),
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
