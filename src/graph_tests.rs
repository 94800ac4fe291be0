//! The identity graph and lifecycle facts, through both loaders: the same
//! questions must get the same answers from ARM and Terraform. Here, not in
//! `model/`, which knows no loader.

use crate::model::graph::{GrantKind, IdField, IdentityKind, UseKind};
use crate::model::{InstanceKey, Replace, ResId, ResourceRef, Role, ScopeLevel, Tri, Unit, Value};
use crate::source::SourceFile;
use std::path::PathBuf;
use std::sync::Arc;

fn arm(text: &str) -> Unit {
    let doc = crate::source::jsonc::parse(text).expect("template parses");
    let src = Arc::new(SourceFile::new(PathBuf::from("t.json"), text.to_string()));
    crate::arm::load(src, &doc.root, None)
}

fn tf(text: &str) -> (tempfile::TempDir, Unit) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.tf");
    std::fs::write(&path, text).unwrap();
    let src = Arc::new(SourceFile::new(path, text.to_string()));
    let f = crate::terraform::parse_file(src, crate::model::FileId(0))
        .ok()
        .expect("parses");
    let roots = crate::source::roots::Roots::new(dir.path()).unwrap();
    let loaded = crate::terraform::load(dir.path().to_path_buf(), vec![f], Vec::new(), 1, &roots);
    assert!(
        loaded.unit.errors.is_empty(),
        "load errors: {:?}",
        loaded.unit.errors
    );
    (dir, loaded.unit)
}

/// The only resource with this key (ARM: `type/name`, Terraform: address).
fn one(unit: &Unit, key: &str) -> ResId {
    let ids = all(unit, key);
    assert_eq!(ids.len(), 1, "{key}: {ids:?}");
    ids[0]
}

fn all(unit: &Unit, key: &str) -> Vec<ResId> {
    unit.lookup(&ResourceRef {
        ty: String::new(),
        key: key.to_string(),
    })
}

fn role_name(r: &Role) -> &str {
    match r {
        Role::BuiltIn(b) => b.name,
        Role::Guid(g) => g,
        _ => "?",
    }
}

const ARM: &str = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": { "opsGroup": { "type": "string" } },
  "variables": {
    "uamiId": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami')]",
    "reader": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')]"
  },
  "resources": [
    { "type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31", "name": "uami", "location": "westeurope" },
    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "sa", "location": "westeurope" },
    {
      "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "app", "location": "westeurope",
      "identity": { "type": "SystemAssigned, UserAssigned", "userAssignedIdentities": { "[variables('uamiId')]": {} } },
      "properties": { "siteConfig": { "appSettings": [
        { "name": "AZURE_CLIENT_ID", "value": "[reference(variables('uamiId'), '2023-01-31').clientId]" },
        { "name": "OTHER", "value": "x" }
      ] } }
    },
    {
      "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid('app-blob')]",
      "scope": "[resourceId('Microsoft.Storage/storageAccounts', 'sa')]",
      "properties": {
        "roleDefinitionId": "[variables('reader')]",
        "principalId": "[reference(resourceId('Microsoft.Web/sites', 'app'), '2022-03-01', 'full').identity.principalId]",
        "principalType": "ServicePrincipal"
      }
    },
    {
      "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid('uami-rg')]",
      "properties": {
        "roleDefinitionId": "[variables('reader')]",
        "principalId": "[reference(variables('uamiId'), '2023-01-31').principalId]"
      }
    },
    {
      "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid('wrong')]",
      "properties": {
        "roleDefinitionId": "[variables('reader')]",
        "principalId": "[reference(variables('uamiId'), '2023-01-31').clientId]"
      }
    },
    {
      "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid('ops')]",
      "properties": { "roleDefinitionId": "[variables('reader')]", "principalId": "[parameters('opsGroup')]" }
    },
    {
      "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-02-01", "name": "kv", "location": "westeurope",
      "properties": { "tenantId": "[subscription().tenantId]", "accessPolicies": [
        { "tenantId": "[subscription().tenantId]", "objectId": "[reference(resourceId('Microsoft.Web/sites', 'app'), '2022-03-01', 'full').identity.principalId]", "permissions": { "secrets": ["get"] } },
        { "tenantId": "[subscription().tenantId]", "objectId": "11111111-2222-3333-4444-555555555555", "permissions": { "secrets": ["list"] } }
      ] }
    },
    { "type": "Microsoft.DocumentDB/databaseAccounts", "apiVersion": "2023-04-15", "name": "cosmos", "location": "westeurope" },
    {
      "type": "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments", "apiVersion": "2023-04-15",
      "name": "[format('{0}/{1}', 'cosmos', guid('data'))]",
      "properties": {
        "roleDefinitionId": "[resourceId('Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions', 'cosmos', '00000000-0000-0000-0000-000000000002')]",
        "principalId": "[reference(variables('uamiId'), '2023-01-31').principalId]",
        "scope": "[resourceId('Microsoft.DocumentDB/databaseAccounts', 'cosmos')]"
      }
    }
  ]
}"#;

