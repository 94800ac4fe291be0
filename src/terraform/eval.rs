//! Folding evaluator for Terraform expressions with provenance. References to
//! resource and data attributes stay typed symbolic references, so rules can
//! ask whose principal ID, which subscription, which secret a value is.

use super::azurerm::{self, Meaning};
use super::parse::Src;
use crate::model::value::ops::{self, from_parts};
use crate::model::value::{
    merge_via, Attr, Entry, FileId, Kind, Loc, Part, ResourceRef, SymRef, Unknown, Value,
};
use crate::model::InstanceKey;
use crate::source::jsonc::{Json, JsonKind};
use crate::source::{Span, MAX_DEPTH};
use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Directive, Element, Template};
use hcl_edit::Span as _;
use std::path::Path;

/// Evaluation steps (expressions, templates, JSON values) one module tree
/// may take; past this every value is unknown, with one error. The largest
/// modules in the corpus take some 74,000; `for` expressions and template
/// directives nested over long lists could otherwise take billions.
pub const MAX_STEPS: usize = 500_000;

thread_local! {
    /// Steps left for the module tree being loaded on this thread.
    static STEPS_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_STEPS) };
}

/// Gives the module tree about to be loaded on this thread the whole budget.
pub fn reset_steps() {
    STEPS_LEFT.with(|c| c.set(MAX_STEPS));
}

/// Steps spent since the last `reset_steps()` on this thread.
#[cfg(test)]
pub fn steps_spent() -> usize {
    MAX_STEPS - STEPS_LEFT.with(std::cell::Cell::get)
}

/// One evaluation step; false once the budget is spent (reported once).
fn spend(s: &dyn Scope, loc: Loc) -> bool {
    charge(s, 1, loc)
}

/// `n` evaluation steps at once, for work that grows with a collection or a
/// string rather than with the expressions written: a `for` over 100,000
/// items, or `distinct()` of them, costs 100,000. False once the budget is
/// spent (reported once, at the step that spent it).
pub fn charge(s: &dyn Scope, n: usize, loc: Loc) -> bool {
    let left = STEPS_LEFT.with(std::cell::Cell::get);
    if left == 0 {
        return false;
    }
    if n >= left {
        STEPS_LEFT.with(|c| c.set(0));
        s.error(
            loc,
            format!("evaluation stopped after {MAX_STEPS} steps, too many to follow (`for` expressions or directives nested over long lists?); later values are unknown"),
        );
        return n == left;
    }
    STEPS_LEFT.with(|c| c.set(left - n));
    true
}

/// Bytes of text one step pays for. Strings are copied where arrays and
/// objects are shared, so a 4 MiB string referenced in a loop costs its
/// length each time; at this rate the whole budget copies at most 128 MiB.
pub const STEP_BYTES: usize = 256;

/// Objects members one step pays for scanning (`local.m[k]`, `lookup()`):
/// member lookups are linear in the object.
pub const SCAN_PER_STEP: usize = 64;

/// Bytes of text a string or template holds itself.
pub fn text_len(v: &Value) -> usize {
    match &v.kind {
        Kind::String(t) => t.len(),
        Kind::Template(parts) => parts
            .iter()
            .map(|p| match p {
                Part::Lit(t) => t.len(),
                Part::Hole(_) => 0,
            })
            .sum(),
        _ => 0,
    }
}

/// Steps copying `v` costs: one, and one per `STEP_BYTES` of its own text.
pub fn cost(v: &Value) -> usize {
    1 + text_len(v) / STEP_BYTES
}

/// Items and members one step pays for walking (measuring, comparing,
/// hashing): a walk allocates nothing, so it is cheaper than building.
pub const WALK_PER_STEP: usize = 8;

/// The items and members in `v`, all levels, with walking them charged; an
/// opaque value's reason when there are more than `MAX_ITEMS` (arrays and
/// objects are shared, so a tree can be far larger than what was written)
/// or the budget ran out.
pub fn measure(s: &dyn Scope, v: &Value, loc: Loc) -> Result<usize, &'static str> {
    let n = ops::size_within(v, ops::MAX_ITEMS);
    if !charge(s, n.unwrap_or(ops::MAX_ITEMS) / WALK_PER_STEP, loc) {
        return Err("too much to evaluate");
    }
    n.ok_or("a value too large to follow")
}

