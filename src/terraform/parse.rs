//! Terraform files into one shape for the module loader: blocks with labels,
//! attributes with their key location, and expressions left unevaluated.
//! HCL goes through hcl-edit (spans on everything); Terraform JSON syntax
//! through the span-keeping JSONC parser.

use crate::model::value::{FileId, Loc};
use crate::source::jsonc::{self, Json, JsonKind};
use crate::source::{SourceFile, Span, MAX_DEPTH};
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span as _;
use std::sync::Arc;

pub enum Doc {
    Hcl(Body),
    Json(Json),
}

pub struct TfFile {
    pub src: Arc<SourceFile>,
    pub id: FileId,
    pub doc: Doc,
}

/// An expression as written, in either syntax.
#[derive(Clone, Copy)]
pub enum Src<'a> {
    Hcl(&'a Expression),
    /// A JSON value: strings are templates (`"${var.x}"`), the rest literal.
    Json(&'a Json),
}

pub struct RawAttr<'a> {
    pub name: &'a str,
    pub key_loc: Loc,
    pub expr: Src<'a>,
    pub file: FileId,
}

pub struct RawBlock<'a> {
    pub kind: &'a str,
    pub labels: Vec<&'a str>,
    /// `resource "x" "y"`: the block type and its labels.
    pub header: Loc,
    pub attrs: Vec<RawAttr<'a>>,
    pub blocks: Vec<RawBlock<'a>>,
}

impl<'a> RawBlock<'a> {
    pub fn attr(&self, name: &str) -> Option<&RawAttr<'a>> {
        self.attrs.iter().rev().find(|a| a.name == name)
    }
    pub fn blocks_of<'s>(&'s self, kind: &'s str) -> impl Iterator<Item = &'s RawBlock<'a>> + 's {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }
    pub fn label(&self, i: usize) -> &'a str {
        self.labels.get(i).copied().unwrap_or("")
    }
}

/// A parse failure with the byte span it happened at.
pub struct ParseFailure {
    pub span: Span,
    pub message: String,
}

pub fn parse_hcl(text: &str) -> Result<Body, ParseFailure> {
    if let Some(at) = too_deep(text) {
        return Err(ParseFailure {
            span: Span::new(at, (at + 1).min(text.len())),
            message: format!("nesting deeper than {MAX_DEPTH} levels; refusing to parse further"),
        });
    }
    let mut patched: Option<String> = None;
    for attempt in 0..MAX_DUPLICATE_KEYS {
        let input = patched.as_deref().unwrap_or(text);
        match hcl_edit::parser::parse_body(input) {
            Ok(body) => return Ok(body),
            Err(e) => {
                let offset = e.location().offset().min(text.len());
                if e.message().contains("redefined object key") {
                    if let Some(p) = rename_earlier_key(input, offset, attempt) {
                        patched = Some(p);
                        continue;
                    }
                }
                // HCL never starts with `{`; Terraform JSON syntax does.
                let hint = if text.trim_start().starts_with('{') {
                    " (this looks like JSON: Terraform JSON syntax goes in a `.tf.json` file)"
                } else {
                    ""
                };
                return Err(ParseFailure {
                    span: Span::new(offset, (offset + 1).min(text.len())),
                    message: format!("invalid HCL: {}{hint}", first_line(e.message())),
                });
            }
        }
    }
    Err(ParseFailure {
        span: Span::new(0, 0),
        message: "invalid HCL: too many repeated object keys".into(),
    })
}

/// Repeated keys in one object constructor that a file may have before idlint gives up.
const MAX_DUPLICATE_KEYS: usize = 64;

