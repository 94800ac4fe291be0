//! The JSON report contract (DESIGN.md): tool, summary, findings, errors.

use crate::report::outcome::Report;
use serde::Serialize;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Skipped<'a> {
    file: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct Out<'a> {
    tool: Tool,
    summary: &'a crate::report::outcome::Summary,
    findings: Vec<&'a crate::findings::Diagnostic>,
    errors: &'a [crate::scan::FileError],
    skipped: Vec<Skipped<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    inline_not_honoured: &'a [crate::suppress::Unhonoured],
}

fn out<'a>(report: &'a Report, opts: &super::RenderOptions) -> Out<'a> {
    Out {
        tool: Tool {
            name: "idlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: &report.summary,
        findings: super::listed(report, opts),
        errors: &report.errors,
        skipped: report
            .skipped
            .iter()
            .map(|(f, r)| Skipped { file: f, reason: r })
            .collect(),
        inline_not_honoured: &report.unhonoured,
    }
}

pub fn render(report: &Report, opts: &super::RenderOptions) -> String {
    let mut s = super::sanitize::to_json(&out(report, opts))
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialize report: {e}\"}}"));
    s.push('\n');
    s
}

/// The same bytes as [`render`], streamed: an auditor's report over a large
/// scan is tens of MB that need not sit in memory twice.
pub fn write(
    report: &Report,
    opts: &super::RenderOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    super::sanitize::write_json(&mut *w, &out(report, opts)).map_err(std::io::Error::from)?;
    w.write_all(b"\n")
}
