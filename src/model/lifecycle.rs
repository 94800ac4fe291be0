//! Lifecycle facts computed once per unit: which resources are replaced on
//! deployments and which are parallel instances of one declaration, so that
//! MID, RBAC and BG rules ask a predicate rather than each other.

use super::graph::{Grant, GrantKind, IdentityId};
use super::identity::Identity;
use super::resource::{Lifecycle, Resource};
use super::value::{Entry, Kind, Loc, Part, Step, StepKind, Unknown, Value};
use super::{ResId, Unit};
use std::collections::HashMap;

/// Why a resource is replaced (destroyed and created anew, or created under
/// a new name) on a deployment: each time it gets new system-assigned
/// principal, with none of the old one's grants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Replace {
    /// Terraform `create_before_destroy = true`.
    CreateBeforeDestroy,
    /// Terraform `replace_triggered_by`.
    ReplaceTriggeredBy,
    /// A name built from `utcNow()`, `newGuid()`, `timestamp()`, `uuid()`.
    VolatileName,
    /// A name built from a release input: a parameter or variable named
    /// like a release, build, color or slot, or allowed only blue/green.
    ReleaseName,
}

impl Replace {
    pub fn describe(self) -> &'static str {
        match self {
            Replace::CreateBeforeDestroy => "created before the old one is destroyed",
            Replace::ReplaceTriggeredBy => "replaced when another resource changes",
            Replace::VolatileName => "named anew on each deployment",
            Replace::ReleaseName => "named anew on each release",
        }
    }
}

/// The first reason `l` says the resource is replaced, with where it is written.
pub fn replaceable(l: &Lifecycle) -> Option<(Replace, Loc)> {
    l.create_before_destroy
        .map(|loc| (Replace::CreateBeforeDestroy, loc))
        .or(l
            .replace_triggered_by
            .map(|loc| (Replace::ReplaceTriggeredBy, loc)))
        .or(l.volatile_name.map(|loc| (Replace::VolatileName, loc)))
}

/// A family of instances of one `copy`/`count`/`for_each` declaration,
/// reached through one chain of nested deployments or module calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FamilyId(pub u32);

#[derive(Clone, Debug, PartialEq)]
pub struct Family {
    /// The `copy`, `count` or `for_each`.
    pub loc: Loc,
    /// The instances in the unit, in load order: one when the loop was not
    /// unrolled (then it stands for all of them).
    pub members: Vec<ResId>,
    /// How many instances the declaration makes, when known.
    pub size: Option<usize>,
}

impl Family {
    /// More than one instance certainly exists: `Some(false)` when at most
    /// one does, `None` when the count is not known.
    pub fn parallel(&self) -> Option<bool> {
        self.size.map(|n| n > 1)
    }
}

/// Families of a unit, and each resource's family.
#[derive(Clone, Debug, Default)]
pub struct Families {
    pub list: Vec<Family>,
    of: HashMap<ResId, FamilyId>,
}

impl Families {
    /// Groups replicated resources by loop, declaration and call chain:
    /// the same module called twice makes two families, not one. The chain
    /// is compared by where each call is declared, so the instances of a
    /// copied nested deployment (a Bicep module loop), whose deployments
    /// are named per instance, are one family.
    pub fn build(resources: &[Resource]) -> Families {
        type Key = (Loc, Loc, Vec<Loc>);
        let mut index: HashMap<Key, FamilyId> = HashMap::new();
        let mut out = Families::default();
        for (i, r) in resources.iter().enumerate() {
            let Some(loop_loc) = r.lifecycle.replicated else {
                continue;
            };
            let key = (loop_loc, r.loc, r.via.iter().map(|s| s.loc).collect());
            let id = *index.entry(key).or_insert_with(|| {
                out.list.push(Family {
                    loc: loop_loc,
                    members: Vec::new(),
                    size: r.lifecycle.instances,
                });
                FamilyId(out.list.len() as u32 - 1)
            });
            let res = ResId(i as u32);
            out.list[id.0 as usize].members.push(res);
            out.of.insert(res, id);
        }
        out
    }

    pub fn of(&self, r: ResId) -> Option<FamilyId> {
        self.of.get(&r).copied()
    }

    pub fn get(&self, f: FamilyId) -> &Family {
        &self.list[f.0 as usize]
    }
}

