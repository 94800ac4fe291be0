//! Bicep source (`.bicep`, `.bicepparam`) into the model, without the Bicep
//! compiler: parsed here, then lowered into the template shape the compiler
//! would produce, so every rule and the template evaluator serve both.

pub mod ast;
pub mod lexer;
pub mod lower;
pub mod parser;
#[cfg(test)]
mod parser_tests;

use crate::model::value::{Entry, FileId, Loc, Unknown, Value};
use crate::model::{LoadError, Unit};
use crate::source::jsonc::Json;
use crate::source::{SourceFile, Span};
use crate::template::Given;
use ast::{ArrItem, Expr, ExprKind, ObjItem, ObjKey, StmtKind, StrPart};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const MAIN: FileId = FileId(0);

/// Local modules calling modules this deep are not followed further: a
/// cycle (`a.bicep` → `b.bicep` → `a.bicep`) is reported, and real module
/// trees are a few levels deep.
const MAX_MODULE_DEPTH: usize = 16;
/// Module files one unit may read; past this, modules stay unknown.
const MAX_MODULE_FILES: usize = 512;

/// How a module's file is read: the scan confines it to the scan root.
pub type ReadFile<'r> = dyn FnMut(&Path) -> Result<Arc<SourceFile>, String> + 'r;
/// A JSON module template's parse, by whoever owns the JSON parser.
pub type ParseJson<'r> = dyn FnMut(&Arc<SourceFile>) -> Result<Json, String> + 'r;

/// A parse error as a load error of `file`.
pub fn parse_error(file: FileId, e: &ast::ParseError) -> LoadError {
    LoadError {
        loc: Loc::new(file, e.span),
        message: e.message.clone(),
    }
}

/// What a Bicep file's load needs beyond the file itself.
pub struct Context<'r> {
    pub read: &'r mut ReadFile<'r>,
    pub parse_json: &'r mut ParseJson<'r>,
}

/// A `.bicep` file, with the values a parameter file gives (already read,
/// in the unit's file `1`), its local modules read through `ctx`; with
/// the number of registry modules (`br:`, `ts:`) left unknown.
pub fn load(
    main: Arc<SourceFile>,
    file: &ast::File,
    params: Option<(Arc<SourceFile>, Vec<Given>, Vec<LoadError>)>,
    ctx: Context<'_>,
) -> (Unit, usize) {
    let mut files = vec![main.clone()];
    let mut errors = Vec::new();
    let mut given = Vec::new();
    if let Some((f, g, e)) = params {
        files.push(f);
        given = g;
        errors = e;
    }
    let mut modules = Resolver {
        files,
        module_files: HashMap::new(),
        current: MAIN,
        stack: vec![main.path.clone()],
        read: ctx.read,
        parse_json: ctx.parse_json,
        errors: Vec::new(),
    };
    let lowered = lower::lower(file, &mut modules);
    for (span, message) in lowered.errors {
        errors.push(LoadError {
            loc: Loc::new(MAIN, span),
            message,
        });
    }
    errors.append(&mut modules.errors);
    let unit = crate::template::load(crate::template::Input {
        files: modules.files,
        root: &lowered.root,
        given,
        errors,
        module_files: modules.module_files,
    });
    (unit, lowered.registry_modules.len())
}

struct Resolver<'r> {
    files: Vec<Arc<SourceFile>>,
    module_files: HashMap<(FileId, Span), FileId>,
    current: FileId,
    stack: Vec<PathBuf>,
    read: &'r mut ReadFile<'r>,
    parse_json: &'r mut ParseJson<'r>,
    errors: Vec<LoadError>,
}

