use crate::findings::{Finding, Severity};
use crate::model::keys::{FLEX_STORAGE_AUTH, FUNCTION_STORAGE_IDENTITY, FUNCTION_STORAGE_KEY};
use crate::model::secrets::{self, app_settings, Source};
use crate::model::{Kind, Part, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID007",
        name: "functions-storage-account-key",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "function app reaching its runtime storage (`AzureWebJobsStorage`) with the storage account key",
        help: "replace `AzureWebJobsStorage` with `AzureWebJobsStorage__accountName` (user-assigned identity: also `AzureWebJobsStorage__credential = managedidentity` and `AzureWebJobsStorage__clientId`) and grant the app `Storage Blob Data Owner` (plus `Storage Queue Data Contributor` for queue triggers); Terraform: `storage_uses_managed_identity = true` instead of `storage_account_access_key`",
        docs: include_str!("../../../rules/MID007-functions-storage-account-key/README.md"),
    },
    check,
};

const SETTING_HELP: &str = "replace `AzureWebJobsStorage` with `AzureWebJobsStorage__accountName` set to the account's name (user-assigned identity: also `AzureWebJobsStorage__credential` = `managedidentity` and `AzureWebJobsStorage__clientId`), and grant the app `Storage Blob Data Owner` (plus `Storage Queue Data Contributor` for queue triggers)";

/// Whether a value is a storage connection string with its key: literal
/// text holding `AccountKey=`, or a key pulled from a service
/// (`listKeys()`, `primary_connection_string`). Key Vault and App
/// Configuration references hold no key in the template; unknown values
/// prove nothing.
pub fn holds_account_key(v: &Value) -> bool {
    let has_key = |s: &str| s.to_ascii_lowercase().contains("accountkey=");
    match &v.kind {
        Kind::String(s) => has_key(s) && !secrets::is_reference(s),
        Kind::Template(parts) => parts.iter().any(|p| match p {
            Part::Lit(s) => has_key(s),
            Part::Hole(u) => matches!(
                secrets::source(&Value::unknown(u.clone(), v.loc)),
                Source::ServiceKey(_)
            ),
        }),
        Kind::Unknown(_) => matches!(secrets::source(v), Source::ServiceKey(_)),
        _ => false,
    }
}

/// Whether a key given as a property on its own (Terraform
/// `storage_account_access_key`) is certainly set: a key pulled from a
/// service, or known non-empty text. `null` and unknown values are not.
fn key_given(v: &Value) -> bool {
    match &v.kind {
        Kind::String(s) => !s.trim().is_empty(),
        Kind::Template(_) => true,
        Kind::Unknown(_) => matches!(secrets::source(v), Source::ServiceKey(_)),
        _ => false,
    }
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for r in cx
        .resources
        .iter()
        .filter(|r| secrets::holds_site_settings(r))
    {
        if r.deploys_nothing() {
            continue;
        }
        for s in app_settings(r) {
            let name = s.name.unwrap_or_default();
            if !name.eq_ignore_ascii_case("AzureWebJobsStorage") || !holds_account_key(s.value) {
                continue;
            }
            let what = if s.connection_string {
                "connection string"
            } else {
                "app setting"
            };
            out.push(
                Finding::new(
                    &RULE.meta,
                    s.loc,
                    format!(
                        "{what} `{name}` of `{}` reaches the runtime storage with the account key",
                        r.label
                    ),
                )
                .resource(r, "settings.AzureWebJobsStorage")
                .help(SETTING_HELP)
                .redact_literal(s.value),
            );
        }
        let flex_key = r
            .prop(FLEX_STORAGE_AUTH)
            .and_then(|e| e.value.as_str())
            .is_some_and(|t| t.eq_ignore_ascii_case("StorageAccountConnectionString"));
        // Flex Consumption: the authentication type is the one finding.
        if let Some(key) = r.prop(FUNCTION_STORAGE_KEY).filter(|_| !flex_key) {
            let uses_identity = r
                .prop(FUNCTION_STORAGE_IDENTITY)
                .and_then(|e| e.value.as_bool())
                == Some(true);
            if key_given(&key.value) && !uses_identity {
                let written = r.written_path(FUNCTION_STORAGE_KEY);
                out.push(
                    Finding::property(
                        &RULE.meta,
                        r,
                        FUNCTION_STORAGE_KEY,
                        key,
                        format!(
                            "`{}` reaches its runtime storage with the account key (`{written}`)",
                            r.label
                        ),
                    )
                    .help(format!(
                        "remove `{written}` and set `{}` = true (with the account's name), then grant the app `Storage Blob Data Owner`",
                        r.written_path(FUNCTION_STORAGE_IDENTITY)
                    ))
                    .redact_literal(&key.value),
                );
            }
        }
        if let Some(auth) = r.prop(FLEX_STORAGE_AUTH) {
            if flex_key {
                let written = r.written_path(FLEX_STORAGE_AUTH);
                out.push(
                    Finding::property(
                        &RULE.meta,
                        r,
                        FLEX_STORAGE_AUTH,
                        auth,
                        format!(
                            "`{}` reaches its deployment storage with a connection string holding the account key",
                            r.label
                        ),
                    )
                    .help(format!(
                        "set `{written}` to `SystemAssignedIdentity` or `UserAssignedIdentity` (with the identity's resource ID) and grant the identity `Storage Blob Data Contributor` on the deployment container"
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Loc, Unknown};

    #[test]
    fn connection_strings_with_and_without_keys() {
        let l = Loc::default();
        let s = |t: &str| Value::string(t, l);
        assert!(holds_account_key(&s(
            "DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc;EndpointSuffix=core.windows.net"
        )));
        assert!(!holds_account_key(&s(
            "DefaultEndpointsProtocol=https;AccountName=st"
        )));
        assert!(!holds_account_key(&s(
            "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/AccountKey=x/)"
        )));
        assert!(!holds_account_key(&s("UseDevelopmentStorage=true")));
        let key = Unknown::ServiceSecret {
            source: "listKeys()".into(),
            target: None,
            name: None,
        };
        assert!(holds_account_key(&Value::unknown(key.clone(), l)));
        let t = Value::new(
            Kind::Template(
                vec![
                    Part::Lit("DefaultEndpointsProtocol=https;AccountName=st;AccountKey=".into()),
                    Part::Hole(Unknown::Input {
                        name: "key".into(),
                        secure: true,
                    }),
                ]
                .into(),
            ),
            l,
        );
        assert!(holds_account_key(&t));
        let t = Value::new(
            Kind::Template(vec![Part::Lit("x;".into()), Part::Hole(key)].into()),
            l,
        );
        assert!(holds_account_key(&t));
        assert!(!holds_account_key(&Value::opaque("parameter", l)));
    }

    #[test]
    fn a_key_attribute_counts_when_certainly_set() {
        let l = Loc::default();
        assert!(key_given(&Value::string("abc==", l)));
        assert!(!key_given(&Value::string("", l)));
        assert!(!key_given(&Value::new(Kind::Null, l)));
        assert!(!key_given(&Value::opaque("variable `key` has no value", l)));
    }

    #[test]
    fn finds_nothing_in_an_empty_unit() {
        let unit = crate::model::Unit::default();
        let options = crate::rules::Options::default();
        let mut out = Vec::new();
        check(&Ctx::new(&unit, &options), &mut out);
        assert!(out.is_empty());
    }
}
