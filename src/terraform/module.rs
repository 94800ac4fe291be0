//! A Terraform module is a directory: its `.tf` files evaluated together with
//! variables (defaults, tfvars, caller arguments), locals, data sources and
//! local child modules, into the model.

use super::azurerm;
use super::eval::{self, Env, Scope};
use super::parse::{top_blocks, RawAttr, RawBlock, Src, TfFile};
use crate::model::identity::{Identity, IdentityRef};
use crate::model::ids;
use crate::model::rbac::builtin_by_name;
use crate::model::value::ops::{self, from_parts};
use crate::model::value::FileId;
use crate::model::value::{
    ContextValue, Entry, Kind, Loc, Part, ResourceRef, Step, StepKind, SymRef, Unknown, Value,
};
use crate::model::{
    ConfigBlock, InstanceKey, InstanceOf, Lifecycle, LoadError, Output, Parameter, Resource,
};
use crate::source::roots::Roots;
use crate::source::SourceFile;
use hcl_edit::expr::{Expression, TraversalOperator};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// How deep local module calls may nest before idlint stops following them.
pub const MAX_MODULE_DEPTH: usize = 16;

/// Instances of one `count`/`for_each` block that are unrolled: ARM `copy`'s
/// bound, so that a rule about parallel copies sees both formats alike. Past
/// it the block is one resource standing for all of them.
pub const MAX_INSTANCES: usize = crate::template::eval::MAX_UNROLL;

/// Resources a module tree may hold and still unroll another block (ARM's
/// budget): each instance evaluates the whole block again.
const UNROLL_BUDGET: usize = 512;

/// The iteration of a resource block: the variables an instance binds, and
/// which instance of how many it is (`None` without `count`/`for_each`).
type Iteration = (Env, Option<InstanceOf>);

/// The `.tf` files of one directory.
pub struct ParsedModule {
    pub dir: PathBuf,
    pub files: Vec<TfFile>,
}

/// A child module directory's files, read once and parsed again when its
/// syntax trees were let go.
pub struct ModuleSources {
    pub dir: PathBuf,
    pub files: Vec<(Arc<SourceFile>, FileId)>,
}

/// Source bytes of child modules whose syntax trees stay parsed between
/// calls. `hcl-edit` syntax trees take about thirty times their source, so
/// keeping every child of a large tree (the `terraform-azurerm-caf` root
/// calls 359 module directories, 1 MB of `.tf`) parsed cost 45 MiB. Past
/// this, the least recently used ones are dropped and parsed again if called
/// again; most modules are called once, so that is rare.
const PARSED_CHILD_BYTES: usize = 256 << 10;

/// Parsed child modules, most recently used last.
#[derive(Default)]
pub struct ModuleCache {
    parsed: Vec<(Rc<ParsedModule>, usize)>,
    bytes: usize,
}

impl ModuleCache {
    fn get(&mut self, dir: &Path) -> Option<Rc<ParsedModule>> {
        let i = self.parsed.iter().position(|(m, _)| m.dir == dir)?;
        let entry = self.parsed.remove(i);
        let m = entry.0.clone();
        self.parsed.push(entry);
        Some(m)
    }

    /// Keeps `m`, dropping the least recently used others past the budget.
    pub fn put(&mut self, m: Rc<ParsedModule>) {
        let size = m.files.iter().map(|f| f.src.text.len()).sum();
        self.bytes += size;
        self.parsed.push((m, size));
        while self.bytes > PARSED_CHILD_BYTES && self.parsed.len() > 1 {
            let (_, size) = self.parsed.remove(0);
            self.bytes -= size;
        }
    }
}

/// Parses a child module's files again (only those that parsed before).
pub fn parse_sources(m: &ModuleSources) -> ParsedModule {
    ParsedModule {
        dir: m.dir.clone(),
        files: m
            .files
            .iter()
            .filter_map(|(src, id)| super::parse_file(src.clone(), *id).ok())
            .collect(),
    }
}

/// What loading a module tree produces, before it becomes a `Unit`.
#[derive(Default)]
pub struct Loaded {
    pub resources: Vec<Resource>,
    pub parameters: Vec<Parameter>,
    pub outputs: Vec<Output>,
    pub configs: Vec<ConfigBlock>,
    pub errors: Vec<LoadError>,
    /// Directories loaded as children of another module.
    pub child_dirs: Vec<PathBuf>,
}

/// Shared by every module instance of one tree.
pub struct Tree<'a> {
    root: &'a ParsedModule,
    children: &'a [ModuleSources],
    cache: RefCell<ModuleCache>,
    /// `.terraform/modules/modules.json` of the root: module key → directory.
    pub installed: HashMap<String, PathBuf>,
    out: RefCell<Loaded>,
    stack: RefCell<Vec<PathBuf>>,
    roots: &'a Roots,
}

impl<'a> Tree<'a> {
    pub fn new(
        root: &'a ParsedModule,
        children: &'a [ModuleSources],
        cache: ModuleCache,
        installed: HashMap<String, PathBuf>,
        roots: &'a Roots,
    ) -> Tree<'a> {
        Tree {
            root,
            children,
            cache: RefCell::new(cache),
            installed,
            out: RefCell::new(Loaded::default()),
            stack: RefCell::new(Vec::new()),
            roots,
        }
    }

    /// Loads the root module with the given variable values.
    pub fn load_root(self, given: HashMap<String, Value>) -> Loaded {
        self.stack.borrow_mut().push(self.root.dir.clone());
        let inst = Instance::new(
            &self,
            self.root,
            String::new(),
            String::new(),
            Vec::new(),
            given,
        );
        inst.load();
        drop(inst);
        self.out.into_inner()
    }

    /// A child module, parsed again if its syntax trees were let go.
    fn module_at(&self, dir: &Path) -> Option<Rc<ParsedModule>> {
        if let Some(m) = self.cache.borrow_mut().get(dir) {
            return Some(m);
        }
        let sources = self.children.iter().find(|m| m.dir == dir)?;
        let m = Rc::new(parse_sources(sources));
        self.cache.borrow_mut().put(m.clone());
        Some(m)
    }

    fn error(&self, loc: Loc, message: String) {
        self.out
            .borrow_mut()
            .errors
            .push(LoadError { loc, message });
    }
}

