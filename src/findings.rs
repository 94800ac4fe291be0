//! Findings as rules make them (model locations) and as reports show them
//! (file, line, column), with the fingerprint baselines match on.

use crate::model::{Entry, Loc, Resource, Unit, Value};
use crate::source::{SourceFile, Span};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "low" => Some(Severity::Low),
            "medium" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            "critical" => Some(Severity::Critical),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    Sec,
    Mid,
    Rbac,
    Bg,
    Meta,
}

impl Family {
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Sec => "SEC",
            Family::Mid => "MID",
            Family::Rbac => "RBAC",
            Family::Bg => "BG",
            Family::Meta => "META",
        }
    }
}

/// Which source formats a rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formats {
    Both,
    ArmOnly,
    TerraformOnly,
}

impl Formats {
    pub fn as_str(self) -> &'static str {
        match self {
            Formats::Both => "arm, terraform",
            Formats::ArmOnly => "arm",
            Formats::TerraformOnly => "terraform",
        }
    }
    pub fn arm(self) -> bool {
        self != Formats::TerraformOnly
    }
    pub fn terraform(self) -> bool {
        self != Formats::ArmOnly
    }
}

/// A rule's identity and documentation. It lives beside `Finding`, which
/// names it, so findings need nothing from the rule registry.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub formats: Formats,
    /// One line: what the rule catches.
    pub summary: &'static str,
    /// The default fix, shown as `help`.
    pub help: &'static str,
    /// The rule's README (front matter and sections), for `explain` and SARIF.
    pub docs: &'static str,
}

impl RuleMeta {
    /// The README without its front matter: what `explain` and SARIF show.
    pub fn docs_body(&self) -> &'static str {
        strip_front_matter(self.docs)
    }
}

/// A rule README without its `---` front matter.
pub fn strip_front_matter(docs: &str) -> &str {
    if let Some(rest) = docs.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---\n") {
            return rest[end + 5..].trim_start_matches('\n');
        }
    }
    docs
}

/// What a rule reports, in model terms.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub loc: Loc,
    pub message: String,
    pub help: String,
    pub related: Vec<(Loc, String)>,
    /// Resource type and label, when the finding is about a resource.
    pub resource: Option<(String, String)>,
    /// Places holding a secret: masked wherever source text is shown.
    pub redact: Vec<Loc>,
    /// Module calls the resource was declared through (name, call site).
    pub calls: Vec<(String, Loc)>,
    /// What the finding is about, stable across edits: resource key or input
    /// name, plus the property path. Feeds the fingerprint.
    pub subject: String,
    /// Where the finding's place sits in its resource's body, by the keys
    /// and array indexes leading there (`image_registry_credential[1].password`):
    /// tells apart findings of one subject in repeated blocks or elements.
    /// Empty when the place is not in the body (the resource's header).
    pub element: String,
}