// ---------------------------------------------------------------------------
// Release inputs: a name built from a parameter or variable that changes on
// each release makes a new resource (and a new system-assigned principal)
// on each release.

/// Words of an input name that mark it as changing from release to release
/// (`releaseName`, `build_id`, `activeColor`, `slot`). `version` counts
/// alone or after a word naming the release (`appVersion`, `releaseVersion`),
/// not after a platform (`apiVersion`, `osVersion`, `kubernetesVersion`).
const RELEASE_WORDS: &[&str] = &["release", "build", "color", "colour", "slot"];
const VERSION_OWNERS: &[&str] = &[
    "app",
    "application",
    "release",
    "build",
    "deploy",
    "deployment",
    "service",
    "workload",
    "code",
];

/// An input name split into lower-case words at `_`, `-`, `.` and
/// lower-to-upper case changes (`activeColor` → `active`, `color`).
pub fn words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Words that may follow the release word and keep the input about the
/// release (`build_id`, `releaseName`, `colorSuffix`); any other word makes
/// it about something else (`image_build_compute_name`).
const RELEASE_TAILS: &[&str] = &[
    "id", "number", "num", "no", "name", "tag", "version", "suffix", "label", "key", "value",
];

/// Is an input with this name a release input? A release word (or
/// `version` after a word naming the release) followed only by words
/// like `id`, `name`, `tag`. `slot` does not count for the name of a
/// deployment slot itself (a slot is named after its role, `staging`,
/// and lives as long as its app).
pub fn release_input_name(name: &str, for_slot: bool) -> bool {
    let w = words(name);
    w.iter().enumerate().any(|(i, word)| {
        let release = (RELEASE_WORDS.contains(&word.as_str()) && !(for_slot && word == "slot"))
            || (word == "version" && (i == 0 || VERSION_OWNERS.contains(&w[i - 1].as_str())));
        release
            && w[i + 1..]
                .iter()
                .all(|t| RELEASE_TAILS.contains(&t.as_str()))
    })
}

/// Do an input's allowed values say blue/green: `blue` and `green` both,
/// or a `canary`?
pub fn blue_green_values<S: AsRef<str>>(allowed: &[S]) -> bool {
    let has = |x: &str| allowed.iter().any(|a| a.as_ref().eq_ignore_ascii_case(x));
    (has("blue") && has("green")) || has("canary")
}

/// A release input a resource name is built from.
#[derive(Clone, Debug, PartialEq)]
pub struct ReleaseInput {
    /// The parameter or variable.
    pub name: String,
    /// "parameter", "variable".
    pub noun: &'static str,
    /// Its declaration, when known.
    pub decl: Option<Loc>,
    /// Why it counts: "release" (its name says so) or "allowed only blue
    /// or green" (its allowed values say so).
    pub why: &'static str,
}

/// The inputs a value is built from: parameter/variable steps of its
/// provenance (defaults and given values) and inputs
/// without a value in its holes, with their declarations when known.
pub fn inputs_of(v: &Value, noun: &'static str) -> Vec<(String, &'static str, Option<Loc>)> {
    let mut out: Vec<(String, &'static str, Option<Loc>)> = Vec::new();
    let mut push = |n: &str, noun: &'static str, loc: Option<Loc>| {
        if !out.iter().any(|(m, _, _)| m.eq_ignore_ascii_case(n)) {
            out.push((n.to_string(), noun, loc));
        }
    };
    fn holes<'a>(v: &'a Value, depth: usize, f: &mut dyn FnMut(&'a Unknown)) {
        if depth > 16 {
            return;
        }
        let one = |u: &'a Unknown, f: &mut dyn FnMut(&'a Unknown)| {
            f(u);
            if let Unknown::Derived { args, .. } = u {
                for a in args {
                    holes(a, depth + 1, f);
                }
            }
        };
        match &v.kind {
            Kind::Unknown(u) => one(u, f),
            Kind::Template(parts) => {
                for p in parts.iter() {
                    if let Part::Hole(u) = p {
                        one(u, f);
                    }
                }
            }
            _ => {}
        }
    }
    // A module argument alone is no deployment input: `color = each.key`
    // names one of a loop's instances, which all exist at once. What the
    // argument was made from counts (a default or given value of an input).
    for s in &v.via {
        if matches!(s.kind, StepKind::Default | StepKind::Given) {
            push(&s.name, s.noun, Some(s.loc));
        }
    }
    let mut found: Vec<&str> = Vec::new();
    let mut derived_via: Vec<&Step> = Vec::new();
    holes(v, 0, &mut |u| match u {
        Unknown::Input { name, .. } => found.push(name),
        Unknown::Derived { args, .. } => derived_via.extend(args.iter().flat_map(|a| &a.via)),
        _ => {}
    });
    for n in found {
        push(n, noun, None);
    }
    {
        for s in derived_via {
            if matches!(s.kind, StepKind::Default | StepKind::Given) {
                push(&s.name, s.noun, Some(s.loc));
            }
        }
    }
    out
}

