//! The identity graph of a unit: its identities, the grants they receive
//! and where their IDs are used. Built once in `Unit::finish()`, so that
//! MID, RBAC and BG rules ask an index ("the grants of the system identity
//! of X") rather than joining assignments to identities each on their own,
//! which would be quadratic and would resolve references differently.
//!
//! Resources are held as `ResId`s resolved once here. What cannot be tied
//! to a declared resource is still an identity (an input, a literal object
//! ID, an identity declared elsewhere), so "unknown" stays distinct from
//! "none".

use super::identity::Tri;
use super::ids::{self, ScopeLevel};
use super::rbac::{resolve_role, Role};
use super::value::{Attr, Entry, Kind, Loc, Part, ResourceRef, SymRef, Unknown, Value};
use super::{ResId, Unit};
use std::collections::{BTreeMap, HashMap};

const UAMI: &str = "microsoft.managedidentity/userassignedidentities";
const VAULT: &str = "microsoft.keyvault/vaults";
const VAULT_POLICIES: &str = "microsoft.keyvault/vaults/accesspolicies";
const COSMOS_SQL_ROLE: &str = "microsoft.documentdb/databaseaccounts/sqlroleassignments";
const ROLE_ASSIGNMENT: &str = "microsoft.authorization/roleassignments";

/// Which of the grant-declaring types `r` is, compared without allocating.
fn grant_type(r: &super::Resource) -> Option<&'static str> {
    [VAULT, VAULT_POLICIES, COSMOS_SQL_ROLE, ROLE_ASSIGNMENT]
        .into_iter()
        .find(|t| r.is_type(t))
}

/// Deepest nesting of a property value followed when looking for uses of
/// identity IDs: settings sit a few levels down, and no recursion may
/// follow an attacker's depth.
const MAX_WALK_DEPTH: usize = 48;

/// Most uses recorded per unit; past this the rest are not indexed (a rule
/// then sees fewer uses, never wrong ones).
const MAX_USES: usize = 100_000;

/// Most resources one reference may stand for (every instance of a family,
/// or declarations sharing a name): past this it names no identity in
/// particular, so that references times resources cannot grow quadratic
/// on a hostile template.
const MAX_CANDIDATES: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdentityId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GrantId(pub u32);

/// Whose identity it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdentityKind {
    /// The system-assigned identity of a declared resource.
    System(ResId),
    /// A user-assigned identity resource declared in the unit.
    User(ResId),
    /// The system-assigned identity of a resource referred to but not
    /// declared here (an `existing` resource, a data source), by its key.
    ExternalSystem(String),
    /// A user-assigned identity referred to but not declared here, by its
    /// reference key or the match key of its resource ID.
    ExternalUser(String),
    /// A principal given as a literal object ID (lower-case).
    Guid(String),
    /// A principal from a deployment input without a value.
    Input(String),
}

/// Which of an identity's three IDs a value is. The kinds are not
/// interchangeable: a client ID where a principal ID belongs is a bug.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdField {
    /// Principal (object) ID: what role assignments and access policies take.
    Principal,
    /// Client (application) ID: what SDKs are told to pick (`AZURE_CLIENT_ID`).
    Client,
    /// The user-assigned identity's resource ID: what attaches it.
    Resource,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IdentityNode {
    pub kind: IdentityKind,
    /// Whether the identity is declared: a system identity is `No` when its
    /// principal is referred to but the resource declares no system identity,
    /// `Unknown` when its identity type is not known.
    pub declared: Tri,
    /// What a reference to each ID evaluates to (typed references for
    /// declared identities, the literal or input for external principals);
    /// `None` where the identity has no such ID that a template can name.
    pub principal_id: Option<Value>,
    pub client_id: Option<Value>,
    pub resource_id: Option<Value>,
    /// The identity `type` (system), the resource declaration (user), or the
    /// first place it is used (external).
    pub loc: Loc,
}

