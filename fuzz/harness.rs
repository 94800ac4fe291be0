//! What each fuzz target runs, shared with `cargo test`: the targets in
//! `fuzz_targets/` call these, and `tests/it/malformed.rs` includes this file
//! to run the regression inputs in `testdata/fuzz/<target>/` through the very
//! same code. Errors are fine; panics, hangs and memory blow-ups are not.
//!
//! Each input runs on a thread with the stack of a scan worker
//! (`idlint::WORKER_STACK`), as it would in `idlint check`.
#![allow(dead_code)]

use idlint::model::ids::ScopeLevel;
use idlint::model::value::{FileId, Kind, Loc, Value};
use idlint::model::Unit;
use idlint::source::jsonc::{self, Json};
use idlint::source::{self, SourceFile};
use idlint::template::eval::{Env, Evaluator, ParamDecl};
use idlint::template::expr;
use idlint::terraform::{self, parse::TfFile};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Runs `f(data)` on a worker-sized stack; a panic there is a panic here.
fn on_worker_stack(data: &[u8], f: fn(&[u8])) {
    let data = data.to_vec();
    let joined = std::thread::Builder::new()
        .stack_size(idlint::WORKER_STACK)
        .spawn(move || f(&data))
        .expect("spawn a worker thread")
        .join();
    if let Err(panic) = joined {
        std::panic::resume_unwind(panic);
    }
}

/// Every load error resolved to a line and column, as reports do.
fn locate_errors(unit: &Unit) {
    for e in &unit.errors {
        let _ = unit.files[e.loc.file.0 as usize].line_col(e.loc.span.start);
    }
}

// ------------------------------------------------------------------ jsonc

/// Raw bytes → decode → JSONC parse → `arm::load`, alone and with the
/// document as its own parameter file.
pub fn jsonc(data: &[u8]) {
    on_worker_stack(data, jsonc_inner);
}

fn jsonc_inner(data: &[u8]) {
    let Ok(text) = source::decode(data.to_vec()) else {
        return;
    };
    let doc = match jsonc::parse(&text) {
        Ok(doc) => doc,
        Err(e) => {
            let _ = SourceFile::new("fuzz.json".into(), text).line_col(e.span.start);
            return;
        }
    };
    let src = Arc::new(SourceFile::new("fuzz.json".into(), text));
    let schema = doc.root.get("$schema").and_then(Json::as_str).unwrap_or("");
    let _ = idlint::arm::classify_schema(schema);
    for with_params in [false, true] {
        let params = with_params.then(|| (src.clone(), &doc.root));
        locate_errors(&idlint::arm::load(src.clone(), &doc.root, params));
    }
}

// --------------------------------------------------------------- arm_expr

const BASE: &str = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": {
    "name": { "type": "string", "defaultValue": "app" },
    "env": { "type": "string", "defaultValue": "[concat('d', 'ev')]" },
    "noDefault": { "type": "string" },
    "secret": { "type": "secureString" },
    "count": { "type": "int", "defaultValue": 3 },
    "tags": { "type": "object", "defaultValue": { "a": "1", "B": "2" } },
    "list": { "type": "array", "defaultValue": [ "x", "y" ] },
    "selfRef": { "type": "string", "defaultValue": "[parameters('selfRef')]" }
  },
  "variables": {
    "prefix": "[concat(parameters('name'), '-', parameters('env'))]",
    "m": { "key": "v", "nested": { "deep": "[parameters('name')]" } },
    "loopy": "[variables('loopy')]",
    "copy": [
      { "name": "x", "count": 2, "input": "[copyIndex('x')]" },
      { "name": "objs", "count": "[parameters('count')]",
        "input": { "n": "[concat('vm', string(copyIndex('objs', 1)))]" } }
    ],
    "uami": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]"
  }
}"#;

fn base() -> &'static Json {
    static ROOT: OnceLock<Json> = OnceLock::new();
    ROOT.get_or_init(|| jsonc::parse(BASE).expect("base template").root)
}

