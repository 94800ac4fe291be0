//! Folding evaluator for ARM template expressions. It computes what it can,
//! keeps provenance (parameter default, variable, module input), and returns a
//! typed unknown for the rest: inputs without values, `reference()` attributes,
//! `list*()` secrets, volatile functions, anything unsupported.

use super::expr::{self, Expr, ExprKind, StringForm};
use crate::model::ids::{self, ScopeLevel};
use crate::model::value::{
    merge_via, Attr, ContextValue, Entry, FileId, Kind, Loc, Part, ResourceRef, Step, StepKind,
    SymRef, Unknown, Value,
};
use crate::model::LoadError;
use crate::source::jsonc::{Json, JsonKind, Member};
use crate::source::Span;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

/// Copy loops with more instances than this are evaluated once, with an
/// unknown index: findings are per declaration, so more instances add nothing.
pub const MAX_UNROLL: usize = 16;

pub use crate::model::value::ops::{bounded, size_within, MAX_ITEMS, MAX_STRING};
/// Nesting of JSON values and expressions being evaluated, across variables
/// and parameters that use each other: deeper is not followed, so that a long
/// chain of variables cannot overflow the stack.
const MAX_EVAL_DEPTH: usize = 320;

/// Evaluation steps (JSON values and expressions) one template load may take,
/// nested deployments included; past this every value is unknown, with one
/// error. The largest templates in the corpus take some 31,000; lambdas
/// nested in lambdas over long ranges could otherwise take billions.
pub const MAX_STEPS: usize = 500_000;

thread_local! {
    /// Steps left for the template being loaded on this thread.
    static STEPS_LEFT: Cell<usize> = const { Cell::new(MAX_STEPS) };
}

/// Gives the template about to be loaded on this thread the whole budget.
pub fn reset_steps() {
    STEPS_LEFT.with(|s| s.set(MAX_STEPS));
}

/// Steps spent since the last `reset_steps()` on this thread.
pub fn steps_spent() -> usize {
    MAX_STEPS - STEPS_LEFT.with(Cell::get)
}

/// Loop indexes and lambda variables in scope while evaluating.
#[derive(Clone, Debug, Default)]
pub struct Env {
    /// `copyIndex()` of the resource loop.
    pub copy_index: Option<Value>,
    /// `copyIndex('name')` of named loops and `lambdaVariables('name')`, innermost last.
    pub named: Vec<(String, Value)>,
}

impl Env {
    pub fn with(&self, name: &str, v: Value) -> Env {
        let mut e = self.clone();
        e.named.push((name.to_ascii_lowercase(), v));
        e
    }
    fn lookup(&self, name: &str) -> Option<&Value> {
        let n = name.to_ascii_lowercase();
        self.named
            .iter()
            .rev()
            .find(|(k, _)| *k == n)
            .map(|(_, v)| v)
    }
}

pub struct ParamDecl<'t> {
    pub name: String,
    pub loc: Loc,
    pub secure: bool,
    pub ty: Option<String>,
    pub nullable: bool,
    pub default: Option<&'t Member>,
    /// Value from a parameter file or the caller, already carrying its step.
    pub given: Option<Value>,
    /// Declared with `allowedValues`.
    pub enumerated: bool,
    /// The `allowedValues` that are strings.
    pub allowed: Vec<String>,
}

enum Slot {
    Pending,
    InProgress,
    Done(Value),
}

/// Evaluation scope of one template (the outer template, or an inner-scoped nested one).
pub struct Evaluator<'t> {
    pub file: FileId,
    pub level: Option<ScopeLevel>,
    pub params: Vec<ParamDecl<'t>>,
    param_index: HashMap<String, usize>,
    param_cache: RefCell<Vec<Slot>>,
    vars: Vec<&'t Member>,
    var_loops: Vec<&'t Json>,
    var_index: HashMap<String, VarRef>,
    var_cache: RefCell<HashMap<String, Slot>>,
    /// Symbolic resource names (`languageVersion` 2.0) → the resources they name.
    pub symbols: RefCell<HashMap<String, ResourceRef>>,
    /// Outputs of nested deployments already evaluated, by deployment key.
    pub deployment_outputs: RefCell<HashMap<String, Vec<(String, Value)>>>,
    /// Keys of the resources `reference()` named by symbolic name or by a
    /// name that is not a resource ID since the loader last took them: ARM
    /// makes the resource being evaluated depend on them.
    pub implied: RefCell<Vec<String>>,
    pub errors: RefCell<Vec<LoadError>>,
    depth: Cell<usize>,
}