/// An input's declaration and allowed values, by name, where the loader
/// knows them.
pub type AllowedValues<'a> = dyn Fn(&str) -> Option<(Loc, Vec<String>)> + 'a;

/// The release input a resource `name` is built from, if any. `allowed`
/// gives an input's allowed values (ARM `allowedValues`) where the loader
/// knows them; `for_slot` is true for deployment slots.
/// `noun` names the format's inputs ("parameter", "variable").
pub fn release_input(
    name: &Value,
    for_slot: bool,
    noun: &'static str,
    allowed: &AllowedValues,
) -> Option<ReleaseInput> {
    for (n, noun, decl) in inputs_of(name, noun) {
        let known = allowed(&n);
        let decl = decl.or(known.as_ref().map(|(l, _)| *l));
        if known.as_ref().is_some_and(|(_, a)| blue_green_values(a)) {
            return Some(ReleaseInput {
                name: n,
                noun,
                decl,
                why: "allowed only blue or green",
            });
        }
        if release_input_name(&n, for_slot) {
            return Some(ReleaseInput {
                name: n,
                noun,
                decl,
                why: "release",
            });
        }
    }
    None
}

/// Why and where a resource is replaced on deployments, with the input
/// behind a release name.
#[derive(Clone, Debug, PartialEq)]
pub struct Replacement {
    pub why: Replace,
    /// The trigger: `create_before_destroy`, `replace_triggered_by`, the name.
    pub loc: Loc,
    pub input: Option<ReleaseInput>,
}

impl Replacement {
    /// "created before the old one is destroyed", "named from parameter
    /// `color` whose allowed values are blue/green"...
    pub fn describe(&self) -> String {
        match (&self.why, &self.input) {
            (Replace::ReleaseName, Some(i)) => {
                let noun = if i.noun == "module" {
                    "module argument"
                } else {
                    i.noun
                };
                if i.why == "release" {
                    format!("named from release {noun} `{}`", i.name)
                } else {
                    format!("named from {noun} `{}`, {}", i.name, i.why)
                }
            }
            (why, _) => why.describe().to_string(),
        }
    }
}

/// Every fact of `l` that says the resource is replaced: `replaceable`
/// with the release input when that is the reason.
pub fn replacement(l: &Lifecycle) -> Option<Replacement> {
    if let Some((why, loc)) = replaceable(l) {
        return Some(Replacement {
            why,
            loc,
            input: None,
        });
    }
    l.release_name.as_ref().map(|(loc, input)| Replacement {
        why: Replace::ReleaseName,
        loc: *loc,
        input: Some(input.clone()),
    })
}

// ---------------------------------------------------------------------------
// Name families: sibling declarations of one type whose names differ only
// by a blue/green-like token.

/// Name tokens that tell parallel copies of one workload apart: the colors
/// of blue-green, canary, stage/staging, slot, `a`/`b`, `primary`/
/// `secondary` are not among them (they name regions or roles that live
/// on). A version `v1`, `v2`... counts too (`is_family_token`).
pub const FAMILY_TOKENS: &[&str] = &[
    "blue", "green", "canary", "stage", "staging", "slot", "a", "b",
];

/// Is one token of a name a family token: one of `FAMILY_TOKENS` or a
/// version `v<digits>`?
pub fn is_family_token(t: &str) -> bool {
    FAMILY_TOKENS.iter().any(|f| t.eq_ignore_ascii_case(f))
        || (t.len() >= 2
            && (t.starts_with('v') || t.starts_with('V'))
            && t[1..].bytes().all(|b| b.is_ascii_digit()))
}

