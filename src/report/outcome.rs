//! What a scan hands the reports: findings, errors, skipped files and the
//! summary. Here, with the formats that render it, so the reports need
//! nothing from the pipeline that made it.

use crate::findings::{self, Diagnostic, Severity};
use crate::inspect;
use crate::source::load::{FileError, PhaseTimes};
use crate::suppress;
use serde::Serialize;
use std::time::Duration;

#[derive(Clone, Debug, Default, Serialize)]
pub struct BySeverity {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// Files found: by discovery, and files read for context that are
    /// reported on (skipped or failed). Counted apart from the outcomes, so
    /// `files + skipped + failed` equals it only when nothing went unsaid.
    pub discovered: usize,
    /// Files scanned.
    pub files: usize,
    /// Files discovered but not scanned (see `Report::skipped` for why).
    pub skipped: usize,
    /// Files that could not be read or parsed at all.
    pub failed: usize,
    pub findings: usize,
    pub suppressed: usize,
    /// `idlint:ignore` comments not honoured (`--no-inline-suppressions`).
    #[serde(skip_serializing_if = "is_zero")]
    pub inline_not_honoured: usize,
    /// Files with errors: unreadable, unparseable, or with located load errors.
    pub errors: usize,
    pub by_severity: BySeverity,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Default)]
pub struct Report {
    /// Unit summaries, when `Settings::inspect` asks for them.
    pub units: Vec<inspect::UnitSummary>,
    /// Role assignment rows, when `Settings::access` asks for them.
    pub access: Vec<crate::access::Row>,
    pub diagnostics: Vec<Diagnostic>,
    /// Findings hidden by a suppression or the baseline, each saying which.
    pub suppressed: Vec<Diagnostic>,
    /// Inline suppressions listed but not honoured.
    pub unhonoured: Vec<suppress::Unhonoured>,
    pub errors: Vec<FileError>,
    pub skipped: Vec<(String, String)>,
    pub summary: Summary,
    pub elapsed: Duration,
    pub times: PhaseTimes,
    pub bytes: u64,
    /// Bicep registry modules (`br:`, `ts:`) left unknown: idlint reads
    /// nothing outside the scan root, so not the Bicep restore cache either.
    pub registry_modules: usize,
    /// Secret spans per file, sealed: every renderer that shows source text
    /// masks them, whatever became of the findings that found them.
    pub secrets: findings::Secrets,
}

impl Report {
    /// 0: nothing at or above `fail_on`; 1: findings at or above it; 2:
    /// files that could not be read or parsed. `None` (`--fail-on never`)
    /// is always 0: the run is for its report (a SARIF upload), which lists
    /// the errors.
    pub fn exit_code(&self, fail_on: Option<Severity>) -> i32 {
        let Some(min) = fail_on else {
            return 0;
        };
        if !self.errors.is_empty() {
            return 2;
        }
        if self.diagnostics.iter().any(|d| d.severity >= min) {
            1
        } else {
            0
        }
    }
}
