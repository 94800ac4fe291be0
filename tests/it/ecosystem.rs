//! Configuration, suppressions, baselines, shards and merged reports, used
//! the way a CI gate or an audit uses them.

use crate::support::{idlint, stderr, stdout};
use std::path::Path;

const SCHEMA: &str =
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

fn registry(name: &str, admin: &str) -> String {
    format!(
        r#"    {{
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "{name}",
      "properties": {{ "adminUserEnabled": {admin} }}
    }}"#
    )
}

fn template(resources: &[String]) -> String {
    format!(
        "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"resources\": [\n{}\n  ]\n}}\n",
        resources.join(",\n")
    )
}

fn write(dir: &Path, rel: &str, text: &str) -> String {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn configuration_is_found_upward_and_flags_override_it() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        ".idlint.yaml",
        "ignore: [acr-admin-user-enabled]\nfail_on: critical\nseverity: { SEC015: medium }\n",
    );
    let sub = write(
        d.path(),
        "infra/app/main.json",
        &template(&[registry("acr", "true")]),
    );
    // The temporary directory is the repository: configuration is looked
    // for up to the scan root, not above it.
    let root = d.path().to_string_lossy().into_owned();
    let o = idlint(&["check", &sub, "--root", &root, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(json(&o)["summary"]["findings"], 0);
    // --select replaces the file's selection; its `ignore` still applies.
    let o = idlint(&[
        "check", &sub, "--root", &root, "--format", "json", "--ignore", "SEC",
    ]);
    assert_eq!(json(&o)["findings"][0]["rule_id"], "MID004");
    assert_eq!(o.status.code(), Some(0), "fail_on: critical from the file");
    let o = idlint(&[
        "check",
        &sub,
        "--root",
        &root,
        "--ignore",
        "SEC",
        "--fail-on",
        "high",
    ]);
    assert_eq!(o.status.code(), Some(1));
    // Without it, the file's directory is the root: the configuration above
    // is someone else's and is not read.
    let o = idlint(&["check", &sub, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn configuration_errors_point_at_the_line() {
    let d = tempfile::tempdir().unwrap();
    let cfg = write(d.path(), "bad.yaml", "select: [SEC]\nignor: [MID004]\n");
    let t = write(d.path(), "main.json", &template(&[]));
    let o = idlint(&["check", &t, "--config", &cfg]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("invalid configuration: unknown field `ignor`"),
        "{err}"
    );
    assert!(err.contains("bad.yaml:2:1"), "{err}");
    let cfg = write(d.path(), "sev.yaml", "severity:\n  MID004: urgent\n");
    let err = stderr(&idlint(&["check", &t, "--config", &cfg]));
    assert!(
        err.contains("`urgent` is not a severity") && err.contains("sev.yaml:2:11"),
        "{err}"
    );
}

#[test]
fn inline_and_configured_suppressions() {
    let d = tempfile::tempdir().unwrap();
    let mut t = template(&[registry("acr", "true"), registry("other", "true")]);
    t = t.replacen("\"properties\": { \"adminUserEnabled\": true }", "// idlint:ignore MID004 break-glass until CHG-1\n      \"properties\": { \"adminUserEnabled\": true }", 1);
    let file = write(d.path(), "main.json", &t);
    let o = idlint(&["check", &file, "--select", "MID004", "--format", "json"]);
    let v = json(&o);
    assert_eq!(v["summary"]["findings"], 1);
    assert_eq!(v["summary"]["suppressed"], 1);
    let o = idlint(&[
        "check",
        &file,
        "--select",
        "MID004,META",
        "--format",
        "concise",
        "--show-suppressed",
    ]);
    let out = stdout(&o);
    assert!(out.contains("(suppressed)"), "{out}");
    assert_eq!(out.lines().count(), 2, "{out}");
    // A configuration entry for the other registry.
    let cfg = write(
        d.path(),
        "cfg.yaml",
        "suppress:\n  - rule: MID004\n    resource: \"Microsoft.ContainerRegistry/registries/other\"\n    reason: \"retired next sprint\"\n",
    );
    let o = idlint(&[
        "check",
        &file,
        "--select",
        "MID004,META",
        "--format",
        "json",
        "--config",
        &cfg,
    ]);
    let v = json(&o);
    assert_eq!(v["summary"]["findings"], 0, "{v}");
    assert_eq!(v["summary"]["suppressed"], 2);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn baselines_survive_edits_and_catch_new_findings() {
    let d = tempfile::tempdir().unwrap();
    let base = d
        .path()
        .join("baseline.json")
        .to_string_lossy()
        .into_owned();
    let file = write(
        d.path(),
        "main.json",
        &template(&[registry("acr", "true"), registry("web", "false")]),
    );
    let o = idlint(&[
        "check",
        &file,
        "--select",
        "MID004",
        "--write-baseline",
        &base,
    ]);
    assert_eq!(o.status.code(), Some(1));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    assert_eq!(written["fingerprints"].as_array().unwrap().len(), 1);
    let check = || {
        json(&idlint(&[
            "check",
            &file,
            "--select",
            "MID004",
            "--format",
            "json",
            "--baseline",
            &base,
        ]))
    };
    assert_eq!(check()["summary"]["findings"], 0);
    // Blank lines and reordered resources.
    write(
        d.path(),
        "main.json",
        &format!(
            "\n\n{}",
            template(&[registry("web", "false"), registry("acr", "true")])
        ),
    );
    assert_eq!(check()["summary"]["findings"], 0);
    // The offending value written differently.
    write(
        d.path(),
        "main.json",
        &template(&[registry("acr", "\"True\""), registry("web", "false")]),
    );
    assert_eq!(check()["summary"]["findings"], 0);
    // A second offending registry is new.
    write(
        d.path(),
        "main.json",
        &template(&[registry("acr", "true"), registry("web", "true")]),
    );
    let v = check();
    assert_eq!(v["summary"]["findings"], 1);
    assert!(v["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("`web`"));
}

#[test]
fn shards_partition_the_scan_and_merge_back() {
    let d = tempfile::tempdir().unwrap();
    for i in 0..12 {
        write(
            d.path(),
            &format!("app{i}/main.json"),
            &template(&[registry(&format!("acr{i}"), "true")]),
        );
    }
    let root = d.path().to_string_lossy().into_owned();
    let full = json(&idlint(&[
        "check", &root, "--select", "MID004", "--format", "json",
    ]));
    let mut parts = Vec::new();
    let mut total = 0;
    for k in 1..=3 {
        let out = d
            .path()
            .join(format!("shard{k}.json"))
            .to_string_lossy()
            .into_owned();
        idlint(&[
            "check",
            &root,
            "--select",
            "MID004",
            "--format",
            "json",
            "--shard",
            &format!("{k}/3"),
            "--output",
            &out,
        ]);
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        total += v["summary"]["findings"].as_u64().unwrap();
        parts.push(out);
    }
    assert_eq!(total, 12, "shards are disjoint and complete");
    let mut args = vec!["merge"];
    args.extend(parts.iter().map(String::as_str));
    let merged = json(&idlint(&args));
    assert_eq!(merged["findings"], full["findings"]);
    assert_eq!(merged["summary"]["findings"], 12);
    assert_eq!(
        idlint(&["check", &root, "--shard", "4/3"]).status.code(),
        Some(2)
    );
}

#[test]
fn sarif_reports_merge_into_one_run() {
    let d = tempfile::tempdir().unwrap();
    let a = write(
        d.path(),
        "a/main.json",
        &template(&[registry("acr", "true")]),
    );
    let b = write(d.path(), "b/main.tf", "resource \"azurerm_role_assignment\" \"x\" {\n  scope                = \"/subscriptions/00000000-0000-0000-0000-000000000000\"\n  role_definition_name = \"Owner\"\n  principal_id         = \"11111111-1111-1111-1111-111111111111\"\n}\n");
    let mut outs = Vec::new();
    for (i, f) in [a, b].iter().enumerate() {
        let out = d
            .path()
            .join(format!("{i}.sarif"))
            .to_string_lossy()
            .into_owned();
        idlint(&["check", f, "--format", "sarif", "--output", &out]);
        outs.push(out);
    }
    let merged = json(&idlint(&["merge", &outs[0], &outs[1]]));
    let run = &merged["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(merged["runs"].as_array().unwrap().len(), 1);
    assert!(results.len() >= 2);
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
    }
    let o = idlint(&[
        "merge",
        &outs[0],
        &d.path().join("nope.json").to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}