impl lower::Modules for Resolver<'_> {
    fn template(&mut self, path: &str, at: Span) -> Option<Json> {
        let here = self.current;
        let fail = |errors: &mut Vec<LoadError>, message: String| {
            errors.push(LoadError {
                loc: Loc::new(here, at),
                message,
            });
        };
        let dir = self.files[here.0 as usize]
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let target = crate::source::normalize(&dir.join(path));
        if self.stack.iter().any(|p| same_file(p, &target)) {
            fail(
                &mut self.errors,
                format!("module `{path}` calls itself (a cycle of modules); not loaded"),
            );
            return None;
        }
        if self.stack.len() > MAX_MODULE_DEPTH || self.files.len() >= MAX_MODULE_FILES {
            fail(
                &mut self.errors,
                format!("module `{path}`: modules nested too deeply or too many; not loaded"),
            );
            return None;
        }
        let src = match (self.read)(&target) {
            Ok(s) => s,
            Err(why) => {
                fail(
                    &mut self.errors,
                    format!("module `{path}` not loaded: {why}"),
                );
                return None;
            }
        };
        let id = FileId(self.files.len() as u32);
        self.files.push(src.clone());
        let lower_name = path.to_ascii_lowercase();
        let template = if lower_name.ends_with(".json") || lower_name.ends_with(".jsonc") {
            match (self.parse_json)(&src) {
                Ok(j) => j,
                Err(why) => {
                    fail(
                        &mut self.errors,
                        format!("module `{path}` not loaded: {why}"),
                    );
                    return None;
                }
            }
        } else {
            let arena = ast::Arena::new();
            let parsed = match parser::parse(&src.text, &arena) {
                Ok(f) => f,
                Err(e) => {
                    self.errors.push(parse_error(id, &e));
                    fail(
                        &mut self.errors,
                        format!("module `{path}` does not parse; not loaded"),
                    );
                    return None;
                }
            };
            self.stack.push(target);
            self.current = id;
            let lowered = lower::lower(&parsed, self);
            self.current = here;
            self.stack.pop();
            for (span, message) in lowered.errors {
                self.errors.push(LoadError {
                    loc: Loc::new(id, span),
                    message,
                });
            }
            lowered.root
        };
        self.module_files.insert((here, at), id);
        Some(template)
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    crate::source::normalize(a) == crate::source::normalize(b)
}

/// The template a `.bicepparam` file is for (`using './main.bicep'`).
pub fn using_path<'a>(file: &ast::File<'a>) -> Option<&'a str> {
    file.stmts.iter().find_map(|s| match &s.kind {
        StmtKind::Using { path: Some(p) } => Some(p.value),
        _ => None,
    })
}

/// The values a `.bicepparam` file gives. Literals are values; an
/// expression is not evaluated (it may read the environment), and
/// `getSecret()` is a Key Vault reference.
pub fn given_values(file: FileId, parsed: &ast::File) -> Vec<Given> {
    parsed
        .stmts
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::Param {
                name,
                default: Some(v),
                ..
            } => Some(Given {
                name: name.name.to_string(),
                key_loc: Loc::new(file, name.span),
                value: given_value(file, v, 0),
            }),
            _ => None,
        })
        .collect()
}

