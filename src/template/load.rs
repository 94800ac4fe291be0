//! A template's JSON shape → model: resources (array or symbolic object, nested children,
//! copy loops, conditions), nested deployments with their own scope,
//! parameters, outputs.

use super::eval::{Env, Evaluator, ParamDecl, MAX_UNROLL};
use super::Given;
use crate::model::identity::{Identity, IdentityRef};
use crate::model::ids::{self, ScopeLevel};
use crate::model::value::{
    Entry, FileId, Kind, Loc, Part, ResourceRef, Step, StepKind, Unknown, Value,
};
use crate::model::{
    InstanceKey, InstanceOf, Lifecycle, LoadError, Output, Parameter, Resource, Unit,
};
use crate::source::jsonc::{Json, Member};
use crate::source::{SourceFile, Span};
use std::collections::HashMap;
use std::sync::Arc;

const TEMPLATE: FileId = FileId(0);

/// Nested deployments inside nested deployments deeper than this are an
/// error, so that a template that contains itself (`"template":
/// "[variables('t')]"` inside `t`) cannot recurse without end. Real templates
/// nest a handful of levels.
const MAX_NESTED_DEPTH: usize = 32;
/// Copy loops are unrolled only while the template has fewer resource
/// instances than this; later loops are evaluated once with an unknown index,
/// as a loop over `MAX_UNROLL` is. Loops in nested deployments or child
/// resources of unrolled loops would otherwise multiply (16^depth).
const UNROLL_BUDGET: usize = 512;
/// Resource instances one template may produce; past this the rest is not
/// loaded, with an error. The largest real templates have a few hundred.
const MAX_RESOURCES: usize = 4096;

/// Deployment level named by a template `$schema`.
pub fn schema_level(schema: &str) -> Option<ScopeLevel> {
    let s = schema.to_ascii_lowercase();
    if s.contains("subscriptiondeploymenttemplate.json") {
        Some(ScopeLevel::Subscription)
    } else if s.contains("managementgroupdeploymenttemplate.json") {
        Some(ScopeLevel::ManagementGroup)
    } else if s.contains("tenantdeploymenttemplate.json") {
        Some(ScopeLevel::Tenant)
    } else if s.contains("deploymenttemplate.json") {
        Some(ScopeLevel::ResourceGroup)
    } else {
        None
    }
}

/// A template to load: its root, the values given for its parameters, and
/// the files its locations point into.
pub struct Input<'a> {
    /// `[0]` is the template; a parameter file and module files follow.
    pub files: Vec<Arc<SourceFile>>,
    pub root: &'a Json,
    pub given: Vec<Given>,
    /// Errors met while reading the given values.
    pub errors: Vec<LoadError>,
    /// Nested deployments whose template was read from another file (Bicep
    /// modules), by the file and span of the deployment: that template's
    /// spans are in the other file.
    pub module_files: HashMap<(FileId, Span), FileId>,
}

/// Loads a template, with the values given for its parameters.
pub fn load(input: Input<'_>) -> Unit {
    super::eval::reset_steps();
    let Input {
        files,
        root,
        given,
        errors,
        module_files,
    } = input;
    let mut unit = Unit::new(files);
    unit.errors = errors;

    if root.as_object().is_none() {
        unit.errors.push(LoadError {
            loc: Loc::new(TEMPLATE, root.span),
            message: format!(
                "a template must be a JSON object, found {}",
                root.type_name()
            ),
        });
        return unit;
    }
    let level = root
        .get("$schema")
        .and_then(Json::as_str)
        .and_then(schema_level)
        .or(Some(ScopeLevel::ResourceGroup));
    let decls = param_decls(TEMPLATE, root, |name, decl| {
        given
            .iter()
            .rev()
            .find(|g| g.name.eq_ignore_ascii_case(name))
            .map(|g| {
                // A placeholder given to a secure, secret-named parameter
                // (`GEN-PASSWORD`, replaced by a test harness or a person
                // before deploying) is no value: it stays a secure input. A
                // `GEN-GUID` client ID stays what it says, an ID.
                let value = match g.value.as_str() {
                    Some(s)
                        if decl.secure
                            && crate::model::secrets::secret_like_name(name)
                            && crate::model::secrets::is_placeholder(s) =>
                    {
                        Value::unknown(
                            Unknown::Input {
                                name: g.name.clone(),
                                secure: true,
                            },
                            g.value.loc,
                        )
                    }
                    _ => g.value.clone(),
                };
                value.through(Step {
                    kind: StepKind::Given,
                    name: g.name.clone(),
                    loc: g.key_loc,
                    secure: decl.secure,
                    noun: "parameter",
                })
            })
    });
    let ev = Evaluator::new(TEMPLATE, level, decls, root.get("variables"));
    unit.declarations = match root.get("resources") {
        Some(r) => r
            .as_array()
            .map(<[Json]>::len)
            .or(r.as_object().map(<[Member]>::len))
            .unwrap_or(0),
        None => 0,
    };
    let mut loader = Loader {
        unit: &mut unit,
        truncated: false,
        module_files,
    };
    loader.template(
        &ev,
        root,
        &Ctx {
            level,
            via: Vec::new(),
            parent: None,
            replicated: None,
            generated: is_generated(root),
        },
    );
    unit.finish();
    unit
}

