//! `idlint access`: the inventory in each format, through the binary.

use crate::support::idlint;

fn run(args: &[&str]) -> (String, i32) {
    let out = idlint(args);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn every_format_snapshots() {
    for format in ["table", "json", "csv", "mermaid"] {
        let (text, code) = run(&["access", "testdata/access", "--format", format]);
        assert_eq!(code, 0, "{format}: {text}");
        insta::assert_snapshot!(format!("access_{format}"), text);
    }
}

#[test]
fn rows_are_the_same_whatever_the_thread_count() {
    let (one, _) = run(&["access", "rules", "--format", "json", "--threads", "1"]);
    let (many, _) = run(&["access", "rules", "--format", "json", "--threads", "8"]);
    assert!(one.len() > 1000, "{one}");
    assert_eq!(one, many);
}

#[test]
fn one_row_per_declaration_with_the_findings_on_it() {
    let (text, _) = run(&["access", "testdata/access", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&text).expect("json");
    let rows = rows.as_array().expect("rows");
    assert_eq!(rows.len(), 5);
    let owner = &rows[0];
    assert_eq!(owner["role"]["name"], "Owner");
    assert_eq!(owner["role"]["privileged"], true);
    assert_eq!(owner["principal"]["kind"], "group");
    assert_eq!(owner["principal"]["name"], "opsGroupId");
    assert_eq!(owner["findings"], serde_json::json!(["RBAC001", "RBAC006"]));
    let reader = &rows[1];
    assert_eq!(reader["principal"]["kind"], "system-assigned identity");
    assert_eq!(reader["principal"]["name"], "app-orders");
    assert_eq!(reader["condition"], true);
    assert_eq!(reader["scope"]["level"], "resource");
}

#[test]
fn a_file_that_fails_to_parse_exits_2_and_the_rest_is_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        "testdata/access/arm/main.json",
        dir.path().join("main.json"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("broken.json"),
        "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"resources\": [",
    )
    .expect("write");
    let p = dir.path().to_string_lossy().into_owned();
    let out = idlint(&["access", &p, "--root", &p, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.json"));
}
