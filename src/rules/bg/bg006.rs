use super::story;
use crate::findings::{Finding, Severity};
use crate::model::lifecycle::{system_needs_at_create, CreateNeed};
use crate::model::Resource;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "BG006",
        name: "system-identity-needed-at-create",
        family: Family::Bg,
        severity: Severity::Low,
        formats: Formats::Both,
        summary: "system-assigned identity used for something the resource needs while it is being created (customer-managed key, Key Vault secret or certificate)",
        help: "use a user-assigned identity created (and granted access) before the resource, and name it where the resource needs it",
        docs: include_str!("../../../rules/BG006-system-identity-needed-at-create/README.md"),
    },
    check,
};

/// Whether the resource that needs the identity has (or, for a managed
/// environment's certificate, is a child of one that may have) a
/// system-assigned identity. `identity: system` on a certificate names
/// its environment's identity itself.
fn has_system(r: &Resource) -> bool {
    r.is_type("Microsoft.App/managedEnvironments/certificates")
        || r.identity.as_ref().is_some_and(|i| i.has_system())
}

/// Where the property should point instead, in the file's own format.
fn help_for(r: &Resource, need: &CreateNeed) -> String {
    let tf = matches!(story::format_of(r), story::Format::Terraform { .. });
    let name = if tf {
        r.spelling(&need.path)
            .map(|s| s.key().to_string())
            .unwrap_or_else(|| need.path.rsplit('.').next().unwrap_or("").to_string())
    } else {
        need.path.rsplit('.').next().unwrap_or("").to_string()
    };
    format!(
        "create a user-assigned identity first, grant it access to the key or secret, attach it to `{}`, and point `{name}` at it (its resource ID; Cosmos DB: `UserAssignedIdentity=<its resource ID>`)",
        r.label
    )
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for res in cx.resources.iter() {
        if res.deploys_nothing() || !has_system(res) {
            continue;
        }
        for need in system_needs_at_create(cx, res) {
            let message = format!(
                "`{}` needs its system-assigned identity to {} while it is being created, before that identity exists or has any access",
                res.label, need.what
            );
            let mut f = Finding::new(&RULE.meta, need.entry.key_loc, message)
                .resource(res, &need.path)
                .help(help_for(res, &need));
            if let Some(id) = &res.identity {
                f = f.related(id.loc, "the system-assigned identity".to_string());
            }
            out.push(f);
        }
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