/// One level of evaluation nesting, given back when dropped.
struct Depth<'a>(&'a Cell<usize>);

impl Drop for Depth<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get() - 1);
    }
}

#[derive(Clone, Copy)]
enum VarRef {
    Plain(usize),
    Loop(usize),
}

impl<'t> Evaluator<'t> {
    pub fn new(
        file: FileId,
        level: Option<ScopeLevel>,
        params: Vec<ParamDecl<'t>>,
        variables: Option<&'t Json>,
    ) -> Evaluator<'t> {
        let param_index = params
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.to_ascii_lowercase(), i))
            .collect();
        let mut vars = Vec::new();
        let mut var_loops = Vec::new();
        let mut var_index = HashMap::new();
        for m in variables.and_then(Json::as_object).unwrap_or(&[]) {
            if m.key.eq_ignore_ascii_case("copy") {
                for l in m.value.as_array().unwrap_or(&[]) {
                    if let Some(name) = l.get("name").and_then(Json::as_str) {
                        var_index.insert(name.to_ascii_lowercase(), VarRef::Loop(var_loops.len()));
                        var_loops.push(l);
                    }
                }
            } else {
                var_index.insert(m.key.to_ascii_lowercase(), VarRef::Plain(vars.len()));
                vars.push(m);
            }
        }
        let n = params.len();
        Evaluator {
            file,
            level,
            params,
            param_index,
            param_cache: RefCell::new((0..n).map(|_| Slot::Pending).collect()),
            vars,
            var_loops,
            var_index,
            var_cache: RefCell::new(HashMap::new()),
            symbols: RefCell::new(HashMap::new()),
            deployment_outputs: RefCell::new(HashMap::new()),
            implied: RefCell::new(Vec::new()),
            errors: RefCell::new(Vec::new()),
            depth: Cell::new(0),
        }
    }

    /// One evaluation step; false once the budget is spent (reported once).
    fn spend(&self, loc: Loc) -> bool {
        let left = STEPS_LEFT.with(Cell::get);
        if left == 0 {
            return false;
        }
        STEPS_LEFT.with(|s| s.set(left - 1));
        if left == 1 {
            self.error(
                loc,
                format!("evaluation stopped after {MAX_STEPS} steps, too many to follow (lambdas nested over long arrays?); later values are unknown"),
            );
        }
        true
    }

    fn enter(&self) -> Option<Depth<'_>> {
        let d = self.depth.get();
        if d >= MAX_EVAL_DEPTH {
            return None;
        }
        self.depth.set(d + 1);
        Some(Depth(&self.depth))
    }

    pub fn loc(&self, span: Span) -> Loc {
        Loc::new(self.file, span)
    }

    fn error(&self, loc: Loc, message: String) {
        self.errors.borrow_mut().push(LoadError { loc, message });
    }

    /// Evaluates a JSON value of the template, folding expressions in strings.
    pub fn json(&self, j: &Json, env: &Env) -> Value {
        let loc = self.loc(j.span);
        if !self.spend(loc) {
            return Value::opaque("too much to evaluate", loc);
        }
        let Some(_depth) = self.enter() else {
            return Value::opaque("nested too deeply to follow", loc);
        };
        match &j.kind {
            JsonKind::Null => Value::new(Kind::Null, loc),
            JsonKind::Bool(b) => Value::new(Kind::Bool(*b), loc),
            JsonKind::Number(n) => Value::new(Kind::Number(*n), loc),
            JsonKind::String(s) => self.string(s, j, env),
            JsonKind::Array(items) => {
                Value::array(items.iter().map(|i| self.json(i, env)).collect(), loc)
            }
            JsonKind::Object(members) => {
                let mut entries = Vec::with_capacity(members.len());
                for m in members {
                    if m.key.eq_ignore_ascii_case("copy") && is_property_loop(&m.value) {
                        self.property_loops(&m.value, env, &mut entries);
                        continue;
                    }
                    entries.push(self.member(m, env));
                }
                Value::object(entries, loc)
            }
        }
    }

    /// One object member; a key written as an expression is evaluated.
    pub fn member(&self, m: &Member, env: &Env) -> Entry {
        let key = match expr::classify(&m.key) {
            StringForm::Literal(s) => s.into_owned(),
            StringForm::Expression(..) => {
                let k = self.string(&m.key, &m.value, env);
                match k.as_str() {
                    Some(s) => s.to_string(),
                    None => k.match_key().unwrap_or_else(|| m.key.clone()),
                }
            }
        };
        Entry {
            key,
            key_loc: self.loc(m.key_span),
            value: self.json(&m.value, env),
        }
    }

    /// Evaluates an object key written as an expression (`userAssignedIdentities`).
    pub fn key_value(&self, m: &Member, env: &Env) -> Value {
        let loc = self.loc(m.key_span);
        match expr::classify(&m.key) {
            StringForm::Literal(s) => Value::string(s.into_owned(), loc),
            StringForm::Expression(text, offset) => {
                let verbatim = m.key.len() + 2 == m.key_span.len();
                self.expression(text, offset, loc, verbatim, env)
            }
        }
    }

    fn string(&self, s: &str, j: &Json, env: &Env) -> Value {
        let loc = self.loc(j.span);
        match expr::classify(s) {
            StringForm::Literal(s) => Value::string(s.into_owned(), loc),
            StringForm::Expression(text, offset) => {
                self.expression(text, offset, loc, j.string_is_verbatim(), env)
            }
        }
    }

    fn expression(&self, text: &str, offset: usize, loc: Loc, verbatim: bool, env: &Env) -> Value {
        match expr::parse(text) {
            Ok(e) => self.eval(&e, loc, env),
            Err(err) => {
                // Point at the offending character when the JSON string has no escapes.
                let at = if verbatim {
                    let start = loc.span.start as usize + 1 + offset + err.offset;
                    Loc::new(
                        loc.file,
                        Span::new(start, (start + 1).min(loc.span.end as usize)),
                    )
                } else {
                    loc
                };
                self.error(at, format!("invalid template expression: {}", err.message));
                Value::opaque("invalid expression", loc)
            }
        }
    }

    /// The value of parameter `name`: given, else default, else unknown input.
    pub fn param(&self, name: &str, loc: Loc, report_missing: bool) -> Value {
        let Some(&i) = self.param_index.get(&name.to_ascii_lowercase()) else {
            if report_missing {
                self.error(loc, format!("parameter `{name}` is not declared"));
            }
            return Value::opaque(format!("undeclared parameter `{name}`"), loc);
        };
        if let Slot::Done(v) = &self.param_cache.borrow()[i] {
            return v.clone();
        }
        if matches!(self.param_cache.borrow()[i], Slot::InProgress) {
            return Value::opaque(format!("parameter `{name}` depends on itself"), loc);
        }
        self.param_cache.borrow_mut()[i] = Slot::InProgress;
        let p = &self.params[i];
        let v = if let Some(g) = &p.given {
            g.clone()
        } else if let Some(d) = p.default {
            let step = Step {
                kind: StepKind::Default,
                name: p.name.clone(),
                loc: p.loc,
                secure: p.secure,
                noun: "parameter",
            };
            self.json(&d.value, &Env::default()).through(step)
        } else {
            Value::unknown(
                Unknown::Input {
                    name: p.name.clone(),
                    secure: p.secure,
                },
                p.loc,
            )
        };
        let v = bounded(v);
        self.param_cache.borrow_mut()[i] = Slot::Done(v.clone());
        v
    }

    pub fn variable(&self, name: &str, loc: Loc, report_missing: bool) -> Value {
        let lname = name.to_ascii_lowercase();
        let Some(&r) = self.var_index.get(&lname) else {
            if report_missing {
                self.error(loc, format!("variable `{name}` is not declared"));
            }
            return Value::opaque(format!("undeclared variable `{name}`"), loc);
        };
        match self.var_cache.borrow().get(&lname) {
            Some(Slot::Done(v)) => return v.clone(),
            Some(Slot::InProgress) => {
                return Value::opaque(format!("variable `{name}` depends on itself"), loc)
            }
            _ => {}
        }
        self.var_cache
            .borrow_mut()
            .insert(lname.clone(), Slot::InProgress);
        let (v, decl) = match r {
            VarRef::Plain(i) => {
                let m = self.vars[i];
                (self.json(&m.value, &Env::default()), self.loc(m.key_span))
            }
            VarRef::Loop(i) => {
                let l = self.var_loops[i];
                (
                    self.loop_array(l, &Env::default(), &lname),
                    self.loc(l.span),
                )
            }
        };
        let v = bounded(v).through(Step {
            kind: StepKind::Named,
            name: name.to_string(),
            loc: decl,
            secure: false,
            noun: "variable",
        });
        self.var_cache
            .borrow_mut()
            .insert(lname, Slot::Done(v.clone()));
        v
    }

    /// The JSON of a plain variable, for a nested `template` that Bicep emits
    /// as `[variables('$fxv#0')]`.
    pub fn raw_variable(&self, name: &str) -> Option<&'t Json> {
        match self.var_index.get(&name.to_ascii_lowercase())? {
            VarRef::Plain(i) => Some(&self.vars[*i].value),
            VarRef::Loop(_) => None,
        }
    }

    /// `{"name", "count", "input"}` → array of inputs with `copyIndex(name)` bound.
    fn loop_array(&self, l: &Json, env: &Env, name: &str) -> Value {
        let loc = self.loc(l.span);
        let Some(input) = l.get("input") else {
            return Value::opaque("copy loop without `input`", loc);
        };
        let count = l.get("count").map(|c| self.json(c, env));
        match count.as_ref().and_then(Value::as_number) {
            Some(n) if n >= 0.0 && (n as usize) <= MAX_UNROLL => {
                let items = (0..n as usize)
                    .map(|i| {
                        let env = env.with(name, Value::new(Kind::Number(i as f64), loc));
                        self.json(input, &env)
                    })
                    .collect();
                Value::array(items, loc)
            }
            _ => Value::opaque("copy loop with an unknown or large count", loc),
        }
    }

    fn property_loops(&self, loops: &Json, env: &Env, out: &mut Vec<Entry>) {
        for l in loops.as_array().unwrap_or(&[]) {
            let Some(name_m) = l.member("name") else {
                continue;
            };
            let Some(name) = name_m.value.as_str() else {
                continue;
            };
            out.push(Entry {
                key: name.to_string(),
                key_loc: self.loc(name_m.value.span),
                value: self.loop_array(l, env, &name.to_ascii_lowercase()),
            });
        }
    }

    /// Evaluates a parsed expression; `loc` is the JSON string holding it.
    pub fn eval(&self, e: &Expr, loc: Loc, env: &Env) -> Value {
        if !self.spend(loc) {
            return Value::opaque("too much to evaluate", loc);
        }
        let Some(_depth) = self.enter() else {
            return Value::opaque("nested too deeply to follow", loc);
        };
        match &e.kind {
            ExprKind::Str(s) => Value::string(s.clone(), loc),
            ExprKind::Num(n) => Value::new(Kind::Number(*n), loc),
            ExprKind::Bool(b) => Value::new(Kind::Bool(*b), loc),
            ExprKind::Null => Value::new(Kind::Null, loc),
            ExprKind::Prop(base, name) => {
                let b = self.eval(base, loc, env);
                member_of(&b, name, loc)
            }
            ExprKind::Index(base, idx) => {
                let b = self.eval(base, loc, env);
                let i = self.eval(idx, loc, env);
                index_of(&b, &i, loc)
            }
            ExprKind::Call { name, args } => self.call(name, args, loc, env),
        }
    }

    /// A `null()` branch chosen by a condition on inputs
    /// (`if(not(equals(parameters('exp'), -1)), parameters('exp'), null())`)
    /// comes through those inputs: they decide, so the null is not written
    /// in place (as Terraform's `try(each.value.x, null)`).
    fn null_through_condition(&self, v: Value, cond: &Expr, loc: Loc, env: &Env) -> Value {
        if !(v.is_null() && v.via.is_empty()) {
            return v;
        }
        let mut steps = Vec::new();
        self.parameter_steps(cond, loc, env, &mut steps);
        Value { via: steps, ..v }
    }

    /// The steps of the parameters an expression reads.
    fn parameter_steps(&self, e: &Expr, loc: Loc, env: &Env, out: &mut Vec<Step>) {
        match &e.kind {
            ExprKind::Call { name, .. } if name.eq_ignore_ascii_case("parameters") => {
                for s in self.eval(e, loc, env).via {
                    if !out.contains(&s) {
                        out.push(s);
                    }
                }
            }
            ExprKind::Call { args, .. } => {
                for a in args {
                    self.parameter_steps(a, loc, env, out);
                }
            }
            ExprKind::Prop(b, _) => self.parameter_steps(b, loc, env, out),
            ExprKind::Index(b, i) => {
                self.parameter_steps(b, loc, env, out);
                self.parameter_steps(i, loc, env, out);
            }
            _ => {}
        }
    }

    fn args(&self, args: &[Expr], loc: Loc, env: &Env) -> Vec<Value> {
        args.iter().map(|a| self.eval(a, loc, env)).collect()
    }

    fn call(&self, name: &str, args: &[Expr], loc: Loc, env: &Env) -> Value {
        let lname = name.to_ascii_lowercase();
        // Functions with lazy or special argument handling first.
        match lname.as_str() {
            "if" => {
                if args.len() != 3 {
                    return self.arity(name, loc);
                }
                let c = self.eval(&args[0], loc, env);
                return match c.as_bool() {
                    Some(b) => {
                        let v = self.eval(&args[if b { 1 } else { 2 }], loc, env);
                        self.null_through_condition(v, &args[0], loc, env)
                    }
                    None => {
                        let a = self.eval(&args[1], loc, env);
                        let b = self.eval(&args[2], loc, env);
                        if same_value(&a, &b) {
                            a
                        } else {
                            Value::opaque("depends on a condition that is not known", loc)
                        }
                    }
                };
            }
            "and" | "or" => {
                let stop = lname == "or";
                let mut unknown = false;
                for a in args {
                    match self.eval(a, loc, env).as_bool() {
                        Some(b) if b == stop => return Value::new(Kind::Bool(stop), loc),
                        Some(_) => {}
                        None => unknown = true,
                    }
                }
                return if unknown {
                    Value::opaque(format!("`{name}()` of unknown values"), loc)
                } else {
                    Value::new(Kind::Bool(!stop), loc)
                };
            }
            "coalesce" => {
                for a in args {
                    let v = self.eval(a, loc, env);
                    match &v.kind {
                        Kind::Null => continue,
                        Kind::Unknown(_) => {
                            return Value::opaque("`coalesce()` of an unknown value", loc)
                        }
                        _ => return v,
                    }
                }
                return Value::new(Kind::Null, loc);
            }
            "copyindex" => {
                let a = self.args(args, loc, env);
                let (idx, offset) = match a.first().map(|v| &v.kind) {
                    Some(Kind::String(n)) => (env.lookup(n).cloned(), a.get(1)),
                    _ => (env.copy_index.clone(), a.first()),
                };
                let Some(idx) = idx else {
                    return Value::opaque("`copyIndex()` outside a copy loop", loc);
                };
                let off = offset.and_then(Value::as_number).unwrap_or(0.0);
                return match idx.as_number() {
                    Some(n) => Value::new(Kind::Number(n + off), loc),
                    None => idx,
                };
            }
            "lambdavariables" => {
                let a = self.args(args, loc, env);
                return match a
                    .first()
                    .and_then(Value::as_str)
                    .and_then(|n| env.lookup(n))
                {
                    Some(v) => v.clone(),
                    None => Value::opaque("unknown lambda variable", loc),
                };
            }
            "map" | "filter" | "toobject" | "reduce" | "sort" | "groupby" | "mapvalues" => {
                return self.lambda_call(&lname, args, loc, env)
            }
            "lambda" => return Value::opaque("`lambda()` outside a lambda function", loc),
            "parameters" | "variables" => {
                if args.len() != 1 {
                    return self.arity(name, loc);
                }
                let n = self.eval(&args[0], loc, env);
                // Only a name written in the expression is checked against the
                // declarations; a computed one may be right for other inputs.
                let literal = matches!(args[0].kind, ExprKind::Str(_));
                let Some(n) = n.as_str() else {
                    return Value::opaque(format!("{lname} name is not known"), loc);
                };
                return if lname == "parameters" {
                    self.param(n, loc, literal)
                } else {
                    self.variable(n, loc, literal)
                };
            }
            _ => {}
        }
        let a = self.args(args, loc, env);
        if lname.contains('.') {
            return Value::opaque(
                format!("user-defined function `{name}` is not evaluated"),
                loc,
            );
        }
        if lname.starts_with("list") {
            let target = a.first().and_then(|v| self.target_of(v));
            let service = target.as_ref().and_then(ids::literal_name);
            return Value::unknown(
                Unknown::ServiceSecret {
                    source: format!("{name}()"),
                    target,
                    name: service,
                },
                loc,
            );
        }
        super::functions::call(self, &lname, name, a, loc)
    }

    pub(super) fn arity(&self, name: &str, loc: Loc) -> Value {
        self.error(loc, format!("wrong number of arguments to `{name}()`"));
        Value::opaque(format!("bad call to `{name}()`"), loc)
    }

    fn lambda_call(&self, lname: &str, args: &[Expr], loc: Loc, env: &Env) -> Value {
        let lambda_at = if lname == "reduce" { 2 } else { 1 };
        let Some(arr_expr) = args.first() else {
            return self.arity(lname, loc);
        };
        let arr = self.eval(arr_expr, loc, env);
        let Some(items) = arr.as_array() else {
            return Value::opaque(format!("`{lname}()` of an unknown array"), loc);
        };
        let lambda = |i: usize| -> Option<(Vec<String>, &Expr)> {
            match &args.get(i)?.kind {
                ExprKind::Call { name, args: la } if name.eq_ignore_ascii_case("lambda") => {
                    let (body, names) = la.split_last()?;
                    let names = names
                        .iter()
                        .map(|n| match &n.kind {
                            ExprKind::Str(s) => Some(s.clone()),
                            _ => None,
                        })
                        .collect::<Option<Vec<_>>>()?;
                    Some((names, body))
                }
                _ => None,
            }
        };
        let Some((names, body)) = lambda(lambda_at) else {
            return Value::opaque(format!("`{lname}()` without a lambda"), loc);
        };
        let bind = |item: &Value, i: usize| -> Env {
            let mut e = env.with(names.first().map_or("", |s| s), item.clone());
            if let Some(n) = names.get(1) {
                e = e.with(n, Value::new(Kind::Number(i as f64), loc));
            }
            e
        };
        let v = match lname {
            "map" => {
                let mut out = Vec::with_capacity(items.len());
                let mut left = MAX_ITEMS;
                for (i, it) in items.iter().enumerate() {
                    let v = self.eval(body, loc, &bind(it, i));
                    match size_within(&v, left) {
                        Some(n) if n < left => left -= n + 1,
                        _ => return Value::opaque("`map()` of a value too large to follow", loc),
                    }
                    out.push(v);
                }
                Value::array(out, loc)
            }
            "filter" => {
                let mut out = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    match self.eval(body, loc, &bind(it, i)).as_bool() {
                        Some(true) => out.push(it.clone()),
                        Some(false) => {}
                        None => return Value::opaque("`filter()` with an unknown predicate", loc),
                    }
                }
                Value::array(out, loc)
            }
            "toobject" => {
                let value_fn = lambda(2);
                let mut entries = Vec::new();
                let mut left = MAX_ITEMS;
                for (i, it) in items.iter().enumerate() {
                    let k = self.eval(body, loc, &bind(it, i));
                    let Some(k) = k.as_str().map(str::to_string) else {
                        return Value::opaque("`toObject()` with an unknown key", loc);
                    };
                    let v = match &value_fn {
                        Some((vn, vb)) => {
                            let e = env.with(vn.first().map_or("", |s| s), it.clone());
                            self.eval(vb, loc, &e)
                        }
                        None => it.clone(),
                    };
                    match size_within(&v, left) {
                        Some(n) if n < left => left -= n + 1,
                        _ => {
                            return Value::opaque("`toObject()` of values too large to follow", loc)
                        }
                    }
                    entries.push(Entry {
                        key: k,
                        key_loc: loc,
                        value: v,
                    });
                }
                Value::object(entries, loc)
            }
            "reduce" => {
                let mut acc = match args.get(1) {
                    Some(init) => self.eval(init, loc, env),
                    None => return self.arity(lname, loc),
                };
                for (i, it) in items.iter().enumerate() {
                    let mut e = env.with(names.first().map_or("", |s| s), acc);
                    e = e.with(names.get(1).map_or("", |s| s), it.clone());
                    if let Some(n) = names.get(2) {
                        e = e.with(n, Value::new(Kind::Number(i as f64), loc));
                    }
                    acc = self.eval(body, loc, &e);
                    if size_within(&acc, MAX_ITEMS).is_none() {
                        return Value::opaque("`reduce()` to a value too large to follow", loc);
                    }
                }
                return acc;
            }
            _ => return Value::opaque(format!("`{lname}()` is not evaluated"), loc),
        };
        // The new array or object holds the input's items: it came through
        // the same inputs.
        Value {
            via: arr.via.clone(),
            ..v
        }
    }

    /// The resource a `reference()`/`list*()` argument names: a symbolic name or an ID.
    pub fn target_of(&self, v: &Value) -> Option<ResourceRef> {
        if let Some(s) = v.as_str() {
            if let Some(r) = self.symbols.borrow().get(&s.to_ascii_lowercase()) {
                return Some(r.clone());
            }
        }
        ids::parse_id(v).and_then(|i| i.resource)
    }

    /// `reference(x, ...)`: outputs of nested deployments fold; other
    /// attributes become typed references.
    pub(super) fn reference(&self, a: &[Value], loc: Loc) -> Value {
        let Some(target) = a.first().and_then(|v| self.target_of(v)) else {
            return Value::opaque("`reference()` of an unknown resource", loc);
        };
        // ARM infers a dependency on a resource of the same template named by
        // symbolic name or name, not by resource ID (an absolute ID).
        if !a
            .first()
            .and_then(ids::segments)
            .is_some_and(|(absolute, _)| absolute)
        {
            self.implied.borrow_mut().push(target.key.clone());
        }
        let full = a
            .get(2)
            .and_then(Value::as_str)
            .is_some_and(|s| s.eq_ignore_ascii_case("full"));
        if target.ty == "microsoft.resources/deployments" {
            if let Some(outs) = self.deployment_outputs.borrow().get(&target.key) {
                let entries = outs
                    .iter()
                    .map(|(k, v)| Entry {
                        key: k.clone(),
                        key_loc: v.loc,
                        value: Value::object(
                            vec![Entry {
                                key: "value".into(),
                                key_loc: v.loc,
                                value: v.clone(),
                            }],
                            v.loc,
                        ),
                    })
                    .collect();
                let outputs = Value::object(entries, loc);
                let body = Value::object(
                    vec![Entry {
                        key: "outputs".into(),
                        key_loc: loc,
                        value: outputs,
                    }],
                    loc,
                );
                return if full {
                    Value::object(
                        vec![Entry {
                            key: "properties".into(),
                            key_loc: loc,
                            value: body,
                        }],
                        loc,
                    )
                } else {
                    body
                };
            }
        }
        Value::unknown(
            Unknown::Attribute(SymRef {
                target,
                attr: Attr::Other(if full { "@full".into() } else { String::new() }),
            }),
            loc,
        )
    }
}