/// `v` as it may land in the model (a local, a resource attribute, an
/// output, a module input), with walking it charged: rules and later
/// expressions walk it again, and shared arrays can make a value of 100,000
/// items from a few references. Too large, it is opaque.
pub fn settle(s: &dyn Scope, v: Value) -> Value {
    match measure(s, &v, v.loc) {
        Ok(_) => v,
        Err(why) => Value {
            via: v.via,
            ..Value::opaque(why, v.loc)
        },
    }
}

/// The elements a `for` expression or directive iterates over, as (key,
/// value); `None` when the collection is not known.
/// The (key, value) elements of a collection; each value comes through
/// what the collection came through (an input, a local), as a member does.
fn elements(coll: &Value, loc: Loc) -> Option<Box<dyn Iterator<Item = (Value, Value)> + '_>> {
    let through = move |v: &Value| {
        let mut v = v.clone();
        for s in coll.via.iter().rev() {
            if !v.via.contains(s) {
                v.via.insert(0, s.clone());
            }
        }
        v
    };
    match &coll.kind {
        Kind::Array(items) => {
            Some(Box::new(items.iter().enumerate().map(move |(i, v)| {
                (Value::new(Kind::Number(i as f64), loc), through(v))
            })))
        }
        Kind::Object(entries) => {
            Some(Box::new(entries.iter().map(move |e| {
                (Value::string(e.key.clone(), e.key_loc), through(&e.value))
            })))
        }
        _ => None,
    }
}

fn count(coll: &Value) -> usize {
    match &coll.kind {
        Kind::Array(items) => items.len(),
        Kind::Object(entries) => entries.len(),
        _ => 0,
    }
}

/// Parts of a string being built by a template, given up on as soon as
/// they are more than `from_parts` would keep (a `%{ for }` over a long list
/// would otherwise build gigabytes before the check).
#[derive(Default)]
struct Builder {
    parts: Vec<Part>,
    bytes: usize,
}

impl Builder {
    /// False once the parts are too many or too long.
    fn extend(&mut self, parts: impl IntoIterator<Item = Part>) -> bool {
        for p in parts {
            if let Part::Lit(t) = &p {
                self.bytes += t.len();
            }
            self.parts.push(p);
        }
        self.bytes <= ops::MAX_STRING && self.parts.len() <= ops::MAX_PARTS * 2
    }
}

/// What expressions need from the module they are in.
pub trait Scope {
    fn var(&self, name: &str, loc: Loc) -> Value;
    fn local(&self, name: &str, loc: Loc) -> Value;
    fn module_output(&self, call: &str, output: &str, loc: Loc) -> Value;
    /// `data.TYPE.NAME.<path>`.
    fn data(&self, ty: &str, name: &str, path: &str, loc: Loc) -> Value;
    /// The reference a `TYPE.NAME` traversal denotes.
    fn resource_ref(&self, ty: &str, name: &str) -> ResourceRef;
    fn module_dir(&self) -> &Path;
    /// Where file functions may read; `None` where none may.
    fn roots(&self) -> Option<&crate::source::roots::Roots>;
    fn error(&self, loc: Loc, message: String);
}

/// Iterator variables of `for` expressions and `dynamic` blocks, innermost
/// first. A shared chain, so that neither going one expression deeper nor
/// binding the next item of a loop copies the outer loops' values (a string
/// held by an outer loop would otherwise be copied for each inner item).
#[derive(Clone, Default)]
pub struct Env {
    vars: Option<std::sync::Arc<Var>>,
    depth: usize,
}

struct Var {
    name: String,
    value: Value,
    outer: Option<std::sync::Arc<Var>>,
}

