//! The scan pipeline for one directory job: read and parse each file once,
//! build units, run the rules, resolve findings. Jobs run in parallel; a job
//! keeps nothing once its findings are out.

mod arm;
mod terraform;

use crate::discover::Job;
use crate::findings::Diagnostic;
use crate::model::Unit;
use crate::rules::{self, Selection};
use crate::source::jsonc::{self, Document};
use crate::source::roots::Roots;
use crate::source::{self, read, SourceFile, Span, MAX_FILE_BYTES};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

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
    fn add(&mut self, o: &PhaseTimes) {
        self.read += o.read;
        self.parse += o.parse;
        self.model += o.model;
        self.rules += o.rules;
    }
}

#[derive(Default)]
pub struct JobResult {
    pub diagnostics: Vec<Diagnostic>,
    pub errors: Vec<FileError>,
    /// Files read and loaded (even with located load errors).
    pub scanned: usize,
    /// Files discovered but not scanned, with the reason.
    pub skipped: Vec<(String, String)>,
    /// Files that could not be read or parsed at all.
    pub failed: usize,
    pub bytes: u64,
    pub times: PhaseTimes,
    /// The Terraform module directory this job evaluated as a root.
    pub tf_root: Option<PathBuf>,
    /// Findings in the root module's own files: dropped when another job
    /// loads that directory as a child module, whose caller's values win.
    pub tf_local: Vec<Diagnostic>,
    /// Facts from the root module's own files, dropped with `tf_local`.
    pub tf_local_facts: Vec<rules::Fact>,
    /// Facts the rules recorded for the scan phase, from reported files.
    pub facts: Vec<rules::Fact>,
    /// Directories this job loaded as local child modules.
    pub tf_children: Vec<PathBuf>,
    /// `idlint:ignore` comments of the files this job reports on.
    pub inline: Vec<crate::suppress::Inline>,
    pub units: Vec<crate::inspect::UnitSummary>,
    /// Files read for context only (child modules, siblings of files given
    /// by name) that could not be, by the directory they are in: reported
    /// unless a job scans that directory itself and reports them there.
    pub context: Vec<(PathBuf, Unread)>,
    /// Secret spans of every file the job read, to mask in any snippet.
    pub secrets: crate::findings::Secrets,
}

impl JobResult {
    /// Adds `o`'s findings, facts, errors and counts. The Terraform root
    /// fields (`tf_root`, `tf_local`, `tf_local_facts`, `tf_children`) are
    /// the caller's to take first.
    pub fn merge(&mut self, o: JobResult) {
        self.diagnostics.extend(o.diagnostics);
        self.facts.extend(o.facts);
        self.errors.extend(o.errors);
        self.scanned += o.scanned;
        self.skipped.extend(o.skipped);
        self.failed += o.failed;
        self.bytes += o.bytes;
        self.times.add(&o.times);
        self.inline.extend(o.inline);
        self.units.extend(o.units);
        self.context.extend(o.context);
        self.secrets.merge(o.secrets);
    }
}

/// What every job shares: the rule selection and an explicit parameter file.
pub struct JobContext {
    /// The rules to run: `rules::REGISTRY` but in tests.
    pub rules: &'static [rules::Registered],
    pub selection: Selection,
    pub options: rules::Options,
    pub inspect: bool,
    pub parameters: Option<Arc<ParsedJson>>,
    /// `--var-file` files, applied after the automatic ones.
    pub var_files: Vec<PathBuf>,
    /// What files of the scan may be read.
    pub roots: Arc<Roots>,
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

    /// Counts it in `res` as skipped or failed.
    pub fn record(self, res: &mut JobResult) {
        match self {
            Unread::Skipped(f, why) => res.skipped.push((f, why)),
            Unread::Failed(e) => {
                res.failed += 1;
                res.errors.push(e);
            }
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
    let display = source::display_path(path);
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
    let text = match source::decode(bytes) {
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
        source: Some((
            src.excerpt_shared(span, crate::findings::SNIPPET_CONTEXT),
            span,
        )),
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

/// Runs one directory job: ARM templates with their parameter files, and
/// the Terraform module the directory holds.
pub fn run_job(job: &Job, ctx: &JobContext) -> JobResult {
    let mut res = JobResult::default();
    let explicit: std::collections::HashSet<PathBuf> = job
        .files
        .iter()
        .map(|c| crate::discover::clean(&c.path))
        .collect();
    let reported = |p: &Path| !job.explicit || explicit.contains(&crate::discover::clean(p));
    arm::run(job, ctx, &reported, &mut res);
    terraform::run(job, ctx, &reported, &mut res);
    res
}

/// Rules over a unit; findings and load errors in reported files only.
/// Findings in files directly inside `local_dir` go to `tf_local`.
fn collect(
    unit: &Unit,
    ctx: &JobContext,
    reported: &dyn Fn(&Path) -> bool,
    res: &mut JobResult,
    local_dir: Option<&Path>,
) {
    let t = Instant::now();
    if ctx.inspect && reported(&unit.files[0].path) {
        res.units.push(crate::inspect::summarize(unit));
    }
    let checked = rules::check(unit, &ctx.selection, &ctx.options, ctx.rules);
    for loc in &checked.secrets {
        res.secrets.add(&unit.file(loc.file).display, loc.span);
    }
    for f in &checked.findings {
        let path = &unit.file(f.loc.file).path;
        if !reported(path) {
            continue;
        }
        let d = Diagnostic::from_finding(f, unit);
        if is_local(path, local_dir) {
            res.tf_local.push(d);
        } else {
            res.diagnostics.push(d);
        }
    }
    for fact in checked.facts {
        let path = &fact.place.source.path;
        if !reported(path) {
            continue;
        }
        if is_local(path, local_dir) {
            res.tf_local_facts.push(fact);
        } else {
            res.facts.push(fact);
        }
    }
    for e in &unit.errors {
        let src = &unit.files[e.loc.file.0 as usize];
        if reported(&src.path) {
            res.errors.push(located(src, e.loc.span, e.message.clone()));
        }
    }
    res.times.rules += t.elapsed();
}

/// Is `path` directly inside `local_dir`?
fn is_local(path: &Path, local_dir: Option<&Path>) -> bool {
    local_dir.is_some_and(|dir| {
        path.parent()
            .map(crate::terraform::module::normalize)
            .as_deref()
            == Some(dir)
    })
}
