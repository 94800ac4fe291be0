//! Bicep syntax → the template JSON the Bicep compiler writes
//! (`languageVersion` 2.0, resources by symbolic name), each node carrying
//! the span of the Bicep it came from, so findings point at Bicep lines.
//!
//! Expressions become ARM expression text (`'${a}-x'` →
//! `[format('{0}-x', parameters('a'))]`), as the compiler writes them, and
//! the template evaluator folds them. Where the compiler would inline
//! something idlint cannot see (imported symbols, `loadTextContent`), the
//! text is a call the evaluator keeps opaque (`__bicep.name()`): unknown,
//! never guessed.

use super::ast::*;
use crate::source::jsonc::{Json, JsonKind, Member};
use crate::source::Span;
use std::collections::{BTreeSet, HashMap};

/// Where a module's template comes from: the loader reads and lowers local
/// files, inside the scan root; registry modules have none.
pub trait Modules {
    /// The template of the module declared at `at` with source `path`.
    fn template(&mut self, path: &str, at: Span) -> Option<Json>;
}

/// Modules are not followed (a parameter file's template, tests).
pub struct NoModules;
impl Modules for NoModules {
    fn template(&mut self, _: &str, _: Span) -> Option<Json> {
        None
    }
}

pub struct Lowered {
    pub root: Json,
    /// Constructs that are parsed but mean nothing to a template.
    pub errors: Vec<(Span, String)>,
    /// `br:`/`ts:` modules whose template is not on disk.
    pub registry_modules: Vec<(Span, String)>,
}

/// User types are followed this deep when deciding a parameter's type.
const MAX_TYPE_DEPTH: usize = 16;
/// Expression text longer than this is cut to an opaque call: nothing real
/// comes close, and the evaluator would only re-parse it.
const MAX_TEXT: usize = 1 << 20;
/// Resource names and IDs inlined into one another this deep; real files
/// go two or three levels (a child's ID holds its parent's name).
const MAX_INLINING: usize = 8;

/// A declaration's loop: item, index, iterated expression.
type Loop<'a> = (String, Option<String>, Expr<'a>);

#[derive(Clone)]
struct ResInfo<'a> {
    /// The symbolic name the compiler gives it: a nested child's is
    /// `parent::child`.
    key: String,
    /// Full type without the API version.
    ty: String,
    api: String,
    existing: bool,
    parent: Option<String>,
    /// The loop the declaration is in: item, index, iterated expression.
    looped: Option<Loop<'a>>,
    name: Option<Expr<'a>>,
    /// `scope:` of the declaration.
    scope: Option<Expr<'a>>,
}

#[derive(Clone)]
enum Sym<'a> {
    Param,
    Var,
    Resource(Box<ResInfo<'a>>),
    Module,
    Func,
}

struct Lower<'a> {
    syms: HashMap<String, Sym<'a>>,
    types: HashMap<String, &'a Stmt<'a>>,
    errors: Vec<(Span, String)>,
    registry_modules: Vec<(Span, String)>,
    /// Resources and modules the declaration being lowered refers to.
    refs: BTreeSet<String>,
    level: &'static str,
    /// The resources whose bodies are being lowered, innermost last: a
    /// nested child is named by its short name inside them.
    nest: Vec<String>,
    /// How deep the inlining of one resource's name into another's ID
    /// goes: names that refer to each other's IDs stop here.
    inlining: usize,
}

/// Names bound inside an expression: loop items and indexes, lambda
/// parameters, each with the ARM text that stands for it.
#[derive(Clone, Default)]
struct Scope {
    bound: Vec<(String, String)>,
}

impl Scope {
    fn with(&self, name: &str, text: String) -> Scope {
        let mut s = self.clone();
        s.bound.push((name.to_string(), text));
        s
    }
    fn get(&self, name: &str) -> Option<&str> {
        self.bound
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    }
}

fn json(kind: JsonKind, span: Span) -> Json {
    Json { kind, span }
}

fn member(key: &str, key_span: Span, value: Json) -> Member {
    Member {
        key: key.to_string(),
        key_span,
        value,
    }
}

fn string(s: &str, span: Span) -> Json {
    json(JsonKind::String(s.to_string()), span)
}

/// A literal string as a template writes it: a leading `[` is escaped.
fn literal(s: &str, span: Span) -> Json {
    if s.starts_with('[') {
        string(&format!("[{s}"), span)
    } else {
        string(s, span)
    }
}

fn expression(text: String, span: Span) -> Json {
    string(&format!("[{text}]"), span)
}

