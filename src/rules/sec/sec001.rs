use crate::findings::{Finding, Severity};
use crate::model::secrets::{
    key_vault_setting, not_secret_shape, origin, secret_properties, Source,
};
use crate::model::{StepKind, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC001",
        name: "secret-literal-in-property",
        family: Family::Sec,
        severity: Severity::Critical,
        formats: Formats::Both,
        summary: "secret-bearing property set to a literal written in the code",
        help: "pass the secret as a secure parameter (`@secure()` / `sensitive = true`) from Key Vault, or generate it",
        docs: include_str!("../../../rules/SEC001-secret-literal-in-property/README.md"),
    },
    check,
};

/// The literal the code stores for a secret, unless it comes from a secure
/// input's default (SEC003) or a parameter file / tfvars (SEC017).
pub fn stored_literal(v: &Value) -> Option<&str> {
    let o = origin(v);
    match o.source {
        Source::Literal(s) if !o.via_secure_default && !o.given => Some(s),
        _ => None,
    }
}

/// A literal that is the default of a parameter restricted to a list
/// (`allowedValues`): one of a few published choices (a model name, a SKU),
/// not a secret.
fn chosen_from_list(unit: &Ctx, v: &Value) -> bool {
    let Some(step) = origin(v).supplied_by else {
        return false;
    };
    step.kind == StepKind::Default
        && unit
            .parameters
            .iter()
            .any(|p| p.loc == step.loc && p.enumerated)
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for (path, e) in secret_properties(r) {
            // A literal whose shape says it is no secret (an ID, a host name,
            // a public key) is not reported as one.
            if stored_literal(&e.value).is_none()
                || not_secret_shape(&e.value)
                || key_vault_setting(r)
                || chosen_from_list(unit, &e.value)
            {
                continue;
            }
            out.push(
                Finding::property(
                    &RULE.meta,
                    r,
                    path,
                    &e,
                    format!("`{}` of `{}` is a literal secret", e.key, r.label),
                )
                .traced(&e.value)
                .redact_literal(&e.value),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Loc, Step, StepKind};

    #[test]
    fn literals_but_not_secure_defaults_or_given_values() {
        let lit = Value::string("Sup3r-S3cret", Loc::default());
        assert_eq!(stored_literal(&lit), Some("Sup3r-S3cret"));
        let step = |kind, secure| Step {
            kind,
            name: "p".into(),
            loc: Loc::default(),
            secure,
            noun: "parameter",
        };
        assert_eq!(
            stored_literal(&lit.clone().through(step(StepKind::Default, false))),
            Some("Sup3r-S3cret")
        );
        assert_eq!(
            stored_literal(&lit.clone().through(step(StepKind::Default, true))),
            None
        );
        assert_eq!(
            stored_literal(&lit.clone().through(step(StepKind::Given, false))),
            None
        );
        assert_eq!(
            stored_literal(&Value::string("<password>", Loc::default())),
            None
        );
    }
}