impl Finding {
    pub fn new(rule: &'static RuleMeta, loc: Loc, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            severity: rule.severity,
            loc,
            message: message.into(),
            help: rule.help.to_string(),
            related: Vec::new(),
            resource: None,
            redact: Vec::new(),
            calls: Vec::new(),
            subject: String::new(),
            element: String::new(),
        }
    }
    /// The text at `loc` is a secret: reports show at most its first four characters.
    pub fn redact(mut self, loc: Loc) -> Finding {
        self.redact.push(loc);
        self
    }
    /// `v` is a secret when it is written out as text; an expression that
    /// produces one (`listKeys(...)`, `var.password`) is shown as written.
    pub fn redact_literal(self, v: &Value) -> Finding {
        if matches!(v.kind, crate::model::Kind::String(_)) {
            self.redact(v.loc)
        } else {
            self
        }
    }
    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = help.into();
        self
    }
    pub fn severity(mut self, s: Severity) -> Finding {
        self.severity = s;
        self
    }
    pub fn related(mut self, loc: Loc, message: impl Into<String>) -> Finding {
        self.related.push((loc, message.into()));
        self
    }
    /// The finding concerns `res`, at property `path` of it.
    pub fn resource(mut self, res: &Resource, path: &str) -> Finding {
        self.resource = Some((res.ty.clone(), res.label.clone()));
        self.calls = res
            .via
            .iter()
            .filter(|s| s.noun == crate::model::MODULE_CALL)
            .map(|s| (s.name.clone(), s.loc))
            .collect();
        self.subject = format!("{}#{}", res.key, path);
        self.element = element_path(&res.body, self.loc).unwrap_or_default();
        self
    }
    /// A finding on property `e` of `res` (at `path` of it): it points at
    /// the property's key, where the user fixes it, and names the resource
    /// so suppressions by resource and fingerprints work.
    pub fn property(
        rule: &'static RuleMeta,
        res: &Resource,
        path: &str,
        e: &Entry,
        message: impl Into<String>,
    ) -> Finding {
        Finding::new(rule, e.key_loc, message).resource(res, path)
    }
    /// Says where `v` came from: the message gains " via default of
    /// parameter `x`" and the chain becomes related locations. A value set
    /// far from its use (a default, a tfvars file, a module input) is fixed
    /// where it is written, which the use alone does not show.
    pub fn traced(mut self, v: &Value) -> Finding {
        self.message.push_str(&via_text(v));
        self.evidence(v)
    }
    /// The finding concerns a named thing that is not a resource (a parameter, an output).
    pub fn subject(mut self, subject: impl Into<String>) -> Finding {
        self.subject = subject.into();
        self
    }
    /// Adds where the value came from as related locations (parameter
    /// default, variable, module input), so the user sees the whole chain.
    pub fn evidence(mut self, v: &Value) -> Finding {
        let first = origin(v);
        if let Some(step) = first {
            self.related.push((v.loc, step.describe()));
        }
        for s in &v.via {
            let combined = s.kind == crate::model::StepKind::Combined;
            if !combined && Some(s) != first && !self.related.iter().any(|(l, _)| *l == s.loc) {
                self.related.push((s.loc, s.describe()));
            }
        }
        self
    }
}

/// The path from `body` to the entry whose key (or value) is written at
/// `loc`, or to the array element written there: keys joined by `.`,
/// indexes as `[i]`. `None` when `loc` is not in `body`.
pub fn element_path(body: &Value, loc: Loc) -> Option<String> {
    fn walk(v: &Value, loc: Loc, out: &mut Vec<String>) -> bool {
        match &v.kind {
            crate::model::Kind::Object(entries) => entries.iter().any(|e| {
                out.push(if out.is_empty() {
                    e.key.clone()
                } else {
                    format!(".{}", e.key)
                });
                if e.key_loc == loc || e.value.loc == loc || walk(&e.value, loc, out) {
                    return true;
                }
                out.pop();
                false
            }),
            crate::model::Kind::Array(items) => items.iter().enumerate().any(|(i, x)| {
                out.push(format!("[{i}]"));
                if x.loc == loc || walk(x, loc, out) {
                    return true;
                }
                out.pop();
                false
            }),
            _ => false,
        }
    }
    let mut out = Vec::new();
    walk(body, loc, &mut out).then(|| out.concat())
}

/// The subject a fingerprint is made of: the finding's subject, and its
/// element path when that goes through an array element other than the
/// first (so the fingerprints of findings in a first or only element stay
/// what they were before element paths were part of them).
pub fn fingerprint_subject(subject: &str, element: &str) -> String {
    let later = element
        .split('[')
        .skip(1)
        .any(|s| s.split(']').next().is_some_and(|i| i != "0"));
    if later {
        format!("{subject}@{element}")
    } else {
        subject.to_string()
    }
}

/// The step that supplied a value's literal: the last default or given value
/// in its chain, else the first named step.
pub fn origin(v: &Value) -> Option<&crate::model::Step> {
    use crate::model::StepKind::*;
    if v.via.iter().any(|s| s.kind == Combined) {
        return None;
    }
    v.via
        .iter()
        .rev()
        .find(|s| matches!(s.kind, Default | Given))
        .or_else(|| v.via.iter().find(|s| matches!(s.kind, ModuleInput | Named)))
}

