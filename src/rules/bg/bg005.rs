use super::story;
use crate::findings::{Finding, Severity};
use crate::model::lifecycle::{churn, is_system, Churn};
use crate::model::{Attr, GrantKind, Kind, Unknown, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "BG005",
        name: "role-assignment-to-replaceable-identity",
        family: Family::Bg,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "role assignment to the system-assigned identity of a slot, a replaced resource or a parallel copy (BG001–BG004)",
        help: "assign the role to a user-assigned identity shared by the workload's slots, replacements or copies, and name the assignment with `guid(scope, principalId, roleDefinitionId)`",
        docs: include_str!("../../../rules/BG005-role-assignment-to-replaceable-identity/README.md"),
    },
    check,
};

/// Does a value mention a principal ID (`principalId`, `principal_id`,
/// the system identity's principal) anywhere in its expression?
fn mentions_principal(v: &Value, depth: usize) -> bool {
    if depth > 16 {
        return true;
    }
    let hole = |u: &Unknown| match u {
        Unknown::Attribute(r) => matches!(r.attr, Attr::SystemPrincipalId | Attr::PrincipalId),
        Unknown::Input { name, .. } => name.to_ascii_lowercase().contains("principal"),
        Unknown::Derived { args, .. } => args.iter().any(|a| mentions_principal(a, depth + 1)),
        Unknown::Opaque { .. } | Unknown::Failed { .. } => true,
        _ => false,
    };
    match &v.kind {
        Kind::Unknown(u) => hole(u),
        Kind::Template(parts) => parts.iter().any(|p| match p {
            crate::model::Part::Hole(u) => hole(u),
            crate::model::Part::Lit(_) => false,
        }),
        _ => false,
    }
}

/// Does a value change on every deployment (`utcNow()`, `newGuid()`
/// anywhere in it)?
fn volatile(v: &Value, depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    let hole = |u: &Unknown| match u {
        Unknown::Volatile { .. } => true,
        Unknown::Derived { args, .. } => args.iter().any(|a| volatile(a, depth + 1)),
        _ => false,
    };
    match &v.kind {
        Kind::Unknown(u) => hole(u),
        Kind::Template(parts) => parts.iter().any(|p| match p {
            crate::model::Part::Hole(u) => hole(u),
            crate::model::Part::Lit(_) => false,
        }),
        _ => false,
    }
}

/// `Some(true)`: the assignment's name is fixed across deployments and does
/// not depend on the principal, so a re-created principal makes the same
/// name with a new principal: `RoleAssignmentUpdateNotPermitted`.
/// `None`: no name, or one that changes anyway (`newGuid()`).
pub fn name_omits_principal(name: &Value) -> Option<bool> {
    match &name.kind {
        Kind::String(s) => Some(!s.is_empty()),
        Kind::Unknown(u) => match &**u {
            Unknown::Derived { args, .. } => {
                let volatile = args.iter().any(|a| volatile(a, 0));
                if volatile {
                    None
                } else {
                    Some(!args.iter().any(|a| mentions_principal(a, 0)))
                }
            }
            _ => None,
        },
        _ => None,
    }
}

/// The part of the message that says why the principal does not last.
fn churn_text(c: &Churn, label: &str) -> String {
    match c {
        Churn::Slot => format!(
            "deployment slot `{label}`, whose principal stays with the slot when it is swapped"
        ),
        Churn::Replaced(rep) => format!(
            "`{label}`, which gets a new principal each time it is replaced ({})",
            rep.describe()
        ),
        Churn::Parallel(g) => format!(
            "`{label}`, one of {} copies that each have their own principal",
            g.size.max(g.members.len())
        ),
    }
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for g in &cx.graph.grants {
        if g.kind != GrantKind::RoleAssignment {
            continue;
        }
        let Some(loc) = g.principal_loc else { continue };
        let ra = cx.res(g.resource);
        if ra.deploys_nothing() {
            continue;
        }
        let Some((owner, c)) = g.principals.iter().find_map(|&p| {
            let r = is_system(cx, p)?;
            churn(cx, r).map(|c| (r, c))
        }) else {
            continue;
        };
        let owner_res = cx.res(owner);
        let mut message = format!(
            "role assignment `{}` goes to the system-assigned identity of {}",
            ra.label,
            churn_text(&c, &owner_res.label)
        );
        // A fixed name with a new principal is refused, in formats that
        // update an assignment in place (ARM, azapi) rather than replace it.
        let in_place = !matches!(story::format_of(ra), story::Format::Terraform { .. });
        let omits = matches!(c, Churn::Replaced(_))
            && in_place
            && ra.name.as_ref().and_then(name_omits_principal) == Some(true);
        if omits {
            message.push_str("; its name does not depend on the principal, so re-creating it for the new principal fails with `RoleAssignmentUpdateNotPermitted`");
        }
        let mut f = Finding::new(&RULE.meta, loc, message)
            .resource(ra, "properties.principalId")
            .help(story::shared_identity_help(
                owner_res,
                "the workload (each slot, replacement or copy)",
            ))
            .related(
                owner_res.identity.as_ref().map_or(owner_res.loc, |i| i.loc),
                format!("system-assigned identity of `{}`", owner_res.label),
            );
        if let Churn::Replaced(rep) = &c {
            f = f.related(rep.loc, format!("replaced: {}", rep.describe()));
        }
        if let Some(n) = ra.name.as_ref().filter(|_| omits) {
            f = f.related(n.loc, "the assignment's name".to_string());
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Loc, ResourceRef, SymRef};

    fn derived(args: Vec<Value>) -> Value {
        Value::unknown(
            Unknown::Derived {
                function: "guid".into(),
                args,
            },
            Loc::default(),
        )
    }

    #[test]
    fn names_without_the_principal_are_fixed() {
        let s = |x: &str| Value::string(x, Loc::default());
        let principal = Value::unknown(
            Unknown::Attribute(SymRef {
                target: ResourceRef {
                    ty: "microsoft.web/sites".into(),
                    key: "app".into(),
                },
                attr: Attr::SystemPrincipalId,
            }),
            Loc::default(),
        );
        assert_eq!(
            name_omits_principal(&derived(vec![s("rg"), s("acrpull")])),
            Some(true)
        );
        assert_eq!(
            name_omits_principal(&derived(vec![s("rg"), principal])),
            Some(false)
        );
        let volatile = Value::unknown(
            Unknown::Volatile {
                function: "newGuid".into(),
            },
            Loc::default(),
        );
        assert_eq!(name_omits_principal(&derived(vec![volatile])), None);
        assert_eq!(
            name_omits_principal(&s("0a8f2a4e-1111-2222-3333-444455556666")),
            Some(true)
        );
    }
}
