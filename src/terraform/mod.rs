//! Terraform (HCL and JSON syntax, azurerm and azapi) into the model. A
//! directory is a module; local child modules are loaded with the values
//! their caller passes.

mod azurerm;
pub(crate) mod eval;
mod functions;
pub(crate) mod module;
pub mod parse;
#[cfg(test)]
mod tests;

use crate::model::value::{FileId, Loc, ResourceRef, Step, StepKind, Value};
use crate::model::{LoadError, Unit};
use crate::source::load::{FileError, Unread};
use crate::source::roots::Roots;
use crate::source::SourceFile;
use eval::{Env, Scope};
use module::{ModuleCache, ModuleSources, ParsedModule, Tree, MAX_MODULE_DEPTH};
use parse::{Doc, Src, TfFile};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// At most this many module directories are loaded for one root.
const MAX_MODULES: usize = 512;

/// A file's parse failure: the file and a located message.
pub struct FileFailure {
    pub src: Arc<SourceFile>,
    pub span: crate::source::Span,
    pub message: String,
}

pub fn is_json(path: &Path) -> bool {
    path.to_string_lossy()
        .to_ascii_lowercase()
        .ends_with(".json")
}

/// Parses one Terraform file (HCL or JSON syntax).
pub fn parse_file(src: Arc<SourceFile>, id: FileId) -> Result<TfFile, FileFailure> {
    let doc = if is_json(&src.path) {
        parse::parse_json(&src.text).map(Doc::Json)
    } else {
        parse::parse_hcl(&src.text).map(Doc::Hcl)
    };
    match doc {
        Ok(doc) => Ok(TfFile { src, id, doc }),
        Err(f) => Err(FileFailure {
            src,
            span: f.span,
            message: f.message,
        }),
    }
}

/// A loaded module tree: the unit, and the directories loaded as children.
pub struct Loaded {
    pub unit: Unit,
    pub child_dirs: Vec<PathBuf>,
    /// Child module files (and directories, and `modules.json`) that could
    /// not be read, parsed, or may not be: by the directory they are in.
    pub unread: Vec<(PathBuf, Unread)>,
}

/// Loads the module in `root` (its parsed `.tf` files) with `tfvars` (already
/// parsed, in precedence order: later wins) and local child modules.
pub fn load(
    root: PathBuf,
    root_files: Vec<TfFile>,
    tfvars: Vec<TfFile>,
    next_id: u32,
    roots: &Roots,
) -> Loaded {
    load_with(root, root_files, tfvars, next_id, roots, &mut |_| {})
}