/// Terraform accepts a key repeated in an object constructor (the last one
/// wins); hcl-edit rejects it. The earlier occurrence of the key at `at` is
/// renamed, in place and at the same length, so the file parses with
/// Terraform's meaning and every offset unchanged.
fn rename_earlier_key(text: &str, at: usize, n: usize) -> Option<String> {
    let b = text.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
    let quoted = b.get(at) == Some(&b'"');
    let start = if quoted { at + 1 } else { at };
    let mut end = start;
    while end < b.len() && ident(b[end]) {
        end += 1;
    }
    let key = &text[start..end];
    if key.len() < 2 {
        return None;
    }
    // The nearest earlier occurrence written as a key: at a line start or
    // after `{`/`,`, followed by `=` or `:`.
    let mut search_end = at;
    let earlier = loop {
        let pos = text[..search_end].rfind(key)?;
        let before = text[..pos].trim_end_matches([' ', '\t', '"']);
        let after = text[pos + key.len()..].trim_start_matches([' ', '\t', '"']);
        let boundary_before = before.is_empty() || before.ends_with(['\n', '{', ',']);
        let boundary_after =
            !text[pos + key.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
        if boundary_before && boundary_after && (after.starts_with('=') || after.starts_with(':')) {
            break pos;
        }
        search_end = pos;
    };
    let mut out = text.as_bytes().to_vec();
    let digits = format!("{n}");
    let replacement = format!(
        "_{}{}",
        "x".repeat(key.len().saturating_sub(1 + digits.len())),
        digits
    );
    if replacement.len() != key.len() {
        return None;
    }
    out[earlier..earlier + key.len()].copy_from_slice(replacement.as_bytes());
    String::from_utf8(out).ok()
}

pub fn parse_json(text: &str) -> Result<Json, ParseFailure> {
    jsonc::parse(text)
        .map(|d| d.root)
        .map_err(|e| ParseFailure {
            span: e.span,
            message: format!("invalid JSON: {}", e.message),
        })
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).trim().to_string()
}

/// The offset where bracket, block or interpolation nesting first exceeds
/// `MAX_DEPTH`: hcl-edit parses recursively, so depth is checked before it runs.
fn too_deep(text: &str) -> Option<usize> {
    #[derive(PartialEq)]
    enum Ctx {
        Code,
        Str,
        Heredoc(String),
    }
    let b = text.as_bytes();
    let mut stack: Vec<Ctx> = vec![Ctx::Code];
    let mut i = 0;
    while i < b.len() {
        match stack.last() {
            Some(Ctx::Code) | None => match b[i] {
                b'"' => stack.push(Ctx::Str),
                b'{' | b'[' | b'(' => stack.push(Ctx::Code),
                b'}' | b']' | b')' if stack.len() > 1 => {
                    stack.pop();
                }
                b'#' => i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |j| i + j),
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |j| i + j)
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    i = memchr::memmem::find(&b[i + 2..], b"*/").map_or(b.len(), |j| i + 2 + j + 1)
                }
                b'<' if b.get(i + 1) == Some(&b'<') => {
                    let mut j = i + 2;
                    if b.get(j) == Some(&b'-') {
                        j += 1;
                    }
                    let start = j;
                    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                        j += 1;
                    }
                    if j > start && matches!(b.get(j), Some(b'\n' | b'\r')) {
                        stack.push(Ctx::Heredoc(text[start..j].to_string()));
                        i = j;
                    }
                }
                _ => {}
            },
            Some(Ctx::Str) => match b[i] {
                b'\\' => i += 1,
                b'"' => {
                    stack.pop();
                }
                b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
                    stack.push(Ctx::Code);
                    i += 1;
                }
                b'\n' => {
                    stack.pop();
                }
                _ => {}
            },
            Some(Ctx::Heredoc(delim)) => {
                if b[i] == b'\n' {
                    let line_end =
                        memchr::memchr(b'\n', &b[i + 1..]).map_or(b.len(), |j| i + 1 + j);
                    if text[i + 1..line_end].trim() == delim {
                        stack.pop();
                        i = line_end;
                        continue;
                    }
                } else if (b[i] == b'$' || b[i] == b'%') && b.get(i + 1) == Some(&b'{') {
                    stack.push(Ctx::Code);
                    i += 1;
                }
            }
        }
        // The first entry is the file's top level, not a nesting level.
        if stack.len() > MAX_DEPTH + 1 {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn span_of(r: Option<std::ops::Range<usize>>) -> Span {
    r.map(|r| Span::new(r.start, r.end)).unwrap_or_default()
}

/// Top-level blocks of a file (attributes at top level are not Terraform and are ignored).
pub fn top_blocks(f: &TfFile) -> Vec<RawBlock<'_>> {
    match &f.doc {
        Doc::Hcl(body) => hcl_body(f.id, body).1,
        Doc::Json(root) => json_top(f.id, root),
    }
}

/// Attributes of a `.tfvars` file.
pub fn tfvars_attrs(f: &TfFile) -> Vec<RawAttr<'_>> {
    match &f.doc {
        Doc::Hcl(body) => hcl_body(f.id, body).0,
        Doc::Json(root) => root
            .as_object()
            .unwrap_or(&[])
            .iter()
            .map(|m| RawAttr {
                name: &m.key,
                key_loc: Loc::new(f.id, m.key_span),
                expr: Src::Json(&m.value),
                file: f.id,
            })
            .collect(),
    }
}

