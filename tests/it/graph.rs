//! Instances of one declaration (`count`, `for_each`, `copy`) are one
//! finding per place, and `inspect` shows what the identity graph sees.

use crate::support::{idlint, scan, stdout};

const TF: &str = r#"
data "azurerm_subscription" "current" {}

resource "azurerm_role_assignment" "counted" {
  count                = 3
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Owner"
  principal_id         = azurerm_linux_web_app.app[count.index].identity[0].principal_id
}

resource "azurerm_role_assignment" "keyed" {
  for_each             = toset(["blue", "green"])
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_linux_web_app.app[0].identity[0].principal_id
}

resource "azurerm_linux_web_app" "app" {
  count = 3
  name  = "app-${count.index}"
  identity {
    type = "SystemAssigned"
  }
}
"#;

const ARM: &str = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "[concat('app-', copyIndex())]",
      "copy": { "name": "apps", "count": 3 }, "identity": { "type": "SystemAssigned" } },
    { "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01",
      "name": "[guid(resourceGroup().id, string(copyIndex()))]",
      "copy": { "name": "grants", "count": 3 },
      "properties": {
        "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')]",
        "principalId": "[reference(resourceId('Microsoft.Web/sites', concat('app-', copyIndex())), '2022-03-01', 'full').identity.principalId]"
      } }
  ]
}"#;

#[test]
fn instances_report_once_per_place_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("tf")).unwrap();
    std::fs::write(dir.path().join("tf/main.tf"), TF).unwrap();
    std::fs::write(dir.path().join("arm.json"), ARM).unwrap();
    let report = scan(&[dir.path()], &["RBAC001"]);
    let lines: Vec<(String, u32)> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.rsplit('/').next().unwrap().to_string(), d.line))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("arm.json".to_string(), 10),
            ("main.tf".to_string(), 7),
            ("main.tf".to_string(), 14),
        ]
    );
}

#[test]
fn inspect_shows_identities_grants_and_instances() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.tf"), TF).unwrap();
    let out = idlint(&["inspect", dir.path().to_str().unwrap()]);
    let units: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let unit = &units[0];
    let apps: Vec<_> = unit["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["name"] == "azurerm_linux_web_app.app")
        .map(|r| (r["instance"].clone(), r["instances"].clone()))
        .collect();
    assert_eq!(apps.len(), 3);
    assert_eq!(apps[1], (serde_json::json!("[1]"), serde_json::json!(3)));
    let first = unit["identities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["identity"] == "system-assigned identity of azurerm_linux_web_app.app[0]")
        .expect("identity of the first instance");
    let grants: Vec<_> = first["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["by"].as_str().unwrap(), g["role"].as_str().unwrap()))
        .collect();
    assert_eq!(
        grants,
        vec![
            ("azurerm_role_assignment.counted[0]", "Owner"),
            ("azurerm_role_assignment.keyed[\"blue\"]", "Contributor"),
            ("azurerm_role_assignment.keyed[\"green\"]", "Contributor"),
        ]
    );
}
