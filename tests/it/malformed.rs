//! The bad-input matrix, through the real binary: for every kind of malformed
//! or odd input, the exit code, the exact located error (or none where the
//! input is valid), the good neighbour files of the same run still scanned
//! with their finding, and no panic. Time is printed, never asserted: a
//! loaded 2-core CI machine is no clock (benchmarks measure time).
//!
//! Small inputs are committed under `testdata/malformed/<case>/`, each beside
//! a `good.json` and/or `good.tf` with one MID004 finding. Large or special
//! inputs (20 MiB, a 1 MB line, 100,000-deep nesting, symbolic link loops,
//! unreadable files) are made here in a temporary directory. Only MID004 is
//! selected, so rules added elsewhere do not change what is asserted.

use crate::support::{idlint, stderr, stdout};
use serde_json::Value;
use std::path::Path;
use std::process::Output;

const CASES: &str = "testdata/malformed";

/// What one run must show. File names are relative to the case directory.
struct Expect {
    exit: i32,
    /// `file:line:col: message`, or `file: message` when not located.
    errors: Vec<String>,
    /// `file:line` of each MID004 finding.
    findings: Vec<String>,
    /// `summary.files`: files read and loaded, even with located load errors.
    scanned: u64,
    /// `summary.failed`: files that could not be read, decoded or parsed.
    failed: u64,
}

fn expect(exit: i32, errors: &[&str], findings: &[&str], scanned: u64, failed: u64) -> Expect {
    Expect {
        exit,
        errors: errors.iter().map(|s| s.to_string()).collect(),
        findings: findings.iter().map(|s| s.to_string()).collect(),
        scanned,
        failed,
    }
}

/// Runs `idlint check --format json --select MID004 <paths>` and checks `want`;
/// file names in the report are made relative to `dir`.
fn check(case: &str, dir: &str, paths: &[&str], want: &Expect) {
    let mut args = vec!["check", "--format", "json", "--select", "MID004"];
    args.extend_from_slice(paths);
    let out = idlint(&args);
    assert_run(case, dir, &out, want);
}

fn assert_run(case: &str, dir: &str, out: &Output, want: &Expect) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "{case}: panic\n{err}");
    assert_eq!(
        out.status.code(),
        Some(want.exit),
        "{case}: exit code\n{err}"
    );
    let report: Value = serde_json::from_str(&stdout(out))
        .unwrap_or_else(|e| panic!("{case}: JSON report: {e}\n{}\n{err}", stdout(out)));
    let rel = |f: &Value| -> String {
        let f = f.as_str().unwrap_or_default();
        f.strip_prefix(&format!("{dir}/")).unwrap_or(f).to_string()
    };
    let mut errors: Vec<String> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| match (e["line"].as_u64(), e["column"].as_u64()) {
            (Some(l), Some(c)) => format!(
                "{}:{l}:{c}: {}",
                rel(&e["file"]),
                e["message"].as_str().unwrap()
            ),
            _ => format!("{}: {}", rel(&e["file"]), e["message"].as_str().unwrap()),
        })
        .collect();
    let mut findings: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{}:{}", rel(&f["file"]), f["line"]))
        .collect();
    errors.sort();
    findings.sort();
    let mut want_errors = want.errors.clone();
    let mut want_findings = want.findings.clone();
    want_errors.sort();
    want_findings.sort();
    assert_eq!(errors, want_errors, "{case}: errors");
    assert_eq!(
        findings, want_findings,
        "{case}: findings (the rest is still scanned)"
    );
    let s = &report["summary"];
    let n = |k: &str| s[k].as_u64().unwrap();
    assert_eq!(
        (n("files"), n("failed")),
        (want.scanned, want.failed),
        "{case}: files scanned, failed\n{s}"
    );
    assert_eq!(
        n("discovered"),
        n("files") + n("skipped") + n("failed"),
        "{case}"
    );
}

const GOOD_JSON: &str = "good.json:8";
const GOOD_TF: &str = "good.tf:3";