impl Env {
    pub fn with(&self, name: &str, v: Value) -> Env {
        Env {
            vars: Some(std::sync::Arc::new(Var {
                name: name.to_string(),
                value: v,
                outer: self.vars.clone(),
            })),
            depth: self.depth,
        }
    }
    fn get(&self, name: &str) -> Option<&Value> {
        let mut cur = self.vars.as_deref();
        while let Some(v) = cur {
            if v.name == name {
                return Some(&v.value);
            }
            cur = v.outer.as_deref();
        }
        None
    }
    fn deeper(&self) -> Env {
        let mut e = self.clone();
        e.depth += 1;
        e
    }
}

trait LocatedIfNew {
    fn located_if_new(self, loc: Loc) -> Value;
}

impl LocatedIfNew for Value {
    /// A value built by the template itself is located at the whole string;
    /// one passed through (`"${var.x}"`) keeps where it was written.
    fn located_if_new(mut self, loc: Loc) -> Value {
        if self.via.is_empty() && !self.is_unknown() {
            self.loc = loc;
        }
        self
    }
}

fn span(r: Option<std::ops::Range<usize>>) -> Span {
    r.map(|r| Span::new(r.start, r.end)).unwrap_or_default()
}

/// Typed references keep their path; Terraform paths need no reinterpretation here.
fn extend(r: &SymRef, name: &str) -> SymRef {
    let path = match &r.attr {
        Attr::Other(p) => format!("{p}.{name}"),
        other => format!("{other:?}.{name}"),
    };
    SymRef {
        target: r.target.clone(),
        attr: Attr::Other(path),
    }
}

pub fn member(b: &Value, name: &str, loc: Loc) -> Value {
    ops::member(b, name, loc, &extend)
}

pub fn index(b: &Value, i: &Value, loc: Loc) -> Value {
    ops::index(b, i, loc, &extend)
}

/// Text of a scalar as Terraform writes it in strings.
pub fn parts(v: &Value) -> Option<Vec<Part>> {
    ops::parts_of(v, ("true", "false"))
}

pub fn eval(s: &dyn Scope, src: Src, file: FileId, env: &Env) -> Value {
    match src {
        Src::Hcl(e) => expr(s, e, file, env),
        Src::Json(j) => json(s, j, file, env),
    }
}

/// Terraform JSON syntax: strings are templates, everything else literal.
fn json(s: &dyn Scope, j: &Json, file: FileId, env: &Env) -> Value {
    let loc = Loc::new(file, j.span);
    if !spend(s, loc) {
        return Value::opaque("too much to evaluate", loc);
    }
    match &j.kind {
        JsonKind::Null => Value::new(Kind::Null, loc),
        JsonKind::Bool(b) => Value::new(Kind::Bool(*b), loc),
        JsonKind::Number(n) => Value::new(Kind::Number(*n), loc),
        JsonKind::String(text) => {
            if !text.contains("${") && !text.contains("%{") {
                return Value::string(text.clone(), loc);
            }
            match hcl_edit::parser::parse_template(text) {
                // Spans inside the template are relative to the string; the
                // whole string is the location.
                Ok(t) => {
                    let mut v = template(s, &t, file, env, Some(loc));
                    v.loc = loc;
                    v
                }
                Err(e) => {
                    s.error(
                        loc,
                        format!(
                            "invalid template: {}",
                            e.message().lines().next().unwrap_or("")
                        ),
                    );
                    Value::opaque("invalid template", loc)
                }
            }
        }
        JsonKind::Array(items) => {
            Value::array(items.iter().map(|i| json(s, i, file, env)).collect(), loc)
        }
        JsonKind::Object(members) => Value::object(
            members
                .iter()
                .map(|m| Entry {
                    key: m.key.clone(),
                    key_loc: Loc::new(file, m.key_span),
                    value: json(s, &m.value, file, env),
                })
                .collect(),
            loc,
        ),
    }
}

