//! `--format github`: GitHub Actions workflow commands, one per line, which
//! the runner turns into annotations on the pull request:
//! `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=ID name::message`.
//! Critical and high findings are `error`, medium `warning`, low `notice`.

use super::sanitize::line;
use super::RenderOptions;
use crate::findings::{Diagnostic, Severity, SuppressionKind};
use crate::report::outcome::Report;
use std::fmt::Write as _;

/// A command's message: `%`, CR and LF percent-encoded. Other control
/// characters, which the log viewer would act on, are shown as escapes
/// (`sanitize::line`); callers pass text that is already one line.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// A command's property value: as [`escape_data`], plus `:` and `,`, which
/// end a property.
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "notice",
    }
}

fn finding(out: &mut String, d: &Diagnostic) {
    let mut title = format!("{} {}", d.rule_id, d.rule_name);
    let mut message = d.message.clone();
    let file = line(&d.file);
    // A suppressed finding (shown on request) is a notice, saying why.
    let cmd = match &d.suppressed {
        Some(s) => {
            let kind = match s.kind {
                SuppressionKind::Inline => "inline",
                SuppressionKind::Config => "config",
                SuppressionKind::Baseline => "baseline",
            };
            title.push_str(" (suppressed)");
            let _ = write!(message, " (suppressed, {kind}: {})", s.justification);
            "notice"
        }
        None => command(d.severity),
    };
    let _ = write!(
        out,
        "::{cmd} file={},line={},col={}",
        escape_property(&file),
        d.line,
        d.column
    );
    if d.end_line > d.line || (d.end_line == d.line && d.end_column >= d.column) {
        let _ = write!(out, ",endLine={},endColumn={}", d.end_line, d.end_column);
    }
    let _ = writeln!(
        out,
        ",title={}::{}",
        escape_property(&title),
        escape_data(&line(&message))
    );
}

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut shown: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    if opts.show_suppressed {
        shown.extend(report.suppressed.iter());
    }
    shown.sort_by(|a, b| {
        (a.sort_key(), a.suppressed.is_some()).cmp(&(b.sort_key(), b.suppressed.is_some()))
    });
    let mut out = String::new();
    for d in shown {
        finding(&mut out, d);
    }
    // On the comment itself, so the reviewer sees what the change tried to
    // silence where it tried.
    for u in &report.unhonoured {
        let _ = writeln!(
            out,
            "::warning file={},line={},title=idlint%3Aignore not honoured::{}",
            escape_property(&line(&u.file)),
            u.line,
            escape_data(&line(&format!(
                "`idlint:ignore {}` is not honoured in this run (--no-inline-suppressions); it would suppress {} finding{}",
                u.rules.join(","),
                u.would_suppress,
                if u.would_suppress == 1 { "" } else { "s" }
            )))
        );
    }
    for e in &report.errors {
        let mut props = Vec::new();
        if !e.file.is_empty() {
            props.push(format!("file={}", escape_property(&line(&e.file))));
        }
        if let Some(l) = e.line {
            props.push(format!("line={l}"));
            if let Some(c) = e.column {
                props.push(format!("col={c}"));
            }
        }
        let sep = if props.is_empty() { "" } else { " " };
        let _ = writeln!(
            out,
            "::error{sep}{}::{}",
            props.join(","),
            escape_data(&line(&e.message))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
    }
}