/// The name with its family tokens blanked (`app-blue-weu` → `app-{}-weu`),
/// with the tokens blanked; `None` when no token is a family token. Tokens
/// are separated by anything but letters and digits, so `appblue` is one
/// token and no family.
pub fn family_key(name: &str) -> Option<(String, Vec<String>)> {
    let mut key = String::with_capacity(name.len());
    let mut tokens = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, key: &mut String, tokens: &mut Vec<String>| {
        if cur.is_empty() {
            return;
        }
        if is_family_token(cur) {
            key.push_str("{}");
            tokens.push(cur.to_ascii_lowercase());
        } else {
            key.push_str(&cur.to_ascii_lowercase());
        }
        cur.clear();
    };
    for c in name.chars() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else {
            flush(&mut cur, &mut key, &mut tokens);
            key.push(c);
        }
    }
    flush(&mut cur, &mut key, &mut tokens);
    (!tokens.is_empty()).then_some((key, tokens))
}

/// Resources of one type that run side by side: the instances of one
/// `copy`/`count`/`for_each` (at least two certainly), or sibling
/// declarations whose names differ only by family tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub members: Vec<ResId>,
    /// The loop, for instances of one declaration.
    pub loop_loc: Option<Loc>,
    /// How many run side by side: the loop's count, or the siblings.
    pub size: usize,
}

/// The group `r` runs in: its loop family when that certainly makes two
/// or more, else its name family (resources of its type with an identity
/// declared, in the same nested deployment or module call, whose names
/// differ from its own only by family tokens).
pub fn group(unit: &Unit, r: ResId) -> Option<Group> {
    if let Some(f) = unit.family(r) {
        let fam = unit.families.get(f);
        if fam.parallel() == Some(true) {
            return Some(Group {
                members: fam.members.clone(),
                loop_loc: Some(fam.loc),
                size: fam.size.unwrap_or(fam.members.len()),
            });
        }
        return None;
    }
    let res = unit.res(r);
    let (key, _) = family_key(&name_text(res)?)?;
    let members: Vec<ResId> = unit
        .resources
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            o.identity.is_some()
                && o.lifecycle.replicated.is_none()
                && o.ty.eq_ignore_ascii_case(&res.ty)
                && same_call(o, res)
                && !o.deploys_nothing()
        })
        .filter(|(_, o)| {
            name_text(o)
                .and_then(|n| family_key(&n))
                .is_some_and(|(k, _)| k == key)
        })
        .map(|(i, _)| ResId(i as u32))
        .collect();
    let mut names: Vec<String> = members
        .iter()
        .filter_map(|&m| name_text(unit.res(m)))
        .map(|n| n.to_ascii_lowercase())
        .collect();
    names.sort();
    names.dedup();
    (names.len() >= 2).then_some(Group {
        size: members.len(),
        members,
        loop_loc: None,
    })
}

/// The name a family compares: the evaluated name when it is a string or
/// a template (holes rendered by their match key), else the declaration's
/// own name (a Terraform `resource "x" "blue"` label).
fn name_text(r: &Resource) -> Option<String> {
    match r.name.as_ref().map(|n| &n.kind) {
        Some(Kind::String(s)) => Some(s.clone()),
        Some(Kind::Template(_)) => r.name.as_ref()?.match_key(),
        _ => r.label.rsplit('.').next().map(str::to_string),
    }
}

fn same_call(a: &Resource, b: &Resource) -> bool {
    a.via.len() == b.via.len()
        && a.via
            .iter()
            .zip(&b.via)
            .all(|(x, y)| x.loc == y.loc && x.name == y.name)
}

// ---------------------------------------------------------------------------
// Revisions side by side (Container Apps).

