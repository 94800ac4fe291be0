//! Module loading and evaluation over real directories.

use super::*;
use crate::model::value::{Attr, Kind, Unknown};
use crate::model::{Principal, Role, ScopeLevel, Unit};

/// Writes `files` (path, text) into a temp dir and loads its root module
/// with its automatic tfvars (and `extra_vars`, in order).
fn load_tree(
    files: &[(&str, &str)],
    extra_vars: &[&str],
) -> (tempfile::TempDir, Unit, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    for (p, text) in files {
        let path = dir.path().join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    // Parsed from the texts written above, not read back.
    let texts: std::collections::HashMap<PathBuf, &str> = files
        .iter()
        .map(|(p, t)| (dir.path().join(p), *t))
        .collect();
    let mut next = 0u32;
    let mut parse = |p: PathBuf| {
        let text = texts[&p].to_string();
        let f = parse_file(Arc::new(SourceFile::new(p, text)), FileId(next))
            .ok()
            .expect("parses");
        next += 1;
        f
    };
    let root_files: Vec<TfFile> = tf_files_in(dir.path())
        .into_iter()
        .map(&mut parse)
        .collect();
    let mut vars: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            n == "terraform.tfvars" || n.ends_with(".auto.tfvars")
        })
        .collect();
    vars.sort_by_key(|p| (!p.ends_with("terraform.tfvars"), p.clone()));
    vars.extend(extra_vars.iter().map(|v| dir.path().join(v)));
    let tfvars: Vec<TfFile> = vars.into_iter().map(&mut parse).collect();
    let roots = crate::source::roots::Roots::new(dir.path()).unwrap();
    let loaded = load(dir.path().to_path_buf(), root_files, tfvars, next, &roots);
    (dir, loaded.unit, loaded.child_dirs)
}

fn prop<'u>(unit: &'u Unit, key: &str, path: &str) -> &'u crate::model::Value {
    let r = unit
        .resources
        .iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("no resource {key}"));
    &r.prop(path)
        .unwrap_or_else(|| panic!("{key} has no {path}"))
        .value
}

const ACR: &str = r#"
variable "admin" {
  default = false
}
resource "azurerm_container_registry" "acr" {
  name          = "acr"
  admin_enabled = var.admin
}
"#;

#[test]
fn tfvars_precedence_later_wins() {
    let (_d, unit, _) = load_tree(&[("main.tf", ACR)], &[]);
    assert_eq!(
        prop(
            &unit,
            "azurerm_container_registry.acr",
            "properties.adminUserEnabled"
        )
        .as_bool(),
        Some(false)
    );
    let (_d, unit, _) = load_tree(
        &[("main.tf", ACR), ("terraform.tfvars", "admin = true\n")],
        &[],
    );
    let v = prop(
        &unit,
        "azurerm_container_registry.acr",
        "properties.adminUserEnabled",
    );
    assert_eq!(v.as_bool(), Some(true));
    assert_eq!(v.via[0].kind, crate::model::StepKind::Given);
    let (_d, unit, _) = load_tree(
        &[
            ("main.tf", ACR),
            ("terraform.tfvars", "admin = true\n"),
            ("b.auto.tfvars", "admin = false\n"),
            ("a.auto.tfvars", "admin = true\n"),
        ],
        &[],
    );
    assert_eq!(
        prop(
            &unit,
            "azurerm_container_registry.acr",
            "properties.adminUserEnabled"
        )
        .as_bool(),
        Some(false)
    );
    let (_d, unit, _) = load_tree(
        &[
            ("main.tf", ACR),
            ("b.auto.tfvars", "admin = false\n"),
            ("prod.tfvars", "admin = true\n"),
        ],
        &["prod.tfvars"],
    );
    assert_eq!(
        prop(
            &unit,
            "azurerm_container_registry.acr",
            "properties.adminUserEnabled"
        )
        .as_bool(),
        Some(true)
    );
}