/// The committed cases and what idlint does with each.
fn committed() -> Vec<(&'static str, Expect)> {
    let not_utf8 = "file is not valid UTF-8 (byte 0xe9)";
    vec![
        (
            "invalid_json",
            expect(
                2,
                &["bad.json:4:51: invalid JSON: expected `,` or `}`, found `\"`"],
                &[GOOD_JSON],
                1,
                1,
            ),
        ),
        // UTF-8 with a BOM is valid and loads; positions do not count the BOM.
        (
            "bom",
            expect(1, &[], &["bom.json:8", "bom.tf:3", GOOD_JSON, GOOD_TF], 4, 0),
        ),
        // UTF-16 LE (JSON) and BE (HCL, CRLF) with a BOM are valid and load.
        (
            "utf16",
            expect(
                1,
                &[],
                &["utf16le.json:8", "utf16be.tf:3", GOOD_JSON, GOOD_TF],
                4,
                0,
            ),
        ),
        // Latin-1 bytes: located at the first bad byte; the module's other file loads.
        (
            "non_utf8",
            expect(
                2,
                &[
                    &format!("latin1.json:4:20: {not_utf8}"),
                    &format!("latin1.tf:1:18: {not_utf8}"),
                ],
                &[GOOD_JSON, GOOD_TF],
                2,
                2,
            ),
        ),
        (
            "binary_tf",
            expect(
                2,
                &["binary.tf:1:8: binary file (contains NUL bytes)"],
                &[GOOD_JSON, GOOD_TF],
                2,
                1,
            ),
        ),
        // Bicep: a syntax error is located where the parser stopped; binary
        // and non-UTF-8 `.bicep` files are refused like any other.
        (
            "invalid_bicep",
            expect(
                2,
                &["unclosed.bicep:10:1: expected a property name, found the end of the file: the `{` at line 3 is never closed"],
                &[GOOD_JSON, GOOD_TF],
                2,
                1,
            ),
        ),
        (
            "binary_bicep",
            expect(
                2,
                &["binary.bicep:1:4: binary file (contains NUL bytes)"],
                &[GOOD_JSON, GOOD_TF],
                2,
                1,
            ),
        ),
        (
            "non_utf8_bicep",
            expect(
                2,
                &[&format!("latin1.bicep:1:24: {not_utf8}")],
                &[GOOD_JSON, GOOD_TF],
                2,
                1,
            ),
        ),
        // An empty `.json` is not JSON and names no ARM schema: skipped, not
        // an error. An empty `.tf` is a valid empty file.
        (
            "empty",
            expect(1, &[], &[GOOD_JSON, GOOD_TF], 3, 0),
        ),
        // JSON: reported, and the template still loads with the last value,
        // as ARM does. HCL: Terraform refuses a repeated attribute, so does idlint.
        (
            "duplicate_keys",
            expect(
                2,
                &[
                    "dup.json:8:7: duplicate key \"properties\": ARM uses the last value, so the earlier one is ignored",
                    "dup.tf:4:3: invalid HCL: invalid attribute; expected unique attribute key; found redefined attribute",
                ],
                &["dup.json:8", GOOD_JSON, GOOD_TF],
                3,
                1,
            ),
        ),
        (
            "resources_wrong_type",
            expect(
                2,
                &["wrong.json:3:16: `resources` must be an array or an object, found a string"],
                &[GOOD_JSON],
                2,
                0,
            ),
        ),
        // Each expression located at the character. A string that starts with
        // `[` but does not end with `]` is a literal in ARM, so no error.
        (
            "unbalanced_brackets",
            expect(
                2,
                &[
                    "unbalanced.json:4:66: invalid template expression: unclosed call to `concat`: expected `)`",
                    "unbalanced.json:7:47: invalid template expression: unclosed call to `concat`: expected `)`",
                    "unbalanced.json:8:37: invalid template expression: unexpected `)` after the end of the expression",
                    "unbalanced.json:9:39: invalid template expression: expected `]` to close the index, found the end of the expression",
                    "unbalanced.json:10:32: invalid template expression: expected `,` or `)` in the arguments of `concat`, found `b`",
                ],
                &[GOOD_JSON],
                2,
                0,
            ),
        ),
        // Terraform JSON syntax in a `.tf` file: HCL cannot read it.
        (
            "unsupported_tf",
            expect(
                2,
                &["json_syntax.tf:1:1: invalid HCL: unexpected token (this looks like JSON: Terraform JSON syntax goes in a `.tf.json` file)"],
                &[GOOD_JSON, GOOD_TF],
                2,
                1,
            ),
        ),
        // A variables file with no module beside it is parsed and counted as
        // scanned (Terraform would read it with `-var-file`); no error.
        (
            "tfvars_without_module",
            expect(1, &[], &[GOOD_JSON], 2, 0),
        ),
        // ... and one that does not parse is still an error.
        (
            "tfvars_without_module_broken",
            expect(
                2,
                &["broken.tfvars:2:12: invalid HCL: invalid expression; expected `\"`, `[`, `{`, `-`, `!`, `(`, `_`, `<`, letter or digit"],
                &[GOOD_JSON],
                1,
                1,
            ),
        ),
        // A parameter file with no template is parsed and counted as scanned;
        // there is nothing to apply it to, so no error.
        (
            "params_without_template",
            expect(1, &[], &[GOOD_JSON], 2, 0),
        ),
        // Directories named like files are walked, never read.
        (
            "dir_named_tf",
            expect(
                1,
                &[],
                &["x.tf/main.tf:3", "y.json/azuredeploy.json:8"],
                2,
                0,
            ),
        ),
    ]
}