pub fn expr(s: &dyn Scope, e: &Expression, file: FileId, env: &Env) -> Value {
    let loc = Loc::new(file, span(e.span()));
    if !spend(s, loc) {
        return Value::opaque("too much to evaluate", loc);
    }
    if env.depth > MAX_DEPTH {
        return Value::opaque("expression nested too deeply", loc);
    }
    let v = expr_kind(s, e, file, &env.deeper(), loc);
    // Text is copied wherever it goes: a long string costs its length.
    let extra = text_len(&v) / STEP_BYTES;
    if extra > 0 && !charge(s, extra, loc) {
        return Value::opaque("too much to evaluate", loc);
    }
    v
}

fn expr_kind(s: &dyn Scope, e: &Expression, file: FileId, env: &Env, loc: Loc) -> Value {
    match e {
        Expression::Null(_) => Value::new(Kind::Null, loc),
        Expression::Bool(b) => Value::new(Kind::Bool(*b.value()), loc),
        Expression::Number(n) => match n.value().as_f64() {
            Some(x) => Value::new(Kind::Number(x), loc),
            None => Value::opaque("number out of range", loc),
        },
        Expression::String(st) => Value::string(st.value().clone(), loc),
        Expression::Array(a) => {
            Value::array(a.iter().map(|i| expr(s, i, file, env)).collect(), loc)
        }
        Expression::Object(o) => {
            let mut entries = Vec::new();
            for (k, v) in o.iter() {
                let key_loc = Loc::new(file, span(k.span()));
                let key = match k {
                    ObjectKey::Ident(id) => id.as_str().to_string(),
                    ObjectKey::Expression(ke) => {
                        let kv = expr(s, ke, file, env);
                        match kv.as_str() {
                            Some(t) => t.to_string(),
                            None => match &kv.kind {
                                Kind::Number(n) => crate::model::value::format_number(*n),
                                _ => kv.match_key().unwrap_or_else(|| "(unknown key)".into()),
                            },
                        }
                    }
                };
                entries.push(Entry {
                    key,
                    key_loc,
                    value: expr(s, v.expr(), file, env),
                });
            }
            Value::object(entries, loc)
        }
        Expression::StringTemplate(t) => template(s, t, file, env, None).located_if_new(loc),
        Expression::HeredocTemplate(h) => {
            template(s, &h.template, file, env, None).located_if_new(loc)
        }
        Expression::Parenthesis(p) => expr(s, p.inner(), file, env),
        Expression::Variable(v) => match env.get(v.as_str()) {
            Some(x) => x.clone(),
            None => Value::opaque(
                format!("`{}` alone is not a value idlint evaluates", v.as_str()),
                loc,
            ),
        },
        Expression::Conditional(c) => {
            let cond = expr(s, &c.cond_expr, file, env);
            match cond.as_bool() {
                Some(true) => expr(s, &c.true_expr, file, env),
                Some(false) => expr(s, &c.false_expr, file, env),
                None => {
                    let a = expr(s, &c.true_expr, file, env);
                    let b = expr(s, &c.false_expr, file, env);
                    if a.match_key().is_some() && a.match_key() == b.match_key() {
                        a
                    } else {
                        Value::opaque("depends on a condition that is not known", loc)
                    }
                }
            }
        }
        Expression::FuncCall(f) => {
            let name = f.name.name.as_str();
            if !f.name.namespace.is_empty() {
                return Value::opaque(format!("provider function `{name}` is not evaluated"), loc);
            }
            let mut args: Vec<Value> = f.args.iter().map(|a| expr(s, a, file, env)).collect();
            if f.args.expand_final() {
                if let Some(last) = args.pop() {
                    match last.as_array() {
                        Some(items) => {
                            if !charge(s, items.iter().map(cost).sum(), loc) {
                                return Value::opaque("too much to evaluate", loc);
                            }
                            args.extend(items.iter().cloned())
                        }
                        None => {
                            return Value::opaque(
                                format!("`{name}(...)` with unknown expanded arguments"),
                                loc,
                            )
                        }
                    }
                }
            }
            super::functions::call(s, name, args, loc)
        }
        Expression::Traversal(t) => traversal(s, t, file, env, loc),
        Expression::UnaryOp(u) => {
            let v = expr(s, &u.expr, file, env);
            match (u.operator.value(), &v.kind) {
                (UnaryOperator::Not, _) => match v.as_bool() {
                    Some(b) => Value::new(Kind::Bool(!b), loc),
                    None => Value::opaque("`!` of an unknown value", loc),
                },
                (UnaryOperator::Neg, _) => match v.as_number() {
                    Some(n) => Value::new(Kind::Number(-n), loc),
                    None => Value::opaque("`-` of an unknown value", loc),
                },
            }
        }
        Expression::BinaryOp(b) => binary(s, b, file, env, loc),
        Expression::ForExpr(f) => for_expr(s, f, file, env, loc),
    }
}

