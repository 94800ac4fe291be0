use crate::findings::{Finding, Severity};
use crate::model::assignment::in_scope_group;
use crate::model::{Role, RoleAssignment, ScopeLevel, Unit};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC002",
        name: "broad-assignment-scope",
        family: Family::Rbac,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "role assigned at subscription or management-group scope, or at resource-group scope when the resource it is for is declared beside it",
        help: "assign the role on the resource the principal uses (ARM/Bicep `scope`, Terraform `scope = <resource>.id`), not on its resource group, subscription or management group",
        docs: include_str!("../../../rules/RBAC002-broad-assignment-scope/README.md"),
    },
    check,
};

/// Built-in roles whose purpose is a subscription or management group
/// itself (governance, cost, policy, security posture, monitoring, Arc
/// onboarding): no resource scope would do for them. Prefixes of role
/// names, compared ignoring case.
const BROAD_PURPOSE: &[&str] = &[
    "Billing ",
    "Blueprint ",
    "Carbon Optimization ",
    "Cost Management ",
    "Deployment Stack ",
    "Management Group ",
    "Managed Application",
    "Managed Services Registration assignment Delete Role",
    "Hierarchy Settings Administrator",
    "Reservation Purchaser",
    "Locks Contributor",
    "App Compliance Automation ",
    "Security Manager",
    "Service Health Security Reader",
    "Monitoring Policy Contributor",
    "Monitoring Contributor",
    "Monitoring Reader",
    "Policy Insights ",
    "Quota Request Operator",
    "Reservations ",
    "Resource Policy Contributor",
    "Savings plan ",
    "Security Admin",
    "Security Assessment Contributor",
    "Security Reader",
    "Support Request Contributor",
    "Tag Contributor",
    "Azure Connected Machine Onboarding",
    "Kubernetes Cluster - Azure Arc Onboarding",
    "Guest Configuration Resource Contributor",
    "Automanage ",
];

/// Roles made for one kind of resource: prefixes of role names, compared
/// ignoring case, and the types (lower-case) they act on.
const RESOURCE_ROLES: &[(&str, &[&str])] = &[
    ("Acr", &["microsoft.containerregistry/registries"]),
    ("Key Vault ", &["microsoft.keyvault/vaults"]),
    ("Storage ", &["microsoft.storage/storageaccounts"]),
    (
        "Reader and Data Access",
        &["microsoft.storage/storageaccounts"],
    ),
    (
        "Azure Service Bus Data ",
        &["microsoft.servicebus/namespaces"],
    ),
    ("Azure Event Hubs Data ", &["microsoft.eventhub/namespaces"]),
    (
        "Cognitive Services ",
        &["microsoft.cognitiveservices/accounts"],
    ),
    ("Search ", &["microsoft.search/searchservices"]),
    (
        "App Configuration Data ",
        &["microsoft.appconfiguration/configurationstores"],
    ),
    ("Website Contributor", &["microsoft.web/sites"]),
    ("SQL DB Contributor", &["microsoft.sql/servers/databases"]),
    ("SQL Server Contributor", &["microsoft.sql/servers"]),
    ("Virtual Machine ", &["microsoft.compute/virtualmachines"]),
    (
        "Azure Kubernetes Service ",
        &["microsoft.containerservice/managedclusters"],
    ),
    (
        "Managed Identity Operator",
        &["microsoft.managedidentity/userassignedidentities"],
    ),
    (
        "EventGrid Data Sender",
        &["microsoft.eventgrid/topics", "microsoft.eventgrid/domains"],
    ),
    ("Cosmos DB ", &["microsoft.documentdb/databaseaccounts"]),
    (
        "DocumentDB Account Contributor",
        &["microsoft.documentdb/databaseaccounts"],
    ),
    ("SignalR ", &["microsoft.signalrservice/signalr"]),
    ("Web PubSub ", &["microsoft.signalrservice/webpubsub"]),
    ("Azure Maps Data ", &["microsoft.maps/accounts"]),
    ("Redis Cache Contributor", &["microsoft.cache/redis"]),
];

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Is `role` one whose purpose is a broad scope itself?
pub fn broad_purpose(role: &str) -> bool {
    BROAD_PURPOSE.iter().any(|p| starts_with_ci(role, p))
}

