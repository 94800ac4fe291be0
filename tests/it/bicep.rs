//! Bicep source end to end: findings at the Bicep line and column, and a
//! file that does not parse as a located error that stops nothing else.

use crate::support::scan;
use std::path::Path;

fn places(rule: &str) -> Vec<(String, u32, u32)> {
    let r = scan(&[Path::new("testdata/bicep")], &[]);
    r.diagnostics
        .iter()
        .filter(|d| d.rule_id == rule)
        .map(|d| (d.file.clone(), d.line, d.column))
        .collect()
}

#[test]
fn findings_point_at_the_bicep_source() {
    let main = "testdata/bicep/main.bicep".to_string();
    assert_eq!(places("SEC003"), vec![(main.clone(), 2, 30)]);
    assert_eq!(places("MID003"), vec![(main.clone(), 11, 5)]);
    assert_eq!(places("MID006"), vec![(main.clone(), 23, 11)]);
    assert_eq!(places("SEC005"), vec![(main, 38, 1)]);
}

#[test]
fn a_bicep_file_that_does_not_parse_is_a_located_error() {
    let r = scan(&[Path::new("testdata/bicep")], &[]);
    let e: Vec<_> = r
        .errors
        .iter()
        .filter(|e| e.file.ends_with("broken.bicep"))
        .collect();
    assert_eq!(e.len(), 1, "{:?}", r.errors);
    assert_eq!(e[0].line, Some(1));
    // The other file is still scanned.
    assert!(!places("SEC003").is_empty());
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const ACR: &str = "resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr1'
  location: 'westeurope'
  sku: { name: 'Basic' }
  properties: {
    adminUserEnabled: true
  }
}
";

/// `main.json` as `bicep build` writes it: it says Bicep made it.
const COMPILED: &str = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": { "_generator": { "name": "bicep", "version": "0.30.0" } },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acr1",
      "location": "westeurope",
      "sku": { "name": "Basic" },
      "properties": { "adminUserEnabled": true }
    }
  ]
}
"#;

fn mid004(
    dir: &Path,
    mode: Option<idlint::config::BicepMode>,
) -> (Vec<String>, Vec<(String, String)>) {
    let config = idlint::config::Config {
        bicep: mode,
        ..Default::default()
    };
    let r = crate::support::scan_with(&[dir], &["MID004"], config);
    let files = r
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}",
                Path::new(&d.file).file_name().unwrap().to_string_lossy(),
                d.line
            )
        })
        .collect();
    (files, r.skipped.clone())
}

#[test]
fn the_compiled_json_beside_its_source_is_skipped_unless_configured() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "main.bicep", ACR);
    write(d.path(), "main.json", COMPILED);
    let (found, skipped) = mid004(d.path(), None);
    assert_eq!(found, vec!["main.bicep:6"]);
    assert!(
        skipped
            .iter()
            .any(|(f, why)| f.ends_with("main.json") && why.contains("compiled from main.bicep")),
        "{skipped:?}"
    );
    let (found, _) = mid004(d.path(), Some(idlint::config::BicepMode::Compiled));
    assert_eq!(found, vec!["main.json:12"]);
    let (mut found, _) = mid004(d.path(), Some(idlint::config::BicepMode::Both));
    found.sort();
    assert_eq!(found, vec!["main.bicep:6", "main.json:12"]);
}

#[test]
fn a_hand_written_json_template_beside_a_bicep_file_is_still_scanned() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "main.bicep", "param x string = 'a'\n");
    write(
        d.path(),
        "main.json",
        &COMPILED.replace(
            r#""metadata": { "_generator": { "name": "bicep", "version": "0.30.0" } },"#,
            "",
        ),
    );
    let (found, _) = mid004(d.path(), None);
    assert_eq!(found, vec!["main.json:12"]);
}

#[test]
fn a_finding_in_a_module_points_at_the_module_file_and_names_the_call() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.bicep",
        "module reg './registry.bicep' = {\n  name: 'reg'\n  params: {\n    admin: true\n  }\n}\n",
    );
    write(
        d.path(),
        "registry.bicep",
        "param admin bool = false\nresource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acr1'\n  location: 'westeurope'\n  sku: { name: 'Basic' }\n  properties: {\n    adminUserEnabled: admin\n  }\n}\n",
    );
    let r = crate::support::scan(&[d.path()], &["MID004"]);
    assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
    let f = &r.diagnostics[0];
    assert!(f.file.ends_with("registry.bicep"), "{}", f.file);
    assert_eq!((f.line, f.column), (7, 5));
    assert!(
        f.message.contains("(in module reg called at ") && f.message.ends_with("main.bicep:1)"),
        "{}",
        f.message
    );
}

#[test]
fn a_cycle_of_modules_is_an_error_not_a_hang() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a.bicep",
        "module b './b.bicep' = {\n  name: 'b'\n}\n",
    );
    write(
        d.path(),
        "b.bicep",
        "module a './a.bicep' = {\n  name: 'a'\n}\n",
    );
    let r = crate::support::scan(&[d.path()], &[]);
    assert!(
        r.errors.iter().any(|e| e.message.contains("calls itself")),
        "{:?}",
        r.errors
    );
}

#[test]
fn a_module_outside_the_scan_root_is_not_read() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.bicep", ACR);
    let d = tempfile::tempdir().unwrap();
    let rel = format!("{}/secret.bicep", outside.path().display());
    write(
        d.path(),
        "main.bicep",
        &format!("module m '{rel}' = {{\n  name: 'm'\n}}\n"),
    );
    let settings = idlint::Settings {
        root: Some(d.path().to_path_buf()),
        ..Default::default()
    };
    let r = idlint::lint(&[d.path().to_path_buf()], &settings).unwrap();
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert!(
        r.errors.iter().any(|e| e.message.contains("not loaded")),
        "{:?}",
        r.errors
    );
}

#[test]
fn inline_suppressions_work_in_bicep() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.bicep",
        &ACR.replace(
            "    adminUserEnabled: true",
            "    // idlint:ignore MID004 the build agent needs it until the pipeline moves\n    adminUserEnabled: true",
        ),
    );
    let r = crate::support::scan(&[d.path()], &["MID004"]);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(r.suppressed.len(), 1);
}

#[test]
fn bicepparam_values_reach_the_template() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.bicep",
        &ACR.replace("adminUserEnabled: true", "adminUserEnabled: admin")
            .replace("resource acr", "param admin bool = false\nresource acr"),
    );
    write(
        d.path(),
        "main.bicepparam",
        "using './main.bicep'\nparam admin = true\n",
    );
    let (found, _) = mid004(d.path(), None);
    assert_eq!(found, vec!["main.bicep:7"]);
}

#[test]
fn a_bicep_file_named_alone_gets_its_bicepparam_values() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.bicep",
        &ACR.replace("adminUserEnabled: true", "adminUserEnabled: admin")
            .replace("resource acr", "param admin bool = false\nresource acr"),
    );
    write(
        d.path(),
        "main.bicepparam",
        "using './main.bicep'\nparam admin = true\n",
    );
    write(d.path(), "other.bicep", ACR);
    let main = d.path().join("main.bicep");
    let r = crate::support::scan(&[main.as_path()], &["MID004"]);
    let found: Vec<String> = r
        .diagnostics
        .iter()
        .map(|f| {
            format!(
                "{}:{}",
                Path::new(&f.file).file_name().unwrap().to_string_lossy(),
                f.line
            )
        })
        .collect();
    // The sibling template is not named, so not reported.
    assert_eq!(found, vec!["main.bicep:7"]);
}
