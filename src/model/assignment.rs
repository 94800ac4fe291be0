//! What a role assignment's principal is, whether the same deployment
//! creates it, and whether the assignment's name is deterministic: facts
//! RBAC rules ask of `RoleAssignment`s beyond the role and scope that
//! `rbac` resolves.

use super::identity::Tri;
use super::ids::{self, ScopeLevel};
use super::rbac::{Principal, Role, RoleAssignment};
use super::value::{Attr, Entry, Kind, Part, ResourceRef, Unknown, Value};
use super::Unit;
use std::collections::HashSet;

const UAMI: &str = "microsoft.managedidentity/userassignedidentities";
/// Entra objects, as the Microsoft Graph Bicep extension types them
/// (Terraform's `azuread_*` map onto the same types).
const GRAPH_USER: &str = "microsoft.graph/users";
const GRAPH_GROUP: &str = "microsoft.graph/groups";
const GRAPH_SP: &str = "microsoft.graph/serviceprincipals";

/// The kinds of principal ARM's `principalType` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrincipalType {
    User,
    Group,
    ServicePrincipal,
    ForeignGroup,
    Device,
}

impl PrincipalType {
    pub fn parse(s: &str) -> Option<PrincipalType> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "user" => PrincipalType::User,
            "group" => PrincipalType::Group,
            "serviceprincipal" => PrincipalType::ServicePrincipal,
            "foreigngroup" => PrincipalType::ForeignGroup,
            "device" => PrincipalType::Device,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PrincipalType::User => "User",
            PrincipalType::Group => "Group",
            PrincipalType::ServicePrincipal => "ServicePrincipal",
            PrincipalType::ForeignGroup => "ForeignGroup",
            PrincipalType::Device => "Device",
        }
    }
}

/// What the assignment's `principalType` says.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeSetting {
    Absent,
    /// Set to something not known (an input without a value...).
    Unknown,
    Is(PrincipalType),
    /// A known value that is not a principal type.
    Other(String),
}

/// The assignment's `principalType`.
pub fn principal_type(ra: &RoleAssignment) -> TypeSetting {
    match &ra.principal_type {
        None => TypeSetting::Absent,
        Some(e) if e.value.is_null() => TypeSetting::Absent,
        Some(e) => match e.value.as_str() {
            Some(s) => PrincipalType::parse(s)
                .map(TypeSetting::Is)
                .unwrap_or_else(|| TypeSetting::Other(s.to_string())),
            None => TypeSetting::Unknown,
        },
    }
}

/// Who receives an assignment, by what its principal ID is read from and,
/// failing that, by its `principalType`.
#[derive(Clone, Debug, PartialEq)]
pub enum PrincipalKind {
    /// The system-assigned identity of this resource.
    SystemIdentity(ResourceRef),
    /// This user-assigned identity.
    UserIdentity(ResourceRef),
    /// An Entra user, group or service principal: the Entra object the ID
    /// is read from when there is one, else only what `principalType` says.
    Entra(PrincipalType, Option<ResourceRef>),
    /// A deployment input with no value, and no `principalType` saying more.
    Input(String),
    Unknown,
}

impl PrincipalKind {
    pub fn is_managed_identity(&self) -> bool {
        matches!(
            self,
            PrincipalKind::SystemIdentity(_) | PrincipalKind::UserIdentity(_)
        )
    }

    /// "the system-assigned identity of `app`", "user `alice`"...
    pub fn describe(&self, unit: &Unit) -> String {
        let label = |r: &ResourceRef| {
            unit.resolve(r)
                .next()
                .map(|x| x.label.clone())
                .unwrap_or_else(|| r.key.clone())
        };
        match self {
            PrincipalKind::SystemIdentity(r) => {
                format!("the system-assigned identity of `{}`", label(r))
            }
            PrincipalKind::UserIdentity(r) => {
                format!("the user-assigned identity `{}`", label(r))
            }
            PrincipalKind::Entra(t, r) => {
                let noun = match t {
                    PrincipalType::User => "user",
                    PrincipalType::Group => "group",
                    PrincipalType::ServicePrincipal => "service principal",
                    PrincipalType::ForeignGroup => "foreign group",
                    PrincipalType::Device => "device",
                };
                match r {
                    Some(r) => format!("{noun} `{}`", label(r)),
                    None => format!("a {noun}"),
                }
            }
            PrincipalKind::Input(n) => format!("the principal of input `{n}`"),
            PrincipalKind::Unknown => "a principal that is not known".into(),
        }
    }
}