fn is_property_loop(v: &Json) -> bool {
    v.as_array().is_some_and(|items| {
        !items.is_empty()
            && items
                .iter()
                .all(|i| i.get("name").is_some() && i.get("input").is_some())
    })
}

/// `.name` on a value. Typed references extend their attribute path.
pub fn member_of(b: &Value, name: &str, loc: Loc) -> Value {
    match &b.kind {
        Kind::Object(_) => match b.entry(name) {
            Some(e) => crate::model::value::ops::member_value(&e.value, b, name),
            None => Value::opaque(format!("no property `{name}`"), loc),
        },
        Kind::Unknown(u) => {
            let v = match &**u {
                Unknown::Attribute(r) => Unknown::Attribute(extend_attr(r, name)),
                Unknown::Input { name: n, secure } => Unknown::Input {
                    name: format!("{n}.{name}"),
                    secure: *secure,
                },
                Unknown::ServiceSecret { .. } | Unknown::KeyVault { .. } => (**u).clone(),
                _ => Unknown::Opaque {
                    reason: format!("property `{name}` of an unknown value"),
                },
            };
            Value {
                kind: Kind::Unknown(Arc::new(v)),
                loc,
                via: b.via.clone(),
            }
        }
        Kind::Null => Value::opaque(format!("property `{name}` of null"), loc),
        _ => Value::opaque(format!("property `{name}` of a non-object"), loc),
    }
}

