//! The scan pipeline for one directory job: read and parse each file once,
//! build units, run the rules, resolve findings. Jobs run in parallel; a job
//! keeps nothing once its findings are out.

use crate::arm::{self, ArmKind};
use crate::discover::{Candidate, FileKind, Job};
use crate::findings::Diagnostic;
use crate::model::Unit;
use crate::rules::{self, Selection};
use crate::source::jsonc::{self, Document};
use crate::source::{self, SourceFile, Span, MAX_FILE_BYTES};
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
}

impl JobResult {
    pub fn merge(&mut self, o: JobResult) {
        self.diagnostics.extend(o.diagnostics);
        self.errors.extend(o.errors);
        self.scanned += o.scanned;
        self.skipped.extend(o.skipped);
        self.failed += o.failed;
        self.bytes += o.bytes;
        self.times.add(&o.times);
    }
}

/// What every job shares: the rule selection and an explicit parameter file.
pub struct JobContext {
    pub selection: Selection,
    pub parameters: Option<Arc<ParsedJson>>,
}

pub struct ParsedJson {
    pub src: Arc<SourceFile>,
    pub doc: Document,
}

/// Reads and decodes a file, refusing huge and binary ones.
pub fn read_source(path: &Path, times: &mut PhaseTimes) -> Result<Arc<SourceFile>, FileError> {
    let t = Instant::now();
    let display = source::display_path(path);
    let err = |message: String| FileError::unlocated(display.clone(), message);
    let meta = std::fs::metadata(path).map_err(|e| err(crate::discover::io_message(&e)))?;
    if meta.is_dir() {
        return Err(err("is a directory".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(format!(
            "file is {:.1} MiB, over the {} MiB limit; not scanned",
            meta.len() as f64 / (1024.0 * 1024.0),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| err(crate::discover::io_message(&e)))?;
    times.read += t.elapsed();
    let text = match source::decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            let message = match e.offset {
                Some(o) => format!("{} at byte {o}", e.message),
                None => e.message,
            };
            return Err(FileError::unlocated(display, message));
        }
    };
    Ok(Arc::new(SourceFile::new(path.to_path_buf(), text)))
}

fn located(src: &Arc<SourceFile>, span: Span, message: String) -> FileError {
    let lc = src.line_col(span.start);
    FileError {
        file: src.display.clone(),
        line: Some(lc.line),
        column: Some(lc.column),
        message,
        source: Some((src.clone(), span)),
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

/// `main.parameters.json`, `main.parameters.dev.json` → `main`.
pub fn template_stem_of_params(name: &str) -> Option<&str> {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".json")?;
    let i = base.find(".parameters")?;
    let rest = &base[i + ".parameters".len()..];
    if i == 0 || !(rest.is_empty() || (rest.starts_with('.') && !rest[1..].contains('.'))) {
        return None;
    }
    Some(&name[..i])
}

fn file_stem_json(name: &str) -> &str {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonc") {
        &name[..name.len() - 6]
    } else if lower.ends_with(".json") {
        &name[..name.len() - 5]
    } else {
        name
    }
}

fn file_name(p: &Path) -> &str {
    p.file_name().and_then(|n| n.to_str()).unwrap_or("")
}

/// JSON files a pre-commit style file list needs from its directory: the
/// parameter files of a given template, the template of a given parameter file.
fn json_context(job: &Job) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = job.files.clone();
    let Ok(entries) = std::fs::read_dir(&job.dir) else {
        return out;
    };
    let siblings: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    for c in &job.files {
        if c.kind != FileKind::Json {
            continue;
        }
        let name = file_name(&c.path);
        let wanted: Box<dyn Fn(&str) -> bool> = match template_stem_of_params(name) {
            Some(stem) => {
                let stem = stem.to_string();
                Box::new(move |n: &str| {
                    template_stem_of_params(n).is_none()
                        && file_stem_json(n).eq_ignore_ascii_case(&stem)
                })
            }
            None => {
                let stem = file_stem_json(name).to_string();
                Box::new(move |n: &str| {
                    template_stem_of_params(n).is_some_and(|s| s.eq_ignore_ascii_case(&stem))
                })
            }
        };
        for s in &siblings {
            let n = file_name(s);
            if crate::discover::kind_of(s) == Some(FileKind::Json)
                && wanted(n)
                && !out.iter().any(|o| o.path == *s)
            {
                out.push(Candidate {
                    path: s.clone(),
                    kind: FileKind::Json,
                });
            }
        }
    }
    out
}

pub fn run_job(job: &Job, ctx: &JobContext) -> JobResult {
    let mut res = JobResult::default();
    let reported = |p: &Path| !job.explicit || job.files.iter().any(|c| c.path == p);
    let candidates = if job.explicit {
        json_context(job)
    } else {
        job.files.clone()
    };
    let mut templates: Vec<ParsedJson> = Vec::new();
    let mut param_files: Vec<ParsedJson> = Vec::new();
    for c in &candidates {
        let is_reported = reported(&c.path);
        match c.kind {
            FileKind::Json => {}
            _ => {
                if is_reported {
                    res.skipped.push((
                        source::display_path(&c.path),
                        "Terraform is not supported yet".into(),
                    ));
                }
                continue;
            }
        }
        let parsed = read_source(&c.path, &mut res.times).and_then(|src| {
            if is_reported {
                res.bytes += src.text.len() as u64;
            }
            parse_json(src, &mut res.times)
        });
        let parsed = match parsed {
            Ok(p) => p,
            Err(e) => {
                if is_reported {
                    res.failed += 1;
                    res.errors.push(e);
                }
                continue;
            }
        };
        let kind = parsed
            .doc
            .root
            .get("$schema")
            .and_then(|s| s.as_str())
            .and_then(arm::classify_schema);
        if kind.is_some() && is_reported {
            for span in &parsed.doc.duplicate_keys {
                res.errors.push(located(
                    &parsed.src,
                    *span,
                    format!(
                        "duplicate key {}: ARM uses the last value, so the earlier one is ignored",
                        parsed.src.slice(*span)
                    ),
                ));
            }
        }
        match kind {
            Some(ArmKind::Template) => templates.push(parsed),
            Some(ArmKind::Parameters) => param_files.push(parsed),
            None => {
                if is_reported {
                    res.skipped.push((
                        parsed.src.display.clone(),
                        "JSON but not an ARM template".into(),
                    ));
                }
                continue;
            }
        }
        if is_reported {
            res.scanned += 1;
        }
    }
    for t in &templates {
        let stem = file_stem_json(file_name(&t.src.path));
        let mut units: Vec<Unit> = Vec::new();
        let t0 = Instant::now();
        match &ctx.parameters {
            Some(p) => units.push(arm::load(
                t.src.clone(),
                &t.doc.root,
                Some((p.src.clone(), &p.doc.root)),
            )),
            None => {
                let mine: Vec<&ParsedJson> = param_files
                    .iter()
                    .filter(|p| {
                        template_stem_of_params(file_name(&p.src.path))
                            .is_some_and(|s| s.eq_ignore_ascii_case(stem))
                    })
                    .collect();
                if mine.is_empty() {
                    units.push(arm::load(t.src.clone(), &t.doc.root, None));
                }
                for p in mine {
                    units.push(arm::load(
                        t.src.clone(),
                        &t.doc.root,
                        Some((p.src.clone(), &p.doc.root)),
                    ));
                }
            }
        }
        res.times.model += t0.elapsed();
        for unit in &units {
            collect(unit, ctx, &reported, &mut res);
        }
    }
    res
}

/// Rules over a unit; findings and load errors in reported files only.
fn collect(unit: &Unit, ctx: &JobContext, reported: &dyn Fn(&Path) -> bool, res: &mut JobResult) {
    let t = Instant::now();
    let findings = rules::check(unit, &ctx.selection);
    for f in &findings {
        if reported(&unit.file(f.loc.file).path) {
            res.diagnostics.push(Diagnostic::from_finding(f, unit));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_file_names_map_to_templates() {
        assert_eq!(
            template_stem_of_params("azuredeploy.parameters.json"),
            Some("azuredeploy")
        );
        assert_eq!(
            template_stem_of_params("main.parameters.dev.json"),
            Some("main")
        );
        assert_eq!(
            template_stem_of_params("Main.Parameters.JSON"),
            Some("Main")
        );
        assert_eq!(template_stem_of_params("parameters.json"), None);
        assert_eq!(template_stem_of_params("main.json"), None);
        assert_eq!(template_stem_of_params("a.parameters.x.y.json"), None);
    }
}
