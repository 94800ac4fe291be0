//! Resources in the common model: one shape for ARM and Terraform.

use super::identity::Identity;
use super::ids::ScopeLevel;
use super::spelling::Spelling;
use super::value::{Entry, Loc, ResourceRef, Step, Value};

#[derive(Clone, Debug)]
pub struct Resource {
    /// Canonical Azure type as written (`Microsoft.Web/sites/slots`); for
    /// Terraform the mapped ARM type, or the source type when none applies.
    pub ty: String,
    /// The type in the source: the ARM type, or the Terraform resource type (`azapi_resource`).
    pub source_type: String,
    /// Unit-unique key that references resolve to (`ResourceRef::key`).
    pub key: String,
    /// Human name for messages: ARM symbolic or evaluated name, Terraform address.
    pub label: String,
    /// The evaluated `name` (full `parent/child` name for ARM child resources).
    pub name: Option<Value>,
    /// The declaration: ARM `"type"` value, Terraform `resource "x" "y" {` header.
    /// Findings about absent properties point here.
    pub loc: Loc,
    /// ARM-shaped body (`properties`, `sku`, `kind`, `location`, `tags`, `scope`...),
    /// with Terraform attributes mapped to ARM names where a rule needs them.
    pub body: Value,
    /// Properties of `body` the loader mapped from another spelling, as
    /// written (shared by every resource of a source type).
    pub spellings: &'static [Spelling],
    /// `None` when the resource declares no identity at all.
    pub identity: Option<Identity>,
    pub lifecycle: Lifecycle,
    /// Level the resource is deployed at (from the template schema, nested
    /// deployment scope, or Terraform), when known.
    pub deploy_scope: Option<ScopeLevel>,
    /// The enclosing resource for child resources and slots.
    pub parent: Option<ResourceRef>,
    /// Explicit dependencies, as keys of other resources (ARM: a
    /// `dependsOn` entry written as a bare name is kept as that name, lower
    /// case; one whose value is not known as [`UNKNOWN_DEPENDENCY`]).
    pub depends_on: Vec<String>,
    /// ARM: dependencies the platform adds without `dependsOn`, because the
    /// body calls `reference()` on a resource of the same template by its
    /// symbolic name or name rather than its resource ID; as keys.
    pub implied_depends_on: Vec<String>,
    /// Who decides what the resource is deployed after.
    pub dependencies: Dependencies,
    /// Nested deployments or module calls this resource was declared through, outermost first.
    pub via: Vec<Step>,
}

/// A `depends_on` entry whose value is not known: it may name any resource.
pub const UNKNOWN_DEPENDENCY: &str = "{unknown}";

/// Who decides what a resource is deployed after.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dependencies {
    /// Hand-written ARM: only `dependsOn` and `reference()` by name or
    /// symbolic name (`implied_depends_on`) order it.
    #[default]
    Declared,
    /// ARM a compiler wrote (`metadata._generator`, as Bicep writes it):
    /// the compiler wrote `dependsOn` from every reference.
    Generated,
    /// Terraform: every reference to another resource orders it.
    Inferred,
}

/// Facts about how the resource is created and replaced.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lifecycle {
    /// Many instances from one declaration (`copy`, `count`, `for_each`).
    pub replicated: Option<Loc>,
    /// Which instance of a replicated declaration this is; `Unknown` when the
    /// loop was not unrolled (its count is unknown or over the bound), so the
    /// one resource stands for all of them.
    pub instance: Option<InstanceKey>,
    /// How many instances the declaration makes, when that is known. `Some(0)`
    /// with one resource: the loop makes none with the values at hand. The
    /// resource stays in the model (a module's caller may give more, and a
    /// directory called as a module is judged with its caller's values), and
    /// rules that judge what is deployed ask [`Resource::deploys_nothing`].
    pub instances: Option<usize>,
    /// Terraform `create_before_destroy = true`.
    pub create_before_destroy: Option<Loc>,
    /// Terraform `replace_triggered_by`.
    pub replace_triggered_by: Option<Loc>,
    /// The name is built from a value that changes on each deployment.
    pub volatile_name: Option<Loc>,
}

/// The selector of one instance: `copyIndex()`/`count.index`, or `each.key`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum InstanceKey {
    Index(usize),
    Key(String),
    Unknown,
}

/// Which instance a loader made, and of how many when that is known.
pub type InstanceOf = (InstanceKey, Option<usize>);

impl InstanceKey {
    /// The selector as references write it after an address: `[0]`, `["k"]`.
    pub fn selector(&self) -> Option<String> {
        match self {
            InstanceKey::Index(i) => Some(format!("[{i}]")),
            InstanceKey::Key(k) => Some(format!("[{}]", serde_json::to_string(k).ok()?)),
            InstanceKey::Unknown => None,
        }
    }
}

impl Resource {
    /// A declared resource of `ty` named `name`, with an empty body: what
    /// rule unit tests start from.
    #[cfg(test)]
    pub fn sample(ty: &str, name: &str) -> Resource {
        Resource {
            ty: ty.into(),
            source_type: ty.into(),
            key: format!("{ty}/{name}").to_ascii_lowercase(),
            label: name.into(),
            name: Some(Value::string(name, Loc::default())),
            loc: Loc::default(),
            body: Value::object(Vec::new(), Loc::default()),
            spellings: &[],
            identity: None,
            lifecycle: Lifecycle::default(),
            deploy_scope: None,
            parent: None,
            depends_on: Vec::new(),
            implied_depends_on: Vec::new(),
            dependencies: Dependencies::default(),
            via: Vec::new(),
        }
    }

    /// A `count`/`for_each` known to make no instance (`count = 0`), as
    /// ARM's `condition: false` drops a resource: nothing is deployed, so
    /// there is nothing to judge about it.
    pub fn deploys_nothing(&self) -> bool {
        self.lifecycle.instances == Some(0)
    }

    /// Lower-case canonical type, for comparisons.
    pub fn is_type(&self, ty: &str) -> bool {
        self.ty.eq_ignore_ascii_case(ty)
    }

    /// Property at a dotted path of the ARM-shaped body; `None` when absent.
    pub fn prop(&self, path: &str) -> Option<&Entry> {
        self.body.entry_at(path)
    }

    pub fn as_ref(&self) -> ResourceRef {
        ResourceRef {
            ty: self.ty.to_ascii_lowercase(),
            key: self.key.clone(),
        }
    }
}