fn binary(s: &dyn Scope, b: &hcl_edit::expr::BinaryOp, file: FileId, env: &Env, loc: Loc) -> Value {
    use BinaryOperator as B;
    let op = *b.operator.value();
    let l = expr(s, &b.lhs_expr, file, env);
    if matches!(op, B::And | B::Or) {
        let stop = op == B::Or;
        if l.as_bool() == Some(stop) {
            return Value::new(Kind::Bool(stop), loc);
        }
        let r = expr(s, &b.rhs_expr, file, env);
        return match (l.as_bool(), r.as_bool()) {
            (_, Some(x)) if x == stop => Value::new(Kind::Bool(stop), loc),
            (Some(_), Some(_)) => Value::new(Kind::Bool(!stop), loc),
            _ => Value::opaque("logic over unknown values", loc),
        };
    }
    let r = expr(s, &b.rhs_expr, file, env);
    match op {
        B::Eq | B::NotEq => match measure(s, &l, loc).and_then(|_| measure(s, &r, loc)) {
            Err(why) => Value::opaque(why, loc),
            Ok(_) => match ops::equal(&l, &r) {
                Some(eq) => Value::new(Kind::Bool(eq == (op == B::Eq)), loc),
                None => Value::opaque("comparison of unknown values", loc),
            },
        },
        _ => {
            let (Some(x), Some(y)) = (l.as_number(), r.as_number()) else {
                return Value::opaque("arithmetic on unknown values", loc);
            };
            let k = match op {
                B::Less => Kind::Bool(x < y),
                B::LessEq => Kind::Bool(x <= y),
                B::Greater => Kind::Bool(x > y),
                B::GreaterEq => Kind::Bool(x >= y),
                B::Plus => Kind::Number(x + y),
                B::Minus => Kind::Number(x - y),
                B::Mul => Kind::Number(x * y),
                B::Div if y != 0.0 => Kind::Number(x / y),
                B::Mod if y != 0.0 => Kind::Number(x % y),
                _ => return Value::opaque("division by zero", loc),
            };
            Value {
                kind: k,
                loc,
                via: merge_via([&l, &r], loc),
            }
        }
    }
}

fn for_expr(
    s: &dyn Scope,
    f: &hcl_edit::expr::ForExpr,
    file: FileId,
    env: &Env,
    loc: Loc,
) -> Value {
    let coll = expr(s, &f.intro.collection_expr, file, env);
    if count(&coll) > ops::MAX_ITEMS {
        return Value::opaque("`for` over a collection too large to follow", loc);
    }
    let Some(items) = elements(&coll, loc) else {
        return Value::opaque("`for` over a collection that is not known", loc);
    };
    let mut list = Vec::new();
    let mut map: Vec<Entry> = Vec::new();
    // Groups of a grouping `for` (`...`) by key, as positions in `map`.
    let mut group_of: std::collections::HashMap<String, usize> = Default::default();
    for (k, v) in items {
        // Each item costs, whatever its body: a `for` over 100,000 items
        // with a constant body is 100,000 steps, not one.
        if !charge(s, cost(&v), loc) {
            return Value::opaque("too much to evaluate", loc);
        }
        let mut e = env.with(f.intro.value_var.as_str(), v);
        if let Some(kv) = &f.intro.key_var {
            e = e.with(kv.as_str(), k);
        }
        if let Some(c) = &f.cond {
            match expr(s, &c.expr, file, &e).as_bool() {
                Some(true) => {}
                Some(false) => continue,
                None => return Value::opaque("`for` with a filter that is not known", loc),
            }
        }
        let val = expr(s, &f.value_expr, file, &e);
        match &f.key_expr {
            None => list.push(val),
            Some(ke) => {
                let key = expr(s, ke, file, &e);
                let Some(key) = key.as_str().map(str::to_string) else {
                    return Value::opaque("`for` with keys that are not known", loc);
                };
                if f.grouping {
                    crate::probes::add(1);
                    match group_of.get(&key) {
                        Some(&g) => {
                            if let Kind::Array(a) = &mut map[g].value.kind {
                                std::sync::Arc::make_mut(a).push(val);
                            }
                        }
                        None => {
                            group_of.insert(key.clone(), map.len());
                            map.push(Entry {
                                key,
                                key_loc: loc,
                                value: Value::array(vec![val], loc),
                            });
                        }
                    }
                } else {
                    map.push(Entry {
                        key,
                        key_loc: loc,
                        value: val,
                    });
                }
            }
        }
    }
    if f.key_expr.is_some() {
        Value::object(map, loc)
    } else {
        Value::array(list, loc)
    }
}

