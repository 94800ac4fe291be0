//! Hostile pull requests, command-line side: one finding per place (not per
//! line), fingerprints unique per finding, a report that cannot be written
//! is an error, and a PR cannot switch its own gate off.

use crate::support::{idlint, stderr, stdout};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};

fn json(args: &[&str]) -> (Value, i32) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = idlint(&all);
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(&out), stderr(&out)));
    (v, out.status.code().unwrap_or(-1))
}

fn findings(v: &Value) -> Vec<&Value> {
    v["findings"].as_array().expect("findings").iter().collect()
}

#[test]
fn each_offending_place_of_a_minified_template_is_a_finding() {
    let (v, code) = json(&[
        "--select",
        "MID004",
        "testdata/hostile/dedup/minified/azuredeploy.json",
    ]);
    assert_eq!(code, 1);
    let found: Vec<(u64, u64)> = findings(&v)
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()))
        .collect();
    // Three registries on one line, and a copy loop of three registries
    // that is one declaration, so one finding.
    assert_eq!(found, [(1, 291), (1, 476), (1, 660), (1, 903)], "{v:#}");
}

#[test]
fn fingerprints_are_unique_per_finding() {
    let (v, _) = json(&["testdata/hostile/dedup", "testdata/hostile/trust"]);
    let fps: Vec<&str> = findings(&v)
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    let unique: std::collections::BTreeSet<&str> = fps.iter().copied().collect();
    assert!(fps.len() >= 6, "{v:#}");
    assert_eq!(unique.len(), fps.len(), "{v:#}");
}

/// Two credential blocks of one resource used to share a fingerprint, so a
/// baseline taken with the first hid a second password added later.
#[test]
fn a_baseline_does_not_hide_a_second_credential_block() {
    let tmp = tempfile::tempdir().unwrap();
    let full = std::fs::read_to_string("testdata/hostile/dedup/two_credentials/main.tf").unwrap();
    let second = full
        .find("  image_registry_credential {\n    server   = \"crmirror")
        .unwrap();
    let end = second + full[second..].find("  }\n").unwrap() + 4;
    let first_only = format!("{}{}", &full[..second], &full[end..]);
    let tf = tmp.path().join("main.tf");
    let baseline = tmp.path().join("baseline.json");
    std::fs::write(&tf, first_only).unwrap();
    let (tf_s, bl_s) = (tf.to_str().unwrap(), baseline.to_str().unwrap());
    let out = idlint(&[
        "check",
        "--select",
        "SEC001",
        "--write-baseline",
        bl_s,
        tf_s,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    std::fs::write(&tf, &full).unwrap();
    let (v, code) = json(&["--select", "SEC001", "--baseline", bl_s, tf_s]);
    assert_eq!(code, 1, "{v:#}");
    let lines: Vec<u64> = findings(&v)
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [16], "{v:#}");
    assert_eq!(v["summary"]["suppressed"], 1);
}

/// Runs the binary with standard output on `/dev/full`.
#[cfg(target_os = "linux")]
fn to_dev_full(args: &[&str]) -> std::process::Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    Command::new(env!("CARGO_BIN_EXE_idlint"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("run idlint")
}

#[cfg(target_os = "linux")]
#[test]
fn a_report_that_cannot_be_written_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("r.json");
    let out = idlint(&[
        "check",
        "--format",
        "json",
        "--output",
        report.to_str().unwrap(),
        "testdata/hostile/dedup",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report = report.to_str().unwrap();
    let cases: [&[&str]; 7] = [
        &["check", "testdata/hostile/dedup"],
        &["check", "--format", "sarif", "testdata/hostile/dedup"],
        &[
            "check",
            "--format",
            "concise",
            "--isolated",
            "testdata/hostile/trust",
        ],
        &["rules"],
        &["explain", "MID004"],
        &["inspect", "testdata/hostile/dedup"],
        &["merge", report],
    ];
    for args in cases {
        let out = to_dev_full(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("cannot write to standard output: no space left on device"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// A reader that goes away (`| head`) is not an error: the run keeps the
/// exit code its findings give, and says nothing.
#[test]
fn a_closed_pipe_is_quiet() {
    for args in [
        &["check", "testdata/hostile/dedup"][..],
        &["explain", "MID004"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_idlint"))
            .args(args)
            .env("NO_COLOR", "1")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run idlint");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let want = if args[0] == "check" { 1 } else { 0 };
        assert_eq!(out.status.code(), Some(want), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

const TRUST: &str = "testdata/hostile/trust";

fn mid004_lines(v: &Value) -> Vec<String> {
    findings(v)
        .iter()
        .filter(|f| f["rule_id"] == "MID004")
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            let name = Path::new(file).file_name().unwrap().to_string_lossy();
            format!("{name}:{}", f["line"])
        })
        .collect()
}

#[test]
fn a_discovered_configuration_is_ignored_with_isolated() {
    // The PR's own `.idlint.yaml` switches the rule off...
    let (v, code) = json(&[TRUST]);
    assert_eq!((code, mid004_lines(&v).len()), (0, 0), "{v:#}");
    // ...which a gate run with --isolated does not read. The inline comment
    // still counts until the gate also refuses those.
    let (v, code) = json(&["--isolated", TRUST]);
    assert_eq!(code, 1);
    assert_eq!(mid004_lines(&v), ["azuredeploy.json:11"], "{v:#}");
    assert_eq!(v["summary"]["suppressed"], 1);
    // A trusted --config is read, isolated or not.
    let trusted = "testdata/hostile/trust/trusted.yaml";
    for extra in [&["--isolated"][..], &[][..]] {
        let mut args = vec!["--config", trusted];
        args.extend_from_slice(extra);
        args.push(TRUST);
        let (v, code) = json(&args);
        assert_eq!(code, 1);
        assert_eq!(mid004_lines(&v), ["azuredeploy.json:11"], "{v:#}");
    }
}

#[test]
fn inline_suppressions_are_listed_not_honoured_on_request() {
    let (v, code) = json(&["--isolated", "--no-inline-suppressions", TRUST]);
    assert_eq!(code, 1);
    assert_eq!(
        mid004_lines(&v),
        ["azuredeploy.json:11", "main.tf:7"],
        "{v:#}"
    );
    assert_eq!(v["summary"]["suppressed"], 0);
    assert_eq!(v["summary"]["inline_not_honoured"], 1);
    let listed = &v["inline_not_honoured"][0];
    assert_eq!(listed["file"], "testdata/hostile/trust/main.tf");
    assert_eq!(listed["line"], 6);
    assert_eq!(listed["rules"][0], "MID004");
    assert_eq!(listed["would_suppress"], 1);
    let out = idlint(&["check", "--isolated", "--no-inline-suppressions", TRUST]);
    let text = stdout(&out);
    assert!(
        text.contains("note: testdata/hostile/trust/main.tf:6: `idlint:ignore MID004` not honoured (--no-inline-suppressions); it would suppress 1 finding"),
        "{text}"
    );
    assert!(text.contains("1 `idlint:ignore` not honoured"), "{text}");
    let out = idlint(&[
        "check",
        "--format",
        "github",
        "--isolated",
        "--no-inline-suppressions",
        TRUST,
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("::warning file=testdata/hostile/trust/main.tf,line=6,title=idlint%3Aignore not honoured::`idlint:ignore MID004` is not honoured in this run (--no-inline-suppressions); it would suppress 1 finding\n"),
        "{text}"
    );
}
