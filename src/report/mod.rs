//! Report formats. Each renders a finished `Report` to a string; none reaches
//! back into loaders or the model.

pub mod access;
pub(crate) mod concise;
pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod junit;
pub mod merge;
pub mod outcome;
pub mod sanitize;
pub(crate) mod sarif;

use crate::report::outcome::Report;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Junit,
    Github,
}

pub struct RenderOptions {
    pub color: bool,
    pub quiet: bool,
    /// List suppressed findings too, marked as such.
    pub show_suppressed: bool,
    /// Terminal width for wrapping human output.
    pub width: usize,
    /// The lowest severity that fails the run (`--fail-on`; `None`: never).
    /// JUnit makes a failing test case only of findings at or above it.
    pub fail_on: Option<crate::findings::Severity>,
    /// What SARIF needs beyond the findings (code scanning's view of paths
    /// and rules).
    pub sarif: SarifOptions,
}

/// SARIF for code scanning: where paths are relative to, where each rule's
/// documentation is, and the severities the configuration set.
#[derive(Clone, Debug, Default)]
pub struct SarifOptions {
    /// The repository root, absolute: artifact URIs are relative to it
    /// (`%SRCROOT%`, whose URI the log gives). `None`: relative to the
    /// directory idlint ran in, with no URI for it (the same bytes on every
    /// machine).
    pub root: Option<std::path::PathBuf>,
    /// The directory idlint ran in, absolute, which report paths are
    /// relative to; needed with `root`.
    pub cwd: Option<std::path::PathBuf>,
    /// Where each rule's README is published: `helpUri` is this base
    /// followed by `rules/<ID>-<name>/README.md`. `None`: the project's.
    pub help_uri_base: Option<String>,
    /// The configuration's `severity:` overrides, which the rule
    /// descriptors' level and `security-severity` follow.
    pub severities: Vec<(&'static str, crate::findings::Severity)>,
}

/// The findings a report lists: the reported ones, and with
/// `--show-suppressed` the suppressed ones too, in report order.
pub fn listed<'r>(
    report: &'r Report,
    opts: &RenderOptions,
) -> Vec<&'r crate::findings::Diagnostic> {
    let mut v: Vec<&crate::findings::Diagnostic> = report.diagnostics.iter().collect();
    if opts.show_suppressed {
        v.extend(report.suppressed.iter());
        v.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
    v
}

/// Writes the report: the formats an audit makes large (JSON, SARIF, human)
/// are streamed, the others rendered first.
pub fn write(
    report: &Report,
    format: Format,
    opts: &RenderOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(report, opts, w),
        Format::Sarif => sarif::write(report, opts, w),
        Format::Human => human::write(report, opts, w),
        _ => w.write_all(render(report, format, opts).as_bytes()),
    }
}

pub fn render(report: &Report, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Human => human::render(report, opts),
        Format::Concise => concise::render(report, opts),
        Format::Json => json::render(report, opts),
        Format::Sarif => sarif::render(report, opts),
        Format::Junit => junit::render(report, opts),
        Format::Github => github::render(report, opts),
    }
}

/// A report that could not be written must not pass for a clean run (`>
/// /dev/full`, a full disk): exit 2 with the reason. A closed pipe (`|
/// head`) is the reader's choice, not an error: quiet, and the exit code
/// the run had anyway.
pub fn write_outcome(r: std::io::Result<()>, ok: i32) -> i32 {
    match r {
        Ok(()) => ok,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ok,
        Err(e) => {
            eprintln!(
                "error: cannot write to standard output: {}",
                crate::source::io_message(&e)
            );
            2
        }
    }
}