struct Ctx {
    level: Option<ScopeLevel>,
    via: Vec<Step>,
    parent: Option<(String, Value, ResourceRef)>,
    /// The `copy` of an enclosing nested deployment (a Bicep module loop)
    /// and which of its instances this is: resources declared inside are
    /// instances of that loop too.
    replicated: Option<(Loc, Option<InstanceKey>, Option<usize>)>,
    /// The template was written by a compiler (see `Dependencies::Generated`).
    generated: bool,
}

/// A template a compiler wrote says so in `metadata._generator` (Bicep does).
fn is_generated(template: &Json) -> bool {
    template
        .get("metadata")
        .and_then(|m| m.get("_generator"))
        .is_some()
}

struct Loader<'u> {
    unit: &'u mut Unit,
    /// `MAX_RESOURCES` was reached and reported.
    truncated: bool,
    module_files: HashMap<(FileId, Span), FileId>,
}

/// A parameter's `type`, lower case, or that of the user-defined type its
/// `$ref` names (`#/definitions/secretsType`, Bicep's compiled `type`
/// declarations), followed through a few references.
fn declared_type(root: &Json, decl: &Json) -> Option<String> {
    let mut at = decl;
    for _ in 0..8 {
        if let Some(t) = at.get("type").and_then(Json::as_str) {
            return Some(t.to_ascii_lowercase());
        }
        let name = at
            .get("$ref")
            .and_then(Json::as_str)?
            .strip_prefix("#/definitions/")?;
        at = root.get("definitions")?.get(name)?;
    }
    None
}

/// Is a parameter nullable, by its own `nullable` or that of a user-defined
/// type its `$ref` names (Bicep's `type t = {...}[]?`)?
fn declared_nullable(root: &Json, decl: &Json) -> bool {
    let mut at = decl;
    for _ in 0..8 {
        if let Some(n) = at.get("nullable") {
            return matches!(n.kind, crate::source::jsonc::JsonKind::Bool(true));
        }
        let Some(name) = at
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|r| r.strip_prefix("#/definitions/"))
        else {
            return false;
        };
        match root.get("definitions").and_then(|d| d.get(name)) {
            Some(d) => at = d,
            None => return false,
        }
    }
    false
}

/// Parameter declarations of a template; `given` supplies values from a
/// parameter file or the calling deployment.
fn param_decls<'t>(
    file: FileId,
    root: &'t Json,
    mut given: impl FnMut(&str, &ParamDecl) -> Option<Value>,
) -> Vec<ParamDecl<'t>> {
    let mut out = Vec::new();
    for m in root
        .get("parameters")
        .and_then(Json::as_object)
        .unwrap_or(&[])
    {
        let ty = declared_type(root, &m.value);
        let secure = matches!(ty.as_deref(), Some("securestring" | "secureobject"));
        let mut d = ParamDecl {
            name: m.key.clone(),
            loc: Loc::new(file, m.key_span),
            secure,
            ty,
            nullable: declared_nullable(root, &m.value),
            default: m.value.member("defaultValue"),
            given: None,
            enumerated: m.value.get("allowedValues").is_some(),
            allowed: m
                .value
                .get("allowedValues")
                .and_then(Json::as_array)
                .unwrap_or(&[])
                .iter()
                .filter_map(|a| a.as_str().map(str::to_string))
                .collect(),
        };
        d.given = given(&m.key, &d);
        out.push(d);
    }
    out
}