#[test]
fn arm_identities_grants_and_uses() {
    let unit = arm(ARM);
    let g = &unit.graph;
    let app = one(&unit, "microsoft.web/sites/app");
    let uami = one(
        &unit,
        "microsoft.managedidentity/userassignedidentities/uami",
    );
    let sa = one(&unit, "microsoft.storage/storageaccounts/sa");
    let kv = one(&unit, "microsoft.keyvault/vaults/kv");
    let cosmos = one(&unit, "microsoft.documentdb/databaseaccounts/cosmos");

    // Does the app have a system-assigned identity, and which grants does it have?
    let sys = g.system(app).expect("app has a system identity");
    assert_eq!(g.identity(sys).declared, Tri::Yes);
    let mut grants: Vec<_> = g
        .grants_of(sys)
        .map(|gr| (gr.kind, role_name(&gr.role).to_string(), gr.scope.clone()))
        .collect();
    grants.sort_by_key(|x| format!("{x:?}"));
    assert_eq!(
        grants,
        vec![
            (GrantKind::AccessPolicy, "?".into(), vec![kv]),
            (
                GrantKind::RoleAssignment,
                "Storage Blob Data Reader".into(),
                vec![sa]
            ),
        ]
    );
    // By scope: the storage account's grants are the app's.
    let on_sa: Vec<_> = g
        .grants_on(sa)
        .flat_map(|gr| gr.principals.clone())
        .collect();
    assert_eq!(on_sa, vec![sys]);

    // The user-assigned identity: attached to the app, its client ID in
    // `AZURE_CLIENT_ID`, its principal given roles, its client ID given
    // where a principal belongs.
    let user = g.user(uami).expect("identity of the uami resource");
    assert_eq!(g.identities_of(app), vec![sys, user]);
    let uses: Vec<_> = g
        .uses_of(user)
        .map(|u| (u.kind, u.field, u.name.clone(), u.resource))
        .collect();
    assert!(uses.contains(&(UseKind::Attach, IdField::Resource, None, app)));
    assert!(uses.contains(&(
        UseKind::Value,
        IdField::Client,
        Some("AZURE_CLIENT_ID".into()),
        app
    )));
    let fields: Vec<_> = g
        .grants_of(user)
        .map(|gr| (gr.kind, gr.field, gr.level))
        .collect();
    assert_eq!(
        fields,
        vec![
            (
                GrantKind::RoleAssignment,
                Some(IdField::Principal),
                Some(ScopeLevel::ResourceGroup)
            ),
            (
                GrantKind::RoleAssignment,
                Some(IdField::Client),
                Some(ScopeLevel::ResourceGroup)
            ),
            (
                GrantKind::CosmosSqlRole,
                Some(IdField::Principal),
                Some(ScopeLevel::Resource)
            ),
        ]
    );
    let cosmos_grant = g.grants_on(cosmos).next().expect("cosmos data role");
    assert_eq!(
        role_name(&cosmos_grant.role),
        "00000000-0000-0000-0000-000000000002"
    );
    // Resource-group grants name no declared resource: indexed by level.
    assert_eq!(g.grants_at(ScopeLevel::ResourceGroup).count(), 3);

    // External principals: an input and a literal object ID.
    let ops = g
        .find(&IdentityKind::Input("opsGroup".into()))
        .expect("input principal");
    assert_eq!(g.grants_of(ops).count(), 1);
    let guid = g
        .find(&IdentityKind::Guid(
            "11111111-2222-3333-4444-555555555555".into(),
        ))
        .expect("literal principal");
    assert_eq!(
        g.grants_of(guid).map(|gr| gr.kind).collect::<Vec<_>>(),
        vec![GrantKind::AccessPolicy]
    );
}