/// Where a container app runs several revisions at once: `activeRevisionsMode:
/// Multiple` (TF `revision_mode`), or ingress traffic split over two or more
/// revisions with a known positive weight. Revisions share the app's
/// identity, so this does not replace the principal; it is the blue-green
/// design in which a failed pull or a missing role shows.
pub fn revisions_in_parallel(r: &Resource) -> Option<(Loc, &'static str)> {
    let conf = r.body.get("properties")?.get("configuration")?;
    if let Some(e) = conf.entry("activeRevisionsMode") {
        if e.value
            .as_str()
            .is_some_and(|s| s.eq_ignore_ascii_case("Multiple"))
        {
            return Some((e.key_loc, "runs several revisions at once"));
        }
    }
    let traffic = conf.get("ingress")?.entry("traffic")?;
    let weighted = traffic
        .value
        .as_array()?
        .iter()
        .filter(|t| {
            t.get("weight")
                .and_then(Value::as_number)
                .is_some_and(|w| w > 0.0)
        })
        .count();
    (weighted >= 2).then_some((traffic.key_loc, "splits traffic across revisions"))
}

// ---------------------------------------------------------------------------
// Grants of a system-assigned principal.

/// The grants (role assignments, access policies, Cosmos data roles) whose
/// principal is the system-assigned identity of `r`, in load order.
pub fn system_grants(unit: &Unit, r: ResId) -> Vec<&Grant> {
    match unit.graph.system(r) {
        Some(id) => unit.graph.grants_of(id).collect(),
        None => Vec::new(),
    }
}

/// What a grant gives, comparable across members of a group: the kind,
/// the role and the scope (declared resources by key, else the level).
pub fn grant_signature(unit: &Unit, g: &Grant) -> String {
    let role = match &g.role {
        super::Role::BuiltIn(b) => b.name.to_string(),
        super::Role::Guid(x) => x.clone(),
        super::Role::Custom(c) => c.key.clone(),
        super::Role::Unknown => "?".into(),
    };
    let mut scope: Vec<String> = g
        .scope
        .iter()
        .map(|&s| unit.res(s).key.to_ascii_lowercase())
        .collect();
    if scope.is_empty() {
        // A scope naming no declared resource compares by how it is
        // written; one that cannot be matched matches nothing else.
        let written = g
            .assignment
            .and_then(|n| unit.role_assignments.get(n))
            .and_then(|ra| ra.scope_entry.as_ref())
            .map(|e| e.value.match_key());
        match written {
            Some(Some(k)) => scope.push(k),
            Some(None) => scope.push(format!("#{}", g.resource.0)),
            None => {}
        }
    }
    let kind = match g.kind {
        GrantKind::RoleAssignment => "role",
        GrantKind::AccessPolicy => "policy",
        GrantKind::CosmosSqlRole => "cosmos",
    };
    format!("{kind}|{role}|{}|{:?}", scope.join(","), g.level)
}