/// A member or element `v` taken out of `container`: the container's
/// provenance comes first (once).
pub fn inherit_via(mut v: Value, container: &Value) -> Value {
    for s in container.via.iter().rev() {
        if !v.via.contains(s) {
            v.via.insert(0, s.clone());
        }
    }
    v
}

/// Maps the attribute path read from `reference()` to what it means.
fn extend_attr(r: &SymRef, name: &str) -> SymRef {
    let path = match &r.attr {
        Attr::Other(p) if p.is_empty() => name.to_string(),
        Attr::Other(p) => format!("{p}.{name}"),
        other => format!("{other:?}.{name}"),
    };
    let lower = path.to_ascii_lowercase();
    let lower = lower.strip_prefix("@full.").unwrap_or(&lower);
    let is_uami = r.target.ty == "microsoft.managedidentity/userassignedidentities";
    let attr = match lower {
        "identity.principalid" => Attr::SystemPrincipalId,
        "principalid" | "properties.principalid" if is_uami => Attr::PrincipalId,
        "clientid" | "properties.clientid" if is_uami => Attr::ClientId,
        "tenantid" | "properties.tenantid" if is_uami => Attr::TenantId,
        "id" | "resourceid" => Attr::Id,
        _ => Attr::Other(path),
    };
    SymRef {
        target: r.target.clone(),
        attr,
    }
}

