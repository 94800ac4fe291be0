//! Bad input gets a located error, never a panic, and never stops the scan
//! of the other files.

use crate::support::scan;
use std::path::Path;

const TEMPLATE_HEAD: &str = r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": "#;

/// A valid template with one MID004 finding, written next to the bad file so
/// each test also proves the rest of the scan went on.
fn write_good_neighbour(dir: &Path) {
    std::fs::write(
        dir.join("good.json"),
        format!(
            r#"{TEMPLATE_HEAD}[{{"type": "Microsoft.ContainerRegistry/registries", "name": "acr", "properties": {{"adminUserEnabled": true}}}}]}}"#
        ),
    )
    .unwrap();
}

/// Scans a directory holding `name` with `bytes` and a good neighbour;
/// returns the error messages for `name` (with line:col when located).
fn errors_for(name: &str, bytes: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    write_good_neighbour(dir.path());
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let report = scan(&[dir.path()], &[]);
    assert_eq!(
        report
            .diagnostics
            .iter()
            .filter(|d| d.file.ends_with("good.json"))
            .count(),
        1,
        "the good neighbour is still scanned"
    );
    report
        .errors
        .iter()
        .filter(|e| e.file.ends_with(name))
        .map(|e| match (e.line, e.column) {
            (Some(l), Some(c)) => format!("{l}:{c}: {}", e.message),
            _ => e.message.clone(),
        })
        .collect()
}

#[test]
fn invalid_json_is_located() {
    let e = errors_for(
        "bad.json",
        b"{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"a\": [1 2]\n}",
    );
    assert_eq!(e, ["3:11: invalid JSON: expected `,` or `]`, found `2`"]);
}

#[test]
fn invalid_expressions_are_located_at_the_character() {
    let t = format!(
        "{TEMPLATE_HEAD}[\n {{\"type\": \"Microsoft.Storage/storageAccounts\", \"name\": \"[concat('a' 'b')]\"}}]}}"
    );
    let e = errors_for("expr.json", t.as_bytes());
    assert_eq!(e, ["2:69: invalid template expression: expected `,` or `)` in the arguments of `concat`, found `'`"]);
}

#[test]
fn resources_of_the_wrong_type_are_located() {
    let t = format!("{TEMPLATE_HEAD}\"nope\"}}");
    let e = errors_for("wrong.json", t.as_bytes());
    assert_eq!(
        e,
        ["1:109: `resources` must be an array or an object, found a string"]
    );
}

#[test]
fn undeclared_parameters_are_located() {
    let t = format!("{TEMPLATE_HEAD}[{{\"type\": \"Microsoft.Storage/storageAccounts\", \"name\": \"[parameters('nope')]\"}}]}}");
    let e = errors_for("undeclared.json", t.as_bytes());
    assert_eq!(e, ["1:164: parameter `nope` is not declared"]);
}

#[test]
fn duplicate_keys_are_reported() {
    let t = format!("{TEMPLATE_HEAD}[], \"outputs\": {{}}, \"outputs\": {{}}}}");
    let e = errors_for("dup.json", t.as_bytes());
    assert_eq!(e, ["1:128: duplicate key \"outputs\": ARM uses the last value, so the earlier one is ignored"]);
}

#[test]
fn empty_binary_and_non_utf8_files() {
    // An empty `.json` names no ARM schema: skipped, not an error.
    assert!(errors_for("empty.json", b"").is_empty());
    assert_eq!(
        errors_for("bin.json", b"{\"a\": \"\0\"}"),
        ["1:8: binary file (contains NUL bytes)"]
    );
    assert_eq!(
        errors_for("latin1.json", b"{\"a\": \"caf\xe9\"}"),
        ["1:11: file is not valid UTF-8 (byte 0xe9)"]
    );
}

#[test]
fn bom_and_utf16_templates_load() {
    let t = format!(
        r#"{TEMPLATE_HEAD}[{{"type": "Microsoft.ContainerRegistry/registries", "name": "b", "properties": {{"adminUserEnabled": true}}}}]}}"#
    );
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(t.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    for u in t.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    for (name, bytes) in [("bom.json", bom), ("utf16.json", utf16)] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        let report = scan(&[dir.path()], &["MID004"]);
        assert!(report.errors.is_empty(), "{name}: {:?}", report.errors);
        assert_eq!(report.diagnostics.len(), 1, "{name}");
        assert_eq!(
            (report.diagnostics[0].line, report.diagnostics[0].column),
            (1, 189),
            "{name}"
        );
    }
}

#[test]
fn huge_files_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    write_good_neighbour(dir.path());
    let f = std::fs::File::create(dir.path().join("huge.json")).unwrap();
    f.set_len(20 * 1024 * 1024).unwrap();
    let report = scan(&[dir.path()], &[]);
    assert_eq!(report.diagnostics.len(), 1);
    let e: Vec<&str> = report.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(e, ["file is 20.0 MiB, over the 16 MiB limit; not scanned"]);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{TEMPLATE_HEAD}{}", "[".repeat(100_000));
    let e = errors_for("deep.json", deep.as_bytes());
    assert_eq!(e.len(), 1);
    assert!(e[0].contains("nesting deeper than 256 levels"), "{e:?}");
}

#[cfg(unix)]
#[test]
fn broken_symlinks_and_loops() {
    let dir = tempfile::tempdir().unwrap();
    write_good_neighbour(dir.path());
    std::os::unix::fs::symlink(
        dir.path().join("gone.json"),
        dir.path().join("dangling.json"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let report = scan(&[dir.path()], &[]);
    assert_eq!(report.diagnostics.len(), 1);
    let e: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.file.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].0.ends_with("dangling.json") && e[0].1 == "broken symbolic link",
        "{e:?}"
    );
    // Given explicitly, too.
    let report = scan(&[&dir.path().join("dangling.json")], &[]);
    assert_eq!(report.errors[0].message, "broken symbolic link");
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_errors() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write_good_neighbour(dir.path());
    let p = dir.path().join("secret.json");
    std::fs::write(&p, "{}").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        // Running as root: permissions do not stop reads; nothing to test.
        return;
    }
    let report = scan(&[dir.path()], &[]);
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(report.errors[0].message, "permission denied");
}

#[test]
fn a_directory_named_like_a_template_is_walked_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("x.json");
    std::fs::create_dir(&d).unwrap();
    write_good_neighbour(&d);
    let report = scan(&[&d], &[]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.diagnostics.len(), 1);
}

#[test]
fn json_that_is_not_arm_is_skipped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    write_good_neighbour(dir.path());
    std::fs::write(dir.path().join("package.json"), r#"{"name": "x"}"#).unwrap();
    let report = scan(&[dir.path()], &[]);
    assert_eq!(report.summary.files, 1);
    assert_eq!(report.summary.skipped, 1);
    assert_eq!(report.summary.discovered, 2);
    assert_eq!(report.skipped[0].1, "JSON but not an ARM template");
}