/// Does `id` name the system-assigned identity of a resource other than
/// through a user-assigned identity? True for `IdentityKind::System`.
pub fn is_system(unit: &Unit, id: IdentityId) -> Option<ResId> {
    match unit.graph.identity(id).kind {
        super::IdentityKind::System(r) => Some(r),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Slots and their app.

/// `Some(true)`: the slot shares a user-assigned identity with its app;
/// `Some(false)`: it certainly does not; `None`: cannot tell.
pub fn shares_identity(slot: &Identity, app: Option<&Identity>) -> Option<bool> {
    if slot.user_assigned.is_empty() {
        // `UserAssigned` in the type with identities we cannot see: unknown.
        return if slot.user.is_yes() || slot.user == super::Tri::Unknown {
            None
        } else {
            Some(false)
        };
    }
    let app = app?;
    let keys = |id: &Identity| -> Vec<Option<String>> {
        id.user_assigned
            .iter()
            .map(|u| {
                u.target
                    .as_ref()
                    .map(|t| t.key.clone())
                    .or_else(|| u.id.match_key())
            })
            .collect()
    };
    let app_keys = keys(app);
    let slot_keys = keys(slot);
    if slot_keys
        .iter()
        .flatten()
        .any(|k| app_keys.iter().flatten().any(|a| a.eq_ignore_ascii_case(k)))
    {
        return Some(true);
    }
    if slot_keys.iter().chain(&app_keys).any(Option::is_none) {
        return None;
    }
    Some(false)
}

/// The app a slot belongs to, when declared in the unit.
pub fn slot_app(unit: &Unit, slot: &Resource) -> Option<ResId> {
    unit.lookup(slot.parent.as_ref()?).into_iter().next()
}

/// A deployment slot whose system-assigned identity is not backed by a
/// user-assigned identity shared with its app (BG001's question).
pub fn slot_with_own_principal(unit: &Unit, r: ResId) -> bool {
    let slot = unit.res(r);
    if !slot.is_type("Microsoft.Web/sites/slots") || slot.deploys_nothing() {
        return false;
    }
    let Some(id) = &slot.identity else {
        return false;
    };
    if !id.has_system() {
        return false;
    }
    let app = slot_app(unit, slot).and_then(|a| unit.res(a).identity.as_ref());
    shares_identity(id, app) == Some(false)
}

// ---------------------------------------------------------------------------
// Why a system-assigned principal does not last.

/// Why the system-assigned principal of a resource is not the one its
/// grants were made for, or not the only one: the questions of BG001–BG004.
#[derive(Clone, Debug, PartialEq)]
pub enum Churn {
    /// A deployment slot with its own principal (BG001).
    Slot,
    /// Replaced on deployments, with grants (BG003).
    Replaced(Replacement),
    /// One of a group side by side, each with its own principal and the
    /// same grants (BG004).
    Parallel(Group),
}

/// The members of `g` whose system identities certainly exist, when every
/// member has one and all of them share at least one grant (the same role
/// on the same scope): the signatures they share.
pub fn shared_grants(unit: &Unit, g: &Group) -> Option<Vec<String>> {
    let mut common: Option<Vec<String>> = None;
    for &m in &g.members {
        let res = unit.res(m);
        if !res.identity.as_ref().is_some_and(Identity::has_system) {
            return None;
        }
        let mut sigs: Vec<String> = system_grants(unit, m)
            .into_iter()
            .map(|gr| grant_signature(unit, gr))
            .collect();
        sigs.sort();
        sigs.dedup();
        common = Some(match common {
            None => sigs,
            Some(c) => c.into_iter().filter(|s| sigs.contains(s)).collect(),
        });
    }
    common.filter(|c| !c.is_empty())
}

/// Why `r`'s system-assigned principal churns, if it does.
pub fn churn(unit: &Unit, r: ResId) -> Option<Churn> {
    let res = unit.res(r);
    if res.deploys_nothing() || !res.identity.as_ref().is_some_and(Identity::has_system) {
        return None;
    }
    if slot_with_own_principal(unit, r) {
        return Some(Churn::Slot);
    }
    if let Some(rep) = replacement(&res.lifecycle) {
        if !system_grants(unit, r).is_empty() {
            return Some(Churn::Replaced(rep));
        }
    }
    let g = group(unit, r)?;
    shared_grants(unit, &g).map(|_| Churn::Parallel(g))
}

// ---------------------------------------------------------------------------
// What needs an identity while the resource is being created.

/// A property that makes the service use the resource's system-assigned
/// identity while the resource is being created: the identity exists only
/// once the resource does, and has no role yet.
#[derive(Clone, Debug, PartialEq)]
pub struct CreateNeed<'a> {
    /// The property to point at.
    pub entry: &'a Entry,
    /// Dotted ARM path, for fingerprints.
    pub path: String,
    /// What it needs the identity for: "pull the image from `acr.azurecr.io`".
    pub what: String,
}

fn is_system_word(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        s.eq_ignore_ascii_case("system")
            || s.eq_ignore_ascii_case("systemassigned")
            || s.eq_ignore_ascii_case("SystemAssignedIdentity")
    })
}

/// Container Apps / jobs registries pulled with the system identity:
/// `registries[].identity: system`.
pub fn system_registry_pulls(r: &Resource) -> Vec<CreateNeed<'_>> {
    let mut out = Vec::new();
    if !(r.is_type("Microsoft.App/containerApps") || r.is_type("Microsoft.App/jobs")) {
        return out;
    }
    let regs = r
        .prop("properties.configuration.registries")
        .and_then(|e| e.value.as_array());
    for reg in regs.unwrap_or(&[]) {
        if let Some(e) = reg.entry("identity") {
            if is_system_word(&e.value) {
                let server = reg
                    .get("server")
                    .and_then(Value::as_str)
                    .map(|s| format!("`{s}`"))
                    .unwrap_or_else(|| "its registry".into());
                out.push(CreateNeed {
                    entry: e,
                    path: "properties.configuration.registries.identity".into(),
                    what: format!("pull its image from {server}"),
                });
            }
        }
    }
    out
}

