//! ARM side of a directory job: templates paired with their parameter files.

use super::{collect, located, parse_json, JobContext, JobResult, ParsedJson};
use crate::arm::{self, ArmKind};
use crate::discover::{Candidate, FileKind, Job};
use crate::model::Unit;
use std::path::{Path, PathBuf};
use std::time::Instant;

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

fn file_name(p: &Path) -> std::borrow::Cow<'_, str> {
    p.file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default()
}

/// JSON files a pre-commit style file list needs from its directory: the
/// parameter files of a given template, the template of a given parameter file.
fn json_context(job: &Job) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = job.files.clone();
    let Ok(entries) = std::fs::read_dir(&job.dir) else {
        return out;
    };
    let siblings: Vec<PathBuf> = entries
        .filter_map(|e| {
            e.ok()
                .map(|e| crate::discover::child_path(&job.dir, &e.file_name()))
        })
        .take(crate::source::MAX_DIR_ENTRIES)
        .collect();
    for c in &job.files {
        if c.kind != FileKind::Json {
            continue;
        }
        let name = file_name(&c.path);
        let name = name.as_ref();
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
                && wanted(&n)
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

/// Does a JSON text that does not parse still say it is an ARM template
/// or parameter file? Its `$schema` (`deploymentTemplate.json`,
/// `deploymentParameters.json`, any `schema.management.azure.com` URL), or
/// both a `"$schema"` and a `"resources"` key. Then its parse error is the
/// user's to fix; otherwise the file is skipped.
pub fn names_arm_schema(text: &str) -> bool {
    // Only files that failed to parse come here: one lower-cased copy.
    let lower = text.to_ascii_lowercase();
    let has = |needle: &str| memchr::memmem::find(lower.as_bytes(), needle.as_bytes()).is_some();
    has("deploymenttemplate.json")
        || has("deploymentparameters.json")
        || has("schema.management.azure.com")
        || (has("\"$schema\"") && has("\"resources\""))
}

/// The `.bicep` file a template was compiled from: the source of the same
/// stem is beside it and the text says Bicep wrote it
/// (`"metadata": {"_generator": {"name": "bicep"`, which the compiler
/// writes at the top). Judged before parsing, so a skipped template costs a
/// read only.
fn compiled_from(path: &Path, text: &str) -> Option<String> {
    let stem = path.file_stem()?.to_string_lossy().to_string();
    if !path.with_file_name(format!("{stem}.bicep")).is_file() {
        return None;
    }
    let head = &text.as_bytes()[..text.len().min(64 * 1024)];
    let at = memchr::memmem::find(head, b"\"_generator\"")?;
    let rest = &head[at..head.len().min(at + 256)];
    let name = memchr::memmem::find(rest, b"\"name\"")?;
    let after: Vec<u8> = rest[name + 6..]
        .iter()
        .copied()
        .filter(|c| !c.is_ascii_whitespace())
        .take(8)
        .collect();
    after
        .to_ascii_lowercase()
        .starts_with(b":\"bicep\"")
        .then(|| format!("{stem}.bicep"))
}

pub fn run(job: &Job, ctx: &JobContext, reported: &dyn Fn(&Path) -> bool, res: &mut JobResult) {
    let candidates = if job.explicit {
        json_context(job)
    } else {
        job.files.clone()
    };
    let mut templates: Vec<ParsedJson> = Vec::new();
    let mut param_files: Vec<ParsedJson> = Vec::new();
    for c in &candidates {
        let is_reported = reported(&c.path);
        if c.kind != FileKind::Json {
            continue;
        }
        let Some(src) = super::read_candidate(&c.path, is_reported, job, ctx, res) else {
            continue;
        };
        if ctx.bicep == crate::config::BicepMode::Source {
            if let Some(b) = compiled_from(&src.path, &src.text) {
                if is_reported {
                    res.skipped.push((
                        src.display.clone(),
                        format!("compiled from {b}, which is scanned instead"),
                    ));
                }
                continue;
            }
        }
        if is_reported {
            res.bytes += src.text.len() as u64;
        }
        let parsed = match parse_json(src.clone(), &mut res.times) {
            Ok(p) => p,
            Err(e) if is_reported && !names_arm_schema(&src.text) => {
                // Not an ARM file by its text either (a broken `package.json`
                // or editor settings): not idlint's to judge, so not an error.
                res.skipped.push((
                    src.display.clone(),
                    format!(
                        "JSON that does not parse ({}:{}: {}) and names no ARM template or parameter schema",
                        e.line.unwrap_or(0),
                        e.column.unwrap_or(0),
                        e.message
                    ),
                ));
                continue;
            }
            Err(e) => {
                if is_reported {
                    res.failed += 1;
                    // No rule sees a file that does not parse; its error
                    // snippet is masked with what the patterns find.
                    res.secrets.search(&src);
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
        if kind.is_some() && is_reported {
            res.scanned += 1;
            res.inline.extend(crate::suppress::find_inline(&parsed.src));
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
            }
        }
    }
    for t in &templates {
        let name = file_name(&t.src.path);
        let stem = file_stem_json(&name);
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
                        template_stem_of_params(&file_name(&p.src.path))
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
            collect(unit, ctx, reported, res, None);
        }
    }
    // A parameter file whose template is not here is still checked on its own.
    for p in &param_files {
        let name = file_name(&p.src.path);
        let stem = template_stem_of_params(&name);
        let has_template = templates.iter().any(|t| {
            stem.is_some_and(|s| file_stem_json(&file_name(&t.src.path)).eq_ignore_ascii_case(s))
        });
        if !has_template {
            let unit = arm::load_parameter_file(p.src.clone(), &p.doc.root);
            collect(&unit, ctx, reported, res, None);
        }
    }
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

    #[test]
    fn broken_json_is_arm_when_its_text_says_so() {
        assert!(names_arm_schema(
            "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\""
        ));
        assert!(names_arm_schema(
            "{ \"$schema\": \"...DeploymentParameters.json#\", "
        ));
        assert!(names_arm_schema(
            "{\"$schema\": \"x\", \"resources\": [1 2]"
        ));
        assert!(!names_arm_schema("{ \"key\": "));
        assert!(!names_arm_schema(""));
        assert!(!names_arm_schema(
            "{\"$schema\": \"https://json.schemastore.org/package\", \"name\": "
        ));
        assert!(!names_arm_schema("{\"resources\": [1 2]"));
    }
}
