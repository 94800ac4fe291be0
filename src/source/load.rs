//! Reading a file into the scan and parsing JSON, with the error values a
//! report shows: every loader (ARM, Terraform and the scan around them)
//! reads through here, so a bad file is always a value with a path.

use super::jsonc::{self, Document};
use super::roots::Roots;
use super::{read, SourceFile, Span, MAX_FILE_BYTES};
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Lines shown around a finding or an error.
pub const SNIPPET_CONTEXT: usize = 2;

/// A file that could not be read, decoded or parsed, or a located load problem.
#[derive(Clone, Debug, Serialize)]
pub struct FileError {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    pub message: String,
    /// The file and span, for showing the source line.
    #[serde(skip)]
    pub source: Option<(Arc<SourceFile>, Span)>,
}

impl FileError {
    pub fn unlocated(file: String, message: String) -> FileError {
        FileError {
            file,
            line: None,
            column: None,
            message,
            source: None,
        }
    }
    /// `file:line:column`, or `file` for an error of the whole file.
    pub fn at(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            _ => self.file.clone(),
        }
    }
    pub fn sort_key(&self) -> (&str, Option<u32>, Option<u32>, &str) {
        (&self.file, self.line, self.column, &self.message)
    }
}

/// Time spent per phase, summed over threads.
#[derive(Clone, Debug, Default)]
pub struct PhaseTimes {
    pub read: Duration,
    pub parse: Duration,
    pub model: Duration,
    pub rules: Duration,
}

impl PhaseTimes {
    pub fn add(&mut self, o: &PhaseTimes) {
        self.read += o.read;
        self.parse += o.parse;
        self.model += o.model;
        self.rules += o.rules;
    }
}

pub struct ParsedJson {
    pub src: Arc<SourceFile>,
    pub doc: Document,
}

/// A file that was not read into the scan: skipped for what it is (a
/// link leaving the roots, a FIFO), or failed (unreadable, too large, not
/// text, not parseable).
#[derive(Clone, Debug)]
pub enum Unread {
    Skipped(String, String),
    Failed(FileError),
}

impl Unread {
    pub fn message(&self) -> &str {
        match self {
            Unread::Skipped(_, m) => m,
            Unread::Failed(e) => &e.message,
        }
    }

    pub fn file(&self) -> &str {
        match self {
            Unread::Skipped(f, _) => f,
            Unread::Failed(e) => &e.file,
        }
    }
}

impl From<FileError> for Unread {
    fn from(e: FileError) -> Unread {
        Unread::Failed(e)
    }
}

/// Reads and decodes a file, refusing huge, binary and special ones, and
/// with `roots`, any that resolves outside them.
pub fn read_source(
    path: &Path,
    roots: Option<&Roots>,
    times: &mut PhaseTimes,
) -> Result<Arc<SourceFile>, Unread> {
    let t = Instant::now();
    let display = super::display_path(path);
    let bytes = match read::read_bytes(path, MAX_FILE_BYTES, roots) {
        Ok(b) => b,
        Err(e) if e.skip => return Err(Unread::Skipped(display, e.message)),
        Err(e) => {
            let message = if e.message.starts_with("file is ") {
                format!("{}; not scanned", e.message)
            } else {
                e.message
            };
            return Err(Unread::Failed(FileError::unlocated(display, message)));
        }
    };
    times.read += t.elapsed();
    let text = match super::decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            // Located by line and column, but without a snippet: the line
            // is not text that can be shown.
            let mut fe = FileError::unlocated(display, e.message);
            if let Some(at) = e.at {
                fe.line = Some(at.line);
                fe.column = Some(at.column);
            } else if let Some(o) = e.offset {
                fe.message = format!("{} at byte {o}", fe.message);
            }
            return Err(Unread::Failed(fe));
        }
    };
    Ok(Arc::new(SourceFile::new(path.to_path_buf(), text)))
}

pub(crate) fn located(src: &Arc<SourceFile>, span: Span, message: String) -> FileError {
    let lc = src.line_col(span.start);
    FileError {
        file: src.display.clone(),
        line: Some(lc.line),
        column: Some(lc.column),
        message,
        source: Some((src.excerpt_shared(span, SNIPPET_CONTEXT), span)),
    }
}

/// Parses a JSON file; the error carries line and column.
pub fn parse_json(src: Arc<SourceFile>, times: &mut PhaseTimes) -> Result<ParsedJson, FileError> {
    let t = Instant::now();
    let r = jsonc::parse(&src.text);
    times.parse += t.elapsed();
    match r {
        Ok(doc) => Ok(ParsedJson { src, doc }),
        Err(e) => Err(located(
            &src,
            e.span,
            format!("invalid JSON: {}", e.message),
        )),
    }
}
