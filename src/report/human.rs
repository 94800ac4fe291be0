//! Human output through miette: the source line, a label at the exact span,
//! the fix as `help`. Snippets come from our line index, not miette's
//! rescan-from-start sources, so thousands of findings in a large file stay fast.

use crate::findings::{Diagnostic, Severity};
use crate::scan::FileError;
use crate::source::{SourceFile, Span};
use crate::Report;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt::{self, Write as _};
use std::sync::Arc;

/// A source file as miette reads it: lines found by binary search.
struct Indexed(Arc<SourceFile>);

impl fmt::Debug for Indexed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.display)
    }
}

impl SourceCode for Indexed {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let src = &self.0;
        let text = &src.text;
        // Spans are file offsets; the text may be an excerpt starting at `origin`.
        let base = src.origin.0 as usize;
        let offset = span
            .offset()
            .checked_sub(base)
            .ok_or(MietteError::OutOfBounds)?;
        if offset > text.len() || offset + span.len() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
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
            column = src.line_col(span.offset() as u32).column as usize - 1;
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

fn from_diagnostic(d: &Diagnostic, masked: &Masked) -> Shown {
    // Related places are notes, not labels: a label above the primary one
    // would put its line in the snippet header and send the reader there.
    let labels = vec![LabeledSpan::new_primary_with_span(
        None,
        span_of(clamp(&d.source, d.span)),
    )];
    let mut help = d.help.clone();
    for r in &d.related {
        let _ = write!(
            help,
            "\nnote: {}:{}:{}: {}",
            r.file, r.line, r.column, r.message
        );
    }
    let _ = write!(help, "\nsee `idlint explain {}`", d.rule_id);
    if let Some(s) = &d.suppressed {
        let kind = format!("{:?}", s.kind).to_lowercase();
        let _ = write!(help, "\nsuppressed ({kind}): {}", s.justification);
    }
    Shown {
        message: d.message.clone(),
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
        source: Some(Indexed(masked.source(d))),
        labels,
    }
}

/// Each file as shown: every secret any finding found in it masked, since
/// a snippet's context lines can hold another finding's secret.
struct Masked(std::collections::HashMap<std::path::PathBuf, Vec<Span>>);

impl Masked {
    fn new<'a>(diags: impl Iterator<Item = &'a Diagnostic>) -> Masked {
        let mut spans: std::collections::HashMap<std::path::PathBuf, Vec<Span>> =
            std::collections::HashMap::new();
        for d in diags.filter(|d| !d.redactions.is_empty()) {
            spans
                .entry(d.source.path.clone())
                .or_default()
                .extend(d.redactions.iter().copied());
        }
        Masked(spans)
    }

    /// The finding's excerpt with every secret of its file that it shows masked.
    fn source(&self, d: &Diagnostic) -> Arc<SourceFile> {
        let src = &d.source;
        let (base, len) = (src.origin.0, src.text.len() as u32);
        let rel: Vec<Span> = self
            .0
            .get(&src.path)
            .into_iter()
            .flatten()
            .filter(|s| s.end > base && s.start < base + len)
            .map(|s| Span {
                start: s.start.max(base) - base,
                end: s.end.min(base + len) - base,
            })
            .collect();
        if rel.is_empty() {
            return src.clone();
        }
        let text = crate::findings::mask_spans(&src.text, &rel);
        let mut masked = SourceFile::new(src.path.clone(), text);
        masked.display = src.display.clone();
        masked.origin = src.origin;
        Arc::new(masked)
    }
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

fn from_error(e: &FileError) -> Shown {
    let (source, labels) = match &e.source {
        Some((src, span)) => (
            Some(Indexed(src.clone())),
            vec![LabeledSpan::new_primary_with_span(
                None,
                span_of(clamp(src, *span)),
            )],
        ),
        None => (None, Vec::new()),
    };
    Shown {
        message: match (e.line, e.column, &e.source) {
            (Some(l), Some(c), None) => format!("{}:{l}:{c}: {}", e.file, e.message),
            (_, _, Some(_)) => e.message.clone(),
            _ => format!("{}: {}", e.file, e.message),
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
        let listed = super::listed(report, opts);
        let masked = Masked::new(listed.iter().copied());
        for d in listed {
            one.clear();
            let _ = handler.render_report(&mut one, &from_diagnostic(d, &masked));
            one.push('\n');
            w.write_all(one.as_bytes())?;
        }
    }
    for e in &report.errors {
        one.clear();
        let _ = handler.render_report(&mut one, &from_error(e));
        one.push('\n');
        w.write_all(one.as_bytes())?;
    }
    for u in &report.unhonoured {
        let n = u.would_suppress;
        writeln!(
            w,
            "note: {}:{}: `idlint:ignore {}` not honoured (--no-inline-suppressions); it would suppress {n} finding{}",
            u.file,
            u.line,
            u.rules.join(","),
            plural(n)
        )?;
    }
    w.write_all(summary_line(report).as_bytes())?;
    w.write_all(b"\n")
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
    let mut out = String::new();
    for e in errors {
        let _ = handler.render_report(&mut out, &from_error(e));
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
