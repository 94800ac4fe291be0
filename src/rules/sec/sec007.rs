use crate::findings::{Finding, Severity};
use crate::model::credentials;
use crate::model::secrets::{
    app_settings, identity_based_setting, origin, secret_like_name, Setting, Source,
};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC007",
        name: "plaintext-app-setting-secret",
        family: Family::Sec,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "app setting or connection string holding a literal secret or a key pulled from a service",
        help: "reference the secret from Key Vault (`@Microsoft.KeyVault(SecretUri=...)`) or connect with the app's managed identity (`<name>__fullyQualifiedNamespace`, `__accountName`)",
        docs: include_str!("../../../rules/SEC007-plaintext-app-setting-secret/README.md"),
    },
    check,
};

/// Markers of a secret inside a connection string.
const SECRET_MARKERS: &[&str] = &[
    "password=",
    "pwd=",
    "accountkey=",
    "sharedaccesskey=",
    "sig=",
];

/// Why a setting stores a secret, or `None`. Literals that match a
/// credential format are left to SEC006, which points at the text itself.
pub fn problem(s: &Setting) -> Option<String> {
    if s.name.is_some_and(identity_based_setting) {
        return None;
    }
    let o = origin(s.value);
    match o.source {
        Source::ServiceKey(from) => Some(format!("is built from `{from}`")),
        Source::Literal(text) if !o.via_secure_default && !o.given => {
            if !credentials::find(text).is_empty() {
                return None;
            }
            let lower = text.to_ascii_lowercase();
            let secret = if s.connection_string {
                SECRET_MARKERS.iter().any(|m| lower.contains(m)) || uri_password(text)
            } else {
                s.name.is_some_and(secret_like_name) && !lower.starts_with("http")
            };
            secret.then(|| "holds a literal secret".to_string())
        }
        _ => None,
    }
}

/// `scheme://user:password@host`: a password in a URI's user information.
pub fn uri_password(text: &str) -> bool {
    let Some(i) = text.find("://") else {
        return false;
    };
    let rest = &text[i + 3..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let Some((userinfo, _host)) = authority.rsplit_once('@') else {
        return false;
    };
    match userinfo.split_once(':') {
        Some((_, pw)) => {
            !pw.is_empty()
                && !crate::model::secrets::is_placeholder(pw)
                && !pw.starts_with(['$', '{', '[', '%'])
        }
        None => false,
    }
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for s in app_settings(r) {
            let Some(why) = problem(&s) else { continue };
            let what = if s.connection_string {
                "connection string"
            } else {
                "app setting"
            };
            let name = s.name.unwrap_or("?");
            out.push(
                Finding::new(
                    &RULE.meta,
                    s.loc,
                    format!("{what} `{name}` of `{}` {why}", r.label),
                )
                .resource(r, &format!("settings.{name}"))
                .evidence(s.value)
                .redact_literal(s.value),
            );
        }
    }
}
