//! `idlint inspect`: what idlint sees in a unit, as JSON: its resources with
//! their identities, role assignments and inputs. For users asking "why
//! (not) a finding?", and for checks that nothing is dropped.

use crate::model::{GrantKind, IdField, IdentityKind, Principal, ResId, Role, Tri, Unit, UseKind};
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
    /// The identity graph: each identity with its grants and the uses of its IDs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identities: Vec<IdentitySummary>,
    pub parameters: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct IdentitySummary {
    /// "system-assigned identity of X", "user-assigned identity X", "input p"...
    pub identity: String,
    /// yes, no (referred to but not enabled), unknown.
    pub declared: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<GrantSummary>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uses: Vec<UseSummary>,
}

#[derive(Clone, Debug, Serialize)]
pub struct GrantSummary {
    /// role assignment, access policy, Cosmos SQL role.
    pub kind: &'static str,
    /// The declaring resource.
    pub by: String,
    pub role: String,
    pub scope: String,
    /// Which ID the principal property holds, when not the principal ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<&'static str>,
    /// The grant goes to one of several instances the reference does not single out.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub one_of_several: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct UseSummary {
    pub resource: String,
    /// attach, grant principal, value.
    pub kind: &'static str,
    /// principal, client, resource ID.
    pub id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub path: String,
    pub line: u32,
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
    /// `[0]`, `["k"]`, or `unknown` for a loop that was not unrolled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// How many instances its declaration makes, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instances: Option<usize>,
    /// Position of its instance family in the unit, the same for every instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<u32>,
    /// Why it is replaced on deployments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<&'static str>,
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
        .enumerate()
        .map(|(i, r)| {
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
                instance: r
                    .lifecycle
                    .instance
                    .as_ref()
                    .map(|k| k.selector().unwrap_or_else(|| "unknown".into())),
                instances: r.lifecycle.instances,
                family: unit.family(ResId(i as u32)).map(|f| f.0),
                replaced: unit
                    .replaceable(ResId(i as u32))
                    .map(|(why, _)| why.describe()),
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
                role: role_text(&ra.role),
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
            .filter(|i| !unit.modules.contains(&crate::model::FileId(*i as u32)))
            .map(file)
            .filter(|f| f.ends_with(".json") || f.contains(".tfvars") || f.ends_with(".bicepparam"))
            .collect(),
        declarations: unit.declarations,
        resources,
        role_assignments,
        identities: identities(unit),
        parameters: unit.parameters.iter().map(|p| p.name.clone()).collect(),
    }
}

/// A resource as inspect names it: its label and instance selector.
fn res_name(unit: &Unit, r: ResId) -> String {
    let res = unit.res(r);
    let sel = res
        .lifecycle
        .instance
        .as_ref()
        .and_then(|k| k.selector())
        .unwrap_or_default();
    format!("{}{sel}", res.label)
}

fn identities(unit: &Unit) -> Vec<IdentitySummary> {
    let g = &unit.graph;
    (0..g.identities.len())
        .map(|i| {
            let id = crate::model::IdentityId(i as u32);
            let node = g.identity(id);
            let identity = match &node.kind {
                IdentityKind::System(r) => {
                    format!("system-assigned identity of {}", res_name(unit, *r))
                }
                IdentityKind::User(r) => format!("user-assigned identity {}", res_name(unit, *r)),
                IdentityKind::ExternalSystem(k) => {
                    format!("system-assigned identity of undeclared {k}")
                }
                IdentityKind::ExternalUser(k) => format!("undeclared user-assigned identity {k}"),
                IdentityKind::Guid(g) => format!("object ID {g}"),
                IdentityKind::Input(n) => format!("input {n}"),
            };
            let grants = g
                .grants_of(id)
                .map(|gr| GrantSummary {
                    kind: match gr.kind {
                        GrantKind::RoleAssignment => "role assignment",
                        GrantKind::AccessPolicy => "access policy",
                        GrantKind::CosmosSqlRole => "Cosmos SQL role",
                    },
                    by: res_name(unit, gr.resource),
                    role: role_text(&gr.role),
                    scope: if gr.scope.is_empty() {
                        gr.level
                            .map(|l| l.describe().to_string())
                            .unwrap_or_else(|| "unknown".into())
                    } else {
                        gr.scope
                            .iter()
                            .map(|&s| res_name(unit, s))
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    given: match gr.field {
                        Some(IdField::Client) => Some("client ID"),
                        Some(IdField::Resource) => Some("resource ID"),
                        _ => None,
                    },
                    one_of_several: gr.principals.len() > 1,
                })
                .collect();
            let uses = g
                .uses_of(id)
                .map(|u| UseSummary {
                    resource: res_name(unit, u.resource),
                    kind: match u.kind {
                        UseKind::Attach => "attach",
                        UseKind::GrantPrincipal => "grant principal",
                        UseKind::Value => "value",
                    },
                    id: match u.field {
                        IdField::Principal => "principal",
                        IdField::Client => "client",
                        IdField::Resource => "resource",
                    },
                    name: u.name.clone(),
                    path: u.path.clone(),
                    line: unit.file(u.loc.file).line_col(u.loc.span.start).line,
                })
                .collect();
            IdentitySummary {
                identity,
                declared: match node.declared {
                    Tri::Yes => "yes",
                    Tri::No => "no",
                    Tri::Unknown => "unknown",
                },
                grants,
                uses,
            }
        })
        .collect()
}

fn role_text(role: &Role) -> String {
    match role {
        Role::BuiltIn(b) => b.name.to_string(),
        Role::Guid(g) => g.clone(),
        Role::Custom(c) => format!("custom {}", c.key),
        Role::Unknown => "unknown".into(),
    }
}
