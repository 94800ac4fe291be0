use crate::findings::{Finding, Severity};
use crate::model::{Kind, Loc, Part, Resource, ResourceRef, Unknown, Value};
use crate::rules::kit::{Absent, Answer, Bad, PropertyCheck};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID002",
        name: "local-auth-enabled",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "key or SAS (local) authentication left on for a service that supports Entra authentication",
        help: "set `properties.disableLocalAuth` to true (Terraform: `local_auth_enabled = false`, `local_authentication_enabled = false` or `local_authentication_disabled = true`, as the resource spells it) and give each client a managed identity with a data-plane role",
        docs: include_str!("../../../rules/MID002-local-auth-enabled/README.md"),
    },
    check,
};

/// One service's local-auth switch: ARM types, what the service is called
/// in messages, the ARM property and the Terraform attribute(s) that turn
/// keys off. `disableLocalAuth` not `true` is bad; absent means keys are
/// allowed (every one of these services defaults to on); unknown proves
/// nothing. The Terraform spellings are mapped onto the ARM path by
/// `terraform::azurerm`, so the rule reads only the ARM shape.
macro_rules! local_auth {
    ($types:expr, $service:literal, $tf:literal) => {
        PropertyCheck {
            types: $types,
            path: "properties.disableLocalAuth",
            bad: Bad::False,
            absent: Absent::Bad(concat!(
                "`disableLocalAuth` is not set on ",
                $service,
                " `{label}`, and the service default allows key (local) authentication"
            )),
            message: concat!(
                "key (local) authentication is enabled on ",
                $service,
                " `{label}`"
            ),
            help: Some(concat!(
                "set `properties.disableLocalAuth` to true (Terraform: ",
                $tf,
                ") and give each client a managed identity with a data-plane role"
            )),
        }
    };
}

/// The services whose keys can be switched off, as data: one row each.
pub static SERVICES: &[PropertyCheck] = &[
    local_auth!(
        &["Microsoft.ServiceBus/namespaces"],
        "Service Bus namespace",
        "`local_auth_enabled = false`"
    ),
    local_auth!(
        &["Microsoft.EventHub/namespaces"],
        "Event Hubs namespace",
        "`local_authentication_enabled = false`"
    ),
    local_auth!(
        &["Microsoft.DocumentDB/databaseAccounts"],
        "Cosmos DB account",
        "`local_authentication_disabled = true`"
    ),
    local_auth!(
        &["Microsoft.CognitiveServices/accounts"],
        "Cognitive Services account",
        "`local_auth_enabled = false`; AI Services accounts: `local_authentication_enabled = false`"
    ),
    local_auth!(
        &["Microsoft.AppConfiguration/configurationStores"],
        "App Configuration store",
        "`local_auth_enabled = false`"
    ),
    local_auth!(
        &["Microsoft.Search/searchServices"],
        "AI Search service",
        "`local_authentication_enabled = false`"
    ),
    local_auth!(
        &["Microsoft.Insights/components"],
        "Application Insights component",
        "`local_authentication_disabled = true`"
    ),
    local_auth!(
        &["Microsoft.EventGrid/topics", "Microsoft.EventGrid/domains"],
        "Event Grid topic or domain",
        "`local_auth_enabled = false`"
    ),
    local_auth!(
        &["Microsoft.SignalRService/signalR"],
        "SignalR service",
        "`local_auth_enabled = false`"
    ),
    local_auth!(
        &["Microsoft.SignalRService/webPubSub"],
        "Web PubSub service",
        "`local_auth_enabled = false`"
    ),
];

/// Cosmos DB for MongoDB (RU), Apache Cassandra and Apache Gremlin take
/// keys only: no Entra data-plane authentication to switch to. `Some(true)`
/// for an account whose API does take Entra (NoSQL, Table), `None` when
/// the kind or capabilities are not known.
pub fn cosmos_takes_entra(r: &Resource) -> Option<bool> {
    const KEYS_ONLY: &[&str] = &["EnableMongo", "EnableCassandra", "EnableGremlin"];
    let kind = match r.prop("kind").map(|e| &e.value) {
        None => true,
        Some(v) if v.is_null() => true,
        // `Parse` is the MongoDB API under the Parse Server kind.
        Some(v) => {
            let k = v.as_str()?;
            !k.eq_ignore_ascii_case("MongoDB") && !k.eq_ignore_ascii_case("Parse")
        }
    };
    // ARM `properties.capabilities: [{name}]`; Terraform `capabilities { name }` blocks.
    let mut keys_only = false;
    for path in ["properties.capabilities", "capabilities"] {
        let Some(e) = r.prop(path) else { continue };
        let items: Vec<&Value> = match &e.value.kind {
            Kind::Null => continue,
            Kind::Array(items) => items.iter().collect(),
            Kind::Object(_) => vec![&e.value],
            _ => return None,
        };
        for it in items {
            let name = it.get("name").and_then(Value::as_str)?;
            keys_only |= KEYS_ONLY.iter().any(|k| k.eq_ignore_ascii_case(name));
        }
    }
    Some(kind && !keys_only)
}

