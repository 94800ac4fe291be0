use crate::findings::{Finding, Severity};
use crate::model::{Kind, Resource, Unit, Value};
use crate::rules::kit::{Absent, Answer, Bad, PropertyCheck};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID012",
        name: "publishing-basic-auth",
        family: Family::Mid,
        severity: Severity::Low,
        formats: Formats::Both,
        summary: "App Service site or slot that allows FTP or Web Deploy (SCM) basic-auth publishing",
        help: "add `Microsoft.Web/sites/basicPublishingCredentialsPolicies` children `ftp` and `scm` with `properties.allow: false` (Terraform: `ftp_publish_basic_authentication_enabled = false` and `webdeploy_publish_basic_authentication_enabled = false`) and deploy with Entra ID (OIDC or a managed identity)",
        docs: include_str!("../../../rules/MID012-publishing-basic-auth/README.md"),
    },
    check,
};

const SITES: &[&str] = &["Microsoft.Web/sites", "Microsoft.Web/sites/slots"];
const KINDS: &[&str] = &["ftp", "scm"];

/// A policy child resource: `allow: true` is basic auth on. The property is
/// required, so an absent one is not judged.
pub static POLICY: PropertyCheck = PropertyCheck {
    types: &[
        "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
        "Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies",
    ],
    path: "properties.allow",
    bad: Bad::True,
    absent: Absent::Fine,
    message: "basic publishing credentials policy `{label}` allows basic auth",
    help: None,
};

/// The policy as azurerm sets it on the app (`ftp` or `scm`, see the
/// adapter): true or absent (azurerm's default true) allows basic auth.
fn site_path(kind: &str) -> &'static str {
    match kind {
        "ftp" => "basicPublishingCredentialsPolicies.ftp.allow",
        _ => "basicPublishingCredentialsPolicies.scm.allow",
    }
}

fn terraform_name(kind: &str) -> &'static str {
    match kind {
        "ftp" => "ftp_publish_basic_authentication_enabled",
        _ => "webdeploy_publish_basic_authentication_enabled",
    }
}

/// `(site name, kind)` of a policy from its full name (`app/ftp`,
/// `app/staging/scm`); `None` when the name is not known.
fn policy_name(name: &str) -> Option<(&str, String)> {
    let (site, kind) = name.rsplit_once('/').unwrap_or(("", name));
    Some((site, kind.to_ascii_lowercase()))
}

fn text(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str)
}

/// Whether `policy` (of kind `kind`) is a policy of `site`: its parent
/// resolves to the site, or its full name is the site's name and the kind.
fn covers(unit: &Unit, policy: &Resource, site: &Resource, kind: &str) -> bool {
    let Some((site_name, k)) = text(policy.name.as_ref()).and_then(policy_name) else {
        return false;
    };
    if k != kind {
        return false;
    }
    let by_parent = policy
        .parent
        .as_ref()
        .is_some_and(|p| unit.resolve(p).any(|r| r.key == site.key));
    by_parent
        || text(site.name.as_ref())
            .is_some_and(|n| !n.is_empty() && n.eq_ignore_ascii_case(site_name))
}

/// A site that runs on Container Apps has no publishing endpoints.
fn publishes(site: &Resource) -> bool {
    !text(site.body.get("kind"))
        .is_some_and(|k| k.to_ascii_lowercase().contains("azurecontainerapps"))
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let policies: Vec<&Resource> = cx
        .resources
        .iter()
        .filter(|r| POLICY.types.iter().any(|t| r.is_type(t)) && !r.deploys_nothing())
        .collect();
    for p in &policies {
        if POLICY.judge_resource(p) == Answer::Bad {
            if let Some(e) = p.prop(POLICY.path) {
                let m = POLICY.message.replace("{label}", &p.label);
                out.push(Finding::property(&RULE.meta, p, POLICY.path, e, m).traced(&e.value));
            }
        }
    }
    // A policy whose kind, or whose site (no `site/kind` name and no parent
    // found here), is not known may be any site's: the sites of this unit
    // are then not proven to lack one.
    let unmatched = policies.iter().any(|p| {
        let named = text(p.name.as_ref()).and_then(policy_name);
        let kind_known = named
            .as_ref()
            .is_some_and(|(_, k)| KINDS.contains(&k.as_str()));
        let site_known = named.as_ref().is_some_and(|(s, _)| !s.is_empty())
            || p.parent
                .as_ref()
                .is_some_and(|r| cx.unit.resolve(r).next().is_some());
        !(kind_known && site_known)
    });
    for site in cx
        .resources
        .iter()
        .filter(|r| SITES.iter().any(|t| r.is_type(t)) && !r.deploys_nothing() && publishes(r))
    {
        if matches!(site.body.kind, Kind::Unknown(_)) {
            continue;
        }
        let mut missing = Vec::new();
        // Flex Consumption (`functionAppConfig`) has no FTP endpoint.
        let flex = site.prop("properties.functionAppConfig").is_some();
        for kind in KINDS.iter().filter(|k| !(flex && **k == "ftp")) {
            if policies.iter().any(|p| covers(cx.unit, p, site, kind)) {
                continue;
            }
            let path = site_path(kind);
            let check = PropertyCheck {
                types: SITES,
                path,
                bad: Bad::True,
                absent: Absent::Fine,
                message: "",
                help: None,
            };
            match check.judge_resource(site) {
                Answer::Bad => {
                    if let Some(e) = site.prop(path) {
                        let m = format!(
                            "app `{}` allows `{kind}` basic-auth publishing (`{}` is true)",
                            site.label,
                            terraform_name(kind)
                        );
                        out.push(Finding::property(&RULE.meta, site, path, e, m).traced(&e.value));
                    }
                }
                Answer::Absent if !unmatched => missing.push(*kind),
                _ => {}
            }
        }
        if !missing.is_empty() {
            let which = missing
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(" and ");
            let m = format!(
                "app `{}` does not disable {which} basic-auth publishing; the platform default allows it",
                site.label
            );
            out.push(
                Finding::new(&RULE.meta, site.loc, m)
                    .resource(site, "basicPublishingCredentialsPolicies"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    #[test]
    fn only_true_allows_and_names_give_site_and_kind() {
        let v = |k| Value::new(k, Loc::default());
        assert_eq!(POLICY.judge(Some(&v(Kind::Bool(true)))), Answer::Bad);
        assert_eq!(POLICY.judge(Some(&v(Kind::Bool(false)))), Answer::Fine);
        assert_eq!(
            POLICY.judge(Some(&Value::opaque("parameter", Loc::default()))),
            Answer::Unknown
        );
        assert_eq!(policy_name("app/FTP"), Some(("app", "ftp".to_string())));
        assert_eq!(
            policy_name("app/staging/scm"),
            Some(("app/staging", "scm".to_string()))
        );
        assert_eq!(policy_name("scm"), Some(("", "scm".to_string())));
    }
}