#[test]
fn committed_cases() {
    let cases = committed();
    // Every directory has its expectations here.
    let mut dirs: Vec<String> = std::fs::read_dir(CASES)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut named: Vec<String> = cases.iter().map(|(n, _)| n.to_string()).collect();
    named.sort();
    assert_eq!(dirs, named, "testdata/malformed/ and the cases here");
    for (name, want) in &cases {
        let dir = format!("{CASES}/{name}");
        check(name, &dir, &[&dir], want);
        // Given file by file, as pre-commit does: the same report.
        let files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if files.len() == std::fs::read_dir(&dir).unwrap().count() {
            let files: Vec<&str> = files.iter().map(String::as_str).collect();
            check(&format!("{name} (file list)"), &dir, &files, want);
        }
    }
}

#[test]
fn a_directory_named_like_a_file_given_explicitly_is_walked() {
    let dir = format!("{CASES}/dir_named_tf/x.tf");
    check("x.tf", &dir, &[&dir], &expect(1, &[], &["main.tf:3"], 1, 0));
}

/// All committed cases in one run: one bad file never stops the others.
#[test]
fn all_cases_in_one_run() {
    let cases = committed();
    let dirs: Vec<String> = cases.iter().map(|(n, _)| format!("{CASES}/{n}")).collect();
    let mut want = expect(2, &[], &[], 0, 0);
    for (name, e) in &cases {
        let prefix = |s: &String| format!("{name}/{s}");
        want.errors.extend(e.errors.iter().map(prefix));
        want.findings.extend(e.findings.iter().map(prefix));
        want.scanned += e.scanned;
        want.failed += e.failed;
    }
    let paths: Vec<&str> = dirs.iter().map(String::as_str).collect();
    check("all cases", CASES, &paths, &want);
}

// ------------------------------------------------- generated at test time

const TEMPLATE: &str = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\"";
const GOOD_JSON_TEXT: &str = "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"resources\": [\n    {\n      \"type\": \"Microsoft.ContainerRegistry/registries\",\n      \"apiVersion\": \"2023-07-01\",\n      \"name\": \"good\",\n      \"properties\": { \"adminUserEnabled\": true }\n    }\n  ]\n}\n";
const GOOD_TF_TEXT: &str = "resource \"azurerm_container_registry\" \"good\" {\n  name          = \"good\"\n  admin_enabled = true\n}\n";
const ACR: &str = "{\"type\": \"Microsoft.ContainerRegistry/registries\", \"name\": \"acr\", \"properties\": {\"adminUserEnabled\": true}}";

