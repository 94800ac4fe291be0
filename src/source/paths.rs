//! Path and I/O words shared by every part that touches the file system:
//! what an I/O error is called in a report, and a path made tidy without
//! asking the file system.

use std::path::{Path, PathBuf};

/// `a/./b/../c` → `a/c` without touching the file system. A `..` cancels
/// only a name before it: `../../m` from the current directory stays
/// `../../m` (two levels up), and `/..` is `/`.
pub fn normalize(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other),
        }
    }
    out
}

/// An I/O error as a report says it: lower-case, without the OS error number.
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
pub fn link_message(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        return "broken symbolic link".into();
    }
    if ELOOP.is_some() && e.raw_os_error() == ELOOP {
        return "symbolic link loop (too many levels of symbolic links)".into();
    }
    format!("symbolic link cannot be followed: {}", io_message(e))
}