/// Resolves a module `source` to a directory: local paths relative to the
/// calling module, registry or git sources through `.terraform/modules`.
pub fn resolve_source(
    caller_dir: &Path,
    source: &str,
    key: &str,
    installed: &HashMap<String, PathBuf>,
) -> Option<PathBuf> {
    if source.starts_with("./") || source.starts_with("../") {
        return Some(crate::source::normalize(&caller_dir.join(source)));
    }
    installed.get(key).cloned()
}

enum Slot {
    InProgress,
    Done(Value),
}

/// A child module's outputs by name (the first of a repeated name).
type Outputs = Rc<HashMap<String, Value>>;

enum Child {
    InProgress,
    Done(Outputs),
    Unavailable,
}

/// One instance of a module: its blocks and the values its inputs take.
struct Instance<'t, 'a> {
    tree: &'t Tree<'a>,
    module: &'a ParsedModule,
    /// Address prefix (`module.app.`) and module key for `.terraform/modules` (`app`).
    prefix: String,
    key: String,
    via: Vec<Step>,
    blocks: Vec<RawBlock<'a>>,
    given: HashMap<String, Value>,
    var_cache: RefCell<HashMap<String, Value>>,
    local_slots: RefCell<HashMap<String, Slot>>,
    children: RefCell<HashMap<String, Child>>,
    /// `TYPE.NAME` → canonical type, for references.
    types: HashMap<(String, String), String>,
    /// Blocks and locals by name (the first of a repeated name), so that a
    /// module with 80,000 locals does not scan them all for each one.
    index: Index<'a>,
    /// Locals and variables being evaluated inside each other: a long chain
    /// is cut before it can overflow the stack.
    depth: std::cell::Cell<usize>,
    /// The `count`/`for_each` of the module call that made this instance
    /// (or of an enclosing call), and how many instances it makes when
    /// that is known to be one or more: the module is loaded once, and
    /// each resource it declares stands for one per call instance.
    loop_of: Option<(Loc, Option<usize>)>,
}

/// How deep locals and variables may refer to each other before idlint stops following.
const MAX_EVAL_DEPTH: usize = 128;

/// Positions in `Instance::blocks` by name.
#[derive(Default)]
struct Index<'a> {
    variables: HashMap<&'a str, usize>,
    modules: HashMap<&'a str, usize>,
    data: HashMap<(&'a str, &'a str), usize>,
    /// Local name → (block, attribute).
    locals: HashMap<&'a str, (usize, usize)>,
}