#[test]
fn variables_without_default_are_unknown_inputs() {
    let (_d, unit, _) = load_tree(&[("main.tf", "variable \"admin\" {}\nresource \"azurerm_container_registry\" \"acr\" {\n  admin_enabled = var.admin\n}\n")], &[]);
    let v = prop(
        &unit,
        "azurerm_container_registry.acr",
        "properties.adminUserEnabled",
    );
    assert!(matches!(v.as_unknown(), Some(Unknown::Input { name, .. }) if name == "admin"));
}

#[test]
fn locals_in_any_order_and_cycles_reported() {
    let text = r#"
locals {
  b = "${local.a}-b"
  a = lower("A")
  c = local.d
  d = local.c
}
resource "azurerm_container_registry" "acr" {
  name = local.b
}
"#;
    let (_d, unit, _) = load_tree(&[("main.tf", text)], &[]);
    assert_eq!(
        prop(&unit, "azurerm_container_registry.acr", "name").as_str(),
        Some("a-b")
    );
    let cycles: Vec<&str> = unit
        .errors
        .iter()
        .map(|e| e.message.as_str())
        .filter(|m| m.contains("refers to itself"))
        .collect();
    assert!(!cycles.is_empty(), "{:?}", unit.errors);
}

#[test]
fn child_modules_take_the_callers_values_through_two_levels() {
    let root = r#"
module "a" {
  source = "./modules/a"
  admin  = true
}
output "id" { value = module.a.registry_id }
"#;
    let a = r#"
variable "admin" { default = false }
module "b" {
  source = "../b"
  admin  = var.admin
}
output "registry_id" { value = module.b.id }
"#;
    let b = r#"
variable "admin" { default = false }
resource "azurerm_container_registry" "acr" {
  name          = "acr"
  admin_enabled = var.admin
}
output "id" { value = azurerm_container_registry.acr.id }
"#;
    let (_d, unit, children) = load_tree(
        &[
            ("main.tf", root),
            ("modules/a/main.tf", a),
            ("modules/b/main.tf", b),
        ],
        &[],
    );
    let key = "module.a.module.b.azurerm_container_registry.acr";
    assert_eq!(
        prop(&unit, key, "properties.adminUserEnabled").as_bool(),
        Some(true)
    );
    let r = unit.resources.iter().find(|r| r.key == key).unwrap();
    let calls: Vec<&str> = r.via.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(calls, ["module.a", "module.b"]);
    assert_eq!(children.len(), 2);
    // The output chain resolves to the child's resource ID.
    let out = unit
        .outputs
        .iter()
        .find(|o| o.name == "id" && o.via.is_empty())
        .unwrap();
    let v = &out.value.as_ref().unwrap().value;
    assert!(
        matches!(v.as_unknown(), Some(Unknown::Attribute(r)) if r.target.key == key && r.attr == Attr::Id),
        "{v:?}"
    );
}

#[test]
fn module_cycles_are_reported_not_followed() {
    let (_d, unit, _) = load_tree(
        &[("main.tf", "module \"me\" {\n  source = \"./\"\n}\n")],
        &[],
    );
    assert!(
        unit.errors
            .iter()
            .any(|e| e.message.contains("calls itself")),
        "{:?}",
        unit.errors
    );
}

#[test]
fn installed_registry_modules_are_followed() {
    let modules_json = r#"{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"acr","Source":"registry.terraform.io/x/acr/azurerm","Version":"1.0.0","Dir":".terraform/modules/acr"}]}"#;
    let (_d, unit, _) = load_tree(
        &[
            (
                "main.tf",
                "module \"acr\" {\n  source = \"x/acr/azurerm\"\n  admin = true\n}\n",
            ),
            (".terraform/modules/modules.json", modules_json),
            (".terraform/modules/acr/main.tf", ACR),
        ],
        &[],
    );
    assert_eq!(
        prop(
            &unit,
            "module.acr.azurerm_container_registry.acr",
            "properties.adminUserEnabled"
        )
        .as_bool(),
        Some(true)
    );
}

