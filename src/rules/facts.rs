//! Facts: what unit-phase rules keep for the scan phase. Units are dropped
//! as soon as their rules have run (memory stays bounded on huge audits),
//! so a scan rule never sees a unit, only the small facts recorded from it,
//! resolved against its files.

use crate::findings::SNIPPET_CONTEXT;
use crate::model::{Loc, Unit};
use crate::source::{SourceFile, Span};
use std::sync::Arc;

/// A place in a scanned file, resolved while its unit was loaded.
#[derive(Clone, Debug)]
pub struct Place {
    /// The file as reports show it.
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// The lines around the place, for a finding there
    /// (`Diagnostic::at(rule, &place.source, place.span, ...)`).
    pub source: Arc<SourceFile>,
    pub span: Span,
}

impl Place {
    pub fn new(unit: &Unit, loc: Loc) -> Place {
        let src = &unit.files[loc.file.0 as usize];
        let lc = src.line_col(loc.span.start);
        Place {
            file: src.display.clone(),
            line: lc.line,
            column: lc.column,
            source: src.excerpt_shared(loc.span, SNIPPET_CONTEXT),
            span: loc.span,
        }
    }
}

/// One thing a unit told the scan phase.
#[derive(Clone, Debug)]
pub struct Fact {
    /// What the fact says, named by the rule that records it
    /// (`"MID002/keys-consumed"`).
    pub kind: &'static str,
    /// What it is about, comparable across units (a lower-case resource ID).
    pub subject: String,
    /// Anything else the scan rule needs (the consuming workload's name).
    pub detail: String,
    pub place: Place,
}

impl Fact {
    pub fn new(kind: &'static str, subject: String, detail: String, unit: &Unit, loc: Loc) -> Fact {
        Fact {
            kind,
            subject,
            detail,
            place: Place::new(unit, loc),
        }
    }

    /// The scan phase's order: the same whatever the thread count or the
    /// order jobs finished in.
    pub fn key(&self) -> (&str, &str, &str, u32, u32, &str) {
        (
            self.kind,
            &self.subject,
            &self.place.file,
            self.place.line,
            self.place.column,
            &self.detail,
        )
    }
}

/// Sorts facts into the scan phase's order and drops repeats (one
/// declaration evaluated many times: copy loops, several parameter files).
pub fn settle(facts: &mut Vec<Fact>) {
    facts.sort_by(|a, b| a.key().cmp(&b.key()));
    facts.dedup_by(|a, b| a.key() == b.key());
}