#[test]
fn arm_id_references_resolve_to_their_identity() {
    let unit = arm(ARM);
    let g = &unit.graph;
    let app = one(&unit, "microsoft.web/sites/app");
    let uami = one(
        &unit,
        "microsoft.managedidentity/userassignedidentities/uami",
    );
    let (sys, user) = (g.system(app).unwrap(), g.user(uami).unwrap());
    // Role assignments in template order.
    let principal_of = |name: &str| -> Value {
        let i = ["app-blob", "uami-rg", "wrong", "ops"]
            .iter()
            .position(|n| *n == name)
            .unwrap();
        let ra = &unit.role_assignments[i];
        ra.principal_entry.as_ref().unwrap().value.clone()
    };
    assert_eq!(
        g.denoted(&unit, &principal_of("app-blob")),
        vec![(sys, IdField::Principal)]
    );
    assert_eq!(
        g.denoted(&unit, &principal_of("uami-rg")),
        vec![(user, IdField::Principal)]
    );
    assert_eq!(
        g.denoted(&unit, &principal_of("wrong")),
        vec![(user, IdField::Client)]
    );
    // What the graph says each ID is, is what the evaluator produces.
    assert_eq!(
        g.identity(sys).principal_id.as_ref().map(|v| &v.kind),
        Some(&principal_of("app-blob").kind)
    );
    assert_eq!(
        g.identity(user).client_id.as_ref().map(|v| &v.kind),
        Some(&principal_of("wrong").kind)
    );
    // A literal resource ID of the identity names it too.
    let id = Value::string(
        "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/UAMI",
        Default::default(),
    );
    assert_eq!(g.denoted(&unit, &id), vec![(user, IdField::Resource)]);
    assert!(g
        .denoted(&unit, &Value::string("app", Default::default()))
        .is_empty());
}

const TF: &str = r#"
resource "azurerm_user_assigned_identity" "u" {
  name                = "u"
  location            = "westeurope"
  resource_group_name = "rg"
}

resource "azurerm_storage_account" "sa" {
  name = "sa"
}

resource "azurerm_linux_web_app" "app" {
  name = "app"
  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.u.id]
  }
  app_settings = {
    AZURE_CLIENT_ID = azurerm_user_assigned_identity.u.client_id
  }
}

resource "azurerm_role_assignment" "app" {
  scope                = azurerm_storage_account.sa.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_linux_web_app.app.identity[0].principal_id
}

resource "azurerm_role_assignment" "u" {
  scope                = azurerm_storage_account.sa.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.u.principal_id
}

resource "azurerm_linux_web_app" "fleet" {
  count = 3
  name  = "fleet-${count.index}"
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_role_assignment" "fleet" {
  count                = 3
  scope                = azurerm_storage_account.sa.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_linux_web_app.fleet[count.index].identity[0].principal_id
}