/// [`load`], telling `grown` the tree's source bytes each time a child
/// module's file is added: the scan decides what a large tree costs (it
/// takes a gate so that one large tree loads at a time), not the loader.
pub fn load_with(
    root: PathBuf,
    root_files: Vec<TfFile>,
    tfvars: Vec<TfFile>,
    mut next_id: u32,
    roots: &Roots,
    grown: &mut dyn FnMut(usize),
) -> Loaded {
    eval::reset_steps();
    let mut files: Vec<Arc<SourceFile>> = Vec::new();
    let register = |f: &TfFile, files: &mut Vec<Arc<SourceFile>>| {
        let i = f.id.0 as usize;
        if files.len() <= i {
            files.resize_with(i + 1, || f.src.clone());
        }
        files[i] = f.src.clone();
    };
    for f in root_files.iter().chain(&tfvars) {
        register(f, &mut files);
    }
    let mut unread: Vec<(PathBuf, Unread)> = Vec::new();
    let installed = installed_modules(&root, roots, &mut unread);
    let root = ParsedModule {
        dir: root,
        files: root_files,
    };
    let mut errors: Vec<LoadError> = Vec::new();
    let mut tree_bytes: usize = root.files.iter().map(|f| f.src.text.len()).sum();
    // Breadth-first over local calls; each directory read once per tree.
    // Child syntax trees are kept only within the cache's budget.
    let mut children: Vec<ModuleSources> = Vec::new();
    // Directories tried for `children`: a file may make a million calls.
    let mut loaded_dirs: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let mut cache = ModuleCache::default();
    // (calling directory, its module calls as (key, source), depth)
    let mut pending = std::collections::VecDeque::new();
    pending.push_back((root.dir.clone(), module_sources(&root), 0));
    while let Some((from, calls, depth)) = pending.pop_front() {
        for (key, source) in calls {
            let Some(dir) = module::resolve_source(&from, &source, &key, &installed) else {
                continue;
            };
            if dir == root.dir
                || loaded_dirs.contains(&dir)
                || depth >= MAX_MODULE_DEPTH
                || children.len() + 1 >= MAX_MODULES
            {
                continue;
            }
            // Tried once, even when it holds no module: not listed again per call.
            loaded_dirs.insert(dir.clone());
            // A module source or an installed module directory that leaves
            // the roots is not listed, let alone read.
            if let Err(e) = roots.admit(&dir) {
                let display = crate::source::display_path(&dir);
                let why = if e.skip {
                    Unread::Skipped(display, e.message)
                } else {
                    Unread::Failed(FileError::unlocated(display, e.message))
                };
                unread.push((dir.clone(), why));
                continue;
            }
            let mut sources = Vec::new();
            let mut parsed = Vec::new();
            let mut times = crate::source::load::PhaseTimes::default();
            for path in tf_files_in(&dir) {
                let src = match crate::source::load::read_source(&path, Some(roots), &mut times) {
                    Ok(s) => s,
                    Err(e) => {
                        unread.push((dir.clone(), e));
                        continue;
                    }
                };
                tree_bytes += src.text.len();
                grown(tree_bytes);
                let id = FileId(next_id);
                next_id += 1;
                files.push(src.clone());
                // Reported here, and dropped in favour of the child's own
                // scan when the child's directory is scanned too.
                match parse_file(src.clone(), id) {
                    Ok(f) => {
                        sources.push((src, id));
                        parsed.push(f);
                    }
                    Err(fail) => {
                        let e = crate::source::load::located(&fail.src, fail.span, fail.message);
                        unread.push((dir.clone(), Unread::Failed(e)));
                    }
                }
            }
            if sources.is_empty() {
                continue;
            }
            let parsed = ParsedModule {
                dir: dir.clone(),
                files: parsed,
            };
            pending.push_back((dir.clone(), module_sources(&parsed), depth + 1));
            cache.put(std::rc::Rc::new(parsed));
            children.push(ModuleSources {
                dir,
                files: sources,
            });
        }
    }
    let given = given_values(&root.files, &tfvars, &mut errors);
    let declarations = root
        .files
        .iter()
        .flat_map(parse::top_blocks)
        .filter(|b| b.kind == "resource")
        .count();
    let tree = Tree::new(&root, &children, cache, installed, roots);
    let loaded = tree.load_root(given);
    let mut unit = Unit::new(files);
    unit.declarations = declarations;
    unit.resources = loaded.resources;
    unit.parameters = loaded.parameters;
    unit.outputs = loaded.outputs;
    unit.configs = loaded.configs;
    unit.errors = errors;
    unit.errors.extend(loaded.errors);
    unit.finish();
    Loaded {
        unit,
        child_dirs: loaded.child_dirs,
        unread,
    }
}