#[test]
fn azapi_resources_are_arm_typed_including_jsonencode_bodies() {
    let text = r#"
resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acr"
  parent_id = azurerm_resource_group.rg.id
  body = jsonencode({
    properties = { adminUserEnabled = true }
  })
}
resource "azapi_resource" "ra" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = "x"
  parent_id = azurerm_resource_group.rg.id
  body = {
    properties = {
      roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
      principalId      = azurerm_user_assigned_identity.id.principal_id
    }
  }
}
"#;
    let (_d, unit, _) = load_tree(&[("main.tf", text)], &[]);
    let acr = unit
        .resources
        .iter()
        .find(|r| r.key == "azapi_resource.acr")
        .unwrap();
    assert!(acr.is_type("Microsoft.ContainerRegistry/registries"));
    assert_eq!(
        acr.prop("properties.adminUserEnabled")
            .unwrap()
            .value
            .as_bool(),
        Some(true)
    );
    assert_eq!(
        acr.parent.as_ref().unwrap().ty,
        "microsoft.resources/resourcegroups"
    );
    let ra = &unit.role_assignments[0];
    assert_eq!(ra.role_name(), Some("Owner"));
    assert_eq!(ra.scope, Some(ScopeLevel::ResourceGroup));
    assert!(
        matches!(&ra.principal, Principal::UserAssigned(r) if r.key == "azurerm_user_assigned_identity.id")
    );
}

#[test]
fn symbolic_references_say_what_they_are() {
    let text = r#"
data "azurerm_role_definition" "contrib" { name = "Contributor" }
data "azurerm_key_vault_secret" "pw" { name = "db-password" }
resource "azurerm_role_assignment" "sys" {
  scope              = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_id = data.azurerm_role_definition.contrib.id
  principal_id       = azurerm_linux_web_app.api.identity[0].principal_id
}
resource "azurerm_role_assignment" "wrong" {
  scope                = azurerm_storage_account.sa.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.app.client_id
}
resource "azurerm_container_registry" "x" {
  name  = random_password.pw.result
  tags  = { a = data.azurerm_key_vault_secret.pw.value, b = azurerm_storage_account.sa.primary_access_key }
}
"#;
    let (_d, unit, _) = load_tree(&[("main.tf", text)], &[]);
    let sys = &unit.role_assignments[0];
    assert_eq!(sys.role_name(), Some("Contributor"));
    assert_eq!(sys.scope, Some(ScopeLevel::Subscription));
    assert!(
        matches!(&sys.principal, Principal::SystemAssigned(r) if r.key == "azurerm_linux_web_app.api" && r.ty == "microsoft.web/sites")
    );
    let wrong = &unit.role_assignments[1];
    assert_eq!(wrong.scope, Some(ScopeLevel::Resource));
    assert!(matches!(&wrong.principal, Principal::ClientIdOf(_)));
    assert!(matches!(wrong.role, Role::BuiltIn(r) if r.name == "Storage Blob Data Reader"));
    let name = prop(&unit, "azurerm_container_registry.x", "name");
    assert!(matches!(name.as_unknown(), Some(Unknown::Generated { .. })));
    let tags = prop(&unit, "azurerm_container_registry.x", "tags");
    assert!(matches!(
        tags.get("a").unwrap().as_unknown(),
        Some(Unknown::KeyVault { .. })
    ));
    assert!(matches!(
        tags.get("b").unwrap().as_unknown(),
        Some(Unknown::ServiceSecret { .. })
    ));
}

