//! Source files as loaded once: decoded text, a line index, and the JSONC parser
//! shared by ARM templates, parameter files and Terraform JSON syntax.

pub mod jsonc;
mod lines;
pub mod load;
mod paths;
pub mod read;
pub mod roots;

pub use lines::LineIndex;
pub use paths::{io_message, link_message, normalize};

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Files above this size are refused: real templates are far smaller, and a
/// bound keeps one pathological file from dominating memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Entries of one directory idlint lists when it looks for the files a
/// module or a template needs beside it (a directory is not a data set).
pub const MAX_DIR_ENTRIES: usize = 100_000;

/// Nesting bound for JSON and HCL: deep enough for any real template (AVM
/// modules reach ~40), shallow enough that recursive walks cannot exhaust a stack.
pub const MAX_DEPTH: usize = 256;

/// Excerpts larger than this share the whole file instead of copying.
const MAX_EXCERPT_BYTES: usize = 16 * 1024;

/// A byte range in a file's decoded text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// A resolved position for output: 1-based line, 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// One file's text, decoded to UTF-8, with its line index.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as used to open the file.
    pub path: PathBuf,
    /// Path for reports: relative to the working directory when possible, `/` separators.
    pub display: String,
    /// The text: the whole file, or for an excerpt the lines it keeps.
    pub text: String,
    pub lines: LineIndex,
    /// Where `text` starts in the file: byte offset and 0-based line. Zero
    /// for a whole file. Spans and offsets given to the methods below are
    /// always positions in the whole file.
    pub origin: (u32, u32),
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> SourceFile {
        let display = display_path(&path);
        let lines = LineIndex::new(&text);
        SourceFile {
            path,
            display,
            text,
            lines,
            origin: (0, 0),
        }
    }

    /// The line and column of a file offset (clamped to the text held).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let rel = offset.saturating_sub(self.origin.0) as usize;
        let mut lc = self.lines.line_col(&self.text, rel);
        lc.line += self.origin.1;
        lc
    }

    /// The text of a file span, or "" when the excerpt does not hold it.
    pub fn slice(&self, span: Span) -> &str {
        let (Some(s), Some(e)) = (
            span.start.checked_sub(self.origin.0),
            span.end.checked_sub(self.origin.0),
        ) else {
            return "";
        };
        self.text.get(s as usize..e as usize).unwrap_or("")
    }

    /// Does the text held cover this file span?
    pub fn holds(&self, span: Span) -> bool {
        span.start >= self.origin.0 && span.end as usize <= self.origin.0 as usize + self.text.len()
    }

    /// The lines around `span` (`context` lines before and after), as a small
    /// file of their own: what a report needs to show a finding, without
    /// keeping the whole file alive until the report is written.
    pub fn excerpt(&self, span: Span, context: usize) -> SourceFile {
        let (first, start, end) = self.excerpt_bounds(span, context);
        let text = self.text[start..end].to_string();
        SourceFile {
            path: self.path.clone(),
            display: self.display.clone(),
            lines: LineIndex::new(&text),
            text,
            origin: (self.origin.0 + start as u32, self.origin.1 + first as u32),
        }
    }

    /// Like [`SourceFile::excerpt`], but shares the whole file instead when the
    /// excerpt would be large (minified one-line templates), so many findings
    /// in one such file keep one copy of it, not one each.
    pub fn excerpt_shared(self: &Arc<Self>, span: Span, context: usize) -> Arc<SourceFile> {
        let (_, start, end) = self.excerpt_bounds(span, context);
        if end - start > MAX_EXCERPT_BYTES {
            self.clone()
        } else {
            Arc::new(self.excerpt(span, context))
        }
    }

    /// First line, start and end byte (relative to `text`) of an excerpt.
    fn excerpt_bounds(&self, span: Span, context: usize) -> (usize, usize, usize) {
        let rel_start = span.start.saturating_sub(self.origin.0) as usize;
        let rel_end = (span.end.saturating_sub(self.origin.0) as usize).max(rel_start);
        let first = self
            .lines
            .line_of(rel_start.min(self.text.len()))
            .saturating_sub(context);
        let last = (self.lines.line_of(rel_end.min(self.text.len())) + context)
            .min(self.lines.line_count().saturating_sub(1));
        let start = self
            .lines
            .line_span(&self.text, first)
            .map_or(0, |(s, _)| s);
        let end = self
            .lines
            .line_span(&self.text, last + 1)
            .map_or(self.text.len(), |(s, _)| s);
        (first, start, end.max(start))
    }
}

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub message: String,
    /// Byte offset of the problem in the raw file, when there is one.
    pub offset: Option<usize>,
    /// Line and character column of the problem, counted as in decoded text
    /// (a BOM is not a character), when there is one.
    pub at: Option<LineCol>,
}

/// Line and column of `offset` in raw bytes that are valid text before it:
/// UTF-8 (invalid sequences count as one character each) or decoded UTF-16.
fn position(before: &str) -> LineCol {
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineCol {
        line: before.matches('\n').count() as u32 + 1,
        column: before[line_start..].chars().count() as u32 + 1,
    }
}

fn utf8_position(body: &[u8], offset: usize) -> LineCol {
    position(&String::from_utf8_lossy(&body[..offset.min(body.len())]))
}