/// The directories [`load`] would read as child modules of the module in
/// `root`, found the same way (literal local and installed sources,
/// breadth-first, within the same bounds) by parsing only: what a sharded
/// scan keeps together with its caller. Files that cannot be read or
/// parsed are passed over; the scan reports them.
pub fn module_tree_dirs(root: &Path, roots: &Roots) -> Vec<PathBuf> {
    let mut unread = Vec::new();
    let installed = installed_modules(root, roots, &mut unread);
    let parsed_in = |dir: &Path| -> ParsedModule {
        let mut times = crate::source::load::PhaseTimes::default();
        let files = tf_files_in(dir)
            .iter()
            .filter_map(|p| crate::source::load::read_source(p, Some(roots), &mut times).ok())
            .enumerate()
            .filter_map(|(i, src)| parse_file(src, FileId(i as u32)).ok())
            .collect();
        ParsedModule {
            dir: dir.to_path_buf(),
            files,
        }
    };
    let mut out: Vec<PathBuf> = Vec::new();
    let mut seen: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let mut pending = std::collections::VecDeque::new();
    pending.push_back((root.to_path_buf(), module_sources(&parsed_in(root)), 0));
    while let Some((from, calls, depth)) = pending.pop_front() {
        for (key, source) in calls {
            let Some(dir) = module::resolve_source(&from, &source, &key, &installed) else {
                continue;
            };
            if dir == root
                || seen.contains(&dir)
                || depth >= MAX_MODULE_DEPTH
                || out.len() + 1 >= MAX_MODULES
            {
                continue;
            }
            seen.insert(dir.clone());
            if roots.admit(&dir).is_err() {
                continue;
            }
            let parsed = parsed_in(&dir);
            if parsed.files.is_empty() {
                continue;
            }
            pending.push_back((dir.clone(), module_sources(&parsed), depth + 1));
            out.push(dir);
        }
    }
    out
}

/// Variable files on their own: their assignments as inputs, declared when
/// `module_files` declares them (a `.tfvars` that Terraform reads only with
/// `-var-file`, or one in a directory without a module), so rules can judge
/// them by name and by `sensitive`.
pub fn load_var_files(module_files: &[TfFile], tfvars: Vec<TfFile>) -> Unit {
    let files = tfvars.iter().map(|f| f.src.clone()).collect();
    let mut unit = Unit::new(files);
    // File ids of the unit are the variable files' own, counted from zero.
    let tfvars: Vec<TfFile> = tfvars
        .into_iter()
        .enumerate()
        .map(|(i, f)| TfFile {
            id: FileId(i as u32),
            ..f
        })
        .collect();
    let declared = variable_sensitivity(module_files);
    let mut errors = Vec::new();
    let mut given: Vec<(String, Value)> = given_values(module_files, &tfvars, &mut errors)
        .into_iter()
        .collect();
    given.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, value) in given {
        let loc = value.via.first().map(|s| s.loc).unwrap_or(value.loc);
        let decl = declared.get(&name);
        unit.parameters.push(crate::model::Parameter {
            secure: decl.copied().unwrap_or(false),
            declared: decl.is_some(),
            securable: true,
            enumerated: false,
            members_read: Vec::new(),
            unread: false,
            name,
            loc,
            ty: None,
            default: None,
            given: Some(value),
            noun: "variable",
            via: Vec::new(),
        });
    }
    unit.errors = errors;
    unit.finish();
    unit
}

fn variable_sensitivity(files: &[TfFile]) -> HashMap<String, bool> {
    files
        .iter()
        .flat_map(parse::top_blocks)
        .filter(|b| b.kind == "variable")
        .map(|b| {
            let s = matches!(b.attr("sensitive").map(|a| a.expr), Some(Src::Hcl(hcl_edit::expr::Expression::Bool(v))) if *v.value());
            (b.label(0).to_string(), s)
        })
        .collect()
}

/// `(module key, source)` of each module call with a literal source.
fn module_sources(m: &ParsedModule) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for f in &m.files {
        for b in parse::top_blocks(f).iter().filter(|b| b.kind == "module") {
            let source = match b.attr("source").map(|a| a.expr) {
                Some(Src::Hcl(hcl_edit::expr::Expression::String(s))) => s.value().clone(),
                Some(Src::Json(j)) => match j.as_str() {
                    Some(s) => s.to_string(),
                    None => continue,
                },
                _ => continue,
            };
            out.push((b.label(0).to_string(), source));
        }
    }
    out
}

/// `.tf` and `.tf.json` files of a directory (see `discover::files_in`).
pub fn tf_files_in(dir: &Path) -> Vec<PathBuf> {
    crate::discover::files_in(
        dir,
        &[
            crate::discover::FileKind::Terraform,
            crate::discover::FileKind::TerraformJson,
        ],
    )
}

