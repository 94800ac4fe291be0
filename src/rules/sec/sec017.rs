use crate::findings::{Finding, Severity};
use crate::model::secrets::{
    dummy_for, identifier_name, is_placeholder, not_secret_shape, secret_like_name, source, Source,
};
use crate::model::{Kind, StepKind, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC017",
        name: "parameter-file-secret-literal",
        family: Family::Sec,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "parameter file or tfvars giving a literal value to a secure or secret-named input",
        help: "reference the secret from Key Vault in the parameter file (`\"reference\": {\"keyVault\": ...}`) or supply it from the pipeline's secret store (`TF_VAR_...`), not from a committed file",
        docs: include_str!("../../../rules/SEC017-parameter-file-secret-literal/README.md"),
    },
    check,
};

/// A value written out in the file for the input `name`: a literal string,
/// or an object or array (a `secureObject`, a map of secrets) with a literal
/// secret inside: a string under a secret-like key or a `value` key. Names,
/// IDs, policies and map-key references (`key = "sp1"`) beside it are not
/// secrets, nor the `value` of an entry named as an identifier
/// (`admin-username = { value = "adminuser" }`).
pub fn literal(v: &Value, name: &str) -> bool {
    match &v.kind {
        Kind::Object(_) | Kind::Array(_) => inner_literal(v, true),
        _ => literal_secret(v, name),
    }
}

/// A literal that may be a secret: not a placeholder (nor a connection
/// string of them), not a dummy for its name, and not a public key, an ID
/// or a host name.
fn literal_secret(v: &Value, name: &str) -> bool {
    matches!(source(v), Source::Literal(t) if !placeholder_connection_string(t) && !dummy_for(t, name))
        && !not_secret_shape(v)
}

/// A connection string whose secret fields (`Password=`, `Pwd=`,
/// `AccountKey=`, `SharedAccessKey=`) are all placeholders: a template of one
/// for the reader to fill in (`Pwd={enter_sql_password_here}`), no secret.
pub fn placeholder_connection_string(t: &str) -> bool {
    const SECRET_FIELDS: &[&str] = &["password", "pwd", "accountkey", "sharedaccesskey"];
    let mut secrets = t
        .split(';')
        .filter_map(|f| f.split_once('='))
        .filter(|(k, _)| SECRET_FIELDS.contains(&k.trim().to_ascii_lowercase().as_str()))
        .peekable();
    secrets.peek().is_some() && secrets.all(|(_, v)| is_placeholder(v))
}

/// `value_counts`: a `value` key holds a secret, unless the entry around it
/// is named as an identifier.
fn inner_literal(v: &Value, value_counts: bool) -> bool {
    match &v.kind {
        Kind::Array(items) => items.iter().any(|i| inner_literal(i, value_counts)),
        Kind::Object(entries) => entries.iter().any(|e| {
            let secret_key = (value_counts && e.key.eq_ignore_ascii_case("value"))
                || (secret_like_name(&e.key) && !e.key.eq_ignore_ascii_case("key"));
            match &e.value.kind {
                Kind::Object(_) | Kind::Array(_) => {
                    inner_literal(&e.value, !identifier_name(&e.key))
                        || (secret_key && strings_literal(&e.value))
                }
                _ => secret_key && literal_secret(&e.value, &e.key),
            }
        }),
        _ => false,
    }
}

/// A list of literal strings under a secret-like key (`passwords = ["..."]`).
fn strings_literal(v: &Value) -> bool {
    v.as_array().is_some_and(|items| {
        items
            .iter()
            .any(|x| matches!(source(x), Source::Literal(_)))
    })
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for p in &unit.parameters {
        let Some(g) = &p.given else { continue };
        if !(p.secure || secret_like_name(&p.name)) {
            continue;
        }
        if identifier_name(&p.name) || !literal(g, &p.name) {
            continue;
        }
        let Some(step) = g.via.iter().find(|s| s.kind == StepKind::Given) else {
            continue;
        };
        let why = if p.secure { "secure" } else { "secret-named" };
        out.push(
            Finding::new(
                &RULE.meta,
                step.loc,
                format!("{why} {} `{}` is given a literal value", p.noun, p.name),
            )
            .redact_literal(g)
            .subject(format!("given:{}", p.name)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_strings_with_placeholder_secrets() {
        assert!(placeholder_connection_string(
            "Server={enter_sql_server_here},1433;Uid=app;Pwd={enter_sql_password_here};Encrypt=yes;"
        ));
        assert!(placeholder_connection_string(
            "DefaultEndpointsProtocol=https;AccountName=st;AccountKey=GET-PREREQ-key;"
        ));
        assert!(!placeholder_connection_string(
            "Server=tcp:sql;Uid=app;Password=Sup3r-S3cret!;"
        ));
        assert!(!placeholder_connection_string("Sup3r-S3cret!"));
    }
}
