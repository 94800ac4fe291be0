//! idlint: an offline policy linter for Azure infrastructure-as-code.
//!
//! `lint()` is the whole pipeline: discover → load → model → rules → report.

pub mod access;
pub mod arm;
pub(crate) mod baseline;
pub mod bicep;
pub mod cli;
pub mod config;
pub mod discover;
pub mod findings;
#[cfg(test)]
mod graph_tests;
pub mod inspect;
pub mod model;
pub(crate) mod probes;
pub mod progress;
pub mod report;
pub mod rules;
pub mod scan;
pub mod source;
pub mod suppress;
pub mod template;
pub mod terraform;

use findings::{Diagnostic, Severity};
use rayon::prelude::*;
use scan::{FileError, JobContext, JobResult, PhaseTimes, Unread};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Stack of each worker thread. Evaluation depth is bounded (nesting,
/// variables and locals that use each other), and this leaves room for those
/// bounds even in debug builds; untouched stack pages cost nothing.
pub const WORKER_STACK: usize = 16 * 1024 * 1024;

/// What a scan needs besides the paths.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub selection: rules::Selection,
    /// Worker threads; 0 lets rayon choose (one per core).
    pub threads: usize,
    /// A parameter file applied to every template instead of sibling files.
    pub parameters: Option<PathBuf>,
    /// Terraform variable files applied to every root module, after
    /// `terraform.tfvars` and `*.auto.tfvars`.
    pub var_files: Vec<PathBuf>,
    /// Globs of paths not to walk.
    pub exclude: Vec<String>,
    /// The configuration file's severities, rule options and suppressions.
    pub config: config::Config,
    /// Findings whose fingerprints are in this file are hidden.
    pub baseline: Option<PathBuf>,
    /// `(k, n)`: scan only the k-th of n deterministic shares of the directories.
    pub shard: Option<(u32, u32)>,
    /// Keep a summary of every unit (`idlint inspect`).
    pub inspect: bool,
    /// Keep a row per role assignment (`idlint access`).
    pub access: bool,
    /// Draw progress on standard error (see `progress::wanted`).
    pub progress: bool,
    /// The scan root (`--root`): nothing outside it is read. `None`: the
    /// top level of the git repository holding the current directory, else
    /// the current directory. Paths given outside it are roots of their own.
    pub root: Option<PathBuf>,
    /// Files found before the scan and not read, with the reason (a
    /// discovered `.idlint.yaml` that leaves the root): reported as skipped.
    pub skipped: Vec<(PathBuf, String)>,
    /// `idlint:ignore` comments are listed but suppress nothing: a pull
    /// request must not switch its own gate off.
    pub no_inline_suppressions: bool,
}

pub use report::outcome::{BySeverity, Report, Summary};

/// Job results merged in job order (rayon's fold and reduce keep it).
#[derive(Default)]
struct Merged {
    all: JobResult,
    /// Terraform roots' own findings, kept until it is known which roots
    /// another job loaded as a child.
    standalone: Vec<(PathBuf, Vec<Diagnostic>, Vec<rules::Fact>)>,
    children: std::collections::HashSet<PathBuf>,
    /// `.bicep` files' own results, kept until it is known which files a
    /// caller loaded as a module.
    bicep_standalone: Vec<scan::BicepStandalone>,
    bicep_children: std::collections::HashSet<PathBuf>,
}

impl Merged {
    fn add(mut self, mut r: JobResult) -> Merged {
        let local = std::mem::take(&mut r.tf_local);
        let local_facts = std::mem::take(&mut r.tf_local_facts);
        match r.tf_root.take() {
            Some(root) if !local.is_empty() || !local_facts.is_empty() => {
                self.standalone.push((root, local, local_facts))
            }
            Some(_) => {}
            None => {
                self.all.diagnostics.extend(local);
                self.all.facts.extend(local_facts);
            }
        }
        self.children.extend(std::mem::take(&mut r.tf_children));
        self.bicep_standalone
            .extend(std::mem::take(&mut r.bicep_standalone));
        self.bicep_children
            .extend(std::mem::take(&mut r.bicep_children));
        self.all.merge(r);
        self
    }