pub fn index_of(b: &Value, i: &Value, loc: Loc) -> Value {
    match (&b.kind, &i.kind) {
        (Kind::Array(items), _) => match i.as_number() {
            Some(n) if n >= 0.0 && (n as usize) < items.len() => {
                inherit_via(items[n as usize].clone(), b)
            }
            Some(_) => Value::opaque("array index out of range", loc),
            None => Value::opaque("array index that is not known", loc),
        },
        (Kind::Object(_), Kind::String(k)) => member_of(b, k, loc),
        (Kind::Unknown(_), Kind::String(k)) => member_of(b, k, loc),
        (Kind::Unknown(u), _) => match &**u {
            Unknown::ServiceSecret { .. } | Unknown::KeyVault { .. } => Value {
                kind: b.kind.clone(),
                loc,
                via: b.via.clone(),
            },
            Unknown::Input { name, secure } => Value::unknown(
                Unknown::Input {
                    name: format!("{name}[]"),
                    secure: *secure,
                },
                loc,
            ),
            _ => Value::opaque("element of an unknown value", loc),
        },
        _ => Value::opaque("index into a value that is not known", loc),
    }
}

/// Whether both branches of an `if()` are the same value, so that the
/// condition does not matter. Strings compare exactly (`match_key` ignores case).
fn same_value(a: &Value, b: &Value) -> bool {
    match crate::model::value::ops::equal(a, b) {
        Some(same) => same,
        None => {
            a.match_key().is_some() && a.match_key() == b.match_key() && a.display() == b.display()
        }
    }
}

/// A string (or template) from parts; adjacent literals merge.
pub fn make_string(parts: Vec<Part>, loc: Loc, via: Vec<crate::model::Step>) -> Value {
    crate::model::value::ops::from_parts(parts, loc, via)
}

/// Parts of a value used in string building (ARM writes booleans `True`/`False`).
pub fn parts_of(v: &Value) -> Option<Vec<Part>> {
    crate::model::value::ops::parts_of(v, ("True", "False"))
}

pub fn context(c: ContextValue) -> Part {
    Part::Hole(Unknown::Context(c))
}

pub fn via_of(values: &[Value], loc: Loc) -> Vec<crate::model::Step> {
    merge_via(values.iter(), loc)
}
