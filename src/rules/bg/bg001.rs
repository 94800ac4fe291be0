use crate::findings::{Finding, Severity};
use crate::model::{Identity, Resource, Unit};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "BG001",
        name: "slot-system-assigned-identity",
        family: Family::Bg,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "deployment slot with a system-assigned identity and no user-assigned identity shared with its app",
        help: "attach the same user-assigned identity to the app and its slots and grant roles to it; slot identities are never swapped",
        docs: include_str!("../../../rules/BG001-slot-system-assigned-identity/README.md"),
    },
    check,
};

/// `Some(true)`: the slot shares a user-assigned identity with its app;
/// `Some(false)`: it certainly does not; `None`: cannot tell.
pub fn shares_identity(slot: &Identity, app: Option<&Identity>) -> Option<bool> {
    if slot.user_assigned.is_empty() {
        // `UserAssigned` in the type with identities we cannot see: unknown.
        return if slot.user.is_yes() || slot.user == crate::model::Tri::Unknown {
            None
        } else {
            Some(false)
        };
    }
    let app = app?;
    let keys = |id: &Identity| -> Vec<Option<String>> {
        id.user_assigned
            .iter()
            .map(|u| {
                u.target
                    .as_ref()
                    .map(|t| t.key.clone())
                    .or_else(|| u.id.match_key())
            })
            .collect()
    };
    let app_keys = keys(app);
    let slot_keys = keys(slot);
    if slot_keys
        .iter()
        .flatten()
        .any(|k| app_keys.iter().flatten().any(|a| a == k))
    {
        return Some(true);
    }
    if slot_keys.iter().chain(&app_keys).any(Option::is_none) {
        return None;
    }
    Some(false)
}

fn parent_app<'u>(unit: &'u Unit, slot: &Resource) -> Option<&'u Resource> {
    unit.resolve(slot.parent.as_ref()?).next()
}

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for slot in unit.resources_of_type("Microsoft.Web/sites/slots") {
        let Some(id) = &slot.identity else { continue };
        if !id.has_system() {
            continue;
        }
        let app = parent_app(unit, slot);
        if shares_identity(id, app.and_then(|a| a.identity.as_ref())) != Some(false) {
            continue;
        }
        let mut f = Finding::new(
            &RULE.meta,
            id.loc,
            format!(
                "deployment slot `{}` has a system-assigned identity and no user-assigned identity shared with its app",
                slot.label
            ),
        )
        .resource(slot, "identity");
        if let Some(app) = app {
            f = f.related(app.loc, format!("app `{}` declared here", app.label));
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IdentityRef, Loc, Tri, Value};

    fn ident(system: bool, uais: &[&str]) -> Identity {
        Identity {
            loc: Loc::default(),
            system: Tri::from_bool(system),
            user: Tri::from_bool(!uais.is_empty()),
            user_assigned: uais
                .iter()
                .map(|k| IdentityRef {
                    id: Value::string(*k, Loc::default()),
                    loc: Loc::default(),
                    target: None,
                })
                .collect(),
        }
    }

    #[test]
    fn shared_identity_is_recognised() {
        assert_eq!(shares_identity(&ident(true, &[]), None), Some(false));
        assert_eq!(
            shares_identity(&ident(true, &["a"]), Some(&ident(false, &["A"]))),
            Some(true)
        );
        assert_eq!(
            shares_identity(&ident(true, &["a"]), Some(&ident(false, &["b"]))),
            Some(false)
        );
        assert_eq!(shares_identity(&ident(true, &["a"]), None), None);
    }
}
