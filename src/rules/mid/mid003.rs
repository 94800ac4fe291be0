use crate::findings::{Finding, Severity};
use crate::rules::kit::{Absent, Bad, PropertyCheck};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID003",
        name: "storage-shared-key-access",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "storage account that allows shared key (account key and SAS) access",
        help: "set `properties.allowSharedKeyAccess` to false (Terraform: `shared_access_key_enabled = false`) and give each client a managed identity with a data-plane role such as `Storage Blob Data Reader`",
        docs: include_str!("../../../rules/MID003-storage-shared-key-access/README.md"),
    },
    check,
};

/// Shared key access lets anyone holding an account key, or a SAS signed
/// with one, in with no identity; absent means allowed (the service
/// default), unknown proves nothing.
pub static SHARED_KEY: PropertyCheck = PropertyCheck {
    types: &["Microsoft.Storage/storageAccounts"],
    path: "properties.allowSharedKeyAccess",
    bad: Bad::True,
    absent: Absent::Bad(
        "storage account `{label}` does not set `allowSharedKeyAccess`, and the service default allows shared key access",
    ),
    message: "storage account `{label}` allows shared key access",
    help: None,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    SHARED_KEY.run(&RULE.meta, cx, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Loc, Value};
    use crate::rules::kit::Answer;

    #[test]
    fn only_false_turns_shared_keys_off() {
        let v = |k| Value::new(k, Loc::default());
        let judge = |x: &Value| SHARED_KEY.judge(Some(x));
        assert_eq!(judge(&v(Kind::Bool(true))), Answer::Bad);
        assert_eq!(judge(&v(Kind::String("true".into()))), Answer::Bad);
        assert_eq!(judge(&v(Kind::Bool(false))), Answer::Fine);
        assert_eq!(judge(&v(Kind::String("False".into()))), Answer::Fine);
        assert_eq!(
            judge(&Value::opaque("parameter", Loc::default())),
            Answer::Unknown
        );
        assert_eq!(SHARED_KEY.judge(None), Answer::Absent);
        assert_eq!(SHARED_KEY.judge(Some(&v(Kind::Null))), Answer::Absent);
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
