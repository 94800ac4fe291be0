//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and Azure DevOps.
//!
//! Hand-written serde structs (DESIGN.md). One run; `tool.driver.rules` lists
//! every registered rule, results point into it by `ruleIndex`, and load
//! errors become tool execution notifications. Paths are relative to
//! `%SRCROOT%`: the repository root when the command line gives one (code
//! scanning resolves paths against the repository), else the directory
//! idlint ran from. Nothing time-dependent is written, so the same scan
//! gives the same bytes.

use super::{RenderOptions, SarifOptions};
use crate::findings::{Diagnostic, Severity, SuppressionKind};
use crate::report::outcome::Report;
use crate::rules::{Family, Formats, RuleMeta, REGISTRY};
use crate::scan::FileError;
use serde::Serialize;
use std::collections::BTreeMap;

/// The official schema (OASIS SARIF 2.1.0, errata 01).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
pub const INFORMATION_URI: &str = "https://github.com/idlint/idlint";
/// Where the rules' READMEs are published unless `--help-uri-base` says.
pub const HELP_URI_BASE: &str = "https://github.com/idlint/idlint/blob/main/";
/// The `uriBaseId` every artifact location is relative to.
pub const SRCROOT: &str = "%SRCROOT%";
/// Key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "idlint/v1";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    original_uri_base_ids: BTreeMap<&'static str, BaseUri>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct BaseUri {
    #[serde(skip_serializing_if = "Option::is_none")]
    uri: Option<String>,
    description: Message,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: String,
    name: String,
    short_description: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<MultiformatMessage>,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    /// Only on security rules: code scanning ranks security alerts by it.
    #[serde(rename = "security-severity", skip_serializing_if = "Option::is_none")]
    security_severity: Option<&'static str>,
    /// How often a finding of the rule is right, as code scanning ranks it.
    precision: &'static str,
    tags: Vec<String>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct MultiformatMessage {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: ResultProperties,
}

#[derive(Serialize)]
struct ResultProperties {
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    status: &'static str,
    justification: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

/// SARIF `level` of a severity: critical and high are errors, medium a
/// warning, low a note (RULES.md).
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub's numeric `security-severity`, as the string it expects.
pub fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

/// The text of a markdown section (`## title`) up to the next heading of the
/// same or a higher level.
fn section<'a>(body: &'a str, title: &str) -> Option<&'a str> {
    let mut start = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_end();
        match start {
            None => {
                if trimmed
                    .strip_prefix("## ")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case(title))
                {
                    start = Some(offset + line.len());
                }
            }
            Some(s) => {
                if trimmed.starts_with("## ") || trimmed.starts_with("# ") {
                    return Some(body[s..offset].trim());
                }
            }
        }
        offset += line.len();
    }
    start.map(|s| body[s..].trim())
}

/// META rules judge suppressions, not the infrastructure: maintenance.
fn security(meta: &RuleMeta) -> bool {
    meta.family != Family::Meta
}

fn tags(meta: &RuleMeta) -> Vec<String> {
    let kind = if security(meta) {
        "security"
    } else {
        "maintenance"
    };
    let mut tags = vec![kind.to_string(), meta.family.prefix().to_ascii_lowercase()];
    match meta.formats {
        Formats::Both => tags.extend(["arm".to_string(), "terraform".to_string()]),
        Formats::ArmOnly => tags.push("arm".into()),
        Formats::TerraformOnly => tags.push("terraform".into()),
    }
    tags
}

/// Markdown as plain text, for clients that show `help.text`: no fences,
/// heading marks or backticks.
fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.lines() {
        let t = line.trim_start();
        if t.starts_with("```") {
            continue;
        }
        let line = match t.strip_prefix('#') {
            Some(_) => t.trim_start_matches('#').trim_start(),
            None => line,
        };
        out.push_str(&line.replace('`', ""));
        out.push('\n');
    }
    out.trim_end().to_string()
}