impl<'a> Index<'a> {
    fn new(blocks: &[RawBlock<'a>]) -> Index<'a> {
        let mut ix = Index::default();
        for (i, b) in blocks.iter().enumerate() {
            match b.kind {
                "variable" => {
                    ix.variables.entry(b.label(0)).or_insert(i);
                }
                "module" => {
                    ix.modules.entry(b.label(0)).or_insert(i);
                }
                "data" => {
                    ix.data.entry((b.label(0), b.label(1))).or_insert(i);
                }
                "locals" => {
                    for (j, a) in b.attrs.iter().enumerate() {
                        ix.locals.entry(a.name).or_insert((i, j));
                    }
                }
                _ => {}
            }
        }
        ix
    }
}

impl<'t, 'a> Instance<'t, 'a> {
    fn new(
        tree: &'t Tree<'a>,
        module: &'a ParsedModule,
        prefix: String,
        key: String,
        via: Vec<Step>,
        given: HashMap<String, Value>,
    ) -> Instance<'t, 'a> {
        let blocks: Vec<RawBlock<'a>> = module.files.iter().flat_map(top_blocks).collect();
        let mut types = HashMap::new();
        for b in blocks
            .iter()
            .filter(|b| b.kind == "resource" || b.kind == "data")
        {
            let (ty, name) = (b.label(0), b.label(1));
            let canonical = if ty.starts_with("azapi_") {
                b.attr("type")
                    .and_then(|a| match a.expr {
                        Src::Hcl(Expression::String(s)) => Some(s.value().clone()),
                        Src::Json(j) => j.as_str().map(String::from),
                        _ => None,
                    })
                    .map(|t| t.split('@').next().unwrap_or_default().to_string())
            } else {
                azurerm::canonical_type(ty).map(String::from)
            };
            let key = if b.kind == "data" {
                format!("data.{ty}")
            } else {
                ty.to_string()
            };
            types.insert(
                (key, name.to_string()),
                canonical.unwrap_or_else(|| ty.to_string()),
            );
        }
        let index = Index::new(&blocks);
        Instance {
            tree,
            module,
            prefix,
            key,
            via,
            index,
            blocks,
            given,
            var_cache: RefCell::new(HashMap::new()),
            local_slots: RefCell::new(HashMap::new()),
            children: RefCell::new(HashMap::new()),
            types,
            depth: std::cell::Cell::new(0),
            loop_of: None,
        }
    }

    fn eval(&self, a: &RawAttr, env: &Env) -> Value {
        eval::settle(self, eval::eval(self, a.expr, a.file, env))
    }

    fn blocks_of(&self, kind: &'static str) -> impl Iterator<Item = &RawBlock<'a>> {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }

    fn variable_block(&self, name: &str) -> Option<&RawBlock<'a>> {
        crate::probes::add(1);
        self.index.variables.get(name).map(|&i| &self.blocks[i])
    }

    fn sensitive(b: &RawBlock) -> bool {
        matches!(b.attr("sensitive").map(|a| a.expr), Some(Src::Hcl(Expression::Bool(v))) if *v.value())
            || matches!(b.attr("sensitive").map(|a| a.expr), Some(Src::Json(j)) if matches!(j.kind, crate::source::jsonc::JsonKind::Bool(true)))
    }

    /// Everything the module declares, into the tree's output.
    fn load(&self) {
        let env = Env::default();
        for b in self.blocks_of("resource") {
            for (env, instance) in self.instances(b) {
                if let Some(mut r) = self.resource(b, &env) {
                    if let Some((key, of)) = instance {
                        r.lifecycle.instance = Some(key);
                        r.lifecycle.instances = of;
                    } else if let Some((l, n)) = self.loop_of {
                        r.lifecycle.replicated = Some(l);
                        r.lifecycle.instance = Some(InstanceKey::Unknown);
                        r.lifecycle.instances = n;
                    }
                    self.tree.out.borrow_mut().resources.push(r);
                }
            }
        }
        let uses = variable_uses(&self.blocks);
        for b in self.blocks_of("variable") {
            let secure = Self::sensitive(b);
            let default = b.attr("default").map(|a| Entry {
                key: "default".into(),
                key_loc: a.key_loc,
                value: self.eval(a, &env),
            });
            let given = self.given.get(b.label(0)).cloned();
            let ty = b.attr("type").map(|a| type_text(a));
            self.tree.out.borrow_mut().parameters.push(Parameter {
                name: b.label(0).to_string(),
                loc: b.header,
                ty,
                secure,
                default,
                given,
                noun: "variable",
                declared: true,
                securable: true,
                enumerated: false,
                via: self.via.clone(),
                members_read: uses
                    .as_ref()
                    .and_then(|u| u.get(b.label(0)))
                    .and_then(|u| u.clone())
                    .unwrap_or_default(),
                unread: uses.as_ref().is_some_and(|u| !u.contains_key(b.label(0))),
            });
        }
        for b in self.blocks_of("output") {
            let value = b.attr("value").map(|a| Entry {
                key: "value".into(),
                key_loc: a.key_loc,
                value: self.eval(a, &env),
            });
            let secure = Self::sensitive(b);
            let nonsensitive = b.attr("value").and_then(|a| match a.expr {
                Src::Hcl(Expression::FuncCall(f)) if f.name.name.as_str() == "nonsensitive" => {
                    Some(a.key_loc)
                }
                _ => None,
            });
            self.tree.out.borrow_mut().outputs.push(Output {
                name: b.label(0).to_string(),
                loc: b.header,
                ty: None,
                secure,
                nonsensitive,
                guarded: true,
                value,
                via: self.via.clone(),
            });
        }
        for b in self.blocks_of("provider") {
            let body = self.block_value(b, &env);
            self.config("provider", b, body);
        }
        for t in self.blocks_of("terraform") {
            for b in t.blocks_of("backend") {
                let body = self.block_value(b, &env);
                self.config("backend", b, body);
            }
        }
        let calls: Vec<&str> = self.blocks_of("module").map(|b| b.label(0)).collect();
        for c in calls {
            self.child(c);
        }
        // Locals nobody uses are still evaluated, so their errors show.
        for b in self.blocks_of("locals") {
            for a in &b.attrs {
                let _ = self.local(a.name, a.key_loc);
            }
        }
    }

    /// The instances a resource block makes, as ARM unrolls `copy`: one per
    /// `count` index or `for_each` element with `count.index`, `each.key`
    /// and `each.value` bound, when the collection is known and holds 1 to
    /// `MAX_INSTANCES`. Otherwise one instance with nothing bound stands for
    /// all (an empty collection too: a module's caller may give more, and
    /// the declaration is still judged as before).
    fn instances(&self, b: &RawBlock<'a>) -> Vec<Iteration> {
        let env = Env::default();
        let one = |key: InstanceKey, of: Option<usize>| vec![(env.clone(), Some((key, of)))];
        let room = |n: usize| self.tree.out.borrow().resources.len() + n <= UNROLL_BUDGET;
        if let Some(a) = b.attr("count") {
            let v = self.eval(a, &env);
            let n = match v.as_number() {
                Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 1e9 => n as usize,
                _ => return one(InstanceKey::Unknown, None),
            };
            if n == 0 || n > MAX_INSTANCES || !room(n) {
                return one(InstanceKey::Unknown, Some(n));
            }
            return (0..n)
                .map(|i| {
                    let count = Value::object(
                        vec![Entry {
                            key: "index".into(),
                            key_loc: a.key_loc,
                            value: Value::new(Kind::Number(i as f64), a.key_loc),
                        }],
                        a.key_loc,
                    );
                    (
                        env.with("count", count),
                        Some((InstanceKey::Index(i), Some(n))),
                    )
                })
                .collect();
        }
        let Some(a) = b.attr("for_each") else {
            return vec![(env, None)];
        };
        let v = self.eval(a, &env);
        // Elements by key, the last of a repeated key winning (a map's
        // semantics; a set's repeats are one element).
        let mut elems: Vec<(String, Value)> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut put = |k: &str, v: &Value| match at.get(k) {
            Some(&i) => elems[i].1 = v.clone(),
            None => {
                at.insert(k.to_string(), elems.len());
                elems.push((k.to_string(), v.clone()));
            }
        };
        match &v.kind {
            Kind::Object(entries) if entries.len() <= ops::MAX_ITEMS => {
                for e in entries.iter() {
                    put(&e.key, &e.value);
                }
            }
            Kind::Array(items) if items.len() <= ops::MAX_ITEMS => {
                for it in items.iter() {
                    match it.as_str() {
                        Some(k) => put(k, it),
                        None => return one(InstanceKey::Unknown, None),
                    }
                }
            }
            _ => return one(InstanceKey::Unknown, None),
        }
        let n = elems.len();
        if n == 0 || n > MAX_INSTANCES || !room(n) {
            return one(InstanceKey::Unknown, Some(n));
        }
        elems
            .into_iter()
            .map(|(k, value)| {
                let each = Value::object(
                    vec![
                        Entry {
                            key: "key".into(),
                            key_loc: a.key_loc,
                            value: Value::string(k.clone(), a.key_loc),
                        },
                        Entry {
                            key: "value".into(),
                            key_loc: a.key_loc,
                            value,
                        },
                    ],
                    a.key_loc,
                );
                (env.with("each", each), Some((InstanceKey::Key(k), Some(n))))
            })
            .collect()
    }

    fn config(&self, kind: &'static str, b: &RawBlock<'a>, body: Value) {
        self.tree.out.borrow_mut().configs.push(ConfigBlock {
            kind,
            name: b.label(0).to_string(),
            loc: b.header,
            body,
            via: self.via.clone(),
        });
    }

    /// The outputs of child module `call`, loading it on first use.
    fn child(&self, call: &str) -> Option<Outputs> {
        match self.children.borrow().get(call) {
            Some(Child::Done(o)) => return Some(o.clone()),
            Some(Child::InProgress) | Some(Child::Unavailable) => return None,
            None => {}
        }
        self.children
            .borrow_mut()
            .insert(call.to_string(), Child::InProgress);
        let result = self.load_child(call);
        let state = match &result {
            Some(o) => Child::Done(o.clone()),
            None => Child::Unavailable,
        };
        self.children.borrow_mut().insert(call.to_string(), state);
        result
    }

    fn load_child(&self, call: &str) -> Option<Outputs> {
        let block = &self.blocks[*self.index.modules.get(call)?];
        let env = Env::default();
        let source = block.attr("source").map(|a| self.eval(a, &env))?;
        let source = source.as_str()?.to_string();
        let key = if self.key.is_empty() {
            call.to_string()
        } else {
            format!("{}.{call}", self.key)
        };
        let dir = resolve_source(&self.module.dir, &source, &key, &self.tree.installed)?;
        if self.tree.stack.borrow().contains(&dir) {
            self.tree.error(
                block.header,
                format!("module `{call}` calls itself through `{source}`; not followed again"),
            );
            return None;
        }
        let module = self.tree.module_at(&dir)?;
        let module: &ParsedModule = &module;
        if self.tree.stack.borrow().len() > MAX_MODULE_DEPTH {
            self.tree.error(
                block.header,
                format!(
                    "module `{call}` nests deeper than {MAX_MODULE_DEPTH} modules; not followed"
                ),
            );
            return None;
        }
        let mut via = self.via.clone();
        via.push(Step {
            kind: StepKind::Nested,
            name: format!("module.{call}"),
            loc: block.header,
            secure: false,
            noun: crate::model::MODULE_CALL,
        });
        // Names of the child's sensitive variables (any declaration of the name).
        let sensitive_vars: std::collections::HashSet<&str> = module
            .files
            .iter()
            .flat_map(top_blocks)
            .filter(|b| b.kind == "variable" && Self::sensitive(b))
            .map(|b| b.label(0))
            .collect();
        let mut given = HashMap::new();
        for a in &block.attrs {
            if matches!(
                a.name,
                "source" | "version" | "count" | "for_each" | "providers" | "depends_on"
            ) {
                continue;
            }
            let secure = sensitive_vars.contains(a.name);
            let v = self.eval(a, &env).through(Step {
                kind: StepKind::ModuleInput,
                name: a.name.to_string(),
                loc: a.key_loc,
                secure,
                noun: "module",
            });
            given.insert(a.name.to_string(), v);
        }
        self.tree.stack.borrow_mut().push(dir.clone());
        self.tree.out.borrow_mut().child_dirs.push(dir.clone());
        // A call with `count`/`for_each` makes its resources once per
        // instance; how many is kept only when known to be one or more (an
        // empty default a caller fills is no proof that nothing deploys).
        let loop_of = match block.attr("count").or_else(|| block.attr("for_each")) {
            Some(a) => {
                let n = self
                    .instances(block)
                    .first()
                    .and_then(|(_, i)| i.as_ref().and_then(|(_, n)| *n))
                    .filter(|&n| n > 0);
                Some((a.key_loc, n))
            }
            None => self.loop_of,
        };
        let mut inst = Instance::new(
            self.tree,
            module,
            format!("{}module.{call}.", self.prefix),
            key,
            via,
            given,
        );
        inst.loop_of = loop_of;
        inst.load();
        let mut outputs = HashMap::new();
        for b in inst.blocks_of("output") {
            if outputs.contains_key(b.label(0)) {
                continue;
            }
            if let Some(a) = b.attr("value") {
                outputs.insert(b.label(0).to_string(), inst.eval(a, &env));
            }
        }
        self.tree.stack.borrow_mut().pop();
        Some(Rc::new(outputs))
    }

    fn resource(&self, b: &RawBlock<'a>, env: &Env) -> Option<Resource> {
        let (tf_type, name) = (b.label(0), b.label(1));
        let address = format!("{}{tf_type}.{name}", self.prefix);
        let mut entries: Vec<Entry> = Vec::new();
        let mut lifecycle = Lifecycle::default();
        for a in &b.attrs {
            if matches!(a.name, "count" | "for_each") {
                lifecycle.replicated = Some(a.key_loc);
            }
            if matches!(a.name, "depends_on" | "provider" | "count" | "for_each") {
                continue;
            }
            entries.push(Entry {
                key: a.name.to_string(),
                key_loc: a.key_loc,
                value: self.eval(a, env),
            });
        }
        if let Some(l) = b.blocks_of("lifecycle").next() {
            if let Some(a) = l.attr("create_before_destroy") {
                if self.eval(a, env).as_bool() == Some(true) {
                    lifecycle.create_before_destroy = Some(a.key_loc);
                }
            }
            if let Some(a) = l.attr("replace_triggered_by") {
                lifecycle.replace_triggered_by = Some(a.key_loc);
            }
        }
        self.nested_blocks(b, env, &mut entries);
        let mut body = Value::object(entries, b.header);
        let (ty, body_ok) = if tf_type == "azapi_resource" || tf_type == "azapi_update_resource" {
            self.azapi(b, &mut body, env)
        } else {
            let ty = azurerm::canonical_type(tf_type)
                .unwrap_or(tf_type)
                .to_string();
            azurerm::map_body(tf_type, &mut body);
            (ty, true)
        };
        if !body_ok {
            return None;
        }
        // Read before `identity` takes its ARM shape, whose
        // `userAssignedIdentities` keys cannot hold the IDs' references.
        let identity = identity(&body);
        azurerm::map_identity(&mut body);
        let parent = azurerm::parent_attr(tf_type)
            .and_then(|p| body.get(p))
            .and_then(ids::parse_id)
            .and_then(|i| i.resource)
            .or_else(|| {
                (tf_type == "azapi_resource")
                    .then(|| {
                        body.get("parent_id")
                            .and_then(ids::parse_id)
                            .and_then(|i| i.resource)
                    })
                    .flatten()
            });
        let depends_on = b
            .attr("depends_on")
            .map(|a| self.depends_on(a))
            .unwrap_or_default();
        if let Some(n) = body.get("name") {
            let volatile = matches!(n.as_unknown(), Some(Unknown::Volatile { .. }))
                || matches!(&n.kind, Kind::Template(p) if p.iter().any(|x| matches!(x, Part::Hole(Unknown::Volatile { .. }))));
            if volatile {
                lifecycle.volatile_name = Some(n.loc);
            }
            if identity.is_some() {
                let slot = ty.eq_ignore_ascii_case("Microsoft.Web/sites/slots");
                lifecycle.release_name =
                    crate::model::lifecycle::release_input(n, slot, "variable", &|_| None)
                        .map(|i| (n.loc, i));
            }
        }
        Some(Resource {
            ty,
            source_type: tf_type.to_string(),
            key: address.clone(),
            label: address,
            name: body.get("name").cloned(),
            loc: b.header,
            body,
            spellings: azurerm::spellings(tf_type),
            identity,
            lifecycle,
            deploy_scope: None,
            parent,
            depends_on,
            implied_depends_on: Vec::new(),
            dependencies: crate::model::Dependencies::Inferred,
            via: self.via.clone(),
        })
    }

    /// Nested blocks as object entries (repeated blocks as an array);
    /// `dynamic` blocks by their content, evaluated once with an unknown element.
    fn nested_blocks(&self, b: &RawBlock<'a>, env: &Env, entries: &mut Vec<Entry>) {
        let mut grouped: Vec<(String, Loc, Vec<Value>)> = Vec::new();
        let mut group_of: HashMap<String, usize> = HashMap::new();
        for nb in &b.blocks {
            let (name, value) = match nb.kind {
                "lifecycle" | "provisioner" | "connection" => continue,
                "dynamic" => {
                    let label = nb.label(0);
                    let iterator = nb
                        .attr("iterator")
                        .and_then(|a| match a.expr {
                            Src::Hcl(Expression::Variable(v)) => Some(v.as_str().to_string()),
                            _ => None,
                        })
                        .unwrap_or_else(|| label.to_string());
                    let Some(content) = nb.blocks_of("content").next() else {
                        continue;
                    };
                    // A `for_each` not known to be non-empty may make no
                    // block (an empty default a caller may fill): the
                    // content's `via` says so, and rules judging what the
                    // block sets can leave it alone.
                    let each = nb.attr("for_each").map(|a| self.eval(a, env));
                    let filled = |v: &Value| match &v.kind {
                        Kind::Array(items) => !items.is_empty(),
                        Kind::Object(members) => !members.is_empty(),
                        _ => false,
                    };
                    let elem = Value::opaque("element of a `dynamic` block", nb.header);
                    let e = env.with(&iterator, elem);
                    let mut value = self.block_value(content, &e);
                    if !each.as_ref().is_some_and(filled) {
                        value.via.push(crate::model::Step {
                            kind: crate::model::StepKind::Nested,
                            name: label.to_string(),
                            loc: nb.header,
                            secure: false,
                            noun: crate::model::DYNAMIC_BLOCK,
                        });
                    }
                    (label.to_string(), value)
                }
                kind => (kind.to_string(), self.block_value(nb, env)),
            };
            crate::probes::add(1);
            match group_of.get(&name) {
                Some(&g) => grouped[g].2.push(value),
                None => {
                    group_of.insert(name.clone(), grouped.len());
                    grouped.push((name, nb.header, vec![value]));
                }
            }
        }
        for (name, loc, mut values) in grouped {
            let value = if values.len() == 1 {
                values.pop().unwrap_or_else(|| Value::new(Kind::Null, loc))
            } else {
                Value::array(values, loc)
            };
            entries.push(Entry {
                key: name,
                key_loc: loc,
                value,
            });
        }
    }

    fn block_value(&self, b: &RawBlock<'a>, env: &Env) -> Value {
        let mut entries: Vec<Entry> = b
            .attrs
            .iter()
            .map(|a| Entry {
                key: a.name.to_string(),
                key_loc: a.key_loc,
                value: self.eval(a, env),
            })
            .collect();
        self.nested_blocks(b, env, &mut entries);
        Value::object(entries, b.header)
    }

    /// azapi resources become ordinary ARM-typed resources: `type` gives the
    /// type, `body` the ARM properties, `parent_id` the parent or scope.
    fn azapi(&self, b: &RawBlock<'a>, body: &mut Value, env: &Env) -> (String, bool) {
        let Some(t) = body.get("type").and_then(Value::as_str).map(str::to_string) else {
            return (b.label(0).to_string(), true);
        };
        let ty = t.split('@').next().unwrap_or_default().to_string();
        let mut entries: Vec<Entry> = body.as_object().unwrap_or(&[]).to_vec();
        // `body = jsonencode({...})` (azapi 1.x) is read as the object it encodes.
        let arm_body = b.attr("body").map(|a| match a.expr {
            Src::Hcl(Expression::FuncCall(f))
                if f.name.name.as_str() == "jsonencode" && f.args.len() == 1 =>
            {
                f.args
                    .iter()
                    .next()
                    .map(|arg| eval::settle(self, eval::expr(self, arg, a.file, env)))
                    .unwrap_or_else(|| self.eval(a, env))
            }
            _ => self.eval(a, env),
        });
        if let Some(ab) = arm_body {
            // A body that is not known (`body = var.body`) hides its
            // properties: they are unknown, never absent.
            if !matches!(ab.kind, Kind::Object(_) | Kind::Null) {
                entries.retain(|x| !x.key.eq_ignore_ascii_case("properties"));
                entries.push(Entry {
                    key: "properties".into(),
                    key_loc: ab.loc,
                    value: ab.clone(),
                });
            }
            // Each body member replaces any member of the same name (ignoring
            // case) before it, the attributes' and earlier body members'.
            let ab = ab.as_object().unwrap_or(&[]);
            let last: HashMap<String, usize> = ab
                .iter()
                .enumerate()
                .map(|(i, e)| (e.key.to_ascii_lowercase(), i))
                .collect();
            entries.retain(|x| !last.contains_key(&x.key.to_ascii_lowercase()));
            entries.extend(
                ab.iter()
                    .enumerate()
                    .filter(|(i, e)| last.get(&e.key.to_ascii_lowercase()) == Some(i))
                    .map(|(_, e)| e.clone()),
            );
        }
        let extension = ty
            .to_ascii_lowercase()
            .starts_with("microsoft.authorization/");
        if extension {
            if let Some(p) = body.entry("parent_id") {
                entries.push(Entry {
                    key: "scope".into(),
                    key_loc: p.key_loc,
                    value: p.value.clone(),
                });
            }
        }
        *body = Value::object(entries, body.loc);
        (ty, true)
    }

    fn depends_on(&self, a: &RawAttr) -> Vec<String> {
        let Src::Hcl(Expression::Array(items)) = a.expr else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|e| match e {
                Expression::Traversal(t) => {
                    let Expression::Variable(root) = &t.expr else {
                        return None;
                    };
                    let names: Vec<&str> = t
                        .operators
                        .iter()
                        .filter_map(|o| match o.value() {
                            TraversalOperator::GetAttr(n) => Some(n.as_str()),
                            _ => None,
                        })
                        .collect();
                    Some(format!(
                        "{}{}.{}",
                        self.prefix,
                        root.as_str(),
                        names.join(".")
                    ))
                }
                _ => None,
            })
            .collect()
    }
}

fn type_text(a: &RawAttr) -> String {
    match a.expr {
        Src::Hcl(Expression::Variable(v)) => v.as_str().to_string(),
        Src::Hcl(Expression::FuncCall(f)) => f.name.name.as_str().to_string(),
        Src::Json(j) => j.as_str().unwrap_or("").to_string(),
        _ => "complex".into(),
    }
}

/// `identity { type, identity_ids }` → the model's identity.
fn identity(body: &Value) -> Option<Identity> {
    let e = body.entry("identity")?;
    let block = match &e.value.kind {
        Kind::Array(items) => items.first()?.clone(),
        _ => e.value.clone(),
    };
    let type_entry = block.entry("type");
    let loc = type_entry.map(|t| t.key_loc).unwrap_or(e.key_loc);
    let mut id = Identity::from_type(type_entry.map(|t| &t.value), loc);
    if let Some(ids_entry) = block.entry("identity_ids") {
        for v in ids_entry.value.as_array().unwrap_or(&[]) {
            id.user_assigned.push(IdentityRef {
                id: v.clone(),
                loc: v.loc,
                target: ids::parse_id(v).and_then(|i| i.resource),
            });
        }
    }
    Some(id)
}

fn step(kind: StepKind, name: &str, loc: Loc, secure: bool, noun: &'static str) -> Step {
    Step {
        kind,
        name: name.to_string(),
        loc,
        secure,
        noun,
    }
}

impl Scope for Instance<'_, '_> {
    fn var(&self, name: &str, loc: Loc) -> Value {
        if let Some(v) = self.var_cache.borrow().get(name) {
            return v.clone();
        }
        let Some(b) = self.variable_block(name) else {
            self.tree
                .error(loc, format!("variable `{name}` is not declared"));
            return Value::opaque(format!("undeclared variable `{name}`"), loc);
        };
        let secure = Self::sensitive(b);
        let v = if let Some(g) = self.given.get(name) {
            g.clone()
        } else if let Some(d) = b.attr("default") {
            self.eval(d, &Env::default()).through(step(
                StepKind::Default,
                name,
                b.header,
                secure,
                "variable",
            ))
        } else {
            Value::unknown(
                Unknown::Input {
                    name: name.to_string(),
                    secure,
                },
                b.header,
            )
        };
        self.var_cache
            .borrow_mut()
            .insert(name.to_string(), v.clone());
        v
    }