    fn join(mut self, o: Merged) -> Merged {
        self.all.merge(o.all);
        self.standalone.extend(o.standalone);
        self.children.extend(o.children);
        self.bicep_standalone.extend(o.bicep_standalone);
        self.bicep_children.extend(o.bicep_children);
        self
    }

    /// A directory that another module loads as a child is judged with its
    /// caller's values: its findings as a stand-alone root are dropped.
    /// Files read for context that could not be are reported once each,
    /// unless a job walked their directory and reports them itself, or
    /// discovery did (`seen`).
    /// Returns the result and how many such files it reports.
    fn finish(
        mut self,
        walked: &std::collections::HashSet<PathBuf>,
        mut seen: std::collections::HashSet<String>,
        exclude: &discover::Excludes,
    ) -> (JobResult, usize) {
        for (root, local, facts) in self.standalone {
            if !self.children.contains(&root) {
                self.all.diagnostics.extend(local);
                self.all.facts.extend(facts);
            }
        }
        // A `.bicep` file another file calls as a module is judged with
        // its caller's values, through the caller.
        for b in self.bicep_standalone {
            if !self.bicep_children.contains(&b.file) {
                self.all.diagnostics.extend(b.diagnostics);
                self.all.facts.extend(b.facts);
                self.all.access.extend(b.access);
            }
        }
        let mut context = std::mem::take(&mut self.all.context);
        context.sort_by(|a, b| (a.1.file(), a.1.message()).cmp(&(b.1.file(), b.1.message())));
        let mut extra = 0;
        for (dir, unread) in context {
            let dir = source::normalize(&dir);
            if walked.contains(&dir)
                || exclude.excludes(&dir)
                || !seen.insert(unread.file().to_string())
            {
                continue;
            }
            extra += 1;
            scan::record(unread, &mut self.all);
        }
        (self.all, extra)
    }
}

/// A problem with the command itself (exit code 2, nothing scanned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn lint(paths: &[PathBuf], settings: &Settings) -> Result<Report, UsageError> {
    lint_with(paths, settings, rules::REGISTRY)
}

