use crate::findings::{Finding, Severity};
use crate::model::secrets::rows_for;
use crate::model::spelling::props_at;
use crate::model::{Kind, Loc, Part, Value};
use crate::rules::sec::{holds_secret, text_has_secret};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC011",
        name: "extension-unprotected-settings",
        family: Family::Sec,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "VM extension `settings` (not `protectedSettings`) carrying a secret",
        help: "move the secret to `protectedSettings` (`protected_settings`), which is encrypted and never returned, or fetch it from Key Vault on the VM",
        docs: include_str!("../../../rules/SEC011-extension-unprotected-settings/README.md"),
    },
    check,
};

static PATHS: &[(&str, &str)] = &[
    (
        "Microsoft.Compute/virtualMachines/extensions",
        "properties.settings",
    ),
    (
        "Microsoft.Compute/virtualMachineScaleSets/extensions",
        "properties.settings",
    ),
    (
        "Microsoft.Compute/virtualMachineScaleSets",
        "properties.virtualMachineProfile.extensionProfile.extensions.properties.settings",
    ),
];

/// What the public settings expose: a secret outside the download URLs (a
/// command line, a key), or only a SAS token appended to them (the quickstart
/// `_artifactsLocationSasToken` convention: Custom Script `fileUris`, DSC
/// `ModulesUrl` / `configuration.url`), which anyone who can read the VM
/// reads, but which expires and grants read access to the staging files only.
#[derive(Debug, PartialEq)]
pub enum Exposure {
    Secret,
    FileUriToken,
    /// A DSC download URL, by its name as written.
    DscUrlToken(String),
}

/// Download URLs a SAS token is appended to, by member path (lower case).
const DSC_URLS: &[&str] = &["modulesurl", "configuration.url"];

pub fn exposure(settings: &Value) -> Option<Exposure> {
    if !holds_secret(settings) {
        return None;
    }
    if let Kind::Template(parts) = &settings.kind {
        return Some(encoded_exposure(parts));
    }
    let Some(entries) = settings.as_object() else {
        return Some(Exposure::Secret);
    };
    // The members holding a secret: top-level ones, and DSC's `configuration.url`.
    let mut members: Vec<(String, String)> = Vec::new();
    for e in entries.iter().filter(|e| holds_secret(&e.value)) {
        let inner = e
            .value
            .as_object()
            .filter(|_| e.key.eq_ignore_ascii_case("configuration"));
        match inner {
            Some(inner) => {
                members.extend(inner.iter().filter(|i| holds_secret(&i.value)).map(|i| {
                    (
                        format!("configuration.{}", i.key.to_ascii_lowercase()),
                        format!("{}.{}", e.key, i.key),
                    )
                }))
            }
            None => members.push((e.key.to_ascii_lowercase(), e.key.clone())),
        }
    }
    if !members.is_empty() && members.iter().all(|(m, _)| m == "fileuris") {
        return Some(Exposure::FileUriToken);
    }
    match members.as_slice() {
        [(m, written)] if DSC_URLS.contains(&m.as_str()) => {
            Some(Exposure::DscUrlToken(written.clone()))
        }
        _ => Some(Exposure::Secret),
    }
}

/// Settings encoded as JSON text with unknown parts (`jsonencode({...})`):
/// each secret part belongs to the member whose `"name":` comes last before it.
fn encoded_exposure(parts: &[Part]) -> Exposure {
    let mut text = String::new();
    let mut members = Vec::new();
    for p in parts {
        match p {
            Part::Lit(l) => text.push_str(l),
            Part::Hole(u) => {
                let hole = Value::unknown(u.clone(), Loc::default());
                if holds_secret(&hole) {
                    members.push(last_member(&text).to_ascii_lowercase());
                }
            }
        }
    }
    if !members.is_empty() && members.iter().all(|m| m == "fileuris") {
        Exposure::FileUriToken
    } else {
        Exposure::Secret
    }
}

