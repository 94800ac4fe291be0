//! Finding the files to scan: a gitignore-aware walk of directories, explicit
//! files as given, grouped by directory (a Terraform module, or ARM templates
//! with their sibling parameter files).

use crate::source::read::NOT_REGULAR;
use crate::source::roots::Roots;
use crate::source::{io_message, link_message};
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
    /// `.bicep`
    Bicep,
    /// `.bicepparam`
    BicepParam,
}

/// Matched on the name's bytes: a name that is not UTF-8 (`caf\xe9.tf`) is
/// still a Terraform file, and must not be left out of the scan unseen.
pub fn kind_of(path: &Path) -> Option<FileKind> {
    let name = name_bytes(path)?.to_ascii_lowercase();
    let ends = |suffix: &str| name.ends_with(suffix.as_bytes());
    if ends(".tf.json") {
        Some(FileKind::TerraformJson)
    } else if ends(".tfvars.json") {
        Some(FileKind::TfVarsJson)
    } else if ends(".tf") {
        Some(FileKind::Terraform)
    } else if ends(".tfvars") {
        Some(FileKind::TfVars)
    } else if ends(".json") || ends(".jsonc") {
        Some(FileKind::Json)
    } else if ends(".bicep") {
        Some(FileKind::Bicep)
    } else if ends(".bicepparam") {
        Some(FileKind::BicepParam)
    } else {
        None
    }
}

/// The files of `dir` (not below it) of these kinds, sorted: anything so
/// named but a directory, so that the reader can say why a FIFO or a device
/// is not read rather than leave it out unseen.
pub fn files_in(dir: &Path, kinds: &[FileKind]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .take(crate::source::MAX_DIR_ENTRIES)
                .filter(|e| e.file_type().map(|t| !t.is_dir()).unwrap_or(false))
                .map(|e| child_path(dir, &e.file_name()))
                .filter(|p| kind_of(p).is_some_and(|k| kinds.contains(&k)))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[cfg(unix)]
fn name_bytes(path: &Path) -> Option<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    Some(path.file_name()?.as_bytes().to_vec())
}

#[cfg(not(unix))]
fn name_bytes(path: &Path) -> Option<Vec<u8>> {
    Some(
        path.file_name()?
            .to_string_lossy()
            .into_owned()
            .into_bytes(),
    )
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
    /// Files found and not scanned, with the reason: explicit files that are
    /// neither JSON nor Terraform, links leaving the roots, FIFOs and devices.
    pub skipped: Vec<(PathBuf, String)>,
}

impl Discovery {
    pub fn file_count(&self) -> usize {
        self.jobs.iter().map(|j| j.files.len()).sum()
    }

    /// Every path discovery found, each once: the files of the jobs, the
    /// skipped ones and the ones that could not be walked. Counted here, not
    /// from what the jobs did, so a file a job drops without a word shows
    /// as a gap between this and scanned + skipped + failed.
    pub fn discovered(&self) -> usize {
        self.file_count() + self.skipped.len() + self.errors.len()
    }
}

/// A path as given, made comparable: `./x`, `x/` and `x` are one path, and
/// an absolute path below the current directory is made relative to it, so
/// the same file given twice is grouped, counted and reported once.
pub fn clean(p: &Path) -> PathBuf {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let cwd = CWD.get_or_init(|| std::env::current_dir().ok());
    let rel = match cwd {
        Some(c) if p.is_absolute() => p.strip_prefix(c).unwrap_or(p),
        _ => p,
    };
    let out: PathBuf = rel
        .components()
        .filter(|c| *c != std::path::Component::CurDir)
        .collect();
    if out.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        out
    }
}