/// Everything but registry pulls (see `system_registry_pulls`) that needs
/// the system identity at creation: Container Apps Key Vault secrets and
/// managed environment certificates with `identity: system`, Cosmos DB
/// `defaultIdentity: SystemAssignedIdentity` with a customer-managed key,
/// a customer-managed key on Storage, Event Hubs, Service Bus or Cognitive
/// Services with no user-assigned identity named for it, API Management
/// Key Vault certificates without `identityClientId`. `r` must have a
/// system identity (for managed environment certificates, its environment).
pub fn system_needs_at_create<'a>(unit: &'a Unit, r: &'a Resource) -> Vec<CreateNeed<'a>> {
    let mut out = Vec::new();
    let props = r.body.get("properties");
    let prop = |p: &str| r.prop(p);
    if r.is_type("Microsoft.App/containerApps") || r.is_type("Microsoft.App/jobs") {
        let secrets = prop("properties.configuration.secrets").and_then(|e| e.value.as_array());
        for s in secrets.unwrap_or(&[]) {
            if let (Some(e), Some(_)) = (s.entry("identity"), s.get("keyVaultUrl")) {
                if is_system_word(&e.value) {
                    let name = s
                        .get("name")
                        .and_then(Value::as_str)
                        .map(|n| format!("secret `{n}`"))
                        .unwrap_or_else(|| "a secret".into());
                    out.push(CreateNeed {
                        entry: e,
                        path: "properties.configuration.secrets.identity".into(),
                        what: format!("read {name} from Key Vault"),
                    });
                }
            }
        }
    }
    if r.is_type("Microsoft.App/managedEnvironments/certificates") {
        if let Some(e) = prop("properties.certificateKeyVaultProperties.identity") {
            if is_system_word(&e.value) {
                out.push(CreateNeed {
                    entry: e,
                    path: "properties.certificateKeyVaultProperties.identity".into(),
                    what: "read the certificate from Key Vault".into(),
                });
            }
        }
    }
    if r.is_type("Microsoft.DocumentDB/databaseAccounts") {
        if let (Some(e), Some(_)) = (
            prop("properties.defaultIdentity"),
            prop("properties.keyVaultKeyUri"),
        ) {
            if is_system_word(&e.value) {
                out.push(CreateNeed {
                    entry: e,
                    path: "properties.defaultIdentity".into(),
                    what: "read its customer-managed key".into(),
                });
            }
        }
    }
    const CMK: &[&str] = &[
        "Microsoft.Storage/storageAccounts",
        "Microsoft.EventHub/namespaces",
        "Microsoft.ServiceBus/namespaces",
        "Microsoft.CognitiveServices/accounts",
    ];
    if CMK.iter().any(|t| r.is_type(t)) && declared_once(unit, r) {
        if let Some(e) = prop("properties.encryption.keySource") {
            let cmk = e
                .value
                .as_str()
                .is_some_and(|s| s.eq_ignore_ascii_case("Microsoft.KeyVault"));
            let enc = props.and_then(|p| p.get("encryption"));
            if cmk && enc.is_some_and(|v| !names_user_identity(v, 0)) {
                out.push(CreateNeed {
                    entry: e,
                    path: "properties.encryption.keySource".into(),
                    what: "read its customer-managed key".into(),
                });
            }
        }
    }
    if r.is_type("Microsoft.ApiManagement/service") {
        let hosts = prop("properties.hostnameConfigurations").and_then(|e| e.value.as_array());
        for h in hosts.unwrap_or(&[]) {
            if let Some(e) = h.entry("keyVaultId") {
                let client = h.entry("identityClientId");
                if !e.value.is_null() && client.is_none_or(|c| c.value.is_null()) {
                    out.push(CreateNeed {
                        entry: e,
                        path: "properties.hostnameConfigurations.keyVaultId".into(),
                        what: "read its TLS certificate from Key Vault".into(),
                    });
                }
            }
        }
    }
    out
}

/// The resource is declared once in the unit: a second declaration of the
/// same resource (a nested deployment that adds the key once the identity
/// has access) is the two-step design that works.
fn declared_once(unit: &Unit, r: &Resource) -> bool {
    unit.lookup(&r.as_ref()).len() <= 1
}