fn hcl_body(file: FileId, body: &Body) -> (Vec<RawAttr<'_>>, Vec<RawBlock<'_>>) {
    let mut attrs = Vec::new();
    let mut blocks = Vec::new();
    for s in body.iter() {
        match s {
            Structure::Attribute(a) => attrs.push(RawAttr {
                name: a.key.as_str(),
                key_loc: Loc::new(file, span_of(a.key.span())),
                expr: Src::Hcl(&a.value),
                file,
            }),
            Structure::Block(b) => {
                let start = span_of(b.ident.span()).start;
                let end = b
                    .labels
                    .last()
                    .map(|l| span_of(l.span()).end)
                    .unwrap_or_else(|| span_of(b.ident.span()).end);
                let (a, bl) = hcl_body(file, &b.body);
                blocks.push(RawBlock {
                    kind: b.ident.as_str(),
                    labels: b.labels.iter().map(|l| l.as_str()).collect(),
                    header: Loc::new(
                        file,
                        Span {
                            start,
                            end: end.max(start),
                        },
                    ),
                    attrs: a,
                    blocks: bl,
                });
            }
        }
    }
    (attrs, blocks)
}

/// Block types whose JSON form nests one object per label.
fn json_labels(kind: &str) -> usize {
    match kind {
        "resource" | "data" => 2,
        "variable" | "output" | "module" | "provider" | "backend" | "dynamic" | "check" => 1,
        _ => 0,
    }
}

/// Keys inside a JSON body that are nested blocks rather than attributes.
fn json_is_block(key: &str) -> bool {
    matches!(
        key,
        "lifecycle" | "identity" | "dynamic" | "provisioner" | "connection" | "backend" | "content"
    )
}

fn json_top(file: FileId, root: &Json) -> Vec<RawBlock<'_>> {
    let mut out = Vec::new();
    for m in root.as_object().unwrap_or(&[]) {
        json_block(
            file,
            &m.key,
            Vec::new(),
            m.key_span,
            &m.value,
            json_labels(&m.key),
            &mut out,
        );
    }
    out
}

