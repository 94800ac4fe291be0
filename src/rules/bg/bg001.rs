use super::story;
use crate::findings::{Finding, Severity};
use crate::model::lifecycle::{self, system_grants};
use crate::model::ResId;
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

pub use crate::model::lifecycle::shares_identity;

fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for (i, slot) in unit.resources.iter().enumerate() {
        let r = ResId(i as u32);
        if !lifecycle::slot_with_own_principal(unit, r) {
            continue;
        }
        let Some(id) = &slot.identity else { continue };
        let app = lifecycle::slot_app(unit, slot).map(|a| unit.res(a));
        let grants = system_grants(unit, r);
        let story = if grants.is_empty() {
            String::new()
        } else {
            let phrase = story::its_grants(unit, id.loc, &grants);
            let (subject, verb) = phrase.rsplit_once(' ').unwrap_or((&phrase, ""));
            let stay = if verb == "is" { "stays" } else { "stay" };
            format!("; {subject} {stay} with the slot when it is swapped")
        };
        let mut f = Finding::new(
            &RULE.meta,
            id.loc,
            format!(
                "deployment slot `{}` has a system-assigned identity and no user-assigned identity shared with its app{story}",
                slot.label
            ),
        )
        .resource(slot, "identity")
        .help(story::shared_identity_help(slot, "the app and each of its slots"));
        if let Some(app) = app {
            f = f.related(app.loc, format!("app `{}` declared here", app.label));
        }
        for (loc, what) in story::grant_related(unit, &grants) {
            f = f.related(loc, what);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Identity, IdentityRef, Loc, Tri, Value};

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
