//! Evaluated values: what a property, parameter or output holds after the
//! loaders fold what they can. Every value knows where it was written and how
//! it got here (provenance), and what is not known says why.

use crate::source::Span;
use std::fmt::Write as _;
use std::sync::Arc;

/// Index of a file in a unit's file table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A place in a file of the unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub file: FileId,
    pub span: Span,
}

impl Loc {
    pub fn new(file: FileId, span: Span) -> Loc {
        Loc { file, span }
    }
}

/// Most provenance steps a value carries.
pub const MAX_VIA: usize = 32;

#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: Kind,
    /// Where the value is written: the literal, the default, or the expression that made it.
    pub loc: Loc,
    /// How the value reached its use, outermost first (parameter default, variable, module input...).
    pub via: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    /// A string with a known shape but some unknown parts, e.g.
    /// `/subscriptions/{subscription id}/resourceGroups/rg`.
    Template(Arc<[Part]>),
    Array(Arc<Vec<Value>>),
    Object(Arc<Vec<Entry>>),
    Unknown(Arc<Unknown>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Lit(String),
    Hole(Unknown),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    /// The key as written (JSON property name, HCL attribute name or block header).
    pub key_loc: Loc,
    pub value: Value,
}

/// One hop of provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub kind: StepKind,
    pub name: String,
    /// Where the input is declared (parameter, variable, local, module argument).
    pub loc: Loc,
    /// The input is `secureString`/`secureObject` or `sensitive = true`.
    pub secure: bool,
    /// What the source calls this kind of input: "parameter", "variable", "local".
    pub noun: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// The value is the input's default.
    Default,
    /// The value is given by a parameter file, tfvars or `--var-file`.
    Given,
    /// The value is the caller's argument to a nested deployment or module.
    ModuleInput,
    /// A named intermediate: ARM variable, Terraform local.
    Named,
    /// The output of a child module.
    ModuleOutput,
    /// Declared inside a nested deployment or module call.
    Nested,
    /// Several inputs were combined into one value here (`concat`, `format`,
    /// an ID function): no single input is "the" source.
    Combined,
}

impl Step {
    /// "default of parameter `x`", "variable `x`", ...
    pub fn describe(&self) -> String {
        match self.kind {
            StepKind::Default => format!("default of {} `{}`", self.noun, self.name),
            StepKind::Given => format!("value given for {} `{}`", self.noun, self.name),
            StepKind::ModuleInput => format!("{} argument `{}`", self.noun, self.name),
            StepKind::Named => format!("{} `{}`", self.noun, self.name),
            StepKind::ModuleOutput => format!("output `{}` of the {}", self.name, self.noun),
            StepKind::Nested => format!("{} `{}`", self.noun, self.name),
            StepKind::Combined => "combined from several inputs".to_string(),
        }
    }
}

