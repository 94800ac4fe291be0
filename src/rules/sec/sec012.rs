use crate::findings::{Finding, Severity};
use crate::model::secrets::rows_for;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC012",
        name: "key-vault-secret-without-expiry",
        family: Family::Sec,
        severity: Severity::Low,
        formats: Formats::Both,
        summary: "Key Vault secret without an expiry date",
        help:
            "set an expiry (`attributes.exp` / `expiration_date`) and rotate the secret before it",
        docs: include_str!("../../../rules/SEC012-key-vault-secret-without-expiry/README.md"),
    },
    check,
};

/// (type, expiry property): absent means the secret never expires.
static EXPIRY: &[(&str, &str)] = &[(
    "Microsoft.KeyVault/vaults/secrets",
    "properties.attributes.exp",
)];

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        for path in rows_for(r, EXPIRY) {
            // `null` written in place leaves the secret without expiry; a value
            // computed through a local or input is taken as set.
            let set = r
                .prop(path)
                .is_some_and(|e| !(e.value.is_null() && e.value.via.is_empty()));
            if !set {
                out.push(
                    Finding::new(
                        &RULE.meta,
                        r.loc,
                        format!("Key Vault secret `{}` has no expiry date", r.label),
                    )
                    .resource(r, r.written_path(path)),
                );
            }
        }
    }
}
