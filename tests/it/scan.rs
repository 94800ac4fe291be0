//! What a scan loads and what it reports: module trees, pre-commit file lists.

use crate::support::scan;
use std::path::Path;

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (p, text) in files {
        let path = dir.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

const CHILD: &str = r#"
variable "admin_enabled" {
  default = true
}
resource "azurerm_container_registry" "acr" {
  name          = "acr"
  admin_enabled = var.admin_enabled
}
"#;

#[test]
fn a_child_module_is_judged_with_its_callers_values() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        &[
            ("main.tf", "module \"app\" {\n  source        = \"./modules/app\"\n  admin_enabled = false\n}\n"),
            ("modules/app/main.tf", CHILD),
        ],
    );
    // The whole tree: the caller passes false, the child's default never applies.
    let report = scan(&[d.path()], &["MID004"]);
    assert!(
        report.diagnostics.is_empty(),
        "{:?}",
        report
            .diagnostics
            .iter()
            .map(|x| &x.message)
            .collect::<Vec<_>>()
    );
    // The child alone has only its default to go on.
    let report = scan(&[&d.path().join("modules/app")], &["MID004"]);
    assert_eq!(report.diagnostics.len(), 1);
}

#[test]
fn a_child_finding_names_the_call() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        &[
            (
                "main.tf",
                "module \"app\" {\n  source = \"./modules/app\"\n}\n",
            ),
            ("modules/app/main.tf", CHILD),
        ],
    );
    let report = scan(&[d.path()], &["MID004"]);
    assert_eq!(report.diagnostics.len(), 1);
    let m = &report.diagnostics[0].message;
    assert!(
        m.contains("via default of variable `admin_enabled` (in module.app called at "),
        "{m}"
    );
    assert!(m.ends_with("/main.tf:1)"), "{m}");
}

#[test]
fn a_single_terraform_file_is_read_with_its_module_but_reported_alone() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        &[
            (
                "variables.tf",
                "variable \"admin\" {\n  default = true\n}\n",
            ),
            (
                "main.tf",
                "resource \"azurerm_container_registry\" \"a\" {\n  admin_enabled = var.admin\n}\n",
            ),
            (
                "other.tf",
                "resource \"azurerm_container_registry\" \"b\" {\n  admin_enabled = true\n}\n",
            ),
        ],
    );
    let report = scan(&[&d.path().join("main.tf")], &["MID004"]);
    let files: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|x| x.file.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        files,
        ["main.tf"],
        "the default comes from variables.tf; other.tf is not reported"
    );
    assert_eq!(report.summary.files, 1);
}

#[test]
fn a_parameter_file_given_alone_is_read_with_its_template() {
    let d = tempfile::tempdir().unwrap();
    let template = r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      "parameters": {"admin": {"type": "bool", "defaultValue": false}},
      "resources": [{"type": "Microsoft.ContainerRegistry/registries", "name": "acr",
                     "properties": {"adminUserEnabled": "[parameters('admin')]"}}]}"#;
    let params = r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
      "parameters": {"admin": {"value": true}}}"#;
    write(
        d.path(),
        &[("main.json", template), ("main.parameters.json", params)],
    );
    // Given the template: its sibling parameter file applies.
    let report = scan(&[&d.path().join("main.json")], &["MID004"]);
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(
        report.diagnostics[0].related[0].file.rsplit('/').next(),
        Some("main.parameters.json")
    );
    // Given only the parameter file: the template is context, not reported.
    let report = scan(&[&d.path().join("main.parameters.json")], &["MID004"]);
    assert!(report.diagnostics.is_empty());
    assert_eq!(report.summary.files, 1);
}

#[test]
fn tfvars_without_a_module_are_still_checked() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        &[
            ("dev.tfvars", "admin = true\n"),
            ("bad.tfvars", "admin = = true\n"),
        ],
    );
    let report = scan(&[d.path()], &[]);
    assert_eq!(report.summary.files, 1);
    assert_eq!(report.errors.len(), 1);
    assert!(
        report.errors[0].message.starts_with("invalid HCL"),
        "{:?}",
        report.errors[0]
    );
}
