//! The one way idlint opens a file. Whatever a repository holds in place of
//! a file (a FIFO that blocks forever, a link to `/dev/zero`, 41 MiB of
//! padding, a file that grows while read) costs at most `limit` bytes and
//! never blocks.

use super::roots::Roots;
use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub message: String,
    /// Refused for what it is (outside the roots, not a regular file), not
    /// failed: reported as skipped rather than as an error.
    pub skip: bool,
}

impl ReadError {
    pub fn skip(message: &str) -> ReadError {
        ReadError {
            message: message.to_string(),
            skip: true,
        }
    }
    pub fn error(message: String) -> ReadError {
        ReadError {
            message,
            skip: false,
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

pub const NOT_REGULAR: &str = "not a regular file";

/// The bytes of the regular file at `path`, at most `limit` of them. With
/// `roots`, only a file that resolves inside them is opened; without, the
/// file is a trusted input named by a flag.
pub fn read_bytes(path: &Path, limit: u64, roots: Option<&Roots>) -> Result<Vec<u8>, ReadError> {
    let io = |e: std::io::Error| ReadError::error(crate::source::io_message(&e));
    let mut file = match roots {
        // The canonical path has no link left to follow; `O_NOFOLLOW` makes
        // a link swapped in since the check fail instead of being followed.
        Some(r) => open(&r.admit(path)?, true),
        None => open(path, false),
    }
    .map_err(io)?;
    // Checked on the open file, so it is the file read.
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::error("is a directory".into()));
    }
    if !meta.is_file() {
        return Err(ReadError::skip(NOT_REGULAR));
    }
    if meta.len() > limit {
        return Err(too_large(Some(meta.len()), limit));
    }
    let mut buf = Vec::with_capacity(meta.len() as usize);
    // One byte past the limit tells a file that grew (or lied) from one that fits.
    (&mut file)
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(io)?;
    if buf.len() as u64 > limit {
        return Err(too_large(None, limit));
    }
    Ok(buf)
}

/// Opened without blocking: a FIFO opens at once instead of waiting for a
/// writer, and is then refused as not a regular file.
fn open(path: &Path, no_follow: bool) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let follow = if no_follow { libc::O_NOFOLLOW } else { 0 };
        o.custom_flags(libc::O_NONBLOCK | follow);
    }
    #[cfg(not(unix))]
    let _ = no_follow;
    o.open(path)
}

fn too_large(size: Option<u64>, limit: u64) -> ReadError {
    let limit_text = if limit.is_multiple_of(1024 * 1024) {
        format!("{} MiB", limit / (1024 * 1024))
    } else {
        format!("{limit} bytes")
    };
    ReadError::error(match size {
        Some(n) => format!(
            "file is {:.1} MiB, over the {limit_text} limit",
            n as f64 / (1024.0 * 1024.0)
        ),
        None => format!("file is over the {limit_text} limit"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_regular_files_and_refuses_others() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        std::fs::write(&p, b"0123456789").unwrap();
        assert_eq!(read_bytes(&p, 10, None).unwrap().len(), 10);
        let e = read_bytes(&p, 9, None).unwrap_err();
        assert_eq!(e.message, "file is 0.0 MiB, over the 9 bytes limit");
        assert_eq!(
            read_bytes(d.path(), 10, None).unwrap_err().message,
            "is a directory"
        );
        #[cfg(unix)]
        {
            let e = read_bytes(Path::new("/dev/zero"), 10, None).unwrap_err();
            assert!(e.skip && e.message == NOT_REGULAR, "{e:?}");
        }
    }
}
