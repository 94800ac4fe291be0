use crate::findings::{Finding, Severity};
use crate::model::secrets::{identifier_name, is_secret_source, names_no_secret, source, Source};
use crate::model::{Output, StepKind, Unknown, Value};
use crate::rules::sec::source_phrase;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC005",
        name: "output-exposes-secret",
        family: Family::Sec,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "output that exposes a key, a secure input or a generated secret",
        help: "do not output secrets: give consumers a managed identity and a role, or store the secret in Key Vault and output its URI",
        docs: include_str!("../../../rules/SEC005-output-exposes-secret/README.md"),
    },
    check,
};

/// An output that is not declared secure/sensitive but carries a secret:
/// a key read from a service, a secure input, a Key Vault or generated value.
/// Terraform's `nonsensitive()` does not make a value less secret.
pub fn exposes(o: &Output) -> bool {
    let Some(v) = &o.value else { return false };
    if o.secure || (o.guarded && o.nonsensitive.is_none()) {
        return false;
    }
    // A flag or a count computed from a secret (`!empty(password)`,
    // `length(keys)`) carries none of it: declared `bool`/`int`, or known to be one.
    let counted = matches!(o.ty.as_deref(), Some("bool" | "int"))
        || matches!(
            v.value.kind,
            crate::model::value::Kind::Bool(_) | crate::model::value::Kind::Number(_)
        );
    if counted {
        return false;
    }
    let mut found = false;
    let mut key = false;
    v.value.walk(&mut |x| {
        let s = source(x);
        key |= matches!(s, Source::ServiceKey(_) | Source::KeyVault);
        // A member of a secure object named as no secret (`vmSpec.adminUsername`).
        let no_secret = x.as_unknown().is_some_and(names_no_secret);
        found |= (is_secret_source(&s) && !plain_new_guid(x) && !no_secret)
            || x.via.iter().any(|s| s.secure);
    });
    // An output that names or identifies something (`name`, `resourceId`)
    // exposes no secret unless it holds a key or a Key Vault value.
    found && (key || !identifier_name(&o.name))
}

/// `newGuid()` as a plain parameter's default: a generated identifier (a
/// resource name), not a secret, unless a secure input carries it.
fn plain_new_guid(x: &Value) -> bool {
    matches!(x.as_unknown(), Some(Unknown::Volatile { .. })) && !x.via.iter().any(|s| s.secure)
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for o in unit.outputs.iter().filter(|o| exposes(o)) {
        let Some(v) = &o.value else { continue };
        let mut first = source(&v.value);
        v.value.walk(&mut |x| {
            let s = source(x);
            if !is_secret_source(&first) && is_secret_source(&s) {
                first = s;
            }
        });
        // A secure input's default or given value folded into the
        // output's text (the quickstart `_artifactsLocationSasToken` with
        // `""`, a `.bicepparam` value): the input is what the output
        // exposes, not the literal it folded into.
        let mut secure_step = None;
        v.value.walk(&mut |x| {
            if secure_step.is_none() {
                secure_step = x.via.iter().find(|s| {
                    s.secure
                        && matches!(
                            s.kind,
                            StepKind::Default | StepKind::Given | StepKind::ModuleInput
                        )
                });
            }
        });
        let from = match secure_step {
            Some(s) if !is_secret_source(&first) => format!("secure {} `{}`", s.noun, s.name),
            _ => source_phrase(unit, &first),
        };
        let mut f = Finding::new(
            &RULE.meta,
            v.key_loc,
            format!("output `{}` exposes {from}", o.name),
        )
        .subject(format!("output:{}", o.name));
        if let Some(n) = o.nonsensitive {
            f = f.related(n, "`nonsensitive()` lifts Terraform's protection here");
        }
        out.push(f);
    }
}
