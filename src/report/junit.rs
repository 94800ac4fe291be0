//! `--format junit`: JUnit XML for Azure Pipelines (`PublishTestResults`)
//! and Jenkins.
//!
//! One suite named `idlint`. A test case per rule and file with findings
//! (classname `<ID> <name>`, name the file) fails with every finding of that
//! rule in that file when one of them is at or above `--fail-on`, and passes
//! listing them (`<system-out>`) when all are below it (or with `--fail-on
//! never`); a rule with no finding at all is one passing case, so
//! the suite lists every rule; each file that could not be loaded is a case
//! with an `<error>`. No timestamps, durations or host names: the same scan
//! gives the same bytes.

use super::sanitize::line as clean;
use super::RenderOptions;
use crate::findings::{Diagnostic, Severity, SuppressionKind};
use crate::report::outcome::Report;
use crate::rules::REGISTRY;
use crate::scan::FileError;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// `s` escaped for an XML attribute value or text (after text from the
/// scanned files went through `sanitize::line`, so controls read as `\x1b`
/// rather than vanish): the five predefined
/// entities, tab/newline/carriage return as character references (so
/// attribute normalization keeps them), and characters XML 1.0 cannot carry
/// at all (other C0 controls, U+FFFE, U+FFFF) replaced by U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Like [`escape`], for element text: newlines stay literal, for readability.
fn escape_text(s: &str) -> String {
    escape(s).replace("&#10;", "\n")
}

struct Case {
    classname: String,
    name: String,
    body: Body,
}

enum Body {
    Pass,
    /// Findings below `--fail-on`: listed, not failures.
    Passed {
        text: String,
    },
    Failure {
        message: String,
        kind: String,
        text: String,
    },
    Skipped {
        message: String,
    },
    Error {
        message: String,
        text: String,
    },
}

