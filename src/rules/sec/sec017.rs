use crate::findings::{Finding, Severity};
use crate::model::secrets::{secret_like_name, source, Source};
use crate::model::{StepKind, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC017",
        name: "parameter-file-secret-literal",
        family: Family::Sec,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "parameter file or tfvars giving a literal value to a secure or secret-named input",
        help: "reference the secret from Key Vault in the parameter file (`\"reference\": {\"keyVault\": ...}`) or supply it from the pipeline's secret store (`TF_VAR_...`), not from a committed file",
        docs: include_str!("../../../rules/SEC017-parameter-file-secret-literal/README.md"),
    },
    check,
};

/// A value written out in the file: a literal string, or an object or array
/// (a `secureObject`) with a literal string inside.
pub fn literal(v: &Value) -> bool {
    let mut found = false;
    v.walk(&mut |x| found |= matches!(source(x), Source::Literal(_)));
    found
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for p in &unit.parameters {
        let Some(g) = &p.given else { continue };
        if !(p.secure || secret_like_name(&p.name)) {
            continue;
        }
        if !literal(g) {
            continue;
        }
        let Some(step) = g.via.iter().find(|s| s.kind == StepKind::Given) else {
            continue;
        };
        let why = if p.secure { "secure" } else { "secret-named" };
        out.push(
            Finding::new(
                &RULE.meta,
                step.loc,
                format!("{why} {} `{}` is given a literal value", p.noun, p.name),
            )
            .redact_literal(g)
            .subject(format!("given:{}", p.name)),
        );
    }
}
