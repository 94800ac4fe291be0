use crate::findings::{Finding, Severity};
use crate::model::secrets::{
    key_vault_setting, not_secret_shape, stored_with_write_only, stored_without_write_only,
};
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

/// The loader says which properties have a write-only spelling (the model
/// carries it with the property's spelling), so the rule knows no
/// attribute names and follows the provider as the loader's table grows.
fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for (p, wo) in stored_with_write_only(r) {
            // Nothing secret reaches the state: a null, or a value whose shape
            // says it is not a secret (an ID, a host name, a login name).
            // A Key Vault secret named for a setting (`<db>-username`,
            // `<app>-client-id`) keeps no secret in the state either.
            if p.value.is_null() || not_secret_shape(p.value) || key_vault_setting(r) {
                continue;
            }
            out.push(
                Finding::new(
                    &RULE.meta,
                    p.key_loc,
                    format!(
                        "`{}` of `{}` is saved in the Terraform state; `{wo}` would keep it out",
                        p.key, r.label
                    ),
                )
                .resource(r, p.path)
                .redact_literal(p.value),
            );
        }
        // No write-only twin (a SQL managed instance's password): the
        // finding names the design that needs no secret.
        for (p, instead) in stored_without_write_only(r) {
            if p.value.is_null() || not_secret_shape(p.value) {
                continue;
            }
            out.push(
                Finding::new(
                    &RULE.meta,
                    p.key_loc,
                    format!(
                        "`{}` of `{}` is saved in the Terraform state; the resource has no write-only argument for it",
                        p.key, r.label
                    ),
                )
                .help(format!("use {instead}"))
                .resource(r, p.path)
                .redact_literal(p.value),
            );
        }
    }
}
