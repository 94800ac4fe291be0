use crate::findings::{Finding, Severity};
use crate::model::roles::role_capabilities;
use crate::rules::kit::role_phrase;
use crate::rules::rbac::rbac007::workload;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC008",
        name: "data-owner-role-overgrant",
        family: Family::Rbac,
        severity: Severity::Low,
        formats: Formats::Both,
        summary: "a workload identity gets a data Owner/Administrator role where Reader/Sender/Receiver/Secrets User would do",
        help: "grant the narrowest data role the workload uses: Storage Blob Data Reader or Contributor, Azure Service Bus / Event Hubs Data Sender or Receiver, Key Vault Secrets User",
        docs: include_str!("../../../rules/RBAC008-data-owner-role-overgrant/README.md"),
    },
    check,
};

/// Assignments that give a managed identity a role owning a whole data
/// plane (every data action of blobs, Service Bus, Event Hubs, Key Vault
/// secrets) for which narrower built-in roles exist.
fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for ra in &cx.role_assignments {
        let res = &cx.resources[ra.resource];
        if res.deploys_nothing() {
            continue;
        }
        let Some(who) = workload(cx, &ra.principal) else {
            continue;
        };
        let Some(caps) = role_capabilities(cx, &ra.role) else {
            continue;
        };
        let Some(area) = caps.owns_data.first() else {
            continue;
        };
        let (role, via) = role_phrase(cx, ra);
        let mut f = Finding::new(
            &RULE.meta,
            ra.role_loc(res),
            format!(
                "`{role}`{via} gives {who} every operation on {}, where {} would do",
                area.what, area.narrower
            ),
        )
        .resource(res, "roleDefinitionId");
        if let Some(e) = &ra.role_entry {
            f = f.evidence(&e.value);
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
