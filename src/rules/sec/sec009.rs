use crate::findings::{Finding, Severity};
use crate::model::secrets::{entries_at, secret_like_name, source, Source};
use crate::model::{Loc, Value};
use crate::rules::sec::text_has_secret;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC009",
        name: "container-instance-plain-env-secret",
        family: Family::Sec,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "container instance environment variable carrying a secret in `value` instead of `secureValue`",
        help: "set it as `secureValue` (ARM) or in `secure_environment_variables` (Terraform), or better read it from Key Vault with a managed identity",
        docs: include_str!("../../../rules/SEC009-container-instance-plain-env-secret/README.md"),
    },
    check,
};

const ACI: &str = "Microsoft.ContainerInstance/containerGroups";

/// An environment variable that carries a secret: by its name, or by a value
/// that is a credential, a secure input or a key read from a service.
pub fn secret_variable(name: Option<&str>, value: &Value) -> bool {
    if name.is_some_and(secret_like_name) && !value.is_null() {
        return !matches!(source(value), Source::Placeholder);
    }
    match source(value) {
        Source::SecureInput(_) | Source::ServiceKey(_) | Source::KeyVault => true,
        Source::Literal(t) => text_has_secret(t),
        _ => false,
    }
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in unit.resources.iter().filter(|r| r.is_type(ACI)) {
        // (name, value, where) of each plain environment variable.
        let mut vars: Vec<(Option<&str>, &Value, Loc)> = Vec::new();
        for list in entries_at(
            &r.body,
            "properties.containers.properties.environmentVariables",
        ) {
            for v in list.value.as_array().unwrap_or(&[]) {
                if let Some(e) = v.entry("value") {
                    vars.push((v.get("name").and_then(Value::as_str), &e.value, e.key_loc));
                }
            }
        }
        for (name, value, loc) in vars {
            if secret_variable(name, value) {
                let n = name.unwrap_or("?");
                out.push(
                    Finding::new(
                        &RULE.meta,
                        loc,
                        format!(
                            "environment variable `{n}` of `{}` carries a secret in plain text",
                            r.label
                        ),
                    )
                    .resource(r, &format!("env.{n}"))
                    .redact_literal(value),
                );
            }
        }
    }
}
