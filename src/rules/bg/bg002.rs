use super::story;
use crate::findings::{Finding, Severity};
use crate::model::lifecycle::{
    family_key, group, revisions_in_parallel, system_grants, system_registry_pulls,
};
use crate::model::{Kind, Loc, ResId, Resource, Role, Tri, Value};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "BG002",
        name: "container-app-system-identity-image-pull",
        family: Family::Bg,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "container app or job pulling its image with its system-assigned identity, which has no `AcrPull` until after the first revision tries to pull",
        help: "pull with a user-assigned identity that already holds `AcrPull`: set `registries[].identity` (TF `registry { identity }`) to its resource ID",
        docs: include_str!("../../../rules/BG002-container-app-system-identity-image-pull/README.md"),
    },
    check,
};

const TYPES: &[&str] = &["Microsoft.App/containerApps", "Microsoft.App/jobs"];

/// A registry entry that names no user-assigned identity and no password:
/// with a system-assigned identity only, it pulls as that identity.
fn pulls_without_own_identity(reg: &Value) -> bool {
    let set = |k: &str| reg.get(k).is_some_and(|v| !v.is_null());
    !set("passwordSecretRef") && !set("identity") && !set("username")
}

/// Where a registry pull with the system identity is, and what it pulls
/// from: `registries[].identity: system`, or a registry entry with neither
/// identity nor password on an app whose only identity is system-assigned
/// and which receives `AcrPull` in the unit.
fn pulls(cx: &Ctx, r: ResId, res: &Resource) -> Vec<(Loc, String)> {
    let mut out: Vec<(Loc, String)> = system_registry_pulls(res)
        .into_iter()
        .map(|n| (n.entry.key_loc, n.what))
        .collect();
    if !out.is_empty() {
        return out;
    }
    let Some(id) = &res.identity else { return out };
    if id.user != Tri::No || !id.user_assigned.is_empty() {
        return out;
    }
    let acr_pull = system_grants(cx, r)
        .iter()
        .any(|g| matches!(&g.role, Role::BuiltIn(b) if b.name == "AcrPull"));
    if !acr_pull {
        return out;
    }
    let regs = res.prop("properties.configuration.registries");
    if let Some(Kind::Array(items)) = regs.map(|e| &e.value.kind) {
        for reg in items.iter().filter(|r| pulls_without_own_identity(r)) {
            let server = reg
                .get("server")
                .and_then(Value::as_str)
                .map(|s| format!("`{s}`"))
                .unwrap_or_else(|| "its registry".into());
            out.push((
                reg.loc,
                format!("pull its image from {server} (the entry names no identity, and its only identity gets `AcrPull` in this deployment)"),
            ));
        }
    }
    out
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, res) in cx.resources.iter().enumerate() {
        if !TYPES.iter().any(|t| res.is_type(t)) || res.deploys_nothing() {
            continue;
        }
        let Some(id) = res.identity.as_ref().filter(|i| i.has_system()) else {
            continue;
        };
        let r = ResId(i as u32);
        let found = pulls(cx, r, res);
        if found.is_empty() {
            continue;
        }
        let parallel = revisions_in_parallel(res)
            .map(|(l, what)| (l, what.to_string()))
            .or_else(|| {
                let g = group(cx, r)?;
                let blue_green = g.members.iter().all(|&m| {
                    let n = cx.res(m).name.as_ref().and_then(|n| n.match_key());
                    n.is_some_and(|n| family_key(&n).is_some())
                });
                blue_green.then(|| {
                    (
                        g.loop_loc.unwrap_or(res.loc),
                        "runs beside its blue/green copies, each with its own identity".to_string(),
                    )
                })
            });
        let grants: Vec<_> = system_grants(cx, r)
            .into_iter()
            .filter(|g| matches!(&g.role, Role::BuiltIn(b) if b.name == "AcrPull"))
            .collect();
        for (loc, what) in found {
            let mut message = format!(
                "`{0}` uses its system-assigned identity to {what}, but that identity exists only once `{0}` does and gets `AcrPull` after that, so its first revision cannot pull the image",
                res.label
            );
            if let Some((_, p)) = &parallel {
                message.push_str(&format!(
                    "; it {p}, so a blue-green release waits on a revision that cannot start"
                ));
            }
            let mut f = Finding::new(&RULE.meta, loc, message)
                .resource(res, "properties.configuration.registries.identity")
                .help(story::pull_help(res))
                .related(id.loc, "the system-assigned identity".to_string());
            if let Some((l, p)) = &parallel {
                f = f.severity(Severity::High).related(*l, format!("it {p}"));
            }
            for (l, w) in story::grant_related(cx, &grants) {
                f = f.related(l, w);
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Entry;

    fn reg(keys: &[(&str, Value)]) -> Value {
        Value::object(
            keys.iter()
                .map(|(k, v)| Entry {
                    key: k.to_string(),
                    key_loc: Loc::default(),
                    value: v.clone(),
                })
                .collect(),
            Loc::default(),
        )
    }

    #[test]
    fn a_registry_with_a_password_or_identity_is_not_a_system_pull() {
        let s = |x: &str| Value::string(x, Loc::default());
        assert!(pulls_without_own_identity(&reg(&[(
            "server",
            s("a.azurecr.io")
        )])));
        assert!(!pulls_without_own_identity(&reg(&[
            ("server", s("a.azurecr.io")),
            ("passwordSecretRef", s("pw"))
        ])));
        assert!(!pulls_without_own_identity(&reg(&[
            ("server", s("a.azurecr.io")),
            ("identity", s("/subscriptions/x/uami"))
        ])));
    }
}