fn finding_line(d: &Diagnostic) -> String {
    let mut line = format!(
        "{}:{}:{} {}",
        clean(&d.file),
        d.line,
        d.column,
        clean(&d.message)
    );
    if let Some(s) = &d.suppressed {
        let kind = match s.kind {
            SuppressionKind::Inline => "inline",
            SuppressionKind::Config => "config",
            SuppressionKind::Baseline => "baseline",
        };
        let _ = write!(line, " (suppressed, {kind}: {})", clean(&s.justification));
    }
    line
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The test case of one rule in one file: failing with the findings at or
/// above `fail_on`, passing (findings listed) when all are below it.
fn rule_file_case(
    classname: &str,
    file: &str,
    diags: &[&Diagnostic],
    fail_on: Option<Severity>,
) -> Case {
    let active: Vec<&Diagnostic> = diags
        .iter()
        .copied()
        .filter(|d| d.suppressed.is_none())
        .collect();
    let text: Vec<String> = diags.iter().map(|d| finding_line(d)).collect();
    let fails = |d: &&Diagnostic| fail_on.is_some_and(|min| d.severity >= min);
    let body = if active.is_empty() {
        Body::Skipped {
            message: format!("{} suppressed", plural(diags.len(), "finding")),
        }
    } else if !active.iter().any(fails) {
        Body::Passed {
            text: text.join("\n"),
        }
    } else {
        let worst = active
            .iter()
            .map(|d| d.severity)
            .max()
            .unwrap_or(Severity::Low);
        Body::Failure {
            message: match active.as_slice() {
                [one] => clean(&one.message).into_owned(),
                many => format!("{} in {file}", plural(many.len(), "finding")),
            },
            kind: worst.as_str().to_string(),
            text: text.join("\n"),
        }
    };
    Case {
        classname: classname.to_string(),
        name: clean(file).into_owned(),
        body,
    }
}

fn error_case(file: &str, errors: &[&FileError]) -> Case {
    let file = clean(file);
    let lines: Vec<String> = errors
        .iter()
        .map(|e| {
            let message = clean(&e.message);
            match (e.line, e.column) {
                (Some(l), Some(c)) => format!("{file}:{l}:{c} {message}"),
                (Some(l), None) => format!("{file}:{l} {message}"),
                _ => format!("{file} {message}"),
            }
        })
        .collect();
    Case {
        classname: "idlint".to_string(),
        name: file.to_string(),
        body: Body::Error {
            message: match errors {
                [one] => clean(&one.message).into_owned(),
                many => format!("{} in {file}", plural(many.len(), "load error")),
            },
            text: lines.join("\n"),
        },
    }
}

fn cases(report: &Report, opts: &RenderOptions) -> Vec<Case> {
    let mut shown: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    if opts.show_suppressed {
        shown.extend(report.suppressed.iter());
    }
    // rule ID → file → findings, each list in report order.
    let mut by_rule: BTreeMap<&str, BTreeMap<&str, Vec<&Diagnostic>>> = BTreeMap::new();
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for d in &shown {
        names.insert(d.rule_id, d.rule_name);
        by_rule
            .entry(d.rule_id)
            .or_default()
            .entry(d.file.as_str())
            .or_default()
            .push(d);
    }
    for files in by_rule.values_mut() {
        for list in files.values_mut() {
            list.sort_by(|a, b| {
                (a.sort_key(), a.suppressed.is_some()).cmp(&(b.sort_key(), b.suppressed.is_some()))
            });
        }
    }
    // Registered rules in registry order, then any others by ID.
    let mut order: Vec<(&str, &str)> = REGISTRY.iter().map(|r| (r.meta.id, r.meta.name)).collect();
    for (id, name) in &names {
        if !order.iter().any(|(i, _)| i == id) {
            order.push((id, name));
        }
    }
    let mut out = Vec::new();
    for (id, name) in order {
        let classname = format!("{id} {name}");
        match by_rule.get(id) {
            Some(files) => {
                for (file, diags) in files {
                    out.push(rule_file_case(&classname, file, diags, opts.fail_on));
                }
            }
            None => out.push(Case {
                classname,
                name: "no findings".to_string(),
                body: Body::Pass,
            }),
        }
    }
    let mut errors: BTreeMap<&str, Vec<&FileError>> = BTreeMap::new();
    for e in &report.errors {
        errors.entry(e.file.as_str()).or_default().push(e);
    }
    for (file, errs) in errors {
        out.push(error_case(file, &errs));
    }
    out
}

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let cases = cases(report, opts);
    let tests = cases.len();
    let failures = cases
        .iter()
        .filter(|c| matches!(c.body, Body::Failure { .. }))
        .count();
    let errors = cases
        .iter()
        .filter(|c| matches!(c.body, Body::Error { .. }))
        .count();
    let skipped = cases
        .iter()
        .filter(|c| matches!(c.body, Body::Skipped { .. }))
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"idlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\">"
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"idlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\">"
    );
    for c in &cases {
        let open = format!(
            "    <testcase classname=\"{}\" name=\"{}\"",
            escape(&c.classname),
            escape(&c.name)
        );
        match &c.body {
            Body::Pass => {
                let _ = writeln!(out, "{open}/>");
            }
            Body::Passed { text } => {
                let _ = writeln!(
                    out,
                    "{open}>\n      <system-out>{}</system-out>\n    </testcase>",
                    escape_text(text)
                );
            }
            Body::Failure {
                message,
                kind,
                text,
            } => {
                let _ = writeln!(
                    out,
                    "{open}>\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                    escape(message),
                    escape(kind),
                    escape_text(text)
                );
            }
            Body::Skipped { message } => {
                let _ = writeln!(
                    out,
                    "{open}>\n      <skipped message=\"{}\"/>\n    </testcase>",
                    escape(message)
                );
            }
            Body::Error { message, text } => {
                let _ = writeln!(
                    out,
                    "{open}>\n      <error message=\"{}\" type=\"load-error\">{}</error>\n    </testcase>",
                    escape(message),
                    escape_text(text)
                );
            }
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(
            escape("a<b>&\"c\"'d'"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;"
        );
        assert_eq!(
            escape("x\u{1}y\u{1b}z\u{ffff}"),
            "x\u{fffd}y\u{fffd}z\u{fffd}"
        );
        assert_eq!(escape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
        assert_eq!(escape_text("a\nb\rc"), "a\nb&#13;c");
    }
}