/// A template: literals, interpolations, `%{ if }` and `%{ for }` directives.
fn template(s: &dyn Scope, t: &Template, file: FileId, env: &Env, whole: Option<Loc>) -> Value {
    let at = |sp: Option<std::ops::Range<usize>>| whole.unwrap_or_else(|| Loc::new(file, span(sp)));
    if !spend(s, at(t.span())) {
        return Value::opaque("too much to evaluate", at(t.span()));
    }
    let loc = whole.unwrap_or_else(|| Loc::new(file, span(t.span())));
    let mut parts = Builder::default();
    let mut vias: Vec<Value> = Vec::new();
    let too_long = |vias: &[Value]| Value {
        via: merge_via(vias.iter(), loc),
        ..Value::opaque("a string too long to follow", loc)
    };
    for el in t.iter() {
        let fits = match el {
            Element::Literal(l) => parts.extend([Part::Lit(l.value().clone())]),
            Element::Interpolation(i) => {
                let mut v = expr(s, &i.expr, file, env);
                if whole.is_some() {
                    v.loc = at(None);
                }
                let fits = match parts_of_value(&v) {
                    Some(p) => parts.extend(p),
                    None => parts.extend([Part::Hole(Unknown::Opaque {
                        reason: "a collection in a string".into(),
                    })]),
                };
                vias.push(v);
                fits
            }
            Element::Directive(d) => match &**d {
                Directive::If(ifd) => {
                    let c = expr(s, &ifd.if_expr.cond_expr, file, env);
                    let chosen = match c.as_bool() {
                        Some(true) => Some(&ifd.if_expr.template),
                        Some(false) => ifd.else_expr.as_ref().map(|e| &e.template),
                        None => {
                            if !parts.extend([Part::Hole(Unknown::Opaque {
                                reason: "template `if` with an unknown condition".into(),
                            })]) {
                                return too_long(&vias);
                            }
                            continue;
                        }
                    };
                    match chosen {
                        Some(tpl) => {
                            let v = template(s, tpl, file, env, whole);
                            let fits = parts.extend(v.string_parts().unwrap_or_default());
                            vias.push(v);
                            fits
                        }
                        None => true,
                    }
                }
                Directive::For(fd) => {
                    let coll = expr(s, &fd.for_expr.collection_expr, file, env);
                    if count(&coll) > ops::MAX_ITEMS {
                        return too_long(&vias);
                    }
                    let Some(items) = elements(&coll, coll.loc) else {
                        if !parts.extend([Part::Hole(Unknown::Opaque {
                            reason: "template `for` over an unknown collection".into(),
                        })]) {
                            return too_long(&vias);
                        }
                        continue;
                    };
                    let mut fits = true;
                    for (k, v) in items {
                        if !charge(s, cost(&v), loc) {
                            return Value::opaque("too much to evaluate", loc);
                        }
                        let mut e = env.with(fd.for_expr.value_var.as_str(), v);
                        if let Some(kv) = &fd.for_expr.key_var {
                            e = e.with(kv.as_str(), k);
                        }
                        let v = template(s, &fd.for_expr.template, file, &e, whole);
                        fits = parts.extend(v.string_parts().unwrap_or_default());
                        if !fits {
                            break;
                        }
                    }
                    fits
                }
            },
        };
        if !fits {
            return too_long(&vias);
        }
    }
    let parts = parts.parts;
    // A template that is one interpolation is that value (`"${var.x}"`),
    // with its own location and provenance.
    if let ([Element::Interpolation(_)], [v]) = (collect_elements(t).as_slice(), vias.as_slice()) {
        if whole.is_none() {
            return v.clone();
        }
    }
    from_parts(parts, loc, merge_via(vias.iter(), loc))
}

