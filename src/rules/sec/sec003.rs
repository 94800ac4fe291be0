use crate::findings::{Finding, Severity};
use crate::model::secrets::{is_placeholder, not_secret_shape, says_not_secret};
use crate::model::{Kind, Part, Unknown, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC003",
        name: "secure-parameter-default",
        family: Family::Sec,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "secure or sensitive input with a literal default value",
        help: "remove the default and pass the value at deployment from Key Vault or a pipeline secret",
        docs: include_str!("../../../rules/SEC003-secure-parameter-default/README.md"),
    },
    check,
};

/// A default is a stored secret when any part of it is written in the
/// template: a literal, or a deterministic function (`uniqueString()`,
/// `guid()`) of public inputs. Generated values (`newGuid()`) and other
/// inputs are not.
pub fn default_is_stored_secret(v: &Value) -> bool {
    match &v.kind {
        Kind::String(s) => !s.is_empty(),
        Kind::Template(parts) => parts.iter().any(|p| match p {
            Part::Lit(s) => !s.is_empty(),
            Part::Hole(u) => matches!(u, Unknown::Derived { .. }),
        }),
        Kind::Number(_) | Kind::Bool(_) => true,
        Kind::Array(items) => !items.is_empty(),
        Kind::Object(entries) => !entries.is_empty(),
        Kind::Unknown(u) => matches!(**u, Unknown::Derived { .. }),
        Kind::Null => false,
    }
}

/// A default that stands in for a secret or is not one by its shape:
/// `GEN-PASSWORD`, `"NA"`, `"{}"`, `"?"`, an object ID, or an object or
/// list holding no text at all (`{"enabled": false}`, a secure object's
/// "off" switch).
fn not_a_secret(v: &Value) -> bool {
    not_secret_shape(v)
        || v.as_str().is_some_and(is_placeholder)
        || (matches!(v.kind, Kind::Object(_) | Kind::Array(_)) && no_text(v))
}

/// Only booleans, numbers, nulls and empty strings, at any depth.
fn no_text(v: &Value) -> bool {
    match &v.kind {
        Kind::Null | Kind::Bool(_) | Kind::Number(_) => true,
        Kind::String(s) => s.is_empty(),
        Kind::Array(items) => items.iter().all(no_text),
        Kind::Object(entries) => entries.iter().all(|e| no_text(&e.value)),
        _ => false,
    }
}

/// A default derived from public inputs only (`uniqueString()`, `guid()`, no
/// literal text) under a name that says it is no secret (`solutionUniqueToken`:
/// a resource name suffix declared secure by mistake).
fn derived_non_secret(name: &str, v: &Value) -> bool {
    let derived = match &v.kind {
        Kind::Unknown(u) => matches!(**u, Unknown::Derived { .. }),
        Kind::Template(parts) => parts.iter().all(|p| match p {
            Part::Lit(_) => false,
            Part::Hole(u) => matches!(u, Unknown::Derived { .. }),
        }),
        _ => false,
    };
    derived && says_not_secret(name)
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for p in &unit.parameters {
        if !p.secure {
            continue;
        }
        // A module's default that its caller overrides is never used.
        if p.given.is_some() && !p.via.is_empty() {
            continue;
        }
        let Some(d) = &p.default else { continue };
        if !default_is_stored_secret(&d.value)
            || not_a_secret(&d.value)
            || derived_non_secret(&p.name, &d.value)
        {
            continue;
        }
        out.push(
            Finding::new(
                &RULE.meta,
                d.key_loc,
                format!("secure {} `{}` has a default value", p.noun, p.name),
            )
            .related(p.loc, format!("{} `{}` declared here", p.noun, p.name))
            .redact_literal(&d.value)
            .subject(format!("{}:{}", p.noun, p.name)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    #[test]
    fn literal_defaults_are_secrets_generated_are_not() {
        let l = Loc::default();
        assert!(default_is_stored_secret(&Value::string("P@ssw0rd!", l)));
        assert!(!default_is_stored_secret(&Value::string("", l)));
        assert!(!default_is_stored_secret(&Value::new(Kind::Null, l)));
        assert!(!default_is_stored_secret(&Value::object(vec![], l)));
        let new_guid = Value::unknown(
            Unknown::Volatile {
                function: "newGuid()".into(),
            },
            l,
        );
        assert!(!default_is_stored_secret(&new_guid));
        let unique = Value::unknown(
            Unknown::Derived {
                function: "uniqueString".into(),
                args: vec![],
            },
            l,
        );
        assert!(default_is_stored_secret(&unique));
        let input = Value::unknown(
            Unknown::Input {
                name: "x".into(),
                secure: true,
            },
            l,
        );
        assert!(!default_is_stored_secret(&input));
    }

    #[test]
    fn defaults_without_secret() {
        let l = Loc::default();
        let obj = |entries: Vec<(&str, Value)>| {
            Value::object(
                entries
                    .into_iter()
                    .map(|(k, v)| crate::model::Entry {
                        key: k.into(),
                        key_loc: l,
                        value: v,
                    })
                    .collect(),
                l,
            )
        };
        let off = obj(vec![("enabled", Value::new(Kind::Bool(false), l))]);
        assert!(not_a_secret(&off));
        let with_text = obj(vec![
            ("enabled", Value::new(Kind::Bool(true), l)),
            ("password", Value::string("Sup3r-S3cret", l)),
        ]);
        assert!(!not_a_secret(&with_text));
        assert!(not_a_secret(&Value::string("?", l)));
        assert!(not_a_secret(&Value::string("defaultValue", l)));
        let unique = Value::unknown(
            Unknown::Derived {
                function: "uniqueString".into(),
                args: vec![],
            },
            l,
        );
        assert!(derived_non_secret("solutionUniqueToken", &unique));
        assert!(!derived_non_secret("adminPassword", &unique));
        assert!(!derived_non_secret(
            "solutionUniqueToken",
            &Value::string("abcde", l)
        ));
    }
}