#[test]
fn functions_templates_and_files() {
    let text = r#"
locals {
  cfg   = jsondecode(file("${path.module}/cfg.json"))
  names = [for n in ["a", "b"] : upper(n)]
  m     = merge({ x = 1 }, { y = 2 })
  s     = format("%s-%d", "v", 3)
  t     = "pre-%{ if true }yes%{ else }no%{ endif }"
  h     = <<-EOT
    hello ${lookup(local.m, "y", 0)}
  EOT
  now   = timestamp()
}
resource "azurerm_container_registry" "acr" {
  name = "${local.cfg.name}-${join(",", local.names)}-${local.s}-${local.t}"
  tags = { h = trimspace(local.h), now = local.now }
}
"#;
    let (_d, unit, _) = load_tree(
        &[("main.tf", text), ("cfg.json", r#"{"name": "acr1"}"#)],
        &[],
    );
    assert_eq!(
        prop(&unit, "azurerm_container_registry.acr", "name").as_str(),
        Some("acr1-A,B-v-3-pre-yes")
    );
    let tags = prop(&unit, "azurerm_container_registry.acr", "tags");
    assert_eq!(tags.get("h").unwrap().as_str(), Some("hello 2"));
    assert!(matches!(
        tags.get("now").unwrap().as_unknown(),
        Some(Unknown::Volatile { .. })
    ));
}

/// `try()` falls back past an expression that fails (a member a known
/// object lacks) but not past one that is only unknown: an unknown
/// `var.settings` may hold the member, so `try(var.settings.x, null)` is
/// unknown, not `null` (which a rule would read as "not set").
#[test]
fn try_falls_back_on_failures_not_on_unknowns() {
    let text = r#"
variable "settings" {}
locals {
  known = { a = 1 }
}
resource "azurerm_container_registry" "acr" {
  tags = {
    missing = try(local.known.b, "fallback")
    present = try(local.known.a, "fallback")
    unknown = try(var.settings.b, "fallback")
    past_end = try(["x"][3], "fallback")
    can_missing = can(local.known.b)
    can_present = can(local.known.a)
  }
}
"#;
    let (_d, unit, _) = load_tree(&[("main.tf", text)], &[]);
    let tags = prop(&unit, "azurerm_container_registry.acr", "tags");
    let tag = |k: &str| tags.get(k).unwrap();
    assert_eq!(tag("missing").as_str(), Some("fallback"));
    assert_eq!(tag("present").as_number(), Some(1.0));
    assert_eq!(tag("past_end").as_str(), Some("fallback"));
    assert!(tag("unknown").is_unknown(), "{:?}", tag("unknown"));
    assert_eq!(tag("can_missing").as_bool(), Some(false));
    assert_eq!(tag("can_present").as_bool(), Some(true));
}

/// File functions see the scan root only (here the module's directory).
#[test]
fn file_functions_stay_inside_the_root() {
    let text = r#"
resource "azurerm_container_registry" "acr" {
  name = "acr"
  tags = {
    set     = join(",", fileset(path.module, "**/*.txt"))
    hash    = filesha256("a.txt")
    outside = fileexists("../idlint-no-such-dir/x")
    inside  = fileexists("missing.txt")
    up      = file("../x")
    home    = pathexpand("~/.ssh/id_ed25519")
    rel     = pathexpand("x/y")
  }
}
"#;
    let (_d, unit, _) = load_tree(
        &[
            ("main.tf", text),
            ("a.txt", "a"),
            ("sub/b.txt", "b"),
            ("sub/c.md", "c"),
        ],
        &[],
    );
    let tags = prop(&unit, "azurerm_container_registry.acr", "tags");
    let tag = |k: &str| tags.get(k).unwrap();
    assert_eq!(tag("set").as_str(), Some("a.txt,sub/b.txt"));
    assert!(matches!(
        tag("hash").as_unknown(),
        Some(Unknown::Derived { function, .. }) if function == "filesha256"
    ));
    let reason = |k: &str| match tag(k).as_unknown() {
        Some(Unknown::Opaque { reason }) => reason.clone(),
        other => panic!("{k}: {other:?}"),
    };
    assert!(reason("outside").ends_with("outside the repository"));
    assert_eq!(tag("inside").as_bool(), Some(false));
    assert!(reason("up").ends_with("outside the repository"));
    assert!(reason("home").contains("home directory"));
    assert_eq!(tag("rel").as_str(), Some("x/y"));
}

#[test]
fn identity_blocks_and_lifecycle() {
    let text = r#"
resource "azurerm_linux_web_app_slot" "s" {
  count          = 2
  name           = "staging"
  app_service_id = azurerm_linux_web_app.app.id
  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.shared.id]
  }
  lifecycle {
    create_before_destroy = true
  }
}
"#;
    let (_d, unit, _) = load_tree(&[("main.tf", text)], &[]);
    let r = &unit.resources[0];
    assert!(r.is_type("Microsoft.Web/sites/slots"));
    let id = r.identity.as_ref().unwrap();
    assert!(id.has_system());
    assert_eq!(
        id.user_assigned[0].target.as_ref().unwrap().key,
        "azurerm_user_assigned_identity.shared"
    );
    assert_eq!(r.parent.as_ref().unwrap().key, "azurerm_linux_web_app.app");
    assert!(r.lifecycle.replicated.is_some());
    assert!(r.lifecycle.create_before_destroy.is_some());
    assert!(matches!(r.body.get("name").unwrap().kind, Kind::String(_)));
}

