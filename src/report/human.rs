//! Human output through miette: the source line, a label at the exact span,
//! the fix as `help`. Snippets come from our line index, not miette's
//! rescan-from-start sources, so thousands of findings in a large file stay fast.

use super::sanitize::{self, line};
use crate::findings::{Diagnostic, Secrets, Severity};
use crate::report::outcome::Report;
use crate::scan::FileError;
use crate::source::{SourceFile, Span};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt::{self, Write as _};
use std::sync::Arc;

/// A source file as miette reads it: lines found by binary search. The text
/// is the snippet as shown (secrets masked, controls escaped); `column` is
/// the label's column in the file, for the `[file:line:col]` header, which
/// escapes earlier on the line would otherwise push right.
struct Indexed {
    src: Arc<SourceFile>,
    column: usize,
}

impl fmt::Debug for Indexed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.src.display)
    }
}

impl SourceCode for Indexed {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let src = &self.src;
        let text = &src.text;
        // Spans are file offsets; the text may be an excerpt starting at `origin`.
        let base = src.origin.0 as usize;
        let offset = span
            .offset()
            .checked_sub(base)
            .ok_or(MietteError::OutOfBounds)?;
        if offset > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        // A label at the end of the file (`{ "key": ` cut short) covers the
        // one character past the text: shown at the end of the last line.
        let span = &SourceSpan::from((span.offset(), span.len().min(text.len() - offset)));
        let first = src.lines.line_of(offset);
        let last = src
            .lines
            .line_of((offset + span.len()).saturating_sub(1).max(offset));
        let from = first.saturating_sub(before);
        let to = (last + after).min(src.lines.line_count() - 1);
        let (mut start, _) = src
            .lines
            .line_span(text, from)
            .ok_or(MietteError::OutOfBounds)?;
        let (_, end) = src
            .lines
            .line_span(text, to)
            .ok_or(MietteError::OutOfBounds)?;
        let mut column = 0;
        if before == 0 {
            // Without leading context miette reads the position of the span itself.
            column = self.column;
            start = offset;
        }
        let end = end.max(start);
        Ok(Box::new(MietteSpanContents::new_named(
            src.display.clone(),
            &text.as_bytes()[start..end],
            (base + start, end - start).into(),
            src.origin.1 as usize + from,
            column,
            to - from + 1,
        )))
    }
}

/// One finding or error as a miette diagnostic.
struct Shown {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<Indexed>,
    labels: Vec<LabeledSpan>,
}

impl fmt::Debug for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for Shown {}

impl miette::Diagnostic for Shown {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
}

fn span_of(s: Span) -> SourceSpan {
    (s.start as usize, s.len().max(1)).into()
}

fn from_diagnostic(d: &Diagnostic, secrets: &Secrets) -> Shown {
    // Related places are notes, not labels: a label above the primary one
    // would put its line in the snippet header and send the reader there.
    let (source, span) = shown(&d.source, d.span, secrets);
    let labels = vec![LabeledSpan::new_primary_with_span(None, span_of(span))];
    let mut help = line(&d.help).into_owned();
    for r in &d.related {
        let _ = write!(
            help,
            "\nnote: {}:{}:{}: {}",
            line(&r.file),
            r.line,
            r.column,
            line(&r.message)
        );
    }
    let _ = write!(help, "\nsee `idlint explain {}`", d.rule_id);
    if let Some(s) = &d.suppressed {
        let kind = format!("{:?}", s.kind).to_lowercase();
        let _ = write!(help, "\nsuppressed ({kind}): {}", line(&s.justification));
    }
    Shown {
        message: line(&d.message).into_owned(),
        code: Some(format!(
            "{} {} [{}]",
            d.rule_id,
            d.rule_name,
            d.severity.as_str()
        )),
        severity: match d.severity {
            Severity::Critical | Severity::High => miette::Severity::Error,
            Severity::Medium => miette::Severity::Warning,
            Severity::Low => miette::Severity::Advice,
        },
        help: Some(help),
        source: Some(source),
        labels,
    }
}