/// How a principal receives access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GrantKind {
    /// `Microsoft.Authorization/roleAssignments`.
    RoleAssignment,
    /// A Key Vault access policy (on the vault or an `accessPolicies` child).
    AccessPolicy,
    /// A Cosmos DB `sqlRoleAssignments` data-plane role.
    CosmosSqlRole,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Grant {
    pub kind: GrantKind,
    /// The resource that declares the grant (assignment, vault, policy).
    pub resource: ResId,
    /// Position in `Unit::role_assignments` for role assignments.
    pub assignment: Option<usize>,
    /// Who receives it: one identity, or each instance of a family the
    /// principal reference does not single out; empty when not known.
    pub principals: Vec<IdentityId>,
    /// Which ID the principal property was given (`Client` is a mistake).
    pub field: Option<IdField>,
    /// The principal property (`principalId`, `objectId`), when set.
    pub principal_loc: Option<Loc>,
    pub role: Role,
    /// Level of the scope, when known.
    pub level: Option<ScopeLevel>,
    /// The declared resources the scope names.
    pub scope: Vec<ResId>,
}

/// What a use of an identity ID does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UseKind {
    /// `userAssignedIdentities` key / `identity_ids` element: attaches it.
    Attach,
    /// The principal of a grant.
    GrantPrincipal,
    /// Any other property value: settings, environment variables, outputs
    /// of the resource's configuration (`AZURE_CLIENT_ID`, `__clientId`).
    Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Use {
    pub identity: IdentityId,
    pub field: IdField,
    pub kind: UseKind,
    /// The resource whose property holds it.
    pub resource: ResId,
    /// The setting, variable or property name the ID is given to: the
    /// `name` beside a `{name, value}` pair, else the member's own key.
    pub name: Option<String>,
    /// Dotted property path in the ARM-shaped body (`*` for array items).
    pub path: String,
    pub loc: Loc,
}

#[derive(Clone, Debug, Default)]
pub struct IdentityGraph {
    pub identities: Vec<IdentityNode>,
    pub grants: Vec<Grant>,
    pub uses: Vec<Use>,
    by_kind: HashMap<IdentityKind, IdentityId>,
    by_principal: HashMap<IdentityId, Vec<GrantId>>,
    by_scope: HashMap<ResId, Vec<GrantId>>,
    by_level: BTreeMap<ScopeLevel, Vec<GrantId>>,
    uses_of: HashMap<IdentityId, Vec<usize>>,
    attached: HashMap<ResId, Vec<IdentityId>>,
}

impl IdentityGraph {
    pub fn identity(&self, id: IdentityId) -> &IdentityNode {
        &self.identities[id.0 as usize]
    }

    pub fn grant(&self, id: GrantId) -> &Grant {
        &self.grants[id.0 as usize]
    }

    /// The system-assigned identity of `r`, when it declares one (or may:
    /// see `IdentityNode::declared`) or its principal is referred to.
    pub fn system(&self, r: ResId) -> Option<IdentityId> {
        self.find(&IdentityKind::System(r))
    }

    /// The identity a user-assigned identity resource is.
    pub fn user(&self, r: ResId) -> Option<IdentityId> {
        self.find(&IdentityKind::User(r))
    }

    pub fn find(&self, kind: &IdentityKind) -> Option<IdentityId> {
        self.by_kind.get(kind).copied()
    }

    /// The identities attached to `r`: its system identity and the
    /// user-assigned ones its identity declaration names.
    pub fn identities_of(&self, r: ResId) -> Vec<IdentityId> {
        let mut out: Vec<IdentityId> = self.system(r).into_iter().collect();
        out.extend(self.attached.get(&r).into_iter().flatten().copied());
        out
    }

    /// Grants whose principal is (or may be, for an unresolved family) `id`.
    pub fn grants_of(&self, id: IdentityId) -> impl Iterator<Item = &Grant> {
        self.ids(self.by_principal.get(&id))
    }

    /// Grants whose scope is the declared resource `r`.
    pub fn grants_on(&self, r: ResId) -> impl Iterator<Item = &Grant> {
        self.ids(self.by_scope.get(&r))
    }

    /// Grants at `level` that name no declared resource (subscription,
    /// resource group, an undeclared resource).
    pub fn grants_at(&self, level: ScopeLevel) -> impl Iterator<Item = &Grant> {
        self.ids(self.by_level.get(&level))
    }

