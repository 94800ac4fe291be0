use crate::findings::{Finding, Severity};
use crate::model::{Entry, Role, RoleAssignment, Unit, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC009",
        name: "role-by-name",
        family: Family::Rbac,
        severity: Severity::Low,
        formats: Formats::TerraformOnly,
        summary: "role assigned by `role_definition_name` instead of `role_definition_id`",
        help: "set `role_definition_id = \"/providers/Microsoft.Authorization/roleDefinitions/<role GUID>\"` instead of `role_definition_name`: role names change, IDs do not",
        docs: include_str!("../../../rules/RBAC009-role-by-name/README.md"),
    },
    check,
};

/// Where the model keeps Terraform's `role_definition_name` (ARM has no
/// role-by-name).
const BY_NAME: &str = "properties.roleDefinitionName";
const BY_ID: &str = "properties.roleDefinitionId";

/// The `role_definition_name` an assignment uses: set to a known name, or
/// to an unknown value when no `role_definition_id` could be used instead
/// (one of the two is required). A `null` name is not used.
pub fn by_name<'u>(unit: &'u Unit, ra: &RoleAssignment) -> Option<&'u Entry> {
    let res = &unit.resources[ra.resource];
    let name = res.prop(BY_NAME)?;
    uses_name(&name.value, res.prop(BY_ID).map(|e| &e.value)).then_some(name)
}

/// Is the role named by `name` rather than given by `id`?
pub fn uses_name(name: &Value, id: Option<&Value>) -> bool {
    if name.is_null() {
        return false;
    }
    name.as_str().is_some() || id.is_none_or(Value::is_null)
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for ra in &cx.role_assignments {
        let res = &cx.resources[ra.resource];
        if res.deploys_nothing() {
            continue;
        }
        let Some(e) = by_name(cx, ra) else { continue };
        let message = match e.value.as_str() {
            Some(n) => format!("role `{n}` is assigned by name"),
            None => "the role is assigned by name".to_string(),
        };
        let mut f = Finding::new(&RULE.meta, e.key_loc, message)
            .resource(res, BY_NAME)
            .traced(&e.value);
        if let Role::BuiltIn(r) = &ra.role {
            f = f.help(format!(
                "set `role_definition_id = \"/providers/Microsoft.Authorization/roleDefinitions/{}\"` ({}) instead of `role_definition_name`: role names change, IDs do not",
                r.guid, r.name
            ));
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Loc};

    #[test]
    fn names_and_ids() {
        let lit = |s: &str| Value::string(s, Loc::default());
        let unknown = Value::opaque("variable", Loc::default());
        let null = Value::new(Kind::Null, Loc::default());
        assert!(uses_name(&lit("AcrPull"), None));
        // A known name is used even beside an ID (the provider rejects both).
        assert!(uses_name(&lit("AcrPull"), Some(&lit("/providers/x"))));
        // An unknown name is used only when no ID is given.
        assert!(uses_name(&unknown, None));
        assert!(uses_name(&unknown, Some(&null)));
        assert!(!uses_name(&unknown, Some(&unknown)));
        assert!(!uses_name(&null, None));
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