/// A snippet as shown: cut to the lines miette prints, every secret known
/// in its file masked (a context line can hold a secret of another finding,
/// of a suppressed one, of a rule not selected), and control characters
/// escaped. Returns the source and `span` moved to the shown text.
fn shown(src: &Arc<SourceFile>, span: Span, secrets: &Secrets) -> (Indexed, Span) {
    let span = clamp(src, span);
    // The lines miette prints (one of context each side): masking and
    // escaping cost what is shown, not the whole of a shared large file.
    let cut = src.excerpt(span, 1);
    let column = cut.line_col(span.start).column as usize - 1;
    let base = cut.origin.0;
    let len = cut.text.len() as u32;
    let rel: Vec<Span> = secrets
        .within(&cut.display, base, base + len)
        .iter()
        .map(|s| Span {
            start: s.start.max(base) - base,
            end: s.end.min(base + len) - base,
        })
        .collect();
    let masked = if rel.is_empty() {
        None
    } else {
        Some(crate::findings::mask_spans(&cut.text, &rel))
    };
    let text = masked.as_deref().unwrap_or(&cut.text);
    let (text, span) = match sanitize::source(text) {
        Some(e) => {
            let at = |o: u32| base + e.offset(o - base);
            let span = Span {
                start: at(span.start),
                end: at(span.end),
            };
            (e.text, span)
        }
        None => (masked.unwrap_or(cut.text), span),
    };
    let mut file = SourceFile::new(cut.path.clone(), text);
    file.display = line(&cut.display).into_owned();
    file.origin = cut.origin;
    (
        Indexed {
            src: Arc::new(file),
            column,
        },
        span,
    )
}

/// `s` cut to the text the (possibly excerpted) file holds.
fn clamp(src: &SourceFile, s: Span) -> Span {
    let lo = src.origin.0;
    let hi = lo + src.text.len() as u32;
    let start = s.start.clamp(lo, hi);
    Span {
        start,
        end: s.end.clamp(start, hi),
    }
}

fn from_error(e: &FileError, secrets: &Secrets) -> Shown {
    let (source, labels) = match &e.source {
        Some((src, span)) => {
            let (source, span) = shown(src, *span, secrets);
            // At the end of the file there is no character to underline.
            let end = source.src.origin.0 as usize + source.src.text.len();
            let at = if span.start as usize >= end {
                (end, 0).into()
            } else {
                span_of(span)
            };
            (
                Some(source),
                vec![LabeledSpan::new_primary_with_span(None, at)],
            )
        }
        None => (None, Vec::new()),
    };
    let (file, message) = (line(&e.file), line(&e.message));
    Shown {
        message: match (e.line, e.column, &e.source) {
            (Some(l), Some(c), None) => format!("{file}:{l}:{c}: {message}"),
            (_, _, Some(_)) => message.into_owned(),
            _ => format!("{file}: {message}"),
        },
        code: None,
        severity: miette::Severity::Error,
        help: None,
        source,
        labels,
    }
}

