use crate::findings::{Finding, Severity};
use crate::model::secrets::secret_like_name;
use crate::model::Parameter;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

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

/// A declared input whose name says it holds a secret but that is not
/// secure, where the platform lets it be: ARM can mark only strings and
/// objects secure, so an array is not held against the template. A value
/// restricted to a list (`allowedValues`) is an enumeration, not a secret;
/// a bare `keys` list describes Key Vault keys rather than holding any, and
/// an object named `key` refers to one (`key.id`, `key.name`, a Key Vault key
/// reference). Likewise an input its module reads only through members that
/// name no secret (`var.key.id`, `var.key.name`, `var.secrets[k].secret_name`):
/// an object or map of references, whatever its name. And a Terraform
/// input its module never reads: `sensitive` only hides values derived from
/// the input in plan output, and nothing is derived from it.
pub fn misdeclared(p: &Parameter) -> bool {
    let can_hold = !matches!(p.ty.as_deref(), Some("bool" | "int" | "number"));
    let object = p.ty.as_deref().is_some_and(|t| t.starts_with("object"));
    let key_definitions =
        p.name.eq_ignore_ascii_case("keys") || (p.name.eq_ignore_ascii_case("key") && object);
    let references = !p.members_read.is_empty()
        && p.members_read
            .iter()
            .all(|m| !m.eq_ignore_ascii_case("value") && !secret_like_name(m));
    p.declared
        && !p.secure
        && p.securable
        && !p.enumerated
        && can_hold
        && !key_definitions
        && !references
        && !p.unread
        && secret_like_name(&p.name)
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for p in unit.parameters.iter().filter(|p| misdeclared(p)) {
        out.push(
            Finding::new(
                &RULE.meta,
                p.loc,
                format!(
                    "{} `{}` is named like a secret but is not secure",
                    p.noun, p.name
                ),
            )
            .subject(format!("{}:{}", p.noun, p.name)),
        );
    }
}
