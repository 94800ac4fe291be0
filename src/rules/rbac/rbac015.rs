use crate::findings::{Finding, Severity};
use crate::model::resource::UNKNOWN_DEPENDENCY;
use crate::model::{Dependencies, Principal, ResId, Resource, ResourceRef, Unit};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};
use std::collections::{HashMap, HashSet};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "RBAC015",
        name: "role-assignment-missing-dependency",
        family: Family::Rbac,
        severity: Severity::Low,
        formats: Formats::ArmOnly,
        summary: "role assignment for an identity created in the same template without `dependsOn` on it",
        help: "add the resource that owns the identity to the role assignment's `dependsOn` (its `resourceId(...)`), or reference it by name",
        docs: include_str!("../../../rules/RBAC015-role-assignment-missing-dependency/README.md"),
    },
    check,
};

/// What a dependency written as `dep` may denote in the unit.
enum Denotes {
    /// These resources.
    Resources(Vec<ResId>),
    /// Nothing the unit declares by that key or name: a `copy` loop's name,
    /// or a resource deployed elsewhere.
    Unmatched,
    /// The dependency is not known: it may name anything.
    Unknown,
}

/// The unit's resources by their name's match key: `dependsOn` may give a
/// bare resource name (`parent/child` for a child).
pub struct Names(HashMap<String, Vec<ResId>>);

impl Names {
    pub fn of(unit: &Unit) -> Names {
        let mut m: HashMap<String, Vec<ResId>> = HashMap::new();
        for (i, r) in unit.resources.iter().enumerate() {
            if let Some(k) = r.name.as_ref().and_then(|n| n.match_key()) {
                m.entry(k).or_default().push(ResId(i as u32));
            }
        }
        Names(m)
    }
}

fn denotes(unit: &Unit, names: &Names, dep: &str) -> Denotes {
    if dep == UNKNOWN_DEPENDENCY {
        return Denotes::Unknown;
    }
    let by_key = unit.lookup(&ResourceRef {
        ty: String::new(),
        key: dep.to_string(),
    });
    if !by_key.is_empty() {
        return Denotes::Resources(by_key);
    }
    match names.0.get(dep) {
        Some(ids) => Denotes::Resources(ids.clone()),
        None => Denotes::Unmatched,
    }
}

/// Does ARM deploy `from` after `target`, through `dependsOn`, `reference()`
/// by name and parents, directly or through other resources? `true` also
/// when a dependency is not known, or names nothing declared (a `copy` loop)
/// and `target` is one instance of a loop: nothing is proven missing then.
pub fn ordered_after(unit: &Unit, names: &Names, from: ResId, target: ResId) -> bool {
    let replicated = unit.res(target).lifecycle.replicated.is_some();
    let mut seen: HashSet<ResId> = HashSet::from([from]);
    let mut stack = vec![from];
    while let Some(r) = stack.pop() {
        let res = unit.res(r);
        let parent = res.parent.as_ref().map(|p| p.key.as_str());
        let deps = res
            .depends_on
            .iter()
            .chain(&res.implied_depends_on)
            .map(String::as_str)
            .chain(parent);
        for dep in deps {
            match denotes(unit, names, dep) {
                Denotes::Unknown => return true,
                Denotes::Unmatched if replicated => return true,
                Denotes::Unmatched => {}
                Denotes::Resources(ids) => {
                    for i in ids {
                        if i == target {
                            return true;
                        }
                        if seen.insert(i) {
                            stack.push(i);
                        }
                    }
                }
            }
        }
    }
    false
}