/// The Entra object type a Graph resource type is a principal of.
fn entra_type(ty: &str) -> Option<PrincipalType> {
    match ty {
        GRAPH_USER => Some(PrincipalType::User),
        GRAPH_GROUP => Some(PrincipalType::Group),
        GRAPH_SP => Some(PrincipalType::ServicePrincipal),
        _ => None,
    }
}

/// The kind of principal `ra` grants to: from its principal ID's
/// provenance (a managed identity, an Entra object), else its `principalType`.
pub fn principal_kind(ra: &RoleAssignment) -> PrincipalKind {
    match &ra.principal {
        Principal::SystemAssigned(r) => return PrincipalKind::SystemIdentity(r.clone()),
        Principal::UserAssigned(r) | Principal::ClientIdOf(r) => {
            return PrincipalKind::UserIdentity(r.clone())
        }
        _ => {}
    }
    if let Some(Unknown::Attribute(s)) = ra
        .principal_entry
        .as_ref()
        .and_then(|e| e.value.as_unknown())
    {
        if s.attr == Attr::Id {
            if let Some(t) = entra_type(&s.target.ty) {
                return PrincipalKind::Entra(t, Some(s.target.clone()));
            }
        }
    }
    if let TypeSetting::Is(t) = principal_type(ra) {
        return PrincipalKind::Entra(t, None);
    }
    match &ra.principal {
        Principal::Input(n) => PrincipalKind::Input(n.clone()),
        _ => PrincipalKind::Unknown,
    }
}

/// What creates the principal in the same deployment, when something does:
/// a managed identity declared in the unit (the system identity of a
/// declared resource that enables one, a user-assigned identity resource),
/// or an Entra object declared in the unit (not read from a data source).
#[derive(Clone, Debug, PartialEq)]
pub enum Created {
    ManagedIdentity(ResourceRef),
    EntraObject(PrincipalType, ResourceRef),
}

pub fn created_here(unit: &Unit, kind: &PrincipalKind) -> Option<Created> {
    match kind {
        PrincipalKind::SystemIdentity(r) => {
            let mut found = unit.resolve(r).peekable();
            found.peek()?;
            found
                .all(|x| {
                    x.identity.as_ref().is_some_and(|i| i.system != Tri::No) && !x.deploys_nothing()
                })
                .then(|| Created::ManagedIdentity(r.clone()))
        }
        PrincipalKind::UserIdentity(r) => unit
            .resolve(r)
            .any(|x| x.is_type(UAMI) && !x.deploys_nothing())
            .then(|| Created::ManagedIdentity(r.clone())),
        PrincipalKind::Entra(t, Some(r)) => unit
            .resolve(r)
            .any(|x| !x.deploys_nothing())
            .then(|| Created::EntraObject(*t, r.clone())),
        _ => None,
    }
}

/// The Terraform-only switch that skips the Entra lookup of a new service
/// principal (`skip_service_principal_aad_check`), under its model name.
pub const SKIP_AAD_CHECK: &str = "properties.skipServicePrincipalAadCheck";

// ------------------------------------------------------------------ names

/// What an assignment's name identifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part3 {
    Scope,
    Principal,
    Role,
}

impl Part3 {
    pub fn noun(self) -> &'static str {
        match self {
            Part3::Scope => "scope",
            Part3::Principal => "principal",
            Part3::Role => "role",
        }
    }
}