fn object(members: Vec<Member>, span: Span) -> Json {
    json(JsonKind::Object(members), span)
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn split_type(t: &str) -> (String, String) {
    match t.split_once('@') {
        Some((ty, api)) => (ty.to_string(), api.to_string()),
        None => (t.to_string(), String::new()),
    }
}

fn schema(level: &str) -> &'static str {
    match level {
        "subscription" => {
            "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"
        }
        "managementGroup" => {
            "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#"
        }
        "tenant" => {
            "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#"
        }
        _ => "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    }
}

fn decorator<'d>(ds: &'d [Decorator<'d>], name: &str) -> Option<&'d Decorator<'d>> {
    ds.iter().find(|d| d.name.name.eq_ignore_ascii_case(name))
}

/// Lowers a parsed file. `modules` supplies the templates of local modules.
pub fn lower(file: &File<'_>, modules: &mut dyn Modules) -> Lowered {
    let mut l = Lower {
        syms: HashMap::new(),
        types: HashMap::new(),
        errors: Vec::new(),
        registry_modules: Vec::new(),
        refs: BTreeSet::new(),
        level: "resourceGroup",
        inlining: 0,
        nest: Vec::new(),
    };
    l.declare(file.stmts, None);
    let root = l.file(file, modules);
    Lowered {
        root,
        errors: l.errors,
        registry_modules: l.registry_modules,
    }
}

impl<'a> Lower<'a> {
    /// Names first, so a reference may come before its declaration.
    fn declare(&mut self, stmts: &'a [Stmt], parent: Option<(&str, &str, &str)>) {
        for s in stmts {
            match &s.kind {
                StmtKind::Param { name, .. } => {
                    self.syms.insert(name.name.to_string(), Sym::Param);
                }
                StmtKind::Var { name, .. } => {
                    self.syms.insert(name.name.to_string(), Sym::Var);
                }
                StmtKind::Func { name, .. } => {
                    self.syms.insert(name.name.to_string(), Sym::Func);
                }
                StmtKind::Type { name, .. } => {
                    self.types.insert(name.name.to_string(), s);
                }
                StmtKind::TargetScope(e) => {
                    if let ExprKind::String([StrPart::Lit(t)]) = e.kind {
                        self.level = match *t {
                            "subscription" => "subscription",
                            "managementGroup" => "managementGroup",
                            "tenant" => "tenant",
                            _ => "resourceGroup",
                        };
                    }
                }
                StmtKind::Module { name, value, .. } => {
                    let _ = value;
                    self.syms.insert(name.name.to_string(), Sym::Module);
                }
                StmtKind::Resource {
                    name,
                    type_string,
                    existing,
                    value,
                } => {
                    let (mut ty, mut api) = split_type(type_string.value);
                    if let Some((pty, papi, _)) = parent {
                        // A nested child may give its type relative to its parent.
                        if !ty.contains('/') || ty.matches('/').count() == 0 {
                            ty = format!("{pty}/{ty}");
                        }
                        if api.is_empty() {
                            api = papi.to_string();
                        }
                    }
                    let (body, looped) = unwrap_value(value);
                    let key = match parent {
                        Some((_, _, pk)) => format!("{pk}::{}", name.name),
                        None => name.name.to_string(),
                    };
                    let mut info = ResInfo {
                        key: key.clone(),
                        ty: ty.clone(),
                        api: api.clone(),
                        existing: *existing,
                        parent: None,
                        looped,
                        name: None,
                        scope: None,
                    };
                    if let Some(ExprKind::Object(items)) = body.map(|b| &b.kind) {
                        for it in items.iter() {
                            if let ObjItem::Prop {
                                key: ObjKey::Name(k),
                                value,
                                ..
                            } = it
                            {
                                match *k {
                                    "name" => info.name = Some(*value),
                                    "scope" => info.scope = Some(*value),
                                    "parent" => {
                                        if let ExprKind::Ident(p) = &value.kind {
                                            info.parent = Some(p.to_string());
                                        }
                                    }
                                    _ => {}
                                }
                            }
                        }
                        let children: Vec<&'a Stmt> = items
                            .iter()
                            .filter_map(|it| match it {
                                ObjItem::Resource(s) => Some(&**s),
                                _ => None,
                            })
                            .collect();
                        for c in children {
                            self.declare(std::slice::from_ref(c), Some((&ty, &api, &key)));
                            if let StmtKind::Resource { name: cn, .. } = &c.kind {
                                let child = format!("{key}::{}", cn.name);
                                if let Some(Sym::Resource(ci)) = self.syms.get_mut(&child) {
                                    ci.parent.get_or_insert_with(|| key.clone());
                                }
                            }
                        }
                    }
                    self.syms.insert(key, Sym::Resource(Box::new(info)));
                }
                _ => {}
            }
        }
    }

    fn file(&mut self, file: &'a File, modules: &mut dyn Modules) -> Json {
        let whole = Span::new(0, file.stmts.last().map_or(0, |s| s.span.end as usize));
        let mut params = Vec::new();
        let mut vars = Vec::new();
        let mut resources = Vec::new();
        let mut outputs = Vec::new();
        for s in file.stmts {
            match &s.kind {
                StmtKind::Param { name, ty, default } => {
                    params.push(self.param(s, name, ty.as_ref(), default.as_ref()));
                }
                StmtKind::Var { name, value, .. } => vars.push(self.var(name, value)),
                StmtKind::Resource { name, .. } => {
                    self.resource(s, name.name, &mut resources, modules)
                }
                StmtKind::Module { name, path, value } => {
                    if let Some(m) = self.module(s, name, path, value, modules) {
                        resources.push(m);
                    }
                }
                StmtKind::Output { name, ty, value } => {
                    outputs.push(self.output(s, name, ty, value));
                }
                _ => {}
            }
        }
        let z = Span::new(0, 0);
        let mut root = vec![
            member("$schema", z, string(schema(self.level), z)),
            member("languageVersion", z, string("2.0", z)),
            member("contentVersion", z, string("1.0.0.0", z)),
            member(
                "metadata",
                z,
                object(
                    vec![member(
                        "_generator",
                        z,
                        object(vec![member("name", z, string("bicep", z))], z),
                    )],
                    z,
                ),
            ),
        ];
        root.push(member("parameters", z, object(params, whole)));
        root.push(member("variables", z, object(vars, whole)));
        root.push(member("resources", z, object(resources, whole)));
        root.push(member("outputs", z, object(outputs, whole)));
        object(root, whole)
    }

    /// The template type of a declared type, and whether it is secure.
    fn param_type(
        &self,
        ty: Option<&TypeExpr>,
        decorators: &[Decorator],
        depth: usize,
    ) -> (String, bool, bool, Vec<Json>) {
        let mut secure = decorator(decorators, "secure").is_some();
        let mut nullable = false;
        let mut allowed = Vec::new();
        let base = match ty {
            None => "object".to_string(),
            Some(t) => {
                let (b, s, n, a) = self.type_base(t, depth);
                secure |= s;
                nullable = n;
                allowed = a;
                b
            }
        };
        let ty = match (base.as_str(), secure) {
            ("string", true) => "securestring".to_string(),
            ("object", true) => "secureObject".to_string(),
            _ => base,
        };
        (ty, secure, nullable, allowed)
    }

    fn type_base(&self, t: &TypeExpr, depth: usize) -> (String, bool, bool, Vec<Json>) {
        if depth > MAX_TYPE_DEPTH {
            return ("object".into(), false, false, Vec::new());
        }
        match &t.kind {
            TypeKind::Named(n) => match *n {
                "string" | "int" | "bool" | "object" | "array" => {
                    (n.to_string(), false, false, Vec::new())
                }
                _ => match self.types.get(*n) {
                    Some(s) => match &s.kind {
                        StmtKind::Type { ty, .. } => {
                            let (b, sec, nl, a) = self.type_base(ty, depth + 1);
                            (b, sec || decorator(s.decorators, "secure").is_some(), nl, a)
                        }
                        _ => ("object".into(), false, false, Vec::new()),
                    },
                    None => ("object".into(), false, false, Vec::new()),
                },
            },
            TypeKind::Array(_) | TypeKind::Tuple(_) => ("array".into(), false, false, Vec::new()),
            TypeKind::Nullable(inner) => {
                let (b, s, _, a) = self.type_base(inner, depth + 1);
                (b, s, true, a)
            }
            TypeKind::Union(items) => {
                let mut allowed = Vec::new();
                let mut base = None;
                for i in items.iter() {
                    if let TypeKind::Literal(e) = &i.kind {
                        let (b, _, _, _) = self.type_base(i, depth + 1);
                        base.get_or_insert(b);
                        if let Some(j) = constant(e) {
                            allowed.push(j);
                        }
                    } else {
                        base.get_or_insert_with(|| self.type_base(i, depth + 1).0);
                    }
                }
                (
                    base.unwrap_or_else(|| "object".into()),
                    false,
                    false,
                    allowed,
                )
            }
            TypeKind::Literal(e) => {
                let b = match &e.kind {
                    ExprKind::String(_) => "string",
                    ExprKind::Int(_) | ExprKind::Unary { .. } => "int",
                    ExprKind::Bool(_) => "bool",
                    _ => "object",
                };
                (b.into(), false, false, Vec::new())
            }
            TypeKind::Object(_) => ("object".into(), false, false, Vec::new()),
            TypeKind::Resource(_) => ("string".into(), false, false, Vec::new()),
            // A type derived from a resource's schema (`resourceInput<'T@v'>.
            // properties.x`) or a member of one: the compiler reads the
            // schema, idlint has none. `any` is no type a rule judges by.
            TypeKind::Generic { .. } | TypeKind::Access(..) => {
                ("any".into(), false, false, Vec::new())
            }
        }
    }

    fn param(
        &mut self,
        s: &Stmt,
        name: &Ident,
        ty: Option<&TypeExpr>,
        default: Option<&Expr>,
    ) -> Member {
        let (mut ty, _, nullable, mut allowed) = self.param_type(ty, s.decorators, 0);
        if ty == "any" {
            // What the default is, the type is.
            if let Some(t) = default.and_then(shape_type) {
                ty = t.to_string();
            }
        }
        let mut m = vec![member("type", name.span, string(&ty, name.span))];
        if let Some(d) = default {
            m.push(member(
                "defaultValue",
                d.span,
                self.value(d, &Scope::default()),
            ));
        }
        if let Some(a) = decorator(s.decorators, "allowed") {
            if let Some(ExprKind::Array(items)) = a.args.first().map(|e| &e.kind) {
                allowed = items
                    .iter()
                    .filter_map(|i| match i {
                        ArrItem::Item(e) => constant(e),
                        ArrItem::Spread(_) => None,
                    })
                    .collect();
            }
        }
        if !allowed.is_empty() {
            m.push(member(
                "allowedValues",
                s.span,
                json(JsonKind::Array(allowed), s.span),
            ));
        }
        if nullable {
            m.push(member(
                "nullable",
                name.span,
                json(JsonKind::Bool(true), name.span),
            ));
        }
        member(name.name, name.span, object(m, s.span))
    }

    fn var(&mut self, name: &Ident, value: &Expr) -> Member {
        if let ExprKind::For { .. } = &value.kind {
            let copy = self.property_loop(name.name, name.span, value, &Scope::default());
            // A variable loop is `copy` in `variables`, as the compiler writes it;
            // the evaluator reads `copy` members of `variables` as loops.
            return member(
                "copy",
                name.span,
                json(JsonKind::Array(vec![copy]), value.span),
            );
        }
        member(name.name, name.span, self.value(value, &Scope::default()))
    }

    fn output(&mut self, s: &Stmt, name: &Ident, ty: &TypeExpr, value: &Expr) -> Member {
        let (ty, _, _, _) = self.param_type(Some(ty), s.decorators, 0);
        let mut m = vec![member("type", name.span, string(&ty, name.span))];
        match &value.kind {
            ExprKind::For {
                item,
                index,
                iter,
                body,
            } => {
                let sc = self.loop_scope(&Scope::default(), item, *index, iter, "copyIndex()");
                let count = format!("length({})", self.expr(iter, &Scope::default()));
                m.push(member(
                    "copy",
                    value.span,
                    object(
                        vec![
                            member("count", iter.span, expression(count, iter.span)),
                            member("input", body.span, self.value(body, &sc)),
                        ],
                        value.span,
                    ),
                ));
            }
            // The finding about what an output exposes points at `output name`.
            _ => m.push(member(
                "value",
                Span::new(s.span.start as usize, name.span.end as usize),
                self.value(value, &Scope::default()),
            )),
        }
        member(name.name, name.span, object(m, s.span))
    }

    /// `item` → `iter[index]`, `i` → `index`.
    fn loop_scope(
        &mut self,
        sc: &Scope,
        item: &Ident,
        index: Option<&Ident>,
        iter: &Expr,
        at: &str,
    ) -> Scope {
        let it = self.expr(iter, sc);
        let mut s = sc.with(item.name, format!("{it}[{at}]"));
        if let Some(i) = index {
            s = s.with(i.name, at.to_string());
        }
        s
    }

    /// `name: [for x in xs: body]` → `{"name": name, "count": ..., "input": body}`.
    fn property_loop(&mut self, name: &str, key_span: Span, e: &Expr, sc: &Scope) -> Json {
        let ExprKind::For {
            item,
            index,
            iter,
            body,
        } = &e.kind
        else {
            return self.value(e, sc);
        };
        let at = format!("copyIndex({})", quote(name));
        let inner = self.loop_scope(sc, item, *index, iter, &at);
        let count = format!("length({})", self.expr(iter, sc));
        let body = match &body.kind {
            ExprKind::If { body, .. } => {
                self.errors.push((
                    e.span,
                    "a filter (`if`) in a property loop is not supported by Bicep".into(),
                ));
                body
            }
            _ => body,
        };
        object(
            vec![
                member("name", key_span, string(name, key_span)),
                member("count", iter.span, expression(count, iter.span)),
                member("input", body.span, self.value(body, &inner)),
            ],
            e.span,
        )
    }

    /// A resource declaration and its nested children.
    fn resource(
        &mut self,
        s: &'a Stmt,
        key: &str,
        out: &mut Vec<Member>,
        modules: &mut dyn Modules,
    ) {
        let StmtKind::Resource {
            name,
            type_string,
            existing,
            value,
        } = &s.kind
        else {
            return;
        };
        let Some(Sym::Resource(info)) = self.syms.get(key).cloned() else {
            return;
        };
        self.refs.clear();
        self.nest.push(key.to_string());
        let (body, cond, copy, sc) = self.declaration(s, key, value);
        let mut m = vec![member(
            "type",
            type_string.span,
            string(&info.ty, type_string.span),
        )];
        if !info.api.is_empty() {
            m.push(member(
                "apiVersion",
                type_string.span,
                string(&info.api, type_string.span),
            ));
        }
        if *existing {
            m.push(member(
                "existing",
                s.span,
                json(JsonKind::Bool(true), s.span),
            ));
        }
        if let Some(c) = cond {
            m.push(c);
        }
        if let Some(c) = copy {
            m.push(c);
        }
        let mut children = Vec::new();
        let mut depends: Vec<String> = Vec::new();
        if let Some(ExprKind::Object(items)) = body.map(|b| &b.kind) {
            for it in items.iter() {
                match it {
                    ObjItem::Resource(c) => children.push(*c),
                    ObjItem::Prop {
                        key: ObjKey::Name(k),
                        key_span,
                        value,
                        ..
                    } => match *k {
                        "parent" => {
                            if let Some(p) = &info.parent {
                                self.refs.insert(p.clone());
                            }
                        }
                        "name" => {
                            let n = self.resource_name(key, value, &sc);
                            m.push(member("name", *key_span, n));
                        }
                        "scope" => {
                            self.scope(*key_span, value, &sc, &mut m);
                        }
                        "dependsOn" => {
                            if let ExprKind::Array(items) = &value.kind {
                                for i in items.iter() {
                                    if let ArrItem::Item(e) = i {
                                        if let Some(sym) = self.symbol_of(e) {
                                            depends.push(sym);
                                        }
                                    }
                                }
                            }
                        }
                        _ => {
                            let v = self.property(k, *key_span, value, &sc, &mut m);
                            if let Some(v) = v {
                                m.push(v);
                            }
                        }
                    },
                    ObjItem::Prop {
                        key_span, value, ..
                    } => {
                        self.errors
                            .push((*key_span, "a computed key in a resource body".into()));
                        let _ = value;
                    }
                    ObjItem::Spread(e) => {
                        self.errors
                            .push((e.span, "a spread in a resource body".into()));
                    }
                }
            }
        } else if body.is_some() {
            self.errors
                .push((value.span, "a resource body must be an object".into()));
        }
        if let Some(p) = &info.parent {
            self.refs.insert(p.clone());
        }
        if let Some(d) = self.depends_on(key, depends, s.span) {
            m.push(d);
        }
        if info
            .ty
            .eq_ignore_ascii_case("Microsoft.Resources/deployments")
        {
            if let Some(path) = body.and_then(loaded_template) {
                // `template: loadJsonContent('x.json')`: the compiler inlines
                // the file, idlint reads it as it reads a module's.
                if let Some(t) = modules.template(path, s.span) {
                    if let Some(props) = m.iter_mut().find(|x| x.key == "properties") {
                        if let JsonKind::Object(items) = &mut props.value.kind {
                            if let Some(slot) = items.iter_mut().find(|x| x.key == "template") {
                                slot.value = t;
                            }
                        }
                    }
                }
            }
        }
        out.push(member(&info.key, name.span, object(m, s.span)));
        for c in children {
            if let StmtKind::Resource { name: cn, .. } = &c.kind {
                let child = format!("{key}::{}", cn.name);
                self.resource(c, &child, out, modules);
            }
        }
        self.nest.pop();
    }

    /// The symbol a name means where it is written: a nested child by its
    /// short name inside its parent (or a sibling), else a top-level one.
    fn resolve(&self, n: &str) -> String {
        for prefix in self.nest.iter().rev() {
            let k = format!("{prefix}::{n}");
            if self.syms.contains_key(&k) {
                return k;
            }
            // A sibling: the parent's other children.
            if let Some((parent, _)) = prefix.rsplit_once("::") {
                let k = format!("{parent}::{n}");
                if self.syms.contains_key(&k) {
                    return k;
                }
            }
        }
        n.to_string()
    }

    /// The symbol `x`, `x[0]`, `x.y`, `a::b` refers to.
    fn symbol_of(&self, e: &Expr) -> Option<String> {
        match &e.kind {
            ExprKind::Ident(n) => Some(self.resolve(n)),
            ExprKind::NestedResource { base, name } => {
                Some(format!("{}::{}", self.symbol_of(base)?, name.name))
            }
            ExprKind::Index { base, .. } | ExprKind::Member { base, .. } => self.symbol_of(base),
            _ => None,
        }
    }

    /// `dependsOn`, as the compiler writes it: the resources and modules
    /// the declaration refers to (and those it lists), but itself and
    /// `existing` resources, which are not deployed.
    fn depends_on(&self, own: &str, mut depends: Vec<String>, span: Span) -> Option<Member> {
        depends.extend(self.refs.iter().cloned());
        depends.retain(|d| {
            d != own
                && match self.syms.get(d) {
                    Some(Sym::Resource(r)) => !r.existing,
                    Some(Sym::Module) => true,
                    _ => false,
                }
        });
        depends.sort();
        depends.dedup();
        if depends.is_empty() {
            return None;
        }
        let items = depends
            .iter()
            .map(|d| string(&self.key_of(d), span))
            .collect();
        Some(member(
            "dependsOn",
            span,
            json(JsonKind::Array(items), span),
        ))
    }

    /// The symbolic name in the template of a resource or module symbol.
    fn key_of(&self, sym: &str) -> String {
        match self.syms.get(sym) {
            Some(Sym::Resource(r)) => r.key.clone(),
            _ => sym.to_string(),
        }
    }

    /// The condition, loop and item scope of a resource or module value.
    fn declaration<'e>(
        &mut self,
        s: &Stmt,
        sym: &str,
        value: &'e Expr<'e>,
    ) -> (Option<&'e Expr<'e>>, Option<Member>, Option<Member>, Scope) {
        let mut sc = Scope::default();
        let mut cond = None;
        let mut copy = None;
        let parts = decl_parts(value);
        if let Some(
            v @ Expr {
                kind: ExprKind::For {
                    item, index, iter, ..
                },
                ..
            },
        ) = parts.looped
        {
            sc = self.loop_scope(&sc, item, *index, iter, "copyIndex()");
            let count = format!("length({})", self.expr(iter, &Scope::default()));
            let mut c = vec![
                member("name", v.span, string(sym, v.span)),
                member("count", iter.span, expression(count, iter.span)),
            ];
            if let Some(b) = decorator(s.decorators, "batchSize") {
                c.push(member("mode", b.span, string("serial", b.span)));
                if let Some(n) = b.args.first().and_then(constant) {
                    c.push(member("batchSize", b.span, n));
                }
            }
            copy = Some(member("copy", v.span, object(c, v.span)));
        }
        if let Some(c) = parts.cond {
            cond = Some(member("condition", c.span, self.value(c, &sc)));
        }
        (parts.body, cond, copy, sc)
    }

    /// A resource's `name`; a child's is its parent's name, `/`, its own.
    fn resource_name(&mut self, sym: &str, value: &Expr, sc: &Scope) -> Json {
        let segs = self.name_segments(sym, sc, 0);
        if segs.len() <= 1 {
            return self.value(value, sc);
        }
        let fmt = (0..segs.len())
            .map(|i| format!("{{{i}}}"))
            .collect::<Vec<_>>()
            .join("/");
        expression(
            format!("format({}, {})", quote(&fmt), segs.join(", ")),
            value.span,
        )
    }

    /// The name segments of a resource as ARM text: the parent's, then its own.
    fn name_segments(&mut self, sym: &str, sc: &Scope, depth: usize) -> Vec<String> {
        let Some(Sym::Resource(info)) = self.syms.get(sym).cloned() else {
            return Vec::new();
        };
        let mut segs = match (&info.parent, depth < 16) {
            (Some(p), true) => self.name_segments(p, sc, depth + 1),
            _ => Vec::new(),
        };
        segs.push(match &info.name {
            Some(n) => self.expr(n, sc),
            None => quote(sym),
        });
        segs
    }

    /// `resourceId(...)` of a declared resource, from the caller's scope
    /// (`index` picks an instance of a resource loop).
    fn resource_id(&mut self, sym: &str, index: Option<String>, sc: &Scope) -> String {
        if self.inlining >= MAX_INLINING {
            return "__bicep.resourceIdTooDeep()".into();
        }
        self.inlining += 1;
        let id = self.resource_id_inlined(sym, index, sc);
        self.inlining -= 1;
        id
    }

    fn resource_id_inlined(&mut self, sym: &str, index: Option<String>, sc: &Scope) -> String {
        let Some(Sym::Resource(info)) = self.syms.get(sym).cloned() else {
            return "null()".into();
        };
        let sc = self.instance_scope(&info, index, sc);
        let segs = self.name_segments(sym, &sc, 0);
        let mut args = vec![quote(&info.ty)];
        args.extend(segs);
        let scope_args = match info.scope.as_ref().map(|e| (&e.kind, e)) {
            Some((
                ExprKind::Call {
                    target: None,
                    name,
                    args: a,
                },
                _,
            )) if name.name.eq_ignore_ascii_case("resourceGroup") => {
                a.iter().map(|x| self.expr(x, &sc)).collect()
            }
            Some((ExprKind::Ident(other), _))
                if matches!(self.syms.get(*other), Some(Sym::Resource(_))) =>
            {
                let scope_id = self.resource_id(other, None, &sc);
                return format!("extensionResourceId({scope_id}, {})", args.join(", "));
            }
            _ => Vec::new(),
        };
        match self.level {
            "subscription" if scope_args.is_empty() => {
                format!("subscriptionResourceId({})", args.join(", "))
            }
            "tenant" | "managementGroup" if scope_args.is_empty() => {
                format!("tenantResourceId({})", args.join(", "))
            }
            _ => {
                let mut all = scope_args;
                all.extend(args);
                format!("resourceId({})", all.join(", "))
            }
        }
    }

    /// The scope a resource's own expressions see when one instance is meant.
    fn instance_scope(&mut self, info: &ResInfo, index: Option<String>, sc: &Scope) -> Scope {
        match &info.looped {
            Some((item, idx, iter)) => {
                let at = index.unwrap_or_else(|| "copyIndex()".into());
                let it = self.expr(iter, &Scope::default());
                let mut s = sc.with(item, format!("{it}[{at}]"));
                if let Some(i) = idx {
                    s = s.with(i, at);
                }
                s
            }
            None => sc.clone(),
        }
    }

    /// The declared resource (and instance) an expression names:
    /// `kv`, `kv::secret`, `stgs[i]`.
    fn resource_target(&mut self, e: &Expr, sc: &Scope) -> Option<(String, Option<String>)> {
        let (sym, index) = match &e.kind {
            ExprKind::Ident(s) if sc.get(s).is_none() => (self.resolve(s), None),
            ExprKind::NestedResource { .. } => (self.symbol_of(e)?, None),
            ExprKind::Index { base, index, .. } => match &base.kind {
                ExprKind::Ident(s) if sc.get(s).is_none() => {
                    (self.resolve(s), Some(self.expr(index, sc)))
                }
                _ => return None,
            },
            ExprKind::Paren(x) => return self.resource_target(x, sc),
            _ => return None,
        };
        matches!(self.syms.get(&sym), Some(Sym::Resource(_))).then(|| {
            self.refs.insert(sym.clone());
            (sym, index)
        })
    }

    /// `scope:` of a resource: another resource (an extension resource), a
    /// resource group or subscription (existing resources, modules).
    fn scope(&mut self, key_span: Span, value: &Expr, sc: &Scope, m: &mut Vec<Member>) {
        match &value.kind {
            ExprKind::Call { target, name, args } if target.as_deref().is_none_or(is_namespace) => {
                let n = name.name.to_ascii_lowercase();
                let a: Vec<String> = args.iter().map(|x| self.expr(x, sc)).collect();
                match (n.as_str(), a.as_slice()) {
                    ("resourcegroup", [rg]) => {
                        m.push(member(
                            "resourceGroup",
                            key_span,
                            expression(rg.clone(), value.span),
                        ));
                    }
                    ("resourcegroup", [sub, rg]) => {
                        m.push(member(
                            "subscriptionId",
                            key_span,
                            expression(sub.clone(), value.span),
                        ));
                        m.push(member(
                            "resourceGroup",
                            key_span,
                            expression(rg.clone(), value.span),
                        ));
                    }
                    ("subscription", [sub]) => {
                        m.push(member(
                            "subscriptionId",
                            key_span,
                            expression(sub.clone(), value.span),
                        ));
                    }
                    ("tenant", []) => m.push(member("scope", key_span, string("/", value.span))),
                    ("managementgroup", [mg]) => m.push(member(
                        "scope",
                        key_span,
                        expression(
                            format!("format('Microsoft.Management/managementGroups/{{0}}', {mg})"),
                            value.span,
                        ),
                    )),
                    _ => {}
                }
            }
            // `scope: kv`, `scope: kv::secret`, `scope: stgs[0]`: the
            // resource's ID, as the compiler writes an extension resource's
            // scope.
            _ => {
                let Some((sym, index)) = self.resource_target(value, sc) else {
                    let v = self.value(value, sc);
                    m.push(member("scope", key_span, v));
                    return;
                };
                let ty = match self.syms.get(&sym) {
                    Some(Sym::Resource(r)) => r.ty.to_ascii_lowercase(),
                    _ => String::new(),
                };
                // A resource group or management group the file declares is
                // a deployment scope, as `resourceGroup('x')` is.
                if ty == "microsoft.resources/resourcegroups"
                    || ty == "microsoft.management/managementgroups"
                {
                    let Some(Sym::Resource(info)) = self.syms.get(&sym).cloned() else {
                        return;
                    };
                    let isc = self.instance_scope(&info, index, sc);
                    let name = match &info.name {
                        Some(x) => self.expr(x, &isc),
                        None => quote(&sym),
                    };
                    if ty == "microsoft.resources/resourcegroups" {
                        m.push(member(
                            "resourceGroup",
                            key_span,
                            expression(name, value.span),
                        ));
                    } else {
                        m.push(member(
                            "scope",
                            key_span,
                            expression(
                                format!(
                                    "format('Microsoft.Management/managementGroups/{{0}}', {name})"
                                ),
                                value.span,
                            ),
                        ));
                    }
                    return;
                }
                let id = self.resource_id(&sym, index, sc);
                m.push(member("scope", key_span, expression(id, value.span)));
            }
        }
    }

    /// A body property; loops become `copy` entries of the object.
    fn property(
        &mut self,
        key: &str,
        key_span: Span,
        value: &Expr,
        sc: &Scope,
        m: &mut Vec<Member>,
    ) -> Option<Member> {
        if let ExprKind::For { .. } = value.kind {
            let c = self.property_loop(key, key_span, value, sc);
            match m.iter_mut().find(|x| x.key == "copy") {
                Some(copy) => {
                    if let JsonKind::Array(items) = &mut copy.value.kind {
                        items.push(c);
                    }
                }
                None => m.push(member(
                    "copy",
                    key_span,
                    json(JsonKind::Array(vec![c]), value.span),
                )),
            }
            return None;
        }
        Some(member(key, key_span, self.value(value, sc)))
    }

    fn module(
        &mut self,
        s: &Stmt,
        name: &Ident,
        path: &StrLit,
        value: &Expr,
        modules: &mut dyn Modules,
    ) -> Option<Member> {
        self.refs.clear();
        let (body, cond, copy, sc) = self.declaration(s, name.name, value);
        let z = s.span;
        let mut m = vec![
            member(
                "type",
                path.span,
                string("Microsoft.Resources/deployments", path.span),
            ),
            member("apiVersion", path.span, string("2022-09-01", path.span)),
        ];
        if let Some(c) = cond {
            m.push(c);
        }
        if let Some(c) = copy {
            m.push(c);
        }
        let mut params = Vec::new();
        let mut named = false;
        let mut depends = Vec::new();
        if let Some(ExprKind::Object(items)) = body.map(|b| &b.kind) {
            for it in items.iter() {
                let ObjItem::Prop {
                    key: ObjKey::Name(k),
                    key_span,
                    value,
                    ..
                } = it
                else {
                    continue;
                };
                match *k {
                    "name" => {
                        named = true;
                        let v = self.value(value, &sc);
                        m.push(member("name", *key_span, v));
                    }
                    "scope" => self.scope(*key_span, value, &sc, &mut m),
                    "params" => {
                        if let ExprKind::Object(ps) = &value.kind {
                            for p in ps.iter() {
                                if let ObjItem::Prop {
                                    key: ObjKey::Name(pk),
                                    key_span: pks,
                                    value: pv,
                                    ..
                                } = p
                                {
                                    let given = self.module_param(pv, &sc);
                                    params.push(member(pk, *pks, given));
                                }
                            }
                        }
                    }
                    "dependsOn" => {
                        if let ExprKind::Array(items) = &value.kind {
                            for i in items.iter() {
                                if let ArrItem::Item(e) = i {
                                    if let Some(sym) = self.symbol_of(e) {
                                        depends.push(sym);
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        if !named {
            // Recent Bicep names an unnamed module deployment itself.
            m.push(member("name", name.span, string(name.name, name.span)));
        }
        let mut props = vec![
            member(
                "expressionEvaluationOptions",
                z,
                object(vec![member("scope", z, string("inner", z))], z),
            ),
            member("mode", z, string("Incremental", z)),
            member("parameters", z, object(params, z)),
        ];
        let p = path.value;
        if super::is_registry(p) {
            self.registry_modules.push((path.span, p.to_string()));
        } else if let Some(t) = modules.template(p, s.span) {
            props.push(member("template", path.span, t));
        }
        m.push(member("properties", z, object(props, z)));
        if let Some(d) = self.depends_on(name.name, depends, z) {
            m.push(d);
        }
        Some(member(name.name, name.span, object(m, s.span)))
    }

    /// A module input: `{"value": v}`, or a Key Vault reference for `kv.getSecret('name')`.
    fn module_param(&mut self, v: &Expr, sc: &Scope) -> Json {
        if let ExprKind::Call {
            target: Some(t),
            name,
            args,
        } = &v.kind
        {
            if name.name.eq_ignore_ascii_case("getSecret") {
                if let Some((kv, index)) = self.resource_target(t, sc) {
                    {
                        let id = self.resource_id(&kv, index, sc);
                        let secret = args
                            .first()
                            .map(|a| self.value(a, sc))
                            .unwrap_or_else(|| string("", v.span));
                        let reference = object(
                            vec![
                                member(
                                    "keyVault",
                                    t.span,
                                    object(
                                        vec![member("id", t.span, expression(id, t.span))],
                                        t.span,
                                    ),
                                ),
                                member("secretName", name.span, secret),
                            ],
                            v.span,
                        );
                        return object(vec![member("reference", v.span, reference)], v.span);
                    }
                }
            }
        }
        object(vec![member("value", v.span, self.value(v, sc))], v.span)
    }

    /// An expression in a value position: literals and object/array shapes
    /// stay JSON (each with its own span), the rest is expression text.
    fn value(&mut self, e: &Expr, sc: &Scope) -> Json {
        match &e.kind {
            ExprKind::Null => json(JsonKind::Null, e.span),
            ExprKind::Bool(b) => json(JsonKind::Bool(*b), e.span),
            ExprKind::Int(n) => json(JsonKind::Number(*n as f64), e.span),
            ExprKind::String(parts) => match *parts {
                [] => string("", e.span),
                [StrPart::Lit(s)] => literal(s, e.span),
                _ => expression(self.expr(e, sc), e.span),
            },
            ExprKind::Paren(inner) => self.value(inner, sc),
            ExprKind::Object(items) if items.iter().all(|i| matches!(i, ObjItem::Prop { .. })) => {
                let mut m = Vec::new();
                for it in items.iter() {
                    if let ObjItem::Prop {
                        key,
                        key_span,
                        value,
                        ..
                    } = it
                    {
                        // `'${uami.id}': {}` is a key the template evaluates,
                        // as the compiler writes it (`"[format(...)]": {}`).
                        let k = match key {
                            ObjKey::Name(k) => k.to_string(),
                            ObjKey::Interp(parts) => format!("[{}]", self.string(parts, sc)),
                        };
                        if let Some(v) = self.property(&k, *key_span, value, sc, &mut m) {
                            m.push(v);
                        }
                    }
                }
                object(m, e.span)
            }
            ExprKind::Array(items) if items.iter().all(|i| matches!(i, ArrItem::Item(_))) => {
                let v = items
                    .iter()
                    .filter_map(|i| match i {
                        ArrItem::Item(x) => Some(self.value(x, sc)),
                        ArrItem::Spread(_) => None,
                    })
                    .collect();
                json(JsonKind::Array(v), e.span)
            }
            _ => expression(self.expr(e, sc), e.span),
        }
    }

    /// ARM expression text for `e`.
    fn expr(&mut self, e: &Expr, sc: &Scope) -> String {
        let t = self.expr_inner(e, sc);
        if t.len() > MAX_TEXT {
            return "__bicep.expressionTooLong()".into();
        }
        t
    }

    fn expr_inner(&mut self, e: &Expr, sc: &Scope) -> String {
        match &e.kind {
            ExprKind::Null => "null()".into(),
            ExprKind::Bool(true) => "true()".into(),
            ExprKind::Bool(false) => "false()".into(),
            ExprKind::Int(n) => n.to_string(),
            ExprKind::String(parts) => self.string(parts, sc),
            ExprKind::Paren(inner) | ExprKind::NonNull(inner) => self.expr(inner, sc),
            ExprKind::Ident(n) => self.ident(n, sc),
            // `parent::child`: child symbols are declared by their own name.
            ExprKind::NestedResource { .. } => match self.symbol_of(e) {
                Some(k) => self.ident(&k, sc),
                None => "null()".into(),
            },
            ExprKind::Member { base, name, safe } => self.member(base, name, *safe, sc),
            ExprKind::Index { base, index, safe } => {
                let b = self.expr(base, sc);
                let i = self.expr(index, sc);
                if *safe {
                    format!("tryGet({b}, {i})")
                } else {
                    format!("{b}[{i}]")
                }
            }
            ExprKind::Call { target, name, args } => self.call(target.as_deref(), name, args, sc),
            ExprKind::Unary { op, expr } => {
                let x = self.expr(expr, sc);
                match op {
                    UnaryOp::Not => format!("not({x})"),
                    UnaryOp::Neg => match &expr.kind {
                        ExprKind::Int(n) => format!("-{n}"),
                        _ => format!("sub(0, {x})"),
                    },
                }
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let a = self.expr(lhs, sc);
                let b = self.expr(rhs, sc);
                let f = |name: &str| format!("{name}({a}, {b})");
                match op {
                    BinaryOp::Mul => f("mul"),
                    BinaryOp::Div => f("div"),
                    BinaryOp::Mod => f("mod"),
                    BinaryOp::Add => f("add"),
                    BinaryOp::Sub => f("sub"),
                    BinaryOp::Lt => f("less"),
                    BinaryOp::Le => f("lessOrEquals"),
                    BinaryOp::Gt => f("greater"),
                    BinaryOp::Ge => f("greaterOrEquals"),
                    BinaryOp::Eq => f("equals"),
                    BinaryOp::Ne => format!("not(equals({a}, {b}))"),
                    BinaryOp::EqI => format!("equals(toLower({a}), toLower({b}))"),
                    BinaryOp::NeI => format!("not(equals(toLower({a}), toLower({b})))"),
                    BinaryOp::And => f("and"),
                    BinaryOp::Or => f("or"),
                    BinaryOp::Coalesce => f("coalesce"),
                }
            }
            ExprKind::Ternary {
                cond,
                then,
                otherwise,
            } => {
                let c = self.expr(cond, sc);
                let a = self.expr(then, sc);
                let b = self.expr(otherwise, sc);
                format!("if({c}, {a}, {b})")
            }
            ExprKind::Lambda { params, body } => {
                let mut inner = sc.clone();
                let mut names = Vec::new();
                for p in params.iter() {
                    inner = inner.with(p.name, format!("lambdaVariables({})", quote(p.name)));
                    names.push(quote(p.name));
                }
                let b = self.expr(body, &inner);
                names.push(b);
                format!("lambda({})", names.join(", "))
            }
            ExprKind::Object(items) => {
                let mut groups: Vec<String> = Vec::new();
                let mut cur: Vec<String> = Vec::new();
                for it in items.iter() {
                    match it {
                        ObjItem::Prop { key, value, .. } => {
                            let k = match key {
                                ObjKey::Name(k) => quote(k),
                                ObjKey::Interp(parts) => self.string(parts, sc),
                            };
                            let v = self.expr(value, sc);
                            cur.push(k);
                            cur.push(v);
                        }
                        ObjItem::Spread(x) => {
                            if !cur.is_empty() {
                                groups.push(format!("createObject({})", cur.join(", ")));
                                cur.clear();
                            }
                            groups.push(self.expr(x, sc));
                        }
                        ObjItem::Resource(r) => {
                            self.errors
                                .push((r.span, "a resource declaration inside a value".into()));
                        }
                    }
                }
                if groups.is_empty() {
                    return format!("createObject({})", cur.join(", "));
                }
                if !cur.is_empty() {
                    groups.push(format!("createObject({})", cur.join(", ")));
                }
                format!("shallowMerge(createArray({}))", groups.join(", "))
            }
            ExprKind::Array(items) => {
                if items.iter().all(|i| matches!(i, ArrItem::Item(_))) {
                    let v: Vec<String> = items
                        .iter()
                        .filter_map(|i| match i {
                            ArrItem::Item(x) => Some(self.expr(x, sc)),
                            ArrItem::Spread(_) => None,
                        })
                        .collect();
                    return format!("createArray({})", v.join(", "));
                }
                let parts: Vec<String> = items
                    .iter()
                    .map(|i| match i {
                        ArrItem::Item(x) => format!("createArray({})", self.expr(x, sc)),
                        ArrItem::Spread(x) => self.expr(x, sc),
                    })
                    .collect();
                format!("flatten(createArray({}))", parts.join(", "))
            }
            ExprKind::For {
                item,
                index,
                iter,
                body,
            } => {
                let it = self.expr(iter, sc);
                let mut inner =
                    sc.with(item.name, format!("lambdaVariables({})", quote(item.name)));
                let mut names = vec![quote(item.name)];
                if let Some(i) = index {
                    inner = inner.with(i.name, format!("lambdaVariables({})", quote(i.name)));
                    names.push(quote(i.name));
                }
                let (source, body) = match &body.kind {
                    ExprKind::If { cond, body } => {
                        let c = self.expr(cond, &inner);
                        (
                            format!("filter({it}, lambda({}, {c}))", names.join(", ")),
                            body,
                        )
                    }
                    _ => (it, body),
                };
                let b = self.expr(body, &inner);
                format!("map({source}, lambda({}, {b}))", names.join(", "))
            }
            ExprKind::If { .. } => {
                self.errors.push((
                    e.span,
                    "`if` is only allowed on a resource or module".into(),
                ));
                "null()".into()
            }
        }
    }

    fn string(&mut self, parts: &[StrPart], sc: &Scope) -> String {
        if let [StrPart::Lit(s)] = parts {
            return quote(s);
        }
        if parts.is_empty() {
            return "''".into();
        }
        let mut fmt = String::new();
        let mut args = Vec::new();
        for p in parts {
            match p {
                StrPart::Lit(s) => fmt.push_str(&s.replace('{', "{{").replace('}', "}}")),
                StrPart::Interp(x) => {
                    fmt.push_str(&format!("{{{}}}", args.len()));
                    args.push(self.expr(x, sc));
                }
            }
        }
        format!("format({}, {})", quote(&fmt), args.join(", "))
    }

    fn ident(&mut self, n: &str, sc: &Scope) -> String {
        if let Some(t) = sc.get(n) {
            return t.to_string();
        }
        let key = self.resolve(n);
        let n = key.as_str();
        match self.syms.get(n).cloned() {
            Some(Sym::Param) => format!("parameters({})", quote(n)),
            Some(Sym::Var) => format!("variables({})", quote(n)),
            Some(Sym::Resource(info)) => {
                self.refs.insert(n.to_string());
                format!(
                    "reference({}, {}, 'full')",
                    quote(&info.key),
                    quote(&info.api)
                )
            }
            Some(Sym::Module) => {
                self.refs.insert(n.to_string());
                format!("reference({})", quote(n))
            }
            // Imported symbols and anything else the file does not declare:
            // unknown to idlint, so opaque.
            _ => format!("__bicep.{}()", sanitize(n)),
        }
    }

    fn member(&mut self, base: &Expr, name: &Ident, safe: bool, sc: &Scope) -> String {
        // `res.x`, `res[i].x`: a declared resource's own facts are inlined
        // as the compiler inlines them; the rest is `reference()`.
        let (sym, index) = match &base.kind {
            ExprKind::Ident(s) if sc.get(s).is_none() => (Some(self.resolve(s)), None),
            ExprKind::NestedResource { .. } => (self.symbol_of(base), None),
            ExprKind::Index { base: b, index, .. } => match &b.kind {
                ExprKind::Ident(s) if sc.get(s).is_none() => {
                    (Some(self.resolve(s)), Some(self.expr(index, sc)))
                }
                _ => (None, None),
            },
            _ => (None, None),
        };
        if let Some(sym) = sym {
            match self.syms.get(&sym).cloned() {
                Some(Sym::Resource(info)) => {
                    self.refs.insert(sym.clone());
                    let n = name.name;
                    return match n {
                        "id" => self.resource_id(&sym, index, sc),
                        "name" if self.inlining < MAX_INLINING => {
                            self.inlining += 1;
                            let isc = self.instance_scope(&info, index, sc);
                            let name = match &info.name {
                                Some(x) => self.expr(x, &isc),
                                None => quote(&sym),
                            };
                            self.inlining -= 1;
                            name
                        }
                        "name" => "__bicep.resourceNameTooDeep()".into(),
                        "type" => quote(&info.ty),
                        "apiVersion" => quote(&info.api),
                        "properties" => match index {
                            Some(i) => format!("reference(format('{}[{{0}}]', {i}))", info.key),
                            None => format!("reference({})", quote(&info.key)),
                        },
                        _ => {
                            let r = match index {
                                Some(i) => format!(
                                    "reference(format('{}[{{0}}]', {i}), {}, 'full')",
                                    info.key,
                                    quote(&info.api)
                                ),
                                None => format!(
                                    "reference({}, {}, 'full')",
                                    quote(&info.key),
                                    quote(&info.api)
                                ),
                            };
                            if safe {
                                format!("tryGet({r}, {})", quote(n))
                            } else {
                                format!("{r}.{n}")
                            }
                        }
                    };
                }
                Some(Sym::Module) => {
                    self.refs.insert(sym.clone());
                    let r = match index {
                        Some(i) => format!("reference(format('{}[{{0}}]', {i}))", sym),
                        None => format!("reference({})", quote(&sym)),
                    };
                    return match name.name {
                        "name" => quote(&sym),
                        "outputs" => format!("{r}.outputs"),
                        other => format!("{r}.{other}"),
                    };
                }
                _ => {}
            }
        }
        // `mod.outputs.x` → `reference('mod').outputs.x.value`.
        if let ExprKind::Member {
            base: b2, name: n2, ..
        } = &base.kind
        {
            if n2.name == "outputs" {
                if let ExprKind::Ident(s) = &b2.kind {
                    if matches!(self.syms.get(*s), Some(Sym::Module)) && sc.get(s).is_none() {
                        let b = self.expr(base, sc);
                        return format!("{b}.{}.value", name.name);
                    }
                }
            }
        }
        if let ExprKind::Ident(ns) = &base.kind {
            if (*ns == "az" || *ns == "sys") && sc.get(ns).is_none() && !self.syms.contains_key(*ns)
            {
                return format!("__bicep.{}()", sanitize(name.name));
            }
        }
        let b = self.expr(base, sc);
        if safe {
            format!("tryGet({b}, {})", quote(name.name))
        } else {
            format!("{b}.{}", name.name)
        }
    }

    fn call(&mut self, target: Option<&Expr>, name: &Ident, args: &[Expr], sc: &Scope) -> String {
        let n = name.name;
        // `res.listKeys()`, `parent::child.listKeys()`, `res[0].listX()`:
        // the resource's ID and API version.
        if let Some((sym, index)) = target.and_then(|t| self.resource_target(t, sc)) {
            let Some(Sym::Resource(info)) = self.syms.get(&sym).cloned() else {
                return "null()".into();
            };
            let id = self.resource_id(&sym, index, sc);
            if n.to_ascii_lowercase().starts_with("list") {
                let mut a = vec![id, quote(&info.api)];
                a.extend(args.iter().skip(1).map(|x| self.expr(x, sc)));
                return format!("{n}({})", a.join(", "));
            }
            // `kv.getSecret()` outside module inputs is not valid Bicep.
            return format!("__bicep.{}()", sanitize(n));
        }
        match target {
            Some(Expr {
                kind: ExprKind::Ident(ns),
                ..
            }) if (*ns == "az" || *ns == "sys")
                && sc.get(ns).is_none()
                && !self.syms.contains_key(*ns) =>
            {
                self.builtin(n, args, sc)
            }
            Some(t) => {
                // An imported namespace's function, or a method on a value.
                let _ = self.expr(t, sc);
                let a: Vec<String> = args.iter().map(|x| self.expr(x, sc)).collect();
                format!("__bicep.{}({})", sanitize(n), a.join(", "))
            }
            None if matches!(self.syms.get(n), Some(Sym::Func)) => {
                let a: Vec<String> = args.iter().map(|x| self.expr(x, sc)).collect();
                format!("__bicep.{}({})", sanitize(n), a.join(", "))
            }
            None => self.builtin(n, args, sc),
        }
    }

    fn builtin(&mut self, n: &str, args: &[Expr], sc: &Scope) -> String {
        let lower = n.to_ascii_lowercase();
        match lower.as_str() {
            // Type hints with no value of their own.
            "any" if args.len() == 1 => return self.expr(&args[0], sc),
            "nameof" => {
                if let Some(Expr {
                    kind: ExprKind::Ident(x),
                    ..
                }) = args.first()
                {
                    return quote(x);
                }
            }
            // Compile-time file reads and environment: not read by idlint.
            "loadtextcontent"
            | "loadjsoncontent"
            | "loadyamlcontent"
            | "loadfileasbase64"
            | "readenvironmentvariable"
            | "externalinput"
            | "getsecret" => {
                return format!("__bicep.{}()", sanitize(n));
            }
            _ => {}
        }
        let a: Vec<String> = args.iter().map(|x| self.expr(x, sc)).collect();
        format!("{n}({})", a.join(", "))
    }
}

/// A name made safe for an opaque call's name.
fn sanitize(n: &str) -> String {
    n.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(64)
        .collect()
}

fn is_namespace(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Ident(n) if *n == "az" || *n == "sys")
}

/// A resource or module value taken apart: `[for x in y: if (c) {...}]`.
struct DeclParts<'e> {
    /// The `for` expression, when the declaration loops.
    looped: Option<&'e Expr<'e>>,
    /// The `if` condition.
    cond: Option<&'e Expr<'e>>,
    /// The object declared; none when the value is not one.
    body: Option<&'e Expr<'e>>,
}

fn decl_parts<'e>(value: &'e Expr<'e>) -> DeclParts<'e> {
    let mut v = value;
    let mut looped = None;
    let mut cond = None;
    if let ExprKind::For { body, .. } = &v.kind {
        looped = Some(v);
        v = body;
    }
    if let ExprKind::If { cond: c, body } = &v.kind {
        cond = Some(*c);
        v = body;
    }
    DeclParts {
        looped,
        cond,
        body: matches!(v.kind, ExprKind::Object(_)).then_some(v),
    }
}

/// The body of a resource or module value, and its loop if any.
fn unwrap_value<'e>(v: &'e Expr<'e>) -> (Option<&'e Expr<'e>>, Option<Loop<'e>>) {
    let parts = decl_parts(v);
    let looped = parts.looped.and_then(|f| match f.kind {
        ExprKind::For {
            item, index, iter, ..
        } => Some((
            item.name.to_string(),
            index.map(|i| i.name.to_string()),
            *iter,
        )),
        _ => None,
    });
    (parts.body, looped)
}

/// `properties.template: loadJsonContent('<literal path>')` of a
/// deployment's body: the path.
fn loaded_template<'e>(body: &'e Expr<'e>) -> Option<&'e str> {
    fn prop<'e>(e: &'e Expr<'e>, key: &str) -> Option<&'e Expr<'e>> {
        let ExprKind::Object(items) = &e.kind else {
            return None;
        };
        items.iter().find_map(|i| match i {
            ObjItem::Prop {
                key: ObjKey::Name(k),
                value,
                ..
            } if *k == key => Some(value),
            _ => None,
        })
    }
    let t = prop(prop(body, "properties")?, "template")?;
    let ExprKind::Call { name, args, .. } = &t.kind else {
        return None;
    };
    if !name.name.eq_ignore_ascii_case("loadJsonContent") || args.len() != 1 {
        return None;
    }
    match args[0].kind {
        ExprKind::String([StrPart::Lit(p)]) => Some(p),
        _ => None,
    }
}

/// The template type a literal default has.
fn shape_type(e: &Expr) -> Option<&'static str> {
    match &e.kind {
        ExprKind::String(_) => Some("string"),
        ExprKind::Int(_) => Some("int"),
        ExprKind::Bool(_) => Some("bool"),
        ExprKind::Array(_) | ExprKind::For { .. } => Some("array"),
        ExprKind::Object(_) => Some("object"),
        ExprKind::Paren(x) => shape_type(x),
        _ => None,
    }
}

/// A literal (`'a'`, `1`, `-1`, `true`) as JSON.
fn constant(e: &Expr) -> Option<Json> {
    match &e.kind {
        ExprKind::String(parts) => match *parts {
            [StrPart::Lit(s)] => Some(literal(s, e.span)),
            [] => Some(string("", e.span)),
            _ => None,
        },
        ExprKind::Int(n) => Some(json(JsonKind::Number(*n as f64), e.span)),
        ExprKind::Bool(b) => Some(json(JsonKind::Bool(*b), e.span)),
        ExprKind::Unary {
            op: UnaryOp::Neg,
            expr,
        } => match expr.kind {
            ExprKind::Int(n) => Some(json(JsonKind::Number(-(n as f64)), e.span)),
            _ => None,
        },
        _ => None,
    }
}