fn describe(p: &Principal, owner: &Resource) -> String {
    match p {
        Principal::SystemAssigned(_) => {
            format!("the system-assigned identity of `{}`", owner.label)
        }
        _ => format!("user-assigned identity `{}`", owner.label),
    }
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let mut names: Option<Names> = None;
    for ra in &cx.role_assignments {
        let res = &cx.resources[ra.resource];
        // Bicep writes every dependency; Terraform infers them.
        if res.deploys_nothing() || res.dependencies != Dependencies::Declared {
            continue;
        }
        let (Principal::SystemAssigned(t) | Principal::UserAssigned(t)) = &ra.principal else {
            continue;
        };
        let Some(entry) = &ra.principal_entry else {
            continue;
        };
        let from = ResId(ra.resource as u32);
        // The identity's owner, declared in the same template (a nested
        // deployment's resources are ordered by the deployment's `dependsOn`).
        let missing = cx.lookup(t).into_iter().find(|&i| {
            let owner = cx.res(i);
            i != from
                && owner.via == res.via
                && !owner.deploys_nothing()
                && !ordered_after(cx, names.get_or_insert_with(|| Names::of(cx)), from, i)
        });
        let Some(owner) = missing.map(|i| cx.res(i)) else {
            continue;
        };
        out.push(
            Finding::new(
                &RULE.meta,
                entry.key_loc,
                format!(
                    "role assignment for {} has no `dependsOn` on `{}`: ARM may deploy the assignment before the identity exists",
                    describe(&ra.principal, owner),
                    owner.label
                ),
            )
            .resource(res, "principalId")
            .related(owner.loc, format!("`{}` declared here", owner.label)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Unit {
        let doc = crate::source::jsonc::parse(text).expect("template parses");
        let src = std::sync::Arc::new(crate::source::SourceFile::new(
            std::path::PathBuf::from("t.json"),
            text.to_string(),
        ));
        crate::arm::load(src, &doc.root, None)
    }

    fn findings(text: &str) -> usize {
        let unit = load(text);
        let options = crate::rules::Options::default();
        let mut out = Vec::new();
        check(&Ctx::new(&unit, &options), &mut out);
        out.len()
    }

    const HEAD: &str = r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "#;

    fn template(assignment_extra: &str, reference: &str, generator: bool) -> String {
        let meta = if generator {
            r#""metadata": {"_generator": {"name": "bicep", "version": "0.30.23.60470"}},"#
        } else {
            ""
        };
        format!(
            r#"{HEAD}{meta} "resources": [
              {{"type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31", "name": "id-app"}},
              {{"type": "Microsoft.Web/sites", "apiVersion": "2023-01-01", "name": "app",
                "dependsOn": ["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-app')]"]}},
              {{"type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid('a')]",
                {assignment_extra}
                "properties": {{"roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')]",
                  "principalId": "{reference}"}}}}
            ]}}"#
        )
    }

    const BY_ID: &str = "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-app'), '2023-01-31').principalId]";

    #[test]
    fn reference_by_id_needs_depends_on() {
        assert_eq!(findings(&template("", BY_ID, false)), 1);
        let direct = r#""dependsOn": ["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-app')]"],"#;
        assert_eq!(findings(&template(direct, BY_ID, false)), 0);
        // Through the app, which depends on the identity.
        let through = r#""dependsOn": ["[resourceId('Microsoft.Web/sites', 'app')]"],"#;
        assert_eq!(findings(&template(through, BY_ID, false)), 0);
        // A bare name in `dependsOn`.
        assert_eq!(
            findings(&template(r#""dependsOn": ["id-app"],"#, BY_ID, false)),
            0
        );
        // A dependency that is not known may be the identity.
        let unknown = r#""dependsOn": ["[parameters('nope')]"],"#;
        assert_eq!(findings(&template(unknown, BY_ID, false)), 0);
    }

    #[test]
    fn reference_by_relative_name_implies_the_dependency() {
        let by_name = "[reference('Microsoft.ManagedIdentity/userAssignedIdentities/id-app', '2023-01-31').principalId]";
        assert_eq!(findings(&template("", by_name, false)), 0);
    }

    #[test]
    fn compiled_templates_are_left_alone() {
        assert_eq!(findings(&template("", BY_ID, true)), 0);
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