/// Why a value is not known, and what is known about it anyway.
#[derive(Clone, Debug, PartialEq)]
pub enum Unknown {
    /// A deployment input with no default and no given value.
    Input { name: String, secure: bool },
    /// A secret taken from Key Vault at deployment or run time.
    KeyVault {
        what: String,
        /// What the code calls the secret: its name when written, else the
        /// label of the data source that reads it (`domain_join_username`).
        name: Option<String>,
    },
    /// An attribute of a resource, known after deployment.
    Attribute(SymRef),
    /// A key or secret pulled from a service (`listKeys()`, `primary_access_key`).
    ServiceSecret {
        source: String,
        target: Option<ResourceRef>,
        /// The service's name, lower-case, when the loader reads it as
        /// literal text: what matches a key pulled in one unit to the
        /// service declared in another (`data.x.name`, a literal
        /// `resourceId(...)` name).
        name: Option<String>,
    },
    /// Generated at deployment (`random_password.x.result`, `newGuid()` default).
    Generated { what: String },
    /// Different on every deployment (`utcNow()`, `timestamp()`, `uuid()`).
    Volatile { function: String },
    /// A fact of the deployment context with a known shape.
    Context(ContextValue),
    /// A deterministic function of its arguments (`guid()`, `uniqueString()`).
    Derived { function: String, args: Vec<Value> },
    /// Anything else; the reason says why.
    Opaque { reason: String },
    /// An expression that fails on known values: a member a known object
    /// lacks, an index past the end, an attribute of `null`. Terraform's
    /// `try()` falls back past it, `can()` is false; anything else treats it
    /// as unknown. Kept apart from `Opaque` because an unknown value is not
    /// an error: `try(each.value.x, null)` over an unknown `each.value` is
    /// unknown, not `null`.
    Failed { reason: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContextValue {
    SubscriptionId,
    ResourceGroupName,
    ResourceGroupLocation,
    TenantId,
    ManagementGroupName,
    DeploymentName,
    Environment,
}

/// A typed reference to a resource attribute that exists only after deployment,
/// so that rules can ask "whose principal ID is this?".
#[derive(Clone, Debug, PartialEq)]
pub struct SymRef {
    pub target: ResourceRef,
    pub attr: Attr,
}

/// A resource by type and unit-unique key; it may or may not be declared in the unit.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceRef {
    /// Canonical type, lower-case (`microsoft.web/sites`).
    pub ty: String,
    /// Lookup key within the unit (see `Resource::key`).
    pub key: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attr {
    /// The resource ID.
    Id,
    Name,
    /// Principal (object) ID of a user-assigned identity resource.
    PrincipalId,
    /// Client (application) ID of a user-assigned identity resource.
    ClientId,
    TenantId,
    /// Principal ID of the resource's system-assigned identity.
    SystemPrincipalId,
    /// Any other attribute, by its path as written.
    Other(String),
}

impl Value {
    pub fn new(kind: Kind, loc: Loc) -> Value {
        Value {
            kind,
            loc,
            via: Vec::new(),
        }
    }
    pub fn unknown(u: Unknown, loc: Loc) -> Value {
        Value::new(Kind::Unknown(Arc::new(u)), loc)
    }
    pub fn opaque(reason: impl Into<String>, loc: Loc) -> Value {
        Value::unknown(
            Unknown::Opaque {
                reason: reason.into(),
            },
            loc,
        )
    }
    /// An expression that fails on known values (see [`Unknown::Failed`]).
    pub fn failed(reason: impl Into<String>, loc: Loc) -> Value {
        Value::unknown(
            Unknown::Failed {
                reason: reason.into(),
            },
            loc,
        )
    }
    pub fn string(s: impl Into<String>, loc: Loc) -> Value {
        Value::new(Kind::String(s.into()), loc)
    }
    pub fn object(entries: Vec<Entry>, loc: Loc) -> Value {
        Value::new(Kind::Object(Arc::new(entries)), loc)
    }
    pub fn array(items: Vec<Value>, loc: Loc) -> Value {
        Value::new(Kind::Array(Arc::new(items)), loc)
    }

    /// Provenance `step` prepended: the value now reached its use through it.
    /// A long chain keeps its outermost and innermost steps: the use and the
    /// origin are what messages show, and chains of hundreds of variables
    /// must not cost memory quadratic in their length.
    pub fn through(mut self, step: Step) -> Value {
        self.via.insert(0, step);
        if self.via.len() > MAX_VIA {
            self.via.remove(MAX_VIA / 2);
        }
        self
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }
    /// Booleans, and the strings `true`/`false` that both ARM and Terraform coerce.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            Kind::Bool(b) => Some(*b),
            Kind::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Kind::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }
    pub fn as_number(&self) -> Option<f64> {
        match &self.kind {
            Kind::Number(n) => Some(*n),
            Kind::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Value]> {
        match &self.kind {
            Kind::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&[Entry]> {
        match &self.kind {
            Kind::Object(o) => Some(o),
            _ => None,
        }
    }
    pub fn as_unknown(&self) -> Option<&Unknown> {
        match &self.kind {
            Kind::Unknown(u) => Some(u),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }
    pub fn is_unknown(&self) -> bool {
        matches!(self.kind, Kind::Unknown(_))
    }

    /// Object member by name, ignoring ASCII case (ARM is case-insensitive;
    /// Terraform names are lower-case already). The last duplicate wins.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_object()?
            .iter()
            .rev()
            .find(|e| e.key.eq_ignore_ascii_case(key))
    }
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entry(key).map(|e| &e.value)
    }
    /// Member at a dotted path (`properties.adminUserEnabled`).
    pub fn entry_at(&self, path: &str) -> Option<&Entry> {
        let mut parts = path.split('.');
        let mut entry = self.entry(parts.next()?)?;
        for p in parts {
            entry = entry.value.entry(p)?;
        }
        Some(entry)
    }

    /// Parts of a string or template; `None` for anything else.
    pub fn string_parts(&self) -> Option<Vec<Part>> {
        match &self.kind {
            Kind::String(s) => Some(vec![Part::Lit(s.clone())]),
            Kind::Template(p) => Some(p.to_vec()),
            Kind::Unknown(u) => Some(vec![Part::Hole((**u).clone())]),
            _ => None,
        }
    }

    /// A canonical rendering used to match names and IDs across a unit: two
    /// values with the same key denote the same thing. `None` when the value
    /// cannot be matched (opaque, volatile).
    pub fn match_key(&self) -> Option<String> {
        let mut out = String::new();
        self.write_key(&mut out)?;
        Some(out.to_ascii_lowercase())
    }

    fn write_key(&self, out: &mut String) -> Option<()> {
        match &self.kind {
            Kind::Null => out.push_str("null"),
            Kind::Bool(b) => write!(out, "{b}").ok()?,
            Kind::Number(n) => write!(out, "{n}").ok()?,
            Kind::String(s) => out.push_str(s),
            Kind::Template(parts) => {
                for p in parts.iter() {
                    match p {
                        Part::Lit(s) => out.push_str(s),
                        Part::Hole(u) => u.write_key(out)?,
                    }
                }
            }
            Kind::Unknown(u) => u.write_key(out)?,
            Kind::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write_key(out)?;
                }
                out.push(']');
            }
            Kind::Object(entries) => {
                out.push('{');
                for (i, e) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&e.key);
                    out.push(':');
                    e.value.write_key(out)?;
                }
                out.push('}');
            }
        }
        Some(())
    }

    /// Short human rendering for messages (strings are shown in full: callers
    /// that may hold secrets must redact first).
    pub fn display(&self) -> String {
        match &self.kind {
            Kind::Null => "null".into(),
            Kind::Bool(b) => b.to_string(),
            Kind::Number(n) => format_number(*n),
            Kind::String(s) => s.clone(),
            Kind::Template(parts) => parts
                .iter()
                .map(|p| match p {
                    Part::Lit(s) => s.clone(),
                    Part::Hole(u) => format!("{{{}}}", u.describe()),
                })
                .collect(),
            Kind::Array(_) => "an array".into(),
            Kind::Object(_) => "an object".into(),
            Kind::Unknown(u) => format!("{{{}}}", u.describe()),
        }
    }

    /// Every value in this tree, depth first, with its entry key path.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Value)) {
        f(self);
        match &self.kind {
            Kind::Array(items) => items.iter().for_each(|v| v.walk(f)),
            Kind::Object(entries) => entries.iter().for_each(|e| e.value.walk(f)),
            _ => {}
        }
    }
}

