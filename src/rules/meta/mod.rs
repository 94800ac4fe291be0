//! META: findings about suppressions themselves. They are scan rules that
//! run after suppression: no single unit can tell whether a suppression was
//! used, and a suppression cannot hide the report that it is stale.

pub mod meta001;
pub mod meta002;
pub mod meta003;

use crate::findings::Diagnostic;
use crate::rules::{RuleMeta, ScanCtx};

/// `subject` of a finding on a configuration `suppress` entry.
fn config_subject(s: &crate::suppress::Suppress) -> String {
    format!("suppress:{}:{}", s.rule, s.paths.join(","))
}

/// A finding on the configuration entry `s`.
fn on_config_entry(
    rule: &'static RuleMeta,
    cx: &ScanCtx,
    s: &crate::suppress::Suppress,
    message: String,
) -> Option<Diagnostic> {
    let src = cx.config_source?;
    let span = crate::suppress::config_line_span(src, s.line);
    Some(Diagnostic::at(rule, src, span, message, &config_subject(s)))
}
