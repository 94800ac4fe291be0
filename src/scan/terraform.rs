//! Terraform side of a directory job: the directory's module with its
//! variable files and local child modules.

use super::{collect, located, read_source, JobContext, JobResult};
use crate::discover::{FileKind, Job};
use crate::model::value::FileId;
use crate::source::normalize;
use crate::terraform::{self, parse::TfFile};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// `terraform.tfvars` and `*.auto.tfvars` (and their JSON forms): the files
/// Terraform loads without being asked.
pub fn is_auto_tfvars(p: &Path) -> bool {
    let n = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(n.as_str(), "terraform.tfvars" | "terraform.tfvars.json")
        || n.ends_with(".auto.tfvars")
        || n.ends_with(".auto.tfvars.json")
}

fn is_tf(k: FileKind) -> bool {
    matches!(k, FileKind::Terraform | FileKind::TerraformJson)
}

fn is_tfvars(k: FileKind) -> bool {
    matches!(k, FileKind::TfVars | FileKind::TfVarsJson)
}

pub fn run(job: &Job, ctx: &JobContext, reported: &dyn Fn(&Path) -> bool, res: &mut JobResult) {
    let given_tf = job.files.iter().any(|c| is_tf(c.kind) || is_tfvars(c.kind));
    if !given_tf {
        return;
    }
    let (tf_paths, mut auto_vars, other_vars): (Vec<PathBuf>, Vec<PathBuf>, Vec<PathBuf>) = if job
        .explicit
    {
        // A file given alone is read with its whole module directory.
        let dir_vars = dir_tfvars(&job.dir);
        let given_vars: Vec<PathBuf> = job
            .files
            .iter()
            .filter(|c| is_tfvars(c.kind) && !is_auto_tfvars(&c.path))
            .map(|c| c.path.clone())
            .collect();
        let mut auto: Vec<PathBuf> = dir_vars.into_iter().filter(|p| is_auto_tfvars(p)).collect();
        auto.extend(given_vars);
        (terraform::tf_files_in(&job.dir), auto, Vec::new())
    } else {
        let tf = job
            .files
            .iter()
            .filter(|c| is_tf(c.kind))
            .map(|c| c.path.clone())
            .collect();
        let (auto, other) = job
            .files
            .iter()
            .filter(|c| is_tfvars(c.kind))
            .map(|c| c.path.clone())
            .partition(|p| is_auto_tfvars(p));
        (tf, auto, other)
    };
    sort_tfvars(&mut auto_vars);
    auto_vars.extend(ctx.var_files.iter().cloned());
    let mut next = 0u32;
    let mut parse = |path: &Path, res: &mut JobResult| -> Option<TfFile> {
        let rep = reported(path);
        // `--var-file` files are named by flag, trusted to be read anywhere.
        let roots = (!ctx.var_files.iter().any(|v| v == path)).then_some(&*ctx.roots);
        let src = match read_source(path, roots, &mut res.times) {
            Ok(s) => s,
            Err(e) if rep => {
                super::record(e, res);
                return None;
            }
            Err(e) => {
                // A sibling read for context only: still said, once.
                res.context.push((job.dir.clone(), e));
                return None;
            }
        };
        if rep {
            res.bytes += src.text.len() as u64;
        }
        let t = Instant::now();
        let id = FileId(next);
        let parsed = terraform::parse_file(src, id);
        res.times.parse += t.elapsed();
        match parsed {
            Ok(f) => {
                next += 1;
                if rep {
                    res.scanned += 1;
                    res.inline.extend(crate::suppress::find_inline(&f.src));
                }
                Some(f)
            }
            Err(fail) => {
                if rep {
                    res.failed += 1;
                    // No rule sees a file that does not parse; its error
                    // snippet is masked with what the patterns find.
                    res.secrets.search(&fail.src);
                    res.errors.push(located(&fail.src, fail.span, fail.message));
                }
                None
            }
        }
    };
    let tf_files: Vec<TfFile> = tf_paths.iter().filter_map(|p| parse(p, res)).collect();
    let tfvars: Vec<TfFile> = auto_vars.iter().filter_map(|p| parse(p, res)).collect();
    // Other variable files are checked on their own but not applied: Terraform
    // reads them only with `-var-file`.
    let others: Vec<TfFile> = other_vars.iter().filter_map(|p| parse(p, res)).collect();
    if tf_files.is_empty() {
        let mut all = tfvars;
        all.extend(others);
        if !all.is_empty() {
            let unit = terraform::load_var_files(&[], all);
            collect(&unit, ctx, reported, res, None);
        }
        return;
    }
    if !others.is_empty() {
        let unit = terraform::load_var_files(&tf_files, others);
        collect(&unit, ctx, reported, res, None);
    }
    let t = Instant::now();
    let dir = normalize(&job.dir);
    // Taken when the tree grows large, and kept until the unit is dropped.
    let mut heavy = None;
    let loaded = terraform::load_with(
        dir.clone(),
        tf_files,
        tfvars,
        next,
        &ctx.roots,
        &mut |bytes| {
            if heavy.is_none() && bytes > super::heavy::HEAVY_SOURCE_BYTES {
                heavy = Some(super::heavy::Heavy::acquire());
            }
        },
    );
    res.times.model += t.elapsed();
    res.context.extend(loaded.unread);
    collect(&loaded.unit, ctx, reported, res, Some(&dir));
    res.tf_root = Some(dir);
    res.tf_children.extend(loaded.child_dirs);
    // The gate, if taken, opens only once the trees and the model are gone.
    drop(loaded.unit);
    drop(heavy);
}

fn dir_tfvars(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| {
                e.ok()
                    .map(|e| crate::discover::child_path(dir, &e.file_name()))
            })
            .take(crate::source::MAX_DIR_ENTRIES)
            .filter(|p| {
                matches!(
                    crate::discover::kind_of(p),
                    Some(FileKind::TfVars | FileKind::TfVarsJson)
                )
            })
            .collect()
        })
        .unwrap_or_default()
}

/// `terraform.tfvars` first, then `*.auto.tfvars` in lexical order (later wins).
fn sort_tfvars(v: &mut [PathBuf]) {
    v.sort_by_key(|p| {
        let n = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        (!n.to_ascii_lowercase().starts_with("terraform.tfvars"), n)
    });
}