resource "azurerm_linux_web_app" "color" {
  for_each = toset(["blue", "green"])
  name     = "app-${each.key}"
  identity {
    type = "SystemAssigned"
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "azurerm_role_assignment" "green" {
  scope                = azurerm_storage_account.sa.id
  role_definition_name = "Owner"
  principal_id         = azurerm_linux_web_app.color["green"].identity[0].principal_id
}

variable "n" {
  type = number
}

resource "azurerm_linux_web_app" "unknown" {
  count = var.n
  name  = "u-${count.index}"
}

resource "azurerm_linux_web_app" "many" {
  count = 20
  name  = "many"
}

resource "azurerm_linux_web_app" "none" {
  count = 0
  name  = "none"
}

resource "azurerm_linux_web_app" "triggered" {
  name = "t"
  lifecycle {
    replace_triggered_by = [azurerm_user_assigned_identity.u]
  }
}
"#;

#[test]
fn terraform_identities_grants_and_uses() {
    let (_dir, unit) = tf(TF);
    let g = &unit.graph;
    let app = one(&unit, "azurerm_linux_web_app.app");
    let uami = one(&unit, "azurerm_user_assigned_identity.u");
    let sa = one(&unit, "azurerm_storage_account.sa");
    let sys = g.system(app).expect("system identity");
    let user = g.user(uami).expect("user identity");
    assert_eq!(g.identities_of(app), vec![sys, user]);
    let of_app: Vec<_> = g
        .grants_of(sys)
        .map(|gr| (role_name(&gr.role).to_string(), gr.scope.clone(), gr.field))
        .collect();
    assert_eq!(
        of_app,
        vec![(
            "Storage Blob Data Reader".to_string(),
            vec![sa],
            Some(IdField::Principal)
        )]
    );
    assert_eq!(g.grants_of(user).count(), 1);
    // One use per place, though the assignment's `principal_id` is also
    // mapped to `properties.principalId`.
    let uses: Vec<_> = g
        .uses_of(user)
        .map(|u| (u.kind, u.field, u.name.clone()))
        .collect();
    assert_eq!(
        uses,
        vec![
            (UseKind::Attach, IdField::Resource, None),
            (
                UseKind::Value,
                IdField::Client,
                Some("AZURE_CLIENT_ID".into())
            ),
            (
                UseKind::GrantPrincipal,
                IdField::Principal,
                Some("principalId".into())
            ),
        ]
    );
    // 1 + 1 + 3 + 1 grants on the storage account.
    assert_eq!(g.grants_on(sa).count(), 6);
}

#[test]
fn terraform_count_and_for_each_unroll_into_instances() {
    let (_dir, unit) = tf(TF);
    let g = &unit.graph;
    let fleet = all(&unit, "azurerm_linux_web_app.fleet");
    assert_eq!(fleet.len(), 3);
    let names: Vec<_> = fleet
        .iter()
        .map(|&r| unit.res(r).name.as_ref().unwrap().display())
        .collect();
    assert_eq!(names, ["fleet-0", "fleet-1", "fleet-2"]);
    // `[count.index]` selects one instance: each app gets exactly its own grant.
    for (i, &r) in fleet.iter().enumerate() {
        assert_eq!(unit.res(r).lifecycle.instance, Some(InstanceKey::Index(i)));
        let sys = g.system(r).unwrap();
        let grants: Vec<_> = g.grants_of(sys).collect();
        assert_eq!(grants.len(), 1, "instance {i}");
        assert_eq!(grants[0].principals, vec![sys]);
    }
    assert_eq!(all(&unit, "azurerm_linux_web_app.fleet[1]"), vec![fleet[1]]);
    assert!(all(&unit, "azurerm_linux_web_app.fleet[7]").is_empty());
    // One family of three, parallel.
    let f = unit.family(fleet[0]).expect("family");
    assert!(fleet.iter().all(|&r| unit.family(r) == Some(f)));
    assert_eq!(unit.families.get(f).members, fleet);
    assert_eq!(unit.families.get(f).parallel(), Some(true));
    let ra_family = unit
        .family(one_of(&unit, "azurerm_role_assignment.fleet"))
        .unwrap();
    assert_ne!(ra_family, f);

    // for_each over a set: keyed instances, `each.key` bound.
    let color = all(&unit, "azurerm_linux_web_app.color");
    let keys: Vec<_> = color
        .iter()
        .map(|&r| {
            let res = unit.res(r);
            (
                res.lifecycle.instance.clone().unwrap(),
                res.name.as_ref().unwrap().display(),
            )
        })
        .collect();
    assert_eq!(
        keys,
        vec![
            (InstanceKey::Key("blue".into()), "app-blue".to_string()),
            (InstanceKey::Key("green".into()), "app-green".to_string()),
        ]
    );
    let green = all(&unit, "azurerm_linux_web_app.color[\"green\"]");
    assert_eq!(green, vec![color[1]]);
    let owner: Vec<_> = g
        .grants_of(g.system(color[1]).unwrap())
        .map(|gr| role_name(&gr.role).to_string())
        .collect();
    assert_eq!(owner, ["Owner"]);
    assert_eq!(g.grants_of(g.system(color[0]).unwrap()).count(), 0);

    // Unknown count: one resource for all, count unknown.
    let unknown = one(&unit, "azurerm_linux_web_app.unknown");
    let l = &unit.res(unknown).lifecycle;
    assert_eq!(
        (l.instance.clone(), l.instances),
        (Some(InstanceKey::Unknown), None)
    );
    assert!(l.replicated.is_some());
    let f = unit.family(unknown).unwrap();
    assert_eq!(unit.families.get(f).parallel(), None);
    // Over the bound: one resource, count known.
    let many = one(&unit, "azurerm_linux_web_app.many");
    assert_eq!(unit.res(many).lifecycle.instances, Some(20));
    assert_eq!(
        unit.families.get(unit.family(many).unwrap()).parallel(),
        Some(true)
    );
    // None: the declaration is kept, known to make none.
    let none = one(&unit, "azurerm_linux_web_app.none");
    assert_eq!(unit.res(none).lifecycle.instances, Some(0));
    assert_eq!(
        unit.families.get(unit.family(none).unwrap()).parallel(),
        Some(false)
    );
    // Not replicated: no family.
    assert_eq!(unit.family(one(&unit, "azurerm_linux_web_app.app")), None);
}

fn one_of(unit: &Unit, key: &str) -> ResId {
    all(unit, key)[0]
}

#[test]
fn terraform_replacement() {
    let (_dir, unit) = tf(TF);
    let color = all(&unit, "azurerm_linux_web_app.color");
    let (why, _) = unit.replaceable(color[0]).expect("create_before_destroy");
    assert_eq!(why, Replace::CreateBeforeDestroy);
    let t = one(&unit, "azurerm_linux_web_app.triggered");
    assert_eq!(
        unit.replaceable(t).map(|x| x.0),
        Some(Replace::ReplaceTriggeredBy)
    );
    assert_eq!(
        unit.replaceable(one(&unit, "azurerm_linux_web_app.app")),
        None
    );
}

#[test]
fn arm_copy_families_and_volatile_names() {
    let unit = arm(r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": {
    "stamp": { "type": "string", "defaultValue": "[utcNow()]" },
    "count": { "type": "int" }
  },
  "resources": [
    { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "[concat('app-', copyIndex())]",
      "copy": { "name": "apps", "count": 3 }, "identity": { "type": "SystemAssigned" } },
    { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "[concat('dyn-', copyIndex())]",
      "copy": { "name": "dyn", "count": "[parameters('count')]" } },
    { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "[concat('rel-', parameters('stamp'))]",
      "identity": { "type": "SystemAssigned" } },
    { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "[concat('id-', newGuid())]" },
    { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "plain" }
  ]
}"#);
    let apps: Vec<ResId> = (0..3)
        .map(|i| one(&unit, &format!("microsoft.web/sites/app-{i}")))
        .collect();
    let f = unit.family(apps[0]).expect("copy family");
    assert_eq!(unit.families.get(f).members, apps);
    assert_eq!(unit.families.get(f).parallel(), Some(true));
    assert_eq!(
        unit.res(apps[2]).lifecycle.instance,
        Some(InstanceKey::Index(2))
    );
    // Each instance has its own system identity.
    let ids: Vec<_> = apps
        .iter()
        .map(|&a| unit.graph.system(a).unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[0] != ids[1] && ids[1] != ids[2]);

    let dyn_family = unit
        .resources
        .iter()
        .position(|r| r.label.contains("dyn"))
        .map(|i| ResId(i as u32))
        .unwrap();
    let l = &unit.res(dyn_family).lifecycle;
    assert_eq!(
        (l.instance.clone(), l.instances),
        (Some(InstanceKey::Unknown), None)
    );
    assert_eq!(
        unit.families
            .get(unit.family(dyn_family).unwrap())
            .parallel(),
        None
    );

    let volatile: Vec<_> = unit
        .resources
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            unit.replaceable(ResId(i as u32))
                .map(|(why, _)| (r.label.clone(), why))
        })
        .collect();
    assert_eq!(volatile.len(), 2, "{volatile:?}");
    assert!(volatile.iter().all(|(_, w)| *w == Replace::VolatileName));
    assert_eq!(
        unit.replaceable(one(&unit, "microsoft.web/sites/plain")),
        None
    );
}

