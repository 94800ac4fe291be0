use crate::findings::{via_text, Finding, Severity};
use crate::model::roles::{describe_role, role_capabilities, KeyListing};
use crate::model::{Principal, RoleAssignment, ScopeLevel, Unit};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC007",
        name: "key-listing-role-for-workload",
        family: Family::Rbac,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "a workload identity gets a role that can list keys of a service that has data-plane roles",
        help: "give the workload the service's data-plane role (Storage Blob Data Contributor, Azure Service Bus Data Sender, Cognitive Services OpenAI User, ...) and turn key access off",
        docs: include_str!("../../../rules/RBAC007-key-listing-role-for-workload/README.md"),
    },
    check,
};

/// How a message names a workload identity; `None` for principals that
/// are not a managed identity of the unit (users, groups, inputs, GUIDs).
pub fn workload(unit: &Unit, p: &Principal) -> Option<String> {
    let label = |r: &crate::model::ResourceRef| {
        unit.resolve(r)
            .next()
            .map(|x| x.label.clone())
            .unwrap_or_else(|| r.key.clone())
    };
    match p {
        Principal::SystemAssigned(r) => {
            Some(format!("the system-assigned identity of `{}`", label(r)))
        }
        Principal::UserAssigned(r) => Some(format!("user-assigned identity `{}`", label(r))),
        _ => None,
    }
}

/// The key listings that apply at the assignment's scope: on a resource of
/// a known type only that type's (and its children's) keys.
pub fn in_scope<'k>(ra: &RoleAssignment, listings: &[&'k KeyListing]) -> Vec<&'k KeyListing> {
    let target = match (ra.scope, &ra.scope_target) {
        (Some(ScopeLevel::Resource), Some(t)) => Some(t.ty.as_str()),
        _ => None,
    };
    listings
        .iter()
        .copied()
        .filter(|k| {
            target.is_none_or(|t| {
                t == k.resource_type || t.starts_with(&format!("{}/", k.resource_type))
            })
        })
        .collect()
}

fn services(listings: &[&KeyListing]) -> String {
    let names: Vec<&str> = listings.iter().map(|k| k.service).collect();
    match names.len() {
        0..=3 => names.join(", "),
        n => format!("{} and {} more services", names[..3].join(", "), n - 3),
    }
}

/// Assignments that give a managed identity a role able to list the keys
/// of a service with data-plane roles, where the scope holds such a service.
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
        let listings = in_scope(ra, &caps.list_keys);
        if listings.is_empty() {
            continue;
        }
        let role = describe_role(cx, &ra.role);
        let via = ra
            .role_entry
            .as_ref()
            .map(|e| via_text(&e.value))
            .unwrap_or_default();
        let mut f = Finding::new(
            &RULE.meta,
            ra.role_loc(res),
            format!(
                "`{role}`{via} lets {who} list the keys of {}",
                services(&listings)
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
    use crate::model::roles::KEY_LISTINGS;
    use crate::model::{ResourceRef, Role};

    fn ra(scope: Option<ScopeLevel>, target: Option<&str>) -> RoleAssignment {
        RoleAssignment {
            resource: 0,
            role: Role::Unknown,
            role_entry: None,
            principal: Principal::Unknown,
            principal_entry: None,
            principal_type: None,
            condition: None,
            scope_entry: None,
            scope,
            scope_target: target.map(|t| ResourceRef {
                ty: t.into(),
                key: format!("{t}/x"),
            }),
        }
    }

    #[test]
    fn listings_narrow_to_the_scoped_resource_type() {
        let all: Vec<&KeyListing> = KEY_LISTINGS.iter().collect();
        assert_eq!(
            in_scope(&ra(Some(ScopeLevel::ResourceGroup), None), &all).len(),
            all.len()
        );
        assert_eq!(in_scope(&ra(None, None), &all).len(), all.len());
        let storage = in_scope(
            &ra(
                Some(ScopeLevel::Resource),
                Some("microsoft.storage/storageaccounts"),
            ),
            &all,
        );
        assert_eq!(storage.len(), 1);
        assert_eq!(storage[0].service, "Storage");
        let queue = in_scope(
            &ra(
                Some(ScopeLevel::Resource),
                Some("microsoft.servicebus/namespaces/queues"),
            ),
            &all,
        );
        assert_eq!(queue[0].service, "Service Bus");
        assert!(in_scope(
            &ra(
                Some(ScopeLevel::Resource),
                Some("microsoft.compute/virtualmachines")
            ),
            &all
        )
        .is_empty());
        assert_eq!(services(&all[..2]), "Storage, Service Bus");
        assert_eq!(
            services(&all[..5]),
            "Storage, Service Bus, Event Hubs and 2 more services"
        );
    }

    #[test]
    fn only_managed_identities_are_workloads() {
        let unit = Unit::default();
        let r = ResourceRef {
            ty: "microsoft.web/sites".into(),
            key: "microsoft.web/sites/app".into(),
        };
        assert!(workload(&unit, &Principal::SystemAssigned(r.clone())).is_some());
        assert!(workload(&unit, &Principal::UserAssigned(r.clone())).is_some());
        assert!(workload(&unit, &Principal::ClientIdOf(r)).is_none());
        assert!(workload(&unit, &Principal::Guid("x".into())).is_none());
        assert!(workload(&unit, &Principal::Input("p".into())).is_none());
        assert!(workload(&unit, &Principal::Unknown).is_none());
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