    fn local(&self, name: &str, loc: Loc) -> Value {
        match self.local_slots.borrow().get(name) {
            Some(Slot::Done(v)) => return v.clone(),
            Some(Slot::InProgress) => {
                self.tree
                    .error(loc, format!("local `{name}` refers to itself"));
                return Value::opaque(format!("local `{name}` refers to itself"), loc);
            }
            None => {}
        }
        crate::probes::add(1);
        let attr = self
            .index
            .locals
            .get(name)
            .map(|&(b, a)| &self.blocks[b].attrs[a]);
        let Some(attr) = attr else {
            self.tree
                .error(loc, format!("local `{name}` is not declared"));
            return Value::opaque(format!("undeclared local `{name}`"), loc);
        };
        if self.depth.get() >= MAX_EVAL_DEPTH {
            return Value::opaque("locals nested too deeply to follow", loc);
        }
        self.local_slots
            .borrow_mut()
            .insert(name.to_string(), Slot::InProgress);
        self.depth.set(self.depth.get() + 1);
        let v = self.eval(attr, &Env::default());
        self.depth.set(self.depth.get() - 1);
        let v = v.through(step(StepKind::Named, name, attr.key_loc, false, "local"));
        self.local_slots
            .borrow_mut()
            .insert(name.to_string(), Slot::Done(v.clone()));
        v
    }

