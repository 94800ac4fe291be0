use crate::findings::{Finding, Severity};
use crate::model::ids::{self, Seg};
use crate::model::keys::{is_workload, is_workload_type};
use crate::model::roles::{role_capabilities, KeyListing};
use crate::model::{IdField, Principal, Resource, RoleAssignment, ScopeLevel, Unit, UseKind};
use crate::rules::kit::role_phrase;
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
/// are not one: users, groups, inputs, GUIDs, the system identity of a
/// resource that is not a workload of table T3 (an AI project, a backup
/// vault, a storage account's encryption identity) and a user-assigned
/// identity used only by such resources (an HDInsight cluster's, a
/// deployment script's). A user-assigned identity of the unit that nothing
/// in it uses may serve any workload (federated, or attached elsewhere) and
/// counts; one declared elsewhere does not.
pub fn workload(unit: &Unit, p: &Principal) -> Option<String> {
    match p {
        Principal::SystemAssigned(r) => {
            let mut declared = unit.resolve(r).peekable();
            if declared.peek().is_none() {
                // Declared elsewhere (an existing resource): its type tells.
                return is_workload_type(&r.ty).then(|| {
                    format!(
                        "the system-assigned identity of a `{}` declared elsewhere",
                        r.ty
                    )
                });
            }
            let res = declared.find(|x| is_workload(x))?;
            Some(format!("the system-assigned identity of `{}`", res.label))
        }
        Principal::UserAssigned(r) => {
            let ids = unit.lookup(r);
            let first = *ids.first()?;
            // Who uses the identity: attaches it, or is given one of its
            // IDs (`managed_identity_resource_id` of an HDInsight storage
            // block, `AZURE_CLIENT_ID` of an app); not the grants it gets.
            let mut attached = ids
                .iter()
                .filter_map(|&i| unit.graph.user(i))
                .flat_map(|id| unit.graph.uses_of(id))
                // A principal ID given elsewhere is another grant (a SQL
                // administrator `sid`, a Cosmos DB data role), not a user.
                .filter(|u| u.kind != UseKind::GrantPrincipal && u.field != IdField::Principal)
                .map(|u| unit.res(u.resource))
                // A nested deployment passes the ID on to what it declares.
                .filter(|r| {
                    !r.is_type("Microsoft.Authorization/roleAssignments")
                        && !r.is_type("Microsoft.Resources/deployments")
                })
                .peekable();
            let serves_workload = attached.peek().is_none() || attached.any(in_workload);
            serves_workload.then(|| format!("user-assigned identity `{}`", unit.res(first).label))
        }
        _ => None,
    }
}

/// A T3 workload, or a child of one (`Microsoft.Web/sites/config` app
/// settings), by type.
fn in_workload(r: &Resource) -> bool {
    let mut ty = r.ty.as_str();
    loop {
        if is_workload_type(ty) {
            return true;
        }
        match ty.rsplit_once('/') {
            Some((parent, _)) if parent.contains('/') => ty = parent,
            _ => return false,
        }
    }
}

/// The key listings that apply at the assignment's scope: on a resource of
/// a known type only that type's keys.
pub fn in_scope<'k>(ra: &RoleAssignment, listings: &[&'k KeyListing]) -> Vec<&'k KeyListing> {
    let target = match ra.scope {
        Some(ScopeLevel::Resource) => scope_type(ra),
        _ => None,
    };
    listings
        .iter()
        .copied()
        .filter(|k| {
            // A role on a child (a container, an AI project) acts on the
            // child and below, never on the parent's `listKeys`.
            target.as_deref().is_none_or(|t| t == k.resource_type)
        })
        .collect()
}

/// The lower-case type of the resource a resource scope names: the
/// target's, or read from the ID's literal type segments when its name is
/// not known (`resourceId('Microsoft.ContainerService/managedClusters', ...)`).
fn scope_type(ra: &RoleAssignment) -> Option<String> {
    if let Some(t) = &ra.scope_target {
        return Some(t.ty.clone());
    }
    let (_, segs) = ids::segments(&ra.scope_entry.as_ref()?.value)?;
    let lit = |s: &Seg| match s {
        Seg::Lit(x) => Some(x.to_ascii_lowercase()),
        Seg::Hole(_) => None,
    };
    let start = segs
        .iter()
        .rposition(|s| lit(s).as_deref() == Some("providers"))
        .map_or(0, |p| p + 1);
    let rest = &segs[start..];
    if rest.len() < 3 || rest.len() % 2 == 0 {
        return None;
    }
    let mut ty = lit(&rest[0])?;
    for pair in rest[1..].chunks(2) {
        ty.push('/');
        ty.push_str(&lit(&pair[0])?);
    }
    Some(ty)
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
        let (role, via) = role_phrase(cx, ra);
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
        assert!(queue.is_empty());
        let project = in_scope(
            &ra(
                Some(ScopeLevel::Resource),
                Some("microsoft.cognitiveservices/accounts/projects"),
            ),
            &all,
        );
        assert!(project.is_empty());
        assert!(in_scope(
            &ra(
                Some(ScopeLevel::Resource),
                Some("microsoft.compute/virtualmachines")
            ),
            &all
        )
        .is_empty());
        // A resource ID whose name is not known still has a type.
        let mut aks = ra(Some(ScopeLevel::Resource), None);
        aks.scope_entry = Some(crate::model::Entry {
            key: "scope".into(),
            key_loc: Default::default(),
            value: crate::model::Value::new(
                crate::model::Kind::Template(
                    vec![
                        crate::model::Part::Lit(
                            "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/"
                                .into(),
                        ),
                        crate::model::Part::Hole(crate::model::Unknown::Opaque {
                            reason: "name".into(),
                        }),
                    ]
                    .into(),
                ),
                Default::default(),
            ),
        });
        assert!(in_scope(&aks, &all).is_empty());
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
        // Not declared in the unit: the type says whether it is a workload.
        assert!(workload(&unit, &Principal::SystemAssigned(r.clone())).is_some());
        let account = ResourceRef {
            ty: "microsoft.storage/storageaccounts".into(),
            key: "microsoft.storage/storageaccounts/st".into(),
        };
        assert!(workload(&unit, &Principal::SystemAssigned(account)).is_none());
        assert!(workload(&unit, &Principal::UserAssigned(r.clone())).is_none());
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
