use crate::findings::{Finding, Severity};
use crate::rules::kit::{Absent, Answer, Bad, PropertyCheck};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID013",
        name: "cosmos-key-metadata-write",
        family: Family::Mid,
        severity: Severity::Low,
        formats: Formats::Both,
        summary: "key-based metadata writes left on for a Cosmos DB account (account keys can change databases, containers and throughput)",
        help: "set `properties.disableKeyBasedMetadataWriteAccess` to true (Terraform: `access_key_metadata_writes_enabled = false`) and manage databases and containers through ARM with Entra identities",
        docs: include_str!("../../../rules/MID013-cosmos-key-metadata-write/README.md"),
    },
    check,
};

/// With key-based metadata writes on, an account key (or a workload that
/// holds one) can create and delete databases and containers and change
/// throughput outside ARM and its RBAC; absent means allowed (the service
/// default), unknown proves nothing.
pub static METADATA_WRITE: PropertyCheck = PropertyCheck {
    types: &["Microsoft.DocumentDB/databaseAccounts"],
    path: "properties.disableKeyBasedMetadataWriteAccess",
    bad: Bad::False,
    absent: Absent::Bad(
        "`disableKeyBasedMetadataWriteAccess` is not set on Cosmos DB account `{label}`, and the service default lets account keys write metadata",
    ),
    message: "account keys can write metadata (databases, containers, throughput) of Cosmos DB account `{label}`",
    help: None,
};

/// `disableLocalAuth: true` turns every key off, metadata writes included:
/// then the switch is moot (MID002 judges local auth itself).
pub static LOCAL_AUTH_OFF: PropertyCheck = PropertyCheck {
    types: &["Microsoft.DocumentDB/databaseAccounts"],
    path: "properties.disableLocalAuth",
    bad: Bad::True,
    absent: Absent::Fine,
    message: "",
    help: None,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let check = &METADATA_WRITE;
    for r in cx.resources.iter() {
        if !check.types.iter().any(|t| r.is_type(t))
            || r.deploys_nothing()
            || LOCAL_AUTH_OFF.judge_resource(r) == Answer::Bad
        {
            continue;
        }
        let fill = |m: &str| m.replace("{label}", &r.label);
        match (check.judge_resource(r), r.prop(check.path), check.absent) {
            (Answer::Bad, Some(e), _) => out.push(
                Finding::property(&RULE.meta, r, check.path, e, fill(check.message))
                    .traced(&e.value),
            ),
            (Answer::Absent, _, Absent::Bad(m)) => {
                out.push(Finding::new(&RULE.meta, r.loc, fill(m)).resource(r, check.path))
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Loc, Value};

    #[test]
    fn only_true_turns_key_metadata_writes_off() {
        let v = |k| Value::new(k, Loc::default());
        let judge = |x: &Value| METADATA_WRITE.judge(Some(x));
        assert_eq!(judge(&v(Kind::Bool(false))), Answer::Bad);
        assert_eq!(judge(&v(Kind::String("false".into()))), Answer::Bad);
        assert_eq!(judge(&v(Kind::Bool(true))), Answer::Fine);
        assert_eq!(
            judge(&Value::opaque("parameter", Loc::default())),
            Answer::Unknown
        );
        assert_eq!(METADATA_WRITE.judge(None), Answer::Absent);
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