fn collect_elements(t: &Template) -> Vec<&Element> {
    t.iter().collect()
}

fn parts_of_value(v: &Value) -> Option<Vec<Part>> {
    parts(v)
}

/// `var.x`, `local.x`, `module.m.out`, `data.t.n.attr`, `t.n.attr`, `path.module`,
/// iterator variables, then any further attribute and index steps.
fn traversal(
    s: &dyn Scope,
    t: &hcl_edit::expr::Traversal,
    file: FileId,
    env: &Env,
    loc: Loc,
) -> Value {
    let ops = &t.operators;
    let attr_at = |i: usize| -> Option<&str> {
        match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(a)) => Some(a.as_str()),
            _ => None,
        }
    };
    let root = match &t.expr {
        Expression::Variable(v) => v.as_str(),
        other => {
            let base = expr(s, other, file, env);
            return apply(s, base, ops, file, env, loc);
        }
    };
    if let Some(v) = env.get(root) {
        return apply(s, v.clone(), ops, file, env, loc);
    }
    match root {
        "var" | "local" => {
            let Some(name) = attr_at(0) else {
                return Value::opaque(format!("`{root}` without a name"), loc);
            };
            let base = if root == "var" {
                s.var(name, loc)
            } else {
                s.local(name, loc)
            };
            apply(s, base, &ops[1..], file, env, loc)
        }
        "module" => {
            let Some(call) = attr_at(0) else {
                return Value::opaque("`module` without a name", loc);
            };
            // Skip an instance selector: module.m["k"].out, module.m[0].out.
            let mut i = 1;
            if matches!(
                ops.get(i).map(|o| o.value()),
                Some(TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_))
            ) {
                i += 1;
            }
            match attr_at(i) {
                Some(out) => {
                    let v = s.module_output(call, out, loc);
                    apply(s, v, &ops[i + 1..], file, env, loc)
                }
                None => Value::opaque(format!("all outputs of `module.{call}`"), loc),
            }
        }
        "data" => {
            let (Some(ty), Some(name)) = (attr_at(0), attr_at(1)) else {
                return Value::opaque("incomplete `data` reference", loc);
            };
            let (path, rest) = static_path(ops, 1);
            let v = s.data(ty, name, &path, loc);
            apply(s, v, &ops[rest..], file, env, loc)
        }
        "path" => match attr_at(0) {
            Some("module") | Some("root") => {
                Value::string(s.module_dir().to_string_lossy().into_owned(), loc)
            }
            _ => Value::opaque("`path` value", loc),
        },
        // Its members stay unknown, by name (`each.value.tenant_id`), as
        // members of any unknown value do.
        "count" | "each" | "self" | "terraform" => {
            let v = Value::opaque(
                format!("`{root}` is known only per instance or at run time"),
                loc,
            );
            apply(s, v, ops, file, env, loc)
        }
        ty if ty.contains('_') => {
            let Some(name) = attr_at(0) else {
                return Value::opaque(format!("`{ty}` without a name"), loc);
            };
            let (path, rest) = static_path(ops, 0);
            let mut target = s.resource_ref(ty, name);
            let source = format!("{}.{}", target.key, path);
            if let Some(sel) = selector(s, ops.get(1), file, env) {
                target.key.push_str(&sel);
            }
            let v = resource_attr(ty, target, source, &path, loc);
            apply(s, v, &ops[rest..], file, env, loc)
        }
        other => Value::opaque(format!("unknown reference `{other}`"), loc),
    }
}