#[test]
fn providers_backends_and_outputs() {
    let text = r#"
terraform {
  backend "azurerm" {
    storage_account_name = "tfstate"
    access_key           = "not-a-real-key"
  }
}
provider "azurerm" {
  features {}
  use_oidc = true
}
output "conn" {
  value = nonsensitive(azurerm_storage_account.sa.primary_connection_string)
}
output "safe" {
  value     = "x"
  sensitive = true
}
"#;
    let (_d, unit, _) = load_tree(&[("main.tf", text)], &[]);
    let kinds: Vec<(&str, &str)> = unit
        .configs
        .iter()
        .map(|c| (c.kind, c.name.as_str()))
        .collect();
    assert_eq!(kinds, [("provider", "azurerm"), ("backend", "azurerm")]);
    assert_eq!(
        unit.configs[1].body.get("access_key").unwrap().as_str(),
        Some("not-a-real-key")
    );
    let conn = unit.outputs.iter().find(|o| o.name == "conn").unwrap();
    assert!(conn.nonsensitive.is_some() && !conn.secure);
    assert!(matches!(
        conn.value.as_ref().unwrap().value.as_unknown(),
        Some(Unknown::ServiceSecret { .. })
    ));
    assert!(
        unit.outputs
            .iter()
            .find(|o| o.name == "safe")
            .unwrap()
            .secure
    );
}

#[test]
fn pathological_inputs_are_cut_not_followed() {
    // Each local doubles the last: 2^60 characters if followed.
    let mut text = String::from("locals {\n  l0 = \"xy\"\n");
    for i in 1..60 {
        text.push_str(&format!(
            "  l{i} = \"${{local.l{}}}${{local.l{}}}\"\n",
            i - 1,
            i - 1
        ));
    }
    // A chain of 2000 locals, each using the next.
    for i in 0..2000 {
        text.push_str(&format!("  c{i} = local.c{}\n", i + 1));
    }
    text.push_str("  c2000 = \"end\"\n}\nresource \"azurerm_container_registry\" \"acr\" {\n  name = local.l59\n  tags = { c = local.c0 }\n}\n");
    // Scans run on workers with `WORKER_STACK`; so does this.
    std::thread::Builder::new()
        .stack_size(crate::WORKER_STACK)
        .spawn(move || {
            let (_d, unit, _) = load_tree(&[("main.tf", &text)], &[]);
            let name = prop(&unit, "azurerm_container_registry.acr", "name");
            assert!(
                name.as_str().is_none(),
                "a 2^60-character string is not built"
            );
            let c = prop(&unit, "azurerm_container_registry.acr", "tags");
            assert!(c.get("c").unwrap().is_unknown(), "{:?}", c.get("c"));
        })
        .unwrap()
        .join()
        .unwrap();
}

