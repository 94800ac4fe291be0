//! Worst-case inputs for the size and work bounds, through the real binary:
//! string and collection functions, `for` expressions and template
//! directives that would build gigabytes, and inputs that were quadratic
//! (640,000 locals, 500,000 keys in one JSON object, `distinct()` of long
//! lists). Each case asserts what idlint reports (exit code, the located
//! error where the step budget runs out, the finding that proves a value
//! was followed, or its absence where the value is unknown), never how long
//! it took. A child that never ends is killed and the case fails (a safety
//! net against a hang, not a measure of speed).
//!
//! Small inputs are committed under `testdata/hostile/bounds/<case>/`; large
//! ones are written here in a temporary directory. Each case has a
//! `control` registry with the admin user enabled, whose finding shows the
//! rest of the file was still evaluated.

use crate::support::{idlint_bounded, stderr};
use serde_json::Value;
use std::path::Path;
use std::process::Output;

const STEPS: &str = "evaluation stopped after 500000 steps, too many to follow (`for` expressions or directives nested over long lists?); later values are unknown";

/// `idlint check --format json --select MID004 <dir>` with bounded memory,
/// killed (failing the case) if it never ends: see `support::idlint_bounded`.
fn run(dir: &Path) -> Output {
    let d = dir.to_string_lossy();
    idlint_bounded(
        dir,
        &["check", "--format", "json", "--select", "MID004", &d],
    )
}

/// Runs idlint on `dir` and checks the exit code, the errors
/// (`file:line:col: message`) and the MID004 findings (`file:line`).
fn check(case: &str, dir: &Path, exit: i32, errors: &[String], findings: &[&str]) {
    let out = run(dir);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{case}: panic\n{err}");
    assert_eq!(out.status.code(), Some(exit), "{case}: exit code\n{err}");
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{case}: no JSON report ({e})\n{err}"));
    let name = |f: &Value| {
        Path::new(f.as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let mut got_errors: Vec<String> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}:{}: {}",
                name(&e["file"]),
                e["line"],
                e["column"],
                e["message"].as_str().unwrap()
            )
        })
        .collect();
    let mut got_findings: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{}:{}", name(&f["file"]), f["line"]))
        .collect();
    got_errors.sort();
    got_findings.sort();
    let mut want_errors = errors.to_vec();
    want_errors.sort();
    assert_eq!(got_errors, want_errors, "{case}: errors");
    assert_eq!(got_findings, findings, "{case}: findings");
}

fn committed(case: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/hostile/bounds")
        .join(case)
}

const CONTROL: &str = r#"resource "azurerm_container_registry" "control" {
  name          = "control"
  admin_enabled = true
}
"#;

/// Three nested `replace()` calls asked for 8.1 GB and aborted (exit 134,
/// report lost): past 4 MiB the value is unknown, so `blown` has no finding.
#[test]
fn nested_replace_is_unknown_past_the_string_limit() {
    check("replace", &committed("replace"), 1, &[], &["main.tf:9"]);
}

/// `split()` of a 4 MiB string into 4 million items, twenty times over, and
/// `flatten()` of the lists: past 100,000 items the list is unknown.
#[test]
fn split_into_millions_of_items_is_unknown() {
    check("split", &committed("split"), 1, &[], &["main.tf:9"]);
}

/// A `for` expression copying a 4 MB string for each of 90,000 items (360
/// GB): strings cost a step per 256 bytes, so the budget stops it, with one
/// located error.
#[test]
fn a_for_expression_copying_a_long_string_runs_out_of_steps() {
    check(
        "for_strings",
        &committed("for_strings"),
        2,
        &[format!("main.tf:7:38: {STEPS}")],
        &["main.tf:12"],
    );
}

/// A `%{ for }` directive appending a 4 MB string for each of 90,000 items:
/// the template gives up as soon as it passes 4 MiB.
#[test]
fn a_template_for_directive_stops_at_the_string_limit() {
    check(
        "template_for",
        &committed("template_for"),
        1,
        &[],
        &["main.tf:12"],
    );
}

/// `flatten()` of 20 references to a list of 90,001 items, in a resource
/// attribute: past 100,000 items the list is unknown (it was followed, all
/// 1.8 million items, and `blown` had a finding). `setproduct()` is not
/// evaluated, so it cannot grow.
#[test]
fn flatten_past_the_item_limit_is_unknown() {
    check("flatten", &committed("flatten"), 1, &[], &["main.tf:10"]);
}

