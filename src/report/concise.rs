//! `file:line:col: ID [severity] message`, one line per finding or error.

use crate::Report;
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
            d.file,
            d.line,
            d.column,
            d.rule_id,
            d.severity.as_str(),
            d.message
        );
    }
    for e in &report.errors {
        let _ = match (e.line, e.column) {
            (Some(l), Some(c)) => writeln!(out, "{}:{l}:{c}: error: {}", e.file, e.message),
            _ => writeln!(out, "{}: error: {}", e.file, e.message),
        };
    }
    out
}