/// The attribute path after the operator at `name_at` (the `NAME` of
/// `TYPE.NAME`), skipping instance selectors right after it, with indexes
/// as `.0`; and the index of the first operator not in the path.
fn static_path(ops: &[hcl_edit::Decorated<TraversalOperator>], name_at: usize) -> (String, usize) {
    let mut i = name_at + 1;
    while matches!(
        ops.get(i).map(|o| o.value()),
        Some(
            TraversalOperator::Index(_)
                | TraversalOperator::LegacyIndex(_)
                | TraversalOperator::AttrSplat(_)
                | TraversalOperator::FullSplat(_)
        )
    ) {
        i += 1;
    }
    let mut path: Vec<String> = Vec::new();
    while let Some(op) = ops.get(i) {
        match op.value() {
            TraversalOperator::GetAttr(a) => path.push(a.as_str().to_string()),
            TraversalOperator::LegacyIndex(n) => path.push(n.value().to_string()),
            TraversalOperator::Index(Expression::Number(n)) => match n.value().as_u64() {
                Some(k) => path.push(k.to_string()),
                None => break,
            },
            TraversalOperator::Index(Expression::String(st)) => path.push(st.value().clone()),
            _ => break,
        }
        i += 1;
    }
    (path.join("."), i)
}

/// The instance selector right after `TYPE.NAME` (`[0]`, `[count.index]`,
/// `["k"]`, `[each.key]`) as the model writes it after an address, when the
/// index is known: the reference then denotes that instance only.
fn selector(
    s: &dyn Scope,
    op: Option<&hcl_edit::Decorated<TraversalOperator>>,
    file: FileId,
    env: &Env,
) -> Option<String> {
    let key = match op?.value() {
        TraversalOperator::LegacyIndex(n) => InstanceKey::Index(usize::try_from(*n.value()).ok()?),
        TraversalOperator::Index(e) => {
            let v = expr(s, e, file, env);
            match &v.kind {
                Kind::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 1e9 => {
                    InstanceKey::Index(*n as usize)
                }
                Kind::String(k) => InstanceKey::Key(k.clone()),
                _ => return None,
            }
        }
        _ => return None,
    };
    key.selector()
}

/// `source` names the attribute in messages, without an instance selector.
fn resource_attr(ty: &str, target: ResourceRef, source: String, path: &str, loc: Loc) -> Value {
    match azurerm::meaning(ty, path) {
        Meaning::Generated => Value::unknown(Unknown::Generated { what: source }, loc),
        Meaning::Secret => Value::unknown(
            Unknown::ServiceSecret {
                source,
                target: Some(target),
                name: None,
            },
            loc,
        ),
        Meaning::Attr(attr) => Value::unknown(Unknown::Attribute(SymRef { target, attr }), loc),
    }
}

fn apply(
    s: &dyn Scope,
    mut v: Value,
    ops: &[hcl_edit::Decorated<TraversalOperator>],
    file: FileId,
    env: &Env,
    loc: Loc,
) -> Value {
    for op in ops {
        // Member lookups scan the object.
        if let Kind::Object(entries) = &v.kind {
            if !charge(s, entries.len() / SCAN_PER_STEP, loc) {
                return Value::opaque("too much to evaluate", loc);
            }
        }
        v = match op.value() {
            TraversalOperator::GetAttr(a) => member(&v, a.as_str(), loc),
            TraversalOperator::Index(ie) => {
                let i = expr(s, ie, file, env);
                index(&v, &i, loc)
            }
            TraversalOperator::LegacyIndex(n) => {
                index(&v, &Value::new(Kind::Number(*n.value() as f64), loc), loc)
            }
            TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => match &v.kind {
                Kind::Array(_) | Kind::Unknown(_) => v,
                Kind::Null => Value::array(Vec::new(), loc),
                _ => Value::array(vec![v], loc),
            },
        };
    }
    v
}