fn descriptor(meta: &RuleMeta, opts: &SarifOptions) -> ReportingDescriptor {
    let body = meta.docs_body().trim_end();
    let full = section(body, "What it does")
        .filter(|s| !s.is_empty())
        .unwrap_or(meta.summary);
    let severity = opts
        .severities
        .iter()
        .find(|(id, _)| *id == meta.id)
        .map_or(meta.severity, |(_, s)| *s);
    let base = opts.help_uri_base.as_deref().unwrap_or(HELP_URI_BASE);
    let sep = if base.ends_with('/') { "" } else { "/" };
    ReportingDescriptor {
        id: meta.id.to_string(),
        name: meta.name.to_string(),
        short_description: Message {
            text: meta.summary.to_string(),
        },
        full_description: Some(Message {
            text: full.to_string(),
        }),
        help_uri: Some(format!(
            "{base}{sep}rules/{}-{}/README.md",
            meta.id, meta.name
        )),
        help: Some(if body.is_empty() {
            MultiformatMessage {
                text: plain(meta.help),
                markdown: meta.help.to_string(),
            }
        } else {
            MultiformatMessage {
                text: plain(body),
                markdown: body.to_string(),
            }
        }),
        default_configuration: Configuration {
            level: level(severity),
        },
        properties: RuleProperties {
            security_severity: security(meta).then(|| security_severity(severity)),
            // Each rule's findings on the corpus were reviewed by hand
            // before it shipped (RULES.md); META rules only count.
            precision: if security(meta) { "high" } else { "very-high" },
            tags: tags(meta),
        },
    }
}

/// A descriptor for a finding whose rule is not in the registry (so that its
/// `ruleIndex` still points at a rule with its ID).
fn unregistered(d: &Diagnostic) -> ReportingDescriptor {
    ReportingDescriptor {
        id: d.rule_id.to_string(),
        name: d.rule_name.to_string(),
        short_description: Message {
            text: d.rule_name.replace('-', " "),
        },
        full_description: None,
        help_uri: None,
        help: None,
        default_configuration: Configuration {
            level: level(d.severity),
        },
        properties: RuleProperties {
            security_severity: Some(security_severity(d.severity)),
            precision: "medium",
            tags: vec!["security".to_string()],
        },
    }
}

/// A relative path as a URI reference: `/` kept, everything but unreserved
/// characters percent-encoded (spaces, `%`, `#`, `?`, `:`, non-ASCII).
/// Absolute paths (scans outside the current directory) become `file:` URIs.
pub fn path_uri(path: &str) -> (String, Option<&'static str>) {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    let absolute = path.starts_with('/') || drive;
    let mut out = String::with_capacity(path.len() + 8);
    if absolute {
        out.push_str("file://");
        if drive {
            out.push('/');
        }
    }
    for (i, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (drive && i == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if absolute {
        (out, None)
    } else {
        (out, Some(SRCROOT))
    }
}

/// Where report paths are resolved for SARIF: relative to the repository
/// root when one is given, else as the report writes them.
struct Rebase<'o> {
    root: Option<&'o std::path::Path>,
    cwd: Option<&'o std::path::Path>,
}

impl Rebase<'_> {
    /// `file` (relative to the directory idlint ran in, or absolute) made
    /// relative to the root when it is inside it; lexical, nothing is read.
    fn path(&self, file: &str) -> String {
        let (Some(root), Some(cwd)) = (self.root, self.cwd) else {
            return file.to_string();
        };
        let abs = crate::source::normalize(&cwd.join(file));
        match abs.strip_prefix(root) {
            Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
            Err(_) => abs.to_string_lossy().into_owned(),
        }
    }

    fn artifact(&self, file: &str) -> ArtifactLocation {
        let (uri, uri_base_id) = path_uri(&self.path(file));
        ArtifactLocation { uri, uri_base_id }
    }
}

/// A directory as a `file:` URI ending in `/`, as `originalUriBaseIds` wants.
fn dir_uri(dir: &std::path::Path) -> String {
    let (mut uri, _) = path_uri(&dir.to_string_lossy());
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

fn region(d: &Diagnostic) -> Region {
    let start_line = d.line.max(1);
    let start_column = d.column.max(1);
    let (end_line, end_column) = (d.end_line, d.end_column);
    let valid_end = end_line > start_line || (end_line == start_line && end_column >= start_column);
    Region {
        start_line,
        start_column,
        end_line: valid_end.then_some(end_line),
        end_column: valid_end.then_some(end_column),
    }
}

fn result(d: &Diagnostic, rule_index: usize, at: &Rebase) -> SarifResult {
    let related_locations = d
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| Location {
            id: Some(i + 1),
            physical_location: PhysicalLocation {
                artifact_location: at.artifact(&r.file),
                region: Some(Region {
                    start_line: r.line.max(1),
                    start_column: r.column.max(1),
                    end_line: None,
                    end_column: None,
                }),
            },
            message: Some(Message {
                text: r.message.clone(),
            }),
        })
        .collect();
    let suppressions = d
        .suppressed
        .iter()
        .map(|s| Suppression {
            kind: match s.kind {
                SuppressionKind::Inline => "inSource",
                SuppressionKind::Config | SuppressionKind::Baseline => "external",
            },
            status: "accepted",
            justification: s.justification.clone(),
        })
        .collect();
    SarifResult {
        rule_id: d.rule_id,
        rule_index,
        level: level(d.severity),
        message: Message {
            text: d.message.clone(),
        },
        locations: vec![Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: at.artifact(&d.file),
                region: Some(region(d)),
            },
            message: None,
        }],
        related_locations,
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, d.fingerprint.clone())]),
        suppressions,
        properties: ResultProperties {
            security_severity: security_severity(d.severity),
        },
    }
}