/// An object of `entries`, every place the default one: what unit tests
/// of rules and the model build values from.
#[cfg(test)]
pub fn test_object(entries: Vec<(&str, Value)>) -> Value {
    Value::object(
        entries
            .into_iter()
            .map(|(k, value)| Entry {
                key: k.into(),
                key_loc: Loc::default(),
                value,
            })
            .collect(),
        Loc::default(),
    )
}

pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

impl Unknown {
    fn write_key(&self, out: &mut String) -> Option<()> {
        match self {
            Unknown::Input { name, .. } => write!(out, "{{input:{name}}}").ok()?,
            Unknown::Context(c) => write!(out, "{{{c:?}}}").ok()?,
            Unknown::Attribute(r) => write!(out, "{{{}.{:?}}}", r.target.key, r.attr).ok()?,
            Unknown::Derived { function, args } => {
                write!(out, "{{{function}(").ok()?;
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    a.write_key(out)?;
                }
                out.push_str(")}");
            }
            _ => return None,
        }
        Some(())
    }

    /// Why the value is unknown, in a few words.
    pub fn describe(&self) -> String {
        match self {
            Unknown::Input { name, .. } => format!("input `{name}` with no value"),
            Unknown::KeyVault { what, .. } => format!("Key Vault reference {what}"),
            Unknown::Attribute(r) => format!("attribute of `{}`", r.target.key),
            Unknown::ServiceSecret { source, .. } => format!("secret from `{source}`"),
            Unknown::Generated { what } => format!("generated by `{what}`"),
            Unknown::Volatile { function } => format!("changes each run: `{function}`"),
            Unknown::Context(c) => format!("{c:?}"),
            Unknown::Derived { function, .. } => format!("`{function}(...)`"),
            Unknown::Opaque { reason } | Unknown::Failed { reason } => reason.clone(),
        }
    }
}

