use crate::findings::{Finding, Severity};
use crate::model::secrets::{rows_for, source, Source};
use crate::model::spelling::{props_at, Prop};
use crate::model::{Entry, Loc, Resource, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC008",
        name: "container-app-inline-secret",
        family: Family::Sec,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "Container Apps secret or environment key stored inline instead of a Key Vault reference",
        help: "reference the secret from Key Vault (`keyVaultUrl` + `identity` / `key_vault_secret_id` + `identity`) so the app reads it with its managed identity",
        docs: include_str!("../../../rules/SEC008-container-app-inline-secret/README.md"),
    },
    check,
};

/// Where inline secrets live: (type, path to the secret list).
static SECRET_LISTS: &[(&str, &str)] = &[
    (
        "Microsoft.App/containerApps",
        "properties.configuration.secrets",
    ),
    ("Microsoft.App/jobs", "properties.configuration.secrets"),
];
/// Keys stored inline: (type, path to the key).
static KEYS: &[(&str, &str)] = &[
    (
        "Microsoft.App/managedEnvironments",
        "properties.appLogsConfiguration.logAnalyticsConfiguration.sharedKey",
    ),
    (
        "Microsoft.App/managedEnvironments/storages",
        "properties.azureFile.accountKey",
    ),
];

/// A secret entry with a `value` and no Key Vault reference.
fn inline_values(list: &Value) -> Vec<&Entry> {
    let items: Vec<&Value> = match &list.kind {
        crate::model::Kind::Array(items) => items.iter().collect(),
        _ => vec![list],
    };
    items
        .into_iter()
        .filter(|s| s.get("keyVaultUrl").is_none())
        .filter_map(|s| s.entry("value"))
        .filter(|e| !e.value.is_null())
        .collect()
}

/// A key set in the code or read from a service.
fn stored_key(v: &Value) -> bool {
    matches!(source(v), Source::Literal(_) | Source::ServiceKey(_))
}

fn report(r: &Resource, e: &Entry, at: Loc, path: &str, what: &str, out: &mut Vec<Finding>) {
    out.push(
        Finding::new(
            &RULE.meta,
            at,
            format!("{what} of `{}` is stored inline", r.label),
        )
        .resource(r, path)
        .evidence(&e.value)
        .redact_literal(&e.value),
    );
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for path in rows_for(r, SECRET_LISTS) {
            for list in props_at(r, path) {
                for e in inline_values(list.value) {
                    report(r, e, e.key_loc, list.path, "a secret", out);
                }
            }
        }
        for path in rows_for(r, KEYS) {
            for p in props_at(r, path)
                .into_iter()
                .filter(|p: &Prop| stored_key(p.value))
            {
                report(r, p.entry, p.key_loc, p.path, &format!("`{}`", p.key), out);
            }
        }
    }
}
