use crate::findings::{Finding, Severity};
use crate::model::secrets::rows_for;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC014",
        name: "secret-stored-in-state",
        family: Family::Sec,
        severity: Severity::Low,
        formats: Formats::TerraformOnly,
        summary: "secret set on an attribute that is saved in the Terraform state where a write-only attribute exists",
        help: "use the write-only `*_wo` attribute (with `*_wo_version`) so the secret never reaches the state, or switch to Entra-only authentication",
        docs: include_str!("../../../rules/SEC014-secret-stored-in-state/README.md"),
    },
    check,
};

/// (type, attribute stored in state, write-only replacement).
static WRITE_ONLY: &[(&str, (&str, &str))] = &[
    (
        "azurerm_mssql_server",
        (
            "administrator_login_password",
            "administrator_login_password_wo",
        ),
    ),
    (
        "azurerm_mssql_managed_instance",
        (
            "administrator_login_password",
            "administrator_login_password_wo",
        ),
    ),
    (
        "azurerm_postgresql_flexible_server",
        ("administrator_password", "administrator_password_wo"),
    ),
    (
        "azurerm_mysql_flexible_server",
        ("administrator_password", "administrator_password_wo"),
    ),
    ("azurerm_key_vault_secret", ("value", "value_wo")),
];

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for (attr, wo) in rows_for(r, WRITE_ONLY) {
            let Some(e) = r.body.entry(attr) else {
                continue;
            };
            if e.value.is_null() {
                continue;
            }
            out.push(
                Finding::new(
                    &RULE.meta,
                    e.key_loc,
                    format!("`{attr}` of `{}` is saved in the Terraform state; `{wo}` would keep it out", r.label),
                )
                .resource(r, attr)
                .redact_literal(&e.value),
            );
        }
    }
}
