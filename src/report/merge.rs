//! `idlint merge`: one report from many (CI shards, repositories), in the
//! format they were written in (idlint JSON or SARIF), or idlint JSON
//! converted to SARIF (`--format sarif`, or an output file named `*.sarif`).

use serde_json::{json, Map, Value};
use std::path::Path;

/// What `merge` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MergeFormat {
    Json,
    Sarif,
}

/// The format to write: `format` when given, else SARIF for an output file
/// named `*.sarif` or `*.sarif.json`, else the inputs' own.
pub fn output_format(format: Option<MergeFormat>, output: Option<&Path>) -> Option<MergeFormat> {
    format.or_else(|| {
        let name = output?.file_name()?.to_string_lossy().to_ascii_lowercase();
        (name.ends_with(".sarif") || name.ends_with(".sarif.json")).then_some(MergeFormat::Sarif)
    })
}

/// Merges the reports at `paths`; returns the process exit code.
pub fn run(
    paths: &[std::path::PathBuf],
    output: Option<&Path>,
    format: Option<MergeFormat>,
    sarif: super::SarifOptions,
) -> i32 {
    let mut docs = Vec::new();
    for p in paths {
        let parsed = crate::source::read::read_bytes(p, crate::source::MAX_FILE_BYTES, None)
            .map_err(|e| e.message)
            .and_then(|b| {
                serde_json::from_slice::<Value>(&b).map_err(|e| format!("not JSON: {e}"))
            });
        match parsed {
            Ok(v) => docs.push(v),
            Err(e) => {
                eprintln!("error: {}: {e}", p.display());
                return 2;
            }
        }
    }
    let want = output_format(format, output);
    let sarif_in = docs.iter().all(|d| d.get("runs").is_some());
    let json_in = docs
        .iter()
        .all(|d| d.get("findings").is_some() && d.get("summary").is_some());
    let text = if sarif_in {
        match want {
            Some(MergeFormat::Json) => {
                Err("SARIF reports merge into SARIF only (--format sarif)".to_string())
            }
            _ => merge_sarif(docs).map(|m| json_text(&m)),
        }
    } else if json_in {
        let merged = merge_json(docs);
        match want {
            Some(MergeFormat::Sarif) => Ok(to_sarif(&merged, sarif)),
            _ => Ok(json_text(&merged)),
        }
    } else {
        Err("the reports are not all idlint JSON or all SARIF".to_string())
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    match output {
        Some(p) => {
            if let Err(e) = std::fs::write(p, text) {
                eprintln!(
                    "error: cannot write {}: {}",
                    p.display(),
                    crate::source::io_message(&e)
                );
                return 2;
            }
        }
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            return super::write_outcome(
                out.write_all(text.as_bytes()).and_then(|_| out.flush()),
                0,
            );
        }
    }
    0
}

fn json_text(v: &Value) -> String {
    let mut text = super::sanitize::to_json(v).unwrap_or_default();
    text.push('\n');
    text
}

fn text_of(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or("").to_string()
}

fn num(v: &Value, key: &str) -> u32 {
    v[key].as_u64().unwrap_or(0).min(u64::from(u32::MAX)) as u32
}

/// A rule's ID and name as the registry has them, else kept for the
/// process's life (a report from another version of idlint).
fn rule_strings(id: &str, name: &str) -> (&'static str, &'static str) {
    match crate::rules::lookup(id) {
        Some(r) if r.meta.id == id => (r.meta.id, r.meta.name),
        _ => (
            Box::leak(id.to_string().into_boxed_str()),
            Box::leak(name.to_string().into_boxed_str()),
        ),
    }
}

/// An idlint JSON finding as the SARIF writer takes it (no source text:
/// SARIF shows none).
fn diagnostic(f: &Value) -> crate::findings::Diagnostic {
    use crate::findings::*;
    let (rule_id, rule_name) = rule_strings(&text_of(f, "rule_id"), &text_of(f, "rule_name"));
    let file = text_of(f, "file");
    let suppressed = f
        .get("suppressed")
        .filter(|s| s.is_object())
        .map(|s| Suppressed {
            kind: match s["kind"].as_str() {
                Some("inline") => SuppressionKind::Inline,
                Some("baseline") => SuppressionKind::Baseline,
                _ => SuppressionKind::Config,
            },
            justification: text_of(s, "justification"),
        });
    Diagnostic {
        rule_id,
        rule_name,
        severity: Severity::parse(f["severity"].as_str().unwrap_or("")).unwrap_or(Severity::Low),
        message: text_of(f, "message"),
        line: num(f, "line"),
        column: num(f, "column"),
        end_line: num(f, "end_line"),
        end_column: num(f, "end_column"),
        resource: f
            .get("resource")
            .filter(|r| r.is_object())
            .map(|r| ResourceOut {
                ty: text_of(r, "type"),
                name: text_of(r, "name"),
            }),
        related: array(f, "related")
            .iter()
            .map(|r| RelatedOut {
                file: text_of(r, "file"),
                line: num(r, "line"),
                column: num(r, "column"),
                message: text_of(r, "message"),
            })
            .collect(),
        help: text_of(f, "help"),
        fingerprint: text_of(f, "fingerprint"),
        element: String::new(),
        suppressed,
        source: std::sync::Arc::new(crate::source::SourceFile::new(
            std::path::PathBuf::from(&file),
            String::new(),
        )),
        file,
        span: crate::source::Span::default(),
        redactions: Vec::new(),
    }
}