    fn module_output(&self, call: &str, output: &str, loc: Loc) -> Value {
        let Some(outs) = self.child(call) else {
            return Value::opaque(
                format!("output of module `{call}`, which is not loaded"),
                loc,
            );
        };
        match outs.get(output) {
            Some(v) => {
                v.clone()
                    .through(step(StepKind::ModuleOutput, output, loc, false, "module"))
            }
            None => Value::opaque(format!("module `{call}` has no output `{output}`"), loc),
        }
    }

    fn data(&self, ty: &str, name: &str, path: &str, loc: Loc) -> Value {
        let block = self.index.data.get(&(ty, name)).map(|&i| &self.blocks[i]);
        let env = Env::default();
        let attr = |a: &str| block.and_then(|b| b.attr(a)).map(|x| self.eval(x, &env));
        let ctx = |c: ContextValue| Value::unknown(Unknown::Context(c), loc);
        let lit = |s: &str| Part::Lit(s.to_string());
        let parts_or = |v: Option<Value>, c: ContextValue| -> Vec<Part> {
            v.and_then(|v| eval::parts(&v))
                .unwrap_or_else(|| vec![Part::Hole(Unknown::Context(c))])
        };
        match (ty, path) {
            ("azurerm_subscription", "id") => {
                let mut p = vec![lit("/subscriptions/")];
                p.extend(parts_or(
                    attr("subscription_id"),
                    ContextValue::SubscriptionId,
                ));
                return from_parts(p, loc, Vec::new());
            }
            ("azurerm_subscription" | "azurerm_client_config", "subscription_id") => {
                return attr("subscription_id").unwrap_or_else(|| ctx(ContextValue::SubscriptionId))
            }
            ("azurerm_subscription" | "azurerm_client_config", "tenant_id") => {
                return ctx(ContextValue::TenantId)
            }
            ("azurerm_resource_group", "id") => {
                let mut p = vec![
                    lit("/subscriptions/"),
                    Part::Hole(Unknown::Context(ContextValue::SubscriptionId)),
                    lit("/resourceGroups/"),
                ];
                p.extend(parts_or(attr("name"), ContextValue::ResourceGroupName));
                return from_parts(p, loc, Vec::new());
            }
            ("azurerm_resource_group", "name") => {
                if let Some(n) = attr("name") {
                    return n;
                }
            }
            ("azurerm_management_group", "id") => {
                let mut p = vec![lit("/providers/Microsoft.Management/managementGroups/")];
                p.extend(parts_or(attr("name"), ContextValue::ManagementGroupName));
                return from_parts(p, loc, Vec::new());
            }
            ("azurerm_role_definition", "id" | "role_definition_id") => {
                if let Some(id) = attr("role_definition_id").filter(|v| v.as_str().is_some()) {
                    return id;
                }
                if let Some(role) = attr("name").and_then(|n| n.as_str().and_then(builtin_by_name))
                {
                    return Value::string(
                        format!(
                            "/providers/Microsoft.Authorization/roleDefinitions/{}",
                            role.guid
                        ),
                        loc,
                    );
                }
            }
            ("azurerm_key_vault_secret", "value") => {
                let written = attr("name").and_then(|n| n.as_str().map(str::to_string));
                let what = written
                    .as_ref()
                    .map(|s| format!("`{s}`"))
                    .unwrap_or_else(|| "a secret".into());
                let name = Some(written.unwrap_or_else(|| name.to_string()));
                return Value::unknown(Unknown::KeyVault { what, name }, loc);
            }
            _ => {}
        }
        let target = self.resource_ref(&format!("data.{ty}"), name);
        let target = ResourceRef {
            ty: target.ty,
            key: target.key,
        };
        match azurerm::meaning(ty, path) {
            azurerm::Meaning::Attr(attr) => {
                Value::unknown(Unknown::Attribute(SymRef { target, attr }), loc)
            }
            azurerm::Meaning::Secret => Value::unknown(
                Unknown::ServiceSecret {
                    source: format!("data.{ty}.{name}.{path}"),
                    target: Some(target),
                    name: attr("name").and_then(|n| n.as_str().map(str::to_ascii_lowercase)),
                },
                loc,
            ),
            azurerm::Meaning::Generated => Value::unknown(
                Unknown::Generated {
                    what: format!("data.{ty}.{name}"),
                },
                loc,
            ),
        }
    }

