//! Bicep side of a directory job: `.bicep` templates, each with the
//! `.bicepparam` files that name it in `using`, and their local modules.

use super::{collect, located, read_source, JobContext, JobResult};
use crate::bicep::{self, ast};
use crate::config::BicepMode;
use crate::discover::{Candidate, FileKind, Job};
use crate::model::value::FileId;
use crate::source::SourceFile;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

struct Parsed<'a> {
    src: &'a Arc<SourceFile>,
    file: ast::File<'a>,
}

/// Is there a `.json` template beside this `.bicep` file, of the same stem?
fn json_beside(bicep: &Path) -> bool {
    bicep.with_extension("json").is_file()
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// Files a pre-commit file list needs from its directory: the
/// `.bicepparam` files that may name a given template, and, for a given
/// `.bicepparam` file, the templates it may name.
fn context(job: &Job) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = job.files.clone();
    let given = |k: FileKind| job.files.iter().any(|c| c.kind == k);
    let (templates, params) = (given(FileKind::Bicep), given(FileKind::BicepParam));
    if !templates && !params {
        return out;
    }
    let Ok(entries) = std::fs::read_dir(&job.dir) else {
        return out;
    };
    let mut seen: std::collections::HashSet<std::path::PathBuf> =
        out.iter().map(|c| c.path.clone()).collect();
    for e in entries.take(crate::source::MAX_DIR_ENTRIES).flatten() {
        let p = crate::discover::child_path(&job.dir, &e.file_name());
        let kind = match crate::discover::kind_of(&p) {
            Some(FileKind::BicepParam) if templates => FileKind::BicepParam,
            Some(FileKind::Bicep) if params => FileKind::Bicep,
            _ => continue,
        };
        if seen.insert(p.clone()) {
            out.push(Candidate { path: p, kind });
        }
    }
    out
}

pub fn run(job: &Job, ctx: &JobContext, reported: &dyn Fn(&Path) -> bool, res: &mut JobResult) {
    let candidates = if job.explicit {
        context(job)
    } else {
        job.files.clone()
    };
    // Read first, then parse: the trees borrow the texts.
    let mut read: Vec<(Arc<SourceFile>, FileKind, bool)> = Vec::new();
    for c in &candidates {
        if !matches!(c.kind, FileKind::Bicep | FileKind::BicepParam) {
            continue;
        }
        let is_reported = reported(&c.path);
        if c.kind == FileKind::Bicep && ctx.bicep == BicepMode::Compiled && json_beside(&c.path) {
            if is_reported {
                res.skipped.push((
                    crate::source::display_path(&c.path),
                    "its compiled JSON is scanned instead (`bicep: compiled`)".into(),
                ));
            }
            continue;
        }
        let Some(src) = super::read_candidate(&c.path, is_reported, job, ctx, res) else {
            continue;
        };
        if is_reported {
            res.bytes += src.text.len() as u64;
        }
        read.push((src, c.kind, is_reported));
    }
    let arena = ast::Arena::new();
    let mut templates: Vec<Parsed> = Vec::new();
    let mut param_files: Vec<Parsed> = Vec::new();
    for (src, kind, is_reported) in &read {
        let (kind, is_reported) = (*kind, *is_reported);
        let t = Instant::now();
        let parsed = bicep::parser::parse(&src.text, &arena);
        res.times.parse += t.elapsed();
        match parsed {
            Ok(file) => {
                if is_reported {
                    res.scanned += 1;
                    res.inline.extend(crate::suppress::find_inline(src));
                }
                let p = Parsed { src, file };
                if kind == FileKind::Bicep {
                    templates.push(p);
                } else {
                    param_files.push(p);
                }
            }
            Err(e) => {
                if is_reported {
                    res.failed += 1;
                    res.secrets.search(src);
                    res.errors.push(located(src, e.span, e.message));
                }
            }
        }
    }
    for t in &templates {
        let mine: Vec<&Parsed> = param_files
            .iter()
            .filter(|p| names_template(p, &t.src.path))
            .collect();
        let t0 = Instant::now();
        let mut units = Vec::new();
        if mine.is_empty() {
            units.push(load(t, None, ctx, res));
        }
        for p in mine {
            let given = bicep::given_values(FileId(1), &p.file);
            units.push(load(t, Some((p.src.clone(), given, Vec::new())), ctx, res));
        }
        res.times.model += t0.elapsed();
        let file = crate::source::normalize(&t.src.path);
        for unit in &units {
            res.bicep_children.extend(
                unit.modules
                    .iter()
                    .map(|id| crate::source::normalize(&unit.file(*id).path)),
            );
            let mut part = JobResult::default();
            collect(unit, ctx, reported, &mut part, None);
            res.bicep_standalone.push(super::BicepStandalone {
                file: file.clone(),
                diagnostics: std::mem::take(&mut part.diagnostics),
                facts: std::mem::take(&mut part.facts),
                access: std::mem::take(&mut part.access),
            });
            res.merge(part);
        }
    }
}

/// Does the `.bicepparam` file `p` say `using` the template at `template`?
fn names_template(p: &Parsed, template: &Path) -> bool {
    let Some(using) = bicep::using_path(&p.file) else {
        return false;
    };
    let dir = p.src.path.parent().unwrap_or(Path::new(""));
    crate::source::normalize(&dir.join(using)) == crate::source::normalize(template)
        || file_name(Path::new(using)) == file_name(template)
            && dir == template.parent().unwrap_or(Path::new(""))
}

fn load(
    t: &Parsed,
    params: Option<(
        Arc<SourceFile>,
        Vec<crate::template::Given>,
        Vec<crate::model::LoadError>,
    )>,
    ctx: &JobContext,
    res: &mut JobResult,
) -> crate::model::Unit {
    let roots = ctx.roots.clone();
    let mut times = crate::source::load::PhaseTimes::default();
    let mut read = |p: &Path| -> Result<Arc<SourceFile>, String> {
        read_source(p, Some(&roots), &mut times).map_err(|u| u.message().to_string())
    };
    let mut parse_json = |src: &Arc<SourceFile>| -> Result<crate::source::jsonc::Json, String> {
        crate::source::jsonc::parse(&src.text)
            .map(|d| d.root)
            .map_err(|e| e.message)
    };
    let (unit, registry) = bicep::load(
        t.src.clone(),
        &t.file,
        params,
        bicep::Context {
            read: &mut read,
            parse_json: &mut parse_json,
        },
    );
    res.times.add(&times);
    res.registry_modules += registry;
    unit
}