/// Why an assignment's name is not a deterministic function of its scope,
/// principal and role.
#[derive(Clone, Debug, PartialEq)]
pub enum NameIssue {
    /// A literal GUID: the same name in every environment and deployment.
    LiteralGuid(String),
    /// A new value on each deployment (`newGuid()`, `uuid()`).
    Volatile(String),
    /// A `guid()` whose arguments leave these out.
    GuidOmits(Vec<Part3>),
}

/// The assignment's `name` property, when set.
pub fn name_entry<'u>(unit: &'u Unit, ra: &RoleAssignment) -> Option<&'u Entry> {
    unit.resources[ra.resource].body.entry("name")
}

/// What is wrong with the assignment's name, if anything can be proven.
pub fn name_issue(unit: &Unit, ra: &RoleAssignment) -> Option<NameIssue> {
    let v = &name_entry(unit, ra)?.value;
    // A value a parameter file or tfvars gives is chosen per environment.
    if v.via
        .iter()
        .any(|s| s.kind == super::value::StepKind::Given)
    {
        return None;
    }
    match &v.kind {
        // The older form's name ends in the GUID: `<resource>/Microsoft.Authorization/<guid>`.
        Kind::String(s) => {
            let last = s.rsplit('/').next().unwrap_or(s);
            ids::is_guid(last).then(|| NameIssue::LiteralGuid(last.to_string()))
        }
        Kind::Unknown(u) => unknown_issue(unit, ra, u),
        Kind::Template(parts) => {
            let after_slash = parts.len() >= 2
                && matches!(&parts[parts.len() - 2], Part::Lit(l) if l.ends_with('/'));
            match parts.last() {
                Some(Part::Hole(u)) if after_slash => unknown_issue(unit, ra, u),
                Some(Part::Lit(l)) if l.contains('/') => {
                    let last = l.rsplit('/').next().unwrap_or(l);
                    ids::is_guid(last).then(|| NameIssue::LiteralGuid(last.to_string()))
                }
                _ => parts.iter().find_map(|p| match p {
                    Part::Hole(u @ Unknown::Volatile { .. }) => unknown_issue(unit, ra, u),
                    _ => None,
                }),
            }
        }
        _ => None,
    }
}

fn unknown_issue(unit: &Unit, ra: &RoleAssignment, u: &Unknown) -> Option<NameIssue> {
    match u {
        Unknown::Volatile { function } if is_new_id(function) => {
            Some(NameIssue::Volatile(function.clone()))
        }
        Unknown::Derived { function, args } if function.eq_ignore_ascii_case("guid") => {
            let a = Args::of(args);
            if let Some(f) = a.volatile {
                return Some(NameIssue::Volatile(f));
            }
            let missing = guid_omits(unit, ra, &a)?;
            (!missing.is_empty()).then_some(NameIssue::GuidOmits(missing))
        }
        _ => None,
    }
}

/// `newGuid()` and Terraform's `uuid()`: a new ID on each run (not
/// `utcNow()`, `timestamp()` or the deterministic `uuidv5()`).
fn is_new_id(function: &str) -> bool {
    let f = function.to_ascii_lowercase();
    f.starts_with("newguid") || f == "uuid()"
}

/// What the arguments of a name's `guid()` are made of.
#[derive(Debug, Default)]
struct Args {
    sigs: HashSet<String>,
    /// Match keys of whole arguments.
    keys: HashSet<String>,
    /// Inputs and other unknowns that could stand for anything.
    open: Vec<String>,
    /// Something the arguments are made of that cannot be read at all.
    unreadable: bool,
    volatile: Option<String>,
    /// Literal text that names nothing the model can tell (`'ssh-Contributor'`,
    /// `'-Disk-Snapshot-Contributor'`): a hand-written discriminator, which
    /// may well stand for the role.
    free_text: bool,
}

impl Args {
    fn of(args: &[Value]) -> Args {
        let mut a = Args::default();
        for v in args {
            if let Some(k) = v.match_key() {
                a.keys.insert(k);
            }
            a.add(v, 0);
        }
        a
    }