/// " via default of parameter `x`", or "" when the value is written in place.
pub fn via_text(v: &Value) -> String {
    match origin(v) {
        Some(s) => format!(" via {}", s.describe()),
        None => String::new(),
    }
}

pub use crate::source::load::SNIPPET_CONTEXT;

/// A finding ready to print: positions resolved against its file. It keeps
/// only the lines around the finding, not the whole file.
#[derive(Clone, Debug, Serialize)]
pub struct Diagnostic {
    pub rule_id: &'static str,
    pub rule_name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<ResourceOut>,
    pub related: Vec<RelatedOut>,
    pub help: String,
    pub fingerprint: String,
    /// The finding's element path in its resource ([`Finding::element`]):
    /// mixed into the fingerprint of findings that still share one.
    #[serde(skip)]
    pub element: String,
    /// Set on suppressed findings, which reports show only when asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppressed>,
    /// The lines around the finding (an excerpt of the file).
    #[serde(skip)]
    pub source: Arc<SourceFile>,
    #[serde(skip)]
    pub span: Span,
    /// This finding's own secret spans in `source`. Renderers mask with
    /// `Report::secrets` instead, which also holds the secrets of findings
    /// not shown and of other files.
    #[serde(skip)]
    pub redactions: Vec<Span>,
}

