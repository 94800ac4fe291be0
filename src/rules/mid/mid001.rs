use crate::findings::{Finding, Severity};
use crate::model::keys::is_workload;
use crate::model::secrets::{self, Source};
use crate::model::{credentials, Identity, Kind, ResId, Resource, Tri, Unit, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID001",
        name: "workload-without-managed-identity",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "workload that takes a managed identity declared without one",
        help: "give the workload a managed identity: ARM `\"identity\": { \"type\": \"SystemAssigned\" }` (or `UserAssigned` with `userAssignedIdentities`), Terraform `identity { type = \"SystemAssigned\" }` (or `UserAssigned` with `identity_ids`), and grant it the roles it needs instead of keys or secrets",
        docs: include_str!("../../../rules/MID001-workload-without-managed-identity/README.md"),
    },
    check,
};

/// Workloads that exist to reach Azure services: without a managed identity
/// they hold a service principal secret or keys (AKS without an identity
/// runs on a service principal; factories, workspaces, connectors and
/// automation accounts read and write other services). Reported whenever
/// they have none.
const INHERENT: &[&str] = &[
    "Microsoft.ContainerService/managedClusters",
    "Microsoft.DataFactory/factories",
    "Microsoft.Synapse/workspaces",
    "Microsoft.Databricks/accessConnectors",
    "Microsoft.Automation/automationAccounts",
    "Microsoft.StreamAnalytics/streamingjobs",
    "Microsoft.MachineLearningServices/workspaces",
];

/// Whether a value carries a credential for an Azure service: a key read
/// from a service (`listKeys()`, `primary_access_key`, a connection string
/// attribute) or a literal in a credential format (table T5). Members named
/// in `skip` are not looked at.
pub fn carries_credential(v: &Value, skip: &[&str], depth: usize) -> bool {
    if depth > 48 {
        return false;
    }
    match &v.kind {
        Kind::Object(entries) => entries.iter().any(|e| {
            !skip.iter().any(|k| e.key.eq_ignore_ascii_case(k))
                && carries_credential(&e.value, skip, depth + 1)
        }),
        Kind::Array(items) => items
            .iter()
            .any(|it| carries_credential(it, skip, depth + 1)),
        Kind::String(s) => !credentials::find(s).is_empty(),
        _ => matches!(secrets::source(v), Source::ServiceKey(_)),
    }
}

/// Keys the platform itself requires whatever the identity: a container
/// group mounts an Azure Files volume only with the account key.
fn platform_keys(r: &Resource) -> &'static [&'static str] {
    if r.is_type("Microsoft.ContainerInstance/containerGroups") {
        &["volumes", "volume"]
    } else {
        &[]
    }
}

/// Whether `r` or a child resource of it (VM extension, `sites/config`,
/// ...) authenticates to an Azure service with a key or secret: proof that
/// the workload uses Azure services and would use an identity for them.
fn uses_azure_credential(unit: &Unit, r: &Resource, id: ResId) -> bool {
    if carries_credential(&r.body, platform_keys(r), 0) {
        return true;
    }
    unit.resources.iter().any(|c| {
        c.parent
            .as_ref()
            .is_some_and(|p| unit.lookup(p).contains(&id))
            && carries_credential(&c.body, &[], 0)
    })
}

/// What the identity declaration says.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No identity declared: the service default is none.
    Absent,
    /// `type: None`.
    None,
    /// An identity, or one that may be (unknown type).
    Fine,
}

pub fn judge(id: Option<&Identity>) -> Verdict {
    match id {
        None => Verdict::Absent,
        Some(i) if i.system == Tri::No && i.user == Tri::No && i.user_assigned.is_empty() => {
            Verdict::None
        }
        Some(_) => Verdict::Fine,
    }
}

/// A workload with no managed identity authenticates with keys, secrets or
/// not at all; absent means none (the service default).
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, r) in cx.resources.iter().enumerate() {
        if !is_workload(r) || r.deploys_nothing() {
            continue;
        }
        // VMs, apps, containers, Logic Apps and API Management often call
        // no Azure service at all: only those shown to use one with a key
        // or secret are reported.
        let inherent = INHERENT.iter().any(|t| r.is_type(t));
        if !inherent
            && judge(r.identity.as_ref()) != Verdict::Fine
            && !uses_azure_credential(cx.unit, r, ResId(i as u32))
        {
            continue;
        }
        let f = match judge(r.identity.as_ref()) {
            Verdict::Fine => continue,
            Verdict::Absent => Finding::new(
                &RULE.meta,
                r.loc,
                format!("`{}` has no managed identity", r.label),
            )
            .resource(r, "identity"),
            Verdict::None => {
                let Some(id) = &r.identity else { continue };
                let mut f = Finding::new(
                    &RULE.meta,
                    id.loc,
                    format!("`{}` has its managed identity turned off (`None`)", r.label),
                )
                .resource(r, "identity.type");
                if let Some(v) = r.body.get("identity").and_then(type_value) {
                    f = f.traced(v);
                }
                f
            }
        };
        out.push(f);
    }
}

fn type_value(id: &crate::model::Value) -> Option<&crate::model::Value> {
    match &id.kind {
        crate::model::Kind::Array(items) => items.first()?.get("type"),
        _ => id.get("type"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Loc, Value};

    #[test]
    fn credentials_are_service_keys_and_credential_literals() {
        let l = Loc::default();
        let key = Value::unknown(
            crate::model::Unknown::ServiceSecret {
                source: "listKeys".into(),
                target: None,
                name: None,
            },
            l,
        );
        assert!(carries_credential(&key, &[], 0));
        let conn = Value::string(
            format!(
                "DefaultEndpointsProtocol=https;AccountName=x;AccountKey={}==",
                "Zq3+Xh7Kp2Lm9Nb4Vc8Rt1Yw6"
                    .repeat(4)
                    .get(..86)
                    .unwrap_or_default()
            ),
            l,
        );
        assert!(carries_credential(&conn, &[], 0));
        assert!(!carries_credential(
            &Value::string("https://x.blob.core.windows.net", l),
            &[],
            0
        ));
        assert!(!carries_credential(&Value::opaque("parameter", l), &[], 0));
    }

    #[test]
    fn absent_none_and_unknown() {
        assert_eq!(judge(None), Verdict::Absent);
        let of = |v: Option<Value>| Identity::from_type(v.as_ref(), Loc::default());
        let s = |t: &str| Some(Value::string(t, Loc::default()));
        assert_eq!(judge(Some(&of(s("None")))), Verdict::None);
        assert_eq!(judge(Some(&of(s("SystemAssigned")))), Verdict::Fine);
        assert_eq!(
            judge(Some(&of(Some(Value::opaque("parameter", Loc::default()))))),
            Verdict::Fine
        );
    }
}