/// Decode raw bytes to text: UTF-8 (BOM stripped) and UTF-16 with a BOM are
/// accepted because Windows editors and PowerShell produce them; anything with
/// NUL bytes is binary; other invalid UTF-8 is refused with its position.
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return decode_utf16(&bytes);
    }
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let body = if bom > 0 {
        bytes[bom..].to_vec()
    } else {
        bytes
    };
    if let Some(pos) = memchr::memchr(0, &body) {
        return Err(DecodeError {
            message: "binary file (contains NUL bytes)".into(),
            offset: Some(bom + pos),
            at: Some(utf8_position(&body, pos)),
        });
    }
    String::from_utf8(body).map_err(|e| {
        let pos = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(pos).copied().unwrap_or(0);
        DecodeError {
            message: format!("file is not valid UTF-8 (byte 0x{byte:02x})"),
            offset: Some(bom + pos),
            at: Some(utf8_position(e.as_bytes(), pos)),
        }
    })
}

fn decode_utf16(bytes: &[u8]) -> Result<String, DecodeError> {
    let little = bytes[0] == 0xFF;
    let body = &bytes[2..];
    if !body.len().is_multiple_of(2) {
        return Err(DecodeError {
            message: "UTF-16 file has an odd number of bytes".into(),
            offset: Some(bytes.len() - 1),
            at: None,
        });
    }
    let units = body.chunks_exact(2).map(|c| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut out = String::with_capacity(body.len() / 2);
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok('\0') => {
                return Err(DecodeError {
                    message: "binary file (contains NUL characters)".into(),
                    offset: Some(2 + 2 * i),
                    at: Some(position(&out)),
                })
            }
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(DecodeError {
                    message: "UTF-16 file contains an unpaired surrogate".into(),
                    offset: Some(2 + 2 * i),
                    at: Some(position(&out)),
                })
            }
        }
    }
    Ok(out)
}

/// Report path: relative to the current directory when below it, `/`
/// separators. Shown in pull-request annotations, so it must say which file
/// it is: bytes that are not UTF-8 are `\xE9` escapes (not U+FFFD, which
/// would print two different names the same), and on Unix, where a
/// backslash is part of a name, it is escaped as `\\` rather than shown as `/`.
pub fn display_path(path: &Path) -> String {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let cwd = CWD.get_or_init(|| std::env::current_dir().ok());
    let rel = cwd
        .as_ref()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let rel = rel.strip_prefix("./").unwrap_or(&rel).to_path_buf();
    let s = path_text(&rel);
    if s.is_empty() {
        ".".into()
    } else {
        s
    }
}

#[cfg(unix)]
fn path_text(p: &Path) -> String {
    use std::fmt::Write as _;
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in p.as_os_str().as_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02X}");
        }
    }
    out
}

#[cfg(not(unix))]
fn path_text(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_keep_file_positions() {
        let f = SourceFile::new("f".into(), "a\nbb\nccc\ndddd\neeeee\n".into());
        let span = Span::new(5, 8); // "ccc" on line 3
        let x = f.excerpt(span, 1);
        assert_eq!(x.text, "bb\nccc\ndddd\n");
        assert_eq!(x.slice(span), "ccc");
        assert_eq!(x.line_col(5), f.line_col(5));
        assert_eq!(x.line_col(9).line, 4);
        assert!(x.holds(span) && !x.holds(Span::new(0, 1)));
        assert_eq!(x.excerpt(span, 0).text, "ccc\n");
    }

    #[cfg(unix)]
    #[test]
    fn display_paths_escape_bytes_and_backslashes() {
        use std::os::unix::ffi::OsStrExt;
        let p = |b: &[u8]| display_path(Path::new(std::ffi::OsStr::from_bytes(b)));
        assert_eq!(p(b"caf\xe9.tf"), "caf\\xE9.tf");
        assert_eq!(p(b"caf\\xE9.tf"), "caf\\\\xE9.tf");
        assert_eq!(p(b"a\\b.tf"), "a\\\\b.tf");
        assert_eq!(p("café.tf".as_bytes()), "café.tf");
    }

    #[test]
    fn strips_utf8_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBF{}".to_vec()).unwrap(), "{}");
    }

    #[test]
    fn decodes_utf16_le_and_be() {
        let le: Vec<u8> = [0xFF, 0xFE, b'{', 0, b'}', 0].to_vec();
        assert_eq!(decode(le).unwrap(), "{}");
        let be: Vec<u8> = [0xFE, 0xFF, 0, b'{', 0, b'}'].to_vec();
        assert_eq!(decode(be).unwrap(), "{}");
    }

    #[test]
    fn refuses_binary_and_bad_utf8() {
        let e = decode(b"ab\0cd".to_vec()).unwrap_err();
        assert!(e.message.contains("binary"));
        assert_eq!(e.offset, Some(2));
        let e = decode(b"ab\xFFcd".to_vec()).unwrap_err();
        assert!(e.message.contains("0xff"), "{}", e.message);
        assert_eq!(e.offset, Some(2));
    }

    #[test]
    fn decode_errors_have_line_and_column() {
        let at = |bytes: &[u8]| decode(bytes.to_vec()).unwrap_err().at;
        let lc = |line, column| Some(LineCol { line, column });
        assert_eq!(at(b"a\n\xc3\xa9t\xe9"), lc(2, 3));
        assert_eq!(at(b"a\n\xffb\n\xfe\0"), lc(3, 2));
        // Offsets count bytes of the raw file, BOM included; positions count
        // characters of the text, which has no BOM.
        let e = decode(b"\xEF\xBB\xBFab\0".to_vec()).unwrap_err();
        assert_eq!((e.offset, e.at), (Some(5), lc(1, 3)));
        let e = decode([0xFF, 0xFE, b'a', 0, b'\n', 0, b'b', 0, 0, 0].to_vec()).unwrap_err();
        assert_eq!((e.offset, e.at), (Some(8), lc(2, 2)));
    }
}