pub fn render(report: &Report, opts: &super::RenderOptions) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and every piece written is a `String`.
    let _ = write(report, opts, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The same text as [`render`], written one finding at a time, so a large
/// report is never held whole.
pub fn write(
    report: &Report,
    opts: &super::RenderOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_context_lines(1)
        .with_links(false);
    let mut one = String::new();
    if !opts.quiet {
        for d in super::listed(report, opts) {
            one.clear();
            let _ = handler.render_report(&mut one, &from_diagnostic(d, &report.secrets));
            one.push('\n');
            w.write_all(one.as_bytes())?;
        }
    }
    for e in &report.errors {
        one.clear();
        let _ = handler.render_report(&mut one, &from_error(e, &report.secrets));
        one.push('\n');
        w.write_all(one.as_bytes())?;
    }
    for u in &report.unhonoured {
        let n = u.would_suppress;
        writeln!(
            w,
            "note: {}:{}: `idlint:ignore {}` not honoured (--no-inline-suppressions); it would suppress {n} finding{}",
            super::sanitize::line(&u.file),
            u.line,
            super::sanitize::line(&u.rules.join(",")),
            plural(n)
        )?;
    }
    if !opts.quiet {
        w.write_all(rule_table(report).as_bytes())?;
    }
    w.write_all(summary_line(report).as_bytes())?;
    w.write_all(b"\n")
}

/// The findings counted per rule and severity, most severe first, then
/// most frequent: which rules to look at first. Empty without findings.
///
/// ```text
/// rule    name                    severity  findings
/// MID004  acr-admin-user-enabled  high             3
/// ```
pub fn rule_table(report: &Report) -> String {
    let mut counts: std::collections::BTreeMap<(&str, &str, Severity), usize> =
        std::collections::BTreeMap::new();
    for d in &report.diagnostics {
        *counts
            .entry((d.rule_id, d.rule_name, d.severity))
            .or_default() += 1;
    }
    if counts.is_empty() {
        return String::new();
    }
    let mut rows: Vec<((&str, &str, Severity), usize)> = counts.into_iter().collect();
    rows.sort_by(|((ia, _, sa), na), ((ib, _, sb), nb)| {
        (std::cmp::Reverse(*sa), std::cmp::Reverse(*na), *ia).cmp(&(
            std::cmp::Reverse(*sb),
            std::cmp::Reverse(*nb),
            *ib,
        ))
    });
    let wid = rows
        .iter()
        .map(|((i, _, _), _)| i.len())
        .max()
        .unwrap_or(0)
        .max(4);
    let wname = rows
        .iter()
        .map(|((_, n, _), _)| n.len())
        .max()
        .unwrap_or(0)
        .max(4);
    let mut out = format!(
        "{:<wid$}  {:<wname$}  {:<8}  {:>8}\n",
        "rule", "name", "severity", "findings"
    );
    for ((id, name, sev), n) in rows {
        let _ = writeln!(
            out,
            "{:<wid$}  {:<wname$}  {:<8}  {:>8}",
            id,
            name,
            sev.as_str(),
            n
        );
    }
    out.push('\n');
    out
}

/// Errors alone (a configuration file that does not load).
pub fn render_errors(errors: &[FileError], color: bool, width: usize) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_context_lines(1)
        .with_links(false);
    // No rule has seen these files (a configuration file): mask what the
    // credential patterns find in them.
    let mut secrets = Secrets::default();
    for (src, _) in errors.iter().filter_map(|e| e.source.as_ref()) {
        secrets.search(src);
    }
    secrets.seal();
    let mut out = String::new();
    for e in errors {
        let _ = handler.render_report(&mut out, &from_error(e, &secrets));
    }
    out
}

/// `checked 12 files (2 skipped) in 0.05s: 3 findings (2 high, 1 medium), 1 error`
pub fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let mut line = format!("checked {} file{}", s.files, plural(s.files));
    if s.skipped > 0 {
        let _ = write!(line, " ({} skipped)", s.skipped);
    }
    let _ = write!(line, " in {:.2}s: ", report.elapsed.as_secs_f64());
    if s.findings == 0 {
        line.push_str("no findings");
    } else {
        let by = &s.by_severity;
        let parts: Vec<String> = [
            (by.critical, "critical"),
            (by.high, "high"),
            (by.medium, "medium"),
            (by.low, "low"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, l)| format!("{n} {l}"))
        .collect();
        let _ = write!(
            line,
            "{} finding{} ({})",
            s.findings,
            plural(s.findings),
            parts.join(", ")
        );
    }
    if s.suppressed > 0 {
        let _ = write!(line, ", {} suppressed", s.suppressed);
    }
    if s.inline_not_honoured > 0 {
        let _ = write!(
            line,
            ", {} `idlint:ignore` not honoured",
            s.inline_not_honoured
        );
    }
    if s.errors > 0 {
        let _ = write!(line, ", {} file{} with errors", s.errors, plural(s.errors));
    }
    line
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