    fn resource_ref(&self, ty: &str, name: &str) -> ResourceRef {
        let canonical = self
            .types
            .get(&(ty.to_string(), name.to_string()))
            .cloned()
            .or_else(|| azurerm::canonical_type(ty.trim_start_matches("data.")).map(String::from))
            .unwrap_or_else(|| ty.to_string());
        ResourceRef {
            ty: canonical.to_ascii_lowercase(),
            key: format!("{}{ty}.{name}", self.prefix),
        }
    }

    fn module_dir(&self) -> &Path {
        &self.module.dir
    }

    fn roots(&self) -> Option<&Roots> {
        Some(self.tree.roots)
    }

    fn error(&self, loc: Loc, message: String) {
        self.tree.error(loc, message);
    }
}

/// How a module uses each of its variables: `Some(members)` when every use
/// reads a named member of it (`var.key.id`, `var.x[k].secret_name`, the
/// last name after any indexing), `None` when some use takes the value
/// itself. Unused variables are absent. A module with JSON syntax gives no
/// answer (its uses hide in template strings).
fn variable_uses(blocks: &[RawBlock]) -> Option<HashMap<String, Option<Vec<String>>>> {
    use hcl_edit::visit::{visit_traversal, Visit};
    #[derive(Default)]
    struct Uses(HashMap<String, Option<Vec<String>>>);
    impl Visit for Uses {
        fn visit_traversal(&mut self, t: &hcl_edit::expr::Traversal) {
            let is_var = matches!(&t.expr, Expression::Variable(v) if v.as_str() == "var");
            let name = match t.operators.first().map(|o| o.value()) {
                Some(TraversalOperator::GetAttr(a)) if is_var => Some(a.as_str()),
                _ => None,
            };
            if let Some(name) = name {
                let member = t.operators[1..].iter().rev().find_map(|o| match o.value() {
                    TraversalOperator::GetAttr(a) => Some(a.as_str().to_string()),
                    _ => None,
                });
                let slot = self
                    .0
                    .entry(name.to_string())
                    .or_insert_with(|| Some(Vec::new()));
                match (member, slot.as_mut()) {
                    (Some(m), Some(ms)) => {
                        if !ms.contains(&m) {
                            ms.push(m);
                        }
                    }
                    _ => *slot = None,
                }
            }
            visit_traversal(self, t);
        }
    }
    fn walk(b: &RawBlock, uses: &mut Uses) -> bool {
        for a in &b.attrs {
            match a.expr {
                Src::Hcl(e) => uses.visit_expr(e),
                Src::Json(_) => return false,
            }
        }
        b.blocks.iter().all(|c| walk(c, uses))
    }
    let mut uses = Uses::default();
    blocks.iter().all(|b| walk(b, &mut uses)).then_some(uses.0)
}

#[cfg(test)]
mod cache_tests {
    use super::*;