/// Whether Entra authentication exists for this resource, so that turning
/// keys off is a fix rather than an outage.
fn takes_entra(r: &Resource) -> bool {
    !r.is_type("Microsoft.DocumentDB/databaseAccounts") || cosmos_takes_entra(r) == Some(true)
}

/// Workloads (RULES.md table T3, with their child resources such as
/// `sites/config`) whose settings may carry a service's keys.
const WORKLOADS: &[&str] = &[
    "microsoft.web/sites",
    "microsoft.logic/workflows",
    "microsoft.app/containerapps",
    "microsoft.app/jobs",
    "microsoft.containerinstance/containergroups",
    "microsoft.compute/virtualmachines",
    "microsoft.compute/virtualmachinescalesets",
    "microsoft.containerservice/managedclusters",
    "microsoft.datafactory/factories",
    "microsoft.synapse/workspaces",
    "microsoft.databricks/accessconnectors",
    "microsoft.automation/automationaccounts",
    "microsoft.apimanagement/service",
    "microsoft.streamanalytics/streamingjobs",
    "microsoft.machinelearningservices/workspaces",
];

/// A key pulled from a service (`listKeys()`, `primary_connection_string`)
/// inside a workload of this unit: the workload's name, the resource the
/// key is pulled from, and where.
struct KeyUse<'a> {
    workload: &'a str,
    target: &'a ResourceRef,
    loc: Loc,
}

fn key_uses<'a>(cx: &'a Ctx) -> Vec<KeyUse<'a>> {
    let mut out = Vec::new();
    for w in cx.resources.iter() {
        let ty = w.ty.to_ascii_lowercase();
        let workload = WORKLOADS
            .iter()
            .any(|p| ty == *p || ty.strip_prefix(p).is_some_and(|c| c.starts_with('/')));
        if !workload {
            continue;
        }
        w.body.walk(&mut |v: &Value| match &v.kind {
            Kind::Unknown(u) => {
                if let Unknown::ServiceSecret {
                    target: Some(t), ..
                } = &**u
                {
                    out.push(KeyUse {
                        workload: &w.label,
                        target: t,
                        loc: v.loc,
                    })
                }
            }
            Kind::Template(parts) => {
                for p in parts.iter() {
                    if let Part::Hole(Unknown::ServiceSecret {
                        target: Some(t), ..
                    }) = p
                    {
                        out.push(KeyUse {
                            workload: &w.label,
                            target: t,
                            loc: v.loc,
                        });
                    }
                }
            }
            _ => {}
        });
    }
    out
}