/// Module key → directory, from `.terraform/modules/modules.json` written
/// by `terraform init`. A missing file is the usual case and says nothing;
/// one that cannot be read or parsed is reported.
fn installed_modules(
    root: &Path,
    roots: &Roots,
    unread: &mut Vec<(PathBuf, Unread)>,
) -> HashMap<String, PathBuf> {
    let mut out = HashMap::new();
    let path = root.join(".terraform/modules/modules.json");
    if std::fs::symlink_metadata(&path).is_err() {
        return out;
    }
    let mut times = crate::source::load::PhaseTimes::default();
    let parsed = crate::source::load::read_source(&path, Some(roots), &mut times)
        .and_then(|src| crate::source::load::parse_json(src, &mut times).map_err(Unread::Failed));
    let doc = match parsed {
        Ok(p) => p.doc,
        Err(e) => {
            // Keyed by its own directory, which no walk enters.
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            unread.push((dir, e));
            return out;
        }
    };
    for m in doc
        .root
        .get("Modules")
        .and_then(|m| m.as_array())
        .unwrap_or(&[])
        .iter()
        .take(MAX_MODULES)
    {
        if let (Some(k), Some(d)) = (
            m.get("Key").and_then(|k| k.as_str()),
            m.get("Dir").and_then(|d| d.as_str()),
        ) {
            if !k.is_empty() {
                out.insert(k.to_string(), crate::source::normalize(&root.join(d)));
            }
        }
    }
    out
}

/// Values for the root module's variables from tfvars files (later wins),
/// each carrying where it was given.
fn given_values(
    module_files: &[TfFile],
    tfvars: &[TfFile],
    errors: &mut Vec<LoadError>,
) -> HashMap<String, Value> {
    let sensitive = variable_sensitivity(module_files);
    let mut out = HashMap::new();
    for f in tfvars {
        let scope = Constants {
            dir: f
                .src
                .path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            errors: std::cell::RefCell::new(Vec::new()),
        };
        for a in parse::tfvars_attrs(f) {
            let v = eval::eval(&scope, a.expr, a.file, &Env::default()).through(Step {
                kind: StepKind::Given,
                name: a.name.to_string(),
                loc: a.key_loc,
                secure: sensitive.get(a.name).copied().unwrap_or(false),
                noun: "variable",
            });
            out.insert(a.name.to_string(), v);
        }
        errors.extend(scope.errors.into_inner());
    }
    out
}

/// Scope of a tfvars file: constants only.
struct Constants {
    dir: PathBuf,
    errors: std::cell::RefCell<Vec<LoadError>>,
}

impl Scope for Constants {
    fn var(&self, name: &str, loc: Loc) -> Value {
        self.error(
            loc,
            format!("a variables file cannot refer to `var.{name}`"),
        );
        Value::opaque("reference in a variables file", loc)
    }
    fn local(&self, name: &str, loc: Loc) -> Value {
        self.error(
            loc,
            format!("a variables file cannot refer to `local.{name}`"),
        );
        Value::opaque("reference in a variables file", loc)
    }
    fn module_output(&self, _: &str, _: &str, loc: Loc) -> Value {
        Value::opaque("reference in a variables file", loc)
    }
    fn data(&self, _: &str, _: &str, _: &str, loc: Loc) -> Value {
        Value::opaque("reference in a variables file", loc)
    }
    fn resource_ref(&self, ty: &str, name: &str) -> ResourceRef {
        ResourceRef {
            ty: ty.to_string(),
            key: format!("{ty}.{name}"),
        }
    }
    fn module_dir(&self) -> &Path {
        &self.dir
    }
    /// Terraform reads variable files as constants: no function reads a file there.
    fn roots(&self) -> Option<&Roots> {
        None
    }
    fn error(&self, loc: Loc, message: String) {
        self.errors.borrow_mut().push(LoadError { loc, message });
    }
}
