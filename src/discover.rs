//! Finding the files to scan: a gitignore-aware walk of directories, explicit
//! files as given, grouped by directory (a Terraform module, or ARM templates
//! with their sibling parameter files).

use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// `.json`/`.jsonc`: an ARM template or parameter file when its `$schema` says so.
    Json,
    /// `.tf`
    Terraform,
    /// `.tf.json`
    TerraformJson,
    /// `.tfvars`
    TfVars,
    /// `.tfvars.json`
    TfVarsJson,
}

pub fn kind_of(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".tf.json") {
        Some(FileKind::TerraformJson)
    } else if name.ends_with(".tfvars.json") {
        Some(FileKind::TfVarsJson)
    } else if name.ends_with(".tf") {
        Some(FileKind::Terraform)
    } else if name.ends_with(".tfvars") {
        Some(FileKind::TfVars)
    } else if name.ends_with(".json") || name.ends_with(".jsonc") {
        Some(FileKind::Json)
    } else {
        None
    }
}

#[derive(Clone, Debug)]
pub struct Candidate {
    pub path: PathBuf,
    pub kind: FileKind,
}

/// All candidates of one directory.
#[derive(Clone, Debug)]
pub struct Job {
    pub dir: PathBuf,
    pub files: Vec<Candidate>,
    /// Files given one by one (pre-commit): the job loads what they need from
    /// their directory for context but reports only on them.
    pub explicit: bool,
}

/// A path that could not be walked or read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub jobs: Vec<Job>,
    pub errors: Vec<WalkError>,
    /// Explicit files that are neither JSON nor Terraform.
    pub skipped: Vec<(PathBuf, String)>,
}

impl Discovery {
    pub fn file_count(&self) -> usize {
        self.jobs.iter().map(|j| j.files.len()).sum()
    }
}

pub fn build_globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let g = Glob::new(p).map_err(|e| format!("invalid glob `{p}`: {e}"))?;
        b.add(g);
        // `dir/**` should also exclude `dir` itself when walking.
        if let Some(stripped) = p.strip_suffix("/**") {
            if let Ok(g) = Glob::new(stripped) {
                b.add(g);
            }
        }
    }
    b.build().map_err(|e| e.to_string())
}

/// Directories never worth scanning: VCS data, downloaded providers and modules, packages.
fn pruned(name: &str) -> bool {
    matches!(
        name,
        ".git" | ".terraform" | "node_modules" | ".hg" | ".svn"
    )
}

pub fn discover(paths: &[PathBuf], exclude: &GlobSet) -> Discovery {
    let mut d = Discovery::default();
    let mut walked: BTreeMap<PathBuf, Vec<Candidate>> = BTreeMap::new();
    let mut explicit: BTreeMap<PathBuf, Vec<Candidate>> = BTreeMap::new();
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                let message = if std::fs::symlink_metadata(root).is_ok() {
                    link_message(&e)
                } else {
                    io_message(&e)
                };
                d.errors.push(WalkError {
                    path: root.clone(),
                    message,
                });
                continue;
            }
        };
        if meta.is_file() {
            match kind_of(root) {
                Some(kind) => {
                    let dir = parent_dir(root);
                    let list = explicit.entry(dir).or_default();
                    if !list.iter().any(|c| c.path == *root) {
                        list.push(Candidate {
                            path: root.clone(),
                            kind,
                        });
                    }
                }
                None => d.skipped.push((
                    root.clone(),
                    "not an ARM template, parameter file or Terraform file".into(),
                )),
            }
            continue;
        }
        walk(root, exclude, &mut walked, &mut d.errors);
    }
    for (dir, mut files) in walked {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files.dedup_by(|a, b| a.path == b.path);
        d.jobs.push(Job {
            dir,
            files,
            explicit: false,
        });
    }
    for (dir, mut files) in explicit {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        // A directory also walked already reports all its files.
        if d.jobs.iter().any(|j| j.dir == dir) {
            continue;
        }
        d.jobs.push(Job {
            dir,
            files,
            explicit: true,
        });
    }
    d.jobs.sort_by(|a, b| a.dir.cmp(&b.dir));
    d.errors.sort_by(|a, b| a.path.cmp(&b.path));
    d
}

fn walk(
    root: &Path,
    exclude: &GlobSet,
    out: &mut BTreeMap<PathBuf, Vec<Candidate>>,
    errors: &mut Vec<WalkError>,
) {
    let root_owned = root.to_path_buf();
    let excl = exclude.clone();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .require_git(false)
        .follow_links(false)
        .filter_entry(move |e| {
            let name = e.file_name().to_string_lossy();
            if e.depth() > 0 && e.file_type().is_some_and(|t| t.is_dir()) && pruned(&name) {
                return false;
            }
            let rel = e.path().strip_prefix(&root_owned).unwrap_or(e.path());
            !(e.depth() > 0 && (excl.is_match(rel) || excl.is_match(e.path())))
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err_path(&err).unwrap_or_else(|| root.to_path_buf());
                errors.push(WalkError {
                    path,
                    message: walk_message(&err),
                });
                continue;
            }
        };
        let Some(ft) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        let is_file = if ft.is_symlink() {
            // Follow links to files; a dangling link is an error the user should see.
            match std::fs::metadata(path) {
                Ok(m) => m.is_file(),
                Err(e) => {
                    if kind_of(path).is_some() {
                        errors.push(WalkError {
                            path: path.to_path_buf(),
                            message: link_message(&e),
                        });
                    }
                    false
                }
            }
        } else {
            ft.is_file()
        };
        if !is_file {
            continue;
        }
        if let Some(kind) = kind_of(path) {
            out.entry(parent_dir(path)).or_default().push(Candidate {
                path: path.to_path_buf(),
                kind,
            });
        }
    }
}

/// `ELOOP` ("too many levels of symbolic links"), which has no stable
/// `io::ErrorKind` yet.
const ELOOP: Option<i32> = if cfg!(target_os = "linux") {
    Some(40)
} else if cfg!(any(target_os = "macos", target_os = "freebsd")) {
    Some(62)
} else {
    None
};

/// Why a symbolic link cannot be followed: its target is missing, or it
/// resolves through a loop (`a -> b -> a`), or something else went wrong.
fn link_message(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        return "broken symbolic link".into();
    }
    if ELOOP.is_some() && e.raw_os_error() == ELOOP {
        return "symbolic link loop (too many levels of symbolic links)".into();
    }
    format!("symbolic link cannot be followed: {}", io_message(e))
}

fn parent_dir(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn err_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            err_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn walk_message(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_message(err),
        ignore::Error::Loop { ancestor, .. } => {
            format!("symbolic link loop back to {}", ancestor.display())
        }
        ignore::Error::Io(e) => io_message(e),
        other => other.to_string(),
    }
}

pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            // "Is a directory (os error 21)" → "is a directory"
            let s = s.split(" (os error").next().unwrap_or(&s).to_string();
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
                None => s,
            }
        }
    }
}
