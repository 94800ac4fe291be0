use crate::findings::{Finding, Severity};
use crate::model::secrets::secret_like_name;
use crate::model::{Parameter, Unit};
use crate::rules::{Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC004",
        name: "secret-named-parameter-not-secure",
        family: Family::Sec,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "parameter or variable named like a secret that is not secure or sensitive",
        help: "declare it `secureString`/`@secure()` (ARM) or `sensitive = true` (Terraform), or rename it if it holds no secret",
        docs: include_str!("../../../rules/SEC004-secret-named-parameter-not-secure/README.md"),
    },
    check,
};

/// A declared, non-secure, string (or untyped) input whose name says it
/// holds a secret. Objects and arrays named `secrets` or `keys` describe
/// secrets rather than hold one, and stay out.
pub fn misdeclared(p: &Parameter) -> bool {
    let text = matches!(p.ty.as_deref(), None | Some("string"));
    p.declared && !p.secure && text && secret_like_name(&p.name)
}

fn check(unit: &Unit, out: &mut Vec<Finding>) {
    for p in unit.parameters.iter().filter(|p| misdeclared(p)) {
        out.push(
            Finding::new(
                &RULE.meta,
                p.loc,
                format!("{} `{}` is named like a secret but is not secure", p.noun, p.name),
            )
            .subject(format!("{}:{}", p.noun, p.name)),
        );
    }
}