/// The resource types `role` is made for, when it is made for one kind.
pub fn resource_types(role: &str) -> Option<&'static [&'static str]> {
    RESOURCE_ROLES
        .iter()
        .find(|(p, _)| starts_with_ci(role, p))
        .map(|(_, t)| *t)
}

/// Most resources of a role's types looked at for one assignment: past
/// this, none is named (a miss, never a wrong finding), so that
/// assignments times resources stay small on a hostile template.
const MAX_CANDIDATES: usize = 64;

/// Why `ra` is broader than it needs: the level, and for a resource group
/// the declared resource the role is for, among `typed` (the resources of
/// a type some role is made for).
fn judge(unit: &Unit, typed: &[usize], ra: &RoleAssignment) -> Option<(ScopeLevel, Option<usize>)> {
    let level = ra.scope?;
    // Only a known role can be judged: an unknown one may be meant for the scope.
    let Role::BuiltIn(role) = &ra.role else {
        return None;
    };
    match level {
        ScopeLevel::Tenant | ScopeLevel::ManagementGroup | ScopeLevel::Subscription => {
            (!broad_purpose(role.name)).then_some((level, None))
        }
        ScopeLevel::ResourceGroup => {
            let types = resource_types(role.name)?;
            let target = typed
                .iter()
                .copied()
                .filter(|&i| types.iter().any(|t| unit.resources[i].is_type(t)))
                .take(MAX_CANDIDATES)
                .find(|&i| {
                    let r = &unit.resources[i];
                    !r.deploys_nothing() && in_scope_group(unit, ra, r)
                })?;
            Some((level, Some(target)))
        }
        ScopeLevel::Resource => None,
    }
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.role_assignments.is_empty() {
        return;
    }
    let typed: Vec<usize> = cx
        .resources
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            RESOURCE_ROLES
                .iter()
                .any(|(_, types)| types.iter().any(|t| r.is_type(t)))
        })
        .map(|(i, _)| i)
        .collect();
    for ra in &cx.role_assignments {
        let res = &cx.resources[ra.resource];
        if res.deploys_nothing() {
            continue;
        }
        let Some((level, target)) = judge(cx, &typed, ra) else {
            continue;
        };
        let role = ra.role_name().unwrap_or("role");
        let mut f = match target {
            Some(t) => {
                let t = &cx.resources[t];
                Finding::new(
                    &RULE.meta,
                    ra.role_loc(res),
                    format!(
                        "`{role}` is assigned at {} scope though `{}`, the resource it is for, is declared in the same deployment",
                        level.describe(),
                        t.label
                    ),
                )
                .related(t.loc, "the resource to scope the assignment to")
            }
            None => Finding::new(
                &RULE.meta,
                ra.role_loc(res),
                format!("`{role}` is assigned at {} scope", level.describe()),
            ),
        }
        .resource(res, "roleDefinitionId");
        if let Some(e) = &ra.role_entry {
            f = f.traced(&e.value);
        }
        if let Some(s) = &ra.scope_entry {
            f = f.related(s.key_loc, "scope set here");
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_purposes() {
        assert!(broad_purpose("Cost Management Reader"));
        assert!(broad_purpose("monitoring reader"));
        assert!(!broad_purpose("Reader"));
        assert!(!broad_purpose("Contributor"));
        assert_eq!(
            resource_types("AcrPull"),
            Some(&["microsoft.containerregistry/registries"][..])
        );
        assert_eq!(
            resource_types("Storage Blob Data Reader"),
            Some(&["microsoft.storage/storageaccounts"][..])
        );
        assert_eq!(resource_types("Reader"), None);
        assert_eq!(resource_types("Contributor"), None);
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