fn json_block<'a>(
    file: FileId,
    kind: &'a str,
    labels: Vec<&'a str>,
    header: Span,
    v: &'a Json,
    labels_left: usize,
    out: &mut Vec<RawBlock<'a>>,
) {
    if labels_left > 0 {
        for m in v.as_object().unwrap_or(&[]) {
            let mut l = labels.clone();
            l.push(&m.key);
            json_block(file, kind, l, m.key_span, &m.value, labels_left - 1, out);
        }
        return;
    }
    match &v.kind {
        JsonKind::Array(items) => {
            for it in items {
                json_block(file, kind, labels.clone(), header, it, 0, out);
            }
        }
        JsonKind::Object(members) => {
            let mut attrs = Vec::new();
            let mut blocks = Vec::new();
            for m in members {
                if json_is_block(&m.key) {
                    json_block(
                        file,
                        &m.key,
                        Vec::new(),
                        m.key_span,
                        &m.value,
                        json_labels(&m.key),
                        &mut blocks,
                    );
                } else {
                    attrs.push(RawAttr {
                        name: &m.key,
                        key_loc: Loc::new(file, m.key_span),
                        expr: Src::Json(&m.value),
                        file,
                    });
                }
            }
            out.push(RawBlock {
                kind,
                labels,
                header: Loc::new(file, header),
                attrs,
                blocks,
            });
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> TfFile {
        TfFile {
            src: Arc::new(SourceFile::new("main.tf".into(), text.to_string())),
            id: FileId(0),
            doc: Doc::Hcl(parse_hcl(text).unwrap_or_else(|e| panic!("{}", e.message))),
        }
    }

    #[test]
    fn blocks_attributes_and_header_spans() {
        let text = "resource \"azurerm_container_registry\" \"acr\" {\n  admin_enabled = true\n  identity {\n    type = \"SystemAssigned\"\n  }\n}\n";
        let f = file(text);
        let blocks = top_blocks(&f);
        assert_eq!(blocks.len(), 1);
        let b = &blocks[0];
        assert_eq!(
            (b.kind, b.labels.clone()),
            ("resource", vec!["azurerm_container_registry", "acr"])
        );
        assert_eq!(
            &text[b.header.span.start as usize..b.header.span.end as usize],
            "resource \"azurerm_container_registry\" \"acr\""
        );
        let a = b.attr("admin_enabled").unwrap();
        assert_eq!(
            &text[a.key_loc.span.start as usize..a.key_loc.span.end as usize],
            "admin_enabled"
        );
        assert_eq!(b.blocks_of("identity").count(), 1);
    }

    #[test]
    fn parses_modern_syntax() {
        let text = r#"
variable "x" {
  type = object({ a = optional(string, "d") })
}
locals {
  m = { for k, v in var.x : k => v if v != null }
  s = [for s in var.l : upper(s)]
  splat = azurerm_x.y[*].id
  t = "a-${var.b}-%{ if var.c }yes%{ else }no%{ endif }"
  h = <<-EOT
    line ${var.d}
  EOT
  p = provider::azurerm::normalise_resource_id("x")
}
resource "azurerm_x" "y" {
  dynamic "ip" {
    for_each = var.ips
    content { value = ip.value }
  }
  lifecycle { create_before_destroy = true }
}
moved {
  from = a.b
  to   = a.c
}
import {
  to = a.b
  id = "x"
}
removed {
  from = a.d
  lifecycle { destroy = false }
}
check "health" {
  assert {
    condition     = true
    error_message = "x"
  }
}
"#;
        let f = file(text);
        let kinds: Vec<&str> = top_blocks(&f).iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            ["variable", "locals", "resource", "moved", "import", "removed", "check"]
        );
    }

    #[test]
    fn errors_are_located_and_depth_is_bounded() {
        let e = parse_hcl("resource \"a\" \"b\" {\n  x = = 1\n}\n")
            .err()
            .unwrap();
        assert!(e.message.starts_with("invalid HCL"), "{}", e.message);
        assert_eq!(e.span.start, 25);
        let deep = format!("x = {}", "[".repeat(100_000));
        assert!(parse_hcl(&deep)
            .err()
            .unwrap()
            .message
            .contains("nesting deeper"));
        let deep_blocks = "a {\n".repeat(100_000);
        assert!(parse_hcl(&deep_blocks)
            .err()
            .unwrap()
            .message
            .contains("nesting deeper"));
        let deep_interp = format!("x = \"{}\"", "${\"".repeat(50_000));
        assert!(parse_hcl(&deep_interp)
            .err()
            .unwrap()
            .message
            .contains("nesting deeper"));
    }

    #[test]
    fn repeated_object_keys_are_accepted_last_wins() {
        let text =
            "locals {\n  m = {\n    admin = false\n    other = 1\n    admin = true\n  }\n}\n";
        let body = parse_hcl(text).ok().expect("parses");
        let f = TfFile {
            src: Arc::new(SourceFile::new("main.tf".into(), text.to_string())),
            id: FileId(0),
            doc: Doc::Hcl(body),
        };
        let blocks = top_blocks(&f);
        let Src::Hcl(hcl_edit::expr::Expression::Object(o)) = blocks[0].attr("m").unwrap().expr
        else {
            panic!("object expected")
        };
        let keys: Vec<String> = o
            .iter()
            .map(|(k, _)| match k {
                hcl_edit::expr::ObjectKey::Ident(i) => i.as_str().to_string(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(keys, ["_xxx0", "other", "admin"]);
        let last = o.iter().last().unwrap().1.expr();
        assert!(matches!(last, hcl_edit::expr::Expression::Bool(b) if *b.value()));
    }

    #[test]
    fn json_syntax_maps_to_blocks() {
        let text = r#"{"resource": {"azurerm_container_registry": {"acr": {"admin_enabled": true, "identity": {"type": "SystemAssigned"}}}},
                       "variable": {"v": {"default": "x"}}, "locals": {"l": "${var.v}"}}"#;
        let f = TfFile {
            src: Arc::new(SourceFile::new("main.tf.json".into(), text.to_string())),
            id: FileId(0),
            doc: Doc::Json(parse_json(text).ok().unwrap()),
        };
        let blocks = top_blocks(&f);
        let kinds: Vec<(&str, Vec<&str>)> =
            blocks.iter().map(|b| (b.kind, b.labels.clone())).collect();
        assert_eq!(
            kinds,
            [
                ("resource", vec!["azurerm_container_registry", "acr"]),
                ("variable", vec!["v"]),
                ("locals", vec![])
            ]
        );
        assert!(blocks[0].attr("admin_enabled").is_some());
        assert_eq!(blocks[0].blocks_of("identity").count(), 1);
    }
}