    /// Where `id`'s IDs are used.
    pub fn uses_of(&self, id: IdentityId) -> impl Iterator<Item = &Use> {
        self.uses_of
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&i| &self.uses[i])
    }

    fn ids<'a>(&'a self, v: Option<&'a Vec<GrantId>>) -> impl Iterator<Item = &'a Grant> {
        v.into_iter().flatten().map(|&g| self.grant(g))
    }

    /// The identities a value is an ID of, and which ID: a typed reference
    /// (`reference(x).identity.principalId`, `uami.client_id`), or a string
    /// naming a user-assigned identity resource. Values that are identities
    /// only as a principal (a GUID, an input) are not: see `principal_of`.
    pub fn denoted(&self, unit: &Unit, v: &Value) -> Vec<(IdentityId, IdField)> {
        match target_of(v) {
            Some((t, field)) => t
                .kinds(unit)
                .into_iter()
                .filter_map(|k| self.find(&k).map(|i| (i, field)))
                .collect(),
            None => Vec::new(),
        }
    }

    /// Builds the graph of `unit`, whose resources, key index and role
    /// assignments are ready.
    pub fn build(unit: &Unit) -> IdentityGraph {
        let mut b = Builder {
            unit,
            g: IdentityGraph::default(),
        };
        b.declare();
        b.grants();
        b.uses();
        b.g
    }
}

/// What a value denotes before resolution.
enum Target {
    System(ResourceRef),
    User(ResourceRef),
    /// A user-assigned identity's ID that names no reference, by match key.
    UserId(String),
    Guid(String),
    Input(String),
}

impl Target {
    /// The identity kinds the target is, resolved through the unit's keys.
    fn kinds(&self, unit: &Unit) -> Vec<IdentityKind> {
        match self {
            Target::System(r) => {
                let ids = unit.lookup(r);
                if ids.len() > MAX_CANDIDATES {
                    return Vec::new();
                }
                if ids.is_empty() {
                    vec![IdentityKind::ExternalSystem(r.key.clone())]
                } else {
                    ids.into_iter().map(IdentityKind::System).collect()
                }
            }
            Target::User(r) => {
                let ids: Vec<ResId> = unit
                    .lookup(r)
                    .into_iter()
                    .filter(|&i| unit.res(i).is_type(UAMI))
                    .collect();
                if ids.len() > MAX_CANDIDATES {
                    return Vec::new();
                }
                if ids.is_empty() {
                    vec![IdentityKind::ExternalUser(r.key.clone())]
                } else {
                    ids.into_iter().map(IdentityKind::User).collect()
                }
            }
            Target::UserId(k) => vec![IdentityKind::ExternalUser(k.clone())],
            Target::Guid(g) => vec![IdentityKind::Guid(g.clone())],
            Target::Input(n) => vec![IdentityKind::Input(n.clone())],
        }
    }
}

/// The identity ID a value is, if any (not counting principals-only forms).
fn target_of(v: &Value) -> Option<(Target, IdField)> {
    match &v.kind {
        Kind::Unknown(u) => match &**u {
            Unknown::Attribute(r) => target_of_ref(r),
            _ => None,
        },
        Kind::String(s) if mentions_uami(s) => uami_id(v),
        Kind::Template(parts) => {
            let lit = parts
                .iter()
                .any(|p| matches!(p, Part::Lit(s) if mentions_uami(s)));
            if lit {
                return uami_id(v);
            }
            // `"ClientId=${uami.client_id}"` keeps its reference as a hole.
            parts.iter().find_map(|p| match p {
                Part::Hole(Unknown::Attribute(r)) => target_of_ref(r),
                _ => None,
            })
        }
        _ => None,
    }
}

fn target_of_ref(r: &SymRef) -> Option<(Target, IdField)> {
    let user = || Target::User(r.target.clone());
    Some(match r.attr {
        Attr::SystemPrincipalId => (Target::System(r.target.clone()), IdField::Principal),
        Attr::PrincipalId => (user(), IdField::Principal),
        Attr::ClientId => (user(), IdField::Client),
        Attr::Id if r.target.ty == UAMI => (user(), IdField::Resource),
        _ => return None,
    })
}

/// A string naming a user-assigned identity resource (`resourceId(...)`, a
/// literal ID).
fn uami_id(v: &Value) -> Option<(Target, IdField)> {
    let info = ids::parse_id(v)?;
    let r = info.resource.filter(|r| r.ty == UAMI)?;
    Some((Target::User(r), IdField::Resource))
}

