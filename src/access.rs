//! `idlint access`: the access inventory auditors ask for. One row per role
//! assignment declaration: who (resolved to the identity's resource where
//! the template says), which role (built-in or custom, privileged, what it
//! can do), where (scope level and target), with or without an ABAC
//! condition, and which findings are on it.

use crate::findings::Diagnostic;
use crate::model::assignment::{self, PrincipalKind, PrincipalType};
use crate::model::roles::{self, Capabilities, Wildcard};
use crate::model::{Principal, ResourceRef, Role, RoleAssignment, Unit};
use serde::Serialize;

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Row {
    /// The assignment's declaration.
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// The assignment as messages name it.
    pub assignment: String,
    pub principal: PrincipalOut,
    pub role: RoleOut,
    pub scope: ScopeOut,
    /// An ABAC `condition` restricts the assignment.
    pub condition: bool,
    /// False for a declaration that creates nothing (`count = 0`, an ARM
    /// `copy` of no instance or a false `condition`): listed so the
    /// inventory accounts for every declaration, never judged.
    pub deployed: bool,
    /// IDs of the findings on the assignment, sorted.
    pub findings: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PrincipalOut {
    /// system-assigned identity, user-assigned identity, client ID (wrong
    /// kind), user, group, service principal, object ID, input, unknown.
    pub kind: &'static str,
    /// The identity's resource, the literal object ID, or the input's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where the identity's resource is declared, when it is in the scan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// `principalType` / `principal_type` as written, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal_type: Option<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct RoleOut {
    /// built-in, custom, unknown.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The role definition GUID, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// RULES.md T1's privileged administrator roles.
    pub privileged: bool,
    /// What the role's permissions allow that an auditor asks about.
    pub capabilities: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ScopeOut {
    /// tenant root, management group, subscription, resource group,
    /// resource; `None` when not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<&'static str>,
    /// The scope as written and evaluated, or the resource it names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// The rows of `unit`'s role assignments, in declaration order, then the
/// role assignment declarations that deploy nothing.
pub fn rows(unit: &Unit) -> Vec<Row> {
    let mut out: Vec<Row> = unit
        .role_assignments
        .iter()
        .filter_map(|ra| {
            let res = unit.resources.get(ra.resource)?;
            let src = unit.file(res.loc.file);
            let lc = src.line_col(res.loc.span.start);
            Some(Row {
                file: src.display.clone(),
                line: lc.line,
                column: lc.column,
                assignment: res.label.clone(),
                principal: principal(unit, ra),
                role: role(unit, ra),
                scope: scope(unit, ra),
                condition: ra
                    .condition
                    .as_ref()
                    .is_some_and(|c| !c.value.is_null() && c.value.as_str() != Some("")),
                deployed: !res.deploys_nothing(),
                findings: Vec::new(),
            })
        })
        .collect();
    for (ty, loc) in &unit.undeployed {
        let t = ty.to_ascii_lowercase();
        if t != "microsoft.authorization/roleassignments"
            && !t.ends_with("/providers/roleassignments")
        {
            continue;
        }
        let src = unit.file(loc.file);
        let lc = src.line_col(loc.span.start);
        out.push(Row {
            file: src.display.clone(),
            line: lc.line,
            column: lc.column,
            assignment: String::new(),
            principal: PrincipalOut {
                kind: "unknown",
                name: None,
                file: None,
                line: None,
                principal_type: None,
            },
            role: RoleOut {
                kind: "unknown",
                name: None,
                id: None,
                privileged: false,
                capabilities: Vec::new(),
            },
            scope: ScopeOut {
                level: None,
                target: None,
            },
            condition: false,
            deployed: false,
            findings: Vec::new(),
        });
    }
    out
}

fn declared(unit: &Unit, r: &ResourceRef) -> (String, Option<String>, Option<u32>) {
    match unit.resolve(r).next() {
        Some(res) => {
            let src = unit.file(res.loc.file);
            (
                res.label.clone(),
                Some(src.display.clone()),
                Some(src.line_col(res.loc.span.start).line),
            )
        }
        None => (r.key.clone(), None, None),
    }
}

fn principal(unit: &Unit, ra: &RoleAssignment) -> PrincipalOut {
    let (kind, who) = match &ra.principal {
        Principal::SystemAssigned(r) => ("system-assigned identity", Some(r)),
        Principal::UserAssigned(r) => ("user-assigned identity", Some(r)),
        Principal::ClientIdOf(r) => ("client ID (not an object ID)", Some(r)),
        Principal::Guid(_) => ("object ID", None),
        Principal::Input(_) => ("input", None),
        Principal::Unknown => ("unknown", None),
    };
    let (mut name, mut file, mut line) = match (who, &ra.principal) {
        (Some(r), _) => declared(unit, r),
        (None, Principal::Guid(g)) => (g.clone(), None, None),
        (None, Principal::Input(n)) => (n.clone(), None, None),
        _ => (String::new(), None, None),
    };
    // An Entra object: what the ID is read from (`azuread_user.x`), else
    // what `principalType` says.
    let mut kind = kind;
    if who.is_none() {
        if let PrincipalKind::Entra(t, object) = assignment::principal_kind(ra) {
            kind = match t {
                PrincipalType::User => "user",
                PrincipalType::Group => "group",
                PrincipalType::ServicePrincipal => "service principal",
                PrincipalType::ForeignGroup => "foreign group",
                PrincipalType::Device => "device",
            };
            if let Some(r) = object {
                (name, file, line) = declared(unit, &r);
            }
        }
    }
    PrincipalOut {
        kind,
        name: (!name.is_empty()).then_some(name),
        file,
        line,
        principal_type: ra
            .principal_type
            .as_ref()
            .and_then(|e| e.value.as_str().map(String::from)),
    }
}

fn role(unit: &Unit, ra: &RoleAssignment) -> RoleOut {
    let caps = roles::role_capabilities(unit, &ra.role)
        .map(|c| capabilities(&c))
        .unwrap_or_default();
    let custom = roles::custom_definition(unit, &ra.role);
    match (&ra.role, custom) {
        (Role::BuiltIn(b), _) => RoleOut {
            kind: "built-in",
            name: Some(b.name.to_string()),
            id: Some(b.guid.to_string()),
            privileged: b.privileged,
            capabilities: caps,
        },
        (role, Some(def)) => RoleOut {
            kind: "custom",
            name: Some(roles::definition_name(def).unwrap_or_else(|| def.label.clone())),
            id: match role {
                Role::Guid(g) => Some(g.clone()),
                _ => None,
            },
            privileged: false,
            capabilities: caps,
        },
        (Role::Custom(r), None) => RoleOut {
            kind: "custom",
            name: Some(declared(unit, r).0),
            id: None,
            privileged: false,
            capabilities: caps,
        },
        (Role::Guid(g), None) => RoleOut {
            kind: "unknown",
            name: None,
            id: Some(g.clone()),
            privileged: false,
            capabilities: caps,
        },
        (Role::Unknown, None) => RoleOut {
            kind: "unknown",
            name: None,
            id: None,
            privileged: false,
            capabilities: caps,
        },
    }
}

/// What an auditor reads off a role's permissions, in a fixed order.
fn capabilities(c: &Capabilities) -> Vec<String> {
    let mut out = Vec::new();
    match c.wildcard {
        Some(Wildcard::All) => out.push("every operation (`*`)".to_string()),
        Some(Wildcard::Provider) => out.push("every operation of a provider".to_string()),
        None => {}
    }
    if c.write_role_assignments {
        out.push("write role assignments".to_string());
    }
    if c.write_role_definitions {
        out.push("write role definitions".to_string());
    }
    if c.wildcard == Some(Wildcard::All) {
        out.push("list every service's keys".to_string());
    } else {
        for k in &c.list_keys {
            out.push(format!("list {} keys", k.service));
        }
    }
    for d in &c.owns_data {
        out.push(format!("own {}", d.what));
    }
    if c.data_wildcard && c.owns_data.is_empty() {
        out.push("data-plane wildcard".to_string());
    }
    out
}

fn scope(unit: &Unit, ra: &RoleAssignment) -> ScopeOut {
    let target = match (&ra.scope_target, &ra.scope_entry) {
        (Some(r), _) => Some(declared(unit, r).0),
        (None, Some(e)) => Some(e.value.display()),
        // Where the template or module is deployed: one per unit, never
        // the same node as another template's.
        (None, None) => unit
            .files
            .first()
            .map(|f| format!("where {} is deployed", f.display)),
    };
    ScopeOut {
        level: ra.scope.map(|l| l.describe()),
        target,
    }
}

/// How much of a row is unknown: of two rows for one declaration (a child
/// module scanned on its own and through its caller), the better resolved
/// one is kept.
fn unknowns(r: &Row) -> usize {
    usize::from(r.principal.kind == "unknown")
        + usize::from(r.principal.file.is_none())
        + usize::from(r.role.kind == "unknown")
        + usize::from(r.scope.level.is_none())
        + usize::from(r.scope.target.is_none())
}

/// Sorts rows, keeps one per declaration, and lists on each the IDs of the
/// findings on that assignment.
pub fn settle(rows: &mut Vec<Row>, findings: &[Diagnostic]) {
    rows.sort_by(|a, b| {
        (
            &a.file,
            a.line,
            a.column,
            !a.deployed,
            unknowns(a),
            &a.assignment,
        )
            .cmp(&(
                &b.file,
                b.line,
                b.column,
                !b.deployed,
                unknowns(b),
                &b.assignment,
            ))
            .then_with(|| format!("{a:?}").cmp(&format!("{b:?}")))
    });
    rows.dedup_by(|a, b| (&a.file, a.line, a.column) == (&b.file, b.line, b.column));
    let mut by_resource: std::collections::HashMap<(&str, &str), Vec<&str>> =
        std::collections::HashMap::new();
    for d in findings {
        if let Some(r) = &d.resource {
            by_resource
                .entry((d.file.as_str(), r.name.as_str()))
                .or_default()
                .push(d.rule_id);
        }
    }
    for row in rows.iter_mut() {
        if let Some(ids) = by_resource.get(&(row.file.as_str(), row.assignment.as_str())) {
            let mut ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
            ids.sort();
            ids.dedup();
            row.findings = ids;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn row(file: &str, line: u32, principal: &'static str, name: Option<&str>) -> Row {
        Row {
            file: file.into(),
            line,
            column: 3,
            assignment: format!("ra{line}"),
            principal: PrincipalOut {
                kind: principal,
                name: name.map(String::from),
                file: name.map(|_| file.to_string()),
                line: name.map(|_| 1),
                principal_type: None,
            },
            role: RoleOut {
                kind: "built-in",
                name: Some("Owner".into()),
                id: Some("8e3af657-a8ff-443c-a75c-2fe8c4bcb635".into()),
                privileged: true,
                capabilities: vec!["write role assignments".into()],
            },
            scope: ScopeOut {
                level: Some("subscription"),
                target: None,
            },
            condition: false,
            deployed: true,
            findings: Vec::new(),
        }
    }

    #[test]
    fn one_row_per_declaration_the_better_resolved_kept() {
        let mut rows = vec![
            row("b.tf", 4, "unknown", None),
            row("a.tf", 9, "unknown", None),
            row("b.tf", 4, "system-assigned identity", Some("app")),
        ];
        settle(&mut rows, &[]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].file, "a.tf");
        assert_eq!(rows[1].principal.kind, "system-assigned identity");
    }
}
