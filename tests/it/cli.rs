//! The command line contract: subcommands, flags, exit codes.

use crate::support::{idlint, stderr, stdout};

const REPORT_DIR: &str = "testdata/report";
const GOOD: &str = "testdata/clean";

#[test]
fn version_prints_the_package_version() {
    let o = idlint(&["--version"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o).trim(),
        format!("idlint {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn findings_exit_1_and_clean_scans_exit_0() {
    let o = idlint(&["check", GOOD]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("no findings"));
    let o = idlint(&["check", "testdata/report/registry.json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn parse_errors_exit_2_and_the_rest_is_still_scanned() {
    let o = idlint(&["check", REPORT_DIR, "--format", "concise"]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(
        out.contains("testdata/report/broken.json:4:51: error: invalid JSON"),
        "{out}"
    );
    assert!(
        out.contains("testdata/report/registry.json:18:9: MID004 [high]"),
        "{out}"
    );
}

/// `access` and `inspect` print a file's errors on stderr located as
/// `check` does: `file:line:column`.
#[test]
fn access_and_inspect_locate_parse_errors() {
    for args in [
        &["access", REPORT_DIR][..],
        &["inspect", REPORT_DIR, "--counts"],
    ] {
        let o = idlint(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("testdata/report/broken.json:4:51: error: invalid JSON"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn fail_on_sets_the_threshold() {
    let file = "testdata/report/registry.json";
    assert_eq!(
        idlint(&["check", file, "--fail-on", "critical"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        idlint(&["check", file, "--fail-on", "high"]).status.code(),
        Some(1)
    );
    assert_eq!(
        idlint(&["check", file, "--fail-on", "never"]).status.code(),
        Some(0)
    );
}

#[test]
fn select_and_ignore_take_ids_names_and_families() {
    let file = "testdata/report/registry.json";
    let ids = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["check", file, "--format", "concise"];
        a.extend_from_slice(args);
        stdout(&idlint(&a))
            .lines()
            .filter_map(|l| {
                l.split(": ")
                    .nth(1)
                    .map(|s| s.split(' ').next().unwrap_or("").to_string())
            })
            .collect()
    };
    assert_eq!(ids(&["--select", "MID004"]), ["MID004"]);
    assert_eq!(ids(&["--select", "acr-admin-user-enabled"]), ["MID004"]);
    assert_eq!(
        ids(&["--select", "rbac,sec"]),
        ["SEC003", "RBAC001", "RBAC006"]
    );
    assert_eq!(ids(&["--ignore", "SEC,RBAC001,RBAC006"]), ["MID004"]);
}

#[test]
fn unknown_rule_tokens_are_usage_errors() {
    let o = idlint(&["check", GOOD, "--select", "NOPE123"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown rule, name or family: NOPE123"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn missing_paths_are_errors_not_silence() {
    let o = idlint(&["check", "testdata/does-not-exist", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("testdata/does-not-exist: error: no such file or directory"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn output_writes_the_report_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let o = idlint(&[
        "check",
        "testdata/report/registry.json",
        "--format",
        "json",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["summary"]["findings"], 4);
}

#[test]
fn quiet_prints_only_errors_and_the_summary() {
    let o = idlint(&["check", REPORT_DIR, "--quiet"]);
    let out = stdout(&o);
    assert!(!out.contains("MID004"), "{out}");
    assert!(out.contains("invalid JSON"), "{out}");
    assert!(out.contains("4 findings (3 high, 1 medium)"), "{out}");
}

#[test]
fn stats_go_to_stderr() {
    let o = idlint(&["check", GOOD, "--stats"]);
    let err = stderr(&o);
    assert!(err.contains("files: 1 scanned"), "{err}");
    assert!(err.contains("cpu by phase: read"), "{err}");
}

#[test]
fn rules_lists_the_catalog() {
    let o = idlint(&["rules"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("MID004   acr-admin-user-enabled"), "{out}");
    let o = idlint(&["rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), idlint::rules::REGISTRY.len());
    assert!(ids.contains(&"BG001"));
    assert_eq!(v[0]["formats"], serde_json::json!(["arm", "terraform"]));
}

#[test]
fn explain_takes_an_id_or_a_name() {
    for key in ["MID004", "acr-admin-user-enabled", "mid004"] {
        let o = idlint(&["explain", key]);
        assert!(o.status.success());
        let out = stdout(&o);
        assert!(
            out.starts_with("MID004 acr-admin-user-enabled\n====="),
            "{out}"
        );
        assert!(out.contains("What it does\n------------"), "{out}");
        assert!(
            !out.contains("severity: high"),
            "front matter is not shown: {out}"
        );
    }
    let o = idlint(&["explain", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no rule named `nope`"));
}

#[test]
fn parameters_flag_overrides_sibling_files() {
    let dir = tempfile::tempdir().unwrap();
    let params = dir.path().join("p.json");
    std::fs::write(
        &params,
        r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
            "contentVersion": "1.0.0.0", "parameters": {"adminEnabled": {"value": false}}}"#,
    )
    .unwrap();
    let file = "testdata/report/registry.json";
    let o = idlint(&[
        "check",
        file,
        "--select",
        "MID004",
        "--parameters",
        params.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = idlint(&["check", file, "--parameters", "testdata/nope.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--parameters testdata/nope.json: no such file or directory"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let one = idlint(&[
        "check",
        "testdata",
        "rules",
        "--format",
        "json",
        "--threads",
        "1",
    ]);
    let many = idlint(&[
        "check",
        "testdata",
        "rules",
        "--format",
        "json",
        "--threads",
        "8",
    ]);
    assert_eq!(one.stdout, many.stdout);
    assert!(!one.stdout.is_empty());
}