/// Child modules too large to stay parsed together are parsed again when
/// called again, with the same result as the first time.
#[test]
fn modules_dropped_from_the_parse_cache_load_again_when_called_again() {
    let padding = format!("  pad = \"{}\"\n", "x".repeat(200 << 10));
    let child = |name: &str| {
        format!(
            "variable \"n\" {{}}\nlocals {{\n{padding}}}\nresource \"azurerm_user_assigned_identity\" \"{name}\" {{\n  name = var.n\n}}\n"
        )
    };
    let (a, b) = (child("a"), child("b"));
    let (_d, unit, _) = load_tree(
        &[
            (
                "main.tf",
                "module \"a1\" {\n  source = \"./a\"\n  n = \"one\"\n}\nmodule \"b\" {\n  source = \"./b\"\n  n = \"two\"\n}\nmodule \"a2\" {\n  source = \"./a\"\n  n = \"three\"\n}\n",
            ),
            ("a/main.tf", &a),
            ("b/main.tf", &b),
        ],
        &[],
    );
    let mut names: Vec<String> = unit
        .resources
        .iter()
        .map(|r| {
            r.name
                .as_ref()
                .and_then(|v| v.as_str())
                .unwrap_or("?")
                .to_string()
        })
        .collect();
    names.sort();
    assert_eq!(names, ["one", "three", "two"], "{:?}", unit.errors);
}

/// Probes (`crate::probes`) counted while loading a module of `n` locals,
/// variables, data sources and nested blocks, each used once.
fn module_probes(n: usize) -> u64 {
    let mut tf = String::from("locals {\n");
    for i in 0..n {
        tf.push_str(&format!(
            "  l{i} = \"${{var.v{i}}}-${{data.azurerm_resource_group.g{i}.name}}\"\n"
        ));
    }
    tf.push_str("}\n");
    for i in 0..n {
        tf.push_str(&format!("variable \"v{i}\" {{\n  default = \"x\"\n}}\n"));
        tf.push_str(&format!(
            "data \"azurerm_resource_group\" \"g{i}\" {{\n  name = \"rg\"\n}}\n"
        ));
    }
    tf.push_str("resource \"azurerm_storage_account\" \"s\" {\n");
    for i in 0..n {
        tf.push_str(&format!("  b{i} {{\n    x = local.l{i}\n  }}\n"));
    }
    tf.push_str("}\n");
    let before = crate::probes::count();
    let (_d, unit, _) = load_tree(&[("main.tf", &tf)], &[]);
    assert!(unit.errors.is_empty(), "{:?}", unit.errors);
    crate::probes::count() - before
}

#[test]
fn looking_up_locals_variables_and_blocks_grows_linearly() {
    let (n, n2) = (module_probes(2_000), module_probes(4_000));
    assert!(n <= 10 * 2_000, "{n} probes for 2,000 of each");
    assert!(n2 <= 2 * n + 1_000, "{n} then {n2} probes: not linear");
}

/// Probes and steps for a module whose list of `n` items (half repeats) is
/// one string split, so that what is written does not grow with `n`.
fn collection_work(n: usize, body: &str) -> (u64, usize) {
    let items: Vec<String> = (0..n).map(|i| format!("i{}", i % (n / 2))).collect();
    let tf = format!(
        "locals {{\n  xs = split(\",\", \"{}\")\n  r = {body}\n}}\n",
        items.join(",")
    );
    let before = crate::probes::count();
    let (_d, unit, _) = load_tree(&[("main.tf", &tf)], &[]);
    assert!(unit.errors.is_empty(), "{:?}", unit.errors);
    (crate::probes::count() - before, eval::steps_spent())
}