/// Cheap test before parsing an ID: the type segment, in any case.
fn mentions_uami(s: &str) -> bool {
    const NEEDLE: &[u8] = b"userassignedidentities";
    s.len() >= NEEDLE.len()
        && s.as_bytes()
            .windows(NEEDLE.len())
            .any(|w| w.eq_ignore_ascii_case(NEEDLE))
}

/// A value in principal position: any identity ID, or else a literal
/// object ID or an input.
fn principal_target(v: &Value) -> Option<(Target, IdField)> {
    if let Some(t) = target_of(v) {
        return Some(t);
    }
    match &v.kind {
        Kind::String(s) if ids::is_guid(s) => {
            Some((Target::Guid(s.to_ascii_lowercase()), IdField::Principal))
        }
        Kind::Unknown(u) => match &**u {
            Unknown::Input { name, .. } => Some((Target::Input(name.clone()), IdField::Principal)),
            _ => None,
        },
        _ => None,
    }
}

struct Builder<'u> {
    unit: &'u Unit,
    g: IdentityGraph,
}

impl Builder<'_> {
    fn intern(&mut self, kind: IdentityKind, loc: Loc) -> IdentityId {
        if let Some(&id) = self.g.by_kind.get(&kind) {
            return id;
        }
        let node = self.node(kind.clone(), loc);
        let id = IdentityId(self.g.identities.len() as u32);
        self.g.identities.push(node);
        self.g.by_kind.insert(kind, id);
        id
    }

    /// A node with the typed values references to its IDs evaluate to.
    fn node(&self, kind: IdentityKind, loc: Loc) -> IdentityNode {
        let attr = |r: ResId, attr: Attr| {
            let res = self.unit.res(r);
            Some(Value::unknown(
                Unknown::Attribute(SymRef {
                    target: res.as_ref(),
                    attr,
                }),
                res.loc,
            ))
        };
        let (declared, principal_id, client_id, resource_id) = match &kind {
            IdentityKind::System(r) => (
                self.unit
                    .res(*r)
                    .identity
                    .as_ref()
                    .map_or(Tri::No, |i| i.system),
                attr(*r, Attr::SystemPrincipalId),
                None,
                None,
            ),
            IdentityKind::User(r) => (
                Tri::Yes,
                attr(*r, Attr::PrincipalId),
                attr(*r, Attr::ClientId),
                attr(*r, Attr::Id),
            ),
            IdentityKind::Guid(g) => (
                Tri::Unknown,
                Some(Value::string(g.clone(), loc)),
                None,
                None,
            ),
            IdentityKind::Input(n) => (
                Tri::Unknown,
                Some(Value::unknown(
                    Unknown::Input {
                        name: n.clone(),
                        secure: false,
                    },
                    loc,
                )),
                None,
                None,
            ),
            IdentityKind::ExternalSystem(_) | IdentityKind::ExternalUser(_) => {
                (Tri::Unknown, None, None, None)
            }
        };
        IdentityNode {
            kind,
            declared,
            principal_id,
            client_id,
            resource_id,
            loc,
        }
    }

    /// Identities the resources declare: user-assigned identity resources,
    /// and system identities that are (or may be) enabled.
    fn declare(&mut self) {
        for (i, r) in self.unit.resources.iter().enumerate() {
            let id = ResId(i as u32);
            if r.is_type(UAMI) {
                self.intern(IdentityKind::User(id), r.loc);
            }
            if let Some(ident) = &r.identity {
                if ident.system != Tri::No {
                    self.intern(IdentityKind::System(id), ident.loc);
                }
            }
        }
    }

    /// Identities a principal value denotes, interned.
    fn principals(&mut self, v: &Value) -> (Vec<IdentityId>, Option<IdField>) {
        let Some((t, field)) = principal_target(v) else {
            return (Vec::new(), None);
        };
        let ids = t
            .kinds(self.unit)
            .into_iter()
            .map(|k| self.intern(k, v.loc))
            .collect();
        (ids, Some(field))
    }

    fn grants(&mut self) {
        let unit = self.unit;
        for (n, ra) in unit.role_assignments.iter().enumerate() {
            let (principals, field) = match &ra.principal_entry {
                Some(e) => self.principals(&e.value),
                None => (Vec::new(), None),
            };
            let scope = ra
                .scope_target
                .as_ref()
                .map(|t| unit.lookup(t))
                .unwrap_or_default();
            self.add(Grant {
                kind: GrantKind::RoleAssignment,
                resource: ResId(ra.resource as u32),
                assignment: Some(n),
                principals,
                field,
                principal_loc: ra.principal_entry.as_ref().map(|e| e.key_loc),
                role: ra.role.clone(),
                level: ra.scope,
                scope,
            });
        }
        for (i, r) in unit.resources.iter().enumerate() {
            let id = ResId(i as u32);
            let ty = grant_type(r);
            let props = r.body.get("properties");
            match ty {
                Some(VAULT | VAULT_POLICIES) => {
                    let vault = if ty == Some(VAULT) {
                        vec![id]
                    } else {
                        r.parent
                            .as_ref()
                            .map(|p| unit.lookup(p))
                            .unwrap_or_default()
                    };
                    // A list of policies, or one policy standing alone.
                    let policies = match props.and_then(|p| p.get("accessPolicies")) {
                        Some(v) if v.as_object().is_some() => std::slice::from_ref(v),
                        Some(v) => v.as_array().unwrap_or(&[]),
                        None => &[],
                    };
                    for p in policies {
                        let object = p.entry("objectId");
                        self.policy(id, object, vault.clone());
                    }
                }
                Some(COSMOS_SQL_ROLE) => {
                    let entry = props.and_then(|p| p.entry("principalId"));
                    let (principals, field) = match entry {
                        Some(e) => self.principals(&e.value),
                        None => (Vec::new(), None),
                    };
                    let role = props
                        .and_then(|p| p.get("roleDefinitionId"))
                        .map(resolve_role)
                        .unwrap_or(Role::Unknown);
                    let scope = r
                        .parent
                        .as_ref()
                        .map(|p| unit.lookup(p))
                        .unwrap_or_default();
                    self.add(Grant {
                        kind: GrantKind::CosmosSqlRole,
                        resource: id,
                        assignment: None,
                        principals,
                        field,
                        principal_loc: entry.map(|e| e.key_loc),
                        role,
                        level: Some(ScopeLevel::Resource),
                        scope,
                    });
                }
                _ => {}
            }
        }
    }

    fn policy(&mut self, res: ResId, object: Option<&Entry>, vault: Vec<ResId>) {
        let (principals, field) = match object {
            Some(e) => self.principals(&e.value),
            None => (Vec::new(), None),
        };
        self.add(Grant {
            kind: GrantKind::AccessPolicy,
            resource: res,
            assignment: None,
            principals,
            field,
            principal_loc: object.map(|e| e.key_loc),
            role: Role::Unknown,
            level: Some(ScopeLevel::Resource),
            scope: vault,
        });
    }

    fn add(&mut self, grant: Grant) {
        let id = GrantId(self.g.grants.len() as u32);
        for &p in &grant.principals {
            self.g.by_principal.entry(p).or_default().push(id);
        }
        if grant.scope.is_empty() {
            if let Some(level) = grant.level {
                self.g.by_level.entry(level).or_default().push(id);
            }
        }
        for &s in &grant.scope {
            self.g.by_scope.entry(s).or_default().push(id);
        }
        self.g.grants.push(grant);
    }

    /// Every use of an identity ID in the resources' properties, and the
    /// user-assigned identities their identity declarations attach.
    fn uses(&mut self) {
        let unit = self.unit;
        for (i, r) in unit.resources.iter().enumerate() {
            let res = ResId(i as u32);
            if let Some(ident) = &r.identity {
                for u in &ident.user_assigned {
                    let target = match &u.target {
                        Some(t) if t.ty == UAMI => Some(Target::User(t.clone())),
                        Some(_) => None,
                        None => target_of(&u.id)
                            .filter(|(_, f)| *f == IdField::Resource)
                            .map(|(t, _)| t)
                            .or_else(|| u.id.match_key().map(Target::UserId)),
                    };
                    let Some(target) = target else { continue };
                    for k in target.kinds(unit) {
                        let identity = self.intern(k, u.loc);
                        self.record(Use {
                            identity,
                            field: IdField::Resource,
                            kind: UseKind::Attach,
                            resource: res,
                            name: None,
                            path: "identity.userAssignedIdentities".into(),
                            loc: u.loc,
                        });
                    }
                }
            }
            let principal_paths: &[&str] = match grant_type(r) {
                Some(VAULT | VAULT_POLICIES) => &["properties", "accessPolicies", "*", "objectId"],
                Some(_) => &["properties", "principalId"],
                None => &[],
            };
            let mut w = Walk {
                res,
                principal_path: principal_paths,
                path: Vec::new(),
                found: Vec::new(),
            };
            if let Some(entries) = r.body.as_object() {
                for e in entries {
                    // The identity declaration is read above, as attachments.
                    if e.key.eq_ignore_ascii_case("identity") {
                        continue;
                    }
                    w.entry(e, None, 0);
                }
            }
            // A Terraform attribute mapped to its ARM name is in the body
            // twice at one place: one use, the grant principal if either is.
            w.found
                .sort_by_key(|(u, _)| u.kind != UseKind::GrantPrincipal);
            let mut seen = std::collections::HashSet::new();
            w.found.retain(|(u, _)| seen.insert(u.loc));
            for (u, v) in w.found {
                let at_principal = u.kind == UseKind::GrantPrincipal;
                let t = if at_principal {
                    principal_target(v)
                } else {
                    target_of(v)
                };
                let Some((t, field)) = t else { continue };
                for k in t.kinds(unit) {
                    let identity = self.intern(k, u.loc);
                    self.record(Use {
                        identity,
                        field,
                        ..u.clone()
                    });
                }
            }
        }
    }

    fn record(&mut self, u: Use) {
        if self.g.uses.len() >= MAX_USES {
            return;
        }
        if u.kind == UseKind::Attach {
            self.g
                .attached
                .entry(u.resource)
                .or_default()
                .push(u.identity);
        }
        self.g
            .uses_of
            .entry(u.identity)
            .or_default()
            .push(self.g.uses.len());
        self.g.uses.push(u);
    }
}

