use super::story;
use crate::findings::{Finding, Severity};
use crate::model::lifecycle::{replacement, system_grants, Replace};
use crate::model::{Identity, ResId};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "BG003",
        name: "replaced-resource-system-identity",
        family: Family::Bg,
        severity: Severity::High,
        formats: Formats::Both,
        summary: "resource replaced on deployments whose system-assigned identity receives roles: each replacement starts with a principal that has none",
        help: "give the resource a user-assigned identity that outlives its replacements, grant the roles to that identity, and set `AZURE_CLIENT_ID` to its client ID",
        docs: include_str!("../../../rules/BG003-replaced-resource-system-identity/README.md"),
    },
    check,
};

/// The trigger as the message names it: what makes the replacement.
pub fn trigger_text(why: Replace) -> &'static str {
    match why {
        Replace::CreateBeforeDestroy => "`create_before_destroy`",
        Replace::ReplaceTriggeredBy => "`replace_triggered_by`",
        Replace::VolatileName => "a name that changes on every deployment",
        Replace::ReleaseName => "a name that changes with each release",
    }
}

/// A resource with a system-assigned identity that is replaced on
/// deployments and whose principal receives grants in the same unit. Only
/// the grants prove that access depends on that principal.
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, res) in cx.resources.iter().enumerate() {
        let r = ResId(i as u32);
        let Some(id) = res.identity.as_ref().filter(|i| Identity::has_system(i)) else {
            continue;
        };
        if res.deploys_nothing() {
            continue;
        }
        let Some(rep) = replacement(&res.lifecycle) else {
            continue;
        };
        let grants = system_grants(cx, r);
        if grants.is_empty() {
            continue;
        }
        let message = format!(
            "each replacement of `{}` ({}) gets a new system-assigned principal, which has no access until {} made again for it and propagated",
            res.label,
            rep.describe(),
            story::its_grants(cx, id.loc, &grants),
        );
        let mut f = Finding::new(&RULE.meta, id.loc, message)
            .resource(res, "identity")
            .help(story::shared_identity_help(
                res,
                "the resource so every replacement carries it",
            ))
            .related(
                rep.loc,
                format!("replaced because of {}", trigger_text(rep.why)),
            );
        if let Some((decl, i)) = rep.input.as_ref().and_then(|i| i.decl.map(|d| (d, i))) {
            f = f.related(
                decl,
                format!(
                    "{} `{}`, the release input the name is built from",
                    i.noun, i.name
                ),
            );
        }
        for (loc, what) in story::grant_related(cx, &grants) {
            f = f.related(loc, what);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_are_named() {
        assert_eq!(
            trigger_text(Replace::CreateBeforeDestroy),
            "`create_before_destroy`"
        );
        assert!(trigger_text(Replace::ReleaseName).contains("release"));
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
