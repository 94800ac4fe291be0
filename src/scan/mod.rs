//! The scan pipeline for one directory job: read and parse each file once,
//! build units, run the rules, resolve findings. Jobs run in parallel; a job
//! keeps nothing once its findings are out.

mod arm;
mod bicep;
pub(crate) mod heavy;
mod terraform;

use crate::discover::Job;
use crate::findings::Diagnostic;
use crate::model::Unit;
use crate::rules::{self, Selection};
pub(crate) use crate::source::load::located;
pub use crate::source::load::{parse_json, read_source, FileError, ParsedJson, PhaseTimes, Unread};
use crate::source::roots::Roots;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

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
    /// Role assignments of reported files (`idlint access`).
    pub access: Vec<crate::access::Row>,
    /// Files read for context only (child modules, siblings of files given
    /// by name) that could not be, by the directory they are in: reported
    /// unless a job scans that directory itself and reports them there.
    pub context: Vec<(PathBuf, Unread)>,
    /// Secret spans of every file the job read, to mask in any snippet.
    pub secrets: crate::findings::Secrets,
    /// Bicep registry modules (`br:`, `ts:`) whose templates are unknown.
    pub registry_modules: usize,
    /// What each `.bicep` file's units found, judged on their own: dropped
    /// when another file of the scan calls that file as a module, whose
    /// values win (as for Terraform roots).
    pub bicep_standalone: Vec<BicepStandalone>,
    /// `.bicep`/`.json` files loaded as modules by a `.bicep` file.
    pub bicep_children: Vec<PathBuf>,
}

/// A `.bicep` file's own findings, facts and role assignments.
pub struct BicepStandalone {
    pub file: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    pub facts: Vec<rules::Fact>,
    pub access: Vec<crate::access::Row>,
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
        self.access.extend(o.access);
        self.context.extend(o.context);
        self.secrets.merge(o.secrets);
        self.registry_modules += o.registry_modules;
        self.bicep_standalone.extend(o.bicep_standalone);
        self.bicep_children.extend(o.bicep_children);
    }
}

/// What every job shares: the rule selection and an explicit parameter file.
pub struct JobContext {
    /// The rules to run: `rules::REGISTRY` but in tests.
    pub rules: &'static [rules::Registered],
    pub selection: Selection,
    pub options: rules::Options,
    pub inspect: bool,
    /// Keep a row per role assignment (`idlint access`).
    pub access: bool,
    pub parameters: Option<Arc<ParsedJson>>,
    /// `--var-file` files, applied after the automatic ones.
    pub var_files: Vec<PathBuf>,
    /// What files of the scan may be read.
    pub roots: Arc<Roots>,
    /// Paths never reported on, though they may be read as context (a
    /// child module under an excluded directory).
    pub exclude: Arc<crate::discover::Excludes>,
    /// `.bicep` source, the JSON compiled from it, or both.
    pub bicep: crate::config::BicepMode,
}

/// Reads a candidate file of a job inside the scan roots. A file that
/// cannot be read is counted when it is reported, and otherwise (a sibling
/// read for context only) still said once.
pub(crate) fn read_candidate(
    path: &Path,
    is_reported: bool,
    job: &Job,
    ctx: &JobContext,
    res: &mut JobResult,
) -> Option<Arc<crate::source::SourceFile>> {
    match read_source(path, Some(&ctx.roots), &mut res.times) {
        Ok(s) => Some(s),
        Err(e) if is_reported => {
            record(e, res);
            None
        }
        Err(e) => {
            res.context.push((job.dir.clone(), e));
            None
        }
    }
}

/// Counts `u` in `res` as skipped or failed.
pub fn record(u: Unread, res: &mut JobResult) {
    match u {
        Unread::Skipped(f, why) => res.skipped.push((f, why)),
        Unread::Failed(e) => {
            res.failed += 1;
            res.errors.push(e);
        }
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
    let reported = |p: &Path| {
        (!job.explicit || explicit.contains(&crate::discover::clean(p))) && !ctx.exclude.excludes(p)
    };
    arm::run(job, ctx, &reported, &mut res);
    bicep::run(job, ctx, &reported, &mut res);
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
    if ctx.access {
        let rows = crate::access::rows(unit);
        res.access.extend(
            rows.into_iter()
                .filter(|r| reported(std::path::Path::new(&r.file))),
        );
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
    local_dir.is_some_and(|dir| path.parent().map(crate::source::normalize).as_deref() == Some(dir))
}