/// `lint` with the rules of `registry` (tests run rules of their own).
fn lint_with(
    paths: &[PathBuf],
    settings: &Settings,
    registry: &'static [rules::Registered],
) -> Result<Report, UsageError> {
    let start = Instant::now();
    let unknown = settings.selection.unknown_tokens();
    if !unknown.is_empty() {
        return Err(UsageError(format!(
            "unknown rule, name or family: {}",
            unknown.join(", ")
        )));
    }
    let mut excludes = settings.exclude.clone();
    excludes.extend(settings.config.exclude.iter().cloned());
    let exclude = discover::Excludes::new(&excludes, paths, settings.config.base_dir().as_deref())
        .map_err(UsageError)?;
    let baseline = match &settings.baseline {
        Some(p) => Some(baseline::read(p).map_err(UsageError)?),
        None => None,
    };
    let options = settings.config.options.clone();
    let roots =
        source::roots::Roots::for_scan(settings.root.as_deref(), paths).map_err(UsageError)?;
    let mut times = PhaseTimes::default();
    // Flags name trusted inputs: read anywhere, but bounded like any file.
    let parameters = match &settings.parameters {
        None => None,
        Some(p) => {
            let parsed = scan::read_source(p, None, &mut times)
                .and_then(|src| scan::parse_json(src, &mut times).map_err(Unread::Failed))
                .map_err(|e| UsageError(format!("--parameters {}: {}", e.file(), e.message())))?;
            Some(Arc::new(parsed))
        }
    };
    for f in &settings.var_files {
        scan::read_source(f, None, &mut times)
            .map_err(|e| UsageError(format!("--var-file {}: {}", e.file(), e.message())))?;
    }
    let ctx = JobContext {
        rules: registry,
        selection: settings.selection.clone(),
        options,
        inspect: settings.inspect,
        access: settings.access,
        parameters,
        var_files: settings.var_files.clone(),
        roots: Arc::new(roots),
        exclude: Arc::new(exclude),
        bicep: settings.config.bicep.unwrap_or_default(),
    };
    let mut disc = discover::discover(paths, &ctx.exclude, &ctx.roots);
    // The walker's working memory is freed but would stay in the process.
    scan::heavy::release_free_memory();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.threads)
        .stack_size(WORKER_STACK)
        .build()
        .map_err(|e| UsageError(format!("cannot start worker threads: {e}")))?;
    if let Some((k, n)) = settings.shard {
        let keep = pool.install(|| shard_jobs(&disc.jobs, &ctx.roots, n, k - 1));
        let mut i = 0;
        disc.jobs.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        // Paths discovery reports on its own go to one shard each.
        disc.skipped.retain(|(p, _)| shard_of(p, n) == k - 1);
        disc.errors.retain(|e| shard_of(&e.path, n) == k - 1);
    }
    let walked: std::collections::HashSet<PathBuf> = disc
        .jobs
        .iter()
        .filter(|j| !j.explicit)
        .map(|j| source::normalize(&j.dir))
        .collect();
    // Results are merged as jobs finish, not collected first: a job's model
    // is gone once its findings are made, and so is its result's shell.
    let files = disc.jobs.iter().map(|j| j.files.len()).sum();
    let progress = progress::Progress::start(files, settings.progress);
    let merged = pool.install(|| {
        disc.jobs
            .par_iter()
            .fold(Merged::default, |m, j| {
                let r = scan::run_job(j, &ctx);
                progress.add(j.files.len());
                m.add(r)
            })
            .reduce(Merged::default, Merged::join)
    });
    drop(progress);
    // Files discovery reported already are not reported again as context.
    let known = disc
        .skipped
        .iter()
        .map(|(p, _)| p)
        .chain(disc.errors.iter().map(|e| &e.path))
        .map(|p| source::display_path(p))
        .collect();
    let (mut all, context_files) = merged.finish(&walked, known, &ctx.exclude);
    for e in &disc.errors {
        all.failed += 1;
        all.errors.push(FileError::unlocated(
            source::display_path(&e.path),
            e.message.clone(),
        ));
    }
    let own_skipped = settings
        .skipped
        .iter()
        .filter(|(p, _)| match settings.shard {
            Some((k, n)) => shard_of(p, n) == k - 1,
            None => true,
        });
    let own_skipped: Vec<&(PathBuf, String)> = own_skipped.collect();
    for (p, why) in disc.skipped.iter().chain(own_skipped.iter().copied()) {
        all.skipped.push((source::display_path(p), why.clone()));
    }
    let discovered = disc.discovered() + own_skipped.len() + context_files;
    let mut report = finish(all, start, settings, &ctx.options, registry, discovered);
    if let Some(fps) = baseline {
        let (old, new): (Vec<Diagnostic>, Vec<Diagnostic>) =
            std::mem::take(&mut report.diagnostics)
                .into_iter()
                .partition(|d| d.rule_id.starts_with("META") || !fps.contains(&d.fingerprint));
        report.diagnostics = old;
        for mut d in new {
            d.suppressed = Some(findings::Suppressed {
                kind: findings::SuppressionKind::Baseline,
                justification: "in the baseline".into(),
            });
            report.suppressed.push(d);
        }
        report
            .suppressed
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        recount(&mut report);
    }
    Ok(report)
}

