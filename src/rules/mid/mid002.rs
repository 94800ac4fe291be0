use crate::findings::{Diagnostic, Finding, RelatedOut, Severity};
use crate::model::{keys, Resource, ResourceRef};
use crate::rules::kit::{Absent, Answer, Bad, PropertyCheck};
use crate::rules::{Ctx, Fact, Family, Formats, Rule, RuleMeta, ScanCtx};
use std::collections::HashMap;

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

/// Whether Entra authentication exists for this resource, so that turning
/// keys off is a fix rather than an outage.
fn takes_entra(r: &Resource) -> bool {
    keys::takes_entra(r) == Some(true)
}

/// Fact kinds MID002 leaves for its scan-phase [`raise`]: a key of the
/// subject service held by a workload (detail: the workload), and a
/// finding not raised within its unit (at the finding's place).
const KEYS_USED: &str = "MID002/keys-used";
const LOCAL_AUTH_ON: &str = "MID002/local-auth-on";

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
    let uses = keys::key_uses(&cx.resources);
    for u in &uses {
        if let Some(subject) = u.subject() {
            cx.export(KEYS_USED, subject, u.holder.label.clone(), u.loc);
        }
    }
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
        let insights = r.is_type("Microsoft.Insights/components");
        let consumed = (!insights)
            .then(|| uses.iter().find(|u| keys_of(cx, r, u.target)))
            .flatten();
        if let Some(u) = consumed {
            f.message = format!("{}; {}", f.message, held_by(&u.holder.label));
            f = f.severity(Severity::High).related(
                u.loc,
                format!("`{}` uses the keys of `{}` here", u.holder.label, r.label),
            );
        } else if let Some(subject) = keys::service_subject(r).filter(|_| !insights) {
            // A workload of another template or module may hold them.
            cx.export(LOCAL_AUTH_ON, subject, String::new(), f.loc);
        }
        out.push(f);
    }
}

fn held_by(workload: &str) -> String {
    format!("workload `{workload}` uses its keys")
}

/// Scan phase: a service whose keys a workload of another unit holds (a
/// template reading `listKeys()` of a namespace another template declares,
/// a Terraform root reading a data source's connection string) is as much
/// in use as one whose keys its own unit uses.
pub fn raise(cx: &ScanCtx, diags: &mut [Diagnostic]) {
    // Facts come sorted by kind then subject: one search per finding.
    let used: Vec<&Fact> = cx.facts_of(KEYS_USED).collect();
    let mut raised: HashMap<(&str, u32, u32), &Fact> = HashMap::new();
    for on in cx.facts_of(LOCAL_AUTH_ON) {
        let at = used.partition_point(|u| u.subject < on.subject);
        if let Some(user) = used.get(at).filter(|u| u.subject == on.subject) {
            let p = &on.place;
            raised.entry((&p.file, p.line, p.column)).or_insert(user);
        }
    }
    if raised.is_empty() {
        return;
    }
    for d in diags.iter_mut().filter(|d| d.rule_id == RULE.meta.id) {
        let Some(user) = raised.get(&(d.file.as_str(), d.line, d.column)) else {
            continue;
        };
        d.severity = Severity::High;
        let held = format!("; {}", held_by(&user.detail));
        // Before the module call chain a finding in a child module ends with.
        match d.message.rfind(" (in ") {
            Some(at) if d.message.ends_with(')') => d.message.insert_str(at, &held),
            _ => d.message.push_str(&held),
        }
        d.related.push(RelatedOut {
            file: user.place.file.clone(),
            line: user.place.line,
            column: user.place.column,
            message: format!("`{}` uses the keys of the service here", user.detail),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Loc, Value};

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
        keys::cosmos_takes_entra(&unit.resources[0])
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