/// Provenance of inputs combined into one derived value at `loc`. With more
/// than one contributing input the chain starts with a `Combined` step.
pub fn merge_via<'a>(values: impl IntoIterator<Item = &'a Value>, loc: Loc) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    let mut sources = 0;
    for v in values {
        if !v.via.is_empty() {
            sources += 1;
        }
        for s in &v.via {
            if !out.contains(s) {
                out.push(s.clone());
            }
        }
    }
    if sources > 1 {
        out.insert(
            0,
            Step {
                kind: StepKind::Combined,
                name: String::new(),
                loc,
                secure: out.iter().any(|s| s.secure),
                noun: "expression",
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Value {
        Value::string(x, Loc::default())
    }

    #[test]
    fn entry_lookup_ignores_case_and_follows_paths() {
        let inner = Value::object(
            vec![Entry {
                key: "adminUserEnabled".into(),
                key_loc: Loc::default(),
                value: Value::new(Kind::Bool(true), Loc::default()),
            }],
            Loc::default(),
        );
        let v = Value::object(
            vec![Entry {
                key: "properties".into(),
                key_loc: Loc::default(),
                value: inner,
            }],
            Loc::default(),
        );
        assert_eq!(
            v.entry_at("Properties.ADMINUSERENABLED")
                .and_then(|e| e.value.as_bool()),
            Some(true)
        );
        assert!(v.entry_at("properties.missing").is_none());
    }

    #[test]
    fn match_keys_equate_same_inputs_and_refuse_opaque() {
        let a = Value::new(
            Kind::Template(
                vec![
                    Part::Lit("x-".into()),
                    Part::Hole(Unknown::Input {
                        name: "Name".into(),
                        secure: false,
                    }),
                ]
                .into(),
            ),
            Loc::default(),
        );
        assert_eq!(a.match_key().as_deref(), Some("x-{input:name}"));
        assert_eq!(s("Abc").match_key().as_deref(), Some("abc"));
        assert_eq!(Value::opaque("why", Loc::default()).match_key(), None);
    }

    #[test]
    fn bools_coerce_from_strings() {
        assert_eq!(s("True").as_bool(), Some(true));
        assert_eq!(s("no").as_bool(), None);
    }
}

/// Value-level operations both loaders' evaluators share.
pub mod ops {
    use super::*;

    /// Strings built by expressions longer than this (bytes) are not kept, nor
    /// templates with more parts: a chain of variables that each double the
    /// last would otherwise exhaust memory.
    pub const MAX_STRING: usize = 4 << 20;
    pub const MAX_PARTS: usize = 4096;
    /// Collections with more items and members in all are not followed.
    pub const MAX_ITEMS: usize = 100_000;

    /// A string (or template) from parts; adjacent literals merge. Too long
    /// a result is opaque rather than kept.
    pub fn from_parts(parts: Vec<Part>, loc: Loc, via: Vec<Step>) -> Value {
        let size: usize = parts
            .iter()
            .map(|p| match p {
                Part::Lit(s) => s.len(),
                Part::Hole(_) => 0,
            })
            .sum();
        let too_long = || Value {
            via: via.clone(),
            ..Value::opaque("a string too long to follow", loc)
        };
        if size > MAX_STRING || parts.len() > MAX_PARTS * 2 {
            return too_long();
        }
        let mut out: Vec<Part> = Vec::with_capacity(parts.len());
        for p in parts {
            match (out.last_mut(), p) {
                (Some(Part::Lit(a)), Part::Lit(b)) => a.push_str(&b),
                (_, Part::Lit(b)) if b.is_empty() => {}
                (_, p) => out.push(p),
            }
        }
        if out.len() > MAX_PARTS {
            return too_long();
        }
        let kind = match out.as_slice() {
            [] => Kind::String(String::new()),
            [Part::Lit(s)] => Kind::String(s.clone()),
            _ => Kind::Template(out.into()),
        };
        Value { kind, loc, via }
    }

    /// The number of array items and object members in `v`, all levels, when
    /// it is at most `budget`; counting stops there. Values are shared rather
    /// than copied, so a few doublings make a tree too large to walk.
    pub fn size_within(v: &Value, budget: usize) -> Option<usize> {
        fn walk(v: &Value, left: &mut usize) -> bool {
            let children: Box<dyn Iterator<Item = &Value>> = match &v.kind {
                Kind::Array(items) => Box::new(items.iter()),
                Kind::Object(entries) => Box::new(entries.iter().map(|e| &e.value)),
                _ => return true,
            };
            for c in children {
                if *left == 0 {
                    return false;
                }
                *left -= 1;
                if !walk(c, left) {
                    return false;
                }
            }
            true
        }
        let mut left = budget;
        walk(v, &mut left).then(|| budget - left)
    }

    /// `v`, or an opaque value in its place when it is too large to follow.
    pub fn bounded(v: Value) -> Value {
        if size_within(&v, MAX_ITEMS).is_none() {
            Value {
                via: v.via,
                ..Value::opaque("a value too large to follow", v.loc)
            }
        } else {
            v
        }
    }

    /// Parts of a scalar for string building (`true` as `bool_text` gives);
    /// `None` for arrays and objects.
    pub fn parts_of(v: &Value, bool_text: (&str, &str)) -> Option<Vec<Part>> {
        match &v.kind {
            Kind::Number(n) => Some(vec![Part::Lit(format_number(*n))]),
            Kind::Bool(b) => Some(vec![Part::Lit(
                if *b { bool_text.0 } else { bool_text.1 }.into(),
            )]),
            Kind::Null => Some(vec![Part::Lit(String::new())]),
            _ => v.string_parts(),
        }
    }

    /// Compact JSON of a fully known value, or `None` when it has unknown
    /// parts or its text would pass `MAX_STRING` (lists share their items,
    /// so a few hundred items can stand for gigabytes of text).
    pub fn to_json(v: &Value) -> Option<String> {
        json_size_within(v, MAX_STRING)?;
        json_text(v)
    }

    /// About how long the JSON text of `v` is (strings counted unescaped,
    /// unknown parts as nothing), when at most `budget`; the walk stops as
    /// soon as it passes, so lists that share items cost no more than that.
    pub fn json_size_within(v: &Value, budget: usize) -> Option<usize> {
        fn walk(v: &Value, left: &mut usize) -> bool {
            let own = match &v.kind {
                Kind::Null | Kind::Bool(_) => 5,
                Kind::Number(_) => 24,
                Kind::String(s) => s.len() + 2,
                // Known text only: the holes' length is not known.
                Kind::Template(parts) => {
                    2 + parts
                        .iter()
                        .map(|p| match p {
                            Part::Lit(t) => t.len(),
                            Part::Hole(_) => 0,
                        })
                        .sum::<usize>()
                }
                Kind::Array(items) => {
                    return take(left, 2 + items.len()) && items.iter().all(|i| walk(i, left))
                }
                Kind::Object(entries) => {
                    return take(left, 2 + entries.len())
                        && entries
                            .iter()
                            .all(|e| take(left, e.key.len() + 3) && walk(&e.value, left))
                }
                _ => 0,
            };
            take(left, own)
        }
        fn take(left: &mut usize, n: usize) -> bool {
            match left.checked_sub(n) {
                Some(l) => {
                    *left = l;
                    true
                }
                None => false,
            }
        }
        let mut left = budget;
        walk(v, &mut left).then(|| budget - left)
    }

    fn json_text(v: &Value) -> Option<String> {
        Some(match &v.kind {
            Kind::Null => "null".into(),
            Kind::Bool(b) => b.to_string(),
            Kind::Number(n) => format_number(*n),
            Kind::String(s) => serde_json::to_string(s).ok()?,
            Kind::Array(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(json_text)
                    .collect::<Option<Vec<_>>>()?
                    .join(",")
            ),
            Kind::Object(entries) => format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|e| Some(format!(
                        "{}:{}",
                        serde_json::to_string(&e.key).ok()?,
                        json_text(&e.value)?
                    )))
                    .collect::<Option<Vec<_>>>()?
                    .join(",")
            ),
            _ => return None,
        })
    }

    /// A JSON document as a value, taken literally. Each node is located at
    /// its own span in `file`, or at `at` when the JSON has no place in a
    /// file (the text of a `json()`/`jsondecode()` call).
    pub fn from_json(j: &crate::source::jsonc::Json, file: Option<FileId>, at: Loc) -> Value {
        use crate::source::jsonc::JsonKind as J;
        let loc = |span| file.map_or(at, |f| Loc::new(f, span));
        let here = loc(j.span);
        match &j.kind {
            J::Null => Value::new(Kind::Null, here),
            J::Bool(b) => Value::new(Kind::Bool(*b), here),
            J::Number(n) => Value::new(Kind::Number(*n), here),
            J::String(s) => Value::string(s.clone(), here),
            J::Array(items) => {
                Value::array(items.iter().map(|i| from_json(i, file, at)).collect(), here)
            }
            J::Object(members) => Value::object(
                members
                    .iter()
                    .map(|m| Entry {
                        key: m.key.clone(),
                        key_loc: loc(m.key_span),
                        value: from_json(&m.value, file, at),
                    })
                    .collect(),
                here,
            ),
        }
    }

    /// JSON of a value whose unknown parts stay holes: `{"cmd":"sh x ` +
    /// hole + `"}`. What a secret is made of survives encoding.
    pub fn to_json_parts(v: &Value) -> Vec<Part> {
        fn go(v: &Value, out: &mut Vec<Part>) {
            match &v.kind {
                Kind::Template(parts) => {
                    out.push(Part::Lit("\"".into()));
                    for p in parts.iter() {
                        match p {
                            Part::Lit(s) => {
                                let q = serde_json::to_string(s).unwrap_or_default();
                                out.push(Part::Lit(q[1..q.len().saturating_sub(1)].to_string()));
                            }
                            h => out.push(h.clone()),
                        }
                    }
                    out.push(Part::Lit("\"".into()));
                }
                Kind::Unknown(u) => out.push(Part::Hole((**u).clone())),
                Kind::Array(items) => {
                    out.push(Part::Lit("[".into()));
                    for (i, it) in items.iter().enumerate() {
                        if i > 0 {
                            out.push(Part::Lit(",".into()));
                        }
                        go(it, out);
                    }
                    out.push(Part::Lit("]".into()));
                }
                Kind::Object(entries) => {
                    out.push(Part::Lit("{".into()));
                    for (i, e) in entries.iter().enumerate() {
                        if i > 0 {
                            out.push(Part::Lit(",".into()));
                        }
                        out.push(Part::Lit(format!(
                            "{}:",
                            serde_json::to_string(&e.key).unwrap_or_default()
                        )));
                        go(&e.value, out);
                    }
                    out.push(Part::Lit("}".into()));
                }
                _ => out.push(Part::Lit(to_json(v).unwrap_or_default())),
            }
        }
        let mut out = Vec::new();
        go(v, &mut out);
        out
    }

    /// Structural, type-sensitive equality of known values; `None` when it
    /// depends on something not known. Object member names compare ignoring case.
    pub fn equal(x: &Value, y: &Value) -> Option<bool> {
        Some(match (&x.kind, &y.kind) {
            (Kind::Unknown(_), _)
            | (_, Kind::Unknown(_))
            | (Kind::Template(_), _)
            | (_, Kind::Template(_)) => return None,
            (Kind::Number(a), Kind::Number(b)) => a == b,
            (Kind::String(a), Kind::String(b)) => a == b,
            (Kind::Bool(a), Kind::Bool(b)) => a == b,
            (Kind::Null, Kind::Null) => true,
            (Kind::Array(a), Kind::Array(b)) => {
                if a.len() != b.len() {
                    return Some(false);
                }
                let mut all = true;
                for (p, q) in a.iter().zip(b.iter()) {
                    match equal(p, q) {
                        Some(true) => {}
                        Some(false) => return Some(false),
                        None => all = false,
                    }
                }
                if !all {
                    return None;
                }
                true
            }
            (Kind::Object(a), Kind::Object(b)) => {
                if a.len() != b.len() {
                    return Some(false);
                }
                let mut all = true;
                for e in a.iter() {
                    match y.get(&e.key).map(|v| equal(&e.value, v)) {
                        None | Some(Some(false)) => return Some(false),
                        Some(Some(true)) => {}
                        Some(None) => all = false,
                    }
                }
                if !all {
                    return None;
                }
                true
            }
            _ => false,
        })
    }

    /// The member `name` of the object `container`, whose value is `v`: the
    /// container's provenance comes first (once). A secure object's member
    /// named as no secret (`vmSpec.adminUsername`: see
    /// `secrets::member_names_no_secret`) does not become secure by it,
    /// whether the object's value is a default or given: what holds for an
    /// unknown input's member holds for a known one.
    pub fn member_value(v: &Value, container: &Value, name: &str) -> Value {
        let mut out = v.clone();
        for s in container.via.iter().rev() {
            if !out.via.contains(s) {
                out.via.insert(0, s.clone());
            }
        }
        if container.via.iter().any(|s| s.secure)
            && crate::model::secrets::member_names_no_secret(name)
        {
            for s in out
                .via
                .iter_mut()
                .filter(|s| s.secure && !v.via.contains(s))
            {
                s.secure = false;
            }
        }
        out
    }

    /// `.name` of a value. Objects give their member (carrying the object's
    /// provenance); unknowns stay unknown of the same kind where that still
    /// means something (an input's field is still that input, a secret's
    /// field still a secret); `extend` maps typed attribute references.
    pub fn member(
        b: &Value,
        name: &str,
        loc: Loc,
        extend: &dyn Fn(&SymRef, &str) -> SymRef,
    ) -> Value {
        match &b.kind {
            Kind::Object(_) => match b.entry(name) {
                Some(e) => member_value(&e.value, b, name),
                None => {
                    // Absent from an input's object: the failure came through the input.
                    let mut f = Value::failed(format!("no attribute `{name}`"), loc);
                    f.via = b.via.clone();
                    f
                }
            },
            Kind::Unknown(u) => {
                let v = match &**u {
                    Unknown::Attribute(r) => Unknown::Attribute(extend(r, name)),
                    Unknown::Input { name: n, secure } => Unknown::Input {
                        name: format!("{n}.{name}"),
                        secure: *secure,
                    },
                    Unknown::ServiceSecret { .. }
                    | Unknown::KeyVault { .. }
                    | Unknown::Generated { .. } => (**u).clone(),
                    _ => Unknown::Opaque {
                        reason: unknown_member_reason(name),
                    },
                };
                Value {
                    kind: Kind::Unknown(Arc::new(v)),
                    loc,
                    via: b.via.clone(),
                }
            }
            Kind::Null => Value::failed(format!("attribute `{name}` of null"), loc),
            _ => Value::failed(
                format!("attribute `{name}` of a value that is not an object"),
                loc,
            ),
        }
    }

    /// Why a member of an unknown value is unknown; the member's name stays
    /// readable by `unknown_member_name`, which judges a value by what it is
    /// called (`settings.administrator_login` is a login name).
    pub fn unknown_member_reason(name: &str) -> String {
        format!("attribute `{name}` of an unknown value")
    }

    /// The member name in an `unknown_member_reason`.
    pub fn unknown_member_name(reason: &str) -> Option<&str> {
        reason
            .strip_prefix("attribute `")?
            .strip_suffix("` of an unknown value")
    }

    /// `[i]` of a value.
    pub fn index(
        b: &Value,
        i: &Value,
        loc: Loc,
        extend: &dyn Fn(&SymRef, &str) -> SymRef,
    ) -> Value {
        match (&b.kind, &i.kind) {
            (Kind::Array(items), _) => match i.as_number() {
                Some(n) if n >= 0.0 && (n as usize) < items.len() => {
                    let mut v = items[n as usize].clone();
                    v.via.splice(0..0, b.via.iter().cloned());
                    v
                }
                Some(_) => Value::failed("index out of range", loc),
                None => Value::opaque("index that is not known", loc),
            },
            (Kind::Object(_) | Kind::Unknown(_), Kind::String(k)) => member(b, k, loc, extend),
            (Kind::Unknown(u), Kind::Number(n)) => match &**u {
                Unknown::Attribute(_) => member(b, &format_number(*n), loc, extend),
                _ => keep_secret(u, loc, &b.via),
            },
            (Kind::Unknown(u), _) => keep_secret(u, loc, &b.via),
            _ => Value::opaque("index into a value that is not known", loc),
        }
    }

    fn keep_secret(u: &Unknown, loc: Loc, via: &[Step]) -> Value {
        let kind = match u {
            Unknown::ServiceSecret { .. }
            | Unknown::KeyVault { .. }
            | Unknown::Generated { .. } => Kind::Unknown(Arc::new(u.clone())),
            Unknown::Input { name, secure } => Kind::Unknown(Arc::new(Unknown::Input {
                name: format!("{name}[]"),
                secure: *secure,
            })),
            _ => Kind::Unknown(Arc::new(Unknown::Opaque {
                reason: "element of an unknown value".into(),
            })),
        };
        Value {
            kind,
            loc,
            via: via.to_vec(),
        }
    }
}