/// Is `target` the service `r` or one of its children (an authorization
/// rule, declared in the unit or only named by its ID)?
fn keys_of(cx: &Ctx, r: &Resource, target: &ResourceRef) -> bool {
    if target.key.eq_ignore_ascii_case(&r.key) {
        return true;
    }
    let is_r = |p: &ResourceRef| p.key.eq_ignore_ascii_case(&r.key);
    if cx
        .resolve(target)
        .any(|c| c.parent.as_ref().is_some_and(is_r))
    {
        return true;
    }
    // ARM: `<type>/<child type>` named `<name>/<child name>`.
    let (rty, tty) = (r.ty.to_ascii_lowercase(), target.ty.to_ascii_lowercase());
    let name = r.key.to_ascii_lowercase();
    let Some(name) = name.strip_prefix(&rty).and_then(|n| n.strip_prefix('/')) else {
        return false;
    };
    tty.strip_prefix(&rty).is_some_and(|c| c.starts_with('/'))
        && target
            .key
            .to_ascii_lowercase()
            .strip_prefix(&tty)
            .and_then(|n| n.strip_prefix('/'))
            .is_some_and(|n| n.starts_with(&format!("{name}/")))
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let uses = key_uses(cx);
    for r in cx.resources.iter() {
        // A `count`/`for_each` known to make no instance deploys nothing.
        if r.deploys_nothing() {
            continue;
        }
        let Some(service) = SERVICES
            .iter()
            .find(|s| s.types.iter().any(|t| r.is_type(t)))
        else {
            continue;
        };
        if !takes_entra(r) {
            continue;
        }
        let fill = |m: &str| m.replace("{label}", &r.label);
        let f = match (
            service.judge_resource(r),
            r.prop(service.path),
            service.absent,
        ) {
            (Answer::Bad, Some(e), _) => {
                Finding::property(&RULE.meta, r, service.path, e, fill(service.message))
                    .traced(&e.value)
            }
            (Answer::Absent, _, Absent::Bad(m)) => {
                Finding::new(&RULE.meta, r.loc, fill(m)).resource(r, service.path)
            }
            _ => continue,
        };
        let mut f = match service.help {
            Some(h) => f.help(h),
            None => f,
        };
        // A workload already holding the keys: turning them off is the
        // migration, and until then the secret is live in its settings.
        // Application Insights: the connection string and instrumentation key
        // name the component and stay in use with Entra ingestion, so
        // holding them says nothing about local authentication.
        let consumed = (!r.is_type("Microsoft.Insights/components"))
            .then(|| uses.iter().find(|u| keys_of(cx, r, u.target)))
            .flatten();
        if let Some(u) = consumed {
            f.message = format!("{}; workload `{}` uses its keys", f.message, u.workload);
            f = f.severity(Severity::High).related(
                u.loc,
                format!("`{}` uses the keys of `{}` here", u.workload, r.label),
            );
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_true_turns_local_auth_off() {
        let v = |k| Value::new(k, Loc::default());
        for s in SERVICES {
            let judge = |x: &Value| s.judge(Some(x));
            assert_eq!(judge(&v(Kind::Bool(false))), Answer::Bad);
            assert_eq!(judge(&v(Kind::String("False".into()))), Answer::Bad);
            assert_eq!(judge(&v(Kind::Bool(true))), Answer::Fine);
            assert_eq!(
                judge(&Value::opaque("parameter", Loc::default())),
                Answer::Unknown
            );
            assert_eq!(s.judge(None), Answer::Absent);
        }
    }

    fn cosmos(kind: &str, capabilities: &str) -> Option<bool> {
        let text = format!(
            r#"{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {{"api": {{"type": "string"}}}},
              "resources": [{{"type": "Microsoft.DocumentDB/databaseAccounts", "apiVersion": "2024-05-15",
                "name": "db", "location": "westeurope", {kind}
                "properties": {{"databaseAccountOfferType": "Standard", {capabilities} "locations": []}}}}]}}"#
        );
        let doc = crate::source::jsonc::parse(&text).expect("template parses");
        let src = std::sync::Arc::new(crate::source::SourceFile::new(
            std::path::PathBuf::from("t.json"),
            text.clone(),
        ));
        let unit = crate::arm::load(src, &doc.root, None);
        cosmos_takes_entra(&unit.resources[0])
    }

    #[test]
    fn cosmos_apis_without_entra_are_not_judged() {
        assert_eq!(cosmos("", ""), Some(true));
        assert_eq!(cosmos(r#""kind": "GlobalDocumentDB","#, ""), Some(true));
        assert_eq!(cosmos(r#""kind": "MongoDB","#, ""), Some(false));
        assert_eq!(cosmos(r#""kind": "Parse","#, ""), Some(false));
        let caps = |c: &str| format!(r#""capabilities": [{{"name": "{c}"}}],"#);
        assert_eq!(cosmos("", &caps("EnableTable")), Some(true));
        assert_eq!(cosmos("", &caps("EnableServerless")), Some(true));
        assert_eq!(cosmos("", &caps("EnableCassandra")), Some(false));
        assert_eq!(cosmos("", &caps("EnableGremlin")), Some(false));
        assert_eq!(cosmos(r#""kind": "[parameters('api')]","#, ""), None);
        assert_eq!(
            cosmos("", r#""capabilities": [{"name": "[parameters('api')]"}],"#),
            None
        );
    }

    #[test]
    fn one_row_per_type() {
        let mut seen = std::collections::HashSet::new();
        for t in SERVICES.iter().flat_map(|s| s.types) {
            assert!(seen.insert(t.to_ascii_lowercase()), "{t} twice");
        }
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