#[test]
fn system_identity_referred_to_but_not_declared_is_no() {
    let unit = arm(r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "app" },
    { "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid('x')]",
      "properties": { "roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        "principalId": "[reference(resourceId('Microsoft.Web/sites', 'app'), '2022-03-01', 'full').identity.principalId]" } },
    { "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid('y')]",
      "properties": { "roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        "principalId": "[reference(resourceId('Microsoft.Web/sites', 'elsewhere'), '2022-03-01', 'full').identity.principalId]" } }
  ]
}"#);
    let g = &unit.graph;
    let app = one(&unit, "microsoft.web/sites/app");
    let sys = g.system(app).expect("referred to, so interned");
    assert_eq!(g.identity(sys).declared, Tri::No);
    let ext = g
        .find(&IdentityKind::ExternalSystem(
            "microsoft.web/sites/elsewhere".into(),
        ))
        .expect("undeclared resource");
    assert_eq!(g.identity(ext).declared, Tri::Unknown);
    assert_eq!(g.grants_of(ext).count(), 1);
}

#[test]
fn a_reference_to_too_many_resources_names_no_identity() {
    let mut resources = String::new();
    for _ in 0..100 {
        resources.push_str(
            r#"{ "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "[parameters('n')]", "identity": { "type": "SystemAssigned" } },
    { "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid('x')]",
      "properties": { "roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        "principalId": "[reference(resourceId('Microsoft.Web/sites', parameters('n')), '2022-03-01', 'full').identity.principalId]" } },
"#,
        );
    }
    let text = format!(
        r#"{{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": {{ "n": {{ "type": "string" }} }},
  "resources": [ {} ] }}"#,
        resources.trim_end().trim_end_matches(',')
    );
    let unit = arm(&text);
    let g = &unit.graph;
    assert_eq!(g.grants.len(), 100);
    assert!(g.grants.iter().all(|gr| gr.principals.is_empty()));
    assert_eq!(
        g.identities.len(),
        100,
        "the declared system identities only"
    );
}

#[test]
fn resource_ids_are_built_from_names() {
    let (_d, unit) = tf(r#"
resource "azurerm_resource_group" "rg" {
  name     = "platform-core"
  location = "westeurope"
}
resource "azurerm_key_vault" "kv" {
  name                = "kv-platform"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.rg.name
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
"#);
    let id = |key: &str| crate::model::ids::id_text(unit.res(one(&unit, key)));
    assert_eq!(
        id("azurerm_resource_group.rg").as_deref(),
        Some("/subscriptions/{subscription ID}/resourceGroups/platform-core")
    );
    assert_eq!(
        id("azurerm_key_vault.kv").as_deref(),
        Some("/subscriptions/{subscription ID}/resourceGroups/{resource group}/providers/Microsoft.KeyVault/vaults/kv-platform")
    );
}

#[test]
fn terraform_access_policies_and_cosmos_roles_are_grants() {
    let (_d, unit) = tf(r#"
resource "azurerm_user_assigned_identity" "u" {
  name = "id-orders"
}
resource "azurerm_linux_web_app" "app" {
  name = "app-orders"
  identity {
    type = "SystemAssigned"
  }
}
resource "azurerm_key_vault" "kv" {
  name = "kv-orders"
  access_policy {
    tenant_id          = "00000000-0000-0000-0000-000000000000"
    object_id          = azurerm_user_assigned_identity.u.principal_id
    secret_permissions = ["Get"]
  }
}
resource "azurerm_key_vault_access_policy" "app" {
  key_vault_id       = azurerm_key_vault.kv.id
  tenant_id          = "00000000-0000-0000-0000-000000000000"
  object_id          = azurerm_linux_web_app.app.identity[0].principal_id
  secret_permissions = ["Get", "List"]
}
resource "azurerm_cosmosdb_account" "db" {
  name = "cosmos-orders"
}
resource "azurerm_cosmosdb_sql_role_assignment" "app" {
  resource_group_name = "rg"
  account_name        = azurerm_cosmosdb_account.db.name
  role_definition_id  = "${azurerm_cosmosdb_account.db.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002"
  principal_id        = azurerm_linux_web_app.app.identity[0].principal_id
  scope               = azurerm_cosmosdb_account.db.id
}
"#);
    let g = &unit.graph;
    let kv = one(&unit, "azurerm_key_vault.kv");
    let db = one(&unit, "azurerm_cosmosdb_account.db");
    let u = g
        .user(one(&unit, "azurerm_user_assigned_identity.u"))
        .unwrap();
    let sys = g.system(one(&unit, "azurerm_linux_web_app.app")).unwrap();
    let kinds = |id| {
        g.grants_of(id)
            .map(|gr| (gr.kind, gr.scope.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(u), vec![(GrantKind::AccessPolicy, vec![kv])]);
    assert_eq!(
        kinds(sys),
        vec![
            (GrantKind::AccessPolicy, vec![kv]),
            (GrantKind::CosmosSqlRole, vec![db])
        ]
    );
    assert_eq!(g.grants_on(kv).count(), 2);
}

// ------------------------------------------------- role assignment facts

mod assignment_facts {
    use super::{arm, tf};
    use crate::model::assignment::{
        created_here, name_issue, principal_kind, Created, NameIssue, Part3, PrincipalKind,
        PrincipalType,
    };
    use crate::model::ScopeLevel;

    fn template(name: &str, extra_params: &str, scope: &str) -> String {
        format!(
            r#"{{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {{ "principalId": {{ "type": "string" }} {extra_params} }},
  "resources": [
    {{ "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st1", "location": "x" }},
    {{
      "type": "Microsoft.Authorization/roleAssignments",
      "apiVersion": "2022-04-01",
      {scope}
      "name": "{name}",
      "properties": {{
        "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')]",
        "principalId": "[parameters('principalId')]"
      }}
    }}
  ]
}}"#
        )
    }

    fn issue(name: &str, extra: &str, scope: &str) -> Option<NameIssue> {
        let unit = arm(&template(name, extra, scope));
        name_issue(&unit, &unit.role_assignments[0])
    }

    #[test]
    fn names_by_provenance() {
        let role = "'acdd72a7-3385-48ef-bd42-f606fba81ae7'";
        // All three: fine, whether the role is named by GUID or by its ID.
        assert_eq!(
            issue(
                &format!("[guid(resourceGroup().id, parameters('principalId'), {role})]"),
                "",
                ""
            ),
            None
        );
        assert_eq!(
            issue(
                "[guid(resourceGroup().id, parameters('principalId'), subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7'))]",
                "",
                ""
            ),
            None
        );
        assert_eq!(
            issue(
                "[guid(resourceGroup().id, parameters('principalId'))]",
                "",
                ""
            ),
            Some(NameIssue::GuidOmits(vec![Part3::Role]))
        );
        assert_eq!(
            issue(
                &format!("[guid(subscription().id, parameters('principalId'), {role})]"),
                "",
                ""
            ),
            Some(NameIssue::GuidOmits(vec![Part3::Scope]))
        );
        // Resource scope: named by its resourceId(), or left out.
        let scope = r#""scope": "Microsoft.Storage/storageAccounts/st1","#;
        assert_eq!(
            issue(
                &format!("[guid(resourceId('Microsoft.Storage/storageAccounts', 'st1'), parameters('principalId'), {role})]"),
                "",
                scope
            ),
            None
        );
        assert_eq!(
            issue(
                &format!("[guid(resourceGroup().id, parameters('principalId'), {role})]"),
                "",
                scope
            ),
            Some(NameIssue::GuidOmits(vec![Part3::Scope]))
        );
        // An input that is none of the three could be any of them.
        assert_eq!(
            issue(
                "[guid(resourceGroup().id, parameters('seed'))]",
                r#", "seed": { "type": "string" }"#,
                ""
            ),
            None
        );
        // A hand-written word may stand for the principal or the role.
        assert_eq!(
            issue("[guid(resourceGroup().id, 'deployer-reader')]", "", ""),
            None
        );
        assert!(matches!(
            issue("[parameters('n')]", r#", "n": { "type": "string", "defaultValue": "[newGuid()]" }"#, ""),
            Some(NameIssue::Volatile(f)) if f.starts_with("newGuid")
        ));
        assert!(matches!(
            issue("0e6f2d94-3b8c-4a17-9d52-8f1c7a3e6b20", "", ""),
            Some(NameIssue::LiteralGuid(_))
        ));
        assert_eq!(
            issue("[parameters('n')]", r#", "n": { "type": "string" }"#, ""),
            None
        );
    }

    #[test]
    fn older_form_is_an_assignment_on_its_resource() {
        let unit = arm(r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st1", "location": "x" },
    {
      "type": "Microsoft.Storage/storageAccounts/providers/roleAssignments",
      "apiVersion": "2022-04-01",
      "name": "[concat('st1', '/Microsoft.Authorization/', newGuid())]",
      "properties": {
        "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')]",
        "principalId": "11111111-2222-3333-4444-555555555555"
      }
    }
  ]
}"#);
        assert_eq!(unit.role_assignments.len(), 1);
        let ra = &unit.role_assignments[0];
        assert_eq!(ra.scope, Some(ScopeLevel::Resource));
        let target = ra.scope_target.as_ref().expect("target");
        assert_eq!(unit.lookup(target).len(), 1);
        assert!(matches!(
            name_issue(&unit, ra),
            Some(NameIssue::Volatile(_))
        ));
    }

    #[test]
    fn principals_from_terraform() {
        let (_d, unit) = tf(r#"
resource "azuread_service_principal" "sp" {
  client_id = "00000000-0000-0000-0000-000000000001"
}
data "azuread_user" "alice" {
  user_principal_name = "alice@contoso.com"
}
resource "azurerm_user_assigned_identity" "id" {
  name                = "id"
  resource_group_name = "rg"
  location            = "westeurope"
}
resource "azurerm_role_assignment" "sp" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_name = "Reader"
  principal_id         = azuread_service_principal.sp.object_id
}
resource "azurerm_role_assignment" "alice" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_name = "Reader"
  principal_id         = data.azuread_user.alice.object_id
}
resource "azurerm_role_assignment" "id" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_name = "Reader"
  principal_id         = azurerm_user_assigned_identity.id.principal_id
  principal_type       = "User"
}
"#);
        let kinds: Vec<PrincipalKind> = unit.role_assignments.iter().map(principal_kind).collect();
        assert!(matches!(
            &kinds[0],
            PrincipalKind::Entra(PrincipalType::ServicePrincipal, Some(_))
        ));
        assert!(matches!(
            &kinds[1],
            PrincipalKind::Entra(PrincipalType::User, Some(_))
        ));
        assert!(kinds[2].is_managed_identity());
        assert!(matches!(
            created_here(&unit, &kinds[0]),
            Some(Created::EntraObject(PrincipalType::ServicePrincipal, _))
        ));
        // A data source is read, not created.
        assert_eq!(created_here(&unit, &kinds[1]), None);
        assert!(matches!(
            created_here(&unit, &kinds[2]),
            Some(Created::ManagedIdentity(_))
        ));
    }
}

#[test]
fn arm_dependencies_declared_implied_and_generated() {
    let unit = arm(
        r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      "parameters": {"dep": {"type": "string"}},
      "resources": [
        {"type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31", "name": "id-a"},
        {"type": "Microsoft.Web/sites", "apiVersion": "2022-09-01", "name": "app",
         "dependsOn": ["id-a", "[parameters('dep')]", "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-a')]"],
         "properties": {
           "byName": "[reference('Microsoft.ManagedIdentity/userAssignedIdentities/id-a').principalId]",
           "byId": "[reference(resourceId('Microsoft.Storage/storageAccounts', 'st')).primaryEndpoints]"}},
        {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "module",
         "properties": {"expressionEvaluationOptions": {"scope": "inner"}, "mode": "Incremental",
           "template": {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
             "metadata": {"_generator": {"name": "bicep"}},
             "resources": [{"type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31", "name": "id-b"}]}}}
      ]}"#,
    );
    let app = unit.resources.iter().find(|r| r.label == "app").unwrap();
    assert_eq!(
        app.depends_on,
        vec![
            "id-a".to_string(),
            crate::model::resource::UNKNOWN_DEPENDENCY.to_string(),
            "microsoft.managedidentity/userassignedidentities/id-a".to_string(),
        ]
    );
    // reference() by name implies the dependency; by resource ID it does not.
    assert_eq!(
        app.implied_depends_on,
        vec!["microsoft.managedidentity/userassignedidentities/id-a".to_string()]
    );
    assert_eq!(app.dependencies, crate::model::Dependencies::Declared);
    let inner = unit.resources.iter().find(|r| r.label == "id-b").unwrap();
    assert_eq!(inner.dependencies, crate::model::Dependencies::Generated);
    let (_dir, tf_unit) = tf(r#"resource "azurerm_user_assigned_identity" "a" {
  name                = "id-a"
  location            = "westeurope"
  resource_group_name = "rg"
}"#);
    assert_eq!(
        tf_unit.resources[0].dependencies,
        crate::model::Dependencies::Inferred
    );
}
