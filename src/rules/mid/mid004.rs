use crate::findings::{via_text, Finding, Severity};
use crate::model::Value;
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

const PATH: &str = "properties.adminUserEnabled";

/// The admin user is a shared username/password pair for the whole registry;
/// absent means disabled (the service default), unknown proves nothing.
pub fn admin_enabled(v: &Value) -> bool {
    v.as_bool() == Some(true)
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in unit.resources_of_type("Microsoft.ContainerRegistry/registries") {
        let Some(e) = r.prop(PATH) else { continue };
        if admin_enabled(&e.value) {
            out.push(
                Finding::new(
                    &RULE.meta,
                    e.key_loc,
                    format!(
                        "container registry `{}` has the admin user enabled{}",
                        r.label,
                        via_text(&e.value)
                    ),
                )
                .resource(r, PATH)
                .evidence(&e.value),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Loc};

    #[test]
    fn only_true_is_enabled() {
        let v = |k| Value::new(k, Loc::default());
        assert!(admin_enabled(&v(Kind::Bool(true))));
        assert!(admin_enabled(&v(Kind::String("True".into()))));
        assert!(!admin_enabled(&v(Kind::Bool(false))));
        assert!(!admin_enabled(&Value::opaque("parameter", Loc::default())));
    }
}
