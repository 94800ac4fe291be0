//! `file:line:col: ID [severity] message`, one line per finding or error.
//! File names and messages go through `sanitize::line`, so a newline or an
//! escape sequence in them cannot forge or hide a line.

use super::sanitize::line;
use crate::report::outcome::Report;
use std::fmt::Write as _;

pub fn render(report: &Report, opts: &super::RenderOptions) -> String {
    let mut out = String::new();
    for d in super::listed(report, opts) {
        let suppressed = if d.suppressed.is_some() {
            " (suppressed)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{}:{}:{}: {} [{}] {}{suppressed}",
            line(&d.file),
            d.line,
            d.column,
            d.rule_id,
            d.severity.as_str(),
            line(&d.message)
        );
    }
    for e in &report.errors {
        let _ = writeln!(out, "{}: error: {}", line(&e.at()), line(&e.message));
    }
    out
}
