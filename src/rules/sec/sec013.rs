use crate::findings::{Finding, Severity};
use crate::model::secrets::{origin, Source};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC013",
        name: "provider-credentials-in-code",
        family: Family::Sec,
        severity: Severity::Critical,
        formats: Formats::TerraformOnly,
        summary: "provider or backend configured with a literal client secret, certificate or storage key",
        help: "authenticate with OIDC (`use_oidc`), a managed identity (`use_msi`) or the Azure CLI, and `use_azuread_auth` for the state backend; never write credentials in configuration",
        docs: include_str!("../../../rules/SEC013-provider-credentials-in-code/README.md"),
    },
    check,
};

/// (block kind, block name, attribute) that carry credentials.
static CREDENTIALS: &[(&str, &str, &str)] = &[
    ("provider", "azurerm", "client_secret"),
    ("provider", "azurerm", "client_certificate_password"),
    ("provider", "azurerm", "client_certificate"),
    ("provider", "azuread", "client_secret"),
    ("provider", "azuread", "client_certificate_password"),
    ("provider", "azuread", "client_certificate"),
    ("provider", "azapi", "client_secret"),
    ("provider", "azapi", "client_certificate_password"),
    ("provider", "azapi", "client_certificate"),
    ("backend", "azurerm", "access_key"),
    ("backend", "azurerm", "sas_token"),
    ("backend", "azurerm", "client_secret"),
];

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for c in &unit.configs {
        for (_, _, attr) in CREDENTIALS
            .iter()
            .filter(|(k, n, _)| *k == c.kind && *n == c.name)
        {
            let Some(e) = c.body.entry(attr) else {
                continue;
            };
            let o = origin(&e.value);
            if !matches!(o.source, Source::Literal(_)) || o.given {
                continue;
            }
            out.push(
                Finding::new(
                    &RULE.meta,
                    e.key_loc,
                    format!("`{attr}` of {} `{}` is written in the code", c.kind, c.name),
                )
                .traced(&e.value)
                .redact_literal(&e.value)
                .subject(format!("{}.{}.{attr}", c.kind, c.name)),
            );
        }
    }
}
