use crate::findings::{Finding, Severity};
use crate::model::{Kind, Resource, Value};
use crate::rules::kit::{Absent, Answer, Bad, PropertyCheck};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID010",
        name: "aks-local-accounts-or-service-principal",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "AKS cluster with local accounts enabled or a service principal instead of a managed identity",
        help: "set `properties.disableLocalAccounts` to true (Terraform: `local_account_disabled = true`) together with Entra integration (`properties.aadProfile.managed: true`; Terraform: an `azure_active_directory_role_based_access_control` block), without which it has no effect",
        docs: include_str!("../../../rules/MID010-aks-local-accounts-or-service-principal/README.md"),
    },
    check,
};

const AKS: &str = "Microsoft.ContainerService/managedClusters";
const SERVICE_PRINCIPAL: &str = "properties.servicePrincipalProfile";

/// Local accounts give `az aks get-credentials --admin` a static
/// cluster-admin certificate that bypasses Entra ID and Kubernetes RBAC;
/// absent means enabled (the ARM and azurerm default), unknown proves
/// nothing.
pub static LOCAL_ACCOUNTS: PropertyCheck = PropertyCheck {
    types: &[AKS],
    path: "properties.disableLocalAccounts",
    bad: Bad::False,
    absent: Absent::Bad(
        "aks cluster `{label}` does not set `disableLocalAccounts`; local accounts are on by default",
    ),
    message: "aks cluster `{label}` keeps local accounts (`disableLocalAccounts` is false)",
    help: None,
};

const SP_HELP: &str = "remove `properties.servicePrincipalProfile` (or set its `clientId` to `msi`) and give the cluster `identity.type: SystemAssigned` or `UserAssigned`; Terraform: replace the `service_principal` block with an `identity` block";

/// Whether a `servicePrincipalProfile` is a service principal with a
/// secret: `clientId` `msi` is the managed identity, any other known
/// string is a service principal, and an unknown one cannot tell. An
/// azurerm `service_principal` block is one whatever its `client_id`: the
/// provider's alternative to `identity` (`msi` is ARM's spelling only),
/// unless it is a `dynamic` block whose `for_each` is not known.
fn is_service_principal(profile: &Value, own_block: bool) -> Option<bool> {
    // A `dynamic` block over a collection not known may make no block.
    if crate::model::maybe_no_block(profile) {
        return None;
    }
    match &profile.kind {
        Kind::Null => return Some(false),
        Kind::Object(_) => {}
        // A block list (repeated or dynamic `service_principal`) is still the block.
        Kind::Array(items) if own_block => return Some(!items.is_empty()),
        _ => return None,
    }
    if own_block {
        return Some(true);
    }
    match profile.get("clientId").map(|v| &v.kind) {
        Some(Kind::String(s)) => Some(!s.eq_ignore_ascii_case("msi")),
        // No client ID: nothing to sign in as.
        None | Some(Kind::Null) => Some(false),
        _ => None,
    }
}

fn service_principal(r: &Resource, out: &mut Vec<Finding>) {
    let Some(e) = r.prop(SERVICE_PRINCIPAL) else {
        return;
    };
    // Spelled otherwise by the source: Terraform's `service_principal` block.
    let own_block = r.spelling(SERVICE_PRINCIPAL).is_some();
    if is_service_principal(&e.value, own_block) != Some(true) {
        return;
    }
    let msg = format!(
        "aks cluster `{}` uses a service principal with a secret instead of a managed identity",
        r.label
    );
    let f = Finding::property(&RULE.meta, r, SERVICE_PRINCIPAL, e, msg).help(SP_HELP);
    out.push(match e.value.get("clientId") {
        Some(id) if !own_block => f.traced(id),
        _ => f,
    });
}

/// AKS Automatic (`sku.name: Automatic`) has local accounts disabled, and
/// they cannot be turned on.
fn is_automatic(r: &Resource) -> bool {
    r.body
        .get("sku")
        .and_then(|s| s.get("name"))
        .and_then(Value::as_str)
        .is_some_and(|n| n.eq_ignore_ascii_case("Automatic"))
}

fn local_accounts(r: &Resource, out: &mut Vec<Finding>) {
    if is_automatic(r) {
        return;
    }
    let fill = |m: &str| m.replace("{label}", &r.label);
    let path = LOCAL_ACCOUNTS.path;
    match LOCAL_ACCOUNTS.judge_resource(r) {
        Answer::Bad => {
            if let Some(e) = r.prop(path) {
                out.push(
                    Finding::property(&RULE.meta, r, path, e, fill(LOCAL_ACCOUNTS.message))
                        .traced(&e.value),
                );
            }
        }
        Answer::Absent => {
            if let Absent::Bad(m) = LOCAL_ACCOUNTS.absent {
                out.push(Finding::new(&RULE.meta, r.loc, fill(m)).resource(r, path));
            }
        }
        Answer::Fine | Answer::Unknown => {}
    }
}

/// Two findings when both apply: they sit at two places and have two fixes.
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for r in cx
        .resources
        .iter()
        .filter(|r| r.is_type(AKS) && !r.deploys_nothing())
    {
        local_accounts(r, out);
        service_principal(r, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    fn v(k: Kind) -> Value {
        Value::new(k, Loc::default())
    }
    fn obj(entries: Vec<(&str, Value)>) -> Value {
        crate::model::value::test_object(entries)
    }

    #[test]
    fn only_true_disables_local_accounts() {
        let judge = |x: &Value| LOCAL_ACCOUNTS.judge(Some(x));
        assert_eq!(judge(&v(Kind::Bool(false))), Answer::Bad);
        assert_eq!(judge(&v(Kind::String("false".into()))), Answer::Bad);
        assert_eq!(judge(&v(Kind::Bool(true))), Answer::Fine);
        assert_eq!(
            judge(&Value::opaque("parameter", Loc::default())),
            Answer::Unknown
        );
        assert_eq!(LOCAL_ACCOUNTS.judge(None), Answer::Absent);
    }

    #[test]
    fn msi_is_not_a_service_principal() {
        let sp = |id: Value| obj(vec![("clientId", id)]);
        let s = |t: &str| v(Kind::String(t.into()));
        assert_eq!(is_service_principal(&sp(s("msi")), false), Some(false));
        assert_eq!(is_service_principal(&sp(s("MSI")), false), Some(false));
        assert_eq!(
            is_service_principal(&sp(s("00000000-0000-0000-0000-000000000001")), false),
            Some(true)
        );
        let unknown = || Value::opaque("parameter", Loc::default());
        assert_eq!(is_service_principal(&sp(unknown()), false), None);
        assert_eq!(is_service_principal(&unknown(), false), None);
        assert_eq!(is_service_principal(&v(Kind::Null), false), Some(false));
        assert_eq!(is_service_principal(&obj(vec![]), false), Some(false));
        // azurerm: the block is a service principal whatever its client_id
        assert_eq!(is_service_principal(&sp(unknown()), true), Some(true));
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