    fn add(&mut self, v: &Value, depth: usize) {
        if depth > 8 {
            self.unreadable = true;
            return;
        }
        let mut sigs = Vec::new();
        let mut holes = Vec::new();
        let readable = signature(v, &mut sigs, &mut holes);
        // A resource ID is that resource, even when its name changes on
        // each deployment (the scope then changes with it).
        let is_id = ids::parse_id(v).is_some();
        if !is_id {
            self.free_text |= free_text(v);
        }
        if !readable {
            self.unreadable = true;
        }
        for s in sigs {
            // A literal piece may be a resource's or a role's name.
            if let Some(t) = s.strip_prefix("l:") {
                self.sigs.insert(format!("t:{t}"));
            }
            self.sigs.insert(s);
        }
        for u in holes {
            match &u {
                Unknown::Volatile { .. } if is_id => {}
                Unknown::Volatile { function } => {
                    if is_new_id(function) || function.to_ascii_lowercase().starts_with("utcnow") {
                        self.volatile.get_or_insert(function.clone());
                    } else {
                        self.unreadable = true;
                    }
                }
                Unknown::Derived { args, .. } => {
                    for x in args {
                        self.add(x, depth + 1);
                    }
                }
                Unknown::Input { .. } => {
                    if let Some(k) = Value::unknown(u.clone(), Default::default()).match_key() {
                        self.open.push(format!("h:{k}"));
                    }
                }
                _ => self.unreadable = true,
            }
        }
    }
}

/// Does a value that is not an ID hold literal words (not a GUID, not ID
/// structure)?
fn free_text(v: &Value) -> bool {
    let Some(parts) = v.string_parts() else {
        return false;
    };
    parts.iter().any(|p| match p {
        Part::Lit(s) => s.split('/').any(|piece| {
            let n = norm(piece);
            n.len() >= 3
                && !ids::is_guid(piece.trim())
                && !matches!(n.as_str(), "subscriptions" | "resourcegroups" | "providers")
        }),
        Part::Hole(_) => false,
    })
}

/// The signatures of a value: what it names that another value naming the
/// same thing shares (`h:` an input, `r:` a resource, `g:` a GUID, `t:` a
/// literal text, `c:` a deployment context value). Unknown parts that are
/// not signatures themselves go to `holes`. `false` when the value has a
/// part that cannot be read (an array, an object).
fn signature(v: &Value, out: &mut Vec<String>, holes: &mut Vec<Unknown>) -> bool {
    if let Some(info) = ids::parse_id(v) {
        if let Some(r) = &info.resource {
            resource_sigs(r, out);
        }
    }
    match &v.kind {
        Kind::String(s) => text_sigs(s, out),
        Kind::Number(_) | Kind::Bool(_) => text_sigs(&v.display(), out),
        Kind::Template(parts) => {
            for p in parts.iter() {
                match p {
                    Part::Lit(s) => text_sigs(s, out),
                    Part::Hole(u) => unknown_sig(u, out, holes),
                }
            }
        }
        Kind::Unknown(u) => unknown_sig(u, out, holes),
        Kind::Null | Kind::Array(_) | Kind::Object(_) => return false,
    }
    true
}

fn unknown_sig(u: &Unknown, out: &mut Vec<String>, holes: &mut Vec<Unknown>) {
    match u {
        Unknown::Context(c) => out.push(format!("c:{c:?}")),
        Unknown::Attribute(r) => resource_sigs(&r.target, out),
        Unknown::Input { .. } => {
            if let Some(k) = Value::unknown(u.clone(), Default::default()).match_key() {
                out.push(format!("h:{k}"));
            }
            holes.push(u.clone());
        }
        _ => holes.push(u.clone()),
    }
}

/// A resource's key, and the names in it (`{input:x}` holes as inputs).
fn resource_sigs(r: &ResourceRef, out: &mut Vec<String>) {
    let key = r.key.to_ascii_lowercase();
    out.push(format!("r:{key}"));
    let ty_segs = r.ty.split('/').count();
    if key.starts_with(&format!("{}/", r.ty)) {
        for name in key.split('/').skip(ty_segs) {
            if name.starts_with("{input:") {
                out.push(format!("h:{name}"));
            } else if !name.starts_with('{') && !name.is_empty() {
                out.push(format!("t:{}", norm(name)));
            }
        }
    }
}

