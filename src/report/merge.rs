//! `idlint merge`: one report from many (CI shards, repositories), in the
//! format they were written in: idlint JSON or SARIF.

use serde_json::{json, Map, Value};
use std::path::Path;

/// Merges the reports at `paths`; returns the process exit code.
pub fn run(paths: &[std::path::PathBuf], output: Option<&Path>) -> i32 {
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
    let merged = if docs.iter().all(|d| d.get("runs").is_some()) {
        merge_sarif(docs)
    } else if docs
        .iter()
        .all(|d| d.get("findings").is_some() && d.get("summary").is_some())
    {
        Ok(merge_json(docs))
    } else {
        Err("the reports are not all idlint JSON or all SARIF".to_string())
    };
    let merged = match merged {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let mut text = super::sanitize::to_json(&merged).unwrap_or_default();
    text.push('\n');
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
    findings.sort_by_key(sort_key);
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