/// Parameter declarations as the ARM loader builds them, defaults only.
fn decls(root: &'static Json) -> Vec<ParamDecl<'static>> {
    let mut out = Vec::new();
    for m in root
        .get("parameters")
        .and_then(Json::as_object)
        .unwrap_or(&[])
    {
        let ty = m
            .value
            .get("type")
            .and_then(Json::as_str)
            .map(str::to_ascii_lowercase);
        let secure = matches!(ty.as_deref(), Some("securestring" | "secureobject"));
        out.push(ParamDecl {
            name: m.key.clone(),
            loc: Loc::new(FileId(0), m.key_span),
            secure,
            ty,
            nullable: false,
            default: m.value.member("defaultValue"),
            given: None,
            enumerated: false,
            allowed: Vec::new(),
        });
    }
    out
}

/// `s` as the body of a JSON string literal.
fn json_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `expr::parse` on the text, evaluation against a small template in a plain
/// environment and inside a copy loop with a lambda variable; then the same
/// text as a variable, a parameter default, a resource name, a property, a
/// copy count, a condition and an output of a whole template, through
/// `arm::load`.
pub fn arm_expr(data: &[u8]) {
    on_worker_stack(data, arm_expr_inner);
}

fn arm_expr_inner(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = expr::classify(text);
    if let Ok(e) = expr::parse(text) {
        let root = base();
        let ev = Evaluator::new(
            FileId(0),
            Some(ScopeLevel::ResourceGroup),
            decls(root),
            root.get("variables"),
        );
        let _ = ev.eval(&e, Loc::default(), &Env::default()).display();
        let env = Env {
            copy_index: Some(Value::new(Kind::Number(2.0), Loc::default())),
            named: Vec::new(),
        }
        .with("item", Value::string("x", Loc::default()));
        let _ = ev.eval(&e, Loc::default(), &env).display();
    }
    let x = json_escape(text);
    let template = format!(
        r#"{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": {{"p": {{"type": "string", "defaultValue": "[{x}]"}}}},
  "variables": {{"v": "[{x}]"}},
  "resources": [
    {{"type": "Microsoft.ContainerRegistry/registries", "name": "[{x}]",
      "properties": {{"adminUserEnabled": "[{x}]", "p": "[parameters('p')]", "v": "[variables('v')]"}}}},
    {{"type": "Microsoft.Storage/storageAccounts", "name": "[concat('s', copyIndex())]",
      "copy": {{"name": "loop", "count": "[{x}]"}}, "condition": "[{x}]"}}
  ],
  "outputs": {{"o": {{"type": "string", "value": "[{x}]"}}}}
}}"#
    );
    if let Ok(doc) = jsonc::parse(&template) {
        let src = Arc::new(SourceFile::new("fuzz.json".into(), template.clone()));
        locate_errors(&idlint::arm::load(src, &doc.root, None));
    }
}

// -------------------------------------------------------------------- hcl

/// An empty module directory: `./` module calls and `file()` find nothing
/// there unless the input names something outside it.
fn module_dir() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let d = std::env::temp_dir().join("idlint-fuzz-hcl");
        std::fs::create_dir_all(&d).expect("temp module dir");
        d
    })
}

fn tf_file(name: &str, text: &str, id: u32) -> Option<TfFile> {
    let src = Arc::new(SourceFile::new(module_dir().join(name), text.to_string()));
    terraform::parse_file(src, FileId(id)).ok()
}

/// `parse_hcl` on the text, then the text as the only file of a module
/// (`main.tf.json` when it looks like JSON) through `terraform::load`, and
/// again as that module's `terraform.tfvars`.
pub fn hcl(data: &[u8]) {
    on_worker_stack(data, hcl_inner);
}

fn hcl_inner(data: &[u8]) {
    let Ok(text) = source::decode(data.to_vec()) else {
        return;
    };
    let _ = terraform::parse::parse_hcl(&text);
    let json = text.trim_start().starts_with('{');
    let name = if json { "main.tf.json" } else { "main.tf" };
    let Some(main) = tf_file(name, &text, 0) else {
        return;
    };
    let roots = idlint::source::roots::Roots::new(module_dir()).expect("temp module dir");
    let loaded = terraform::load(
        module_dir().to_path_buf(),
        vec![main],
        Vec::new(),
        1,
        &roots,
    );
    locate_errors(&loaded.unit);
    let vars_name = if json {
        "terraform.tfvars.json"
    } else {
        "terraform.tfvars"
    };
    let decl = "variable \"a\" {}\nvariable \"b\" {\n  sensitive = true\n}\n";
    if let (Some(main), Some(vars)) = (tf_file("main.tf", decl, 0), tf_file(vars_name, &text, 1)) {
        let loaded = terraform::load(
            module_dir().to_path_buf(),
            vec![main],
            vec![vars],
            2,
            &roots,
        );
        locate_errors(&loaded.unit);
    }
}

// ---------------------------------------------------------------- tf_eval