fn given_value(file: FileId, e: &Expr, depth: usize) -> Value {
    let loc = Loc::new(file, e.span);
    if depth > crate::source::MAX_DEPTH {
        return Value::opaque("value nested too deeply", loc);
    }
    match &e.kind {
        ExprKind::Null => Value::new(crate::model::value::Kind::Null, loc),
        ExprKind::Bool(b) => Value::new(crate::model::value::Kind::Bool(*b), loc),
        ExprKind::Int(n) => Value::new(crate::model::value::Kind::Number(*n as f64), loc),
        ExprKind::Unary {
            op: ast::UnaryOp::Neg,
            expr,
        } if matches!(expr.kind, ExprKind::Int(_)) => match expr.kind {
            ExprKind::Int(n) => Value::new(crate::model::value::Kind::Number(-(n as f64)), loc),
            _ => unreachable!(),
        },
        ExprKind::String(parts) => match parts {
            [] => Value::string(String::new(), loc),
            [StrPart::Lit(s)] => Value::string(s.to_string(), loc),
            _ => Value::opaque("an interpolated string in a parameter file", loc),
        },
        ExprKind::Paren(x) => given_value(file, x, depth + 1),
        ExprKind::Array(items) => Value::array(
            items
                .iter()
                .map(|i| match i {
                    ArrItem::Item(x) => given_value(file, x, depth + 1),
                    ArrItem::Spread(x) => Value::opaque("a spread", Loc::new(file, x.span)),
                })
                .collect(),
            loc,
        ),
        ExprKind::Object(items) => Value::object(
            items
                .iter()
                .filter_map(|i| match i {
                    ObjItem::Prop {
                        key: ObjKey::Name(k),
                        key_span,
                        value,
                        ..
                    } => Some(Entry {
                        key: k.to_string(),
                        key_loc: Loc::new(file, *key_span),
                        value: given_value(file, value, depth + 1),
                    }),
                    _ => None,
                })
                .collect(),
            loc,
        ),
        ExprKind::Call { name, args, .. } if name.name.eq_ignore_ascii_case("getSecret") => {
            let written = args.get(3).and_then(|a| match a.kind {
                ExprKind::String([StrPart::Lit(s)]) => Some(s.to_string()),
                _ => None,
            });
            let what = written
                .as_ref()
                .map(|s| format!("`{s}`"))
                .unwrap_or_else(|| "a secret".into());
            Value::unknown(
                Unknown::KeyVault {
                    what,
                    name: written,
                },
                loc,
            )
        }
        _ => Value::opaque("an expression in a parameter file", loc),
    }
}

/// The local modules (`.bicep` and `.json` files) a Bicep file calls, by
/// their paths as written relative to the file.
pub fn local_module_paths<'a>(file: &ast::File<'a>) -> Vec<&'a str> {
    file.stmts
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::Module { path, .. } => Some(path.value),
            _ => None,
        })
        .filter(|p| !is_registry(p))
        .collect()
}

/// `br:`, `br/public:`, `ts:`, `ts/alias:`: a module from a registry or a
/// template spec, not a file.
pub fn is_registry(path: &str) -> bool {
    path.starts_with("br:")
        || path.starts_with("br/")
        || path.starts_with("ts:")
        || path.starts_with("ts/")
}

/// The directories holding the local module files that the `.bicep` files
/// of `dir` call, directly or through other modules: the scan judges those
/// files with their callers' values, so they go in one shard with them.
pub fn module_tree_dirs(dir: &Path, roots: &crate::source::roots::Roots) -> Vec<PathBuf> {
    let mut times = crate::source::load::PhaseTimes::default();
    let mut out: Vec<PathBuf> = Vec::new();
    let mut seen: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let mut pending: std::collections::VecDeque<(PathBuf, usize)> =
        bicep_files_in(dir).into_iter().map(|p| (p, 0)).collect();
    while let Some((file, depth)) = pending.pop_front() {
        if depth > MAX_MODULE_DEPTH || seen.len() >= MAX_MODULE_FILES || !seen.insert(file.clone())
        {
            continue;
        }
        let Ok(src) = crate::source::load::read_source(&file, Some(roots), &mut times) else {
            continue;
        };
        let arena = ast::Arena::new();
        let Ok(parsed) = parser::parse(&src.text, &arena) else {
            continue;
        };
        let base = file.parent().map(Path::to_path_buf).unwrap_or_default();
        for m in local_module_paths(&parsed) {
            let target = crate::source::normalize(&base.join(m));
            if !target.is_file() {
                continue;
            }
            if let Some(d) = target.parent() {
                let d = d.to_path_buf();
                if d != crate::source::normalize(dir) && !out.contains(&d) {
                    out.push(d);
                }
            }
            if target
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("bicep"))
            {
                pending.push_back((target, depth + 1));
            }
        }
    }
    out
}

fn bicep_files_in(dir: &Path) -> Vec<PathBuf> {
    crate::discover::files_in(dir, &[crate::discover::FileKind::Bicep])
}
