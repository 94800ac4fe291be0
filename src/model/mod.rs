//! The common model: what the ARM and Terraform loaders produce and the only
//! thing rules read. Nothing here knows which format a value came from.

pub mod assignment;
pub mod credentials;
pub mod graph;
pub mod identity;
pub mod ids;
pub mod keys;
pub mod lifecycle;
pub mod rbac;
pub mod resource;
pub mod roles;
pub mod secrets;
pub mod spelling;
pub mod value;

pub use graph::{
    Grant, GrantId, GrantKind, IdField, IdentityGraph, IdentityId, IdentityKind, IdentityNode, Use,
    UseKind,
};
pub use identity::{Identity, IdentityRef, Tri};
pub use ids::ScopeLevel;
pub use lifecycle::{Families, Family, FamilyId, Replace};
pub use rbac::{BuiltinRole, Principal, Role, RoleAssignment};
pub use resource::{Dependencies, InstanceKey, InstanceOf, Lifecycle, Resource};
pub use value::{
    Attr, Entry, FileId, Kind, Loc, Part, ResourceRef, Step, StepKind, SymRef, Unknown, Value,
};

use crate::source::SourceFile;
use std::collections::HashMap;
use std::sync::Arc;

/// `Step::noun` of a module call: a finding in a resource declared through
/// one names the call chain.
pub const MODULE_CALL: &str = "module call";

/// `Step::noun` on the content of a Terraform `dynamic` block whose
/// `for_each` is not known to be non-empty: the block stands for none, one
/// or many blocks (an empty default a caller may fill), so rules judging
/// what the block sets leave it alone.
pub const DYNAMIC_BLOCK: &str = "dynamic block";

/// Is `v` the content of a `dynamic` block that may make no block at all?
pub fn maybe_no_block(v: &Value) -> bool {
    v.via.iter().any(|s| s.noun == DYNAMIC_BLOCK)
}

/// `Step::noun` of an ARM nested deployment evaluated in its parent's
/// expression scope (no `expressionEvaluationOptions.scope: inner`).
pub const OUTER_SCOPE_DEPLOYMENT: &str = "outer-scope nested deployment";

/// A deployment input: ARM template parameter or Terraform variable.
#[derive(Clone, Debug)]
pub struct Parameter {
    pub name: String,
    /// The declaration: ARM parameter name key, Terraform `variable "x" {` header.
    pub loc: Loc,
    /// Declared type, lower-case (`securestring`, `string`, `object`...), when declared.
    pub ty: Option<String>,
    /// `secureString`/`secureObject`, or `sensitive = true`.
    pub secure: bool,
    /// The default as declared, with the `defaultValue`/`default` key location.
    pub default: Option<Entry>,
    /// The value given by a parameter file, tfvars or caller, if any.
    pub given: Option<Value>,
    /// "parameter" or "variable".
    pub noun: &'static str,
    /// Declared in a template or module; `false` for a value in a parameter
    /// file or tfvars whose declaration was not found.
    pub declared: bool,
    /// The platform can mark an input of this type secure: ARM only strings
    /// and objects (`secureString`, `secureObject`), Terraform any type.
    pub securable: bool,
    /// The declaration restricts the value to a list (`allowedValues`): an
    /// enumeration, not a secret.
    pub enumerated: bool,
    /// Nested deployments or module calls this input belongs to.
    pub via: Vec<Step>,
    /// When every use of the input in its module reads a named member of it
    /// (`var.key.id`, `var.secrets[k].secret_name`), those members' names;
    /// empty when the value itself is used, it is unused, or its uses are
    /// not known (ARM).
    pub members_read: Vec<String>,
    /// The module never reads the input (Terraform, when every file of the
    /// module is HCL syntax, so every use is seen); false when it may.
    pub unread: bool,
}

/// Tool configuration that is not a resource: a Terraform `provider` block
/// or a `backend` inside `terraform {}`.
#[derive(Clone, Debug)]
pub struct ConfigBlock {
    /// `provider` or `backend`.
    pub kind: &'static str,
    /// `azurerm`, `azuread`, `azapi`...
    pub name: String,
    /// The block header.
    pub loc: Loc,
    pub body: Value,
    pub via: Vec<Step>,
}

/// A template or module output.
#[derive(Clone, Debug)]
pub struct Output {
    pub name: String,
    pub loc: Loc,
    pub ty: Option<String>,
    pub secure: bool,
    /// Where the value is wrapped in `nonsensitive()`, which lifts Terraform's own protection.
    pub nonsensitive: Option<Loc>,
    /// The platform itself keeps secrets out of this output unless told
    /// otherwise: Terraform refuses a root output of a sensitive value not
    /// marked `sensitive`, and a module output stays sensitive in its caller.
    pub guarded: bool,
    /// The `value` entry.
    pub value: Option<Entry>,
    pub via: Vec<Step>,
}

/// A problem met while loading that did not stop the load (an expression that
/// does not parse, a nested template that is not an object...).
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub loc: Loc,
    pub message: String,
}

/// A resource of a unit by its position in `Unit::resources`: what the
/// identity graph and lifecycle facts hold, so that rules compare numbers
/// rather than keys that would have to be lower-cased again on each query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResId(pub u32);