/// `dir/name`, without a `./` in front for the current directory, so that
/// paths listed from a directory compare equal to the same paths as given.
pub fn child_path(dir: &Path, name: &std::ffi::OsStr) -> PathBuf {
    if dir == Path::new(".") || dir.as_os_str().is_empty() {
        PathBuf::from(name)
    } else {
        dir.join(name)
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

/// The `--exclude` and configuration `exclude` globs, and the directories
/// a path is matched from. A path is excluded when a glob matches it, or a
/// directory above it, written relative to the current directory, to a
/// directory scanned, to the configuration file's directory, or absolute.
/// Excluded paths are never walked and never reported on, whether walked,
/// named on the command line or reached as a caller's child module; they
/// may still be read as context.
#[derive(Clone, Debug)]
pub struct Excludes {
    /// Relative globs: matched against a path relative to the current
    /// directory or to a base, never against the directories above those.
    relative: GlobSet,
    /// Absolute globs (`/repo/legacy/**`): matched against absolute paths.
    absolute: GlobSet,
    /// Directories given to scan and the configuration's, absolute.
    bases: Vec<PathBuf>,
    /// The current directory.
    cwd: Option<PathBuf>,
}

impl Default for Excludes {
    fn default() -> Excludes {
        Excludes {
            relative: GlobSet::empty(),
            absolute: GlobSet::empty(),
            bases: Vec::new(),
            cwd: None,
        }
    }
}

impl Excludes {
    /// `patterns` matched from the current directory, from each directory in
    /// `scanned`, and from `config_dir`.
    pub fn new(
        patterns: &[String],
        scanned: &[PathBuf],
        config_dir: Option<&Path>,
    ) -> Result<Excludes, String> {
        let (abs, rel): (Vec<String>, Vec<String>) = patterns
            .iter()
            .cloned()
            .partition(|p| Path::new(p).is_absolute() || p.starts_with('/'));
        let cwd = std::env::current_dir().ok();
        let mut e = Excludes {
            relative: build_globs(&rel)?,
            absolute: build_globs(&abs)?,
            bases: Vec::new(),
            cwd,
        };
        let mut bases: Vec<PathBuf> = scanned
            .iter()
            .filter(|p| p.is_dir())
            .map(|p| e.absolute_path(&clean(p)))
            .collect();
        if let Some(d) = config_dir {
            bases.push(e.absolute_path(d));
        }
        if let Some(c) = &e.cwd {
            bases.push(crate::source::normalize(c));
        }
        bases.sort();
        bases.dedup();
        e.bases = bases;
        Ok(e)
    }

    pub fn is_empty(&self) -> bool {
        self.relative.is_empty() && self.absolute.is_empty()
    }

    /// `path` (relative to the current directory, or absolute) made absolute.
    fn absolute_path(&self, path: &Path) -> PathBuf {
        match &self.cwd {
            Some(c) if path.is_relative() => crate::source::normalize(&c.join(path)),
            _ => crate::source::normalize(path),
        }
    }

    /// Is `abs` itself matched: absolute, or relative to a base it is in?
    fn matches(&self, abs: &Path) -> bool {
        if self.absolute.is_match(abs) {
            return true;
        }
        !self.relative.is_empty()
            && self.bases.iter().any(|b| {
                abs.strip_prefix(b)
                    .is_ok_and(|rel| !rel.as_os_str().is_empty() && self.relative.is_match(rel))
            })
    }

    /// Is `path` matched (a walked entry, whose directories passed already)?
    fn matches_entry(&self, path: &Path) -> bool {
        let p = crate::source::normalize(&clean(path));
        (!p.starts_with("..") && self.relative.is_match(&p))
            || self.matches(&self.absolute_path(&p))
    }

    /// Is `path` (a file or a directory), or a directory above it, excluded?
    pub fn excludes(&self, path: &Path) -> bool {
        if self.is_empty() {
            return false;
        }
        let p = crate::source::normalize(&clean(path));
        if !p.starts_with("..")
            && p.ancestors().any(|a| {
                !a.as_os_str().is_empty() && a != Path::new(".") && self.relative.is_match(a)
            })
        {
            return true;
        }
        self.absolute_path(&p).ancestors().any(|a| self.matches(a))
    }
}

/// Directories never worth scanning: VCS data, downloaded providers and modules, packages.
fn pruned(name: &str) -> bool {
    matches!(
        name,
        ".git" | ".terraform" | "node_modules" | ".hg" | ".svn"
    )
}

/// Why a path named on the command line is not scanned.
pub const EXCLUDED: &str = "excluded (--exclude or the configuration's `exclude`)";

pub fn discover(paths: &[PathBuf], exclude: &Excludes, roots: &Roots) -> Discovery {
    let mut d = Discovery::default();
    let mut walked: BTreeMap<PathBuf, Vec<Candidate>> = BTreeMap::new();
    let mut explicit: BTreeMap<PathBuf, Vec<Candidate>> = BTreeMap::new();
    let mut given: Vec<PathBuf> = paths.iter().map(|p| clean(p)).collect();
    given.sort();
    given.dedup();
    for root in &given {
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
        // A path named on the command line is a root of its own when it is
        // outside the others; one inside that resolves outside is not read.
        if let Err(e) = roots.admit(root) {
            if e.skip {
                d.skipped.push((root.clone(), e.message));
            } else {
                d.errors.push(WalkError {
                    path: root.clone(),
                    message: e.message,
                });
            }
            continue;
        }
        // Named, and excluded all the same (a pre-commit file list).
        if exclude.excludes(root) {
            d.skipped.push((root.clone(), EXCLUDED.into()));
            continue;
        }
        if meta.is_dir() {
            walk(root, exclude, roots, &mut walked, &mut d);
            continue;
        }
        if !meta.is_file() {
            d.skipped.push((root.clone(), NOT_REGULAR.into()));
            continue;
        }
        match kind_of(root) {
            Some(kind) => {
                let list = explicit.entry(parent_dir(root)).or_default();
                list.push(Candidate {
                    path: root.clone(),
                    kind,
                });
            }
            None => d.skipped.push((
                root.clone(),
                "not an ARM template, parameter file or Terraform file".into(),
            )),
        }
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
        // A directory also walked reports all its files, and those given by
        // name too (a gitignored file the user named).
        if let Some(j) = d.jobs.iter_mut().find(|j| j.dir == dir) {
            for f in files {
                if let Err(i) = j.files.binary_search_by(|c| c.path.cmp(&f.path)) {
                    j.files.insert(i, f);
                }
            }
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
    d.errors.dedup_by(|a, b| a.path == b.path);
    d.skipped.sort();
    d.skipped.dedup_by(|a, b| a.0 == b.0);
    d
}

fn walk(
    root: &Path,
    exclude: &Excludes,
    roots: &Roots,
    out: &mut BTreeMap<PathBuf, Vec<Candidate>>,
    d: &mut Discovery,
) {
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
            // The directories above passed already; the root was checked
            // with its own ancestors before the walk.
            !(e.depth() > 0 && !excl.is_empty() && excl.matches_entry(e.path()))
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err_path(&err).unwrap_or_else(|| root.to_path_buf());
                d.errors.push(WalkError {
                    path: clean(&path),
                    message: walk_message(&err),
                });
                continue;
            }
        };
        let Some(ft) = entry.file_type() else {
            continue;
        };
        if ft.is_dir() {
            continue;
        }
        let path = clean(entry.path());
        let Some(kind) = kind_of(&path) else {
            continue;
        };
        if ft.is_symlink() {
            // Followed to a regular file inside the roots only; a dangling
            // link is an error the user should see.
            let target = match roots.admit(&path) {
                Ok(t) => t,
                Err(e) if e.skip => {
                    d.skipped.push((path, e.message));
                    continue;
                }
                Err(e) => {
                    d.errors.push(WalkError {
                        path,
                        message: e.message,
                    });
                    continue;
                }
            };
            match std::fs::metadata(&target) {
                Ok(m) if m.is_file() => {}
                // A link to a directory is not followed while walking.
                Ok(m) if m.is_dir() => continue,
                Ok(_) => {
                    d.skipped.push((path, NOT_REGULAR.into()));
                    continue;
                }
                Err(e) => {
                    d.errors.push(WalkError {
                        path,
                        message: link_message(&e),
                    });
                    continue;
                }
            }
        } else if !ft.is_file() {
            d.skipped.push((path, NOT_REGULAR.into()));
            continue;
        }
        out.entry(parent_dir(&path))
            .or_default()
            .push(Candidate { path, kind });
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(patterns: &[&str], scanned: &[&str]) -> Excludes {
        let p: Vec<String> = patterns.iter().map(|s| s.to_string()).collect();
        let s: Vec<PathBuf> = scanned.iter().map(PathBuf::from).collect();
        Excludes::new(&p, &s, None).expect("globs")
    }

    #[test]
    fn excludes_match_a_path_or_a_directory_above_it() {
        // `src` exists below the crate root, where unit tests run.
        let e = ex(&["src/scan/**"], &[]);
        assert!(e.excludes(Path::new("src/scan/arm.rs")));
        assert!(e.excludes(Path::new("./src/scan")));
        assert!(!e.excludes(Path::new("src/discover.rs")));
        // Relative to a directory scanned.
        let e = ex(&["scan"], &["src"]);
        assert!(e.excludes(Path::new("src/scan/mod.rs")));
        assert!(!e.excludes(Path::new("src/lib.rs")));
        // Absolute.
        let cwd = std::env::current_dir().unwrap();
        let e = ex(&[&format!("{}/src/scan/*.rs", cwd.display())], &[]);
        assert!(e.excludes(Path::new("src/scan/arm.rs")));
        assert!(e.excludes(&cwd.join("src/scan/arm.rs")));
        assert!(!e.excludes(Path::new("src/lib.rs")));
        // A relative glob never matches the directories above the current one.
        let name = cwd.file_name().unwrap().to_string_lossy().into_owned();
        let e = ex(&[&name, "**/tmp*"], &[]);
        assert!(!e.excludes(Path::new("src/lib.rs")));
        assert!(!Excludes::default().excludes(Path::new("src/lib.rs")));
    }
}