impl Loader<'_> {
    /// Everything of one template scope: resources, parameters, outputs.
    fn template(&mut self, ev: &Evaluator, root: &Json, ctx: &Ctx) {
        if let Some(res) = root.member("resources") {
            self.register_symbols(ev, &res.value);
            self.resources(ev, &res.value, ctx);
        }
        for d in &ev.params {
            let default = d.default.map(|m| Entry {
                key: m.key.clone(),
                key_loc: ev.loc(m.key_span),
                value: ev.json(&m.value, &Env::default()),
            });
            self.unit.parameters.push(Parameter {
                name: d.name.clone(),
                loc: d.loc,
                ty: d.ty.clone(),
                secure: d.secure,
                default,
                given: d.given.clone(),
                noun: "parameter",
                declared: true,
                securable: matches!(
                    d.ty.as_deref(),
                    None | Some("string" | "securestring" | "object" | "secureobject")
                ),
                enumerated: d.enumerated,
                members_read: Vec::new(),
                unread: false,
                via: ctx.via.clone(),
            });
        }
        let outputs = self.outputs(ev, root, ctx);
        self.unit.outputs.extend(outputs);
        self.unit.errors.append(&mut ev.errors.borrow_mut());
    }

    fn outputs(&mut self, ev: &Evaluator, root: &Json, ctx: &Ctx) -> Vec<Output> {
        let mut out = Vec::new();
        let Some(outputs) = root.get("outputs") else {
            return out;
        };
        let Some(members) = outputs.as_object() else {
            self.error(
                ev.loc(outputs.span),
                format!("`outputs` must be an object, found {}", outputs.type_name()),
            );
            return out;
        };
        for m in members {
            let ty = m
                .value
                .get("type")
                .and_then(Json::as_str)
                .map(str::to_ascii_lowercase);
            let value = match (m.value.member("value"), m.value.member("copy")) {
                (Some(v), _) => Some(Entry {
                    key: v.key.clone(),
                    key_loc: ev.loc(v.key_span),
                    value: ev.json(&v.value, &Env::default()),
                }),
                (None, Some(c)) => Some(Entry {
                    key: c.key.clone(),
                    key_loc: ev.loc(c.key_span),
                    value: Value::opaque("output copy loop", ev.loc(c.value.span)),
                }),
                _ => None,
            };
            out.push(Output {
                name: m.key.clone(),
                loc: ev.loc(m.key_span),
                secure: matches!(ty.as_deref(), Some("securestring" | "secureobject")),
                ty,
                nonsensitive: None,
                guarded: false,
                value,
                via: ctx.via.clone(),
            });
        }
        out
    }

    fn error(&mut self, loc: Loc, message: String) {
        self.unit.errors.push(LoadError { loc, message });
    }

    /// Symbolic names (`languageVersion` 2.0) resolve to resource keys before
    /// any body is evaluated, so `reference('name')` works in any order.
    fn register_symbols(&mut self, ev: &Evaluator, resources: &Json) {
        let Some(members) = resources.as_object() else {
            return;
        };
        let mut symbols = Vec::new();
        for m in members {
            let (Some(ty), Some(name)) = (m.value.get("type"), m.value.get("name")) else {
                continue;
            };
            let ty = ev.json(ty, &Env::default());
            let Some(ty) = ty.as_str() else { continue };
            let name = ev.json(name, &Env::default());
            let key = resource_key(ty, &name, &format!("#{}", m.key));
            symbols.push((
                m.key.to_ascii_lowercase(),
                ResourceRef {
                    ty: ty.to_ascii_lowercase(),
                    key,
                },
            ));
        }
        for (k, r) in symbols {
            ev.symbols.borrow_mut().insert(k, r);
        }
    }

    fn resources(&mut self, ev: &Evaluator, resources: &Json, ctx: &Ctx) {
        match (resources.as_array(), resources.as_object()) {
            (Some(items), _) => {
                for r in items {
                    self.resource(ev, r, None, ctx);
                }
            }
            (_, Some(members)) => {
                for m in members {
                    self.resource(ev, &m.value, Some(&m.key), ctx);
                }
            }
            _ => self.error(
                ev.loc(resources.span),
                format!(
                    "`resources` must be an array or an object, found {}",
                    resources.type_name()
                ),
            ),
        }
    }

    fn resource(&mut self, ev: &Evaluator, r: &Json, symbol: Option<&str>, ctx: &Ctx) {
        if r.as_object().is_none() {
            self.error(
                ev.loc(r.span),
                format!("a resource must be an object, found {}", r.type_name()),
            );
            return;
        }
        let Some(type_m) = r.member("type") else {
            self.error(ev.loc(r.span), "resource has no `type`".into());
            return;
        };
        if self.unit.resources.len() >= MAX_RESOURCES {
            if !self.truncated {
                self.truncated = true;
                let message = format!(
                    "more than {MAX_RESOURCES} resource instances; the rest of the template is not loaded"
                );
                self.error(ev.loc(r.span), message);
            }
            return;
        }
        if r.get("existing")
            .and_then(|e| ev.json(e, &Env::default()).as_bool())
            == Some(true)
        {
            return;
        }
        let copy = r.member("copy");
        // Each instance's environment, and which instance of how many it is.
        let instances: Vec<(Env, Option<InstanceOf>)> = match copy {
            None => vec![(Env::default(), None)],
            Some(c) => {
                let count = c.value.get("count").map(|n| ev.json(n, &Env::default()));
                let n = count.as_ref().and_then(Value::as_number);
                match n {
                    Some(n)
                        if n >= 0.0
                            && n as usize <= MAX_UNROLL
                            && self.unit.resources.len() < UNROLL_BUDGET =>
                    {
                        let n = n as usize;
                        (0..n)
                            .map(|i| {
                                let env = Env {
                                    copy_index: Some(Value::new(
                                        Kind::Number(i as f64),
                                        ev.loc(c.key_span),
                                    )),
                                    named: copy_name(c)
                                        .map(|nm| {
                                            vec![(
                                                nm,
                                                Value::new(
                                                    Kind::Number(i as f64),
                                                    ev.loc(c.key_span),
                                                ),
                                            )]
                                        })
                                        .unwrap_or_default(),
                                };
                                (env, Some((InstanceKey::Index(i), Some(n))))
                            })
                            .collect()
                    }
                    _ => {
                        let idx = Value::opaque("copy index", ev.loc(c.key_span));
                        let env = Env {
                            copy_index: Some(idx.clone()),
                            named: copy_name(c).map(|nm| vec![(nm, idx)]).unwrap_or_default(),
                        };
                        let of = n.filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n < 1e9);
                        vec![(env, Some((InstanceKey::Unknown, of.map(|n| n as usize))))]
                    }
                }
            }
        };
        let mut deployed = false;
        for (env, instance) in &instances {
            if let Some(c) = r.get("condition") {
                if ev.json(c, env).as_bool() == Some(false) {
                    continue;
                }
            }
            deployed = true;
            let copy = copy.map(|c| (c, instance.clone()));
            self.instance(ev, r, type_m, symbol, copy, env, ctx);
        }
        // A `copy` of no instance or a false `condition`: nothing to judge,
        // but an inventory of what the template declares still lists it.
        if !deployed {
            self.undeployed(ev.file, r, 0);
        }
    }

    /// Records the declarations of `r`, a resource that deploys nothing, and
    /// of the resources it holds (child resources, a nested deployment's
    /// template), without evaluating them: none of them is created.
    fn undeployed(&mut self, file: FileId, r: &Json, depth: usize) {
        if depth > 64 || self.unit.undeployed.len() >= MAX_RESOURCES {
            return;
        }
        if let Some(t) = r.member("type") {
            if let Some(ty) = t.value.as_str() {
                self.unit
                    .undeployed
                    .push((ty.to_string(), Loc::new(file, t.value.span)));
            }
        }
        let template = r.get("properties").and_then(|p| p.get("template"));
        // Templates kept in the nested template's variables (Bicep's
        // `loadJsonContent`, AVM's `$fxv#` variables) are deployed from there.
        let kept = template
            .and_then(|t| t.get("variables"))
            .and_then(Json::as_object)
            .unwrap_or(&[])
            .iter()
            .filter_map(|m| m.value.get("resources"));
        // A module's template has its spans in the module's file.
        let inner = self
            .module_files
            .get(&(file, r.span))
            .copied()
            .unwrap_or(file);
        let lists = [
            (file, r.get("resources")),
            (inner, template.and_then(|t| t.get("resources"))),
        ];
        let lists = lists
            .into_iter()
            .filter_map(|(f, l)| Some((f, l?)))
            .chain(kept.map(|l| (inner, l)));
        for (file, list) in lists {
            match (list.as_array(), list.as_object()) {
                (Some(items), _) => {
                    for it in items {
                        self.undeployed(file, it, depth + 1);
                    }
                }
                (_, Some(members)) => {
                    for m in members {
                        self.undeployed(file, &m.value, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn instance(
        &mut self,
        ev: &Evaluator,
        r: &Json,
        type_m: &Member,
        symbol: Option<&str>,
        copy: Option<(&Member, Option<InstanceOf>)>,
        env: &Env,
        ctx: &Ctx,
    ) {
        let ty_v = ev.json(&type_m.value, env);
        let Some(short_ty) = ty_v.as_str() else {
            self.error(
                ev.loc(type_m.value.span),
                "resource `type` is not a known string".into(),
            );
            return;
        };
        let name_v = r
            .get("name")
            .map(|n| ev.json(n, env))
            .unwrap_or_else(|| Value::opaque("resource without a name", ev.loc(r.span)));
        // Child resources nested in `resources` may use the short type and name.
        let (ty, name_v) = match &ctx.parent {
            Some((pty, pname, _)) if !short_ty.contains('/') => {
                let mut parts = pname.string_parts().unwrap_or_default();
                parts.push(Part::Lit("/".into()));
                parts.extend(name_v.string_parts().unwrap_or_default());
                let loc = name_v.loc;
                (
                    format!("{pty}/{short_ty}"),
                    super::eval::make_string(parts, loc, name_v.via.clone()),
                )
            }
            _ => (short_ty.to_string(), name_v),
        };
        // A name that does not fold is keyed by how it is written, which
        // survives edits elsewhere in the file (fingerprints depend on it).
        let fallback = match symbol {
            Some(s) => format!("#{s}"),
            None => format!(
                "#{}",
                r.get("name").and_then(Json::as_str).unwrap_or("unnamed")
            ),
        };
        let key = resource_key(&ty, &name_v, &fallback);
        let is_deployment = ty.eq_ignore_ascii_case("Microsoft.Resources/deployments");
        ev.implied.borrow_mut().clear();
        let body = self.body(ev, r, env, is_deployment);
        let identity = identity(ev, r, &body, env);
        let mut implied_depends_on = std::mem::take(&mut *ev.implied.borrow_mut());
        implied_depends_on.sort();
        implied_depends_on.dedup();
        let parent = ctx
            .parent
            .as_ref()
            .map(|(_, _, p)| p.clone())
            .or_else(|| parent_of(&ty, &name_v));
        let depends_on = r
            .get("dependsOn")
            .and_then(Json::as_array)
            .unwrap_or(&[])
            .iter()
            .map(|d| {
                let v = ev.json(d, env);
                let s = v.as_str().map(str::to_ascii_lowercase);
                let sym = s.as_ref().and_then(|s| ev.symbols.borrow().get(s).cloned());
                match sym {
                    Some(r) => r.key,
                    None => ids::parse_id(&v)
                        .and_then(|i| i.resource)
                        .map(|r| r.key)
                        .or(s)
                        .unwrap_or_else(|| crate::model::resource::UNKNOWN_DEPENDENCY.into()),
                }
            })
            .collect();
        let (instance, instances) = match copy.as_ref().and_then(|(_, i)| i.clone()) {
            Some((k, n)) => (Some(k), n),
            None => (None, None),
        };
        // Inside a copied nested deployment, a resource without a loop of
        // its own is one instance of the deployment's loop.
        let (replicated, instance, instances) = match (copy.as_ref(), &ctx.replicated) {
            (None, Some((l, k, n))) => (Some(*l), k.clone(), *n),
            _ => (
                copy.as_ref().map(|(c, _)| ev.loc(c.key_span)),
                instance,
                instances,
            ),
        };
        let lifecycle = Lifecycle {
            replicated,
            instance,
            instances,
            volatile_name: is_volatile(&name_v).then_some(name_v.loc),
            release_name: release_name(ev, &ty, &name_v, identity.is_some()),
            ..Default::default()
        };
        let replicated = lifecycle
            .replicated
            .map(|l| (l, lifecycle.instance.clone(), lifecycle.instances));
        let label = match (symbol, name_v.as_str()) {
            (Some(s), _) => s.to_string(),
            // One instance's name would misname the others in a copy loop.
            (None, Some(n)) if copy.is_none() => n.to_string(),
            // A name that does not fold is shown as written.
            (None, _) => r
                .get("name")
                .and_then(Json::as_str)
                .map(shorten)
                .unwrap_or_else(|| name_v.display()),
        };
        let this_ref = ResourceRef {
            ty: ty.to_ascii_lowercase(),
            key: key.clone(),
        };
        // Bicep writes a reference to one instance of a symbolic loop as
        // `reference(format('apps[{0}]', copyIndex()))`: `apps[i]` names it.
        if let (Some(s), Some((_, Some((InstanceKey::Index(i), _))))) = (symbol, &copy) {
            ev.symbols
                .borrow_mut()
                .insert(format!("{}[{i}]", s.to_ascii_lowercase()), this_ref.clone());
        }
        self.unit.resources.push(Resource {
            ty: ty.clone(),
            source_type: ty.clone(),
            key: key.clone(),
            label: label.clone(),
            name: Some(name_v.clone()),
            loc: ev.loc(type_m.value.span),
            body: body.clone(),
            spellings: &[],
            identity,
            lifecycle,
            deploy_scope: ctx.level,
            parent,
            depends_on,
            implied_depends_on,
            dependencies: if ctx.generated {
                crate::model::Dependencies::Generated
            } else {
                crate::model::Dependencies::Declared
            },
            via: ctx.via.clone(),
        });
        if let Some(children) = r.get("resources") {
            let child_ctx = Ctx {
                level: ctx.level,
                via: ctx.via.clone(),
                parent: Some((ty.clone(), name_v.clone(), this_ref)),
                replicated: ctx.replicated.clone(),
                generated: ctx.generated,
            };
            self.resources(ev, children, &child_ctx);
        }
        if is_deployment {
            let dep_ctx = Ctx {
                level: ctx.level,
                via: ctx.via.clone(),
                parent: ctx.parent.clone(),
                replicated,
                generated: ctx.generated,
            };
            self.nested(
                ev,
                r,
                &body,
                &key,
                &label,
                env,
                &dep_ctx,
                ev.loc(type_m.value.span),
            );
        }
    }

    /// The evaluated resource object, without children and loop plumbing, and
    /// without a nested deployment's inline template (it is loaded on its own).
    fn body(&mut self, ev: &Evaluator, r: &Json, env: &Env, is_deployment: bool) -> Value {
        let mut entries = Vec::new();
        for m in r.as_object().unwrap_or(&[]) {
            let k = m.key.to_ascii_lowercase();
            if matches!(
                k.as_str(),
                "resources" | "copy" | "dependson" | "comments" | "condition"
            ) {
                continue;
            }
            if is_deployment && k == "properties" {
                let members: Vec<Entry> = m
                    .value
                    .as_object()
                    .unwrap_or(&[])
                    .iter()
                    .filter(|p| !p.key.eq_ignore_ascii_case("template"))
                    .map(|p| ev.member(p, env))
                    .collect();
                entries.push(Entry {
                    key: m.key.clone(),
                    key_loc: ev.loc(m.key_span),
                    value: Value::object(members, ev.loc(m.value.span)),
                });
                continue;
            }
            entries.push(ev.member(m, env));
        }
        Value::object(entries, ev.loc(r.span))
    }

    /// A nested deployment with an inline template: loaded recursively, in
    /// its own expression scope when `expressionEvaluationOptions.scope` is `inner`.
    #[allow(clippy::too_many_arguments)]
    fn nested(
        &mut self,
        ev: &Evaluator,
        r: &Json,
        body: &Value,
        key: &str,
        label: &str,
        env: &Env,
        ctx: &Ctx,
        loc: Loc,
    ) {
        let Some(props) = r.get("properties") else {
            return;
        };
        let Some(template) = props.get("template") else {
            return;
        };
        let template = match template.as_str().map(super::expr::classify) {
            Some(super::expr::StringForm::Expression(text, _)) => {
                match template_variable(text).and_then(|v| ev.raw_variable(&v)) {
                    Some(t) => t,
                    None => return,
                }
            }
            _ => template,
        };
        if template.as_object().is_none() {
            self.error(
                ev.loc(template.span),
                format!(
                    "nested `template` must be an object, found {}",
                    template.type_name()
                ),
            );
            return;
        }
        if ctx.via.len() >= MAX_NESTED_DEPTH {
            self.error(
                loc,
                format!(
                    "nested deployments deeper than {MAX_NESTED_DEPTH} levels (does a template contain itself?); not loaded further"
                ),
            );
            return;
        }
        let module_file = self.module_files.get(&(ev.file, r.span)).copied();
        if let Some(f) = module_file {
            if !self.unit.modules.contains(&f) {
                self.unit.modules.push(f);
            }
        }
        // A template read from another file has its spans there: it is
        // evaluated in its own scope, with its own parameters.
        let inner_scope = module_file.is_some()
            || props
                .get("expressionEvaluationOptions")
                .and_then(|o| o.get("scope"))
                .and_then(Json::as_str)
                .is_some_and(|s| s.eq_ignore_ascii_case("inner"));
        let level = nested_level(body, template, ctx.level);
        let mut via = ctx.via.clone();
        via.push(Step {
            kind: StepKind::Nested,
            // A module read from its own file names the call, as Terraform's
            // do: "(in module m called at main.bicep:12)".
            name: if module_file.is_some() {
                format!("module {label}")
            } else {
                label.to_string()
            },
            loc,
            secure: false,
            noun: if module_file.is_some() {
                crate::model::MODULE_CALL
            } else if inner_scope {
                "nested deployment"
            } else {
                crate::model::OUTER_SCOPE_DEPLOYMENT
            },
        });
        let inner_ctx = Ctx {
            level,
            via,
            parent: None,
            replicated: ctx.replicated.clone(),
            generated: ctx.generated || is_generated(template),
        };
        if !inner_scope {
            if let Some(res) = template.member("resources") {
                self.resources(ev, &res.value, &inner_ctx);
            }
            let outs = self.outputs(ev, template, &inner_ctx);
            self.record_outputs(ev, key, &outs);
            self.unit.outputs.extend(outs);
            return;
        }
        let bindings = props.get("parameters");
        let decls = param_decls(module_file.unwrap_or(ev.file), template, |name, decl| {
            let b = bindings?.member(name).or_else(|| {
                bindings?
                    .as_object()?
                    .iter()
                    .find(|m| m.key.eq_ignore_ascii_case(name))
            })?;
            let value = if let Some(v) = b.value.get("value") {
                ev.json(v, env)
            } else if let Some(rf) = b.value.get("reference") {
                let secret = rf.get("secretName").map(|s| ev.json(s, env));
                let name = secret.as_ref().and_then(|s| s.as_str()).map(str::to_string);
                let secret = secret.map(|s| s.display());
                Value::unknown(
                    Unknown::KeyVault {
                        what: format!("`{}`", secret.unwrap_or_else(|| "a secret".into())),
                        name,
                    },
                    ev.loc(rf.span),
                )
            } else if b.value.as_str().is_some() {
                // Bicep compiles a conditional module input to one
                // expression, `[if(c, createObject('value', x), ...)]`.
                let whole = ev.json(&b.value, env);
                match whole.get("value") {
                    Some(v) => v.clone(),
                    None => return None,
                }
            } else {
                return None;
            };
            Some(value.through(Step {
                kind: StepKind::ModuleInput,
                name: b.key.clone(),
                loc: ev.loc(b.key_span),
                secure: decl.secure,
                noun: "module",
            }))
        });
        let decls = decls
            .into_iter()
            .map(|mut d| {
                // A module input the caller leaves out takes its default; a
                // nullable one without default is null, not an open input.
                if d.given.is_none() && d.default.is_none() && d.nullable {
                    d.given = Some(Value::new(Kind::Null, d.loc));
                }
                d
            })
            .collect();
        let inner = Evaluator::new(
            module_file.unwrap_or(ev.file),
            level,
            decls,
            template.get("variables"),
        );
        self.template(&inner, template, &inner_ctx);
        let outs: Vec<Output> = self
            .unit
            .outputs
            .iter()
            .filter(|o| o.via == inner_ctx.via)
            .cloned()
            .collect();
        self.record_outputs(ev, key, &outs);
    }

    fn record_outputs(&mut self, ev: &Evaluator, key: &str, outs: &[Output]) {
        let values = outs
            .iter()
            .filter_map(|o| Some((o.name.clone(), o.value.as_ref()?.value.clone())))
            .collect();
        ev.deployment_outputs
            .borrow_mut()
            .insert(key.to_string(), values);
    }
}

fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}

/// `variables('name')` → `name`.
fn template_variable(expr_text: &str) -> Option<String> {
    match super::expr::parse(expr_text).ok()?.kind {
        super::expr::ExprKind::Call { name, args } if name.eq_ignore_ascii_case("variables") => {
            match &args.first()?.kind {
                super::expr::ExprKind::Str(s) => Some(s.clone()),
                _ => None,
            }
        }
        _ => None,
    }
}

fn copy_name(c: &Member) -> Option<String> {
    c.value
        .get("name")
        .and_then(Json::as_str)
        .map(str::to_ascii_lowercase)
}

/// Unit-unique key: lower-case type and the name's match key.
pub fn resource_key(ty: &str, name: &Value, fallback: &str) -> String {
    format!(
        "{}/{}",
        ty.to_ascii_lowercase(),
        name.match_key()
            .unwrap_or_else(|| fallback.to_ascii_lowercase())
    )
}

/// The parent of a child type written at top level (`Microsoft.Web/sites/slots`, `app/slot`).
fn parent_of(ty: &str, name: &Value) -> Option<ResourceRef> {
    let segs: Vec<&str> = ty.split('/').collect();
    if segs.len() < 3 {
        return None;
    }
    let (_, names) = ids::segments(name)?;
    if names.len() != segs.len() - 1 {
        return None;
    }
    let parent_ty = segs[..segs.len() - 1].join("/").to_ascii_lowercase();
    let keys: Option<Vec<String>> = names[..names.len() - 1]
        .iter()
        .map(|s| match s {
            ids::Seg::Lit(l) => Some(l.to_ascii_lowercase()),
            ids::Seg::Hole(k) => k.clone(),
        })
        .collect();
    Some(ResourceRef {
        key: format!("{parent_ty}/{}", keys?.join("/")),
        ty: parent_ty,
    })
}

/// The release input (`lifecycle::release_input`) the name of a resource
/// with an identity is built from, with the name's location.
fn release_name(
    ev: &Evaluator,
    ty: &str,
    name: &Value,
    has_identity: bool,
) -> Option<(Loc, crate::model::lifecycle::ReleaseInput)> {
    if !has_identity {
        return None;
    }
    let slot = ty.eq_ignore_ascii_case("Microsoft.Web/sites/slots");
    let allowed = |n: &str| {
        ev.params
            .iter()
            .find(|d| d.name.eq_ignore_ascii_case(n))
            .map(|d| (d.loc, d.allowed.clone()))
    };
    crate::model::lifecycle::release_input(name, slot, "parameter", &allowed).map(|i| (name.loc, i))
}

fn is_volatile(v: &Value) -> bool {
    let mut found = false;
    let check = |u: &Unknown| matches!(u, Unknown::Volatile { .. });
    match &v.kind {
        Kind::Unknown(u) => found |= check(u) || derived_volatile(u),
        Kind::Template(parts) => {
            for p in parts.iter() {
                if let Part::Hole(u) = p {
                    found |= check(u) || derived_volatile(u);
                }
            }
        }
        _ => {}
    }
    found
}

fn derived_volatile(u: &Unknown) -> bool {
    match u {
        Unknown::Derived { args, .. } => args.iter().any(is_volatile),
        _ => false,
    }
}

/// Identity from the raw JSON (its `userAssignedIdentities` keys are
/// expressions) and the evaluated body.
fn identity(ev: &Evaluator, r: &Json, body: &Value, env: &Env) -> Option<Identity> {
    let entry = body.entry("identity")?;
    if entry.value.is_null() {
        return None;
    }
    let type_entry = entry.value.entry("type");
    let loc = type_entry.map(|e| e.key_loc).unwrap_or(entry.key_loc);
    let mut id = Identity::from_type(type_entry.map(|e| &e.value), loc);
    if entry.value.is_unknown() {
        id = Identity::from_type(Some(&entry.value), loc);
    }
    let uai = r
        .get("identity")
        .and_then(|i| i.member("userAssignedIdentities"));
    if let Some(m) = uai {
        for k in m.value.as_object().unwrap_or(&[]) {
            let v = ev.key_value(k, env);
            let target = ids::parse_id(&v).and_then(|i| i.resource);
            id.user_assigned.push(IdentityRef {
                id: v,
                loc: ev.loc(k.key_span),
                target,
            });
        }
    }
    Some(id)
}

/// Where a nested deployment deploys: its own `resourceGroup`/`subscriptionId`/`scope`,
/// else its template's `$schema`, else where its parent deploys.
fn nested_level(body: &Value, template: &Json, outer: Option<ScopeLevel>) -> Option<ScopeLevel> {
    if body.entry("resourceGroup").is_some() {
        return Some(ScopeLevel::ResourceGroup);
    }
    if let Some(s) = body.get("scope") {
        if let Some(info) = ids::parse_id(s) {
            return Some(info.level);
        }
        return None;
    }
    if body.entry("subscriptionId").is_some() {
        return match outer {
            Some(ScopeLevel::ResourceGroup) => Some(ScopeLevel::ResourceGroup),
            _ => Some(ScopeLevel::Subscription),
        };
    }
    template
        .get("$schema")
        .and_then(Json::as_str)
        .and_then(schema_level)
        .or(outer)
}