/// A literal: its GUIDs, and its pieces between slashes without
/// punctuation or case (`l:`).
fn text_sigs(s: &str, out: &mut Vec<String>) {
    for w in s.split(|c: char| !(c.is_ascii_hexdigit() || c == '-')) {
        for i in 0..w.len().saturating_sub(35) {
            if let Some(g) = w.get(i..i + 36) {
                if ids::is_guid(g) {
                    out.push(format!("g:{}", g.to_ascii_lowercase()));
                }
            }
        }
    }
    for piece in s.split('/') {
        let n = norm(piece);
        if !n.is_empty() {
            out.push(format!("l:{n}"));
        }
    }
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The identifying signatures of a component value: inputs, resources,
/// GUIDs and resource names; context values only where `with_context`.
/// `None` when nothing identifies it (the component cannot be judged).
fn component(v: &Value, with_context: bool) -> Option<HashSet<String>> {
    let mut sigs = Vec::new();
    let mut holes = Vec::new();
    signature(v, &mut sigs, &mut holes);
    let keep: HashSet<String> = sigs
        .into_iter()
        .filter(|s| {
            s.starts_with("h:")
                || s.starts_with("r:")
                || s.starts_with("g:")
                || (with_context && s.starts_with("c:"))
                // Names of resources, from their keys.
                || s.starts_with("t:")
        })
        .collect();
    // Opaque parts could be what identifies the value, unless it names a
    // resource (whose key has no opaque part).
    let opaque = holes
        .iter()
        .any(|u| !matches!(u, Unknown::Input { .. } | Unknown::Derived { .. }));
    if opaque && !keep.iter().any(|s| s.starts_with("r:")) {
        return None;
    }
    (!keep.is_empty()).then_some(keep)
}

/// The parts a name's `guid()` arguments leave out, or `None` when that
/// cannot be told.
fn guid_omits(unit: &Unit, ra: &RoleAssignment, a: &Args) -> Option<Vec<Part3>> {
    if a.unreadable {
        return None;
    }
    let mut claimed: HashSet<String> = HashSet::new();
    let mut missing = Vec::new();
    // A part is judged when something identifies it (`comp`), and then
    // missing when no argument shares a signature with it; `judged` false
    // only claims its signatures (an argument naming it is accounted for).
    let mut judge =
        |part: Part3, comp: Option<HashSet<String>>, key: Option<String>, judged: bool| {
            let whole = key.as_ref().is_some_and(|k| a.keys.contains(k));
            if let Some(c) = comp {
                if judged && !whole && c.is_disjoint(&a.sigs) {
                    missing.push(part);
                }
                claimed.extend(c);
            }
        };
    // Scope.
    match &ra.scope_entry {
        Some(e) => {
            let broad = !matches!(ra.scope, Some(ScopeLevel::Resource) | None);
            judge(
                Part3::Scope,
                component(&e.value, broad),
                e.value.match_key(),
                true,
            );
        }
        // The older form's scope is the resource its name starts with.
        None => match &ra.scope_target {
            Some(t) => {
                let mut sigs = Vec::new();
                resource_sigs(t, &mut sigs);
                judge(Part3::Scope, Some(sigs.into_iter().collect()), None, true)
            }
            None => judge(Part3::Scope, implicit_scope(unit, ra, a), None, true),
        },
    }
    // Principal and role: literal words in the arguments (`'deployer'`,
    // `'ssh-Contributor'`) may name them in the author's own terms, and
    // they are then not judged.
    let p = ra.principal_entry.as_ref().map(|e| &e.value);
    judge(
        Part3::Principal,
        p.and_then(|v| component(v, false)),
        p.and_then(Value::match_key),
        !a.free_text,
    );
    let r = ra.role_entry.as_ref().map(|e| &e.value);
    let mut role = r.and_then(|v| component(v, false));
    match &ra.role {
        Role::BuiltIn(b) => {
            let set = role.get_or_insert_with(HashSet::new);
            set.insert(format!("g:{}", b.guid));
            set.insert(format!("t:{}", norm(b.name)));
        }
        Role::Guid(g) => {
            role.get_or_insert_with(HashSet::new)
                .insert(format!("g:{g}"));
        }
        _ => {}
    }
    judge(
        Part3::Role,
        role,
        r.and_then(Value::match_key),
        !a.free_text,
    );
    // An input that is none of the three could hold any of them.
    if a.open.iter().any(|h| !claimed.contains(h)) {
        return None;
    }
    Some(missing)
}

/// The signatures that name the deployment scope an assignment without
/// `scope` gets: the resource group or subscription context, or a
/// resource declared at that level in the unit (its ID names its group).
fn implicit_scope(unit: &Unit, ra: &RoleAssignment, a: &Args) -> Option<HashSet<String>> {
    let level = ra.scope?;
    let mut set: HashSet<String> = match level {
        ScopeLevel::Tenant => return None,
        ScopeLevel::ManagementGroup => ["c:ManagementGroupName".to_string()].into(),
        ScopeLevel::Subscription => ["c:SubscriptionId".to_string()].into(),
        ScopeLevel::ResourceGroup => ["c:ResourceGroupName".to_string()].into(),
        ScopeLevel::Resource => return None,
    };
    for s in &a.sigs {
        if let Some(key) = s.strip_prefix("r:") {
            let declared_here = unit
                .lookup(&ResourceRef {
                    ty: String::new(),
                    key: key.to_string(),
                })
                .iter()
                .any(|&i| unit.res(i).deploy_scope == Some(level) && level != ScopeLevel::Tenant);
            if declared_here {
                set.insert(s.clone());
            }
        }
    }
    Some(set)
}

// ------------------------------------------------------ resource groups

/// Is `r` declared in the resource group an assignment at resource-group
/// scope names? Only when that can be shown: for an assignment without
/// `scope`, or scoped to the deployment's own group (`resourceGroup().id`),
/// a resource of the same template (not through another nested
/// deployment, which may target another group); for a scope naming a
/// group (a declared resource group, a literal name), a resource whose
/// properties name that group (Terraform `resource_group_name`).
pub fn in_scope_group(unit: &Unit, ra: &RoleAssignment, r: &super::Resource) -> bool {
    let assignment = &unit.resources[ra.resource];
    let Some(scope) = &ra.scope_entry else {
        return r.via == assignment.via;
    };
    let own_group = scope.value.string_parts().is_some_and(|parts| {
        parts.iter().any(|p| {
            matches!(
                p,
                Part::Hole(Unknown::Context(
                    super::value::ContextValue::ResourceGroupName
                ))
            )
        })
    });
    if own_group {
        return r.via == assignment.via;
    }
    // The group's name, as a match key, and the declared group.
    let (group, name) = match &ra.scope_target {
        Some(t) => {
            let name = unit
                .resolve(t)
                .next()
                .and_then(|g| g.name.as_ref())
                .and_then(Value::match_key);
            (Some(t.key.to_ascii_lowercase()), name)
        }
        None => {
            let name = ids::segments(&scope.value).and_then(|(_, segs)| match segs.last() {
                Some(ids::Seg::Lit(n)) => Some(n.to_ascii_lowercase()),
                _ => None,
            });
            (None, name)
        }
    };
    if group.is_none() && name.is_none() {
        return false;
    }
    r.body.as_object().unwrap_or(&[]).iter().any(|e| {
        let v = &e.value;
        let by_ref = match v.as_unknown() {
            Some(Unknown::Attribute(s)) => group
                .as_ref()
                .is_some_and(|g| s.target.key.eq_ignore_ascii_case(g)),
            _ => false,
        };
        by_ref || (name.is_some() && v.match_key() == name)
    })
}