/// A walk of one resource body collecting values that may be identity IDs.
struct Walk<'v, 'p> {
    res: ResId,
    /// The property path (ARM names, `*` for items) of the grant principal.
    principal_path: &'p [&'p str],
    path: Vec<&'v str>,
    /// Candidate uses, with the identity still to be resolved.
    found: Vec<(Use, &'v Value)>,
}

impl<'v> Walk<'v, '_> {
    fn entry(&mut self, e: &'v Entry, pair_name: Option<&'v str>, depth: usize) {
        self.path.push(&e.key);
        let name = pair_name.or(Some(e.key.as_str()));
        self.value(&e.value, name, e.key_loc, depth + 1);
        self.path.pop();
    }

    fn value(&mut self, v: &'v Value, name: Option<&'v str>, key_loc: Loc, depth: usize) {
        if depth > MAX_WALK_DEPTH {
            return;
        }
        match &v.kind {
            Kind::Object(entries) => {
                // `{name: "AZURE_CLIENT_ID", value: ...}`: the value's name is the sibling's.
                let pair = entries
                    .iter()
                    .find(|e| e.key.eq_ignore_ascii_case("name"))
                    .and_then(|e| e.value.as_str());
                for e in entries.iter() {
                    let named = if e.key.eq_ignore_ascii_case("value")
                        || e.key.eq_ignore_ascii_case("secureValue")
                    {
                        pair
                    } else {
                        None
                    };
                    self.entry(e, named, depth);
                }
            }
            Kind::Array(items) => {
                self.path.push("*");
                for it in items.iter() {
                    self.value(it, name, it.loc, depth + 1);
                }
                self.path.pop();
            }
            Kind::Unknown(_) | Kind::String(_) | Kind::Template(_) => {
                let at_principal = self.at_principal();
                if !at_principal && target_of(v).is_none() {
                    return;
                }
                self.found.push((
                    Use {
                        identity: IdentityId(0),
                        field: IdField::Principal,
                        kind: if at_principal {
                            UseKind::GrantPrincipal
                        } else {
                            UseKind::Value
                        },
                        resource: self.res,
                        name: name.map(str::to_string),
                        path: self.path.join("."),
                        loc: key_loc,
                    },
                    v,
                ));
            }
            _ => {}
        }
    }

    fn at_principal(&self) -> bool {
        self.path.len() == self.principal_path.len()
            && self
                .path
                .iter()
                .zip(self.principal_path)
                .all(|(a, b)| a.eq_ignore_ascii_case(b))
    }
}
