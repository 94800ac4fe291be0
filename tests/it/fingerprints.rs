//! Fingerprints are unique per finding (issue 16, item 3): a baseline entry
//! hides exactly one finding, so a second secret next to a baselined one is
//! reported.

use crate::support::{idlint, stderr, stdout};
use std::path::Path;

fn group(credentials: &[(&str, &str)]) -> String {
    let blocks: String = credentials
        .iter()
        .map(|(server, password)| {
            format!(
                "  image_registry_credential {{\n    server   = \"{server}\"\n    username = \"puller\"\n    password = \"{password}\"\n  }}\n\n"
            )
        })
        .collect();
    format!(
        r#"resource "azurerm_container_group" "example" {{
  name                = "continst"
  location            = "westeurope"
  resource_group_name = "rg"
  ip_address_type     = "Public"
  os_type             = "Linux"

{blocks}  container {{
    name   = "hw"
    image  = "one.azurecr.io/hello:1"
    cpu    = "0.5"
    memory = "1.5"
  }}
}}
"#
    )
}

fn fingerprints(dir: &Path) -> Vec<(String, u64, String)> {
    let o = idlint(&[
        "check",
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON report");
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["fingerprint"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_second_registry_password_is_not_hidden_by_the_baseline_of_the_first() {
    let d = tempfile::tempdir().unwrap();
    let src = d.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    let main = src.join("main.tf");
    let base = d.path().join("baseline.json");
    let (src_s, base_s) = (src.to_str().unwrap(), base.to_str().unwrap());
    std::fs::write(&main, group(&[("one.azurecr.io", "N0t-a-real-password-1")])).unwrap();
    let o = idlint(&["check", src_s, "--write-baseline", base_s]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let before = fingerprints(&src);
    assert_eq!(before.len(), 2, "SEC001 and MID005: {before:?}");
    let o = idlint(&["check", src_s, "--baseline", base_s]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));

    // A second credential block with its own password.
    std::fs::write(
        &main,
        group(&[
            ("one.azurecr.io", "N0t-a-real-password-1"),
            ("two.azurecr.io", "N0t-a-real-password-2"),
        ]),
    )
    .unwrap();
    let after = fingerprints(&src);
    assert_eq!(after.len(), 4, "{after:?}");
    let mut fps: Vec<&str> = after.iter().map(|f| f.2.as_str()).collect();
    fps.sort();
    fps.dedup();
    assert_eq!(fps.len(), 4, "one fingerprint per finding: {after:?}");
    // The first block's findings keep their fingerprints.
    for f in &before {
        assert!(after.iter().any(|a| a.2 == f.2), "{f:?} kept in {after:?}");
    }
    let o = idlint(&["check", src_s, "--baseline", base_s, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let new: Vec<(&str, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule_id"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(new, [("MID005", 17), ("SEC001", 17)], "{v}");
    assert_eq!(v["summary"]["suppressed"], 2);

    // Both baselined; then the first block loses its password (fixed) and
    // a third block brings a new one. An ordinal among the findings that
    // share a subject would give the third the second's old fingerprint.
    let o = idlint(&["check", src_s, "--write-baseline", base_s]);
    assert_eq!(o.status.code(), Some(1));
    std::fs::write(
        &main,
        group(&[
            ("one.azurecr.io", ""),
            ("two.azurecr.io", "N0t-a-real-password-2"),
            ("three.azurecr.io", "N0t-a-real-password-3"),
        ])
        .replace("    password = \"\"\n", ""),
    )
    .unwrap();
    let o = idlint(&["check", src_s, "--baseline", base_s, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let new: Vec<(&str, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule_id"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(new, [("MID005", 22), ("SEC001", 22)], "{v}");
}

/// Over the whole corpus (when `../shared/corpus` is there), no two
/// findings share a fingerprint.
#[test]
fn fingerprints_are_unique_over_the_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("corpus not found at {}: skipped", corpus.display());
        return;
    }
    let o = idlint(&[
        "check",
        corpus.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
        "--threads",
        "2",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON report");
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.len() > 1000, "{}", findings.len());
    let mut seen = std::collections::HashMap::new();
    for f in findings {
        let fp = f["fingerprint"].as_str().unwrap();
        let place = format!(
            "{} {}:{}:{}",
            f["rule_id"], f["file"], f["line"], f["column"]
        );
        if let Some(first) = seen.insert(fp.to_string(), place.clone()) {
            panic!("fingerprint {fp} shared by {first} and {place}");
        }
    }
}