/// A merged idlint JSON report written as SARIF, as `check --format sarif`
/// writes a scan's (the configuration's severity overrides, which rule
/// descriptors follow there, are not in JSON reports: findings keep theirs).
pub fn to_sarif(merged: &Value, sarif: super::SarifOptions) -> String {
    let mut report = super::Report::default();
    for d in array(merged, "findings").iter().map(diagnostic) {
        if d.suppressed.is_some() {
            report.suppressed.push(d);
        } else {
            report.diagnostics.push(d);
        }
    }
    report.errors = array(merged, "errors")
        .iter()
        .map(|e| crate::scan::FileError {
            file: text_of(e, "file"),
            line: e["line"].as_u64().map(|l| l as u32),
            column: e["column"].as_u64().map(|c| c as u32),
            message: text_of(e, "message"),
            source: None,
        })
        .collect();
    let opts = super::RenderOptions {
        color: false,
        quiet: false,
        show_suppressed: true,
        width: 100,
        fail_on: None,
        sarif,
    };
    super::sarif::render(&report, &opts)
}

fn array(v: &Value, key: &str) -> Vec<Value> {
    v.get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn sort_key(f: &Value) -> (String, u64, u64, String, String) {
    (
        f["file"].as_str().unwrap_or("").to_string(),
        f["line"].as_u64().unwrap_or(0),
        f["column"].as_u64().unwrap_or(0),
        f["rule_id"].as_str().unwrap_or("").to_string(),
        f["message"].as_str().unwrap_or("").to_string(),
    )
}

/// Findings, errors and skipped files concatenated (duplicates dropped),
/// sorted as a single scan sorts them; summary counts added up.
pub fn merge_json(docs: Vec<Value>) -> Value {
    let mut findings: Vec<Value> = docs.iter().flat_map(|d| array(d, "findings")).collect();
    // Exact duplicates go, wherever the sort put them among findings of
    // one place.
    findings.sort_by_cached_key(|f| (sort_key(f), f.to_string()));
    findings.dedup();
    let mut errors: Vec<Value> = docs.iter().flat_map(|d| array(d, "errors")).collect();
    errors.sort_by_key(|e| {
        (
            e["file"].as_str().unwrap_or("").to_string(),
            e["line"].as_u64(),
            e["message"].as_str().unwrap_or("").to_string(),
        )
    });
    errors.dedup();
    let mut skipped: Vec<Value> = docs.iter().flat_map(|d| array(d, "skipped")).collect();
    skipped.sort_by_key(|s| s["file"].as_str().unwrap_or("").to_string());
    skipped.dedup();
    let mut summary = Map::new();
    for key in [
        "discovered",
        "files",
        "skipped",
        "failed",
        "suppressed",
        "errors",
    ] {
        let n: u64 = docs
            .iter()
            .map(|d| d["summary"][key].as_u64().unwrap_or(0))
            .sum();
        summary.insert(key.into(), json!(n));
    }
    summary.insert("findings".into(), json!(findings.len()));
    let mut by = Map::new();
    for sev in ["critical", "high", "medium", "low"] {
        by.insert(
            sev.into(),
            json!(findings.iter().filter(|f| f["severity"] == sev).count()),
        );
    }
    summary.insert("by_severity".into(), Value::Object(by));
    json!({
        "tool": docs.first().map(|d| d["tool"].clone()).unwrap_or(json!({"name": "idlint"})),
        "summary": summary,
        "findings": findings,
        "errors": errors,
        "skipped": skipped,
    })
}

/// One run: the rules of all runs (by ID, first seen first), every result
/// with its `ruleIndex` recomputed, notifications concatenated.
pub fn merge_sarif(docs: Vec<Value>) -> Result<Value, String> {
    let runs: Vec<Value> = docs.iter().flat_map(|d| array(d, "runs")).collect();
    let Some(first) = runs.first().cloned() else {
        return Err("no SARIF runs to merge".into());
    };
    let mut rules: Vec<Value> = Vec::new();
    let mut results: Vec<Value> = Vec::new();
    let mut notifications: Vec<Value> = Vec::new();
    let mut ok = true;
    for run in &runs {
        for r in array(&run["tool"]["driver"], "rules") {
            if !rules.iter().any(|x| x["id"] == r["id"]) {
                rules.push(r);
            }
        }
        for inv in array(run, "invocations") {
            ok &= inv["executionSuccessful"].as_bool().unwrap_or(true);
            notifications.extend(array(&inv, "toolExecutionNotifications"));
        }
        results.extend(array(run, "results"));
    }
    for r in &mut results {
        let idx = rules.iter().position(|x| x["id"] == r["ruleId"]);
        if let (Some(i), Some(obj)) = (idx, r.as_object_mut()) {
            obj.insert("ruleIndex".into(), json!(i));
        }
    }
    let key = |r: &Value| {
        let loc = &r["locations"][0]["physicalLocation"];
        (
            loc["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or("")
                .to_string(),
            loc["region"]["startLine"].as_u64().unwrap_or(0),
            loc["region"]["startColumn"].as_u64().unwrap_or(0),
            r["ruleId"].as_str().unwrap_or("").to_string(),
            r["message"]["text"].as_str().unwrap_or("").to_string(),
        )
    };
    results.sort_by_key(key);
    results.dedup();
    let mut run = first;
    run["tool"]["driver"]["rules"] = Value::Array(rules);
    run["results"] = Value::Array(results);
    run["invocations"] =
        json!([{ "executionSuccessful": ok, "toolExecutionNotifications": notifications }]);
    let mut out = docs[0].clone();
    out["runs"] = json!([run]);
    Ok(out)
}