/// Does an `encryption` object name a user-assigned identity, or hold
/// an identity that is not known (then it may)? Any member whose key
/// mentions an identity (`identity.userAssignedIdentity`,
/// `keyVaultProperties[].identity`, `identityClientId`) other than the
/// system identity.
fn names_user_identity(v: &Value, depth: usize) -> bool {
    if depth > 8 {
        return true;
    }
    match &v.kind {
        Kind::Object(entries) => entries.iter().any(|e| {
            let k = e.key.to_ascii_lowercase();
            match &e.value.kind {
                Kind::Object(_) | Kind::Array(_) => names_user_identity(&e.value, depth + 1),
                Kind::Null => false,
                _ => k.contains("identity") && !is_system_word(&e.value),
            }
        }),
        Kind::Array(items) => items.iter().any(|i| names_user_identity(i, depth + 1)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_names_split_into_words() {
        assert_eq!(words("activeColor"), ["active", "color"]);
        assert_eq!(words("release_name"), ["release", "name"]);
        assert_eq!(words("buildId"), ["build", "id"]);
        assert_eq!(words("APIVersion"), ["apiversion"]);
    }

    #[test]
    fn release_inputs_by_name() {
        for yes in [
            "color",
            "releaseName",
            "build_id",
            "slot",
            "version",
            "appVersion",
        ] {
            assert!(release_input_name(yes, false), "{yes}");
        }
        for no in [
            "image_build_compute_name",
            "colorScheme",
            "apiVersion",
            "osVersion",
            "kubernetesVersion",
            "location",
            "appName",
            "windowsOSVersion",
        ] {
            assert!(!release_input_name(no, false), "{no}");
        }
        // A slot is named after its role; its own name is no release.
        assert!(!release_input_name("slotName", true));
        assert!(release_input_name("slotColor", true));
    }

    #[test]
    fn blue_green_allowed_values() {
        assert!(blue_green_values(&["Blue", "green"]));
        assert!(blue_green_values(&["stable", "canary"]));
        assert!(!blue_green_values(&["blue"]));
        assert!(!blue_green_values(&["dev", "prod"]));
    }

    #[test]
    fn family_keys_blank_family_tokens() {
        let k = |s: &str| family_key(s).map(|(k, _)| k);
        assert_eq!(k("app-pay-blue"), Some("app-pay-{}".into()));
        assert_eq!(k("app-pay-green"), k("app-pay-blue"));
        assert_eq!(k("app-portal-a"), k("app-portal-b"));
        assert_eq!(k("api-v2-weu"), Some("api-{}-weu".into()));
        assert_eq!(k("appblue"), None);
        assert_eq!(k("vm-01"), None);
        assert_eq!(k("app-prod"), None);
        assert!(is_family_token("V3") && !is_family_token("v") && !is_family_token("vx"));
    }

    #[test]
    fn release_input_from_provenance() {
        let decl = Loc::default();
        let name = Value::string("app-green", Loc::default()).through(Step {
            kind: StepKind::Default,
            name: "deployColor".into(),
            loc: decl,
            secure: false,
            noun: "parameter",
        });
        let none = |_: &str| None;
        let i = release_input(&name, false, "parameter", &none).expect("color");
        assert_eq!(i.name, "deployColor");
        // A module argument alone (`color = each.key`) is no release input.
        let looped = Value::string("app-green", Loc::default()).through(Step {
            kind: StepKind::ModuleInput,
            name: "color".into(),
            loc: decl,
            secure: false,
            noun: "module",
        });
        assert_eq!(release_input(&looped, false, "variable", &none), None);
        let plain = Value::string("app", Loc::default());
        assert_eq!(release_input(&plain, false, "parameter", &none), None);
        // Allowed values blue/green make any input name a release input.
        let tier = Value::string("app-blue", Loc::default()).through(Step {
            kind: StepKind::Given,
            name: "tier".into(),
            loc: decl,
            secure: false,
            noun: "parameter",
        });
        let allowed = |n: &str| (n == "tier").then(|| (decl, vec!["blue".into(), "green".into()]));
        assert_eq!(
            release_input(&tier, false, "parameter", &allowed).map(|i| i.why),
            Some("allowed only blue or green")
        );
    }
}