/// The name of the last `"name":` in JSON text.
fn last_member(text: &str) -> &str {
    let Some(colon) = text.rfind("\":") else {
        return "";
    };
    let before = &text[..colon];
    before.rfind('"').map_or("", |open| &before[open + 1..])
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for path in rows_for(r, PATHS) {
            for p in props_at(r, path) {
                let Some(exposure) = exposure(p.value) else {
                    continue;
                };
                let mut f = match exposure {
                    Exposure::Secret => Finding::new(
                        &RULE.meta,
                        p.key_loc,
                        format!(
                            "`{}` of extension `{}` carries a secret in the clear",
                            p.key, r.label
                        ),
                    ),
                    Exposure::FileUriToken => Finding::new(
                        &RULE.meta,
                        p.key_loc,
                        format!(
                            "SAS token in public `fileUris` of extension `{}`; move `fileUris` to `protectedSettings`",
                            r.label
                        ),
                    )
                    .severity(Severity::Medium)
                    .help("move `fileUris` to `protectedSettings` (`protected_settings`), which Custom Script Extension v2 accepts, or download with the VM's managed identity (`managedIdentity`) instead of a SAS token"),
                    Exposure::DscUrlToken(url) => Finding::new(
                        &RULE.meta,
                        p.key_loc,
                        format!(
                            "SAS token in public `{url}` of extension `{}`; pass the token in `protectedSettings`",
                            r.label
                        ),
                    )
                    .severity(Severity::Medium)
                    .help("keep the URL without its token in `settings` and pass the token in `protectedSettings` (`configurationUrlSasToken` / `configurationDataUrlSasToken`), or let the VM download with its managed identity"),
                }
                .resource(r, p.path);
                // Literal secrets inside the settings are masked wherever shown.
                p.value.walk(&mut |x| {
                    if x.as_str().is_some_and(text_has_secret) {
                        f.redact.push(x.loc);
                    }
                });
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entry, Unknown};

    fn obj(entries: Vec<(&str, Value)>) -> Value {
        Value::object(
            entries
                .into_iter()
                .map(|(k, v)| Entry {
                    key: k.into(),
                    key_loc: Loc::default(),
                    value: v,
                })
                .collect(),
            Loc::default(),
        )
    }

    fn secure(name: &str) -> Value {
        Value::unknown(
            Unknown::Input {
                name: name.into(),
                secure: true,
            },
            Loc::default(),
        )
    }

    #[test]
    fn a_token_only_in_file_uris_is_its_own_exposure() {
        let uris = Value::array(vec![secure("_artifactsLocationSasToken")], Loc::default());
        let cmd = Value::string("sh install.sh", Loc::default());
        assert_eq!(
            exposure(&obj(vec![
                ("fileUris", uris.clone()),
                ("commandToExecute", cmd)
            ])),
            Some(Exposure::FileUriToken)
        );
        assert_eq!(
            exposure(&obj(vec![
                ("fileUris", uris),
                ("commandToExecute", secure("adminPassword"))
            ])),
            Some(Exposure::Secret)
        );
        assert_eq!(
            exposure(&obj(vec![(
                "fileUris",
                Value::array(
                    vec![Value::string("https://x/a.sh", Loc::default())],
                    Loc::default()
                )
            )])),
            None
        );
    }

    #[test]
    fn a_token_only_in_a_dsc_url_is_its_own_exposure() {
        let url = Value::string("https://x/dsc.zip", Loc::default());
        let token = Value::new(
            Kind::Template(
                vec![
                    Part::Lit("https://x/dsc.zip".into()),
                    Part::Hole(Unknown::Input {
                        name: "_artifactsLocationSasToken".into(),
                        secure: true,
                    }),
                ]
                .into(),
            ),
            Loc::default(),
        );
        assert_eq!(
            exposure(&obj(vec![("ModulesUrl", token.clone())])),
            Some(Exposure::DscUrlToken("ModulesUrl".into()))
        );
        assert_eq!(
            exposure(&obj(vec![(
                "configuration",
                obj(vec![("url", token.clone()), ("script", url)])
            )])),
            Some(Exposure::DscUrlToken("configuration.url".into()))
        );
        assert_eq!(
            exposure(&obj(vec![
                ("ModulesUrl", token),
                ("Properties", secure("adminPassword"))
            ])),
            Some(Exposure::Secret)
        );
    }

    #[test]
    fn encoded_settings_are_judged_by_member() {
        let token = || {
            Part::Hole(Unknown::Input {
                name: "sas".into(),
                secure: true,
            })
        };
        let lit = |s: &str| Part::Lit(s.into());
        assert_eq!(
            encoded_exposure(&[
                lit(r#"{"commandToExecute":"sh a.sh","fileUris":["https://x/a.sh"#),
                token(),
                lit(r#""]}"#)
            ]),
            Exposure::FileUriToken
        );
        assert_eq!(
            encoded_exposure(&[
                lit(r#"{"commandToExecute":"sh a.sh -p "#),
                token(),
                lit(r#""}"#)
            ]),
            Exposure::Secret
        );
        assert_eq!(last_member(r#"{"a":1,"fileUris":["x"#), "fileUris");
    }
}
