use crate::findings::{Finding, Severity};
use crate::model::secrets::{
    key_vault_setting, not_secret_shape, secret_properties, source, Source,
};
use crate::model::{StepKind, Value};
use crate::rules::sec::input_phrase;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC002",
        name: "secret-from-plain-parameter",
        family: Family::Sec,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "secret-bearing property fed by a parameter or variable that is not secure",
        help:
            "declare the input `secureString`/`@secure()` (ARM) or `sensitive = true` (Terraform)",
        docs: include_str!("../../../rules/SEC002-secret-from-plain-parameter/README.md"),
    },
    check,
};

/// The plain input a secret comes from, when it has no value in the code.
/// A nested deployment or child module judges its own parameter: a secure
/// module parameter is fine whatever the caller passes; a plain one is not.
pub fn plain_input(v: &Value) -> Option<String> {
    let src = source(v);
    if let Some(step) = v.via.iter().find(|s| s.kind == StepKind::ModuleInput) {
        return match src {
            Source::SecureInput(_) | Source::PlainInput(_) if !step.secure => {
                Some(step.name.clone())
            }
            _ => None,
        };
    }
    match src {
        Source::PlainInput(n) => Some(n.to_string()),
        _ => None,
    }
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        // A Key Vault secret named for a setting (`<server>-login-name`)
        // holds no secret, whatever input feeds it.
        if key_vault_setting(r) {
            continue;
        }
        for (path, e) in secret_properties(r) {
            let Some(input) = plain_input(&e.value) else {
                continue;
            };
            // An input named as an identifier (`clusterNameValue`) stored as
            // a Key Vault secret holds no secret.
            if not_secret_shape(&e.value) {
                continue;
            }
            let mut f = Finding::property(
                &RULE.meta,
                r,
                path,
                &e,
                format!(
                    "`{}` of `{}` is set from {}, which is not secure",
                    e.key,
                    r.label,
                    input_phrase(unit, &input)
                ),
            );
            let root = input.split(['.', '[']).next().unwrap_or(&input);
            if let Some(p) = unit
                .parameters
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(root) && p.declared)
            {
                f = f.related(p.loc, format!("{} `{}` declared here", p.noun, p.name));
            }
            out.push(f);
        }
    }
}