/// 640,000 locals (12 MB): each was found by scanning all of them (80,000
/// took 12 s in a release build; 640,000 would take some 64 times that).
/// The one `control` uses is followed (resources come first); the others
/// are evaluated too, until the step budget runs out half a million in.
#[test]
fn six_hundred_forty_thousand_locals() {
    let d = tempfile::tempdir().unwrap();
    let n = 640_000;
    let mut tf = String::from("locals {\n");
    for i in 0..n {
        tf.push_str(&format!("  l{i} = {i}\n"));
    }
    tf.push_str("}\n");
    tf.push_str(&CONTROL.replace("= true", &format!("= local.l{} == {}", n - 1, n - 1)));
    std::fs::write(d.path().join("main.tf"), tf).unwrap();
    check(
        "locals",
        d.path(),
        2,
        &[format!("main.tf:499996:13: {STEPS}")],
        &[&format!("main.tf:{}", n + 5)],
    );
}

/// 500,000 distinct keys in one object of an ARM template: each was compared
/// with all before it for the duplicate-key check (250,000 took 136 s). A
/// repeated key among them is still reported, located.
#[test]
fn half_a_million_keys_in_one_json_object() {
    let d = tempfile::tempdir().unwrap();
    let n = 500_000;
    let mut keys: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {}", i % 10)).collect();
    keys.push("\"k7\": 0".into());
    let text = format!(
        "{{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n\
         \"contentVersion\": \"1.0.0.0\",\n\
         \"variables\": {{\"v\": {{{}}}}},\n\
         \"resources\": [{{\"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-07-01\", \"name\": \"acr\",\n\
         \"properties\": {{\"adminUserEnabled\": true}}}}]}}\n",
        keys.join(",")
    );
    let at = text.rfind("\"k7\"").unwrap();
    let col = at - text[..at].rfind('\n').unwrap();
    std::fs::write(d.path().join("t.json"), text).unwrap();
    let dup = "duplicate key \"k7\": ARM uses the last value, so the earlier one is ignored";
    check(
        "json keys",
        d.path(),
        2,
        &[format!("t.json:3:{col}: {dup}")],
        &["t.json:5"],
    );
}

/// `distinct()` compared each item with all kept before it: 99,999 items
/// (half repeats) took 25 s in a release build, and of 1,000,000 items,
/// hours. The first is followed (its length proves it: `control`), the
/// second is over the item limit and unknown (`blown` has no finding).
#[test]
fn distinct_of_long_lists() {
    let d = tempfile::tempdir().unwrap();
    let items: Vec<String> = (0..99_999).map(|i| format!("i{}", i % 50_000)).collect();
    let commas = ",".repeat(1000);
    let tf = format!(
        "locals {{\n  s  = \"{}\"\n  xs = split(\",\", local.s)\n  d  = distinct(local.xs)\n  c  = \"{commas}\"\n  m  = replace(local.c, \",\", local.c)\n}}\n{}{}",
        items.join(","),
        CONTROL.replace("= true", "= length(local.d) == 50000"),
        CONTROL
            .replace("control", "blown")
            .replace("= true", "= length(distinct(split(\",\", local.m))) > 0"),
    );
    std::fs::write(d.path().join("main.tf"), tf).unwrap();
    check("distinct", d.path(), 1, &[], &["main.tf:10"]);
}

/// Six `distinct()` calls over 99,999 items: each is charged per item, not
/// per call, so together they run out of the step budget, with one error.
#[test]
fn distinct_is_charged_per_item() {
    let d = tempfile::tempdir().unwrap();
    let items: Vec<String> = (0..99_999).map(|i| format!("i{i}")).collect();
    let mut tf = format!(
        "locals {{\n  s  = \"{}\"\n  xs = split(\",\", local.s)\n",
        items.join(",")
    );
    for i in 0..6 {
        tf.push_str(&format!("  d{i} = distinct(concat([{i}], local.xs))\n"));
    }
    tf.push_str("}\n");
    tf.push_str(CONTROL);
    std::fs::write(d.path().join("main.tf"), tf).unwrap();
    let out = run(d.path());
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(2), "{err}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["message"], STEPS);
    assert!(
        (4..=9).contains(&errors[0]["line"].as_u64().unwrap()),
        "the budget runs out in one of the distinct() calls: {errors:?}"
    );
    assert_eq!(report["findings"].as_array().unwrap().len(), 1);
}
