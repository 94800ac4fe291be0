//! The ARM template expression language: `expr::parse` on the input, then
//! evaluation against a small template (parameters with and without
//! defaults, a secure one, variables, a variable copy loop) in a plain
//! environment and inside a copy loop with a lambda variable; then the same
//! text as a variable, a resource name, a property and a copy count of a
//! whole template through `arm::load`.
#![no_main]

use idlint::arm::eval::{Env, Evaluator, ParamDecl};
use idlint::arm::expr;
use idlint::model::ids::ScopeLevel;
use idlint::model::value::{FileId, Kind, Loc, Value};
use idlint::source::jsonc::{self, Json};
use idlint::source::SourceFile;
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};

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
    for m in root.get("parameters").and_then(Json::as_object).unwrap_or(&[]) {
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

fuzz_target!(|data: &[u8]| {
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
        let v = ev.eval(&e, Loc::default(), &Env::default());
        let _ = v.display();
        let env = Env {
            copy_index: Some(Value::new(Kind::Number(2.0), Loc::default())),
            named: Vec::new(),
        }
        .with("item", Value::string("x", Loc::default()));
        let v = ev.eval(&e, Loc::default(), &env);
        let _ = v.display();
    }
    // The same text inside a whole template.
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
        let unit = idlint::arm::load(src, &doc.root, None);
        for e in &unit.errors {
            let _ = unit.files[e.loc.file.0 as usize].line_col(e.loc.span.start);
        }
    }
});
