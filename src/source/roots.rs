//! The scan root: idlint reads nothing outside it. Findings, error snippets
//! and evaluated `file()` values all end up in reports that anyone reading a
//! pull request can see, so a symbolic link or a `../` path in untrusted code
//! must not turn the report into a way to print `/etc/passwd` or the CI
//! token in `.git/config`.

use super::read::ReadError;
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

/// Canonical directories idlint may read below: the scan root, and any path
/// named on the command line outside it (the user asked for that one).
#[derive(Clone, Debug, Default)]
pub struct Roots {
    dirs: BTreeSet<PathBuf>,
}

/// Why a path may not be read. Messages are what reports show.
pub const OUTSIDE: &str = "outside the repository";
pub const SYMLINK_OUTSIDE: &str = "symlink outside the repository";
pub const IN_GIT_DIR: &str = "inside a .git directory";

impl Roots {
    /// Roots holding only `dir` (canonicalized).
    pub fn new(dir: &Path) -> std::io::Result<Roots> {
        let mut dirs = BTreeSet::new();
        dirs.insert(std::fs::canonicalize(dir)?);
        Ok(Roots { dirs })
    }

    /// The roots of a scan: `--root`; else, for each path scanned, the top
    /// level of the git repository holding it (the nearest ancestor with a
    /// `.git` entry), else the current directory when the path is below it,
    /// else the path itself (a directory, or a file's directory). With
    /// `--root`, a path outside it is a root of its own too: the user named it.
    pub fn for_scan(root: Option<&Path>, paths: &[PathBuf]) -> Result<Roots, String> {
        let cwd = std::env::current_dir()
            .and_then(std::fs::canonicalize)
            .map_err(|e| format!("current directory: {}", crate::source::io_message(&e)))?;
        let mut roots = match root {
            Some(r) => {
                let bad = |m: String| format!("--root {}: {m}", r.display());
                if !std::fs::metadata(r)
                    .map_err(|e| bad(crate::source::io_message(&e)))?
                    .is_dir()
                {
                    return Err(bad("not a directory".into()));
                }
                Roots::new(r).map_err(|e| bad(crate::source::io_message(&e)))?
            }
            None => Roots::default(),
        };
        let here = [PathBuf::from(".")];
        let paths = if paths.is_empty() { &here[..] } else { paths };
        for p in paths {
            let Some(loc) = named_location(p) else {
                continue;
            };
            if roots.contains(&loc) {
                continue;
            }
            // The directory the path names, or a file's directory: a link
            // given by name is judged where it is, not where it points.
            let dir = match std::fs::symlink_metadata(p) {
                Ok(m) if m.is_dir() => loc.clone(),
                _ => match loc.parent() {
                    Some(d) => d.to_path_buf(),
                    None => continue,
                },
            };
            let chosen = if root.is_some() {
                dir
            } else if let Some(top) = repository_top(&dir) {
                top
            } else if dir.starts_with(&cwd) {
                cwd.clone()
            } else {
                dir
            };
            roots.dirs.insert(chosen);
        }
        if roots.dirs.is_empty() {
            roots.dirs.insert(cwd);
        }
        Ok(roots)
    }

    /// Is the canonical path `p` at or below a root?
    pub fn contains(&self, p: &Path) -> bool {
        p.ancestors().any(|a| self.dirs.contains(a))
    }

    /// The canonical path to open for `path`, if it may be read: it resolves
    /// (symbolic links followed) inside a root and not inside a `.git`
    /// directory, where a checkout keeps its credentials.
    pub fn admit(&self, path: &Path) -> Result<PathBuf, ReadError> {
        let canonical = match canonical(path) {
            Ok(c) => c,
            Err(e) => {
                // A path that does not exist is only reported as missing
                // when it would be inside: nothing is said about the world
                // outside, not even what does not exist there.
                if !self.nearest_existing_inside(path) {
                    return Err(ReadError::skip(OUTSIDE));
                }
                let message = if std::fs::symlink_metadata(path).is_ok() {
                    crate::source::link_message(&e)
                } else {
                    crate::source::io_message(&e)
                };
                return Err(ReadError::error(message));
            }
        };
        let Some(root) = canonical.ancestors().find(|a| self.dirs.contains(*a)) else {
            let named_inside = named_location(path).is_some_and(|l| self.contains(&l));
            return Err(ReadError::skip(if named_inside {
                SYMLINK_OUTSIDE
            } else {
                OUTSIDE
            }));
        };
        let in_git = canonical
            .strip_prefix(root)
            .unwrap_or(&canonical)
            .components()
            .any(|c| c == Component::Normal(".git".as_ref()));
        if in_git {
            return Err(ReadError::skip(IN_GIT_DIR));
        }
        Ok(canonical)
    }

