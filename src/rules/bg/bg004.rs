use super::story;
use crate::findings::{Finding, Severity};
use crate::model::lifecycle::{group, shared_grants, system_grants, Group};
use crate::model::{ResId, Unit};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "BG004",
        name: "parallel-system-identities",
        family: Family::Bg,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "parallel copies of a workload (blue/green names, count, for_each, copy) each with its own system-assigned identity and the same role assignments",
        help: "create one user-assigned identity, attach it to every copy, grant the roles once to it, and set `AZURE_CLIENT_ID` to its client ID",
        docs: include_str!("../../../rules/BG004-parallel-system-identities/README.md"),
    },
    check,
};

/// How the message names the members of a group: "the 3 instances of
/// `x`" for a loop, "`app-blue` and `app-green`" for name siblings.
pub fn members_text(unit: &Unit, g: &Group, r: ResId) -> String {
    if g.loop_loc.is_some() {
        return format!("the {} instances of `{}`", g.size, unit.res(r).label);
    }
    let names: Vec<String> = g
        .members
        .iter()
        .map(|&m| format!("`{}`", unit.res(m).label))
        .collect();
    match names.as_slice() {
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    }
}

/// Workloads that run side by side as one (a loop of two or more, or
/// blue/green siblings), each with a system-assigned identity, that all
/// receive at least one same grant (role and scope): the duplication
/// proves one identity would do.
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, res) in cx.resources.iter().enumerate() {
        let r = ResId(i as u32);
        let Some(id) = res.identity.as_ref().filter(|i| i.has_system()) else {
            continue;
        };
        if res.deploys_nothing() {
            continue;
        }
        let Some(g) = group(cx, r) else { continue };
        let Some(shared) = shared_grants(cx, &g) else {
            continue;
        };
        let grants = system_grants(cx, r);
        let noun = story::grant_noun(&grants);
        let same = if shared.len() == 1 {
            format!("the same {noun}")
        } else {
            format!("the same {} {noun}s", shared.len())
        };
        let message = format!(
            "{} each get their own system-assigned principal and {same}; each new copy starts with a principal that has no role until its own assignments propagate, where one user-assigned identity would serve them all",
            members_text(cx, &g, r),
        );
        let mut f = Finding::new(&RULE.meta, id.loc, message)
            .resource(res, "identity")
            .help(story::shared_identity_help(res, "every copy"));
        if let Some(l) = g.loop_loc {
            f = f.related(l, "the loop that makes the copies".to_string());
        } else {
            for &m in g.members.iter().filter(|&&m| m != r) {
                let o = cx.res(m);
                f = f.related(o.loc, format!("sibling `{}`", o.label));
            }
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
    fn finds_nothing_in_an_empty_unit() {
        let unit = crate::model::Unit::default();
        let options = crate::rules::Options::default();
        let mut out = Vec::new();
        check(&Ctx::new(&unit, &options), &mut out);
        assert!(out.is_empty());
    }
}
