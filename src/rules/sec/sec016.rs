use crate::findings::{Finding, Severity};
use crate::model::secrets::{each_entry, identifier_name, not_secret_shape, source, Source};
use crate::model::{Kind, Value, OUTER_SCOPE_DEPLOYMENT};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC016",
        name: "outer-scope-secure-parameter",
        family: Family::Sec,
        severity: Severity::Medium,
        formats: Formats::ArmOnly,
        summary: "nested deployment in outer expression scope using a secure parameter of its parent",
        help: "set `expressionEvaluationOptions.scope` to `inner` and pass the secret as a secure parameter of the nested template; in outer scope it is resolved into the deployment's visible template",
        docs: include_str!("../../../rules/SEC016-outer-scope-secure-parameter/README.md"),
    },
    check,
};

/// A leaf value that comes from a secure parameter.
/// An identifier kept in a secure parameter (`servicePrincipalObjectId`) is
/// not a secret, whatever the parameter's type says.
pub fn from_secure_parameter(v: &Value) -> bool {
    if matches!(v.kind, Kind::Object(_) | Kind::Array(_)) {
        return false;
    }
    match source(v) {
        Source::SecureInput(name) => !identifier_name(name),
        _ => v.via.iter().any(|s| s.secure && !identifier_name(&s.name)) && !not_secret_shape(v),
    }
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for r in &unit.resources {
        let Some(dep) = r
            .via
            .iter()
            .rev()
            .find(|s| s.noun == OUTER_SCOPE_DEPLOYMENT)
        else {
            continue;
        };
        each_entry(&r.body, &mut |e| {
            if from_secure_parameter(&e.value) {
                out.push(
                    Finding::property(
                        &RULE.meta,
                        r,
                        &e.key,
                        e,
                        format!(
                            "`{}` of `{}` uses a secure parameter of the outer template in outer-scope nested deployment `{}`",
                            e.key, r.label, dep.name
                        ),
                    )
                    .related(dep.loc, format!("nested deployment `{}` declared here", dep.name))
                    .redact_literal(&e.value),
                );
            }
        });
    }
}