#[test]
fn distinct_merge_and_grouping_grow_linearly() {
    let body = "[distinct(local.xs), merge({ for x in local.xs : x => 1 }, { for x in local.xs : \"${x}y\" => 2 }), { for x in local.xs : x => x... }]";
    let (n, _) = collection_work(2_000, body);
    let (n2, _) = collection_work(4_000, body);
    assert!(n <= 10 * 2_000, "{n} probes for 2,000 items");
    assert!(n2 <= 2 * n + 1_000, "{n} then {n2} probes: not linear");
}

#[test]
fn collection_functions_and_loops_charge_per_item() {
    for body in [
        "distinct(local.xs)",
        "flatten([local.xs, local.xs])",
        "concat(local.xs, local.xs)",
        "[for x in local.xs : 1]",
        "\"%{ for x in local.xs }%{ endfor }\"",
    ] {
        // Beyond what making the list costs.
        let extra = |n| collection_work(n, body).1 - collection_work(n, "1").1;
        let (steps, steps2) = (extra(1_000), extra(2_000));
        assert!(
            steps >= 1_000 && steps2 >= steps + 1_000,
            "{body}: {steps} steps for 1,000 items, {steps2} for 2,000"
        );
    }
}

#[test]
fn azurerm_attributes_reach_rules_at_arm_paths_named_as_written() {
    let text = r#"
resource "azurerm_linux_virtual_machine" "vm" {
  name           = "vm"
  admin_username = "azureuser"
  admin_password = var.pw
}

resource "azurerm_mssql_server" "sql" {
  name                         = "sql"
  administrator_login_password = "x"
}

variable "pw" {
  sensitive = true
}
"#;
    let (_d, unit, _) = load_tree(&[("main.tf", text)], &[]);
    let vm = unit
        .resources
        .iter()
        .find(|r| r.key.ends_with(".vm"))
        .unwrap();
    let p = crate::model::spelling::props_at(vm, "properties.osProfile.adminPassword");
    assert_eq!(p.len(), 1);
    assert_eq!((p[0].path, p[0].key), ("admin_password", "admin_password"));
    let src = unit.file(p[0].key_loc.file);
    assert_eq!(
        &src.text[p[0].key_loc.span.start as usize..p[0].key_loc.span.end as usize],
        "admin_password"
    );
    assert!(matches!(
        p[0].value.as_unknown(),
        Some(Unknown::Input { secure: true, .. })
    ));
    assert!(vm.prop("properties.osProfile.adminUsername").is_some());
    let sql = unit
        .resources
        .iter()
        .find(|r| r.key.ends_with(".sql"))
        .unwrap();
    let stored = crate::model::secrets::stored_with_write_only(sql);
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].0.key, "administrator_login_password");
    assert_eq!(stored[0].1, "administrator_login_password_wo");
}

#[test]
fn try_null_fallback_after_an_input_attribute_comes_through_the_input() {
    let (_d, unit, _) = load_tree(
        &[
            (
                "main.tf",
                r#"module "kv" {
  source   = "./modules/kv"
  settings = { secrets = { db = { name = "db" } } }
}
"#,
            ),
            (
                "modules/kv/main.tf",
                r#"variable "settings" {}
resource "azurerm_key_vault_secret" "s" {
  for_each        = { for k, v in try(var.settings.secrets, {}) : k => v }
  name            = each.value.name
  value           = "x"
  key_vault_id    = "/x"
  expiration_date = try(each.value.expiration_date, null)
}
"#,
            ),
        ],
        &[],
    );
    let r = unit
        .resources
        .iter()
        .find(|r| r.key.contains("kv"))
        .unwrap();
    let e = r.prop("properties.attributes.exp").expect("exp");
    assert!(e.value.is_null());
    assert!(!e.value.via.is_empty());
}
