use crate::findings::{Finding, Severity};
use crate::rules::kit::{Absent, Bad, PropertyCheck};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID004",
        name: "acr-admin-user-enabled",
        family: Family::Mid,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "container registry with the admin user enabled",
        help: "set `adminUserEnabled` to false and pull with a managed identity granted `AcrPull`",
        docs: include_str!("../../../rules/MID004-acr-admin-user-enabled/README.md"),
    },
    check,
};

/// The admin user is a shared username/password pair for the whole registry;
/// absent means disabled (the service default), unknown proves nothing.
pub static ADMIN_USER: PropertyCheck = PropertyCheck {
    types: &["Microsoft.ContainerRegistry/registries"],
    path: "properties.adminUserEnabled",
    bad: Bad::True,
    absent: Absent::Fine,
    message: "container registry `{label}` has the admin user enabled",
    help: None,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    ADMIN_USER.run(&RULE.meta, cx, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Loc, Value};
    use crate::rules::kit::Answer;

    #[test]
    fn only_true_is_enabled() {
        let v = |k| Value::new(k, Loc::default());
        let judge = |x: &Value| ADMIN_USER.judge(Some(x));
        assert_eq!(judge(&v(Kind::Bool(true))), Answer::Bad);
        assert_eq!(judge(&v(Kind::String("True".into()))), Answer::Bad);
        assert_eq!(judge(&v(Kind::Bool(false))), Answer::Fine);
        assert_eq!(
            judge(&Value::opaque("parameter", Loc::default())),
            Answer::Unknown
        );
        assert_eq!(ADMIN_USER.judge(None), Answer::Absent);
    }
}