/// A temporary case directory with both good neighbours.
fn case_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("good.json"), GOOD_JSON_TEXT).unwrap();
    std::fs::write(d.path().join("good.tf"), GOOD_TF_TEXT).unwrap();
    d
}

fn path_str(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[test]
fn files_over_the_size_limit_are_refused_unread() {
    let d = case_dir();
    // A valid template and a valid module file, padded past 20 MiB.
    let pad = 20 * 1024 * 1024;
    let mut json = format!("{TEMPLATE}, \"resources\": [{ACR}]}}").into_bytes();
    json.resize(json.len() + pad, b' ');
    std::fs::write(d.path().join("huge.json"), json).unwrap();
    let mut tf = GOOD_TF_TEXT.replace("good", "huge").into_bytes();
    tf.resize(tf.len() + pad, b'\n');
    std::fs::write(d.path().join("huge.tf"), tf).unwrap();
    let dir = path_str(d.path());
    let why = "file is 20.0 MiB, over the 16 MiB limit; not scanned";
    check(
        "20 MiB",
        &dir,
        &[&dir],
        &expect(
            2,
            &[&format!("huge.json: {why}"), &format!("huge.tf: {why}")],
            &[GOOD_JSON, GOOD_TF],
            2,
            2,
        ),
    );
}

#[test]
fn a_one_megabyte_line_is_located_by_character() {
    let d = case_dir();
    let mb = "x".repeat(1024 * 1024);
    // A minified template: the finding is on line 1, a million columns in.
    let json =
        format!("{TEMPLATE}, \"variables\": {{\"pad\": \"{mb}\"}}, \"resources\": [{ACR}]}}");
    let col = json.find("\"adminUserEnabled\"").unwrap() + 1;
    std::fs::write(d.path().join("long.json"), &json).unwrap();
    // The same line, cut short: the error is at its end.
    let bad = format!("{TEMPLATE}, \"variables\": {{\"pad\": \"{mb}\"}} \"resources\": []}}");
    let bad_col = bad.rfind("\"resources\"").unwrap() + 1;
    std::fs::write(d.path().join("long_bad.json"), &bad).unwrap();
    // HCL: a 1 MB string on one line, in the module of good.tf.
    let tf = format!(
        "locals {{ pad = \"{mb}\" }}\n{}",
        GOOD_TF_TEXT.replace("good", "long")
    );
    std::fs::write(d.path().join("long.tf"), tf).unwrap();
    let dir = path_str(d.path());
    check(
        "1 MB line",
        &dir,
        &[&dir],
        &expect(
            2,
            &[&format!(
                "long_bad.json:1:{bad_col}: invalid JSON: expected `,` or `}}`, found `\"`"
            )],
            &["long.json:1", "long.tf:4", GOOD_JSON, GOOD_TF],
            4,
            1,
        ),
    );
    // The column is counted in characters, a million of them.
    let out = idlint(&["check", "--format", "concise", "--select", "MID004", &dir]);
    assert!(
        stdout(&out).contains(&format!("long.json:1:{col}: MID004")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn nesting_100000_deep_is_an_error_not_a_stack_overflow() {
    let d = case_dir();
    let n = 100_000;
    let write = |name: &str, text: String| std::fs::write(d.path().join(name), text).unwrap();
    // In a template (one level deep already), and in JSON that names no
    // ARM schema, which is parsed, fails, and is skipped.
    let head = format!("{TEMPLATE}, \"x\": ");
    write(
        "arrays.json",
        head.clone() + &"[".repeat(n) + &"]".repeat(n) + "}",
    );
    write("objects.json", "{\"a\":".repeat(n) + "1" + &"}".repeat(n));
    write("blocks.tf", "a {\n".repeat(n) + &"}\n".repeat(n));
    write(
        "brackets.tf",
        format!("locals {{\n  x = {}{}\n}}\n", "[".repeat(n), "]".repeat(n)),
    );
    write(
        "brackets.bicep",
        format!("var x = {}{}\n", "[".repeat(n), "]".repeat(n)),
    );
    let dir = path_str(d.path());
    let deep = "nesting deeper than 256 levels; refusing to parse further";
    check(
        "100,000-deep nesting",
        &dir,
        &[&dir],
        &expect(
            2,
            &[
                &format!("arrays.json:1:{}: invalid JSON: {deep}", head.len() + 256),
                &format!("blocks.tf:257:3: {deep}"),
                &format!("brackets.tf:2:262: {deep}"),
                "brackets.bicep:1:265: nesting deeper than 256 levels",
            ],
            &[GOOD_JSON, GOOD_TF],
            2,
            4,
        ),
    );
    let o = idlint(&[
        "check",
        "--format",
        "json",
        &path_str(&d.path().join("objects.json")),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v["skipped"][0]["reason"],
        format!("JSON that does not parse (1:1281: invalid JSON: {deep}) and names no ARM template or parameter schema")
    );
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_errors_not_hangs() {
    use std::os::unix::fs::symlink;
    let d = case_dir();
    let p = |n: &str| d.path().join(n);
    symlink(p("b.json"), p("a.json")).unwrap();
    symlink(p("a.json"), p("b.json")).unwrap();
    symlink(p("self.tf"), p("self.tf")).unwrap();
    // A directory link back to its parent: never followed while walking.
    symlink(d.path(), p("loop")).unwrap();
    let dir = path_str(d.path());
    let why = "symbolic link loop (too many levels of symbolic links)";
    check(
        "symbolic link loop",
        &dir,
        &[&dir],
        &expect(
            2,
            &[
                &format!("a.json: {why}"),
                &format!("b.json: {why}"),
                &format!("self.tf: {why}"),
            ],
            &[GOOD_JSON, GOOD_TF],
            2,
            3,
        ),
    );
    // Given by name, as pre-commit would.
    let a = path_str(&p("a.json"));
    let good = path_str(&p("good.json"));
    check(
        "symbolic link loop (file list)",
        &dir,
        &[&a, &good],
        &expect(2, &[&format!("a.json: {why}")], &[GOOD_JSON], 1, 1),
    );
}

/// Unreadable files and directories. Root reads through permissions, so as
/// root idlint runs without the capabilities that allow it (`setpriv`), and
/// the test says so and passes where that is not possible.
#[cfg(unix)]
#[test]
fn unreadable_files_are_errors() {
    use std::os::unix::fs::PermissionsExt;
    let d = case_dir();
    let p = |n: &str| d.path().join(n);
    std::fs::write(p("secret.json"), GOOD_JSON_TEXT).unwrap();
    std::fs::write(p("secret.tf"), GOOD_TF_TEXT.replace("good", "secret")).unwrap();
    std::fs::create_dir(p("locked")).unwrap();
    std::fs::write(p("locked/inner.json"), GOOD_JSON_TEXT).unwrap();
    let none = std::fs::Permissions::from_mode(0o000);
    for n in ["secret.json", "secret.tf", "locked"] {
        std::fs::set_permissions(p(n), none.clone()).unwrap();
    }
    let dir = path_str(d.path());
    let args = ["check", "--format", "json", "--select", "MID004", &dir];
    let privileged = std::fs::read(p("secret.json")).is_ok();
    let out = if !privileged {
        idlint(&args)
    } else {
        let o = std::process::Command::new("setpriv")
            .arg("--bounding-set=-dac_override,-dac_read_search")
            .arg(env!("CARGO_BIN_EXE_idlint"))
            .args(args)
            .env("NO_COLOR", "1")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output();
        match o {
            Ok(o) if !stderr(&o).contains("setpriv:") => o,
            other => {
                eprintln!("unreadable_files_are_errors: running as root and cannot drop the capability to read anything ({other:?}); not tested");
                return;
            }
        }
    };
    for n in ["secret.json", "secret.tf", "locked"] {
        std::fs::set_permissions(p(n), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    assert_run(
        "unreadable",
        &dir,
        &out,
        &expect(
            2,
            &[
                "locked: permission denied",
                "secret.json: permission denied",
                "secret.tf: permission denied",
            ],
            &[GOOD_JSON, GOOD_TF],
            2,
            3,
        ),
    );
}

// ------------------------------------------------------ fuzz regressions

#[path = "../../fuzz/harness.rs"]
mod harness;

/// Every input the fuzzers found a crash, hang or blow-up with, kept in
/// `testdata/fuzz/<target>/`, run through the same code as its target
/// (`fuzz/harness.rs`): no panic. Their bounds are step and size limits
/// the code enforces; the time taken is printed, never asserted.
#[test]
fn fuzz_regressions() {
    type Target = fn(&[u8]);
    let targets: [(&str, Target); 5] = [
        ("jsonc", harness::jsonc),
        ("bicep", harness::bicep),
        ("arm_expr", harness::arm_expr),
        ("hcl", harness::hcl),
        ("tf_eval", harness::tf_eval),
    ];
    let mut dirs: Vec<String> = std::fs::read_dir("testdata/fuzz")
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    for d in &dirs {
        assert!(
            targets.iter().any(|(t, _)| t == d),
            "testdata/fuzz/{d}: no such fuzz target"
        );
    }
    for (target, run) in targets {
        let Ok(rd) = std::fs::read_dir(format!("testdata/fuzz/{target}")) else {
            continue;
        };
        let mut inputs: Vec<_> = rd.map(|e| e.unwrap().path()).collect();
        inputs.sort();
        for p in inputs {
            let data = std::fs::read(&p).unwrap();
            run(&data);
        }
    }
}

/// What `idlint check` reports for each regression input it can read: a
/// located error where a bound was hit, and the findings it still proves.
#[test]
fn fuzz_regressions_through_the_binary() {
    let steps = |what: &str| {
        format!("evaluation stopped after 500000 steps, too many to follow ({what}); later values are unknown")
    };
    let arm = steps("lambdas nested over long arrays?");
    let tf = steps("`for` expressions or directives nested over long lists?");
    let nested = "nested deployments deeper than 32 levels (does a template contain itself?); not loaded further";
    let cases = [
        (
            "jsonc/nested-template-contains-itself.json",
            "t.json",
            expect(2, &[&format!("t.json:7:14: {nested}")], &[], 1, 0),
        ),
        (
            "jsonc/copy-loops-in-nested-deployments.json",
            "t.json",
            expect(1, &[], &["t.json:1"], 1, 0),
        ),
        (
            "jsonc/nested-lambdas-over-ranges.json",
            "t.json",
            expect(2, &[&format!("t.json:5:10: {arm}")], &[], 1, 0),
        ),
        (
            "hcl/nested-for-expressions.tf",
            "main.tf",
            expect(2, &[&format!("main.tf:3:87: {tf}")], &[], 1, 0),
        ),
        (
            "hcl/nested-template-directives.tf",
            "main.tf",
            expect(2, &[&format!("main.tf:3:84: {tf}")], &[], 1, 0),
        ),
    ];
    for (input, name, want) in cases {
        let d = tempfile::tempdir().unwrap();
        std::fs::copy(format!("testdata/fuzz/{input}"), d.path().join(name)).unwrap();
        let dir = path_str(d.path());
        check(input, &dir, &[&dir], &want);
    }
}

/// More resource instances than a template may have (ARM itself allows 800):
/// the first 4096 load, the rest is reported as not loaded.
#[test]
fn too_many_resources_are_cut_with_an_error() {
    let d = case_dir();
    let storage = "{\"type\": \"Microsoft.Storage/storageAccounts\", \"name\": \"s\"}";
    let mut lines = vec![format!("{TEMPLATE}, \"resources\": [")];
    lines.extend(std::iter::repeat_n(format!("{storage},"), 5000));
    lines.push(format!("{ACR}]}}"));
    std::fs::write(d.path().join("many.json"), lines.join("\n")).unwrap();
    let dir = path_str(d.path());
    check(
        "5000 resources",
        &dir,
        &[&dir],
        &expect(
            2,
            &["many.json:4098:1: more than 4096 resource instances; the rest of the template is not loaded"],
            &[GOOD_JSON, GOOD_TF],
            3,
            0,
        ),
    );
}