fn notification(e: &FileError, at: &Rebase) -> Notification {
    let locations = if e.file.is_empty() {
        Vec::new()
    } else {
        vec![Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: at.artifact(&e.file),
                region: e.line.map(|l| Region {
                    start_line: l.max(1),
                    start_column: e.column.unwrap_or(1).max(1),
                    end_line: None,
                    end_column: None,
                }),
            },
            message: None,
        }]
    };
    Notification {
        level: "error",
        message: Message {
            text: if e.file.is_empty() {
                e.message.clone()
            } else {
                format!("{}: {}", e.file, e.message)
            },
        },
        locations,
    }
}

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut s = super::sanitize::to_json(&log(report, opts))
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialize report: {e}\"}}"));
    s.push('\n');
    s
}

/// The same bytes as [`render`], streamed to `w`.
pub fn write(
    report: &Report,
    opts: &RenderOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    super::sanitize::write_json(&mut *w, &log(report, opts)).map_err(std::io::Error::from)?;
    w.write_all(b"\n")
}

fn log(report: &Report, opts: &RenderOptions) -> Log {
    let mut rules: Vec<ReportingDescriptor> = REGISTRY
        .iter()
        .map(|r| descriptor(r.meta, &opts.sarif))
        .collect();
    let at = Rebase {
        root: opts.sarif.root.as_deref(),
        cwd: opts.sarif.cwd.as_deref(),
    };
    let mut index: BTreeMap<&str, usize> = REGISTRY
        .iter()
        .enumerate()
        .map(|(i, r)| (r.meta.id, i))
        .collect();

    let mut shown: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    if opts.show_suppressed {
        shown.extend(report.suppressed.iter());
    }
    shown.sort_by(|a, b| {
        (a.sort_key(), a.suppressed.is_some()).cmp(&(b.sort_key(), b.suppressed.is_some()))
    });
    // Findings of rules outside the registry still need a descriptor: add
    // them after the registered ones, in ID order.
    let mut extra: Vec<&Diagnostic> = shown
        .iter()
        .copied()
        .filter(|d| !index.contains_key(d.rule_id))
        .collect();
    extra.sort_by_key(|d| d.rule_id);
    extra.dedup_by_key(|d| d.rule_id);
    for d in extra {
        index.insert(d.rule_id, rules.len());
        rules.push(unregistered(d));
    }

    let results = shown
        .iter()
        .map(|d| result(d, index[d.rule_id], &at))
        .collect();
    Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "idlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules,
                },
            },
            invocations: vec![Invocation {
                execution_successful: report.errors.is_empty(),
                tool_execution_notifications: report
                    .errors
                    .iter()
                    .map(|e| notification(e, &at))
                    .collect(),
            }],
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                match (at.root, at.cwd) {
                    (Some(root), Some(_)) => BaseUri {
                        uri: Some(dir_uri(root)),
                        description: Message {
                            text: "The repository root; file paths are relative to it.".to_string(),
                        },
                    },
                    _ => BaseUri {
                        uri: None,
                        description: Message {
                            text: "The directory idlint ran in; file paths are relative to it."
                                .to_string(),
                        },
                    },
                },
            )]),
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_and_relative() {
        assert_eq!(
            path_uri("infra/my app/main#1.tf"),
            ("infra/my%20app/main%231.tf".to_string(), Some(SRCROOT))
        );
        assert_eq!(path_uri("a:b/ü.json").0, "a%3Ab/%C3%BC.json");
        assert_eq!(
            path_uri("/tmp/x y.tf"),
            ("file:///tmp/x%20y.tf".into(), None)
        );
        assert_eq!(
            path_uri("C:/src/a.tf"),
            ("file:///C:/src/a.tf".into(), None)
        );
    }

    #[test]
    fn section_text_stops_at_the_next_heading() {
        let body =
            "# X\n\n## What it does\nReports things.\nMore.\n\n## Why is this bad?\nBecause.\n";
        assert_eq!(
            section(body, "What it does"),
            Some("Reports things.\nMore.")
        );
        assert_eq!(section(body, "Why is this bad?"), Some("Because."));
        assert_eq!(section(body, "Options"), None);
    }
}
