//! `idlint inspect`: what idlint sees in a unit, as JSON: its resources with
//! their identities, role assignments and inputs. For users asking "why
//! (not) a finding?", and for checks that nothing is dropped.

use crate::model::{Principal, Role, Unit};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct UnitSummary {
    /// The template or the root module's first file.
    pub file: String,
    /// The parameter file or variable files evaluated with it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// Top-level resource declarations in the unit's own files.
    pub declarations: usize,
    pub resources: Vec<ResourceSummary>,
    pub role_assignments: Vec<AssignmentSummary>,
    pub parameters: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ResourceSummary {
    #[serde(rename = "type")]
    pub ty: String,
    pub name: String,
    pub file: String,
    pub line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AssignmentSummary {
    pub name: String,
    pub role: String,
    pub scope: String,
    pub principal: String,
}

pub fn summarize(unit: &Unit) -> UnitSummary {
    let file = |i: usize| {
        unit.files
            .get(i)
            .map(|f| f.display.clone())
            .unwrap_or_default()
    };
    let resources = unit
        .resources
        .iter()
        .map(|r| {
            let src = unit.file(r.loc.file);
            ResourceSummary {
                ty: r.ty.clone(),
                name: r.label.clone(),
                file: src.display.clone(),
                line: src.line_col(r.loc.span.start).line,
                identity: r.identity.as_ref().map(|i| {
                    let mut kinds = Vec::new();
                    if i.system == crate::model::Tri::Yes {
                        kinds.push("system".to_string());
                    }
                    if i.system == crate::model::Tri::Unknown {
                        kinds.push("unknown".to_string());
                    }
                    for u in &i.user_assigned {
                        kinds.push(format!(
                            "user:{}",
                            u.target
                                .as_ref()
                                .map(|t| t.key.clone())
                                .unwrap_or_else(|| u.id.display())
                        ));
                    }
                    if kinds.is_empty() {
                        "none".into()
                    } else {
                        kinds.join(", ")
                    }
                }),
                via: r.via.iter().map(|s| s.describe()).collect(),
            }
        })
        .collect();
    let role_assignments = unit
        .role_assignments
        .iter()
        .map(|ra| {
            let r = &unit.resources[ra.resource];
            AssignmentSummary {
                name: r.label.clone(),
                role: match &ra.role {
                    Role::BuiltIn(b) => b.name.to_string(),
                    Role::Guid(g) => g.clone(),
                    Role::Custom(c) => format!("custom {}", c.key),
                    Role::Unknown => "unknown".into(),
                },
                scope: ra
                    .scope
                    .map(|s| s.describe().to_string())
                    .unwrap_or_else(|| "unknown".into()),
                principal: match &ra.principal {
                    Principal::SystemAssigned(t) => {
                        format!("system-assigned identity of {}", t.key)
                    }
                    Principal::UserAssigned(t) => format!("user-assigned identity {}", t.key),
                    Principal::ClientIdOf(t) => format!("client ID of {}", t.key),
                    Principal::Guid(g) => g.clone(),
                    Principal::Input(n) => format!("input {n}"),
                    Principal::Unknown => "unknown".into(),
                },
            }
        })
        .collect();
    UnitSummary {
        file: file(0),
        with: (1..unit.files.len())
            .map(file)
            .filter(|f| f.ends_with(".json") || f.contains(".tfvars"))
            .collect(),
        declarations: unit.declarations,
        resources,
        role_assignments,
        parameters: unit.parameters.iter().map(|p| p.name.clone()).collect(),
    }
}
