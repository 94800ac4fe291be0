//! What users hit in their first week (issue 16): unclassifiable JSON,
//! `--fail-on never`, excludes, token lists with spaces, JUnit and
//! `--fail-on`, `--output`, completions, the per-rule table, the release
//! profile. Each through the binary, as a user or a CI job runs it.

use crate::support::{idlint, idlint_in, stderr, stdout};
use serde_json::Value;
use std::path::Path;

const REGISTRY: &str = "testdata/report/registry.json";

fn json(o: &std::process::Output) -> Value {
    serde_json::from_str(&stdout(o))
        .unwrap_or_else(|e| panic!("JSON report: {e}\n{}\n{}", stdout(o), stderr(o)))
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

const TEMPLATE_SCHEMA: &str =
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

/// A broken `package.json`-style file is not idlint's to judge: skipped with
/// the reason, counted, never an error, and the exit code is 0.
#[test]
fn unparseable_json_that_names_no_arm_schema_is_skipped() {
    let d = tempfile::tempdir().unwrap();
    let x = d.path().join("x");
    write(&x, "f.json", "{ \"key\": ");
    write(&x, "settings.json", "");
    write(
        &x,
        "tsconfig.json",
        "{\"$schema\": \"https://json.schemastore.org/tsconfig\", [",
    );
    let dir = x.to_str().unwrap();
    let o = idlint(&["check", dir]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("checked 0 files (3 skipped)"), "{out}");
    assert!(
        !out.contains("OutOfBounds") && !out.contains("error"),
        "{out}"
    );
    let o = idlint(&["check", dir, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["errors"], serde_json::json!([]));
    let s = &v["summary"];
    assert_eq!(
        (s["skipped"].as_u64(), s["failed"].as_u64()),
        (Some(3), Some(0))
    );
    assert_eq!(s["discovered"], 3);
    let reason = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["file"].as_str().unwrap().ends_with("x/f.json"))
        .expect("f.json is listed as skipped")["reason"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        reason,
        "JSON that does not parse (1:10: invalid JSON: expected a JSON value, found end of file) \
         and names no ARM template or parameter schema"
    );
    // Named one by one, as pre-commit passes it: the same.
    let f = x.join("f.json");
    let o = idlint(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

/// A file that says it is a template and does not parse is the user's to
/// fix: an error that names the file, line and column, at the end of the
/// file too (it used to be `Failed to read contents for label <none>`).
#[test]
fn a_broken_template_is_a_located_error_even_at_the_end_of_the_file() {
    let d = tempfile::tempdir().unwrap();
    let cut = format!("{{\"$schema\": \"{TEMPLATE_SCHEMA}\", \"resources\": ");
    let t = write(d.path(), "main.json", &cut);
    let col = cut.chars().count() + 1;
    // `$schema` and `resources` keys with an unknown schema URL: a template too.
    let u = write(
        d.path(),
        "other.json",
        "{\"$schema\": \"x\", \"resources\": [1 2]}",
    );
    let o = idlint(&["check", &t, &u]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(
        !out.contains("Failed to read") && !out.contains("OutOfBounds"),
        "{out}"
    );
    assert!(out.contains(&format!("main.json:1:{col}]")), "{out}");
    assert!(out.contains("other.json:1:34]"), "{out}");
    assert!(out.contains("checked 0 files in"), "{out}");
    let o = idlint(&["check", &t, "--format", "concise"]);
    assert!(
        stdout(&o).contains(&format!(
            "main.json:1:{col}: error: invalid JSON: expected a JSON value, found end of file"
        )),
        "{}",
        stdout(&o)
    );
}

/// `--fail-on never` (flag or configuration) exits 0 even when files do not
/// parse; the errors are still in every report.
#[test]
fn fail_on_never_exits_0_and_still_reports_errors() {
    let dir = "testdata/report";
    assert_eq!(idlint(&["check", dir]).status.code(), Some(2));
    let o = idlint(&["check", dir, "--fail-on", "never", "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let sarif = json(&o);
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .expect("notifications");
    assert!(
        notes.iter().any(|n| n["message"]["text"]
            .as_str()
            .unwrap()
            .contains("broken.json")),
        "{notes:?}"
    );
    let o = idlint(&["check", dir, "--fail-on", "never", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["errors"][0]["file"], "testdata/report/broken.json");
    for format in ["human", "concise", "github", "junit"] {
        let o = idlint(&["check", dir, "--fail-on", "never", "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{format}");
        assert!(
            stdout(&o).contains("broken.json"),
            "{format}: {}",
            stdout(&o)
        );
    }
    // From the configuration.
    let d = tempfile::tempdir().unwrap();
    let cfg = write(d.path(), "never.yaml", "fail_on: never\n");
    let o = idlint(&["check", dir, "--config", &cfg]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A command line or configuration that is wrong still exits 2.
    let o = idlint(&["check", dir, "--fail-on", "never", "--select", "NOPE123"]);
    assert_eq!(o.status.code(), Some(2));
    let bad = write(d.path(), "bad.yaml", "fail_on: never\nignor: [X]\n");
    let o = idlint(&["check", dir, "--fail-on", "never", "--config", &bad]);
    assert_eq!(o.status.code(), Some(2));
}

fn files_of(v: &Value) -> Vec<String> {
    let mut f: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap().to_string())
        .collect();
    f.sort();
    f.dedup();
    f
}

/// A child module under an excluded directory is read for its caller's
/// context but never reported on, whatever way the glob is written.
#[test]
fn excluded_child_modules_are_not_reported_through_their_caller() {
    let o = idlint(&["check", "examples/terraform", "--format", "json"]);
    assert!(
        files_of(&json(&o)).contains(&"examples/terraform/modules/app/main.tf".to_string()),
        "{}",
        stdout(&o)
    );
    let abs = format!(
        "{}/examples/terraform/modules/**",
        env!("CARGO_MANIFEST_DIR")
    );
    for glob in [
        "examples/terraform/modules/**",
        "modules/**",
        "modules",
        abs.as_str(),
    ] {
        let o = idlint(&[
            "check",
            "examples/terraform",
            "--format",
            "json",
            "--exclude",
            glob,
        ]);
        assert_eq!(
            files_of(&json(&o)),
            ["examples/terraform/main.tf"],
            "--exclude {glob}"
        );
    }
}

/// Files named on the command line (pre-commit) are excluded too, by flag
/// or by the configuration found for them: skipped with the reason.
#[test]
fn excludes_apply_to_files_named_on_the_command_line() {
    let d = tempfile::tempdir().unwrap();
    let repo = d.path();
    std::fs::create_dir(repo.join(".git")).unwrap();
    let acr = std::fs::read_to_string(REGISTRY).unwrap();
    write(repo, "legacy/registry.json", &acr);
    write(repo, "app/registry.json", &acr);
    write(
        repo,
        ".idlint.yaml",
        "exclude: [\"legacy/**\"]\nselect: [MID004]\n",
    );
    let o = idlint_in(
        repo,
        &[
            "check",
            "legacy/registry.json",
            "app/registry.json",
            "--format",
            "json",
        ],
    );
    let v = json(&o);
    assert_eq!(files_of(&v), ["app/registry.json"], "{v}");
    assert_eq!(
        v["skipped"],
        serde_json::json!([{"file": "legacy/registry.json",
            "reason": "excluded (--exclude or the configuration's `exclude`)"}])
    );
    // From inside the excluded folder, the configuration above still rules.
    let o = idlint_in(&repo.join("legacy"), &["check", "registry.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // By flag, and absolute.
    let abs = format!("{}/app/*.json", repo.display());
    let o = idlint_in(
        repo,
        &[
            "check",
            "app/registry.json",
            "--exclude",
            &abs,
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(json(&o)["summary"]["skipped"], 1);
}

#[test]
fn select_and_ignore_lists_may_have_spaces() {
    let ids = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["check", REGISTRY, "--format", "json"];
        a.extend_from_slice(args);
        let o = idlint(&a);
        assert_ne!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let mut ids: Vec<String> = json(&o)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule_id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&["--select", "SEC003, MID004"]), ["MID004", "SEC003"]);
    assert_eq!(ids(&["--select", " MID004 ,"]), ["MID004"]);
    assert_eq!(ids(&["--ignore", "SEC003, RBAC001,  RBAC006"]), ["MID004"]);
}

/// JUnit fails only the cases with a finding at or above `--fail-on`.
#[test]
fn junit_honours_fail_on() {
    let count = |xml: &str, attr: &str| -> String {
        let at = xml.find("<testsuite ").unwrap();
        let tag = &xml[at..at + xml[at..].find('>').unwrap()];
        let k = tag.find(&format!(" {attr}=\"")).unwrap() + attr.len() + 3;
        tag[k..k + tag[k..].find('"').unwrap()].to_string()
    };
    let run = |fail_on: &str| -> String {
        let o = idlint(&["check", REGISTRY, "--format", "junit", "--fail-on", fail_on]);
        stdout(&o)
    };
    // SEC003, MID004, RBAC001 high; RBAC006 medium.
    assert_eq!(count(&run("low"), "failures"), "4");
    let high = run("high");
    assert_eq!(count(&high, "failures"), "3");
    let rbac006 = high
        .lines()
        .skip_while(|l| !l.contains("classname=\"RBAC006"))
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        rbac006.contains("<system-out>") && !rbac006.contains("<failure"),
        "{rbac006}"
    );
    assert_eq!(count(&run("critical"), "failures"), "0");
    assert_eq!(count(&run("never"), "failures"), "0");
}

#[test]
fn fail_on_configuration_errors_list_never() {
    let d = tempfile::tempdir().unwrap();
    let cfg = write(d.path(), "c.yaml", "fail_on: sometimes\n");
    let o = idlint(&["check", REGISTRY, "--config", &cfg]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("`sometimes` is not a `fail_on` value")
            && stderr(&o).contains("or never"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn output_says_where_it_wrote_unless_quiet() {
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("r.sarif");
    let p = path.to_str().unwrap();
    let o = idlint(&["check", REGISTRY, "--format", "sarif", "--output", p]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert_eq!(
        stderr(&o),
        format!("wrote the sarif report to {}\n", path.display())
    );
    let o = idlint(&["check", REGISTRY, "--output", p, "--quiet"]);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = idlint(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let out = stdout(&o);
        assert!(
            out.contains("idlint") && out.contains("check") && out.contains("fail-on"),
            "{shell}: {out}"
        );
    }
    assert_eq!(idlint(&["completions", "tcsh"]).status.code(), Some(2));
}

/// Human output ends with the findings per rule: most severe first, then
/// most frequent.
#[test]
fn human_output_ends_with_a_table_per_rule() {
    let o = idlint(&[
        "check",
        "examples/terraform",
        "testdata/report/registry.json",
    ]);
    let out = stdout(&o);
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("rule "))
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(!table.is_empty(), "{out}");
    assert_eq!(
        table[0].split_whitespace().collect::<Vec<_>>(),
        ["rule", "name", "severity", "findings"]
    );
    let rows: Vec<Vec<&str>> = table[1..]
        .iter()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows[0],
        ["SEC001", "secret-literal-in-property", "critical", "1"]
    );
    assert_eq!(rows[1], ["MID004", "acr-admin-user-enabled", "high", "2"]);
    let total: usize = rows.iter().map(|r| r[3].parse::<usize>().unwrap()).sum();
    assert!(
        out.contains(&format!("{total} findings (")),
        "the table adds up to the summary: {out}"
    );
    // --quiet: the summary line only.
    let o = idlint(&["check", "examples/terraform", "--quiet"]);
    assert!(!stdout(&o).contains("severity  findings"), "{}", stdout(&o));
    // No findings, no table.
    let o = idlint(&["check", "testdata/clean"]);
    assert!(!stdout(&o).contains("severity  findings"), "{}", stdout(&o));
}

/// Released binaries carry no full debug info; a profile for profiling does.
#[test]
fn release_profile_has_no_full_debug_info() {
    let toml =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let section = |name: &str| -> String {
        let head = format!("[profile.{name}]\n");
        let at = toml
            .find(&head)
            .unwrap_or_else(|| panic!("no [profile.{name}]"));
        let body = &toml[at + head.len()..];
        body[..body.find("\n[").unwrap_or(body.len())].to_string()
    };
    let debug = |body: &str| -> Option<String> {
        body.lines()
            .find_map(|l| l.strip_prefix("debug = "))
            .map(|v| v.trim().to_string())
    };
    let release = section("release");
    assert!(
        matches!(
            debug(&release).as_deref(),
            None | Some("false" | "0" | "\"none\"" | "\"line-tables-only\"")
        ),
        "release: {release}"
    );
    for name in ["profiling", "bench"] {
        let body = section(name);
        assert_eq!(debug(&body).as_deref(), Some("true"), "{name}: {body}");
        assert!(body.contains("strip = \"none\""), "{name}: {body}");
    }
}