    fn module(dir: &str, bytes: usize) -> Rc<ParsedModule> {
        let text = format!("locals {{\n  x = \"{}\"\n}}\n", "a".repeat(bytes));
        let src = Arc::new(SourceFile::new(PathBuf::from(dir).join("main.tf"), text));
        let f = super::super::parse_file(src, FileId(0)).ok().unwrap();
        Rc::new(ParsedModule {
            dir: PathBuf::from(dir),
            files: vec![f],
        })
    }

    #[test]
    fn least_recently_used_modules_are_dropped_past_the_budget() {
        let third = PARSED_CHILD_BYTES / 3;
        let mut c = ModuleCache::default();
        c.put(module("a", third));
        c.put(module("b", third));
        // Using `a` makes `b` the oldest.
        assert!(c.get(Path::new("a")).is_some());
        c.put(module("c", third));
        assert!(c.get(Path::new("b")).is_none(), "over budget: b goes");
        assert!(c.get(Path::new("a")).is_some() && c.get(Path::new("c")).is_some());
        assert!(c.bytes <= PARSED_CHILD_BYTES);
    }

    #[test]
    fn normalize_keeps_leading_parent_dirs() {
        let n = |s: &str| crate::source::normalize(Path::new(s));
        assert_eq!(n("../../modules/acr"), PathBuf::from("../../modules/acr"));
        assert_eq!(
            n("envs/prod/../../modules/acr"),
            PathBuf::from("modules/acr")
        );
        assert_eq!(n("prod/../../modules/acr"), PathBuf::from("../modules/acr"));
        assert_eq!(n("./a/./b/../c"), PathBuf::from("a/c"));
        assert_eq!(n("/a/../../b"), PathBuf::from("/b"));
    }

    #[test]
    fn a_module_larger_than_the_budget_is_still_kept_alone() {
        let mut c = ModuleCache::default();
        c.put(module("small", 10));
        c.put(module("big", PARSED_CHILD_BYTES * 2));
        assert!(c.get(Path::new("big")).is_some());
        assert!(c.get(Path::new("small")).is_none());
    }
}