/// Why a finding is not reported.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Suppressed {
    pub kind: SuppressionKind,
    pub justification: String,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SuppressionKind {
    /// An `idlint:ignore` comment in the source.
    Inline,
    /// A `suppress` entry of the configuration file.
    Config,
    /// A fingerprint in the `--baseline` file.
    Baseline,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ResourceOut {
    #[serde(rename = "type")]
    pub ty: String,
    pub name: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct RelatedOut {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl Diagnostic {
    pub fn from_finding(f: &Finding, unit: &Unit) -> Diagnostic {
        let src = unit.files[f.loc.file.0 as usize].clone();
        let start = src.line_col(f.loc.span.start);
        let end = src.line_col(f.loc.span.end);
        let mut related = Vec::new();
        for (loc, msg) in &f.related {
            let rs = &unit.files[loc.file.0 as usize];
            let lc = rs.line_col(loc.span.start);
            related.push(RelatedOut {
                file: rs.display.clone(),
                line: lc.line,
                column: lc.column,
                message: msg.clone(),
            });
        }
        let fingerprint = fingerprint(
            f.rule.id,
            &src.display,
            &fingerprint_subject(&f.subject, &f.element),
        );
        // A finding in a child module names the calls that led there.
        let mut message = f.message.clone();
        if !f.calls.is_empty() {
            let chain: Vec<String> = f
                .calls
                .iter()
                .map(|(name, loc)| {
                    let file = &unit.files[loc.file.0 as usize];
                    format!(
                        "{name} called at {}:{}",
                        file.display,
                        file.line_col(loc.span.start).line
                    )
                })
                .collect();
            message = format!("{message} (in {})", chain.join(", "));
        }
        Diagnostic {
            rule_id: f.rule.id,
            rule_name: f.rule.name,
            severity: f.severity,
            message,
            file: src.display.clone(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            resource: f.resource.as_ref().map(|(ty, name)| ResourceOut {
                ty: ty.clone(),
                name: name.clone(),
            }),
            related,
            help: f.help.clone(),
            fingerprint,
            element: f.element.clone(),
            suppressed: None,
            source: src.excerpt_shared(f.loc.span, SNIPPET_CONTEXT),
            redactions: f
                .redact
                .iter()
                .filter(|l| l.file == f.loc.file)
                .map(|l| l.span)
                .collect(),
            span: f.loc.span,
        }
    }

    /// A finding about a place that is not part of a unit (a suppression
    /// comment, a configuration entry).
    pub fn at(
        rule: &'static RuleMeta,
        src: &Arc<SourceFile>,
        span: Span,
        message: String,
        subject: &str,
    ) -> Diagnostic {
        let start = src.line_col(span.start);
        let end = src.line_col(span.end);
        Diagnostic {
            rule_id: rule.id,
            rule_name: rule.name,
            severity: rule.severity,
            message,
            file: src.display.clone(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            resource: None,
            related: Vec::new(),
            help: rule.help.to_string(),
            fingerprint: fingerprint(rule.id, &src.display, subject),
            element: String::new(),
            suppressed: None,
            source: src.excerpt_shared(span, SNIPPET_CONTEXT),
            span,
            redactions: Vec::new(),
        }
    }

    /// Report order: file, line, column, rule.
    pub fn sort_key(&self) -> (&str, u32, u32, &str, &str) {
        (
            &self.file,
            self.line,
            self.column,
            self.rule_id,
            &self.message,
        )
    }
}

/// Stable across line shifts, reformatting and value changes: rule, file,
/// and what the finding is about.
pub fn fingerprint(rule: &str, file: &str, subject: &str) -> String {
    let mut h = Sha256::new();
    for part in [rule, file, subject] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Where secrets are written, per file (by its display path): every span
/// any rule marked as a secret, whether its finding is reported, suppressed,
/// baselined or of a rule not selected, and the credentials found in files
/// that could not be parsed. Every snippet of a file is masked with them, so
/// a secret stays hidden in the context lines of any finding or error.
#[derive(Clone, Debug, Default)]
pub struct Secrets {
    by_file: std::collections::HashMap<String, Vec<Span>>,
}

impl Secrets {
    pub fn add(&mut self, file: &str, span: Span) {
        if span.is_empty() {
            return;
        }
        match self.by_file.get_mut(file) {
            Some(v) => v.push(span),
            None => {
                self.by_file.insert(file.to_string(), vec![span]);
            }
        }
    }

    /// The credentials in the text of a file no rule will see (it did not
    /// parse), found by the same patterns as SEC006.
    pub fn search(&mut self, src: &SourceFile) {
        for c in crate::model::credentials::find(&src.text) {
            let o = src.origin.0 as usize;
            self.add(&src.display, Span::new(o + c.start, o + c.end));
        }
    }

    pub fn merge(&mut self, o: Secrets) {
        for (file, spans) in o.by_file {
            self.by_file.entry(file).or_default().extend(spans);
        }
    }

    /// Sorts each file's spans and joins overlapping ones, which [`within`]
    /// needs; the result does not depend on the order spans were added in.
    ///
    /// [`within`]: Secrets::within
    pub fn seal(&mut self) {
        for v in self.by_file.values_mut() {
            v.sort();
            let mut joined: Vec<Span> = Vec::with_capacity(v.len());
            for s in v.drain(..) {
                match joined.last_mut() {
                    Some(last) if s.start < last.end => last.end = last.end.max(s.end),
                    _ => joined.push(s),
                }
            }
            *v = joined;
        }
    }

    /// The sealed spans of `file` that overlap `[lo, hi)`, by binary search.
    pub fn within(&self, file: &str, lo: u32, hi: u32) -> &[Span] {
        let Some(v) = self.by_file.get(file) else {
            return &[];
        };
        let from = v.partition_point(|s| s.end <= lo);
        let to = v.partition_point(|s| s.start < hi).max(from);
        &v[from..to]
    }

    pub fn is_empty(&self) -> bool {
        self.by_file.is_empty()
    }
}

/// `"Eby8…(88 chars)"`: at most four characters of a secret and its length.
pub fn redacted(secret: &str) -> String {
    let n = secret.chars().count();
    let keep = if n > 8 { 4 } else { 0 };
    let prefix: String = secret.chars().take(keep).collect();
    format!("{prefix}…({n} chars)")
}

/// `text` with each secret span masked in place: the first four characters
/// stay, the rest become `*`, byte for byte, so offsets and columns of
/// everything else are unchanged. String quotes are kept.
pub fn mask_spans(text: &str, spans: &[Span]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        let (mut start, mut end) = (s.start as usize, (s.end as usize).min(bytes.len()));
        if start >= end {
            continue;
        }
        if bytes[start] == b'"' && end - start >= 2 && bytes[end - 1] == b'"' {
            start += 1;
            end -= 1;
        }
        let inner = &text[start..end];
        let skip: usize = inner.chars().take(4).map(char::len_utf8).sum();
        let keep = if inner.chars().count() > 8 { skip } else { 0 };
        // Line breaks stay, so the masked text has the same lines.
        for b in &mut bytes[start + keep..end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b'*';
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_keeps_four_characters_and_the_length() {
        assert_eq!(
            redacted("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq"),
            "Eby8…(62 chars)"
        );
        assert_eq!(redacted("short"), "…(5 chars)");
    }

    #[test]
    fn secrets_are_joined_and_found_by_range() {
        let mut a = Secrets::default();
        a.add("f", Span::new(20, 30));
        a.add("f", Span::new(0, 5));
        let mut b = Secrets::default();
        b.add("f", Span::new(25, 40));
        b.add("g", Span::new(1, 2));
        a.merge(b);
        a.seal();
        assert_eq!(a.within("f", 0, 100), [Span::new(0, 5), Span::new(20, 40)]);
        assert_eq!(a.within("f", 5, 20), []);
        assert_eq!(a.within("f", 39, 41), [Span::new(20, 40)]);
        assert_eq!(a.within("h", 0, 100), []);
    }

    #[test]
    fn later_elements_are_in_the_fingerprint_subject() {
        let s = "r#properties.imageRegistryCredentials.password";
        assert_eq!(fingerprint_subject(s, ""), s);
        assert_eq!(
            fingerprint_subject(s, "properties.imageRegistryCredentials[0].password"),
            s
        );
        assert_eq!(
            fingerprint_subject(s, "image_registry_credential[1].password"),
            format!("{s}@image_registry_credential[1].password")
        );
        assert_ne!(
            fingerprint_subject(s, "a[0].b[10].c"),
            fingerprint_subject(s, "a[0].b[1].c")
        );
    }

    #[test]
    fn element_paths_lead_to_the_place() {
        use crate::model::{Entry, Kind, Loc, Value};
        let at = |n: usize| Loc {
            file: crate::model::FileId(0),
            span: Span::new(n, n + 1),
        };
        let entry = |k: &str, n: usize, v: Value| Entry {
            key: k.into(),
            key_loc: at(n),
            value: v,
        };
        let obj = |n: usize, es: Vec<Entry>| Value::new(Kind::Object(Arc::new(es)), at(n));
        let cred = |n: usize| {
            obj(
                n,
                vec![entry("password", n + 1, Value::new(Kind::Null, at(n + 2)))],
            )
        };
        let body = obj(
            0,
            vec![entry(
                "creds",
                1,
                Value::new(Kind::Array(Arc::new(vec![cred(10), cred(20)])), at(2)),
            )],
        );
        assert_eq!(
            element_path(&body, at(21)).as_deref(),
            Some("creds[1].password")
        );
        assert_eq!(
            element_path(&body, at(11)).as_deref(),
            Some("creds[0].password")
        );
        assert_eq!(element_path(&body, at(20)).as_deref(), Some("creds[1]"));
        assert_eq!(element_path(&body, at(99)), None);
    }

    #[test]
    fn masking_keeps_offsets() {
        let t = r#"{"p": "N0t-a-real-one!", "q": 1}"#;
        let m = mask_spans(t, &[Span::new(6, 23)]);
        assert_eq!(m, r#"{"p": "N0t-***********", "q": 1}"#);
        assert_eq!(m.len(), t.len());
        assert_eq!(mask_spans("\"abc\"", &[Span::new(0, 5)]), "\"***\"");
    }
}