    /// Whether the deepest existing ancestor of `path` resolves inside.
    fn nearest_existing_inside(&self, path: &Path) -> bool {
        let Ok(abs) = std::path::absolute(path) else {
            return false;
        };
        abs.ancestors()
            .skip(1)
            .find_map(|a| std::fs::canonicalize(a).ok())
            .is_some_and(|c| self.contains(&c))
    }
}

/// `std::fs::canonicalize`, with each directory resolved once per thread:
/// a scan reads thousands of files from a few hundred directories, and a
/// full resolution costs one system call per path component. A file that is
/// itself a link is resolved in full.
fn canonical(path: &Path) -> std::io::Result<PathBuf> {
    const MAX_CACHED: usize = 4096;
    thread_local! {
        static DIRS: std::cell::RefCell<std::collections::HashMap<PathBuf, PathBuf>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return std::fs::canonicalize(path);
    };
    if parent.as_os_str().is_empty() || path.ends_with("..") || path.ends_with(".") {
        return std::fs::canonicalize(path);
    }
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return std::fs::canonicalize(path);
    }
    if let Some(dir) = DIRS.with(|d| d.borrow().get(parent).cloned()) {
        return Ok(dir.join(name));
    }
    let dir = std::fs::canonicalize(parent)?;
    DIRS.with(|d| {
        let mut d = d.borrow_mut();
        if d.len() >= MAX_CACHED {
            d.clear();
        }
        d.insert(parent.to_path_buf(), dir.clone());
    });
    Ok(dir.join(name))
}

/// Where a path is, without following a symbolic link it ends with: its
/// directory canonicalized, and its own name.
fn named_location(p: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(p).ok()?;
    match (abs.parent(), abs.file_name()) {
        (Some(parent), Some(name)) if !p.ends_with("..") => {
            Some(std::fs::canonicalize(parent).ok()?.join(name))
        }
        _ => std::fs::canonicalize(&abs).ok(),
    }
}

/// The top level of the git repository holding `dir` (canonical): the
/// nearest ancestor with a `.git` entry, a directory or a worktree's file.
pub fn repository_top(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|a| std::fs::symlink_metadata(a.join(".git")).is_ok())
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admits_inside_refuses_outside_and_git() {
        let d = tempfile::tempdir().unwrap();
        let repo = d.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::write(repo.join(".git/config"), "token").unwrap();
        std::fs::write(repo.join("a.tf"), "").unwrap();
        std::fs::write(d.path().join("secret"), "s").unwrap();
        let roots = Roots::new(&repo).unwrap();
        assert!(roots.admit(&repo.join("a.tf")).is_ok());
        assert_eq!(
            roots.admit(&repo.join("../secret")).unwrap_err().message,
            OUTSIDE
        );
        assert_eq!(
            roots.admit(&repo.join(".git/config")).unwrap_err().message,
            IN_GIT_DIR
        );
        // Missing outside: not said to be missing.
        let e = roots.admit(&d.path().join("nope/x")).unwrap_err();
        assert!(e.skip && e.message == OUTSIDE);
        let e = roots.admit(&repo.join("nope")).unwrap_err();
        assert!(!e.skip, "{e:?}");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(d.path().join("secret"), repo.join("s.tf")).unwrap();
            assert_eq!(
                roots.admit(&repo.join("s.tf")).unwrap_err().message,
                SYMLINK_OUTSIDE
            );
        }
    }

    #[test]
    fn each_scanned_path_is_read_within_its_repository() {
        let d = tempfile::tempdir().unwrap();
        let top = std::fs::canonicalize(d.path()).unwrap();
        let repo = top.join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("envs/prod")).unwrap();
        std::fs::create_dir_all(repo.join("modules/acr")).unwrap();
        std::fs::write(repo.join("modules/acr/main.tf"), "").unwrap();
        std::fs::create_dir_all(top.join("loose/inner")).unwrap();
        std::fs::write(top.join("loose/a.tf"), "").unwrap();
        // Scanning envs/prod may read the module two levels up: same repository.
        let r = Roots::for_scan(None, &[repo.join("envs/prod")]).unwrap();
        assert!(r.admit(&repo.join("modules/acr/main.tf")).is_ok());
        // Outside any repository and the current directory: the path itself.
        let r = Roots::for_scan(None, &[top.join("loose/inner")]).unwrap();
        assert_eq!(
            r.admit(&top.join("loose/a.tf")).unwrap_err().message,
            OUTSIDE
        );
        // A directory link given by name is not a root where it points.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(top.join("loose"), repo.join("ln")).unwrap();
            let r = Roots::for_scan(None, &[repo.join("ln")]).unwrap();
            assert!(r.admit(&repo.join("ln/a.tf")).unwrap_err().skip);
        }
        // --root bounds the scan, and a path named outside it is its own root.
        let r = Roots::for_scan(Some(&repo.join("envs")), &[top.join("loose/inner")]).unwrap();
        assert!(r.admit(&repo.join("modules/acr/main.tf")).is_err());
        assert!(r.admit(&top.join("loose/a.tf")).is_err());
    }
}