impl ResId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One deployment unit: an ARM template (with its parameter file and nested
/// deployments) or a Terraform module directory.
#[derive(Debug, Default)]
pub struct Unit {
    pub files: Vec<Arc<SourceFile>>,
    pub resources: Vec<Resource>,
    pub role_assignments: Vec<RoleAssignment>,
    pub parameters: Vec<Parameter>,
    pub outputs: Vec<Output>,
    pub configs: Vec<ConfigBlock>,
    pub errors: Vec<LoadError>,
    /// Resource declarations at the top level of the unit's own files (a
    /// `copy` loop or `count` is one): what an independent count of the
    /// source sees, so no resource can go missing unnoticed.
    pub declarations: usize,
    /// Declarations that deploy nothing (ARM `copy` of no instance, a
    /// `condition` known false): their type as written and the `type`'s
    /// place. Rules never see them; `idlint access` lists role assignments
    /// among them as declared but not deployed.
    pub undeployed: Vec<(String, Loc)>,
    /// Identities, grants and uses of identity IDs, derived by `finish()`.
    pub graph: IdentityGraph,
    /// Instance families (`copy`, `count`, `for_each`), derived by `finish()`.
    pub families: Families,
    /// Files whose template the unit deployed as a module (Bicep `module`
    /// whose condition or loop does not leave it out), as opposed to files
    /// that give it values (parameter files).
    pub modules: Vec<FileId>,
    by_key: HashMap<String, Vec<ResId>>,
}

impl Unit {
    pub fn new(files: Vec<Arc<SourceFile>>) -> Unit {
        Unit {
            files,
            ..Default::default()
        }
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Derives the indexes, role assignments, identity graph and instance
    /// families once the loader has added every resource.
    pub fn finish(&mut self) {
        self.by_key.clear();
        for (i, r) in self.resources.iter().enumerate() {
            self.by_key
                .entry(r.key.to_ascii_lowercase())
                .or_default()
                .push(ResId(i as u32));
        }
        self.role_assignments = self
            .resources
            .iter()
            .enumerate()
            .filter_map(|(i, r)| rbac::role_assignment(i, r))
            .collect();
        self.families = Families::build(&self.resources);
        self.graph = IdentityGraph::build(self);
    }

    pub fn res(&self, id: ResId) -> &Resource {
        &self.resources[id.index()]
    }

    /// The declared resources a reference denotes: every instance of a
    /// `copy`/`count`/`for_each` family, or the one its selector names
    /// (`x.y[0]`, `x.y["k"]`). A selector on a family that
    /// was not unrolled denotes the one resource standing for all of it; a
    /// selector naming no unrolled instance denotes nothing.
    pub fn lookup(&self, r: &ResourceRef) -> Vec<ResId> {
        if let Some(ids) = self.by_key_ci(&r.key) {
            return ids.to_vec();
        }
        let Some((base, selector)) = split_selector(&r.key) else {
            return Vec::new();
        };
        let Some(ids) = self.by_key_ci(base) else {
            return Vec::new();
        };
        let unrolled = ids.iter().any(|&i| {
            !matches!(
                self.res(i).lifecycle.instance,
                None | Some(InstanceKey::Unknown)
            )
        });
        if !unrolled {
            return ids.to_vec();
        }
        ids.iter()
            .copied()
            .filter(|&i| {
                self.res(i)
                    .lifecycle
                    .instance
                    .as_ref()
                    .and_then(InstanceKey::selector)
                    .as_deref()
                    == Some(selector)
            })
            .collect()
    }

    /// `by_key` without lower-casing keys that are lower-case already (all
    /// ARM keys, nearly all Terraform addresses).
    fn by_key_ci(&self, key: &str) -> Option<&[ResId]> {
        match self.by_key.get(key) {
            Some(v) => Some(v),
            None if key.bytes().any(|b| b.is_ascii_uppercase()) => self
                .by_key
                .get(&key.to_ascii_lowercase())
                .map(Vec::as_slice),
            None => None,
        }
    }

    /// The declared resources a reference denotes (several for `copy`/`count`).
    pub fn resolve(&self, r: &ResourceRef) -> impl Iterator<Item = &Resource> {
        self.lookup(r).into_iter().map(|i| self.res(i))
    }

    /// Why and where `r` is replaced on deployments; see `Lifecycle`.
    pub fn replaceable(&self, r: ResId) -> Option<(Replace, Loc)> {
        lifecycle::replacement(&self.res(r).lifecycle).map(|x| (x.why, x.loc))
    }

    /// The `copy`/`count`/`for_each` family `r` is an instance of.
    pub fn family(&self, r: ResId) -> Option<FamilyId> {
        self.families.of(r)
    }

    pub fn resources_of_type<'a>(&'a self, ty: &'a str) -> impl Iterator<Item = &'a Resource> {
        self.resources.iter().filter(move |r| r.is_type(ty))
    }
}

/// `base[selector]` → (`base`, `[selector]`), for an instance reference.
fn split_selector(key: &str) -> Option<(&str, &str)> {
    if !key.ends_with(']') {
        return None;
    }
    let open = key.find('[')?;
    (open > 0).then(|| (&key[..open], &key[open..]))
}
