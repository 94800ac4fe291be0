//! Shards add up (issue 16, item 6): `--shard k/n` runs whole scan jobs (a
//! Terraform root with its child modules, a template with its parameter
//! files), so merged shards equal one scan, and `merge -o x.sarif` writes
//! SARIF.

use crate::support::{idlint, stderr, stdout};
use serde_json::Value;

/// Calls `z-shared/registry` from two roots, with a child module inside
/// one; a module from the examples; ARM templates with a parameter file.
const TREE: &str = "testdata/shards";

fn report(args: &[&str]) -> Value {
    let o = idlint(args);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{args:?}: {}{}",
        stdout(&o),
        stderr(&o)
    );
    serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)))
}

/// Findings as canonical JSON lines, sorted.
fn sorted(v: &Value) -> Vec<String> {
    let mut lines: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.to_string())
        .collect();
    lines.sort();
    lines
}

#[test]
fn merged_shards_equal_one_scan() {
    let d = tempfile::tempdir().unwrap();
    let full = report(&["check", TREE, "--format", "json"]);
    let full_sarif = report(&["check", TREE, "--format", "sarif"]);
    assert!(sorted(&full).len() >= 20, "{full}");
    for n in 2..=5u32 {
        let mut parts = Vec::new();
        let mut all = Vec::new();
        for k in 1..=n {
            let out = d.path().join(format!("{k}-of-{n}.json"));
            let out = out.to_str().unwrap().to_string();
            let shard = format!("{k}/{n}");
            let o = idlint(&[
                "check", TREE, "--format", "json", "--shard", &shard, "--output", &out,
            ]);
            assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
            all.extend(sorted(&v));
            parts.push(out);
        }
        // Disjoint and complete before merging: no finding twice, none
        // of a child module judged without its caller.
        all.sort();
        assert_eq!(all, sorted(&full), "{n} shards");
        let mut args = vec!["merge"];
        args.extend(parts.iter().map(String::as_str));
        let merged = report(&args);
        assert_eq!(sorted(&merged), sorted(&full), "{n} shards merged");
        assert_eq!(merged["summary"], full["summary"], "{n} shards");
        assert_eq!(merged["errors"], full["errors"]);
        assert_eq!(merged["skipped"], full["skipped"]);
        // SARIF by the output's extension, and by --format.
        let sarif = d.path().join("merged.sarif");
        let mut to_file = args.clone();
        to_file.extend(["-o", sarif.to_str().unwrap()]);
        let o = idlint(&to_file);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let written: Value =
            serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
        assert_eq!(written, full_sarif, "{n} shards as SARIF");
        let mut by_flag = args.clone();
        by_flag.extend(["--format", "sarif"]);
        assert_eq!(report(&by_flag), full_sarif);
    }
}

#[test]
fn merge_drops_exact_duplicates_and_refuses_sarif_to_json() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("one.json");
    let out = out.to_str().unwrap();
    idlint(&["check", TREE, "--format", "json", "--output", out]);
    let once: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    let twice = report(&["merge", out, out]);
    assert_eq!(sorted(&twice), sorted(&once));
    assert_eq!(twice["summary"]["findings"], once["summary"]["findings"]);
    let sarif = d.path().join("one.sarif");
    let sarif = sarif.to_str().unwrap();
    idlint(&["check", TREE, "--format", "sarif", "--output", sarif]);
    let o = idlint(&["merge", sarif, "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("SARIF"), "{}", stderr(&o));
}