/// The module the `tf_eval` input joins: variables, locals, data sources, a
/// child module and resources for its expressions to refer to. No value in
/// it holds a `/`, so that a path to read can only be made from the input.
const TF_BASE: &str = r#"variable "name" {
  default = "app"
}
variable "list" {
  default = ["a", "b", "c", "a"]
}
variable "map" {
  default = { a = "1", B = "2", c = { d = [1, 2] } }
}
variable "secret" {
  sensitive = true
}
variable "n" {
  default = 3
}
locals {
  words  = split(",", "x,y,z,x")
  nested = [[1, 2], [3, [4]], []]
  objs   = [for i, w in local.words : { i = i, w = w }]
  groups = { for o in local.objs : o.w => o.i... }
  tags   = merge(var.map, { env = "dev" })
  text   = "hello ${var.name}"
  twice  = join("", [for w in local.words : "${w}${w}"])
  read   = file("x")
}
data "azurerm_client_config" "current" {}
data "azurerm_key_vault_secret" "s" {
  name = "db"
}
module "child" {
  source = "./child"
  input  = local.text
  secret = var.secret
}
resource "azurerm_container_registry" "acr" {
  name          = "acr${var.name}"
  admin_enabled = false
  identity {
    type = "SystemAssigned"
  }
}
resource "azurerm_user_assigned_identity" "id" {
  name = "id"
}
output "o" {
  value = module.child.out
}
"#;

const TF_CHILD: &str = r#"variable "input" {}
variable "secret" {
  sensitive = true
}
locals {
  parts = split("-", var.input)
}
output "out" {
  value = "${var.input}-${length(local.parts)}"
}
output "s" {
  value = var.secret
}
"#;

/// A module directory of its own (per process, so parallel jobs do not
/// rewrite each other's files) with small files for `file("x")`,
/// `templatefile("t.tpl", ...)` and `./child` to find.
fn tf_eval_dir() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("idlint-fuzz-tf-eval-{}", std::process::id()));
        std::fs::create_dir_all(d.join("child")).expect("temp module dir");
        for (name, text) in [
            ("x", "hello\n"),
            ("t.tpl", "value ${v}\n"),
            ("plain.txt", "no interpolation\n"),
            ("policy.json", "{\"a\": [1, 2], \"b\": {\"c\": \"d\"}}\n"),
            ("child/main.tf", TF_CHILD),
        ] {
            std::fs::write(d.join(name), text).expect("temp module file");
        }
        d
    })
}

fn tf_in(dir: &Path, name: &str, text: &str, id: u32) -> Option<TfFile> {
    let src = Arc::new(SourceFile::new(dir.join(name), text.to_string()));
    terraform::parse_file(src, FileId(id)).ok()
}

/// The text as a Terraform file of a module beside `TF_BASE`, and as an
/// expression given to a local, a resource attribute and an output of such
/// a module, each loaded and evaluated through `terraform::load` in a
/// temporary module directory with a child module and files to read.
pub fn tf_eval(data: &[u8]) {
    on_worker_stack(data, tf_eval_inner);
}

fn tf_eval_inner(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The file functions run for real, confined to the module directory by
    // the scan root as in a scan: a path out of it must come back unknown.
    let dir = tf_eval_dir();
    let roots = idlint::source::roots::Roots::new(dir).expect("temp module dir");
    let as_expr = format!(
        "locals {{\n  fuzz = {text}\n}}\nresource \"azurerm_container_registry\" \"fuzz\" {{\n  name          = local.fuzz\n  admin_enabled = {text}\n}}\noutput \"fuzz\" {{\n  value = local.fuzz\n}}\n"
    );
    for main in [text, as_expr.as_str()] {
        let (Some(base), Some(main)) = (
            tf_in(dir, "base.tf", TF_BASE, 0),
            tf_in(dir, "main.tf", main, 1),
        ) else {
            continue;
        };
        let loaded = terraform::load(dir.to_path_buf(), vec![base, main], Vec::new(), 2, &roots);
        locate_errors(&loaded.unit);
    }
}

// ------------------------------------------------------------------ bicep

/// Raw bytes → decode → `bicep::parser::parse`; an error's span must lie
/// inside the text and resolve to a line and column.
pub fn bicep(data: &[u8]) {
    on_worker_stack(data, bicep_inner);
}

fn bicep_inner(data: &[u8]) {
    let Ok(text) = source::decode(data.to_vec()) else {
        return;
    };
    let arena = idlint::bicep::ast::Arena::new();
    if let Err(e) = idlint::bicep::parser::parse(&text, &arena) {
        assert!(
            e.span.start <= e.span.end && e.span.end as usize <= text.len(),
            "error span {:?} outside the text ({} bytes)",
            e.span,
            text.len()
        );
        let _ = SourceFile::new("fuzz.bicep".into(), text).line_col(e.span.start);
    }
}

/// The `.idlint.yaml` loader: YAML parsing, unknown keys, rule names,
/// severities, globs and dates, each an error with a line, never a panic.
pub fn config(data: &[u8]) {
    let Ok(text) = idlint::source::decode(data.to_vec()) else {
        return;
    };
    let src = std::sync::Arc::new(idlint::source::SourceFile::new(".idlint.yaml".into(), text));
    if let Err(e) = idlint::config::parse(src) {
        // Locations must be inside the file.
        let _ = e.offset();
    }
}