/// Which jobs shard `k` (0-based, of `n`) runs. A shard runs whole scan
/// jobs, and the jobs that share files run together: a Terraform root
/// module or a Bicep file goes with every directory it loads a module from
/// (and with the other callers of those), so a child module is never
/// judged without its caller and no two shards report one file; an ARM
/// directory is one job with its templates and parameter files. A group
/// goes where [`shard_of`] puts its first directory, so every shard of a
/// CI matrix agrees without coordination.
fn shard_jobs(jobs: &[discover::Job], roots: &source::roots::Roots, n: u32, k: u32) -> Vec<bool> {
    use std::collections::HashMap;
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut ids: HashMap<PathBuf, usize> = HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    let mut id = |p: PathBuf, parent: &mut Vec<usize>| -> usize {
        *ids.entry(p).or_insert_with(|| {
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    let job_ids: Vec<usize> = jobs
        .iter()
        .map(|j| id(source::normalize(&j.dir), &mut parent))
        .collect();
    let children: Vec<Vec<PathBuf>> = jobs
        .par_iter()
        .map(|j| {
            let terraform = j.files.iter().any(|c| {
                matches!(
                    c.kind,
                    discover::FileKind::Terraform | discover::FileKind::TerraformJson
                )
            });
            let bicep = j.files.iter().any(|c| c.kind == discover::FileKind::Bicep);
            let dir = source::normalize(&j.dir);
            let mut dirs = if terraform {
                terraform::module_tree_dirs(&dir, roots)
            } else {
                Vec::new()
            };
            if bicep {
                dirs.extend(bicep::module_tree_dirs(&dir, roots));
            }
            dirs
        })
        .collect();
    for (i, dirs) in children.into_iter().enumerate() {
        for d in dirs {
            let c = id(d, &mut parent);
            let (a, b) = (find(&mut parent, job_ids[i]), find(&mut parent, c));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    // Each group is placed by its first job's directory (jobs are sorted).
    let mut first: HashMap<usize, u32> = HashMap::new();
    let mut keep = Vec::with_capacity(jobs.len());
    for (i, j) in jobs.iter().enumerate() {
        let g = find(&mut parent, job_ids[i]);
        let share = *first.entry(g).or_insert_with(|| shard_of(&j.dir, n));
        keep.push(share == k);
    }
    keep
}

/// The share (0-based, of `n`) a path falls in: a hash of its path as
/// given, so every shard of a CI matrix agrees without coordination.
pub fn shard_of(dir: &std::path::Path, n: u32) -> u32 {
    let key = source::display_path(dir);
    let h = findings::fingerprint("shard", &key, "");
    let v = u64::from_str_radix(&h[..16], 16).unwrap_or(0);
    (v % u64::from(n.max(1))) as u32
}

fn recount(report: &mut Report) {
    let mut by = BySeverity::default();
    for d in &report.diagnostics {
        match d.severity {
            Severity::Critical => by.critical += 1,
            Severity::High => by.high += 1,
            Severity::Medium => by.medium += 1,
            Severity::Low => by.low += 1,
        }
    }
    report.summary.by_severity = by;
    report.summary.findings = report.diagnostics.len();
    report.summary.suppressed = report.suppressed.len();
    report.summary.inline_not_honoured = report.unhonoured.len();
}

/// One finding per rule and exact place: copy loops, `count`/`for_each`
/// instances and several parameter files evaluate one declaration many
/// times, and those are one finding (the most severe is kept). Distinct
/// places stay distinct, even on one line of a minified template. Then
/// fingerprints are made unique: a baseline entry must hide exactly one
/// finding. Findings in later elements of an array have their element path
/// in the fingerprint already; those that still share one (entries of one
/// map the subject names) get their element path mixed in, which does not
/// depend on the report's order, and only places outside any resource body
/// fall back to their ordinal.
fn dedup_findings(diags: &mut Vec<Diagnostic>) {
    fn place(d: &Diagnostic) -> (&str, &str, u32, u32, u32, u32) {
        (
            d.rule_id,
            &d.file,
            d.line,
            d.column,
            d.end_line,
            d.end_column,
        )
    }
    // A stable sort: among equals the first made is kept, which for a loop
    // is its first instance, so the fingerprint does not depend on how many
    // instances there are or how their keys hash.
    diags.sort_by(|a, b| {
        (place(a), std::cmp::Reverse(a.severity), &a.message).cmp(&(
            place(b),
            std::cmp::Reverse(b.severity),
            &b.message,
        ))
    });
    diags.dedup_by(|a, b| place(a) == place(b));
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    unique_fingerprints(diags);
}

/// Mixes the element path, then the ordinal, into fingerprints that more
/// than one finding has.
fn unique_fingerprints(diags: &mut [Diagnostic]) {
    use std::collections::HashMap;
    let mut count: HashMap<&str, usize> = HashMap::new();
    for d in diags.iter() {
        *count.entry(d.fingerprint.as_str()).or_default() += 1;
    }
    let shared: std::collections::HashSet<String> = count
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(f, _)| f.to_string())
        .collect();
    if shared.is_empty() {
        return;
    }
    for d in diags.iter_mut() {
        if shared.contains(&d.fingerprint) && !d.element.is_empty() {
            d.fingerprint = findings::fingerprint(d.rule_id, &d.fingerprint, &d.element);
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for d in diags.iter_mut() {
        let n = seen.entry(d.fingerprint.clone()).or_default();
        *n += 1;
        if *n > 1 {
            d.fingerprint = findings::fingerprint(d.rule_id, &d.fingerprint, &n.to_string());
        }
    }
}

/// Orders, deduplicates, suppresses and counts: the same output whatever
/// the thread count.
/// Then the scan phase: scan rules that run before suppression add to the
/// unit findings; those that judge suppressions (META) run after it.
fn finish(
    mut all: JobResult,
    start: Instant,
    settings: &Settings,
    options: &rules::Options,
    registry: &[rules::Registered],
    discovered: usize,
) -> Report {
    let configured = |diags: &mut Vec<Diagnostic>| {
        for d in diags {
            if let Some((_, sev)) = settings
                .config
                .severity
                .iter()
                .find(|(id, _)| *id == d.rule_id)
            {
                d.severity = *sev;
            }
        }
    };
    let mut diags = std::mem::take(&mut all.diagnostics);
    let mut facts = std::mem::take(&mut all.facts);
    rules::facts::settle(&mut facts);
    let today = config::today();
    let base = rules::ScanCtx {
        facts: &facts,
        findings: &[],
        suppressed: &[],
        suppressions: None,
        inline: &all.inline,
        suppress: &settings.config.suppress,
        config_source: settings.config.source.as_ref(),
        selection: &settings.selection,
        options,
        today,
    };
    // Rules revise their findings with what the whole scan knows, then the
    // configuration's severities apply (they win), then duplicates go.
    rules::scan_phase::amend(registry, &base, &mut diags);
    configured(&mut diags);
    dedup_findings(&mut diags);
    let before = rules::ScanCtx {
        findings: &diags,
        ..base
    };
    let mut scan = rules::scan_phase::run(registry, &before, false);
    if !scan.is_empty() {
        configured(&mut scan);
        diags.extend(scan);
        dedup_findings(&mut diags);
    }
    let config_dir = settings.config.base_dir();
    let outcome = suppress::apply(
        diags,
        &all.inline,
        &settings.config.suppress,
        config_dir.as_deref(),
        today,
        !settings.no_inline_suppressions,
    );
    let after = rules::ScanCtx {
        findings: &outcome.kept,
        suppressed: &outcome.suppressed,
        suppressions: Some(&outcome.usage),
        ..base
    };
    let meta = rules::scan_phase::run(registry, &after, true);
    let mut diags = outcome.kept;
    diags.extend(meta);
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut suppressed = outcome.suppressed;
    suppressed.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut errors = std::mem::take(&mut all.errors);
    errors.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    errors.dedup_by(|a, b| a.sort_key() == b.sort_key());
    let mut skipped = std::mem::take(&mut all.skipped);
    skipped.sort();
    skipped.dedup();
    let mut by = BySeverity::default();
    for d in &diags {
        match d.severity {
            Severity::Critical => by.critical += 1,
            Severity::High => by.high += 1,
            Severity::Medium => by.medium += 1,
            Severity::Low => by.low += 1,
        }
    }
    let mut error_files: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
    error_files.dedup();
    let summary = Summary {
        discovered,
        files: all.scanned,
        skipped: skipped.len(),
        failed: all.failed,
        findings: diags.len(),
        suppressed: 0,
        inline_not_honoured: 0,
        errors: error_files.len(),
        by_severity: by,
    };
    let mut access = std::mem::take(&mut all.access);
    access::settle(&mut access, &diags);
    let mut units = std::mem::take(&mut all.units);
    units.sort_by(|a, b| (&a.file, &a.with).cmp(&(&b.file, &b.with)));
    let mut secrets = std::mem::take(&mut all.secrets);
    secrets.seal();
    let mut report = Report {
        secrets,
        units,
        access,
        diagnostics: diags,
        suppressed,
        unhonoured: outcome.unhonoured,
        errors,
        skipped,
        summary,
        elapsed: start.elapsed(),
        times: all.times,
        bytes: all.bytes,
        registry_modules: all.registry_modules,
    };
    recount(&mut report);
    report
}

#[cfg(test)]
mod scan_phase_tests {
    use super::*;
    use crate::findings::{Diagnostic, Severity};
    use crate::rules::{Ctx, Family, Formats, Registered, RuleMeta, ScanCheck, ScanCtx, ScanRule};

    const KIND: &str = "TEST001/resource";

    fn collect(cx: &Ctx) {
        for r in &cx.resources {
            cx.export(KIND, r.label.clone(), String::new(), r.loc);
        }
    }

    /// One finding per fact, numbered in the order the scan check saw them.
    fn check(cx: &ScanCtx, out: &mut Vec<Diagnostic>) {
        for (i, f) in cx.facts_of(KIND).enumerate() {
            let message = format!("{i} {} {}", f.subject, f.place.file);
            out.push(Diagnostic::at(
                &TEST.meta,
                &f.place.source,
                f.place.span,
                message,
                &f.subject,
            ));
        }
    }

    static TEST: ScanRule = ScanRule {
        meta: RuleMeta {
            id: "TEST001",
            name: "test-scan-rule",
            family: Family::Meta,
            severity: Severity::Low,
            formats: Formats::Both,
            summary: "test",
            help: "test",
            docs: "",
        },
        check: ScanCheck {
            collect: Some(collect),
            check,
            after_suppression: false,
        },
    };
    static TEST_REGISTRY: &[Registered] = &[Registered::scan(&TEST)];

    #[test]
    fn scan_rules_see_facts_of_every_job_in_one_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |sub: &str, text: &str| {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
            std::fs::write(dir.path().join(sub).join("main.tf"), text).expect("write");
        };
        let rg = |name: &str| {
            format!("resource \"azurerm_resource_group\" \"{name}\" {{\n  name = \"{name}\"\n  location = \"westeurope\"\n}}\n")
        };
        write("a", &format!("{}{}", rg("zeta"), rg("alpha")));
        write("b", &rg("mid"));
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        let run = |paths: Vec<PathBuf>, threads: usize| -> Vec<String> {
            let settings = Settings {
                threads,
                root: Some(dir.path().to_path_buf()),
                ..Default::default()
            };
            let report = lint_with(&paths, &settings, TEST_REGISTRY).expect("lint");
            assert!(report.errors.is_empty(), "{:?}", report.errors);
            let mut seen: Vec<String> = report
                .diagnostics
                .iter()
                .filter(|d| d.rule_id == "TEST001")
                .map(|d| d.message.clone())
                .collect();
            seen.sort();
            seen
        };
        let file = |sub: &str| source::display_path(&dir.path().join(sub).join("main.tf"));
        let want = vec![
            format!("0 azurerm_resource_group.alpha {}", file("a")),
            format!("1 azurerm_resource_group.mid {}", file("b")),
            format!("2 azurerm_resource_group.zeta {}", file("a")),
        ];
        for threads in [1, 2] {
            assert_eq!(run(vec![a.clone(), b.clone()], threads), want);
            assert_eq!(run(vec![b.clone(), a.clone()], threads), want);
        }
    }
}
